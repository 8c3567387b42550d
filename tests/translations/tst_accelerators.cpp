// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Keyboard accelerators in English and in Dutch, against the real portico-local: on every
// resource page of the publisher (products, subscriptions, users, groups, named values,
// backends; a new item, a selected one, one whose list could not be read (Retry), and one whose
// save or delete met a change on the server, with the conflict banner's buttons), in the API and
// operation editors (new and opened, also with the error banner's Retry and the conflict
// banner's choices), on the overview, the policy pages (with their banners and the effective
// policy) and the usage dashboard (with a custom period, and the calls one by one), in the Add
// AzureML web service dialog, in the main window with its connection banner, and in the
// developer workspace (an operation open in Try It, on each tab: Response, History, Code, Batch
// jobs), and on the service wizard's last page once Portico stopped watching a create (Watch
// again), each Alt+letter has one owner and every label with an accelerator has a field that
// takes the focus, and pressing Alt with its letter puts the focus there. The menu bar's titles
// have one letter each, and so have the items of each menu; a title's letter opens its menu
// wherever the focus is in the main window, so no page shown there owns one (dialogs, being
// windows of their own, may); Alt+S saves a new product filled in from the keyboard,
// and the Submit button's accelerator (Alt+S, in Dutch Alt+I) starts a batch job, which then
// shows in the job list.

#include "core/arm/armrequest.h"
#include "core/batch/batchjobrunner.h"
#include "core/secrets/inmemorysecretstore.h"
#include "core/secrets/secretstore.h"
#include "core/settings/settings.h"
#include "tests/support/mnemonics.h"
#include "tests/support/secretjobs.h"
#include "tests/support/tempdir.h"
#include "tests/ui/developer/developertestbed.h"
#include "ui/common/bannerwidget.h"
#include "ui/developer/apicatalogpanel.h"
#include "ui/developer/batchjobspanel.h"
#include "ui/developer/developerworkspace.h"
#include "ui/developer/tryitcomposer.h"
#include "ui/publisher/addazuremldialog.h"
#include "ui/publisher/policyeditor.h"
#include "ui/publisher/requestlogview.h"
#include "ui/publisher/usagedashboard.h"
#include "ui/publisher/publisherworkspace.h"
#include "ui/publisher/resourcepanel.h"
#include "ui/publisher/servicewizard.h"
#include "ui/publisher/stagededitor.h"
#include "ui/shell/consolesession.h"
#include "ui/shell/language.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

#include <tuple>

using namespace portico;
using Page = ui::PublisherWorkspace::Page;

Q_DECLARE_METATYPE(Page)

class tst_Accelerators : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void resourcePageAccelerators_data();
    void resourcePageAccelerators();
    void editorAccelerators_data();
    void editorAccelerators();
    void addAzureMlDialogAccelerators_data();
    void addAzureMlDialogAccelerators();
    void serviceWizardWatchAgainAccelerators_data();
    void serviceWizardWatchAgainAccelerators();
    void menuBarAccelerators_data();
    void menuBarAccelerators();
    void mainWindowAccelerators_data();
    void mainWindowAccelerators();
    void conflictBannerAccelerators_data();
    void conflictBannerAccelerators();
    void batchJobsTabAccelerators_data();
    void batchJobsTabAccelerators();
    void publisherPageAccelerators_data();
    void publisherPageAccelerators();
    void developerTabAccelerators_data();
    void developerTabAccelerators();
    void labelAcceleratorMovesTheFocusToItsField_data();
    void labelAcceleratorMovesTheFocusToItsField();
    void altSSavesANewProduct_data();
    void altSSavesANewProduct();
    void submitAcceleratorStartsABatchJob_data();
    void submitAcceleratorStartsABatchJob();

private:
    // The letters of the main window's menu bar in the language chosen (with the menus and items
    // the console session adds): Alt+letter opens that menu wherever the focus is in the window,
    // so no page shown in the main window may own one of them.
    QMap<QChar, QString> menuBarLetters();
    // The Batch jobs tab of a developer workspace made (after the language is chosen), shown
    // and active.
    std::unique_ptr<ui::DeveloperWorkspace> batchWorkspace();
    // A publisher workspace made (after the language is chosen), shown and active, on the page
    // of the API or operation editor for `name` (empty: a new one), loaded.
    std::unique_ptr<ui::PublisherWorkspace> editorWorkspace(Page page, const QString &name);

    int m_windows = 0; // main windows made for their menu bar, to give each its own files
    test::DeveloperTestBed m_bed;
    test::TempDir m_dir;
    core::InMemorySecretStore m_secrets;
    std::unique_ptr<core::BatchJobRunner> m_runner;
};

