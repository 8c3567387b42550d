// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/arm/armexchange.h"

#include "core/arm/armclient.h"
#include "core/arm/armparsing.h"
#include "core/auth/accesstokenprovider.h"

#include <QBuffer>
#include <QDateTime>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QUuid>

Q_LOGGING_CATEGORY(lcArm, "portico.core.arm")

namespace portico::core {

namespace {

bool isRetryableStatus(int status)
{
    return status == 429 || status == 503;
}

Error networkError(QNetworkReply::NetworkError code, const QString &text)
{
    Error error;
    switch (code) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // only our own deadlines abort this way
        error.kind = Error::Kind::Timeout;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = Error::Kind::Tls;
        break;
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::ProtocolFailure:
        error.kind = Error::Kind::Protocol;
        break;
    default:
        error.kind = Error::Kind::Network;
        break;
    }
    error.message = text;
    return error;
}

} // namespace

ArmExchange::ArmExchange(ArmClient *client, ArmRequest request, int deadlineMs, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_request(std::move(request))
    , m_timing(client->timing())
    , m_deadlineMs(deadlineMs)
{
    m_elapsed.start();
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { requestToken(false); });

    QString resolveError;
    m_url = client->resolve(m_request, &resolveError);
    if (!m_url.isValid()) {
        finish(Error::make(Error::Kind::Refused, resolveError));
        return;
    }
    m_deadline.start(nullptr, m_deadlineMs);
    requestToken(false);
}

ArmExchange::~ArmExchange()
{
    dropReply();
}

void ArmExchange::cancel()
{
    if (m_result)
        return;
    dropReply();
    finish(Error::make(Error::Kind::Cancelled, u"Cancelled."_qs));
}

void ArmExchange::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    m_deadline.setReply(nullptr);
    m_idle.stop();
    m_idle.setReply(nullptr);
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void ArmExchange::waitWithoutReply()
{
    m_deadline.start(nullptr, int(qMax<qint64>(0, m_deadlineMs - m_elapsed.elapsed())));
}

void ArmExchange::onDeadlinePassed()
{
    if (m_result)
        return; // the aborted reply has finished the exchange already
    dropReply();
    finish(deadlineError());
}

Error ArmExchange::deadlineError() const
{
    return Error::make(Error::Kind::Timeout, u"No answer within %1 s."_qs.arg(m_deadlineMs / 1000));
}

void ArmExchange::requestToken(bool forceRefresh)
{
    if (m_result)
        return;
    if (!m_client || !m_client->tokenProvider()) {
        finish(Error::make(Error::Kind::Unauthorized, u"No credentials for this environment."_qs));
        return;
    }
    TokenJob *job = m_client->tokenProvider()->token(forceRefresh);
    connect(job, &TokenJob::finished, this, [this, job] {
        if (m_result)
            return;
        if (!job->result().ok()) {
            finish(job->result().error());
            return;
        }
        sendWithToken(job->result().value().token);
    });
}

void ArmExchange::sendWithToken(const QString &token)
{
    if (!m_client || !m_client->network()) {
        finish(Error::make(Error::Kind::Unavailable, u"The network is not available."_qs));
        return;
    }
    ++m_attempt;
    m_buffer.clear();
    m_bodyTooLarge = false;

    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setRawHeader("Accept", "application/json");
    if (!m_client->userAgent().isEmpty())
        request.setRawHeader("User-Agent", m_client->userAgent());
    request.setRawHeader("x-ms-client-request-id",
                         QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1());
    if (!m_request.body.isEmpty() || m_request.method == "PUT" || m_request.method == "POST"
        || m_request.method == "PATCH")
        request.setRawHeader("Content-Type", m_request.contentType);
    if (!m_request.ifMatch.isEmpty())
        request.setRawHeader("If-Match", m_request.ifMatch);
    for (const auto &[name, value] : std::as_const(m_request.headers))
        request.setRawHeader(name, value);
    // No Qt transfer timeout: it runs on a coarse timer that may fire up to 5 % early; m_idle
    // is exact.
    request.setMaximumRedirectsAllowed(m_timing.maxRedirects);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);

    qCDebug(lcArm) << m_request.method << m_url.path() << "attempt" << m_attempt;
    m_reply = m_client->network()->sendCustomRequest(request, m_request.method, m_request.body);
    m_deadline.setReply(m_reply);
    m_idle.startIdle(m_reply, m_timing.transferTimeoutMs);
    // The answer has begun: from now on only silence (m_idle) ends it, not its length.
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] { m_deadline.stop(); });
    connect(m_reply, &QNetworkReply::readyRead, this, [this] {
        if (!m_reply)
            return;
        if (m_buffer.size() + m_reply->bytesAvailable() > m_timing.maxBodyBytes) {
            m_bodyTooLarge = true;
            dropReply();
            finish(Error::make(Error::Kind::Protocol,
                               u"The reply is larger than %1 MiB."_qs.arg(m_timing.maxBodyBytes >> 20)));
            return;
        }
        m_buffer += m_reply->readAll();
    });
    connect(m_reply, &QNetworkReply::finished, this, &ArmExchange::onReplyFinished);
}

