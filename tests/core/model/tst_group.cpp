// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/model/group.h"
#include "tests/core/model/modeljson.h"

#include <QTest>

using namespace portico;
using core::Group;
using core::JsonShape;
using test::jsonObject;

class tst_Group : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsArmWireShape_data();
    void roundTripsArmWireShape();
    void requestShapeLeavesOutBuiltIn();
    void malformedInputNamesTheField_data();
    void malformedInputNamesTheField();
};

void tst_Group::roundTripsArmWireShape_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("custom group") << QByteArray(R"({
      "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/groups/tempgroup",
      "type":"Microsoft.ApiManagement/service/groups","name":"tempgroup",
      "properties":{"displayName":"temp group","builtIn":false,"type":"custom"}})");
    QTest::newRow("external AAD group") << QByteArray(R"j({
      "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/groups/aadGroup",
      "type":"Microsoft.ApiManagement/service/groups","name":"aadGroup",
      "properties":{"displayName":"NewGroup (samiraad.onmicrosoft.com)","description":"new group to test","type":"external",
        "externalId":"aad://samiraad.onmicrosoft.com/groups/83cf2753-5831-4675-bc0e-2f8dc067c58d","builtIn":false}})j");
    QTest::newRow("system administrators") << QByteArray(R"({
      "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/groups/administrators",
      "type":"Microsoft.ApiManagement/service/groups","name":"administrators",
      "properties":{"displayName":"Administrators","description":"Administrators is a built-in group.","builtIn":true,"type":"system"}})");
}

void tst_Group::roundTripsArmWireShape()
{
    QFETCH(QByteArray, json);
    const QJsonObject wire = jsonObject(json);
    const auto group = Group::fromJson(wire);
    PORTICO_VERIFY_OK(group);
    PORTICO_COMPARE_JSON(group->toJson(), wire);
    const auto again = Group::fromJson(group->toJson());
    PORTICO_VERIFY_OK(again);
    QCOMPARE(*again, *group);
}

void tst_Group::requestShapeLeavesOutBuiltIn()
{
    const auto group = Group::fromJson(jsonObject(R"({"name":"administrators","properties":{
        "displayName":"Administrators","builtIn":true,"type":"system"}})"));
    PORTICO_VERIFY_OK(group);
    QCOMPARE(group->builtIn, std::optional<bool>(true));
    PORTICO_COMPARE_JSON(group->toJson(JsonShape::Request),
                         jsonObject(R"({"properties":{"displayName":"Administrators","type":"system"}})"));
}

void tst_Group::malformedInputNamesTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("displayName missing") << QByteArray(R"({"properties":{"type":"custom"}})")
                                         << u"properties.displayName"_qs;
    QTest::newRow("builtIn as text") << QByteArray(R"({"properties":{"displayName":"g","builtIn":"false"}})")
                                     << u"properties.builtIn"_qs;
    QTest::newRow("externalId a number") << QByteArray(R"({"properties":{"displayName":"g","externalId":9}})")
                                         << u"properties.externalId"_qs;
}

void tst_Group::malformedInputNamesTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto group = Group::fromJson(jsonObject(json));
    QVERIFY(!group.ok());
    QCOMPARE(group.error().kind, core::Error::Kind::Protocol);
    QCOMPARE(group.error().target, field);
    QVERIFY2(group.error().message.contains(u'\'' + field + u'\''), qPrintable(group.error().message));
}

QTEST_GUILESS_MAIN(tst_Group)
#include "tst_group.moc"
