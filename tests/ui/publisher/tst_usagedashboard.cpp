// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The usage dashboard against the real portico-local: traffic sent through the gateway (five
// answered calls, two without a key, one backend failure, one unknown operation) shows up in
// the totals, the chart and the table, grouped by API and by operation; a failed refresh keeps
// the figures and says why, with Retry; a choice reads the two reports only, and one made before
// the APIs' names arrive still masks a key sent under a renamed key parameter; when the APIs
// cannot be read (a proxy fails them), the calls say so and Export refuses instead of waiting,
// until Refresh reads them. The report rows' JSON is checked by ReportRecord.

#include "core/arm/armclient.h"
#include "core/auth/statictokenprovider.h"
#include "core/model/reportrecord.h"
#include "tests/support/flakyproxy.h"
#include "tests/ui/publishertestbed.h"
#include "ui/common/bannerwidget.h"
#include "ui/publisher/publisherworkspace.h"
#include "ui/publisher/requestlogview.h"
#include "ui/publisher/usagechart.h"
#include "ui/publisher/usagedashboard.h"
#include "ui/publisher/usagefilterbox.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHostAddress>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QNetworkReply>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTableView>
#include <QTest>

#include <optional>

using namespace portico;

namespace {

const QString kService = test::localServiceId(u"usage"_qs);

QString policies(const QString &inbound)
{
    return u"<policies><inbound><base />"_qs + inbound
        + u"</inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>"_qs;
}

qint64 sumOf(const QList<QPointF> &points)
{
    qint64 sum = 0;
    for (const QPointF &p : points)
        sum += qint64(p.y());
    return sum;
}

} // namespace

class tst_UsageDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void reportRecordReadsTheReportShape();
    void aPeriodWithoutCallsSaysSo();
    void trafficThroughTheGatewayShowsInTotalsChartAndTable();
    void operationRowsSayWhichApiTheyBelongTo();
    void responseTimesShowFastestSlowestAndBackend();
    void filterShowsOneApiProductOrSubscription();
    void callsOneByOneShowWhoWasBlocked();
    void exportSavesTheTableShownAsCsv();
    void callsOneByOneListEveryCallOfABusyPeriod();
    void aCustomRangeShowsItsCallsOnly();
    void aChoiceReadsTheTwoReportsOnly();
    void aChoiceBeforeTheNamesArriveStillMasksRenamedKeys();
    void callsWaitForApiNamesThatFailedAndExportRefusesUntilRefresh();
    void percentileIsTheNearestRank_data();
    void percentileIsTheNearestRank();
    void aFailedRefreshKeepsTheFiguresAndSaysWhy(); // last: it stops portico-local

private:
    core::Result<QJsonObject> call(core::ArmRequest request) { return m_bed.call(std::move(request), this); }
    int get(const QString &path, const QByteArray &key = {});
    // Clicks Export and saves to `path`; returns what went wrong, or an empty string.
    QString chooseExport(ui::UsageDashboard &dashboard, const QString &path);
    // Clicks Export, saves to `path` and returns the file's lines.
    QStringList exportTo(ui::UsageDashboard &dashboard, const QString &path);

    test::PublisherTestBed m_bed;
    std::unique_ptr<ui::PublisherWorkspace> m_workspace;
};

void tst_UsageDashboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString problem = m_bed.start(u"usage"_qs, this);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_workspace = std::make_unique<ui::PublisherWorkspace>(m_bed.controller());
    m_workspace->resize(1200, 900);
    m_workspace->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
}

void tst_UsageDashboard::cleanupTestCase()
{
    m_workspace.reset();
    m_bed.stop();
}

int tst_UsageDashboard::get(const QString &path, const QByteArray &key)
{
    // The service's own gateway: {gateway}/{service name}; `path` may end in a query.
    QUrl url = m_bed.local().gatewayUrl();
    const qsizetype query = path.indexOf(u'?');
    url.setPath(u'/' + kService.section(u'/', -1) + (query < 0 ? path : path.left(query)));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    if (!key.isEmpty())
        request.setRawHeader("Ocp-Apim-Subscription-Key", key);
    QNetworkReply *reply = m_bed.network().get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        return -1;
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void tst_UsageDashboard::reportRecordReadsTheReportShape()
{
    const auto record = core::ReportRecord::fromJson(QJsonObject {
        { u"name"_qs, u"Echo API"_qs }, { u"apiId"_qs, u"/apis/echo-api"_qs },
        { u"timestamp"_qs, u"2026-11-26T17:00:00Z"_qs }, { u"interval"_qs, u"PT15M"_qs },
        { u"callCountSuccess"_qs, 12 }, { u"callCountBlocked"_qs, 7 }, { u"callCountFailed"_qs, 0 },
        { u"callCountOther"_qs, 1 }, { u"callCountTotal"_qs, 20 }, { u"bandwidth"_qs, 4096 },
        { u"apiTimeAvg"_qs, 2.5 }, { u"apiTimeMin"_qs, 0.5 }, { u"apiTimeMax"_qs, 9.25 },
        { u"serviceTimeAvg"_qs, QJsonValue() }, { u"serviceTimeMax"_qs, 7 } });
    QVERIFY(record.ok());
    QCOMPARE(record->callCountTotal, 20);
    QCOMPARE(record->callCountBlocked, 7);
    QCOMPARE(record->apiTimeAvg, 2.5);
    QCOMPARE(record->apiTimeMin, 0.5);
    QCOMPARE(record->apiTimeMax, 9.25);
    QCOMPARE(record->serviceTimeAvg, 0.0); // null reads as 0
    QCOMPARE(record->serviceTimeMax, 7.0);
    QCOMPARE(record->timestamp, QDateTime(QDate(2026, 11, 26), QTime(17, 0), Qt::UTC));

    const auto wrong = core::ReportRecord::fromJson(QJsonObject { { u"callCountTotal"_qs, u"twenty"_qs } },
                                                    u"value[3]"_qs);
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().kind, core::Error::Kind::Protocol);
    QVERIFY2(wrong.error().toString().contains(u"value[3].callCountTotal"_qs), qPrintable(wrong.error().toString()));

    QCOMPARE(core::ReportRecord::timestampFilter(QDateTime(QDate(2026, 11, 26), QTime(16, 0), Qt::UTC),
                                                 QDateTime(QDate(2026, 11, 26), QTime(17, 30, 5), Qt::UTC)),
             u"timestamp ge datetime'2026-11-26T16:00:00Z' and timestamp le datetime'2026-11-26T17:30:05Z'"_qs);
}