void ArmExchange::onReplyFinished()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    reply->deleteLater();
    m_deadline.setReply(nullptr);
    m_idle.stop();
    m_idle.setReply(nullptr);
    if (m_result)
        return;
    if (m_deadline.passed()) {
        finish(deadlineError());
        return;
    }
    const Error noData = Error::make(Error::Kind::Timeout,
                                     u"No data for %1 s."_qs.arg(m_timing.transferTimeoutMs / 1000));
    m_buffer += reply->readAll();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        Error error = networkError(reply->error(), reply->errorString());
        finish(error.kind == Error::Kind::Timeout ? noData : error);
        return;
    }
    const int status = statusAttribute.toInt();
    if (status >= 200 && status < 300 && reply->error() != QNetworkReply::NoError) {
        // The body broke off, or stopped coming for transferTimeoutMs.
        finish(m_idle.passed() ? noData : networkError(reply->error(), reply->errorString()));
        return;
    }

    if (status == 401 && !m_refreshedToken) {
        m_refreshedToken = true;
        waitWithoutReply();
        requestToken(true);
        return;
    }

    if (isRetryableStatus(status)) {
        const std::optional<qint64> retryAfter =
            parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
        m_retryAfterMs = retryAfter.value_or(-1);
        qint64 delay = 0;
        if (retryAfter) {
            delay = *retryAfter;
        } else {
            delay = retryBackoffMs(m_timing, m_attempt);
        }
        const qint64 scaledDelay = m_timing.scaled(delay);
        const qint64 remaining = m_deadlineMs - m_elapsed.elapsed();
        if (m_attempt < m_timing.maxAttempts && scaledDelay < remaining) {
            qCDebug(lcArm) << "HTTP" << status << "retrying in" << scaledDelay << "ms";
            Q_EMIT retrying(m_attempt, scaledDelay);
            waitWithoutReply();
            m_retryTimer.start(int(scaledDelay));
            return;
        }
    }

    if (status < 200 || status >= 300) {
        Error error = parseArmError(status, m_buffer);
        if (status == 401 && m_client)
            Q_EMIT m_client->unauthorized(error); // refused even with a fresh token
        finish(error);
        return;
    }

    ArmResponse response;
    response.status = status;
    response.url = reply->url();
    response.body = std::move(m_buffer);
    response.headers = reply->rawHeaderPairs();
    finish(std::move(response));
}

void ArmExchange::finish(Result<ArmResponse> result)
{
    if (m_result)
        return;
    m_result = std::move(result);
    m_deadline.stop();
    m_idle.stop();
    m_retryTimer.stop();
    QTimer::singleShot(0, this, &ArmExchange::finished);
}

qint64 retryBackoffMs(const ArmTiming &timing, int attempt)
{
    const qint64 backoff
        = qMin<qint64>(qint64(timing.baseBackoffMs) << qMin(attempt - 1, 16), timing.maxBackoffMs);
    return backoff / 2 + QRandomGenerator::global()->bounded(backoff / 2 + 1);
}

} // namespace portico::core
