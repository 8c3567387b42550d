// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// Products, groups, users and subscriptions, their links and actions (apim-protocol.md §2.4–§2.7,
// §3.4–§3.7).

#include "core/local/management/armresources.h"
#include "core/local/management/fieldvalidator.h"
#include "core/local/management/linkroutes.h"
#include "core/local/management/servicechildroutes.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace portico::local {

namespace {

QString jsonField(const char *name)
{
    return u"json_extract(body, '$.properties.%1')"_qs.arg(QLatin1StringView(name));
}

bool truthy(const QString &value)
{
    return value.compare(u"true"_qs, Qt::CaseInsensitive) == 0;
}

ArmResponse conflict(const QString &message)
{
    return ArmResponse::error(409, u"Conflict"_qs, message);
}

std::optional<ArmResponse> prepareProduct(CollectionWrite &w)
{
    QJsonObject p = w.properties();
    FieldValidator v(w.input, p);
    v.string("displayName", 1, 300);
    v.string("description", 0, 1000);
    v.string("terms", 0, 100000);
    v.boolean("subscriptionRequired");
    v.boolean("approvalRequired");
    v.integer("subscriptionsLimit", 0, std::numeric_limits<int>::max());
    v.choice("state", { u"notPublished"_qs, u"published"_qs });
    v.require("displayName");
    if (!v.ok())
        return ArmResponse::validation(v.details());
    v.defaultValue("subscriptionRequired", true);
    v.defaultValue("approvalRequired", false);
    v.defaultValue("state", u"notPublished"_qs);
    w.setProperties(p);
    return std::nullopt;
}

std::optional<ArmResponse> prepareGroup(CollectionWrite &w)
{
    if (w.existing && w.existing->properties().value(u"builtIn"_qs).toBool())
        return conflict(u"The system group '%1' cannot be changed."_qs.arg(w.name));
    QJsonObject p = w.properties();
    FieldValidator v(w.input, p);
    v.string("displayName", 1, 300);
    v.string("description", 0, 1000);
    v.choice("type", { u"custom"_qs, u"external"_qs });
    v.string("externalId", 0, 2000);
    v.require("displayName");
    if (!v.ok())
        return ArmResponse::validation(v.details());
    v.defaultValue("type", u"custom"_qs);
    p.insert(u"builtIn"_qs, false);
    w.setProperties(p);
    return std::nullopt;
}

std::optional<ArmResponse> prepareUser(CollectionWrite &w)
{
    QJsonObject p = w.properties();
    FieldValidator v(w.input, p);
    static const QRegularExpression email(u"^[^@\\s]+@[^@\\s]+$"_qs);
    v.string("email", 1, 254, email);
    v.string("firstName", 1, 100);
    v.string("lastName", 1, 100);
    v.choice("state", { u"active"_qs, u"blocked"_qs, u"pending"_qs, u"deleted"_qs });
    v.string("note", 0, 100000);
    v.array("identities");
    v.require("email");
    v.require("firstName");
    v.require("lastName");
    // password, appType and confirmation are accepted and not kept: portico-local has no portal.
    if (!v.ok())
        return ArmResponse::validation(v.details());
    const QString key = p.value(u"email"_qs).toString().toLower();
    if (const auto other = w.store.findByUniqueKey(w.serviceId, u"users"_qs, key);
        other && other->key != w.id.toLower())
        return ArmResponse::validation(
            u"email"_qs, u"Email '%1' already exists."_qs.arg(p.value(u"email"_qs).toString()));
    v.defaultValue("state", u"active"_qs);
    v.defaultValue("identities",
                   QJsonArray { QJsonObject { { u"provider"_qs, u"Basic"_qs },
                                              { u"id"_qs, p.value(u"email"_qs) } } });
    p.insert(u"registrationDate"_qs, w.keep("registrationDate", ArmResources::now()));
    p.insert(u"groups"_qs, QJsonArray());
    w.resource.uniqueKey = key;
    w.resource.displayName =
        p.value(u"firstName"_qs).toString() + u' ' + p.value(u"lastName"_qs).toString();
    w.setProperties(p);
    return std::nullopt;
}

// "/products/x", "/apis", "/apis/x", "/" or the full ARM id forms → the full id of what exists.
std::optional<QString> resolveScope(ManagementStore &store, const QString &serviceId,
                                    const QString &scope)
{
    QString relative = scope.trimmed();
    if (relative.startsWith(u"/subscriptions/"_qs, Qt::CaseInsensitive)) {
        if (!relative.startsWith(serviceId, Qt::CaseInsensitive))
            return std::nullopt;
        relative = relative.mid(serviceId.size());
    }
    if (relative.isEmpty() || relative == u"/"_qs)
        return serviceId + u'/';
    if (relative.compare(u"/apis"_qs, Qt::CaseInsensitive) == 0)
        return serviceId + u"/apis"_qs;
    const QStringList parts = relative.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() != 2)
        return std::nullopt;
    const QString kind = parts.at(0).toLower();
    if (kind != u"apis"_qs && kind != u"products"_qs)
        return std::nullopt;
    const auto found = store.get(serviceId + u'/' + kind + u'/' + parts.at(1));
    if (!found || found->kind != kind)
        return std::nullopt;
    return found->id();
}

