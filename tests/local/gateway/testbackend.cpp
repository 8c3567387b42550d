// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/local/gateway/testbackend.h"

#include "core/local/gateway/httpmessage.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace portico::test {

using namespace portico::local;

namespace {

class BackendConnection final : public QObject
{
public:
    BackendConnection(QTcpSocket *socket, TestBackend *owner)
        : QObject(socket)
        , m_socket(socket)
        , m_owner(owner)
    {
        connect(socket, &QIODevice::readyRead, this, &BackendConnection::pump);
        connect(socket, &QIODevice::bytesWritten, this, &BackendConnection::feedDownload);
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    void pump()
    {
        m_buffer.append(m_socket->readAll());
        while (true) {
            if (!m_inBody) {
                if (m_busy)
                    return;
                const auto parsed = parseRequestHead(m_buffer, m_head);
                if (parsed.status != ParseStatus::Complete)
                    return;
                m_buffer.remove(0, parsed.consumed);
                BodyFraming framing;
                if (!requestBodyFraming(m_head, framing)) {
                    m_socket->abort();
                    return;
                }
                m_body.reset(framing);
                m_inBody = true;
                if (m_closeOnNextRequest) {
                    // Like a backend whose keep-alive timeout fires as a request arrives.
                    m_socket->abort();
                    return;
                }
            }
            QByteArray ignored;
            qsizetype consumed = 0;
            const auto state = m_body.feed(m_buffer, consumed, ignored, m_buffer.size() + 1);
            if (m_bodyPrefix.size() < 256)
                m_bodyPrefix.append(ignored.left(256 - m_bodyPrefix.size()));
            m_buffer.remove(0, consumed);
            if (state == BodyDecoder::State::NeedMore)
                return;
            if (state == BodyDecoder::State::Error) {
                m_socket->abort();
                return;
            }
            m_inBody = false;
            m_owner->onRequestBodyDone(m_body.payloadBytes());
            respond();
            if (!m_buffer.isEmpty() && !m_busy)
                continue;
            return;
        }
    }

    void respond()
    {
        const qsizetype q = m_head.target.indexOf('?');
        const QByteArray path = q >= 0 ? m_head.target.left(q) : m_head.target;
        const QUrlQuery query(QString::fromUtf8(q >= 0 ? m_head.target.mid(q + 1) : QByteArray()));
        if (path.endsWith("/closeafter"))
            m_closeOnNextRequest = true; // answered; the next request on this connection is not
        if (path.endsWith("/drop")) {
            m_socket->abort();
            return;
        }
        if (path.endsWith("/slow")) {
            m_busy = true;
            const int delay = query.queryItemValue(u"delay"_qs).toInt();
            const qint64 bodyBytes = m_body.payloadBytes();
            QTimer::singleShot(delay, this, [this, bodyBytes] {
                m_busy = false;
                writeEcho(bodyBytes);
                pump();
            });
            return;
        }
        if (path.endsWith("/download")) {
            m_downloadLeft = query.queryItemValue(u"bytes"_qs).toLongLong();
            m_socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                            + QByteArray::number(m_downloadLeft) + "\r\n\r\n");
            m_busy = true;
            feedDownload();
            return;
        }
        if (path.endsWith("/chunked")) {
            m_socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "5\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\n\r\n");
            return;
        }
        writeEcho(m_body.payloadBytes());
    }

    void writeEcho(qint64 bodyBytes)
    {
        QJsonObject headers;
        for (const auto &[name, value] : m_head.headers.fields()) {
            const QString key = QString::fromLatin1(name).toLower();
            const QString existing = headers.value(key).toString();
            headers.insert(key, existing.isEmpty() ? QString::fromUtf8(value) : existing + u", "_qs + QString::fromUtf8(value));
        }
        const qsizetype q = m_head.target.indexOf('?');
        QJsonObject echo {
            { u"method"_qs, QString::fromLatin1(m_head.method) },
            { u"path"_qs, QString::fromUtf8(q >= 0 ? m_head.target.left(q) : m_head.target) },
            { u"query"_qs, QString::fromUtf8(q >= 0 ? m_head.target.mid(q + 1) : QByteArray()) },
            { u"headers"_qs, headers },
            { u"bodyBytes"_qs, bodyBytes },
            { u"bodyPrefix"_qs, QString::fromUtf8(m_bodyPrefix) },
        };
        m_bodyPrefix.clear();
        const QByteArray body = QJsonDocument(echo).toJson(QJsonDocument::Compact);
        m_socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Backend: test\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    void feedDownload()
    {
        static const QByteArray block(64 * 1024, 'd');
        while (m_downloadLeft > 0 && m_socket->bytesToWrite() < 512 * 1024) {
            const qint64 n = std::min<qint64>(block.size(), m_downloadLeft);
            m_socket->write(block.constData(), n);
            m_downloadLeft -= n;
        }
        if (m_downloadLeft == 0 && m_busy && m_socket->bytesToWrite() == 0) {
            m_busy = false;
            QTimer::singleShot(0, this, &BackendConnection::pump);
        }
    }

    QTcpSocket *m_socket;
    TestBackend *m_owner;
    QByteArray m_buffer;
    HttpRequestHead m_head;
    BodyDecoder m_body;
    QByteArray m_bodyPrefix;
    bool m_inBody = false;
    bool m_busy = false;
    bool m_closeOnNextRequest = false;
    qint64 m_downloadLeft = 0;
};

} // namespace

TestBackend::TestBackend()
{
    m_thread.setObjectName(u"test-backend"_qs);
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_server = new QTcpServer;
            connect(m_server, &QTcpServer::newConnection, m_server, [this] {
                while (QTcpSocket *s = m_server->nextPendingConnection()) {
                    ++m_accepted;
                    new BackendConnection(s, this);
                }
            });
            m_server->listen(QHostAddress::LocalHost, 0);
            m_port = m_server->serverPort();
        },
        Qt::BlockingQueuedConnection);
}

TestBackend::~TestBackend()
{
    QMetaObject::invokeMethod(m_context, [this] { delete m_server; delete m_context; },
                              Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QUrl TestBackend::url(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_qs.arg(m_port).arg(path));
}

} // namespace portico::test
