// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// End to end: the real portico-local, configured only through its ARM management API, in front
// of a real backend. Keys, the seeded Starter policy, policies saved through ARM, quota
// counters across a restart and an upgrade, the pinned HTTPS certificate, the ARM reports
// endpoints, a usage log without keys (also sent under near-miss names), a policy that a named value breaks after it was
// stored, and a service whose create failed, which has no gateway.

#include "tests/local/gateway/rawhttp.h"
#include "tests/local/gateway/testbackend.h"
#include "tests/local/management/armtestclient.h"
#include "tests/support/porticolocalfixture.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace portico::test;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
const QString kService = u"gwdemo"_qs;

QJsonObject props(const QJsonObject &properties)
{
    return QJsonObject { { u"properties"_qs, properties } };
}

} // namespace

class TestGatewayLocal : public QObject
{
    Q_OBJECT

private:
    PorticoLocalFixture m_local;
    TestBackend m_backend;
    std::unique_ptr<ArmTestClient> m_arm;
    QString m_starterKey;
    QString m_apiKey;
    qint64 m_startMs = 0;
    qint64 m_lastStoredId = 0; // the last row storedUrls() read

    QString svc(const QString &rest = {}) const { return ArmTestClient::servicePath(kService) + rest; }
    quint16 gatewayPort() const { return quint16(m_local.gatewayUrl().port()); }

    HttpReply call(const QByteArray &target, const Headers &headers = {})
    {
        // The service's own gateway is {gateway}/{service}, as its gatewayUrl says.
        RawHttpConnection connection(gatewayPort());
        return connection.request("GET", "/" + kService.toUtf8() + target, headers);
    }

    QString keyOf(const QString &subscription)
    {
        return m_arm->post(svc(u"/subscriptions/"_qs + subscription + u"/listSecrets"_qs)).json.value(u"primaryKey"_qs).toString();
    }

    // The highest id in the usage log as stored (after a report flushed it), 0 when empty.
    qint64 lastStoredId()
    {
        storedUrls(0);
        return m_lastStoredId;
    }

