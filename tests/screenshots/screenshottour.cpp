// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Clicks through the seed scenario in the real console against a portico-local that the
// console itself starts, and saves a screenshot of each panel:
//   screenshot_tour --output DIR
// docs/screenshots/take.sh runs it under Xvfb into docs/screenshots. As a test (no --output) it
// writes to a temporary directory and checks that no key or token is visible in any captured
// panel, in the settings file, or in anything the console logged.

#include "core/arm/armclient.h"
#include "core/arm/armjob.h"
#include "core/arm/armrequest.h"
#include "core/secrets/inmemorysecretstore.h"
#include "core/settings/settings.h"
#include "tests/support/porticolocalfixture.h"
#include "ui/common/bannerwidget.h"
#include "ui/developer/apicatalogpanel.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/developerworkspace.h"
#include "ui/developer/jsonbodyeditor.h"
#include "ui/developer/responseviewer.h"
#include "ui/developer/tryitcomposer.h"
#include "ui/publisher/apieditor.h"
#include "ui/publisher/azuremldefinition.h"
#include "ui/publisher/editorfields.h"
#include "ui/publisher/operationeditor.h"
#include "ui/publisher/policyeditor.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/publisherworkspace.h"
#include "ui/publisher/resourcepanel.h"
#include "ui/publisher/servicewizard.h"
#include "ui/publisher/usagedashboard.h"
#include "ui/shell/consolesession.h"
#include "ui/shell/mainwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMutex>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTreeWidget>

#include <cstdio>

using namespace portico;

namespace {

QMutex g_logMutex;
QStringList g_log;

void collectLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    QMutexLocker lock(&g_logMutex);
    g_log.append(message);
    std::fprintf(stderr, "%s\n", qPrintable(message));
}

// Every text a person could read in `root` and its children.
QStringList visibleTexts(QWidget *root)
{
    QStringList out;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisibleTo(root) && w != root)
            continue;
        if (auto *l = qobject_cast<QLabel *>(w))
            out << l->text();
        else if (auto *e = qobject_cast<QLineEdit *>(w))
            out << e->displayText();
        else if (auto *p = qobject_cast<QPlainTextEdit *>(w))
            out << p->toPlainText();
        else if (auto *t = qobject_cast<QTextEdit *>(w))
            out << t->toPlainText();
        else if (auto *c = qobject_cast<QComboBox *>(w))
            out << c->currentText();
        else if (auto *tw = qobject_cast<QTableWidget *>(w)) {
            for (int r = 0; r < tw->rowCount(); ++r)
                for (int c = 0; c < tw->columnCount(); ++c)
                    if (tw->item(r, c))
                        out << tw->item(r, c)->text();
        } else if (auto *tr = qobject_cast<QTreeWidget *>(w)) {
            for (int r = 0; r < tr->topLevelItemCount(); ++r)
                for (int c = 0; c < tr->columnCount(); ++c)
                    out << tr->topLevelItem(r)->text(c);
        }
    }
    return out;
}

class Tour
{
public:
    explicit Tour(QString outputDir) : m_output(std::move(outputDir)) { }

    bool run();
    QString problem() const { return m_problem; }

private:
    bool fail(const QString &what)
    {
        if (m_problem.isEmpty())
            m_problem = what;
        return false;
    }
    bool shoot(QWidget *widget, const QString &name);
    bool waitFor(const std::function<bool()> &condition, int ms = 30000)
    {
        return QTest::qWaitFor(condition, ms);
    }
    core::Result<QJsonObject> call(core::ArmRequest request);
    bool checkSecrets(const QString &where, const QStringList &texts);

    QString m_output;
    QString m_problem;
    QTemporaryDir m_work;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<ui::ConsoleSession> m_session;
    QStringList m_secrets;
    int m_shots = 0;
};

core::Result<QJsonObject> Tour::call(core::ArmRequest request)
{
    std::optional<core::Result<QJsonObject>> result;
    m_session->publisher()->call(std::move(request), m_window.get(),
                                 [&result](const core::Result<QJsonObject> &r) { result = r; });
    if (!waitFor([&] { return result.has_value(); }, 60000))
        return core::Error::make(core::Error::Kind::Unavailable, u"timed out"_qs);
    return *result;
}

