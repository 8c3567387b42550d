// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// ApimClient's typed calls against the real portico-local: every resource type goes through
// create -> get -> list -> delete and comes back as the model type with the fields that were
// sent; subscription keys and secret named values come only from their POST calls; policies
// round-trip at all four scopes. The fake QNAM covers what a real server does not send:
// malformed bodies, which must become Protocol errors naming the field.

#include "core/arm/apimclient.h"
#include "core/arm/armclient.h"
#include "core/auth/statictokenprovider.h"
#include "tests/support/fakenetworkaccessmanager.h"
#include "tests/support/porticolocalfixture.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace portico;
using core::ApimCall;
using core::Error;
using core::Result;
using test::FakeResponse;

namespace {

const QString kLocalSubscription = u"00000000-0000-0000-0000-000000000000"_qs;
const QString kResourceGroup = u"portico-local"_qs;

template <typename T>
struct Outcome
{
    Result<T> result = Error::make(Error::Kind::Timeout, u"The job did not finish."_qs);
    int finishedCount = 0;
    int httpStatus = 0;
    QByteArray etag;
};

// Waits until the job has deleted itself; a second finished() would be counted.
template <typename T>
Outcome<T> await(ApimCall<T> *job, int timeoutMs = 30000)
{
    auto outcome = std::make_shared<Outcome<T>>();
    QObject::connect(job, &core::ApimJob::finished, job, [outcome, job] {
        outcome->result = job->result();
        outcome->httpStatus = job->httpStatus();
        outcome->etag = job->etag();
        ++outcome->finishedCount;
    });
    QSignalSpy destroyed(job, &QObject::destroyed);
    destroyed.wait(timeoutMs);
    QTest::qWait(10);
    return *outcome;
}

// For failure messages: evaluated whether or not the check fails.
template <typename T>
QString why(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().toString();
}

template <typename T>
bool hasName(const QList<T> &items, const QString &name)
{
    return std::any_of(
        items.begin(), items.end(), [&](const T &item) { return item.name == name; });
}

} // namespace

class tst_ApimClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void serviceIsCreatedReadListedAndDeleted();
    void longRunningCallsWorkUnderAnotherHostName();
    void apiRoundTrip();
    void operationRoundTrip();
    void productRoundTripWithApiAndGroupLinks();
    void staleEtagIsAConflict();
    void subscriptionRoundTripWithSecretsAndRegeneratedKeys();
    void userRoundTrip();
    void groupRoundTrip();
    void groupMembershipIsAddedListedAndRemoved();
    void namedValueRoundTripKeepsTheSecretOutOfGet();
    void backendRoundTrip();
    void policiesRoundTripAtEveryScope_data();
    void policiesRoundTripAtEveryScope();
    void badIdsAreRefusedBeforeSending_data();
    void badIdsAreRefusedBeforeSending();
    void malformedBodiesAreProtocolErrors_data();
    void malformedBodiesAreProtocolErrors();
    void cancelFinishesOnceWithCancelled();
    void clientGoingAwayFinishesTheCall();

private:
    template <typename T, typename Check>
    void roundTrip(
        core::ApimCollection<T> collection, const QString &id, const T &value, Check check);

    test::PorticoLocalFixture m_local;
    QNetworkAccessManager m_network;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_arm;
    std::unique_ptr<core::ApimClient> m_apim;
};

void tst_ApimClient::initTestCase()
{
    QVERIFY2(m_local.start(), qPrintable(m_local.errorString()));
    m_tokens = std::make_unique<core::StaticTokenProvider>(m_local.token());
    m_arm = std::make_unique<core::ArmClient>(&m_network, m_local.managementUrl(), m_tokens.get());
    core::ArmTiming timing;
    timing.timeScale = 0.1; // portico-local asks for Retry-After: 1 while provisioning
    m_arm->setTiming(timing);
    m_apim = std::make_unique<core::ApimClient>(m_arm.get(),
        core::ApimClient::serviceIdFor(kLocalSubscription, kResourceGroup, u"typedcalls"_qs));

    core::ServiceInstance service;
    service.location = u"West Europe"_qs;
    service.sku = { u"Developer"_qs, 1 };
    service.publisherEmail = u"admin@contoso.com"_qs;
    service.publisherName = u"Contoso"_qs;
    const auto created = await(m_apim->createOrUpdateService(service), 60000);
    QVERIFY2(created.result.ok(), qPrintable(why(created.result)));
    QCOMPARE(created.finishedCount, 1);
    QCOMPARE(created.result->name, u"typedcalls"_qs);
    QCOMPARE(created.result->provisioningState, u"Succeeded"_qs);
}

void tst_ApimClient::cleanupTestCase()
{
    m_apim.reset();
    m_arm.reset();
    m_local.stop();
}

