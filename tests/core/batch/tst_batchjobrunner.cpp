// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// The batch-job runner end to end against the real portico-local ML service and real Azurite:
// the seed's input goes up as a blob, the BES job runs, the results come down through the SAS
// URL into the lazy results table. Also through the gateway's BES operations with a
// subscription key, cancel during a running job, a new runner over the same data directory
// reattaching to a running job, cancel right after such a resume while the real keychain (a
// private gnome-keyring) has not answered yet, delete, and the error paths a user meets (wrong
// key, bad connection string, storage down, missing secret), and a download that fills the disk:
// it fails naming the file and the system's reason, keeps the results file that was there and
// leaves no partial file, and a later watch downloads the results once there is room again. A
// submit whose connection closes before the answer is sent once and kept as one the service may
// hold; one whose connection is refused is not. The job list and the results are the user's
// alone (0600 files in 0700 directories), also where an older version left them readable.

#include "core/batch/batchjob.h"
#include "core/batch/batchjobrunner.h"
#include "core/batch/batchjobstore.h"
#include "core/batch/batchresultsmodel.h"
#include "core/secrets/inmemorysecretstore.h"
#include "core/secrets/keychainsecretstore.h"
#include "tests/local/management/armtestclient.h"
#include "tests/support/azuritefixture.h"
#include "tests/support/flakyproxy.h"
#include "tests/support/keychainfixture.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/privatemodes.h"
#include "tests/support/secretjobs.h"
#include "tests/support/tempdir.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace portico;
using core::BatchJob;
using core::BatchJobRecord;
using core::BatchJobRunner;
using core::BesEndpoint;
using core::Error;
using Step = core::BatchJobRecord::Step;

namespace {

const QStringList seedVector { u"1"_qs, u"1"_qs, u"2"_qs, u"2"_qs, u"0"_qs, u"2"_qs, u"0"_qs, u"1"_qs };

// The seed's input: column Col2, "This is a good day" first; `rows` rows in all.
QByteArray seedInput(int rows)
{
    QByteArray csv = "Col2\n";
    csv.reserve(rows * 30);
    for (int r = 0; r < rows; ++r) {
        if (r == 0)
            csv += "This is a good day\n";
        else if (r == 1)
            csv += "\"Great, \"\"really\"\" great\nproduct\"\n";
        else
            csv += "review " + QByteArray::number(r) + " was good value\n";
    }
    return csv;
}

} // namespace

class tst_BatchJobRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void directJobRunsEndToEndIntoTheResultsModel();
    void gatewayJobRunsWithASubscriptionKey();
    void cancelDuringARunningJobCancelsTheServerJob();
    void newRunnerListsAndReattachesToARunningJob();
    void resumeActiveCatchesUpARunningJobWithoutBeingAsked();
    void resumeActiveCatchesUpAFewJobsAtATime();
    void uploadInterruptedByAQuitCarriesOnAfterARestart_data();
    void uploadInterruptedByAQuitCarriesOnAfterARestart();
    void quitWhileSubmittingIsNotSubmittedAgainAfterARestart();
    void quitBeforeTheSubmitLeftSubmitsAfterARestart();
    void submitWithoutAnAnswerIsToldFromASubmitThatNeverLeft_data();
    void submitWithoutAnAnswerIsToldFromASubmitThatNeverLeft();
    void cancelRightAfterAResumeCancelsTheServerJobOnceTheKeychainAnswers();
    void removeDeletesTheResultsAndTheEntry();
    void removeAfterARestartCancelsTheServerJob();
    void userErrorsComeBackAsClearResults_data();
    void userErrorsComeBackAsClearResults();
    void downloadThatFillsTheDiskKeepsTheEarlierResultsAndSaysWhy_data();
    void downloadThatFillsTheDiskKeepsTheEarlierResultsAndSaysWhy();
    void jobListAndResultsArePrivateToTheUser();

private:
    core::BatchJobSpec spec(const QString &inputName, const QByteArray &csv,
                            BesEndpoint::Target target = BesEndpoint::Target::Direct);
    BatchJob *submit(BatchJobRunner &runner, const core::BatchJobSpec &spec);
    QString serverStatus(const QString &jobId);
    // How many jobs the ML service holds for the batch job `id` (submits it took), from its
    // own store: BES itself cannot list jobs.
    int submitsOf(const QString &id);
    void setUpGateway();

    test::KeychainFixture m_keychain;
    test::AzuriteFixture m_azurite;
    test::PorticoLocalFixture m_local;
    test::TempDir m_inputs;
    test::TempDir m_data;
    QNetworkAccessManager m_nam;
    core::InMemorySecretStore m_secrets;
    std::unique_ptr<BatchJobRunner> m_runner;
    QUrl m_gatewayBase;
};

void tst_BatchJobRunner::initTestCase()
{
    QVERIFY2(m_keychain.start(), qPrintable(m_keychain.errorString())); // before anything uses D-Bus
    QVERIFY2(m_azurite.start(), qPrintable(m_azurite.errorString()));
    QVERIFY2(m_local.start(), qPrintable(m_local.errorString()));
    m_secrets.writeNow(u"local/ml-key"_qs, m_local.mlKey());
    m_secrets.writeNow(u"local/storage"_qs, m_azurite.connectionString());
    m_runner = std::make_unique<BatchJobRunner>(&m_nam, &m_secrets, m_data.path());
    m_runner->setPolling({ 100, 500, 1.5, 5 });
    QVERIFY(m_runner->load().ok());
    setUpGateway();
}

