// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QPair>
#include <QString>
#include <QUrl>

namespace portico::core {

// Where a Batch Execution Service lives and how to authenticate, without the secret itself.
// Both targets speak the same BES paths (azureml-protocol.md §1.1) below a base URL:
//   - Direct: the ML service (e.g. https://ussouthcentral.services.azureml.net), with
//     "Authorization: Bearer <ML API key>";
//   - Gateway: the API gateway URL plus the API's path (e.g. https://x.azure-api.net/azureml),
//     with "Ocp-Apim-Subscription-Key: <subscription key>"; the gateway's policy adds the ML key.
// The credential lives in the SecretStore under credentialKey; this value is safe to persist.
struct BesEndpoint
{
    enum class Target { Direct, Gateway };

    Target target = Target::Direct;
    QUrl baseUrl;
    QString workspace;
    QString service;
    QString apiVersion = u"2.0"_qs;
    QString credentialKey; // SecretStore key of the ML API key or the subscription key
    // SHA-256 (hex) of a certificate the user trusts for this endpoint's host although no CA
    // vouches for it: portico-local's self-signed gateway certificate. Empty: the system's CAs.
    QString pinnedCertificateSha256;

    // POST {base}/workspaces/{ws}/services/{svc}/jobs?api-version=2.0
    QUrl jobsUrl() const;
    // GET/DELETE .../jobs/{id}?api-version=2.0
    QUrl jobUrl(const QString &jobId) const;
    // POST .../jobs/{id}/start?api-version=2.0
    QUrl startUrl(const QString &jobId) const;
    // The one header that carries the credential for this target.
    QPair<QByteArray, QByteArray> authorizationHeader(const QString &credential) const;

    // An InvalidInput error naming the field that is missing or wrong.
    Result<void> validate() const;

    QJsonObject toJson() const;
    static Result<BesEndpoint> fromJson(const QJsonObject &json);

    friend bool operator==(const BesEndpoint &, const BesEndpoint &) = default;

private:
    QUrl url(const QString &suffix) const;
};

} // namespace portico::core
