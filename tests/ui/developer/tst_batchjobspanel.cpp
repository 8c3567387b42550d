// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The Batch jobs tab against the real portico-local and real Azurite: an input CSV is sent
// through the gateway's BES operations with a subscription chosen by name (its key goes to the
// keychain, never into the panel) and directly to the ML service; the live status ends in
// Finished and the results table shows the feature-hashing output row by row.

#include "core/arm/armclient.h"
#include "core/arm/armrequest.h"
#include "core/auth/statictokenprovider.h"
#include "core/batch/batchjob.h"
#include "core/batch/batchjobrunner.h"
#include "core/secrets/inmemorysecretstore.h"
#include "core/secrets/secretstore.h"
#include "core/tryit/tryithistory.h"
#include "tests/support/azuritefixture.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/ui/publishertestbed.h"
#include "tests/support/secretjobs.h"
#include "tests/support/tempdir.h"
#include "ui/common/operationtracker.h"
#include "ui/developer/batchjobspanel.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/developerworkspace.h"
#include "ui/publisher/azuremldefinition.h"
#include "ui/publisher/publishercontroller.h"

#include <QComboBox>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace portico;

namespace {
const QString kService = test::localServiceId(u"batchui"_qs);
const QStringList kReviews { u"This is a good day"_qs, u"What a bad movie"_qs, u"good good good"_qs };
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
    void cancelStopsTheJob();

private:
    core::Result<QJsonObject> call(core::ArmRequest request);
    void runJobAndCheckResults(int target);

    test::PorticoLocalFixture m_local;
    test::AzuriteFixture m_azurite;
    test::TempDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_client;
    ui::OperationTracker m_operations;
    std::unique_ptr<ui::PublisherController> m_publisher;
    core::InMemorySecretStore m_secrets;
    core::TryItHistory m_history;
    std::unique_ptr<ui::DeveloperController> m_controller;
    std::unique_ptr<core::BatchJobRunner> m_runner;
    std::unique_ptr<ui::DeveloperWorkspace> m_workspace;
    QString m_input;
    QString m_subscriptionKey;
};

core::Result<QJsonObject> tst_BatchJobsPanel::call(core::ArmRequest request)
{
    return test::callAndWait(*m_publisher, std::move(request), this);
}

void tst_BatchJobsPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_local.start(), qPrintable(m_local.errorString()));
    QVERIFY2(m_azurite.start(), qPrintable(m_azurite.errorString()));
    m_tokens = std::make_unique<core::StaticTokenProvider>(m_local.token());
    m_client = std::make_unique<core::ArmClient>(&m_network, m_local.managementUrl(), m_tokens.get());
    m_publisher = std::make_unique<ui::PublisherController>(m_client.get(), &m_operations);
    m_publisher->setService(kService);
    const auto service = test::createLocalService(*m_publisher, kService, this);
    QVERIFY2(service.ok(), service.ok() ? "" : qPrintable(service.error().message));
    std::optional<core::Result<void>> added;
    m_publisher->addAzureMl(ui::AzureMlDefinition::localSample(m_local.mlUrl().toString(QUrl::StripTrailingSlash)),
                            m_local.mlKey(), this, [&added](const core::Result<void> &r) { added = r; });
    QVERIFY(QTest::qWaitFor([&] { return added.has_value(); }, 60000) && added->ok());
    // Unlimited: the batch steps are more calls than Starter's five a minute.
    QVERIFY(call(core::ArmRequest::put(kService + u"/products/unlimited/apis/azureml-demo-api"_qs, QJsonObject())).ok());
    QVERIFY(call(core::ArmRequest::put(kService + u"/subscriptions/batch-developer"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"scope"_qs, u"/products/unlimited"_qs },
                                          { u"displayName"_qs, u"Batch developer"_qs },
                                          { u"state"_qs, u"active"_qs } } } })).ok());
    const auto keys = call(core::ArmRequest::post(kService + u"/subscriptions/batch-developer/listSecrets"_qs));
    QVERIFY(keys.ok());
    m_subscriptionKey = keys.value().value(u"primaryKey"_qs).toString();

    m_input = m_dir.filePath(u"reviews.csv"_qs);
    QFile csv(m_input);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("Col2\n");
    for (const QString &review : kReviews)
        csv.write(review.toUtf8() + '\n');
    csv.close();

    QVERIFY(m_history.open(m_dir.filePath(u"history.sqlite"_qs)));
    m_controller = std::make_unique<ui::DeveloperController>(m_client.get(), &m_network, &m_history);
    m_controller->setService(kService);
    m_controller->setSecretStore(&m_secrets, u"local"_qs);
    m_runner = std::make_unique<core::BatchJobRunner>(&m_network, &m_secrets, m_dir.filePath(u"batch"_qs));
    QVERIFY(m_runner->load().ok());
    core::BatchPolling fast;
    fast.initialIntervalMs = 100;
    fast.maxIntervalMs = 500;
    m_runner->setPolling(fast);
    m_workspace = std::make_unique<ui::DeveloperWorkspace>(m_controller.get());
    m_workspace->setBatchRunner(m_runner.get(), &m_secrets, u"local"_qs);
    QVERIFY(test::waitFor(m_secrets.write(core::SecretStore::makeKey(u"local"_qs, u"ml-key"_qs), m_local.mlKey())).ok());
    m_workspace->batchJobs()->setDirectService(m_local.mlUrl(), core::SecretStore::makeKey(u"local"_qs, u"ml-key"_qs));
    m_workspace->batchJobs()->setWorkspaceAndService(u"local"_qs, u"feature-hashing"_qs);
    m_workspace->resize(1200, 900);
    m_workspace->show();
    QSignalSpy subscriptions(m_controller.get(), &ui::DeveloperController::subscriptionsLoaded);
    m_controller->refresh();
    QVERIFY(subscriptions.wait(30000));
    m_workspace->showTab(ui::DeveloperWorkspace::Tab::Batch);
}

void tst_BatchJobsPanel::cleanupTestCase()
{
    m_workspace.reset();
    m_runner.reset();
    m_controller.reset();
    m_history.close();
    m_publisher.reset();
    m_client.reset();
    m_azurite.stop();
    m_local.stop();
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
    QTest::mouseClick(panel->findChild<QPushButton *>(u"batchSubmitPushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(panel->currentJob() != nullptr, 30000);
    core::BatchJob *job = panel->currentJob();
    QStringList statuses;
    connect(job, &core::BatchJob::statusChanged, this, [&statuses](const QString &s) { statuses << s; });
    QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 120000);
    QVERIFY2(job->result().ok(), qPrintable(panel->findChild<QLabel *>(u"batchStateLabel"_qs)->text()));
    QVERIFY2(panel->findChild<QLabel *>(u"batchStateLabel"_qs)->text().contains(u"Finished"_qs),
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

void tst_BatchJobsPanel::cancelStopsTheJob()
{
    // Large enough that the job is still in flight when Cancel is clicked.
    const QString big = m_dir.filePath(u"big.csv"_qs);
    QFile csv(big);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("Col2\n");
    QByteArray chunk;
    for (int i = 0; i < 10000; ++i)
        chunk += "This is a good day for a long review of a movie\n";
    for (int i = 0; i < 100; ++i)
        csv.write(chunk);
    csv.close();
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

QTEST_MAIN(tst_BatchJobsPanel)
#include "tst_batchjobspanel.moc"
