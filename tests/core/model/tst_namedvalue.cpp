// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/model/namedvalue.h"
#include "tests/core/model/modeljson.h"

#include <QTest>

using namespace portico;
using core::JsonShape;
using core::NamedValue;
using test::jsonObject;

class tst_NamedValue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsArmWireShape_data();
    void roundTripsArmWireShape();
    void secretValueIsOmittedOnReadAndSentOnWrite();
    void requestShapeLeavesOutReadOnlyFields();
    void malformedInputNamesTheField_data();
    void malformedInputNamesTheField();
};

void tst_NamedValue::roundTripsArmWireShape_data()
{
    QTest::addColumn<QByteArray>("json");
    // EX/ApiManagementCreateNamedValue.json reply (§8 G): LRO still in progress.
    QTest::newRow("EX create named value reply") << QByteArray(R"({
      "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/namedValues/testprop2",
      "type":"Microsoft.ApiManagement/service/namedValues","name":"testprop2",
      "properties":{"displayName":"prop3name","value":"propValue","tags":["foo","bar"],"secret":false,"provisioningState":"InProgress"}})");
    QTest::newRow("secret, value not returned") << QByteArray(R"({
      "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/namedValues/azureml-key",
      "type":"Microsoft.ApiManagement/service/namedValues","name":"azureml-key",
      "properties":{"displayName":"azureml-key","secret":true,"provisioningState":"Succeeded"}})");
    QTest::newRow("Key Vault reference") << QByteArray(R"({
      "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/namedValues/testprop6",
      "type":"Microsoft.ApiManagement/service/namedValues","name":"testprop6",
      "properties":{"displayName":"prop6namekv","secret":true,"tags":["foo","bar"],
        "keyVault":{"secretIdentifier":"https://contoso.vault.azure.net/secrets/aadSecret",
                    "lastStatus":{"code":"Success","timeStampUtc":"2020-09-22T00:24:53.3191468Z"}},
        "provisioningState":"Succeeded"}})");
}

void tst_NamedValue::roundTripsArmWireShape()
{
    QFETCH(QByteArray, json);
    const QJsonObject wire = jsonObject(json);
    const auto nv = NamedValue::fromJson(wire);
    PORTICO_VERIFY_OK(nv);
    PORTICO_COMPARE_JSON(nv->toJson(), wire);
    const auto again = NamedValue::fromJson(nv->toJson());
    PORTICO_VERIFY_OK(again);
    QCOMPARE(*again, *nv);
}

void tst_NamedValue::secretValueIsOmittedOnReadAndSentOnWrite()
{
    NamedValue key;
    key.name = u"azureml-key"_qs;
    key.displayName = u"azureml-key"_qs;
    key.value = u"q8Zr+v3Ml0KEYVALUE=="_qs;
    key.secret = true;
    QVERIFY(!test::compact(key.toJson()).contains("q8Zr+v3Ml0KEYVALUE=="));
    PORTICO_COMPARE_JSON(key.toJson(JsonShape::Request), jsonObject(R"({"properties":{
        "displayName":"azureml-key","value":"q8Zr+v3Ml0KEYVALUE==","secret":true}})"));

    // A plain value is returned on read.
    key.secret = false;
    QCOMPARE(key.toJson().value(u"properties"_qs).toObject().value(u"value"_qs).toString(),
             u"q8Zr+v3Ml0KEYVALUE=="_qs);
}

void tst_NamedValue::requestShapeLeavesOutReadOnlyFields()
{
    const auto nv = NamedValue::fromJson(jsonObject(R"({"name":"kv","properties":{"displayName":"kv","secret":true,
        "keyVault":{"secretIdentifier":"https://contoso.vault.azure.net/secrets/s","identityClientId":"ceaa6b06-c00f-43ef-99ac-f53d1fe876a0",
                    "lastStatus":{"code":"Success"}},"provisioningState":"Succeeded"}})"));
    PORTICO_VERIFY_OK(nv);
    PORTICO_COMPARE_JSON(nv->toJson(JsonShape::Request), jsonObject(R"({"properties":{"displayName":"kv","secret":true,
        "keyVault":{"secretIdentifier":"https://contoso.vault.azure.net/secrets/s","identityClientId":"ceaa6b06-c00f-43ef-99ac-f53d1fe876a0"}}})"));
}

void tst_NamedValue::malformedInputNamesTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("displayName missing") << QByteArray(R"({"properties":{"value":"v"}})") << u"properties.displayName"_qs;
    QTest::newRow("secret as text") << QByteArray(R"({"properties":{"displayName":"d","secret":"true"}})")
                                    << u"properties.secret"_qs;
    QTest::newRow("tags a string") << QByteArray(R"({"properties":{"displayName":"d","tags":"a,b"}})")
                                   << u"properties.tags"_qs;
    QTest::newRow("secretIdentifier a number")
        << QByteArray(R"({"properties":{"displayName":"d","keyVault":{"secretIdentifier":1}}})")
        << u"properties.keyVault.secretIdentifier"_qs;
}

void tst_NamedValue::malformedInputNamesTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto nv = NamedValue::fromJson(jsonObject(json));
    QVERIFY(!nv.ok());
    QCOMPARE(nv.error().kind, core::Error::Kind::Protocol);
    QCOMPARE(nv.error().target, field);
    QVERIFY2(nv.error().message.contains(u'\'' + field + u'\''), qPrintable(nv.error().message));
}

QTEST_GUILESS_MAIN(tst_NamedValue)
#include "tst_namedvalue.moc"
