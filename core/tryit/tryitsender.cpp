// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/tryit/tryitsender.h"

#include "core/arm/armparsing.h"
#include "core/tryit/contentdecoder.h"
#include "core/tryit/wireheaders.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSslConfiguration>

namespace portico::core {

QByteArray TryItResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

qint64 TryItResponse::retryAfterMs() const
{
    return parseRetryAfter(header("Retry-After"), QDateTime::currentDateTimeUtc()).value_or(-1);
}

namespace {

// Valid gzip or deflate data decodes within its first bytes; a body that has not after this
// many is not kept as sent as well.
constexpr qsizetype encodedHeadLimit = 1024 * 1024;

QByteArray finalMethod(QNetworkAccessManager::Operation operation, const QByteArray &requested)
{
    switch (operation) {
    case QNetworkAccessManager::HeadOperation: return QByteArrayLiteral("HEAD");
    case QNetworkAccessManager::GetOperation: return QByteArrayLiteral("GET");
    default: return requested; // a custom verb stays itself (and after 307/308)
    }
}

std::optional<UnfollowedRedirect> unfollowedRedirect(QNetworkReply::NetworkError error,
                                                     const TryItResponse &response, int maxRedirects)
{
    if (response.status < 300 || response.status > 399)
        return std::nullopt;
    UnfollowedRedirect redirect;
    switch (error) {
    case QNetworkReply::TooManyRedirectsError: redirect.reason = UnfollowedRedirect::Reason::TooMany; break;
    case QNetworkReply::InsecureRedirectError: redirect.reason = UnfollowedRedirect::Reason::OtherOrigin; break;
    case QNetworkReply::ProtocolUnknownError:
        redirect.reason = UnfollowedRedirect::Reason::UnsupportedLocation;
        break;
    default: return std::nullopt;
    }
    const QUrl location = QUrl::fromEncoded(response.header("Location"));
    redirect.location = location.isRelative() ? response.url.resolved(location) : location;
    redirect.maxRedirects = maxRedirects;
    return redirect;
}

} // namespace

TryItSender::TryItSender(QNetworkAccessManager *network, PreparedRequest request, Options options,
                         QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_request(std::move(request))
    , m_options(std::move(options))
{
}

TryItSender::~TryItSender()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void TryItSender::start()
{
    if (m_reply || m_result)
        return;
    if (!m_network) {
        SendFailure failure = failureOf(SendFailure::Kind::Other);
        failure.detail = u"No network access manager."_qs;
        fail(std::move(failure), Error::make(Error::Kind::Unavailable, u"The network is not available."_qs));
        return;
    }
    QNetworkRequest request(m_request.url);
    // setRawHeader() keeps only the last of repeated names: they go out joined instead. Qt's
    // own User-Agent, Accept-Encoding and Accept-Language are replaced by what the preview shows.
    for (const auto &[name, value] : wireHeaders(m_request))
        request.setRawHeader(name, value);
    // No Qt transfer timeout: it runs on a coarse timer that may fire up to 5 % early ("no
    // answer within 2 s" after 1.9 s); m_idle is exact, restarted on every sign of progress.
    request.setMaximumRedirectsAllowed(m_options.maxRedirects);
    // Redirects never downgrade to http; credentials in headers follow only within the origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    m_response.url = m_request.url;
    m_response.method = m_request.method;
    m_response.requestBodySize = m_request.body.size();
    m_clock.start();
    // Qt knows that a reply has no body only for its own head(); a HEAD sent as a custom verb
    // waits for the Content-Length it announces until the transfer timeout.
    if (m_request.method == "HEAD") {
        m_reply = m_network->head(request);
    } else if (m_request.body.isEmpty()) {
        // Without an upload device: given an empty one, Qt uploads nothing and never says
        // requestSent(), so a silent server would be "could not connect". A Content-Length: 0
        // goes out only where wireHeaders() lists it.
        m_reply = m_network->sendCustomRequest(request, m_request.method);
    } else {
        m_reply = m_network->sendCustomRequest(request, m_request.method, m_request.body);
    }
    m_deadline.start(m_reply, m_options.deadlineMs);
    // Every sign of progress restarts the idle timeout before it is handled here (startIdle()
    // connects first), the request going out too: "no answer within N s" is counted from the
    // moment the request was sent.
    m_idle.startIdle(m_reply, m_options.transferTimeoutMs);
    m_requestSent.watch(m_reply, this);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &TryItSender::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &TryItSender::onReadyRead);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &TryItSender::progress);
    connect(m_reply, &QNetworkReply::redirected, this, [this] { ++m_response.redirectsFollowed; });
    connect(m_reply, &QNetworkReply::sslErrors, this, &TryItSender::onSslErrors);
    connect(m_reply, &QNetworkReply::finished, this, &TryItSender::onFinished);
}

