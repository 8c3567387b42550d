// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The Batch jobs tab against the real portico-local and real Azurite: an input CSV is sent
// through the gateway's BES operations with a subscription chosen by name (its key goes to the
// keychain, never into the panel) and directly to the ML service; the live status ends in
// Finished and the results table shows the feature-hashing output row by row. After a restart,
// Cancel on a resumed job whose credential the keychain (a private gnome-keyring) has not
// handed over yet shows Cancelling… and ends with the server job cancelled. Export CSV replaces
// an existing file, and a failed export keeps it and says why.

#include "core/arm/armrequest.h"
#include "core/batch/batchjob.h"
#include "core/batch/batchjobrunner.h"
#include "core/batch/batchjobstore.h"
#include "core/secrets/inmemorysecretstore.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/secretstore.h"
#include "core/tryit/tryitrequest.h"
#include "tests/support/azuritefixture.h"
#include "tests/support/flakyproxy.h"
#include "tests/support/keychainfixture.h"
#include "tests/support/secretjobs.h"
#include "tests/support/tempdir.h"
#include "tests/ui/developer/developertestbed.h"
#include "ui/common/decisions.h"
#include "ui/developer/batchjobspanel.h"
#include "ui/developer/developerworkspace.h"
#include "ui/shell/language.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>

#include <memory>

#include <signal.h>
#include <sys/resource.h>

using namespace portico;

namespace {
const QStringList kReviews { u"This is a good day"_qs, u"What a bad movie"_qs, u"good good good"_qs };

// Col2 and `chunks` times 10,000 review rows (about 0.5 MB each): a job still in flight when
// the test acts on it.
bool writeBigCsv(const QString &path, int chunks)
{
    QFile csv(path);
    if (!csv.open(QIODevice::WriteOnly))
        return false;
    csv.write("Col2\n");
    QByteArray chunk;
    for (int i = 0; i < 10000; ++i)
        chunk += "This is a good day for a long review of a movie\n";
    for (int i = 0; i < chunks; ++i) {
        if (csv.write(chunk) != chunk.size())
            return false;
    }
    return true;
}
} // namespace

class tst_BatchJobsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void throughTheGatewayIntoTheResultsTable();
    void directlyToTheMlServiceIntoTheResultsTable();
    void apiBaseUrlJoinsWithOneSlash_data();
    void apiBaseUrlJoinsWithOneSlash();
    void throughAGatewayUrlThatEndsInASlash();
    void cancelStopsTheJob();
    void cancelRightAfterARestartWaitsForTheKeychainAndCancelsTheServerJob();
    void exportReplacesAnExistingFile();
    void removeAsksAndTheJobStaysRemovedAfterARestart();
    void removeARunningJobOffersToCancelItOnTheService();
    void failedJobsAreSaidInDutch_data();
    void failedJobsAreSaidInDutch();
    void unreachableServiceIsSaidWithRetry();
    void removeHereOnlyWhenTheServiceCannotBeReached();
    void interruptedJobWithAChangedInputIsSaidWithRetry();
    void interruptedSubmitIsNotSentAgainUntilTheUserSubmitsAgain();
    void submitWithoutAnAnswerSaysTheServiceMayHoldTheJob_data();
    void submitWithoutAnAnswerSaysTheServiceMayHoldTheJob();
    void submitAnsweredInPartSaysItWasNotAnswered();
    void submitThatNeverLeftSaysTheServiceDidNotAcceptIt_data();
    void submitThatNeverLeftSaysTheServiceDidNotAcceptIt();
    void submitIsNotSentWhenTheJobListCannotBeWritten();
    void failedExportKeepsTheExistingFileAndSaysWhy_data();
    void failedExportKeepsTheExistingFileAndSaysWhy();

private:
    void runJobAndCheckResults(int target);
    QString serverStatus(const QString &serverJobId);
    // A job straight to portico-local's ML service (feature-hashing, its ML key) at `baseUrl`
    // (the service itself when empty), its input and results in `container` of this Azurite
    // (whose connection string it stores under a key named after the container).
    core::BatchJobSpec directJob(const QString &inputFile, const QString &container, const QUrl &baseUrl = {});
    // Exports the current job's results to `target` through the Export CSV button and its
    // file dialog (confirming the overwrite), and answers the state label once it settled.
    QString exportTo(const QString &target);
    // How many jobs portico-local's ML service holds whose output is the batch job `id`'s (the
    // submits it took), from its own store: BES itself cannot list jobs.
    int submitsOf(const QString &id);
    // Selects a job that finished with results in the jobs list, as a user would.
    bool selectAFinishedJob();

    test::KeychainFixture m_keychain;
    test::DeveloperTestBed m_bed;
    test::AzuriteFixture m_azurite;
    test::TempDir m_dir;
    core::InMemorySecretStore m_secrets;
    std::unique_ptr<core::BatchJobRunner> m_runner;
    std::unique_ptr<ui::DeveloperWorkspace> m_workspace;
    QString m_input;
    QString m_subscriptionKey;
};

void tst_BatchJobsPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_keychain.start(), qPrintable(m_keychain.errorString())); // before any D-Bus use
    const QString started = m_bed.start(u"batchui"_qs, this);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY2(m_azurite.start(), qPrintable(m_azurite.errorString()));
    // Unlimited: the batch steps are more calls than Starter's five a minute.
    QVERIFY(m_bed.call(core::ArmRequest::put(m_bed.serviceId() + u"/products/unlimited/apis/azureml-demo-api"_qs,
                                             QJsonObject()), this).ok());
    const auto key = m_bed.subscribe(u"batch-developer"_qs, QJsonObject { { u"scope"_qs, u"/products/unlimited"_qs },
                                                                        { u"displayName"_qs, u"Batch developer"_qs },
                                                                        { u"state"_qs, u"active"_qs } }, this);
    QVERIFY2(key.ok(), key.ok() ? "" : qPrintable(key.error().message));
    m_subscriptionKey = key.value();
    QVERIFY(m_subscriptionKey.size() >= 16);

    m_input = m_dir.filePath(u"reviews.csv"_qs);
    QFile csv(m_input);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("Col2\n");
    for (const QString &review : kReviews)
        csv.write(review.toUtf8() + '\n');
    csv.close();

    const QString developer = m_bed.startDeveloper(m_dir.filePath(u"history.sqlite"_qs));
    QVERIFY2(developer.isEmpty(), qPrintable(developer));
    m_bed.developer()->setSecretStore(&m_secrets, u"local"_qs);
    m_runner = std::make_unique<core::BatchJobRunner>(&m_bed.network(), &m_secrets, m_dir.filePath(u"batch"_qs));
    QVERIFY(m_runner->load().ok());
    core::BatchPolling fast;
    fast.initialIntervalMs = 100;
    fast.maxIntervalMs = 500;
    m_runner->setPolling(fast);
    m_workspace = std::make_unique<ui::DeveloperWorkspace>(m_bed.developer());
    m_workspace->setBatchRunner(m_runner.get(), &m_secrets, u"local"_qs);
    const QString mlKeyName = core::SecretStore::makeKey(u"local"_qs, u"ml-key"_qs);
    QVERIFY(test::waitFor(m_secrets.write(mlKeyName, m_bed.local().mlKey())).ok());
    m_workspace->batchJobs()->setDirectService(m_bed.local().mlUrl(), mlKeyName);
    m_workspace->batchJobs()->setWorkspaceAndService(u"local"_qs, u"feature-hashing"_qs);
    m_workspace->resize(1200, 900);
    m_workspace->show();
    QVERIFY(m_bed.refreshDeveloper());
    m_workspace->showTab(ui::DeveloperWorkspace::Tab::Batch);
}

void tst_BatchJobsPanel::cleanupTestCase()
{
    m_workspace.reset();
    m_runner.reset();
    m_bed.stop();
    m_azurite.stop();
}

void tst_BatchJobsPanel::init()
{
    ui::BatchJobsPanel *panel = m_workspace->batchJobs();
    panel->findChild<QLineEdit *>(u"batchInputLineEdit"_qs)->setText(m_input);
    auto *storage = panel->findChild<QComboBox *>(u"batchStorageComboBox"_qs);
    storage->setCurrentIndex(1); // a storage account: this Azurite's connection string, typed once
    auto *connection = panel->findChild<QLineEdit *>(u"batchConnectionStringLineEdit"_qs);
    connection->clear();
    QTest::keyClicks(connection, m_azurite.connectionString());
}