void tst_Accelerators::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString started = m_bed.start(u"accelerators"_qs, this);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    // One item on every resource page, to see the form with a selected item.
    const QList<QPair<QString, QJsonObject>> items {
        { u"/subscriptions/accel-subscription"_qs,
          { { u"scope"_qs, u"/products/starter"_qs }, { u"displayName"_qs, u"Accelerators"_qs },
            { u"state"_qs, u"active"_qs } } },
        { u"/users/accel-user"_qs,
          { { u"firstName"_qs, u"Ada"_qs }, { u"lastName"_qs, u"Lovelace"_qs },
            { u"email"_qs, u"ada@contoso.com"_qs } } },
        { u"/groups/accel-group"_qs, { { u"displayName"_qs, u"Accelerators"_qs } } },
        { u"/namedValues/accel-value"_qs, { { u"displayName"_qs, u"accel-value"_qs }, { u"value"_qs, u"42"_qs } } },
        { u"/backends/accel-backend"_qs, { { u"url"_qs, u"https://backend.contoso.com"_qs },
                                          { u"protocol"_qs, u"http"_qs } } },
    };
    for (const auto &[path, properties] : items) {
        const auto put = m_bed.call(core::ArmRequest::put(m_bed.serviceId() + path,
                                                          QJsonObject { { u"properties"_qs, properties } }),
                                    this);
        QVERIFY2(put.ok(), qPrintable(path + u": "_qs + (put.ok() ? QString() : put.error().message)));
    }
    const QString developer = m_bed.startDeveloper(m_dir.filePath(u"history.sqlite"_qs));
    QVERIFY2(developer.isEmpty(), qPrintable(developer));
    m_bed.developer()->setSecretStore(&m_secrets, u"local"_qs);
    m_runner = std::make_unique<core::BatchJobRunner>(&m_bed.network(), &m_secrets, m_dir.filePath(u"batch"_qs));
    QVERIFY(m_runner->load().ok());
    QVERIFY(test::waitFor(m_secrets.write(core::SecretStore::makeKey(u"local"_qs, u"ml-key"_qs), m_bed.local().mlKey()))
                .ok());
    QVERIFY(m_dir.write(u"alt-en.csv"_qs, "Col2\nThis is a good day\n"));
    QVERIFY(m_dir.write(u"alt-nl.csv"_qs, "Col2\nThis is a good day\n"));
}

void tst_Accelerators::cleanupTestCase()
{
    m_runner.reset();
    m_bed.stop();
}

void tst_Accelerators::cleanup()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

QMap<QChar, QString> tst_Accelerators::menuBarLetters()
{
    const QString name = u"letters-"_qs + QString::number(++m_windows);
    core::Settings settings(m_dir.filePath(name + u".ini"_qs));
    ui::MainWindow window(settings);
    ui::ConsoleSession session(&window, &m_secrets, m_dir.filePath(name + u".sqlite"_qs));
    return test::menuBarLetters(window.menuBar());
}

namespace {

void addLanguages()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << u"en"_qs;
    QTest::newRow("Dutch") << u"nl"_qs;
}

// Each problem on a line of its own (a failure message is cut short), then the failure.
void report(const QStringList &problems)
{
    for (const QString &problem : problems)
        qWarning().noquote() << problem;
    QVERIFY2(problems.isEmpty(), qPrintable(QString::number(problems.size()) + u" accelerator problems, listed above"_qs));
}

// Dutch loaded from the shipped .qm (English is the source language).
bool useLanguage(const QString &language)
{
    return language == u"en"_qs || ui::installTranslations(*qApp, language);
}

} // namespace

void tst_Accelerators::resourcePageAccelerators_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<Page>("page");
    const QList<QPair<const char *, Page>> pages { { "products", Page::Products },
                                                  { "subscriptions", Page::Subscriptions },
                                                  { "users", Page::Users },
                                                  { "groups", Page::Groups },
                                                  { "named values", Page::NamedValues },
                                                  { "backends", Page::Backends } };
    for (const QString &language : { u"en"_qs, u"nl"_qs }) {
        for (const auto &[name, page] : pages)
            QTest::addRow("%s %s", qPrintable(language), name) << language << page;
    }
}

