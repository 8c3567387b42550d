// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

// The calls one by one, read from an Azure `reports/byRequest` answer (management.azure.com is a
// local replay server): keys that a caller sent in the URL's query are masked in the table and in
// its CSV export, whatever the API calls its key parameter.

#include "core/arm/armclient.h"
#include "core/auth/statictokenprovider.h"
#include "tests/support/replay/replayserver.h"
#include "ui/common/operationtracker.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/requestlogview.h"
#include "ui/publisher/usagecsv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace portico;

namespace {

const QString kService = u"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1"
                         "/providers/Microsoft.ApiManagement/service/apimService1"_qs;

} // namespace

class tst_RequestLogView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keysInCalledUrlsAreMaskedInTableAndExport();
};

void tst_RequestLogView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_RequestLogView::keysInCalledUrlsAreMaskedInTableAndExport()
{
    test::ReplayServer arm;
    QVERIFY(arm.start());
    const QString called = u"https://apimservice1.azure-api.net/scoring/score?subscription-key=PrimaryKeyAbc123"
                           "&mlcred=RenamedKeyDef456&sig=SasSigGhi789&rows=10"_qs;
    const QByteArray row = R"({"apiId": "/apis/scoring", "operationId": "/apis/scoring/operations/score",
        "method": "GET", "url": "%1", "responseCode": 200, "responseSize": 512,
        "timestamp": "2026-11-27T07:00:00.000Z", "apiTime": 12.5, "serviceTime": 10.0,
        "ipAddress": "203.0.113.7"})";
    const QJsonObject call = QJsonDocument::fromJson(QString::fromUtf8(row).arg(called).toUtf8()).object();
    QVERIFY(!call.isEmpty());
    QJsonObject request;
    request.insert(u"method"_qs, u"GET"_qs);
    request.insert(u"path"_qs, QString(kService + u"/reports/byRequest"_qs));
    QJsonObject body;
    body.insert(u"value"_qs, QJsonArray { call });
    QJsonObject response;
    response.insert(u"status"_qs, 200);
    response.insert(u"body"_qs, body);
    QJsonObject exchange;
    exchange.insert(u"request"_qs, request);
    exchange.insert(u"response"_qs, response);
    arm.add(exchange);

    QNetworkAccessManager nam;
    core::StaticTokenProvider tokens(u"replay-token"_qs);
    core::ArmClient client(&nam, arm.url(), &tokens);
    ui::OperationTracker operations;
    ui::PublisherController controller(&client, &operations);
    controller.setService(kService);

    ui::RequestLogView view(&controller);
    view.setKeyQueryNames({ u"mlcred"_qs });
    QSignalSpy loaded(&view, &ui::RequestLogView::loaded);
    view.load(QString(), { { u"scoring"_qs, u"Scoring"_qs } }, {});
    QVERIFY(loaded.wait(10000));
    QVERIFY2(arm.unmatched().isEmpty(), qPrintable(arm.unmatched().join(u", "_qs)));

    const QAbstractItemModel *shown = view.shownModel();
    QCOMPARE(shown->rowCount(), 1);
    QString table;
    for (int column = 0; column < shown->columnCount(); ++column)
        table += shown->index(0, column).data().toString() + u'\n';
    const QString exported = QString::fromUtf8(ui::usagecsv::toCsv(*shown));
    for (const QString &text : { table, exported }) {
        for (const QString &secret : { u"PrimaryKeyAbc123"_qs, u"RenamedKeyDef456"_qs, u"SasSigGhi789"_qs })
            QVERIFY2(!text.contains(secret), qPrintable(text));
        // The call itself stays readable: where it went and its other parameters.
        QVERIFY2(text.contains(u"apimservice1.azure-api.net/scoring/score"_qs), qPrintable(text));
        QVERIFY2(text.contains(u"rows=10"_qs), qPrintable(text));
    }
}

QTEST_MAIN(tst_RequestLogView)
#include "tst_requestlogview.moc"
