// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/gateway/gatewayexchange.h"
#include "core/local/gateway/transport.h"
#include "core/local/gateway/upstreampool.h"

#include <QObject>

#include <memory>

namespace portico::local {

class GatewayShared;
class PolicyRunner;

// One client connection of the gateway's HTTP/1.1 server. Requests are handled one at a time
// (pipelined requests wait in the buffer); bodies stream both ways with backpressure: a side
// is only read while the other side's write buffer is below a high-water mark.
class ClientConnection final : public QObject, private UpstreamPool::Handler, private Transport::Listener
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientConnection)

public:
    // Takes ownership of `client`; `peerIp` is the client's address as the usage log records it.
    ClientConnection(Transport *client, const QString &peerIp, bool tls, GatewayShared &shared,
                     UpstreamPool &pool, QObject *parent = nullptr);
    ~ClientConnection() override;

    // Called periodically by the worker: enforces the head deadline, keep-alive idle time,
    // stalled transfers and the backend timeout (to within the worker's sweep interval).
    void checkDeadline(qint64 nowMs);
    static qint64 monotonicMs();

Q_SIGNALS:
    void closed();

private:
    enum class Phase { Head, Body, AwaitResponse, Closing };
    enum class BodySink { Upstream, Discard };
    enum class ResponsePhase { None, Head, Body, Done };

    void upstreamReadyRead() override { pumpResponse(); }
    void upstreamBytesWritten() override;
    void upstreamGone() override { onUpstreamGone(); }
    void transportEvent(Transport *transport, Transport::Event event) override;
    void onClientGone();
    void readInput();
    void setDeadline(qint64 ms) { m_deadline = monotonicMs() + ms; }
    void onDeadline();
    void pump();
    bool readHead();
    void startExchange(qsizetype headBytes);
    void pumpRequestBody();
    void pumpResponse();
    void onUpstreamGone();
    void onUpstreamTimeout();
    void startUpstream(bool forceNew);
    void writeUpstreamHead();
    void failUpstream(int status, const QString &message, const QString &reason);
    void sendImmediate(GatewayResponse response);
    void writeResponseHead(int status, const QByteArray &reason, HeaderList headers, qint64 contentLength, bool chunked);
    void writeClient(const QByteArray &bytes);
    void finishExchange();
    void abortExchange(const char *why);
    void releaseUpstream(bool reusable);
    void closeClient(bool graceful);
    void armIdleTimer();
    void recordUsage();

    Transport *m_client;
    bool m_tls;
    bool m_peerShutdown = false; // the client ended its stream; answer, then close
    bool m_gone = false;
    QString m_peerIp; // read once: the peer of a connection does not change
    GatewayShared &m_shared;
    UpstreamPool &m_pool;
    std::unique_ptr<PolicyRunner> m_runner;

    Phase m_phase = Phase::Head;
    QByteArray m_in;
    qint64 m_deadline = 0; // head deadline, keep-alive idle, stalled body, backend response timeout
    bool m_closeAfterResponse = false;

    std::unique_ptr<GatewayExchange> m_exchange;
    BodyFraming m_requestFraming;
    BodyDecoder m_requestBody;
    BodySink m_sink = BodySink::Upstream;
    bool m_requestBodyDone = false;
    bool m_expectContinue = false;

    UpstreamPool::Lease m_upstream;
    qint64 m_connectDeadline = 0; // while a new backend connection is being established
    bool m_upstreamChunked = false;
    bool m_retried = false;
    bool m_upstreamSentBody = false;
    QByteArray m_upIn;
    ResponsePhase m_response = ResponsePhase::None;
    HttpResponseHead m_responseHead;
    BodyDecoder m_responseBody;
    bool m_clientChunked = false;
    bool m_upstreamReusable = true;
    bool m_responseStarted = false;
};

} // namespace portico::local
