// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/jsonshape.h"

#include <QJsonObject>
#include <QMap>
#include <QStringList>

#include <optional>

namespace portico::core {

// A backend (Microsoft.ApiManagement/service/backends, §3.9). circuitBreaker, pool and
// serviceFabricCluster are kept verbatim in otherProperties. Credential header/query values and
// the proxy password may be secrets: they are part of both shapes (the service returns them),
// so callers must keep toJson() output out of logs.
struct Backend
{
    static constexpr QLatin1StringView resourceType { "Microsoft.ApiManagement/service/backends" };

    struct Credentials
    {
        QStringList certificateIds;
        QStringList certificate;
        QMap<QString, QStringList> query;
        QMap<QString, QStringList> header;
        QString authorizationScheme;
        QString authorizationParameter;
        friend bool operator==(const Credentials &, const Credentials &) = default;
    };
    struct Proxy
    {
        QString url; // REQ when a proxy is set
        QString username;
        QString password;
        friend bool operator==(const Proxy &, const Proxy &) = default;
    };
    struct Tls
    {
        std::optional<bool> validateCertificateChain; // service default: true
        std::optional<bool> validateCertificateName;  // service default: true
        friend bool operator==(const Tls &, const Tls &) = default;
    };

    QString id;   // RO
    QString name; // RO backendId

    QString url;      // REQ
    QString protocol; // REQ: http|soap
    QString title;
    QString description;
    QString resourceId;
    QString type; // Single|Pool
    Credentials credentials;
    Proxy proxy; // unset when url is empty
    Tls tls;
    QJsonObject otherProperties;

    [[nodiscard]] static Result<Backend> fromJson(const QJsonObject &json, const QString &path = {});
    QJsonObject toJson(JsonShape shape = JsonShape::Response) const;

    friend bool operator==(const Backend &, const Backend &) = default;
};

} // namespace portico::core
