// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The usage chart's days and 6-hour blocks begin on the user's local clock, as its labels read:
// the report's UTC intervals summed into local steps (usagetimeline), and the dashboard against
// the real portico-local with the test's own time zone (TZ).

#include "core/model/reportrecord.h"
#include "tests/ui/publishertestbed.h"
#include "ui/publisher/usagechart.h"
#include "ui/publisher/usagedashboard.h"
#include "ui/publisher/usagetimeline.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTest>

#include <ctime>

using namespace portico;
using namespace ui::usagetimeline;

namespace {

const QString kService = test::localServiceId(u"localtime"_qs);

void useZone(const QByteArray &zone)
{
    qputenv("TZ", zone);
    tzset();
}

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toUTC();
}

core::ReportRecord interval(const QString &startUtc, qint64 calls)
{
    core::ReportRecord r;
    r.timestamp = utc(startUtc);
    r.callCountSuccess = calls;
    r.callCountTotal = calls;
    return r;
}

} // namespace

class tst_UsageLocalTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void stepsBeginOnTheLocalClock_data();
    void stepsBeginOnTheLocalClock();
    void todaysCallsAreUnderTodayOnTheChart_data();
    void todaysCallsAreUnderTodayOnTheChart();

private:
    int get(const QString &path, const QByteArray &key);

    QByteArray m_zoneBefore;
    test::PublisherTestBed m_bed;
};

void tst_UsageLocalTime::initTestCase()
{
    m_zoneBefore = qgetenv("TZ");
    QStandardPaths::setTestModeEnabled(true);
}

void tst_UsageLocalTime::cleanupTestCase()
{
    m_bed.stop();
    if (m_zoneBefore.isEmpty())
        qunsetenv("TZ");
    else
        qputenv("TZ", m_zoneBefore);
    tzset();
}

void tst_UsageLocalTime::stepsBeginOnTheLocalClock_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QString>("reportInterval");
    QTest::addColumn<QList<core::ReportRecord>>("report");
    QTest::addColumn<QString>("localStart"); // the local step that must hold `calls`
    QTest::addColumn<qint64>("calls");

    // UTC+10: 14:00Z is local midnight of the 27th; 13:00Z is still the 26th.
    QTest::newRow("Brisbane, days")
        << QByteArray("Australia/Brisbane") << qint64(86400) << u"PT1H"_qs
        << QList<core::ReportRecord> { interval(u"2026-11-26T13:00:00Z"_qs, 2),
                                       interval(u"2026-11-26T14:00:00Z"_qs, 3),
                                       interval(u"2026-11-26T20:00:00Z"_qs, 4) }
        << u"2026-11-27T00:00:00"_qs << qint64(7);
    // UTC+05:30 asks for quarter hours; 00:15Z is 05:45 (block 00-06), 00:30Z is 06:00.
    QTest::newRow("Kolkata, 6 hours")
        << QByteArray("Asia/Kolkata") << qint64(6 * 3600) << u"PT15M"_qs
        << QList<core::ReportRecord> { interval(u"2026-11-26T00:15:00Z"_qs, 1),
                                       interval(u"2026-11-26T00:30:00Z"_qs, 5) }
        << u"2026-11-26T06:00:00"_qs << qint64(5);
    // The day summer time ends has 25 hours: from 22:00Z on the 24th to 23:00Z on the 25th.
    QTest::newRow("Amsterdam, the 25-hour day")
        << QByteArray("Europe/Amsterdam") << qint64(86400) << u"PT1H"_qs
        << QList<core::ReportRecord> { interval(u"2026-10-24T21:00:00Z"_qs, 100),
                                       interval(u"2026-10-24T22:00:00Z"_qs, 1),
                                       interval(u"2026-10-25T22:00:00Z"_qs, 2),
                                       interval(u"2026-10-25T23:00:00Z"_qs, 100) }
        << u"2026-10-25T00:00:00"_qs << qint64(3);
}

void tst_UsageLocalTime::stepsBeginOnTheLocalClock()
{
    QFETCH(QByteArray, zone);
    QFETCH(qint64, step);
    QFETCH(QString, reportInterval);
    QFETCH(QList<core::ReportRecord>, report);
    QFETCH(QString, localStart);
    QFETCH(qint64, calls);
    useZone(zone);

    const QDateTime from = report.first().timestamp.addDays(-2);
    const QDateTime to = report.last().timestamp.addDays(1);
    QCOMPARE(ui::usagetimeline::reportInterval(step, from, to), reportInterval);
    const QList<core::ReportRecord> steps = localSteps(report, from, to, step);
    const QDateTime wanted = QDateTime::fromString(localStart, Qt::ISODate); // local time
    QVERIFY(wanted.isValid());
    qint64 total = 0;
    bool found = false;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QDateTime start = steps.at(i).timestamp.toLocalTime();
        // Every step begins on the local clock: midnight, or a multiple of 6 hours.
        QCOMPARE(start.time().minute(), 0);
        QCOMPARE(start.time().hour() % int(step / 3600 % 24 == 0 ? 24 : step / 3600), 0);
        if (i > 0)
            QVERIFY(steps.at(i - 1).timestamp < steps.at(i).timestamp);
        total += steps.at(i).callCountTotal;
        if (start == wanted) {
            found = true;
            QCOMPARE(steps.at(i).callCountSuccess, calls);
        }
    }
    QVERIFY2(found, qPrintable(localStart));
    qint64 sent = 0;
    for (const core::ReportRecord &r : report)
        sent += r.callCountTotal;
    QCOMPARE(total, sent); // nothing lost or counted twice
}

