// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Issue #6's end-to-end path against the real portico-local, through the typed calls only:
// publish the AzureML seed (service, "AzureML Demo API" with its five operations, the ML key as
// a secret named value injected by an API policy, product Starter, a subscription), then Try It
// RRS Execute through the gateway with the subscription's key fetched by listSecrets and get the
// seed vector back; run the generated curl and python3 snippets against the gateway and compare
// with Try It; call until Starter's rate limit answers 429; and check that the history SQLite
// file holds neither the subscription key nor the ML key.

#include "core/arm/apimclient.h"
#include "core/arm/armclient.h"
#include "core/auth/statictokenprovider.h"
#include "core/tryit/snippetgenerator.h"
#include "core/tryit/subscriptionkeyjob.h"
#include "core/tryit/tryithistory.h"
#include "core/tryit/tryitrequest.h"
#include "core/tryit/tryitsender.h"
#include "core/storage/blobclient.h"
#include "tests/support/azuritefixture.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/tempdir.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

using namespace portico;
using core::ApimCall;
using core::Error;
using core::Result;
using core::SnippetGenerator;
using core::TryItRequest;

namespace {

const QString kApiId = u"azureml-demo-api"_qs;
const QString kNamedValueId = u"azureml-demo-api-key"_qs;
const QString kSubscriptionName = u"Seed subscription"_qs;
const QByteArray kRrsBody
    = R"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["This is a good day"]]}}, "GlobalParameters": {}})";

// The seed's five operations, URL templates verbatim from ui/publisher/azuremldefinition.cpp
// (azureml-protocol.md §1.1).
struct SeedOperation
{
    QString id;
    QString displayName;
    QString method;
    QString urlTemplate;
};

const QList<SeedOperation> kSeedOperations {
    { u"rrs-execute"_qs, u"RRS Execute"_qs, u"POST"_qs,
        u"/workspaces/{workspace}/services/{service}/execute?api-version={apiversion}&details={details}"_qs },
    { u"bes-submit"_qs, u"BES Submit"_qs, u"POST"_qs,
        u"/workspaces/{workspace}/services/{service}/jobs?api-version={apiversion}"_qs },
    { u"bes-start"_qs, u"BES Start"_qs, u"POST"_qs,
        u"/workspaces/{workspace}/services/{service}/jobs/{jobid}/start?api-version={apiversion}"_qs },
    { u"bes-status"_qs, u"BES Status"_qs, u"GET"_qs,
        u"/workspaces/{workspace}/services/{service}/jobs/{jobid}?api-version={apiversion}"_qs },
    { u"bes-delete"_qs, u"BES Delete"_qs, u"DELETE"_qs,
        u"/workspaces/{workspace}/services/{service}/jobs/{jobid}?api-version={apiversion}"_qs },
};

template <typename T>
Result<T> await(ApimCall<T> *job, int timeoutMs = 30000)
{
    auto result = std::make_shared<Result<T>>(Error::make(Error::Kind::Timeout, u"no answer"_qs));
    QObject::connect(
        job, &core::ApimJob::finished, job, [result, job] { *result = job->result(); });
    QSignalSpy destroyed(job, &QObject::destroyed);
    destroyed.wait(timeoutMs);
    return *result;
}

// For failure messages: evaluated whether or not the check fails.
template <typename T>
QString why(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().toString();
}

core::ParameterContract templateParameter(const QString &name, const QString &defaultValue)
{
    core::ParameterContract p;
    p.name = name;
    p.type = u"string"_qs;
    p.required = true;
    p.defaultValue = defaultValue;
    return p;
}

// Col2_HashingFeature.0…7 of an RRS reply (details=true: {"Results":{"output1":{"type":"table",
// "value":{"ColumnNames":[…],"Values":[[…]]}}}}), as the numbers a user reads.
QList<int> hashingFeatures(const QByteArray &body)
{
    const QJsonObject value = QJsonDocument::fromJson(body)
                                  .object()[u"Results"_qs][u"output1"_qs][u"value"_qs]
                                  .toObject();
    const QJsonArray columns = value.value(u"ColumnNames"_qs).toArray();
    const QJsonArray row = value.value(u"Values"_qs).toArray().first().toArray();
    QList<int> features;
    for (int i = 0; i < 8; ++i) {
        const qsizetype column
            = columns.toVariantList().indexOf(u"Col2_HashingFeature.%1"_qs.arg(i));
        if (column < 0)
            return {};
        features.append(row.at(column).toVariant().toInt());
    }
    return features;
}

} // namespace

class tst_TryItEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void seedIsPublishedThroughTypedCalls();
    void rrsExecuteThroughTheGatewayReturnsTheSeedVector();
    void renamedKeyParametersCarryTheInjectedKey();
    void typedKeyIsSentInsteadOfTheChosenSubscriptions();
    void pathValuesReachTheChosenOperationOrAreRefused();
    void headAnswersWithStatusAndHeadersWithoutBody();
    void snippetsWithSecretsFilledInAnswerLikeTryIt_data();
    void snippetsWithSecretsFilledInAnswerLikeTryIt();
    void starterRateLimitAnswers429WithRetryAfter();
    void besStorageCredentialsStayOutOfHistoryAndSnippets();
    void historyFileHoldsNoSecret();

private:
    TryItRequest rrsRequest(const QUrl &gateway);
    Result<core::TryItResponse> send(const TryItRequest &request, bool record = true);
    Result<core::ChosenSubscription> chooseSubscription(const QString &which);
    TryItRequest seedRequest(const QString &operationId, const QString &jobId = {});

    test::PorticoLocalFixture m_local;
    test::AzuriteFixture m_azurite; // started by the BES test only
    test::TempDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_arm;
    std::unique_ptr<core::ApimClient> m_apim;
    core::TryItHistory m_history;
    core::ServiceInstance m_service;
    core::Api m_api;
    core::Operation m_rrs;
    QStringList m_secrets; // every key this test saw: none may reach the history file
    QElapsedTimer m_clock;
    QList<qint64> m_starterCallsAllowed; // when each 200 through the Starter subscription came
    int m_recorded = 0;
    bool m_besRecorded = false;
};

