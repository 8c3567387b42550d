// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// Persistence of the management plane: restarts, long-running operations that span a restart,
// and acknowledged writes that must survive SIGKILL with an intact database.

#include "tests/local/management/armtestclient.h"
#include "tests/support/porticolocalfixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace portico;
using test::ArmTestClient;

class tst_ManagementDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void restartKeepsEverything();
    void longRunningCreateFinishesAfterRestart();
    void acknowledgedWritesSurviveSigkill();

private:
    static QString integrityCheck(const QString &databasePath, int *namedValueRows);
};

void tst_ManagementDurability::init()
{
    qputenv("PORTICO_LOCAL_LRO_DELAY_MS", "100");
}

QString tst_ManagementDurability::integrityCheck(const QString &databasePath, int *namedValueRows)
{
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"integrity"_qs);
        db.setDatabaseName(databasePath);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery query(db);
        if (query.exec(u"PRAGMA integrity_check"_qs) && query.next())
            result = query.value(0).toString();
        if (query.exec(u"SELECT COUNT(*) FROM resources WHERE kind = 'namedValues'"_qs) && query.next())
            *namedValueRows = query.value(0).toInt();
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"integrity"_qs);
    return result;
}

void tst_ManagementDurability::restartKeepsEverything()
{
    test::PorticoLocalFixture first;
    QVERIFY2(first.start(), qPrintable(first.errorString()));
    ArmTestClient arm(first.managementUrl(), first.token());
    QString failure;
    QVERIFY2(arm.createService(u"keep"_qs, &failure), qPrintable(failure));
    const QString svc = ArmTestClient::servicePath(u"keep"_qs);
    QCOMPARE(arm.put(svc + u"/apis/a"_qs, QJsonObject { { u"properties"_qs,
        QJsonObject { { u"displayName"_qs, u"A"_qs }, { u"path"_qs, u"a"_qs } } } }).status, 201);
    QCOMPARE(arm.put(svc + u"/apis/a/operations/o"_qs, QJsonObject { { u"properties"_qs,
        QJsonObject { { u"displayName"_qs, u"O"_qs }, { u"method"_qs, u"GET"_qs }, { u"urlTemplate"_qs, u"/o"_qs } } } }).status, 201);
    QCOMPARE(arm.send("PUT", svc + u"/products/starter/apis/a"_qs).status, 201);
    QCOMPARE(arm.put(svc + u"/namedValues/s"_qs, QJsonObject { { u"properties"_qs,
        QJsonObject { { u"displayName"_qs, u"s"_qs }, { u"value"_qs, u"hidden"_qs }, { u"secret"_qs, true } } } }).status, 201);
    const auto keys = arm.post(svc + u"/subscriptions/master/listSecrets"_qs);
    const QByteArray apiEtag = arm.get(svc + u"/apis/a"_qs).header("etag");
    QCOMPARE(first.stop(), 0);

    test::PorticoLocalFixture second;
    QVERIFY2(second.start({}, first.dataDir()), qPrintable(second.errorString()));
    QCOMPARE(second.token(), first.token());
    ArmTestClient again(second.managementUrl(), second.token());
    QCOMPARE(again.get(svc).json[u"properties"_qs][u"provisioningState"_qs].toString(), u"Succeeded"_qs);
    const auto api = again.get(svc + u"/apis/a"_qs);
    QCOMPARE(api.status, 200);
    QCOMPARE(api.header("etag"), apiEtag);
    QCOMPARE(again.get(svc + u"/apis/a/operations/o"_qs).status, 200);
    QCOMPARE(again.send("HEAD", svc + u"/products/starter/apis/a"_qs).status, 204);
    QCOMPARE(again.post(svc + u"/namedValues/s/listValue"_qs).json[u"value"_qs].toString(), u"hidden"_qs);
    QCOMPARE(again.post(svc + u"/subscriptions/master/listSecrets"_qs).json, keys.json);
    // The default resource group is not created twice, and a deleted one stays deleted.
    const auto groups = again.get(u"/subscriptions/%1/resourcegroups"_qs.arg(ArmTestClient::subscriptionId()));
    QCOMPARE(groups.json[u"value"_qs].toArray().size(), 1);
    // The gateway and management URLs follow the new ports for new services.
    QVERIFY(again.createService(u"fresh"_qs));
    QCOMPARE(again.get(ArmTestClient::servicePath(u"fresh"_qs)).json[u"properties"_qs][u"managementApiUrl"_qs].toString(),
             second.managementUrl().toString(QUrl::StripTrailingSlash));
    QCOMPARE(second.stop(), 0);
}