void tst_UsageDashboard::aPeriodWithoutCallsSaysSo()
{
    // Before any traffic: the service has had no calls.
    ui::UsageDashboard dashboard(m_bed.controller());
    dashboard.resize(1000, 800);
    dashboard.show();
    dashboard.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    auto *empty = dashboard.findChild<QLabel *>(u"usageEmptyLabel"_qs);
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY2(empty->text().startsWith(u"No calls reached the gateway of this service in this period."_qs),
             qPrintable(empty->text()));
    QVERIFY(!dashboard.findChild<ui::UsageChart *>()->isVisible());
    QVERIFY(!dashboard.findChild<QTableView *>(u"usageTableView"_qs)->isVisible());
    QCOMPARE(dashboard.findChild<QLabel *>(u"usageTotalLabel"_qs)->text(), u"0"_qs);
}

void tst_UsageDashboard::trafficThroughTheGatewayShowsInTotalsChartAndTable()
{
    // An API whose operations answer from policies: no backend needed.
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/usage-api"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Usage API"_qs }, { u"path"_qs, u"usage"_qs },
                                          { u"serviceUrl"_qs, u"http://127.0.0.1:9"_qs },
                                          { u"protocols"_qs, QJsonArray { u"http"_qs, u"https"_qs } } } } })).ok());
    const QList<QPair<QString, QString>> operations { { u"ping"_qs, u"Ping"_qs }, { u"boom"_qs, u"Boom"_qs } };
    for (const auto &[name, display] : operations) {
        QVERIFY(call(core::ArmRequest::put(kService + u"/apis/usage-api/operations/"_qs + name, QJsonObject {
            { u"properties"_qs, QJsonObject { { u"displayName"_qs, display }, { u"method"_qs, u"GET"_qs },
                                              { u"urlTemplate"_qs, QString(u"/"_qs + name) } } } })).ok());
    }
    const auto policy = [](const QString &xml) {
        return QJsonObject { { u"properties"_qs, QJsonObject { { u"format"_qs, u"rawxml"_qs }, { u"value"_qs, xml } } } };
    };
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/usage-api/operations/ping/policies/policy"_qs,
                                       policy(policies(u"<return-response><set-status code=\"200\" reason=\"OK\" />"
                                                       "<set-body>{\"pong\":true}</set-body></return-response>"_qs))))
                .ok());
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/usage-api/operations/boom/policies/policy"_qs,
                                       policy(policies(u"<return-response><set-status code=\"500\" reason=\"Boom\" />"
                                                       "</return-response>"_qs))))
                .ok());
    const auto secrets = call(core::ArmRequest::post(kService + u"/subscriptions/master/listSecrets"_qs));
    QVERIFY2(secrets.ok(), secrets.ok() ? "" : qPrintable(secrets.error().message));
    const QByteArray key = secrets->value(u"primaryKey"_qs).toString().toUtf8();

    for (int i = 0; i < 5; ++i)
        QCOMPARE(get(u"/usage/ping"_qs, key), 200);
    QCOMPARE(get(u"/usage/ping"_qs), 401);
    QCOMPARE(get(u"/usage/ping"_qs), 401);
    QCOMPARE(get(u"/usage/boom"_qs, key), 500);
    QCOMPARE(get(u"/usage/nothing-here"_qs, key), 404);

    // Usage, from the service's overview.
    m_workspace->showPage(ui::PublisherWorkspace::Page::Overview);
    auto *usage = m_workspace->findChild<QPushButton *>(u"publisherUsageButton"_qs);
    QVERIFY(usage && usage->isVisible());
    QTest::mouseClick(usage, Qt::LeftButton);
    QCOMPARE(m_workspace->currentPage(), ui::PublisherWorkspace::Page::Usage);
    auto *dashboard = qobject_cast<ui::UsageDashboard *>(m_workspace->currentEditor());
    QVERIFY(dashboard);
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard->isLoading(), 10000);
    const auto text = [dashboard](const char *name) {
        return dashboard->findChild<QLabel *>(QString::fromLatin1(name))->text();
    };
    QCOMPARE(text("usageTotalLabel"), u"9"_qs);
    QCOMPARE(text("usageSuccessLabel"), u"5"_qs);
    QCOMPARE(text("usageBlockedLabel"), u"2"_qs);
    QCOMPARE(text("usageFailedLabel"), u"1"_qs);
    QCOMPARE(text("usageOtherLabel"), u"1"_qs);
    QVERIFY(text("usageResponseTimeLabel").endsWith(u" ms"_qs));
    QVERIFY(!text("usageUpdatedLabel").isEmpty());
    QVERIFY(!dashboard->findChild<QLabel *>(u"usageEmptyLabel"_qs)->isVisible());
    QVERIFY(dashboard->findChild<QTableView *>(u"usageTableView"_qs)->isVisible());

    // The chart: 24 hourly points (plus the current hour), the calls in the last ones.
    auto *chart = dashboard->findChild<ui::UsageChart *>();
    QVERIFY(chart);
    const QList<QPointF> success = chart->points(ui::UsageChart::Outcome::Success);
    QVERIFY2(success.size() >= 24 && success.size() <= 26, qPrintable(QString::number(success.size())));
    QCOMPARE(sumOf(success), 5);
    QCOMPARE(sumOf(chart->points(ui::UsageChart::Outcome::Blocked)), 2);
    QCOMPARE(sumOf(chart->points(ui::UsageChart::Outcome::Failed)), 1);
    QCOMPARE(sumOf(chart->points(ui::UsageChart::Outcome::Other)), 1);
    QCOMPARE(success.first().y(), 0.0); // a quiet hour is drawn as zero

    // The table, by API, then by operation.
    QAbstractItemModel *table = dashboard->findChild<QTableView *>(u"usageTableView"_qs)->model();
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->index(0, 0).data().toString(), u"Usage API"_qs);
    QCOMPARE(table->index(0, 1).data().toString(), u"9"_qs);
    QCOMPARE(table->index(0, 3).data().toString(), u"2"_qs);
    dashboard->findChild<QComboBox *>(u"usageGroupByComboBox"_qs)->setCurrentIndex(1); // Operation
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard->isLoading(), 10000);
    QHash<QString, QString> successful;
    for (int row = 0; row < table->rowCount(); ++row)
        successful.insert(table->index(row, 0).data().toString(), table->index(row, 2).data().toString());
    QCOMPARE(successful.value(u"Usage API › Ping"_qs), u"5"_qs);
    QCOMPARE(successful.value(u"Usage API › Boom"_qs), u"0"_qs);
    QCOMPARE(table->index(0, 0).data().toString(), u"Usage API › Ping"_qs); // most calls first
}

