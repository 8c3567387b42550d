// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Creating a service takes 30–45 minutes in Azure, and the network may fail meanwhile. The
// wizard creates a service on the real portico-local (with a slow long-running operation)
// through a FlakyProxy that drops or fails some status polls: a failed poll does not end the
// create, and polls that keep failing end in "still being created", not in "failed". When the
// status cannot be reached for a few minutes in a row (ArmTiming::maxFailingPollsMs), the wizard
// says so long before the hour a create may take, but polls that fail now and then, with
// answers in between, do not add up to that. Once Portico stopped watching, Watch again follows
// the same create on, in a real console, until the console is on the new service; when the
// operation's status URL no longer answers, it follows the service itself. A create that
// portico-local fails (a publisher e-mail in the reserved .invalid domain, as Azure fails an
// activation) says why, in the wizard and the status bar, and Back keeps what the user typed.

#include "core/arm/armclient.h"
#include "core/arm/armrequest.h"
#include "core/auth/statictokenprovider.h"
#include "core/environments/localendpoints.h"
#include "core/itemmodels/navigationtreemodel.h"
#include "core/secrets/inmemorysecretstore.h"
#include "core/settings/settings.h"
#include "tests/support/flakyproxy.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/tempdir.h"
#include "tests/ui/publishertestbed.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/servicewizard.h"
#include "ui/shell/consolesession.h"
#include "ui/shell/language.h"
#include "ui/shell/mainwindow.h"

#include <QAbstractButton>
#include <QAbstractProxyModel>
#include <QAction>
#include <QIcon>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTranslator>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace portico;
using ui::ServiceWizard;

class tst_ProvisioningWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void aFailedStatusPollDoesNotEndTheCreate();
    void pollsThatKeepFailingSayTheServiceIsStillBeingCreated();
    void anUnreachableStatusIsSaidLongBeforeTheDeadline();
    void pollsThatFailNowAndThenDoNotAddUp();
    void aBusyStatusThatSaysWhenToComeBackIsAnAnswer();
    void aBusyStatusThatSaysComeBackNowStillEndsReady();
    void watchAgainFollowsTheCreateUntilTheConsoleIsOnTheService();
    void watchAgainLeavesTheConsoleWhereTheUserWent();
    void watchAgainFollowsTheServiceWhenItsOperationIsGone();
    void watchAgainSaysWhenTheServiceIsGone();
    void watchAgainWaitsForAServiceNotFoundAtFirst();
    void watchAgainSaysWhyTheStatusIsRefused();
    void watchAgainWithoutAConnectionSaysSo();
    void aFailedCreateSaysWhyAndBackKeepsWhatWasTyped();
    void watchAgainShowsThatTheCreateFailed();
    void aFailedCreateSaysWhyInDutch();

private:
    // Clicks through the wizard on the local environment and presses Create.
    void create(ServiceWizard &wizard, const QString &name,
                const QString &email = u"admin@contoso.com"_qs);
    // The same for a wizard its owner set up already.
    void fillInAndCreate(ServiceWizard &wizard, const QString &name,
                         const QString &email = u"admin@contoso.com"_qs);

    // A wizard on m_controller, with what its progress page shows and the controller's
    // provisioningFinished signals.
    struct Watch
    {
        explicit Watch(ui::PublisherController *controller)
            : finished(controller, &ui::PublisherController::provisioningFinished)
        {
        }
        ServiceWizard wizard;
        QSignalSpy finished;
        QLabel *status = nullptr;
        QAbstractButton *watchAgain = nullptr;
    };
    // Creates `name` and waits until Portico stopped watching the create, without knowing how it
    // ended, and offers Watch again.
    void createUntilItStopsWatching(Watch &watch, const QString &name,
                                    const QString &email = u"admin@contoso.com"_qs);
    // Clicks Watch again and waits until that watch ends too.
    void watchAgainUntilItEnds(Watch &watch);
    // A status poll of the service's long-running create.
    static bool isPollOf(const test::FlakyProxy::Request &request, const QString &name)
    {
        return request.method == "GET"
            && request.target.contains(QByteArray("/service/" + name.toUtf8() + "/operationresults/"));
    }
    // A GET of the service itself.
    static bool isGetOf(const test::FlakyProxy::Request &request, const QString &name)
    {
        return request.method == "GET"
            && request.target.contains(QByteArray("/service/" + name.toUtf8() + "?"));
    }

    test::PorticoLocalFixture m_local;
    test::TempDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<test::FlakyProxy> m_proxy;
    std::unique_ptr<core::ArmClient> m_client;
    std::unique_ptr<ui::PublisherController> m_controller;
};

void tst_ProvisioningWatch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Long enough for a dozen polls at the scaled poll interval below.
    qputenv("PORTICO_LOCAL_LRO_DELAY_MS", "3000");
    QVERIFY2(m_local.start(), qPrintable(m_local.errorString()));
    m_tokens = std::make_unique<core::StaticTokenProvider>(m_local.token());
}

void tst_ProvisioningWatch::cleanupTestCase()
{
    QCOMPARE(m_local.stop(), 0);
}

void tst_ProvisioningWatch::init()
{
    m_proxy = std::make_unique<test::FlakyProxy>();
    QVERIFY(m_proxy->listen(QHostAddress::LocalHost, quint16(m_local.managementUrl().port())));
    QUrl url = m_local.managementUrl();
    url.setPort(m_proxy->port());
    m_client = std::make_unique<core::ArmClient>(&m_network, url, m_tokens.get());
    core::ArmTiming timing = m_client->timing();
    timing.timeScale = 0.1; // portico-local's Retry-After: 1 becomes 100 ms
    m_client->setTiming(timing);
    m_controller = std::make_unique<ui::PublisherController>(m_client.get(), nullptr);
}