void TryItSender::cancel()
{
    if (m_result)
        return;
    m_cancelled = true;
    if (m_reply)
        m_reply->abort();
    else
        fail(failureOf(SendFailure::Kind::Cancelled), Error::make(Error::Kind::Cancelled, u"Cancelled."_qs));
}

SendFailure TryItSender::failureOf(SendFailure::Kind kind) const
{
    SendFailure failure;
    failure.kind = kind;
    failure.scheme = m_request.url.scheme();
    failure.host = m_request.url.host();
    failure.port = m_request.url.port(failure.scheme == u"https"_qs ? 443 : 80);
    failure.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    return failure;
}

void TryItSender::fail(SendFailure failure, Error error)
{
    if (error.technical.isEmpty())
        error.technical = failure.detail;
    m_sendFailure = std::move(failure);
    finish(std::move(error));
}

void TryItSender::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate peer = m_reply->sslConfiguration().peerCertificate();
    TlsCertificateInfo info = TlsCertificateInfo::from(peer);
    for (const QSslError &error : errors) {
        info.errors.append(error.errorString());
        info.errorKinds.append(int(error.error()));
    }
    const QStringList pinned = m_options.pinnedFingerprints.value(m_request.url.host().toLower());
    if (!peer.isNull() && pinned.contains(info.sha256Fingerprint, Qt::CaseInsensitive)) {
        info.pinned = true;
        m_reply->ignoreSslErrors(errors); // only these errors, only for this pinned certificate
    }
    m_certificate = info;
}

void TryItSender::onMetaData()
{
    if (!m_reply || m_response.timeToFirstByteMs >= 0)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_response.timeToFirstByteMs = m_clock.elapsed();
    Q_EMIT headersReceived(status.toInt());
}

bool TryItSender::writeOut(const QByteArray &data)
{
    m_response.bodySize += data.size();
    if (m_response.bodySize > m_options.maxBodyBytes) {
        m_failure = Error::make(Error::Kind::Protocol, u"The response body exceeds the size limit."_qs);
        m_failureFacts = failureOf(SendFailure::Kind::BodyTooLarge);
        m_failureFacts->limitBytes = m_options.maxBodyBytes;
        return false;
    }
    if (!m_response.bodyFile && m_response.body.size() + data.size() <= m_options.streamThreshold) {
        m_response.body += data;
        return true;
    }
    if (!m_response.bodyFile) {
        const QString dir = m_options.tempDirectory.isEmpty() ? QDir::tempPath() : m_options.tempDirectory;
        auto file = std::make_shared<QTemporaryFile>(QDir(dir).filePath(u"portico-response-XXXXXX"_qs));
        const auto cannotStore = [this, &dir](const QString &why) {
            m_failure = Error::make(Error::Kind::Storage,
                                    u"Cannot write the response to a temporary file: %1"_qs.arg(why));
            m_failureFacts = failureOf(SendFailure::Kind::CannotStoreBody);
            m_failureFacts->path = QDir::toNativeSeparators(dir);
            m_failureFacts->detail = why;
        };
        if (!file->open()) {
            cannotStore(file->errorString());
            return false;
        }
        if (file->write(m_response.body) != m_response.body.size()) {
            cannotStore(file->errorString());
            return false;
        }
        m_response.body.clear();
        m_response.body.squeeze();
        m_response.bodyFile = std::move(file);
    }
    if (m_response.bodyFile->write(data) != data.size()) {
        m_failure = Error::make(Error::Kind::Storage, m_response.bodyFile->errorString());
        m_failureFacts = failureOf(SendFailure::Kind::CannotStoreBody);
        m_failureFacts->path = QDir::toNativeSeparators(QFileInfo(m_response.bodyFile->fileName()).absolutePath());
        m_failureFacts->detail = m_response.bodyFile->errorString();
        return false;
    }
    return true;
}