void tst_UsageDashboard::operationRowsSayWhichApiTheyBelongTo()
{
    // Two AzureML-style APIs with the same operation name and display name.
    for (const QString &api : { u"alpha"_qs, u"beta"_qs }) {
        QVERIFY(call(core::ArmRequest::put(kService + u"/apis/"_qs + api, QJsonObject {
            { u"properties"_qs, QJsonObject { { u"displayName"_qs, QString(api.toUpper() + u" model"_qs) },
                                              { u"path"_qs, api }, { u"serviceUrl"_qs, u"http://127.0.0.1:9"_qs },
                                              { u"protocols"_qs, QJsonArray { u"http"_qs } } } } })).ok());
        QVERIFY(call(core::ArmRequest::put(kService + u"/apis/"_qs + api + u"/operations/score"_qs, QJsonObject {
            { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Score"_qs }, { u"method"_qs, u"GET"_qs },
                                              { u"urlTemplate"_qs, u"/score"_qs } } } })).ok());
        QVERIFY(call(core::ArmRequest::put(
            kService + u"/apis/"_qs + api + u"/operations/score/policies/policy"_qs,
            QJsonObject { { u"properties"_qs, QJsonObject { { u"format"_qs, u"rawxml"_qs },
                                                            { u"value"_qs, policies(u"<return-response><set-status code=\"200\" reason=\"OK\" /></return-response>"_qs) } } } }))
                    .ok());
    }
    const auto secrets = call(core::ArmRequest::post(kService + u"/subscriptions/master/listSecrets"_qs));
    QVERIFY(secrets.ok());
    const QByteArray key = secrets->value(u"primaryKey"_qs).toString().toUtf8();
    for (int i = 0; i < 2; ++i)
        QCOMPARE(get(u"/alpha/score"_qs, key), 200);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(get(u"/beta/score"_qs, key), 200);

    ui::UsageDashboard dashboard(m_bed.controller());
    dashboard.resize(1000, 800);
    dashboard.show();
    dashboard.setGroupBy(ui::UsageDashboard::GroupBy::Operation);
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    QAbstractItemModel *table = dashboard.findChild<QTableView *>(u"usageTableView"_qs)->model();
    QHash<QString, QString> calls;
    for (int row = 0; row < table->rowCount(); ++row)
        calls.insert(table->index(row, 0).data().toString(), table->index(row, 1).data().toString());
    QCOMPARE(calls.value(u"ALPHA model › Score"_qs), u"2"_qs);
    QCOMPARE(calls.value(u"BETA model › Score"_qs), u"3"_qs);
}

void tst_UsageDashboard::responseTimesShowFastestSlowestAndBackend()
{
    // An API whose backend is portico-local's own ML service: the gateway times the backend.
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/timed"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Timed API"_qs }, { u"path"_qs, u"timed"_qs },
                                          { u"serviceUrl"_qs, m_bed.local().mlUrl().toString() },
                                          { u"protocols"_qs, QJsonArray { u"http"_qs } } } } })).ok());
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/timed/operations/ping"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Ping"_qs }, { u"method"_qs, u"GET"_qs },
                                          { u"urlTemplate"_qs, u"/ping"_qs } } } })).ok());
    const auto secrets = call(core::ArmRequest::post(kService + u"/subscriptions/master/listSecrets"_qs));
    QVERIFY(secrets.ok());
    const QByteArray key = secrets->value(u"primaryKey"_qs).toString().toUtf8();
    for (int i = 0; i < 4; ++i)
        QVERIFY(get(u"/timed/ping"_qs, key) > 0);

    ui::UsageDashboard dashboard(m_bed.controller());
    dashboard.resize(1400, 800);
    dashboard.show();
    dashboard.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);

    // What the service reports for the API, shown as the server counts it.
    std::optional<core::Result<QList<QJsonObject>>> report;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_bed.controller()->listResources(
        core::ArmRequest::get(u"/reports/byApi"_qs)
            .withQuery(u"$filter"_qs, core::ReportRecord::timestampFilter(now.addDays(-1), now.addSecs(60))),
        this, [&report](const core::Result<QList<QJsonObject>> &r) { report = r; });
    QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 10000);
    QVERIFY(report->ok());
    core::ReportRecord timed;
    for (const QJsonObject &row : report->value()) {
        if (row.value(u"apiId"_qs).toString() != u"/apis/timed"_qs)
            continue;
        const auto parsed = core::ReportRecord::fromJson(row);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().toString()));
        timed = parsed.value();
    }
    QCOMPARE(timed.callCountTotal, 4);
    const auto ms = [](double value) -> QString { return QLocale().toString(value, 'f', 1) + u" ms"_qs; };

    QAbstractItemModel *table = dashboard.findChild<QTableView *>(u"usageTableView"_qs)->model();
    QCOMPARE(table->headerData(7, Qt::Horizontal).toString(), u"Fastest"_qs);
    QCOMPARE(table->headerData(8, Qt::Horizontal).toString(), u"Slowest"_qs);
    QCOMPARE(table->headerData(9, Qt::Horizontal).toString(), u"Average backend time"_qs);
    int row = -1;
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->index(r, 0).data().toString() == u"Timed API"_qs)
            row = r;
    QVERIFY(row >= 0);
    QCOMPARE(table->index(row, 6).data().toString(), ms(timed.apiTimeAvg));
    QCOMPARE(table->index(row, 7).data().toString(), ms(timed.apiTimeMin));
    QCOMPARE(table->index(row, 8).data().toString(), ms(timed.apiTimeMax));
    QCOMPARE(table->index(row, 9).data().toString(), ms(timed.serviceTimeAvg));
    QVERIFY(timed.apiTimeMin <= timed.apiTimeAvg && timed.apiTimeAvg <= timed.apiTimeMax);

    // The tiles: fastest – slowest over every call of the period, and the backend's average.
    const QString range = dashboard.findChild<QLabel *>(u"usageResponseRangeLabel"_qs)->text();
    QVERIFY2(range.contains(u" – "_qs) && range.endsWith(u" ms"_qs), qPrintable(range));
    const QString backend = dashboard.findChild<QLabel *>(u"usageBackendTimeLabel"_qs)->text();
    QVERIFY2(backend.endsWith(u" ms"_qs), qPrintable(backend));
}

