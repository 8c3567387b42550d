// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/model/subscription.h"
#include "tests/core/model/modeljson.h"

#include <QTest>

using namespace portico;
using core::JsonShape;
using core::Subscription;
using test::jsonObject;

class tst_Subscription : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsArmWireShape_data();
    void roundTripsArmWireShape();
    void requestShapeIsTheCreateBody();
    void keysNeverAppearInTheResponseShape();
    void keysAreSentOnlyWhenExplicitlyCreatingWithKeys();
    void malformedInputNamesTheField_data();
    void malformedInputNamesTheField();
};

namespace {

// EX/ApiManagementCreateSubscription.json (§8 D): request body and 201/200 reply, no keys.
const QByteArray createRequest = R"({"properties":{
    "ownerId":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/users/57127d485157a511ace86ae7",
    "scope":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/products/5600b59475ff190048060002",
    "displayName":"testsub"}})";

const QByteArray createReply = R"({
  "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/subscriptions/testsub",
  "type":"Microsoft.ApiManagement/service/subscriptions","name":"testsub",
  "properties":{
    "ownerId":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/users/57127d485157a511ace86ae7",
    "scope":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/products/5600b59475ff190048060002",
    "displayName":"testsub","state":"submitted","createdDate":"2017-06-02T23:34:03.1055076Z"}})";

const QByteArray activeStandaloneReply = R"({
  "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/subscriptions/ml-team",
  "type":"Microsoft.ApiManagement/service/subscriptions","name":"ml-team",
  "properties":{"scope":"/apis/azureml-demo","displayName":"ML team","state":"active","stateComment":"approved",
    "allowTracing":false,"createdDate":"2026-11-01T10:00:00Z","startDate":"2026-11-01T00:00:00Z",
    "expirationDate":"2027-11-01T00:00:00Z","notificationDate":"2027-10-01T00:00:00Z"}})";

} // namespace

void tst_Subscription::roundTripsArmWireShape_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("EX create subscription reply") << createReply;
    QTest::newRow("standalone active, API scope") << activeStandaloneReply;
}

void tst_Subscription::roundTripsArmWireShape()
{
    QFETCH(QByteArray, json);
    const QJsonObject wire = jsonObject(json);
    const auto sub = Subscription::fromJson(wire);
    PORTICO_VERIFY_OK(sub);
    PORTICO_COMPARE_JSON(sub->toJson(), wire);
    const auto again = Subscription::fromJson(sub->toJson());
    PORTICO_VERIFY_OK(again);
    QCOMPARE(*again, *sub);
}

void tst_Subscription::requestShapeIsTheCreateBody()
{
    const auto request = Subscription::fromJson(jsonObject(createRequest));
    PORTICO_VERIFY_OK(request);
    QVERIFY(request->state.isEmpty()); // the service applies "submitted", not the model
    PORTICO_COMPARE_JSON(request->toJson(JsonShape::Request), jsonObject(createRequest));

    // From the reply: same body plus the state, without envelope or createdDate.
    const auto reply = Subscription::fromJson(jsonObject(createReply));
    PORTICO_VERIFY_OK(reply);
    QJsonObject expected = jsonObject(createRequest);
    QJsonObject properties = expected.value(u"properties"_qs).toObject();
    properties.insert(u"state"_qs, u"submitted"_qs);
    expected.insert(u"properties"_qs, properties);
    PORTICO_COMPARE_JSON(reply->toJson(JsonShape::Request), expected);
}

void tst_Subscription::keysNeverAppearInTheResponseShape()
{
    // A create body with explicit keys is read completely...
    const auto sub = Subscription::fromJson(jsonObject(R"({"properties":{"scope":"/products/starter",
        "displayName":"with keys","primaryKey":"pk-7f3a9c","secondaryKey":"sk-0b12de"}})"));
    PORTICO_VERIFY_OK(sub);
    QCOMPARE(sub->primaryKey, u"pk-7f3a9c"_qs);
    QCOMPARE(sub->secondaryKey, u"sk-0b12de"_qs);
    QVERIFY(sub->otherProperties.isEmpty());
    // ...but what the service (and portico-local) answers never carries them.
    const QByteArray reply = test::compact(sub->toJson());
    QVERIFY(!reply.contains("pk-7f3a9c"));
    QVERIFY(!reply.contains("sk-0b12de"));
    QVERIFY(!reply.contains("Key"));
}

void tst_Subscription::keysAreSentOnlyWhenExplicitlyCreatingWithKeys()
{
    Subscription sub;
    sub.scope = u"/products/starter"_qs;
    sub.displayName = u"Starter for ML"_qs;
    PORTICO_COMPARE_JSON(sub.toJson(JsonShape::Request), jsonObject(R"({"properties":{
        "scope":"/products/starter","displayName":"Starter for ML"}})"));
    sub.primaryKey = u"pk"_qs;
    sub.secondaryKey = u"sk"_qs;
    PORTICO_COMPARE_JSON(sub.toJson(JsonShape::Request), jsonObject(R"({"properties":{
        "scope":"/products/starter","displayName":"Starter for ML","primaryKey":"pk","secondaryKey":"sk"}})"));
}

void tst_Subscription::malformedInputNamesTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("scope missing") << QByteArray(R"({"properties":{"displayName":"a"}})") << u"properties.scope"_qs;
    QTest::newRow("scope a number") << QByteArray(R"({"properties":{"scope":1}})") << u"properties.scope"_qs;
    QTest::newRow("allowTracing as text") << QByteArray(R"({"properties":{"scope":"/apis","allowTracing":"yes"}})")
                                          << u"properties.allowTracing"_qs;
    QTest::newRow("primaryKey a number") << QByteArray(R"({"properties":{"scope":"/apis","primaryKey":123}})")
                                         << u"properties.primaryKey"_qs;
    QTest::newRow("properties a string") << QByteArray(R"({"properties":"x"})") << u"properties"_qs;
}

void tst_Subscription::malformedInputNamesTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto sub = Subscription::fromJson(jsonObject(json));
    QVERIFY(!sub.ok());
    QCOMPARE(sub.error().kind, core::Error::Kind::Protocol);
    QCOMPARE(sub.error().target, field);
    QVERIFY2(sub.error().message.contains(u'\'' + field + u'\''), qPrintable(sub.error().message));
}

QTEST_GUILESS_MAIN(tst_Subscription)
#include "tst_subscription.moc"