template <typename T, typename Check>
void tst_ApimClient::roundTrip(
    core::ApimCollection<T> collection, const QString &id, const T &value, Check check)
{
    const auto created = await(collection.createOrUpdate(id, value));
    QVERIFY2(created.result.ok(), qPrintable(why(created.result)));
    QCOMPARE(created.finishedCount, 1);
    QCOMPARE(created.result->name, id);
    QVERIFY(created.result->id.endsWith(collection.itemPath(id).section(u'/', -2)));
    check(*created.result);
    if (QTest::currentTestFailed())
        return;

    const auto read = await(collection.get(id));
    QVERIFY2(read.result.ok(), qPrintable(why(read.result)));
    QCOMPARE(read.httpStatus, 200);
    QVERIFY(!read.etag.isEmpty());
    check(*read.result);
    if (QTest::currentTestFailed())
        return;

    const auto listed = await(collection.list());
    QVERIFY2(listed.result.ok(), qPrintable(why(listed.result)));
    QVERIFY2(hasName(*listed.result, id), qPrintable(id));
    for (const T &item : *listed.result) {
        if (item.name == id)
            check(item);
    }
    if (QTest::currentTestFailed())
        return;

    const auto removed = await(collection.remove(id));
    QVERIFY2(removed.result.ok(), qPrintable(why(removed.result)));
    QCOMPARE(removed.finishedCount, 1);

    const auto gone = await(collection.get(id));
    QVERIFY(!gone.result.ok());
    QCOMPARE(gone.result.error().kind, Error::Kind::NotFound);
    QCOMPARE(gone.result.error().httpStatus, 404);
    const auto after = await(collection.list());
    QVERIFY(after.result.ok());
    QVERIFY(!hasName(*after.result, id));
}

void tst_ApimClient::serviceIsCreatedReadListedAndDeleted()
{
    core::ApimClient other(m_arm.get(),
        core::ApimClient::serviceIdFor(kLocalSubscription, kResourceGroup, u"shortlived"_qs));
    core::ServiceInstance service;
    service.location = u"North Europe"_qs;
    service.sku = { u"Basic"_qs, 1 };
    service.publisherEmail = u"ops@contoso.com"_qs;
    service.publisherName = u"Contoso Ops"_qs;
    const auto created = await(other.createOrUpdateService(service), 60000);
    QVERIFY2(created.result.ok(), qPrintable(why(created.result)));
    QCOMPARE(created.result->publisherName, u"Contoso Ops"_qs);
    QCOMPARE(created.result->sku.name, u"Basic"_qs);

    const auto read = await(other.getService());
    QVERIFY2(read.result.ok(), qPrintable(why(read.result)));
    QCOMPARE(read.result->id, other.serviceId());
    QCOMPARE(read.result->location, u"North Europe"_qs);
    QCOMPARE(read.result->publisherEmail, u"ops@contoso.com"_qs);
    QCOMPARE(read.result->provisioningState, u"Succeeded"_qs);
    QVERIFY(!read.result->gatewayUrl.isEmpty());

    const auto listed = await(other.listServices());
    QVERIFY2(listed.result.ok(), qPrintable(why(listed.result)));
    QVERIFY(hasName(*listed.result, u"shortlived"_qs));
    QVERIFY(hasName(*listed.result, u"typedcalls"_qs));

    const auto removed = await(other.deleteService(), 60000);
    QVERIFY2(removed.result.ok(), qPrintable(why(removed.result)));
    const auto gone = await(other.getService());
    QVERIFY(!gone.result.ok());
    QCOMPARE(gone.result.error().kind, Error::Kind::NotFound);
    const auto after = await(other.listServices());
    QVERIFY(after.result.ok());
    QVERIFY(!hasName(*after.result, u"shortlived"_qs));
    QVERIFY(hasName(*after.result, u"typedcalls"_qs));
}