bool Tour::checkSecrets(const QString &where, const QStringList &texts)
{
    for (const QString &secret : std::as_const(m_secrets)) {
        if (secret.size() < 8)
            continue;
        for (const QString &text : texts) {
            if (text.contains(secret))
                return fail(u"a key or token is visible in %1"_qs.arg(where));
        }
    }
    return true;
}

bool Tour::shoot(QWidget *widget, const QString &name)
{
    QTest::qWait(150); // let lazy views paint
    if (!checkSecrets(name, visibleTexts(widget)))
        return false;
    const QString file = QDir(m_output).filePath(u"%1-%2.png"_qs.arg(++m_shots, 2, 10, QLatin1Char('0')).arg(name));
    if (!widget->grab().save(file))
        return fail(u"cannot write %1"_qs.arg(file));
    std::printf("%s\n", qPrintable(file));
    return true;
}

bool Tour::run()
{
    QStandardPaths::setTestModeEnabled(true);
    core::Settings settings(m_work.filePath(u"settings.ini"_qs));
    core::InMemorySecretStore store;
    m_window = std::make_unique<ui::MainWindow>(settings);
    m_session = std::make_unique<ui::ConsoleSession>(m_window.get(), &store, m_work.filePath(u"history.sqlite"_qs));
    m_window->resize(1440, 900);
    m_window->show();
    QSignalSpy connected(m_session.get(), &ui::ConsoleSession::connected);
    m_session->startLocal(test::PorticoLocalFixture::executable(), m_work.filePath(u"local"_qs));
    if (!connected.wait(30000))
        return fail(u"portico-local did not start"_qs);
    m_secrets << m_session->endpoints().token << m_session->endpoints().mlKey;
    m_window->setMode(ui::MainWindow::Mode::Developer);
    if (!shoot(m_window.get(), u"main-window-first-start"_qs))
        return false;

    // Publisher: the wizard, page by page.
    auto *wizard = new ui::ServiceWizard(m_window.get());
    m_session->publisher()->attachWizard(wizard);
    wizard->setEnvironments({ { u"local"_qs, u"portico-local"_qs, false } }, u"local"_qs);
    wizard->show();
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    if (!shoot(wizard, u"wizard-environment"_qs))
        return false;
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(wizard->findChild<QLineEdit *>(u"instanceNameLineEdit"_qs), u"demoazureml"_qs);
    if (!waitFor([next] { return next->isEnabled(); }))
        return fail(u"the instance name was not confirmed available"_qs);
    if (!shoot(wizard, u"wizard-instance-name"_qs))
        return false;
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(wizard->findChild<QLineEdit *>(u"organizationLineEdit"_qs), u"Contoso ML"_qs);
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(wizard->findChild<QLineEdit *>(u"adminEmailLineEdit"_qs), u"admin@contoso.com"_qs);
    QTest::mouseClick(next, Qt::LeftButton);
    auto *tier = wizard->findChild<QComboBox *>(u"tierComboBox"_qs);
    tier->setCurrentIndex(tier->findData(u"Developer"_qs));
    if (!shoot(wizard, u"wizard-pricing-tier"_qs))
        return false;
    QTest::mouseClick(next, Qt::LeftButton);
    if (!shoot(wizard, u"wizard-summary"_qs))
        return false;
    QSignalSpy created(m_session->publisher(), &ui::PublisherController::serviceCreated);
    QTest::mouseClick(wizard->button(QWizard::CommitButton) ? wizard->button(QWizard::CommitButton) : next, Qt::LeftButton);
    if (!created.wait(60000))
        return fail(u"the wizard did not create the service"_qs);
    if (!shoot(wizard, u"wizard-progress"_qs))
        return false;
    wizard->close();

    // Add AzureML web service (the local sample), and a Starter subscription.
    std::optional<core::Result<void>> added;
    m_session->publisher()->addAzureMl(ui::AzureMlDefinition::localSample(m_session->endpoints().ml.toString()),
                                       m_session->endpoints().mlKey, m_window.get(),
                                       [&added](const core::Result<void> &r) { added = r; });
    if (!waitFor([&] { return added.has_value(); }, 60000) || !added->ok())
        return fail(u"Add AzureML web service failed"_qs);
    const QString service = m_session->serviceId();
    if (!call(core::ArmRequest::put(service + u"/subscriptions/tour"_qs, QJsonObject {
            { u"properties"_qs, QJsonObject { { u"scope"_qs, u"/products/starter"_qs },
                                              { u"displayName"_qs, u"Tour developer"_qs },
                                              { u"ownerId"_qs, u"/users/1"_qs },
                                              { u"state"_qs, u"active"_qs } } } })).ok())
        return fail(u"cannot create the subscription"_qs);
    const auto keys = call(core::ArmRequest::post(service + u"/subscriptions/tour/listSecrets"_qs));
    if (!keys.ok())
        return fail(u"listSecrets failed"_qs);
    m_secrets << keys.value().value(u"primaryKey"_qs).toString() << keys.value().value(u"secondaryKey"_qs).toString();

    // Publisher editors on the seed's API.
    const QString apiId = ui::AzureMlDefinition::localSample({}).apiId();
    ui::ApiEditor apiEditor;
    m_session->publisher()->attachApiEditor(&apiEditor);
    m_session->publisher()->openApi(&apiEditor, apiId);
    apiEditor.resize(760, 620);
    apiEditor.show();
    if (!waitFor([&] { return !apiEditor.isNew() && apiEditor.values().value(u"displayName"_qs).toString() == u"AzureML Demo API"; })
        || !shoot(&apiEditor, u"api-editor"_qs))
        return fail(u"the API editor did not load the API"_qs);
    const auto operation = call(core::ArmRequest::get(u"/apis/"_qs + apiId + u"/operations/rrs-execute"_qs));
    ui::OperationEditor operationEditor;
    if (operation.ok()) {
        if (const auto op = core::Operation::fromJson(operation.value()))
            operationEditor.load(ui::editorfields::fromOperation(op.value()));
    }
    operationEditor.resize(900, 700);
    operationEditor.show();
    if (!shoot(&operationEditor, u"operation-editor"_qs))
        return false;
    ui::PolicyEditor policyEditor;
    m_session->publisher()->attachPolicyEditor(&policyEditor, u"/apis/"_qs + apiId, u"API AzureML Demo API"_qs);
    policyEditor.resize(900, 600);
    policyEditor.show();
    if (!waitFor([&] { return policyEditor.text().contains(u"set-header"_qs); }) || !shoot(&policyEditor, u"policy-editor"_qs))
        return fail(u"the policy editor did not load the API policy"_qs);

    // Publisher mode: the list pages, with a subscription's keys masked.
    m_window->setMode(ui::MainWindow::Mode::Publisher);
    ui::PublisherWorkspace *pub = m_session->publisherWorkspace();
    pub->showPage(ui::PublisherWorkspace::Page::Products);
    if (!waitFor([pub] { return pub->panel(ui::PublisherWorkspace::Page::Products)->records().size() >= 2; })
        || !shoot(m_window.get(), u"publisher-products"_qs))
        return fail(u"the products page did not load"_qs);
    pub->showPage(ui::PublisherWorkspace::Page::Subscriptions, u"tour"_qs);
    if (!waitFor([pub] {
            auto *key = pub->findChild<QLineEdit *>(u"primaryKeyLineEdit"_qs);
            return key && !key->text().isEmpty();
        }) || !shoot(m_window.get(), u"publisher-subscription-keys"_qs))
        return fail(u"the subscriptions page did not show the keys"_qs);
    pub->showPage(ui::PublisherWorkspace::Page::Policy, u"/apis/"_qs + apiId);
    if (!shoot(m_window.get(), u"publisher-api-policy"_qs))
        return false;
    m_window->setMode(ui::MainWindow::Mode::Developer);

    // Developer: catalog, Try It, response views, history, code.
    QSignalSpy subscriptions(m_session->developer(), &ui::DeveloperController::subscriptionsLoaded);
    m_window->findChild<QAction *>(u"refreshAction"_qs)->trigger();
    if (!subscriptions.wait(30000))
        return fail(u"the developer catalog did not load"_qs);
    ui::DeveloperWorkspace *dev = m_session->developerWorkspace();
    dev->catalog()->select(u"AzureML Demo API"_qs, u"RRS Execute"_qs);
    if (!shoot(m_window.get(), u"developer-catalog"_qs))
        return false;
    QTest::mouseClick(dev->catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
    ui::TryItComposer *composer = dev->composer();
    composer->setParameterValue(u"workspace"_qs, u"local"_qs);
    composer->setParameterValue(u"service"_qs, u"feature-hashing"_qs);
    composer->setParameterValue(u"apiversion"_qs, u"2.0"_qs);
    composer->setParameterValue(u"details"_qs, u"true"_qs);
    composer->bodyEditor()->setText(uR"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["This is a good day"]]}}, "GlobalParameters": {}})"_qs);
    auto *subscription = composer->findChild<QComboBox *>(u"subscriptionComboBox"_qs);
    subscription->setCurrentIndex(subscription->findData(u"tour"_qs));
    if (!shoot(m_window.get(), u"developer-try-it"_qs))
        return false;
    QSignalSpy ready(m_session->developer(), &ui::DeveloperController::responseReady);
    auto send = [&] {
        QTest::mouseClick(composer->findChild<QPushButton *>(u"sendPushButton"_qs), Qt::LeftButton);
        return ready.wait(30000);
    };
    if (!send() || dev->viewer()->response().status != 200)
        return fail(u"RRS Execute did not answer 200"_qs);
    if (!shoot(m_window.get(), u"developer-response-pretty"_qs))
        return false;
    dev->viewer()->setCurrentView(ui::ResponseViewer::View::Table);
    if (!shoot(m_window.get(), u"developer-response-table"_qs))
        return false;
    dev->viewer()->setCurrentView(ui::ResponseViewer::View::Tree);
    if (!shoot(m_window.get(), u"developer-response-tree"_qs))
        return false;
    for (int i = 0; i < 6 && dev->viewer()->response().status != 429; ++i)
        send();
    if (dev->viewer()->response().status != 429)
        return fail(u"Starter's rate limit did not answer 429"_qs);
    if (!shoot(m_window.get(), u"developer-rate-limited"_qs))
        return false;
    dev->showTab(ui::DeveloperWorkspace::Tab::History);
    if (!shoot(m_window.get(), u"developer-history"_qs))
        return false;
    dev->showTab(ui::DeveloperWorkspace::Tab::Code);
    if (!shoot(m_window.get(), u"developer-code"_qs))
        return false;
    dev->showTab(ui::DeveloperWorkspace::Tab::Batch);
    if (!shoot(m_window.get(), u"developer-batch-jobs"_qs))
        return false;

    // Publisher: the usage of the calls just made.
    m_window->setMode(ui::MainWindow::Mode::Publisher);
    pub->showPage(ui::PublisherWorkspace::Page::Usage);
    auto *usage = qobject_cast<ui::UsageDashboard *>(pub->currentEditor());
    if (!usage || !waitFor([usage] {
            const auto *total = usage->findChild<QLabel *>(u"usageTotalLabel"_qs);
            return !usage->isLoading() && total && total->text().toInt() > 0;
        }) || !shoot(m_window.get(), u"publisher-usage"_qs))
        return fail(u"the usage dashboard did not show the calls"_qs);

    // Nothing secret in the settings file or in anything logged.
    if (auto synced = settings.sync(); !synced)
        return fail(u"cannot write the settings: "_qs + synced.error().message);
    QFile ini(m_work.filePath(u"settings.ini"_qs));
    QStringList stored;
    if (ini.open(QIODevice::ReadOnly))
        stored << QString::fromUtf8(ini.readAll());
    if (!checkSecrets(u"the settings file"_qs, stored))
        return false;
    QStringList logged;
    {
        QMutexLocker lock(&g_logMutex);
        logged = g_log;
    }
    if (!checkSecrets(u"the log"_qs, logged))
        return false;
    m_session.reset();
    m_window.reset();
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    qInstallMessageHandler(collectLog);
    QString output;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--output")
            output = args[i + 1];
    }
    QTemporaryDir scratch;
    const bool asTest = output.isEmpty();
    if (asTest)
        output = scratch.path();
    QDir().mkpath(output);
    Tour tour(output);
    if (!tour.run()) {
        std::fprintf(stderr, "screenshot_tour: %s\n", qPrintable(tour.problem()));
        return 1;
    }
    const int shots = int(QDir(output).entryList({ u"*.png"_qs }, QDir::Files).size());
    std::printf("screenshot_tour: %d screenshots in %s; no key or token in them, the settings or the log\n",
                shots, qPrintable(output));
    return shots >= 15 ? 0 : 1;
}
