// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/model/user.h"
#include "tests/core/model/modeljson.h"

#include <QTest>

using namespace portico;
using core::JsonShape;
using core::User;
using test::jsonObject;

class tst_User : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsArmWireShape_data();
    void roundTripsArmWireShape();
    void requestShapeIsTheCreateBody();
    void passwordNeverAppearsInTheResponseShape();
    void malformedInputNamesTheField_data();
    void malformedInputNamesTheField();
};

namespace {

// EX/ApiManagementCreateUser.json (§8 H).
const QByteArray createRequest = R"({"properties":{"firstName":"foo","lastName":"bar",
    "email":"foobar@outlook.com","confirmation":"signup"}})";
const QByteArray createReply = R"({
  "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/users/5931a75ae4bbd512288c680b",
  "type":"Microsoft.ApiManagement/service/users","name":"5931a75ae4bbd512288c680b",
  "properties":{"firstName":"foo","lastName":"bar","email":"foobar@outlook.com","state":"active",
    "registrationDate":"2018-01-07T21:21:29.16Z","groups":[],
    "identities":[{"provider":"Basic","id":"foobar@outlook.com"}]}})";
const QByteArray blockedAdminReply = R"({
  "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/users/1",
  "type":"Microsoft.ApiManagement/service/users","name":"1",
  "properties":{"firstName":"Administrator","lastName":"","email":"admin@live.com","state":"blocked",
    "note":"blocked after key leak","registrationDate":"2018-06-28T09:03:14.713Z",
    "groups":[{"displayName":"Administrators","builtIn":true,"type":"system"}],
    "identities":[{"provider":"Azure","id":"admin@live.com"},{"provider":"Basic","id":"admin@live.com"}]}})";

} // namespace

void tst_User::roundTripsArmWireShape_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("EX create user reply") << createReply;
    QTest::newRow("blocked administrator") << blockedAdminReply;
}

void tst_User::roundTripsArmWireShape()
{
    QFETCH(QByteArray, json);
    const QJsonObject wire = jsonObject(json);
    const auto user = User::fromJson(wire);
    PORTICO_VERIFY_OK(user);
    PORTICO_COMPARE_JSON(user->toJson(), wire);
    const auto again = User::fromJson(user->toJson());
    PORTICO_VERIFY_OK(again);
    QCOMPARE(*again, *user);
}

void tst_User::requestShapeIsTheCreateBody()
{
    const auto user = User::fromJson(jsonObject(createRequest));
    PORTICO_VERIFY_OK(user);
    QCOMPARE(user->confirmation, u"signup"_qs);
    PORTICO_COMPARE_JSON(user->toJson(JsonShape::Request), jsonObject(createRequest));

    const auto blocked = User::fromJson(jsonObject(blockedAdminReply));
    PORTICO_VERIFY_OK(blocked);
    QCOMPARE(blocked->identities.size(), 2);
    QCOMPARE(blocked->identities.at(0).provider, u"Azure"_qs);
    const QJsonObject p = blocked->toJson(JsonShape::Request).value(u"properties"_qs).toObject();
    QVERIFY(!p.contains(u"registrationDate"_qs));
    QVERIFY(!p.contains(u"groups"_qs));
    QCOMPARE(p.value(u"state"_qs).toString(), u"blocked"_qs);
}

void tst_User::passwordNeverAppearsInTheResponseShape()
{
    User user;
    user.email = u"ml@contoso.com"_qs;
    user.firstName = u"Ada"_qs;
    user.lastName = u"Lovelace"_qs;
    user.password = u"correct horse battery"_qs;
    QVERIFY(test::compact(user.toJson(JsonShape::Request)).contains("correct horse battery"));
    QVERIFY(!test::compact(user.toJson()).contains("correct horse battery"));
    QVERIFY(!user.toJson().value(u"properties"_qs).toObject().contains(u"password"_qs));
}

void tst_User::malformedInputNamesTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("email missing") << QByteArray(R"({"properties":{"firstName":"a","lastName":"b"}})")
                                   << u"properties.email"_qs;
    QTest::newRow("lastName missing") << QByteArray(R"({"properties":{"email":"e","firstName":"a"}})")
                                      << u"properties.lastName"_qs;
    QTest::newRow("identity without provider")
        << QByteArray(R"({"properties":{"email":"e","firstName":"a","lastName":"b","identities":[{"id":"e"}]}})")
        << u"properties.identities[0].provider"_qs;
    QTest::newRow("groups an object")
        << QByteArray(R"({"properties":{"email":"e","firstName":"a","lastName":"b","groups":{}}})")
        << u"properties.groups"_qs;
    QTest::newRow("state a boolean")
        << QByteArray(R"({"properties":{"email":"e","firstName":"a","lastName":"b","state":true}})")
        << u"properties.state"_qs;
}

void tst_User::malformedInputNamesTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto user = User::fromJson(jsonObject(json));
    QVERIFY(!user.ok());
    QCOMPARE(user.error().kind, core::Error::Kind::Protocol);
    QCOMPARE(user.error().target, field);
    QVERIFY2(user.error().message.contains(u'\'' + field + u'\''), qPrintable(user.error().message));
}

QTEST_GUILESS_MAIN(tst_User)
#include "tst_user.moc"
