// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/model/environment.h"
#include "tests/core/model/modeljson.h"

#include <QTest>

using namespace portico;
using core::Environment;
using test::jsonObject;

class tst_Environment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsJson_data();
    void roundTripsJson();
    void secretsNeverEnterTheModel();
    void secretKeyIsScopedToTheEnvironment();
    void malformedInputNamesTheField_data();
    void malformedInputNamesTheField();
};

void tst_Environment::roundTripsJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("kind");
    QTest::newRow("local supervised") << QByteArray(R"({"id":"local","kind":"local","displayName":"portico-local",
        "managementUrl":"http://127.0.0.1:40123","localMode":"supervised"})") << int(Environment::Kind::Local);
    QTest::newRow("local attached") << QByteArray(R"({"id":"lab","kind":"local","displayName":"Lab box",
        "managementUrl":"http://10.0.0.7:8443","localMode":"attached"})") << int(Environment::Kind::Local);
    QTest::newRow("azure device code") << QByteArray(R"({"id":"contoso-prod","kind":"azure","displayName":"Contoso production",
        "managementUrl":"https://management.azure.com","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47",
        "subscriptionId":"00000000-0000-0000-0000-000000000000","signIn":"deviceCode",
        "clientId":"11111111-2222-3333-4444-555555555555"})") << int(Environment::Kind::Azure);
    QTest::newRow("azure cli") << QByteArray(R"({"id":"contoso-dev","kind":"azure",
        "managementUrl":"https://management.azure.com","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47",
        "subscriptionId":"00000000-0000-0000-0000-000000000000","signIn":"azureCli"})") << int(Environment::Kind::Azure);
}

void tst_Environment::roundTripsJson()
{
    QFETCH(QByteArray, json);
    QFETCH(int, kind);
    const QJsonObject wire = jsonObject(json);
    const auto env = Environment::fromJson(wire);
    PORTICO_VERIFY_OK(env);
    QCOMPARE(int(env->kind), kind);
    QCOMPARE(env->managementUrl.toString(), wire.value(u"managementUrl"_qs).toString());
    PORTICO_COMPARE_JSON(env->toJson(), wire);
    const auto again = Environment::fromJson(env->toJson());
    PORTICO_VERIFY_OK(again);
    QCOMPARE(*again, *env);
}

void tst_Environment::secretsNeverEnterTheModel()
{
    const auto env = Environment::fromJson(jsonObject(R"({"id":"local","kind":"local",
        "managementUrl":"http://127.0.0.1:40123","token":"eyJhbGciOi.secret","mlKey":"k-123"})"));
    PORTICO_VERIFY_OK(env);
    const QByteArray out = test::compact(env->toJson());
    QVERIFY(!out.contains("eyJhbGciOi.secret"));
    QVERIFY(!out.contains("k-123"));
}

void tst_Environment::secretKeyIsScopedToTheEnvironment()
{
    Environment env;
    env.id = u"contoso-prod"_qs;
    QCOMPARE(env.secretKey(u"armToken"_qs), u"contoso-prod/armToken"_qs);
}

void tst_Environment::malformedInputNamesTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("id missing") << QByteArray(R"({"kind":"local","managementUrl":"http://127.0.0.1:1"})") << u"id"_qs;
    QTest::newRow("id with slash") << QByteArray(R"({"id":"a/b","kind":"local","managementUrl":"http://127.0.0.1:1"})") << u"id"_qs;
    QTest::newRow("kind unknown") << QByteArray(R"({"id":"x","kind":"aws","managementUrl":"http://127.0.0.1:1"})") << u"kind"_qs;
    QTest::newRow("kind a number") << QByteArray(R"({"id":"x","kind":1,"managementUrl":"http://127.0.0.1:1"})") << u"kind"_qs;
    QTest::newRow("url relative") << QByteArray(R"({"id":"x","kind":"local","managementUrl":"/management"})") << u"managementUrl"_qs;
    QTest::newRow("url not http") << QByteArray(R"({"id":"x","kind":"local","managementUrl":"ftp://host/"})") << u"managementUrl"_qs;
    QTest::newRow("azure without tenant")
        << QByteArray(R"({"id":"x","kind":"azure","managementUrl":"https://management.azure.com","subscriptionId":"s"})")
        << u"tenantId"_qs;
    QTest::newRow("azure without subscription")
        << QByteArray(R"({"id":"x","kind":"azure","managementUrl":"https://management.azure.com","tenantId":"t"})")
        << u"subscriptionId"_qs;
    QTest::newRow("local mode unknown")
        << QByteArray(R"({"id":"x","kind":"local","managementUrl":"http://127.0.0.1:1","localMode":"remote"})")
        << u"localMode"_qs;
    QTest::newRow("sign-in unknown")
        << QByteArray(R"({"id":"x","kind":"azure","managementUrl":"https://management.azure.com","tenantId":"t",
            "subscriptionId":"s","signIn":"password"})")
        << u"signIn"_qs;
    QTest::newRow("client id a number")
        << QByteArray(R"({"id":"x","kind":"azure","managementUrl":"https://management.azure.com","tenantId":"t",
            "subscriptionId":"s","clientId":42})")
        << u"clientId"_qs;
}

void tst_Environment::malformedInputNamesTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto env = Environment::fromJson(jsonObject(json));
    QVERIFY(!env.ok());
    QCOMPARE(env.error().kind, core::Error::Kind::Protocol);
    QCOMPARE(env.error().target, field);
    QVERIFY2(env.error().message.contains(u'\'' + field + u'\''), qPrintable(env.error().message));
}

QTEST_GUILESS_MAIN(tst_Environment)
#include "tst_environment.moc"