// The accelerators on the page, with the scope bar above it: as a new item, with the first item
// of the list selected (which shows the policy button on a product and the keys of a
// subscription), and when the list could not be read (the banner offers Retry); none is a letter
// of the menu bar.
void tst_Accelerators::resourcePageAccelerators()
{
    QFETCH(QString, language);
    QFETCH(Page, page);
    QVERIFY(useLanguage(language));
    ui::PublisherWorkspace workspace(m_bed.publisher());
    workspace.resize(1400, 900);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    workspace.showPage(page);
    ui::ResourcePanel *panel = workspace.panel(page);
    QVERIFY(panel);
    auto *table = panel->findChild<QTableView *>();
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 10000);
    QVERIFY(panel->isNew());
    const QMap<QChar, QString> menus = menuBarLetters();
    QStringList problems = test::mnemonicProblems(&workspace, menus);
    for (QString &problem : problems)
        problem.prepend(u"new item: "_qs);

    table->selectRow(0);
    QTRY_VERIFY(!panel->isNew());
    for (const QString &problem : test::mnemonicProblems(&workspace, menus))
        problems.append(u"selected item: "_qs + problem);

    panel->setLoadError(u"Connection refused"_qs); // the banner offers Retry
    QVERIFY(panel->findChild<QWidget *>(panel->objectName().chopped(5) + u"BannerWidget"_qs)->isVisible());
    for (const QString &problem : test::mnemonicProblems(&workspace, menus))
        problems.append(u"load failed: "_qs + problem);
    report(problems);
}

namespace {

const QString kApiId = u"azureml-demo-api"_qs; // the seed's API (AzureMlDefinition::localSample)
const QString kOperationId = u"rrs-execute"_qs;

} // namespace

std::unique_ptr<ui::PublisherWorkspace> tst_Accelerators::editorWorkspace(Page page, const QString &name)
{
    auto workspace = std::make_unique<ui::PublisherWorkspace>(m_bed.publisher());
    workspace->resize(1400, 900);
    workspace->show();
    workspace->activateWindow();
    if (page == Page::Api)
        workspace->showPage(page, name);
    else
        workspace->showPage(page, name, kApiId);
    return workspace;
}

void tst_Accelerators::editorAccelerators_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<Page>("page");
    QTest::addColumn<QString>("name");
    // "", "save failed" (Retry) or "conflict" (Keep server version, Overwrite)
    QTest::addColumn<QString>("banner");
    for (const QString &language : { u"en"_qs, u"nl"_qs }) {
        for (const auto &[editor, page, name] : { std::tuple { "API", Page::Api, kApiId },
                                                  std::tuple { "operation", Page::Operation, kOperationId } }) {
            QTest::addRow("%s new %s", qPrintable(language), editor) << language << page << QString() << QString();
            for (const QString &banner : { QString(), u"save failed"_qs, u"conflict"_qs }) {
                QTest::addRow("%s %s%s%s", qPrintable(language), editor, banner.isEmpty() ? "" : ", ",
                              qPrintable(banner))
                    << language << page << name << banner;
            }
        }
    }
}

// The whole publisher page around the editor (its Usage and Edit policy buttons count too), with
// the operation editor's tabs: a new item, an opened one, and an opened one whose save failed
// (the banner offers Retry) or met a change on the server (Keep server version, Overwrite).
void tst_Accelerators::editorAccelerators()
{
    QFETCH(QString, language);
    QFETCH(Page, page);
    QFETCH(QString, name);
    QFETCH(QString, banner);
    QVERIFY(useLanguage(language));
    const auto workspace = editorWorkspace(page, name);
    QVERIFY(QTest::qWaitForWindowExposed(workspace.get()));
    auto *editor = qobject_cast<ui::StagedEditor *>(workspace->currentEditor());
    QVERIFY(editor);
    if (!name.isEmpty())
        QTRY_COMPARE_WITH_TIMEOUT(editor->values().value(u"name"_qs).toString(), name, 10000);
    if (banner == u"save failed")
        editor->saveFailed(core::Error::make(core::Error::Kind::Network, u"Connection refused"_qs));
    else if (banner == u"conflict")
        editor->saveConflicted();
    report(test::mnemonicProblems(workspace.get(), menuBarLetters()));
}