void tst_ApimClient::longRunningCallsWorkUnderAnotherHostName()
{
    // An environment added as http://localhost:PORT while portico-local announces 127.0.0.1:
    // every URL the server hands back (Location, Azure-AsyncOperation, gatewayUrl,
    // managementApiUrl) must be on the origin that was called, or the client refuses to send
    // its token there and the call fails although the server did the work.
    QUrl base = m_local.managementUrl();
    QVERIFY(base.host() != u"localhost"_qs);
    base.setHost(u"localhost"_qs);
    core::ArmClient arm(&m_network, base, m_tokens.get());
    core::ArmTiming timing;
    timing.timeScale = 0.1;
    arm.setTiming(timing);
    core::ApimClient apim(&arm,
        core::ApimClient::serviceIdFor(kLocalSubscription, kResourceGroup, u"otherhost"_qs));

    core::ServiceInstance service;
    service.location = u"West Europe"_qs;
    service.sku = { u"Developer"_qs, 1 };
    service.publisherEmail = u"admin@contoso.com"_qs;
    service.publisherName = u"Contoso"_qs;
    const auto created = await(apim.createOrUpdateService(service), 60000);
    QVERIFY2(created.result.ok(), qPrintable(why(created.result)));
    QCOMPARE(created.httpStatus, 200);
    QCOMPARE(created.result->provisioningState, u"Succeeded"_qs);

    const auto read = await(apim.getService());
    QVERIFY2(read.result.ok(), qPrintable(why(read.result)));
    const QUrl gateway(read.result->gatewayUrl);
    QCOMPARE(gateway.scheme(), u"https"_qs);
    QCOMPARE(gateway.host(), u"localhost"_qs);
    QCOMPARE(gateway.port(), m_local.gatewayHttpsUrl().port());
    QCOMPARE(gateway.path(), u"/otherhost"_qs);
    QCOMPARE(read.result->managementApiUrl, base.toString(QUrl::StripTrailingSlash));

    core::Api api;
    api.displayName = u"Other host"_qs;
    api.path = u"otherhost"_qs;
    api.serviceUrl = u"http://backend.example.com"_qs;
    api.protocols = { u"https"_qs };
    QVERIFY(await(apim.apis().createOrUpdate(u"otherhost-api"_qs, api)).result.ok());
    const auto apiRemoved = await(apim.apis().remove(u"otherhost-api"_qs));
    QVERIFY2(apiRemoved.result.ok(), qPrintable(why(apiRemoved.result)));
    QCOMPARE(apiRemoved.httpStatus, 202); // accepted, then followed to its end
    QCOMPARE(await(apim.apis().get(u"otherhost-api"_qs)).result.error().httpStatus, 404);

    core::User user;
    user.email = u"grace@example.com"_qs;
    user.firstName = u"Grace"_qs;
    user.lastName = u"Hopper"_qs;
    QVERIFY(await(apim.users().createOrUpdate(u"grace-otherhost"_qs, user)).result.ok());
    const auto userRemoved = await(apim.users().remove(u"grace-otherhost"_qs));
    QVERIFY2(userRemoved.result.ok(), qPrintable(why(userRemoved.result)));
    QCOMPARE(userRemoved.httpStatus, 202);
    QCOMPARE(await(apim.users().get(u"grace-otherhost"_qs)).result.error().httpStatus, 404);

    const auto removed = await(apim.deleteService(), 60000);
    QVERIFY2(removed.result.ok(), qPrintable(why(removed.result)));
    QCOMPARE(await(apim.getService()).result.error().httpStatus, 404);
}

void tst_ApimClient::apiRoundTrip()
{
    core::Api api;
    api.displayName = u"Echo API"_qs;
    api.path = u"echo"_qs;
    api.serviceUrl = u"http://echo.example.com/api"_qs;
    api.protocols = { u"https"_qs };
    api.subscriptionKeyParameterNames = { u"X-Echo-Key"_qs, u"echo-key"_qs };
    roundTrip(m_apim->apis(), u"echo-api"_qs, api, [](const core::Api &read) {
        QCOMPARE(read.displayName, u"Echo API"_qs);
        QCOMPARE(read.path, u"echo"_qs);
        QCOMPARE(read.serviceUrl, u"http://echo.example.com/api"_qs);
        QCOMPARE(read.protocols, QStringList { u"https"_qs });
        QCOMPARE(read.subscriptionKeyParameterNames.header, u"X-Echo-Key"_qs);
        QCOMPARE(read.subscriptionKeyParameterNames.query, u"echo-key"_qs);
    });
}

void tst_ApimClient::operationRoundTrip()
{
    core::Api api;
    api.displayName = u"Scoring"_qs;
    api.path = u"scoring"_qs;
    api.serviceUrl = u"http://ml.example.com"_qs;
    api.protocols = { u"https"_qs };
    const auto parent = await(m_apim->apis().createOrUpdate(u"scoring"_qs, api));
    QVERIFY2(parent.result.ok(), qPrintable(why(parent.result)));

    core::Operation op;
    op.displayName = u"BES Status"_qs;
    op.method = u"GET"_qs;
    op.urlTemplate
        = u"/workspaces/{workspace}/services/{service}/jobs/{jobid}?api-version={apiversion}"_qs;
    for (const QString &name : { u"workspace"_qs, u"service"_qs, u"jobid"_qs, u"apiversion"_qs }) {
        core::ParameterContract p;
        p.name = name;
        p.type = u"string"_qs;
        p.required = true;
        op.templateParameters.append(p);
    }
    core::ResponseContract ok;
    ok.statusCode = 200;
    ok.description = u"OK"_qs;
    op.responses.append(ok);
    roundTrip(m_apim->operations(u"scoring"_qs), u"bes-status"_qs, op, [](const core::Operation &read) {
        QCOMPARE(read.displayName, u"BES Status"_qs);
        QCOMPARE(read.method, u"GET"_qs);
        QCOMPARE(read.urlTemplate,
            u"/workspaces/{workspace}/services/{service}/jobs/{jobid}?api-version={apiversion}"_qs);
        QCOMPARE(read.templateParameterNames(),
            (QStringList { u"workspace"_qs, u"service"_qs, u"jobid"_qs, u"apiversion"_qs }));
        QCOMPARE(read.responses.size(), 1);
        QCOMPARE(read.responses.first().statusCode, 200);
    });

    // The server's validation comes back as a typed error with the field it names.
    core::Operation bad = op;
    bad.urlTemplate = u"/jobs/{jobid}/{undeclared}"_qs;
    const auto refused = await(m_apim->operations(u"scoring"_qs).createOrUpdate(u"bad"_qs, bad));
    QVERIFY(!refused.result.ok());
    QCOMPARE(refused.result.error().httpStatus, 400);
    QCOMPARE(refused.result.error().code, u"ValidationError"_qs);
}