    // The URLs the usage log stored in rows after `afterId`, as bytes straight from
    // gateway.sqlite (a report flushes the log first): not through reports/byRequest, which
    // masks known keys again as it reads.
    QList<QByteArray> storedUrls(qint64 afterId)
    {
        const auto r = m_arm->get(svc(u"/reports/byApi?$filter="_qs
                                      + QString::fromUtf8(QUrl::toPercentEncoding(u"timestamp ge datetime'2020-01-01T00:00:00Z'"_qs))));
        QList<QByteArray> urls;
        m_lastStoredId = afterId;
        if (r.status != 200)
            return urls;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"usage-stored"_qs);
            db.setDatabaseName(QDir(m_local.dataDir()).filePath(u"gateway.sqlite"_qs));
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_qs);
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(u"SELECT id, CAST(url AS BLOB) FROM usage_log WHERE id > ? ORDER BY id"_qs);
                q.addBindValue(afterId);
                if (q.exec()) {
                    while (q.next()) {
                        m_lastStoredId = q.value(0).toLongLong();
                        urls.append(q.value(1).toByteArray());
                    }
                }
            }
        }
        QSqlDatabase::removeDatabase(u"usage-stored"_qs);
        return urls;
    }

    // gateway.sqlite and its WAL, byte for byte.
    QByteArray storedFiles() const
    {
        QByteArray stored;
        for (const QString &name : { u"gateway.sqlite"_qs, u"gateway.sqlite-wal"_qs }) {
            QFile file(QDir(m_local.dataDir()).filePath(name));
            if (file.open(QIODevice::ReadOnly))
                stored += file.readAll();
        }
        return stored;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_startMs = QDateTime::currentMSecsSinceEpoch() - 2000;
        QVERIFY2(m_local.start(), qPrintable(m_local.errorString()));
        m_arm = std::make_unique<ArmTestClient>(m_local.managementUrl(), m_local.token());
        QString failure;
        QVERIFY2(m_arm->createService(kService, &failure), qPrintable(failure));
        auto r = m_arm->put(svc(u"/apis/echo-api"_qs), props({
            { u"displayName"_qs, u"Echo API"_qs }, { u"path"_qs, u"echo"_qs },
            { u"serviceUrl"_qs, m_backend.url(u"/base"_qs).toString() },
            { u"protocols"_qs, QJsonArray { u"http"_qs, u"https"_qs } } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        r = m_arm->put(svc(u"/apis/echo-api/operations/get-item"_qs), props({
            { u"displayName"_qs, u"Get item"_qs }, { u"method"_qs, u"GET"_qs }, { u"urlTemplate"_qs, u"/items/{id}"_qs },
            { u"templateParameters"_qs, QJsonArray { QJsonObject { { u"name"_qs, u"id"_qs }, { u"type"_qs, u"string"_qs }, { u"required"_qs, true } } } } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        r = m_arm->put(svc(u"/products/starter/apis/echo-api"_qs), {});
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        r = m_arm->put(svc(u"/subscriptions/starter-sub"_qs), props({
            { u"scope"_qs, u"/products/starter"_qs }, { u"displayName"_qs, u"Starter sub"_qs }, { u"state"_qs, u"active"_qs } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        r = m_arm->put(svc(u"/subscriptions/api-sub"_qs), props({
            { u"scope"_qs, u"/apis/echo-api"_qs }, { u"displayName"_qs, u"API sub"_qs }, { u"state"_qs, u"active"_qs } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        m_starterKey = keyOf(u"starter-sub"_qs);
        m_apiKey = keyOf(u"api-sub"_qs);
        QVERIFY(!m_starterKey.isEmpty() && !m_apiKey.isEmpty());
    }

    void keysAreEnforcedAsConfiguredThroughArm()
    {
        HttpReply reply = call("/echo/items/1");
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.body, QByteArray("{\"statusCode\": 401, \"message\": \"Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.\"}"));
        reply = call("/echo/items/1", { { "Ocp-Apim-Subscription-Key", "not-a-key" } });
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.body, QByteArray("{\"statusCode\": 401, \"message\": \"Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.\"}"));
        reply = call("/echo/items/7?x=1", { { "Ocp-Apim-Subscription-Key", m_apiKey.toUtf8() } });
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"path"_qs).toString(), u"/base/items/7"_qs);
        QCOMPARE(call("/echo/nothing", { { "Ocp-Apim-Subscription-Key", m_apiKey.toUtf8() } }).body,
                 QByteArray("{\"statusCode\": 404, \"message\": \"Resource not found\"}"));
        // Suspending the subscription through ARM takes effect on the next call.
        auto r = m_arm->patch(svc(u"/subscriptions/api-sub"_qs), props({ { u"state"_qs, u"suspended"_qs } }));
        QCOMPARE(r.status, 200);
        QCOMPARE(call("/echo/items/7", { { "Ocp-Apim-Subscription-Key", m_apiKey.toUtf8() } }).status, 401);
        r = m_arm->patch(svc(u"/subscriptions/api-sub"_qs), props({ { u"state"_qs, u"active"_qs } }));
        QCOMPARE(call("/echo/items/7", { { "Ocp-Apim-Subscription-Key", m_apiKey.toUtf8() } }).status, 200);
    }

    void seededStarterPolicyLimitsFiveCallsPerMinute()
    {
        int ok = 0, limited = 0;
        QByteArray retryAfter;
        for (int i = 0; i < 7; ++i) {
            const HttpReply reply = call("/echo/items/1", { { "Ocp-Apim-Subscription-Key", m_starterKey.toUtf8() } });
            if (reply.status == 200) {
                ++ok;
            } else {
                QCOMPARE(reply.status, 429);
                ++limited;
                retryAfter = reply.header("Retry-After");
                QVERIFY(reply.body.startsWith("{\"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in "));
            }
        }
        QCOMPARE(ok, 5);
        QCOMPARE(limited, 2);
        QVERIFY(retryAfter.toInt() > 0 && retryAfter.toInt() <= 60);
    }

    void policySavedThroughArmAppliesAndQuotaSurvivesRestart()
    {
        auto r = m_arm->put(svc(u"/apis/echo-api/policies/policy"_qs), props({
            { u"format"_qs, u"rawxml"_qs },
            // Azure takes <quota> only in a product's policy; in an API's, quota-by-key.
            { u"value"_qs, u"<policies><inbound><base /><quota-by-key calls=\"3\" renewal-period=\"3600\" "
                           "counter-key=\"@(context.Subscription.Id)\" />"
                           "<set-header name=\"X-Via\" exists-action=\"override\"><value>portico</value></set-header></inbound>"
                           "<backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>"_qs } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        const Headers key { { "Ocp-Apim-Subscription-Key", m_apiKey.toUtf8() } };
        for (int i = 0; i < 3; ++i) {
            const HttpReply reply = call("/echo/items/2", key);
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json().value(u"headers"_qs).toObject().value(u"x-via"_qs).toString(), u"portico"_qs);
        }
        HttpReply blocked = call("/echo/items/2", key);
        QCOMPARE(blocked.status, 403);
        QVERIFY(blocked.body.startsWith("{\"statusCode\": 403, \"message\": \"Out of call volume quota. Quota will be replenished in "));
        QVERIFY(blocked.header("Retry-After").toInt() > 0);

        const QString dataDir = m_local.dataDir();
        QCOMPARE(m_local.stop(), 0);
        QVERIFY2(m_local.start({}, dataDir), qPrintable(m_local.errorString()));
        m_arm = std::make_unique<ArmTestClient>(m_local.managementUrl(), m_local.token());
        QCOMPARE(call("/echo/items/2", key).status, 403);
        // Lifting the policy through ARM lifts the quota.
        r = m_arm->remove(svc(u"/apis/echo-api/policies/policy"_qs));
        QVERIFY(r.status == 200 || r.status == 204);
        QCOMPARE(call("/echo/items/2", key).status, 200);
    }

    void httpsCertificateMatchesThePinnedFingerprint()
    {
        RawHttpConnection tls(quint16(m_local.gatewayHttpsUrl().port()), true);
        QVERIFY(tls.isConnected());
        const QByteArray pin = QCryptographicHash::hash(tls.socket().peerCertificate().toDer(), QCryptographicHash::Sha256).toHex();
        QCOMPARE(QString::fromLatin1(pin), m_local.readyLine().value(u"gatewayCertificateSha256"_qs).toString());
        QCOMPARE(tls.request("GET", "/" + kService.toUtf8() + "/echo/items/3", { { "Ocp-Apim-Subscription-Key", m_apiKey.toUtf8() } }).status, 200);
    }

    void reportsThroughArmMatchTheTraffic()
    {
        const auto fmt = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); };
        const QString filter = u"timestamp ge datetime'%1' and timestamp le datetime'%2'"_qs
                                   .arg(fmt(m_startMs), fmt(QDateTime::currentMSecsSinceEpoch() + 2000));
        const QString query = u"$filter="_qs + QString::fromUtf8(QUrl::toPercentEncoding(filter));
        auto r = m_arm->get(svc(u"/reports/byApi?"_qs + query));
        QCOMPARE(r.status, 200);
        const QJsonArray apis = r.json.value(u"value"_qs).toArray();
        QCOMPARE(apis.size(), 1);
        const QJsonObject echo = apis.first().toObject();
        QCOMPARE(echo.value(u"apiId"_qs).toString(), u"/apis/echo-api"_qs);
        QCOMPARE(echo.value(u"name"_qs).toString(), u"Echo API"_qs);
        // keys: 401, 401, 200, 404, 401(suspended), 200; starter: 5×200, 2×429;
        // quota: 3×200, 403, 403 (after restart), 200; https: 200.
        QCOMPARE(echo.value(u"callCountTotal"_qs).toInt(), 20);
        QCOMPARE(echo.value(u"callCountSuccess"_qs).toInt(), 12);
        QCOMPARE(echo.value(u"callCountBlocked"_qs).toInt(), 7);
        QCOMPARE(echo.value(u"callCountOther"_qs).toInt(), 1);

        r = m_arm->get(svc(u"/reports/bySubscription?"_qs + query));
        QCOMPARE(r.status, 200);
        int starter = 0;
        for (const QJsonValue &v : r.json.value(u"value"_qs).toArray()) {
            if (v.toObject().value(u"subscriptionId"_qs).toString() == u"/subscriptions/starter-sub")
                starter = v.toObject().value(u"callCountTotal"_qs).toInt();
        }
        QCOMPARE(starter, 7);
        r = m_arm->get(svc(u"/reports/byTime?interval=PT15M&"_qs + query));
        QCOMPARE(r.status, 200);
        int total = 0;
        for (const QJsonValue &v : r.json.value(u"value"_qs).toArray())
            total += v.toObject().value(u"callCountTotal"_qs).toInt();
        QCOMPARE(total, 20);
        r = m_arm->get(svc(u"/reports/byRequest?"_qs + query));
        QCOMPARE(r.json.value(u"count"_qs).toInt(), 20);
        r = m_arm->get(svc(u"/reports/byApi"_qs));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"ValidationError"_qs);
    }

    // The tests below run after the traffic counts above.

    void queryReachesTheBackendAsTheClientSentIt()
    {
        // Everything but the key, in order and byte for byte: `+` stays a plus, `:` and `,`
        // stay unescaped, lower-case escapes stay lower-case, a bare flag stays bare.
        const HttpReply reply = call("/echo/items/a+b%3a?ts=2024-01-01T10:00:00+01:00&subscription-key="
                                     + m_apiKey.toUtf8() + "&f=a,b&e=%2b%2fx&flag&z=");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"path"_qs).toString(), u"/base/items/a+b%3a"_qs);
        QCOMPARE(reply.json().value(u"query"_qs).toString(), u"ts=2024-01-01T10:00:00+01:00&f=a,b&e=%2b%2fx&flag&z="_qs);
    }

    void queryItemsSetByPolicyAreEncodedAndTheOthersKeptAsSent()
    {
        auto r = m_arm->put(svc(u"/apis/echo-api/policies/policy"_qs), props({
            { u"format"_qs, u"rawxml"_qs },
            { u"value"_qs, u"<policies><inbound><base />"
                           "<set-query-parameter name=\"f\" exists-action=\"override\"><value>c d,e</value></set-query-parameter>"
                           "<set-query-parameter name=\"added\" exists-action=\"append\"><value>x&amp;y+z</value></set-query-parameter>"
                           "</inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>"_qs } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        const HttpReply reply = call("/echo/items/1?ts=2024-01-01T10:00:00+01:00&f=a,b&subscription-key="
                                     + m_apiKey.toUtf8() + "&e=%2b");
        r = m_arm->remove(svc(u"/apis/echo-api/policies/policy"_qs));
        QVERIFY(r.status == 200 || r.status == 204);
        QCOMPARE(reply.status, 200);
        // The overridden item keeps its place; the added one goes last.
        QCOMPARE(reply.json().value(u"query"_qs).toString(),
                 u"ts=2024-01-01T10:00:00+01:00&f=c%20d%2Ce&e=%2b&added=x%26y%2Bz"_qs);
    }

    void rewriteUriKeepsParametersAsTheClientEncodedThem()
    {
        auto r = m_arm->put(svc(u"/apis/echo-api/operations/get-file"_qs), props({
            { u"displayName"_qs, u"Get file"_qs }, { u"method"_qs, u"GET"_qs }, { u"urlTemplate"_qs, u"/files/{name}?ver={ver}"_qs },
            { u"templateParameters"_qs, QJsonArray {
                QJsonObject { { u"name"_qs, u"name"_qs }, { u"type"_qs, u"string"_qs }, { u"required"_qs, true } },
                QJsonObject { { u"name"_qs, u"ver"_qs }, { u"type"_qs, u"string"_qs }, { u"required"_qs, true } } } } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        r = m_arm->put(svc(u"/apis/echo-api/operations/get-file/policies/policy"_qs), props({
            { u"format"_qs, u"rawxml"_qs },
            { u"value"_qs, u"<policies><inbound><base /><rewrite-uri template=\"/store/{name}/{ver}?v=1&amp;n={name}\" /></inbound>"
                           "<backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>"_qs } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        const HttpReply reply = call("/echo/files/a+b%3a;c?ver=1.0+beta&ts=2024-01-01T10:00:00+01:00&subscription-key="
                                     + m_apiKey.toUtf8() + "&f=a,b");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"path"_qs).toString(), u"/base/store/a+b%3a;c/1.0+beta"_qs);
        // In the query a plus from the path must not turn into a space; unmatched items follow.
        QCOMPARE(reply.json().value(u"query"_qs).toString(),
                 u"v=1&n=a%2Bb%3a;c&ts=2024-01-01T10:00:00+01:00&f=a,b"_qs);
    }

    void usageLogAndReportsKeepNoSubscriptionKey()
    {
        const qint64 since = QDateTime::currentMSecsSinceEpoch() - 1000;
        const QByteArray key = m_apiKey.toUtf8();
        QCOMPARE(call("/echo/items/log1?subscription-key=" + key).status, 200);
        QCOMPARE(call("/echo/items/log2?a=1&subscription-key=" + key + "&b=x+y").status, 200);
        QCOMPARE(call("/echo/items/log3?subscription-key=aaaabbbbccccdddd0000&c=3").status, 401);
        QCOMPARE(call("/echo/nolog?subscription-key=" + key).status, 404);
        QCOMPARE(call("/unknown-api/log?subscription-key=" + key + "&d=4").status, 404);

        const auto fmt = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); };
        const QString filter = u"timestamp ge datetime'%1' and timestamp le datetime'%2'"_qs
                                   .arg(fmt(since), fmt(QDateTime::currentMSecsSinceEpoch() + 2000));
        const auto r = m_arm->get(svc(u"/reports/byRequest?$filter="_qs + QString::fromUtf8(QUrl::toPercentEncoding(filter))));
        QCOMPARE(r.status, 200);
        QStringList urls;
        for (const QJsonValue &v : r.json.value(u"value"_qs).toArray()) {
            const QString url = v.toObject().value(u"url"_qs).toString();
            QVERIFY2(!url.contains(u"subscription-key"_qs), qPrintable(url));
            if (url.contains(u"log"_qs))
                urls.append(url);
        }
        urls.sort();
        // The request outside any API is logged without a service, so it is not in the report.
        // URLs as requested, below the service's own segment.
        QCOMPARE(urls, (QStringList { u"/gwdemo/echo/items/log1"_qs, u"/gwdemo/echo/items/log2?a=1&b=x+y"_qs,
                                      u"/gwdemo/echo/items/log3?c=3"_qs, u"/gwdemo/echo/nolog"_qs }));

        // Nor is the key anywhere in the gateway's store (the report above flushed it).
        QByteArray stored;
        for (const QString &name : { u"gateway.sqlite"_qs, u"gateway.sqlite-wal"_qs }) {
            QFile file(QDir(m_local.dataDir()).filePath(name));
            if (file.open(QIODevice::ReadOnly))
                stored += file.readAll();
        }
        // A request outside any API keeps only its path (see the test below).
        QVERIFY(stored.contains("/unknown-api/log"));
        QVERIFY(!stored.contains("/unknown-api/log?"));
        QVERIFY(!stored.contains(key));
        QVERIFY(!stored.contains("aaaabbbbccccdddd0000"));
        QVERIFY(!stored.contains("subscription-key="));
    }

    // An API may rename its key query parameter. A key sent under that name must not reach the
    // usage log: not on a path that matches no API (or no service), not when sent to another
    // API of the service, where it is just another query parameter for the backend.
    void keyUnderARenamedQueryParameterNeverReachesTheUsageLog()
    {
        auto r = m_arm->put(svc(u"/apis/renamed-api"_qs), props({
            { u"displayName"_qs, u"Renamed key API"_qs }, { u"path"_qs, u"renamed"_qs },
            { u"serviceUrl"_qs, m_backend.url(u"/renamed-base"_qs).toString() },
            { u"protocols"_qs, QJsonArray { u"http"_qs, u"https"_qs } },
            { u"subscriptionKeyParameterNames"_qs,
              QJsonObject { { u"header"_qs, u"X-Renamed-Key"_qs }, { u"query"_qs, u"apikey"_qs } } } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        r = m_arm->put(svc(u"/apis/renamed-api/operations/get-item"_qs), props({
            { u"displayName"_qs, u"Get item"_qs }, { u"method"_qs, u"GET"_qs }, { u"urlTemplate"_qs, u"/items/{id}"_qs },
            { u"templateParameters"_qs, QJsonArray { QJsonObject { { u"name"_qs, u"id"_qs }, { u"type"_qs, u"string"_qs }, { u"required"_qs, true } } } } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        r = m_arm->put(svc(u"/subscriptions/renamed-sub"_qs), props({
            { u"scope"_qs, u"/apis/renamed-api"_qs }, { u"displayName"_qs, u"Renamed sub"_qs }, { u"state"_qs, u"active"_qs } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        const QByteArray key = keyOf(u"renamed-sub"_qs).toUtf8();
        QVERIFY(!key.isEmpty());

        // The renamed parameter is the API's key: the call goes through, without it.
        HttpReply reply = call("/renamed/items/rk1?apikey=" + key + "&x=1");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"query"_qs).toString(), u"x=1"_qs);
        QCOMPARE(call("/renamed/rk2?apikey=" + key).status, 404);
        QCOMPARE(call("/no-such-api/rk3?apikey=" + key + "&y=2").status, 404);
        QCOMPARE(call("/no-such-api/rk4?APIKEY=" + key).status, 404);
        // Sent to another API, the parameter is not a key there: the backend gets it, the log
        // does not.
        reply = call("/echo/items/rk5?apikey=" + key + "&z=3", { { "Ocp-Apim-Subscription-Key", m_apiKey.toUtf8() } });
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"query"_qs).toString(), u"apikey="_qs + QString::fromUtf8(key) + u"&z=3"_qs);
        {
            RawHttpConnection connection(gatewayPort());
            QCOMPARE(connection.request("GET", "/no-such-service/rk6?apikey=" + key).status, 404);
        }

        // The report flushes the log; then read what it stored.
        QCOMPARE(m_arm->get(svc(u"/reports/byApi?$filter="_qs
                                + QString::fromUtf8(QUrl::toPercentEncoding(u"timestamp ge datetime'2020-01-01T00:00:00Z'"_qs))))
                     .status,
                 200);
        QStringList urls;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"usage-read"_qs);
            db.setDatabaseName(QDir(m_local.dataDir()).filePath(u"gateway.sqlite"_qs));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT url FROM usage_log WHERE url LIKE '%/rk_%' ORDER BY id"_qs));
            while (q.next())
                urls.append(q.value(0).toString());
        }
        QSqlDatabase::removeDatabase(u"usage-read"_qs);
        QCOMPARE(urls, (QStringList { u"/gwdemo/renamed/items/rk1?x=1"_qs, u"/gwdemo/renamed/rk2"_qs,
                                      u"/gwdemo/no-such-api/rk3"_qs, u"/gwdemo/no-such-api/rk4"_qs,
                                      u"/gwdemo/echo/items/rk5?z=3"_qs, u"/no-such-service/rk6"_qs }));
        QByteArray stored;
        for (const QString &name : { u"gateway.sqlite"_qs, u"gateway.sqlite-wal"_qs }) {
            QFile file(QDir(m_local.dataDir()).filePath(name));
            if (file.open(QIODevice::ReadOnly))
                stored += file.readAll();
        }
        QVERIFY(!stored.contains(key));
    }

    // A valid key sent under a name that is nearly the key parameter's (encoded, after a ';',
    // with a "[]" suffix) is not taken for a key (401), but it is still a valid key: the usage
    // log keeps none of it. Nor does it keep a known key anywhere else in the URL.
    void keyUnderANearMissNameNeverReachesTheUsageLog_data()
    {
        QTest::addColumn<QByteArray>("target"); // below the service; KEY stands for the key
        QTest::addColumn<QString>("logged");    // the URL as logged, below the service
        QTest::newRow("encoded '=' in the name") << QByteArray("/echo/items/nm1?subscription-key%3D=KEY&a=1")
                                                 << u"/echo/items/nm1?a=1"_qs;
        QTest::newRow("after a ';'") << QByteArray("/echo/items/nm2?x=1;subscription-key=KEY") << u"/echo/items/nm2?x=1"_qs;
        QTest::newRow("'[]' suffix") << QByteArray("/echo/items/nm3?subscription-key[]=KEY") << u"/echo/items/nm3"_qs;
        QTest::newRow("encoded '[]' suffix") << QByteArray("/echo/items/nm4?b=2&subscription-key%5B%5D=KEY")
                                             << u"/echo/items/nm4?b=2"_qs;
        QTest::newRow("encoded name") << QByteArray("/echo/items/nm5?Subscription%2DKey%20=KEY") << u"/echo/items/nm5"_qs;
        QTest::newRow("another name") << QByteArray("/echo/items/nm6?token-of-mine=KEY&c=3")
                                      << u"/echo/items/nm6?token-of-mine=••••••••&c=3"_qs;
        QTest::newRow("in the path") << QByteArray("/echo/items/KEY?d=4") << u"/echo/items/••••••••?d=4"_qs;
        QTest::newRow("percent-encoded key") << QByteArray("/echo/items/nm8?e=ENCODEDKEY") << u"/echo/items/nm8?e=••••••••"_qs;
        // The short keys of short-sub, "ite" and "tems", are masked where they are a whole
        // part of the URL, not inside "items".
        QTest::newRow("short keys beside a segment holding them")
            << QByteArray("/echo/items/nm9?q=ite&r=tems") << u"/echo/items/nm9?q=••••••••&r=••••••••"_qs;
        QTest::newRow("encoded delimiters beside the key") << QByteArray("/echo/items/nm10?q=a%26b&e=KEY&f=%2B%2fc")
                                                           << u"/echo/items/nm10?q=a%26b&e=••••••••&f=%2B%2fc"_qs;
        QTest::newRow("key after an encoded '='") << QByteArray("/echo/items/nm11?e%3DKEY%26g=%C3%A9%FF")
                                                  << u"/echo/items/nm11?e%3D••••••••%26g=%C3%A9%FF"_qs;
        QTest::newRow("upper-cased key") << QByteArray("/echo/items/nm12?e=UPPERKEY") << u"/echo/items/nm12?e=••••••••"_qs;
        QTest::newRow("double-encoded key") << QByteArray("/echo/items/nm13?e=DOUBLEKEY") << u"/echo/items/nm13?e=••••••••"_qs;
        // A long key inside a part of the URL masks that whole part (an encoded space ends a
        // part, like '+'); a short key only where letters and digits do not go on around it.
        QTest::newRow("quoted key") << QByteArray("/echo/items/nm14?q=%22KEY%22&h=5") << u"/echo/items/nm14?q=••••••••&h=5"_qs;
        QTest::newRow("key after 'Bearer '") << QByteArray("/echo/items/nm15?auth=Bearer%20KEY") << u"/echo/items/nm15?auth=Bearer%20••••••••"_qs;
        QTest::newRow("key as a file name") << QByteArray("/echo/items/KEY.json?i=6") << u"/echo/items/••••••••?i=6"_qs;
        QTest::newRow("key after 'user:'") << QByteArray("/echo/items/nm17?x=user:KEY") << u"/echo/items/nm17?x=••••••••"_qs;
        QTest::newRow("encoded key inside a part") << QByteArray("/echo/items/nm18?x=id-ENCODEDKEY-2") << u"/echo/items/nm18?x=••••••••"_qs;
    }

    void keyUnderANearMissNameNeverReachesTheUsageLog()
    {
        QFETCH(QByteArray, target);
        QFETCH(QString, logged);
        const QByteArray key = m_apiKey.toUtf8();
        QVERIFY(key.size() > 4);
        QByteArray encoded; // every character percent-encoded
        QByteArray doubleEncoded; // and that encoded again
        for (const char c : key) {
            encoded += '%' + QByteArray::number(uchar(c), 16).toUpper();
            doubleEncoded += "%25" + QByteArray::number(uchar(c), 16).toUpper();
        }
        QVERIFY(key != key.toUpper());
        target.replace("ENCODEDKEY", encoded).replace("DOUBLEKEY", doubleEncoded).replace("UPPERKEY", key.toUpper()).replace("KEY", key);
        auto r = m_arm->put(svc(u"/subscriptions/short-sub"_qs), props({
            { u"scope"_qs, u"/apis/echo-api"_qs }, { u"displayName"_qs, u"Short keys"_qs }, { u"state"_qs, u"active"_qs },
            { u"primaryKey"_qs, u"ite"_qs }, { u"secondaryKey"_qs, u"tems"_qs } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        QCOMPARE(m_arm->post(svc(u"/subscriptions/short-sub/listSecrets"_qs)).json.value(u"secondaryKey"_qs).toString(), u"tems"_qs);
        const qint64 before = lastStoredId();
        QCOMPARE(call(target).status, 401);

        // What the log stored: this call's row, and no form of the key anywhere in the file.
        QCOMPARE(storedUrls(before), QList<QByteArray> { '/' + kService.toUtf8() + logged.toUtf8() });
        const QByteArray stored = storedFiles();
        QVERIFY(stored.contains("/echo/items/"));
        QVERIFY(!stored.contains(key));
        QVERIFY(!stored.contains(encoded));
        QVERIFY(!stored.contains(doubleEncoded));
        QVERIFY(!stored.contains(key.toUpper()));
    }

    // A publisher may choose a subscription key that holds the characters a URL is split at
    // (APIM takes any 1-256 characters). A client that calls with it, also writing it into the
    // URL elsewhere (encoded or not), finds it nowhere in the usage log; the rest of the URL is
    // logged byte for byte as sent.
    void customKeyHoldingDelimitersNeverReachesTheUsageLog_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("inHeader"); // else only in the target, as the key parameter
        QTest::addColumn<QByteArray>("target"); // below the service
        QTest::addColumn<QByteArray>("logged"); // below the service; MASK stands for the mask

        QTest::newRow("'/' in the key, encoded in a path segment") << u"ab/cd"_qs << true
            << QByteArray("/echo/items/ab%2Fcd?e=dl1&f=%C3%A9%FF") << QByteArray("/echo/items/MASK?e=dl1&f=%C3%A9%FF");
        // "ab/cde" stays: a short key is masked only where no letter or digit goes on after it
        // (as "ite" in "items"); the file check below skips the key's bytes for this row.
        QTest::newRow("'/' in the key, in a query value") << u"ab/cd"_qs << true
            << QByteArray("/echo/items/dl2?x=ab/cd&y=ab/cde") << QByteArray("/echo/items/dl2?x=MASK&y=ab/cde");
        QTest::newRow("'&' and '=' in the key, encoded") << u"k&y=1"_qs << true
            << QByteArray("/echo/items/dl3?token=k%26y%3D1&z=%2B") << QByteArray("/echo/items/dl3?token=MASK&z=%2B");
        QTest::newRow("';' in the key, sent as the key parameter") << u"k;y"_qs << false
            << QByteArray("/echo/items/dl4?subscription-key=k;y&a=1") << QByteArray("/echo/items/dl4?a=1");
        QTest::newRow("'+' in the key") << u"a+b"_qs << true
            << QByteArray("/echo/items/dl5?k=a%2Bb&m=a+bc") << QByteArray("/echo/items/dl5?k=MASK&m=a+bc");
        QTest::newRow("space in the key") << u"a b"_qs << true
            << QByteArray("/echo/items/dl6?k=a+b&m=a%20bc") << QByteArray("/echo/items/dl6?k=MASK&m=a%20bc");
        QTest::newRow("'%' in the key") << u"x%2Fy"_qs << true
            << QByteArray("/echo/items/dl7?k=x%2Fy&m=x%252Fy&n=x/y") << QByteArray("/echo/items/dl7?k=MASK&m=MASK&n=x/y");
        // The mask replaces "ab&", but the '&' still ends the item before the key parameter,
        // whose value (not a key) goes with it.
        QTest::newRow("key ending in '&' before the key parameter") << u"ab&"_qs << true
            << QByteArray("/echo/items/dl9?q=ab&subscription-key=NOTKNOWN123") << QByteArray("/echo/items/dl9?q=MASK");
        QTest::newRow("long key across parts") << u"abcdefgh/ijkl"_qs << true
            << QByteArray("/echo/items/dl8?p=abcdefgh/ijkl&q=2") << QByteArray("/echo/items/dl8?p=MASK&q=2");
    }

    void customKeyHoldingDelimitersNeverReachesTheUsageLog()
    {
        QFETCH(QString, key);
        QFETCH(bool, inHeader);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, logged);
        logged.replace("MASK", u"••••••••"_qs.toUtf8());
        auto r = m_arm->put(svc(u"/subscriptions/custom-sub"_qs), props({
            { u"scope"_qs, u"/apis/echo-api"_qs }, { u"displayName"_qs, u"Custom key"_qs }, { u"state"_qs, u"active"_qs },
            { u"primaryKey"_qs, key }, { u"secondaryKey"_qs, u"custom-secondary-0001"_qs } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        QCOMPARE(m_arm->post(svc(u"/subscriptions/custom-sub/listSecrets"_qs)).json.value(u"primaryKey"_qs).toString(), key);
        const qint64 before = lastStoredId();
        Headers headers;
        if (inHeader)
            headers.append({ "Ocp-Apim-Subscription-Key", key.toUtf8() });
        // The key lets the call through: it is the one the log must not keep.
        QCOMPARE(call(target, headers).status, 200);

        // What the log stored, byte for byte: this call's row, and no form of the key anywhere
        // in the file (but where the row keeps, by design, a longer word that holds it).
        QCOMPARE(storedUrls(before), QList<QByteArray> { '/' + kService.toUtf8() + logged });
        const QByteArray raw = key.toUtf8();
        const QByteArray encoded = QUrl::toPercentEncoding(key);
        const QByteArray stored = storedFiles();
        for (const QByteArray &form : { raw, encoded, QUrl::toPercentEncoding(QString::fromLatin1(encoded)) }) {
            if (!logged.contains(form))
                QVERIFY2(!stored.contains(form), form.constData());
        }
    }

    // A row that still holds a key (written by a version that did not know it for one, and not
    // scrubbed since: the log is at the latest version) shows the mask in the console's request
    // log, which reads reports/byRequest: the management API masks the gateway's current keys.
    void requestReportShowsTheMaskForAKeyAStoredRowHolds()
    {
        const QByteArray key = m_apiKey.toUtf8();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString dataDir = m_local.dataDir();
        QCOMPARE(m_local.stop(), 0);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"usage-insert"_qs);
            db.setDatabaseName(QDir(dataDir).filePath(u"gateway.sqlite"_qs));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT MAX(version) FROM schema_version"_qs) && q.next());
            QCOMPARE(q.value(0).toInt(), 5);
            QVERIFY(q.prepare(u"INSERT INTO usage_log (ts, service, api_id, method, url, status) "
                              "VALUES (?, ?, 'echo-api', 'GET', CAST(? AS TEXT), 200)"_qs));
            q.addBindValue(now);
            q.addBindValue(kService);
            q.addBindValue(QByteArray('/' + kService.toUtf8() + "/echo/items/wired?k=" + key + "&w=1"));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(u"usage-insert"_qs);
        QVERIFY2(m_local.start({}, dataDir), qPrintable(m_local.errorString()));
        m_arm = std::make_unique<ArmTestClient>(m_local.managementUrl(), m_local.token());

        const auto fmt = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); };
        const QString filter = u"timestamp ge datetime'%1' and timestamp le datetime'%2'"_qs
                                   .arg(fmt(now - 1000), fmt(now + 2000));
        const auto r = m_arm->get(svc(u"/reports/byRequest?$filter="_qs + QString::fromUtf8(QUrl::toPercentEncoding(filter))));
        QCOMPARE(r.status, 200);
        QVERIFY2(!r.body.contains(key), r.body.constData());
        QStringList urls;
        for (const QJsonValue &v : r.json.value(u"value"_qs).toArray()) {
            const QString url = v.toObject().value(u"url"_qs).toString();
            if (url.contains(u"wired"_qs))
                urls.append(url);
        }
        QCOMPARE(urls, QStringList { u'/' + kService + u"/echo/items/wired?k=••••••••&w=1"_qs });
    }

    // A URL logged while what it holds was no key yet shows the mask once a publisher makes it
    // one: the request log reads the keys as they are now, even before the gateway's next call.
    void requestReportMasksAKeySetAfterTheCallWasLogged()
    {
        const qint64 since = QDateTime::currentMSecsSinceEpoch() - 1000;
        QCOMPARE(call("/echo/items/k&late=1").status, 401);
        auto r = m_arm->put(svc(u"/subscriptions/late-sub"_qs), props({
            { u"scope"_qs, u"/apis/echo-api"_qs }, { u"displayName"_qs, u"Late key"_qs }, { u"state"_qs, u"active"_qs },
            { u"primaryKey"_qs, u"k&late=1"_qs }, { u"secondaryKey"_qs, u"late-secondary-0001"_qs } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());

        const auto fmt = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); };
        const QString filter = u"timestamp ge datetime'%1' and timestamp le datetime'%2'"_qs
                                   .arg(fmt(since), fmt(QDateTime::currentMSecsSinceEpoch() + 2000));
        r = m_arm->get(svc(u"/reports/byRequest?$filter="_qs + QString::fromUtf8(QUrl::toPercentEncoding(filter))));
        QCOMPARE(r.status, 200);
        const QString masked = u'/' + kService + u"/echo/items/••••••••"_qs;
        QStringList urls;
        for (const QJsonValue &v : r.json.value(u"value"_qs).toArray()) {
            const QString url = v.toObject().value(u"url"_qs).toString();
            if (url.contains(u"late"_qs) || url == masked)
                urls.append(url);
        }
        QCOMPARE(urls, QStringList { masked });
        r = m_arm->remove(svc(u"/subscriptions/late-sub"_qs));
        QVERIFY(r.status == 200 || r.status == 204);
    }

    void policyTheGatewayCannotCompileRefusesRequestsInsteadOfDroppingThePolicy()
    {
        const Headers key { { "Ocp-Apim-Subscription-Key", m_apiKey.toUtf8() } };
        const QString policyPath = svc(u"/apis/echo-api/policies/policy"_qs);
        const auto policy = [](const QString &rateLimit) {
            const QString xml = u"<policies><inbound><base />"_qs + rateLimit
                + u"<set-header name=\"X-Via\" exists-action=\"override\"><value>portico</value></set-header>"
                  "</inbound><backend><base /></backend></policies>"_qs;
            return props({ { u"format"_qs, u"xml"_qs }, { u"value"_qs, xml } });
        };
        // A rate limit the gateway cannot run is refused up front, naming what is wrong.
        auto r = m_arm->put(policyPath, policy(u"<rate-limit calls=\"10\" renewal-period=\"3600\" />"_qs));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"ValidationError"_qs);
        QVERIFY2(r.firstDetailMessage().startsWith(u"Error in element 'rate-limit' on line 1: the attribute 'renewal-period'"_qs),
                 qPrintable(r.firstDetailMessage()));

        // A limit taken from a named value is enforced...
        r = m_arm->put(svc(u"/namedValues/call-limit"_qs), props({ { u"displayName"_qs, u"call-limit"_qs }, { u"value"_qs, u"2"_qs } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        r = m_arm->put(policyPath, policy(u"<rate-limit calls=\"{{call-limit}}\" renewal-period=\"60\" />"_qs));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        for (int i = 0; i < 2; ++i) {
            const HttpReply reply = call("/echo/items/4", key);
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json().value(u"headers"_qs).toObject().value(u"x-via"_qs).toString(), u"portico"_qs);
        }
        QCOMPARE(call("/echo/items/4", key).status, 429);

        // ...and when the named value later stops being a number, the API is refused with a 500
        // that says why, instead of running without its rate limit.
        r = m_arm->put(svc(u"/namedValues/call-limit"_qs), props({ { u"displayName"_qs, u"call-limit"_qs }, { u"value"_qs, u"lots"_qs } }));
        QCOMPARE(r.status, 200);
        for (int i = 0; i < 3; ++i) {
            const HttpReply reply = call("/echo/items/4", key);
            QCOMPARE(reply.status, 500);
            QCOMPARE(reply.json().value(u"statusCode"_qs).toInt(), 500);
            const QString message = reply.json().value(u"message"_qs).toString();
            QVERIFY2(message.startsWith(u"The API 'echo-api' policy cannot be compiled: Error in element 'rate-limit' on line 1: "
                                        "the attribute 'calls' must be a non-negative integer."_qs),
                     qPrintable(message));
        }
        // Callers without a valid key still learn nothing but that.
        QCOMPARE(call("/echo/items/4").status, 401);

        // Fixing the named value brings the policy back (with fresh headroom under the limit).
        r = m_arm->put(svc(u"/namedValues/call-limit"_qs), props({ { u"displayName"_qs, u"call-limit"_qs }, { u"value"_qs, u"100"_qs } }));
        QCOMPARE(r.status, 200);
        const HttpReply fixed = call("/echo/items/4", key);
        QCOMPARE(fixed.status, 200);
        QCOMPARE(fixed.json().value(u"headers"_qs).toObject().value(u"x-via"_qs).toString(), u"portico"_qs);

        // A secret named value that breaks the policy is named, never shown: the 500 goes to
        // every caller with a key.
        r = m_arm->put(svc(u"/namedValues/period"_qs),
                       props({ { u"displayName"_qs, u"period"_qs }, { u"value"_qs, u"86400713"_qs }, { u"secret"_qs, true } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        r = m_arm->put(policyPath, policy(u"<rate-limit calls=\"5\" renewal-period=\"{{period}}\" />"_qs));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        const HttpReply secretBroken = call("/echo/items/4", key);
        QCOMPARE(secretBroken.status, 500);
        const QString secretMessage = secretBroken.json().value(u"message"_qs).toString();
        QVERIFY2(secretMessage.contains(u"renewal-period"_qs) && secretMessage.contains(u"{{period}}"_qs),
                 qPrintable(secretMessage));
        QVERIFY2(!secretBroken.body.contains("86400713"), secretBroken.body.constData());
        r = m_arm->remove(policyPath);
        QVERIFY(r.status == 200 || r.status == 204);
    }

    // Before each service had its own counters, quota counters were stored under keys without
    // the service's name ("quota|product:<product>|<subscription>"). An upgrade carries them over: the
    // calls counted before it still count.
    void quotaCountedByAnOlderVersionStillCountsAfterTheUpgrade()
    {
        auto r = m_arm->put(svc(u"/apis/quota-api"_qs), props({
            { u"displayName"_qs, u"Quota API"_qs }, { u"path"_qs, u"quota"_qs },
            { u"serviceUrl"_qs, m_backend.url(u"/quota-base"_qs).toString() },
            { u"protocols"_qs, QJsonArray { u"http"_qs, u"https"_qs } } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        r = m_arm->put(svc(u"/apis/quota-api/operations/get-item"_qs), props({
            { u"displayName"_qs, u"Get item"_qs }, { u"method"_qs, u"GET"_qs }, { u"urlTemplate"_qs, u"/items/{id}"_qs },
            { u"templateParameters"_qs, QJsonArray { QJsonObject { { u"name"_qs, u"id"_qs }, { u"type"_qs, u"string"_qs }, { u"required"_qs, true } } } } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        // A quota is a product's (Azure refuses <quota> in an API's policy).
        r = m_arm->put(svc(u"/products/quota-product"_qs), props({
            { u"displayName"_qs, u"Quota product"_qs }, { u"subscriptionRequired"_qs, true }, { u"state"_qs, u"published"_qs } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        r = m_arm->put(svc(u"/products/quota-product/apis/quota-api"_qs), {});
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        r = m_arm->put(svc(u"/products/quota-product/policies/policy"_qs), props({
            { u"value"_qs, u"<policies><inbound><base /><quota calls=\"3\" renewal-period=\"86400\" /></inbound></policies>"_qs } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        r = m_arm->put(svc(u"/subscriptions/quota-sub"_qs), props({
            { u"scope"_qs, u"/products/quota-product"_qs }, { u"displayName"_qs, u"Quota sub"_qs }, { u"state"_qs, u"active"_qs } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        const Headers key { { "Ocp-Apim-Subscription-Key", keyOf(u"quota-sub"_qs).toUtf8() } };
        QCOMPARE(call("/quota/items/1", key).status, 200);
        QCOMPARE(call("/quota/items/2", key).status, 200);

        // Make the store look like an older version left it.
        const QString dataDir = m_local.dataDir();
        QCOMPARE(m_local.stop(), 0);
        const QString current = u"quota|product:gwdemo/quota-product|quota-sub"_qs;
        const QString old = u"quota|product:quota-product|quota-sub"_qs;
        const auto counters = [&] {
            QHash<QString, qint64> calls;
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"quota-read"_qs);
            db.setDatabaseName(QDir(dataDir).filePath(u"gateway.sqlite"_qs));
            if (db.open()) {
                QSqlQuery q(db);
                q.exec(u"SELECT counter_key, calls FROM quota_counters WHERE counter_key LIKE '%quota-sub'"_qs);
                while (q.next())
                    calls.insert(q.value(0).toString(), q.value(1).toLongLong());
                q.exec(u"SELECT MAX(version) FROM schema_version"_qs);
                if (q.next())
                    calls.insert(u"version"_qs, q.value(0).toLongLong());
            }
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(u"quota-read"_qs);
            return calls;
        };
        QCOMPARE(counters(), (QHash<QString, qint64> { { current, 2 }, { u"version"_qs, 5 } }));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"quota-seed"_qs);
            db.setDatabaseName(QDir(dataDir).filePath(u"gateway.sqlite"_qs));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.prepare(u"UPDATE quota_counters SET counter_key = ? WHERE counter_key = ?"_qs));
            q.addBindValue(old);
            q.addBindValue(current);
            QVERIFY(q.exec());
            QCOMPARE(q.numRowsAffected(), 1);
            QVERIFY(q.exec(u"UPDATE schema_version SET version = 2"_qs));
        }
        QSqlDatabase::removeDatabase(u"quota-seed"_qs);

        QVERIFY2(m_local.start({}, dataDir), qPrintable(m_local.errorString()));
        m_arm = std::make_unique<ArmTestClient>(m_local.managementUrl(), m_local.token());
        QCOMPARE(call("/quota/items/3", key).status, 200);
        const HttpReply blocked = call("/quota/items/4", key);
        QCOMPARE(blocked.status, 403);
        QVERIFY(blocked.body.startsWith("{\"statusCode\": 403, \"message\": \"Out of call volume quota."));
        // Carried over once, under the current key.
        QCOMPARE(m_local.stop(), 0);
        QCOMPARE(counters(), (QHash<QString, qint64> { { current, 3 }, { u"version"_qs, 5 } }));
        QVERIFY2(m_local.start({}, dataDir), qPrintable(m_local.errorString()));
        m_arm = std::make_unique<ArmTestClient>(m_local.managementUrl(), m_local.token());
        QCOMPARE(call("/quota/items/5", key).status, 403);
    }

    // A service whose create failed has no working gateway, as in Azure: what was configured
    // on it while it was being created answers as a service that is not there, also with a key
    // of its own.
    void aServiceWhoseCreateFailedHasNoGateway()
    {
        const QString path = ArmTestClient::servicePath(u"gwfails"_qs);
        const auto created = m_arm->put(
            path, QJsonObject { { u"location"_qs, u"local"_qs },
                                { u"sku"_qs, QJsonObject { { u"name"_qs, u"Developer"_qs },
                                                           { u"capacity"_qs, 1 } } },
                                { u"properties"_qs,
                                  QJsonObject { { u"publisherEmail"_qs, u"admin@contoso.invalid"_qs },
                                                { u"publisherName"_qs, u"Contoso"_qs } } } });
        QCOMPARE(created.status, 201);
        auto r = m_arm->put(path + u"/apis/echo-api"_qs, props({
            { u"displayName"_qs, u"Echo API"_qs }, { u"path"_qs, u"echo"_qs },
            { u"serviceUrl"_qs, m_backend.url(u"/base"_qs).toString() },
            { u"protocols"_qs, QJsonArray { u"http"_qs, u"https"_qs } } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        r = m_arm->put(path + u"/apis/echo-api/operations/get-item"_qs, props({
            { u"displayName"_qs, u"Get item"_qs }, { u"method"_qs, u"GET"_qs }, { u"urlTemplate"_qs, u"/items/{id}"_qs },
            { u"templateParameters"_qs, QJsonArray { QJsonObject { { u"name"_qs, u"id"_qs }, { u"type"_qs, u"string"_qs }, { u"required"_qs, true } } } } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        r = m_arm->put(path + u"/subscriptions/fails-sub"_qs, props({
            { u"scope"_qs, u"/apis/echo-api"_qs }, { u"displayName"_qs, u"Fails sub"_qs }, { u"state"_qs, u"active"_qs } }));
        QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
        const QByteArray key = m_arm->post(path + u"/subscriptions/fails-sub/listSecrets"_qs)
                                   .json.value(u"primaryKey"_qs).toString().toUtf8();
        QVERIFY(!key.isEmpty());
        const QUrl poll(QString::fromUtf8(created.header("azure-asyncoperation")));
        QTRY_COMPARE_WITH_TIMEOUT(m_arm->sendUrl("GET", poll).json.value(u"status"_qs).toString(),
                                  u"Failed"_qs, 30000);

        const Headers withKey { { "Ocp-Apim-Subscription-Key", key } };
        const auto get = [this, &withKey](const QByteArray &target) {
            RawHttpConnection connection(gatewayPort());
            return connection.request("GET", target, withKey);
        };
        const HttpReply nowhere = get("/no-such-service/echo/items/1");
        QCOMPARE(nowhere.status, 404);
        QTRY_COMPARE(get("/gwfails/echo/items/1").status, nowhere.status);
        QCOMPARE(get("/gwfails/echo/items/1").body, nowhere.body);
    }
};

QTEST_GUILESS_MAIN(TestGatewayLocal)
#include "tst_gatewaylocal.moc"