// The seed API on a new service, through plain ARM calls: the BES operations, the ML key as
// a secret named value used by the Bearer policy, and a subscription to the API.
void tst_BatchJobRunner::setUpGateway()
{
    test::ArmTestClient arm(m_local.managementUrl(), m_local.token());
    QString failure;
    QVERIFY2(arm.createService(u"batchdemo"_qs, &failure), qPrintable(failure));
    const QString svc = test::ArmTestClient::servicePath(u"batchdemo"_qs);
    const auto props = [](const QJsonObject &p) { return QJsonObject { { u"properties"_qs, p } }; };
    auto r = arm.put(svc + u"/namedValues/azureml-demo-api-key"_qs,
                     props({ { u"displayName"_qs, u"azureml-demo-api-key"_qs }, { u"value"_qs, m_local.mlKey() },
                             { u"secret"_qs, true } }));
    QVERIFY2(r.status == 200 || r.status == 201, r.body.constData());
    r = arm.put(svc + u"/apis/azureml-demo-api"_qs,
                props({ { u"displayName"_qs, u"AzureML Demo API"_qs }, { u"path"_qs, u"azureml-demo"_qs },
                        { u"serviceUrl"_qs, m_local.mlUrl().toString().chopped(m_local.mlUrl().toString().endsWith(u'/') ? 1 : 0) },
                        { u"protocols"_qs, QJsonArray { u"http"_qs, u"https"_qs } },
                        { u"subscriptionRequired"_qs, true } }));
    QVERIFY2(r.status == 200 || r.status == 201, r.body.constData());
    const QString prefix = u"/workspaces/{workspace}/services/{service}/jobs"_qs;
    const struct
    {
        QString id, method, urlTemplate;
        QStringList parameters;
    } operations[] = {
        { u"bes-submit"_qs, u"POST"_qs, prefix + u"?api-version={apiversion}"_qs, { u"workspace"_qs, u"service"_qs, u"apiversion"_qs } },
        { u"bes-start"_qs, u"POST"_qs, prefix + u"/{jobid}/start?api-version={apiversion}"_qs,
          { u"workspace"_qs, u"service"_qs, u"jobid"_qs, u"apiversion"_qs } },
        { u"bes-status"_qs, u"GET"_qs, prefix + u"/{jobid}?api-version={apiversion}"_qs,
          { u"workspace"_qs, u"service"_qs, u"jobid"_qs, u"apiversion"_qs } },
        { u"bes-delete"_qs, u"DELETE"_qs, prefix + u"/{jobid}?api-version={apiversion}"_qs,
          { u"workspace"_qs, u"service"_qs, u"jobid"_qs, u"apiversion"_qs } },
    };
    for (const auto &op : operations) {
        r = arm.put(svc + u"/apis/azureml-demo-api/operations/"_qs + op.id,
                    test::ArmTestClient::operationBody(op.id, op.method, op.urlTemplate, op.parameters));
        QVERIFY2(r.status == 200 || r.status == 201, r.body.constData());
    }
    r = arm.put(svc + u"/apis/azureml-demo-api/policies/policy"_qs,
                props({ { u"format"_qs, u"rawxml"_qs },
                        { u"value"_qs,
                          u"<policies><inbound><base /><set-header name=\"Authorization\" exists-action=\"override\">"
                          "<value>Bearer {{azureml-demo-api-key}}</value></set-header></inbound><backend><base /></backend>"
                          "<outbound><base /></outbound><on-error><base /></on-error></policies>"_qs } }));
    QVERIFY2(r.status == 200 || r.status == 201, r.body.constData());
    r = arm.put(svc + u"/subscriptions/batch-sub"_qs,
                props({ { u"scope"_qs, u"/apis/azureml-demo-api"_qs }, { u"displayName"_qs, u"Batch"_qs },
                        { u"state"_qs, u"active"_qs } }));
    QVERIFY2(r.status == 200 || r.status == 201, r.body.constData());
    const QString key = arm.post(svc + u"/subscriptions/batch-sub/listSecrets"_qs).json.value(u"primaryKey"_qs).toString();
    QVERIFY(!key.isEmpty());
    m_secrets.writeNow(u"local/subscription/batch-sub"_qs, key);
    m_gatewayBase = QUrl(m_local.gatewayUrl().toString().chopped(m_local.gatewayUrl().toString().endsWith(u'/') ? 1 : 0)
                         + u"/batchdemo/azureml-demo"_qs);
}

core::BatchJobSpec tst_BatchJobRunner::spec(const QString &inputName, const QByteArray &csv, BesEndpoint::Target target)
{
    const bool written = m_inputs.write(inputName, csv);
    Q_ASSERT(written);
    core::BatchJobSpec spec;
    spec.endpoint.target = target;
    spec.endpoint.baseUrl = target == BesEndpoint::Target::Direct ? m_local.mlUrl() : m_gatewayBase;
    spec.endpoint.workspace = u"local"_qs;
    spec.endpoint.service = u"feature-hashing"_qs;
    spec.endpoint.credentialKey = target == BesEndpoint::Target::Direct ? u"local/ml-key"_qs
                                                                         : u"local/subscription/batch-sub"_qs;
    spec.storageSecretKey = u"local/storage"_qs;
    spec.container = u"batch-inputs"_qs;
    spec.inputFile = m_inputs.filePath(inputName);
    return spec;
}

BatchJob *tst_BatchJobRunner::submit(BatchJobRunner &runner, const core::BatchJobSpec &spec)
{
    auto job = runner.submit(spec);
    if (!job) {
        qWarning() << job.error().message;
        return nullptr;
    }
    return job.value();
}

QString tst_BatchJobRunner::serverStatus(const QString &jobId)
{
    QNetworkRequest request(QUrl(m_local.mlUrl().toString()
                                 + u"/workspaces/local/services/feature-hashing/jobs/%1?api-version=2.0"_qs.arg(jobId)));
    request.setRawHeader("Authorization", "Bearer " + m_local.mlKey().toUtf8());
    QNetworkReply *reply = m_nam.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(20000);
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object().value(u"StatusCode"_qs).toString();
}

int tst_BatchJobRunner::submitsOf(const QString &id)
{
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"ml-read"_qs);
        db.setDatabaseName(QDir(m_local.dataDir()).filePath(u"ml.db"_qs));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(u"SELECT COUNT(*) FROM bes_jobs WHERE CAST(request AS TEXT) LIKE ?"_qs);
            query.addBindValue(u"%jobs/%1/input.csv%"_qs.arg(id));
            if (query.exec() && query.next())
                count = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(u"ml-read"_qs);
    return count;
}

void tst_BatchJobRunner::directJobRunsEndToEndIntoTheResultsModel()
{
    BatchJob *job = submit(*m_runner, spec(u"seed.csv"_qs, seedInput(50)));
    QVERIFY(job);
    QSignalSpy steps(job, &BatchJob::stepChanged);
    QSignalSpy progress(job, &BatchJob::progress);
    QSignalSpy statuses(job, &BatchJob::statusChanged);
    QSignalSpy finished(job, &BatchJob::finished);
    QVERIFY(finished.wait(120000));
    QVERIFY2(job->result().ok(), test::describe(job->result()).constData());
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1);

    QList<Step> seen;
    for (const auto &args : std::as_const(steps))
        seen.append(args.first().value<Step>());
    QCOMPARE(seen, (QList<Step> { Step::Upload, Step::Submit, Step::Start, Step::Run, Step::Download, Step::Index, Step::Done }));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(statuses.last().first().toString(), u"Finished"_qs);
    QCOMPARE(serverStatus(job->record().serverJobId), u"Finished"_qs);

    core::BatchResultsModel *model = job->resultsModel();
    QVERIFY(model);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 50);
    QStringList header { u"Col2"_qs };
    for (int b = 0; b < 8; ++b)
        header.append(u"Col2_HashingFeature.%1"_qs.arg(b));
    QCOMPARE(model->columnNames(), header);
    QCOMPARE(model->rowValues(0), QStringList { u"This is a good day"_qs } + seedVector);
    QCOMPARE(model->index(1, 0).data().toString(), u"Great, \"really\" great\nproduct"_qs);

    // Stored state: done, and not one secret in the data directory.
    const auto stored = m_runner->record(job->id());
    QVERIFY(stored);
    QCOMPARE(stored->outcome, BatchJobRecord::Outcome::Succeeded);
    QCOMPARE(stored->step, Step::Done);
    QVERIFY(QFile::exists(stored->resultsFile));
    const QByteArray everything = m_data.readAllFiles();
    QVERIFY(!everything.contains(m_local.mlKey().toUtf8()));
    QVERIFY(!everything.contains(test::AzuriteFixture::accountKey));
    QVERIFY(!everything.contains("sig="));
}