void tst_ApimClient::productRoundTripWithApiAndGroupLinks()
{
    core::Product product;
    product.displayName = u"Gold"_qs;
    product.description = u"For paying customers"_qs;
    product.subscriptionRequired = true;
    product.approvalRequired = true;
    product.subscriptionsLimit = 3;
    product.state = u"published"_qs;
    const auto created = await(m_apim->products().createOrUpdate(u"gold"_qs, product));
    QVERIFY2(created.result.ok(), qPrintable(why(created.result)));
    QCOMPARE(created.httpStatus, 201);

    core::Api api;
    api.displayName = u"Gold API"_qs;
    api.path = u"gold"_qs;
    api.serviceUrl = u"http://gold.example.com"_qs;
    api.protocols = { u"https"_qs };
    QVERIFY(await(m_apim->apis().createOrUpdate(u"gold-api"_qs, api)).result.ok());

    const auto linked = await(m_apim->productApis(u"gold"_qs).add(u"gold-api"_qs));
    QVERIFY2(linked.result.ok(), qPrintable(why(linked.result)));
    QCOMPARE(linked.result->name, u"gold-api"_qs); // the reply is the API itself (EX E)
    QCOMPARE(linked.result->path, u"gold"_qs);
    const auto apis = await(m_apim->productApis(u"gold"_qs).list());
    QVERIFY(apis.result.ok());
    QVERIFY(hasName(*apis.result, u"gold-api"_qs));

    core::Group group;
    group.displayName = u"Partners"_qs;
    QVERIFY(await(m_apim->groups().createOrUpdate(u"partners"_qs, group)).result.ok());
    const auto groupLinked = await(m_apim->productGroups(u"gold"_qs).add(u"partners"_qs));
    QVERIFY2(groupLinked.result.ok(), qPrintable(why(groupLinked.result)));
    QCOMPARE(groupLinked.result->displayName, u"Partners"_qs);
    const auto groups = await(m_apim->productGroups(u"gold"_qs).list());
    QVERIFY(groups.result.ok());
    QVERIFY(hasName(*groups.result, u"partners"_qs));

    QVERIFY(await(m_apim->productApis(u"gold"_qs).remove(u"gold-api"_qs)).result.ok());
    QVERIFY(await(m_apim->productGroups(u"gold"_qs).remove(u"partners"_qs)).result.ok());
    QVERIFY(!hasName(*await(m_apim->productApis(u"gold"_qs).list()).result, u"gold-api"_qs));
    QVERIFY(!hasName(*await(m_apim->productGroups(u"gold"_qs).list()).result, u"partners"_qs));
    QVERIFY(await(m_apim->groups().remove(u"partners"_qs)).result.ok());
    QVERIFY(await(m_apim->products().remove(u"gold"_qs)).result.ok());

    roundTrip(m_apim->products(), u"silver"_qs, product, [](const core::Product &read) {
        QCOMPARE(read.displayName, u"Gold"_qs);
        QCOMPARE(read.description, u"For paying customers"_qs);
        QCOMPARE(read.approvalRequired, std::optional<bool>(true));
        QCOMPARE(read.subscriptionsLimit, std::optional<qint64>(3));
        QVERIFY(read.isPublished());
    });
}

