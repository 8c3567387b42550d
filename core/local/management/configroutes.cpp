// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// Named values and backends (apim-protocol.md §2.9, §2.10, §3.9, §3.10).

#include "core/local/gateway/policycheck.h"
#include "core/local/management/armresources.h"
#include "core/local/management/fieldvalidator.h"
#include "core/local/management/servicechildroutes.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace portico::local {

namespace {

QString jsonField(const char *name)
{
    return u"json_extract(body, '$.properties.%1')"_qs.arg(QLatin1StringView(name));
}

// Secret values live in privateData only; properties.value is served for plain values.
std::optional<ArmResponse> prepareNamedValue(CollectionWrite &w)
{
    QJsonObject p = w.properties();
    if (w.existing && p.value(u"secret"_qs).toBool())
        p.insert(u"value"_qs, w.existing->privateData.value(u"value"_qs));
    FieldValidator v(w.input, p);
    static const QRegularExpression displayName(u"^[A-Za-z0-9-._]+$"_qs);
    v.string("displayName", 1, 256, displayName);
    v.string("value", 1, 4096);
    v.boolean("secret");
    v.array("tags", 32);
    if (w.input.contains(u"keyVault"_qs))
        v.fail(u"keyVault"_qs, u"Key Vault references are not supported by portico-local; "
                               "store the value itself (secret: true)."_qs);
    v.require("displayName");
    v.require("value");
    if (v.ok() && p.value(u"value"_qs).toString().trimmed().isEmpty())
        v.fail(u"value"_qs, u"The field 'value' must not be empty or only whitespace."_qs);
    if (!v.ok())
        return ArmResponse::validation(v.details());
    const QString key = p.value(u"displayName"_qs).toString().toLower();
    if (const auto other = w.store.findByUniqueKey(w.serviceId, u"namedValues"_qs, key);
        other && other->key != w.id.toLower())
        return ArmResponse::validation(
            u"displayName"_qs, u"A named value with the display name '%1' already exists ('%2')."_qs
                                   .arg(p.value(u"displayName"_qs).toString(), other->name));
    v.defaultValue("secret", false);
    v.defaultValue("tags", QJsonArray());
    if (p.value(u"secret"_qs).toBool()) {
        w.resource.privateData = { { u"value"_qs, p.value(u"value"_qs) } };
        p.remove(u"value"_qs);
    } else {
        w.resource.privateData = {};
    }
    w.resource.uniqueKey = key;
    w.setProperties(p);
    return std::nullopt;
}

std::optional<ArmResponse> prepareBackend(CollectionWrite &w)
{
    QJsonObject p = w.properties();
    FieldValidator v(w.input, p);
    v.string("url", 1, 2000);
    v.choice("protocol", { u"http"_qs, u"soap"_qs });
    v.string("title", 1, 300);
    v.string("description", 1, 2000);
    v.string("resourceId", 1, 2000);
    v.object("credentials");
    v.object("proxy");
    v.object("tls");
    v.object("circuitBreaker");
    v.object("pool");
    v.object("properties");
    v.choice("type", { u"Single"_qs, u"Pool"_qs });
    v.require("url");
    v.require("protocol");
    const QUrl url(p.value(u"url"_qs).toString(), QUrl::StrictMode);
    if (v.ok() && (!url.isValid() || url.isRelative() || url.host().isEmpty()))
        v.fail(u"url"_qs, u"The field 'url' must be an absolute URL, e.g. http://localhost:8080/api."_qs);
    if (!v.ok())
        return ArmResponse::validation(v.details());
    w.setProperties(p);
    return std::nullopt;
}

} // namespace

void addConfigCollections(Collections &out, ManagementStore &store, const LocalContext &context,
                          ArmRouter &router)
{
    const QString &svc = ArmRouter::servicePattern();
    CollectionSpec namedValues;
    namedValues.parentPattern = svc;
    namedValues.segment = u"namedValues"_qs;
    namedValues.idParameter = u"namedValueId"_qs;
    namedValues.type = u"Microsoft.ApiManagement/service/namedValues"_qs;
    namedValues.entity = u"NamedValue"_qs;
    namedValues.prepare = prepareNamedValue;
    // As in APIM, a named value that a policy references cannot be deleted: the policy would
    // fail every call of its scope (api-management-howto-properties, "Delete a named value").
    namedValues.beforeDelete = [&store](const ArmRequest &request, const StoredResource &nv)
        -> std::optional<ArmResponse> {
        const QString serviceId = ArmRouter::serviceIdOf(request);
        const QString name = nv.properties().value(u"displayName"_qs).toString();
        QStringList users;
        for (const StoredResource &policy : store.descendants(serviceId, u"policies"_qs)) {
            const auto refs = namedValueReferences(policy.properties().value(u"value"_qs).toString());
            if (std::any_of(refs.cbegin(), refs.cend(), [&](const NamedValueReference &r) { return r.name == name; }))
                users.append(policy.id().mid(serviceId.size() + 1));
        }
        if (users.isEmpty())
            return std::nullopt;
        return ArmResponse::error(
            409, u"Conflict"_qs,
            u"The named value '%1' is used by %2; remove {{%1}} from those policies before "
            "deleting it."_qs.arg(name, users.join(u", "_qs)));
    };
    out.push_back(std::make_unique<ResourceCollection>(store, context, namedValues));
    out.back()->registerRoutes(router);

    CollectionSpec backends;
    backends.parentPattern = svc;
    backends.segment = u"backends"_qs;
    backends.idParameter = u"backendId"_qs;
    backends.type = u"Microsoft.ApiManagement/service/backends"_qs;
    backends.entity = u"Backend"_qs;
    backends.nameMaxLength = 80;
    backends.filterFields = { { u"title"_qs, jsonField("title") }, { u"url"_qs, jsonField("url") } };
    backends.prepare = prepareBackend;
    out.push_back(std::make_unique<ResourceCollection>(store, context, backends));
    out.back()->registerRoutes(router);

    router.add("POST", svc + u"/namedValues/{namedValueId}/listValue"_qs,
               [&store](const ArmRequest &request) {
                   const auto nv = store.get(request.resourceId().section(u'/', 0, -2));
                   if (!nv || nv->kind != u"namedValues"_qs)
                       return ArmResponse::notFound(u"NamedValue"_qs);
                   const bool secret = nv->properties().value(u"secret"_qs).toBool();
                   return ArmResponse::json(
                       200,
                       QJsonObject { { u"value"_qs, secret ? nv->privateData.value(u"value"_qs)
                                                           : nv->properties().value(u"value"_qs) } },
                       ArmResources::etag(*nv));
               });
    router.add("POST", svc + u"/backends/{backendId}/reconnect"_qs,
               [&store](const ArmRequest &request) {
                   const auto backend = store.get(request.resourceId().section(u'/', 0, -2));
                   if (!backend || backend->kind != u"backends"_qs)
                       return ArmResponse::notFound(u"Backend"_qs);
                   return ArmResponse::empty(202);
               });
}

} // namespace portico::local
