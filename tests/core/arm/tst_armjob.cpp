// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// ArmJob against the replay server: the long-running, throttling and error shapes that only
// Azure produces, replayed from recordings of apim-protocol.md §4.

#include "core/arm/armclient.h"
#include "core/arm/armjob.h"
#include "core/arm/armlongrunning.h"
#include "core/auth/statictokenprovider.h"
#include "tests/support/fakenetworkaccessmanager.h"
#include "tests/support/replay/replayserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace portico;
using core::Error;

namespace {
const QString svc = u"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/"
                    "Microsoft.ApiManagement/service/apimService1"_qs;
}

class tst_ArmJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void serviceCreatePollsAzureAsyncOperationAndReturnsTheFinalResource();
    void apiCreateFollowsTenantOperationResults();
    void deletePollsLocationUntilDone();
    void failedOperationCarriesTheServerError();
    void namedValuePatchIsFollowedToItsFailure();
    void callsOfSection44AreLongRunning_data();
    void callsOfSection44AreLongRunning();
    void throttledCallIsRetriedAfterRetryAfter();
    void errorEnvelopesBecomeErrors_data();
    void errorEnvelopesBecomeErrors();
    void longRunningDeadlineStopsPolling();
    void aCallStoppedBeforeItsFirstPollHasNothingToWatch();
    void aBusyStatusPollToldToComeBackNowStillBacksOff();
    void anUnfinishedPollToldToComeBackNowStillPauses();

private:
    // A client on a fake network whose long-running create is accepted (202, Location) and whose
    // status URL answers `poll` the first three times, then 200; the resource then reads back.
    std::unique_ptr<core::ArmClient> fakeClient(test::FakeNetworkAccessManager &nam, test::FakeResponse poll);
    core::Result<core::ArmResponse> run(core::ArmJob *job, QStringList *progress = nullptr);

    std::unique_ptr<test::ReplayServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_client;
};

void tst_ArmJob::init()
{
    m_server = std::make_unique<test::ReplayServer>();
    QVERIFY(m_server->start());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_tokens = std::make_unique<core::StaticTokenProvider>(u"replay-token"_qs);
    m_client = std::make_unique<core::ArmClient>(m_nam.get(), m_server->url(), m_tokens.get());
    core::ArmTiming timing;
    timing.timeScale = 0.01; // Retry-After 10 s waits 100 ms
    m_client->setTiming(timing);
}

void tst_ArmJob::cleanup()
{
    if (m_server)
        QVERIFY2(m_server->unmatched().isEmpty(), qPrintable(m_server->unmatched().join(u", "_qs)));
    m_client.reset();
    m_tokens.reset();
    m_nam.reset();
    m_server.reset();
}

core::Result<core::ArmResponse> tst_ArmJob::run(core::ArmJob *job, QStringList *progress)
{
    core::Result<core::ArmResponse> result = Error::make(Error::Kind::Timeout, u"test timeout"_qs);
    int finishedCount = 0;
    connect(job, &core::ArmJob::finished, this, [&] {
        result = job->result();
        ++finishedCount;
    });
    if (progress)
        connect(job, &core::ArmJob::progress, this, [progress](const QString &s) { progress->append(s); });
    QSignalSpy destroyed(job, &QObject::destroyed);
    if (!destroyed.wait(15000))
        return result;
    if (finishedCount != 1)
        return Error::make(Error::Kind::Protocol, u"finished %1 times"_qs.arg(finishedCount));
    return result;
}

void tst_ArmJob::serviceCreatePollsAzureAsyncOperationAndReturnsTheFinalResource()
{
    QVERIFY(m_server->load(u"arm-create-service-azure-asyncoperation.json"_qs));
    const QJsonObject body { { u"location"_qs, u"South Central US"_qs },
                             { u"sku"_qs, QJsonObject { { u"name"_qs, u"Developer"_qs }, { u"capacity"_qs, 1 } } },
                             { u"properties"_qs, QJsonObject { { u"publisherEmail"_qs, u"foo@contoso.com"_qs },
                                                               { u"publisherName"_qs, u"foo"_qs } } } };
    QElapsedTimer elapsed;
    elapsed.start();
    QStringList progress;
    auto *job = m_client->send(core::ArmRequest::put(svc, body).asLongRunning());
    int polls = -1;
    connect(job, &core::ArmJob::finished, this, [&] { polls = job->pollCount(); });
    const auto result = run(job, &progress);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result->json()->value(u"properties"_qs).toObject().value(u"provisioningState"_qs).toString(),
             u"Succeeded"_qs);
    QCOMPARE(result->etag(), QByteArray("\"AAAAAAAmRAM=\""));
    QCOMPARE(progress, (QStringList { u"InProgress"_qs, u"InProgress"_qs, u"Succeeded"_qs }));
    QCOMPARE(polls, 3);
    QCOMPARE(m_server->remaining(), 0);
    // Retry-After: 10 was honoured twice (scaled by 0.01: 2 x 100 ms).
    QVERIFY(elapsed.elapsed() >= 200);
    // Polling carried the same credentials; the body was sent once.
    for (const auto &received : m_server->received())
        QCOMPARE(received.header("Authorization"), QByteArray("Bearer replay-token"));
}