void tst_BatchJobRunner::gatewayJobRunsWithASubscriptionKey()
{
    BatchJob *job = submit(*m_runner, spec(u"gateway.csv"_qs, seedInput(3), BesEndpoint::Target::Gateway));
    QVERIFY(job);
    QSignalSpy finished(job, &BatchJob::finished);
    QVERIFY(finished.wait(120000));
    QVERIFY2(job->result().ok(), test::describe(job->result()).constData());
    QCOMPARE(job->serverStatus(), u"Finished"_qs);
    QCOMPARE(job->resultsModel()->rowValues(0), QStringList { u"This is a good day"_qs } + seedVector);
    // The job really went through the gateway: the ML service knows it under the same id.
    QCOMPARE(serverStatus(job->record().serverJobId), u"Finished"_qs);
    QVERIFY(!m_data.readAllFiles().contains(m_secrets.readNow(u"local/subscription/batch-sub"_qs).value().toUtf8()));
}

void tst_BatchJobRunner::cancelDuringARunningJobCancelsTheServerJob()
{
    BatchJob *job = submit(*m_runner, spec(u"cancel.csv"_qs, seedInput(1500000)));
    QVERIFY(job);
    QSignalSpy statuses(job, &BatchJob::statusChanged);
    QSignalSpy finished(job, &BatchJob::finished);
    QTRY_VERIFY_WITH_TIMEOUT(job->serverStatus() == u"Running"_qs || job->isFinished(), 120000);
    QVERIFY(!job->isFinished());
    job->cancel();
    QVERIFY(finished.wait(30000));
    QCOMPARE(job->result().error().kind, Error::Kind::Cancelled);
    QCOMPARE(job->serverStatus(), u"Cancelled"_qs);
    QCOMPARE(statuses.last().first().toString(), u"Cancelled"_qs);
    QCOMPARE(serverStatus(job->record().serverJobId), u"Cancelled"_qs);
    QCOMPARE(m_runner->record(job->id())->outcome, BatchJobRecord::Outcome::Cancelled);
    QVERIFY(!job->resultsModel());
}

void tst_BatchJobRunner::newRunnerListsAndReattachesToARunningJob()
{
    const int rows = 300000;
    QString id;
    {
        BatchJobRunner first(&m_nam, &m_secrets, m_data.path());
        first.setPolling({ 100, 500, 1.5, 5 });
        QVERIFY(first.load().ok());
        BatchJob *job = submit(first, spec(u"restart.csv"_qs, seedInput(rows)));
        QVERIFY(job);
        id = job->id();
        QTRY_VERIFY_WITH_TIMEOUT(job->serverStatus() == u"Running"_qs || job->isFinished(), 120000);
        QVERIFY(!job->isFinished());
    } // the app closes: the runner stops watching; the server job goes on

    BatchJobRunner second(&m_nam, &m_secrets, m_data.path());
    second.setPolling({ 100, 500, 1.5, 5 });
    QVERIFY(second.load().ok());
    const auto listed = second.record(id);
    QVERIFY(listed);
    QCOMPARE(listed->step, Step::Run);
    QCOMPARE(listed->serverStatus, u"Running"_qs);
    QVERIFY(!listed->serverJobId.isEmpty());
    QCOMPARE(listed->name, u"restart.csv"_qs);

    auto job = second.watch(id);
    QVERIFY(job.ok());
    QCOMPARE(second.watch(id).value(), job.value()); // one object per job
    QSignalSpy finished(job.value(), &BatchJob::finished);
    QVERIFY(finished.wait(180000));
    QVERIFY2(job.value()->result().ok(), test::describe(job.value()->result()).constData());
    QCOMPARE(job.value()->serverStatus(), u"Finished"_qs);
    QCOMPARE(job.value()->resultsModel()->rowCount(), rows);
    QCOMPARE(job.value()->resultsModel()->rowValues(0), QStringList { u"This is a good day"_qs } + seedVector);
}

// The app closes while a job runs on the service and opens again: resumeActive() (what the
// console calls after reading the list) brings the job to Finished and downloads its results
// without watch() being called for it.
void tst_BatchJobRunner::resumeActiveCatchesUpARunningJobWithoutBeingAsked()
{
    const int rows = 300000;
    QString id;
    {
        BatchJobRunner first(&m_nam, &m_secrets, m_data.path());
        first.setPolling({ 100, 500, 1.5, 5 });
        QVERIFY(first.load().ok());
        BatchJob *job = submit(first, spec(u"resume.csv"_qs, seedInput(rows)));
        QVERIFY(job);
        id = job->id();
        QTRY_VERIFY_WITH_TIMEOUT(job->serverStatus() == u"Running"_qs || job->isFinished(), 120000);
        QVERIFY(!job->isFinished());
    } // the app closes; the server job goes on

    BatchJobRunner second(&m_nam, &m_secrets, m_data.path());
    second.setPolling({ 100, 500, 1.5, 5 });
    QVERIFY(second.load().ok());
    QCOMPARE(second.record(id)->serverStatus, u"Running"_qs);
    second.resumeActive();
    QTRY_VERIFY_WITH_TIMEOUT(second.record(id)->outcome != BatchJobRecord::Outcome::Active, 180000);
    const BatchJobRecord stored = *second.record(id);
    QCOMPARE(stored.outcome, BatchJobRecord::Outcome::Succeeded);
    QCOMPARE(stored.serverStatus, u"Finished"_qs);
    QCOMPARE(stored.step, Step::Done);
    QVERIFY(second.job(id));
    QCOMPARE(second.job(id)->resultsModel()->rowCount(), rows);
    QCOMPARE(second.job(id)->resultsModel()->rowValues(0), QStringList { u"This is a good day"_qs } + seedVector);
    // What the next session reads.
    BatchJobRunner third(&m_nam, &m_secrets, m_data.path());
    QVERIFY(third.load().ok());
    QCOMPARE(third.record(id)->outcome, BatchJobRecord::Outcome::Succeeded);
    QVERIFY(QFileInfo(third.record(id)->resultsFile).size() > 0);
}

