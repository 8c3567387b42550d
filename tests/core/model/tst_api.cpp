// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/model/api.h"
#include "tests/core/model/modeljson.h"

#include <QTest>

using namespace portico;
using core::Api;
using core::JsonShape;
using test::jsonObject;

class tst_Api : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsArmWireShape_data();
    void roundTripsArmWireShape();
    void subscriptionKeyNamesDefaultWhenAbsent_data();
    void subscriptionKeyNamesDefaultWhenAbsent();
    void requestShapeLeavesOutReadOnlyFields();
    void malformedInputNamesTheField_data();
    void malformedInputNamesTheField();
};

namespace {

// EX/ApiManagementCreateApi.json reply (§8 G): LRO in progress, authenticationSettings unmodelled.
const QByteArray createApiReply = R"({
  "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/apis/apiid9419",
  "type":"Microsoft.ApiManagement/service/apis","name":"apiid9419",
  "properties":{"displayName":"apiname1463","apiRevision":"1","description":"apidescription5200",
    "serviceUrl":"http://newechoapi.cloudapp.net/api","path":"newapiPath","protocols":["https","http"],
    "authenticationSettings":{"oAuth2":{"authorizationServerId":"authorizationServerId2283","scope":"oauth2scope2580"}},
    "subscriptionKeyParameterNames":{"header":"header4520","query":"query3037"},
    "isCurrent":true,"isOnline":true,"provisioningState":"InProgress"}})";

// EX/ApiManagementCreateProductApi.json reply (§8 E): the default API with an empty path.
const QByteArray echoApiReply = R"({
  "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/apis/echo-api",
  "type":"Microsoft.ApiManagement/service/apis","name":"echo-api",
  "properties":{"displayName":"Echo API","apiRevision":"1","serviceUrl":"http://echoapi.cloudapp.net/api",
    "path":"","protocols":["https"],
    "subscriptionKeyParameterNames":{"header":"Ocp-Apim-Subscription-Key","query":"subscription-key"},
    "isCurrent":true}})";

// A non-current revision of the AzureML API, addressed as <apiId>;rev=<n>.
const QByteArray revisionReply = R"({
  "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/apis/azureml-demo;rev=2",
  "type":"Microsoft.ApiManagement/service/apis","name":"azureml-demo;rev=2",
  "properties":{"displayName":"AzureML Demo","path":"azureml","type":"http",
    "serviceUrl":"https://ussouthcentral.services.azureml.net","protocols":["https"],
    "subscriptionRequired":true,
    "subscriptionKeyParameterNames":{"header":"Ocp-Apim-Subscription-Key","query":"subscription-key"},
    "apiRevision":"2","apiRevisionDescription":"Adds BES operations","apiVersion":"v1",
    "apiVersionSetId":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/apiVersionSets/azureml",
    "isCurrent":false,"isOnline":true,"termsOfServiceUrl":"https://example.org/terms"}})";

} // namespace

void tst_Api::roundTripsArmWireShape_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("EX create API reply") << createApiReply;
    QTest::newRow("EX product API link reply, empty path") << echoApiReply;
    QTest::newRow("non-current revision") << revisionReply;
}

void tst_Api::roundTripsArmWireShape()
{
    QFETCH(QByteArray, json);
    const QJsonObject wire = jsonObject(json);
    const auto api = Api::fromJson(wire);
    PORTICO_VERIFY_OK(api);
    PORTICO_COMPARE_JSON(api->toJson(), wire);
    const auto again = Api::fromJson(api->toJson());
    PORTICO_VERIFY_OK(again);
    QCOMPARE(*again, *api);
}

