// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/model/operation.h"
#include "tests/core/model/modeljson.h"

#include <QTest>

using namespace portico;
using core::JsonShape;
using core::Operation;
using test::jsonObject;

class tst_Operation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsArmWireShape_data();
    void roundTripsArmWireShape();
    void readsEveryContractMember();
    void requestShapeIsTheCreateBody();
    void nullAndUnknownTopLevelFieldsAreTolerated();
    void parsedUrlTemplateAppliesTemplateParameters();
    void malformedInputNamesTheField_data();
    void malformedInputNamesTheField();
};

namespace {

const QByteArray svc = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/"
                       "providers/Microsoft.ApiManagement/service/apimService1";

// EX/ApiManagementCreateApiOperation.json (apim-protocol.md §8 B): the request body...
const QByteArray exampleRequest = R"({"properties":{
    "displayName":"createUser2","method":"POST","urlTemplate":"/user1","templateParameters":[],
    "description":"This can only be done by the logged in user.",
    "request":{"description":"Created user object","queryParameters":[],"headers":[],
               "representations":[{"contentType":"application/json","schemaId":"592f6c1d0af5840ca8897f0c","typeName":"User"}]},
    "responses":[{"statusCode":200,"description":"successful operation",
                  "representations":[{"contentType":"application/xml"},{"contentType":"application/json"}],
                  "headers":[]}]}})";

// ...and the 201/200 reply: the same properties inside the envelope.
QByteArray exampleReply()
{
    QByteArray body = exampleRequest;
    body.insert(1, "\"id\":\"" + svc + "/apis/PetStoreTemplate2/operations/newoperations\","
                   "\"type\":\"Microsoft.ApiManagement/service/apis/operations\",\"name\":\"newoperations\",");
    return body;
}

// The AzureML BES Start operation as the publisher creates it behind APIM.
const QByteArray besStartReply = R"({
  "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/apis/azureml-demo/operations/bes-start",
  "type":"Microsoft.ApiManagement/service/apis/operations","name":"bes-start",
  "properties":{
    "displayName":"BES Start","method":"POST",
    "urlTemplate":"/workspaces/{workspace}/services/{service}/jobs/{jobid}/start?api-version={apiversion}",
    "description":"Start a Batch Execution job",
    "templateParameters":[
      {"name":"workspace","type":"string","description":"Workspace id","required":true,"values":[]},
      {"name":"service","type":"string","required":true,"values":[]},
      {"name":"jobid","type":"string","required":true,"values":[]},
      {"name":"apiversion","type":"string","defaultValue":"2.0","required":true,"values":["2.0"]}],
    "request":{"queryParameters":[{"name":"details","type":"boolean","defaultValue":"true","required":false,"values":["true","false"]}],
               "headers":[{"name":"Content-Type","type":"string","required":true,"values":["application/json"]}],
               "representations":[{"contentType":"application/json","examples":{"default":{"value":""}}}]},
    "responses":[{"statusCode":200,"description":"Job started","representations":[],"headers":[]},
                 {"statusCode":404,"description":"Job not found","representations":[{"contentType":"application/json","sample":"{\"error\":{\"code\":\"JobNotFound\"}}"}],
                  "headers":[{"name":"x-ms-request-id","type":"string","required":false,"values":[]}]}]}})";

// A reply with properties this model does not know yet: they survive the round trip.
const QByteArray unknownPropertyReply = R"({
  "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/apis/echo-api/operations/create-resource",
  "type":"Microsoft.ApiManagement/service/apis/operations","name":"create-resource",
  "properties":{"displayName":"Create resource","method":"POST","urlTemplate":"/resource",
    "templateParameters":[],"request":{"queryParameters":[],"headers":[],"representations":[]},
    "responses":[],"policies":"<policies />","futureFeature":{"enabled":true,"level":3}}})";

} // namespace


void tst_Operation::roundTripsArmWireShape_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("EX create operation reply") << exampleReply();
    QTest::newRow("AzureML BES Start") << besStartReply;
    QTest::newRow("unknown property kept") << unknownPropertyReply;
}