void tst_BatchJobsPanel::runJobAndCheckResults(int target)
{
    ui::BatchJobsPanel *panel = m_workspace->batchJobs();
    panel->findChild<QComboBox *>(u"batchTargetComboBox"_qs)->setCurrentIndex(target);
    if (target == 0) {
        auto *subscription = panel->findChild<QComboBox *>(u"batchSubscriptionComboBox"_qs);
        const int index = subscription->findData(u"batch-developer"_qs);
        QVERIFY(index >= 0);
        subscription->setCurrentIndex(index);
    }
    core::BatchJob *before = panel->currentJob(); // the job sent earlier, if any
    QTest::mouseClick(panel->findChild<QPushButton *>(u"batchSubmitPushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(panel->currentJob() != nullptr && panel->currentJob() != before, 30000);
    core::BatchJob *job = panel->currentJob();
    QStringList statuses;
    QObject context; // the connection ends with this function
    connect(job, &core::BatchJob::statusChanged, &context, [&statuses](const QString &s) { statuses << s; });
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 120000);
    QVERIFY2(job->result().ok(), qPrintable(panel->findChild<QLabel *>(u"batchStateLabel"_qs)->text()));
    QTRY_VERIFY2(panel->findChild<QLabel *>(u"batchStateLabel"_qs)->text().contains(u"Finished"_qs),
                 qPrintable(panel->findChild<QLabel *>(u"batchStateLabel"_qs)->text()));
    QVERIFY(statuses.isEmpty() || statuses.last() == u"Finished");
    QAbstractItemModel *results = panel->resultsView()->model();
    QVERIFY(results);
    QTRY_COMPARE_WITH_TIMEOUT(results->rowCount(), int(kReviews.size()), 10000);
    int first = -1;
    for (int c = 0; c < results->columnCount(); ++c) {
        if (results->headerData(c, Qt::Horizontal).toString() == u"Col2_HashingFeature.0")
            first = c;
    }
    QVERIFY(first >= 0);
    QStringList vector;
    for (int bucket = 0; bucket < 8; ++bucket)
        vector << results->index(0, first + bucket).data().toString();
    QCOMPARE(vector.join(u' '), u"1 1 2 2 0 2 0 1"_qs);
}

void tst_BatchJobsPanel::throughTheGatewayIntoTheResultsTable()
{
    runJobAndCheckResults(0);
    // The panel never showed the key; it is in the keychain for the runner.
    for (QLineEdit *edit : m_workspace->batchJobs()->findChildren<QLineEdit *>())
        QVERIFY(!edit->displayText().contains(m_subscriptionKey));
}

void tst_BatchJobsPanel::directlyToTheMlServiceIntoTheResultsTable()
{
    runJobAndCheckResults(1);
}

void tst_BatchJobsPanel::apiBaseUrlJoinsWithOneSlash_data()
{
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<QString>("apiPath");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"https://gw.example/svc"_qs << u"ml"_qs << u"https://gw.example/svc/ml"_qs;
    QTest::newRow("gateway ends in /") << u"https://gw.example/svc/"_qs << u"ml"_qs << u"https://gw.example/svc/ml"_qs;
    QTest::newRow("host only") << u"https://contoso.azure-api.net"_qs << u"ml/v1"_qs
                               << u"https://contoso.azure-api.net/ml/v1"_qs;
    QTest::newRow("host and /") << u"https://contoso.azure-api.net/"_qs << u"ml"_qs
                                << u"https://contoso.azure-api.net/ml"_qs;
    QTest::newRow("empty suffix") << u"https://gw.example/svc"_qs << QString() << u"https://gw.example/svc"_qs;
    QTest::newRow("empty suffix, gateway ends in /") << u"https://gw.example/svc/"_qs << QString()
                                                     << u"https://gw.example/svc"_qs;
    QTest::newRow("suffix with slashes") << u"https://gw.example/svc"_qs << u"/ml/"_qs << u"https://gw.example/svc/ml"_qs;
}

void tst_BatchJobsPanel::apiBaseUrlJoinsWithOneSlash()
{
    QFETCH(QString, gateway);
    QFETCH(QString, apiPath);
    QFETCH(QString, expected);
    QCOMPARE(core::apiBaseUrl(QUrl(gateway), apiPath).toString(), expected);
}

// The service's gateway URL as ARM may give it, with a trailing '/': the job still reaches
// the API's BES operations (not "…//<api>/workspaces/…", which the gateway does not route).
void tst_BatchJobsPanel::throughAGatewayUrlThatEndsInASlash()
{
    QUrl gateway;
    QString apiPath;
    QObject context;
    connect(m_bed.developer(), &ui::DeveloperController::catalogLoaded, &context,
            [&](const QList<ui::CatalogApi> &catalog, const QUrl &url) {
                gateway = url;
                for (const ui::CatalogApi &api : catalog) {
                    for (const core::Operation &op : api.operations) {
                        if (op.method == u"POST" && op.urlTemplate.contains(u"/jobs?api-version="_qs))
                            apiPath = api.api.path;
                    }
                }
            });
    QVERIFY(m_bed.refreshDeveloper());
    QTRY_VERIFY(gateway.isValid() && !apiPath.isEmpty());
    QVERIFY(!gateway.path().endsWith(u'/'));
    ui::BatchJobsPanel *panel = m_workspace->batchJobs();
    const QString pin = m_bed.developer()->gatewayCertificateSha256();
    panel->setGateway(QUrl(gateway.toString() + u'/'), apiPath, pin);
    auto restore = qScopeGuard([&] { panel->setGateway(gateway, apiPath, pin); });
    runJobAndCheckResults(0);
    QVERIFY(!QTest::currentTestFailed());
    const QUrl used = panel->currentJob()->record().endpoint.baseUrl;
    QCOMPARE(used.toString(), gateway.toString() + u'/' + apiPath);
}

void tst_BatchJobsPanel::cancelStopsTheJob()
{
    // Large enough that the job is still in flight when Cancel is clicked.
    const QString big = m_dir.filePath(u"big.csv"_qs);
    QVERIFY(writeBigCsv(big, 100));
    ui::BatchJobsPanel *panel = m_workspace->batchJobs();
    panel->findChild<QLineEdit *>(u"batchInputLineEdit"_qs)->setText(big);
    panel->findChild<QComboBox *>(u"batchTargetComboBox"_qs)->setCurrentIndex(1);
    core::BatchJob *before = panel->currentJob();
    QTest::mouseClick(panel->findChild<QPushButton *>(u"batchSubmitPushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(panel->currentJob() != before && panel->currentJob() != nullptr, 30000);
    core::BatchJob *job = panel->currentJob();
    auto *cancel = panel->findChild<QPushButton *>(u"batchCancelPushButton"_qs);
    QTRY_VERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 60000);
    QCOMPARE(job->record().outcome, core::BatchJobRecord::Outcome::Cancelled);
    QTRY_VERIFY(panel->findChild<QLabel *>(u"batchStateLabel"_qs)->text().contains(u"Cancelled"_qs));
    QVERIFY(!cancel->isEnabled());
}

core::BatchJobSpec tst_BatchJobsPanel::directJob(const QString &inputFile, const QString &container,
                                                 const QUrl &baseUrl)
{
    core::BatchJobSpec spec;
    spec.inputFile = inputFile;
    spec.container = container;
    spec.storageSecretKey = core::SecretStore::makeKey(u"local"_qs, u"batch/"_qs + container);
    m_secrets.writeNow(spec.storageSecretKey, m_azurite.connectionString());
    spec.endpoint.target = core::BesEndpoint::Target::Direct;
    spec.endpoint.baseUrl = baseUrl.isEmpty() ? m_bed.local().mlUrl() : baseUrl;
    spec.endpoint.credentialKey = core::SecretStore::makeKey(u"local"_qs, u"ml-key"_qs);
    spec.endpoint.workspace = u"local"_qs;
    spec.endpoint.service = u"feature-hashing"_qs;
    return spec;
}

QString tst_BatchJobsPanel::serverStatus(const QString &serverJobId)
{
    QNetworkRequest request(QUrl(m_bed.local().mlUrl().toString()
                                 + u"/workspaces/local/services/feature-hashing/jobs/%1?api-version=2.0"_qs.arg(serverJobId)));
    request.setRawHeader("Authorization", "Bearer " + m_bed.local().mlKey().toUtf8());
    QNetworkReply *reply = m_bed.network().get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(20000);
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object().value(u"StatusCode"_qs).toString();
}

// The user restarts the app, selects the job that is still running on the service (which
// resumes it) and clicks Cancel while the keychain has not handed over the job's credential
// yet (its gnome-keyring is stopped until the test lets it answer). The panel says
// "Cancelling…" meanwhile, not "Cancelled" while the server job runs on; once the keychain
// answers, the server job is cancelled and the panel says so.
void tst_BatchJobsPanel::cancelRightAfterARestartWaitsForTheKeychainAndCancelsTheServerJob()
{
    const QString data = m_dir.filePath(u"restart-batch"_qs);
    const QString big = m_dir.filePath(u"restart-big.csv"_qs);
    QVERIFY(writeBigCsv(big, 150));
    const core::BatchJobSpec spec = directJob(big, u"portico-restart"_qs);
    const QString mlKeyName = spec.endpoint.credentialKey;
    core::BatchPolling fast;
    fast.initialIntervalMs = 100;
    fast.maxIntervalMs = 500;
    QString serverJobId;
    {
        core::BatchJobRunner before(&m_bed.network(), &m_secrets, data);
        before.setPolling(fast);
        QVERIFY(before.load().ok());
        auto submitted = before.submit(spec);
        QVERIFY2(submitted.ok(), submitted.ok() ? "" : qPrintable(submitted.error().message));
        core::BatchJob *job = submitted.value();
        QTRY_VERIFY_WITH_TIMEOUT(job->serverStatus() == u"Running"_qs || job->isFinished(), 120000);
        QVERIFY(!job->isFinished());
        serverJobId = job->record().serverJobId;
    } // the app closes; the server job goes on

    // The next session keeps its secrets in the keychain.
    core::KeychainSecretStore keychain(u"portico-batch-test"_qs);
    QVERIFY(test::waitFor(keychain.write(mlKeyName, m_bed.local().mlKey())).ok());
    QCOMPARE(keychain.backend(), core::SecretStore::Backend::Keychain);
    core::BatchJobRunner runner(&m_bed.network(), &keychain, data);
    runner.setPolling(fast);
    QVERIFY(runner.load().ok());
    ui::BatchJobsPanel panel(&runner, &keychain, u"local"_qs);
    panel.resize(900, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *jobs = panel.findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);
    auto *state = panel.findChild<QLabel *>(u"batchStateLabel"_qs);
    auto *cancel = panel.findChild<QPushButton *>(u"batchCancelPushButton"_qs);
    QCOMPARE(jobs->topLevelItemCount(), 1);

    const pid_t keyring = pid_t(m_keychain.keyringProcessId());
    QVERIFY(keyring > 0);
    QCOMPARE(::kill(keyring, SIGSTOP), 0);
    auto resumeKeyring = qScopeGuard([keyring] { ::kill(keyring, SIGCONT); });
    QTreeWidgetItem *item = jobs->topLevelItem(0);
    jobs->scrollToItem(item);
    QTest::mouseClick(jobs->viewport(), Qt::LeftButton, {}, jobs->visualItemRect(item).center());
    QTRY_VERIFY(panel.currentJob() != nullptr);
    core::BatchJob *job = panel.currentJob();
    QVERIFY(job->isRunning());
    // Until the keychain answers, the job cannot reach the service: whatever it says about its
    // end (finished, or a status such as "Cancelled") must come after that.
    bool keyringAnswered = false;
    QStringList beforeTheKeyring;
    QObject context;
    connect(job, &core::BatchJob::finished, &context, [&] {
        if (!keyringAnswered)
            beforeTheKeyring << u"finished: "_qs + state->text();
    });
    connect(job, &core::BatchJob::statusChanged, &context, [&](const QString &status) {
        if (!keyringAnswered)
            beforeTheKeyring << u"status: "_qs + status;
    });
    QTRY_VERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);

    QTRY_VERIFY2(state->text().contains(u"Cancelling…"_qs), qPrintable(state->text()));
    QVERIFY(!cancel->isEnabled());
    QCOMPARE(jobs->topLevelItem(0)->text(1), u"Cancelling…"_qs);
    QVERIFY(job->isCancelling());
    QVERIFY(!job->isFinished());
    QCOMPARE(serverStatus(serverJobId), u"Running"_qs);

    keyringAnswered = true;
    resumeKeyring.dismiss();
    QCOMPARE(::kill(keyring, SIGCONT), 0);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 30000);
    QVERIFY2(beforeTheKeyring.isEmpty(), qPrintable(beforeTheKeyring.join(u"; "_qs)));
    QCOMPARE(serverStatus(serverJobId), u"Cancelled"_qs);
    QCOMPARE(job->record().outcome, core::BatchJobRecord::Outcome::Cancelled);
    QCOMPARE(job->serverStatus(), u"Cancelled"_qs);
    QTRY_VERIFY2(state->text().contains(u"Cancelled"_qs), qPrintable(state->text()));
    QCOMPARE(jobs->topLevelItem(0)->text(1), u"Cancelled"_qs);
    QCOMPARE(jobs->topLevelItem(0)->text(2), u"Cancelled"_qs);
    QVERIFY(!cancel->isEnabled());
}

