// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/replay/replayserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QPointer>
#include <QTimer>

namespace portico::test {

namespace {

QByteArray reasonFor(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 409: return "Conflict";
    case 412: return "Precondition Failed";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

} // namespace

QByteArray ReplayServer::Received::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

ReplayServer::ReplayServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ReplayServer::onConnection);
}

ReplayServer::~ReplayServer() = default;

QString ReplayServer::recordingsDirectory()
{
    return QStringLiteral(PORTICO_REPLAY_RECORDINGS);
}

bool ReplayServer::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString ReplayServer::Received::formField(const QString &name) const
{
    QString text = QString::fromUtf8(body);
    text.replace(u'+', u' '); // QUrlQuery keeps '+' as is; forms use it for a space
    return QUrlQuery(text).queryItemValue(name, QUrl::FullyDecoded);
}

QUrl ReplayServer::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_qs.arg(m_server.serverPort()));
}

bool ReplayServer::load(const QString &recordingName, QString *error)
{
    QFile file(QDir(recordingsDirectory()).filePath(recordingName));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        if (error)
            *error = parseError.errorString();
        return false;
    }
    const QJsonArray exchanges = document.object().value(u"exchanges"_qs).toArray();
    for (const QJsonValue &exchange : exchanges)
        add(exchange.toObject());
    return !exchanges.isEmpty();
}

void ReplayServer::add(const QJsonObject &exchange)
{
    m_exchanges.append({ exchange.value(u"request"_qs).toObject(),
                         exchange.value(u"response"_qs).toObject(),
                         exchange.value(u"repeat"_qs).toInt(1) });
}

int ReplayServer::remaining() const
{
    int n = 0;
    for (const Exchange &exchange : m_exchanges)
        n += exchange.remaining;
    return n;
}

void ReplayServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            for (;;) {
                const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                if (headerEnd < 0)
                    return;
                const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
                const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
                Received request;
                request.method = requestLine.value(0);
                const QByteArray target = requestLine.value(1);
                const qsizetype q = target.indexOf('?');
                request.path = QString::fromUtf8(QByteArray::fromPercentEncoding(q < 0 ? target : target.left(q)));
                request.query = q < 0 ? QString() : QString::fromUtf8(target.mid(q + 1));
                qsizetype contentLength = 0;
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const QByteArray line = lines.at(i).trimmed();
                    const qsizetype colon = line.indexOf(':');
                    if (colon <= 0)
                        continue;
                    const QByteArray name = line.left(colon).trimmed();
                    const QByteArray value = line.mid(colon + 1).trimmed();
                    request.headers.append({ name, value });
                    if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                        contentLength = value.toLongLong();
                }
                if (buffer->size() < headerEnd + 4 + contentLength)
                    return;
                request.body = buffer->mid(headerEnd + 4, contentLength);
                buffer->remove(0, headerEnd + 4 + contentLength);
                handle(socket, request);
            }
        });
    }
}

void ReplayServer::handle(QTcpSocket *socket, const Received &request)
{
    m_received.append(request);
    Exchange *match = nullptr;
    for (Exchange &exchange : m_exchanges) {
        if (exchange.remaining <= 0)
            continue;
        if (exchange.request.value(u"method"_qs).toString().toUtf8() != request.method)
            continue;
        if (exchange.request.value(u"path"_qs).toString().compare(request.path, Qt::CaseInsensitive) != 0)
            continue;
        const QString query = exchange.request.value(u"queryContains"_qs).toString();
        if (!query.isEmpty() && !request.query.contains(query))
            continue;
        const QString contains = exchange.request.value(u"bodyContains"_qs).toString();
        if (!contains.isEmpty() && !request.body.contains(contains.toUtf8()))
            continue;
        match = &exchange;
        break;
    }

    const QByteArray base = url().toString().toUtf8();
    QByteArray body;
    QByteArray head;
    int delayMs = 0;
    if (!match) {
        m_unmatched.append(QString::fromUtf8(request.method) + u' ' + request.path);
        body = "no recorded exchange for " + request.method + ' ' + request.path.toUtf8();
        head = "HTTP/1.1 599 Unmatched\r\nContent-Type: text/plain\r\n";
    } else {
        --match->remaining;
        const QJsonObject response = match->response;
        const int status = response.value(u"status"_qs).toInt(200);
        delayMs = response.value(u"delayMs"_qs).toInt();
        const QJsonValue bodyValue = response.value(u"body"_qs);
        if (bodyValue.isObject())
            body = QJsonDocument(bodyValue.toObject()).toJson(QJsonDocument::Compact);
        else if (bodyValue.isArray())
            body = QJsonDocument(bodyValue.toArray()).toJson(QJsonDocument::Compact);
        else if (bodyValue.isString())
            body = bodyValue.toString().toUtf8();
        body.replace("{{base}}", base);
        head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonFor(status) + "\r\n";
        const QJsonObject headers = response.value(u"headers"_qs).toObject();
        bool hasContentType = false;
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            QByteArray value = it.value().toString().toUtf8();
            value.replace("{{base}}", base);
            head += it.key().toUtf8() + ": " + value + "\r\n";
            hasContentType = hasContentType || it.key().compare(u"Content-Type"_qs, Qt::CaseInsensitive) == 0;
        }
        if (!hasContentType && !body.isEmpty())
            head += "Content-Type: application/json; charset=utf-8\r\n";
    }
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: keep-alive\r\n\r\n";
    const QByteArray payload = head + (request.method == "HEAD" ? QByteArray() : body);
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(delayMs, this, [guard, payload] {
        if (guard)
            guard->write(payload);
    });
}

} // namespace portico::test
