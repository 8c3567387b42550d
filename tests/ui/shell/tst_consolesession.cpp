// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The console's environment wiring against the real portico-local: the session starts and
// supervises it, says so in the status bar, tells the user there is no service yet instead
// of showing an empty catalog, picks up a service once there is one, and when the child is
// killed shows a banner, restarts it and carries on. The portico-local service the user
// selected last is the one the console is on after a restart, not the first one listed.

#include "core/arm/armclient.h"
#include "core/arm/armjob.h"
#include "core/arm/armrequest.h"
#include "core/batch/batchjob.h"
#include "core/batch/batchjobrunner.h"
#include "core/environments/localsupervisor.h"
#include <QAction>
#include "core/secrets/inmemorysecretstore.h"
#include "core/settings/settings.h"
#include "tests/local/management/armtestclient.h"
#include "tests/support/azuritefixture.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/tempdir.h"
#include "ui/common/bannerwidget.h"
#include "ui/developer/apicatalogmodel.h"
#include "ui/developer/apicatalogpanel.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/batchjobspanel.h"
#include "ui/developer/developerworkspace.h"
#include "ui/shell/consolesession.h"
#include "ui/shell/mainwindow.h"
#include "ui/publisher/publisherworkspace.h"
#include "ui/publisher/addazuremldialog.h"
#include <QLineEdit>
#include <QPushButton>
#include "core/itemmodels/navigationtreemodel.h"
#include <QAbstractProxyModel>
#include <QTreeView>

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>
#include <QFile>
#include <QFileInfo>

#include <csignal>

using namespace portico;

class tst_ConsoleSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void supervisesPorticoLocalAndFollowsItsServices();
    void attachesToARunningPorticoLocal();
    void serviceUsedLastIsSelectedAgainAfterARestart();
    void batchJobsThatRanOnWhileClosedCatchUpByThemselves();

private:
    test::TempDir m_dir;
};

