// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// The seed of a new service; products, subscriptions, users, groups, named values and
// backends with their links and actions, against the real portico-local.

#include "tests/local/management/managementtestcase.h"

#include <QJsonArray>
#include <QTest>

using namespace portico;
using test::ArmTestClient;

class tst_ManagementAccess : public test::ManagementTestCase
{
    Q_OBJECT

public:
    tst_ManagementAccess() : ManagementTestCase(u"access-svc"_qs) { }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void newServiceIsSeeded();
    void productsAndTheirApiAndGroupLinks();
    void subscriptionsKeysNeverAppearInGets();
    void subscriptionValidationAndConflicts();
    void usersGroupsAndMembership();
    void namedValuesKeepSecretsOutOfGets();
    void backendsCrudAndReconnect();
};

void tst_ManagementAccess::initTestCase()
{
    const QString problem = startService();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void tst_ManagementAccess::cleanupTestCase()
{
    QCOMPARE(stopService(), 0);
}

void tst_ManagementAccess::newServiceIsSeeded()
{
    const auto products = m_arm->get(svc(u"/products"_qs));
    QCOMPARE(products.status, 200);
    QCOMPARE(names(products), (QStringList { u"starter"_qs, u"unlimited"_qs }));
    const auto starter = m_arm->get(svc(u"/products/starter"_qs));
    QCOMPARE(starter.json[u"type"_qs].toString(), u"Microsoft.ApiManagement/service/products"_qs);
    const QJsonObject sp = starter.json[u"properties"_qs].toObject();
    QCOMPARE(sp[u"displayName"_qs].toString(), u"Starter"_qs);
    QCOMPARE(sp[u"description"_qs].toString(),
             u"Subscribers will be able to run 5 calls/minute up to a maximum of 100 calls/week."_qs);
    QCOMPARE(sp[u"subscriptionRequired"_qs].toBool(), true);
    QCOMPARE(sp[u"approvalRequired"_qs].toBool(), false);
    QCOMPARE(sp[u"subscriptionsLimit"_qs].toInt(), 1);
    QCOMPARE(sp[u"state"_qs].toString(), u"published"_qs);
    const QJsonObject up = m_arm->get(svc(u"/products/unlimited"_qs)).json[u"properties"_qs].toObject();
    QCOMPARE(up[u"approvalRequired"_qs].toBool(), true);
    QCOMPARE(up[u"description"_qs].toString(),
             u"Subscribers have completely unlimited access to the API. Administrator approval is required."_qs);

    const auto policy = m_arm->get(svc(u"/products/starter/policies/policy"_qs));
    QCOMPARE(policy.status, 200);
    QCOMPARE(policy.json[u"properties"_qs][u"value"_qs].toString(),
             u"<policies><inbound><rate-limit calls=\"5\" renewal-period=\"60\" /><quota calls=\"100\" "
             "renewal-period=\"604800\" /><base /></inbound>\n<backend><base /></backend><outbound><base "
             "/></outbound><on-error><base /></on-error></policies>"_qs);
    QCOMPARE(m_arm->get(svc(u"/products/unlimited/policies/policy"_qs)).status, 404);
    QCOMPARE(m_arm->get(svc(u"/policies/policy"_qs)).json[u"properties"_qs][u"value"_qs].toString(),
             u"<policies><inbound /><backend><forward-request /></backend><outbound /></policies>"_qs);

    const auto groups = m_arm->get(svc(u"/groups"_qs));
    QCOMPARE(names(groups), (QStringList { u"administrators"_qs, u"developers"_qs, u"guests"_qs }));
    for (const QJsonValue &g : groups.json[u"value"_qs].toArray()) {
        QCOMPARE(g[u"properties"_qs][u"builtIn"_qs].toBool(), true);
        QCOMPARE(g[u"properties"_qs][u"type"_qs].toString(), u"system"_qs);
    }
    QCOMPARE(names(m_arm->get(svc(u"/groups/administrators/users"_qs))), QStringList { u"1"_qs });
    QCOMPARE(m_arm->get(svc(u"/users/1"_qs)).json[u"properties"_qs][u"email"_qs].toString(),
             u"admin@example.com"_qs);
    QCOMPARE(names(m_arm->get(svc(u"/products/starter/groups"_qs))).size(), 3);

    const auto master = m_arm->get(svc(u"/subscriptions/master"_qs));
    QCOMPARE(master.status, 200);
    const QJsonObject mp = master.json[u"properties"_qs].toObject();
    QCOMPARE(mp[u"scope"_qs].toString(), svc(u"/"_qs));
    QCOMPARE(mp[u"displayName"_qs].toString(), u"Built-in all-access subscription"_qs);
    QCOMPARE(mp[u"state"_qs].toString(), u"active"_qs);
    QCOMPARE(mp[u"allowTracing"_qs].toBool(), false);
    QVERIFY(!mp.contains(u"primaryKey"_qs));
    const auto keys = m_arm->post(svc(u"/subscriptions/master/listSecrets"_qs));
    QCOMPARE(keys.json[u"primaryKey"_qs].toString().size(), 32);
    QVERIFY(keys.json[u"primaryKey"_qs] != keys.json[u"secondaryKey"_qs]);
}

void tst_ManagementAccess::productsAndTheirApiAndGroupLinks()
{
    const QString product = svc(u"/products/gold"_qs);
    const auto created = m_arm->put(product, QJsonObject { { u"properties"_qs,
                                                             QJsonObject { { u"displayName"_qs, u"Gold"_qs } } } });
    QCOMPARE(created.status, 201);
    const QJsonObject p = created.json[u"properties"_qs].toObject();
    QCOMPARE(p[u"subscriptionRequired"_qs].toBool(), true);
    QCOMPARE(p[u"approvalRequired"_qs].toBool(), false);
    QCOMPARE(p[u"state"_qs].toString(), u"notPublished"_qs);
    QCOMPARE(m_arm->put(svc(u"/products/bad"_qs), QJsonObject { { u"properties"_qs,
        QJsonObject { { u"displayName"_qs, u"B"_qs }, { u"state"_qs, u"maybe"_qs } } } }).status, 400);

    m_arm->put(svc(u"/apis/linked"_qs), api(u"Linked"_qs, u"linked"_qs));
    const auto link = m_arm->send("PUT", product + u"/apis/linked"_qs);
    QCOMPARE(link.status, 201);
    QCOMPARE(link.json[u"type"_qs].toString(), u"Microsoft.ApiManagement/service/apis"_qs);
    QCOMPARE(link.json[u"name"_qs].toString(), u"linked"_qs);
    QCOMPARE(m_arm->send("PUT", product + u"/apis/linked"_qs).status, 200);
    QCOMPARE(m_arm->send("HEAD", product + u"/apis/linked"_qs).status, 204);
    m_arm->put(svc(u"/apis/unlinked"_qs), api(u"Unlinked"_qs, u"unlinked"_qs));
    QCOMPARE(m_arm->send("HEAD", product + u"/apis/unlinked"_qs).status, 404);
    QCOMPARE(m_arm->send("PUT", product + u"/apis/nope"_qs).status, 404);
    QCOMPARE(names(m_arm->get(product + u"/apis"_qs)), QStringList { u"linked"_qs });
    QCOMPARE(names(m_arm->get(svc(u"/apis/linked/products"_qs))), QStringList { u"gold"_qs });
    QCOMPARE(m_arm->send("DELETE", product + u"/apis/linked"_qs).status, 200);
    QCOMPARE(m_arm->send("DELETE", product + u"/apis/linked"_qs).status, 204);
    QCOMPARE(m_arm->send("HEAD", product + u"/apis/linked"_qs).status, 404);

    const auto group = m_arm->send("PUT", product + u"/groups/developers"_qs);
    QCOMPARE(group.status, 201);
    QCOMPARE(group.json[u"properties"_qs][u"displayName"_qs].toString(), u"Developers"_qs);
    QCOMPARE(m_arm->send("HEAD", product + u"/groups/developers"_qs).status, 204);
    QCOMPARE(names(m_arm->get(product + u"/groups"_qs)), QStringList { u"developers"_qs });

    // Deleting an API removes its product links; deleting the product removes it.
    QCOMPARE(m_arm->send("PUT", product + u"/apis/linked"_qs).status, 201);
    QCOMPARE(m_arm->remove(svc(u"/apis/linked"_qs)).status, 202);
    QCOMPARE(names(m_arm->get(product + u"/apis"_qs)), QStringList());
    QCOMPARE(m_arm->patch(product, QJsonObject { { u"properties"_qs,
        QJsonObject { { u"state"_qs, u"published"_qs } } } }).json[u"properties"_qs][u"state"_qs].toString(),
             u"published"_qs);
    QCOMPARE(m_arm->remove(product).status, 200);
    QCOMPARE(m_arm->get(product).errorMessage(), u"Product not found."_qs);
}

void tst_ManagementAccess::subscriptionsKeysNeverAppearInGets()
{
    const QString sub = svc(u"/subscriptions/sub-one"_qs);
    const auto created = m_arm->put(sub, QJsonObject { { u"properties"_qs,
        QJsonObject { { u"scope"_qs, u"/products/starter"_qs }, { u"displayName"_qs, u"Sub one"_qs },
                      { u"ownerId"_qs, u"/users/1"_qs } } } });
    QCOMPARE(created.status, 201);
    const QJsonObject p = created.json[u"properties"_qs].toObject();
    QCOMPARE(p[u"state"_qs].toString(), u"submitted"_qs);
    QCOMPARE(p[u"scope"_qs].toString(), svc(u"/products/starter"_qs));
    QCOMPARE(p[u"ownerId"_qs].toString(), svc(u"/users/1"_qs));
    QVERIFY(!p[u"createdDate"_qs].toString().isEmpty());
    const auto keys = m_arm->post(sub + u"/listSecrets"_qs);
    QCOMPARE(keys.status, 200);
    QVERIFY(!keys.header("etag").isEmpty());
    const QString primary = keys.json[u"primaryKey"_qs].toString();
    const QString secondary = keys.json[u"secondaryKey"_qs].toString();
    QCOMPARE(primary.size(), 32);
    for (const auto &reply : { created, m_arm->get(sub), m_arm->get(svc(u"/subscriptions"_qs)),
                               m_arm->get(svc(u"/products/starter/subscriptions"_qs)),
                               m_arm->get(svc(u"/users/1/subscriptions"_qs)) }) {
        QVERIFY(reply.status == 200 || reply.status == 201);
        QVERIFY(!reply.body.contains(primary.toUtf8()));
        QVERIFY(!reply.body.contains(secondary.toUtf8()));
        QVERIFY(!reply.body.contains("primaryKey"));
    }
    QVERIFY(names(m_arm->get(svc(u"/products/starter/subscriptions"_qs))).contains(u"sub-one"_qs));

    const QByteArray etagBefore = m_arm->get(sub).header("etag");
    QCOMPARE(m_arm->post(sub + u"/regeneratePrimaryKey"_qs).status, 204);
    const auto after = m_arm->post(sub + u"/listSecrets"_qs);
    QVERIFY(after.json[u"primaryKey"_qs].toString() != primary);
    QCOMPARE(after.json[u"secondaryKey"_qs].toString(), secondary);
    QVERIFY(m_arm->get(sub).header("etag") != etagBefore);
    QCOMPARE(m_arm->post(sub + u"/regenerateSecondaryKey"_qs).status, 204);
    QVERIFY(m_arm->post(sub + u"/listSecrets"_qs).json[u"secondaryKey"_qs].toString() != secondary);

    // Keys given by the client are kept; state can be activated by PATCH.
    const QString own = svc(u"/subscriptions/own-keys"_qs);
    QCOMPARE(m_arm->put(own, QJsonObject { { u"properties"_qs,
        QJsonObject { { u"scope"_qs, u"/apis"_qs }, { u"displayName"_qs, u"Own"_qs },
                      { u"primaryKey"_qs, u"my-primary-key"_qs }, { u"state"_qs, u"active"_qs } } } }).status,
             201);
    QCOMPARE(m_arm->post(own + u"/listSecrets"_qs).json[u"primaryKey"_qs].toString(), u"my-primary-key"_qs);
    QVERIFY(!m_arm->get(own).json[u"properties"_qs][u"startDate"_qs].toString().isEmpty());
    QCOMPARE(m_arm->patch(sub, QJsonObject { { u"properties"_qs, QJsonObject { { u"state"_qs, u"active"_qs } } } })
                 .json[u"properties"_qs][u"state"_qs].toString(),
             u"active"_qs);
    QCOMPARE(m_arm->post(svc(u"/subscriptions/nope/listSecrets"_qs)).status, 404);
}

void tst_ManagementAccess::subscriptionValidationAndConflicts()
{
    const auto badScope = m_arm->put(svc(u"/subscriptions/bad"_qs), QJsonObject { { u"properties"_qs,
        QJsonObject { { u"scope"_qs, u"/products/none"_qs }, { u"displayName"_qs, u"Bad"_qs } } } });
    QCOMPARE(badScope.status, 400);
    QCOMPARE(badScope.firstDetailTarget(), u"scope"_qs);
    const auto badOwner = m_arm->put(svc(u"/subscriptions/bad"_qs), QJsonObject { { u"properties"_qs,
        QJsonObject { { u"scope"_qs, u"/apis"_qs }, { u"displayName"_qs, u"Bad"_qs }, { u"ownerId"_qs, u"/users/ghost"_qs } } } });
    QCOMPARE(badOwner.firstDetailTarget(), u"ownerId"_qs);
    const auto noName = m_arm->put(svc(u"/subscriptions/bad"_qs), QJsonObject { { u"properties"_qs,
        QJsonObject { { u"scope"_qs, u"/apis"_qs } } } });
    QCOMPARE(noName.firstDetailTarget(), u"displayName"_qs);

    QCOMPARE(m_arm->put(svc(u"/products/temp"_qs), QJsonObject { { u"properties"_qs,
        QJsonObject { { u"displayName"_qs, u"Temp"_qs } } } }).status, 201);
    QCOMPARE(m_arm->put(svc(u"/subscriptions/temp-sub"_qs), QJsonObject { { u"properties"_qs,
        QJsonObject { { u"scope"_qs, u"/products/temp"_qs }, { u"displayName"_qs, u"Temp"_qs } } } }).status, 201);
    const auto conflict = m_arm->remove(svc(u"/products/temp"_qs));
    QCOMPARE(conflict.status, 409);
    QCOMPARE(m_arm->get(svc(u"/products/temp"_qs)).status, 200);
    QCOMPARE(m_arm->remove(svc(u"/products/temp?deleteSubscriptions=true"_qs)).status, 200);
    QCOMPARE(m_arm->get(svc(u"/subscriptions/temp-sub"_qs)).status, 404);
}

void tst_ManagementAccess::usersGroupsAndMembership()
{
    const QString user = svc(u"/users/ada"_qs);
    const auto created = m_arm->put(user, QJsonObject { { u"properties"_qs,
        QJsonObject { { u"email"_qs, u"ada@example.com"_qs }, { u"firstName"_qs, u"Ada"_qs },
                      { u"lastName"_qs, u"Lovelace"_qs }, { u"password"_qs, u"s3cret!"_qs },
                      { u"confirmation"_qs, u"signup"_qs } } } });
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json[u"properties"_qs][u"state"_qs].toString(), u"active"_qs);
    QVERIFY(!created.body.contains("s3cret"));
    QCOMPARE(created.json[u"properties"_qs][u"identities"_qs][0][u"provider"_qs].toString(), u"Basic"_qs);
    QVERIFY(names(m_arm->get(user + u"/groups"_qs)).contains(u"developers"_qs));
    const auto duplicate = m_arm->put(svc(u"/users/ada2"_qs), QJsonObject { { u"properties"_qs,
        QJsonObject { { u"email"_qs, u"ADA@example.com"_qs }, { u"firstName"_qs, u"A"_qs }, { u"lastName"_qs, u"L"_qs } } } });
    QCOMPARE(duplicate.status, 400);
    QCOMPARE(duplicate.firstDetailTarget(), u"email"_qs);
    QCOMPARE(m_arm->patch(user, QJsonObject { { u"properties"_qs, QJsonObject { { u"state"_qs, u"blocked"_qs } } } })
                 .json[u"properties"_qs][u"state"_qs].toString(),
             u"blocked"_qs);
    QCOMPARE(names(m_arm->get(svc(u"/users?$filter=email%20eq%20'ada@example.com'"_qs))), QStringList { u"ada"_qs });

    const QString group = svc(u"/groups/ml-team"_qs);
    const auto g = m_arm->put(group, QJsonObject { { u"properties"_qs,
        QJsonObject { { u"displayName"_qs, u"ML team"_qs }, { u"description"_qs, u"d"_qs } } } });
    QCOMPARE(g.status, 201);
    QCOMPARE(g.json[u"properties"_qs][u"builtIn"_qs].toBool(), false);
    QCOMPARE(g.json[u"properties"_qs][u"type"_qs].toString(), u"custom"_qs);
    const auto added = m_arm->send("PUT", group + u"/users/ada"_qs);
    QCOMPARE(added.status, 201);
    QCOMPARE(added.json[u"properties"_qs][u"email"_qs].toString(), u"ada@example.com"_qs);
    QCOMPARE(m_arm->send("PUT", group + u"/users/ada"_qs).status, 200);
    QCOMPARE(m_arm->send("HEAD", group + u"/users/ada"_qs).status, 204);
    QCOMPARE(m_arm->send("HEAD", group + u"/users/1"_qs).status, 404);
    QCOMPARE(names(m_arm->get(group + u"/users"_qs)), QStringList { u"ada"_qs });
    QVERIFY(names(m_arm->get(user + u"/groups"_qs)).contains(u"ml-team"_qs));
    QCOMPARE(m_arm->send("DELETE", group + u"/users/ada"_qs).status, 200);
    QCOMPARE(m_arm->send("HEAD", group + u"/users/ada"_qs).status, 404);

    QCOMPARE(m_arm->send("PUT", svc(u"/groups/administrators/users/ada"_qs)).status, 409);
    QCOMPARE(m_arm->remove(svc(u"/groups/guests"_qs)).status, 409);
    QCOMPARE(m_arm->patch(svc(u"/groups/guests"_qs), QJsonObject { { u"properties"_qs,
        QJsonObject { { u"displayName"_qs, u"X"_qs } } } }).status, 409);
    QCOMPARE(m_arm->remove(svc(u"/users/1"_qs)).status, 409);
    QCOMPARE(m_arm->remove(group).status, 200);
    QCOMPARE(m_arm->remove(user).status, 202);
    QCOMPARE(m_arm->get(user).errorMessage(), u"User not found."_qs);
}

