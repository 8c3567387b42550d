// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/batch/besclient.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QCryptographicHash>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcBatch, "portico.core.batch")

namespace portico::core {

namespace {

constexpr qint64 maxBodyBytes = 1024 * 1024;

} // namespace

BesClient::BesClient(QNetworkAccessManager *network, BesEndpoint endpoint, QString credential,
                     QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_endpoint(std::move(endpoint))
    , m_credential(std::move(credential))
{
}

BesClient::~BesClient() = default;

BesCall *BesClient::send(const QByteArray &verb, const QUrl &url, const QByteArray &body, bool hasBody,
                         QObject *owner)
{
    QNetworkRequest request(url);
    const auto [name, value] = m_endpoint.authorizationHeader(m_credential);
    request.setRawHeader(name, value);
    request.setRawHeader("Accept", "application/json");
    if (hasBody)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_transferTimeoutMs);
    qCDebug(lcBatch) << verb << url.toString(QUrl::RemoveQuery); // never the credential
    QNetworkReply *reply = hasBody ? m_network->sendCustomRequest(request, verb, body)
                                   : m_network->sendCustomRequest(request, verb);
    if (const QString pinned = m_endpoint.pinnedCertificateSha256; !pinned.isEmpty()) {
        // Only the certificate the user pinned is accepted despite the errors; anything else
        // fails the call with the TLS error as usual.
        connect(reply, &QNetworkReply::sslErrors, reply, [reply, pinned](const QList<QSslError> &errors) {
            const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
            if (!peer.isNull() && QString::fromLatin1(peer.digest(QCryptographicHash::Sha256).toHex()) == pinned)
                reply->ignoreSslErrors(errors);
        });
    }
    return new BesCall(reply, m_deadlineMs, maxBodyBytes, owner ? owner : this);
}

BesCall *BesClient::submit(const QByteArray &body, QObject *owner)
{
    return send("POST", m_endpoint.jobsUrl(), body, true, owner);
}

BesCall *BesClient::start(const QString &jobId, QObject *owner)
{
    // The documented start call sends an empty body.
    return send("POST", m_endpoint.startUrl(jobId), QByteArray(""), true, owner);
}

BesCall *BesClient::status(const QString &jobId, QObject *owner)
{
    return send("GET", m_endpoint.jobUrl(jobId), {}, false, owner);
}

BesCall *BesClient::remove(const QString &jobId, QObject *owner)
{
    return send("DELETE", m_endpoint.jobUrl(jobId), {}, false, owner);
}

} // namespace portico::core