void tst_ArmJob::apiCreateFollowsTenantOperationResults()
{
    QVERIFY(m_server->load(u"arm-create-api-azure-asyncoperation.json"_qs));
    const auto result = run(m_client->send(
        core::ArmRequest::put(svc + u"/apis/tempgroup"_qs,
                              { { u"properties"_qs, QJsonObject { { u"path"_qs, u"newapiPath"_qs } } } })
            .asLongRunning()));
    QVERIFY(result.ok());
    QCOMPARE(result->json()->value(u"name"_qs).toString(), u"tempgroup"_qs);
    QVERIFY(!result->json()->value(u"properties"_qs).toObject().contains(u"provisioningState"_qs));
    QCOMPARE(m_server->received().size(), 4);
    QCOMPARE(m_server->received().at(1).path, svc + u"/tenant/operationResults/5c730e343244df1b9cb56e85"_qs);
}

void tst_ArmJob::deletePollsLocationUntilDone()
{
    QVERIFY(m_server->load(u"arm-delete-service-location.json"_qs));
    QStringList progress;
    const auto result = run(m_client->send(core::ArmRequest::remove(svc).asLongRunning()), &progress);
    QVERIFY(result.ok());
    QCOMPARE(result->status, 204);
    QCOMPARE(m_server->received().first().header("If-Match"), QByteArray("*"));
    QCOMPARE(m_server->remaining(), 0);
    QCOMPARE(progress.last(), u"Succeeded"_qs);
}

void tst_ArmJob::failedOperationCarriesTheServerError()
{
    QVERIFY(m_server->load(u"arm-create-service-failed.json"_qs));
    const auto result = run(m_client->send(core::ArmRequest::put(svc, {}).asLongRunning()));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, u"InvalidParameter"_qs);
    QCOMPARE(result.error().message, u"Parameter 'publisherEmail' is invalid."_qs);
}

// The caller does not ask for polling: ArmClient knows that a named value PATCH is long-running
// (§2.10, §4.4), so the 202 is not taken for success and the caller sees how it really ended.
void tst_ArmJob::namedValuePatchIsFollowedToItsFailure()
{
    QVERIFY(m_server->load(u"arm-update-namedvalue-failed.json"_qs));
    const core::ArmRequest patch = core::ArmRequest::patch(
        svc + u"/namedValues/ml-key"_qs,
        { { u"properties"_qs, QJsonObject { { u"value"_qs, u"new-value"_qs } } } });
    QVERIFY(!patch.longRunning);
    QStringList progress;
    const auto result = run(m_client->send(patch), &progress);
    QVERIFY2(!result.ok(), "the 202 was taken for the final answer");
    QCOMPARE(result.error().kind, Error::Kind::Http);
    QCOMPARE(result.error().code, u"ValidationError"_qs);
    QCOMPARE(result.error().details.value(0).message, u"Named value 'ml-key' could not be updated."_qs);
    QCOMPARE(progress, (QStringList { u"InProgress"_qs, u"Failed"_qs }));
    QCOMPARE(m_server->remaining(), 0);
    QCOMPARE(m_server->received().first().header("If-Match"), QByteArray("*"));
}

