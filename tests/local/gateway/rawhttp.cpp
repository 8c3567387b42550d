// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/local/gateway/rawhttp.h"

#include <QDeadlineTimer>
#include <QJsonDocument>

namespace portico::test {

using namespace portico::local;

QJsonObject HttpReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

RawHttpConnection::RawHttpConnection(quint16 port, bool tls)
    : m_socket(std::make_unique<QSslSocket>())
{
    if (tls) {
        m_socket->setPeerVerifyMode(QSslSocket::VerifyNone); // the test checks the pin itself
        m_socket->connectToHostEncrypted(u"127.0.0.1"_qs, port);
        m_socket->waitForEncrypted(10000);
    } else {
        m_socket->connectToHost(QHostAddress::LocalHost, port);
        m_socket->waitForConnected(10000);
    }
}

RawHttpConnection::~RawHttpConnection() = default;

bool RawHttpConnection::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void RawHttpConnection::send(const QByteArray &bytes)
{
    m_socket->write(bytes);
    m_socket->flush();
}

QByteArray RawHttpConnection::format(const QByteArray &method, const QByteArray &target,
                                     const QList<QPair<QByteArray, QByteArray>> &headers,
                                     const QByteArray &body)
{
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: gateway.test\r\n";
    bool hasLength = false;
    for (const auto &[name, value] : headers) {
        out += name + ": " + value + "\r\n";
        hasLength = hasLength || name.compare("Content-Length", Qt::CaseInsensitive) == 0
            || name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0;
    }
    if (!body.isEmpty() && !hasLength)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n" + body;
    return out;
}

HttpReply RawHttpConnection::readReply(int timeoutMs, bool forHeadRequest)
{
    HttpReply reply;
    QDeadlineTimer deadline(timeoutMs);
    HttpResponseHead head;
    qsizetype headBytes = 0;
    for (;;) {
        const auto parsed = parseResponseHead(m_buffer, head);
        if (parsed.status == ParseStatus::Error)
            return reply;
        if (parsed.status == ParseStatus::Complete) {
            if (head.status == 100) {
                m_buffer.remove(0, parsed.consumed);
                continue;
            }
            headBytes = parsed.consumed;
            break;
        }
        if (deadline.hasExpired() || (!m_socket->waitForReadyRead(int(deadline.remainingTime())) && m_socket->bytesAvailable() == 0))
            return reply;
        m_buffer.append(m_socket->readAll());
    }
    m_buffer.remove(0, headBytes);
    BodyFraming framing;
    if (!responseBodyFraming(head, forHeadRequest, framing))
        return reply;
    BodyDecoder decoder;
    decoder.reset(framing);
    QByteArray body;
    while (!decoder.done()) {
        qsizetype consumed = 0;
        const auto state = decoder.feed(m_buffer, consumed, body, m_buffer.size() + 1);
        m_buffer.remove(0, consumed);
        if (state == BodyDecoder::State::Error)
            return reply;
        if (state == BodyDecoder::State::Done)
            break;
        if (deadline.hasExpired())
            return reply;
        if (!m_socket->waitForReadyRead(int(deadline.remainingTime())) && m_socket->bytesAvailable() == 0) {
            if (framing.kind == BodyFraming::Kind::UntilClose && m_socket->state() != QAbstractSocket::ConnectedState)
                break;
            if (m_socket->state() != QAbstractSocket::ConnectedState)
                return reply;
        }
        m_buffer.append(m_socket->readAll());
    }
    reply.ok = true;
    reply.status = head.status;
    reply.headers = head.headers;
    reply.body = body;
    return reply;
}

HttpReply RawHttpConnection::request(const QByteArray &method, const QByteArray &target,
                                     const QList<QPair<QByteArray, QByteArray>> &headers,
                                     const QByteArray &body, int timeoutMs)
{
    send(format(method, target, headers, body));
    return readReply(timeoutMs, method == "HEAD");
}

bool RawHttpConnection::waitForClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket->state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        m_socket->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        m_buffer.append(m_socket->readAll());
    }
    return m_socket->state() != QAbstractSocket::ConnectedState;
}

} // namespace portico::test