void tst_Accelerators::addAzureMlDialogAccelerators_data()
{
    addLanguages();
}

void tst_Accelerators::addAzureMlDialogAccelerators()
{
    QFETCH(QString, language);
    QVERIFY(useLanguage(language));
    ui::AddAzureMlDialog dialog(m_bed.publisher());
    dialog.setProducts({ { u"starter"_qs, u"Starter"_qs } });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    report(test::mnemonicProblems(&dialog));
}

void tst_Accelerators::serviceWizardWatchAgainAccelerators_data()
{
    addLanguages();
}

// The wizard's last page after it stopped watching: Watch again has a letter of its own next to
// the wizard's Finish.
void tst_Accelerators::serviceWizardWatchAgainAccelerators()
{
    QFETCH(QString, language);
    QVERIFY(useLanguage(language));
    ui::ServiceWizard wizard;
    wizard.setEnvironments({ { u"local"_qs, u"portico-local"_qs, false } }, u"local"_qs);
    wizard.setStartId(ui::ServiceWizard::ProgressPageId);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(ui::ServiceWizard::ProgressPageId));
    wizard.setProvisioningUnconfirmed(u"accelerators is still being created."_qs, true);
    auto *watchAgain = wizard.findChild<QPushButton *>(u"watchAgainPushButton"_qs);
    QVERIFY(watchAgain);
    QVERIFY(watchAgain->isVisible());
    QVERIFY2(!test::mnemonicOf(watchAgain->text()).isNull(), qPrintable(watchAgain->text()));
    report(test::mnemonicProblems(&wizard));
}

void tst_Accelerators::menuBarAccelerators_data()
{
    addLanguages();
}

// The main window's menus as the console has them (the session adds File's service items and
// the Environment menu): one letter per title, and one per item within each menu.
void tst_Accelerators::menuBarAccelerators()
{
    QFETCH(QString, language);
    QVERIFY(useLanguage(language));
    core::Settings settings(m_dir.filePath(u"menus-"_qs + language + u".ini"_qs));
    ui::MainWindow window(settings);
    ui::ConsoleSession session(&window, &m_secrets, m_dir.filePath(u"menus-"_qs + language + u".sqlite"_qs));
    QVERIFY(window.findChild<QMenu *>(u"environmentMenu"_qs));
    report(test::menuCollisions(window.menuBar()));
}

void tst_Accelerators::mainWindowAccelerators_data()
{
    addLanguages();
}

// The main window with the connection banner's Retry: its letter is not one of the menu bar's.
void tst_Accelerators::mainWindowAccelerators()
{
    QFETCH(QString, language);
    QVERIFY(useLanguage(language));
    core::Settings settings(m_dir.filePath(u"window-"_qs + language + u".ini"_qs));
    ui::MainWindow window(settings);
    ui::ConsoleSession session(&window, &m_secrets, m_dir.filePath(u"window-"_qs + language + u".sqlite"_qs));
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showConnectionProblem(u"portico-local stopped"_qs);
    QVERIFY(window.connectionBanner()->isVisible());
    report(test::mnemonicProblems(&window, test::menuBarLetters(window.menuBar())));
}

void tst_Accelerators::conflictBannerAccelerators_data()
{
    resourcePageAccelerators_data();
}

// The selected item's save, then its delete, met a change on the server: the conflict banner
// shows Keep server version with Overwrite, then with Delete anyway, next to the whole form.
void tst_Accelerators::conflictBannerAccelerators()
{
    QFETCH(QString, language);
    QFETCH(Page, page);
    QVERIFY(useLanguage(language));
    ui::PublisherWorkspace workspace(m_bed.publisher());
    workspace.resize(1400, 900);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    workspace.showPage(page);
    ui::ResourcePanel *panel = workspace.panel(page);
    QVERIFY(panel);
    auto *table = panel->findChild<QTableView *>();
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 10000);
    table->selectRow(0);
    QTRY_VERIFY(!panel->isNew());
    auto *conflict = panel->findChild<QWidget *>(panel->objectName().chopped(5) + u"ConflictBannerWidget"_qs);
    QVERIFY(conflict);

    const QMap<QChar, QString> menus = menuBarLetters();
    panel->saveConflicted();
    QVERIFY(conflict->isVisible());
    QStringList problems;
    for (const QString &problem : test::mnemonicProblems(&workspace, menus))
        problems.append(u"save conflict: "_qs + problem);
    panel->deleteConflicted(panel->currentName());
    QVERIFY(conflict->isVisible());
    for (const QString &problem : test::mnemonicProblems(&workspace, menus))
        problems.append(u"delete conflict: "_qs + problem);
    report(problems);
}

