// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/arm/armclient.h"
#include "core/arm/armjob.h"
#include "core/arm/armlistjob.h"
#include "core/auth/accesstokenprovider.h"
#include "tests/support/fakenetworkaccessmanager.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace portico;
using core::Error;
using test::FakeResponse;

namespace {

// Hands out "token-1", then "token-2" after a forced refresh; counts the refreshes.
class CountingTokens final : public core::AccessTokenProvider
{
public:
    int refreshes = 0;
    core::TokenJob *token(bool forceRefresh) override
    {
        if (forceRefresh)
            ++refreshes;
        auto *job = new core::TokenJob(this);
        job->complete(core::AccessToken { u"token-%1"_qs.arg(refreshes + 1), {} });
        return job;
    }
};

FakeResponse behaving(FakeResponse::Behaviour behaviour)
{
    FakeResponse response;
    response.behaviour = behaviour;
    return response;
}

struct Outcome
{
    core::Result<core::ArmResponse> result = Error();
    int finishedCount = 0;
};

Outcome run(core::ArmJob *job, int timeoutMs = 10000)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(job, &core::ArmJob::finished, job, [outcome, job] {
        outcome->result = job->result();
        ++outcome->finishedCount;
    });
    QSignalSpy destroyed(job, &QObject::destroyed);
    destroyed.wait(timeoutMs);
    QTest::qWait(20); // a second finished() would show up here
    return *outcome;
}

} // namespace

class tst_ArmClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void requestCarriesApiVersionAuthUserAgentAndIfMatch();
    void successFinishesExactlyOnce();
    void hangingServerHitsTheDeadline();
    void oversizedBodyIsRefused();
    void brokenOffReplyIsANetworkError();
    void connectionRefusedIsANetworkError();
    void cancelFinishesWithCancelled();
    void deletingTheJobAbortsTheReply();
    void expiredTokenIsRefreshedOnceOn401();
    void secondUnauthorizedIsReported();
    void forbiddenIsNotASignInProblem();
    void preconditionFailedIsReportedAsConflict();
    void credentialsNeverGoToAnotherOrigin();
    void serviceUnavailableIsRetriedWithBackoff();
    void throttlingGivesUpAfterMaxAttemptsWithRetryAfter();
    void retryThatWouldPassTheDeadlineIsNotAttempted();
    void queryValuesAreEncoded();
    void pagingStopsOnARepeatingNextLink();

private:
    std::unique_ptr<test::FakeNetworkAccessManager> m_nam;
    std::unique_ptr<CountingTokens> m_tokens;
    std::unique_ptr<core::ArmClient> m_client;
};

void tst_ArmClient::init()
{
    m_nam = std::make_unique<test::FakeNetworkAccessManager>();
    m_tokens = std::make_unique<CountingTokens>();
    m_client = std::make_unique<core::ArmClient>(m_nam.get(), QUrl(u"https://management.azure.com"_qs),
                                                 m_tokens.get());
    core::ArmTiming timing;
    timing.timeScale = 0.001;
    timing.deadlineMs = 3000;
    m_client->setTiming(timing);
}

void tst_ArmClient::cleanup()
{
    m_client.reset();
    m_tokens.reset();
    m_nam.reset();
}

void tst_ArmClient::requestCarriesApiVersionAuthUserAgentAndIfMatch()
{
    m_nam->enqueue({ FakeResponse::Behaviour::Respond, 200, "{}", { { "ETag", "\"AAAA\"" } } });
    const Outcome outcome = run(m_client->send(core::ArmRequest::patch(u"/subscriptions/s/x"_qs,
                                                                       { { u"a"_qs, 1 } }, "\"v1\"")));
    QVERIFY(outcome.result.ok());
    QCOMPARE(outcome.result->etag(), QByteArray("\"AAAA\""));
    QCOMPARE(m_nam->requests().size(), 1);
    const QNetworkRequest &sent = m_nam->requests().first().request;
    QCOMPARE(sent.url().path(), u"/subscriptions/s/x"_qs);
    QCOMPARE(QUrlQuery(sent.url()).queryItemValue(u"api-version"_qs), u"2024-05-01"_qs);
    QCOMPARE(sent.rawHeader("Authorization"), QByteArray("Bearer token-1"));
    QCOMPARE(sent.rawHeader("If-Match"), QByteArray("\"v1\""));
    QVERIFY(sent.rawHeader("User-Agent").startsWith("Portico/"));
    QVERIFY(!sent.rawHeader("x-ms-client-request-id").isEmpty());
    QCOMPARE(m_nam->requests().first().verb, QByteArray("PATCH"));
    QCOMPARE(m_nam->requests().first().body, QByteArray(R"({"a":1})"));
}