QString tst_BatchJobsPanel::exportTo(const QString &target)
{
    ui::BatchJobsPanel *panel = m_workspace->batchJobs();
    auto *exportButton = panel->findChild<QPushButton *>(u"batchExportPushButton"_qs);
    auto *state = panel->findChild<QLabel *>(u"batchStateLabel"_qs);
    if (!exportButton->isEnabled())
        return u"(export disabled)"_qs;
    QTest::mouseClick(exportButton, Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = panel->findChild<QFileDialog *>(u"batchExportFileDialog"_qs)); }, 5000))
        return u"(no file dialog)"_qs;
    dialog->selectFile(target);
    // Saving over an existing file asks first; the user says yes.
    bool confirmed = false;
    QTimer::singleShot(0, this, [&confirmed] {
        if (!QTest::qWaitFor([] { return qobject_cast<QMessageBox *>(QApplication::activeModalWidget()) != nullptr; }, 5000))
            return;
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            if (QAbstractButton *yes = box->button(QMessageBox::Yes)) {
                confirmed = true;
                QTest::mouseClick(yes, Qt::LeftButton);
            }
        }
    });
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    if (!buttons || !buttons->button(QDialogButtonBox::Save))
        return u"(no Save button)"_qs;
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    if (!confirmed)
        return u"(the overwrite was not confirmed)"_qs;
    const bool settled = QTest::qWaitFor([&] {
        return state->text().startsWith(u"Exported"_qs) || state->text().startsWith(u"Could not export"_qs);
    }, 20000);
    return settled ? state->text() : u"(no result: %1)"_qs.arg(state->text());
}

bool tst_BatchJobsPanel::selectAFinishedJob()
{
    ui::BatchJobsPanel *panel = m_workspace->batchJobs();
    auto *jobs = panel->findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);
    for (int i = 0; i < jobs->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = jobs->topLevelItem(i);
        if (item->text(1) != u"Finished"_qs)
            continue;
        jobs->scrollToItem(item);
        QTest::mouseClick(jobs->viewport(), Qt::LeftButton, {}, jobs->visualItemRect(item).center());
        return QTest::qWaitFor([panel] { return panel->currentJob() && panel->currentJob()->resultsModel(); }, 10000);
    }
    return false;
}

void tst_BatchJobsPanel::exportReplacesAnExistingFile()
{
    ui::BatchJobsPanel *panel = m_workspace->batchJobs();
    QVERIFY(selectAFinishedJob());
    const QString target = m_dir.filePath(u"export-replace.csv"_qs);
    QVERIFY(m_dir.write(u"export-replace.csv"_qs, "an earlier export\n"));
    const QString said = exportTo(target);
    QCOMPARE(said, u"Exported the results to %1."_qs.arg(target));
    QFile exported(target);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QFile results(panel->currentJob()->record().resultsFile);
    QVERIFY(results.open(QIODevice::ReadOnly));
    const QByteArray expected = results.readAll();
    QVERIFY(expected.startsWith("Col2,Col2_HashingFeature.0"));
    QCOMPARE(exported.readAll(), expected);
    QCOMPARE(QDir(m_dir.path()).entryList({ u"export-replace.csv*"_qs }, QDir::Files | QDir::Hidden),
             QStringList { u"export-replace.csv"_qs }); // no temporary file left behind
}

namespace {

// Answers the confirmation box the next action opens (the real one, as a user sees it): its
// text, after clicking its accept button (`accept`) or Cancel.
QString answerDecision(bool accept)
{
    QString text;
    QTimer::singleShot(0, [&text, accept] {
        QMessageBox *box = nullptr;
        if (!QTest::qWaitFor([&] {
                return (box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) != nullptr;
            }, 5000))
            return;
        text = box->text();
        QTest::mouseClick(box->findChild<QPushButton *>(accept ? u"decisionAcceptPushButton"_qs
                                                               : u"decisionCancelPushButton"_qs),
                          Qt::LeftButton);
    });
    (void)QTest::qWaitFor([&text] { return !text.isEmpty(); }, 6000);
    return text;
}

// Like answerDecision(), clicking the button with the given objectName.
QString answerDecisionWith(const QString &buttonName, QString *buttonText = nullptr)
{
    QString text;
    QTimer::singleShot(0, [&text, buttonName, buttonText] {
        QMessageBox *box = nullptr;
        if (!QTest::qWaitFor([&] {
                return (box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) != nullptr;
            }, 5000))
            return;
        auto *button = box->findChild<QPushButton *>(buttonName);
        if (!button) {
            text = u"(no button %1)"_qs.arg(buttonName);
            box->reject();
            return;
        }
        if (buttonText)
            *buttonText = button->text();
        text = box->text();
        QTest::mouseClick(button, Qt::LeftButton);
    });
    (void)QTest::qWaitFor([&text] { return !text.isEmpty(); }, 6000);
    return text;
}

QStringList listedIds(QTreeWidget *jobs)
{
    QStringList ids;
    for (int i = 0; i < jobs->topLevelItemCount(); ++i)
        ids << jobs->topLevelItem(i)->data(0, Qt::UserRole + 1).toString();
    return ids;
}

} // namespace