std::unique_ptr<ui::DeveloperWorkspace> tst_Accelerators::batchWorkspace()
{
    auto workspace = std::make_unique<ui::DeveloperWorkspace>(m_bed.developer());
    workspace->setBatchRunner(m_runner.get(), &m_secrets, u"local"_qs);
    ui::BatchJobsPanel *panel = workspace->batchJobs();
    panel->setDirectService(m_bed.local().mlUrl(), core::SecretStore::makeKey(u"local"_qs, u"ml-key"_qs));
    panel->setWorkspaceAndService(u"local"_qs, u"feature-hashing"_qs);
    workspace->resize(1400, 900);
    workspace->show();
    workspace->activateWindow();
    workspace->showTab(ui::DeveloperWorkspace::Tab::Batch);
    return workspace;
}

void tst_Accelerators::batchJobsTabAccelerators_data()
{
    addLanguages();
}

// The whole developer workspace on the Batch jobs tab: the tab bar's own letters count too.
void tst_Accelerators::batchJobsTabAccelerators()
{
    QFETCH(QString, language);
    QVERIFY(useLanguage(language));
    const auto workspace = batchWorkspace();
    QVERIFY(QTest::qWaitForWindowExposed(workspace.get()));
    QVERIFY(workspace->batchJobs()->isVisible());
    const QStringList problems = test::mnemonicProblems(workspace.get(), menuBarLetters());
    report(problems);
}

void tst_Accelerators::publisherPageAccelerators_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<Page>("page");
    QTest::addColumn<QString>("name");
    // policy: "", "save failed" (Retry), "conflict" (Keep server version, Overwrite) or
    // "effective" (the effective policy's tab);
    // usage: "" (the summary of the last day), "custom" (From and To) or "calls" (the calls one by one)
    QTest::addColumn<QString>("state");
    for (const QString &language : { u"en"_qs, u"nl"_qs }) {
        QTest::addRow("%s overview", qPrintable(language)) << language << Page::Overview << QString() << QString();
        for (const QString &state : { QString(), u"save failed"_qs, u"conflict"_qs, u"effective"_qs }) {
            QTest::addRow("%s global policy%s%s", qPrintable(language), state.isEmpty() ? "" : ", ", qPrintable(state))
                << language << Page::Policy << QString() << state;
        }
        QTest::addRow("%s API policy", qPrintable(language))
            << language << Page::Policy << u"/apis/"_qs + kApiId << QString();
        QTest::addRow("%s API policy, effective", qPrintable(language))
            << language << Page::Policy << u"/apis/"_qs + kApiId << u"effective"_qs;
        for (const QString &state : { QString(), u"custom"_qs, u"calls"_qs }) {
            QTest::addRow("%s usage%s%s", qPrintable(language), state.isEmpty() ? "" : ", ", qPrintable(state))
                << language << Page::Usage << QString() << state;
        }
    }
}