// Many jobs finished on the service while the app was closed: they all catch up, but never
// more than BatchJobRunner::maxConcurrentResumes at once (no burst of requests at start-up).
// Jobs not sent to the service yet are left alone.
void tst_BatchJobRunner::resumeActiveCatchesUpAFewJobsAtATime()
{
    BatchJob *done = submit(*m_runner, spec(u"resume-many.csv"_qs, seedInput(20)));
    QVERIFY(done);
    QSignalSpy finished(done, &BatchJob::finished);
    QVERIFY(finished.wait(120000));
    QVERIFY(done->result().ok());

    // Ten stored jobs that the list says are running; the service finished them long ago.
    test::TempDir data;
    QStringList ids;
    {
        core::BatchJobStore store(data.path());
        QVERIFY(store.load().ok());
        for (int i = 0; i < 10; ++i) {
            BatchJobRecord record = done->record();
            record.id = u"%1"_qs.arg(i, 32, 10, QLatin1Char('0'));
            record.name = u"old-%1.csv"_qs.arg(i);
            record.step = Step::Run;
            record.outcome = BatchJobRecord::Outcome::Active;
            record.serverStatus = u"Running"_qs;
            record.resultsFile = data.filePath(u"batch-results/%1.csv"_qs.arg(record.id));
            record.updatedAt = QDateTime::currentDateTimeUtc().addSecs(-3600 + i);
            QVERIFY(store.save(record).ok());
            ids.append(record.id);
        }
        // Interrupted during its upload, the oldest: it carries on from its (unchanged) input.
        BatchJobRecord unsent = done->record();
        unsent.id = u"f"_qs.repeated(32);
        unsent.name = u"unsent.csv"_qs;
        unsent.serverJobId.clear();
        unsent.serverStatus.clear();
        unsent.inputBlob = u"jobs/%1/input.csv"_qs.arg(unsent.id);
        unsent.outputBlob = u"jobs/%1/output1.csv"_qs.arg(unsent.id);
        unsent.resultsFile = data.filePath(u"batch-results/%1.csv"_qs.arg(unsent.id));
        unsent.step = Step::Upload;
        unsent.outcome = BatchJobRecord::Outcome::Active;
        unsent.updatedAt = QDateTime::currentDateTimeUtc().addSecs(-7200);
        QVERIFY(store.save(unsent).ok());
    }

    BatchJobRunner runner(&m_nam, &m_secrets, data.path());
    runner.setPolling({ 100, 500, 1.5, 5 });
    QVERIFY(runner.load().ok());
    int most = 0;
    const auto count = [&] {
        int running = 0;
        for (const QString &id : std::as_const(ids)) {
            if (runner.job(id) && runner.job(id)->isRunning())
                ++running;
        }
        most = qMax(most, running);
    };
    connect(&runner, &BatchJobRunner::jobsChanged, this, count);
    runner.resumeActive();
    count();
    QCOMPARE(most, BatchJobRunner::maxConcurrentResumes);
    QVERIFY(runner.isWaitingToResume(ids.first())); // the oldest waits its turn
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(ids.cbegin(), ids.cend(), [&](const QString &id) {
        return runner.record(id)->outcome != BatchJobRecord::Outcome::Active;
    }), 120000);
    QCOMPARE(most, BatchJobRunner::maxConcurrentResumes);
    for (const QString &id : std::as_const(ids)) {
        QCOMPARE(runner.record(id)->outcome, BatchJobRecord::Outcome::Succeeded);
        QCOMPARE(runner.record(id)->serverStatus, u"Finished"_qs);
        QCOMPARE(runner.job(id)->resultsModel()->rowCount(), 20);
    }
    const QString unsent = u"f"_qs.repeated(32);
    QTRY_VERIFY_WITH_TIMEOUT(runner.record(unsent)->outcome != BatchJobRecord::Outcome::Active, 120000);
    QCOMPARE(runner.record(unsent)->outcome, BatchJobRecord::Outcome::Succeeded);
    QVERIFY(!runner.record(unsent)->serverJobId.isEmpty());
    QCOMPARE(runner.job(unsent)->resultsModel()->rowCount(), 20);
}

void tst_BatchJobRunner::uploadInterruptedByAQuitCarriesOnAfterARestart_data()
{
    QTest::addColumn<QString>("inputAfterwards");
    QTest::newRow("input unchanged") << u"unchanged"_qs;
    QTest::newRow("input changed") << u"changed"_qs;
    QTest::newRow("input gone") << u"gone"_qs;
}

// The console quits (or crashes) while the input is being uploaded: storage stops answering as
// the upload starts (Azurite is SIGSTOPped) and the runner goes away. After a restart,
// resumeActive() uploads the input again, submits and starts the job, and the results come down
// -- as long as the input file is the one the job was started with. A changed or deleted file
// is not sent: the job fails here saying why (facts: code and target) and Retry sends the file
// as it is now. Nothing secret is written to the data directory.
void tst_BatchJobRunner::uploadInterruptedByAQuitCarriesOnAfterARestart()
{
    QFETCH(QString, inputAfterwards);
    const int rows = 2000;
    const QString inputName = u"interrupted-%1.csv"_qs.arg(inputAfterwards);
    const pid_t azurite = pid_t(m_azurite.processId());
    QVERIFY(azurite > 0);
    QString id;
    {
        auto resumeAzurite = qScopeGuard([azurite] { ::kill(azurite, SIGCONT); });
        BatchJobRunner first(&m_nam, &m_secrets, m_data.path());
        first.setPolling({ 100, 500, 1.5, 5 });
        QVERIFY(first.load().ok());
        BatchJob *job = submit(first, spec(inputName, seedInput(rows)));
        QVERIFY(job);
        id = job->id();
        QSignalSpy steps(job, &BatchJob::stepChanged);
        connect(job, &BatchJob::stepChanged, job, [azurite](Step step) {
            if (step == Step::Upload)
                ::kill(azurite, SIGSTOP);
        });
        QVERIFY(steps.wait(10000));
        QTest::qWait(300); // the upload is on its way and gets no answer
        QVERIFY(!job->isFinished());
        QCOMPARE(job->step(), Step::Upload);
    } // the console quits during the upload (the runner's destructor aborts it); storage is back

    BatchJobRunner second(&m_nam, &m_secrets, m_data.path());
    second.setPolling({ 100, 500, 1.5, 5 });
    QVERIFY(second.load().ok());
    QCOMPARE(second.record(id)->step, Step::Upload);
    QCOMPARE(second.record(id)->outcome, BatchJobRecord::Outcome::Active);
    QVERIFY(second.record(id)->serverJobId.isEmpty());
    int expectedRows = rows;
    if (inputAfterwards == u"changed"_qs) {
        QTest::qWait(20); // a later modification time, and another size
        expectedRows = rows + 7;
        QVERIFY(m_inputs.write(inputName, seedInput(expectedRows)));
    } else if (inputAfterwards == u"gone"_qs) {
        QVERIFY(QFile::remove(m_inputs.filePath(inputName)));
    }

    second.resumeActive();
    // (QTRY waits twice as long again before it reports a failure: within the test's 300 s.)
    QTRY_VERIFY_WITH_TIMEOUT(second.record(id)->outcome != BatchJobRecord::Outcome::Active, 60000);
    BatchJobRecord record = *second.record(id);
    QVERIFY(!m_data.readAllFiles().contains(m_local.mlKey().toUtf8()));
    QVERIFY(!m_data.readAllFiles().contains(test::AzuriteFixture::accountKey));
    if (inputAfterwards == u"unchanged"_qs) {
        QVERIFY2(record.outcome == BatchJobRecord::Outcome::Succeeded, qPrintable(record.errorMessage));
        QCOMPARE(record.serverStatus, u"Finished"_qs);
        QCOMPARE(serverStatus(record.serverJobId), u"Finished"_qs);
        QCOMPARE(second.job(id)->resultsModel()->rowCount(), rows);
        QCOMPARE(second.job(id)->resultsModel()->rowValues(0), QStringList { u"This is a good day"_qs } + seedVector);
        return;
    }
    // Not sent: it says why, and that a retry makes sense.
    QCOMPARE(record.outcome, BatchJobRecord::Outcome::Failed);
    QCOMPARE(record.step, Step::Upload);
    QVERIFY(record.serverJobId.isEmpty());
    QCOMPARE(record.error.target, u"inputFile"_qs);
    QCOMPARE(record.error.code, inputAfterwards == u"changed"_qs ? u"InputFileChanged"_qs : u"InputFileMissing"_qs);
    QVERIFY2(record.errorMessage.contains(m_inputs.filePath(inputName)), qPrintable(record.errorMessage));
    QVERIFY(record.canRetry());
    // Also after the next restart.
    {
        BatchJobRunner third(&m_nam, &m_secrets, m_data.path());
        QVERIFY(third.load().ok());
        QCOMPARE(third.record(id)->error.code, record.error.code);
    }
    if (inputAfterwards == u"gone"_qs)
        QVERIFY(m_inputs.write(inputName, seedInput(expectedRows))); // put back (a copy)
    // Retry: the file as it is now.
    auto retried = second.retry(id);
    QVERIFY(retried.ok());
    QSignalSpy finished(retried.value(), &BatchJob::finished);
    QVERIFY(finished.wait(120000));
    QVERIFY2(retried.value()->result().ok(), test::describe(retried.value()->result()).constData());
    QCOMPARE(retried.value()->resultsModel()->rowCount(), expectedRows);
    QCOMPARE(second.record(id)->outcome, BatchJobRecord::Outcome::Succeeded);
}