void tst_ConsoleSession::supervisesPorticoLocalAndFollowsItsServices()
{
    core::Settings settings(m_dir.filePath(u"settings.ini"_qs));
    core::InMemorySecretStore secrets;
    ui::MainWindow window(settings);
    ui::ConsoleSession session(&window, &secrets, m_dir.filePath(u"history.sqlite"_qs));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy connected(&session, &ui::ConsoleSession::connected);
    session.startLocal(test::PorticoLocalFixture::executable(), m_dir.filePath(u"local"_qs));
    QVERIFY(connected.wait(30000));

    auto *status = window.findChild<QLabel *>(u"environmentStatusLabel"_qs);
    QVERIFY2(status->text().contains(u"running"_qs), qPrintable(status->text()));
    QCOMPARE(window.modePage(ui::MainWindow::Mode::Developer), session.developerWorkspace());
    // No service yet: said in words, with where to create one.
    ui::BannerWidget *banner = session.developerWorkspace()->banner();
    QVERIFY2(banner->text().contains(u"New service instance"_qs), qPrintable(banner->text()));

    // A service appears (created through the same management API) and Refresh picks it up.
    const QString service = u"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/portico-local"
                            "/providers/Microsoft.ApiManagement/service/sessiontest"_qs;
    core::ArmRequest create = core::ArmRequest::put(service, QJsonObject {
        { u"location"_qs, u"local"_qs },
        { u"sku"_qs, QJsonObject { { u"name"_qs, u"Developer"_qs }, { u"capacity"_qs, 1 } } },
        { u"properties"_qs, QJsonObject { { u"publisherEmail"_qs, u"admin@contoso.com"_qs },
                                          { u"publisherName"_qs, u"Contoso"_qs } } } });
    create.longRunning = true;
    core::ArmJob *job = session.client()->send(create);
    QSignalSpy created(job, &core::ArmJob::finished);
    QVERIFY(created.wait(60000));
    QVERIFY(job->result().ok());
    QSignalSpy catalog(session.developer(), &ui::DeveloperController::catalogLoaded);
    window.findChild<QAction *>(u"refreshAction"_qs)->trigger(); // F5
    QVERIFY(catalog.wait(30000));
    QTRY_COMPARE(session.serviceId(), service);
    QVERIFY(window.windowTitle().contains(u"sessiontest"_qs));
    QVERIFY(banner->text().isEmpty()); // the catalog replaced the "no service yet" message

    // The navigation tree shows the service; its Products folder opens the products page.
    core::NavigationTreeModel *nav = session.navigation();
    QTRY_VERIFY_WITH_TIMEOUT(nav->findArmId(service).isValid(), 10000);
    const QModelIndex serviceIndex = nav->findArmId(service);
    auto *proxy = qobject_cast<QAbstractProxyModel *>(window.navigationView()->model());
    QVERIFY(proxy);
    window.navigationView()->expand(proxy->mapFromSource(serviceIndex)); // as a click on its arrow
    QTRY_VERIFY_WITH_TIMEOUT(nav->folder(serviceIndex, core::NavigationTreeModel::Kind::ProductsFolder).isValid(), 10000);
    const QModelIndex products = nav->folder(serviceIndex, core::NavigationTreeModel::Kind::ProductsFolder);
    QCOMPARE(proxy->mapFromSource(products).data().toString(), u"Products"_qs);
    window.setMode(ui::MainWindow::Mode::Publisher);
    window.navigationView()->setCurrentIndex(proxy->mapFromSource(products));
    QCOMPARE(session.publisherWorkspace()->currentPage(), ui::PublisherWorkspace::Page::Products);
    QCOMPARE(window.modePage(ui::MainWindow::Mode::Publisher), session.publisherWorkspace());

    // File → Add AzureML web service: the local sample is pre-filled, so it is one click.
    window.findChild<QAction *>(u"addAzureMlAction"_qs)->trigger();
    ui::AddAzureMlDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<ui::AddAzureMlDialog *>()) != nullptr);
    QCOMPARE(dialog->findChild<QLineEdit *>(u"mlBaseUrlLineEdit"_qs)->text(),
             session.endpoints().ml.toString(QUrl::StripTrailingSlash));
    QSignalSpy catalogAgain(session.developer(), &ui::DeveloperController::catalogLoaded);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"addAzureMlPushButton"_qs), Qt::LeftButton);
    QVERIFY(catalogAgain.wait(60000));
    QVERIFY(session.developerWorkspace()->catalog()->model()->indexOf(u"AzureML Demo API"_qs).isValid());

    // The child dies: a banner says so, the supervisor restarts it, the console reconnects.
    QSignalSpy again(&session, &ui::ConsoleSession::connected);
    const qint64 pid = session.supervisor()->processId();
    QVERIFY(pid > 0);
    ::kill(pid_t(pid), SIGKILL);
    QTRY_VERIFY_WITH_TIMEOUT(window.connectionBanner()->text().contains(u"stopped unexpectedly"_qs), 10000);
    QVERIFY(again.wait(30000));
    QTRY_VERIFY(status->text().contains(u"running"_qs));
    QVERIFY(window.connectionBanner()->text().isEmpty());
    QCOMPARE(session.serviceId(), service);
    QVERIFY(session.supervisor()->processId() != pid);
}