void tst_ManagementDurability::longRunningCreateFinishesAfterRestart()
{
    qputenv("PORTICO_LOCAL_LRO_DELAY_MS", "1500");
    test::PorticoLocalFixture first;
    QVERIFY2(first.start(), qPrintable(first.errorString()));
    ArmTestClient arm(first.managementUrl(), first.token());
    const QString svc = ArmTestClient::servicePath(u"resumed"_qs);
    const auto created = arm.put(svc, QJsonObject { { u"location"_qs, u"local"_qs },
        { u"sku"_qs, QJsonObject { { u"name"_qs, u"Developer"_qs }, { u"capacity"_qs, 1 } } },
        { u"properties"_qs, QJsonObject { { u"publisherEmail"_qs, u"a@b.c"_qs }, { u"publisherName"_qs, u"p"_qs } } } });
    QCOMPARE(created.status, 201);
    const QString operation = QUrl(QString::fromUtf8(created.header("azure-asyncoperation"))).path();
    first.kill();

    test::PorticoLocalFixture second;
    QVERIFY2(second.start({}, first.dataDir()), qPrintable(second.errorString()));
    ArmTestClient again(second.managementUrl(), second.token());
    QString status;
    for (int i = 0; i < 100 && status != u"Succeeded"_qs; ++i) {
        const auto poll = again.send("GET", operation + u"?api-version=2024-05-01&asyncResponse"_qs, {}, {}, false);
        QCOMPARE(poll.status, 200);
        status = poll.json[u"status"_qs].toString();
        QTest::qWait(50);
    }
    QCOMPARE(status, u"Succeeded"_qs);
    QCOMPARE(again.get(svc).json[u"properties"_qs][u"provisioningState"_qs].toString(), u"Succeeded"_qs);
    QCOMPARE(again.get(svc + u"/products"_qs).json[u"count"_qs].toInt(), 2);
}

void tst_ManagementDurability::acknowledgedWritesSurviveSigkill()
{
    test::PorticoLocalFixture first;
    QVERIFY2(first.start(), qPrintable(first.errorString()));
    {
        ArmTestClient arm(first.managementUrl(), first.token());
        QVERIFY(arm.createService(u"durable"_qs));
    }
    const QString svc = ArmTestClient::servicePath(u"durable"_qs);

    // Keep six writes in flight; once 300 are acknowledged, SIGKILL the server mid-stream.
    QNetworkAccessManager nam;
    QSet<QString> acknowledged;
    int sent = 0, inFlight = 0, inFlightAtKill = 0;
    bool killed = false;
    std::function<void()> sendNext = [&] {
        const QString name = u"nv-%1"_qs.arg(sent++, 5, 10, QChar(u'0'));
        QUrl url = first.managementUrl();
        url.setPath(svc + u"/namedValues/"_qs + name);
        url.setQuery(u"api-version=2024-05-01"_qs);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + first.token().toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        const QByteArray body = QJsonDocument(QJsonObject { { u"properties"_qs,
            QJsonObject { { u"displayName"_qs, name }, { u"value"_qs, QString(u"value of "_qs + name) } } } })
                                    .toJson(QJsonDocument::Compact);
        QNetworkReply *reply = nam.put(request, body);
        ++inFlight;
        connect(reply, &QNetworkReply::finished, this, [&, reply, name] {
            --inFlight;
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                acknowledged.insert(name);
            reply->deleteLater();
            if (!killed && acknowledged.size() >= 300) {
                killed = true;
                inFlightAtKill = inFlight;
                first.kill();
                return;
            }
            if (!killed)
                sendNext();
        });
    };
    for (int i = 0; i < 6; ++i)
        sendNext();
    QTRY_VERIFY_WITH_TIMEOUT(killed && inFlight == 0, 60000);
    QVERIFY(acknowledged.size() >= 300);
    // Replies already on their way when the process died still count as acknowledged.
    QVERIFY2(inFlightAtKill > 0, "the kill must land while writes are in flight");

    int rows = 0;
    const QString database = QDir(first.dataDir()).filePath(u"management.db"_qs);
    QCOMPARE(integrityCheck(database, &rows), u"ok"_qs);
    QVERIFY2(rows >= acknowledged.size(), qPrintable(u"%1 rows, %2 acknowledged"_qs.arg(rows).arg(acknowledged.size())));

    test::PorticoLocalFixture second;
    QVERIFY2(second.start({}, first.dataDir()), qPrintable(second.errorString()));
    ArmTestClient arm(second.managementUrl(), second.token());
    QSet<QString> present;
    auto page = arm.get(svc + u"/namedValues?$top=1000"_qs);
    QCOMPARE(page.status, 200);
    for (const QJsonValue &nv : page.json[u"value"_qs].toArray()) {
        present.insert(nv[u"name"_qs].toString());
        QCOMPARE(nv[u"properties"_qs][u"value"_qs].toString(), u"value of "_qs + nv[u"name"_qs].toString());
    }
    const QSet<QString> lost = acknowledged - present;
    QVERIFY2(lost.isEmpty(), qPrintable(QStringList(lost.values()).join(u',')));
    QCOMPARE(second.stop(), 0);
    QCOMPARE(integrityCheck(database, &rows), u"ok"_qs);
}

QTEST_GUILESS_MAIN(tst_ManagementDurability)
#include "tst_managementdurability.moc"