// The console quits (or crashes) after the submit request was sent and before the service's
// answer, the job id, was recorded: the ML service is SIGSTOPped as the submit starts, the
// runner goes away, and the service, let go, takes the request and creates the job. BES cannot
// list jobs, so that job cannot be found again. After a restart the job is not submitted again
// by itself (the service holds exactly one job for it): it fails here with code
// SubmitUnanswered, also after the next restart, and only the user's Retry submits it again,
// from the input already in storage (the local file is no longer needed).
void tst_BatchJobRunner::quitWhileSubmittingIsNotSubmittedAgainAfterARestart()
{
    const int rows = 1500;
    const pid_t local = pid_t(m_local.process().processId());
    QVERIFY(local > 0);
    QString id;
    {
        auto resumeLocal = qScopeGuard([local] { ::kill(local, SIGCONT); });
        BatchJobRunner first(&m_nam, &m_secrets, m_data.path());
        first.setPolling({ 100, 500, 1.5, 5 });
        QVERIFY(first.load().ok());
        BatchJob *job = submit(first, spec(u"between.csv"_qs, seedInput(rows)));
        QVERIFY(job);
        id = job->id();
        connect(job, &BatchJob::stepChanged, job, [local](Step step) {
            if (step == Step::Submit)
                ::kill(local, SIGSTOP);
        });
        QTRY_VERIFY_WITH_TIMEOUT(job->step() != Step::Upload || job->isFinished(), 60000);
        QTest::qWait(300); // the submit is on its way and gets no answer
        QVERIFY(!job->isFinished());
        QCOMPARE(job->step(), Step::Submit);
    } // the console quits; the service is back and takes the request
    QTRY_COMPARE_WITH_TIMEOUT(submitsOf(id), 1, 20000);

    QVERIFY(QFile::remove(m_inputs.filePath(u"between.csv"_qs)));
    {
        BatchJobRunner second(&m_nam, &m_secrets, m_data.path());
        second.setPolling({ 100, 500, 1.5, 5 });
        QVERIFY(second.load().ok());
        QCOMPARE(second.record(id)->step, Step::Submit);
        QVERIFY(second.record(id)->serverJobId.isEmpty());
        second.resumeActive();
        QTRY_VERIFY_WITH_TIMEOUT(second.record(id)->outcome != BatchJobRecord::Outcome::Active, 60000);
        QTest::qWait(500); // anything sent has reached the service
        QCOMPARE(submitsOf(id), 1);
        const BatchJobRecord record = *second.record(id);
        QCOMPARE(record.outcome, BatchJobRecord::Outcome::Failed);
        QCOMPARE(record.step, Step::Submit);
        QVERIFY(record.serverJobId.isEmpty());
        QCOMPARE(record.error.code, u"SubmitUnanswered"_qs);
        QCOMPARE(record.error.target, u"serverJobId"_qs);
        QVERIFY(record.canRetry());
        QVERIFY(!record.mayRunOnService());
    }
    // The next start says the same and sends nothing; Retry submits it again.
    BatchJobRunner third(&m_nam, &m_secrets, m_data.path());
    third.setPolling({ 100, 500, 1.5, 5 });
    QVERIFY(third.load().ok());
    third.resumeActive();
    QCOMPARE(third.record(id)->outcome, BatchJobRecord::Outcome::Failed);
    QCOMPARE(third.record(id)->error.code, u"SubmitUnanswered"_qs);
    QVERIFY(!third.isWaitingToResume(id));
    auto retried = third.retry(id);
    QVERIFY(retried.ok());
    QSignalSpy finished(retried.value(), &BatchJob::finished);
    QVERIFY(finished.wait(120000));
    QVERIFY2(retried.value()->result().ok(), test::describe(retried.value()->result()).constData());
    QCOMPARE(submitsOf(id), 2);
    const BatchJobRecord record = *third.record(id);
    QCOMPARE(record.outcome, BatchJobRecord::Outcome::Succeeded);
    QCOMPARE(serverStatus(record.serverJobId), u"Finished"_qs);
    QCOMPARE(third.job(id)->resultsModel()->rowCount(), rows);
}

// A job whose submit never left carries on by itself after a restart: here the service refused
// the first submit (a wrong ML key: it answered, so it holds no job), the user stored the right
// key and clicked Retry, and the console quit before the keychain handed the key over. After
// the restart the job submits the input already in storage (the local file is no longer
// needed) and finishes; the service holds exactly one job for it.
void tst_BatchJobRunner::quitBeforeTheSubmitLeftSubmitsAfterARestart()
{
    const int rows = 300;
    QString id;
    {
        BatchJobRunner first(&m_nam, &m_secrets, m_data.path());
        first.setPolling({ 100, 500, 1.5, 5 });
        QVERIFY(first.load().ok());
        m_secrets.writeNow(u"local/retyped-key"_qs, u"not-the-key"_qs);
        core::BatchJobSpec s = spec(u"unsent.csv"_qs, seedInput(rows));
        s.endpoint.credentialKey = u"local/retyped-key"_qs;
        BatchJob *job = submit(first, s);
        QVERIFY(job);
        id = job->id();
        QSignalSpy finished(job, &BatchJob::finished);
        QVERIFY(finished.wait(60000));
        QCOMPARE(job->result().error().kind, Error::Kind::Unauthorized);
        QCOMPARE(job->step(), Step::Submit);
        QCOMPARE(submitsOf(id), 0);
        m_secrets.writeNow(u"local/retyped-key"_qs, m_local.mlKey());
        QVERIFY(first.retry(id).ok());
    } // the console quits before the keychain answered
    QVERIFY(QFile::remove(m_inputs.filePath(u"unsent.csv"_qs)));
    BatchJobRunner second(&m_nam, &m_secrets, m_data.path());
    second.setPolling({ 100, 500, 1.5, 5 });
    QVERIFY(second.load().ok());
    QCOMPARE(second.record(id)->step, Step::Submit);
    QCOMPARE(second.record(id)->outcome, BatchJobRecord::Outcome::Active);
    second.resumeActive();
    // (QTRY waits twice as long again before it reports a failure: within the test's 300 s.)
    QTRY_VERIFY_WITH_TIMEOUT(second.record(id)->outcome != BatchJobRecord::Outcome::Active, 60000);
    const BatchJobRecord record = *second.record(id);
    QVERIFY2(record.outcome == BatchJobRecord::Outcome::Succeeded, qPrintable(record.errorMessage));
    QCOMPARE(submitsOf(id), 1);
    QCOMPARE(serverStatus(record.serverJobId), u"Finished"_qs);
    QCOMPARE(second.job(id)->resultsModel()->rowCount(), rows);
}

