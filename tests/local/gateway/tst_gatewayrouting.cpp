// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Routing, precedence, protocols and subscription keys of the real gateway engine in front of
// a real backend.

#include "tests/local/gateway/gatewaytestbed.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QTest>

using namespace portico::local;
using namespace portico::test;

namespace {
const QString kMissing = u"Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API."_qs;
const QString kInvalid = u"Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription."_qs;
using Headers = QList<QPair<QByteArray, QByteArray>>;
}

class TestGatewayRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_bed.start(m_bed.baseConfig()));
    }

    void forwardsToServiceUrlPlusRemainderAndQuery()
    {
        const HttpReply reply = m_bed.get("/echo/items/15?version=2013-05&x=a%20b",
                                          { { "Ocp-Apim-Subscription-Key", "master-key" } });
        QVERIFY(reply.ok);
        QCOMPARE(reply.status, 200);
        const QJsonObject echo = reply.json();
        QCOMPARE(echo.value(u"method"_qs).toString(), u"GET"_qs);
        QCOMPARE(echo.value(u"path"_qs).toString(), u"/base/items/15"_qs);
        QCOMPARE(echo.value(u"query"_qs).toString(), u"version=2013-05&x=a%20b"_qs);
        QCOMPARE(reply.header("X-Backend"), QByteArray("test"));
    }

    void operationPrecedence_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("backendPath");
        QTest::newRow("literal beats parameter") << QByteArray("GET") << QByteArray("/echo/items/special") << 200 << u"/base/items/special"_qs;
        QTest::newRow("parameter") << QByteArray("GET") << QByteArray("/echo/items/7") << 200 << u"/base/items/7"_qs;
        QTest::newRow("parameter with suffix") << QByteArray("GET") << QByteArray("/echo/items/7.json") << 200 << u"/base/items/7.json"_qs;
        QTest::newRow("case-insensitive literals") << QByteArray("GET") << QByteArray("/ECHO/Items/7") << 200 << u"/base/Items/7"_qs;
        QTest::newRow("trailing slash") << QByteArray("GET") << QByteArray("/echo/items/7/") << 200 << u"/base/items/7/"_qs;
        QTest::newRow("wildcard") << QByteArray("GET") << QByteArray("/echo/files/a/b/c.txt") << 200 << u"/base/files/a/b/c.txt"_qs;
        QTest::newRow("wildcard empty rest") << QByteArray("GET") << QByteArray("/echo/files") << 200 << u"/base/files"_qs;
        QTest::newRow("query template") << QByteArray("GET") << QByteArray("/echo/orders/9?date=2024-01-01") << 200 << u"/base/orders/9"_qs;
        QTest::newRow("query template missing falls back") << QByteArray("GET") << QByteArray("/echo/orders/9") << 200 << u"/base/orders/9"_qs;
        QTest::newRow("declared value") << QByteArray("GET") << QByteArray("/echo/colors/red") << 200 << u"/base/colors/red"_qs;
        QTest::newRow("undeclared value") << QByteArray("GET") << QByteArray("/echo/colors/blue") << 404 << QString();
        QTest::newRow("wrong method") << QByteArray("DELETE") << QByteArray("/echo/items/7") << 404 << QString();
        QTest::newRow("too many segments") << QByteArray("GET") << QByteArray("/echo/items/7/more") << 404 << QString();
        QTest::newRow("unknown API") << QByteArray("GET") << QByteArray("/nope/items/7") << 404 << QString();
        QTest::newRow("API path needs a segment boundary") << QByteArray("GET") << QByteArray("/echoes/items/7") << 404 << QString();
        QTest::newRow("root") << QByteArray("GET") << QByteArray("/") << 404 << QString();
    }

    void operationPrecedence()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QString, backendPath);
        const HttpReply reply = m_bed.send(method, target, { { "Ocp-Apim-Subscription-Key", "master-key" } });
        QVERIFY(reply.ok);
        QCOMPARE(reply.status, status);
        if (status == 200) {
            QCOMPARE(reply.json().value(u"path"_qs).toString(), backendPath);
        } else {
            QCOMPARE(reply.body, gatewayErrorBody(404, u"Resource not found"_qs));
            QCOMPARE(reply.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        }
    }

    void queryTemplateOperationWinsOverPlainOne()
    {
        // Both "orders" (with ?date=) and "orders-all" match; the usage log tells which ran.
        const HttpReply reply = m_bed.get("/echo/orders/9?date=x", { { "Ocp-Apim-Subscription-Key", "master-key" } });
        QCOMPARE(reply.status, 200);
    }

    void protocolsAreHonoured()
    {
        // The secure API only allows https.
        QCOMPARE(m_bed.get("/secure/v1/ping").status, 404);
        RawHttpConnection tls(m_bed.httpsPort(), true);
        QVERIFY(tls.isConnected());
        const QByteArray pin = QCryptographicHash::hash(tls.socket().peerCertificate().toDer(), QCryptographicHash::Sha256).toHex();
        QCOMPARE(QString::fromLatin1(pin), m_bed.certificateSha256());
        const HttpReply reply = tls.request("GET", "/secure/v1/ping");
        QVERIFY(reply.ok);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"headers"_qs).toObject().value(u"x-forwarded-proto"_qs).toString(), u"https"_qs);
        // And the keep-alive TLS connection serves a second request.
        QCOMPARE(tls.request("GET", "/open/ping").status, 200);
    }

    void subscriptionKeys_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        const Headers none;
        const auto key = [](const char *k) { return Headers { { "Ocp-Apim-Subscription-Key", k } }; };
        QTest::newRow("missing") << QByteArray("/echo/items/1") << none << 401 << kMissing;
        QTest::newRow("unknown key") << QByteArray("/echo/items/1") << key("nope") << 401 << kInvalid;
        QTest::newRow("empty key") << QByteArray("/echo/items/1") << key("") << 401 << kInvalid;
        QTest::newRow("master (service scope)") << QByteArray("/echo/items/1") << key("master-key") << 200 << QString();
        QTest::newRow("secondary key") << QByteArray("/echo/items/1") << key("master-key-secondary") << 200 << QString();
        QTest::newRow("all APIs scope") << QByteArray("/echo/items/1") << key("all-key") << 200 << QString();
        QTest::newRow("API scope") << QByteArray("/echo/items/1") << key("api-key") << 200 << QString();
        QTest::newRow("other API scope") << QByteArray("/echo/items/1") << key("other-api-key") << 401 << kInvalid;
        QTest::newRow("product scope") << QByteArray("/echo/items/1") << key("starter-key") << 200 << QString();
        QTest::newRow("unpublished product keeps its keys") << QByteArray("/echo/items/1") << key("hidden-key") << 200 << QString();
        QTest::newRow("product without the API") << QByteArray("/freebie/ping") << key("starter-key") << 401 << kInvalid;
        QTest::newRow("suspended") << QByteArray("/echo/items/1") << key("suspended-key") << 401 << kInvalid;
        QTest::newRow("submitted") << QByteArray("/echo/items/1") << key("submitted-key") << 401 << kInvalid;
        QTest::newRow("blocked owner") << QByteArray("/echo/items/1") << key("blocked-key") << 401 << kInvalid;
        QTest::newRow("query parameter") << QByteArray("/echo/items/1?subscription-key=api-key") << none << 200 << QString();
        QTest::newRow("header wins over query") << QByteArray("/echo/items/1?subscription-key=api-key") << key("nope") << 401 << kInvalid;
        QTest::newRow("open API") << QByteArray("/open/ping") << none << 200 << QString();
        QTest::newRow("open product") << QByteArray("/freebie/ping") << none << 200 << QString();
        QTest::newRow("renamed header") << QByteArray("/renamed/ping") << Headers { { "X-Key", "starter-key" } } << 200 << QString();
        QTest::newRow("renamed query") << QByteArray("/renamed/ping?key=starter-key") << none << 200 << QString();
        QTest::newRow("default header ignored when renamed") << QByteArray("/renamed/ping") << key("starter-key") << 401 << kMissing;
    }

    void subscriptionKeys()
    {
        QFETCH(QByteArray, target);
        QFETCH(Headers, headers);
        QFETCH(int, status);
        QFETCH(QString, message);
        const HttpReply reply = m_bed.get(target, headers);
        QVERIFY(reply.ok);
        QCOMPARE(reply.status, status);
        if (status == 401)
            QCOMPARE(reply.body, gatewayErrorBody(401, message));
    }

    void keysAreStrippedAndForwardingHeadersAdded()
    {
        const HttpReply reply = m_bed.get("/echo/items/1?a=1&subscription-key=api-key&b=2",
                                          { { "Connection", "keep-alive, X-Hop" }, { "X-Hop", "secret" },
                                            { "X-Custom", "kept" }, { "X-Forwarded-For", "10.0.0.1" } });
        QCOMPARE(reply.status, 200);
        const QJsonObject echo = reply.json();
        const QJsonObject headers = echo.value(u"headers"_qs).toObject();
        QCOMPARE(echo.value(u"query"_qs).toString(), u"a=1&b=2"_qs);
        QVERIFY(!headers.contains(u"ocp-apim-subscription-key"_qs));
        QVERIFY(!headers.contains(u"x-hop"_qs));
        QCOMPARE(headers.value(u"connection"_qs).toString(), QString());
        QCOMPARE(headers.value(u"x-custom"_qs).toString(), u"kept"_qs);
        QCOMPARE(headers.value(u"x-forwarded-for"_qs).toString(), u"10.0.0.1, 127.0.0.1"_qs);
        QCOMPARE(headers.value(u"x-forwarded-host"_qs).toString(), u"gateway.test"_qs);
        QCOMPARE(headers.value(u"host"_qs).toString(), u"127.0.0.1:%1"_qs.arg(m_bed.backend().port()));

        const HttpReply viaHeader = m_bed.get("/echo/items/1", { { "Ocp-Apim-Subscription-Key", "api-key" } });
        QVERIFY(!viaHeader.json().value(u"headers"_qs).toObject().contains(u"ocp-apim-subscription-key"_qs));
    }

    void configurationChangesApplyToNewRequests()
    {
        GatewayConfig config = m_bed.baseConfig();
        config.subscriptions.removeIf([](const auto &s) { return s.id == u"api-sub"; });
        m_bed.reconfigure(config);
        QCOMPARE(m_bed.get("/echo/items/1", { { "Ocp-Apim-Subscription-Key", "api-key" } }).status, 401);
        m_bed.reconfigure(m_bed.baseConfig());
        QCOMPARE(m_bed.get("/echo/items/1", { { "Ocp-Apim-Subscription-Key", "api-key" } }).status, 200);
    }

private:
    GatewayTestbed m_bed;
};

QTEST_GUILESS_MAIN(TestGatewayRouting)
#include "tst_gatewayrouting.moc"