// Remove on a finished job asks first (its downloaded results go too), then the job is gone
// from the list, its results file is deleted, and a restart does not bring it back.
void tst_BatchJobsPanel::removeAsksAndTheJobStaysRemovedAfterARestart()
{
    ui::BatchJobsPanel *panel = m_workspace->batchJobs();
    auto *jobs = panel->findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);
    auto *remove = panel->findChild<QPushButton *>(u"batchRemovePushButton"_qs);
    QVERIFY(selectAFinishedJob());
    const QString id = panel->currentJob()->id();
    const QString name = panel->currentJob()->record().name;
    const QString results = panel->currentJob()->record().resultsFile;
    QVERIFY(QFile::exists(results));
    QVERIFY(remove->isEnabled());
    const int before = jobs->topLevelItemCount();

    // Asked, and "Cancel" keeps it.
    QTest::mouseClick(remove, Qt::LeftButton);
    const QString asked = answerDecision(false);
    QVERIFY2(asked.contains(name) && asked.contains(u"downloaded results"_qs), qPrintable(asked));
    // The answer reached the panel as the button was clicked; a remove would have begun there.
    QVERIFY(panel->currentJob() && !panel->currentJob()->isRemoving());
    QCOMPARE(jobs->topLevelItemCount(), before);
    QVERIFY(listedIds(jobs).contains(id));

    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(!answerDecision(true).isEmpty());
    QTRY_VERIFY(!listedIds(jobs).contains(id));
    QCOMPARE(jobs->topLevelItemCount(), before - 1);
    QTRY_COMPARE(panel->findChild<QLabel *>(u"batchStateLabel"_qs)->text(), u"Removed “%1”."_qs.arg(name));
    QCOMPARE(panel->currentJob(), nullptr);
    QVERIFY(!QFile::exists(results));

    // The next session: not in the stored list, not in a new panel.
    core::BatchJobRunner again(&m_bed.network(), &m_secrets, m_dir.filePath(u"batch"_qs));
    QVERIFY(again.load().ok());
    QVERIFY(!again.record(id));
    ui::BatchJobsPanel reopened(&again, &m_secrets, u"local"_qs);
    QVERIFY(!listedIds(reopened.findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs)).contains(id));
    QCOMPARE(reopened.findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs)->topLevelItemCount(), before - 1);
}

// Remove on a job the service still runs says so and offers to cancel it there first: "Cancel"
// keeps it running; accepting cancels the service's job (BES DELETE) and removes it.
void tst_BatchJobsPanel::removeARunningJobOffersToCancelItOnTheService()
{
    const QString big = m_dir.filePath(u"remove-big.csv"_qs);
    QVERIFY(writeBigCsv(big, 150));
    ui::BatchJobsPanel *panel = m_workspace->batchJobs();
    panel->findChild<QLineEdit *>(u"batchInputLineEdit"_qs)->setText(big);
    panel->findChild<QComboBox *>(u"batchTargetComboBox"_qs)->setCurrentIndex(1);
    core::BatchJob *before = panel->currentJob();
    QTest::mouseClick(panel->findChild<QPushButton *>(u"batchSubmitPushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(panel->currentJob() != before && panel->currentJob() != nullptr, 30000);
    QPointer<core::BatchJob> job = panel->currentJob();
    const QString id = job->id();
    QTRY_VERIFY_WITH_TIMEOUT(job->serverStatus() == u"Running"_qs || job->isFinished(), 120000);
    QVERIFY(!job->isFinished());
    const QString serverJobId = job->record().serverJobId;
    auto *remove = panel->findChild<QPushButton *>(u"batchRemovePushButton"_qs);
    auto *jobs = panel->findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);

    QTest::mouseClick(remove, Qt::LeftButton);
    const QString asked = answerDecision(false);
    QVERIFY2(asked.contains(u"running on the service"_qs), qPrintable(asked));
    // The answer reached the panel as the button was clicked; a remove would have begun there
    // (cancelling the job first).
    QVERIFY(job && job->isRunning());
    QVERIFY(!job->isRemoving());
    QVERIFY(!job->isCancelling());
    QVERIFY(listedIds(jobs).contains(id));
    QCOMPARE(serverStatus(serverJobId), u"Running"_qs);

    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(answerDecision(true).contains(u"running on the service"_qs));
    QTRY_VERIFY_WITH_TIMEOUT(!listedIds(jobs).contains(id), 30000);
    QCOMPARE(serverStatus(serverJobId), u"Cancelled"_qs);
    QTRY_VERIFY(panel->findChild<QLabel *>(u"batchStateLabel"_qs)->text().startsWith(u"Removed"_qs));
    core::BatchJobRunner again(&m_bed.network(), &m_secrets, m_dir.filePath(u"batch"_qs));
    QVERIFY(again.load().ok());
    QVERIFY(!again.record(id));
}

void tst_BatchJobsPanel::failedJobsAreSaidInDutch_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("dutch");
    QTest::addColumn<QString>("listed");
    QTest::addColumn<QString>("technical");
    // The service reads the input and fails the job: its Details text is shown as its words.
    QTest::newRow("the service fails the job") << u"input-parse-error"_qs
                                               << u"De batchservice meldt dat de taak is mislukt.\nDe service zegt: "
                                                  "“InputParseError: Parsing of input vector failed."_qs
                                               << u"Mislukt op de service"_qs << u"BatchJobFailed"_qs;
    // Azurite refuses the signature made with a wrong account key (403 AuthenticationFailed).
    QTest::newRow("wrong storage account key")
        << u"wrong-account-key"_qs
        << u"De invoer kon niet worden geüpload. Het opslagaccount weigerde het verzoek (HTTP 403): controleer "
           "de accountsleutel in de verbindingsreeks."_qs
        << u"Mislukt: toegang geweigerd"_qs << u"403 "_qs;
}

// With Portico in Dutch, a failed job is said in Dutch, from the error's facts (not core's
// English text, which is the tooltip); the service's own words are shown as such.
void tst_BatchJobsPanel::failedJobsAreSaidInDutch()
{
    QFETCH(QString, scenario);
    QFETCH(QString, dutch);
    QFETCH(QString, listed);
    QFETCH(QString, technical);
    QVERIFY(ui::installTranslations(*qApp, u"nl"_qs));
    const auto english = qScopeGuard([] {
        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    });
    ui::BatchJobsPanel *panel = m_workspace->batchJobs();
    const QString input = m_dir.filePath(scenario + u".csv"_qs);
    QVERIFY(m_dir.write(scenario + u".csv"_qs, scenario == u"input-parse-error"_qs
                                                   ? QByteArray("Col2\n\"a review whose quote never closes\n")
                                                   : QByteArray("Col2\nThis is a good day\n")));
    panel->findChild<QLineEdit *>(u"batchInputLineEdit"_qs)->setText(input);
    panel->findChild<QComboBox *>(u"batchTargetComboBox"_qs)->setCurrentIndex(1);
    if (scenario == u"wrong-account-key"_qs) {
        auto *connection = panel->findChild<QLineEdit *>(u"batchConnectionStringLineEdit"_qs);
        connection->clear();
        const QString wrongKey = QString::fromLatin1(QByteArray(64, 'x').toBase64());
        QTest::keyClicks(connection, m_azurite.connectionString().replace(
                                         QString::fromLatin1(test::AzuriteFixture::accountKey), wrongKey));
    }
    core::BatchJob *before = panel->currentJob();
    QTest::mouseClick(panel->findChild<QPushButton *>(u"batchSubmitPushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(panel->currentJob() != before && panel->currentJob() != nullptr, 30000);
    core::BatchJob *job = panel->currentJob();
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 120000);
    QCOMPARE(job->record().outcome, core::BatchJobRecord::Outcome::Failed);
    auto *state = panel->findChild<QLabel *>(u"batchStateLabel"_qs);
    QTRY_VERIFY2(state->text().startsWith(u"%1: %2"_qs.arg(job->record().name, dutch)), qPrintable(state->text()));
    QVERIFY2(!state->text().contains(job->record().errorMessage), qPrintable(state->text()));
    QVERIFY2(state->toolTip().contains(technical), qPrintable(state->toolTip())); // the technical text
    auto *jobs = panel->findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);
    QTreeWidgetItem *row = jobs->currentItem();
    QVERIFY(row);
    QCOMPARE(row->text(1), listed);
    QVERIFY2(row->toolTip(1).startsWith(dutch.section(u'\n', 0, 0)), qPrintable(row->toolTip(1)));
    // Also after a restart (the facts are stored, not the words).
    core::BatchJobRunner again(&m_bed.network(), &m_secrets, m_dir.filePath(u"batch"_qs));
    QVERIFY(again.load().ok());
    ui::BatchJobsPanel reopened(&again, &m_secrets, u"local"_qs);
    auto *reopenedJobs = reopened.findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);
    const QList<QTreeWidgetItem *> found = reopenedJobs->findItems(job->record().name, Qt::MatchExactly);
    QVERIFY(!found.isEmpty());
    QCOMPARE(found.last()->text(1), listed);
}