// The publisher's other pages as the main window shows them (the overview, a policy with its
// banners, the usage dashboard on each of its tabs): no letter of the menu bar, and one owner
// for each letter.
void tst_Accelerators::publisherPageAccelerators()
{
    QFETCH(QString, language);
    QFETCH(Page, page);
    QFETCH(QString, name);
    QFETCH(QString, state);
    QVERIFY(useLanguage(language));
    ui::PublisherWorkspace workspace(m_bed.publisher());
    workspace.resize(1400, 900);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    if (page == Page::Usage) {
        // A call (refused: it has no key) through the service's gateway to an API of its own, so
        // that the dashboard shows its chart and tabs instead of saying there were no calls.
        const QString api = m_bed.serviceId() + u"/apis/accel-usage"_qs;
        QVERIFY(m_bed.call(core::ArmRequest::put(api, QJsonObject { { u"properties"_qs, QJsonObject {
                                                         { u"displayName"_qs, u"Usage API"_qs },
                                                         { u"path"_qs, u"accel-usage"_qs },
                                                         { u"serviceUrl"_qs, u"http://127.0.0.1:9"_qs },
                                                         { u"protocols"_qs, QJsonArray { u"http"_qs } } } } }),
                           this)
                    .ok());
        QVERIFY(m_bed.call(core::ArmRequest::put(api + u"/operations/ping"_qs, QJsonObject { { u"properties"_qs, QJsonObject {
                                                                             { u"displayName"_qs, u"Ping"_qs },
                                                                             { u"method"_qs, u"GET"_qs },
                                                                             { u"urlTemplate"_qs, u"/ping"_qs } } } }),
                           this)
                    .ok());
        QUrl url = m_bed.local().gatewayUrl();
        url.setPath(u'/' + m_bed.serviceId().section(u'/', -1) + u"/accel-usage/ping"_qs);
        QNetworkReply *reply = m_bed.network().get(QNetworkRequest(url));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        reply->deleteLater();
    }
    workspace.showPage(page, name);
    QCOMPARE(workspace.currentPage(), page);
    if (page == Page::Policy) {
        auto *editor = qobject_cast<ui::PolicyEditor *>(workspace.currentEditor());
        QVERIFY(editor);
        auto *xml = editor->findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
        QVERIFY(xml);
        QTRY_VERIFY_WITH_TIMEOUT(xml->toPlainText().contains(u"<policies>"_qs), 10000);
        if (state == u"save failed")
            editor->saveFailed(core::Error::make(core::Error::Kind::Network, u"Connection refused"_qs));
        else if (state == u"conflict")
            editor->saveConflicted();
        else if (state == u"effective")
            editor->findChild<QTabWidget *>(u"policyTabWidget"_qs)->setCurrentIndex(1);
    } else if (page == Page::Usage) {
        auto *dashboard = workspace.findChild<ui::UsageDashboard *>();
        QVERIFY(dashboard);
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard->isLoading(), 10000);
        if (state == u"custom") {
            const QDateTime now = QDateTime::currentDateTime();
            dashboard->setCustomRange(now.addDays(-2), now);
        } else if (state == u"calls") {
            auto *views = dashboard->findChild<QTabWidget *>(u"usageTabWidget"_qs);
            QVERIFY(views);
            QTRY_VERIFY_WITH_TIMEOUT(views->isVisible(), 10000);
            views->setCurrentWidget(dashboard->requestLog());
            QVERIFY(dashboard->requestLog()->isVisible());
        }
    }
    report(test::mnemonicProblems(&workspace, menuBarLetters()));
}

void tst_Accelerators::developerTabAccelerators_data()
{
    using Tab = ui::DeveloperWorkspace::Tab;
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("tab");
    for (const QString &language : { u"en"_qs, u"nl"_qs }) {
        for (const auto &[name, tab] : { std::pair { "response", Tab::Response }, std::pair { "history", Tab::History },
                                         std::pair { "code", Tab::Code }, std::pair { "batch jobs", Tab::Batch } })
            QTest::addRow("%s %s", qPrintable(language), name) << language << int(tab);
    }
}

