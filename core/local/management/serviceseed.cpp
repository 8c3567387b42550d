// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/management/serviceseed.h"

#include "core/local/management/armresources.h"
#include "core/local/store/managementstore.h"

#include <QJsonArray>

namespace portico::local {

using core::Result;

const QString &ServiceSeed::starterPolicy()
{
    // apim-protocol.md §6.4, verbatim.
    static const QString s_policy =
        u"<policies><inbound><rate-limit calls=\"5\" renewal-period=\"60\" /><quota calls=\"100\" "
        "renewal-period=\"604800\" /><base /></inbound>\n"
        "<backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error>"
        "</policies>"_qs;
    return s_policy;
}

const QString &ServiceSeed::defaultGlobalPolicy()
{
    static const QString s_policy =
        u"<policies><inbound /><backend><forward-request /></backend><outbound /></policies>"_qs;
    return s_policy;
}

QJsonObject ServiceSeed::groupProperties(const QString &displayName, const QString &description,
                                         bool builtIn, const QString &type)
{
    return QJsonObject { { u"displayName"_qs, displayName },
                         { u"description"_qs, description },
                         { u"builtIn"_qs, builtIn },
                         { u"type"_qs, type } };
}

StoredResource ServiceSeed::make(const QString &parentId, const QString &segment,
                                 const QString &type, const QString &name,
                                 const QJsonObject &properties)
{
    StoredResource r;
    r.kind = segment;
    r.name = name;
    r.displayName = properties.value(u"displayName"_qs).toString();
    r.body = QJsonObject { { u"id"_qs, QString(parentId + u'/' + segment + u'/' + name) },
                           { u"type"_qs, type },
                           { u"name"_qs, name },
                           { u"properties"_qs, properties } };
    return r;
}

Result<void> ServiceSeed::seed(ManagementStore &store, const StoredResource &service)
{
    const QString svc = service.id();
    const QJsonObject serviceProperties = service.properties();
    const QString now = ArmResources::now();
    const auto put = [&store](StoredResource r, const QString &parentId) {
        return store.put(r, parentId);
    };

    struct GroupSeed
    {
        const char16_t *name;
        const char16_t *displayName;
        const char16_t *description;
    };
    const GroupSeed groups[] = {
        { u"administrators", u"Administrators",
          u"Administrators is a built-in group containing the admin email account provided at "
          "the time of service creation. Its membership is managed by the system." },
        { u"developers", u"Developers",
          u"Developers is a built-in group. Its membership is managed by the system. Signed-in "
          "users fall into this group." },
        { u"guests", u"Guests",
          u"Guests is a built-in group. Its membership is managed by the system. "
          "Unauthenticated users visiting the developer portal fall into this group." },
    };
    for (const GroupSeed &g : groups) {
        if (auto r = put(make(svc, u"groups"_qs, u"Microsoft.ApiManagement/service/groups"_qs,
                              QString::fromUtf16(g.name),
                              groupProperties(QString::fromUtf16(g.displayName),
                                              QString::fromUtf16(g.description), true,
                                              u"system"_qs)),
                         svc);
            !r)
            return r;
    }

    const QString adminEmail = serviceProperties.value(u"publisherEmail"_qs).toString();
    StoredResource admin = make(
        svc, u"users"_qs, u"Microsoft.ApiManagement/service/users"_qs, u"1"_qs,
        QJsonObject { { u"firstName"_qs, u"Administrator"_qs },
                      { u"lastName"_qs, QString() },
                      { u"email"_qs, adminEmail },
                      { u"state"_qs, u"active"_qs },
                      { u"registrationDate"_qs, now },
                      { u"identities"_qs,
                        QJsonArray { QJsonObject { { u"provider"_qs, u"Azure"_qs },
                                                   { u"id"_qs, adminEmail } } } } });
    admin.displayName = u"Administrator"_qs;
    admin.uniqueKey = adminEmail.toLower();
    if (auto r = put(admin, svc); !r)
        return r;
    if (auto r = store.link(u"groupUsers"_qs, svc + u"/groups/administrators"_qs, admin.id()); !r)
        return r;

    struct ProductSeed
    {
        const char16_t *name;
        const char16_t *displayName;
        const char16_t *description;
        bool approvalRequired;
    };
    const ProductSeed products[] = {
        { u"starter", u"Starter",
          u"Subscribers will be able to run 5 calls/minute up to a maximum of 100 calls/week.",
          false },
        { u"unlimited", u"Unlimited",
          u"Subscribers have completely unlimited access to the API. Administrator approval is "
          "required.",
          true },
    };
    for (const ProductSeed &p : products) {
        const StoredResource product =
            make(svc, u"products"_qs, u"Microsoft.ApiManagement/service/products"_qs,
                 QString::fromUtf16(p.name),
                 QJsonObject { { u"displayName"_qs, QString::fromUtf16(p.displayName) },
                               { u"description"_qs, QString::fromUtf16(p.description) },
                               { u"subscriptionRequired"_qs, true },
                               { u"approvalRequired"_qs, p.approvalRequired },
                               { u"subscriptionsLimit"_qs, 1 },
                               { u"state"_qs, u"published"_qs } });
        if (auto r = put(product, svc); !r)
            return r;
        for (const GroupSeed &g : groups)
            if (auto r = store.link(u"productGroups"_qs, product.id(),
                                    svc + u"/groups/"_qs + QString::fromUtf16(g.name));
                !r)
                return r;
    }
    if (auto r = put(make(svc + u"/products/starter"_qs, u"policies"_qs,
                          u"Microsoft.ApiManagement/service/products/policies"_qs, u"policy"_qs,
                          QJsonObject { { u"value"_qs, starterPolicy() } }),
                     svc + u"/products/starter"_qs);
        !r)
        return r;
    if (auto r = put(make(svc, u"policies"_qs, u"Microsoft.ApiManagement/service/policies"_qs,
                          u"policy"_qs, QJsonObject { { u"value"_qs, defaultGlobalPolicy() } }),
                     svc);
        !r)
        return r;

    StoredResource master = make(
        svc, u"subscriptions"_qs, u"Microsoft.ApiManagement/service/subscriptions"_qs,
        u"master"_qs,
        QJsonObject { { u"ownerId"_qs, admin.id() },
                      { u"scope"_qs, QString(svc + u'/') },
                      { u"displayName"_qs, u"Built-in all-access subscription"_qs },
                      { u"state"_qs, u"active"_qs },
                      { u"createdDate"_qs, now },
                      { u"startDate"_qs, now },
                      { u"allowTracing"_qs, false } });
    master.privateData = QJsonObject { { u"primaryKey"_qs, ArmResources::newKey() },
                                       { u"secondaryKey"_qs, ArmResources::newKey() } };
    return put(master, svc);
}

} // namespace portico::local