void tst_TryItEndToEnd::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_local.start(), qPrintable(m_local.errorString()));
    QVERIFY(m_local.gatewayHttpsUrl().isValid() && m_local.gatewayUrl().isValid());
    QVERIFY(!m_local.mlKey().isEmpty());
    m_secrets << m_local.mlKey();
    m_tokens = std::make_unique<core::StaticTokenProvider>(m_local.token());
    m_arm = std::make_unique<core::ArmClient>(&m_network, m_local.managementUrl(), m_tokens.get());
    core::ArmTiming timing;
    timing.timeScale = 0.1;
    m_arm->setTiming(timing);
    m_apim = std::make_unique<core::ApimClient>(m_arm.get(),
        core::ApimClient::serviceIdFor(
            u"00000000-0000-0000-0000-000000000000"_qs, u"portico-local"_qs, u"demoazureml"_qs));
    QVERIFY(m_history.open(m_dir.filePath(u"history.sqlite"_qs)).ok());
    m_clock.start();
}

void tst_TryItEndToEnd::cleanupTestCase()
{
    m_history.close();
    m_apim.reset();
    m_arm.reset();
    m_local.stop();
}

void tst_TryItEndToEnd::seedIsPublishedThroughTypedCalls()
{
    core::ServiceInstance service;
    service.location = u"West Europe"_qs;
    service.sku = { u"Developer"_qs, 1 };
    service.publisherEmail = u"admin@contoso.com"_qs;
    service.publisherName = u"Contoso ML"_qs;
    const auto created = await(m_apim->createOrUpdateService(service), 60000);
    QVERIFY2(created.ok(), qPrintable(why(created)));
    QCOMPARE(created->provisioningState, u"Succeeded"_qs);
    m_service = *created;

    // The ML key is a secret named value; the API policy sends it as a Bearer token, so callers
    // of the gateway need only their subscription key (azuremldefinition.cpp).
    core::NamedValue key;
    key.displayName = kNamedValueId;
    key.value = m_local.mlKey();
    key.secret = true;
    const auto named = await(m_apim->namedValues().createOrUpdate(kNamedValueId, key));
    QVERIFY2(named.ok(), qPrintable(why(named)));
    QVERIFY(named->value.isEmpty());

    core::Api api;
    api.displayName = u"AzureML Demo API"_qs;
    api.path = u"azureml-demo"_qs;
    QString mlUrl = m_local.mlUrl().toString();
    while (mlUrl.endsWith(u'/'))
        mlUrl.chop(1);
    api.serviceUrl = mlUrl;
    api.protocols = { u"https"_qs, u"http"_qs }; // both are served by portico-local's gateway
    api.subscriptionRequired = true;
    api.description = u"Azure Machine Learning web service local/feature-hashing (RRS and BES)"_qs;
    const auto apiCreated = await(m_apim->apis().createOrUpdate(kApiId, api));
    QVERIFY2(apiCreated.ok(), qPrintable(why(apiCreated)));
    m_api = *apiCreated;
    QCOMPARE(m_api.path, u"azureml-demo"_qs);
    QCOMPARE(m_api.subscriptionKeyParameterNames.header, u"Ocp-Apim-Subscription-Key"_qs);

    for (const SeedOperation &seed : kSeedOperations) {
        core::Operation op;
        op.displayName = seed.displayName;
        op.method = seed.method;
        op.urlTemplate = seed.urlTemplate;
        op.templateParameters = { templateParameter(u"workspace"_qs, u"local"_qs),
            templateParameter(u"service"_qs, u"feature-hashing"_qs) };
        if (seed.urlTemplate.contains(u"{jobid}"_qs))
            op.templateParameters.append(templateParameter(u"jobid"_qs, {}));
        op.templateParameters.append(templateParameter(u"apiversion"_qs, u"2.0"_qs));
        if (seed.urlTemplate.contains(u"{details}"_qs))
            op.templateParameters.append(templateParameter(u"details"_qs, u"true"_qs));
        if (seed.method == u"POST"_qs && seed.id != u"bes-start"_qs)
            op.request.representations.append({ u"application/json"_qs });
        const auto put = await(m_apim->operations(kApiId).createOrUpdate(seed.id, op));
        QVERIFY2(put.ok(), qPrintable(seed.displayName + u": "_qs + why(put)));
    }
    const auto operations = await(m_apim->operations(kApiId).list());
    QVERIFY2(operations.ok(), qPrintable(why(operations)));
    QCOMPARE(operations->size(), kSeedOperations.size());
    for (const SeedOperation &seed : kSeedOperations) {
        const auto found = std::find_if(operations->begin(), operations->end(),
            [&](const core::Operation &o) { return o.name == seed.id; });
        QVERIFY2(found != operations->end(), qPrintable(seed.id));
        QCOMPARE(found->displayName, seed.displayName);
        QCOMPARE(found->method, seed.method);
        QCOMPARE(found->urlTemplate, seed.urlTemplate);
        if (seed.id == u"rrs-execute"_qs)
            m_rrs = *found;
    }

    core::Policy policy;
    policy.scope = core::PolicyScope::api(kApiId);
    policy.value
        = u"<policies>\n  <inbound>\n    <base />\n"
          "    <set-header name=\"Authorization\" exists-action=\"override\">\n"
          "      <value>Bearer {{%1}}</value>\n    </set-header>\n  </inbound>\n"
          "  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n"
          "  <on-error>\n    <base />\n  </on-error>\n</policies>"_qs.arg(kNamedValueId);
    const auto policyPut = await(m_apim->createOrUpdatePolicy(policy));
    QVERIFY2(policyPut.ok(), qPrintable(why(policyPut)));
    QVERIFY(!policyPut->value.contains(m_local.mlKey())); // the policy names the value, not the key

    // Product Starter comes with the service; its policy is the one §6.4 quotes.
    const auto starter = await(m_apim->products().get(u"starter"_qs));
    QVERIFY2(starter.ok(), qPrintable(why(starter)));
    QCOMPARE(starter->displayName, u"Starter"_qs);
    const auto starterPolicy = await(m_apim->getPolicy(core::PolicyScope::product(u"starter"_qs)));
    QVERIFY2(starterPolicy.ok(), qPrintable(why(starterPolicy)));
    QVERIFY2(starterPolicy->value.contains(u"<rate-limit calls=\"5\" renewal-period=\"60\""_qs),
        qPrintable(starterPolicy->value));
    const auto linked = await(m_apim->productApis(u"starter"_qs).add(kApiId));
    QVERIFY2(linked.ok(), qPrintable(why(linked)));

    core::Subscription subscription;
    subscription.displayName = kSubscriptionName;
    subscription.scope = u"/products/starter"_qs;
    subscription.state = u"active"_qs;
    const auto subscribed
        = await(m_apim->subscriptions().createOrUpdate(u"seed-subscription"_qs, subscription));
    QVERIFY2(subscribed.ok(), qPrintable(why(subscribed)));
    QCOMPARE(subscribed->state, u"active"_qs);
    QVERIFY(subscribed->primaryKey.isEmpty());
}