void tst_UsageDashboard::filterShowsOneApiProductOrSubscription()
{
    // One call to BETA through a Starter subscription.
    QVERIFY(call(core::ArmRequest::put(kService + u"/products/starter/apis/beta"_qs, QJsonObject())).ok());
    QVERIFY(call(core::ArmRequest::put(kService + u"/subscriptions/starter-sub"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"scope"_qs, u"/products/starter"_qs },
                                          { u"displayName"_qs, u"Starter sub"_qs },
                                          { u"state"_qs, u"active"_qs } } } })).ok());
    const auto secrets = call(core::ArmRequest::post(kService + u"/subscriptions/starter-sub/listSecrets"_qs));
    QVERIFY(secrets.ok());
    QCOMPARE(get(u"/beta/score"_qs, secrets->value(u"primaryKey"_qs).toString().toUtf8()), 200);

    ui::UsageDashboard dashboard(m_bed.controller());
    dashboard.resize(1400, 800);
    dashboard.show();
    dashboard.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    auto *filter = dashboard.findChild<QComboBox *>(u"usageFilterComboBox"_qs);
    QVERIFY(filter);
    const auto total = [&dashboard] { return dashboard.findChild<QLabel *>(u"usageTotalLabel"_qs)->text(); };
    QAbstractItemModel *table = dashboard.findChild<QTableView *>(u"usageTableView"_qs)->model();
    const QString everything = total();
    const auto pick = [&](const QString &text) {
        const int index = filter->findText(text);
        QVERIFY2(index >= 0, qPrintable(text));
        filter->setFocus();
        while (filter->currentIndex() != index)
            QTest::keyClick(filter, filter->currentIndex() < index ? Qt::Key_Down : Qt::Key_Up);
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    };

    // One API: its calls only (2 through the master key, 1 through Starter), one row.
    pick(u"API BETA model"_qs);
    QCOMPARE(total(), u"4"_qs);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->index(0, 0).data().toString(), u"BETA model"_qs);

    // One product, one subscription: the Starter call.
    pick(u"Product Starter"_qs);
    QCOMPARE(total(), u"1"_qs);
    pick(u"Subscription Starter sub"_qs);
    QCOMPARE(total(), u"1"_qs);
    dashboard.setGroupBy(ui::UsageDashboard::GroupBy::Subscription);
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->index(0, 0).data().toString(), u"Starter sub"_qs);

    // A product without calls says so in its own words.
    pick(u"Product Unlimited"_qs);
    QCOMPARE(total(), u"0"_qs);
    QCOMPARE(dashboard.findChild<QLabel *>(u"usageEmptyLabel"_qs)->text(),
             u"No calls of this choice reached the gateway in this period."_qs);

    pick(u"Everything"_qs);
    QCOMPARE(total(), everything);
}

void tst_UsageDashboard::callsOneByOneShowWhoWasBlocked()
{
    // The Starter subscription runs into its rate limit (5 calls a minute).
    const auto secrets = call(core::ArmRequest::post(kService + u"/subscriptions/starter-sub/listSecrets"_qs));
    QVERIFY(secrets.ok());
    const QByteArray key = secrets->value(u"primaryKey"_qs).toString().toUtf8();
    QList<int> statuses;
    for (int i = 0; i < 6; ++i)
        statuses << get(u"/beta/score"_qs, key);
    QVERIFY2(statuses.contains(429), qPrintable(QString::number(statuses.last())));

    ui::UsageDashboard dashboard(m_bed.controller());
    dashboard.resize(1400, 900);
    dashboard.show();
    dashboard.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    auto *tabs = dashboard.findChild<QTabWidget *>(u"usageTabWidget"_qs);
    QVERIFY(tabs);
    ui::RequestLogView *log = dashboard.requestLog();
    QSignalSpy loaded(log, &ui::RequestLogView::loaded);
    tabs->setCurrentWidget(log); // read when first shown
    QVERIFY(loaded.wait(10000));
    QAbstractItemModel *rows = dashboard.findChild<QTableView *>(u"requestLogTableView"_qs)->model();
    const int all = rows->rowCount();
    QVERIFY2(all >= 20, qPrintable(QString::number(all)));
    // Newest first.
    QCOMPARE(rows->headerData(0, Qt::Horizontal).toString(), u"Time"_qs);
    QVERIFY(rows->index(0, 0).data().toString() >= rows->index(all - 1, 0).data().toString());

    // Blocked only: every row is a 401, 403 or 429, and the 429s name the Starter subscription.
    auto *outcome = dashboard.findChild<QComboBox *>(u"requestOutcomeComboBox"_qs);
    outcome->setCurrentIndex(outcome->findText(u"Blocked (401, 403, 429)"_qs));
    QVERIFY(rows->rowCount() > 0 && rows->rowCount() < all);
    int limited = 0;
    for (int r = 0; r < rows->rowCount(); ++r) {
        const QString status = rows->index(r, 3).data().toString();
        QVERIFY2(status == u"401"_qs || status == u"403"_qs || status == u"429"_qs, qPrintable(status));
        if (status == u"429"_qs) {
            ++limited;
            QCOMPARE(rows->index(r, 6).data().toString(), u"Starter sub"_qs);
            QCOMPARE(rows->index(r, 1).data().toString(), u"BETA model › score"_qs);
            QCOMPARE(rows->index(r, 2).data().toString(), u"GET"_qs);
            QVERIFY(rows->index(r, 4).data().toString().endsWith(u" ms"_qs));
        }
    }
    QCOMPARE(limited, int(statuses.count(429)));

    // The percentiles are those of the calls shown.
    QList<double> times;
    for (int r = 0; r < rows->rowCount(); ++r) {
        const QString text = rows->index(r, 4).data().toString();
        times.append(QLocale().toDouble(text.chopped(3)));
    }
    const auto ms = [](double value) -> QString { return QLocale().toString(value, 'f', 1) + u" ms"_qs; };
    const QString percentiles = dashboard.findChild<QLabel *>(u"requestLogPercentilesLabel"_qs)->text();
    QCOMPARE(percentiles, u"Response time of the %1 call(s) shown: median %2, 95th percentile %3, 99th percentile %4"_qs
                              .arg(QString::number(rows->rowCount()), ms(ui::RequestLogView::percentile(times, 0.5)),
                                   ms(ui::RequestLogView::percentile(times, 0.95)),
                                   ms(ui::RequestLogView::percentile(times, 0.99))));

    // Narrowed to the subscription, the list follows the dashboard's choice.
    QVERIFY(dashboard.filter()->select(ui::UsageFilterBox::Kind::Subscription, u"starter-sub"_qs));
    QVERIFY(loaded.wait(10000));
    QTRY_VERIFY(!dashboard.isLoading());
    outcome->setCurrentIndex(0);
    QCOMPARE(rows->rowCount(), 1 + int(statuses.size())); // the filter test's call and these
}