void tst_ApimClient::staleEtagIsAConflict()
{
    const auto starter = await(m_apim->products().get(u"starter"_qs));
    QVERIFY2(starter.result.ok(), qPrintable(why(starter.result)));
    QVERIFY(!starter.etag.isEmpty());
    core::Product edited = *starter.result;
    edited.terms = u"Be nice."_qs;
    const auto updated
        = await(m_apim->products().createOrUpdate(u"starter"_qs, edited, starter.etag));
    QVERIFY2(updated.result.ok(), qPrintable(why(updated.result)));
    QCOMPARE(updated.httpStatus, 200);
    QVERIFY(updated.etag != starter.etag);

    edited.terms = u"Somebody else's change, made from the old version."_qs;
    const auto stale
        = await(m_apim->products().createOrUpdate(u"starter"_qs, edited, starter.etag));
    QVERIFY(!stale.result.ok());
    QCOMPARE(stale.result.error().kind, Error::Kind::Conflict);
    QCOMPARE(stale.result.error().httpStatus, 412);
    QCOMPARE(await(m_apim->products().get(u"starter"_qs)).result->terms, u"Be nice."_qs);
}

void tst_ApimClient::subscriptionRoundTripWithSecretsAndRegeneratedKeys()
{
    core::Subscription sub;
    sub.displayName = u"Typed calls"_qs;
    sub.scope = u"/products/unlimited"_qs;
    sub.state = u"active"_qs;
    const auto created = await(m_apim->subscriptions().createOrUpdate(u"typed"_qs, sub));
    QVERIFY2(created.result.ok(), qPrintable(why(created.result)));
    QVERIFY(created.result->primaryKey.isEmpty()); // never in a PUT/GET reply
    QVERIFY(created.result->scope.endsWith(u"/products/unlimited"_qs));

    const auto keys = await(m_apim->listSubscriptionSecrets(u"typed"_qs));
    QVERIFY2(keys.result.ok(), qPrintable(why(keys.result)));
    QVERIFY(keys.result->primaryKey.size() >= 16);
    QVERIFY(keys.result->secondaryKey.size() >= 16);
    QVERIFY(keys.result->primaryKey != keys.result->secondaryKey);

    const auto regeneratedPrimary = await(m_apim->regeneratePrimaryKey(u"typed"_qs));
    QVERIFY2(regeneratedPrimary.result.ok(), qPrintable(why(regeneratedPrimary.result)));
    QCOMPARE(regeneratedPrimary.httpStatus, 204);
    const auto afterPrimary = await(m_apim->listSubscriptionSecrets(u"typed"_qs));
    QVERIFY(afterPrimary.result.ok());
    QVERIFY(afterPrimary.result->primaryKey != keys.result->primaryKey);
    QCOMPARE(afterPrimary.result->secondaryKey, keys.result->secondaryKey);

    QVERIFY(await(m_apim->regenerateSecondaryKey(u"typed"_qs)).result.ok());
    const auto afterSecondary = await(m_apim->listSubscriptionSecrets(u"typed"_qs));
    QVERIFY(afterSecondary.result.ok());
    QCOMPARE(afterSecondary.result->primaryKey, afterPrimary.result->primaryKey);
    QVERIFY(afterSecondary.result->secondaryKey != keys.result->secondaryKey);

    const auto missing = await(m_apim->listSubscriptionSecrets(u"no-such-subscription"_qs));
    QVERIFY(!missing.result.ok());
    QCOMPARE(missing.result.error().kind, Error::Kind::NotFound);
    QVERIFY(await(m_apim->subscriptions().remove(u"typed"_qs)).result.ok());

    roundTrip(m_apim->subscriptions(), u"typed-2"_qs, sub, [](const core::Subscription &read) {
        QCOMPARE(read.displayName, u"Typed calls"_qs);
        QCOMPARE(read.state, u"active"_qs);
        QVERIFY(read.scope.endsWith(u"/products/unlimited"_qs));
        QVERIFY(read.primaryKey.isEmpty() && read.secondaryKey.isEmpty());
    });
}

void tst_ApimClient::userRoundTrip()
{
    core::User user;
    user.email = u"ada@example.com"_qs;
    user.firstName = u"Ada"_qs;
    user.lastName = u"Lovelace"_qs;
    user.note = u"First programmer"_qs;
    roundTrip(m_apim->users(), u"ada"_qs, user, [](const core::User &read) {
        QCOMPARE(read.email, u"ada@example.com"_qs);
        QCOMPARE(read.firstName, u"Ada"_qs);
        QCOMPARE(read.lastName, u"Lovelace"_qs);
        QCOMPARE(read.note, u"First programmer"_qs);
        QCOMPARE(read.state, u"active"_qs);
        QVERIFY(read.password.isEmpty());
    });
}

void tst_ApimClient::groupRoundTrip()
{
    core::Group group;
    group.displayName = u"Data scientists"_qs;
    group.description = u"People who train the models"_qs;
    roundTrip(m_apim->groups(), u"data-scientists"_qs, group, [](const core::Group &read) {
        QCOMPARE(read.displayName, u"Data scientists"_qs);
        QCOMPARE(read.description, u"People who train the models"_qs);
        QCOMPARE(read.builtIn, std::optional<bool>(false));
    });
    const auto builtIn = await(m_apim->groups().get(u"developers"_qs));
    QVERIFY(builtIn.result.ok());
    QCOMPARE(builtIn.result->builtIn, std::optional<bool>(true));
}

