// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Every policy element the local gateway implements, <base/> inheritance across the four
// scopes and named values, observed at the backend and in the responses.

#include "tests/local/gateway/gatewaytestbed.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace portico::local;
using namespace portico::test;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
const Headers kKey { { "Ocp-Apim-Subscription-Key", "starter-key" } };

QString policies(const QString &inbound, const QString &outbound = u"<base/>"_qs,
                 const QString &backend = u"<base/>"_qs, const QString &onError = u"<base/>"_qs)
{
    return u"<policies><inbound>%1</inbound><backend>%2</backend><outbound>%3</outbound><on-error>%4</on-error></policies>"_qs
        .arg(inbound, backend, outbound, onError);
}

GatewayConfig::Operation *findOperation(GatewayConfig &c, const QString &id)
{
    for (auto &op : c.apis[0].operations) {
        if (op.id == id)
            return &op;
    }
    return nullptr;
}

QJsonObject backendHeaders(const HttpReply &reply)
{
    return reply.json().value(u"headers"_qs).toObject();
}

} // namespace

class TestGatewayPolicies : public QObject
{
    Q_OBJECT

private:
    GatewayTestbed m_bed;
    GatewayConfig m_config;

    void apply(const GatewayConfig &config) { m_bed.reconfigure(config); }

private Q_SLOTS:
    void initTestCase()
    {
        m_config = m_bed.baseConfig();
        QVERIFY(m_bed.start(m_config));
    }

    void setHeaderActionsOnRequestAndResponse()
    {
        GatewayConfig c = m_config;
        c.apis[0].policyXml = policies(
            u"<base/>"
            "<set-header name=\"X-Override\" exists-action=\"override\"><value>new</value></set-header>"
            "<set-header name=\"X-Skip\" exists-action=\"skip\"><value>ignored</value></set-header>"
            "<set-header name=\"X-Skip-Absent\" exists-action=\"skip\"><value>set</value></set-header>"
            "<set-header name=\"X-Append\" exists-action=\"append\"><value>two</value><value>three</value></set-header>"
            "<set-header name=\"X-Delete\" exists-action=\"delete\" />"
            "<set-header name=\"Content-Length\" exists-action=\"override\"><value>999</value></set-header>"_qs,
            u"<base/><set-header name=\"X-Backend\" exists-action=\"delete\" />"
            "<set-header name=\"X-Out\" exists-action=\"override\"><value>@(context.Api.Name)</value></set-header>"_qs);
        apply(c);
        const HttpReply reply = m_bed.get("/echo/items/1", kKey + Headers { { "X-Override", "old" }, { "X-Skip", "kept" },
                                                                            { "X-Append", "one" }, { "X-Delete", "gone" } });
        QCOMPARE(reply.status, 200);
        const QJsonObject h = backendHeaders(reply);
        QCOMPARE(h.value(u"x-override"_qs).toString(), u"new"_qs);
        QCOMPARE(h.value(u"x-skip"_qs).toString(), u"kept"_qs);
        QCOMPARE(h.value(u"x-skip-absent"_qs).toString(), u"set"_qs);
        QCOMPARE(h.value(u"x-append"_qs).toString(), u"one, two, three"_qs);
        QVERIFY(!h.contains(u"x-delete"_qs));
        QVERIFY(!h.contains(u"content-length"_qs)); // protected: not changed, GET has none
        QVERIFY(!reply.headers.contains("X-Backend"));
        QCOMPARE(reply.header("X-Out"), QByteArray("Echo API"));
    }

    void setQueryParameter()
    {
        GatewayConfig c = m_config;
        c.apis[0].policyXml = policies(
            u"<base/><set-query-parameter name=\"api-version\" exists-action=\"override\"><value>2024-05-01</value></set-query-parameter>"
            "<set-query-parameter name=\"drop\" exists-action=\"delete\" />"
            "<set-query-parameter name=\"keep\" exists-action=\"skip\"><value>no</value></set-query-parameter>"_qs);
        apply(c);
        const HttpReply reply = m_bed.get("/echo/items/1?drop=1&keep=yes&api-version=old", kKey);
        QCOMPARE(reply.json().value(u"query"_qs).toString(), u"keep=yes&api-version=2024-05-01"_qs);
    }

    void setBackendServiceAndRewriteUri()
    {
        GatewayConfig c = m_config;
        c.backends = { { QString(), u"alt"_qs, m_bed.backend().url(u"/alt-backend"_qs).toString() } };
        findOperation(c, u"get-item"_qs)->policyXml = policies(
            u"<base/><set-backend-service base-url=\"%1\" /><rewrite-uri template=\"/v2/things/{id}?view=full\" />"_qs
                .arg(m_bed.backend().url(u"/other"_qs).toString()));
        findOperation(c, u"get-special"_qs)->policyXml = policies(
            u"<base/><set-backend-service backend-id=\"alt\" /><rewrite-uri template=\"/s\" copy-unmatched-params=\"false\" />"_qs);
        apply(c);
        HttpReply reply = m_bed.get("/echo/items/42?extra=1", kKey);
        QCOMPARE(reply.json().value(u"path"_qs).toString(), u"/other/v2/things/42"_qs);
        QCOMPARE(reply.json().value(u"query"_qs).toString(), u"view=full&extra=1"_qs);
        reply = m_bed.get("/echo/items/special?extra=1", kKey);
        QCOMPARE(reply.json().value(u"path"_qs).toString(), u"/alt-backend/s"_qs);
        QCOMPARE(reply.json().value(u"query"_qs).toString(), QString());
    }