void tst_ProvisioningWatch::cleanup()
{
    m_controller.reset();
    m_client.reset();
    m_proxy.reset();
}

void tst_ProvisioningWatch::create(ServiceWizard &wizard, const QString &name,
                                   const QString &email)
{
    m_controller->attachWizard(&wizard);
    wizard.setEnvironments({ { u"local"_qs, u"portico-local"_qs, false } }, u"local"_qs);
    fillInAndCreate(wizard, name, email);
}

void tst_ProvisioningWatch::createUntilItStopsWatching(Watch &watch, const QString &name,
                                                       const QString &email)
{
    create(watch.wizard, name, email);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(watch.finished.wait(60000));
    QCOMPARE(watch.finished.first().at(0).toBool(), false);
    watch.status = watch.wizard.findChild<QLabel *>(u"provisioningStatusLabel"_qs);
    watch.watchAgain = watch.wizard.findChild<QAbstractButton *>(u"watchAgainPushButton"_qs);
    QVERIFY(watch.status);
    QVERIFY(watch.watchAgain);
    QVERIFY2(watch.watchAgain->isVisible(), qPrintable(watch.status->text()));
}

void tst_ProvisioningWatch::watchAgainUntilItEnds(Watch &watch)
{
    QTest::mouseClick(watch.watchAgain, Qt::LeftButton);
    QVERIFY(watch.finished.wait(60000));
}

void tst_ProvisioningWatch::fillInAndCreate(ServiceWizard &wizard, const QString &name,
                                            const QString &email)
{
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(wizard.findChild<QLineEdit *>(u"instanceNameLineEdit"_qs), name);
    QTRY_VERIFY2_WITH_TIMEOUT(next->isEnabled(),
                              qPrintable(wizard.findChild<QLabel *>(u"instanceNameAvailabilityLabel"_qs)->text()),
                              10000); // the server said it is available
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(wizard.findChild<QLineEdit *>(u"organizationLineEdit"_qs), u"Contoso"_qs);
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(wizard.findChild<QLineEdit *>(u"adminEmailLineEdit"_qs), email);
    QTest::mouseClick(next, Qt::LeftButton);
    auto *tier = wizard.findChild<QComboBox *>(u"tierComboBox"_qs);
    tier->setCurrentIndex(tier->findData(u"Developer"_qs));
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::SummaryPageId));
    QTest::mouseClick(wizard.button(QWizard::CommitButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::ProgressPageId));
}

void tst_ProvisioningWatch::aFailedStatusPollDoesNotEndTheCreate()
{
    const QString name = u"watchthrough"_qs;
    int polls = 0;
    // The third poll gets no answer at all (the connection drops), the fifth a 502.
    m_proxy->dropWhen([&polls, name](const test::FlakyProxy::Request &r) {
        return isPollOf(r, name) && ++polls == 3;
    });
    m_proxy->failWhen([&polls, name](const test::FlakyProxy::Request &r) {
        return isPollOf(r, name) && polls == 5;
    }, 502, "BadGateway");

    ServiceWizard wizard;
    QSignalSpy finished(m_controller.get(), &ui::PublisherController::provisioningFinished);
    create(wizard, name);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(finished.wait(60000));
    auto *status = wizard.findChild<QLabel *>(u"provisioningStatusLabel"_qs);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(status->text()));
    QCOMPARE(status->text(), u"watchthrough is ready"_qs);
    QCOMPARE(m_proxy->dropped(), 1);
    QCOMPARE(m_proxy->failed(), 1);
    QVERIFY2(polls > 5, "polling went on after the failed polls");

    const auto service = test::callAndWait(*m_controller, core::ArmRequest::get(test::localServiceId(name)), this);
    QVERIFY(service.ok());
    QCOMPARE(service.value().value(u"properties"_qs).toObject().value(u"provisioningState"_qs).toString(),
             u"Succeeded"_qs);
}

void tst_ProvisioningWatch::pollsThatKeepFailingSayTheServiceIsStillBeingCreated()
{
    const QString name = u"watchstops"_qs;
    core::ArmTiming timing = m_client->timing();
    timing.longRunningDeadlineMs = 1500; // well before portico-local finishes the create
    m_client->setTiming(timing);
    int polls = 0;
    // After the first, no poll gets through: the network is gone for longer than Portico waits.
    m_proxy->dropWhen([&polls, name](const test::FlakyProxy::Request &r) {
        return isPollOf(r, name) && ++polls > 1;
    });

    ServiceWizard wizard;
    QSignalSpy finished(m_controller.get(), &ui::PublisherController::provisioningFinished);
    create(wizard, name);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY2(m_proxy->dropped() >= 2, "failed polls were sent again");
    const QString text = wizard.findChild<QLabel *>(u"provisioningStatusLabel"_qs)->text();
    QVERIFY2(text.startsWith(u"watchstops is still being created, but Portico stopped watching it"_qs),
             qPrintable(text));
    QVERIFY2(!text.contains(u"failed"_qs), qPrintable(text));
    QVERIFY2(!text.contains(u"create the instance again"_qs), qPrintable(text));
    QVERIFY(!wizard.button(QWizard::BackButton)->isVisible());
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());

    // Meanwhile the create went on, as the message says.
    QTRY_COMPARE_WITH_TIMEOUT(
        test::callAndWait(*m_controller, core::ArmRequest::get(test::localServiceId(name)), this)
            .value()
            .value(u"properties"_qs)
            .toObject()
            .value(u"provisioningState"_qs)
            .toString(),
        u"Succeeded"_qs, 30000);
}