void tst_ManagementAccess::namedValuesKeepSecretsOutOfGets()
{
    const QString plain = svc(u"/namedValues/backend-host"_qs);
    const auto created = m_arm->put(plain, QJsonObject { { u"properties"_qs,
        QJsonObject { { u"displayName"_qs, u"backend-host"_qs }, { u"value"_qs, u"example.org"_qs } } } });
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json[u"properties"_qs][u"value"_qs].toString(), u"example.org"_qs);
    QCOMPARE(created.json[u"properties"_qs][u"secret"_qs].toBool(), false);

    const QString secret = svc(u"/namedValues/api-key"_qs);
    const auto s = m_arm->put(secret, QJsonObject { { u"properties"_qs,
        QJsonObject { { u"displayName"_qs, u"api-key"_qs }, { u"value"_qs, u"TOPSECRET-123"_qs },
                      { u"secret"_qs, true } } } });
    QCOMPARE(s.status, 201);
    for (const auto &reply : { s, m_arm->get(secret), m_arm->get(svc(u"/namedValues"_qs)) })
        QVERIFY2(!reply.body.contains("TOPSECRET"), reply.body.constData());
    const auto value = m_arm->post(secret + u"/listValue"_qs);
    QCOMPARE(value.status, 200);
    QCOMPARE(value.json[u"value"_qs].toString(), u"TOPSECRET-123"_qs);
    // PATCH keeps the secret value unless a new one is given.
    QCOMPARE(m_arm->patch(secret, QJsonObject { { u"properties"_qs, QJsonObject { { u"tags"_qs, QJsonArray { u"t"_qs } } } } }).status,
             200);
    QCOMPARE(m_arm->post(secret + u"/listValue"_qs).json[u"value"_qs].toString(), u"TOPSECRET-123"_qs);
    QCOMPARE(m_arm->patch(secret, QJsonObject { { u"properties"_qs, QJsonObject { { u"value"_qs, u"NEW-SECRET"_qs } } } }).status,
             200);
    QCOMPARE(m_arm->post(secret + u"/listValue"_qs).json[u"value"_qs].toString(), u"NEW-SECRET"_qs);

    const auto badName = m_arm->put(svc(u"/namedValues/bad"_qs), QJsonObject { { u"properties"_qs,
        QJsonObject { { u"displayName"_qs, u"has space"_qs }, { u"value"_qs, u"v"_qs } } } });
    QCOMPARE(badName.firstDetailTarget(), u"displayName"_qs);
    const auto blank = m_arm->put(svc(u"/namedValues/blank"_qs), QJsonObject { { u"properties"_qs,
        QJsonObject { { u"displayName"_qs, u"blank"_qs }, { u"value"_qs, u"   "_qs } } } });
    QCOMPARE(blank.firstDetailTarget(), u"value"_qs);
    QCOMPARE(m_arm->remove(plain).status, 200);
    QCOMPARE(m_arm->get(plain).status, 404);
}

