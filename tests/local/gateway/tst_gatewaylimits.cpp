// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// rate-limit, rate-limit-by-key, quota and quota-by-key: exact admission under 64 concurrent
// clients, the 429/403 bodies and Retry-After, and quota counters that survive a restart.

#include "tests/local/gateway/gatewaytestbed.h"

#include <QRegularExpression>
#include <QTest>

#include <memory>
#include <vector>

using namespace portico::local;
using namespace portico::test;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

QString policies(const QString &inbound)
{
    return u"<policies><inbound><base/>%1</inbound><backend><base/></backend><outbound><base/></outbound></policies>"_qs.arg(inbound);
}

// Sends `rounds` waves of one request on each of `clients` connections, all of a wave in
// flight at once, and returns the statuses.
QList<HttpReply> wave(quint16 port, int clients, int rounds, const QByteArray &target, const Headers &headers)
{
    std::vector<std::unique_ptr<RawHttpConnection>> connections;
    for (int i = 0; i < clients; ++i)
        connections.push_back(std::make_unique<RawHttpConnection>(port));
    QList<HttpReply> replies;
    const QByteArray request = RawHttpConnection::format("GET", target, headers, {});
    for (int r = 0; r < rounds; ++r) {
        for (auto &c : connections)
            c->send(request);
        for (auto &c : connections)
            replies.append(c->readReply(20000));
    }
    return replies;
}

} // namespace