void tst_BatchJobRunner::submitWithoutAnAnswerIsToldFromASubmitThatNeverLeft_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<bool>("mayHoldIt");
    QTest::addColumn<int>("submits");
    // The service takes the submit and answers, but the connection closes before the answer
    // arrives (a proxy in front of portico-local drops it): it holds the job.
    QTest::newRow("connection closed after the request") << u"disconnect"_qs << true << 1;
    // Nothing listens where the service should be: the request never left.
    QTest::newRow("connection refused") << u"refused"_qs << false << 0;
    // Something takes the connection to an https address and closes it at once, before the TLS
    // handshake: the request never left either. (Over plain http the request is written as the
    // connection opens, before the close can be seen, so it may have been read.)
    QTest::newRow("connection closed before the request left") << u"closed"_qs << false << 0;
}

// A submit that fails without an HTTP status is kept apart by whether it may have reached the
// service: a connection closed after the request was sent may leave a job there (the list keeps
// "submit sent", so the user decides whether to submit again); a refused connection never
// carried the request (a plain Retry).
void tst_BatchJobRunner::submitWithoutAnAnswerIsToldFromASubmitThatNeverLeft()
{
    QFETCH(QString, scenario);
    QFETCH(bool, mayHoldIt);
    QFETCH(int, submits);
    const QUrl ml = m_local.mlUrl();
    test::FlakyProxy proxy;
    QVERIFY(proxy.listen(QHostAddress(ml.host()), quint16(ml.port())));
    proxy.loseAnswerWhen([](const test::FlakyProxy::Request &request) {
        return request.method == "POST" && request.target.contains("/jobs?");
    }, test::FlakyProxy::Loss::Disconnect);
    QUrl base = ml;
    QTcpServer closing; // closes each connection as it comes, without reading it
    connect(&closing, &QTcpServer::newConnection, this, [&closing] {
        while (QTcpSocket *socket = closing.nextPendingConnection()) {
            socket->abort();
            socket->deleteLater();
        }
    });
    if (scenario == u"disconnect"_qs) {
        base.setPort(proxy.port());
    } else if (scenario == u"closed"_qs) {
        QVERIFY(closing.listen(QHostAddress(ml.host())));
        base.setScheme(u"https"_qs);
        base.setPort(closing.serverPort());
    } else {
        QTcpServer probe; // a port where nothing listens
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        base.setPort(probe.serverPort());
    }
    core::BatchJobSpec s = spec(scenario + u"-submit.csv"_qs, seedInput(3));
    s.endpoint.baseUrl = base;
    BatchJob *job = submit(*m_runner, s);
    QVERIFY(job);
    QSignalSpy finished(job, &BatchJob::finished);
    QVERIFY(finished.wait(60000));
    QVERIFY(!job->result().ok());
    QCOMPARE(job->result().error().kind, Error::Kind::Network);
    QCOMPARE(job->result().error().httpStatus, 0);
    const BatchJobRecord record = *m_runner->record(job->id());
    QCOMPARE(record.outcome, BatchJobRecord::Outcome::Failed);
    QCOMPARE(record.step, Step::Submit);
    QCOMPARE(record.submitMayHaveReachedService(), mayHoldIt);
    QVERIFY(record.canRetry());
    QCOMPARE(proxy.lost(), submits);
    QCOMPARE(submitsOf(job->id()), submits);
    // Also in the list a later session reads.
    BatchJobRunner later(&m_nam, &m_secrets, m_data.path());
    QVERIFY(later.load().ok());
    QCOMPARE(later.record(job->id())->submitMayHaveReachedService(), mayHoldIt);
}

// The app restarts, the user selects the running job (which resumes it) and clicks Cancel
// while the keychain is still looking up the job's credential (here: its gnome-keyring is
// stopped until the test lets it answer). The job must not pretend to be cancelled while the
// server job runs on: it says it is cancelling, and once the credential arrives the server
// job is deleted and ends Cancelled.
void tst_BatchJobRunner::cancelRightAfterAResumeCancelsTheServerJobOnceTheKeychainAnswers()
{
    core::KeychainSecretStore keychain(u"portico-batch-test"_qs);
    QVERIFY(test::waitFor(keychain.write(u"local/ml-key"_qs, m_local.mlKey())).ok());
    QCOMPARE(keychain.backend(), core::SecretStore::Backend::Keychain);

    // The server job must still run when the cancel reaches it, on a fast machine too: its
    // storage (Azurite behind a proxy) gets its reads of the input but never answers them.
    test::FlakyProxy storage;
    QVERIFY(storage.listen(QHostAddress::LocalHost, quint16(m_azurite.blobEndpoint().port())));
    storage.loseAnswerWhen([](const test::FlakyProxy::Request &request) {
        return request.method == "GET" && request.target.contains("/input.csv");
    });
    m_secrets.writeNow(u"local/stalling-storage"_qs,
                       u"DefaultEndpointsProtocol=http;AccountName=%1;AccountKey=%2;"
                       "BlobEndpoint=http://127.0.0.1:%3/%1;"_qs
                           .arg(QLatin1StringView(test::AzuriteFixture::accountName),
                                QLatin1StringView(test::AzuriteFixture::accountKey))
                           .arg(storage.port()));
    core::BatchJobSpec stalling = spec(u"cancel-after-resume.csv"_qs, seedInput(1000));
    stalling.storageSecretKey = u"local/stalling-storage"_qs;

    QString id;
    QString serverJobId;
    {
        BatchJobRunner first(&m_nam, &m_secrets, m_data.path());
        first.setPolling({ 100, 500, 1.5, 5 });
        QVERIFY(first.load().ok());
        BatchJob *job = submit(first, stalling);
        QVERIFY(job);
        id = job->id();
        QTRY_VERIFY_WITH_TIMEOUT(job->serverStatus() == u"Running"_qs || job->isFinished(), 120000);
        QVERIFY(!job->isFinished());
        serverJobId = job->record().serverJobId;
    } // the app closes; the server job goes on

    BatchJobRunner second(&m_nam, &keychain, m_data.path());
    second.setPolling({ 100, 500, 1.5, 5 });
    QVERIFY(second.load().ok());
    const pid_t keyring = pid_t(m_keychain.keyringProcessId());
    QVERIFY(keyring > 0);
    QCOMPARE(::kill(keyring, SIGSTOP), 0);
    auto resumeKeyring = qScopeGuard([keyring] { ::kill(keyring, SIGCONT); });

    auto watched = second.watch(id);
    QVERIFY(watched.ok());
    BatchJob *job = watched.value();
    QSignalSpy cancelling(job, &BatchJob::cancelling);
    QSignalSpy finished(job, &BatchJob::finished);
    QTest::qWait(100); // the credential is being read
    QVERIFY(job->isRunning());
    job->cancel();
    QCOMPARE(cancelling.size(), 1);
    QVERIFY(job->isCancelling());
    QTest::qWait(500);
    QVERIFY2(!job->isFinished(), "the job reported itself cancelled before the server job was");
    QCOMPARE(serverStatus(serverJobId), u"Running"_qs);

    resumeKeyring.dismiss();
    QCOMPARE(::kill(keyring, SIGCONT), 0);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job->result().error().kind, Error::Kind::Cancelled);
    QCOMPARE(job->serverStatus(), u"Cancelled"_qs);
    QCOMPARE(serverStatus(serverJobId), u"Cancelled"_qs);
    QCOMPARE(second.record(id)->outcome, BatchJobRecord::Outcome::Cancelled);
    QVERIFY(!job->isCancelling());
}