void tst_ApimClient::groupMembershipIsAddedListedAndRemoved()
{
    core::User user;
    user.email = u"grace@example.com"_qs;
    user.firstName = u"Grace"_qs;
    user.lastName = u"Hopper"_qs;
    QVERIFY(await(m_apim->users().createOrUpdate(u"grace"_qs, user)).result.ok());
    core::Group group;
    group.displayName = u"Reviewers"_qs;
    QVERIFY(await(m_apim->groups().createOrUpdate(u"reviewers"_qs, group)).result.ok());

    const auto added = await(m_apim->groupUsers(u"reviewers"_qs).add(u"grace"_qs));
    QVERIFY2(added.result.ok(), qPrintable(why(added.result)));
    QCOMPARE(added.httpStatus, 201);
    QCOMPARE(added.result->email, u"grace@example.com"_qs); // the reply is the user
    const auto again = await(m_apim->groupUsers(u"reviewers"_qs).add(u"grace"_qs));
    QVERIFY(again.result.ok());
    QCOMPARE(again.httpStatus, 200); // already a member
    const auto members = await(m_apim->groupUsers(u"reviewers"_qs).list());
    QVERIFY2(members.result.ok(), qPrintable(why(members.result)));
    QVERIFY(hasName(*members.result, u"grace"_qs));

    QVERIFY(await(m_apim->groupUsers(u"reviewers"_qs).remove(u"grace"_qs)).result.ok());
    const auto after = await(m_apim->groupUsers(u"reviewers"_qs).list());
    QVERIFY(after.result.ok());
    QVERIFY(!hasName(*after.result, u"grace"_qs));
    const auto noGroup = await(m_apim->groupUsers(u"no-such-group"_qs).list());
    QVERIFY(!noGroup.result.ok());
    QCOMPARE(noGroup.result.error().kind, Error::Kind::NotFound);
}

void tst_ApimClient::namedValueRoundTripKeepsTheSecretOutOfGet()
{
    const QString secretValue = u"s3cr3t-ml-key-0123456789"_qs;
    core::NamedValue value;
    value.displayName = u"ml-key"_qs;
    value.value = secretValue;
    value.secret = true;
    value.tags = { u"ml"_qs };
    const auto created = await(m_apim->namedValues().createOrUpdate(u"ml-key"_qs, value));
    QVERIFY2(created.result.ok(), qPrintable(why(created.result)));
    QVERIFY(created.result->secret);
    QVERIFY(created.result->value.isEmpty());
    const auto read = await(m_apim->namedValues().get(u"ml-key"_qs));
    QVERIFY(read.result.ok());
    QVERIFY(read.result->value.isEmpty());
    QCOMPARE(read.result->tags, QStringList { u"ml"_qs });
    const auto listedValue = await(m_apim->listNamedValue(u"ml-key"_qs));
    QVERIFY2(listedValue.result.ok(), qPrintable(why(listedValue.result)));
    QCOMPARE(listedValue.result->value, secretValue);
    QVERIFY(await(m_apim->namedValues().remove(u"ml-key"_qs)).result.ok());

    core::NamedValue plain;
    plain.displayName = u"region"_qs;
    plain.value = u"westeurope"_qs;
    roundTrip(m_apim->namedValues(), u"region"_qs, plain, [](const core::NamedValue &read) {
        QCOMPARE(read.displayName, u"region"_qs);
        QCOMPARE(read.value, u"westeurope"_qs);
        QVERIFY(!read.secret);
    });
}

void tst_ApimClient::backendRoundTrip()
{
    core::Backend backend;
    backend.url = u"https://scoring.example.com/api"_qs;
    backend.protocol = u"http"_qs;
    backend.title = u"Scoring"_qs;
    backend.description = u"The scoring cluster"_qs;
    backend.tls.validateCertificateChain = true;
    backend.tls.validateCertificateName = false;
    roundTrip(m_apim->backends(), u"scoring"_qs, backend, [](const core::Backend &read) {
        QCOMPARE(read.url, u"https://scoring.example.com/api"_qs);
        QCOMPARE(read.protocol, u"http"_qs);
        QCOMPARE(read.title, u"Scoring"_qs);
        QCOMPARE(read.description, u"The scoring cluster"_qs);
        QCOMPARE(read.tls.validateCertificateName, std::optional<bool>(false));
    });
}

void tst_ApimClient::policiesRoundTripAtEveryScope_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("global") << int(core::PolicyScope::Kind::Global);
    QTest::newRow("product") << int(core::PolicyScope::Kind::Product);
    QTest::newRow("API") << int(core::PolicyScope::Kind::Api);
    QTest::newRow("operation") << int(core::PolicyScope::Kind::Operation);
}