// After a restart, a job whose service cannot be reached catches up on its own, fails with that
// said in words, and offers Retry, which runs it again.
void tst_BatchJobsPanel::unreachableServiceIsSaidWithRetry()
{
    std::optional<core::BatchJobRecord> finished;
    for (const core::BatchJobRecord &record : m_runner->jobs()) {
        if (record.outcome == core::BatchJobRecord::Outcome::Succeeded
            && record.endpoint.target == core::BesEndpoint::Target::Direct)
            finished = record;
    }
    QVERIFY(finished);
    QTcpServer probe; // a port where nothing listens
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    test::TempDir data;
    core::BatchJobRecord record = *finished;
    record.id = u"1"_qs.repeated(32);
    record.name = u"unreachable.csv"_qs;
    record.endpoint.baseUrl = QUrl(u"http://127.0.0.1:%1"_qs.arg(port));
    record.step = core::BatchJobRecord::Step::Run;
    record.outcome = core::BatchJobRecord::Outcome::Active;
    record.serverStatus = u"Running"_qs;
    record.resultsFile = data.filePath(u"batch-results/unreachable.csv"_qs);
    {
        core::BatchJobStore store(data.path());
        QVERIFY(store.load().ok());
        QVERIFY(store.save(record).ok());
    }
    core::BatchJobRunner runner(&m_bed.network(), &m_secrets, data.path());
    runner.setPolling({ 50, 100, 1.5, 2 });
    QVERIFY(runner.load().ok());
    ui::BatchJobsPanel panel(&runner, &m_secrets, u"local"_qs);
    panel.resize(900, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *jobs = panel.findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);
    auto *state = panel.findChild<QLabel *>(u"batchStateLabel"_qs);
    auto *retry = panel.findChild<QPushButton *>(u"batchRetryPushButton"_qs);
    QCOMPARE(jobs->topLevelItemCount(), 1);
    QCOMPARE(jobs->topLevelItem(0)->text(1), u"Running on the service"_qs); // as stored
    runner.resumeActive();
    QTRY_COMPARE_WITH_TIMEOUT(jobs->topLevelItem(0)->text(1), u"Failed: cannot reach the service"_qs, 30000);
    const QString said = u"The job's status could not be read from the batch service. The batch service at "
                         "127.0.0.1:%1 cannot be reached."_qs.arg(port);
    QCOMPARE(jobs->topLevelItem(0)->toolTip(1), said);

    // Selected: the state says it, and Retry runs it again.
    QTreeWidgetItem *item = jobs->topLevelItem(0);
    QTest::mouseClick(jobs->viewport(), Qt::LeftButton, {}, jobs->visualItemRect(item).center());
    QTRY_VERIFY(panel.currentJob() != nullptr);
    core::BatchJob *job = panel.currentJob();
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 30000);
    QTRY_COMPARE(state->text(), u"unreachable.csv: "_qs + said);
    QVERIFY(state->toolTip().contains(u"Cannot reach the batch service"_qs));
    QTRY_VERIFY(retry->isEnabled());
    QSignalSpy again(job, &core::BatchJob::finished);
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(job->isRunning());
    QVERIFY(!retry->isEnabled());
    QVERIFY(again.wait(30000));
    QTRY_COMPARE(state->text(), u"unreachable.csv: "_qs + said);
    QVERIFY(retry->isEnabled());
}

// The service of two jobs that run there cannot be reached: its address takes connections but
// never answers (a network that is down). Remove offers "Remove here only", which drops the
// entry at once without contacting the service and says what stays there; it also ends a
// remove that is still waiting for the service to cancel the job.
void tst_BatchJobsPanel::removeHereOnlyWhenTheServiceCannotBeReached()
{
    std::optional<core::BatchJobRecord> finished;
    for (const core::BatchJobRecord &record : m_runner->jobs()) {
        if (record.outcome == core::BatchJobRecord::Outcome::Succeeded
            && record.endpoint.target == core::BesEndpoint::Target::Direct)
            finished = record;
    }
    QVERIFY(finished);
    QTcpServer silent; // takes connections, reads the requests, never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QStringList requests;
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection()) {
            held.append(socket);
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &requests] {
                while (socket->canReadLine()) {
                    const QByteArray line = socket->readLine();
                    if (line.contains(" HTTP/1.1"))
                        requests.append(QString::fromLatin1(line.trimmed()));
                }
            });
        }
    });
    test::TempDir data;
    QStringList ids;
    {
        core::BatchJobStore store(data.path());
        QVERIFY(store.load().ok());
        for (const QString &name : { u"offline-a.csv"_qs, u"offline-b.csv"_qs }) {
            core::BatchJobRecord record = *finished;
            record.id = (name == u"offline-a.csv"_qs ? u"a"_qs : u"b"_qs).repeated(32);
            record.name = name;
            record.serverJobId = u"job-"_qs + record.id.left(1); // told apart in the requests
            record.endpoint.baseUrl = QUrl(u"http://127.0.0.1:%1"_qs.arg(silent.serverPort()));
            record.step = core::BatchJobRecord::Step::Run;
            record.outcome = core::BatchJobRecord::Outcome::Active;
            record.serverStatus = u"Running"_qs;
            record.resultsFile = data.filePath(u"batch-results/%1.csv"_qs.arg(record.id));
            QVERIFY(store.save(record).ok());
            ids.append(record.id);
        }
    }
    QVERIFY(QDir().mkpath(data.filePath(u"batch-results"_qs)));
    QVERIFY(data.write(u"batch-results/%1.csv"_qs.arg(ids.first()), "Col2\nan earlier download\n"));
    core::BatchJobRunner runner(&m_bed.network(), &m_secrets, data.path());
    runner.setPolling({ 50, 100, 1.5, 2 });
    QVERIFY(runner.load().ok());
    ui::BatchJobsPanel panel(&runner, &m_secrets, u"local"_qs);
    panel.resize(900, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *jobs = panel.findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);
    auto *state = panel.findChild<QLabel *>(u"batchStateLabel"_qs);
    auto *remove = panel.findChild<QPushButton *>(u"batchRemovePushButton"_qs);
    const auto select = [&](const QString &id) {
        for (int i = 0; i < jobs->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = jobs->topLevelItem(i);
            if (item->data(0, Qt::UserRole + 1).toString() == id)
                QTest::mouseClick(jobs->viewport(), Qt::LeftButton, {}, jobs->visualItemRect(item).center());
        }
        return QTest::qWaitFor([&] { return panel.currentJob() && panel.currentJob()->id() == id; }, 5000);
    };

    // Selected, the job is watched again: its status request hangs.
    QVERIFY(select(ids.first()));
    QTRY_VERIFY_WITH_TIMEOUT(requests.size() == 1, 10000);
    QVERIFY2(requests.first().startsWith(u"GET "_qs), qPrintable(requests.first()));
    QTest::mouseClick(remove, Qt::LeftButton);
    QString button;
    const QString asked = answerDecisionWith(u"decisionAlternativePushButton"_qs, &button);
    QVERIFY2(asked.contains(u"may still be running on the service"_qs), qPrintable(asked));
    QVERIFY2(asked.contains(u"without contacting the service: a job running there goes on until it ends, and its "
                            "input and results stay in the storage container “%1”."_qs.arg(finished->container)),
             qPrintable(asked));
    QCOMPARE(button, u"Remove &here only"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!listedIds(jobs).contains(ids.first()), 2000);
    QCOMPARE(state->text(), u"Removed “offline-a.csv” here only. The service was not contacted: a job running there "
                            "goes on, and its input and results stay in the storage container “%1”."_qs
                                .arg(finished->container));
    QCOMPARE(panel.currentJob(), nullptr);
    QVERIFY(!QFile::exists(data.filePath(u"batch-results/%1.csv"_qs.arg(ids.first()))));

    // The other one: cancelling on the service waits for an answer that does not come; Remove
    // again offers to remove it here only. The service sees the requests in the order they were
    // sent: any DELETE for the first job (sent before the second was even selected) would come
    // before the second job's own requests.
    QVERIFY(select(ids.last()));
    QTRY_VERIFY_WITH_TIMEOUT(requests.size() == 2, 10000);
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(!answerDecisionWith(u"decisionAcceptPushButton"_qs).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(requests.size() == 3, 10000);
    QCOMPARE(requests.size(), 3);
    QVERIFY2(requests.at(0).startsWith(u"GET "_qs) && requests.at(0).contains(u"/jobs/job-a?"_qs), qPrintable(requests.at(0)));
    QVERIFY2(requests.at(1).startsWith(u"GET "_qs) && requests.at(1).contains(u"/jobs/job-b?"_qs), qPrintable(requests.at(1)));
    // No DELETE for the job removed here only.
    QVERIFY2(requests.at(2).startsWith(u"DELETE "_qs) && requests.at(2).contains(u"/jobs/job-b?"_qs),
             qPrintable(requests.at(2)));
    QTRY_COMPARE(state->text(), u"Removing “offline-b.csv”…"_qs);
    // The service holds the DELETE without answering: the remove waits for it.
    QVERIFY(runner.job(ids.last()) && runner.job(ids.last())->isRemoving());
    QVERIFY(listedIds(jobs).contains(ids.last()));
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    const QString again = answerDecisionWith(u"decisionAcceptPushButton"_qs, &button);
    QVERIFY2(again.startsWith(u"“offline-b.csv” is being cancelled on the service, which has not answered yet."_qs),
             qPrintable(again));
    QCOMPARE(button, u"Remove &here only"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!listedIds(jobs).contains(ids.last()), 2000);
    QVERIFY2(state->text().startsWith(u"Removed “offline-b.csv” here only."_qs), qPrintable(state->text()));

    // The next session does not bring them back.
    core::BatchJobRunner reread(&m_bed.network(), &m_secrets, data.path());
    QVERIFY(reread.load().ok());
    QVERIFY(reread.jobs().isEmpty());
    // A request sent now through the same network access manager, to mark what came before it.
    // Only roughly "after any the panel sent": Qt hands a host's queued requests in order to free
    // connections, up to six per host, and three are held here; a late DELETE for the first job
    // queued before /sync would be written before it, but on another connection, so it would
    // very likely (not surely) be seen first. The check can miss a late DELETE, not invent one.
    std::unique_ptr<QNetworkReply> sync(m_bed.network().get(
        QNetworkRequest(QUrl(u"http://127.0.0.1:%1/sync"_qs.arg(silent.serverPort())))));
    QTRY_VERIFY_WITH_TIMEOUT(requests.contains(u"GET /sync HTTP/1.1"_qs), 10000);
    for (const QString &request : std::as_const(requests))
        QVERIFY2(!(request.startsWith(u"DELETE "_qs) && request.contains(u"/jobs/job-a?"_qs)), qPrintable(request));
    sync->abort();
    qDeleteAll(held);
}

