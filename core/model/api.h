// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/jsonshape.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace portico::core {

// Where the gateway looks for a subscription key. Defaults are the service's (§3.2, §6.2);
// fromJson() fills a missing object or member with them.
struct SubscriptionKeyParameterNames
{
    static constexpr QLatin1StringView defaultHeader { "Ocp-Apim-Subscription-Key" };
    static constexpr QLatin1StringView defaultQuery { "subscription-key" };

    QString header = defaultHeader;
    QString query = defaultQuery;

    friend bool operator==(const SubscriptionKeyParameterNames &,
                           const SubscriptionKeyParameterNames &) = default;
};

// An API (Microsoft.ApiManagement/service/apis, apim-protocol.md §3.2). `name` is the apiId,
// possibly with ";rev=<n>" for a non-current revision. Optional booleans stay unset when the
// wire omits them, so a round trip does not invent values. Properties this type does not model
// (contact, license, authenticationSettings, apiVersionSet, import fields...) are kept in
// otherProperties and written back, so a read-modify-write PUT does not drop them.
struct Api
{
    static constexpr QLatin1StringView resourceType { "Microsoft.ApiManagement/service/apis" };

    QString id;   // RO full ARM id
    QString name; // RO apiId (last id segment)

    QString path; // REQ (may be empty: the service's default API)
    QString displayName;
    QString description;
    QString serviceUrl;
    QStringList protocols; // http, https, ws, wss
    std::optional<bool> subscriptionRequired;
    SubscriptionKeyParameterNames subscriptionKeyParameterNames;
    QString apiType; // wire "type": http|soap|websocket|graphql|odata|grpc
    QString apiRevision;
    QString apiRevisionDescription;
    QString apiVersion;
    QString apiVersionDescription;
    QString apiVersionSetId;
    std::optional<bool> isCurrent;
    QString sourceApiId;
    QString termsOfServiceUrl;
    std::optional<bool> isOnline; // RO
    QString provisioningState;    // RO
    QJsonObject otherProperties;

    // Accepts {id,type,name,properties:{...}}; `path` names the object in error messages.
    [[nodiscard]] static Result<Api> fromJson(const QJsonObject &json, const QString &path = {});
    QJsonObject toJson(JsonShape shape = JsonShape::Response) const;

    friend bool operator==(const Api &, const Api &) = default;
};

} // namespace portico::core