void tst_ArmClient::successFinishesExactlyOnce()
{
    m_nam->enqueue({ FakeResponse::Behaviour::Respond, 200, R"({"name":"x"})", {} });
    const Outcome outcome = run(m_client->send(core::ArmRequest::get(u"/x"_qs)));
    QCOMPARE(outcome.finishedCount, 1);
    QCOMPARE(outcome.result->json()->value(u"name"_qs).toString(), u"x"_qs);
}

void tst_ArmClient::hangingServerHitsTheDeadline()
{
    core::ArmTiming timing = m_client->timing();
    timing.deadlineMs = 300;
    m_client->setTiming(timing);
    m_nam->enqueue(behaving(FakeResponse::Behaviour::Hang));
    const Outcome outcome = run(m_client->send(core::ArmRequest::get(u"/x"_qs)));
    QCOMPARE(outcome.finishedCount, 1);
    QCOMPARE(outcome.result.error().kind, Error::Kind::Timeout);
}

void tst_ArmClient::oversizedBodyIsRefused()
{
    core::ArmTiming timing = m_client->timing();
    timing.maxBodyBytes = 1024;
    m_client->setTiming(timing);
    m_nam->enqueue({ FakeResponse::Behaviour::Respond, 200, QByteArray(4096, 'x'), {} });
    const Outcome outcome = run(m_client->send(core::ArmRequest::get(u"/x"_qs)));
    QCOMPARE(outcome.finishedCount, 1);
    QCOMPARE(outcome.result.error().kind, Error::Kind::Protocol);
    QVERIFY(outcome.result.error().message.contains(u"larger"_qs));
}

void tst_ArmClient::brokenOffReplyIsANetworkError()
{
    m_nam->enqueue({ FakeResponse::Behaviour::BreakOff, 200, R"({"value":[{"name":"a"}]})", {} });
    core::ArmListJob *job = m_client->list(core::ArmRequest::get(u"/x"_qs));
    QSignalSpy finished(job, &core::ArmListJob::finished);
    core::Result<QList<QJsonObject>> result = Error();
    connect(job, &core::ArmListJob::finished, this, [&] { result = job->result(); });
    QVERIFY(finished.wait());
    QVERIFY(!result.ok());
    // Half a JSON document never turns into a short list.
    QVERIFY(result.error().kind == Error::Kind::Network || result.error().kind == Error::Kind::Protocol);
}

void tst_ArmClient::connectionRefusedIsANetworkError()
{
    m_nam->enqueue(behaving(FakeResponse::Behaviour::Fail));
    const Outcome outcome = run(m_client->send(core::ArmRequest::get(u"/x"_qs)));
    QCOMPARE(outcome.result.error().kind, Error::Kind::Network);
}

void tst_ArmClient::cancelFinishesWithCancelled()
{
    m_nam->enqueue(behaving(FakeResponse::Behaviour::Hang));
    core::ArmJob *job = m_client->send(core::ArmRequest::get(u"/x"_qs));
    QTimer::singleShot(50, job, &core::ArmJob::cancel);
    const Outcome outcome = run(job);
    QCOMPARE(outcome.finishedCount, 1);
    QCOMPARE(outcome.result.error().kind, Error::Kind::Cancelled);
}

void tst_ArmClient::deletingTheJobAbortsTheReply()
{
    m_nam->enqueue(behaving(FakeResponse::Behaviour::Hang));
    QSignalSpy replies(m_nam.get(), &QNetworkAccessManager::finished);
    core::ArmJob *job = m_client->send(core::ArmRequest::get(u"/x"_qs));
    QTRY_COMPARE(m_nam->requests().size(), 1);
    delete job;
    QTRY_COMPARE(replies.size(), 1);
    auto *reply = replies.first().first().value<QNetworkReply *>();
    QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
}

