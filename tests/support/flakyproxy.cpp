// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/flakyproxy.h"

#include <QTcpSocket>

namespace portico::test {

struct FlakyProxy::Connection
{
    QTcpSocket *client = nullptr;
    QTcpSocket *upstream = nullptr;
    QByteArray pending; // client bytes not yet parsed into a request
    qint64 bodyLeft = 0; // of a forwarded request, still to pass through
    bool losing = false; // the server's answers are dropped (loseAnswerWhen())
};

QByteArray FlakyProxy::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

FlakyProxy::FlakyProxy(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FlakyProxy::onNewConnection);
}

FlakyProxy::~FlakyProxy() = default;

bool FlakyProxy::listen(const QHostAddress &upstreamHost, quint16 upstreamPort)
{
    m_upstreamHost = upstreamHost;
    m_upstreamPort = upstreamPort;
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FlakyProxy::failWhen(Rule rule, int status, const QByteArray &code)
{
    m_rule = std::move(rule);
    m_status = status;
    m_code = code;
}

void FlakyProxy::loseAnswerWhen(Rule rule, Loss loss)
{
    m_loseRule = std::move(rule);
    m_loss = loss;
}

void FlakyProxy::dropWhen(Rule rule)
{
    m_dropRule = std::move(rule);
}

void FlakyProxy::holdWhen(Rule rule)
{
    m_holdRule = std::move(rule);
}

void FlakyProxy::releaseHeld()
{
    for (const Held &held : std::exchange(m_held, {})) {
        if (held.client)
            writeFailure(held.client);
    }
}

void FlakyProxy::forwardHeld()
{
    for (const Held &held : std::exchange(m_held, {})) {
        if (!held.client || held.client->state() != QAbstractSocket::ConnectedState)
            continue;
        ++m_forwarded;
        held.connection->upstream->write(held.request);
    }
}

void FlakyProxy::writeFailure(QTcpSocket *client)
{
    ++m_failed;
    const QByteArray body = "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>"
        + m_code + "</Code><Message>The server is busy (FlakyProxy).</Message></Error>";
    client->write("HTTP/1.1 " + QByteArray::number(m_status) + " Flaky\r\n"
                  "Content-Type: application/xml\r\nx-ms-error-code: " + m_code
                  + (m_retryAfter.isEmpty() ? QByteArray() : "\r\nRetry-After: " + m_retryAfter)
                  + "\r\nContent-Length: " + QByteArray::number(body.size())
                  + "\r\n\r\n" + body);
}

void FlakyProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *connection = new Connection;
        connection->client = client;
        connection->upstream = new QTcpSocket(client);
        connection->upstream->connectToHost(m_upstreamHost, m_upstreamPort);
        connect(connection->upstream, &QTcpSocket::readyRead, client, [this, connection] {
            const QByteArray answer = connection->upstream->readAll();
            if (!connection->losing) {
                connection->client->write(answer);
                return;
            }
            if (answer.isEmpty())
                return;
            ++m_lost;
            connection->losing = false;
            connection->upstream->disconnect(connection->client); // nothing more passes
            if (m_loss == Loss::Disconnect)
                connection->client->disconnectFromHost();
        });
        connect(connection->upstream, &QTcpSocket::disconnected, client, [client] {
            client->disconnectFromHost();
        });
        connect(client, &QTcpSocket::readyRead, this, [this, connection] { readRequests(connection); });
        connect(client, &QTcpSocket::disconnected, client, [connection] {
            connection->upstream->abort();
            connection->client->deleteLater();
            delete connection;
        });
    }
}

void FlakyProxy::readRequests(Connection *connection)
{
    connection->pending += connection->client->readAll();
    for (;;) {
        if (connection->bodyLeft > 0) {
            const QByteArray part = connection->pending.left(connection->bodyLeft);
            connection->upstream->write(part);
            connection->pending.remove(0, part.size());
            connection->bodyLeft -= part.size();
            if (connection->bodyLeft > 0)
                return;
        }
        const qsizetype end = connection->pending.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = connection->pending.left(end + 4);
        const QList<QByteArray> lines = head.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        Request request;
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.append({ lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed() });
        }
        const qint64 length = request.header("Content-Length").toLongLong();
        if (m_dropRule && m_dropRule(request)) {
            ++m_dropped;
            connection->client->abort(); // deletes `connection` through disconnected()
            return;
        }
        const bool hold = m_holdRule && m_holdRule(request);
        if (hold || (m_rule && m_rule(request))) {
            // Answer without forwarding: wait for the whole body, then drop it.
            if (connection->pending.size() < head.size() + length)
                return;
            const QByteArray whole = connection->pending.left(head.size() + length);
            connection->pending.remove(0, head.size() + length);
            if (hold)
                m_held.append({ connection->client, connection, whole });
            else
                writeFailure(connection->client);
            continue;
        }
        ++m_forwarded;
        if (m_loseRule && m_loseRule(request))
            connection->losing = true;
        connection->upstream->write(head);
        connection->pending.remove(0, head.size());
        connection->bodyLeft = length;
    }
}

} // namespace portico::test