void tst_BatchJobRunner::removeDeletesTheResultsAndTheEntry()
{
    BatchJob *job = submit(*m_runner, spec(u"remove.csv"_qs, seedInput(5)));
    QVERIFY(job);
    QSignalSpy finished(job, &BatchJob::finished);
    QVERIFY(finished.wait(120000));
    QVERIFY(job->result().ok());
    const QString id = job->id();
    const QString results = job->record().resultsFile;
    QVERIFY(QFile::exists(results));

    auto removing = m_runner->remove(id);
    QVERIFY(removing.ok());
    QSignalSpy removed(removing.value(), &BatchJob::removed);
    QVERIFY(removed.wait(10000));
    QVERIFY(!QFile::exists(results));
    QVERIFY(!m_runner->record(id));
    BatchJobRunner reread(&m_nam, &m_secrets, m_data.path());
    QVERIFY(reread.load().ok());
    QVERIFY(!reread.record(id));
    QCOMPARE(m_runner->remove(id).error().kind, Error::Kind::NotFound);
}

void tst_BatchJobRunner::removeAfterARestartCancelsTheServerJob()
{
    QString id;
    QString serverJobId;
    {
        BatchJobRunner first(&m_nam, &m_secrets, m_data.path());
        first.setPolling({ 100, 500, 1.5, 5 });
        QVERIFY(first.load().ok());
        BatchJob *job = submit(first, spec(u"remove-running.csv"_qs, seedInput(1500000)));
        QVERIFY(job);
        id = job->id();
        QTRY_VERIFY_WITH_TIMEOUT(job->serverStatus() == u"Running"_qs || job->isFinished(), 120000);
        QVERIFY(!job->isFinished());
        serverJobId = job->record().serverJobId;
    }
    QCOMPARE(serverStatus(serverJobId), u"Running"_qs);

    // The next session deletes the job without watching it first.
    BatchJobRunner second(&m_nam, &m_secrets, m_data.path());
    QVERIFY(second.load().ok());
    auto removing = second.remove(id);
    QVERIFY(removing.ok());
    core::Result<void> removal = Error::make(Error::Kind::None, u"not removed"_qs);
    BatchJob *job = removing.value();
    connect(job, &BatchJob::removed, this, [&removal, job] { removal = job->removalResult(); });
    QSignalSpy removed(job, &BatchJob::removed);
    QVERIFY(removed.wait(30000));
    QVERIFY2(removal.ok(), test::describe(removal).constData());
    QCOMPARE(serverStatus(serverJobId), u"Cancelled"_qs);
    QVERIFY(!second.record(id));
}

void tst_BatchJobRunner::userErrorsComeBackAsClearResults_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("failedStep");
    QTest::newRow("401 from ML") << u"wrong-ml-key"_qs << int(Error::Kind::Unauthorized)
                                 << u"The batch service refused the job: Request is unauthorized to access resource."_qs
                                 << int(Step::Submit);
    QTest::newRow("wrong subscription key") << u"wrong-subscription-key"_qs << int(Error::Kind::Unauthorized)
                                            << u"Access denied due to invalid subscription key"_qs << int(Step::Submit);
    QTest::newRow("bad connection string") << u"bad-connection-string"_qs << int(Error::Kind::InvalidInput)
                                           << u"The storage connection string is not valid"_qs << int(Step::Upload);
    QTest::newRow("storage down") << u"storage-down"_qs << int(Error::Kind::Network)
                                  << u"Cannot create the container batch-inputs: Cannot reach the storage service at 127.0.0.1"_qs
                                  << int(Step::Upload);
    QTest::newRow("no key stored") << u"missing-secret"_qs << int(Error::Kind::NotFound)
                                   << u"No ML API key is stored in the keychain (local/nothing-here)."_qs << int(Step::Upload);
}

void tst_BatchJobRunner::userErrorsComeBackAsClearResults()
{
    QFETCH(QString, scenario);
    QFETCH(int, kind);
    QFETCH(QString, message);
    QFETCH(int, failedStep);
    core::BatchJobSpec s = spec(scenario + u".csv"_qs, seedInput(3));
    if (scenario == u"wrong-ml-key"_qs) {
        m_secrets.writeNow(u"local/wrong-key"_qs, u"not-the-key"_qs);
        s.endpoint.credentialKey = u"local/wrong-key"_qs;
    } else if (scenario == u"wrong-subscription-key"_qs) {
        s = spec(scenario + u".csv"_qs, seedInput(3), BesEndpoint::Target::Gateway);
        m_secrets.writeNow(u"local/wrong-key"_qs, u"not-the-key"_qs);
        s.endpoint.credentialKey = u"local/wrong-key"_qs;
    } else if (scenario == u"bad-connection-string"_qs) {
        m_secrets.writeNow(u"local/bad-storage"_qs, u"AccountName=x;ThisIsNot=AConnectionString"_qs);
        s.storageSecretKey = u"local/bad-storage"_qs;
    } else if (scenario == u"storage-down"_qs) {
        QTcpServer probe; // a port where nothing listens
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        m_secrets.writeNow(u"local/down-storage"_qs,
                           u"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%1;BlobEndpoint=http://127.0.0.1:%2/devstoreaccount1;"_qs
                               .arg(QString::fromLatin1(test::AzuriteFixture::accountKey))
                               .arg(port));
        s.storageSecretKey = u"local/down-storage"_qs;
    } else if (scenario == u"missing-secret"_qs) {
        s.endpoint.credentialKey = u"local/nothing-here"_qs;
    }
    BatchJob *job = submit(*m_runner, s);
    QVERIFY(job);
    QSignalSpy finished(job, &BatchJob::finished);
    QVERIFY(finished.wait(60000));
    QVERIFY(!job->result().ok());
    const Error &error = job->result().error();
    QCOMPARE(int(error.kind), kind);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QCOMPARE(int(job->step()), failedStep);
    const auto stored = m_runner->record(job->id());
    QCOMPARE(stored->outcome, BatchJobRecord::Outcome::Failed);
    QCOMPARE(stored->errorMessage, error.message);
    QVERIFY(!error.message.contains(u"not-the-key"_qs));
    QVERIFY(!error.message.contains(QString::fromLatin1(test::AzuriteFixture::accountKey)));
}

void tst_BatchJobRunner::downloadThatFillsTheDiskKeepsTheEarlierResultsAndSaysWhy_data()
{
    QTest::addColumn<bool>("inTheLastBytes");
    // A write in the middle of the download fails.
    QTest::newRow("mid-way") << false;
    // Only the last few bytes do not fit: what a write buffer would still hold at commit().
    QTest::newRow("in the last bytes") << true;
}

