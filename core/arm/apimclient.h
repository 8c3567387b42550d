// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/apimcall.h"
#include "core/arm/apimcollection.h"
#include "core/arm/apimlinks.h"
#include "core/arm/namedvaluesecret.h"
#include "core/arm/subscriptionkeys.h"
#include "core/model/api.h"
#include "core/model/backend.h"
#include "core/model/group.h"
#include "core/model/namedvalue.h"
#include "core/model/operation.h"
#include "core/model/policy.h"
#include "core/model/product.h"
#include "core/model/serviceinstance.h"
#include "core/model/subscription.h"
#include "core/model/user.h"

#include <QObject>
#include <QPointer>

namespace portico::core {

class ArmClient;

// Typed calls for one API Management service (apim-protocol.md §2), over an ArmClient: the
// service itself, APIs, operations, products with their API and group links, subscriptions
// with their keys, users, groups, named values, backends and policies at every scope. Every
// call returns an ApimCall<T> job whose result() is a model type, a list of them, or nothing;
// finished() comes exactly once and the job deletes itself afterwards. The same calls serve
// Azure and portico-local.
//
// Secrets (subscription keys, secret named values) come only from the dedicated calls
// (listSubscriptionSecrets, listNamedValue); no other reply carries them.
class ApimClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApimClient)

public:
    // `serviceId` is the full ARM id: /subscriptions/{s}/resourceGroups/{rg}/providers/
    // Microsoft.ApiManagement/service/{name}.
    ApimClient(ArmClient *client, QString serviceId, QObject *parent = nullptr);
    ~ApimClient() override;

    static QString serviceIdFor(
        const QString &subscriptionId, const QString &resourceGroup, const QString &serviceName);

    ArmClient *armClient() const { return m_client; }
    const QString &serviceId() const { return m_serviceId; }
    QString serviceName() const;

    // The service (§2.1). PUT and DELETE are long-running: the job ends when provisioning does.
    [[nodiscard]] ApimCall<ServiceInstance> *getService();
    [[nodiscard]] ApimCall<ServiceInstance> *createOrUpdateService(
        const ServiceInstance &service, const QByteArray &ifMatch = {});
    [[nodiscard]] ApimCall<void> *deleteService();
    // The services of this service's resource group.
    [[nodiscard]] ApimCall<QList<ServiceInstance>> *listServices();

    ApimCollection<Api> apis();
    ApimCollection<Operation> operations(const QString &apiId);
    ApimCollection<Product> products();
    ApimCollection<Subscription> subscriptions();
    ApimCollection<User> users();
    ApimCollection<Group> groups();
    ApimCollection<NamedValue> namedValues();
    ApimCollection<Backend> backends();

    ApimLinks<Api> productApis(const QString &productId);
    ApimLinks<Group> productGroups(const QString &productId);
    // Group membership (§2.7): the users of one group.
    ApimLinks<User> groupUsers(const QString &groupId);

    // POST listSecrets / regeneratePrimaryKey / regenerateSecondaryKey (§2.5).
    [[nodiscard]] ApimCall<SubscriptionKeys> *listSubscriptionSecrets(const QString &sid);
    [[nodiscard]] ApimCall<void> *regeneratePrimaryKey(const QString &sid);
    [[nodiscard]] ApimCall<void> *regenerateSecondaryKey(const QString &sid);
    // POST listValue (§2.10): the value of a (secret) named value.
    [[nodiscard]] ApimCall<NamedValueSecret> *listNamedValue(const QString &namedValueId);

    // The policy document at a scope (§2.8); `format` "rawxml" asks for unescaped expressions.
    [[nodiscard]] ApimCall<Policy> *getPolicy(const PolicyScope &scope, const QString &format = {});
    // PUT at policy.scope; the reply's scope is filled from its id.
    [[nodiscard]] ApimCall<Policy> *createOrUpdatePolicy(
        const Policy &policy, const QByteArray &ifMatch = {});
    [[nodiscard]] ApimCall<void> *deletePolicy(
        const PolicyScope &scope, const QByteArray &ifMatch = "*");

private:
    template <typename T>
    ApimCall<T> *refuse(const Error &error);
    Result<QString> policyPath(const PolicyScope &scope) const;
    ApimCall<void> *postNoContent(const QString &path, const QString &sid);

    QPointer<ArmClient> m_client;
    QString m_serviceId;
};

} // namespace portico::core