void tst_ApimClient::policiesRoundTripAtEveryScope()
{
    QFETCH(int, kind);
    // Parents for the API and operation scopes.
    core::Api api;
    api.displayName = u"Policy host"_qs;
    api.path = u"policy-host"_qs;
    api.serviceUrl = u"http://policy.example.com"_qs;
    api.protocols = { u"https"_qs };
    QVERIFY(await(m_apim->apis().createOrUpdate(u"policy-host"_qs, api)).result.ok());
    core::Operation op;
    op.displayName = u"Ping"_qs;
    op.method = u"GET"_qs;
    op.urlTemplate = u"/ping"_qs;
    QVERIFY(
        await(m_apim->operations(u"policy-host"_qs).createOrUpdate(u"ping"_qs, op)).result.ok());

    core::PolicyScope scope;
    switch (core::PolicyScope::Kind(kind)) {
    case core::PolicyScope::Kind::Global:
        scope = core::PolicyScope::global();
        break;
    case core::PolicyScope::Kind::Product:
        scope = core::PolicyScope::product(u"unlimited"_qs);
        break;
    case core::PolicyScope::Kind::Api:
        scope = core::PolicyScope::api(u"policy-host"_qs);
        break;
    case core::PolicyScope::Kind::Operation:
        scope = core::PolicyScope::operation(u"policy-host"_qs, u"ping"_qs);
        break;
    }
    const QString marker = u"X-Scope-%1"_qs.arg(kind);
    core::Policy policy;
    policy.scope = scope;
    policy.format = core::Policy::Format::RawXml;
    policy.value
        = u"<policies><inbound><base /><set-header name=\"%1\" exists-action=\"override\">"
          "<value>on</value></set-header></inbound><backend><base /></backend>"
          "<outbound><base /></outbound><on-error><base /></on-error></policies>"_qs.arg(marker);
    const auto put = await(m_apim->createOrUpdatePolicy(policy));
    QVERIFY2(put.result.ok(), qPrintable(why(put.result)));
    QCOMPARE(put.result->scope, scope);

    const auto read = await(m_apim->getPolicy(scope, u"rawxml"_qs));
    QVERIFY2(read.result.ok(), qPrintable(why(read.result)));
    QCOMPARE(read.result->scope, scope);
    QVERIFY2(read.result->value.contains(marker), qPrintable(read.result->value));
    QVERIFY(!read.etag.isEmpty());

    const auto removed = await(m_apim->deletePolicy(scope));
    QVERIFY2(removed.result.ok(), qPrintable(why(removed.result)));
    const auto after = await(m_apim->getPolicy(scope));
    QVERIFY(!after.result.ok() || !after.result->value.contains(marker));
}

void tst_ApimClient::badIdsAreRefusedBeforeSending_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("what");
    QTest::newRow("empty") << QString() << u"API"_qs;
    QTest::newRow("slash") << u"a/b"_qs << u"API"_qs;
    QTest::newRow("query") << u"a?b"_qs << u"API"_qs;
    QTest::newRow("fragment") << u"a#b"_qs << u"API"_qs;
    QTest::newRow("newline") << u"a\nb"_qs << u"API"_qs;
}

void tst_ApimClient::badIdsAreRefusedBeforeSending()
{
    QFETCH(QString, id);
    QFETCH(QString, what);
    test::FakeNetworkAccessManager network;
    core::StaticTokenProvider tokens(u"token"_qs);
    core::ArmClient arm(&network, QUrl(u"https://management.azure.com"_qs), &tokens);
    core::ApimClient apim(
        &arm, core::ApimClient::serviceIdFor(kLocalSubscription, u"rg"_qs, u"svc"_qs));

    const auto get = await(apim.apis().get(id));
    QCOMPARE(get.finishedCount, 1);
    QVERIFY(!get.result.ok());
    QCOMPARE(get.result.error().kind, Error::Kind::InvalidInput);
    QCOMPARE(get.result.error().target, what);
    const auto ops = await(apim.operations(id).list());
    QCOMPARE(ops.result.error().kind, Error::Kind::InvalidInput);
    const auto policy = await(apim.getPolicy(core::PolicyScope::api(id)));
    QCOMPARE(policy.result.error().kind, Error::Kind::InvalidInput);
    QVERIFY(network.requests().isEmpty());
}