int tst_UsageLocalTime::get(const QString &path, const QByteArray &key)
{
    QUrl url = m_bed.local().gatewayUrl();
    url.setPath(u'/' + kService.section(u'/', -1) + path);
    QNetworkRequest request(url);
    request.setRawHeader("Ocp-Apim-Subscription-Key", key);
    QNetworkReply *reply = m_bed.network().get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        return -1;
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void tst_UsageLocalTime::todaysCallsAreUnderTodayOnTheChart_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<ui::UsageDashboard::Period>("period");
    QTest::newRow("UTC+10, last 30 days") << QByteArray("Australia/Brisbane") << ui::UsageDashboard::Period::LastMonth;
    QTest::newRow("UTC+05:30, last 7 days") << QByteArray("Asia/Kolkata") << ui::UsageDashboard::Period::LastWeek;
    QTest::newRow("UTC-03:30, last 30 days") << QByteArray("America/St_Johns") << ui::UsageDashboard::Period::LastMonth;
}

void tst_UsageLocalTime::todaysCallsAreUnderTodayOnTheChart()
{
    QFETCH(QByteArray, zone);
    QFETCH(ui::UsageDashboard::Period, period);
    useZone(zone);
    if (m_bed.controller() == nullptr) {
        const QString problem = m_bed.start(u"localtime"_qs, this);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto api = m_bed.call(core::ArmRequest::put(kService + u"/apis/clock"_qs, QJsonObject {
            { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Clock"_qs }, { u"path"_qs, u"clock"_qs },
                                              { u"serviceUrl"_qs, u"http://127.0.0.1:9"_qs },
                                              { u"protocols"_qs, QJsonArray { u"http"_qs } } } } }), this);
        QVERIFY(api.ok());
        QVERIFY(m_bed.call(core::ArmRequest::put(kService + u"/apis/clock/operations/now"_qs, QJsonObject {
            { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Now"_qs }, { u"method"_qs, u"GET"_qs },
                                              { u"urlTemplate"_qs, u"/now"_qs } } } }), this).ok());
        QVERIFY(m_bed.call(core::ArmRequest::put(kService + u"/apis/clock/operations/now/policies/policy"_qs, QJsonObject {
            { u"properties"_qs, QJsonObject { { u"format"_qs, u"rawxml"_qs },
                                              { u"value"_qs, u"<policies><inbound><base /><return-response><set-status code=\"200\" reason=\"OK\" /></return-response></inbound><backend><base /></backend><outbound><base /></outbound></policies>"_qs } } } }), this).ok());
        const auto secrets = m_bed.call(core::ArmRequest::post(kService + u"/subscriptions/master/listSecrets"_qs), this);
        QVERIFY(secrets.ok());
        const QByteArray key = secrets->value(u"primaryKey"_qs).toString().toUtf8();
        for (int i = 0; i < 2; ++i)
            QCOMPARE(get(u"/clock/now"_qs, key), 200);
    }
    const QDateTime sent = QDateTime::currentDateTime();

    ui::UsageDashboard dashboard(m_bed.controller());
    dashboard.resize(1000, 800);
    dashboard.show();
    dashboard.setPeriod(period);
    dashboard.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isLoading(), 10000);
    auto *chart = dashboard.findChild<ui::UsageChart *>();
    const QList<QPointF> points = chart->points(ui::UsageChart::Outcome::Success);
    QList<QPointF> withCalls;
    for (const QPointF &p : points)
        if (p.y() > 0)
            withCalls.append(p);
    QCOMPARE(withCalls.size(), 1);
    QCOMPARE(withCalls.first().y(), 2.0);
    // The point that holds the calls is the local step they were made in: today's midnight,
    // or this 6-hour block's start, on the local clock the axis is labelled with.
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(withCalls.first().x()));
    const qint64 step = ui::UsageDashboard::intervalSecondsOf(period);
    const QDateTime expected = step >= 86400 ? sent.date().startOfDay()
                                             : QDateTime(sent.date(), QTime(sent.time().hour() / 6 * 6, 0));
    QCOMPARE(at, expected);
}

QTEST_MAIN(tst_UsageLocalTime)
#include "tst_usagelocaltime.moc"