TryItRequest tst_TryItEndToEnd::rrsRequest(const QUrl &gateway)
{
    TryItRequest request;
    request.apiId = m_api.name;
    request.operationId = m_rrs.name;
    request.operationName = m_rrs.displayName;
    request.method = m_rrs.method.toLatin1();
    request.gatewayUrl = gateway;
    request.apiPath = m_api.path;
    request.urlTemplate = m_rrs.urlTemplate;
    for (const core::ParameterContract &p : m_rrs.templateParameters)
        request.templateValues.insert(p.name, p.defaultValue);
    request.templateValues.insert(u"apiversion"_qs, u"2.0"_qs);
    request.templateValues.insert(u"details"_qs, u"true"_qs);
    request.body = kRrsBody;
    return request;
}

Result<core::ChosenSubscription> tst_TryItEndToEnd::chooseSubscription(const QString &which)
{
    auto *job = new core::SubscriptionKeyJob(m_apim.get(), which);
    auto result = std::make_shared<Result<core::ChosenSubscription>>(
        Error::make(Error::Kind::Timeout, u"no answer"_qs));
    int finished = 0;
    connect(job, &core::SubscriptionKeyJob::finished, this, [&finished, result, job] {
        *result = job->result();
        ++finished;
    });
    QSignalSpy destroyed(job, &QObject::destroyed);
    destroyed.wait(30000);
    QTest::qWait(10);
    if (finished != 1)
        return Error::make(Error::Kind::Protocol, u"finished %1 times"_qs.arg(finished));
    if (*result)
        m_secrets << (*result)->keys.primaryKey << (*result)->keys.secondaryKey;
    return *result;
}

Result<core::TryItResponse> tst_TryItEndToEnd::send(const TryItRequest &request, bool record)
{
    const auto prepared = request.prepare();
    if (!prepared)
        return prepared.error();
    core::TryItSender::Options options;
    // portico-local's gateway has a self-signed certificate; its SHA-256 is published on the
    // service (the user's pinning decision, taken here by the test).
    const QString sha = m_service.otherProperties.value(u"gatewayCertificateSha256"_qs).toString();
    options.pinnedFingerprints.insert(prepared->url.host().toLower(), { sha.toLower() });
    auto *sender = new core::TryItSender(&m_network, *prepared, options);
    auto result = std::make_shared<Result<core::TryItResponse>>(
        Error::make(Error::Kind::Timeout, u"no answer"_qs));
    connect(sender, &core::TryItSender::finished, this,
        [result, sender] { *result = sender->result(); });
    QSignalSpy destroyed(sender, &QObject::destroyed);
    sender->start();
    destroyed.wait(30000);
    if (record && m_history.record(request, *result).ok())
        ++m_recorded;
    return *result;
}

void tst_TryItEndToEnd::rrsExecuteThroughTheGatewayReturnsTheSeedVector()
{
    QVERIFY(!m_rrs.name.isEmpty());
    const auto chosen = chooseSubscription(kSubscriptionName); // by display name
    QVERIFY2(chosen.ok(), qPrintable(why(chosen)));
    QCOMPARE(chosen->subscription.name, u"seed-subscription"_qs);
    QVERIFY(chosen->keys.primaryKey.size() >= 16);

    TryItRequest request = rrsRequest(QUrl(m_service.gatewayUrl));
    core::SubscriptionKeyJob::inject(request, m_api, *chosen);
    QCOMPARE(request.subscriptionName, kSubscriptionName);

    // What the composer shows: the final URL, the key header present but masked.
    const auto preview = request.preview();
    QVERIFY(preview.ok());
    QCOMPARE(preview->url.scheme(), u"https"_qs);
    // The service's gatewayUrl ends in its own segment, then the API path and the template.
    QCOMPARE(preview->url.path(),
             QUrl(m_service.gatewayUrl).path() + u"/azureml-demo/workspaces/local/services/feature-hashing/execute"_qs);
    QVERIFY(preview->url.path().startsWith(u"/demoazureml/"_qs));
    QCOMPARE(QUrlQuery(preview->url).queryItemValue(u"api-version"_qs), u"2.0"_qs);
    QCOMPARE(QUrlQuery(preview->url).queryItemValue(u"details"_qs), u"true"_qs);
    QCOMPARE(QString::fromUtf8(preview->header("Ocp-Apim-Subscription-Key")),
        core::secretMask.toString());
    QVERIFY(!preview->url.toString().contains(chosen->keys.primaryKey));
    for (const auto &[name, value] : preview->headers)
        QVERIFY(!value.contains(chosen->keys.primaryKey.toUtf8()));
    QCOMPARE(
        request.prepare()->header("Ocp-Apim-Subscription-Key"), chosen->keys.primaryKey.toUtf8());

    const auto response = send(request);
    QVERIFY2(response.ok(), qPrintable(why(response)));
    QVERIFY2(response->status == 200, response->body.constData());
    m_starterCallsAllowed.append(m_clock.elapsed());
    QVERIFY(response->certificate.has_value() && response->certificate->pinned);
    QVERIFY(response->timeToFirstByteMs >= 0 && response->timeToFirstByteMs <= response->totalMs);
    QCOMPARE(hashingFeatures(response->body), (QList<int> { 1, 1, 2, 2, 0, 2, 0, 1 }));
}