QString tst_UsageDashboard::chooseExport(ui::UsageDashboard &dashboard, const QString &path)
{
    QTest::mouseClick(dashboard.findChild<QPushButton *>(u"usageExportPushButton"_qs), Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = dashboard.findChild<QFileDialog *>(u"usageExportFileDialog"_qs)); }, 5000))
        return u"(no file dialog)"_qs;
    dialog->selectFile(path);
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    if (!buttons || !buttons->button(QDialogButtonBox::Save))
        return u"(no Save button)"_qs;
    QPointer<QFileDialog> closing(dialog);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return closing.isNull(); }, 5000)) // closed and gone
        return u"(the file dialog stayed)"_qs;
    return {};
}

QStringList tst_UsageDashboard::exportTo(ui::UsageDashboard &dashboard, const QString &path)
{
    if (const QString problem = chooseExport(dashboard, path); !problem.isEmpty())
        return { problem };
    QFile file(path);
    if (!QTest::qWaitFor([&] { return file.exists(); }, 5000) || !file.open(QIODevice::ReadOnly))
        return { u"(nothing written)"_qs };
    QString text = QString::fromUtf8(file.readAll());
    if (!text.endsWith(u"\r\n"_qs))
        return { u"(no CRLF at the end)"_qs };
    text.chop(2);
    return text.split(u"\r\n"_qs);
}

void tst_UsageDashboard::exportSavesTheTableShownAsCsv()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ui::UsageDashboard dashboard(m_bed.controller());
    dashboard.resize(1400, 900);
    dashboard.show();
    dashboard.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);

    // The summary, by API: numbers without their units, the units in the header.
    QAbstractItemModel *table = dashboard.findChild<QTableView *>(u"usageTableView"_qs)->model();
    const QStringList summary = exportTo(dashboard, dir.filePath(u"usage.csv"_qs));
    QCOMPARE(summary.first(), u"Name,Calls,Successful,Blocked,Failed,Other,Average response time (ms),Fastest (ms),"
                              "Slowest (ms),Average backend time (ms),Data transferred (bytes)"_qs);
    QCOMPARE(summary.size(), table->rowCount() + 1);
    for (int row = 0; row < table->rowCount(); ++row) {
        const QStringList fields = summary.at(row + 1).split(u',');
        QCOMPARE(fields.size(), 11);
        QCOMPARE(fields.at(0), table->index(row, 0).data().toString()); // in the order shown
        QCOMPARE(fields.at(1), table->index(row, 1).data().toString());
        bool number = false;
        fields.at(10).toLongLong(&number);
        QVERIFY2(number, qPrintable(fields.at(10)));
        fields.at(6).toDouble(&number);
        QVERIFY2(number, qPrintable(fields.at(6)));
    }
    auto *banner = dashboard.findChild<ui::BannerWidget *>(u"usageBannerWidget"_qs);
    QCOMPARE(banner->text(), u"Exported %1 row(s) to %2."_qs.arg(table->rowCount()).arg(dir.filePath(u"usage.csv"_qs)));

    // The calls one by one, blocked only: the rows shown, times in UTC.
    ui::RequestLogView *log = dashboard.requestLog();
    QSignalSpy loaded(log, &ui::RequestLogView::loaded);
    dashboard.findChild<QTabWidget *>(u"usageTabWidget"_qs)->setCurrentWidget(log);
    QVERIFY(loaded.wait(10000));
    log->setOutcome(ui::RequestLogView::Outcome::Blocked);
    const int shown = dashboard.findChild<QTableView *>(u"requestLogTableView"_qs)->model()->rowCount();
    QVERIFY(shown > 0);
    const QStringList calls = exportTo(dashboard, dir.filePath(u"calls.csv"_qs));
    QVERIFY2(calls.first().startsWith(u"Time (UTC),Operation,Method,Status,Response time (ms),Backend time (ms),"
                                      "Subscription,Response size (bytes),URL,Caller"_qs),
             qPrintable(calls.first()));
    QCOMPARE(calls.size(), shown + 1);
    for (const QString &line : calls.mid(1)) {
        const QStringList fields = line.split(u',');
        QVERIFY2(QDateTime::fromString(fields.at(0), Qt::ISODateWithMs).isValid(), qPrintable(line));
        QVERIFY2(fields.at(0).endsWith(u'Z'), qPrintable(line));
        QVERIFY2(fields.at(3) == u"401"_qs || fields.at(3) == u"403"_qs || fields.at(3) == u"429"_qs, qPrintable(line));
    }
}