bool TryItSender::take(const QByteArray &chunk)
{
    if (!m_decoderChosen) {
        // Qt decodes only when it chose Accept-Encoding itself, which it never does here.
        m_decoderChosen = true;
        const QByteArray encoding = m_reply->rawHeader("Content-Encoding").trimmed();
        m_decoder = ContentDecoder::forEncoding(encoding);
        if (m_decoder) {
            m_response.encodedBodySize = 0;
        } else if (!encoding.isEmpty() && encoding.compare("identity", Qt::CaseInsensitive) != 0) {
            // br, zstd, a chain: shown as sent, and said so.
            IncompleteBody facts;
            facts.cause = IncompleteBody::Cause::UnsupportedEncoding;
            facts.encoding = encoding;
            m_undecoded = facts;
        }
    }
    if (!m_decoder)
        return writeOut(chunk);
    m_response.encodedBodySize += chunk.size();
    if (m_keepEncodedHead) {
        if (m_encodedHead.size() + chunk.size() <= encodedHeadLimit) {
            m_encodedHead += chunk;
        } else {
            m_keepEncodedHead = false;
            m_encodedHead = QByteArray();
        }
    }
    if (m_decoder->decode(chunk, [this](const QByteArray &decoded) { return writeOut(decoded); })) {
        if (m_keepEncodedHead && m_response.bodySize > 0) {
            m_keepEncodedHead = false; // it decodes: the decoded body is what is shown
            m_encodedHead = QByteArray();
        }
        return true;
    }
    if (m_failure)
        return false; // the sink stopped: too large, or it cannot be stored
    return stopDecoding(m_decoder->isChecksumMismatch() ? IncompleteBody::Cause::ChecksumMismatch
                                                        : IncompleteBody::Cause::DecodingFailed,
                        m_decoder->errorString());
}

bool TryItSender::stopDecoding(IncompleteBody::Cause cause, const QString &detail)
{
    IncompleteBody facts;
    facts.cause = cause;
    facts.encoding = m_decoder->encoding();
    facts.networkError = detail;
    // Not what its Content-Encoding says from the first byte (often not encoded at all), or
    // read as raw deflate only to end early or fail: the body as sent is the answer, read to
    // its end as it is. A body that started as valid data and ends early is cut short.
    const bool asSent = m_keepEncodedHead && m_response.bodySize == 0
        && (cause == IncompleteBody::Cause::DecodingFailed
            || (cause == IncompleteBody::Cause::EndsInsideEncoding && m_decoder->isProvisional()));
    if (asSent) {
        facts.cause = IncompleteBody::Cause::NotDecodable;
        m_undecoded = facts;
        m_decoder.reset();
        m_keepEncodedHead = false;
        m_response.encodedBodySize = -1;
        return writeOut(std::exchange(m_encodedHead, QByteArray()));
    }
    m_undecoded = facts;
    return false;
}

void TryItSender::onReadyRead()
{
    if (!m_reply)
        return;
    onMetaData();
    while (m_reply->bytesAvailable() > 0) {
        const QByteArray chunk = m_reply->read(qMin<qint64>(m_reply->bytesAvailable(), 1024 * 1024));
        if (chunk.isEmpty())
            break;
        if (!take(chunk)) {
            m_reply->abort();
            return;
        }
    }
}