void tst_ProvisioningWatch::anUnreachableStatusIsSaidLongBeforeTheDeadline()
{
    const QString name = u"watchoffline"_qs;
    core::ArmTiming timing = m_client->timing();
    QCOMPARE(timing.longRunningDeadlineMs, 3'600'000); // the create may take an hour
    timing.maxFailingPollsMs = 1500;
    m_client->setTiming(timing);
    int polls = 0;
    // After the first, no poll gets through: the user went offline.
    m_proxy->dropWhen([&polls, name](const test::FlakyProxy::Request &r) {
        return isPollOf(r, name) && ++polls > 1;
    });

    ServiceWizard wizard;
    QSignalSpy finished(m_controller.get(), &ui::PublisherController::provisioningFinished);
    create(wizard, name);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(finished.wait(60000), "the wizard still says it is creating the service");
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY2(m_proxy->dropped() >= 2, "failed polls were sent again");
    const QString text = wizard.findChild<QLabel *>(u"provisioningStatusLabel"_qs)->text();
    QVERIFY2(text.startsWith(u"Portico cannot reach the status of watchoffline ("_qs), qPrintable(text));
    QVERIFY2(text.contains(u"The service may still be being created"_qs), qPrintable(text));
    QVERIFY2(!text.contains(u"failed"_qs), qPrintable(text));
    QVERIFY(!wizard.button(QWizard::BackButton)->isVisible());
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
}

void tst_ProvisioningWatch::pollsThatFailNowAndThenDoNotAddUp()
{
    const QString name = u"watchhiccups"_qs;
    // A create slow enough to outlast two lost answers: its own portico-local.
    test::PorticoLocalFixture slow;
    qputenv("PORTICO_LOCAL_LRO_DELAY_MS", "12000");
    const bool started = slow.start();
    qputenv("PORTICO_LOCAL_LRO_DELAY_MS", "3000");
    QVERIFY2(started, qPrintable(slow.errorString()));
    core::StaticTokenProvider tokens(slow.token());
    m_controller.reset();
    m_client.reset();
    // The client and controller made below use `tokens`: gone before it, also when a check
    // below fails and returns early.
    const auto releaseClient = qScopeGuard([this] {
        m_controller.reset();
        m_client.reset();
    });
    m_proxy = std::make_unique<test::FlakyProxy>();
    QVERIFY(m_proxy->listen(QHostAddress::LocalHost, quint16(slow.managementUrl().port())));
    QUrl url = slow.managementUrl();
    url.setPort(m_proxy->port());
    m_client = std::make_unique<core::ArmClient>(&m_network, url, &tokens);
    m_controller = std::make_unique<ui::PublisherController>(m_client.get(), nullptr);
    core::ArmTiming timing = m_client->timing();
    timing.timeScale = 0.1;
    // A lost answer takes a full transfer timeout to fail: two of them take longer than polls
    // may keep failing, one does not (by a margin of 1.5 s, for a slow machine).
    timing.transferTimeoutMs = 3000;
    timing.maxFailingPollsMs = 4500;
    m_client->setTiming(timing);
    int polls = 0;
    // The third and the fifth poll get no answer; the fourth, in between, does.
    m_proxy->loseAnswerWhen([&polls, name](const test::FlakyProxy::Request &r) {
        if (!isPollOf(r, name))
            return false;
        ++polls;
        return polls == 3 || polls == 5;
    });

    ServiceWizard wizard;
    QSignalSpy finished(m_controller.get(), &ui::PublisherController::provisioningFinished);
    create(wizard, name);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(finished.wait(60000));
    auto *status = wizard.findChild<QLabel *>(u"provisioningStatusLabel"_qs);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(status->text()));
    QCOMPARE(status->text(), u"watchhiccups is ready"_qs);
    QCOMPARE(m_proxy->lost(), 2);
    QVERIFY2(polls > 5, "polling went on after the failed polls");
    m_controller.reset();
    m_client.reset();
    QCOMPARE(slow.stop(), 0);
}

void tst_ProvisioningWatch::aBusyStatusThatSaysWhenToComeBackIsAnAnswer()
{
    const QString name = u"watchbusy"_qs;
    core::ArmTiming timing = m_client->timing();
    timing.maxAttempts = 1; // each poll is one request
    timing.maxFailingPollsMs = 1000;
    m_client->setTiming(timing);
    int polls = 0;
    // The second and third polls: the front end is busy and says when to come back, later
    // (2 s scaled) than polls may keep failing.
    m_proxy->failWhen([&polls, name](const test::FlakyProxy::Request &r) {
        if (!isPollOf(r, name))
            return false;
        ++polls;
        return polls == 2 || polls == 3;
    }, 503, "ServerBusy");
    m_proxy->setFailureRetryAfter("20");

    ServiceWizard wizard;
    QSignalSpy finished(m_controller.get(), &ui::PublisherController::provisioningFinished);
    create(wizard, name);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(finished.wait(60000));
    auto *status = wizard.findChild<QLabel *>(u"provisioningStatusLabel"_qs);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(status->text()));
    QCOMPARE(status->text(), u"watchbusy is ready"_qs);
    QCOMPARE(m_proxy->failed(), 2);
}

