// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/model/serviceinstance.h"
#include "tests/core/model/modeljson.h"

#include <QTest>

using namespace portico;
using core::JsonShape;
using core::ServiceInstance;
using test::jsonObject;

class tst_ServiceInstance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsArmWireShape_data();
    void roundTripsArmWireShape();
    void readsProvisioningAndUrls();
    void requestShapeIsTheCreateBody();
    void malformedInputNamesTheField_data();
    void malformedInputNamesTheField();
};

namespace {

// EX/ApiManagementCreateService.json (§8 A).
const QByteArray createRequest = R"({"properties":{"publisherEmail":"foo@contoso.com","publisherName":"foo"},
    "sku":{"name":"Developer","capacity":1},"location":"South Central US","tags":{"Name":"Contoso","Test":"User"}})";

const QByteArray created201 = R"({
  "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1",
  "name":"apimService1","type":"Microsoft.ApiManagement/service","tags":{"Name":"Contoso","Test":"User"},
  "location":"South Central US","etag":"AAAAAAAmREI=",
  "properties":{"publisherEmail":"foo@contoso.com","publisherName":"foo",
    "notificationSenderEmail":"apimgmt-noreply@mail.windowsazure.com","provisioningState":"Created",
    "targetProvisioningState":"Activating","createdAtUtc":"2019-12-18T06:26:20.3348609Z",
    "gatewayUrl":"https://apimService1.azure-api.net",
    "hostnameConfigurations":[{"type":"Proxy","hostName":"apimService1.azure-api.net","negotiateClientCertificate":false,"defaultSslBinding":true,"certificateSource":"BuiltIn"}],
    "virtualNetworkType":"None","disableGateway":false,"publicNetworkAccess":"Enabled","platformVersion":"undetermined"},
  "sku":{"name":"Developer","capacity":1},
  "systemData":{"createdBy":"foo@contoso.com","createdByType":"User","createdAt":"2019-12-18T06:26:20.3348609Z",
                "lastModifiedBy":"foo@contoso.com","lastModifiedByType":"User","lastModifiedAt":"2019-12-18T06:26:20.3348609Z"}})";

const QByteArray succeeded200 = R"({
  "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1",
  "name":"apimService1","type":"Microsoft.ApiManagement/service","tags":{"Name":"Contoso","Test":"User"},
  "location":"South Central US","etag":"AAAAAAAmRAM=",
  "properties":{"publisherEmail":"foo@contoso.com","publisherName":"foo",
    "notificationSenderEmail":"apimgmt-noreply@mail.windowsazure.com","provisioningState":"Succeeded",
    "targetProvisioningState":"","createdAtUtc":"2019-12-18T06:26:20.3348609Z",
    "gatewayUrl":"https://apimService1.azure-api.net",
    "gatewayRegionalUrl":"https://apimService1-southcentralus-01.regional.azure-api.net",
    "portalUrl":"https://apimService1.portal.azure-api.net","developerPortalUrl":"https://apimService1.developer.azure-api.net",
    "managementApiUrl":"https://apimService1.management.azure-api.net","scmUrl":"https://apimService1.scm.azure-api.net",
    "hostnameConfigurations":[{"type":"Proxy","hostName":"apimService1.azure-api.net","negotiateClientCertificate":false,"defaultSslBinding":true,"certificateSource":"BuiltIn"}],
    "publicIPAddresses":["13.84.189.17"],
    "customProperties":{"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10":"False",
                        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Ssl30":"False"},
    "virtualNetworkType":"None","disableGateway":false,"publicNetworkAccess":"Enabled","platformVersion":"stv1"},
  "sku":{"name":"Developer","capacity":1}})";

const QByteArray consumption = R"({
  "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/ml-gateway",
  "name":"ml-gateway","type":"Microsoft.ApiManagement/service","location":"West Europe",
  "identity":{"type":"SystemAssigned","principalId":"ca1d33f7-0000-0000-0000-000000000000","tenantId":"72f988bf-0000-0000-0000-000000000000"},
  "properties":{"publisherEmail":"ml@contoso.com","publisherName":"Contoso ML","provisioningState":"Succeeded",
    "targetProvisioningState":"","gatewayUrl":"https://ml-gateway.azure-api.net","futureSetting":{"a":1}},
  "sku":{"name":"Consumption","capacity":0},"zones":["1","2"]})";

} // namespace

void tst_ServiceInstance::roundTripsArmWireShape_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("EX create service 201") << created201;
    QTest::newRow("EX create service 200") << succeeded200;
    QTest::newRow("consumption with identity and zones") << consumption;
}

void tst_ServiceInstance::roundTripsArmWireShape()
{
    QFETCH(QByteArray, json);
    const QJsonObject wire = jsonObject(json);
    const auto service = ServiceInstance::fromJson(wire);
    PORTICO_VERIFY_OK(service);
    PORTICO_COMPARE_JSON(service->toJson(), wire);
    const auto again = ServiceInstance::fromJson(service->toJson());
    PORTICO_VERIFY_OK(again);
    QCOMPARE(*again, *service);
}

