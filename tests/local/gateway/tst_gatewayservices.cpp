// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// End to end: the real portico-local, configured only through its ARM management API, in front
// of a real backend. Several services on one instance, each on its own gateway URL (the path of
// its gatewayUrl) with its own keys and rate-limit counters; keys of unpublished products.

#include "tests/local/gateway/gatewaytestbed.h"
#include "tests/local/gateway/rawhttp.h"
#include "tests/local/gateway/testbackend.h"
#include "tests/local/management/armtestclient.h"
#include "tests/support/porticolocalfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace portico::test;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

QJsonObject props(const QJsonObject &properties)
{
    return QJsonObject { { u"properties"_qs, properties } };
}

bool created(const ArmTestClient::Reply &r)
{
    return r.status == 200 || r.status == 201;
}

} // namespace

class TestGatewayServices : public QObject
{
    Q_OBJECT

private:
    PorticoLocalFixture m_local;
    TestBackend m_backend;
    std::unique_ptr<ArmTestClient> m_arm;

    static QString svc(const QString &service, const QString &rest = {})
    {
        return ArmTestClient::servicePath(service) + rest;
    }

    // The service's gatewayUrl, as Portico's Try It and the README read it.
    QUrl gatewayUrl(const QString &service)
    {
        const auto r = m_arm->get(svc(service));
        return QUrl(r.json.value(u"properties"_qs).toObject().value(u"gatewayUrl"_qs).toString());
    }

    // GET {gatewayUrl}{rest} on a fresh connection to the host and port gatewayUrl names.
    HttpReply call(const QUrl &gateway, const QByteArray &rest, const Headers &headers = {})
    {
        RawHttpConnection connection(quint16(gateway.port()), gateway.scheme() == u"https");
        QByteArray path = gateway.path(QUrl::FullyEncoded).toUtf8();
        while (path.endsWith('/'))
            path.chop(1);
        return connection.request("GET", path + rest, headers);
    }

    QByteArray keyOf(const QString &service, const QString &subscription)
    {
        return m_arm->post(svc(service, u"/subscriptions/"_qs + subscription + u"/listSecrets"_qs))
            .json.value(u"primaryKey"_qs).toString().toUtf8();
    }