// A job that was interrupted during its upload (the list says Uploading) and whose input file
// changed since: after a restart it does not send the changed file by itself; the list and the
// state say it was interrupted and why, and Retry sends the file as it is now, to the results.
void tst_BatchJobsPanel::interruptedJobWithAChangedInputIsSaidWithRetry()
{
    std::optional<core::BatchJobRecord> finished;
    for (const core::BatchJobRecord &record : m_runner->jobs()) {
        if (record.outcome == core::BatchJobRecord::Outcome::Succeeded
            && record.endpoint.target == core::BesEndpoint::Target::Direct)
            finished = record;
    }
    QVERIFY(finished);
    test::TempDir data;
    QVERIFY(data.write(u"edited.csv"_qs, "Col2\nThis is a good day\nWhat a bad movie\n"));
    core::BatchJobRecord record = *finished;
    record.id = u"c"_qs.repeated(32);
    record.name = u"edited.csv"_qs;
    record.inputFile = data.filePath(u"edited.csv"_qs);
    record.inputSize = QFileInfo(record.inputFile).size() - 3; // as it was when the job started
    record.inputModified = QFileInfo(record.inputFile).lastModified().toUTC().addSecs(-60);
    record.inputBlob = u"jobs/%1/input.csv"_qs.arg(record.id);
    record.outputBlob = u"jobs/%1/output1.csv"_qs.arg(record.id);
    record.serverJobId.clear();
    record.serverStatus.clear();
    record.step = core::BatchJobRecord::Step::Upload;
    record.outcome = core::BatchJobRecord::Outcome::Active;
    record.resultsFile = data.filePath(u"batch-results/%1.csv"_qs.arg(record.id));
    // This Azurite's connection string (an earlier test stored a wrong account key there).
    QVERIFY(test::waitFor(m_secrets.write(record.storageSecretKey, m_azurite.connectionString())).ok());
    {
        core::BatchJobStore store(data.path());
        QVERIFY(store.load().ok());
        QVERIFY(store.save(record).ok());
    }
    core::BatchJobRunner runner(&m_bed.network(), &m_secrets, data.path());
    runner.setPolling({ 50, 200, 1.5, 2 });
    QVERIFY(runner.load().ok());
    ui::BatchJobsPanel panel(&runner, &m_secrets, u"local"_qs);
    panel.resize(900, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *jobs = panel.findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);
    auto *state = panel.findChild<QLabel *>(u"batchStateLabel"_qs);
    auto *retry = panel.findChild<QPushButton *>(u"batchRetryPushButton"_qs);
    QCOMPARE(jobs->topLevelItemCount(), 1);
    QCOMPARE(jobs->topLevelItem(0)->text(1), u"Uploading the input"_qs); // as stored
    runner.resumeActive();
    QTRY_COMPARE_WITH_TIMEOUT(jobs->topLevelItem(0)->text(1), u"Interrupted: input file changed"_qs, 30000);
    const QString said = u"The job was interrupted before it reached the service. Its input file %1 changed since "
                         "the job was started, so it was not sent again. Retry sends the file as it is now."_qs
                             .arg(record.inputFile);
    QCOMPARE(jobs->topLevelItem(0)->toolTip(1), said);

    QTreeWidgetItem *item = jobs->topLevelItem(0);
    QTest::mouseClick(jobs->viewport(), Qt::LeftButton, {}, jobs->visualItemRect(item).center());
    QTRY_VERIFY(panel.currentJob() != nullptr);
    core::BatchJob *job = panel.currentJob();
    QTRY_COMPARE(state->text(), u"edited.csv: "_qs + said);
    QTRY_VERIFY(retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 60000);
    QVERIFY2(job->result().ok(), qPrintable(state->text()));
    QTRY_COMPARE(jobs->topLevelItem(0)->text(1), u"Finished"_qs);
    QTRY_COMPARE(panel.resultsView()->model()->rowCount(), 2);
}

int tst_BatchJobsPanel::submitsOf(const QString &id)
{
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"ml-read"_qs);
        db.setDatabaseName(QDir(m_bed.local().dataDir()).filePath(u"ml.db"_qs));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(u"SELECT COUNT(*) FROM bes_jobs WHERE CAST(request AS TEXT) LIKE ?"_qs);
            query.addBindValue(u"%jobs/%1/output1.csv%"_qs.arg(id));
            if (query.exec() && query.next())
                count = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(u"ml-read"_qs);
    return count;
}

// Portico closed after a job's submit was sent and before the service's answer (the job id) was
// stored: the list holds the job at the Submit step with its submit sent (as the runner leaves
// it), its input already uploaded. After resumeActive() it is not submitted again (the service
// takes no submit for it): the row says "Interrupted while submitting", the state why, in
// English and in Dutch; Remove's question says that a job on the service stays there; and the
// Retry button, which reads "Submit again", submits it once and the results come down.
void tst_BatchJobsPanel::interruptedSubmitIsNotSentAgainUntilTheUserSubmitsAgain()
{
    std::optional<core::BatchJobRecord> finished;
    for (const core::BatchJobRecord &record : m_runner->jobs()) {
        if (record.outcome == core::BatchJobRecord::Outcome::Succeeded
            && record.endpoint.target == core::BesEndpoint::Target::Direct)
            finished = record;
    }
    QVERIFY(finished);
    test::TempDir data;
    core::BatchJobRecord record = *finished;
    record.id = u"d"_qs.repeated(32);
    record.name = u"submitting.csv"_qs;
    // record.inputBlob: the finished job's input, which is in storage.
    record.outputBlob = u"jobs/%1/output1.csv"_qs.arg(record.id);
    record.serverJobId.clear();
    record.serverStatus.clear();
    record.step = core::BatchJobRecord::Step::Submit;
    record.outcome = core::BatchJobRecord::Outcome::Active;
    record.resultsFile = data.filePath(u"batch-results/%1.csv"_qs.arg(record.id));
    QJsonObject stored = record.toJson();
    stored.insert(u"submitSent"_qs, true); // written before the request left
    QVERIFY(test::waitFor(m_secrets.write(record.storageSecretKey, m_azurite.connectionString())).ok());
    {
        core::BatchJobStore store(data.path());
        QVERIFY(store.load().ok());
        auto parsed = core::BatchJobRecord::fromJson(stored);
        QVERIFY(parsed.ok());
        QVERIFY(store.save(parsed.value()).ok());
    }
    core::BatchJobRunner runner(&m_bed.network(), &m_secrets, data.path());
    runner.setPolling({ 50, 200, 1.5, 2 });
    QVERIFY(runner.load().ok());
    ui::BatchJobsPanel panel(&runner, &m_secrets, u"local"_qs);
    panel.resize(900, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *jobs = panel.findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);
    auto *state = panel.findChild<QLabel *>(u"batchStateLabel"_qs);
    auto *retry = panel.findChild<QPushButton *>(u"batchRetryPushButton"_qs);
    auto *remove = panel.findChild<QPushButton *>(u"batchRemovePushButton"_qs);
    QCOMPARE(jobs->topLevelItemCount(), 1);
    QCOMPARE(jobs->topLevelItem(0)->text(1), u"Submitting"_qs); // as stored
    runner.resumeActive();
    QTRY_COMPARE_WITH_TIMEOUT(jobs->topLevelItem(0)->text(1), u"Interrupted while submitting"_qs, 30000);
    const QString said = u"Portico closed while the job was being submitted. The service may hold a job that was never "
                         "started and that cannot be listed, so Portico did not submit it again. Submit again sends it "
                         "once more; Remove drops it from this list."_qs;
    QCOMPARE(jobs->topLevelItem(0)->toolTip(1), said);
    // It failed at once, before reading any key or opening a connection: nothing was sent.
    QVERIFY(runner.job(record.id) && runner.job(record.id)->isFinished());
    QCOMPARE(runner.job(record.id)->result().error().code, u"SubmitUnanswered"_qs);
    QCOMPARE(submitsOf(record.id), 0);

    QTreeWidgetItem *item = jobs->topLevelItem(0);
    QTest::mouseClick(jobs->viewport(), Qt::LeftButton, {}, jobs->visualItemRect(item).center());
    QTRY_VERIFY(panel.currentJob() != nullptr);
    core::BatchJob *job = panel.currentJob();
    QTRY_COMPARE(state->text(), u"submitting.csv: "_qs + said);
    QTRY_VERIFY(retry->isEnabled());
    QCOMPARE(retry->text(), u"Submi&t again"_qs);
    {
        QVERIFY(ui::installTranslations(*qApp, u"nl"_qs));
        const auto english = qScopeGuard([] {
            for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
                QCoreApplication::removeTranslator(translator);
                delete translator;
            }
        });
        QTRY_COMPARE(jobs->topLevelItem(0)->text(1), u"Onderbroken tijdens het indienen"_qs);
        QVERIFY2(state->text().startsWith(u"submitting.csv: Portico werd gesloten terwijl de taak werd ingediend."_qs),
                 qPrintable(state->text()));
        QCOMPARE(retry->text(), u"O&pnieuw indienen"_qs);
    }
    QTRY_COMPARE(retry->text(), u"Submi&t again"_qs);
    QTest::mouseClick(remove, Qt::LeftButton);
    const QString asked = answerDecision(false);
    QVERIFY2(asked.contains(u"A job the service may hold from the interrupted submit stays there"_qs), qPrintable(asked));
    QCOMPARE(submitsOf(record.id), 0);

    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 60000);
    QVERIFY2(job->result().ok(), qPrintable(state->text()));
    QCOMPARE(submitsOf(record.id), 1);
    QTRY_COMPARE(jobs->topLevelItem(0)->text(1), u"Finished"_qs);
    QCOMPARE(retry->text(), u"Re&try"_qs);
    QCOMPARE(serverStatus(job->record().serverJobId), u"Finished"_qs);
    QTRY_VERIFY(panel.resultsView()->model() && panel.resultsView()->model()->rowCount() > 0);
}