void TryItSender::onFinished()
{
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    if (!reply)
        return;
    reply->deleteLater();
    m_deadline.stop();
    m_idle.stop();
    if (!m_failure && reply->error() != QNetworkReply::OperationCanceledError) {
        m_reply = reply; // drain what is left through the same path
        onReadyRead();
        m_reply = nullptr;
    }
    m_response.totalMs = m_clock.elapsed();
    if (m_failure) {
        if (m_failureFacts)
            fail(*m_failureFacts, *m_failure);
        else
            finish(*m_failure);
        return;
    }
    if (m_cancelled) {
        fail(failureOf(SendFailure::Kind::Cancelled), Error::make(Error::Kind::Cancelled, u"Cancelled."_qs));
        return;
    }
    if (m_deadline.passed()) {
        SendFailure failure = failureOf(SendFailure::Kind::Deadline);
        failure.timeoutSeconds = m_options.deadlineMs / 1000;
        fail(std::move(failure), Error::make(Error::Kind::Timeout,
                                             u"No complete answer within %1 s."_qs.arg(m_options.deadlineMs / 1000)));
        return;
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        failFromReply(reply);
        return;
    }
    m_response.status = status.toInt();
    m_response.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    m_response.headers = reply->rawHeaderPairs();
    m_response.url = reply->url();
    m_response.method = finalMethod(reply->operation(), m_request.method);
    if (reply->url().scheme() == u"https"_qs) {
        TlsCertificateInfo info = m_certificate.value_or(
            TlsCertificateInfo::from(reply->sslConfiguration().peerCertificate()));
        m_response.certificate = info;
    }
    const QNetworkReply::NetworkError networkError = reply->error();
    // A redirect Qt refused to follow (a loop, another origin, not http(s)) is reported as a
    // network error, but the 3xx is a complete answer: it is the response, with the facts.
    m_response.unfollowedRedirect = unfollowedRedirect(networkError, m_response, m_options.maxRedirects);
    // A connection-level error after the headers (below the content/HTTP error range, as in
    // BesCall and BlobRequestJob: reset, network gone, a stall past the transfer timeout) means
    // the body broke off; reading stopped where the body stopped decoding is no such error.
    const bool stoppedDecoding = m_undecoded && !m_undecoded->isShownAsSent();
    const bool brokeOff = !m_response.unfollowedRedirect && !stoppedDecoding
        && ((networkError != QNetworkReply::NoError && networkError < QNetworkReply::ContentAccessDenied)
            || networkError == QNetworkReply::ProtocolFailure);
    if (m_decoder && !m_undecoded && !brokeOff && !m_response.unfollowedRedirect
        && m_decoder->isTruncated()) {
        stopDecoding(IncompleteBody::Cause::EndsInsideEncoding, QString()); // zlib said nothing
    }
    if (m_failure) { // the body kept as sent is too large or cannot be stored
        fail(m_failureFacts.value_or(failureOf(SendFailure::Kind::Other)), *m_failure);
        return;
    }
    if (m_response.bodyFile) {
        m_response.bodyFile->flush();
        m_response.bodyFile->seek(0);
    }
    // What arrived of a body that broke off is kept for showing, marked incomplete, never as a
    // result.
    if (brokeOff) {
        // OperationCanceledError without a cancel: the idle timeout (ours, or a transfer timeout
        // the injected QNAM sets for all its requests).
        const bool stalled = networkError == QNetworkReply::OperationCanceledError
            || networkError == QNetworkReply::TimeoutError;
        IncompleteBody incomplete;
        incomplete.cause = stalled ? IncompleteBody::Cause::Stalled : IncompleteBody::Cause::BrokeOff;
        incomplete.idleSeconds = stalled ? m_options.transferTimeoutMs / 1000 : 0;
        incomplete.bytesReceived = m_response.bodySize;
        incomplete.networkErrorCode = int(networkError);
        incomplete.networkError = reply->errorString();
        // The facts travel in partialResponse()->incomplete; the UI says it in words.
        Error error = Error::make(stalled ? Error::Kind::Timeout : Error::Kind::Network,
                                  u"The response body is incomplete."_qs, u"IncompleteBody"_qs);
        error.httpStatus = m_response.status;
        error.technical = stalled ? u"no data for %1 s after %2 bytes"_qs.arg(incomplete.idleSeconds)
                                        .arg(incomplete.bytesReceived)
                                  : u"%1 after %2 bytes"_qs.arg(incomplete.networkError)
                                        .arg(incomplete.bytesReceived);
        m_response.incomplete = std::move(incomplete);
        m_partial = std::move(m_response);
        finish(error);
        return;
    }
    if (m_undecoded) {
        // Still the server's answer: its status, headers and timing, with what could be shown
        // of the body and why the rest could not (partialResponse()).
        const QString encoding = QString::fromLatin1(m_undecoded->encoding);
        Error error = [&] {
            switch (m_undecoded->cause) {
            case IncompleteBody::Cause::NotDecodable:
                return Error::make(Error::Kind::Protocol,
                                   u"The response body is not valid %1 data (Content-Encoding)."_qs.arg(encoding),
                                   u"UndecodableBody"_qs);
            case IncompleteBody::Cause::UnsupportedEncoding:
                return Error::make(Error::Kind::Protocol,
                                   u"The response body is %1 data, which is not decompressed."_qs.arg(encoding),
                                   u"UndecodableBody"_qs);
            case IncompleteBody::Cause::ChecksumMismatch:
                return Error::make(Error::Kind::Protocol,
                                   u"The response body may be damaged: its %1 checksum does not match."_qs.arg(encoding),
                                   u"DamagedBody"_qs);
            default:
                return Error::make(Error::Kind::Protocol,
                                   u"The response body is incomplete: its %1 data does not decode."_qs.arg(encoding),
                                   u"IncompleteBody"_qs);
            }
        }();
        error.httpStatus = m_response.status;
        error.technical = u"%1 after %2 bytes"_qs.arg(m_undecoded->networkError).arg(m_response.bodySize);
        m_undecoded->bytesReceived = m_response.bodySize;
        m_response.incomplete = std::move(m_undecoded);
        m_partial = std::move(m_response);
        finish(error);
        return;
    }
    finish(std::move(m_response));
}

