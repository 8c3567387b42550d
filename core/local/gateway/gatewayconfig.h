// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace portico::local {

// What the gateway needs from the management store to route, authorize and apply policies.
// Plain values, built from the store whenever it changes; the gateway compiles it into an
// immutable snapshot, so a request never sees a half-applied change.
struct GatewayConfig
{
    struct Parameter
    {
        QString name;
        QStringList values; // declared `values`; empty = any
    };
    struct ResponseExample
    {
        int statusCode = 200;
        QString contentType;
        QByteArray body;
    };
    struct Operation
    {
        QString id;
        QString displayName;
        QString method;
        QString urlTemplate;
        QList<Parameter> templateParameters;
        QList<ResponseExample> responses; // for mock-response
        QString policyXml;                // empty = none
    };
    struct Api
    {
        // The service's name. The gateway serves every service of the instance, each below its
        // own first path segment: {gateway}/{service}/{api path}{urlTemplate}, which is what the
        // service's gatewayUrl says. An empty name (a configuration built directly, as the
        // engine tests do) is served at the root.
        QString service;
        QString id;
        QString displayName;
        QString path;
        QString serviceUrl;
        QStringList protocols { u"https"_qs };
        bool subscriptionRequired = true;
        QString subscriptionKeyHeader { u"Ocp-Apim-Subscription-Key"_qs };
        QString subscriptionKeyQuery { u"subscription-key"_qs };
        QList<Operation> operations;
        QString policyXml;
    };
    struct Product
    {
        QString service;
        QString id;
        QString displayName;
        bool published = false;
        bool subscriptionRequired = true;
        QStringList apiIds;
        QString policyXml;
    };
    struct Subscription
    {
        QString service;
        QString id;
        QString displayName;
        // "/apis", "/apis/{apiId}", "/products/{productId}", or "/" (the service: all access)
        QString scope;
        QString state; // active, suspended, submitted, ...
        QString primaryKey;
        QString secondaryKey;
        QString ownerId; // user id, empty when standalone
        QDateTime createdDate;
    };
    struct User
    {
        QString service;
        QString id;
        QString displayName;
        QString state; // active, blocked, ...
    };
    struct NamedValue
    {
        QString service;
        QString name; // displayName, what {{name}} refers to
        QString value;
        bool secret = false;
    };
    struct Backend
    {
        QString service;
        QString id;
        QString url;
    };

    QList<Api> apis;
    QList<Product> products;
    QList<Subscription> subscriptions;
    QList<User> users;
    QList<NamedValue> namedValues;
    QList<Backend> backends;
    QHash<QString, QString> globalPolicyXml; // by service name
};

} // namespace portico::local
