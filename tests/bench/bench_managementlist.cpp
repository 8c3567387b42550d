// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// Scale benchmark of the management plane: a service with 1,000 APIs of 50 operations each is
// created through ARM and paged through; list-page latency over HTTP is printed next to a plain
// SQLite query of the same rows on the same database, measured in the same run, and the ratio.
// PORTICO_BENCH_APIS and PORTICO_BENCH_OPERATIONS override the scale.

#include "tests/local/management/armtestclient.h"
#include "tests/support/porticolocalfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace portico;
using test::ArmTestClient;

class bench_ManagementList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thousandApisOfFiftyOperations();

private:
    struct Put
    {
        QString path;
        QByteArray body;
    };
    // Sends every PUT with `parallel` requests in flight; returns how many were not 201.
    int putAll(const QList<Put> &puts, int parallel);
    static double median(QList<double> samples);

    test::PorticoLocalFixture m_local;
    QNetworkAccessManager m_nam;
};

double bench_ManagementList::median(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.isEmpty() ? 0 : samples.at(samples.size() / 2);
}

int bench_ManagementList::putAll(const QList<Put> &puts, int parallel)
{
    int next = 0, inFlight = 0, failed = 0;
    QEventLoop loop;
    std::function<void()> send = [&] {
        if (next >= puts.size()) {
            if (inFlight == 0)
                loop.quit();
            return;
        }
        const Put &put = puts.at(next++);
        QUrl url = m_local.managementUrl();
        url.setPath(put.path);
        url.setQuery(u"api-version=2024-05-01"_qs);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + m_local.token().toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam.put(request, put.body);
        ++inFlight;
        connect(reply, &QNetworkReply::finished, this, [&, reply] {
            --inFlight;
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 201) {
                if (failed++ < 3)
                    std::fprintf(stderr, "PUT failed: %s\n", reply->readAll().constData());
            }
            reply->deleteLater();
            send();
        });
    };
    for (int i = 0; i < parallel; ++i)
        send();
    if (inFlight > 0)
        loop.exec();
    return failed;
}