void tst_BatchJobsPanel::submitWithoutAnAnswerSaysTheServiceMayHoldTheJob_data()
{
    QTest::addColumn<int>("loss");
    QTest::addColumn<QString>("headline"); // %1: the service's host and port
    QTest::addColumn<QString>("dutchHeadline");
    QTest::addColumn<QString>("listed");
    QTest::newRow("no answer in time") << int(test::FlakyProxy::Loss::Stall)
                                       << u"The batch service at %1 did not answer the submit in time."_qs
                                       << u"De batchservice op %1 antwoordde niet op tijd op het indienen."_qs
                                       << u"Failed: no answer in time"_qs;
    QTest::newRow("connection closed") << int(test::FlakyProxy::Loss::Disconnect)
                                       << u"The connection to the batch service at %1 closed before the service "
                                          "answered the submit."_qs
                                       << u"De verbinding met de batchservice op %1 werd verbroken voordat de "
                                          "service op het indienen antwoordde."_qs
                                       << u"Failed: connection closed before the answer"_qs;
}

// The batch service takes the submit, but its answer is lost on the way (a proxy in front of
// portico-local drops it, and either keeps the connection silent until the submit times out or
// closes it): the submit fails while the service does hold the job. The state and the row's
// tooltip say that it may hold it, that this cannot be checked, and what Submit again and
// Remove do; in Dutch too. Nothing is submitted again by itself.
void tst_BatchJobsPanel::submitWithoutAnAnswerSaysTheServiceMayHoldTheJob()
{
    QFETCH(int, loss);
    QFETCH(QString, headline);
    QFETCH(QString, dutchHeadline);
    QFETCH(QString, listed);
    const QUrl ml = m_bed.local().mlUrl();
    test::FlakyProxy proxy;
    QVERIFY(proxy.listen(QHostAddress(ml.host()), quint16(ml.port())));
    proxy.loseAnswerWhen([](const test::FlakyProxy::Request &request) {
        return request.method == "POST" && request.target.contains("/jobs?");
    }, test::FlakyProxy::Loss(loss));
    QUrl throughProxy = ml;
    throughProxy.setPort(proxy.port());
    test::TempDir data;
    QVERIFY(data.write(u"lost-answer.csv"_qs, "Col2\nThis is a good day\n"));
    const core::BatchJobSpec spec =
        directJob(data.filePath(u"lost-answer.csv"_qs), u"portico-lost-answer"_qs, throughProxy);
    core::BatchJobRunner runner(&m_bed.network(), &m_secrets, data.filePath(u"batch"_qs));
    runner.setPolling({ 50, 200, 1.5, 2 });
    runner.setCallTimeouts({ 1000, 20000 }); // no data for 1 s: no answer
    QVERIFY(runner.load().ok());
    ui::BatchJobsPanel panel(&runner, &m_secrets, u"local"_qs);
    panel.resize(900, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *jobs = panel.findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);
    auto *state = panel.findChild<QLabel *>(u"batchStateLabel"_qs);
    auto *retry = panel.findChild<QPushButton *>(u"batchRetryPushButton"_qs);

    auto submitted = runner.submit(spec);
    QVERIFY2(submitted.ok(), submitted.ok() ? "" : qPrintable(submitted.error().message));
    core::BatchJob *job = submitted.value();
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 60000);
    QCOMPARE(job->record().outcome, core::BatchJobRecord::Outcome::Failed);
    QCOMPARE(proxy.lost(), 1);
    QTRY_COMPARE(submitsOf(job->id()), 1); // the service holds the job
    const QString host = u"%1:%2"_qs.arg(throughProxy.host()).arg(throughProxy.port());
    const QString said = headline.arg(host)
        + u" It may have received the job all the same and hold it without starting it; the service cannot list "
          "its jobs, so Portico cannot check. Submit again sends the job once more, which can leave a second job "
          "there; Remove drops it from this list."_qs;
    QTRY_COMPARE(jobs->topLevelItemCount(), 1);
    QTRY_COMPARE(jobs->topLevelItem(0)->toolTip(1), said);
    QCOMPARE(jobs->topLevelItem(0)->text(1), listed);

    QTreeWidgetItem *item = jobs->topLevelItem(0);
    QTest::mouseClick(jobs->viewport(), Qt::LeftButton, {}, jobs->visualItemRect(item).center());
    QTRY_VERIFY(panel.currentJob() == job);
    QTRY_COMPARE(state->text(), u"lost-answer.csv: "_qs + said);
    QTRY_VERIFY(retry->isEnabled());
    QCOMPARE(retry->text(), u"Submi&t again"_qs);
    {
        QVERIFY(ui::installTranslations(*qApp, u"nl"_qs));
        const auto english = qScopeGuard([] {
            for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
                QCoreApplication::removeTranslator(translator);
                delete translator;
            }
        });
        QTRY_VERIFY2(state->text().startsWith(u"lost-answer.csv: "_qs + dutchHeadline.arg(host)), qPrintable(state->text()));
        QVERIFY2(state->text().contains(u"tweede taak"_qs), qPrintable(state->text()));
    }
    // The job finished when its one submit failed, and the proxy counts a request as it
    // forwards it: nothing more went out for it (no second submit, no start).
    QVERIFY(job->isFinished());
    QCOMPARE(proxy.forwarded(), 1);
    QCOMPARE(submitsOf(job->id()), 1);
}

// Something at the batch service's address reads the submit and starts an answer that it cuts
// off: the submit left, so the service may hold the job, but the connection did not close before
// an answer began. The state says the service did not answer the submit (not that the connection
// closed first), that it may hold the job, and offers Submit again.
void tst_BatchJobsPanel::submitAnsweredInPartSaysItWasNotAnswered()
{
    QTcpServer garbled; // reads each request, sends 4 of the 100 bytes it announces and closes
    QByteArray received;
    connect(&garbled, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = garbled.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &received] {
                received += socket->readAll();
                if (!received.contains("\r\n\r\n"))
                    return;
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n\"cut");
                socket->disconnectFromHost();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    QVERIFY(garbled.listen(QHostAddress::LocalHost));
    QUrl base = m_bed.local().mlUrl();
    base.setHost(u"127.0.0.1"_qs);
    base.setPort(garbled.serverPort());
    test::TempDir data;
    QVERIFY(data.write(u"garbled.csv"_qs, "Col2\nThis is a good day\n"));
    const core::BatchJobSpec spec = directJob(data.filePath(u"garbled.csv"_qs), u"portico-garbled"_qs, base);
    core::BatchJobRunner runner(&m_bed.network(), &m_secrets, data.filePath(u"batch"_qs));
    runner.setPolling({ 50, 200, 1.5, 2 });
    QVERIFY(runner.load().ok());
    ui::BatchJobsPanel panel(&runner, &m_secrets, u"local"_qs);
    panel.resize(900, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *jobs = panel.findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);
    auto *state = panel.findChild<QLabel *>(u"batchStateLabel"_qs);
    auto *retry = panel.findChild<QPushButton *>(u"batchRetryPushButton"_qs);

    auto submitted = runner.submit(spec);
    QVERIFY2(submitted.ok(), submitted.ok() ? "" : qPrintable(submitted.error().message));
    core::BatchJob *job = submitted.value();
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 60000);
    QCOMPARE(job->record().outcome, core::BatchJobRecord::Outcome::Failed);
    QVERIFY2(received.startsWith("POST "), received.constData());
    const QString said = u"The batch service at 127.0.0.1:%1 did not answer the submit. It may have received the "
                         "job all the same and hold it without starting it; the service cannot list its jobs, so "
                         "Portico cannot check. Submit again sends the job once more, which can leave a second job "
                         "there; Remove drops it from this list."_qs.arg(base.port());
    QTRY_COMPARE(jobs->topLevelItemCount(), 1);
    QTRY_COMPARE(jobs->topLevelItem(0)->toolTip(1), said);
    QCOMPARE(jobs->topLevelItem(0)->text(1), u"Failed: no answer to the submit"_qs);

    QTreeWidgetItem *item = jobs->topLevelItem(0);
    QTest::mouseClick(jobs->viewport(), Qt::LeftButton, {}, jobs->visualItemRect(item).center());
    QTRY_VERIFY(panel.currentJob() == job);
    QTRY_COMPARE(state->text(), u"garbled.csv: "_qs + said);
    QTRY_VERIFY(retry->isEnabled());
    QCOMPARE(retry->text(), u"Submi&t again"_qs);
}

void tst_BatchJobsPanel::submitThatNeverLeftSaysTheServiceDidNotAcceptIt_data()
{
    QTest::addColumn<bool>("closing");
    QTest::newRow("nothing listens") << false;
    // Something takes the connection to the https address and closes it before the TLS
    // handshake, so before the request could be written.
    QTest::newRow("connection closed before the request left") << true;
}