void tst_ProvisioningWatch::aBusyStatusThatSaysComeBackNowStillEndsReady()
{
    const QString name = u"watchbusynow"_qs;
    core::ArmTiming timing = m_client->timing();
    timing.maxAttempts = 1; // each poll is one request
    m_client->setTiming(timing);
    int busyPolls = 0;
    // The first polls are answered: busy, come back at once (Retry-After: 0). That the job still
    // pauses between them is tst_armjob's aBusyStatusPollToldToComeBackNowStillBacksOff.
    m_proxy->failWhen([&busyPolls, name](const test::FlakyProxy::Request &r) {
        if (!isPollOf(r, name) || busyPolls >= 3)
            return false;
        ++busyPolls;
        return true;
    }, 503, "ServerBusy");
    m_proxy->setFailureRetryAfter("0");

    ServiceWizard wizard;
    QSignalSpy finished(m_controller.get(), &ui::PublisherController::provisioningFinished);
    create(wizard, name);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(finished.wait(60000));
    auto *status = wizard.findChild<QLabel *>(u"provisioningStatusLabel"_qs);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(status->text()));
    QCOMPARE(status->text(), u"watchbusynow is ready"_qs);
    QCOMPARE(busyPolls, 3);
}

void tst_ProvisioningWatch::watchAgainFollowsTheCreateUntilTheConsoleIsOnTheService()
{
    const QString name = u"watchagain"_qs;
    // Another service first, so the console is on a service before the new one is ready.
    const QString other = test::localServiceId(u"watchbefore"_qs);
    QVERIFY(test::createLocalService(*m_controller, other, this).ok());

    core::Settings settings(m_dir.filePath(u"settings.ini"_qs));
    core::InMemorySecretStore secrets;
    ui::MainWindow window(settings);
    ui::ConsoleSession session(&window, &secrets, m_dir.filePath(u"history.sqlite"_qs));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto endpoints = core::LocalEndpoints::fromReadyLine(
        QJsonDocument(m_local.readyLine()).toJson(QJsonDocument::Compact));
    QVERIFY(endpoints.ok());
    endpoints.value().management.setPort(m_proxy->port()); // the console's ARM calls pass the proxy
    QSignalSpy connected(&session, &ui::ConsoleSession::connected);
    session.attachLocal(endpoints.value());
    QVERIFY(connected.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(!session.serviceId().isEmpty(), 10000);
    core::ArmTiming timing = session.client()->timing();
    timing.timeScale = 0.1;
    timing.maxFailingPollsMs = 1000;
    session.client()->setTiming(timing);
    bool offline = true;
    QList<test::FlakyProxy::Request> requests; // of the new service, in the order sent
    m_proxy->dropWhen([&offline, &requests, name](const test::FlakyProxy::Request &r) {
        if (r.target.contains(QByteArray("/service/" + name.toUtf8())))
            requests.append(r);
        return offline && isPollOf(r, name);
    });

    window.findChild<QAction *>(u"newServiceAction"_qs)->trigger();
    QPointer<ServiceWizard> wizard;
    QTRY_VERIFY((wizard = window.findChild<ServiceWizard *>()) != nullptr);
    fillInAndCreate(*wizard, name);
    if (QTest::currentTestFailed())
        return;
    auto *status = wizard->findChild<QLabel *>(u"provisioningStatusLabel"_qs);
    auto *watchAgain = wizard->findChild<QAbstractButton *>(u"watchAgainPushButton"_qs);
    QVERIFY(watchAgain);
    QTRY_VERIFY2_WITH_TIMEOUT(watchAgain->isVisible(), qPrintable(status->text()), 30000);
    QVERIFY2(status->text().startsWith(u"Portico cannot reach the status of watchagain"_qs),
             qPrintable(status->text()));
    QVERIFY(session.serviceId() != test::localServiceId(name));

    // The network is back.
    offline = false;
    const int dropped = m_proxy->dropped();
    QVERIFY(!requests.isEmpty());
    const test::FlakyProxy::Request lastPoll = requests.last();
    QVERIFY(isPollOf(lastPoll, name));
    const qsizetype before = requests.size();
    QTest::mouseClick(watchAgain, Qt::LeftButton);
    QVERIFY(!watchAgain->isVisible());
    QVERIFY(!wizard->button(QWizard::FinishButton)->isEnabled()); // watching again
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), u"watchagain is ready"_qs, 30000);
    QVERIFY(!watchAgain->isVisible());
    QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    QCOMPARE(m_proxy->dropped(), dropped);
    // It followed the same create: no second PUT, and first the same status URL again.
    QVERIFY(requests.size() > before);
    QCOMPARE(requests.at(before).method, QByteArray("GET"));
    QCOMPARE(requests.at(before).target, lastPoll.target);
    for (qsizetype i = before; i < requests.size(); ++i)
        QVERIFY2(requests.at(i).method != "PUT", requests.at(i).target.constData());
    // The console goes to the new service, as after a create it watched to the end.
    QTRY_COMPARE_WITH_TIMEOUT(session.serviceId(), test::localServiceId(name), 10000);
    QTRY_VERIFY2(window.windowTitle().startsWith(name), qPrintable(window.windowTitle()));
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
}

