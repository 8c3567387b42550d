// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace portico::local {

class ManagementStore;

// One consistent, immutable snapshot of a service's configuration, as the gateway needs it.
// Built by ManagementStore::serviceConfig(); cache it and rebuild when
// ManagementStore::generation() differs from `generation`.
//
// Ids are full ARM ids as the client spelled them; `properties` are the ARM properties exactly
// as GET serves them (ARM camelCase field names, see apim-protocol.md §3). Every cross
// reference (scope, ownerId, apiIds, ...) is a full ARM id; compare them case-insensitively.
// Policy XML is the stored document in its XML-escaped form (format "xml"), already validated
// by PolicyDocument; an empty string means "no policy at this scope".
struct ServiceConfig
{
    struct Operation
    {
        QString id;
        QString name;
        QJsonObject properties; // displayName, method, urlTemplate, templateParameters, request...
        QString policyXml;
    };
    struct Api
    {
        QString id;
        QString name;
        QJsonObject properties; // path, serviceUrl, protocols, subscriptionRequired,
                                // subscriptionKeyParameterNames, ...
        QList<Operation> operations;
        QString policyXml;
        QStringList productIds; // products this API is in
    };
    struct Product
    {
        QString id;
        QString name;
        QJsonObject properties; // state, subscriptionRequired, approvalRequired, ...
        QStringList apiIds;
        QStringList groupIds;
        QString policyXml;
    };
    struct Subscription
    {
        QString id;
        QString name;
        QJsonObject properties; // scope, ownerId, state, allowTracing, ... (never keys)
        QString scope;          // full ARM id: the service ("<svc>/"), "<svc>/apis",
                                // "<svc>/apis/{api}" or "<svc>/products/{product}"
        QString ownerId;        // full ARM id of the user, empty for standalone
        QString state;          // active, suspended, submitted, ...
        QString primaryKey;
        QString secondaryKey;
    };
    struct User
    {
        QString id;
        QString name;
        QJsonObject properties;
        QString state; // active, blocked, pending, deleted
        QStringList groupIds;
    };
    struct Group
    {
        QString id;
        QString name;
        QJsonObject properties;
    };
    struct NamedValue
    {
        QString id;
        QString name;
        QString displayName; // what {{displayName}} in a policy refers to
        QString value;       // the real value, also for secrets
        bool secret = false;
    };
    struct Backend
    {
        QString id;
        QString name;
        QJsonObject properties; // url, protocol, credentials, tls, ...
    };

    quint64 generation = 0;
    QString serviceId;
    QString serviceName;
    QJsonObject service; // the full service envelope (properties.gatewayUrl etc.)
    QString globalPolicyXml;
    QList<Api> apis;
    QList<Product> products;
    QList<Subscription> subscriptions;
    QList<User> users;
    QList<Group> groups;
    QList<NamedValue> namedValues;
    QList<Backend> backends;
};

// Reads one snapshot (used by ManagementStore::serviceConfig()).
[[nodiscard]] core::Result<ServiceConfig> buildServiceConfig(const ManagementStore &store,
                                                             const QString &serviceId);

} // namespace portico::local
