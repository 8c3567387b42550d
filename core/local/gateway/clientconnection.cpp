// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/clientconnection.h"

#include "core/local/gateway/gatewayshared.h"
#include "core/local/gateway/policyrunner.h"
#include "core/local/usage/usagelog.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <atomic>
#include <chrono>

namespace portico::local {

namespace {

constexpr qint64 kHighWater = 1024 * 1024;
constexpr qint64 kChunk = 64 * 1024;
constexpr qsizetype kReadStep = 16 * 1024;
constexpr qsizetype kMaxResponseHead = 256 * 1024;

// The answer for a backend that cannot be connected to: refused, or silent past the connect
// timeout.
const QString kCannotConnect = u"Unable to connect to the backend service."_qs;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QByteArray chunkFrame(const QByteArray &payload)
{
    return QByteArray::number(payload.size(), 16) + "\r\n" + payload + "\r\n";
}

// Unique per process run without a system call per request: a random 64-bit prefix and a
// counter, formatted like a UUID.
QByteArray nextRequestId()
{
    static const quint64 prefix = QRandomGenerator::system()->generate64();
    static std::atomic<quint64> counter { 0 };
    const quint64 n = counter.fetch_add(1, std::memory_order_relaxed);
    static constexpr char digits[] = "0123456789abcdef";
    QByteArray id(36, Qt::Uninitialized);
    char *out = id.data();
    int written = 0;
    const auto put = [&](quint64 value) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            if (written == 8 || written == 12 || written == 16 || written == 20)
                *out++ = '-';
            *out++ = digits[(value >> shift) & 0xf];
            ++written;
        }
    };
    put(prefix);
    put(n);
    return id;
}

} // namespace