void tst_ArmClient::expiredTokenIsRefreshedOnceOn401()
{
    m_nam->enqueue({ FakeResponse::Behaviour::Respond, 401,
                     R"({"error":{"code":"ExpiredAuthenticationToken","message":"The access token expiry UTC time is earlier than current UTC time."}})",
                     {} });
    m_nam->enqueue({ FakeResponse::Behaviour::Respond, 200, "{}", {} });
    const Outcome outcome = run(m_client->send(core::ArmRequest::get(u"/x"_qs)));
    QVERIFY(outcome.result.ok());
    QCOMPARE(m_tokens->refreshes, 1);
    QCOMPARE(m_nam->requests().at(1).request.rawHeader("Authorization"), QByteArray("Bearer token-2"));
}

void tst_ArmClient::secondUnauthorizedIsReported()
{
    const FakeResponse unauthorized { FakeResponse::Behaviour::Respond, 401,
                                      R"({"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}})",
                                      {} };
    m_nam->enqueue(unauthorized);
    m_nam->enqueue(unauthorized);
    const Outcome outcome = run(m_client->send(core::ArmRequest::get(u"/x"_qs)));
    QCOMPARE(outcome.result.error().kind, Error::Kind::Unauthorized);
    QCOMPARE(outcome.result.error().code, u"InvalidAuthenticationToken"_qs);
    QCOMPARE(m_nam->requests().size(), 2);
}

// ARM's 403 AuthorizationFailed: the token is fine, the account's role does not allow the
// action. Its own kind, and neither a token refresh nor the "sign in again" signal.
void tst_ArmClient::forbiddenIsNotASignInProblem()
{
    QSignalSpy signInRefused(m_client.get(), &core::ArmClient::unauthorized);
    m_nam->enqueue({ FakeResponse::Behaviour::Respond, 403,
                     R"({"error":{"code":"AuthorizationFailed","message":"The client 'user@contoso.com' with object id '5c730e34-3244-4df1-9cb5-6e85aa000001' does not have authorization to perform action 'Microsoft.ApiManagement/service/apis/write' over scope '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/apis/echo-api' or the scope is invalid. If access was recently granted, please refresh your credentials."}})",
                     {} });
    const Outcome outcome = run(m_client->send(core::ArmRequest::put(u"/apis/echo-api"_qs, QJsonObject())));
    QCOMPARE(outcome.result.error().kind, Error::Kind::Forbidden);
    QCOMPARE(outcome.result.error().httpStatus, 403);
    QCOMPARE(outcome.result.error().code, u"AuthorizationFailed"_qs);
    QVERIFY(outcome.result.error().message.contains(u"'Microsoft.ApiManagement/service/apis/write'"_qs));
    QCOMPARE(m_nam->requests().size(), 1);
    QCOMPARE(m_tokens->refreshes, 0);
    QCOMPARE(signInRefused.size(), 0);
}

void tst_ArmClient::preconditionFailedIsReportedAsConflict()
{
    m_nam->enqueue({ FakeResponse::Behaviour::Respond, 412, {}, {} });
    const Outcome outcome = run(m_client->send(core::ArmRequest::remove(u"/x"_qs, "\"old\"")));
    QCOMPARE(outcome.result.error().kind, Error::Kind::Conflict);
    QCOMPARE(outcome.result.error().httpStatus, 412);
}

void tst_ArmClient::credentialsNeverGoToAnotherOrigin()
{
    core::ArmRequest request;
    request.absoluteUrl = QUrl(u"https://evil.example.com/steal?api-version=2024-05-01"_qs);
    const Outcome outcome = run(m_client->send(request));
    QCOMPARE(outcome.result.error().kind, Error::Kind::Refused);
    QVERIFY(m_nam->requests().isEmpty());
}

