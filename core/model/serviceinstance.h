// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/jsonshape.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

#include <optional>

namespace portico::core {

// An API Management service (Microsoft.ApiManagement/service, §3.1): the tracked resource with
// location, sku, tags and etag at the top level and its settings under properties. Read-only
// members (provisioning states, URLs, addresses, createdAtUtc, platformVersion, etag,
// systemData) are written only in the Response shape. hostnameConfigurations, identity and
// other structured settings are kept verbatim; unknown properties go to otherProperties.
struct ServiceInstance
{
    static constexpr QLatin1StringView resourceType { "Microsoft.ApiManagement/service" };

    struct Sku
    {
        QString name; // Developer|Standard|Premium|Basic|Consumption|Isolated|BasicV2|StandardV2
        int capacity = 0; // 0 for Consumption
        friend bool operator==(const Sku &, const Sku &) = default;
    };

    QString id;   // RO
    QString name; // RO serviceName
    QString location; // REQ, fixed after creation
    Sku sku;          // REQ
    QMap<QString, QString> tags;
    QString etag;           // RO
    QJsonObject identity;   // {type, principalId (RO), tenantId (RO), userAssignedIdentities}
    QStringList zones;
    QJsonObject systemData; // RO

    QString publisherEmail; // REQ
    QString publisherName;  // REQ
    QString notificationSenderEmail;
    QJsonArray hostnameConfigurations;
    QString virtualNetworkType; // None|External|Internal
    QString publicNetworkAccess; // Enabled|Disabled
    QMap<QString, QString> customProperties;
    std::optional<bool> disableGateway;
    QString provisioningState;       // RO
    QString targetProvisioningState; // RO; "" when no operation is running
    QString createdAtUtc;            // RO, ISO 8601 as sent
    QString gatewayUrl;              // RO
    QString gatewayRegionalUrl;      // RO
    QString portalUrl;               // RO
    QString developerPortalUrl;      // RO
    QString managementApiUrl;        // RO
    QString scmUrl;                  // RO
    QStringList publicIPAddresses;   // RO
    QStringList privateIPAddresses;  // RO
    QString platformVersion;         // RO
    QJsonObject otherProperties;

    [[nodiscard]] static Result<ServiceInstance> fromJson(const QJsonObject &json,
                                                          const QString &path = {});
    QJsonObject toJson(JsonShape shape = JsonShape::Response) const;

    friend bool operator==(const ServiceInstance &, const ServiceInstance &) = default;
};

} // namespace portico::core
