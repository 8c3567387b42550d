// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/gateway/gatewayconfig.h"
#include "core/local/gateway/compiledpolicy.h"
#include "core/local/gateway/knownkeys.h"
#include "core/local/gateway/templatematcher.h"

#include <QHash>
#include <QUrl>

#include <memory>
#include <mutex>

namespace portico::local {

// An immutable, compiled view of the gateway configuration: parsed templates and policies,
// API lookup by path, subscription lookup by key. Shared by all worker threads; replaced as a
// whole when the configuration changes.
class GatewaySnapshot
{
public:
    struct Operation
    {
        GatewayConfig::Operation config;
        core::UrlTemplate urlTemplate;
        QHash<QString, QStringList> allowedValues;
        CompiledPolicy policy;
        QList<int> specificity;
    };
    struct Api
    {
        GatewayConfig::Api config;
        QUrl serviceUrl;          // config.serviceUrl, parsed once
        QStringList pathSegments; // lower-case
        QList<Operation> operations;
        CompiledPolicy policy;
        QStringList productIds;   // products containing the API, published or not
        QString openProductId;    // the open (no subscription) published product, if any
        // Every subscription-key query parameter name of the service's APIs, and the default
        // one: none of them reaches the usage log, whichever API the key was sent to.
        QStringList keyQueryNames;
    };
    // A service's APIs, reached below its own path segment (see GatewayConfig::Api::service).
    struct Service
    {
        QString name;    // compared case-insensitively with the request's first path segment
        QList<Api> apis; // longest API path first
    };
    enum class ScopeKind { Service, AllApis, Api, Product };
    struct Subscription
    {
        GatewayConfig::Subscription config;
        ScopeKind scopeKind = ScopeKind::Service;
        QString scopeId; // api or product id
    };

    [[nodiscard]] static std::shared_ptr<const GatewaySnapshot> build(const GatewayConfig &config,
                                                                      QStringList *problems = nullptr);

    // The first segment names the service; of that service's APIs, the one whose path is the
    // longest segment-wise prefix of the segments after it. `consumed` tells how many leading
    // segments belong to the service and the API path.
    const Api *findApi(const QStringList &segments, qsizetype &consumed) const;
    // The most specific operation of `api` that matches; null if none.
    const Operation *findOperation(const Api &api, QByteArrayView method, const RequestPath &path,
                                   TemplateMatch &match) const;
    // Finds the subscription of `service` that owns `key` (primary or secondary), comparing in
    // constant time.
    const Subscription *findSubscription(QByteArrayView key, const QString &service) const;
    // Every subscription key (primary and secondary) of every service: the usage log masks
    // them wherever they show in what it stores.
    const KnownKeys &knownKeys() const { return m_knownKeys; }
    const GatewayConfig::Product *product(const QString &service, const QString &id) const;
    const GatewayConfig::User *user(const QString &service, const QString &id) const;
    const GatewayConfig::Backend *backend(const QString &service, const QString &id) const;
    // global → product (when given) → API → operation, composed through <base/>.
    std::shared_ptr<const CompiledPolicy> effectivePolicy(const Api &api, const Operation *operation,
                                                          const QString &productId) const;

private:
    QList<Service> m_services; // named services first; an unnamed one is served at the root
    QList<Subscription> m_subscriptions;
    QHash<QByteArray, QList<int>> m_keyIndex; // sha256(key) → subscriptions
    KnownKeys m_knownKeys;
    QHash<QString, GatewayConfig::Product> m_products;
    QHash<QString, CompiledPolicy> m_productPolicies;
    QHash<QString, GatewayConfig::User> m_users;
    QHash<QString, GatewayConfig::Backend> m_backends;
    QHash<QString, CompiledPolicy> m_globalPolicies; // by service
    mutable std::mutex m_cacheMutex;
    mutable QHash<QString, std::shared_ptr<const CompiledPolicy>> m_policyCache;
};

} // namespace portico::local