void TryItSender::failFromReply(QNetworkReply *reply)
{
    using Kind = SendFailure::Kind;
    const QNetworkReply::NetworkError code = reply->error();
    Kind kind = Kind::Other;
    Error::Kind errorKind = Error::Kind::Network;
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        kind = Kind::ConnectionRefused;
        break;
    case QNetworkReply::HostNotFoundError:
        kind = Kind::HostNotFound;
        break;
    case QNetworkReply::OperationCanceledError: // m_idle passed (or the QNAM's transfer timeout)
    case QNetworkReply::TimeoutError:
        kind = m_requestSent.isSet() ? Kind::NoAnswer : Kind::ConnectTimeout;
        errorKind = Error::Kind::Timeout;
        break;
    case QNetworkReply::RemoteHostClosedError:
        kind = Kind::ConnectionClosed;
        break;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        kind = Kind::NetworkLost;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        kind = Kind::Tls;
        errorKind = Error::Kind::Tls;
        break;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        kind = Kind::Proxy;
        break;
    default:
        break;
    }
    SendFailure failure = failureOf(kind);
    failure.networkErrorCode = int(code);
    failure.detail = reply->errorString();
    Error error = Error::make(errorKind, reply->errorString());
    if (kind == Kind::ConnectTimeout || kind == Kind::NoAnswer) {
        failure.timeoutSeconds = m_options.transferTimeoutMs / 1000;
        error.message = u"No data for %1 s."_qs.arg(failure.timeoutSeconds);
    }
    if (kind == Kind::Tls && m_certificate) {
        failure.tlsErrors = m_certificate->errorKinds;
        failure.certificate = ServerCertificate(*m_certificate); // its problems are in tlsErrors
        failure.pinMismatch = !m_options.pinnedFingerprints.value(m_request.url.host().toLower()).isEmpty();
        error.technical = u"%1; certificate %2 issued by %3, SHA-256 %4"_qs.arg(
            m_certificate->errors.join(u"; "_qs), m_certificate->subject, m_certificate->issuer,
            m_certificate->sha256Fingerprint);
    }
    if (kind == Kind::Proxy) {
        QNetworkProxy proxy = m_network ? m_network->proxy() : QNetworkProxy();
        if (proxy.type() == QNetworkProxy::DefaultProxy) {
            const QList<QNetworkProxy> proxies = m_network && m_network->proxyFactory()
                ? m_network->proxyFactory()->queryProxy(QNetworkProxyQuery(m_request.url))
                : QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(m_request.url));
            proxy = proxies.isEmpty() ? QNetworkProxy(QNetworkProxy::NoProxy) : proxies.first();
        }
        if (proxy.type() != QNetworkProxy::NoProxy && proxy.type() != QNetworkProxy::DefaultProxy
            && !proxy.hostName().isEmpty()) {
            failure.proxyHost = proxy.hostName();
            failure.proxyPort = proxy.port();
        }
    }
    fail(std::move(failure), std::move(error));
}

void TryItSender::finish(Result<TryItResponse> result)
{
    if (m_result)
        return;
    m_result = std::move(result);
    QTimer::singleShot(0, this, [this] {
        Q_EMIT finished();
        deleteLater();
    });
}

} // namespace portico::core
