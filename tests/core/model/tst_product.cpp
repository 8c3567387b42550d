// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/model/product.h"
#include "tests/core/model/modeljson.h"

#include <QTest>

using namespace portico;
using core::JsonShape;
using core::Product;
using test::jsonObject;

class tst_Product : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsArmWireShape_data();
    void roundTripsArmWireShape();
    void unsetOptionalsKeepServiceDefaults();
    void requestShapeHasNoEnvelope();
    void malformedInputNamesTheField_data();
    void malformedInputNamesTheField();
};

void tst_Product::roundTripsArmWireShape_data()
{
    QTest::addColumn<QByteArray>("json");
    // EX/ApiManagementCreateProduct.json reply: the defaults made explicit by the service.
    QTest::newRow("EX create product reply") << QByteArray(R"({
      "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/products/testproduct",
      "type":"Microsoft.ApiManagement/service/products","name":"testproduct",
      "properties":{"displayName":"Test Template ProductName 4","subscriptionRequired":true,"approvalRequired":false,"state":"notPublished"}})");
    QTest::newRow("built-in Starter") << QByteArray(R"({
      "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/products/starter",
      "type":"Microsoft.ApiManagement/service/products","name":"starter",
      "properties":{"displayName":"Starter","description":"Subscribers will be able to run 5 calls/minute up to a maximum of 100 calls/week.",
        "terms":"By subscribing you agree to the terms.","subscriptionRequired":true,"approvalRequired":false,"subscriptionsLimit":1,"state":"published"}})");
    QTest::newRow("open product") << QByteArray(R"({
      "id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/products/open-ml",
      "type":"Microsoft.ApiManagement/service/products","name":"open-ml",
      "properties":{"displayName":"Open ML","subscriptionRequired":false,"state":"published"}})");
}

void tst_Product::roundTripsArmWireShape()
{
    QFETCH(QByteArray, json);
    const QJsonObject wire = jsonObject(json);
    const auto product = Product::fromJson(wire);
    PORTICO_VERIFY_OK(product);
    PORTICO_COMPARE_JSON(product->toJson(), wire);
    const auto again = Product::fromJson(product->toJson());
    PORTICO_VERIFY_OK(again);
    QCOMPARE(*again, *product);
}

void tst_Product::unsetOptionalsKeepServiceDefaults()
{
    const auto product = Product::fromJson(jsonObject(
        R"({"properties":{"displayName":"Gold","subscriptionsLimit":null}})"));
    PORTICO_VERIFY_OK(product);
    QVERIFY(!product->subscriptionRequired.has_value());
    QVERIFY(product->effectiveSubscriptionRequired()); // §3.4: omitted means true
    QVERIFY(!product->subscriptionsLimit.has_value()); // null means unlimited
    QVERIFY(!product->isPublished());
    const QJsonObject p = product->toJson().value(u"properties"_qs).toObject();
    QCOMPARE(p.keys(), QStringList { u"displayName"_qs });
}

void tst_Product::requestShapeHasNoEnvelope()
{
    Product gold;
    gold.id = u"/subscriptions/x/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/s/products/gold"_qs;
    gold.displayName = u"Gold"_qs;
    gold.approvalRequired = true;
    gold.subscriptionsLimit = 10;
    PORTICO_COMPARE_JSON(gold.toJson(JsonShape::Request), jsonObject(R"({"properties":{
        "displayName":"Gold","approvalRequired":true,"subscriptionsLimit":10}})"));
    QCOMPARE(gold.toJson().value(u"name"_qs).toString(), u"gold"_qs);
}

void tst_Product::malformedInputNamesTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("displayName missing") << QByteArray(R"({"properties":{"state":"published"}})")
                                         << u"properties.displayName"_qs;
    QTest::newRow("limit as text") << QByteArray(R"({"properties":{"displayName":"a","subscriptionsLimit":"10"}})")
                                   << u"properties.subscriptionsLimit"_qs;
    QTest::newRow("limit fractional") << QByteArray(R"({"properties":{"displayName":"a","subscriptionsLimit":1.5}})")
                                      << u"properties.subscriptionsLimit"_qs;
    QTest::newRow("approvalRequired a number") << QByteArray(R"({"properties":{"displayName":"a","approvalRequired":1}})")
                                               << u"properties.approvalRequired"_qs;
    QTest::newRow("unknown state") << QByteArray(R"({"properties":{"displayName":"a","state":"draft"}})")
                                   << u"properties.state"_qs;
}

void tst_Product::malformedInputNamesTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto product = Product::fromJson(jsonObject(json));
    QVERIFY(!product.ok());
    QCOMPARE(product.error().kind, core::Error::Kind::Protocol);
    QCOMPARE(product.error().target, field);
    QVERIFY2(product.error().message.contains(u'\'' + field + u'\''), qPrintable(product.error().message));
}

QTEST_GUILESS_MAIN(tst_Product)
#include "tst_product.moc"