void tst_ManagementAccess::backendsCrudAndReconnect()
{
    const QString backend = svc(u"/backends/scoring"_qs);
    const auto created = m_arm->put(backend, QJsonObject { { u"properties"_qs,
        QJsonObject { { u"url"_qs, u"http://127.0.0.1:8473/score"_qs }, { u"protocol"_qs, u"http"_qs },
                      { u"title"_qs, u"Scoring"_qs }, { u"tls"_qs, QJsonObject { { u"validateCertificateChain"_qs, false } } } } } });
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json[u"type"_qs].toString(), u"Microsoft.ApiManagement/service/backends"_qs);
    QCOMPARE(names(m_arm->get(svc(u"/backends?$filter=title%20eq%20'Scoring'"_qs))), QStringList { u"scoring"_qs });
    QCOMPARE(m_arm->post(backend + u"/reconnect"_qs).status, 202);
    const auto missing = m_arm->put(svc(u"/backends/bad"_qs), QJsonObject { { u"properties"_qs, QJsonObject { { u"protocol"_qs, u"http"_qs } } } });
    QCOMPARE(missing.firstDetailTarget(), u"url"_qs);
    QCOMPARE(m_arm->patch(backend, QJsonObject { { u"properties"_qs, QJsonObject { { u"protocol"_qs, u"ftp"_qs } } } }).status, 400);
    QCOMPARE(m_arm->remove(backend).status, 200);
}

QTEST_GUILESS_MAIN(tst_ManagementAccess)
#include "tst_managementaccess.moc"