// The disk fills up while the results come down (here: a file size limit on this process, so
// that writes beyond it fail with EFBIG, as on a full disk with ENOSPC). The job fails and says
// which file could not be written and why; the results file that was there already stays as it
// was, no partial file is left next to it; once there is room again, watching the job again
// (after a restart) downloads the results.
void tst_BatchJobRunner::downloadThatFillsTheDiskKeepsTheEarlierResultsAndSaysWhy()
{
    QFETCH(bool, inTheLastBytes);
    const int rows = 60000; // about 2.5 MB of results
    test::TempDir data; // a runner of its own: its job list stays far below the limit
    BatchJobRunner runner(&m_nam, &m_secrets, data.path());
    runner.setPolling({ 100, 500, 1.5, 5 });
    QVERIFY(runner.load().ok());
    BatchJob *job = submit(runner, spec(u"disk-full.csv"_qs, seedInput(rows)));
    QVERIFY(job);
    const QString results = job->record().resultsFile;
    const QByteArray earlier = "Col2,Col2_HashingFeature.0\nresults downloaded before,1\n";
    QVERIFY(QDir().mkpath(QFileInfo(results).absolutePath()));
    {
        QFile file(results);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(earlier), earlier.size());
    }

    // The limit applies from the download's first bytes (when its size is known) until the
    // download step ends, and is lifted in any case when the test ends.
    struct rlimit unlimited {};
    QVERIFY(::getrlimit(RLIMIT_FSIZE, &unlimited) == 0);
    const auto previousHandler = ::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of being killed
    bool limited = false;
    const auto lift = [&] {
        if (limited)
            QVERIFY(::setrlimit(RLIMIT_FSIZE, &unlimited) == 0);
        limited = false;
    };
    auto guard = qScopeGuard([&] {
        ::setrlimit(RLIMIT_FSIZE, &unlimited);
        ::signal(SIGXFSZ, previousHandler);
    });
    qint64 limit = -1;
    qint64 writtenBeforeTheLimit = -1;
    auto context = std::make_unique<QObject>(); // the connections end with the failed download
    connect(job, &BatchJob::progress, context.get(), [&](qint64 done, qint64 total) {
        if (job->step() != Step::Download || limit >= 0 || total <= 0)
            return;
        limit = inTheLastBytes ? total - 10 : total / 2;
        writtenBeforeTheLimit = done;
        struct rlimit capped = unlimited;
        capped.rlim_cur = rlim_t(limit);
        limited = ::setrlimit(RLIMIT_FSIZE, &capped) == 0;
    });
    connect(job, &BatchJob::stepChanged, context.get(), [&](Step step) {
        if (step != Step::Download)
            lift();
    });
    connect(job, &BatchJob::finished, context.get(), lift);
    QSignalSpy finished(job, &BatchJob::finished);
    QVERIFY(finished.wait(180000));
    lift();
    QVERIFY2(limit > 0, "the download never reported its size");
    QVERIFY2(writtenBeforeTheLimit < limit, "the download was written before the limit applied");

    QVERIFY2(!job->result().ok(), "the download claimed success although the disk was full");
    const Error &error = job->result().error();
    QCOMPARE(error.kind, Error::Kind::Storage);
    QCOMPARE(error.message, u"Cannot write the results file %1: File too large"_qs.arg(results));
    QCOMPARE(job->step(), Step::Download);
    QVERIFY(!job->resultsModel());
    // What the jobs list shows after a restart too.
    const auto stored = runner.record(job->id());
    QVERIFY(stored);
    QCOMPARE(stored->outcome, BatchJobRecord::Outcome::Failed);
    QCOMPARE(stored->errorMessage, error.message);
    // The earlier results are untouched, and nothing else is left there.
    QFile kept(results);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), earlier);
    kept.close();
    const QString name = QFileInfo(results).fileName();
    QCOMPARE(QFileInfo(results).dir().entryList({ name + u'*' }, QDir::Files | QDir::Hidden), QStringList { name });

    // Room again: the next session watches the job and downloads the results.
    context.reset();
    const QString id = job->id();
    BatchJobRunner again(&m_nam, &m_secrets, data.path());
    again.setPolling({ 100, 500, 1.5, 5 });
    QVERIFY(again.load().ok());
    auto watched = again.watch(id);
    QVERIFY(watched.ok());
    QSignalSpy done(watched.value(), &BatchJob::finished);
    QVERIFY(done.wait(180000));
    QVERIFY2(watched.value()->result().ok(), test::describe(watched.value()->result()).constData());
    QCOMPARE(watched.value()->resultsModel()->rowCount(), rows);
    QCOMPARE(watched.value()->resultsModel()->rowValues(0), QStringList { u"This is a good day"_qs } + seedVector);
    QCOMPARE(QFileInfo(results).dir().entryList({ name + u'*' }, QDir::Files | QDir::Hidden), QStringList { name });
}

// The job list and the downloaded results, written by a job that runs end to end, cannot be read
// by other users of the machine: here the list's directory, the list and the results' directory
// were left readable by an older version (umask 022), and the next write makes them private.
void tst_BatchJobRunner::jobListAndResultsArePrivateToTheUser()
{
    const auto umaskGuard = test::desktopUmask();
    test::TempDir data;
    const QString directory = data.filePath(u"batch"_qs);
    const auto readable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
        | QFileDevice::ReadOther;
    const auto enterable = readable | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    QString listFile;
    {
        core::BatchJobStore store(directory);
        QVERIFY(store.load().ok());
        listFile = store.filePath();
    }
    QVERIFY(QDir().mkpath(QDir(directory).filePath(u"batch-results"_qs)));
    QVERIFY(data.write(u"batch/"_qs + QFileInfo(listFile).fileName(), "{\"version\": 1, \"jobs\": []}\n"));
    QVERIFY(QFile::setPermissions(listFile, readable));
    QVERIFY(QFile::setPermissions(directory, enterable));
    QVERIFY(QFile::setPermissions(QDir(directory).filePath(u"batch-results"_qs), enterable));

    BatchJobRunner runner(&m_nam, &m_secrets, directory);
    runner.setPolling({ 100, 500, 1.5, 5 });
    QVERIFY(runner.load().ok());
    BatchJob *job = submit(runner, spec(u"private.csv"_qs, seedInput(3)));
    QVERIFY(job);
    QSignalSpy finished(job, &BatchJob::finished);
    QVERIFY(finished.wait(120000));
    QVERIFY2(job->result().ok(), test::describe(job->result()).constData());
    QVERIFY(QFileInfo::exists(job->record().resultsFile));

    for (const QString &path : { directory, listFile, runner.resultsDirectory(), job->record().resultsFile }) {
        const QFileInfo info(path);
        QVERIFY2(info.exists(), qPrintable(path));
        QVERIFY2((info.permissions() & test::groupAndOthers) == QFileDevice::Permissions(),
                 qPrintable(u"%1: %2"_qs.arg(path).arg(int(info.permissions()), 0, 16)));
        QVERIFY2(info.permissions().testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner), qPrintable(path));
    }
}

QTEST_GUILESS_MAIN(tst_BatchJobRunner)
#include "tst_batchjobrunner.moc"
