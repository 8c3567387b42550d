// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Choosing the Try It subscription: by id first, then by a unique display name; an ambiguous or
// unknown name, or a failing listSecrets, is reported rather than guessed. The happy path runs
// against the real portico-local in tst_tryitendtoend; here a fake QNAM gives the edge cases.

#include "core/arm/apimclient.h"
#include "core/arm/armclient.h"
#include "core/auth/statictokenprovider.h"
#include "core/tryit/subscriptionkeyjob.h"
#include "core/tryit/tryitrequest.h"
#include "tests/support/fakenetworkaccessmanager.h"

#include <QSignalSpy>
#include <QTest>

using namespace portico;
using core::Error;
using core::Result;
using test::FakeResponse;

namespace {

const QByteArray kSubscriptions = R"({"value":[
  {"id":"/s/subscriptions/one","name":"one","properties":{"scope":"/products/starter","displayName":"Team","state":"active"}},
  {"id":"/s/subscriptions/two","name":"two","properties":{"scope":"/products/starter","displayName":"Team","state":"active"}},
  {"id":"/s/subscriptions/three","name":"three","properties":{"scope":"/apis","displayName":"Solo","state":"suspended"}}
],"nextLink":""})";

struct Outcome
{
    Result<core::ChosenSubscription> result = Error::make(Error::Kind::Timeout, u"no answer"_qs);
    int finishedCount = 0;
};

Outcome run(core::SubscriptionKeyJob *job)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(job, &core::SubscriptionKeyJob::finished, job, [outcome, job] {
        outcome->result = job->result();
        ++outcome->finishedCount;
    });
    QSignalSpy destroyed(job, &QObject::destroyed);
    destroyed.wait(10000);
    QTest::qWait(10);
    return *outcome;
}

} // namespace

class tst_SubscriptionKeyJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void choosing_data();
    void choosing();
    void failingListSecretsIsReported();
    void injectUsesTheApisKeyNames();

private:
    std::unique_ptr<test::FakeNetworkAccessManager> m_network;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_arm;
    std::unique_ptr<core::ApimClient> m_apim;
};

void tst_SubscriptionKeyJob::init()
{
    m_network = std::make_unique<test::FakeNetworkAccessManager>();
    m_tokens = std::make_unique<core::StaticTokenProvider>(u"token"_qs);
    m_arm = std::make_unique<core::ArmClient>(
        m_network.get(), QUrl(u"https://management.azure.com"_qs), m_tokens.get());
    m_apim = std::make_unique<core::ApimClient>(m_arm.get(),
        u"/subscriptions/s/resourceGroups/rg/providers/"
        "Microsoft.ApiManagement/service/svc"_qs);
}

void tst_SubscriptionKeyJob::cleanup()
{
    m_apim.reset();
    m_arm.reset();
    m_tokens.reset();
    m_network.reset();
}

void tst_SubscriptionKeyJob::choosing_data()
{
    QTest::addColumn<QString>("wanted");
    QTest::addColumn<QString>("chosen"); // sid, empty when refused
    QTest::addColumn<int>("errorKind");
    QTest::newRow("by id") << u"two"_qs << u"two"_qs << int(Error::Kind::None);
    QTest::newRow("by unique display name") << u"Solo"_qs << u"three"_qs << int(Error::Kind::None);
    QTest::newRow("ambiguous display name")
        << u"Team"_qs << QString() << int(Error::Kind::InvalidInput);
    QTest::newRow("unknown") << u"Nobody"_qs << QString() << int(Error::Kind::NotFound);
    QTest::newRow("nothing chosen") << u"  "_qs << QString() << int(Error::Kind::InvalidInput);
}

void tst_SubscriptionKeyJob::choosing()
{
    QFETCH(QString, wanted);
    QFETCH(QString, chosen);
    QFETCH(int, errorKind);
    m_network->enqueue({ FakeResponse::Behaviour::Respond, 200, kSubscriptions, {} });
    m_network->enqueue({ FakeResponse::Behaviour::Respond, 200,
        R"({"primaryKey":"0123456789abcdef0123","secondaryKey":"fedcba9876543210fedc"})", {} });
    const Outcome outcome = run(new core::SubscriptionKeyJob(m_apim.get(), wanted));
    QCOMPARE(outcome.finishedCount, 1);
    if (chosen.isEmpty()) {
        QVERIFY(!outcome.result.ok());
        QCOMPARE(int(outcome.result.error().kind), errorKind);
        QCOMPARE(outcome.result.error().target, u"subscription"_qs);
        for (const auto &request : m_network->requests())
            QVERIFY(!request.request.url().path().endsWith(u"/listSecrets"_qs));
        return;
    }
    QVERIFY2(outcome.result.ok(),
        qPrintable(outcome.result.ok() ? QString() : outcome.result.error().toString()));
    QCOMPARE(outcome.result->subscription.name, chosen);
    QCOMPARE(outcome.result->keys.primaryKey, u"0123456789abcdef0123"_qs);
    QCOMPARE(m_network->requests().size(), 2);
    QCOMPARE(m_network->requests().at(1).verb, QByteArray("POST"));
    QVERIFY(m_network->requests().at(1).request.url().path().endsWith(
        u"/subscriptions/"_qs + chosen + u"/listSecrets"_qs));
}

void tst_SubscriptionKeyJob::failingListSecretsIsReported()
{
    m_network->enqueue({ FakeResponse::Behaviour::Respond, 200, kSubscriptions, {} });
    m_network->enqueue({ FakeResponse::Behaviour::Respond, 403,
        R"({"error":{"code":"AuthorizationFailed","message":"No access to the keys."}})", {} });
    const Outcome outcome = run(new core::SubscriptionKeyJob(m_apim.get(), u"one"_qs));
    QCOMPARE(outcome.finishedCount, 1);
    QVERIFY(!outcome.result.ok());
    QCOMPARE(outcome.result.error().kind, Error::Kind::Forbidden);
    QCOMPARE(outcome.result.error().code, u"AuthorizationFailed"_qs);
}

void tst_SubscriptionKeyJob::injectUsesTheApisKeyNames()
{
    core::Api api;
    api.subscriptionKeyParameterNames = { u"X-Team-Key"_qs, u"team-key"_qs };
    core::ChosenSubscription chosen;
    chosen.subscription.name = u"one"_qs;
    chosen.subscription.displayName = u"Team"_qs;
    chosen.keys = { u"0123456789abcdef0123"_qs, u"fedcba9876543210fedc"_qs };
    core::TryItRequest request;
    request.gatewayUrl = QUrl(u"https://svc.azure-api.net"_qs);
    request.apiPath = u"team"_qs;
    request.urlTemplate = u"/ping"_qs;
    core::SubscriptionKeyJob::inject(
        request, api, chosen, core::SubscriptionKeyJob::Key::Secondary);
    QCOMPARE(request.subscriptionName, u"Team"_qs);
    QCOMPARE(request.prepare()->header("X-Team-Key"), QByteArray("fedcba9876543210fedc"));
    QCOMPARE(
        QString::fromUtf8(request.preview()->header("X-Team-Key")), core::secretMask.toString());
    QVERIFY(!request.toJson().contains(u"subscriptionKey"_qs));
    request.keyPlacement = core::TryItRequest::KeyPlacement::Query;
    QVERIFY(request.prepare()->url.query().contains(u"team-key=fedcba9876543210fedc"_qs));
    QVERIFY(!request.preview()->url.toString().contains(u"fedcba9876543210fedc"_qs));
}

QTEST_GUILESS_MAIN(tst_SubscriptionKeyJob)
#include "tst_subscriptionkeyjob.moc"