void tst_Api::subscriptionKeyNamesDefaultWhenAbsent_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("query");
    QTest::newRow("object absent") << QByteArray(R"({"properties":{"path":"p"}})")
                                   << u"Ocp-Apim-Subscription-Key"_qs << u"subscription-key"_qs;
    QTest::newRow("object null") << QByteArray(R"({"properties":{"path":"p","subscriptionKeyParameterNames":null}})")
                                 << u"Ocp-Apim-Subscription-Key"_qs << u"subscription-key"_qs;
    QTest::newRow("only header") << QByteArray(R"({"properties":{"path":"p","subscriptionKeyParameterNames":{"header":"X-Key"}}})")
                                 << u"X-Key"_qs << u"subscription-key"_qs;
    QTest::newRow("both") << QByteArray(R"({"properties":{"path":"p","subscriptionKeyParameterNames":{"header":"X-Key","query":"key"}}})")
                          << u"X-Key"_qs << u"key"_qs;
}

void tst_Api::subscriptionKeyNamesDefaultWhenAbsent()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, header);
    QFETCH(QString, query);
    const auto api = Api::fromJson(jsonObject(json));
    PORTICO_VERIFY_OK(api);
    QCOMPARE(api->subscriptionKeyParameterNames.header, header);
    QCOMPARE(api->subscriptionKeyParameterNames.query, query);
    QVERIFY(!api->subscriptionRequired.has_value());
}

void tst_Api::requestShapeLeavesOutReadOnlyFields()
{
    const auto api = Api::fromJson(jsonObject(createApiReply));
    PORTICO_VERIFY_OK(api);
    const QJsonObject body = api->toJson(JsonShape::Request);
    QCOMPARE(body.keys(), QStringList { u"properties"_qs });
    const QJsonObject p = body.value(u"properties"_qs).toObject();
    QVERIFY(!p.contains(u"isOnline"_qs));
    QVERIFY(!p.contains(u"provisioningState"_qs));
    QCOMPARE(p.value(u"path"_qs).toString(), u"newapiPath"_qs);
    QCOMPARE(p.value(u"isCurrent"_qs).toBool(), true);
    // Unmodelled settings survive a read-modify-write.
    QCOMPARE(p.value(u"authenticationSettings"_qs).toObject().value(u"oAuth2"_qs).toObject()
                 .value(u"scope"_qs).toString(),
             u"oauth2scope2580"_qs);
}

void tst_Api::malformedInputNamesTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("path missing") << QByteArray(R"({"properties":{"displayName":"x"}})") << u"properties.path"_qs;
    QTest::newRow("path null") << QByteArray(R"({"properties":{"path":null}})") << u"properties.path"_qs;
    QTest::newRow("path a number") << QByteArray(R"({"properties":{"path":3}})") << u"properties.path"_qs;
    QTest::newRow("name an object") << QByteArray(R"({"name":{},"properties":{"path":""}})") << u"name"_qs;
    QTest::newRow("protocols a string") << QByteArray(R"({"properties":{"path":"","protocols":"https"}})")
                                        << u"properties.protocols"_qs;
    QTest::newRow("protocol item a number") << QByteArray(R"({"properties":{"path":"","protocols":["https",1]}})")
                                            << u"properties.protocols[1]"_qs;
    QTest::newRow("subscriptionRequired as text")
        << QByteArray(R"({"properties":{"path":"","subscriptionRequired":"true"}})")
        << u"properties.subscriptionRequired"_qs;
    QTest::newRow("key header a number")
        << QByteArray(R"({"properties":{"path":"","subscriptionKeyParameterNames":{"header":1}}})")
        << u"properties.subscriptionKeyParameterNames.header"_qs;
    QTest::newRow("key names an array")
        << QByteArray(R"({"properties":{"path":"","subscriptionKeyParameterNames":[]}})")
        << u"properties.subscriptionKeyParameterNames"_qs;
}

void tst_Api::malformedInputNamesTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto api = Api::fromJson(jsonObject(json));
    QVERIFY(!api.ok());
    QCOMPARE(api.error().kind, core::Error::Kind::Protocol);
    QCOMPARE(api.error().target, field);
    QVERIFY2(api.error().message.contains(u'\'' + field + u'\''), qPrintable(api.error().message));
}

QTEST_GUILESS_MAIN(tst_Api)
#include "tst_api.moc"
