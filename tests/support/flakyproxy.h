// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

namespace portico::test {

// An HTTP/1.1 proxy on a loopback port in front of a real server (e.g. Azurite) that answers
// some requests itself, with an error, instead of forwarding them: what a storage service
// under load does now and then (503 ServerBusy). Everything else passes through unchanged, one
// upstream connection per client connection. Requests must have a Content-Length body (or
// none) and must not be pipelined, which is how QNetworkAccessManager sends them.
// It can also lose answers: a request that swallowAnswerWhen() picks reaches the server, which
// acts on it, but nothing of the server's answer comes back (a connection that drops replies).
class FlakyProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlakyProxy)

public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query as sent
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray &name) const;
    };
    // Returns true to fail the request.
    using Rule = std::function<bool(const Request &)>;

    explicit FlakyProxy(QObject *parent = nullptr);
    ~FlakyProxy() override;

    bool listen(const QHostAddress &upstreamHost, quint16 upstreamPort);
    quint16 port() const { return m_server.serverPort(); }

    // Fails the requests for which `rule` says so, answering `status` with an Azure Storage
    // error body of `code`.
    void failWhen(Rule rule, int status = 503, const QByteArray &code = "ServerBusy");
    // Forwards the requests for which `rule` says so and drops everything the server answers
    // to them: the client waits until it gives up.
    void swallowAnswerWhen(Rule rule) { m_swallowRule = std::move(rule); }
    int failed() const { return m_failed; }
    int swallowed() const { return m_swallowed; }
    int forwarded() const { return m_forwarded; }

private:
    struct Connection;
    void onNewConnection();
    void readRequests(Connection *connection);

    QTcpServer m_server;
    QHostAddress m_upstreamHost;
    quint16 m_upstreamPort = 0;
    Rule m_rule;
    Rule m_swallowRule;
    int m_status = 503;
    QByteArray m_code;
    int m_failed = 0;
    int m_swallowed = 0;
    int m_forwarded = 0;
};

} // namespace portico::test