std::optional<QString> resolveUser(ManagementStore &store, const QString &serviceId,
                                   const QString &ownerId)
{
    const QString name = ownerId.section(u'/', -1);
    const QString prefix = ownerId.section(u'/', 0, -2);
    if (name.isEmpty()
        || !(prefix.compare(u"/users"_qs, Qt::CaseInsensitive) == 0
             || prefix.compare(serviceId + u"/users"_qs, Qt::CaseInsensitive) == 0))
        return std::nullopt;
    const auto user = store.get(serviceId + u"/users/"_qs + name);
    if (!user || user->kind != u"users"_qs)
        return std::nullopt;
    return user->id();
}

std::optional<ArmResponse> prepareSubscription(CollectionWrite &w)
{
    QJsonObject p = w.properties();
    FieldValidator v(w.input, p);
    v.string("scope", 1, 2000);
    v.string("displayName", w.patch ? 0 : 1, 100);
    v.string("ownerId", 0, 2000);
    v.choice("state", { u"suspended"_qs, u"active"_qs, u"expired"_qs, u"submitted"_qs,
                        u"rejected"_qs, u"cancelled"_qs });
    v.boolean("allowTracing");
    v.string("stateComment", 0, 100000);
    v.string("expirationDate", 0, 100);
    v.require("scope");
    v.require("displayName");
    QJsonObject keys = w.resource.privateData;
    FieldValidator keyCheck(w.input, keys);
    keyCheck.string("primaryKey", 1, 256);
    keyCheck.string("secondaryKey", 1, 256);
    QList<core::ErrorDetail> details = v.details() + keyCheck.details();
    if (details.isEmpty()) {
        if (const auto scope = resolveScope(w.store, w.serviceId, p.value(u"scope"_qs).toString()))
            p.insert(u"scope"_qs, *scope);
        else
            details.append({ u"ValidationError"_qs,
                             u"The scope '%1' does not name this service, '/apis', an existing API "
                             "('/apis/{apiId}') or an existing product ('/products/{productId}')."_qs
                                 .arg(p.value(u"scope"_qs).toString()),
                             u"scope"_qs });
        const QString owner = p.value(u"ownerId"_qs).toString();
        if (!owner.isEmpty()) {
            if (const auto user = resolveUser(w.store, w.serviceId, owner))
                p.insert(u"ownerId"_qs, *user);
            else
                details.append({ u"ValidationError"_qs,
                                 u"The owner '%1' is not a user of this service."_qs.arg(owner),
                                 u"ownerId"_qs });
        }
    }
    if (!details.isEmpty())
        return ArmResponse::validation(details);
    for (const char *key : { "primaryKey", "secondaryKey" })
        if (!keys.contains(QLatin1StringView(key)))
            keys.insert(QLatin1StringView(key), ArmResources::newKey());
    w.resource.privateData = keys;
    const QString now = ArmResources::now();
    v.defaultValue("state", u"submitted"_qs);
    v.defaultValue("allowTracing", false);
    p.insert(u"createdDate"_qs, w.keep("createdDate", now));
    const QString state = p.value(u"state"_qs).toString();
    if (state == u"active"_qs && !p.contains(u"startDate"_qs))
        p.insert(u"startDate"_qs, now);
    if ((state == u"cancelled"_qs || state == u"expired"_qs) && !p.contains(u"endDate"_qs))
        p.insert(u"endDate"_qs, now);
    w.setProperties(p);
    return std::nullopt;
}

CollectionSpec baseSpec(const QString &segment, const QString &idParameter, const QString &type,
                        const QString &entity)
{
    CollectionSpec spec;
    spec.parentPattern = ArmRouter::servicePattern();
    spec.segment = segment;
    spec.idParameter = idParameter;
    spec.type = type;
    spec.entity = entity;
    return spec;
}

