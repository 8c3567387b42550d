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

#include <cstring>

Q_LOGGING_CATEGORY(lcBatch, "portico.core.batch")

namespace portico::core {

namespace {

constexpr qint64 maxBodyBytes = 1024 * 1024;

// A request body that cannot be rewound. Qt sends a request again on a new connection when the
// first one closes before any answer came; with this body it fails the reply
// (ContentReSendError) instead.
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_read + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_read);
        if (n <= 0)
            return -1;
        std::memcpy(data, m_data.constData() + m_read, size_t(n));
        m_read += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_read = 0;
};

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

BesCall *BesClient::send(const QByteArray &verb, const QUrl &url, const QByteArray &body, Body kind,
                         QObject *owner)
{
    QNetworkRequest request(url);
    const auto [name, value] = m_endpoint.authorizationHeader(m_credential);
    request.setRawHeader(name, value);
    request.setRawHeader("Accept", "application/json");
    if (kind != Body::None)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_transferTimeoutMs);
    qCDebug(lcBatch) << verb << url.toString(QUrl::RemoveQuery); // never the credential
    QNetworkReply *reply = nullptr;
    switch (kind) {
    case Body::None:
        reply = m_network->sendCustomRequest(request, verb);
        break;
    case Body::Resendable:
        reply = m_network->sendCustomRequest(request, verb, body);
        break;
    case Body::Once: {
        // Streamed as it is, not buffered by Qt (a buffered copy could be rewound).
        request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        // Over HTTP/1.1 only: whether a failed submit may have reached the service (a Retry
        // could create a second job) rests on Qt's requestSent(), which Qt 6.4 emits from its
        // HTTP/1 protocol handler; its HTTP/2 handler is not known to. A one-shot body is
        // HTTP/1 reasoning too, and BES answers over HTTP/1.1.
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        auto *device = new OneShotBody(body, nullptr);
        reply = m_network->sendCustomRequest(request, verb, device);
        device->setParent(reply);
        break;
    }
    }
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
    return send("POST", m_endpoint.jobsUrl(), body, Body::Once, owner);
}

BesCall *BesClient::start(const QString &jobId, QObject *owner)
{
    // The documented start call sends an empty body.
    return send("POST", m_endpoint.startUrl(jobId), QByteArray(""), Body::Resendable, owner);
}

BesCall *BesClient::status(const QString &jobId, QObject *owner)
{
    return send("GET", m_endpoint.jobUrl(jobId), {}, Body::None, owner);
}

BesCall *BesClient::remove(const QString &jobId, QObject *owner)
{
    return send("DELETE", m_endpoint.jobUrl(jobId), {}, Body::None, owner);
}

} // namespace portico::core