    // An API "x" at path "echo" with GET /ping, forwarded to the backend under /{backendBase}.
    bool addEchoApi(const QString &service, const QString &backendBase, QString *failure)
    {
        auto r = m_arm->put(svc(service, u"/apis/x"_qs), props({
            { u"displayName"_qs, u"X"_qs }, { u"path"_qs, u"echo"_qs },
            { u"serviceUrl"_qs, m_backend.url(u"/"_qs + backendBase).toString() },
            { u"protocols"_qs, QJsonArray { u"http"_qs, u"https"_qs } } }));
        if (created(r))
            r = m_arm->put(svc(service, u"/apis/x/operations/ping"_qs), props({
                { u"displayName"_qs, u"Ping"_qs }, { u"method"_qs, u"GET"_qs }, { u"urlTemplate"_qs, u"/ping"_qs } }));
        if (!created(r))
            *failure = QString::fromUtf8(r.body);
        return created(r);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_local.start(), qPrintable(m_local.errorString()));
        m_arm = std::make_unique<ArmTestClient>(m_local.managementUrl(), m_local.token());
        QString failure;
        for (const QString &service : { u"svc-a"_qs, u"svc-b"_qs }) {
            QVERIFY2(m_arm->createService(service, &failure), qPrintable(failure));
            // The same API id and path in both services, each with its own backend base path.
            QVERIFY2(addEchoApi(service, service + u"-backend"_qs, &failure), qPrintable(failure));
            QVERIFY2(created(m_arm->put(svc(service, u"/products/starter/apis/x"_qs), {})), "product link");
            const auto r = m_arm->put(svc(service, u"/subscriptions/same-sub"_qs), props({
                { u"scope"_qs, u"/products/starter"_qs }, { u"displayName"_qs, u"Same name"_qs },
                { u"state"_qs, u"active"_qs } }));
            QVERIFY2(created(r), r.body.constData());
        }
    }

    void eachServiceHasItsOwnGatewayUrl()
    {
        const QUrl a = gatewayUrl(u"svc-a"_qs);
        const QUrl b = gatewayUrl(u"svc-b"_qs);

        const Headers keyA { { "Ocp-Apim-Subscription-Key", keyOf(u"svc-a"_qs, u"master"_qs) } };
        const Headers keyB { { "Ocp-Apim-Subscription-Key", keyOf(u"svc-b"_qs, u"master"_qs) } };
        HttpReply reply = call(b, "/echo/ping", keyB);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"path"_qs).toString(), u"/svc-b-backend/ping"_qs);
        reply = call(a, "/echo/ping", keyA);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"path"_qs).toString(), u"/svc-a-backend/ping"_qs);
        // A service's key opens only that service's gateway.
        reply = call(b, "/echo/ping", keyA);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.body, gatewayErrorBody(401, u"Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription."_qs));
        // gatewayUrl is {gatewayHttps}/{service name}.
        const QString root = m_local.gatewayHttpsUrl().toString(QUrl::StripTrailingSlash);
        QCOMPARE(a.toString(), root + u"/svc-a"_qs);
        QCOMPARE(b.toString(), root + u"/svc-b"_qs);
        // The list by resource group says the same.
        const auto list = m_arm->get(ArmTestClient::resourceGroupPath()
                                     + u"/providers/Microsoft.ApiManagement/service"_qs);
        QCOMPARE(list.status, 200);
        int seen = 0;
        for (const QJsonValue &v : list.json.value(u"value"_qs).toArray()) {
            const QJsonObject service = v.toObject();
            if (service.value(u"name"_qs).toString() == u"svc-b") {
                QCOMPARE(service.value(u"properties"_qs).toObject().value(u"gatewayUrl"_qs).toString(), b.toString());
                ++seen;
            }
        }
        QCOMPARE(seen, 1);
        // Service names compare case-insensitively, as host names do in Azure.
        QCOMPARE(call(QUrl(root + u"/SVC-B"_qs), "/echo/ping", keyB).status, 200);
        // Without a service segment nothing matches.
        QCOMPARE(call(QUrl(root), "/echo/ping", keyB).status, 404);

        // The plain-HTTP listener serves the same paths; QNetworkAccessManager composes them
        // from gatewayUrl like Portico's Try It does.
        QUrl plain = m_local.gatewayUrl();
        plain.setPath(b.path() + u"/echo/ping"_qs);
        QNetworkAccessManager nam;
        QNetworkRequest request(plain);
        request.setRawHeader(keyB.first().first, keyB.first().second);
        std::unique_ptr<QNetworkReply> viaQnam(nam.get(request));
        QSignalSpy finished(viaQnam.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(15000));
        QCOMPARE(viaQnam->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(QJsonDocument::fromJson(viaQnam->readAll()).object().value(u"path"_qs).toString(),
                 u"/svc-b-backend/ping"_qs);
    }

    void rateLimitCountersAreKeptPerService()
    {
        // Starter's seeded policy allows 5 calls per 60 s per subscription. Both services have a
        // subscription named same-sub: using up one must not limit the other.
        const QUrl a = gatewayUrl(u"svc-a"_qs);
        const QUrl b = gatewayUrl(u"svc-b"_qs);
        const Headers keyA { { "Ocp-Apim-Subscription-Key", keyOf(u"svc-a"_qs, u"same-sub"_qs) } };
        const Headers keyB { { "Ocp-Apim-Subscription-Key", keyOf(u"svc-b"_qs, u"same-sub"_qs) } };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(call(a, "/echo/ping", keyA).status, 200);
        QCOMPARE(call(a, "/echo/ping", keyA).status, 429);
        HttpReply reply = call(b, "/echo/ping", keyB);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"path"_qs).toString(), u"/svc-b-backend/ping"_qs);
    }

    void keysOfAnUnpublishedProductStillOpenItsApis()
    {
        const QString service = u"hidden"_qs;
        QString failure;
        QVERIFY2(m_arm->createService(service, &failure), qPrintable(failure));
        QVERIFY2(addEchoApi(service, u"hidden-backend"_qs, &failure), qPrintable(failure));
        auto r = m_arm->put(svc(service, u"/products/internal"_qs), props({
            { u"displayName"_qs, u"Internal"_qs }, { u"subscriptionRequired"_qs, true },
            { u"approvalRequired"_qs, false }, { u"state"_qs, u"notPublished"_qs } }));
        QVERIFY2(created(r), r.body.constData());
        QCOMPARE(r.json.value(u"properties"_qs).toObject().value(u"state"_qs).toString(), u"notPublished"_qs);
        QVERIFY2(created(m_arm->put(svc(service, u"/products/internal/apis/x"_qs), {})), "product link");
        r = m_arm->put(svc(service, u"/subscriptions/internal-sub"_qs), props({
            { u"scope"_qs, u"/products/internal"_qs }, { u"displayName"_qs, u"Internal"_qs },
            { u"state"_qs, u"active"_qs } }));
        QVERIFY2(created(r), r.body.constData());

        const QUrl gateway = gatewayUrl(service);
        const Headers key { { "Ocp-Apim-Subscription-Key", keyOf(service, u"internal-sub"_qs) } };
        HttpReply reply = call(gateway, "/echo/ping", key);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"path"_qs).toString(), u"/hidden-backend/ping"_qs);

        // Publishing and unpublishing again changes nothing for the subscriber.
        r = m_arm->patch(svc(service, u"/products/internal"_qs), props({ { u"state"_qs, u"published"_qs } }));
        QCOMPARE(r.status, 200);
        QCOMPARE(call(gateway, "/echo/ping", key).status, 200);
        r = m_arm->patch(svc(service, u"/products/internal"_qs), props({ { u"state"_qs, u"notPublished"_qs } }));
        QCOMPARE(r.status, 200);
        QCOMPARE(call(gateway, "/echo/ping", key).status, 200);
        // Suspending the subscription still closes it.
        r = m_arm->patch(svc(service, u"/subscriptions/internal-sub"_qs), props({ { u"state"_qs, u"suspended"_qs } }));
        QCOMPARE(r.status, 200);
        QCOMPARE(call(gateway, "/echo/ping", key).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestGatewayServices)
#include "tst_gatewayservices.moc"