void tst_TryItEndToEnd::renamedKeyParametersCarryTheInjectedKey()
{
    // A second API over the same ML service whose key parameters are renamed, in product
    // Unlimited (no rate limit), with its own subscription chosen by id.
    core::Api api = m_api;
    api.id.clear();
    api.name.clear();
    api.displayName = u"AzureML Renamed Keys"_qs;
    api.path = u"azureml-renamed"_qs;
    api.subscriptionKeyParameterNames = { u"X-Demo-Key"_qs, u"demo-key"_qs };
    const auto created = await(m_apim->apis().createOrUpdate(u"azureml-renamed"_qs, api));
    QVERIFY2(created.ok(), qPrintable(why(created)));
    core::Operation op = m_rrs;
    op.id.clear();
    op.name.clear();
    QVERIFY(await(m_apim->operations(u"azureml-renamed"_qs).createOrUpdate(u"rrs-execute"_qs, op))
                .ok());
    core::Policy policy = *await(m_apim->getPolicy(core::PolicyScope::api(kApiId)));
    policy.id.clear();
    policy.scope = core::PolicyScope::api(u"azureml-renamed"_qs);
    QVERIFY(await(m_apim->createOrUpdatePolicy(policy)).ok());
    QVERIFY(await(m_apim->productApis(u"unlimited"_qs).add(u"azureml-renamed"_qs)).ok());
    core::Subscription subscription;
    subscription.displayName = u"Renamed keys"_qs;
    subscription.scope = u"/products/unlimited"_qs;
    subscription.state = u"active"_qs;
    QVERIFY(await(m_apim->subscriptions().createOrUpdate(u"renamed-sub"_qs, subscription)).ok());

    const auto chosen = chooseSubscription(u"renamed-sub"_qs); // by id
    QVERIFY2(chosen.ok(), qPrintable(why(chosen)));
    TryItRequest request = rrsRequest(QUrl(m_service.gatewayUrl));
    request.apiId = u"azureml-renamed"_qs;
    request.apiPath = u"azureml-renamed"_qs;
    core::SubscriptionKeyJob::inject(request, *created, *chosen);
    QCOMPARE(request.keyHeaderName, u"X-Demo-Key"_qs);
    QCOMPARE(request.keyQueryName, u"demo-key"_qs);

    const auto headerPreview = request.preview();
    QCOMPARE(QString::fromUtf8(headerPreview->header("X-Demo-Key")), core::secretMask.toString());
    QVERIFY(headerPreview->header("Ocp-Apim-Subscription-Key").isEmpty());
    const auto viaHeader = send(request);
    QVERIFY2(viaHeader.ok(), qPrintable(why(viaHeader)));
    QVERIFY2(viaHeader->status == 200, viaHeader->body.constData());
    QCOMPARE(hashingFeatures(viaHeader->body), (QList<int> { 1, 1, 2, 2, 0, 2, 0, 1 }));

    request.keyPlacement = TryItRequest::KeyPlacement::Query;
    const auto queryPreview = request.preview();
    QCOMPARE(
        QUrlQuery(queryPreview->url).queryItemValue(u"demo-key"_qs), core::secretMask.toString());
    QVERIFY(!queryPreview->url.toDisplayString().contains(chosen->keys.primaryKey));
    QVERIFY(!queryPreview->url.toString().contains(chosen->keys.primaryKey));
    const auto viaQuery = send(request);
    QVERIFY2(viaQuery.ok(), qPrintable(why(viaQuery)));
    QVERIFY2(viaQuery->status == 200, viaQuery->body.constData());

    // Under the default names the gateway does not find the key: the renamed names matter.
    TryItRequest defaults = request;
    defaults.keyPlacement = TryItRequest::KeyPlacement::Header;
    defaults.keyHeaderName = u"Ocp-Apim-Subscription-Key"_qs;
    defaults.keyQueryName = u"subscription-key"_qs;
    const auto refused = send(defaults);
    QVERIFY(refused.ok());
    QCOMPARE(refused->status, 401);
    QVERIFY2(refused->body.contains("missing subscription key"), refused->body.constData());
}

void tst_TryItEndToEnd::typedKeyIsSentInsteadOfTheChosenSubscriptions()
{
    // Two API-scoped subscriptions (no product, so no rate limit): one picked in the composer,
    // the other's key typed by the user as a header or query parameter.
    for (const QString &id : { u"picked-sub"_qs, u"typed-sub"_qs }) {
        core::Subscription subscription;
        subscription.displayName = id;
        subscription.scope = u"/apis/"_qs + kApiId;
        subscription.state = u"active"_qs;
        QVERIFY(await(m_apim->subscriptions().createOrUpdate(id, subscription)).ok());
    }
    const auto picked = chooseSubscription(u"picked-sub"_qs);
    QVERIFY2(picked.ok(), qPrintable(why(picked)));
    const auto typed = chooseSubscription(u"typed-sub"_qs);
    QVERIFY2(typed.ok(), qPrintable(why(typed)));
    const QByteArray typedKey = typed->keys.secondaryKey.toUtf8();
    const QByteArray wrongKey = "0123456789abcdef0123456789abcdef";
    const QByteArray keyHeader = "Ocp-Apim-Subscription-Key";
    const auto keyHeaders = [&](const core::PreparedRequest &prepared) {
        QList<QByteArray> values;
        for (const auto &[name, value] : prepared.headers) {
            if (name.compare(keyHeader, Qt::CaseInsensitive) == 0)
                values.append(value);
        }
        return values;
    };

    TryItRequest request = rrsRequest(QUrl(m_service.gatewayUrl));
    request.headers.append({ "ocp-apim-subscription-key", typedKey });
    core::SubscriptionKeyJob::inject(request, m_api, *picked);
    QCOMPARE(request.typedKey(), TryItRequest::TypedKey::Header);
    // Exactly one key goes out, the typed one; the preview shows that one field, masked.
    QCOMPARE(keyHeaders(*request.prepare()), QList<QByteArray> { typedKey });
    const auto preview = request.preview();
    QCOMPARE(keyHeaders(*preview), QList<QByteArray> { core::secretMask.toString().toUtf8() });
    const auto accepted = send(request);
    QVERIFY2(accepted.ok(), qPrintable(why(accepted)));
    QVERIFY2(accepted->status == 200, accepted->body.constData());
    QCOMPARE(hashingFeatures(accepted->body), (QList<int> { 1, 1, 2, 2, 0, 2, 0, 1 }));

    // The gateway judges the typed key, not the subscription's: a wrong typed key is refused.
    TryItRequest wrong = request;
    wrong.headers = { { keyHeader, wrongKey } };
    const auto refused = send(wrong);
    QVERIFY2(refused.ok(), qPrintable(why(refused)));
    QCOMPARE(refused->status, 401);
    QVERIFY2(refused->body.contains("invalid subscription key"), refused->body.constData());

    // A key typed as the query parameter wins too; the gateway would read a header key first.
    TryItRequest viaQuery = rrsRequest(QUrl(m_service.gatewayUrl));
    viaQuery.queryParameters.append({ u"subscription-key"_qs, QString::fromUtf8(wrongKey) });
    core::SubscriptionKeyJob::inject(viaQuery, m_api, *picked);
    QCOMPARE(viaQuery.typedKey(), TryItRequest::TypedKey::Query);
    QVERIFY(keyHeaders(*viaQuery.prepare()).isEmpty());
    QCOMPARE(QUrlQuery(viaQuery.preview()->url).queryItemValue(u"subscription-key"_qs),
             core::secretMask.toString());
    const auto queryRefused = send(viaQuery);
    QVERIFY2(queryRefused.ok(), qPrintable(why(queryRefused)));
    QCOMPARE(queryRefused->status, 401);
    QVERIFY2(queryRefused->body.contains("invalid subscription key"), queryRefused->body.constData());
    viaQuery.queryParameters = { { u"subscription-key"_qs, QString::fromUtf8(typedKey) } };
    const auto queryAccepted = send(viaQuery);
    QVERIFY2(queryAccepted.ok(), qPrintable(why(queryAccepted)));
    QVERIFY2(queryAccepted->status == 200, queryAccepted->body.constData());
}

