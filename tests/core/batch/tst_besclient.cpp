// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// The BES wire layer on its own: URLs and the credential header for both targets, pure parsing
// of submit and status replies (hostile bodies included), and error paths of single calls and
// of a resumed job's polling through a fake QNAM (401, Retry-After, hangs, broken replies).

#include "core/batch/batchjob.h"
#include "core/batch/batchjobrunner.h"
#include "core/batch/batchjobstore.h"
#include "core/batch/besclient.h"
#include "core/batch/besjobstatus.h"
#include "core/secrets/inmemorysecretstore.h"
#include "tests/support/fakenetworkaccessmanager.h"
#include "tests/support/tempdir.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

Q_DECLARE_METATYPE(portico::test::FakeResponse)

using namespace portico;
using core::BesEndpoint;
using core::BesJobStatus;
using core::Error;

namespace {

BesEndpoint endpoint(BesEndpoint::Target target, const QString &base)
{
    BesEndpoint e;
    e.target = target;
    e.baseUrl = QUrl(base);
    e.workspace = u"ws 1"_qs;
    e.service = u"svc"_qs;
    e.credentialKey = u"env/key"_qs;
    return e;
}

} // namespace

class tst_BesClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlsAndHeadersForBothTargets();
    void endpointValidationNamesTheField();
    void statusParsing_data();
    void statusParsing();
    void submittedJobIdParsing_data();
    void submittedJobIdParsing();
    void callErrors_data();
    void callErrors();
    void resumedJobHonoursRetryAfterAndReportsServerFailure();
    void submitGoesOverHttp1AndBodilessCallsAnnounceNoBody();

private:
    Error runCall(const test::FakeResponse &response, qint64 *retryAfter = nullptr, int deadlineMs = 5000);
};

void tst_BesClient::urlsAndHeadersForBothTargets()
{
    const BesEndpoint direct = endpoint(BesEndpoint::Target::Direct, u"https://ussouthcentral.services.azureml.net"_qs);
    QCOMPARE(direct.jobsUrl().toString(QUrl::FullyEncoded),
             u"https://ussouthcentral.services.azureml.net/workspaces/ws%201/services/svc/jobs?api-version=2.0"_qs);
    QCOMPARE(direct.startUrl(u"abc"_qs).toString(QUrl::FullyEncoded),
             u"https://ussouthcentral.services.azureml.net/workspaces/ws%201/services/svc/jobs/abc/start?api-version=2.0"_qs);
    QCOMPARE(direct.authorizationHeader(u"k3y"_qs), (QPair<QByteArray, QByteArray>("Authorization", "Bearer k3y")));

    const BesEndpoint gateway = endpoint(BesEndpoint::Target::Gateway, u"https://demo.azure-api.net/azureml/"_qs);
    QCOMPARE(gateway.jobUrl(u"abc"_qs).toString(QUrl::FullyEncoded),
             u"https://demo.azure-api.net/azureml/workspaces/ws%201/services/svc/jobs/abc?api-version=2.0"_qs);
    QCOMPARE(gateway.authorizationHeader(u"sub"_qs), (QPair<QByteArray, QByteArray>("Ocp-Apim-Subscription-Key", "sub")));

    // Persisted form round-trips and carries no secret.
    const auto back = BesEndpoint::fromJson(gateway.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back.value(), gateway);
}

void tst_BesClient::endpointValidationNamesTheField()
{
    BesEndpoint e = endpoint(BesEndpoint::Target::Direct, u"ftp://x"_qs);
    QCOMPARE(e.validate().error().target, u"baseUrl"_qs);
    e.baseUrl = QUrl(u"http://127.0.0.1:1"_qs);
    e.workspace.clear();
    QCOMPARE(e.validate().error().target, u"workspace"_qs);
    e.workspace = u"w"_qs;
    e.credentialKey.clear();
    QCOMPARE(e.validate().error().kind, Error::Kind::InvalidInput);
    QCOMPARE(e.validate().error().target, u"credentialKey"_qs);
}