void tst_ProvisioningWatch::watchAgainLeavesTheConsoleWhereTheUserWent()
{
    const QString name = u"watchstay"_qs;
    // Two other services: the console is on one, the user goes to the other meanwhile.
    for (const QString &other : { u"watchstayone"_qs, u"watchstaytwo"_qs })
        QVERIFY(test::createLocalService(*m_controller, test::localServiceId(other), this).ok());

    core::Settings settings(m_dir.filePath(u"settings-stay.ini"_qs));
    core::InMemorySecretStore secrets;
    ui::MainWindow window(settings);
    ui::ConsoleSession session(&window, &secrets, m_dir.filePath(u"history-stay.sqlite"_qs));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto endpoints = core::LocalEndpoints::fromReadyLine(
        QJsonDocument(m_local.readyLine()).toJson(QJsonDocument::Compact));
    QVERIFY(endpoints.ok());
    endpoints.value().management.setPort(m_proxy->port());
    QSignalSpy connected(&session, &ui::ConsoleSession::connected);
    session.attachLocal(endpoints.value());
    QVERIFY(connected.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(!session.serviceId().isEmpty(), 10000);
    core::ArmTiming timing = session.client()->timing();
    timing.timeScale = 0.1;
    timing.maxFailingPollsMs = 1000;
    session.client()->setTiming(timing);
    bool offline = true;
    m_proxy->dropWhen([&offline, name](const test::FlakyProxy::Request &r) {
        return offline && isPollOf(r, name);
    });

    const QList<ui::PublisherController *> controllersBefore = session.findChildren<ui::PublisherController *>();
    window.findChild<QAction *>(u"newServiceAction"_qs)->trigger();
    QPointer<ServiceWizard> wizard;
    QTRY_VERIFY((wizard = window.findChild<ServiceWizard *>()) != nullptr);
    // The wizard's own controller; the spy is connected after the console's handler, so it
    // records a serviceCreated the console has already handled.
    ui::PublisherController *controller = nullptr;
    for (ui::PublisherController *c : session.findChildren<ui::PublisherController *>()) {
        if (!controllersBefore.contains(c))
            controller = c;
    }
    QVERIFY(controller);
    QSignalSpy created(controller, &ui::PublisherController::serviceCreated);
    QString serviceIdWhenCreated; // where the console is right after it handled the new service
    connect(controller, &ui::PublisherController::serviceCreated, &session,
            [&serviceIdWhenCreated, &session] { serviceIdWhenCreated = session.serviceId(); });
    fillInAndCreate(*wizard, name);
    if (QTest::currentTestFailed())
        return;
    auto *status = wizard->findChild<QLabel *>(u"provisioningStatusLabel"_qs);
    auto *watchAgain = wizard->findChild<QAbstractButton *>(u"watchAgainPushButton"_qs);
    QTRY_VERIFY2_WITH_TIMEOUT(watchAgain->isVisible(), qPrintable(status->text()), 30000);
    QCOMPARE(created.size(), 0);

    // Watch again, still offline for a while (polls may now fail for long).
    timing.maxFailingPollsMs = 600'000;
    session.client()->setTiming(timing);
    QTest::mouseClick(watchAgain, Qt::LeftButton);
    // Meanwhile the user goes to the other service in the navigation tree.
    const QString elsewhere = test::localServiceId(
        session.serviceId().endsWith(u"/watchstayone"_qs) ? u"watchstaytwo"_qs : u"watchstayone"_qs);
    core::NavigationTreeModel *nav = session.navigation();
    auto *proxy = qobject_cast<QAbstractProxyModel *>(window.navigationView()->model());
    QVERIFY(proxy);
    QTRY_VERIFY_WITH_TIMEOUT(nav->findArmId(elsewhere).isValid(), 10000);
    QTreeView *tree = window.navigationView();
    tree->scrollTo(proxy->mapFromSource(nav->findArmId(elsewhere)));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                      tree->visualRect(proxy->mapFromSource(nav->findArmId(elsewhere))).center());
    QCOMPARE(session.serviceId(), elsewhere);

    offline = false; // the network is back
    QTRY_COMPARE_WITH_TIMEOUT(created.size(), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), u"watchstay is ready"_qs, 10000);
    // The console has handled the new service: it stayed where the user went...
    QCOMPARE(serviceIdWhenCreated, elsewhere);
    // ...also once the navigation tree, refreshed for it, lists the new service.
    QTRY_VERIFY_WITH_TIMEOUT(nav->findArmId(test::localServiceId(name)).isValid(), 10000);
    QCOMPARE(session.serviceId(), elsewhere);
    QVERIFY2(window.windowTitle().startsWith(u"watchstay"_qs + (elsewhere.endsWith(u"one"_qs) ? u"one"_qs : u"two"_qs)),
             qPrintable(window.windowTitle()));
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
}

void tst_ProvisioningWatch::watchAgainFollowsTheServiceWhenItsOperationIsGone()
{
    const QString name = u"watchoperationgone"_qs;
    core::ArmTiming timing = m_client->timing();
    timing.maxFailingPollsMs = 1000;
    m_client->setTiming(timing);
    bool offline = true;
    m_proxy->dropWhen([&offline, name](const test::FlakyProxy::Request &r) {
        return offline && isPollOf(r, name);
    });
    // Once the network is back, the operation's status URL has expired.
    m_proxy->failWhen([&offline, name](const test::FlakyProxy::Request &r) {
        return !offline && isPollOf(r, name);
    }, 404, "NotFound");

    Watch watch(m_controller.get());
    QSignalSpy created(m_controller.get(), &ui::PublisherController::serviceCreated);
    createUntilItStopsWatching(watch, name);
    if (QTest::currentTestFailed())
        return;

    offline = false;
    watchAgainUntilItEnds(watch);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(watch.finished.last().at(0).toBool(), qPrintable(watch.status->text()));
    QCOMPARE(watch.status->text(), u"watchoperationgone is ready"_qs);
    QVERIFY2(m_proxy->failed() >= 1, "the status URL was asked first");
    QCOMPARE(created.size(), 1);
    QCOMPARE(created.first().at(0).toString(), test::localServiceId(name));
    QCOMPARE(m_controller->serviceId(), test::localServiceId(name));
}

