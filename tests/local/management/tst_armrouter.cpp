// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// ArmRouter matching, and the extension hook other components use to add management routes
// (ArmRouter::addServiceRoute through LocalContext::managementRouter), served by a real
// ManagementService on an ephemeral port.

#include "core/local/management/armrouter.h"
#include "core/local/management/managementservice.h"
#include "core/local/server/localserver.h"
#include "core/local/store/managementstore.h"
#include "tests/local/management/armtestclient.h"
#include "tests/support/tempdir.h"

#include <QTest>

using namespace portico;
using namespace portico::local;
using test::ArmTestClient;

class tst_ArmRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesCaseInsensitivelyAndCapturesParameters();
    void prefersTheMostLiteralPattern();
    void reportsAKnownPathWithAnotherMethod();
    void serviceRoutesAddedByOtherComponentsAreServed();
};

void tst_ArmRouter::matchesCaseInsensitivelyAndCapturesParameters()
{
    ArmRouter router;
    router.addServiceRoute("GET", u"apis/{apiId}"_qs, [](const ArmRequest &) { return ArmResponse::empty(204); });
    const auto match = router.match(
        "GET", u"/SUBSCRIPTIONS/s1/resourcegroups/Rg/PROVIDERS/microsoft.apimanagement/Service/Svc/APIS/Echo-Api"_qs);
    QVERIFY(match.has_value());
    QCOMPARE(match->params.value(u"subscriptionId"_qs), u"s1"_qs);
    QCOMPARE(match->params.value(u"resourceGroupName"_qs), u"Rg"_qs);
    QCOMPARE(match->params.value(u"serviceName"_qs), u"Svc"_qs);
    QCOMPARE(match->params.value(u"apiId"_qs), u"Echo-Api"_qs); // values keep their case
    QVERIFY(!router.match("GET", u"/subscriptions/s1/resourcegroups/rg"_qs).has_value());
}

void tst_ArmRouter::prefersTheMostLiteralPattern()
{
    ArmRouter router;
    router.add("GET", u"/a/{x}/c"_qs, [](const ArmRequest &) { return ArmResponse::empty(201); });
    router.add("GET", u"/a/b/c"_qs, [](const ArmRequest &) { return ArmResponse::empty(202); });
    QCOMPARE(router.match("GET", u"/a/b/c"_qs)->handler(ArmRequest()).status, 202);
    QCOMPARE(router.match("GET", u"/a/z/c"_qs)->handler(ArmRequest()).status, 201);
}

void tst_ArmRouter::reportsAKnownPathWithAnotherMethod()
{
    ArmRouter router;
    router.add("GET", u"/a/{x}"_qs, [](const ArmRequest &) { return ArmResponse::empty(200); });
    bool known = false;
    QVERIFY(!router.match("POST", u"/a/1"_qs, &known).has_value());
    QVERIFY(known);
    QVERIFY(!router.match("GET", u"/b/1"_qs, &known).has_value());
    QVERIFY(!known);
}

void tst_ArmRouter::serviceRoutesAddedByOtherComponentsAreServed()
{
    qputenv("PORTICO_LOCAL_LRO_DELAY_MS", "0");
    test::TempDir dir;
    ManagementStore store;
    QVERIFY(store.open(dir.filePath(u"management.db"_qs)).ok());
    LocalContext context;
    context.token = u"test-token"_qs;
    ManagementService management(context, store);
    QVERIFY(management.open().ok());
    auto port = management.listenOn(QHostAddress(QHostAddress::LocalHost), 0);
    QVERIFY(port.ok());
    context.managementUrl = QUrl(u"http://127.0.0.1:%1"_qs.arg(*port));

    // What the gateway does for its reports.
    QString seenService;
    management.router().addServiceRoute("GET", u"reports/byApi"_qs, [&](const ArmRequest &request) {
        seenService = ArmRouter::serviceIdOf(request);
        return ArmResponse::json(200, QJsonObject { { u"value"_qs, QJsonArray() }, { u"count"_qs, 0 } });
    });

    ArmTestClient arm(context.managementUrl, context.token);
    QVERIFY(arm.createService(u"hooked"_qs));
    const auto reply = arm.get(ArmTestClient::servicePath(u"hooked"_qs) + u"/reports/byApi?$filter=timestamp%20ge%20datetime'2026-01-01'"_qs);
    QCOMPARE(reply.status, 200);
    QCOMPARE(seenService, ArmTestClient::servicePath(u"hooked"_qs));
    // The management plane's checks apply to added routes too.
    QCOMPARE(arm.get(ArmTestClient::servicePath(u"missing"_qs) + u"/reports/byApi"_qs).status, 404);
    QCOMPARE(arm.send("GET", ArmTestClient::servicePath(u"hooked"_qs) + u"/reports/byApi"_qs, {}, {}, false).status, 400);
    arm.setToken(u"wrong"_qs);
    QCOMPARE(arm.get(ArmTestClient::servicePath(u"hooked"_qs) + u"/reports/byApi"_qs).status, 401);
}

QTEST_GUILESS_MAIN(tst_ArmRouter)
#include "tst_armrouter.moc"