void tst_BesClient::statusParsing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("statusText");
    QTest::addColumn<QString>("url");
    using S = BesJobStatus::State;
    QTest::newRow("finished with SAS")
        << QByteArray(R"({"StatusCode":"Finished","Results":{"output1":{"ConnectionString":null,"RelativeLocation":"outputs/dataOutput.csv","BaseLocation":"https://acct.blob.core.windows.net/","SasBlobToken":"?sv=2020-12-06&sr=b&sig=AB%2BC&sp=r"}},"Details":null})")
        << true << int(S::Finished) << u"Finished"_qs
        << u"https://acct.blob.core.windows.net/outputs/dataOutput.csv?sv=2020-12-06&sr=b&sig=AB%2BC&sp=r"_qs;
    QTest::newRow("running, numeric") << QByteArray(R"({"StatusCode":1,"Results":null})") << true << int(S::Running)
                                      << u"Running"_qs << QString();
    QTest::newRow("doc typo key") << QByteArray(R"({"Status Code":"NotStarted"})") << true << int(S::NotStarted)
                                  << u"NotStarted"_qs << QString();
    QTest::newRow("legacy singular Result")
        << QByteArray(R"({"StatusCode":"Finished","Result":{"BaseLocation":"http://127.0.0.1:1/a","RelativeLocation":"/c/b.csv","SasBlobToken":"sv=1"}})")
        << true << int(S::Finished) << u"Finished"_qs << u"http://127.0.0.1:1/a/c/b.csv?sv=1"_qs;
    QTest::newRow("failed with details") << QByteArray(R"({"StatusCode":"Failed","Details":"Bad input"})") << true
                                         << int(S::Failed) << u"Failed"_qs << QString();
    QTest::newRow("unknown status") << QByteArray(R"({"StatusCode":"Exploded"})") << false << 0 << QString() << QString();
    QTest::newRow("number out of range") << QByteArray(R"({"StatusCode":7})") << false << 0 << QString() << QString();
    QTest::newRow("huge number") << QByteArray(R"({"StatusCode":1e308})") << false << 0 << QString() << QString();
    QTest::newRow("truncated JSON") << QByteArray(R"({"StatusCode":"Fin)") << false << 0 << QString() << QString();
    QTest::newRow("array") << QByteArray("[1,2]") << false << 0 << QString() << QString();
    QTest::newRow("not UTF-8") << QByteArray("\xff\xfe{\x01") << false << 0 << QString() << QString();
    QTest::newRow("Results of wrong type") << QByteArray(R"({"StatusCode":"Finished","Results":"x"})") << false << 0
                                           << QString() << QString();
}

void tst_BesClient::statusParsing()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(int, state);
    QFETCH(QString, statusText);
    QFETCH(QString, url);
    const auto status = BesJobStatus::parse(body);
    QCOMPARE(status.ok(), ok);
    if (!ok) {
        QCOMPARE(status.error().kind, Error::Kind::Protocol);
        QVERIFY(!status.error().message.isEmpty());
        return;
    }
    QCOMPARE(int(status->state), state);
    QCOMPARE(status->statusText, statusText);
    if (!url.isEmpty()) {
        const auto download = status->outputs.value(u"output1"_qs).downloadUrl();
        QVERIFY(download.ok());
        QCOMPARE(download->toString(QUrl::FullyEncoded), url);
    }
}

void tst_BesClient::submittedJobIdParsing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("id");
    QTest::newRow("bare string") << QByteArray("\"539d0bc2fde945b6ac986b851d0000f0\"") << u"539d0bc2fde945b6ac986b851d0000f0"_qs;
    QTest::newRow("whitespace") << QByteArray(" \"abc-1\"\r\n") << u"abc-1"_qs;
    QTest::newRow("object") << QByteArray("{\"id\":\"x\"}") << QString();
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("path characters") << QByteArray("\"../x\"") << QString();
    QTest::newRow("injection") << QByteArray("\"a\",\"b\"") << QString();
    QTest::newRow("unterminated") << QByteArray("\"abc") << QString();
}

