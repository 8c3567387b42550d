// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

namespace portico::test {

// An HTTP/1.1 proxy on a loopback port in front of a real server (e.g. Azurite, portico-local)
// that answers some requests itself, with an error, instead of forwarding them: what a storage
// service under load does now and then (503 ServerBusy); or that forwards a request and loses
// the server's answer: the server acted, the client never hears of it (a timeout, a dropped
// connection). Everything else passes through unchanged, one upstream connection per client
// connection. Requests must have a Content-Length body (or none) and must not be pipelined,
// which is how QNetworkAccessManager sends them.
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
    // Closes the connection of the requests for which `rule` says so, without any answer: what
    // a dropped Wi-Fi or a restarting load balancer looks like to the client (a network error).
    void dropWhen(Rule rule);
    // Holds the requests for which `rule` says so, neither forwarded nor answered, until
    // releaseHeld() answers them with failWhen()'s status and code: an answer that comes late.
    void holdWhen(Rule rule);
    void releaseHeld();
    int held() const { return int(m_held.size()); }
    // Sends the held requests on to the server instead, which acts on them and answers: a
    // request that reaches the server late (after something else happened on the client).
    void forwardHeld();
    int failed() const { return m_failed; }
    int dropped() const { return m_dropped; }
    int forwarded() const { return m_forwarded; }

    // How the client loses an answer: Stall keeps its connection open and sends nothing (its
    // own timeout ends the wait); Disconnect closes the connection once the server answered.
    enum class Loss { Stall, Disconnect };
    // Forwards the requests for which `rule` says so, and drops whatever the server answers to
    // them. Such a connection carries nothing more.
    void loseAnswerWhen(Rule rule, Loss loss = Loss::Stall);
    // Answers the server gave that the client did not get.
    int lost() const { return m_lost; }
    // failWhen()'s answers carry Retry-After: `value` (e.g. "20", in seconds); empty: none.
    void setFailureRetryAfter(const QByteArray &value) { m_retryAfter = value; }

private:
    struct Connection;
    void onNewConnection();
    void readRequests(Connection *connection);
    void writeFailure(QTcpSocket *client);

    QTcpServer m_server;
    QHostAddress m_upstreamHost;
    quint16 m_upstreamPort = 0;
    Rule m_rule;
    Rule m_dropRule;
    Rule m_holdRule;
    struct Held
    {
        QPointer<QTcpSocket> client;
        Connection *connection = nullptr; // valid while `client` is connected
        QByteArray request;               // head and body, as the client sent them
    };
    QList<Held> m_held;
    int m_status = 503;
    QByteArray m_code;
    int m_failed = 0;
    int m_dropped = 0;
    int m_forwarded = 0;
    Rule m_loseRule;
    Loss m_loss = Loss::Stall;
    int m_lost = 0;
    QByteArray m_retryAfter;
};

} // namespace portico::test