void tst_UsageDashboard::callsOneByOneListEveryCallOfABusyPeriod()
{
    // A busy period: 1,005 calls to one more API, on top of the earlier tests' calls. The calls
    // are read a page of 1,000 at a time, newest first.
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/bulk"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Bulk API"_qs }, { u"path"_qs, u"bulk"_qs },
                                          { u"serviceUrl"_qs, u"http://127.0.0.1:9"_qs },
                                          { u"protocols"_qs, QJsonArray { u"http"_qs } } } } })).ok());
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/bulk/operations/ping"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Ping"_qs }, { u"method"_qs, u"GET"_qs },
                                          { u"urlTemplate"_qs, u"/ping"_qs } } } })).ok());
    QVERIFY(call(core::ArmRequest::put(
        kService + u"/apis/bulk/operations/ping/policies/policy"_qs,
        QJsonObject { { u"properties"_qs, QJsonObject { { u"format"_qs, u"rawxml"_qs },
                                                        { u"value"_qs, policies(u"<return-response><set-status code=\"200\" reason=\"OK\" /></return-response>"_qs) } } } }))
                .ok());
    const auto secrets = call(core::ArmRequest::post(kService + u"/subscriptions/master/listSecrets"_qs));
    QVERIFY(secrets.ok());
    const QByteArray key = secrets->value(u"primaryKey"_qs).toString().toUtf8();
    constexpr int kBulk = 1005;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < kBulk; ++i) {
        QUrl url = m_bed.local().gatewayUrl();
        url.setPath(u'/' + kService.section(u'/', -1) + u"/bulk/ping"_qs);
        QNetworkRequest request(url);
        request.setRawHeader("Ocp-Apim-Subscription-Key", key);
        replies.append(m_bed.network().get(request));
    }
    QVERIFY(QTest::qWaitFor([&replies] {
        return std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); });
    }, 120000));
    for (QNetworkReply *reply : std::as_const(replies)) {
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ui::UsageDashboard dashboard(m_bed.controller());
    dashboard.resize(1400, 900);
    dashboard.show();
    dashboard.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    const QLocale locale;
    bool number = false;
    const qint64 total = locale.toLongLong(dashboard.findChild<QLabel *>(u"usageTotalLabel"_qs)->text(), &number);
    QVERIFY(number);
    QVERIFY2(total > kBulk, qPrintable(QString::number(total)));

    ui::RequestLogView *log = dashboard.requestLog();
    QSignalSpy loaded(log, &ui::RequestLogView::loaded);
    dashboard.findChild<QTabWidget *>(u"usageTabWidget"_qs)->setCurrentWidget(log);
    QVERIFY(loaded.wait(30000));
    auto *view = dashboard.findChild<QTableView *>(u"requestLogTableView"_qs);
    QAbstractItemModel *rows = view->model();
    auto *note = dashboard.findChild<QLabel *>(u"requestLogNoteLabel"_qs);
    const auto firstPageShown = [&] {
        // The newest 1,000 calls: all of them to the Bulk API, and the note says there are more.
        QCOMPARE(rows->rowCount(), 1000);
        for (int r = 0; r < rows->rowCount(); ++r)
            QCOMPARE(rows->index(r, 1).data().toString(), u"Bulk API › ping"_qs);
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(), u"%1 of the %2 call(s) in this period are listed."_qs
                                   .arg(locale.toString(1000), locale.toString(total)));
    };
    firstPageShown();
    if (QTest::currentTestFailed())
        return;

    // Load more: the older calls follow, every call of the period is listed, the note is gone.
    auto *more = dashboard.findChild<QPushButton *>(u"requestLogLoadMorePushButton"_qs);
    QVERIFY(more && more->isVisible());
    QTest::mouseClick(more, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(rows->rowCount(), int(total), 30000);
    QTRY_VERIFY(!log->isLoading());
    QVERIFY(!note->isVisible());
    QVERIFY(!more->isVisible());
    QSet<QString> apis;
    for (int r = 0; r < rows->rowCount(); ++r)
        apis.insert(rows->index(r, 1).data().toString().section(u" › "_qs, 0, 0));
    QVERIFY2(apis.contains(u"Usage API"_qs) && apis.contains(u"BETA model"_qs), qPrintable(QStringList(apis.values()).join(u", "_qs)));

    // Scrolling to the end of the list reads the next page too.
    loaded.clear();
    dashboard.refresh();
    QVERIFY(loaded.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading() && !log->isLoading(), 30000);
    firstPageShown();
    if (QTest::currentTestFailed())
        return;
    view->scrollToBottom();
    QTRY_COMPARE_WITH_TIMEOUT(rows->rowCount(), int(total), 30000);

    // The export holds every call of the period, also those not listed yet.
    loaded.clear();
    dashboard.refresh();
    QVERIFY(loaded.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading() && !log->isLoading(), 30000);
    QCOMPARE(rows->rowCount(), 1000);
    const QString path = dir.filePath(u"calls.csv"_qs);
    const QStringList lines = exportTo(dashboard, path);
    QCOMPARE(lines.size(), int(total) + 1);
    QCOMPARE(dashboard.findChild<ui::BannerWidget *>(u"usageBannerWidget"_qs)->text(),
             u"Exported %1 row(s) to %2."_qs.arg(total).arg(path));
    QCOMPARE(rows->rowCount(), int(total));
}

void tst_UsageDashboard::aCustomRangeShowsItsCallsOnly()
{
    ui::UsageDashboard dashboard(m_bed.controller());
    dashboard.resize(1400, 900);
    dashboard.show();
    dashboard.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    const auto total = [&dashboard] { return dashboard.findChild<QLabel *>(u"usageTotalLabel"_qs)->text(); };
    const QString lastDay = total();
    auto *from = dashboard.findChild<QDateTimeEdit *>(u"usageFromDateTimeEdit"_qs);
    auto *to = dashboard.findChild<QDateTimeEdit *>(u"usageToDateTimeEdit"_qs);
    QVERIFY(from && to);
    QVERIFY(!from->isVisible()); // only for a custom range

    // The last two hours hold every call of this test run, in quarter hours.
    const QDateTime now = QDateTime::currentDateTime();
    dashboard.setCustomRange(now.addSecs(-2 * 3600), now.addSecs(120));
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    QVERIFY(from->isVisible() && to->isVisible());
    QCOMPARE(dashboard.findChild<QComboBox *>(u"usagePeriodComboBox"_qs)->currentText(), u"Custom range…"_qs);
    QCOMPARE(total(), lastDay);
    const QList<QPointF> points = dashboard.findChild<ui::UsageChart *>()->points(ui::UsageChart::Outcome::Success);
    QVERIFY2(points.size() >= 8 && points.size() <= 10, qPrintable(QString::number(points.size())));

    // Yesterday's first hour had no calls.
    const QDateTime yesterday = QDate::currentDate().addDays(-1).startOfDay();
    dashboard.setCustomRange(yesterday, yesterday.addSecs(3600));
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    QCOMPARE(total(), u"0"_qs);
    QVERIFY(dashboard.findChild<QLabel *>(u"usageEmptyLabel"_qs)->isVisible());

    // An end before the start, typed by the user: said beside the range, nothing is read.
    QSignalSpy loaded(&dashboard, &ui::UsageDashboard::loaded);
    from->setFocus();
    from->setDateTime(yesterday.addSecs(7200));
    QTRY_COMPARE_WITH_TIMEOUT(dashboard.findChild<QLabel *>(u"usageRangeProblemLabel"_qs)->text(),
                              u"The range must start before it ends."_qs, 5000);
    QVERIFY(!dashboard.isLoading());
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(total(), u"0"_qs); // the last range's figures stay

    // Corrected: read again, the problem gone.
    from->setDateTime(yesterday.addSecs(-3600));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, 10000);
    QVERIFY(dashboard.findChild<QLabel *>(u"usageRangeProblemLabel"_qs)->text().isEmpty());
}