void tst_ProvisioningWatch::watchAgainSaysWhenTheServiceIsGone()
{
    const QString name = u"watchservicegone"_qs;
    core::ArmTiming timing = m_client->timing();
    timing.maxFailingPollsMs = 1000;
    m_client->setTiming(timing);
    bool offline = true;
    m_proxy->dropWhen([&offline, name](const test::FlakyProxy::Request &r) {
        return offline && isPollOf(r, name);
    });
    // Once the network is back, neither the operation nor the service exists any more.
    m_proxy->failWhen([&offline, name](const test::FlakyProxy::Request &r) {
        return !offline && (isPollOf(r, name) || isGetOf(r, name));
    }, 404, "NotFound");

    Watch watch(m_controller.get());
    createUntilItStopsWatching(watch, name);
    if (QTest::currentTestFailed())
        return;

    offline = false;
    watchAgainUntilItEnds(watch);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(watch.finished.last().at(0).toBool(), false);
    QVERIFY2(watch.status->text().startsWith(u"watchservicegone no longer exists; the create may have failed"_qs),
             qPrintable(watch.status->text()));
    QVERIFY2(m_proxy->failed() >= 2, "the status URL and the service were asked");
    QVERIFY(!watch.watchAgain->isVisible());
    QVERIFY(watch.wizard.button(QWizard::BackButton)->isVisible());
    QVERIFY(watch.wizard.button(QWizard::FinishButton)->isEnabled());
}

void tst_ProvisioningWatch::watchAgainWaitsForAServiceNotFoundAtFirst()
{
    const QString name = u"watchnotyet"_qs;
    core::ArmTiming timing = m_client->timing();
    timing.maxFailingPollsMs = 1000;
    m_client->setTiming(timing);
    bool offline = true;
    m_proxy->dropWhen([&offline, name](const test::FlakyProxy::Request &r) {
        return offline && isPollOf(r, name);
    });
    // Once the network is back, the operation's status URL has expired, and the first GET of
    // the service reaches a replica that does not know it yet.
    int serviceGets = 0;
    m_proxy->failWhen([&offline, &serviceGets, name](const test::FlakyProxy::Request &r) {
        if (offline)
            return false;
        if (isPollOf(r, name))
            return true;
        return isGetOf(r, name) && ++serviceGets == 1;
    }, 404, "ResourceNotFound");

    Watch watch(m_controller.get());
    createUntilItStopsWatching(watch, name);
    if (QTest::currentTestFailed())
        return;

    offline = false;
    watchAgainUntilItEnds(watch);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(watch.finished.last().at(0).toBool(), qPrintable(watch.status->text()));
    QCOMPARE(watch.status->text(), u"watchnotyet is ready"_qs);
    QVERIFY2(serviceGets >= 2, "the service was asked again after its 404");
}

void tst_ProvisioningWatch::watchAgainSaysWhyTheStatusIsRefused()
{
    const QString name = u"watchrefused"_qs;
    core::ArmTiming timing = m_client->timing();
    timing.maxFailingPollsMs = 1000;
    m_client->setTiming(timing);
    bool offline = true;
    int serviceGets = 0;
    m_proxy->dropWhen([&offline, &serviceGets, name](const test::FlakyProxy::Request &r) {
        if (!offline && isGetOf(r, name))
            ++serviceGets;
        return offline && isPollOf(r, name);
    });
    // Once the network is back, the status URL refuses the signed-in account: that is what the
    // user hears, not how the service itself is doing.
    m_proxy->failWhen([&offline, name](const test::FlakyProxy::Request &r) {
        return !offline && isPollOf(r, name);
    }, 403, "AuthorizationFailed");

    Watch watch(m_controller.get());
    createUntilItStopsWatching(watch, name);
    if (QTest::currentTestFailed())
        return;

    offline = false;
    watchAgainUntilItEnds(watch);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(watch.finished.last().at(0).toBool(), false);
    QVERIFY2(watch.status->text().contains(u"403"_qs), qPrintable(watch.status->text()));
    QCOMPARE(serviceGets, 0);
}

void tst_ProvisioningWatch::watchAgainWithoutAConnectionSaysSo()
{
    const QString name = u"watchclosed"_qs;
    core::ArmTiming timing = m_client->timing();
    timing.maxFailingPollsMs = 1000;
    m_client->setTiming(timing);
    m_proxy->dropWhen([name](const test::FlakyProxy::Request &r) { return isPollOf(r, name); });

    Watch watch(m_controller.get());
    createUntilItStopsWatching(watch, name);
    if (QTest::currentTestFailed())
        return;

    // The environment's connection is closed meanwhile (e.g. the user signed out).
    m_client.reset();
    QTest::mouseClick(watch.watchAgain, Qt::LeftButton);
    QVERIFY2(watch.finished.size() == 2 || watch.finished.wait(5000), "the controller still provisions");
    QCOMPARE(watch.finished.last().at(0).toBool(), false);
    QVERIFY2(watch.status->text().startsWith(u"Portico cannot follow this create any more"_qs),
             qPrintable(watch.status->text()));
    QVERIFY(!watch.watchAgain->isVisible());
    QVERIFY(watch.wizard.button(QWizard::FinishButton)->isEnabled());
}