void bench_ManagementList::thousandApisOfFiftyOperations()
{
    const int apis = qEnvironmentVariableIsSet("PORTICO_BENCH_APIS")
        ? qEnvironmentVariableIntValue("PORTICO_BENCH_APIS") : 1000;
    const int operations = qEnvironmentVariableIsSet("PORTICO_BENCH_OPERATIONS")
        ? qEnvironmentVariableIntValue("PORTICO_BENCH_OPERATIONS") : 50;
    qputenv("PORTICO_LOCAL_LRO_DELAY_MS", "50");
    QVERIFY2(m_local.start(), qPrintable(m_local.errorString()));
    ArmTestClient arm(m_local.managementUrl(), m_local.token());
    QVERIFY(arm.createService(u"scale"_qs));
    const QString svc = ArmTestClient::servicePath(u"scale"_qs);

    // Create.
    QList<Put> apiPuts, operationPuts;
    for (int a = 0; a < apis; ++a) {
        const QString api = u"api-%1"_qs.arg(a, 4, 10, QChar(u'0'));
        apiPuts.append({ svc + u"/apis/"_qs + api,
                         QJsonDocument(QJsonObject { { u"properties"_qs, QJsonObject {
                             { u"displayName"_qs, u"API %1"_qs.arg(a) }, { u"path"_qs, api },
                             { u"serviceUrl"_qs, u"http://127.0.0.1:9/"_qs } } } }).toJson(QJsonDocument::Compact) });
        for (int o = 0; o < operations; ++o)
            operationPuts.append({ svc + u"/apis/"_qs + api + u"/operations/op-%1"_qs.arg(o, 2, 10, QChar(u'0')),
                                   QJsonDocument(QJsonObject { { u"properties"_qs, QJsonObject {
                                       { u"displayName"_qs, u"Operation %1"_qs.arg(o) }, { u"method"_qs, u"POST"_qs },
                                       { u"urlTemplate"_qs, u"/items/{id}/op%1"_qs.arg(o) },
                                       { u"templateParameters"_qs, QJsonArray { QJsonObject {
                                           { u"name"_qs, u"id"_qs }, { u"type"_qs, u"string"_qs } } } } } } })
                                       .toJson(QJsonDocument::Compact) });
    }
    QElapsedTimer created;
    created.start();
    QCOMPARE(putAll(apiPuts, 6), 0);
    QCOMPARE(putAll(operationPuts, 6), 0);
    const double createSeconds = created.elapsed() / 1000.0;
    std::printf("created %d APIs and %d operations through ARM in %.1f s (%.0f writes/s, each "
                "committed with synchronous=FULL before its 201)\n",
                apis, apis * operations, createSeconds,
                (apis + apis * operations) / createSeconds);

    // Page through everything over HTTP.
    QElapsedTimer paged;
    paged.start();
    int apiCount = 0, operationCount = 0, pages = 0;
    QString next = svc + u"/apis?$top=100"_qs;
    QStringList apiNames;
    while (!next.isEmpty()) {
        const auto page = next.startsWith(u"http"_qs) ? arm.sendUrl("GET", QUrl(next)) : arm.get(next);
        QCOMPARE(page.status, 200);
        ++pages;
        for (const QJsonValue &api : page.json[u"value"_qs].toArray())
            apiNames.append(api[u"name"_qs].toString());
        apiCount += page.json[u"value"_qs].toArray().size();
        next = page.json[u"nextLink"_qs].toString();
    }
    for (const QString &api : std::as_const(apiNames)) {
        QString link = svc + u"/apis/"_qs + api + u"/operations"_qs;
        while (!link.isEmpty()) {
            const auto page = link.startsWith(u"http"_qs) ? arm.sendUrl("GET", QUrl(link)) : arm.get(link);
            QCOMPARE(page.status, 200);
            ++pages;
            operationCount += page.json[u"value"_qs].toArray().size();
            link = page.json[u"nextLink"_qs].toString();
        }
    }
    QCOMPARE(apiCount, apis);
    QCOMPARE(operationCount, apis * operations);
    std::printf("paged through %d APIs and %d operations in %d pages in %.2f s\n", apiCount,
                operationCount, pages, paged.elapsed() / 1000.0);

    // Latency of single pages, HTTP vs a plain SQLite query of the same rows.
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"bench"_qs);
    db.setDatabaseName(QDir(m_local.dataDir()).filePath(u"management.db"_qs));
    db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_qs);
    QVERIFY(db.open());
    struct Case
    {
        const char *label;
        QString path;
        QString parentKey;
        QString kind;
        int top;
        int skip;
    };
    const QString middleApi = apiNames.at(apiNames.size() / 2);
    const QList<Case> cases {
        { "APIs, first page of 100", svc + u"/apis?$top=100"_qs, svc, u"apis"_qs, 100, 0 },
        { "APIs, last page of 100", svc + u"/apis?$top=100&$skip=%1"_qs.arg(qMax(0, apis - 100)), svc,
          u"apis"_qs, 100, qMax(0, apis - 100) },
        { "operations of one API (50)", svc + u"/apis/"_qs + middleApi + u"/operations"_qs,
          svc + u"/apis/"_qs + middleApi, u"operations"_qs, 100, 0 },
    };
    std::printf("%-30s %12s %12s %8s\n", "list page", "HTTP ms", "SQLite ms", "ratio");
    for (const Case &c : cases) {
        QList<double> http, sql;
        int rows = 0;
        for (int round = 0; round < 25; ++round) {
            QElapsedTimer t;
            t.start();
            const auto page = arm.get(c.path);
            http.append(t.nsecsElapsed() / 1e6);
            QCOMPARE(page.status, 200);
            rows = page.json[u"value"_qs].toArray().size();

            t.restart();
            QSqlQuery query(db);
            query.setForwardOnly(true);
            query.prepare(u"SELECT body FROM resources WHERE parent_key = ? AND kind = ? "
                          "ORDER BY name LIMIT ? OFFSET ?"_qs);
            query.addBindValue(c.parentKey.toLower());
            query.addBindValue(c.kind);
            query.addBindValue(c.top);
            query.addBindValue(c.skip);
            QVERIFY(query.exec());
            int sqlRows = 0;
            qsizetype bytes = 0;
            while (query.next()) {
                bytes += query.value(0).toByteArray().size();
                ++sqlRows;
            }
            sql.append(t.nsecsElapsed() / 1e6);
            QCOMPARE(sqlRows, rows);
            QVERIFY(bytes > 0);
        }
        std::printf("%-30s %12.3f %12.3f %7.1fx\n", c.label, median(http), median(sql),
                    median(http) / median(sql));
    }
    std::printf("(medians of 25; HTTP = QNetworkAccessManager GET on loopback including auth, "
                "routing, count, JSON; SQLite = the same rows' SELECT on the same file)\n");
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"bench"_qs);
    QCOMPARE(m_local.stop(), 0);
}

QTEST_GUILESS_MAIN(bench_ManagementList)
#include "bench_managementlist.moc"