void tst_UsageDashboard::aChoiceReadsTheTwoReportsOnly()
{
    ui::UsageDashboard dashboard(m_bed.controller());
    dashboard.resize(1400, 900);
    dashboard.show();
    dashboard.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    QStringList sent; // the paths below the service, as the server sees them
    auto recording = std::make_unique<QObject>(); // ends the recording however the test ends
    connect(&m_bed.network(), &QNetworkAccessManager::finished, recording.get(), [&sent](QNetworkReply *reply) {
        sent.append(reply->url().path().section(u"/service/usage"_qs, 1));
    });
    const auto sentSorted = [&sent] {
        QStringList sorted = std::exchange(sent, {});
        sorted.sort();
        return sorted;
    };

    // Another period, group or filter: the two reports, and the names already read stay.
    dashboard.setPeriod(ui::UsageDashboard::Period::LastHour);
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    QCOMPARE(sentSorted(), (QStringList { u"/reports/byApi"_qs, u"/reports/byTime"_qs }));
    dashboard.setGroupBy(ui::UsageDashboard::GroupBy::Operation);
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    QCOMPARE(sentSorted(), (QStringList { u"/reports/byOperation"_qs, u"/reports/byTime"_qs }));
    QAbstractItemModel *table = dashboard.findChild<QTableView *>(u"usageTableView"_qs)->model();
    QStringList names;
    for (int row = 0; row < table->rowCount(); ++row)
        names.append(table->index(row, 0).data().toString());
    QVERIFY2(names.contains(u"Usage API › Ping"_qs), qPrintable(names.join(u", "_qs)));
    QVERIFY(dashboard.filter()->select(ui::UsageFilterBox::Kind::Api, u"usage-api"_qs));
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    QCOMPARE(sentSorted(), (QStringList { u"/reports/byOperation"_qs, u"/reports/byTime"_qs }));

    // Refresh reads the names again.
    QTest::mouseClick(dashboard.findChild<QPushButton *>(u"usageRefreshPushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    QCOMPARE(sentSorted(), (QStringList { u"/apis"_qs, u"/products"_qs, u"/reports/byOperation"_qs,
                                          u"/reports/byTime"_qs, u"/subscriptions"_qs }));
}

void tst_UsageDashboard::aChoiceBeforeTheNamesArriveStillMasksRenamedKeys()
{
    // A call that carried a key in a query parameter the API did not take for its key then; the
    // API's key query parameter is renamed to it afterwards, so the logged URL holds a key that
    // only the API's key parameter name tells.
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/keyed"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Keyed API"_qs }, { u"path"_qs, u"keyed"_qs },
                                          { u"serviceUrl"_qs, u"http://127.0.0.1:9"_qs },
                                          { u"protocols"_qs, QJsonArray { u"http"_qs } } } } })).ok());
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/keyed/operations/ping"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Ping"_qs }, { u"method"_qs, u"GET"_qs },
                                          { u"urlTemplate"_qs, u"/ping"_qs } } } })).ok());
    QVERIFY(call(core::ArmRequest::put(
        kService + u"/apis/keyed/operations/ping/policies/policy"_qs,
        QJsonObject { { u"properties"_qs, QJsonObject { { u"format"_qs, u"rawxml"_qs },
                                                        { u"value"_qs, policies(u"<return-response><set-status code=\"200\" reason=\"OK\" /></return-response>"_qs) } } } }))
                .ok());
    const auto secrets = call(core::ArmRequest::post(kService + u"/subscriptions/master/listSecrets"_qs));
    QVERIFY(secrets.ok());
    const QString key = secrets->value(u"primaryKey"_qs).toString();
    QVERIFY(!key.isEmpty());
    QCOMPARE(get(u"/keyed/ping?mlcred="_qs + key + u"&rows=3"_qs, key.toUtf8()), 200);
    QVERIFY(call(core::ArmRequest::patch(kService + u"/apis/keyed"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"subscriptionKeyParameterNames"_qs,
                                            QJsonObject { { u"query"_qs, u"mlcred"_qs } } } } } })).ok());

    // The period changes before any name has arrived (nothing has been answered yet).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ui::UsageDashboard dashboard(m_bed.controller());
    dashboard.resize(1400, 900);
    dashboard.show();
    dashboard.refresh();
    dashboard.setPeriod(ui::UsageDashboard::Period::LastHour);
    ui::RequestLogView *log = dashboard.requestLog();
    dashboard.findChild<QTabWidget *>(u"usageTabWidget"_qs)->setCurrentWidget(log);
    QAbstractItemModel *rows = dashboard.findChild<QTableView *>(u"requestLogTableView"_qs)->model();
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading() && !log->isLoading() && rows->rowCount() > 0, 10000);

    // The call is listed, its key masked, the rest of its URL readable; the export alike.
    QString table;
    int keyed = 0;
    for (int row = 0; row < rows->rowCount(); ++row) {
        for (int column = 0; column < rows->columnCount(); ++column)
            table += rows->index(row, column).data().toString() + u'\n';
        const QString url = rows->index(row, 8).data().toString();
        if (url.contains(u"/keyed/ping"_qs)) {
            ++keyed;
            QVERIFY2(url.contains(u"rows=3"_qs) && url.contains(u"mlcred="_qs), qPrintable(url));
        }
    }
    QCOMPARE(keyed, 1);
    QVERIFY2(!table.contains(key), "the subscription key shows in the list of calls");
    const QStringList exported = exportTo(dashboard, dir.filePath(u"calls.csv"_qs));
    const QString csv = exported.join(u'\n');
    QVERIFY2(csv.contains(u"/keyed/ping"_qs) && csv.contains(u"rows=3"_qs), qPrintable(csv));
    QVERIFY2(!csv.contains(key), "the subscription key shows in the export");
}