void tst_Operation::roundTripsArmWireShape()
{
    QFETCH(QByteArray, json);
    const QJsonObject wire = jsonObject(json);
    const auto op = Operation::fromJson(wire);
    PORTICO_VERIFY_OK(op);
    PORTICO_COMPARE_JSON(op->toJson(), wire);
    const auto again = Operation::fromJson(op->toJson());
    PORTICO_VERIFY_OK(again);
    QCOMPARE(*again, *op);
}

void tst_Operation::readsEveryContractMember()
{
    const auto op = Operation::fromJson(jsonObject(besStartReply));
    PORTICO_VERIFY_OK(op);
    QCOMPARE(op->name, u"bes-start"_qs);
    QCOMPARE(op->method, u"POST"_qs);
    QCOMPARE(op->templateParameterNames(),
             (QStringList { u"workspace"_qs, u"service"_qs, u"jobid"_qs, u"apiversion"_qs }));
    QCOMPARE(op->templateParameters.at(3).defaultValue, u"2.0"_qs);
    QCOMPARE(op->templateParameters.at(0).description, u"Workspace id"_qs);
    QVERIFY(op->templateParameters.at(0).required);
    QCOMPARE(op->request.queryParameters.at(0).values, (QStringList { u"true"_qs, u"false"_qs }));
    QCOMPARE(op->request.headers.at(0).name, u"Content-Type"_qs);
    QCOMPARE(op->request.representations.at(0).examples.value(u"default"_qs).toObject().value(u"value"_qs),
             QJsonValue(u""_qs));
    QCOMPARE(op->responses.size(), 2);
    QCOMPARE(op->responses.at(1).statusCode, 404);
    QCOMPARE(op->responses.at(1).representations.at(0).sample, u"{\"error\":{\"code\":\"JobNotFound\"}}"_qs);
    QCOMPARE(op->responses.at(1).headers.at(0).name, u"x-ms-request-id"_qs);

    const auto unknown = Operation::fromJson(jsonObject(unknownPropertyReply));
    PORTICO_VERIFY_OK(unknown);
    QCOMPARE(unknown->policies, u"<policies />"_qs);
    QCOMPARE(unknown->otherProperties.keys(), QStringList { u"futureFeature"_qs });
}

void tst_Operation::requestShapeIsTheCreateBody()
{
    const auto op = Operation::fromJson(jsonObject(exampleReply()));
    PORTICO_VERIFY_OK(op);
    PORTICO_COMPARE_JSON(op->toJson(JsonShape::Request), jsonObject(exampleRequest));

    // A freshly built operation serialises without any envelope fields.
    Operation fresh;
    fresh.displayName = u"RRS Execute"_qs;
    fresh.method = u"POST"_qs;
    fresh.urlTemplate = u"/score"_qs;
    const QJsonObject body = fresh.toJson();
    QCOMPARE(body.keys(), QStringList { u"properties"_qs });
    QCOMPARE(body.value(u"properties"_qs).toObject().value(u"urlTemplate"_qs).toString(), u"/score"_qs);
}

void tst_Operation::nullAndUnknownTopLevelFieldsAreTolerated()
{
    const auto op = Operation::fromJson(jsonObject(R"({"name":"op1","etag":"AAAA","systemData":{"createdBy":"x"},
        "properties":{"displayName":"Op","method":"GET","urlTemplate":"/a","description":null,
                      "templateParameters":null,"request":null,"responses":null}})"));
    PORTICO_VERIFY_OK(op);
    QCOMPARE(op->name, u"op1"_qs);
    QVERIFY(op->description.isEmpty());
    QVERIFY(op->templateParameters.isEmpty());
    QVERIFY(op->otherProperties.isEmpty());
}

void tst_Operation::parsedUrlTemplateAppliesTemplateParameters()
{
    const auto besStart = Operation::fromJson(jsonObject(besStartReply));
    PORTICO_VERIFY_OK(besStart);
    const auto parsed = besStart->parsedUrlTemplate();
    PORTICO_VERIFY_OK(parsed);
    QCOMPARE(parsed->parameterNames().size(), 4);

    Operation op = *besStart;
    op.templateParameters.removeAt(2); // jobid no longer declared
    const auto refused = op.parsedUrlTemplate();
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, u"UndeclaredParameter"_qs);
    QCOMPARE(refused.error().details.constFirst().target, u"jobid"_qs);
}