// ./run.sh starts portico-local itself and hands the console its ready line.
void tst_ConsoleSession::attachesToARunningPorticoLocal()
{
    test::PorticoLocalFixture local;
    QVERIFY2(local.start(), qPrintable(local.errorString()));
    const auto endpoints = core::LocalEndpoints::fromReadyLine(QJsonDocument(local.readyLine()).toJson(QJsonDocument::Compact));
    QVERIFY(endpoints.ok());
    core::Settings settings(m_dir.filePath(u"settings-attach.ini"_qs));
    core::InMemorySecretStore secrets;
    ui::MainWindow window(settings);
    ui::ConsoleSession session(&window, &secrets, m_dir.filePath(u"history-attach.sqlite"_qs));
    QSignalSpy connected(&session, &ui::ConsoleSession::connected);
    session.attachLocal(endpoints.value());
    QVERIFY(connected.wait(30000));
    QCOMPARE(session.supervisor(), nullptr);
    QVERIFY(window.findChild<QLabel *>(u"environmentStatusLabel"_qs)->text().contains(local.managementUrl().toString()));
    QVERIFY(session.developerWorkspace()->banner()->text().contains(u"New service instance"_qs));
    // Stopping it is a banner with Retry, not an empty window.
    local.stop();
    window.findChild<QAction *>(u"refreshAction"_qs)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.connectionBanner()->text().contains(u"Could not reach the management API"_qs), 30000);
}

void tst_ConsoleSession::serviceUsedLastIsSelectedAgainAfterARestart()
{
    test::PorticoLocalFixture local;
    QVERIFY2(local.start(), qPrintable(local.errorString()));
    test::ArmTestClient arm(local.managementUrl(), local.token());
    QString failure;
    QVERIFY2(arm.createService(u"alpha"_qs, &failure), qPrintable(failure));
    QVERIFY2(arm.createService(u"beta"_qs, &failure), qPrintable(failure));
    const auto endpoints = core::LocalEndpoints::fromReadyLine(QJsonDocument(local.readyLine()).toJson(QJsonDocument::Compact));
    QVERIFY(endpoints.ok());
    core::Settings settings(m_dir.filePath(u"settings-last-service.ini"_qs));
    core::InMemorySecretStore secrets;
    QString chosen;
    for (int run = 0; run < 2; ++run) {
        ui::MainWindow window(settings);
        ui::ConsoleSession session(&window, &secrets, m_dir.filePath(u"history-last-service.sqlite"_qs));
        session.enableAzureEnvironments(&settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy connected(&session, &ui::ConsoleSession::connected);
        session.attachLocal(endpoints.value());
        QVERIFY(connected.wait(30000));
        core::NavigationTreeModel *nav = session.navigation();
        auto *proxy = qobject_cast<QAbstractProxyModel *>(window.navigationView()->model());
        QVERIFY(proxy);
        if (run == 0) {
            // The console picks the first service listed; the user clicks the other one.
            QVERIFY(!session.serviceId().isEmpty());
            chosen = test::ArmTestClient::servicePath(session.serviceId().endsWith(u"/alpha"_qs) ? u"beta"_qs
                                                                                              : u"alpha"_qs);
            QTRY_VERIFY_WITH_TIMEOUT(nav->findArmId(chosen).isValid(), 10000);
            QTreeView *tree = window.navigationView();
            const QModelIndex shown = proxy->mapFromSource(nav->findArmId(chosen));
            QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(shown).center());
            QCOMPARE(tree->currentIndex(), shown);
            QCOMPARE(session.serviceId(), chosen);
        } else {
            // After the restart: that service, in the tree and the panels, not the first one.
            QTRY_COMPARE_WITH_TIMEOUT(session.serviceId(), chosen, 10000);
            QTRY_COMPARE_WITH_TIMEOUT(window.navigationView()->currentIndex().data(core::NavigationTreeModel::ArmIdRole).toString(),
                                      chosen, 10000);
            QTest::qWait(200); // nothing switches back to the first service afterwards
            QCOMPARE(session.serviceId(), chosen);
            QVERIFY(window.windowTitle().startsWith(chosen.section(u'/', -1)));
        }
    }
}