    void corsPreflightAndActualRequest()
    {
        GatewayConfig c = m_config;
        c.apis[0].policyXml = policies(
            u"<cors allow-credentials=\"true\"><allowed-origins><origin>https://app.example</origin></allowed-origins>"
            "<allowed-methods preflight-result-max-age=\"300\"><method>GET</method><method>POST</method></allowed-methods>"
            "<allowed-headers><header>Content-Type</header><header>Ocp-Apim-Subscription-Key</header></allowed-headers>"
            "<expose-headers><header>X-Backend</header></expose-headers></cors><base/>"_qs);
        apply(c);
        // A preflight needs no key and never reaches the backend.
        const int before = m_bed.backend().requests();
        HttpReply pre = m_bed.send("OPTIONS", "/echo/items/1", { { "Origin", "https://app.example" },
                                                                { "Access-Control-Request-Method", "GET" },
                                                                { "Access-Control-Request-Headers", "ocp-apim-subscription-key" } });
        QCOMPARE(pre.status, 200);
        QCOMPARE(pre.header("Access-Control-Allow-Origin"), QByteArray("https://app.example"));
        QCOMPARE(pre.header("Access-Control-Allow-Credentials"), QByteArray("true"));
        QCOMPARE(pre.header("Access-Control-Allow-Methods"), QByteArray("GET,POST"));
        QCOMPARE(pre.header("Access-Control-Allow-Headers"), QByteArray("ocp-apim-subscription-key"));
        QCOMPARE(pre.header("Access-Control-Max-Age"), QByteArray("300"));
        QCOMPARE(m_bed.backend().requests(), before);
        // An unmatched preflight gets an empty 200 without CORS headers.
        HttpReply other = m_bed.send("OPTIONS", "/echo/items/1", { { "Origin", "https://evil.example" },
                                                                  { "Access-Control-Request-Method", "GET" } });
        QCOMPARE(other.status, 200);
        QVERIFY(!other.headers.contains("Access-Control-Allow-Origin"));
        QVERIFY(other.body.isEmpty());
        HttpReply badMethod = m_bed.send("OPTIONS", "/echo/items/1", { { "Origin", "https://app.example" },
                                                                      { "Access-Control-Request-Method", "DELETE" } });
        QVERIFY(!badMethod.headers.contains("Access-Control-Allow-Origin"));
        // The actual request carries the CORS response headers.
        HttpReply actual = m_bed.get("/echo/items/1", kKey + Headers { { "Origin", "https://app.example" } });
        QCOMPARE(actual.status, 200);
        QCOMPARE(actual.header("Access-Control-Allow-Origin"), QByteArray("https://app.example"));
        QCOMPARE(actual.header("Access-Control-Expose-Headers"), QByteArray("X-Backend"));
    }