void tst_ArmJob::callsOfSection44AreLongRunning_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("longRunning");
    QTest::newRow("service PUT") << QByteArray("PUT") << svc << true;
    QTest::newRow("service PATCH") << QByteArray("PATCH") << svc << true;
    QTest::newRow("service DELETE") << QByteArray("DELETE") << svc << true;
    QTest::newRow("service GET") << QByteArray("GET") << svc << false;
    QTest::newRow("service backup") << QByteArray("POST") << svc + u"/backup"_qs << true;
    QTest::newRow("API PUT") << QByteArray("PUT") << svc + u"/apis/echo-api"_qs << true;
    QTest::newRow("API revision DELETE") << QByteArray("DELETE") << svc + u"/apis/echo-api;rev=2"_qs << true;
    QTest::newRow("API PATCH") << QByteArray("PATCH") << svc + u"/apis/echo-api"_qs << false;
    QTest::newRow("API list") << QByteArray("GET") << svc + u"/apis"_qs << false;
    QTest::newRow("operation PUT") << QByteArray("PUT") << svc + u"/apis/echo-api/operations/get"_qs << false;
    QTest::newRow("operation DELETE") << QByteArray("DELETE") << svc + u"/apis/echo-api/operations/get"_qs << false;
    QTest::newRow("named value PUT") << QByteArray("PUT") << svc + u"/namedValues/ml-key"_qs << true;
    QTest::newRow("named value PATCH, other case") << QByteArray("PATCH")
                                                   << svc.toLower() + u"/namedvalues/ml-key"_qs << true;
    QTest::newRow("named value DELETE") << QByteArray("DELETE") << svc + u"/namedValues/ml-key"_qs << false;
    QTest::newRow("named value refreshSecret") << QByteArray("POST") << svc + u"/namedValues/ml-key/refreshSecret"_qs << true;
    QTest::newRow("named value listValue") << QByteArray("POST") << svc + u"/namedValues/ml-key/listValue"_qs << false;
    QTest::newRow("user DELETE") << QByteArray("DELETE") << svc + u"/users/u1"_qs << true;
    QTest::newRow("user PUT") << QByteArray("PUT") << svc + u"/users/u1"_qs << false;
    QTest::newRow("product DELETE") << QByteArray("DELETE") << svc + u"/products/starter"_qs << false;
    QTest::newRow("resource group PUT") << QByteArray("PUT")
                                        << u"/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg1"_qs
                                        << false;
}

void tst_ArmJob::callsOfSection44AreLongRunning()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(bool, longRunning);
    QCOMPARE(core::isLongRunningCall(method, path), longRunning);
}

void tst_ArmJob::throttledCallIsRetriedAfterRetryAfter()
{
    QVERIFY(m_server->load(u"arm-throttled-retry-after.json"_qs));
    auto *job = m_client->send(core::ArmRequest::get(svc + u"/apis"_qs));
    QSignalSpy retrying(job, &core::ArmJob::retrying);
    const auto result = run(job);
    QVERIFY(result.ok());
    QCOMPARE(retrying.size(), 1);
    QCOMPARE(retrying.first().at(1).toLongLong(), qint64(30)); // Retry-After 3 s, scaled 0.01
    QCOMPARE(m_server->received().size(), 2);
}

void tst_ArmJob::errorEnvelopesBecomeErrors_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("detailTarget");

    QTest::newRow("undeclared template parameter") << QByteArray("PUT") << u"/apis/echo-api/operations/newoperations"_qs
                                                   << int(Error::Kind::Http) << 400 << u"ValidationError"_qs << QString();
    QTest::newRow("duplicate path") << QByteArray("PUT") << u"/apis/api2"_qs << int(Error::Kind::Http) << 400
                                    << u"ValidationError"_qs << u"path"_qs;
    QTest::newRow("not found") << QByteArray("GET") << u"/apis/missing"_qs << int(Error::Kind::NotFound) << 404
                               << u"ResourceNotFound"_qs << QString();
    QTest::newRow("pessimistic concurrency") << QByteArray("DELETE") << u"/apis/busy"_qs
                                             << int(Error::Kind::Conflict) << 409
                                             << u"PessimisticConcurrencyConflict"_qs << QString();
    QTest::newRow("etag mismatch") << QByteArray("PATCH") << u"/apis/echo-api"_qs << int(Error::Kind::Conflict) << 412
                                   << u"PreconditionFailed"_qs << QString();
}

void tst_ArmJob::errorEnvelopesBecomeErrors()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, detailTarget);
    QVERIFY(m_server->load(u"arm-error-envelopes.json"_qs));
    core::ArmRequest request;
    request.method = method;
    request.path = svc + path;
    if (method != "GET")
        request.ifMatch = "\"stale\"";
    const auto result = run(m_client->send(request));
    QVERIFY(!result.ok());
    QCOMPARE(int(result.error().kind), kind);
    QCOMPARE(result.error().httpStatus, status);
    QCOMPARE(result.error().code, code);
    QVERIFY(!result.error().message.isEmpty());
    if (!detailTarget.isEmpty())
        QCOMPARE(result.error().details.value(0).target, detailTarget);
}

void tst_ArmJob::longRunningDeadlineStopsPolling()
{
    QVERIFY(m_server->load(u"arm-create-service-azure-asyncoperation.json"_qs));
    core::ArmTiming timing = m_client->timing();
    timing.timeScale = 1.0;              // Retry-After 10 s for real…
    timing.longRunningDeadlineMs = 2000; // …does not fit in the deadline
    m_client->setTiming(timing);
    QElapsedTimer elapsed;
    elapsed.start();
    const auto result = run(m_client->send(core::ArmRequest::put(svc, {}).asLongRunning()));
    QCOMPARE(result.error().kind, Error::Kind::Timeout);
    QVERIFY(elapsed.elapsed() < 2000);
}