void tst_TryItEndToEnd::pathValuesReachTheChosenOperationOrAreRefused()
{
    core::Subscription subscription;
    subscription.displayName = u"Path values"_qs;
    subscription.scope = u"/apis/"_qs + kApiId; // no product: no rate limit
    subscription.state = u"active"_qs;
    QVERIFY(await(m_apim->subscriptions().createOrUpdate(u"path-sub"_qs, subscription)).ok());
    const auto chosen = chooseSubscription(u"path-sub"_qs);
    QVERIFY2(chosen.ok(), qPrintable(why(chosen)));
    // BES Status: GET .../jobs/{jobid}?api-version={apiversion}
    TryItRequest status = rrsRequest(QUrl(m_service.gatewayUrl));
    status.operationId = u"bes-status"_qs;
    status.method = "GET";
    status.urlTemplate = kSeedOperations.at(3).urlTemplate;
    status.body.clear();
    status.templateValues.remove(u"details"_qs);
    core::SubscriptionKeyJob::inject(status, m_api, *chosen);

    // A '/' in a value stays in its segment (%2F): the gateway matches BES Status and the ML
    // service behind it answers (its error shape, not the gateway's {statusCode, message}).
    status.templateValues.insert(u"jobid"_qs, u"a/b"_qs);
    const auto prepared = status.prepare();
    QVERIFY2(prepared.ok(), qPrintable(why(prepared)));
    QVERIFY2(prepared->url.toString(QUrl::FullyEncoded).contains(u"/jobs/a%2Fb?"_qs),
             qPrintable(prepared->url.toString(QUrl::FullyEncoded)));
    const auto slash = send(status);
    QVERIFY2(slash.ok(), qPrintable(why(slash)));
    const QJsonObject fromService = QJsonDocument::fromJson(slash->body).object();
    QVERIFY2(slash->status == 404 && fromService.contains(u"error"_qs) && !fromService.contains(u"statusCode"_qs),
             slash->body.constData());

    // "." and ".." as a whole segment would be removed on the way (Qt normalizes the path it
    // sends, and QUrl decodes %2E back to "."): what the gateway then gets is another path.
    for (const QByteArray &path : { QByteArray("/jobs/.."), QByteArray("/jobs/%2E%2E") }) {
        QUrl url = prepared->url;
        url.setPath(url.path(QUrl::FullyEncoded).replace(u"/jobs/a%2Fb"_qs, QString::fromLatin1(path)),
                    QUrl::StrictMode);
        core::PreparedRequest raw = *prepared;
        raw.url = url;
        core::TryItSender::Options options;
        options.pinnedFingerprints.insert(url.host().toLower(),
            { m_service.otherProperties.value(u"gatewayCertificateSha256"_qs).toString().toLower() });
        auto *sender = new core::TryItSender(&m_network, raw, options);
        std::optional<Result<core::TryItResponse>> elsewhere;
        connect(sender, &core::TryItSender::finished, this, [&elsewhere, sender] { elsewhere = sender->result(); });
        sender->start();
        QTRY_VERIFY_WITH_TIMEOUT(elsewhere.has_value(), 30000);
        QVERIFY2(elsewhere->ok(), qPrintable(why(*elsewhere)));
        QVERIFY2((*elsewhere)->status == 404 && (*elsewhere)->body.contains("Resource not found"),
                 (*elsewhere)->body.constData());
    }
    // So such a value is refused before anything is sent, naming the parameter.
    for (const QString &value : { u".."_qs, u"."_qs }) {
        status.templateValues.insert(u"jobid"_qs, value);
        const auto refused = status.prepare();
        QVERIFY2(!refused.ok(), qPrintable(value));
        QCOMPARE(refused.error().kind, Error::Kind::InvalidInput);
        QCOMPARE(refused.error().code, u"DotSegment"_qs);
        QCOMPARE(refused.error().target, u"jobid"_qs);
    }
    // Dots that are not a whole segment are an ordinary value.
    status.templateValues.insert(u"jobid"_qs, u"..a"_qs);
    const auto dots = send(status);
    QVERIFY2(dots.ok(), qPrintable(why(dots)));
    QVERIFY2(dots->status == 404 && dots->body.contains("Job '..a' not found"), dots->body.constData());
}

