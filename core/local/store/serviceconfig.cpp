// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/store/serviceconfig.h"

#include "core/local/store/managementstore.h"

namespace portico::local {

using core::Error;
using core::Result;

namespace {

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1StringView(key)).toString();
}

QStringList idsOf(const ManagementStore &store, const QStringList &keys)
{
    QStringList ids;
    for (const QString &key : keys)
        if (auto resource = store.get(key))
            ids.append(resource->id());
    return ids;
}

} // namespace

Result<ServiceConfig> buildServiceConfig(const ManagementStore &store, const QString &serviceId)
{
    const auto service = store.get(serviceId);
    if (!service || service->kind != u"service"_qs)
        return Error::make(Error::Kind::NotFound, u"No service %1."_qs.arg(serviceId));
    ServiceConfig config;
    config.generation = store.generation();
    config.serviceId = service->id();
    config.serviceName = service->name;
    config.service = service->body;

    QHash<QString, QString> policies; // scope key → xml
    for (const StoredResource &policy : store.descendants(serviceId, u"policies"_qs))
        policies.insert(policy.parentKey, str(policy.properties(), "value"));
    config.globalPolicyXml = policies.value(service->key);

    for (const StoredResource &api : store.children(serviceId, u"apis"_qs)) {
        ServiceConfig::Api a { api.id(), api.name, api.properties(), {}, policies.value(api.key),
                               idsOf(store, store.linkSources(u"productApis"_qs, api.key)) };
        for (const StoredResource &op : store.children(api.id(), u"operations"_qs))
            a.operations.append({ op.id(), op.name, op.properties(), policies.value(op.key) });
        config.apis.append(std::move(a));
    }
    for (const StoredResource &product : store.children(serviceId, u"products"_qs))
        config.products.append(
            { product.id(), product.name, product.properties(),
              idsOf(store, store.linkTargets(u"productApis"_qs, product.key)),
              idsOf(store, store.linkTargets(u"productGroups"_qs, product.key)),
              policies.value(product.key) });
    for (const StoredResource &sub : store.children(serviceId, u"subscriptions"_qs)) {
        const QJsonObject p = sub.properties();
        config.subscriptions.append({ sub.id(), sub.name, p, str(p, "scope"), str(p, "ownerId"),
                                      str(p, "state"), str(sub.privateData, "primaryKey"),
                                      str(sub.privateData, "secondaryKey") });
    }
    for (const StoredResource &user : store.children(serviceId, u"users"_qs))
        config.users.append({ user.id(), user.name, user.properties(),
                              str(user.properties(), "state"),
                              idsOf(store, store.linkSources(u"groupUsers"_qs, user.key)) });
    for (const StoredResource &group : store.children(serviceId, u"groups"_qs))
        config.groups.append({ group.id(), group.name, group.properties() });
    for (const StoredResource &nv : store.children(serviceId, u"namedValues"_qs)) {
        const QJsonObject p = nv.properties();
        const bool secret = p.value(u"secret"_qs).toBool();
        config.namedValues.append({ nv.id(), nv.name, str(p, "displayName"),
                                    secret ? str(nv.privateData, "value") : str(p, "value"),
                                    secret });
    }
    for (const StoredResource &backend : store.children(serviceId, u"backends"_qs))
        config.backends.append({ backend.id(), backend.name, backend.properties() });
    return config;
}

} // namespace portico::local