// The batch service cannot be reached (nothing listens at its address, or the connection closes
// before the request is sent): the submit never left, so the service holds no job. The state
// says it did not accept the job and why, and the button is a plain Retry, not "Submit again"
// with its warning about a second job.
void tst_BatchJobsPanel::submitThatNeverLeftSaysTheServiceDidNotAcceptIt()
{
    QFETCH(bool, closing);
    QTcpServer probe; // a port where nothing listens, or one that closes each connection at once
    connect(&probe, &QTcpServer::newConnection, this, [&probe] {
        while (QTcpSocket *socket = probe.nextPendingConnection()) {
            socket->abort();
            socket->deleteLater();
        }
    });
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    QUrl unreachable = m_bed.local().mlUrl();
    unreachable.setHost(u"127.0.0.1"_qs);
    unreachable.setPort(probe.serverPort());
    if (closing)
        unreachable.setScheme(u"https"_qs);
    else
        probe.close();
    test::TempDir data;
    QVERIFY(data.write(u"refused.csv"_qs, "Col2\nThis is a good day\n"));
    const core::BatchJobSpec spec =
        directJob(data.filePath(u"refused.csv"_qs), u"portico-refused"_qs, unreachable);
    core::BatchJobRunner runner(&m_bed.network(), &m_secrets, data.filePath(u"batch"_qs));
    runner.setPolling({ 50, 200, 1.5, 2 });
    QVERIFY(runner.load().ok());
    ui::BatchJobsPanel panel(&runner, &m_secrets, u"local"_qs);
    panel.resize(900, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *jobs = panel.findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);
    auto *state = panel.findChild<QLabel *>(u"batchStateLabel"_qs);
    auto *retry = panel.findChild<QPushButton *>(u"batchRetryPushButton"_qs);
    auto *remove = panel.findChild<QPushButton *>(u"batchRemovePushButton"_qs);

    auto submitted = runner.submit(spec);
    QVERIFY2(submitted.ok(), submitted.ok() ? "" : qPrintable(submitted.error().message));
    core::BatchJob *job = submitted.value();
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 60000);
    QCOMPARE(job->record().outcome, core::BatchJobRecord::Outcome::Failed);
    QCOMPARE(job->record().step, core::BatchJobRecord::Step::Submit);
    const QString said = u"The batch service did not accept the job. The batch service at 127.0.0.1:%1 cannot be "
                         "reached."_qs.arg(unreachable.port());
    QTRY_COMPARE(jobs->topLevelItemCount(), 1);
    QTRY_COMPARE(jobs->topLevelItem(0)->toolTip(1), said);
    QCOMPARE(jobs->topLevelItem(0)->text(1), u"Failed: cannot reach the service"_qs);

    QTreeWidgetItem *item = jobs->topLevelItem(0);
    QTest::mouseClick(jobs->viewport(), Qt::LeftButton, {}, jobs->visualItemRect(item).center());
    QTRY_VERIFY(panel.currentJob() == job);
    QTRY_COMPARE(state->text(), u"refused.csv: "_qs + said);
    QTRY_VERIFY(retry->isEnabled());
    QCOMPARE(retry->text(), u"Re&try"_qs);
    QTest::mouseClick(remove, Qt::LeftButton);
    const QString asked = answerDecision(false);
    QVERIFY2(asked.contains(u"Its downloaded results are deleted too."_qs), qPrintable(asked));
}

// The job list cannot be written when a job is about to be submitted (its directory became a
// regular file; even root cannot write under that): the submit is not sent, and the row and
// the state say why.
void tst_BatchJobsPanel::submitIsNotSentWhenTheJobListCannotBeWritten()
{
    std::optional<core::BatchJobRecord> finished;
    for (const core::BatchJobRecord &record : m_runner->jobs()) {
        if (record.outcome == core::BatchJobRecord::Outcome::Succeeded
            && record.endpoint.target == core::BesEndpoint::Target::Direct)
            finished = record;
    }
    QVERIFY(finished);
    test::TempDir data;
    const QString listDir = data.filePath(u"batch"_qs);
    core::BatchJobRecord record = *finished;
    record.id = u"e"_qs.repeated(32);
    record.name = u"unlisted.csv"_qs;
    // record.inputBlob: the finished job's input, which is in storage: the next step is the submit.
    record.outputBlob = u"jobs/%1/output1.csv"_qs.arg(record.id);
    record.serverJobId.clear();
    record.serverStatus.clear();
    record.step = core::BatchJobRecord::Step::Submit;
    record.submitSent = false;
    record.outcome = core::BatchJobRecord::Outcome::Active;
    record.resultsFile = data.filePath(u"batch-results/%1.csv"_qs.arg(record.id));
    QVERIFY(test::waitFor(m_secrets.write(record.storageSecretKey, m_azurite.connectionString())).ok());
    {
        core::BatchJobStore store(listDir);
        QVERIFY(store.load().ok());
        QVERIFY(store.save(record).ok());
    }
    core::BatchJobRunner runner(&m_bed.network(), &m_secrets, listDir);
    runner.setPolling({ 50, 200, 1.5, 2 });
    QVERIFY(runner.load().ok());
    ui::BatchJobsPanel panel(&runner, &m_secrets, u"local"_qs);
    panel.resize(900, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *jobs = panel.findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);
    auto *state = panel.findChild<QLabel *>(u"batchStateLabel"_qs);
    QCOMPARE(jobs->topLevelItemCount(), 1);

    // A regular file where the list's directory was.
    const QString moved = data.filePath(u"batch-moved"_qs);
    QVERIFY(QDir().rename(listDir, moved));
    QVERIFY(data.write(u"batch"_qs, "not a directory\n"));
    auto restore = qScopeGuard([&] {
        QFile::remove(listDir);
        QDir().rename(moved, listDir);
    });

    runner.resumeActive();
    QTRY_VERIFY_WITH_TIMEOUT(runner.job(record.id) && runner.job(record.id)->isFinished(), 30000);
    core::BatchJob *job = runner.job(record.id);
    QCOMPARE(job->record().outcome, core::BatchJobRecord::Outcome::Failed);
    const QString said = u"The job was not submitted. The job list could not be written (is the disk full?)."_qs;
    QTRY_COMPARE(jobs->topLevelItem(0)->toolTip(1), said);
    QTreeWidgetItem *item = jobs->topLevelItem(0);
    QTest::mouseClick(jobs->viewport(), Qt::LeftButton, {}, jobs->visualItemRect(item).center());
    QTRY_VERIFY(panel.currentJob() == job);
    QTRY_COMPARE(state->text(), u"unlisted.csv: "_qs + said);
    // It failed before its submit request was made (the request is made only once the list
    // says it was sent): nothing went out.
    QVERIFY(!job->record().submitMayHaveReachedService());
    QCOMPARE(submitsOf(record.id), 0);
}

void tst_BatchJobsPanel::failedExportKeepsTheExistingFileAndSaysWhy_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("reason");
    QTest::newRow("results missing") << u"results-missing"_qs << u"No such file or directory"_qs;
    QTest::newRow("disk full") << u"disk-full"_qs << u"File too large"_qs;
}

void tst_BatchJobsPanel::failedExportKeepsTheExistingFileAndSaysWhy()
{
    QFETCH(QString, scenario);
    QFETCH(QString, reason);
    ui::BatchJobsPanel *panel = m_workspace->batchJobs();
    QVERIFY(selectAFinishedJob());
    const QString name = u"export-keep-%1.csv"_qs.arg(scenario);
    const QString target = m_dir.filePath(name);
    const QByteArray earlier = "an earlier export the user keeps\n";
    QVERIFY(m_dir.write(name, earlier));
    const QString results = panel->currentJob()->record().resultsFile;
    const QString aside = results + u".aside"_qs;
    auto restore = qScopeGuard([&] {
        if (QFile::exists(aside))
            QFile::rename(aside, results);
    });
    struct rlimit unlimited {};
    QVERIFY(::getrlimit(RLIMIT_FSIZE, &unlimited) == 0);
    auto lift = qScopeGuard([&] { ::setrlimit(RLIMIT_FSIZE, &unlimited); });
    if (scenario == u"results-missing") {
        QVERIFY(QFile::rename(results, aside)); // e.g. removed by a cleaner
    } else {
        // The disk fills up mid-way: writes beyond the first bytes fail (EFBIG instead of the
        // process being killed by SIGXFSZ).
        ::signal(SIGXFSZ, SIG_IGN);
        QVERIFY(QFileInfo(results).size() > 64);
        struct rlimit tiny = unlimited;
        tiny.rlim_cur = 64;
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &tiny) == 0);
    }
    const QString said = exportTo(target);
    ::setrlimit(RLIMIT_FSIZE, &unlimited);
    lift.dismiss();
    QVERIFY2(said.startsWith(u"Could not export the results"_qs), qPrintable(said));
    QVERIFY2(said.contains(reason), qPrintable(said));
    QFile kept(target);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), earlier);
    QCOMPARE(QDir(m_dir.path()).entryList({ name + u'*' }, QDir::Files | QDir::Hidden), QStringList { name });
}

QTEST_MAIN(tst_BatchJobsPanel)
#include "tst_batchjobspanel.moc"