namespace {

// What portico-local says when it fails the activation of `name`.
QString activationMessage(const QString &name, const QString &email)
{
    return u"The API Management service '%1' could not be activated: its publisher e-mail '%2' "
           "cannot receive notifications, because the domain '%3' does not exist."_qs
        .arg(name, email, email.section(u'@', -1));
}

// What the wizard and the status bar say then: the server's message first, its code last.
QString activationFailure(const QString &name, const QString &email)
{
    return u"Creating “%1” failed: %2 (ActivationFailed)"_qs.arg(
        name, activationMessage(name, email));
}

const QString s_useBack = u"Use Back to change the settings and create the instance again."_qs;

// The navigation tree's row for the service `name` of portico-local, as the window shows it.
QModelIndex shownService(ui::MainWindow &window, ui::ConsoleSession &session, const QString &name)
{
    auto *proxy = qobject_cast<QAbstractProxyModel *>(window.navigationView()->model());
    const QModelIndex source = session.navigation()->findArmId(test::localServiceId(name));
    return proxy && source.isValid() ? proxy->mapFromSource(source) : QModelIndex();
}

} // namespace

void tst_ProvisioningWatch::aFailedCreateSaysWhyAndBackKeepsWhatWasTyped()
{
    // First in portico-local's list of services, where a console that takes the first one
    // would open it.
    const QString name = u"afailedcreate"_qs;
    const QString wrongEmail = u"admin@contoso.invalid"_qs;
    core::Settings settings(m_dir.filePath(u"settings-fails.ini"_qs));
    core::InMemorySecretStore secrets;
    ui::MainWindow window(settings);
    ui::ConsoleSession session(&window, &secrets, m_dir.filePath(u"history-fails.sqlite"_qs));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto endpoints = core::LocalEndpoints::fromReadyLine(
        QJsonDocument(m_local.readyLine()).toJson(QJsonDocument::Compact));
    QVERIFY(endpoints.ok());
    QSignalSpy connected(&session, &ui::ConsoleSession::connected);
    session.attachLocal(endpoints.value());
    QVERIFY(connected.wait(30000));
    core::ArmTiming timing = session.client()->timing();
    timing.timeScale = 0.1;
    session.client()->setTiming(timing);

    // The address passes the wizard's own check; portico-local fails the activation, as Azure
    // fails one it accepted.
    window.findChild<QAction *>(u"newServiceAction"_qs)->trigger();
    QPointer<ServiceWizard> wizard;
    QTRY_VERIFY((wizard = window.findChild<ServiceWizard *>()) != nullptr);
    fillInAndCreate(*wizard, name, wrongEmail);
    if (QTest::currentTestFailed())
        return;
    auto *status = wizard->findChild<QLabel *>(u"provisioningStatusLabel"_qs);
    QAbstractButton *back = wizard->button(QWizard::BackButton);
    QTRY_VERIFY2_WITH_TIMEOUT(back->isVisible(), qPrintable(status->text()), 30000);
    // The server's code and message, in the wizard's words.
    QCOMPARE(status->text(), activationFailure(name, wrongEmail) + u'\n' + s_useBack);
    QVERIFY(!wizard->findChild<QAbstractButton *>(u"watchAgainPushButton"_qs)->isVisible());
    // The console does not claim the service was created: the status bar says it failed, and
    // the console is not on it.
    auto *operations = window.findChild<QLabel *>(u"operationsLabel"_qs);
    QVERIFY(operations);
    QTRY_COMPARE(operations->text(), activationFailure(name, wrongEmail));
    QVERIFY(session.serviceId() != test::localServiceId(name));
    QVERIFY2(!window.windowTitle().startsWith(name), qPrintable(window.windowTitle()));

    // View → Refresh does not open the failed service either; the tree marks it as failed.
    QSignalSpy refreshed(&session, &ui::ConsoleSession::connected);
    window.findChild<QAction *>(u"refreshAction"_qs)->trigger();
    QVERIFY(refreshed.wait(10000));
    QVERIFY(session.serviceId() != test::localServiceId(name));
    QVERIFY2(!window.windowTitle().startsWith(name), qPrintable(window.windowTitle()));
    QTRY_VERIFY_WITH_TIMEOUT(shownService(window, session, name).isValid(), 10000);
    QTRY_COMPARE(shownService(window, session, name).data().toString(),
                 name + u" (failed)"_qs);
    QVERIFY(!shownService(window, session, name).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY2(shownService(window, session, name).data(Qt::ToolTipRole).toString().contains(
                 u"failed"_qs),
             qPrintable(shownService(window, session, name).data(Qt::ToolTipRole).toString()));
    // Nor does a console started on the same portico-local.
    {
        core::Settings otherSettings(m_dir.filePath(u"settings-fails-2.ini"_qs));
        ui::MainWindow otherWindow(otherSettings);
        ui::ConsoleSession other(&otherWindow, &secrets,
                                 m_dir.filePath(u"history-fails-2.sqlite"_qs));
        QSignalSpy otherConnected(&other, &ui::ConsoleSession::connected);
        other.attachLocal(endpoints.value());
        QVERIFY(otherConnected.wait(30000));
        QVERIFY(other.serviceId() != test::localServiceId(name));
        QVERIFY2(!otherWindow.windowTitle().startsWith(name),
                 qPrintable(otherWindow.windowTitle()));
    }

    // Back: the summary and the e-mail page still hold what the user typed.
    QVERIFY(back->isEnabled());
    QTest::mouseClick(back, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ServiceWizard::SummaryPageId));
    const QString summary = wizard->findChild<QLabel *>(u"summaryLabel"_qs)->text();
    QVERIFY2(summary.contains(u"Instance name: afailedcreate"_qs), qPrintable(summary));
    QVERIFY2(summary.contains(u"Organization: Contoso"_qs), qPrintable(summary));
    QVERIFY2(summary.contains(u"Administrator e-mail: "_qs + wrongEmail), qPrintable(summary));
    QTest::mouseClick(back, Qt::LeftButton);
    QTest::mouseClick(back, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ServiceWizard::EmailPageId));
    auto *email = wizard->findChild<QLineEdit *>(u"adminEmailLineEdit"_qs);
    QCOMPARE(email->text(), wrongEmail);

    // On the name page, the name the failed service holds is accepted, to create it again,
    // also when the user types it anew.
    QTest::mouseClick(back, Qt::LeftButton);
    QTest::mouseClick(back, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ServiceWizard::NamePageId));
    auto *availability = wizard->findChild<QLabel *>(u"instanceNameAvailabilityLabel"_qs);
    const QString createAgain =
        u"“afailedcreate” is the instance whose create failed; it will be created again."_qs;
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    QTRY_COMPARE_WITH_TIMEOUT(availability->text(), createAgain, 10000);
    QVERIFY(next->isEnabled());
    auto *nameEdit = wizard->findChild<QLineEdit *>(u"instanceNameLineEdit"_qs);
    nameEdit->selectAll();
    QTest::keyClicks(nameEdit, name);
    QVERIFY(!next->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(availability->text(), createAgain, 10000);
    QVERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ServiceWizard::EmailPageId));

    // The user corrects the address and creates the service again: this time it is ready, and
    // the console goes to it.
    email->selectAll();
    QTest::keyClicks(email, u"admin@contoso.com"_qs);
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ServiceWizard::SummaryPageId));
    QVERIFY(wizard->findChild<QLabel *>(u"summaryLabel"_qs)->text().contains(
        u"Administrator e-mail: admin@contoso.com"_qs));
    QTest::mouseClick(wizard->button(QWizard::CommitButton), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ServiceWizard::ProgressPageId));
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), u"afailedcreate is ready"_qs, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(session.serviceId(), test::localServiceId(name), 10000);
    QCOMPARE(operations->text(), u"afailedcreate is ready"_qs);
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
}