// The developer workspace as the main window shows it: the catalog with an operation opened in
// Try It, on each tab below it: no letter of the menu bar, and one owner for each letter.
void tst_Accelerators::developerTabAccelerators()
{
    QFETCH(QString, language);
    QFETCH(int, tab);
    QVERIFY(useLanguage(language));
    const auto workspace = batchWorkspace();
    QVERIFY(QTest::qWaitForWindowExposed(workspace.get()));
    QVERIFY(m_bed.refreshDeveloper());
    QTRY_VERIFY_WITH_TIMEOUT(workspace->catalog()->select(u"AzureML Demo API"_qs, u"RRS Execute"_qs), 10000);
    QTest::mouseClick(workspace->catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
    QVERIFY(workspace->composer()->findChild<QLabel *>(u"composerTitleLabel"_qs)->text().contains(u"RRS Execute"_qs));
    workspace->showTab(ui::DeveloperWorkspace::Tab(tab));
    report(test::mnemonicProblems(workspace.get(), menuBarLetters()));
}

void tst_Accelerators::labelAcceleratorMovesTheFocusToItsField_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("where"); // products, batch, api, operation or azureml
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("context"); // of the label's text
    QTest::addColumn<QString>("label");   // in English
    const QList<QStringList> fields {
        { u"product display name"_qs, u"products"_qs, u"productDisplayNameLineEdit"_qs, u"portico::ui::PanelSpec"_qs,
          u"&Display name:"_qs },
        { u"batch input CSV"_qs, u"batch"_qs, u"batchInputLineEdit"_qs, u"portico::ui::BatchJobsPanel"_qs,
          u"&Input CSV:"_qs },
        { u"batch workspace"_qs, u"batch"_qs, u"batchWorkspaceLineEdit"_qs, u"portico::ui::BatchJobsPanel"_qs,
          u"&Workspace:"_qs },
        { u"API display name"_qs, u"api"_qs, u"displayNameLineEdit"_qs, u"portico::ui::ApiEditor"_qs,
          u"&Display name:"_qs },
        // The schemes are two check boxes: the first takes the focus and is not toggled.
        { u"API schemes"_qs, u"api"_qs, u"httpCheckBox"_qs, u"portico::ui::ApiEditor"_qs, u"Sche&mes:"_qs },
        { u"API products"_qs, u"api"_qs, u"productsListWidget"_qs, u"portico::ui::ApiEditor"_qs, u"&Products:"_qs },
        { u"API description"_qs, u"api"_qs, u"descriptionPlainTextEdit"_qs, u"portico::ui::ApiEditor"_qs,
          u"Descripti&on:"_qs },
        { u"operation method"_qs, u"operation"_qs, u"methodComboBox"_qs, u"portico::ui::OperationEditor"_qs,
          u"Ver&b:"_qs },
        { u"operation URL template"_qs, u"operation"_qs, u"urlTemplateLineEdit"_qs,
          u"portico::ui::OperationEditor"_qs, u"URL te&mplate:"_qs },
        { u"AzureML base URL"_qs, u"azureml"_qs, u"mlBaseUrlLineEdit"_qs, u"portico::ui::AddAzureMlDialog"_qs,
          u"ML service &base URL:"_qs },
        { u"AzureML API key"_qs, u"azureml"_qs, u"mlApiKeyLineEdit"_qs, u"portico::ui::AddAzureMlDialog"_qs,
          u"API &key:"_qs },
        { u"AzureML product"_qs, u"azureml"_qs, u"productComboBox"_qs, u"portico::ui::AddAzureMlDialog"_qs,
          u"&Product:"_qs },
    };
    for (const QString &language : { u"en"_qs, u"nl"_qs }) {
        for (const QStringList &row : fields)
            QTest::addRow("%s %s", qPrintable(language), qPrintable(row.at(0)))
                << language << row.at(1) << row.at(2) << row.at(3) << row.at(4);
    }
}

// Alt with the letter of the field's label, pressed in another field, puts the focus there (and
// does not toggle a check box that takes it).
void tst_Accelerators::labelAcceleratorMovesTheFocusToItsField()
{
    QFETCH(QString, language);
    QFETCH(QString, where);
    QFETCH(QString, field);
    QFETCH(QString, context);
    QFETCH(QString, label);
    QVERIFY(useLanguage(language));
    std::unique_ptr<QWidget> window;
    QWidget *form = nullptr;
    if (where == u"batch") {
        auto workspace = batchWorkspace();
        form = workspace->batchJobs();
        window = std::move(workspace);
    } else if (where == u"products") {
        auto workspace = std::make_unique<ui::PublisherWorkspace>(m_bed.publisher());
        workspace->resize(1400, 900);
        workspace->show();
        workspace->activateWindow();
        workspace->showPage(Page::Products);
        form = workspace->panel(Page::Products);
        window = std::move(workspace);
    } else if (where == u"azureml") {
        auto dialog = std::make_unique<ui::AddAzureMlDialog>(m_bed.publisher());
        dialog->show();
        dialog->activateWindow();
        form = dialog.get();
        window = std::move(dialog);
    } else {
        auto workspace = editorWorkspace(where == u"api" ? Page::Api : Page::Operation, {});
        form = workspace->currentEditor();
        window = std::move(workspace);
    }
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    auto *target = form->findChild<QWidget *>(field);
    QVERIFY(target);
    const QString text = QCoreApplication::translate(context.toUtf8().constData(), label.toUtf8().constData());
    QLabel *shown = nullptr;
    for (QLabel *candidate : form->findChildren<QLabel *>()) {
        if (candidate->text() == text)
            shown = candidate;
    }
    QVERIFY2(shown, qPrintable(u"no label “"_qs + text + u"”"_qs));
    const QChar letter = test::mnemonicOf(text);
    QVERIFY(!letter.isNull());
    // Start from the first other field that takes the focus.
    QWidget *elsewhere = nullptr;
    for (QWidget *candidate : form->findChildren<QWidget *>()) {
        if (candidate != target && candidate->isVisible() && candidate->isEnabled()
            && (candidate->focusPolicy() & Qt::TabFocus) && !candidate->focusProxy()) {
            elsewhere = candidate;
            break;
        }
    }
    QVERIFY(elsewhere);
    elsewhere->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), elsewhere);
    const QVariant checked = target->property("checked");
    QTest::keyClick(elsewhere, Qt::Key(letter.unicode()), Qt::AltModifier);
    const auto focused = [] { return QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString(); };
    QTRY_COMPARE(focused(), field);
    QCOMPARE(target->property("checked"), checked);
}