// Portico closes while a batch job runs on the ML service and opens again: the job's row goes
// on to Finished and its results are downloaded, without the user selecting it.
void tst_ConsoleSession::batchJobsThatRanOnWhileClosedCatchUpByThemselves()
{
    test::PorticoLocalFixture local;
    QVERIFY2(local.start(), qPrintable(local.errorString()));
    test::AzuriteFixture azurite;
    QVERIFY2(azurite.start(), qPrintable(azurite.errorString()));
    core::InMemorySecretStore secrets;
    secrets.writeNow(u"local/batch-test/ml-key"_qs, local.mlKey());
    secrets.writeNow(u"local/batch-test/storage"_qs, azurite.connectionString());
    const QString history = m_dir.filePath(u"batch-session/history.sqlite"_qs);
    const QString batchDir = m_dir.filePath(u"batch-session/batch"_qs);
    QVERIFY(QDir().mkpath(m_dir.filePath(u"batch-session"_qs)));
    const int rows = 300000;
    QVERIFY(m_dir.write(u"batch-session/input.csv"_qs, [rows] {
        QByteArray csv = "Col2\nThis is a good day\n";
        for (int r = 1; r < rows; ++r)
            csv += "review " + QByteArray::number(r) + " was good value\n";
        return csv;
    }()));

    // The earlier session: the job is sent and runs on the service when Portico closes.
    QString id;
    QString resultsFile;
    {
        QNetworkAccessManager network;
        core::BatchJobRunner before(&network, &secrets, batchDir);
        before.setPolling({ 100, 500, 1.5, 5 });
        QVERIFY(before.load().ok());
        core::BatchJobSpec spec;
        spec.inputFile = m_dir.filePath(u"batch-session/input.csv"_qs);
        spec.container = u"session-resume"_qs;
        spec.storageSecretKey = u"local/batch-test/storage"_qs;
        spec.endpoint.target = core::BesEndpoint::Target::Direct;
        spec.endpoint.baseUrl = local.mlUrl();
        spec.endpoint.credentialKey = u"local/batch-test/ml-key"_qs;
        spec.endpoint.workspace = u"local"_qs;
        spec.endpoint.service = u"feature-hashing"_qs;
        auto submitted = before.submit(spec);
        QVERIFY2(submitted.ok(), submitted.ok() ? "" : qPrintable(submitted.error().message));
        core::BatchJob *job = submitted.value();
        id = job->id();
        resultsFile = job->record().resultsFile;
        QTRY_VERIFY_WITH_TIMEOUT(job->serverStatus() == u"Running"_qs || job->isFinished(), 120000);
        QVERIFY(!job->isFinished());
    }
    QVERIFY(!QFile::exists(resultsFile));

    const auto endpoints = core::LocalEndpoints::fromReadyLine(QJsonDocument(local.readyLine()).toJson(QJsonDocument::Compact));
    QVERIFY(endpoints.ok());
    core::Settings settings(m_dir.filePath(u"settings-batch.ini"_qs));
    ui::MainWindow window(settings);
    ui::ConsoleSession session(&window, &secrets, history);
    QSignalSpy connected(&session, &ui::ConsoleSession::connected);
    session.attachLocal(endpoints.value());
    QVERIFY(connected.wait(30000));
    ui::BatchJobsPanel *panel = session.developerWorkspace()->batchJobs();
    QVERIFY(panel);
    auto *jobs = panel->findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);
    QCOMPARE(jobs->topLevelItemCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(jobs->topLevelItem(0)->text(1), u"Finished"_qs, 180000);
    QCOMPARE(jobs->topLevelItem(0)->text(2), u"Finished"_qs);
    QCOMPARE(panel->currentJob(), nullptr); // nobody selected it
    QFile results(resultsFile);
    QVERIFY(results.open(QIODevice::ReadOnly));
    QVERIFY(results.readLine().startsWith("Col2,Col2_HashingFeature.0"));
    QVERIFY(results.readLine().startsWith("This is a good day,1,1,2,2,0,2,0,1"));
}

QTEST_MAIN(tst_ConsoleSession)
#include "tst_consolesession.moc"