void tst_ProvisioningWatch::watchAgainShowsThatTheCreateFailed()
{
    const QString name = u"watchagainfails"_qs;
    const QString wrongEmail = u"admin@contoso.invalid"_qs;
    core::ArmTiming timing = m_client->timing();
    timing.maxFailingPollsMs = 1000;
    m_client->setTiming(timing);
    bool offline = true;
    m_proxy->dropWhen([&offline, name](const test::FlakyProxy::Request &r) {
        return offline && isPollOf(r, name);
    });

    Watch watch(m_controller.get());
    QSignalSpy created(m_controller.get(), &ui::PublisherController::serviceCreated);
    createUntilItStopsWatching(watch, name, wrongEmail);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(!watch.status->text().contains(u"failed"_qs), qPrintable(watch.status->text()));

    // Meanwhile portico-local failed the create; Watch again hears it.
    offline = false;
    watchAgainUntilItEnds(watch);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(watch.finished.last().at(0).toBool(), false);
    QCOMPARE(watch.status->text(), activationFailure(name, wrongEmail) + u'\n' + s_useBack);
    QVERIFY(!watch.watchAgain->isVisible());
    QVERIFY(watch.wizard.button(QWizard::BackButton)->isVisible());
    QVERIFY(watch.wizard.button(QWizard::BackButton)->isEnabled());
    QCOMPARE(created.size(), 0);
    QVERIFY(m_controller->serviceId() != test::localServiceId(name));
}

void tst_ProvisioningWatch::aFailedCreateSaysWhyInDutch()
{
    QVERIFY(ui::installTranslations(*qApp, u"nl"_qs));
    const auto english = qScopeGuard([] {
        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    });
    const QString name = u"watchfailsnl"_qs;
    const QString wrongEmail = u"admin@contoso.invalid"_qs;
    Watch watch(m_controller.get());
    create(watch.wizard, name, wrongEmail);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(watch.finished.wait(60000));
    QCOMPARE(watch.finished.first().at(0).toBool(), false);
    // The frame is Dutch; what the server said stays as it said it.
    QCOMPARE(watch.wizard.findChild<QLabel *>(u"provisioningStatusLabel"_qs)->text(),
             u"Aanmaken van “%1” is mislukt: %2 (ActivationFailed)\n"_qs.arg(
                 name, activationMessage(name, wrongEmail))
                 + u"Gebruik Terug om de instellingen te wijzigen en het exemplaar opnieuw aan "
                   "te maken."_qs);
}

QTEST_MAIN(tst_ProvisioningWatch)
#include "tst_provisioningwatch.moc"
