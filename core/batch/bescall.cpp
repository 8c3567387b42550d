// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/batch/bescall.h"

#include "core/arm/armparsing.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QTimer>

namespace portico::core {

namespace {

QString hostOf(const QUrl &url)
{
    return url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
}

} // namespace

BesCall::BesCall(QNetworkReply *reply, int deadlineMs, qint64 maxBodyBytes, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_maxBodyBytes(maxBodyBytes)
{
    reply->setParent(this);
    m_requestSent.watch(reply, this);
    connect(reply, &QNetworkReply::readyRead, this, &BesCall::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &BesCall::onFinished);
    m_deadline.start(reply, deadlineMs);
}

BesCall::~BesCall()
{
    stop();
}

void BesCall::stop()
{
    m_deadline.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
}

void BesCall::abort()
{
    if (m_result)
        return;
    m_mayHaveReachedService = m_requestSent.isSet();
    stop();
    finish(Error::make(Error::Kind::Cancelled, u"Cancelled."_qs));
}

void BesCall::onReadyRead()
{
    if (!m_reply || m_result)
        return;
    m_body += m_reply->readAll();
    if (m_body.size() > m_maxBodyBytes) {
        stop();
        finish(Error::make(Error::Kind::Protocol,
                           u"The batch service sent more than %1 bytes."_qs.arg(m_maxBodyBytes)));
    }
}

void BesCall::onFinished()
{
    if (!m_reply || m_result)
        return;
    onReadyRead();
    if (m_result)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    m_deadline.stop();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString host = hostOf(reply->url());
    // Connection-level failures (below the content/HTTP error range), also in mid-body.
    const bool connectionFailed = reply->error() != QNetworkReply::NoError
        && reply->error() < QNetworkReply::ContentAccessDenied;
    if (status == 0 || connectionFailed) {
        // Without an answer, only a request that went out can have reached the service.
        m_mayHaveReachedService = status != 0 || m_requestSent.isSet();
        if (m_deadline.passed() || reply->error() == QNetworkReply::OperationCanceledError) {
            finish(Error::make(Error::Kind::Timeout,
                               u"The batch service at %1 did not answer in time."_qs.arg(host)));
            return;
        }
        if (status == 0
            && (reply->error() == QNetworkReply::RemoteHostClosedError
                || reply->error() == QNetworkReply::ContentReSendError)) {
            finish(Error::make(Error::Kind::Network,
                               m_mayHaveReachedService
                                   ? u"The connection to the batch service at %1 closed before it answered."_qs.arg(host)
                                   : u"The connection to the batch service at %1 closed before the request was sent."_qs
                                         .arg(host),
                               u"ConnectionClosed"_qs));
            return;
        }
        const bool tls = reply->error() == QNetworkReply::SslHandshakeFailedError;
        finish(Error::make(tls ? Error::Kind::Tls : Error::Kind::Network,
                           u"Cannot reach the batch service at %1: %2"_qs.arg(host, reply->errorString())));
        return;
    }
    if (status >= 200 && status < 300) {
        finish(Reply { status, m_body });
        return;
    }
    if (const auto retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc()))
        m_retryAfterMs = *retryAfter;
    Error error = parseArmError(status, m_body);
    if (status == 429 || status == 503)
        error.kind = Error::Kind::Unavailable;
    finish(error);
}

void BesCall::finish(Result<Reply> result)
{
    if (m_result)
        return;
    m_result = std::move(result);
    // Always from the event loop, also when abort() is called from a caller's stack.
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
}

} // namespace portico::core