void tst_ApimClient::malformedBodiesAreProtocolErrors_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("truncated JSON")
        << u"api"_qs << QByteArray(R"({"id":"/x","name":"a","properties":{"path":)") << QString();
    QTest::newRow("wrong type") << u"api"_qs
                                << QByteArray(
                                       R"({"id":"/x/apis/a","name":"a","properties":{"path":5}})")
                                << u"path"_qs;
    QTest::newRow("not an object") << u"api"_qs << QByteArray(R"(["a"])") << QString();
    QTest::newRow("non-UTF-8") << u"api"_qs << QByteArray("{\"name\":\"\xff\xfe\"}") << QString();
    QTest::newRow("list item without properties")
        << u"list"_qs << QByteArray(R"({"value":[{"id":"/x/apis/a","name":"a"}],"nextLink":""})")
        << u"value[0]"_qs;
    QTest::newRow("keys without primaryKey")
        << u"keys"_qs << QByteArray(R"({"secondaryKey":"b"})") << u"primaryKey"_qs;
    QTest::newRow("keys with a number")
        << u"keys"_qs << QByteArray(R"({"primaryKey":12345,"secondaryKey":"b"})")
        << u"primaryKey"_qs;
}

void tst_ApimClient::malformedBodiesAreProtocolErrors()
{
    QFETCH(QString, call);
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    test::FakeNetworkAccessManager network;
    network.enqueue({ FakeResponse::Behaviour::Respond, 200, body,
        { { "Content-Type", "application/json" } } });
    core::StaticTokenProvider tokens(u"token"_qs);
    core::ArmClient arm(&network, QUrl(u"https://management.azure.com"_qs), &tokens);
    core::ApimClient apim(
        &arm, core::ApimClient::serviceIdFor(kLocalSubscription, u"rg"_qs, u"svc"_qs));

    Error error;
    int finished = 0;
    if (call == u"api"_qs) {
        const auto outcome = await(apim.apis().get(u"a"_qs));
        QVERIFY(!outcome.result.ok());
        error = outcome.result.error();
        finished = outcome.finishedCount;
    } else if (call == u"list"_qs) {
        const auto outcome = await(apim.apis().list());
        QVERIFY(!outcome.result.ok());
        error = outcome.result.error();
        finished = outcome.finishedCount;
    } else {
        const auto outcome = await(apim.listSubscriptionSecrets(u"s"_qs));
        QVERIFY(!outcome.result.ok());
        error = outcome.result.error();
        finished = outcome.finishedCount;
    }
    QCOMPARE(finished, 1);
    QCOMPARE(error.kind, Error::Kind::Protocol);
    QVERIFY2(mentions.isEmpty() || QString(error.message + error.target).contains(mentions),
        qPrintable(error.toString()));
    QCOMPARE(network.requests().size(), 1);
}

void tst_ApimClient::cancelFinishesOnceWithCancelled()
{
    test::FakeNetworkAccessManager network;
    network.enqueue({ FakeResponse::Behaviour::Hang, 0, {}, {} });
    core::StaticTokenProvider tokens(u"token"_qs);
    core::ArmClient arm(&network, QUrl(u"https://management.azure.com"_qs), &tokens);
    core::ApimClient apim(
        &arm, core::ApimClient::serviceIdFor(kLocalSubscription, u"rg"_qs, u"svc"_qs));
    auto *job = apim.products().list();
    QTimer::singleShot(50, job, [job] {
        job->cancel();
        job->cancel(); // a second cancel changes nothing
    });
    const auto outcome = await(job, 5000);
    QCOMPARE(outcome.finishedCount, 1);
    QVERIFY(!outcome.result.ok());
    QCOMPARE(outcome.result.error().kind, Error::Kind::Cancelled);
    QCOMPARE(network.requests().size(), 1);
}

void tst_ApimClient::clientGoingAwayFinishesTheCall()
{
    test::FakeNetworkAccessManager network;
    network.enqueue({ FakeResponse::Behaviour::Hang, 0, {}, {} });
    core::StaticTokenProvider tokens(u"token"_qs);
    auto arm = std::make_unique<core::ArmClient>(
        &network, QUrl(u"https://management.azure.com"_qs), &tokens);
    core::ApimClient apim(
        arm.get(), core::ApimClient::serviceIdFor(kLocalSubscription, u"rg"_qs, u"svc"_qs));
    auto *job = apim.apis().get(u"echo"_qs);
    QTimer::singleShot(50, &apim, [&arm] { arm.reset(); });
    const auto outcome = await(job, 5000);
    QCOMPARE(outcome.finishedCount, 1);
    QVERIFY(!outcome.result.ok());
    QCOMPARE(outcome.result.error().kind, Error::Kind::Unavailable);
    // Calls made afterwards finish at once with the same error instead of hanging.
    const auto later = await(apim.products().get(u"starter"_qs), 5000);
    QCOMPARE(later.finishedCount, 1);
    QCOMPARE(later.result.error().kind, Error::Kind::Unavailable);
}

QTEST_GUILESS_MAIN(tst_ApimClient)
#include "tst_apimclient.moc"