void tst_ArmClient::serviceUnavailableIsRetriedWithBackoff()
{
    m_nam->enqueue({ FakeResponse::Behaviour::Respond, 503, "Service Unavailable", {} });
    m_nam->enqueue({ FakeResponse::Behaviour::Respond, 503, "", {} });
    m_nam->enqueue({ FakeResponse::Behaviour::Respond, 200, "{}", {} });
    core::ArmJob *job = m_client->send(core::ArmRequest::get(u"/x"_qs));
    QSignalSpy retrying(job, &core::ArmJob::retrying);
    const Outcome outcome = run(job);
    QVERIFY(outcome.result.ok());
    QCOMPARE(retrying.size(), 2);
    QCOMPARE(m_nam->requests().size(), 3);
}

void tst_ArmClient::throttlingGivesUpAfterMaxAttemptsWithRetryAfter()
{
    const FakeResponse throttled { FakeResponse::Behaviour::Respond, 429,
                                   R"({"statusCode": 429, "message": "Rate limit is exceeded. Try again in 7 seconds."})",
                                   { { "Retry-After", "7" } } };
    m_nam->setHandler([throttled](const test::FakeRequest &) { return throttled; });
    core::ArmJob *job = m_client->send(core::ArmRequest::get(u"/x"_qs));
    QSignalSpy retrying(job, &core::ArmJob::retrying);
    qint64 retryAfter = 0;
    connect(job, &core::ArmJob::finished, this, [&] { retryAfter = job->retryAfterMs(); });
    const Outcome outcome = run(job);
    QCOMPARE(outcome.result.error().httpStatus, 429);
    QCOMPARE(outcome.result.error().message, u"Rate limit is exceeded. Try again in 7 seconds."_qs);
    QCOMPARE(m_nam->requests().size(), 4);
    QCOMPARE(retrying.size(), 3);
    QCOMPARE(retrying.first().at(1).toLongLong(), qint64(7)); // 7 s scaled by 0.001
    QCOMPARE(retryAfter, qint64(7000));
}

void tst_ArmClient::retryThatWouldPassTheDeadlineIsNotAttempted()
{
    core::ArmTiming timing = m_client->timing();
    timing.timeScale = 1.0;
    m_client->setTiming(timing);
    m_nam->enqueue({ FakeResponse::Behaviour::Respond, 429, "{}", { { "Retry-After", "3600" } } });
    QElapsedTimer elapsed;
    elapsed.start();
    const Outcome outcome = run(m_client->send(core::ArmRequest::get(u"/x"_qs)));
    QCOMPARE(outcome.result.error().httpStatus, 429);
    QCOMPARE(m_nam->requests().size(), 1);
    QVERIFY(elapsed.elapsed() < 2000);
}

void tst_ArmClient::queryValuesAreEncoded()
{
    m_nam->enqueue({ FakeResponse::Behaviour::Respond, 200, R"({"value":[]})", {} });
    core::ArmRequest request = core::ArmRequest::get(u"/apis"_qs);
    request.withQuery(u"$filter"_qs, u"contains(displayName,'a+b & c')"_qs);
    core::ArmListJob *job = m_client->list(request);
    QSignalSpy finished(job, &core::ArmListJob::finished);
    QVERIFY(finished.wait());
    const QUrl sent = m_nam->requests().first().request.url();
    QCOMPARE(QUrlQuery(sent).queryItemValue(u"$filter"_qs, QUrl::FullyDecoded),
             u"contains(displayName,'a+b & c')"_qs);
    QVERIFY(sent.toEncoded().contains("a%2Bb"));
}

void tst_ArmClient::pagingStopsOnARepeatingNextLink()
{
    m_nam->setHandler([](const test::FakeRequest &) {
        return FakeResponse { FakeResponse::Behaviour::Respond, 200,
                              R"({"value":[{"name":"a"}],"nextLink":"https://management.azure.com/loop?api-version=2024-05-01"})",
                              {} };
    });
    core::ArmListJob *job = m_client->list(core::ArmRequest::get(u"/loop"_qs));
    QSignalSpy finished(job, &core::ArmListJob::finished);
    core::Result<QList<QJsonObject>> result = Error();
    connect(job, &core::ArmListJob::finished, this, [&] { result = job->result(); });
    QVERIFY(finished.wait());
    QCOMPARE(result.error().kind, Error::Kind::Protocol);
    QVERIFY(m_nam->requests().size() <= 3);
}

QTEST_GUILESS_MAIN(tst_ArmClient)
#include "tst_armclient.moc"