ArmResponse subscriptionsWhere(ManagementStore &store, const ResourceCollection &subscriptions,
                               const ArmRequest &request, const char *field, const QString &value)
{
    int top = 0, skip = 0;
    if (auto bad = ArmResources::paging(request, &top, &skip))
        return *bad;
    auto page = store.list(ArmRouter::serviceIdOf(request), u"subscriptions"_qs, top, skip,
                           jsonField(field) + u" = ? COLLATE NOCASE"_qs, { value });
    if (!page)
        return ArmResponse::fromError(page.error());
    QJsonArray items;
    for (const StoredResource &r : page->items)
        items.append(subscriptions.present(r));
    return ArmResources::listResponse(request, items, page->total, top, skip);
}

} // namespace

void addAccessCollections(Collections &out, ManagementStore &store, const LocalContext &context,
                          ArmRouter &router)
{
    CollectionSpec products = baseSpec(u"products"_qs, u"productId"_qs,
                                       u"Microsoft.ApiManagement/service/products"_qs, u"Product"_qs);
    products.filterFields = { { u"description"_qs, jsonField("description") },
                              { u"terms"_qs, jsonField("terms") },
                              { u"state"_qs, jsonField("state") } };
    products.prepare = prepareProduct;
    products.beforeDelete = [&store](const ArmRequest &request, const StoredResource &product)
        -> std::optional<ArmResponse> {
        const QString serviceId = ArmRouter::serviceIdOf(request);
        for (const StoredResource &sub : store.children(serviceId, u"subscriptions"_qs)) {
            if (sub.properties().value(u"scope"_qs).toString().compare(product.id(),
                                                                       Qt::CaseInsensitive))
                continue;
            if (!truthy(request.queryValue("deleteSubscriptions")))
                return conflict(u"The product '%1' has subscriptions; pass "
                                "deleteSubscriptions=true to delete them with it."_qs.arg(product.name));
            if (auto r = store.remove(sub.id()); !r)
                return ArmResponse::fromError(r.error());
        }
        return std::nullopt;
    };

    CollectionSpec groups = baseSpec(u"groups"_qs, u"groupId"_qs,
                                     u"Microsoft.ApiManagement/service/groups"_qs, u"Group"_qs);
    groups.filterFields = { { u"description"_qs, jsonField("description") },
                            { u"externalId"_qs, jsonField("externalId") } };
    groups.prepare = prepareGroup;
    groups.beforeDelete = [](const ArmRequest &, const StoredResource &group)
        -> std::optional<ArmResponse> {
        if (group.properties().value(u"builtIn"_qs).toBool())
            return conflict(u"The system group '%1' cannot be deleted."_qs.arg(group.name));
        return std::nullopt;
    };

    CollectionSpec users = baseSpec(u"users"_qs, u"userId"_qs,
                                    u"Microsoft.ApiManagement/service/users"_qs, u"User"_qs);
    users.nameMaxLength = 80;
    users.filterFields = { { u"firstName"_qs, jsonField("firstName") },
                           { u"lastName"_qs, jsonField("lastName") },
                           { u"email"_qs, jsonField("email") },
                           { u"state"_qs, jsonField("state") },
                           { u"note"_qs, jsonField("note") },
                           { u"registrationDate"_qs, jsonField("registrationDate") } };
    users.prepare = prepareUser;
    users.deleteIsLongRunning = true;
    users.afterWrite = [](CollectionWrite &w) -> std::optional<ArmResponse> {
        if (w.existing)
            return std::nullopt;
        if (auto r = w.store.link(u"groupUsers"_qs, w.serviceId + u"/groups/developers"_qs, w.id); !r)
            return ArmResponse::fromError(r.error());
        return std::nullopt;
    };
    users.beforeDelete = [&store](const ArmRequest &request, const StoredResource &user)
        -> std::optional<ArmResponse> {
        if (user.name == u"1"_qs)
            return conflict(u"The administrator account cannot be deleted."_qs);
        for (const StoredResource &sub :
             store.children(ArmRouter::serviceIdOf(request), u"subscriptions"_qs)) {
            if (sub.properties().value(u"ownerId"_qs).toString().compare(user.id(),
                                                                         Qt::CaseInsensitive))
                continue;
            if (!truthy(request.queryValue("deleteSubscriptions")))
                return conflict(u"The user '%1' owns subscriptions; pass deleteSubscriptions=true "
                                "to delete them with the user."_qs.arg(user.name));
            if (auto r = store.remove(sub.id()); !r)
                return ArmResponse::fromError(r.error());
        }
        return std::nullopt;
    };

    CollectionSpec subscriptions = baseSpec(u"subscriptions"_qs, u"sid"_qs,
                                            u"Microsoft.ApiManagement/service/subscriptions"_qs,
                                            u"Subscription"_qs);
    subscriptions.filterFields = { { u"stateComment"_qs, jsonField("stateComment") },
                                   { u"ownerId"_qs, jsonField("ownerId") },
                                   { u"scope"_qs, jsonField("scope") },
                                   { u"state"_qs, jsonField("state") } };
    subscriptions.prepare = prepareSubscription;

    const size_t first = out.size();
    for (CollectionSpec *spec : { &products, &groups, &users, &subscriptions })
        out.push_back(std::make_unique<ResourceCollection>(store, context, *spec));
    for (size_t i = first; i < out.size(); ++i)
        out[i]->registerRoutes(router);
    const ResourceCollection *productCollection = out[first].get();
    const ResourceCollection *groupCollection = out[first + 1].get();
    const ResourceCollection *userCollection = out[first + 2].get();
    const ResourceCollection *subscriptionCollection = out[first + 3].get();
    const ResourceCollection *apiCollection = nullptr;
    for (const auto &collection : out)
        if (collection->spec().segment == u"apis"_qs)
            apiCollection = collection.get();
    Q_ASSERT(apiCollection);

    LinkRoutes(store, { u"productApis"_qs, productCollection, apiCollection, u"apis"_qs,
                        u"apiId"_qs, u"products"_qs, u"Entity does not exist."_qs, {} })
        .registerRoutes(router);
    LinkRoutes(store, { u"productGroups"_qs, productCollection, groupCollection, u"groups"_qs,
                        u"groupId"_qs, QString(), u"Entity does not exist."_qs, {} })
        .registerRoutes(router);
    LinkRoutes(store, { u"groupUsers"_qs, groupCollection, userCollection, u"users"_qs,
                        u"userId"_qs, u"groups"_qs, u"Entity does not exists."_qs,
                        [](const StoredResource &group) -> std::optional<ArmResponse> {
                            if (group.properties().value(u"builtIn"_qs).toBool())
                                return conflict(u"The membership of the system group '%1' is "
                                                "managed by the service."_qs.arg(group.name));
                            return std::nullopt;
                        } })
        .registerRoutes(router);

    const QString &svc = ArmRouter::servicePattern();
    router.add("GET", svc + u"/products/{productId}/subscriptions"_qs,
               [&store, subscriptionCollection](const ArmRequest &request) {
                   const auto product = store.get(request.resourceId().section(u'/', 0, -2));
                   if (!product || product->kind != u"products"_qs)
                       return ArmResponse::notFound(u"Product"_qs);
                   return subscriptionsWhere(store, *subscriptionCollection, request, "scope",
                                             product->id());
               });
    router.add("GET", svc + u"/users/{userId}/subscriptions"_qs,
               [&store, subscriptionCollection](const ArmRequest &request) {
                   const auto user = store.get(request.resourceId().section(u'/', 0, -2));
                   if (!user || user->kind != u"users"_qs)
                       return ArmResponse::notFound(u"User"_qs);
                   return subscriptionsWhere(store, *subscriptionCollection, request, "ownerId",
                                             user->id());
               });

    const QString subscription = svc + u"/subscriptions/{sid}/"_qs;
    router.add("POST", subscription + u"listSecrets"_qs, [&store](const ArmRequest &request) {
        const auto sub = store.get(request.resourceId().section(u'/', 0, -2));
        if (!sub || sub->kind != u"subscriptions"_qs)
            return ArmResponse::notFound(u"Subscription"_qs);
        return ArmResponse::json(
            200,
            QJsonObject { { u"primaryKey"_qs, sub->privateData.value(u"primaryKey"_qs) },
                          { u"secondaryKey"_qs, sub->privateData.value(u"secondaryKey"_qs) } },
            ArmResources::etag(*sub));
    });
    for (const char *which : { "primaryKey", "secondaryKey" }) {
        const QString key = QString::fromLatin1(which);
        const QString action = key == u"primaryKey"_qs ? u"regeneratePrimaryKey"_qs
                                                       : u"regenerateSecondaryKey"_qs;
        router.add("POST", subscription + action, [&store, key](const ArmRequest &request) {
            auto sub = store.get(request.resourceId().section(u'/', 0, -2));
            if (!sub || sub->kind != u"subscriptions"_qs)
                return ArmResponse::notFound(u"Subscription"_qs);
            sub->privateData.insert(key, ArmResources::newKey());
            if (auto begun = store.begin(); !begun)
                return ArmResponse::fromError(begun.error());
            if (auto r = store.put(*sub, request.resourceId().section(u'/', 0, -4)); !r)
                return ArmResources::storageFailure(store, r.error());
            return ArmResources::commit(store, ArmResponse::empty(204));
        });
    }
}

} // namespace portico::local