void tst_TryItEndToEnd::headAnswersWithStatusAndHeadersWithoutBody()
{
    // Two HEAD operations: one the gateway answers itself (return-response, as a health probe
    // would be), one forwarded to the ML service, which answers with an error and its length.
    core::Operation probe;
    probe.displayName = u"Job probe"_qs;
    probe.method = u"HEAD"_qs;
    probe.urlTemplate = u"/probe"_qs;
    QVERIFY(await(m_apim->operations(kApiId).createOrUpdate(u"job-probe"_qs, probe)).ok());
    core::Policy answer;
    answer.scope = core::PolicyScope::operation(kApiId, u"job-probe"_qs);
    answer.value = u"<policies>\n  <inbound>\n    <base />\n    <return-response>\n"
                   "      <set-status code=\"200\" reason=\"OK\" />\n"
                   "      <set-header name=\"X-Job-State\" exists-action=\"override\"><value>Finished</value></set-header>\n"
                   "      <set-body>{\"StatusCode\": \"Finished\"}</set-body>\n"
                   "    </return-response>\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n"
                   "  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n"
                   "</policies>"_qs;
    const auto answered = await(m_apim->createOrUpdatePolicy(answer));
    QVERIFY2(answered.ok(), qPrintable(why(answered)));
    core::Operation forwarded = probe;
    forwarded.displayName = u"BES Status (HEAD)"_qs;
    forwarded.urlTemplate = kSeedOperations.at(3).urlTemplate;
    forwarded.templateParameters = m_rrs.templateParameters;
    forwarded.templateParameters.removeIf([](const core::ParameterContract &p) { return p.name == u"details"_qs; });
    forwarded.templateParameters.append(templateParameter(u"jobid"_qs, {}));
    QVERIFY(await(m_apim->operations(kApiId).createOrUpdate(u"bes-status-head"_qs, forwarded)).ok());

    core::Subscription subscription;
    subscription.displayName = u"HEAD"_qs;
    subscription.scope = u"/apis/"_qs + kApiId; // no product: no rate limit
    subscription.state = u"active"_qs;
    QVERIFY(await(m_apim->subscriptions().createOrUpdate(u"head-sub"_qs, subscription)).ok());
    const auto chosen = chooseSubscription(u"head-sub"_qs);
    QVERIFY2(chosen.ok(), qPrintable(why(chosen)));

    TryItRequest head = rrsRequest(QUrl(m_service.gatewayUrl));
    head.operationId = u"job-probe"_qs;
    head.method = "HEAD";
    head.urlTemplate = probe.urlTemplate;
    head.templateValues.clear();
    head.body.clear();
    core::SubscriptionKeyJob::inject(head, m_api, *chosen);
    QElapsedTimer clock;
    clock.start();
    const auto probed = send(head);
    QVERIFY2(probed.ok(), qPrintable(why(probed)));
    QCOMPARE(probed->status, 200);
    QCOMPARE(probed->header("X-Job-State"), QByteArray("Finished"));
    QCOMPARE(probed->bodySize, qint64(0));
    QVERIFY(probed->body.isEmpty());
    QVERIFY(!probed->incomplete);
    QCOMPARE(probed->method, QByteArray("HEAD"));

    head.operationId = u"bes-status-head"_qs;
    head.urlTemplate = forwarded.urlTemplate;
    head.templateValues = { { u"workspace"_qs, rrsRequest({}).templateValues.value(u"workspace"_qs) },
                            { u"service"_qs, rrsRequest({}).templateValues.value(u"service"_qs) },
                            { u"apiversion"_qs, u"2.0"_qs },
                            { u"jobid"_qs, u"no-such-job"_qs } };
    const auto viaBackend = send(head);
    QVERIFY2(viaBackend.ok(), qPrintable(why(viaBackend)));
    QVERIFY2(viaBackend->status >= 400 && viaBackend->status < 500, qPrintable(QString::number(viaBackend->status)));
    QVERIFY(viaBackend->header("Content-Length").toLongLong() > 0); // announced, not sent
    QCOMPARE(viaBackend->bodySize, qint64(0));
    QVERIFY(!viaBackend->incomplete);
    // Neither waited for a body: far below the 60 s a stalled transfer would take.
    QVERIFY2(clock.elapsed() < 30'000, qPrintable(QString::number(clock.elapsed())));

    // And the connection is fine for what follows.
    TryItRequest rrs = rrsRequest(QUrl(m_service.gatewayUrl));
    core::SubscriptionKeyJob::inject(rrs, m_api, *chosen);
    const auto after = send(rrs);
    QVERIFY2(after.ok() && after->status == 200, after.ok() ? after->body.constData() : qPrintable(why(after)));
}

void tst_TryItEndToEnd::snippetsWithSecretsFilledInAnswerLikeTryIt_data()
{
    QTest::addColumn<int>("language");
    QTest::addColumn<QString>("program");
    QTest::newRow("curl") << int(SnippetGenerator::Language::Curl) << u"sh"_qs;
    QTest::newRow("python3") << int(SnippetGenerator::Language::PythonRequests) << u"python3"_qs;
}

void tst_TryItEndToEnd::snippetsWithSecretsFilledInAnswerLikeTryIt()
{
    QFETCH(int, language);
    QFETCH(QString, program);
    const auto lang = SnippetGenerator::Language(language);
    if (QStandardPaths::findExecutable(program).isEmpty()
        || (lang == SnippetGenerator::Language::Curl
            && QStandardPaths::findExecutable(u"curl"_qs).isEmpty()))
        QSKIP("the snippet's tool is not installed here");
    if (lang == SnippetGenerator::Language::PythonRequests
        && QProcess::execute(u"python3"_qs, { u"-c"_qs, u"import requests"_qs }) != 0)
        QSKIP("python3 has no 'requests' module here; the Python snippet cannot run");

    const auto chosen = chooseSubscription(u"seed-subscription"_qs);
    QVERIFY2(chosen.ok(), qPrintable(why(chosen)));
    // Over the gateway's plain-HTTP port: the snippets run with the tools' default trust store,
    // which does not know portico-local's self-signed certificate.
    // The service's gateway path (its gatewayUrl's) on the plain-HTTP listener.
    QUrl plain = m_local.gatewayUrl();
    plain.setPath(QUrl(m_service.gatewayUrl).path());
    TryItRequest request = rrsRequest(plain);
    core::SubscriptionKeyJob::inject(request, m_api, *chosen);

    const auto placeholders = SnippetGenerator::generate(lang, request);
    QVERIFY(placeholders.ok());
    QVERIFY(!placeholders->contains(chosen->keys.primaryKey));
    const auto code = SnippetGenerator::generate(lang, request, { true }); // the user asked for it
    QVERIFY(code.ok());
    QVERIFY(code->contains(chosen->keys.primaryKey));

    const auto viaTryIt = send(request);
    QVERIFY2(viaTryIt.ok(), qPrintable(why(viaTryIt)));
    QVERIFY2(viaTryIt->status == 200, viaTryIt->body.constData());
    m_starterCallsAllowed.append(m_clock.elapsed());

    const QString file = m_dir.filePath(
        lang == SnippetGenerator::Language::Curl ? u"snippet.sh"_qs : u"snippet.py"_qs);
    m_dir.write(QFileInfo(file).fileName(), code->toUtf8());
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &proxy : { u"http_proxy"_qs, u"HTTP_PROXY"_qs, u"https_proxy"_qs,
             u"HTTPS_PROXY"_qs, u"all_proxy"_qs, u"ALL_PROXY"_qs })
        environment.remove(proxy);
    process.setProcessEnvironment(environment);
    process.start(program, { file });
    QVERIFY(process.waitForFinished(30000)); // the gateway is another process
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QFile::remove(file); // it holds the key
    QByteArray out = process.readAllStandardOutput();
    int status = 0;
    QByteArray body;
    if (lang == SnippetGenerator::Language::Curl) { // body, "\n", status, "\n"
        out.chop(1);
        const qsizetype newline = out.lastIndexOf('\n');
        status = out.mid(newline + 1).toInt();
        body = out.left(newline);
    } else { // status, "\n", body, "\n"
        const qsizetype newline = out.indexOf('\n');
        status = out.left(newline).toInt();
        body = out.mid(newline + 1);
        body.chop(1);
    }
    m_starterCallsAllowed.append(m_clock.elapsed());
    QCOMPARE(status, viaTryIt->status);
    QCOMPARE(body, viaTryIt->body);
    QCOMPARE(hashingFeatures(body), (QList<int> { 1, 1, 2, 2, 0, 2, 0, 1 }));
}