void tst_BesClient::submittedJobIdParsing()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, id);
    const auto parsed = BesJobStatus::parseSubmittedJobId(body);
    QCOMPARE(parsed.ok(), !id.isEmpty());
    if (parsed.ok())
        QCOMPARE(parsed.value(), id);
    else
        QCOMPARE(parsed.error().kind, Error::Kind::Protocol);
}

Error tst_BesClient::runCall(const test::FakeResponse &response, qint64 *retryAfter, int deadlineMs)
{
    test::FakeNetworkAccessManager nam;
    nam.enqueue(response);
    core::BesClient client(&nam, endpoint(BesEndpoint::Target::Direct, u"http://ml.invalid"_qs), u"secret-key"_qs);
    client.setDeadline(deadlineMs);
    core::BesCall *call = client.status(u"job1"_qs);
    QSignalSpy finished(call, &core::BesCall::finished);
    if (!finished.wait(deadlineMs + 5000))
        return Error::make(Error::Kind::None, u"no finished()"_qs);
    if (finished.size() != 1)
        return Error::make(Error::Kind::None, u"finished() more than once"_qs);
    if (retryAfter)
        *retryAfter = call->retryAfterMs();
    if (nam.requests().size() != 1
        || nam.requests().first().request.rawHeader("Authorization") != "Bearer secret-key")
        return Error::make(Error::Kind::None, u"request without the credential"_qs);
    return call->result().ok() ? Error {} : call->result().error();
}

void tst_BesClient::callErrors_data()
{
    QTest::addColumn<test::FakeResponse>("response");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    using B = test::FakeResponse::Behaviour;
    QTest::newRow("401 from ML")
        << test::FakeResponse { B::Respond, 401,
                                R"({"error":{"code":"Unauthorized","message":"Request is unauthorized to access resource.","details":[{"code":"ScoreRequestUnauthorized","message":"Invalid credentials provided."}]}})",
                                {}, {}, 0 }
        << int(Error::Kind::Unauthorized) << u"Request is unauthorized to access resource."_qs;
    QTest::newRow("401 from the gateway")
        << test::FakeResponse { B::Respond, 401,
                                R"({"statusCode": 401, "message": "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription."})",
                                {}, {}, 0 }
        << int(Error::Kind::Unauthorized) << u"Access denied due to invalid subscription key"_qs;
    QTest::newRow("404 unknown job")
        << test::FakeResponse { B::Respond, 404, R"({"error":{"code":"NotFound","message":"Resource not found."}})", {}, {}, 0 }
        << int(Error::Kind::NotFound) << u"Resource not found."_qs;
    QTest::newRow("HTML 502") << test::FakeResponse { B::Respond, 502, "<html>bad gateway</html>", {}, {}, 0 }
                              << int(Error::Kind::Http) << u"HTTP 502"_qs;
    QTest::newRow("connection refused") << test::FakeResponse { B::Fail, 0, {}, {}, QNetworkReply::ConnectionRefusedError, 0 }
                                        << int(Error::Kind::Network) << u"Cannot reach the batch service at ml.invalid"_qs;
    QTest::newRow("breaks off") << test::FakeResponse { B::BreakOff, 200, "{\"StatusCode\":", {}, QNetworkReply::RemoteHostClosedError, 0 }
                                << int(Error::Kind::Network) << u"Cannot reach the batch service"_qs;
    QTest::newRow("hangs") << test::FakeResponse { B::Hang, 0, {}, {}, {}, 0 } << int(Error::Kind::Timeout)
                           << u"did not answer in time"_qs;
}

void tst_BesClient::callErrors()
{
    QFETCH(test::FakeResponse, response);
    QFETCH(int, kind);
    QFETCH(QString, message);
    const Error error = runCall(response, nullptr, 300);
    QCOMPARE(int(error.kind), kind);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QVERIFY(!error.message.contains(u"secret-key"_qs));
}

