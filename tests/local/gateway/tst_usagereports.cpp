// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The usage log records every gateway request, and the ARM report shapes count exactly the
// traffic that was sent; retention bounds the log.

#include "core/local/gateway/knownkeys.h"
#include "core/local/usage/usagelog.h"
#include "core/local/usage/usagereports.h"
#include "tests/local/gateway/gatewaytestbed.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace portico::local;
using namespace portico::test;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

QString window(qint64 fromMs, qint64 toMs)
{
    const auto fmt = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); };
    return u"timestamp ge datetime'%1' and timestamp le datetime'%2'"_qs.arg(fmt(fromMs), fmt(toMs));
}

QJsonObject find(const QJsonArray &rows, const QString &field, const QString &value)
{
    for (const QJsonValue &row : rows) {
        if (row.toObject().value(field).toString() == value)
            return row.toObject();
    }
    return {};
}

// Three records three days old, then `fresh` ones at freshTime(0..fresh-1), all written.
void recordOldAndFresh(UsageLog &log, qint64 now, int fresh,
                       const std::function<qint64(int)> &freshTime)
{
    for (int i = 0; i < 3 + fresh; ++i) {
        UsageRecord r;
        r.timestampMs = i < 3 ? now - 3LL * 86400 * 1000 : freshTime(i - 3);
        r.status = 200;
        log.record(r);
    }
    log.flush();
}

} // namespace

class TestUsageReports : public QObject
{
    Q_OBJECT

private:
    GatewayTestbed m_bed;
    qint64 m_from = 0;
    qint64 m_to = 0;