void tst_Accelerators::altSSavesANewProduct_data()
{
    addLanguages();
}

void tst_Accelerators::altSSavesANewProduct()
{
    QFETCH(QString, language);
    QVERIFY(useLanguage(language));
    ui::PublisherWorkspace workspace(m_bed.publisher());
    workspace.resize(1400, 900);
    workspace.show();
    workspace.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&workspace));
    workspace.showPage(Page::Products);
    ui::ResourcePanel *panel = workspace.panel(Page::Products);
    QTRY_VERIFY_WITH_TIMEOUT(panel->findChild<QTableView *>()->model()->rowCount() > 0, 10000);
    auto *save = panel->findChild<QPushButton *>(u"productsSavePushButton"_qs);
    QCOMPARE(test::mnemonicOf(save->text()), QChar(u'S')); // Save and Opslaan

    const QString id = u"alt-s-"_qs + language;
    QVERIFY(panel->isNew());
    auto *idEdit = panel->findChild<QLineEdit *>(u"productIdLineEdit"_qs);
    auto *displayName = panel->findChild<QLineEdit *>(u"productDisplayNameLineEdit"_qs);
    idEdit->setFocus();
    QTest::keyClicks(idEdit, id);
    QTest::keyClick(idEdit, Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), displayName);
    QTest::keyClicks(displayName, u"Saved with Alt+S"_qs);
    QTest::keyClick(displayName, Qt::Key_S, Qt::AltModifier);
    QTRY_VERIFY2_WITH_TIMEOUT(!panel->isNew(), "Alt+S did not save the new product", 10000);
    QCOMPARE(panel->currentName(), id);
    const auto saved = m_bed.call(core::ArmRequest::get(m_bed.serviceId() + u"/products/"_qs + id), this);
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));
    QCOMPARE(saved.value().value(u"properties"_qs).toObject().value(u"displayName"_qs).toString(),
             u"Saved with Alt+S"_qs);
}

void tst_Accelerators::submitAcceleratorStartsABatchJob_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QChar>("letter");
    QTest::newRow("English") << u"en"_qs << QChar(u'S');
    QTest::newRow("Dutch") << u"nl"_qs << QChar(u'I'); // &Indienen en starten
}

void tst_Accelerators::submitAcceleratorStartsABatchJob()
{
    QFETCH(QString, language);
    QFETCH(QChar, letter);
    QVERIFY(useLanguage(language));
    const auto workspace = batchWorkspace();
    QVERIFY(QTest::qWaitForWindowActive(workspace.get()));
    ui::BatchJobsPanel *panel = workspace->batchJobs();
    auto *submit = panel->findChild<QPushButton *>(u"batchSubmitPushButton"_qs);
    QCOMPARE(test::mnemonicOf(submit->text()), letter);
    auto *input = panel->findChild<QLineEdit *>(u"batchInputLineEdit"_qs);
    const QString name = u"alt-"_qs + language + u".csv"_qs;
    input->setText(m_dir.filePath(name));
    panel->findChild<QComboBox *>(u"batchTargetComboBox"_qs)->setCurrentIndex(1); // directly to the ML service
    auto *jobs = panel->findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs);
    QVERIFY(jobs->findItems(name, Qt::MatchExactly).isEmpty());
    input->setFocus();
    QTest::keyClick(input, Qt::Key(letter.unicode()), Qt::AltModifier);
    QTRY_VERIFY2_WITH_TIMEOUT(!jobs->findItems(name, Qt::MatchExactly).isEmpty(),
                              "the Submit accelerator did not start a job", 10000);
}

QTEST_MAIN(tst_Accelerators)
#include "tst_accelerators.moc"