void tst_BesClient::resumedJobHonoursRetryAfterAndReportsServerFailure()
{
    // A job that was running when the app closed: the stored record says step "run".
    test::TempDir dir;
    core::BatchJobStore store(dir.path());
    core::BatchJobRecord record;
    record.id = u"0123456789abcdef0123456789abcdef"_qs;
    record.name = u"reviews.csv"_qs;
    record.endpoint = endpoint(BesEndpoint::Target::Direct, u"http://ml.invalid"_qs);
    record.serverJobId = u"server1"_qs;
    record.serverStatus = u"Running"_qs;
    record.step = core::BatchJobRecord::Step::Run;
    QVERIFY(store.save(record).ok());

    test::FakeNetworkAccessManager nam;
    nam.enqueue({ test::FakeResponse::Behaviour::Respond, 503, R"({"error":{"code":"ServiceUnavailable","message":"Busy."}})",
                  { { "Retry-After", "1" } }, {}, 0 });
    nam.enqueue({ test::FakeResponse::Behaviour::Respond, 200, R"({"StatusCode":"Running","Results":null})", {}, {}, 0 });
    nam.enqueue({ test::FakeResponse::Behaviour::Respond, 200,
                  R"({"StatusCode":"Failed","Results":null,"Details":"Column Col2 not found."})", {}, {}, 0 });
    core::InMemorySecretStore secrets;
    secrets.writeNow(u"env/key"_qs, u"secret-key"_qs);
    core::BatchJobRunner runner(&nam, &secrets, dir.path());
    runner.setPolling({ 50, 200, 2.0, 3 });
    QVERIFY(runner.load().ok());
    QCOMPARE(runner.jobs().size(), 1);

    QElapsedTimer clock;
    clock.start();
    auto job = runner.watch(record.id);
    QVERIFY(job.ok());
    QSignalSpy statuses(job.value(), &core::BatchJob::statusChanged);
    QSignalSpy finished(job.value(), &core::BatchJob::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(nam.requests().size(), 3);
    QVERIFY2(clock.elapsed() >= 950, "the second poll waited for Retry-After: 1");
    QVERIFY(!job.value()->result().ok());
    QVERIFY2(job.value()->result().error().message.contains(u"Column Col2 not found."_qs),
             qPrintable(job.value()->result().error().message));
    QCOMPARE(statuses.last().first().toString(), u"Failed"_qs);

    // The failure is remembered for the next session.
    core::BatchJobStore reread(dir.path());
    QVERIFY(reread.load().ok());
    QCOMPARE(reread.find(record.id)->outcome, core::BatchJobRecord::Outcome::Failed);
    QVERIFY(reread.find(record.id)->errorMessage.contains(u"Column Col2 not found."_qs));
    QVERIFY(!dir.readAllFiles().contains("secret-key"));
}

void tst_BesClient::submitGoesOverHttp1AndBodilessCallsAnnounceNoBody()
{
    // Whether a failed submit may have reached the service rests on requestSent(), which Qt's
    // HTTP/2 path is not known to emit: a submit never offers HTTP/2, even over https.
    test::FakeNetworkAccessManager nam;
    core::BesClient client(&nam, endpoint(BesEndpoint::Target::Direct, u"https://ml.invalid"_qs), u"secret-key"_qs);
    std::unique_ptr<core::BesCall> submit(client.submit(R"({"Inputs":{}})"));
    std::unique_ptr<core::BesCall> status(client.status(u"job1"_qs));
    std::unique_ptr<core::BesCall> removal(client.remove(u"job1"_qs));
    QCOMPARE(nam.requests().size(), 3);
    const QNetworkRequest &sent = nam.requests().at(0).request;
    QCOMPARE(nam.requests().at(0).verb, QByteArray("POST"));
    QCOMPARE(sent.attribute(QNetworkRequest::Http2AllowedAttribute, true).toBool(), false);
    // GET and DELETE go out as any other: no Content-Length for a request without content.
    for (qsizetype i : { 1, 2 }) {
        QVERIFY2(!nam.requests().at(i).request.hasRawHeader("Content-Length"), nam.requests().at(i).verb.constData());
        QVERIFY(!nam.requests().at(i).request.header(QNetworkRequest::ContentLengthHeader).isValid());
    }
}

QTEST_GUILESS_MAIN(tst_BesClient)
#include "tst_besclient.moc"