class TestGatewayLimits : public QObject
{
    Q_OBJECT

private:
    GatewayTestbed m_bed;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_bed.start(m_bed.baseConfig()));
    }

    void rateLimitAdmitsExactlyNWith64ConcurrentClients()
    {
        GatewayConfig c = m_bed.baseConfig();
        c.products[0].policyXml = policies(u"<rate-limit calls=\"50\" renewal-period=\"60\" remaining-calls-header-name=\"X-Remaining\" />"_qs);
        m_bed.reconfigure(c);
        const QList<HttpReply> replies = wave(m_bed.httpPort(), 64, 2, "/echo/items/1", { { "Ocp-Apim-Subscription-Key", "starter-key" } });
        int ok = 0, limited = 0;
        static const QRegularExpression message(u"^\\{\"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in (\\d+) seconds.\"\\}$"_qs);
        for (const HttpReply &r : replies) {
            QVERIFY(r.ok);
            if (r.status == 200) {
                ++ok;
            } else {
                QCOMPARE(r.status, 429);
                ++limited;
                const auto m = message.match(QString::fromUtf8(r.body));
                QVERIFY2(m.hasMatch(), r.body.constData());
                const int retryAfter = r.header("Retry-After").toInt();
                QVERIFY(retryAfter >= 1 && retryAfter <= 60);
                QCOMPARE(m.captured(1).toInt(), retryAfter);
            }
        }
        QCOMPARE(ok, 50);
        QCOMPARE(limited, 78);
        // Other subscriptions have their own counters; the API-scope key skips product policies.
        QCOMPARE(m_bed.get("/echo/items/1", { { "Ocp-Apim-Subscription-Key", "api-key" } }).status, 200);
    }

    void rateLimitByKeyCountsPerHeaderValue()
    {
        GatewayConfig c = m_bed.baseConfig();
        c.apis[1].policyXml = policies(
            u"<rate-limit-by-key calls=\"5\" renewal-period=\"30\" counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;anonymous&quot;))\" retry-after-header-name=\"X-Retry\" />"_qs);
        m_bed.reconfigure(c);
        const QList<HttpReply> a = wave(m_bed.httpPort(), 8, 1, "/open/ping", { { "X-Client", "a" } });
        const QList<HttpReply> b = wave(m_bed.httpPort(), 8, 1, "/open/ping", { { "X-Client", "b" } });
        const auto count = [](const QList<HttpReply> &replies, int status) {
            return std::count_if(replies.begin(), replies.end(), [&](const HttpReply &r) { return r.status == status; });
        };
        QCOMPARE(count(a, 200), 5);
        QCOMPARE(count(a, 429), 3);
        QCOMPARE(count(b, 200), 5);
        const auto limited = std::find_if(b.begin(), b.end(), [](const HttpReply &r) { return r.status == 429; });
        QVERIFY(limited != b.end());
        QVERIFY(limited->headers.contains("X-Retry"));
        QVERIFY(!limited->headers.contains("Retry-After"));
    }

    void rateLimitByClientIp()
    {
        GatewayConfig c = m_bed.baseConfig();
        c.apis[1].policyXml = policies(u"<rate-limit-by-key calls=\"3\" renewal-period=\"30\" counter-key=\"@(context.Request.IpAddress)\" />"_qs);
        m_bed.reconfigure(c);
        const QList<HttpReply> r = wave(m_bed.httpPort(), 5, 1, "/open/ping", {});
        QCOMPARE(std::count_if(r.begin(), r.end(), [](const HttpReply &x) { return x.status == 200; }), 3);
    }

    // Burst and sustained limits on one key: each applies on its own (they used to share one
    // window, so the sustained limit's calls cut the burst limit short).
    void rateLimitsByKeyOnOneKeyEachApply()
    {
        GatewayConfig c = m_bed.baseConfig();
        c.apis[1].policyXml = policies(
            u"<rate-limit-by-key calls=\"3\" renewal-period=\"10\" counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;anonymous&quot;))\" />"
            "<rate-limit-by-key calls=\"100\" renewal-period=\"300\" counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;anonymous&quot;))\" />"_qs);
        m_bed.reconfigure(c);
        QList<int> statuses;
        for (int i = 0; i < 4; ++i)
            statuses.append(m_bed.get("/open/ping", { { "X-Client", "burst" } }).status);
        QCOMPARE(statuses, (QList<int> { 200, 200, 200, 429 }));
    }

    // An hourly and a daily quota on one key, their periods anchored differently: each counts
    // its own calls (they used to share one counter, reset on every call by the other's period).
    void quotasByKeyOnOneKeyEachApply()
    {
        GatewayConfig c = m_bed.baseConfig();
        c.apis[1].policyXml = policies(
            u"<quota-by-key calls=\"3\" renewal-period=\"3600\" counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;anonymous&quot;))\" first-period-start=\"2020-01-01T00:00:00Z\" />"
            "<quota-by-key calls=\"1000\" renewal-period=\"86400\" counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;anonymous&quot;))\" first-period-start=\"2020-01-01T00:30:00Z\" />"_qs);
        m_bed.reconfigure(c);
        QList<int> statuses;
        for (int i = 0; i < 5; ++i)
            statuses.append(m_bed.get("/open/ping", { { "X-Client", "hourly" } }).status);
        QCOMPARE(statuses, (QList<int> { 200, 200, 200, 403, 403 }));
        // Another key has counters of its own.
        QCOMPARE(m_bed.get("/open/ping", { { "X-Client", "other" } }).status, 200);
    }

    void quotaBlocksWith403AndSurvivesRestart()
    {
        GatewayConfig c = m_bed.baseConfig();
        c.products[0].policyXml = policies(u"<quota calls=\"3\" renewal-period=\"3600\" />"_qs);
        m_bed.reconfigure(c);
        const Headers key { { "Ocp-Apim-Subscription-Key", "starter-key" } };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_bed.get("/echo/items/1", key).status, 200);
        HttpReply blocked = m_bed.get("/echo/items/1", key);
        QCOMPARE(blocked.status, 403);
        static const QRegularExpression message(
            u"^\\{\"statusCode\": 403, \"message\": \"Out of call volume quota. Quota will be replenished in (\\d+\\.)?(\\d\\d):(\\d\\d):(\\d\\d).\"\\}$"_qs);
        const auto m = message.match(QString::fromUtf8(blocked.body));
        QVERIFY2(m.hasMatch(), blocked.body.constData());
        const int retryAfter = blocked.header("Retry-After").toInt();
        QVERIFY(retryAfter > 0 && retryAfter <= 3600);
        QCOMPARE(m.captured(2).toInt() * 3600 + m.captured(3).toInt() * 60 + m.captured(4).toInt(), retryAfter);

        QVERIFY(m_bed.restart());
        QCOMPARE(m_bed.get("/echo/items/1", key).status, 403);
        // The counter belongs to the subscription in the product scope, whichever API it calls...
        QCOMPARE(m_bed.get("/renamed/ping", { { "X-Key", "starter-key" } }).status, 403);
        // ...and an API-scope subscription does not run product policies at all.
        QCOMPARE(m_bed.get("/echo/items/1", { { "Ocp-Apim-Subscription-Key", "api-key" } }).status, 200);
    }

    // renewal-period="0": the quota never renews (reference §7). The 403 says the quota is used
    // up without promising a time, and carries no Retry-After (0 had clients retry at once).
    void quotaThatNeverRenewsAsksForNoRetry()
    {
        GatewayConfig c = m_bed.baseConfig();
        c.products[1].policyXml = policies(u"<quota calls=\"1\" renewal-period=\"0\" />"_qs);
        m_bed.reconfigure(c);
        const Headers key { { "Ocp-Apim-Subscription-Key", "hidden-key" } };
        QCOMPARE(m_bed.get("/echo/items/1", key).status, 200);
        const HttpReply blocked = m_bed.get("/echo/items/1", key);
        QCOMPARE(blocked.status, 403);
        QCOMPARE(blocked.body, QByteArray(R"({"statusCode": 403, "message": "Out of call volume quota."})"));
        QVERIFY2(!blocked.headers.contains("Retry-After"), blocked.header("Retry-After").constData());
    }

    // increment-condition used to be ignored: every call was counted. "false" counts none,
    // "True" (any case, as APIM reads a boolean) counts each.
    void incrementConditionIsHonoured()
    {
        GatewayConfig c = m_bed.baseConfig();
        const QString limit = u"<rate-limit-by-key calls=\"2\" renewal-period=\"60\" counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;anonymous&quot;))\" increment-condition=\"%1\" />"_qs;
        c.apis[1].policyXml = policies(limit.arg(u"false"_qs));
        m_bed.reconfigure(c);
        const Headers client { { "X-Client", "conditional" } };
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_bed.get("/open/ping", client).status, 200);
        c.apis[1].policyXml = policies(limit.arg(u"True"_qs));
        m_bed.reconfigure(c);
        QList<int> statuses;
        for (int i = 0; i < 3; ++i)
            statuses.append(m_bed.get("/open/ping", client).status);
        QCOMPARE(statuses, (QList<int> { 200, 200, 429 }));
    }

    void bandwidthQuotaByKey()
    {
        GatewayConfig c = m_bed.baseConfig();
        c.apis[1].policyXml = policies(u"<quota-by-key bandwidth=\"1\" renewal-period=\"600\" counter-key=\"@(context.Request.IpAddress)\" />"_qs);
        m_bed.reconfigure(c);
        // The echo of a request is a few hundred bytes; a few calls use up 1 KB.
        int status = 200, calls = 0;
        while (status == 200 && calls < 50) {
            status = m_bed.get("/open/ping").status;
            ++calls;
        }
        QCOMPARE(status, 403);
        QVERIFY(calls > 1);
        QVERIFY(m_bed.get("/open/ping").body.contains("Out of bandwidth quota."));
    }
};

QTEST_GUILESS_MAIN(TestGatewayLimits)
#include "tst_gatewaylimits.moc"
