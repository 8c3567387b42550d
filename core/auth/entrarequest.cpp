// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/entrarequest.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>

namespace portico::core {

namespace {

// Where postEntraForm() keeps the certificate problems of a reply (QStringList).
constexpr char kSslErrorsProperty[] = "portico_entra_ssl_errors";

} // namespace

QNetworkReply *postEntraForm(QNetworkAccessManager *network, const EntraConfig &config,
                             QStringView endpointName, const QByteArray &form)
{
    QNetworkRequest request(config.endpoint(endpointName));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(config.transferTimeoutMs());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    QNetworkReply *reply = network->post(request, form);
    // Recorded, not ignored: the handshake then fails with SslHandshakeFailedError.
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        QStringList texts = reply->property(kSslErrorsProperty).toStringList();
        for (const QSslError &error : errors) {
            if (!texts.contains(error.errorString()))
                texts << error.errorString();
        }
        reply->setProperty(kSslErrorsProperty, texts);
    });
    return reply;
}

Error entraTransportError(const QNetworkReply *reply, const EntraConfig &config)
{
    const QString host = reply->url().host();
    Error error;
    error.technical = reply->errorString();
    switch (reply->error()) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // only the transfer timeout aborts it this way
        error.kind = Error::Kind::Timeout;
        error.message = u"Entra ID (%1) did not answer within %2 s."_qs.arg(
            host, QString::number((config.transferTimeoutMs() + 999) / 1000));
        break;
    case QNetworkReply::SslHandshakeFailedError: {
        error.kind = Error::Kind::Tls;
        const QStringList problems = reply->property(kSslErrorsProperty).toStringList();
        error.message = problems.isEmpty()
            ? u"The TLS handshake with %1 failed: %2"_qs.arg(host, reply->errorString())
            : u"The certificate of %1 was refused: %2."_qs.arg(host, problems.join(u"; "_qs));
        break;
    }
    default:
        error.kind = Error::Kind::Network;
        error.message = reply->errorString();
        break;
    }
    return error;
}

} // namespace portico::core