void tst_ServiceInstance::readsProvisioningAndUrls()
{
    const auto creating = ServiceInstance::fromJson(jsonObject(created201));
    PORTICO_VERIFY_OK(creating);
    QCOMPARE(creating->provisioningState, u"Created"_qs);
    QCOMPARE(creating->targetProvisioningState, u"Activating"_qs);
    const auto done = ServiceInstance::fromJson(jsonObject(succeeded200));
    PORTICO_VERIFY_OK(done);
    QCOMPARE(done->name, u"apimService1"_qs);
    QCOMPARE(done->sku, (ServiceInstance::Sku { u"Developer"_qs, 1 }));
    QCOMPARE(done->gatewayUrl, u"https://apimService1.azure-api.net"_qs);
    QCOMPARE(done->managementApiUrl, u"https://apimService1.management.azure-api.net"_qs);
    QCOMPARE(done->targetProvisioningState, QString());
    QCOMPARE(done->tags.value(u"Name"_qs), u"Contoso"_qs);
    QCOMPARE(done->customProperties.size(), 2);
    QCOMPARE(done->publicIPAddresses, QStringList { u"13.84.189.17"_qs });
}

void tst_ServiceInstance::requestShapeIsTheCreateBody()
{
    const auto request = ServiceInstance::fromJson(jsonObject(createRequest));
    PORTICO_VERIFY_OK(request);
    PORTICO_COMPARE_JSON(request->toJson(JsonShape::Request), jsonObject(createRequest));

    // A PUT built from a GET reply carries no read-only state.
    const auto done = ServiceInstance::fromJson(jsonObject(succeeded200));
    PORTICO_VERIFY_OK(done);
    const QJsonObject body = done->toJson(JsonShape::Request);
    for (const char *key : { "id", "name", "type", "etag", "systemData" })
        QVERIFY2(!body.contains(QLatin1StringView(key)), key);
    const QJsonObject p = body.value(u"properties"_qs).toObject();
    for (const char *key : { "provisioningState", "targetProvisioningState", "createdAtUtc", "gatewayUrl",
                             "managementApiUrl", "publicIPAddresses", "platformVersion" })
        QVERIFY2(!p.contains(QLatin1StringView(key)), key);
    QCOMPARE(p.value(u"virtualNetworkType"_qs).toString(), u"None"_qs);
}

void tst_ServiceInstance::malformedInputNamesTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    const QByteArray props = R"("properties":{"publisherEmail":"a@b.c","publisherName":"n"})";
    QTest::newRow("location missing") << QByteArray("{\"sku\":{\"name\":\"Developer\",\"capacity\":1}," + props + "}")
                                      << u"location"_qs;
    QTest::newRow("sku missing") << QByteArray("{\"location\":\"l\"," + props + "}") << u"sku"_qs;
    QTest::newRow("sku name missing") << QByteArray("{\"location\":\"l\",\"sku\":{\"capacity\":1}," + props + "}")
                                      << u"sku.name"_qs;
    QTest::newRow("capacity as text") << QByteArray("{\"location\":\"l\",\"sku\":{\"name\":\"Developer\",\"capacity\":\"1\"}," + props + "}")
                                      << u"sku.capacity"_qs;
    QTest::newRow("capacity negative") << QByteArray("{\"location\":\"l\",\"sku\":{\"name\":\"Developer\",\"capacity\":-1}," + props + "}")
                                       << u"sku.capacity"_qs;
    QTest::newRow("publisherEmail missing")
        << QByteArray(R"({"location":"l","sku":{"name":"Developer","capacity":1},"properties":{"publisherName":"n"}})")
        << u"properties.publisherEmail"_qs;
    QTest::newRow("tag value a number")
        << QByteArray("{\"location\":\"l\",\"sku\":{\"name\":\"Developer\",\"capacity\":1},\"tags\":{\"Name\":1}," + props + "}")
        << u"tags.Name"_qs;
    QTest::newRow("IP address a number")
        << QByteArray(R"({"location":"l","sku":{"name":"Developer","capacity":1},"properties":{"publisherEmail":"a","publisherName":"n","publicIPAddresses":[1]}})")
        << u"properties.publicIPAddresses[0]"_qs;
    QTest::newRow("disableGateway as text")
        << QByteArray(R"({"location":"l","sku":{"name":"Developer","capacity":1},"properties":{"publisherEmail":"a","publisherName":"n","disableGateway":"false"}})")
        << u"properties.disableGateway"_qs;
}

void tst_ServiceInstance::malformedInputNamesTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto service = ServiceInstance::fromJson(jsonObject(json));
    QVERIFY(!service.ok());
    QCOMPARE(service.error().kind, core::Error::Kind::Protocol);
    QCOMPARE(service.error().target, field);
    QVERIFY2(service.error().message.contains(u'\'' + field + u'\''), qPrintable(service.error().message));
}

QTEST_GUILESS_MAIN(tst_ServiceInstance)
#include "tst_serviceinstance.moc"
