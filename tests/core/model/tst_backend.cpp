// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/model/backend.h"
#include "tests/core/model/modeljson.h"

#include <QTest>

using namespace portico;
using core::Backend;
using core::JsonShape;
using test::jsonObject;

class tst_Backend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsArmWireShape_data();
    void roundTripsArmWireShape();
    void readsCredentialsProxyAndTls();
    void requestShapeIsTheCreateBody();
    void malformedInputNamesTheField_data();
    void malformedInputNamesTheField();
};

namespace {

// EX/ApiManagementCreateBackendProxyBackend.json request body.
const QByteArray proxyBackendRequest = R"({"properties":{"description":"description5308","url":"https://backendname2644/",
    "protocol":"http","tls":{"validateCertificateChain":true,"validateCertificateName":true},
    "proxy":{"url":"http://192.168.1.1:8080","username":"Contoso\\admin","password":"<password>"},
    "credentials":{"query":{"sv":["xx","bb","cc"]},"header":{"x-my-1":["val1","val2"]},
                   "authorization":{"scheme":"Basic","parameter":"opensesma"}}}})";

} // namespace

void tst_Backend::roundTripsArmWireShape_data()
{
    QTest::addColumn<QByteArray>("json");
    // The reply: the example shows tls false although the request said true (§8 caveat).
    QTest::newRow("EX proxy backend reply") << QByteArray(R"({
      "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/proxybackend",
      "type":"Microsoft.ApiManagement/service/backends","name":"proxybackend",
      "properties":{"description":"description5308","url":"https://backendname2644/","protocol":"http",
        "credentials":{"query":{"sv":["xx","bb","cc"]},"header":{"x-my-1":["val1","val2"]},
                       "authorization":{"scheme":"Basic","parameter":"opensesma"}},
        "proxy":{"url":"http://192.168.1.1:8080","username":"Contoso\\admin","password":"<password>"},
        "tls":{"validateCertificateChain":false,"validateCertificateName":false}}})");
    QTest::newRow("AzureML scoring backend") << QByteArray(R"({
      "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/azureml",
      "type":"Microsoft.ApiManagement/service/backends","name":"azureml",
      "properties":{"url":"https://ussouthcentral.services.azureml.net","protocol":"http","title":"AzureML RRS/BES",
        "type":"Single","credentials":{"header":{"Authorization":["{{azureml-key}}"]}}}})");
    QTest::newRow("pool kept verbatim") << QByteArray(R"({
      "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/scoring-pool",
      "type":"Microsoft.ApiManagement/service/backends","name":"scoring-pool",
      "properties":{"url":"https://pool.invalid","protocol":"http","type":"Pool",
        "pool":{"services":[{"id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/backends/azureml","weight":50,"priority":1}]},
        "circuitBreaker":{"rules":[{"name":"myBreakerRule","tripDuration":"PT1H"}]}}})");
}

void tst_Backend::roundTripsArmWireShape()
{
    QFETCH(QByteArray, json);
    const QJsonObject wire = jsonObject(json);
    const auto backend = Backend::fromJson(wire);
    PORTICO_VERIFY_OK(backend);
    PORTICO_COMPARE_JSON(backend->toJson(), wire);
    const auto again = Backend::fromJson(backend->toJson());
    PORTICO_VERIFY_OK(again);
    QCOMPARE(*again, *backend);
}

void tst_Backend::readsCredentialsProxyAndTls()
{
    const auto backend = Backend::fromJson(jsonObject(proxyBackendRequest));
    PORTICO_VERIFY_OK(backend);
    QCOMPARE(backend->credentials.query.value(u"sv"_qs), (QStringList { u"xx"_qs, u"bb"_qs, u"cc"_qs }));
    QCOMPARE(backend->credentials.header.value(u"x-my-1"_qs), (QStringList { u"val1"_qs, u"val2"_qs }));
    QCOMPARE(backend->credentials.authorizationScheme, u"Basic"_qs);
    QCOMPARE(backend->proxy.username, u"Contoso\\admin"_qs);
    QCOMPARE(backend->tls.validateCertificateChain, std::optional<bool>(true));
    QVERIFY(backend->otherProperties.isEmpty());
}

void tst_Backend::requestShapeIsTheCreateBody()
{
    const auto backend = Backend::fromJson(jsonObject(proxyBackendRequest));
    PORTICO_VERIFY_OK(backend);
    PORTICO_COMPARE_JSON(backend->toJson(JsonShape::Request), jsonObject(proxyBackendRequest));
}

void tst_Backend::malformedInputNamesTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("url missing") << QByteArray(R"({"properties":{"protocol":"http"}})") << u"properties.url"_qs;
    QTest::newRow("protocol missing") << QByteArray(R"({"properties":{"url":"https://a"}})") << u"properties.protocol"_qs;
    QTest::newRow("header values not a list")
        << QByteArray(R"({"properties":{"url":"https://a","protocol":"http","credentials":{"header":{"x-my-1":"v"}}}})")
        << u"properties.credentials.header.x-my-1"_qs;
    QTest::newRow("query value not a string")
        << QByteArray(R"({"properties":{"url":"https://a","protocol":"http","credentials":{"query":{"sv":[1]}}}})")
        << u"properties.credentials.query.sv[0]"_qs;
    QTest::newRow("proxy without url")
        << QByteArray(R"({"properties":{"url":"https://a","protocol":"http","proxy":{"username":"u"}}})")
        << u"properties.proxy.url"_qs;
    QTest::newRow("tls flag as text")
        << QByteArray(R"({"properties":{"url":"https://a","protocol":"http","tls":{"validateCertificateChain":"yes"}}})")
        << u"properties.tls.validateCertificateChain"_qs;
    QTest::newRow("authorization scheme a number")
        << QByteArray(R"({"properties":{"url":"https://a","protocol":"http","credentials":{"authorization":{"scheme":1}}}})")
        << u"properties.credentials.authorization.scheme"_qs;
}

void tst_Backend::malformedInputNamesTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto backend = Backend::fromJson(jsonObject(json));
    QVERIFY(!backend.ok());
    QCOMPARE(backend.error().kind, core::Error::Kind::Protocol);
    QCOMPARE(backend.error().target, field);
    QVERIFY2(backend.error().message.contains(u'\'' + field + u'\''), qPrintable(backend.error().message));
}

QTEST_GUILESS_MAIN(tst_Backend)
#include "tst_backend.moc"