ClientConnection::ClientConnection(Transport *client, const QString &peerIp, bool tls,
                                   GatewayShared &shared, UpstreamPool &pool, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_tls(tls)
    , m_peerIp(peerIp)
    , m_shared(shared)
    , m_pool(pool)
    , m_runner(std::make_unique<PolicyRunner>(shared.limiter))
{
    m_client->setParent(this);
    m_client->setListener(this);
    armIdleTimer();
    if (m_client->mayHaveInput())
        QMetaObject::invokeMethod(this, &ClientConnection::pump, Qt::QueuedConnection);
}

void ClientConnection::transportEvent(Transport *, Transport::Event event)
{
    switch (event) {
    case Transport::Event::Readable:
        pump();
        break;
    case Transport::Event::Written:
        if (m_response == ResponsePhase::Body && m_client->bytesToWrite() < kHighWater)
            pumpResponse();
        break;
    case Transport::Event::PeerShutdown:
        // A client may half-close after its request: it is still answered (pipelined requests
        // that arrived before the end too), then the connection closes. pump() reads the end.
        m_peerShutdown = true;
        pump();
        break;
    case Transport::Event::Closed:
        onClientGone();
        break;
    }
}

void ClientConnection::onClientGone()
{
    if (m_gone)
        return;
    m_gone = true;
    m_phase = Phase::Closing;
    if (m_exchange) {
        recordUsage(); // the client went away mid-exchange
        m_exchange.reset();
    }
    releaseUpstream(false);
    m_deadline = 0;
    Q_EMIT closed();
    deleteLater();
}

void ClientConnection::readInput()
{
    // What has arrived, within a bound (a head larger than that is refused anyway).
    const qsizetype cap = std::max<qsizetype>(kChunk, m_shared.limits.maxRequestLine + m_shared.limits.maxHeaderBytes);
    while (m_in.size() < cap && m_client->read(m_in, kReadStep) > 0) {
    }
}

ClientConnection::~ClientConnection()
{
    releaseUpstream(false);
}

qint64 ClientConnection::monotonicMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void ClientConnection::checkDeadline(qint64 nowMs)
{
    if (m_connectDeadline > 0 && nowMs >= m_connectDeadline) {
        m_connectDeadline = 0;
        // A backend address that drops the handshake fails after the connect timeout, not after
        // the whole forward-request timeout.
        if (m_exchange && m_upstream.transport && !m_upstream.transport->isConnected()
            && m_response == ResponsePhase::None && m_upIn.isEmpty()) {
            failUpstream(502, kCannotConnect, u"BackendConnectionFailure"_qs);
            return;
        }
    }
    if (m_deadline > 0 && nowMs >= m_deadline) {
        m_deadline = 0;
        onDeadline();
    }
}

void ClientConnection::onDeadline()
{
    switch (m_phase) {
    case Phase::Head:
        if (m_in.isEmpty()) {
            closeClient(false); // idle keep-alive connection
        } else {
            GatewayResponse r = GatewayResponse::json(408, u"Request Timeout"_qs);
            m_closeAfterResponse = true;
            m_exchange = std::make_unique<GatewayExchange>();
            sendImmediate(r);
            m_exchange.reset();
            closeClient(true);
        }
        break;
    case Phase::Body:
        if (m_response == ResponsePhase::None || m_response == ResponsePhase::Head)
            onUpstreamTimeout();
        else
            abortExchange("request body stalled");
        break;
    case Phase::AwaitResponse:
        onUpstreamTimeout();
        break;
    case Phase::Closing:
        m_client->abort();
        break;
    }
}

void ClientConnection::upstreamBytesWritten()
{
    if (m_phase == Phase::Body && m_sink == BodySink::Upstream && m_upstream.transport
        && m_upstream.transport->bytesToWrite() < kHighWater)
        pumpRequestBody();
}

void ClientConnection::armIdleTimer()
{
    setDeadline(m_shared.limits.idleTimeoutMs);
}

void ClientConnection::pump()
{
    if (m_phase == Phase::Head && !readHead())
        return;
    if (m_phase == Phase::Body)
        pumpRequestBody();
}

bool ClientConnection::readHead()
{
    const bool wasEmpty = m_in.isEmpty();
    readInput();
    const bool ended = m_peerShutdown && !m_client->isConnected();
    if (m_in.isEmpty()) {
        if (ended)
            closeClient(true); // a half-closed client with nothing more to ask
        return false;
    }
    if (wasEmpty)
        setDeadline(m_shared.limits.headTimeoutMs);
    auto exchange = std::make_unique<GatewayExchange>();
    HttpLimits limits;
    limits.maxRequestLine = m_shared.limits.maxRequestLine;
    limits.maxHeaderBytes = m_shared.limits.maxHeaderBytes;
    const HeadParseResult parsed = parseRequestHead(m_in, exchange->request, limits);
    if (parsed.status == ParseStatus::NeedMore) {
        if (ended)
            closeClient(true); // the client ended its stream inside a head
        return false;
    }
    m_exchange = std::move(exchange);
    m_exchange->startMs = nowMs();
    m_exchange->clientIp = m_peerIp;
    m_exchange->tls = m_tls;
    if (parsed.status == ParseStatus::Error) {
        m_closeAfterResponse = true;
        m_in.clear();
        sendImmediate(GatewayResponse::json(parsed.errorStatus, QString::fromLatin1(reasonPhrase(parsed.errorStatus))));
        m_response = ResponsePhase::Done;
        m_requestBodyDone = true;
        finishExchange();
        return false;
    }
    startExchange(parsed.consumed);
    return m_phase == Phase::Body;
}

void ClientConnection::startExchange(qsizetype headBytes)
{
    GatewayExchange &ex = *m_exchange;
    m_in.remove(0, headBytes);
    ex.bytesIn = headBytes;
    ex.requestId = nextRequestId();
    m_response = ResponsePhase::None;
    m_retried = false;
    m_upstreamSentBody = false;
    m_upstreamReusable = true;
    m_responseStarted = false;
    m_upIn.clear();

    HttpRequestHead &request = ex.request;
    QByteArray target = request.target;
    if (target.startsWith("http://") || target.startsWith("https://")) {
        const qsizetype slash = target.indexOf('/', target.indexOf("//") + 2);
        target = slash < 0 ? QByteArray("/") : target.mid(slash);
    }
    const qsizetype q = target.indexOf('?');
    ex.rawPath = q >= 0 ? target.left(q) : target;
    ex.rawQuery = q >= 0 ? target.mid(q + 1) : QByteArray();

    const QByteArray connection = request.headers.value("Connection");
    if (request.versionMinor == 0)
        m_closeAfterResponse = !headerHasToken(connection, "keep-alive");
    else if (headerHasToken(connection, "close"))
        m_closeAfterResponse = true;
    m_expectContinue = headerHasToken(request.headers.value("Expect"), "100-continue");
    request.headers.remove("Expect");

    const bool framed = requestBodyFraming(request, m_requestFraming);
    if (!framed || !ex.rawPath.startsWith('/')) {
        m_closeAfterResponse = true;
        m_requestBodyDone = true;
        sendImmediate(GatewayResponse::json(400, u"Bad Request"_qs));
        m_response = ResponsePhase::Done;
        finishExchange();
        return;
    }
    m_requestBody.reset(m_requestFraming);
    m_requestBodyDone = m_requestFraming.kind == BodyFraming::Kind::None;

    m_shared.ensureFresh();
    ex.snapshot = m_shared.snapshot();
    if (!ex.snapshot)
        ex.snapshot = GatewaySnapshot::build({});
    m_runner->runInbound(ex, ex.startMs);

    if (ex.immediate) {
        if (!m_requestBodyDone && m_expectContinue)
            m_closeAfterResponse = true; // the client has not sent the body and need not
        m_sink = BodySink::Discard;
        GatewayResponse response = std::move(*ex.immediate);
        ex.immediate.reset();
        sendImmediate(std::move(response));
        m_response = ResponsePhase::Done;
        if (m_requestBodyDone || m_closeAfterResponse) {
            finishExchange();
        } else {
            m_phase = Phase::Body;
            armIdleTimer();
        }
        return;
    }

    // Forward.
    HeaderList &h = request.headers;
    stripHopByHop(h);
    h.remove("Content-Length");
    const QByteArray originalHost = h.value("Host");
    QByteArray forwardedFor = h.value("X-Forwarded-For");
    forwardedFor = forwardedFor.isEmpty() ? ex.clientIp.toLatin1() : forwardedFor + ", " + ex.clientIp.toLatin1();
    h.set("X-Forwarded-For", forwardedFor);
    if (!originalHost.isEmpty())
        h.set("X-Forwarded-Host", originalHost);
    h.set("X-Forwarded-Proto", m_tls ? "https" : "http");
    m_sink = BodySink::Upstream;
    m_phase = m_requestBodyDone ? Phase::AwaitResponse : Phase::Body;
    setDeadline(ex.timeoutMs);
    if (!ex.backendBase.isValid() || ex.backendBase.host().isEmpty()
        || (ex.backendBase.scheme() != u"http" && ex.backendBase.scheme() != u"https")) {
        failUpstream(500, u"The API has no valid backend service URL."_qs, u"BackendConnectionFailure"_qs);
        return;
    }
    startUpstream(false);
    if (m_expectContinue && !m_requestBodyDone)
        writeClient("HTTP/1.1 100 Continue\r\n\r\n");
}

void ClientConnection::startUpstream(bool forceNew)
{
    GatewayExchange &ex = *m_exchange;
    m_upstream = m_pool.acquire(ex.backendBase, this, forceNew);
    m_connectDeadline = m_upstream.reused || m_upstream.transport->isConnected()
        ? 0
        : monotonicMs() + m_shared.limits.connectTimeoutMs;
    ex.serviceStartMs = nowMs();
    writeUpstreamHead();
}

void ClientConnection::writeUpstreamHead()
{
    GatewayExchange &ex = *m_exchange;
    QByteArray head;
    head.reserve(512);
    head += ex.request.method;
    head += ' ';
    head += ex.backendTarget();
    head += " HTTP/1.1\r\nHost: ";
    head += m_pool.origin(ex.backendBase).hostHeader;
    head += "\r\n";
    ex.request.headers.remove("Host");
    ex.request.headers.serialize(head);
    m_upstreamChunked = false;
    if (m_requestFraming.kind == BodyFraming::Kind::Length) {
        head += "Content-Length: " + QByteArray::number(m_requestFraming.length) + "\r\n";
    } else if (m_requestFraming.kind == BodyFraming::Kind::Chunked) {
        head += "Transfer-Encoding: chunked\r\n";
        m_upstreamChunked = true;
    }
    head += "\r\n";
    m_upstream.transport->write(head);
    if (m_phase == Phase::Body)
        pumpRequestBody();
    // Hand a pooled connection the request now rather than at the end of the event batch. A
    // new connection writes once it is established.
    if (m_upstream.transport)
        m_upstream.transport->flush();
}

void ClientConnection::pumpRequestBody()
{
    while (m_phase == Phase::Body) {
        const bool toUpstream = m_sink == BodySink::Upstream;
        if (toUpstream && (!m_upstream.transport || m_upstream.transport->bytesToWrite() > kHighWater))
            return;
        if (m_in.isEmpty()) {
            m_client->read(m_in, kChunk);
            if (m_in.isEmpty()) {
                if (m_peerShutdown && !m_client->isConnected()) {
                    // The client ended its stream inside the body.
                    if (!toUpstream && m_response == ResponsePhase::Done)
                        closeClient(true);
                    else
                        abortExchange("client closed inside the request body");
                }
                return;
            }
            if (!toUpstream)
                armIdleTimer();
        }
        QByteArray out;
        qsizetype consumed = 0;
        const auto state = m_requestBody.feed(m_in, consumed, out, kChunk);
        m_in.remove(0, consumed);
        m_exchange->bytesIn += consumed;
        if (toUpstream && !out.isEmpty()) {
            m_upstream.transport->write(m_upstreamChunked ? chunkFrame(out) : out);
            m_upstreamSentBody = true;
        }
        if (state == BodyDecoder::State::Error) {
            if (m_response == ResponsePhase::None || m_response == ResponsePhase::Head) {
                m_closeAfterResponse = true;
                releaseUpstream(false);
                sendImmediate(GatewayResponse::json(400, u"Bad Request"_qs));
                m_response = ResponsePhase::Done;
                m_requestBodyDone = true;
                finishExchange();
            } else {
                abortExchange("malformed request body");
            }
            return;
        }
        if (state == BodyDecoder::State::Done) {
            if (toUpstream && m_upstreamChunked)
                m_upstream.transport->write(QByteArrayLiteral("0\r\n\r\n"));
            m_requestBodyDone = true;
            m_phase = Phase::AwaitResponse;
            if (m_response == ResponsePhase::Done)
                finishExchange();
            return;
        }
        if (consumed == 0 && out.isEmpty())
            return;
    }
}

void ClientConnection::pumpResponse()
{
    if (!m_upstream.transport || !m_exchange)
        return;
    GatewayExchange &ex = *m_exchange;
    Transport *up = m_upstream.transport;
    if (m_response == ResponsePhase::None || m_response == ResponsePhase::Head) {
        m_response = ResponsePhase::Head;
        while (m_upIn.size() < kMaxResponseHead && up->read(m_upIn, kChunk) > 0) {
        }
        for (;;) {
            const HeadParseResult parsed = parseResponseHead(m_upIn, m_responseHead);
            if (parsed.status == ParseStatus::NeedMore)
                return;
            if (parsed.status == ParseStatus::Error) {
                failUpstream(502, u"The backend service sent an invalid response."_qs, u"BackendConnectionFailure"_qs);
                return;
            }
            m_upIn.remove(0, parsed.consumed);
            if (m_responseHead.status >= 100 && m_responseHead.status < 200 && m_responseHead.status != 101)
                continue; // interim response; the gateway already answered Expect itself
            break;
        }
        ex.serviceMs = nowMs() - ex.serviceStartMs;
        ex.backendStatus = m_responseHead.status;
        BodyFraming framing;
        if (m_responseHead.status == 101 || !responseBodyFraming(m_responseHead, ex.request.method == "HEAD", framing)) {
            failUpstream(502, u"The backend service sent an invalid response."_qs, u"BackendConnectionFailure"_qs);
            return;
        }
        m_upstreamReusable = m_responseHead.versionMinor >= 1
            && !headerHasToken(m_responseHead.headers.value("Connection"), "close")
            && framing.kind != BodyFraming::Kind::UntilClose;
        m_responseBody.reset(framing);
        m_response = ResponsePhase::Body;
        setDeadline(m_shared.limits.idleTimeoutMs);

        m_runner->runOutbound(ex, m_responseHead);
        if (ex.immediate) {
            GatewayResponse replaced = std::move(*ex.immediate);
            ex.immediate.reset();
            releaseUpstream(false);
            sendImmediate(std::move(replaced));
            m_response = ResponsePhase::Done;
            if (m_requestBodyDone)
                finishExchange();
            else
                m_sink = BodySink::Discard;
            return;
        }
        HeaderList headers = m_responseHead.headers;
        stripHopByHop(headers);
        m_clientChunked = false;
        if (framing.kind == BodyFraming::Kind::Chunked || framing.kind == BodyFraming::Kind::UntilClose) {
            headers.remove("Content-Length");
            if (ex.request.versionMinor >= 1) {
                headers.append("Transfer-Encoding", "chunked");
                m_clientChunked = true;
            } else {
                m_closeAfterResponse = true;
            }
        }
        writeResponseHead(m_responseHead.status, m_responseHead.reason, headers, -1, false);
    }
    if (m_response != ResponsePhase::Body)
        return;
    for (;;) {
        if (m_client->bytesToWrite() > kHighWater)
            return; // resumes on the client's Written event
        if (m_upIn.isEmpty())
            up->read(m_upIn, kChunk);
        if (m_upIn.isEmpty() && !m_responseBody.done()) {
            if (!up->isConnected()) {
                if (m_responseBody.framing().kind == BodyFraming::Kind::UntilClose) {
                    m_responseBody.reset({}); // the close ends the body
                } else {
                    abortExchange("backend closed the connection mid-body");
                    return;
                }
            } else {
                return;
            }
        }
        QByteArray out;
        qsizetype consumed = 0;
        const auto state = m_responseBody.feed(m_upIn, consumed, out, kChunk);
        m_upIn.remove(0, consumed);
        if (!out.isEmpty()) {
            writeClient(m_clientChunked ? chunkFrame(out) : out);
            m_runner->accountBandwidth(ex, out.size());
        }
        if (state == BodyDecoder::State::Error) {
            abortExchange("malformed response body");
            return;
        }
        if (state == BodyDecoder::State::Done) {
            if (m_clientChunked)
                writeClient("0\r\n\r\n");
            m_response = ResponsePhase::Done;
            releaseUpstream(m_upstreamReusable && m_requestBodyDone && m_upIn.isEmpty());
            if (m_requestBodyDone) {
                finishExchange();
            } else {
                m_sink = BodySink::Discard;
                m_phase = Phase::Body;
                armIdleTimer();
                pumpRequestBody();
            }
            return;
        }
        setDeadline(m_shared.limits.idleTimeoutMs);
    }
}

void ClientConnection::onUpstreamGone()
{
    if (!m_exchange || !m_upstream.transport)
        return;
    if (m_response == ResponsePhase::None || m_response == ResponsePhase::Head) {
        if (m_upstream.transport->mayHaveInput()) {
            pumpResponse();
            if (m_response == ResponsePhase::Body || m_response == ResponsePhase::Done)
                return;
        }
        const bool canRetry = m_upstream.reused && !m_retried && !m_upstreamSentBody && m_upIn.isEmpty();
        if (canRetry) {
            m_retried = true;
            releaseUpstream(false);
            startUpstream(true);
            return;
        }
        const bool refused = m_upstream.transport->connectionRefused();
        failUpstream(502,
                     refused ? kCannotConnect
                             : u"The backend service closed the connection without a response."_qs,
                     u"BackendConnectionFailure"_qs);
        return;
    }
    if (m_response == ResponsePhase::Body)
        pumpResponse();
}

void ClientConnection::onUpstreamTimeout()
{
    failUpstream(504, u"The backend service did not respond in time."_qs, u"Timeout"_qs);
}

void ClientConnection::failUpstream(int status, const QString &message, const QString &reason)
{
    if (!m_exchange)
        return;
    if (m_responseStarted) {
        abortExchange("backend failed mid-response");
        return;
    }
    releaseUpstream(false);
    GatewayExchange &ex = *m_exchange;
    ex.errorReason = reason;
    GatewayResponse response = GatewayResponse::json(status, message);
    m_runner->runOnError(ex, response);
    if (!m_requestBodyDone)
        m_closeAfterResponse = true;
    sendImmediate(std::move(response));
    m_response = ResponsePhase::Done;
    finishExchange();
}

void ClientConnection::sendImmediate(GatewayResponse response)
{
    HeaderList headers = std::move(response.headers);
    headers.set("Content-Length", QByteArray::number(response.body.size()));
    const bool head = m_exchange && m_exchange->request.method == "HEAD";
    writeResponseHead(response.status, reasonPhrase(response.status), headers, response.body.size(), false);
    if (!head && !response.body.isEmpty())
        writeClient(response.body);
    // Flushed by finishExchange() once the usage record is queued (or by the event loop).
}

void ClientConnection::writeResponseHead(int status, const QByteArray &reason, HeaderList headers,
                                         qint64, bool)
{
    if (m_exchange) {
        m_exchange->status = status;
        m_runner->decorate(*m_exchange, headers);
    }
    m_responseStarted = true;
    QByteArray head;
    head.reserve(256);
    const int minor = m_exchange && m_exchange->request.versionMinor == 0 ? 0 : 1;
    head += minor == 0 ? "HTTP/1.0 " : "HTTP/1.1 ";
    head += QByteArray::number(status);
    head += ' ';
    head += reason.isEmpty() ? reasonPhrase(status) : reason;
    head += "\r\n";
    headers.remove("Connection");
    if (m_closeAfterResponse)
        headers.append("Connection", "close");
    else if (minor == 0)
        headers.append("Connection", "keep-alive");
    headers.serialize(head);
    head += "\r\n";
    writeClient(head);
}

void ClientConnection::writeClient(const QByteArray &bytes)
{
    if (m_exchange)
        m_exchange->bytesOut += bytes.size();
    m_client->write(bytes);
}

void ClientConnection::releaseUpstream(bool reusable)
{
    m_connectDeadline = 0;
    if (!m_upstream.transport)
        return;
    m_pool.release(m_upstream, reusable);
    m_upstream = {};
}

void ClientConnection::finishExchange()
{
    // Record first: a client that reads its response and then asks for a report sees it.
    recordUsage();
    m_client->flush();
    m_exchange.reset();
    m_response = ResponsePhase::None;
    releaseUpstream(false);
    if (m_closeAfterResponse) {
        closeClient(true);
        return;
    }
    m_phase = Phase::Head;
    armIdleTimer();
    if (!m_in.isEmpty() || m_client->mayHaveInput() || m_peerShutdown)
        QMetaObject::invokeMethod(this, &ClientConnection::pump, Qt::QueuedConnection);
}

void ClientConnection::abortExchange(const char *)
{
    recordUsage();
    m_exchange.reset();
    releaseUpstream(false);
    closeClient(false);
}

void ClientConnection::closeClient(bool graceful)
{
    m_phase = Phase::Closing;
    if (graceful && m_client->isWritable()) {
        setDeadline(5000); // bounded linger for the last bytes
        m_client->closeGracefully();
    } else {
        m_client->abort();
    }
}

void ClientConnection::recordUsage()
{
    if (!m_exchange || !m_shared.usage)
        return;
    m_shared.usage->record(*m_exchange, nowMs());
}

} // namespace portico::local