    QJsonObject report(UsageReports::Kind kind, const QString &filter, const QString &interval = {}, int top = -1)
    {
        QJsonObject out;
        m_bed.inGatewayThread([&] {
            m_bed.service().usageLog()->flush();
            UsageReports reports(m_bed.service().usageLog()->connectionName());
            UsageReports::Query q;
            q.filter = filter;
            q.interval = interval;
            q.top = top;
            q.requestUrl = QUrl(u"http://mgmt.test/reports/x?$filter=f"_qs);
            auto r = reports.run(kind, q);
            out = r ? *r : QJsonObject { { u"error"_qs, r.error().message } };
        });
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_bed.start(m_bed.baseConfig()));
        m_from = QDateTime::currentMSecsSinceEpoch() - 1000;
        const Headers starter { { "Ocp-Apim-Subscription-Key", "starter-key" } };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_bed.get("/echo/items/" + QByteArray::number(i), starter).status, 200);
        QCOMPARE(m_bed.get("/echo/items/special", starter).status, 200);
        QCOMPARE(m_bed.get("/echo/items/1").status, 401);
        QCOMPARE(m_bed.get("/echo/items/1", { { "Ocp-Apim-Subscription-Key", "wrong" } }).status, 401);
        QCOMPARE(m_bed.get("/echo/nothing-here", starter).status, 404);
        QCOMPARE(m_bed.get("/open/ping").status, 200);
        m_to = QDateTime::currentMSecsSinceEpoch() + 1000;
    }

    void byApiCountsMatchTraffic()
    {
        const QJsonObject body = report(UsageReports::Kind::ByApi, window(m_from, m_to));
        QCOMPARE(body.value(u"count"_qs).toInt(), 2);
        QCOMPARE(body.value(u"nextLink"_qs).toString(), QString());
        const QJsonObject echo = find(body.value(u"value"_qs).toArray(), u"apiId"_qs, u"/apis/echo"_qs);
        QCOMPARE(echo.value(u"name"_qs).toString(), u"Echo API"_qs);
        QCOMPARE(echo.value(u"callCountTotal"_qs).toInt(), 7);
        QCOMPARE(echo.value(u"callCountSuccess"_qs).toInt(), 4);
        QCOMPARE(echo.value(u"callCountBlocked"_qs).toInt(), 2);
        QCOMPARE(echo.value(u"callCountFailed"_qs).toInt(), 0);
        QCOMPARE(echo.value(u"callCountOther"_qs).toInt(), 1);
        QVERIFY(echo.value(u"bandwidth"_qs).toInteger() > 0);
        QVERIFY(echo.value(u"apiTimeMax"_qs).toDouble() >= echo.value(u"apiTimeMin"_qs).toDouble());
        QCOMPARE(find(body.value(u"value"_qs).toArray(), u"apiId"_qs, u"/apis/open"_qs).value(u"callCountTotal"_qs).toInt(), 1);
    }

    void byOperationProductSubscriptionUser()
    {
        const QString f = window(m_from, m_to);
        QJsonObject body = report(UsageReports::Kind::ByOperation, f);
        const QJsonObject item = find(body.value(u"value"_qs).toArray(), u"operationId"_qs, u"/apis/echo/operations/get-item"_qs);
        QCOMPARE(item.value(u"callCountSuccess"_qs).toInt(), 3);
        QCOMPARE(item.value(u"callCountBlocked"_qs).toInt(), 2);
        QCOMPARE(find(body.value(u"value"_qs).toArray(), u"operationId"_qs, u"/apis/echo/operations/get-special"_qs)
                     .value(u"callCountTotal"_qs).toInt(), 1);

        // The 404 is not attributed: no operation matched, so the key was never looked at.
        body = report(UsageReports::Kind::ByProduct, f);
        QCOMPARE(body.value(u"count"_qs).toInt(), 1);
        QCOMPARE(find(body.value(u"value"_qs).toArray(), u"productId"_qs, u"/products/starter"_qs).value(u"callCountTotal"_qs).toInt(), 4);

        body = report(UsageReports::Kind::BySubscription, f);
        const QJsonObject sub = find(body.value(u"value"_qs).toArray(), u"subscriptionId"_qs, u"/subscriptions/starter-sub"_qs);
        QCOMPARE(sub.value(u"callCountTotal"_qs).toInt(), 4);
        QCOMPARE(sub.value(u"userId"_qs).toString(), u"/users/alice"_qs);

        body = report(UsageReports::Kind::ByUser, f);
        QCOMPARE(find(body.value(u"value"_qs).toArray(), u"userId"_qs, u"/users/alice"_qs).value(u"name"_qs).toString(), u"Alice"_qs);
    }

    void byTimeAndByRequest()
    {
        const QString f = window(m_from, m_to);
        QJsonObject body = report(UsageReports::Kind::ByTime, f, u"PT15M"_qs);
        int total = 0;
        for (const QJsonValue &row : body.value(u"value"_qs).toArray()) {
            total += row.toObject().value(u"callCountTotal"_qs).toInt();
            QCOMPARE(row.toObject().value(u"interval"_qs).toString(), u"PT15M"_qs);
            QVERIFY(row.toObject().value(u"timestamp"_qs).toString().endsWith(u'Z'));
        }
        QCOMPARE(total, 8);
        QVERIFY(report(UsageReports::Kind::ByTime, f, u"PT7M"_qs).contains(u"error"_qs));

        body = report(UsageReports::Kind::ByRequest, f);
        QCOMPARE(body.value(u"count"_qs).toInt(), 8);
        const QJsonObject first = body.value(u"value"_qs).toArray().first().toObject();
        QCOMPARE(first.value(u"method"_qs).toString(), u"GET"_qs);
        QCOMPARE(first.value(u"url"_qs).toString(), u"/echo/items/0"_qs);
        QCOMPARE(first.value(u"responseCode"_qs).toInt(), 200);
        QCOMPARE(first.value(u"apiId"_qs).toString(), u"/apis/echo"_qs);
        QCOMPARE(first.value(u"subscriptionId"_qs).toString(), u"/subscriptions/starter-sub"_qs);
        QVERIFY(!first.value(u"requestId"_qs).toString().isEmpty());
        QVERIFY(!body.contains(u"nextLink"_qs));
    }

    void filtersAndPaging()
    {
        QCOMPARE(report(UsageReports::Kind::ByRequest, window(m_to + 60000, m_to + 120000)).value(u"count"_qs).toInt(), 0);
        const QJsonObject byApi = report(UsageReports::Kind::ByRequest, window(m_from, m_to) + u" and apiId eq '/apis/open'"_qs);
        QCOMPARE(byApi.value(u"count"_qs).toInt(), 1);
        QVERIFY(report(UsageReports::Kind::ByApi, QString()).contains(u"error"_qs));
        QVERIFY(report(UsageReports::Kind::ByApi, u"name eq 'x'"_qs).contains(u"error"_qs));
        const QJsonObject paged = report(UsageReports::Kind::ByApi, window(m_from, m_to), {}, 1);
        QCOMPARE(paged.value(u"value"_qs).toArray().size(), 1);
        QCOMPARE(paged.value(u"count"_qs).toInt(), 2);
        QVERIFY(paged.value(u"nextLink"_qs).toString().contains(u"%24skip=1"_qs)
                || paged.value(u"nextLink"_qs).toString().contains(u"$skip=1"_qs));
    }

    void urlsLoggedWithKeysByOlderVersionsAreScrubbedOnOpen()
    {
        TempDir dir;
        const QString path = dir.filePath(u"usage.sqlite"_qs);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        {
            UsageLog log;
            QVERIFY(log.open(path, {}));
            // Rows as versions before 2 stored them: the target as received.
            for (const char *url : { "/echo/items/1?a=1&subscription-key=0123secret&b=x+y",
                                     "/echo/items/2?subscription-key=0123secret",
                                     "/echo/items/3?subscription-keyless=1",
                                     // Bytes that are not UTF-8 beside the key stay as stored.
                                     "/echo/items/\xfe?subscription-key=0123secret&c=\xe9\xff" }) {
                UsageRecord r;
                r.timestampMs = now;
                r.status = 200;
                r.url = url;
                log.record(r);
            }
            log.flush();
            QSqlQuery q(QSqlDatabase::database(log.connectionName()));
            QVERIFY(q.exec(u"UPDATE schema_version SET version = 1"_qs));
        }
        UsageLog log;
        QVERIFY(log.open(path, {}));
        QSqlQuery q(QSqlDatabase::database(log.connectionName()));
        QVERIFY(q.exec(u"SELECT CAST(url AS BLOB), typeof(url) FROM usage_log ORDER BY id"_qs));
        QByteArrayList urls;
        while (q.next()) {
            urls.append(q.value(0).toByteArray());
            QCOMPARE(q.value(1).toString(), u"text"_qs);
        }
        QCOMPARE(urls, (QByteArrayList { "/echo/items/1?a=1&b=x+y", "/echo/items/2",
                                         "/echo/items/3?subscription-keyless=1", "/echo/items/\xfe?c=\xe9\xff" }));
        QVERIFY(q.exec(u"SELECT MAX(version) FROM schema_version"_qs) && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }

    // Versions before 3 logged a key sent under a renamed key parameter when the request matched
    // no API or went to another API. When the gateway opens such a log with its configuration,
    // the keys go, from the rows and from the file.
    void urlsLoggedWithRenamedKeysByOlderVersionsAreScrubbedWhenMigrated()
    {
        TempDir dir;
        const QString path = dir.filePath(u"usage.sqlite"_qs);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QByteArray secret = "5ec7e70f5ec7e70f";
        {
            UsageLog log;
            QVERIFY(log.open(path, {}));
            const std::pair<QString, QByteArray> rows[] = {
                { u"renamed-api"_qs, "/svc/renamed/items/1?apikey=" + secret + "&x=1" },
                { u"echo-api"_qs, "/svc/echo/items/2?APIKEY=" + secret + "&z=3" },
                { QString(), "/svc/nowhere/3?apikey=" + secret + "&y=2" },
                { u"echo-api"_qs, "/svc/echo/items/4?a=1&b=x+y" },
            };
            for (const auto &[apiId, url] : rows) {
                UsageRecord r;
                r.timestampMs = now;
                r.status = apiId.isEmpty() ? 404 : 200;
                r.apiId = apiId;
                r.url = url;
                log.record(r);
            }
            log.flush();
            QSqlQuery q(QSqlDatabase::database(log.connectionName()));
            QVERIFY(q.exec(u"UPDATE schema_version SET version = 2"_qs));
        }
        GatewayConfig config;
        for (const auto &[id, keyName] : { std::pair(u"renamed-api"_qs, u"apikey"_qs), std::pair(u"echo-api"_qs, u"subscription-key"_qs) }) {
            GatewayConfig::Api api;
            api.service = u"svc"_qs;
            api.id = id;
            api.subscriptionKeyQuery = keyName;
            config.apis.append(api);
        }
        {
            UsageLog log;
            QVERIFY(log.open(path, {}));
            QVERIFY(log.migrate(config));
            QSqlQuery q(QSqlDatabase::database(log.connectionName()));
            QVERIFY(q.exec(u"SELECT url FROM usage_log ORDER BY id"_qs));
            QStringList urls;
            while (q.next())
                urls.append(q.value(0).toString());
            QCOMPARE(urls, (QStringList { u"/svc/renamed/items/1?x=1"_qs, u"/svc/echo/items/2?z=3"_qs,
                                          u"/svc/nowhere/3"_qs, u"/svc/echo/items/4?a=1&b=x+y"_qs }));
            QVERIFY(q.exec(u"SELECT MAX(version) FROM schema_version"_qs) && q.next());
            QCOMPARE(q.value(0).toInt(), 5);
        }
        QByteArray stored;
        for (const QString &name : { u"usage.sqlite"_qs, u"usage.sqlite-wal"_qs }) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly))
                stored += file.readAll();
        }
        QVERIFY(stored.contains("/svc/nowhere/3"));
        QVERIFY(!stored.contains(secret));
    }

    // Versions before 4 logged a key sent under a near-miss name of the key parameter (encoded
    // '=', after a ';', a "[]" suffix) and a known key elsewhere in the URL or in the blocked
    // reason. Migrated, those rows read as record() writes them now; the rest stays as it was.
    void urlsLoggedWithNearMissKeyNamesByOlderVersionsAreScrubbedWhenMigrated()
    {
        TempDir dir;
        const QString path = dir.filePath(u"usage.sqlite"_qs);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QByteArray secret = "5ec7e70f5ec7e70f";
        const QByteArray known = "0a1b2c3d4e5f6a7b";
        {
            UsageLog log;
            QVERIFY(log.open(path, {}));
            const std::pair<QByteArray, QString> rows[] = {
                { "/svc/echo/items/1?subscription-key%3D=" + secret + "&a=1", QString() },
                { "/svc/echo/items/2?x=1;subscription-key=" + secret, QString() },
                { "/svc/echo/items/3?Subscription-Key[]=" + secret, QString() },
                { "/svc/echo/items/" + known.toUpper() + "?q=a%26b&e=%2B", u"Key '"_qs + QString::fromUtf8(known) + u"' is not welcome."_qs },
                { "/svc/echo/items/5?a=1&b=x+y", u"Blocked by policy."_qs },
                // Bytes that are not UTF-8 beside a key are kept as they were stored.
                { "/svc/echo/items/\xfe\xff?e=" + known + "&g=\xe9", QString() },
            };
            for (const auto &[url, reason] : rows) {
                UsageRecord r;
                r.timestampMs = now;
                r.status = 401;
                r.apiId = u"echo-api"_qs;
                r.url = url;
                r.blockedReason = reason;
                log.record(r);
            }
            log.flush();
            QSqlQuery q(QSqlDatabase::database(log.connectionName()));
            QVERIFY(q.exec(u"UPDATE schema_version SET version = 3"_qs));
        }
        GatewayConfig config;
        GatewayConfig::Api api;
        api.service = u"svc"_qs;
        api.id = u"echo-api"_qs;
        api.subscriptionKeyQuery = u"subscription-key"_qs;
        config.apis.append(api);
        GatewayConfig::Subscription subscription;
        subscription.service = u"svc"_qs;
        subscription.id = u"sub"_qs;
        subscription.primaryKey = QString::fromUtf8(known);
        subscription.secondaryKey = QString::fromUtf8(secret);
        config.subscriptions.append(subscription);
        UsageLog log;
        QVERIFY(log.open(path, {}));
        QVERIFY(log.migrate(config));
        QSqlQuery q(QSqlDatabase::database(log.connectionName()));
        QVERIFY(q.exec(u"SELECT CAST(url AS BLOB), typeof(url), blocked_reason FROM usage_log ORDER BY id"_qs));
        QByteArrayList urls;
        QStringList reasons;
        while (q.next()) {
            urls.append(q.value(0).toByteArray());
            QCOMPARE(q.value(1).toString(), u"text"_qs);
            reasons.append(q.value(2).toString());
        }
        const QByteArray mask = u"••••••••"_qs.toUtf8();
        QCOMPARE(urls, (QByteArrayList { "/svc/echo/items/1?a=1", "/svc/echo/items/2?x=1", "/svc/echo/items/3",
                                         "/svc/echo/items/" + mask + "?q=a%26b&e=%2B", "/svc/echo/items/5?a=1&b=x+y",
                                         "/svc/echo/items/\xfe\xff?e=" + mask + "&g=\xe9" }));
        QCOMPARE(reasons, (QStringList { QString(), QString(), QString(), u"Key '••••••••' is not welcome."_qs,
                                         u"Blocked by policy."_qs, QString() }));
        QVERIFY(q.exec(u"SELECT MAX(version) FROM schema_version"_qs) && q.next());
        QCOMPARE(q.value(0).toInt(), 5);
    }

    // Before version 5 a known key that holds a delimiter ('/', '&', '+', a '%' escape) was
    // masked only when long and inside one part of the URL, and a short key before a full stop
    // of the blocked reason not at all. Migrated, those rows lose the key; every other byte stays.
    void keysHoldingDelimitersLoggedBeforeVersion5AreScrubbedWhenMigrated()
    {
        TempDir dir;
        const QString path = dir.filePath(u"usage.sqlite"_qs);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        {
            UsageLog log;
            QVERIFY(log.open(path, {}));
            const std::pair<QByteArray, QString> rows[] = {
                { "/svc/echo/items/ab%2Fcd?e=1", QString() },
                { "/svc/echo/items/2?k=a%2Bb&m=a+bc&n=\xff", QString() },
                { "/svc/echo/items/3?t=k%26y%3D1&u=2", u"Unknown key ite."_qs },
                { "/svc/echo/items/4?a=1&b=x+y", u"Blocked by policy."_qs },
            };
            for (const auto &[url, reason] : rows) {
                UsageRecord r;
                r.timestampMs = now;
                r.status = 401;
                r.apiId = u"echo-api"_qs;
                r.url = url;
                r.blockedReason = reason;
                log.record(r);
            }
            log.flush();
            QSqlQuery q(QSqlDatabase::database(log.connectionName()));
            QVERIFY(q.exec(u"UPDATE schema_version SET version = 4"_qs));
        }
        GatewayConfig config;
        GatewayConfig::Api api;
        api.service = u"svc"_qs;
        api.id = u"echo-api"_qs;
        api.subscriptionKeyQuery = u"subscription-key"_qs;
        config.apis.append(api);
        for (const auto &[primary, secondary] : { std::pair(u"ab/cd"_qs, u"a+b"_qs), std::pair(u"k&y=1"_qs, u"ite"_qs) }) {
            GatewayConfig::Subscription subscription;
            subscription.service = u"svc"_qs;
            subscription.id = primary;
            subscription.primaryKey = primary;
            subscription.secondaryKey = secondary;
            config.subscriptions.append(subscription);
        }
        UsageLog log;
        QVERIFY(log.open(path, {}));
        QVERIFY(log.migrate(config));
        QSqlQuery q(QSqlDatabase::database(log.connectionName()));
        QVERIFY(q.exec(u"SELECT CAST(url AS BLOB), blocked_reason FROM usage_log ORDER BY id"_qs));
        QByteArrayList urls;
        QStringList reasons;
        while (q.next()) {
            urls.append(q.value(0).toByteArray());
            reasons.append(q.value(1).toString());
        }
        const QByteArray mask = u"••••••••"_qs.toUtf8();
        QCOMPARE(urls, (QByteArrayList { "/svc/echo/items/" + mask + "?e=1", "/svc/echo/items/2?k=" + mask + "&m=a+bc&n=\xff",
                                         "/svc/echo/items/3?t=" + mask + "&u=2", "/svc/echo/items/4?a=1&b=x+y" }));
        QCOMPARE(reasons, (QStringList { QString(), QString(), u"Unknown key ••••••••."_qs, u"Blocked by policy."_qs }));
        QVERIFY(q.exec(u"SELECT MAX(version) FROM schema_version"_qs) && q.next());
        QCOMPARE(q.value(0).toInt(), 5);
    }

    // A row that holds a key however it got there (a migration that failed, a key the log did
    // not know yet as one) shows none in byRequest, which the console's request log and its
    // export read.
    void byRequestShowsNoKnownKeyAStoredRowHolds()
    {
        TempDir dir;
        UsageLog log;
        QVERIFY(log.open(dir.filePath(u"usage.sqlite"_qs), {}));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const char *url : { "/svc/echo/items/ab%2Fcd?e=1", "/svc/echo/items/2?k=ab/cd&m=ab/cde" }) {
            UsageRecord r;
            r.timestampMs = now;
            r.status = 200;
            r.service = u"svc"_qs;
            r.apiId = u"echo-api"_qs;
            r.url = url;
            log.record(r);
        }
        log.flush();
        KnownKeys keys;
        keys.insert("ab/cd");
        UsageReports reports(log.connectionName());
        reports.setKnownKeys(&keys);
        UsageReports::Query query;
        query.filter = window(now - 1000, now + 1000);
        query.requestUrl = QUrl(u"http://mgmt.test/reports/byRequest?$filter=f"_qs);
        const auto result = reports.run(UsageReports::Kind::ByRequest, query);
        QVERIFY(result);
        QStringList urls;
        for (const QJsonValue &row : result->value(u"value"_qs).toArray())
            urls.append(row.toObject().value(u"url"_qs).toString());
        // "ab/cde" is not the key "ab/cd": a short key is masked only where no letter or digit
        // goes on around it (see KnownKeys).
        QCOMPARE(urls, (QStringList { u"/svc/echo/items/••••••••?e=1"_qs, u"/svc/echo/items/2?k=••••••••&m=ab/cde"_qs }));
    }

    void retentionBoundsTheLog()
    {
        TempDir dir;
        UsageLog log;
        QVERIFY(log.open(dir.filePath(u"usage.sqlite"_qs), { 1, 5 }));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        recordOldAndFresh(log, now, 8, [now](int i) { return now - i; });
        QCOMPARE(log.prune(now), 6);
        QSqlQuery q(QSqlDatabase::database(log.connectionName()));
        QVERIFY(q.exec(u"SELECT COUNT(*), MIN(ts) FROM usage_log"_qs) && q.next());
        QCOMPARE(q.value(0).toInt(), 5);
        QVERIFY(q.value(1).toLongLong() > now - 86400 * 1000);
    }

    void retentionKeepsTheNewestRows_data()
    {
        QTest::addColumn<bool>("fromTheEventLoop");
        // prune(), as at open: the timer's steps one after the other until the bound holds.
        QTest::newRow("prune()") << false;
        // The minute timer: the same steps, with the event loop running between them.
        QTest::newRow("startPruning()") << true;
    }

    void retentionKeepsTheNewestRows()
    {
        // 3 rows older than the age limit, then 25,000 fresh ones against a 1,000-row bound:
        // more than two steps' worth, removed oldest first.
        QFETCH(bool, fromTheEventLoop);
        TempDir dir;
        UsageLog log;
        QVERIFY(log.open(dir.filePath(u"usage.sqlite"_qs), { 1, 1000 }));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        recordOldAndFresh(log, now, 25000, [now](int i) { return now - 25000 + i; });
        if (fromTheEventLoop) {
            int ticks = 0;
            QTimer ticker;
            QObject::connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
            ticker.start(1);
            log.startPruning(now);
            QVERIFY(log.pruning());
            QTRY_VERIFY_WITH_TIMEOUT(!log.pruning(), 30000);
            QVERIFY2(ticks >= 2, qPrintable(QString::number(ticks))); // other events ran between the steps
        } else {
            QCOMPARE(log.prune(now), 3 + 24000);
        }
        QSqlQuery q(QSqlDatabase::database(log.connectionName()));
        QVERIFY(q.exec(u"SELECT COUNT(*), MIN(ts), MAX(ts) FROM usage_log"_qs) && q.next());
        QCOMPARE(q.value(0).toInt(), 1000);
        QCOMPARE(q.value(1).toLongLong(), now - 1000); // the newest 1,000 are kept
        QCOMPARE(q.value(2).toLongLong(), now - 1);
    }
};

QTEST_GUILESS_MAIN(TestUsageReports)
#include "tst_usagereports.moc"