void tst_Operation::malformedInputNamesTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");

    QTest::newRow("no properties") << QByteArray(R"({"name":"x"})") << u"properties"_qs;
    QTest::newRow("properties not an object") << QByteArray(R"({"properties":[1]})") << u"properties"_qs;
    QTest::newRow("id not a string") << QByteArray(R"({"id":5,"properties":{}})") << u"id"_qs;
    QTest::newRow("displayName a number")
        << QByteArray(R"({"properties":{"displayName":7,"method":"GET","urlTemplate":"/"}})")
        << u"properties.displayName"_qs;
    QTest::newRow("method missing")
        << QByteArray(R"({"properties":{"displayName":"a","urlTemplate":"/"}})") << u"properties.method"_qs;
    QTest::newRow("urlTemplate missing")
        << QByteArray(R"({"properties":{"displayName":"a","method":"GET"}})") << u"properties.urlTemplate"_qs;
    QTest::newRow("templateParameters not an array")
        << QByteArray(R"({"properties":{"displayName":"a","method":"GET","urlTemplate":"/","templateParameters":{}}})")
        << u"properties.templateParameters"_qs;
    QTest::newRow("template parameter without type")
        << QByteArray(R"({"properties":{"displayName":"a","method":"GET","urlTemplate":"/{id}","templateParameters":[{"name":"id"}]}})")
        << u"properties.templateParameters[0].type"_qs;
    QTest::newRow("template parameter not an object")
        << QByteArray(R"({"properties":{"displayName":"a","method":"GET","urlTemplate":"/","templateParameters":[{"name":"a","type":"string"},"b"]}})")
        << u"properties.templateParameters[1]"_qs;
    QTest::newRow("query parameter required as text")
        << QByteArray(R"({"properties":{"displayName":"a","method":"GET","urlTemplate":"/","request":{"queryParameters":[{"name":"q","type":"string","required":"yes"}]}}})")
        << u"properties.request.queryParameters[0].required"_qs;
    QTest::newRow("parameter values not strings")
        << QByteArray(R"({"properties":{"displayName":"a","method":"GET","urlTemplate":"/","request":{"headers":[{"name":"h","type":"string","values":[1]}]}}})")
        << u"properties.request.headers[0].values[0]"_qs;
    QTest::newRow("request not an object")
        << QByteArray(R"({"properties":{"displayName":"a","method":"GET","urlTemplate":"/","request":"x"}})")
        << u"properties.request"_qs;
    QTest::newRow("statusCode as text")
        << QByteArray(R"({"properties":{"displayName":"a","method":"GET","urlTemplate":"/","responses":[{"statusCode":"200"}]}})")
        << u"properties.responses[0].statusCode"_qs;
    QTest::newRow("statusCode fractional")
        << QByteArray(R"({"properties":{"displayName":"a","method":"GET","urlTemplate":"/","responses":[{"statusCode":200.5}]}})")
        << u"properties.responses[0].statusCode"_qs;
    QTest::newRow("statusCode out of range")
        << QByteArray(R"({"properties":{"displayName":"a","method":"GET","urlTemplate":"/","responses":[{"statusCode":42}]}})")
        << u"properties.responses[0].statusCode"_qs;
    QTest::newRow("representation without contentType")
        << QByteArray(R"({"properties":{"displayName":"a","method":"GET","urlTemplate":"/","responses":[{"statusCode":200,"representations":[{"typeName":"User"}]}]}})")
        << u"properties.responses[0].representations[0].contentType"_qs;
    QTest::newRow("form parameter without name")
        << QByteArray(R"({"properties":{"displayName":"a","method":"POST","urlTemplate":"/","request":{"representations":[{"contentType":"multipart/form-data","formParameters":[{"type":"file"}]}]}}})")
        << u"properties.request.representations[0].formParameters[0].name"_qs;
}

void tst_Operation::malformedInputNamesTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto op = Operation::fromJson(jsonObject(json));
    QVERIFY(!op.ok());
    QCOMPARE(op.error().kind, core::Error::Kind::Protocol);
    QCOMPARE(op.error().target, field);
    QVERIFY2(op.error().message.contains(u'\'' + field + u'\''), qPrintable(op.error().message));
}

QTEST_GUILESS_MAIN(tst_Operation)
#include "tst_operation.moc"