void tst_UsageDashboard::callsWaitForApiNamesThatFailedAndExportRefusesUntilRefresh()
{
    // A call that sent a key (one of another service: portico-local does not know it) in a
    // parameter the API takes for its key parameter afterwards: only the API's key parameter
    // name tells the console to mask it.
    const QString secret = u"KeyOfElsewhere0123456789abcdef"_qs;
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/held"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Held API"_qs }, { u"path"_qs, u"held"_qs },
                                          { u"serviceUrl"_qs, u"http://127.0.0.1:9"_qs },
                                          { u"protocols"_qs, QJsonArray { u"http"_qs } } } } })).ok());
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/held/operations/ping"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Ping"_qs }, { u"method"_qs, u"GET"_qs },
                                          { u"urlTemplate"_qs, u"/ping"_qs } } } })).ok());
    QVERIFY(call(core::ArmRequest::put(
        kService + u"/apis/held/operations/ping/policies/policy"_qs,
        QJsonObject { { u"properties"_qs, QJsonObject { { u"format"_qs, u"rawxml"_qs },
                                                        { u"value"_qs, policies(u"<return-response><set-status code=\"200\" reason=\"OK\" /></return-response>"_qs) } } } }))
                .ok());
    const auto secrets = call(core::ArmRequest::post(kService + u"/subscriptions/master/listSecrets"_qs));
    QVERIFY(secrets.ok());
    QCOMPARE(get(u"/held/ping?heldcred="_qs + secret + u"&rows=4"_qs, secrets->value(u"primaryKey"_qs).toString().toUtf8()), 200);
    QVERIFY(call(core::ArmRequest::patch(kService + u"/apis/held"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"subscriptionKeyParameterNames"_qs,
                                            QJsonObject { { u"query"_qs, u"heldcred"_qs } } } } } })).ok());

    // The console reaches portico-local through a proxy that fails the list of APIs, and only
    // that: the reports answer.
    test::FlakyProxy proxy;
    QVERIFY(proxy.listen(QHostAddress::LocalHost, quint16(m_bed.local().managementUrl().port())));
    const auto isApiList = [](const test::FlakyProxy::Request &r) {
        return r.method == "GET" && r.target.split('?').first().endsWith("/service/usage/apis");
    };
    proxy.failWhen(isApiList, 500, "InternalServerError");
    QNetworkAccessManager network;
    core::StaticTokenProvider tokens(m_bed.local().token());
    QUrl proxied = m_bed.local().managementUrl();
    proxied.setHost(u"127.0.0.1"_qs);
    proxied.setPort(proxy.port());
    core::ArmClient client(&network, proxied, &tokens);
    ui::OperationTracker operations;
    ui::PublisherController controller(&client, &operations);
    controller.setService(kService);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ui::UsageDashboard dashboard(&controller);
    dashboard.resize(1400, 900);
    dashboard.show();
    ui::RequestLogView *log = dashboard.requestLog();
    dashboard.findChild<QTabWidget *>(u"usageTabWidget"_qs)->setCurrentWidget(log);
    dashboard.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading() && !log->isLoading(), 10000);
    QVERIFY(proxy.failed() >= 1);
    QVERIFY(dashboard.findChild<QLabel *>(u"usageTotalLabel"_qs)->text() != u"0"_qs); // the reports answered

    // Near the calls: why none is listed.
    auto *note = dashboard.findChild<QLabel *>(u"requestLogNoteLabel"_qs);
    QAbstractItemModel *rows = dashboard.findChild<QTableView *>(u"requestLogTableView"_qs)->model();
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().startsWith(u"The APIs could not be read: "_qs), qPrintable(note->text()));
    QVERIFY2(note->text().endsWith(u"The calls are neither listed nor exported until they are, so that keys in the "
                                   "URLs stay hidden. Refresh to read them again."_qs),
             qPrintable(note->text()));
    QCOMPARE(rows->rowCount(), 0);
    // Said there only, not again in other words above the tabs.
    auto *banner = dashboard.findChild<ui::BannerWidget *>(u"usageBannerWidget"_qs);
    QVERIFY2(!banner->isVisible() || !banner->text().contains(u"could not be read"_qs), qPrintable(banner->text()));

    // Export ends with a refusal instead of waiting for ever, and writes nothing.
    const QString refused = dir.filePath(u"refused.csv"_qs);
    const QString chosen = chooseExport(dashboard, refused);
    QVERIFY2(chosen.isEmpty(), qPrintable(chosen));
    QTRY_COMPARE_WITH_TIMEOUT(banner->text(),
                              u"Could not export to %1: the APIs could not be read, and without them keys in the "
                              "calls' URLs could not be hidden. Refresh, then export again."_qs.arg(refused),
                              10000);
    QVERIFY(!QFile::exists(refused));

    // The proxy heals: Refresh reads the APIs again, and the calls are listed, the key masked.
    proxy.failWhen({});
    QTest::mouseClick(dashboard.findChild<QPushButton *>(u"usageRefreshPushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading() && !log->isLoading() && rows->rowCount() > 0, 10000);
    QVERIFY(!note->text().contains(u"could not be read"_qs));
    QString table;
    int held = 0;
    for (int row = 0; row < rows->rowCount(); ++row) {
        for (int column = 0; column < rows->columnCount(); ++column)
            table += rows->index(row, column).data().toString() + u'\n';
        const QString url = rows->index(row, 8).data().toString();
        if (url.contains(u"/held/ping"_qs)) {
            ++held;
            QVERIFY2(url.contains(u"rows=4"_qs) && url.contains(u"heldcred="_qs), qPrintable(url));
        }
    }
    QCOMPARE(held, 1);
    QVERIFY2(!table.contains(secret), "the key shows in the list of calls");

    // And the export works: every call, the key masked.
    const QString path = dir.filePath(u"calls.csv"_qs);
    const QStringList exported = exportTo(dashboard, path);
    const QString csv = exported.join(u'\n');
    QVERIFY2(csv.contains(u"/held/ping"_qs) && csv.contains(u"rows=4"_qs), qPrintable(csv));
    QVERIFY2(!csv.contains(secret), "the key shows in the export");
    QCOMPARE(banner->text(), u"Exported %1 row(s) to %2."_qs.arg(exported.size() - 1).arg(path));
}

void tst_UsageDashboard::percentileIsTheNearestRank_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("fraction");
    QTest::addColumn<double>("expected");
    QList<double> hundred;
    for (int i = 100; i >= 1; --i)
        hundred.append(i);
    QTest::newRow("median of 1..100") << hundred << 0.5 << 50.0;
    QTest::newRow("95th of 1..100") << hundred << 0.95 << 95.0;
    QTest::newRow("99th of 1..100") << hundred << 0.99 << 99.0;
    QTest::newRow("median of three") << QList<double> { 3, 1, 2 } << 0.5 << 2.0;
    QTest::newRow("95th of three") << QList<double> { 3, 1, 2 } << 0.95 << 3.0;
    QTest::newRow("one call") << QList<double> { 4.5 } << 0.99 << 4.5;
    QTest::newRow("none") << QList<double> {} << 0.5 << 0.0;
}

void tst_UsageDashboard::percentileIsTheNearestRank()
{
    QFETCH(QList<double>, values);
    QFETCH(double, fraction);
    QFETCH(double, expected);
    QCOMPARE(ui::RequestLogView::percentile(values, fraction), expected);
}

void tst_UsageDashboard::aFailedRefreshKeepsTheFiguresAndSaysWhy()
{
    auto *dashboard = qobject_cast<ui::UsageDashboard *>(m_workspace->currentEditor());
    QVERIFY(dashboard);
    m_bed.local().stop();
    QSignalSpy loaded(dashboard, &ui::UsageDashboard::loaded);
    QTest::mouseClick(dashboard->findChild<QPushButton *>(u"usageRefreshPushButton"_qs), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
    auto *banner = dashboard->findChild<ui::BannerWidget *>(u"usageBannerWidget"_qs);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(u"The usage reports could not be read"_qs), qPrintable(banner->text()));
    QCOMPARE(dashboard->findChild<QLabel *>(u"usageTotalLabel"_qs)->text(), u"9"_qs); // kept
    QVERIFY(dashboard->findChild<QPushButton *>(u"usageRefreshPushButton"_qs)->isEnabled());
}

QTEST_MAIN(tst_UsageDashboard)
#include "tst_usagedashboard.moc"