void tst_TryItEndToEnd::starterRateLimitAnswers429WithRetryAfter()
{
    const auto chosen = chooseSubscription(kSubscriptionName);
    QVERIFY2(chosen.ok(), qPrintable(why(chosen)));
    TryItRequest request = rrsRequest(QUrl(m_service.gatewayUrl));
    core::SubscriptionKeyJob::inject(request, m_api, *chosen);

    // Starter: <rate-limit calls="5" renewal-period="60" />. The calls above count too.
    std::optional<core::TryItResponse> limited;
    for (int i = 0; i < 10 && !limited; ++i) {
        const auto response = send(request);
        QVERIFY2(response.ok(), qPrintable(why(response)));
        if (response->status == 429)
            limited = *response;
        else if (response->status == 200)
            m_starterCallsAllowed.append(m_clock.elapsed());
        else
            QFAIL(response->body.constData());
    }
    QVERIFY(limited.has_value());
    // Sliding window: exactly the 5 allowed calls of the last 60 s, unless this machine was so
    // slow that one of them sits at the window's edge (then 4 is right too).
    const qint64 now = m_clock.elapsed();
    int inWindow = 0;
    bool atEdge = false;
    for (const qint64 at : std::as_const(m_starterCallsAllowed)) {
        inWindow += now - at < 60'000 ? 1 : 0;
        atEdge = atEdge || qAbs(now - at - 60'000) < 3'000;
    }
    QVERIFY2(inWindow == 5 || (atEdge && inWindow == 4),
        qPrintable(u"%1 allowed calls in the last 60 s"_qs.arg(inWindow)));
    const QJsonObject body = QJsonDocument::fromJson(limited->body).object();
    QCOMPARE(body.value(u"statusCode"_qs).toInt(), 429);
    const qint64 retryAfterSeconds = limited->header("Retry-After").toLongLong();
    QVERIFY2(retryAfterSeconds >= 1 && retryAfterSeconds <= 60,
        limited->header("Retry-After").constData());
    QCOMPARE(body.value(u"message"_qs).toString(),
        u"Rate limit is exceeded. Try again in %1 seconds."_qs.arg(retryAfterSeconds));
    QCOMPARE(limited->retryAfterMs(), retryAfterSeconds * 1000);
}

TryItRequest tst_TryItEndToEnd::seedRequest(const QString &operationId, const QString &jobId)
{
    const auto seed = std::find_if(kSeedOperations.begin(), kSeedOperations.end(),
                                   [&](const SeedOperation &op) { return op.id == operationId; });
    TryItRequest request;
    request.apiId = m_api.name;
    request.operationId = seed->id;
    request.operationName = seed->displayName;
    request.method = seed->method.toLatin1();
    request.gatewayUrl = QUrl(m_service.gatewayUrl);
    request.apiPath = m_api.path;
    request.urlTemplate = seed->urlTemplate;
    request.templateValues = { { u"workspace"_qs, u"local"_qs }, { u"service"_qs, u"feature-hashing"_qs },
                               { u"apiversion"_qs, u"2.0"_qs } };
    if (!jobId.isEmpty())
        request.templateValues.insert(u"jobid"_qs, jobId);
    return request;
}

void tst_TryItEndToEnd::besStorageCredentialsStayOutOfHistoryAndSnippets()
{
    // A BES job through Try It: the submit body carries the storage account key in its
    // connection strings (azureml-protocol.md §3), the finished status a SAS with its sig.
    // Neither may reach the history file (checked in historyFileHoldsNoSecret) or a snippet.
    QVERIFY2(m_azurite.start(), qPrintable(m_azurite.errorString()));
    const auto blobs = m_azurite.clientWithContainer(&m_network, u"data"_qs);
    QVERIFY(blobs);
    QBuffer input;
    input.setData("Col2\nThis is a good day\n");
    QVERIFY(input.open(QIODevice::ReadOnly));
    auto *upload = blobs->upload(u"data"_qs, u"in.csv"_qs, &input, { u"text/csv"_qs });
    QSignalSpy uploaded(upload, &core::BlobJob::finished);
    QVERIFY(uploaded.wait(60000));
    QVERIFY(upload->result().ok());
    upload->deleteLater();

    // Starter's rate limit is spent by now: a subscription to Unlimited, which gets the API too.
    QVERIFY(await(m_apim->productApis(u"unlimited"_qs).add(kApiId)).ok());
    core::Subscription subscription;
    subscription.displayName = u"BES subscription"_qs;
    subscription.scope = u"/products/unlimited"_qs;
    subscription.state = u"active"_qs;
    QVERIFY(await(m_apim->subscriptions().createOrUpdate(u"bes-sub"_qs, subscription)).ok());
    const auto chosen = chooseSubscription(u"bes-sub"_qs);
    QVERIFY2(chosen.ok(), qPrintable(why(chosen)));

    const QString accountKey = QString::fromLatin1(test::AzuriteFixture::accountKey);
    const QString cs = m_azurite.connectionString();
    QVERIFY(cs.contains(u"AccountKey="_qs + accountKey));
    TryItRequest submit = seedRequest(u"bes-submit"_qs);
    core::SubscriptionKeyJob::inject(submit, m_api, *chosen);
    submit.body = QJsonDocument(QJsonObject {
        { u"Inputs"_qs, QJsonObject { { u"input1"_qs, QJsonObject { { u"ConnectionString"_qs, cs },
                                                                 { u"RelativeLocation"_qs, u"data/in.csv"_qs } } } } },
        { u"Outputs"_qs, QJsonObject { { u"output1"_qs, QJsonObject { { u"ConnectionString"_qs, cs },
                                                                   { u"RelativeLocation"_qs, u"data/out.csv"_qs } } } } },
        { u"GlobalParameters"_qs, QJsonObject {} } }).toJson();
    const auto submitted = send(submit);
    QVERIFY2(submitted.ok(), qPrintable(why(submitted)));
    QVERIFY2(submitted->status == 200, submitted->body.constData());
    const QString jobId = QJsonDocument::fromJson("[" + submitted->body + "]").array().first().toString();
    QVERIFY2(jobId.size() == 32, submitted->body.constData());

    TryItRequest start = seedRequest(u"bes-start"_qs, jobId);
    core::SubscriptionKeyJob::inject(start, m_api, *chosen);
    const auto started = send(start);
    QVERIFY2(started.ok() && started->status == 200, qPrintable(why(started)));

    TryItRequest status = seedRequest(u"bes-status"_qs, jobId);
    core::SubscriptionKeyJob::inject(status, m_api, *chosen);
    QJsonObject answer;
    for (int i = 0; i < 300; ++i) {
        const auto polled = send(status, false);
        QVERIFY2(polled.ok(), qPrintable(why(polled)));
        answer = QJsonDocument::fromJson(polled->body).object();
        const QString code = answer.value(u"StatusCode"_qs).toString();
        if (code != u"Running"_qs && code != u"NotStarted"_qs) {
            QVERIFY(m_history.record(status, polled).ok());
            ++m_recorded;
            break;
        }
        QTest::qWait(200);
    }
    QCOMPARE(answer.value(u"StatusCode"_qs).toString(), u"Finished"_qs);
    const QString sas = answer[u"Results"_qs][u"output1"_qs][u"SasBlobToken"_qs].toString();
    const qsizetype sigAt = sas.indexOf(u"&sig="_qs);
    QVERIFY2(sigAt > 0, qPrintable(sas));
    const QString sig = sas.mid(sigAt + 5).section(u'&', 0, 0);
    m_secrets << accountKey << sig << QUrl::fromPercentEncoding(sig.toUtf8());
    m_besRecorded = true;

    // The Code tab's snippets take the key from a variable, as they do the subscription key.
    for (const auto language : { SnippetGenerator::Language::Curl, SnippetGenerator::Language::PythonRequests,
                                 SnippetGenerator::Language::CSharpHttpClient,
                                 SnippetGenerator::Language::JavaScriptFetch, SnippetGenerator::Language::HttpFile }) {
        const auto snippet = SnippetGenerator::generate(language, submit);
        QVERIFY2(snippet.ok(), qPrintable(why(snippet)));
        QVERIFY2(!snippet->contains(accountKey), qPrintable(*snippet));
        QVERIFY2(snippet->contains(u"STORAGE_ACCOUNT_KEY"_qs), qPrintable(*snippet));
        QVERIFY2(snippet->contains(u"AccountName=devstoreaccount1"_qs), qPrintable(*snippet));
    }
}

void tst_TryItEndToEnd::historyFileHoldsNoSecret()
{
    QVERIFY(m_recorded >= 6);
    const auto entries = m_history.list();
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), m_recorded);
    for (const core::HistoryEntry &entry : *entries) {
        QVERIFY(entry.request.subscriptionKey.isEmpty());
        QVERIFY(!entry.request.subscriptionName.isEmpty());
    }
    m_history.close();

    // The raw bytes of the database and anything SQLite keeps next to it (-wal, -shm, -journal).
    QByteArray bytes;
    const QDir dir(m_dir.path());
    for (const QString &name : dir.entryList({ u"history.sqlite*"_qs }, QDir::Files)) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        bytes += file.readAll();
    }
    QVERIFY(bytes.contains("Col2_HashingFeature.7")); // the responses are there...
    QVERIFY(bytes.contains("Rate limit is exceeded")); // ...including the 429
    QVERIFY(bytes.contains("Seed subscription"));
    QVERIFY(m_besRecorded);
    QVERIFY(bytes.contains("AccountName=devstoreaccount1")); // the BES submit and status are there
    QVERIFY(bytes.contains("SasBlobToken"));
    QVERIFY(m_secrets.size() >= 5);
    for (const QString &secret : std::as_const(m_secrets)) {
        QVERIFY(secret.size() >= 16);
        QVERIFY2(!bytes.contains(secret.toUtf8()), "a secret is in the history file");
        QVERIFY2(!bytes.contains(secret.toUtf8().toBase64()), "a secret is in the history file");
    }
}

QTEST_GUILESS_MAIN(tst_TryItEndToEnd)
#include "tst_tryitendtoend.moc"