void tst_ArmJob::aCallStoppedBeforeItsFirstPollHasNothingToWatch()
{
    QVERIFY(m_server->load(u"arm-create-service-azure-asyncoperation.json"_qs));
    core::ArmTiming timing = m_client->timing();
    timing.timeScale = 1.0;              // the first poll waits Retry-After 10 s…
    timing.longRunningDeadlineMs = 2000; // …which does not fit: the job stops before it
    m_client->setTiming(timing);
    core::ArmJob *job = m_client->send(core::ArmRequest::put(svc, {}).asLongRunning());
    bool stoppedWatching = false;
    bool hasWatch = true;
    connect(job, &core::ArmJob::finished, this, [&] {
        stoppedWatching = job->stoppedWatching();
        hasWatch = job->watch().isValid();
    });
    const auto result = run(job);
    QCOMPARE(result.error().kind, Error::Kind::Timeout);
    QVERIFY(stoppedWatching); // accepted: the create may go on
    QVERIFY2(!hasWatch, "no status URL was followed yet, so Watch again has nothing to follow");
}


std::unique_ptr<core::ArmClient> tst_ArmJob::fakeClient(test::FakeNetworkAccessManager &nam, test::FakeResponse poll)
{
    const QUrl base(u"https://management.azure.com"_qs);
    nam.setHandler([base, poll, polls = 0](const test::FakeRequest &r) mutable {
        using test::FakeResponse;
        const QString path = r.request.url().path();
        if (path.endsWith(u"/operationResults/op1"_qs)) {
            if (++polls <= 3)
                return poll;
            return FakeResponse { FakeResponse::Behaviour::Respond, 200, "{}", {} };
        }
        if (r.verb == "PUT") {
            const QByteArray location = base.resolved(QUrl(svc + u"/operationResults/op1"_qs)).toEncoded();
            return FakeResponse { FakeResponse::Behaviour::Respond, 202, {},
                                  { { "Location", location }, { "Retry-After", "1" } } };
        }
        return FakeResponse { FakeResponse::Behaviour::Respond, 200,
                              R"({"name":"apimService1","properties":{"provisioningState":"Succeeded"}})", {} };
    });
    auto client = std::make_unique<core::ArmClient>(&nam, base, m_tokens.get());
    core::ArmTiming timing;
    timing.timeScale = 0.01;
    timing.maxAttempts = 1; // each poll is one request
    client->setTiming(timing);
    return client;
}

void tst_ArmJob::aBusyStatusPollToldToComeBackNowStillBacksOff()
{
    m_server.reset(); // the fake network answers here
    test::FakeNetworkAccessManager nam;
    auto client = fakeClient(nam, { test::FakeResponse::Behaviour::Respond, 503,
                                    R"({"error":{"code":"ServerBusy","message":"Busy."}})",
                                    { { "Retry-After", "0" } } });
    core::ArmJob *job = client->send(core::ArmRequest::put(svc, {}).asLongRunning());
    QSignalSpy retrying(job, &core::ArmJob::retrying);
    const auto result = run(job);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(retrying.size(), 3);
    for (const auto &args : retrying) // 'Retry-After: 0' does not shorten the backoff
        QVERIFY2(args.at(1).toLongLong() > 0,
                 qPrintable(u"retry %1 after %2 ms"_qs.arg(args.at(0).toInt()).arg(args.at(1).toLongLong())));
}

void tst_ArmJob::anUnfinishedPollToldToComeBackNowStillPauses()
{
    m_server.reset(); // the fake network answers here
    test::FakeNetworkAccessManager nam;
    auto client
        = fakeClient(nam, { test::FakeResponse::Behaviour::Respond, 202, {}, { { "Retry-After", "0" } } });
    core::ArmJob *job = client->send(core::ArmRequest::put(svc, {}).asLongRunning());
    QSignalSpy scheduled(job, &core::ArmJob::pollScheduled);
    const auto result = run(job);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(scheduled.size(), 4); // after the 202 of the PUT, then after each 202 of the status
    for (const auto &args : scheduled)
        QVERIFY2(args.at(0).toLongLong() > 0,
                 qPrintable(u"next poll after %1 ms"_qs.arg(args.at(0).toLongLong())));
}

QTEST_GUILESS_MAIN(tst_ArmJob)
#include "tst_armjob.moc"