    void ipFilter()
    {
        GatewayConfig c = m_config;
        c.apis[0].policyXml = policies(u"<ip-filter action=\"forbid\"><address>127.0.0.1</address></ip-filter><base/>"_qs);
        findOperation(c, u"get-special"_qs)->policyXml = policies(
            u"<ip-filter action=\"allow\"><address-range from=\"127.0.0.0\" to=\"127.0.0.255\" /></ip-filter>"_qs);
        apply(c);
        HttpReply reply = m_bed.get("/echo/items/1", kKey);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.body, gatewayErrorBody(403, u"Forbidden"_qs));
        // The operation policy does not inherit (no <base/>) and allows loopback.
        QCOMPARE(m_bed.get("/echo/items/special", kKey).status, 200);
    }

    void checkHeader()
    {
        GatewayConfig c = m_config;
        c.apis[0].policyXml = policies(
            u"<base/><check-header name=\"X-Tenant\" failed-check-httpcode=\"401\" failed-check-error-message=\"Tenant missing or wrong\" ignore-case=\"true\">"
            "<value>contoso</value><value>fabrikam</value></check-header>"_qs);
        apply(c);
        HttpReply missing = m_bed.get("/echo/items/1", kKey);
        QCOMPARE(missing.status, 401);
        QCOMPARE(missing.body, gatewayErrorBody(401, u"Tenant missing or wrong"_qs));
        QCOMPARE(m_bed.get("/echo/items/1", kKey + Headers { { "X-Tenant", "nope" } }).status, 401);
        QCOMPARE(m_bed.get("/echo/items/1", kKey + Headers { { "X-Tenant", "CONTOSO" } }).status, 200);
    }

    void mockAndReturnResponse()
    {
        GatewayConfig c = m_config;
        GatewayConfig::Operation *item = findOperation(c, u"get-item"_qs);
        item->responses = { { 200, u"application/json"_qs, QByteArray(R"({"sample":true})") } };
        item->policyXml = policies(u"<mock-response status-code=\"200\" content-type=\"application/json\" />"_qs);
        findOperation(c, u"get-special"_qs)->policyXml = policies(
            u"<return-response><set-status code=\"418\" reason=\"Teapot\" /><set-header name=\"X-Why\" exists-action=\"override\"><value>short</value></set-header>"
            "<set-body>{\"op\":\"@(context.Operation.Id)\"}</set-body></return-response>"_qs);
        apply(c);
        const int before = m_bed.backend().requests();
        HttpReply mock = m_bed.get("/echo/items/5", kKey);
        QCOMPARE(mock.status, 200);
        QCOMPARE(mock.body, QByteArray(R"({"sample":true})"));
        QCOMPARE(mock.header("Content-Type"), QByteArray("application/json"));
        HttpReply ret = m_bed.get("/echo/items/special", kKey);
        QCOMPARE(ret.status, 418);
        QCOMPARE(ret.header("X-Why"), QByteArray("short"));
        QCOMPARE(ret.body, QByteArray("{\"op\":\"@(context.Operation.Id)\"}"));
        QCOMPARE(m_bed.backend().requests(), before);
    }

    void baseInheritanceRunsGlobalProductApiOperation()
    {
        GatewayConfig c = m_config;
        const auto append = [](const char *v) {
            return u"<set-header name=\"X-Order\" exists-action=\"append\"><value>%1</value></set-header>"_qs.arg(QLatin1StringView(v));
        };
        c.globalPolicyXml[QString()] = policies(append("global"));
        c.products[0].policyXml = policies(u"<base/>"_qs + append("product"));
        c.apis[0].policyXml = policies(u"<base/>"_qs + append("api"));
        findOperation(c, u"get-item"_qs)->policyXml = policies(append("operation-first") + u"<base/>"_qs + append("operation"));
        findOperation(c, u"get-special"_qs)->policyXml = policies(append("operation-only"));
        apply(c);
        // Product context (product-scope key): global → product → API → operation.
        HttpReply reply = m_bed.get("/echo/items/1", kKey);
        QCOMPARE(backendHeaders(reply).value(u"x-order"_qs).toString(),
                 u"operation-first, global, product, api, operation"_qs);
        // An API-scope key runs without the product scope.
        reply = m_bed.get("/echo/items/1", { { "Ocp-Apim-Subscription-Key", "api-key" } });
        QCOMPARE(backendHeaders(reply).value(u"x-order"_qs).toString(), u"operation-first, global, api, operation"_qs);
        // No <base/>: nothing inherited.
        reply = m_bed.get("/echo/items/special", kKey);
        QCOMPARE(backendHeaders(reply).value(u"x-order"_qs).toString(), u"operation-only"_qs);
    }

    void namedValuesIncludingSecretsAreSubstituted()
    {
        GatewayConfig c = m_config;
        c.namedValues = { { QString(), u"tenant"_qs, u"contoso & co"_qs, false }, { QString(), u"backend-token"_qs, u"s3cr3t<>"_qs, true } };
        c.apis[0].policyXml = policies(
            u"<base/><set-header name=\"X-Tenant\" exists-action=\"override\"><value>{{tenant}}</value></set-header>"
            "<set-header name=\"Authorization\" exists-action=\"override\"><value>Bearer {{backend-token}}</value></set-header>"
            "<set-header name=\"X-Unknown\" exists-action=\"override\"><value>{{nope}}</value></set-header>"_qs);
        apply(c);
        const QJsonObject h = backendHeaders(m_bed.get("/echo/items/1", kKey));
        QCOMPARE(h.value(u"x-tenant"_qs).toString(), u"contoso & co"_qs);
        QCOMPARE(h.value(u"authorization"_qs).toString(), u"Bearer s3cr3t<>"_qs);
        QCOMPARE(h.value(u"x-unknown"_qs).toString(), u"{{nope}}"_qs);
    }

    void onErrorShapesGatewayErrors()
    {
        GatewayConfig c = m_config;
        c.apis[0].policyXml = policies(u"<base/><check-header name=\"X-Must\" failed-check-httpcode=\"400\" failed-check-error-message=\"X-Must is required\" />"_qs,
                                       u"<base/>"_qs, u"<base/>"_qs,
                                       u"<set-header name=\"X-Error-Reason\" exists-action=\"override\"><value>handled</value></set-header>"_qs);
        apply(c);
        HttpReply reply = m_bed.get("/echo/items/1", kKey);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.header("X-Error-Reason"), QByteArray("handled"));
        // 401 for a missing key also passes through on-error at the API scope.
        reply = m_bed.get("/echo/items/1");
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.header("X-Error-Reason"), QByteArray("handled"));
    }

    void cleanup()
    {
        apply(m_config);
    }
};

QTEST_GUILESS_MAIN(TestGatewayPolicies)
#include "tst_gatewaypolicies.moc"
