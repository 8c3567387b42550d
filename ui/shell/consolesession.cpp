// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/shell/consolesession.h"

#include "core/arm/armclient.h"
#include "core/arm/armlistjob.h"
#include "core/arm/armrequest.h"
#include "core/auth/statictokenprovider.h"
#include "core/batch/batchjobrunner.h"
#include "core/secrets/secretstore.h"
#include "core/environments/localsupervisor.h"
#include "core/itemmodels/navigationtreemodel.h"
#include "core/settings/settings.h"
#include "core/tryit/tryithistory.h"
#include "ui/common/bannerwidget.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/batchjobspanel.h"
#include "ui/developer/developerworkspace.h"
#include "ui/publisher/addazuremldialog.h"
#include "ui/publisher/azuremldefinition.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/publisherworkspace.h"
#include "ui/publisher/servicewizard.h"
#include "ui/shell/azureenvironments.h"
#include "ui/shell/environmentsecrets.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigationactions.h"
#include "ui/shell/navigationlabels.h"
#include "ui/developer/apicatalogpanel.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QDir>
#include <QFileInfo>
#include <QTreeView>
#include <QWidget>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QScopedValueRollback>
#include <QTimer>

#include <memory>

namespace portico::ui {

Q_LOGGING_CATEGORY(lcSession, "portico.ui.session")

namespace {

// portico-local's one subscription and resource group (apim-protocol.md, README).
const QString kLocalGroup = u"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/portico-local"_qs;
const QString kLocalId = u"local"_qs;

} // namespace

ConsoleSession::ConsoleSession(MainWindow *window, core::SecretStore *secrets, const QString &historyPath,
                               QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_environmentSecrets(secrets ? std::make_unique<EnvironmentSecrets>(secrets) : nullptr)
    , m_secrets(m_environmentSecrets.get())
    , m_history(std::make_unique<core::TryItHistory>())
    , m_batchDirectory(QFileInfo(historyPath).dir().filePath(u"batch"_qs))
    , m_environmentId(kLocalId)
{
    if (auto opened = m_history->open(historyPath); !opened)
        m_historyProblem = opened.error().message;

    // No keychain: the window says that sign-ins and keys last only for this session.
    window->setSecretStore(m_secrets);

    if (QMenu *file = window->findChild<QMenu *>(u"fileMenu"_qs)) {
        auto *newService = new QAction(tr("&New service instance…"), window);
        newService->setObjectName(u"newServiceAction"_qs);
        newService->setShortcut(QKeySequence::New);
        connect(newService, &QAction::triggered, this, &ConsoleSession::newService);
        auto *addAzureMl = new QAction(tr("Add &AzureML web service…"), window);
        addAzureMl->setObjectName(u"addAzureMlAction"_qs);
        addAzureMl->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
        connect(addAzureMl, &QAction::triggered, this, &ConsoleSession::addAzureMl);
        file->insertAction(file->actions().value(0), newService);
        file->insertAction(file->actions().value(1), addAzureMl);
        file->insertSeparator(file->actions().value(2));
    }
    // Environment: Azure environments next to portico-local.
    auto *environmentMenu = new QMenu(tr("&Environment"), window);
    environmentMenu->setObjectName(u"environmentMenu"_qs);
    m_addAzureAction = environmentMenu->addAction(tr("Add &Azure environment…"));
    m_addAzureAction->setObjectName(u"addAzureEnvironmentAction"_qs);
    m_addAzureAction->setEnabled(false);
    connect(m_addAzureAction, &QAction::triggered, this, [this] {
        if (m_azure)
            m_azure->addInteractively();
    });
    m_removeEnvironmentAction = environmentMenu->addAction(tr("&Remove environment…"));
    m_removeEnvironmentAction->setObjectName(u"removeEnvironmentAction"_qs);
    m_removeEnvironmentAction->setEnabled(false);
    connect(m_removeEnvironmentAction, &QAction::triggered, this, &ConsoleSession::removeEnvironment);
    QMenu *view = window->findChild<QMenu *>(u"viewMenu"_qs);
    window->menuBar()->insertMenu(view ? view->menuAction() : nullptr, environmentMenu);

    connect(window, &MainWindow::refreshRequested, this, [this] {
        if (m_navigation)
            m_navigation->refresh();
        findService();
    });
}

ConsoleSession::~ConsoleSession()
{
    // Panels first (they hold pointers into the controllers), then the child process.
    if (m_window && m_workspace)
        m_window->setModePage(MainWindow::Mode::Developer, new QWidget);
    if (m_window && m_publisherPage)
        m_window->setModePage(MainWindow::Mode::Publisher, new QWidget);
    m_developer.reset();
    m_batchRunner.reset();
    m_publisher.reset();
    m_azure.reset();
    m_client.reset();
    m_supervisor.reset();
}

void ConsoleSession::startLocal(const QString &program, const QString &dataDir)
{
    m_supervisor = std::make_unique<core::LocalSupervisor>(m_secrets, u"local"_qs);
    m_supervisor->setProgram(program);
    m_supervisor->setDataDir(dataDir);
    core::LocalSupervisor *supervisor = m_supervisor.get();
    connect(supervisor, &core::LocalSupervisor::ready, this, &ConsoleSession::connectTo);
    connect(supervisor, &core::LocalSupervisor::stateChanged, this, [this](core::LocalSupervisor::State state) {
        if (!m_window || m_environmentId != kLocalId) // the status bar shows the current environment
            return;
        switch (state) {
        case core::LocalSupervisor::State::Starting: m_window->setEnvironmentStatus(tr("portico-local: starting")); break;
        case core::LocalSupervisor::State::Running: m_window->setEnvironmentStatus(tr("portico-local: running")); break;
        case core::LocalSupervisor::State::Restarting: m_window->setEnvironmentStatus(tr("portico-local: restarting")); break;
        case core::LocalSupervisor::State::Stopping: m_window->setEnvironmentStatus(tr("portico-local: stopping")); break;
        case core::LocalSupervisor::State::Stopped: m_window->setEnvironmentStatus(tr("portico-local: stopped")); break;
        case core::LocalSupervisor::State::Failed: m_window->setEnvironmentStatus(tr("portico-local: failed")); break;
        }
    });
    connect(supervisor, &core::LocalSupervisor::crashed, this, [this](int exitCode, const QString &) {
        if (m_window)
            m_window->showConnectionProblem(
                tr("portico-local stopped unexpectedly (exit code %1). Restarting it…").arg(exitCode));
    });
    connect(supervisor, &core::LocalSupervisor::failed, this, [this](const core::Error &error) {
        if (m_window && core::SecretStore::isLocked(error))
            m_window->showConnectionProblem(
                tr("portico-local could not be started: the keychain is locked, so its token cannot be "
                   "read. Unlock the keychain (for example by logging in to your desktop session) and "
                   "retry."));
        else if (m_window)
            m_window->showConnectionProblem(tr("portico-local could not be started: %1").arg(error.message));
        // The Azure environments do not need portico-local.
        if (m_azure && !m_navigation && m_window)
            buildShell();
    });
    connect(m_window, &MainWindow::retryRequested, this, [this] {
        if (m_supervisor && m_supervisor->state() == core::LocalSupervisor::State::Failed)
            m_supervisor->start();
        else
            findService();
    });
    supervisor->start();
}

void ConsoleSession::attachLocal(const core::LocalEndpoints &endpoints)
{
    connect(m_window, &MainWindow::retryRequested, this, &ConsoleSession::findService);
    connectTo(endpoints);
}

void ConsoleSession::connectTo(const core::LocalEndpoints &endpoints)
{
    const bool first = !m_client;
    m_endpoints = endpoints;
    if (m_window) {
        m_window->clearConnectionProblem();
        if (m_environmentId == kLocalId)
            m_window->setEnvironmentStatus(tr("portico-local: running at %1").arg(endpoints.management.toString()));
    }
    if (!first) {
        // A restart keeps its ports (LocalSupervisor pins them); only the token could change.
        m_tokens->setToken(endpoints.token);
        findService();
        return;
    }
    m_tokens = std::make_unique<core::StaticTokenProvider>(endpoints.token);
    m_client = std::make_unique<core::ArmClient>(&m_network, endpoints.management, m_tokens.get());
    if (!m_navigation) {
        buildShell();
    } else if (m_environmentId == kLocalId) {
        // The shell was built for the Azure environments while portico-local was not there.
        m_publisher->setClient(m_client.get());
        m_developer->setClient(m_client.get());
    }
    // Directly to portico-local's sample ML service, with its key from the keychain.
    const QString mlKeySecret = core::SecretStore::makeKey(kLocalId, u"ml-key"_qs);
    m_workspace->batchJobs()->setDirectService(endpoints.ml, mlKeySecret);
    if (m_secrets && !endpoints.mlKey.isEmpty()) {
        core::SecretJob *stored = m_secrets->write(mlKeySecret, endpoints.mlKey); // deletes itself
        connect(stored, &core::SecretJob::finished, this, [this, stored] {
            if (stored->result() || !m_workspace)
                return;
            // portico-local runs anyway; only what reads the key from the keychain (batch jobs
            // sent directly to its ML service) goes without it until the next start.
            const core::Error &error = stored->result().error();
            m_workspace->banner()->showMessage(
                BannerWidget::Kind::Warning,
                core::SecretStore::isLocked(error)
                    ? tr("portico-local's ML key could not be kept: the keychain is locked. Unlock it (for "
                         "example by logging in to your desktop session); the key is kept at the next start.")
                    : tr("portico-local's ML key could not be kept in the keychain: %1").arg(error.message));
        });
    }
    const QModelIndex local = m_navigation->addEnvironment(kLocalId, tr("portico-local"), m_client.get(), { kLocalGroup });
    m_window->navigationView()->expand(m_navigationLabels->mapFromSource(local));
    findService();
}

// The panels, the batch runner and the navigation tree. Normally built when portico-local is
// connected (with its client); built without it when portico-local cannot start, so that the
// Azure environments still work.
void ConsoleSession::buildShell()
{
    m_publisher = std::make_unique<PublisherController>(m_client.get(), m_window->operations());
    m_publisher->setSecretStore(m_secrets, kLocalId);
    connect(m_publisher.get(), &PublisherController::serviceCreated, this, &ConsoleSession::useService);
    m_publisherPage = new PublisherWorkspace(m_publisher.get());
    m_window->setModePage(MainWindow::Mode::Publisher, m_publisherPage);
    m_window->setUnsavedEditsCheck([page = QPointer<PublisherWorkspace>(m_publisherPage)] {
        return page ? page->unsavedEditorCount() : 0;
    });
    m_developer = std::make_unique<DeveloperController>(m_client.get(), &m_network, m_history.get());
    m_developer->setSecretStore(m_secrets, kLocalId);
    m_workspace = new DeveloperWorkspace(m_developer.get());
    // Batch jobs: kept next to the history, so that they outlive the app.
    m_batchRunner = std::make_unique<core::BatchJobRunner>(&m_network, m_secrets, m_batchDirectory);
    if (auto loaded = m_batchRunner->load(); !loaded)
        m_workspace->banner()->showMessage(BannerWidget::Kind::Warning,
                                           tr("Earlier batch jobs could not be read: %1").arg(loaded.error().message));
    m_workspace->setBatchRunner(m_batchRunner.get(), m_secrets, kLocalId);
    m_workspace->batchJobs()->setWorkspaceAndService(kLocalId, u"feature-hashing"_qs);
    // Jobs that ran on while Portico was closed catch up (state and results) by themselves;
    // from the event loop, once portico-local's ML key is being written (connectTo()).
    QTimer::singleShot(0, m_batchRunner.get(), [runner = m_batchRunner.get()] { runner->resumeActive(); });
    m_window->setModePage(MainWindow::Mode::Developer, m_workspace);
    // The navigation tree: environment → services → APIs → operations and the other folders.
    m_navigation = new core::NavigationTreeModel(this);
    m_navigationLabels = new NavigationLabels(this);
    m_navigationLabels->setSourceModel(m_navigation);
    m_window->setNavigationModel(m_navigationLabels);
    QTreeView *tree = m_window->navigationView();
    connect(tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { openFromNavigation(current); });
    m_navigationActions = new NavigationActions(m_window, m_navigationLabels, m_navigation,
                                                m_publisher.get(), m_publisherPage, this);
    connect(m_publisherPage, &PublisherWorkspace::resourcesChanged, this, [this] {
        const QModelIndex service = m_navigation->findArmId(m_serviceId);
        m_navigation->refresh(service.isValid() ? service : QModelIndex());
    });
    // An Azure environment whose services cannot be read (connection lost, timeout) gets a
    // banner with Retry; an expired sign-in has its own (AzureEnvironments).
    connect(m_navigation, &core::NavigationTreeModel::loaded, this, [this](const QModelIndex &parent) {
        reselectService(parent);
        const QString id = parent.data(core::NavigationTreeModel::EnvironmentIdRole).toString();
        if (!m_azure || !m_azure->contains(id))
            return;
        using State = core::NavigationTreeModel::LoadState;
        const auto state = parent.data(core::NavigationTreeModel::LoadStateRole).value<State>();
        const auto error = parent.data(core::NavigationTreeModel::ErrorRole).value<core::Error>();
        using Kind = core::Error::Kind;
        if (state == State::Failed
            && (error.kind == Kind::Network || error.kind == Kind::Timeout || error.kind == Kind::Tls
                || error.kind == Kind::Unavailable))
            m_azure->showUnreachable(id, error);
        else if (state == State::Loaded)
            m_azure->clearUnreachable(id);
    });
    if (!m_historyProblem.isEmpty())
        m_workspace->banner()->showMessage(BannerWidget::Kind::Warning,
                                           tr("Try It history is not available: %1").arg(m_historyProblem));
    if (m_azure) {
        // Opened from the event loop: portico-local's root, added right after this, comes first.
        m_addAzureAction->setEnabled(true);
        m_removeEnvironmentAction->setEnabled(true);
        m_azure->restore();
    }
}

void ConsoleSession::enableAzureEnvironments(core::Settings *settings)
{
    if (m_azure)
        return;
    m_settings = settings;
    const QString last = settings->value(core::settingkeys::lastEnvironmentId);
    if (last != m_environmentId)
        m_reopenEnvironmentId = last;
    if (!last.isEmpty()) {
        m_reopenServiceId = settings->value(core::settingkeys::lastServiceId);
        m_reopenServiceEnvironmentId = last;
    }
    if (m_environmentSecrets)
        m_environmentSecrets->setSettings(settings);
    m_azure = std::make_unique<AzureEnvironments>(m_window, settings, m_secrets, &m_network);
    connect(m_azure.get(), &AzureEnvironments::opened, this, &ConsoleSession::addAzureEnvironmentToTree);
    connect(m_azure.get(), &AzureEnvironments::signedInAgain, this, [this](const QString &id) {
        if (!m_navigation)
            return;
        const QModelIndex root = m_navigation->environmentIndex(id);
        if (root.isValid())
            m_navigation->refresh(root);
        if (m_environmentId == id && !m_serviceId.isEmpty())
            m_developer->refresh();
    });
    connect(m_azure.get(), &AzureEnvironments::retryRequested, this, [this](const QString &id) {
        if (m_navigation && m_navigation->environmentIndex(id).isValid())
            m_navigation->refresh(m_navigation->environmentIndex(id));
    });
    connect(m_azure.get(), &AzureEnvironments::aboutToRemove, this, [this](const QString &id) {
        if (m_environmentId == id) {
            // Opened again with a new sign-in: selected again (not when it is gone for good).
            m_reopenEnvironmentId = id;
            useEnvironment(kLocalId);
            findService();
        }
        if (m_navigation)
            m_navigation->removeEnvironment(id);
    });
    if (m_navigation) { // portico-local is connected already
        m_addAzureAction->setEnabled(true);
        m_removeEnvironmentAction->setEnabled(true);
        m_azure->restore();
    }
}

void ConsoleSession::addAzureEnvironmentToTree(const QString &environmentId)
{
    const core::Environment *environment = m_azure ? m_azure->environment(environmentId) : nullptr;
    if (!m_navigation || !environment)
        return;
    if (m_navigation->environmentIndex(environmentId).isValid())
        m_navigation->removeEnvironment(environmentId); // opened again: a new client
    const QModelIndex root = m_navigation->addEnvironment(environmentId, environment->displayName,
                                                          m_azure->client(environmentId),
                                                          m_azure->scopes(environmentId));
    if (!m_window)
        return;
    QTreeView *tree = m_window->navigationView();
    tree->expand(m_navigationLabels->mapFromSource(root));
    if (environmentId == m_reopenEnvironmentId && m_environmentId == kLocalId) {
        m_reopenEnvironmentId.clear();
        const QScopedValueRollback selecting(m_selectingReopened, true);
        tree->setCurrentIndex(m_navigationLabels->mapFromSource(root));
    }
}

// Switches the panels to another environment's client; the service is chosen afterwards.
bool ConsoleSession::useEnvironment(const QString &environmentId)
{
    if (environmentId == m_environmentId)
        return true;
    core::ArmClient *client = environmentId == kLocalId ? m_client.get()
                              : m_azure                  ? m_azure->client(environmentId)
                                                         : nullptr;
    // portico-local's client is null while it is not running (the shell was built for Azure).
    if ((!client && environmentId != kLocalId) || !m_publisher || !m_developer)
        return false;
    m_environmentId = environmentId;
    m_serviceId.clear();
    m_publisher->setClient(client);
    m_publisher->setSecretStore(m_secrets, environmentId);
    m_developer->setClient(client);
    m_developer->setSecretStore(m_secrets, environmentId);
    if (m_window) {
        const core::Environment *azure = m_azure ? m_azure->environment(environmentId) : nullptr;
        if (azure)
            m_window->setEnvironmentStatus(tr("%1: Azure subscription %2").arg(azure->displayName, azure->subscriptionId));
        else if (m_client)
            m_window->setEnvironmentStatus(tr("portico-local: running at %1").arg(m_endpoints.management.toString()));
        else
            m_window->setEnvironmentStatus(tr("portico-local: not running"));
    }
    return true;
}

void ConsoleSession::removeEnvironment()
{
    if (!m_azure || !m_window)
        return;
    // The Azure environment selected in the tree, or the only one there is.
    QString id = m_window->navigationView()->currentIndex().data(core::NavigationTreeModel::EnvironmentIdRole).toString();
    if (!m_azure->contains(id))
        id = m_azure->ids().size() == 1 ? m_azure->ids().constFirst() : QString();
    if (id.isEmpty()) {
        m_window->showConnectionProblem(m_azure->ids().isEmpty()
                                            ? tr("There is no Azure environment to remove; portico-local always stays.")
                                            : tr("Select the Azure environment to remove in the navigation tree."));
        return;
    }
    m_azure->removeInteractively(id);
}

void ConsoleSession::findService()
{
    if (m_environmentId != kLocalId) {
        // An Azure environment is current: Refresh reloads its service; the tree refreshes itself.
        if (m_developer && !m_serviceId.isEmpty())
            m_developer->refresh();
        return;
    }
    if (!m_client)
        return;
    core::ArmListJob *job = m_client->list(
        core::ArmRequest::get(kLocalGroup + u"/providers/Microsoft.ApiManagement/service"_qs));
    connect(job, &core::ArmListJob::finished, this, [this, job] {
        if (!job->result()) {
            if (m_window)
                m_window->showConnectionProblem(
                    tr("Could not reach the management API: %1").arg(job->result().error().message));
            return;
        }
        if (m_window)
            m_window->clearConnectionProblem();
        if (m_environmentId != kLocalId) {
            // The user (or the restore of the environment used last) went to an Azure
            // environment meanwhile: portico-local is connected, its service is not chosen.
            Q_EMIT connected();
            return;
        }
        const QList<QJsonObject> services = job->result().value();
        if (services.isEmpty()) {
            m_workspace->banner()->showMessage(
                BannerWidget::Kind::Information,
                tr("There is no API Management service yet. Create one with File → New service instance."));
            Q_EMIT connected();
            return;
        }
        // Only a service that is ready opens: not one whose create failed or still runs (ARM:
        // no provisioningState at all means the last operation succeeded).
        QString chosen;
        for (const QJsonObject &service : services) {
            const QString state = service.value(u"properties"_qs)
                                      .toObject()
                                      .value(u"provisioningState"_qs)
                                      .toString();
            if (!state.isEmpty() && state != u"Succeeded"_qs)
                continue;
            const QString id = service.value(u"id"_qs).toString();
            if (chosen.isEmpty() || id == m_serviceId)
                chosen = id;
        }
        if (chosen.isEmpty()) {
            m_workspace->banner()->showMessage(
                BannerWidget::Kind::Information,
                tr("No API Management service is ready yet: the navigation tree shows which "
                   "failed and which are still being created. Create one with File → New "
                   "service instance."));
            Q_EMIT connected();
            return;
        }
        useService(chosen);
    });
}

void ConsoleSession::useService(const QString &serviceId)
{
    m_serviceId = serviceId;
    m_publisher->setService(serviceId);
    m_developer->setService(serviceId);
    m_developer->refresh();
    if (m_window)
        m_window->setWindowTitle(tr("%1 — Portico").arg(serviceId.section(u'/', -1)));
    Q_EMIT connected();
}

void ConsoleSession::openFromNavigation(const QModelIndex &proxyIndex)
{
    using Kind = core::NavigationTreeModel::Kind;
    using Page = PublisherWorkspace::Page;
    const QModelIndex index = m_navigationLabels->mapToSource(proxyIndex);
    if (!index.isValid() || !m_publisherPage)
        return;
    const auto kind = index.data(core::NavigationTreeModel::KindRole).value<Kind>();
    const QString name = index.data(core::NavigationTreeModel::NameRole).toString();
    const QString armId = index.data(core::NavigationTreeModel::ArmIdRole).toString();
    // A node of another environment switches the panels to that environment's client.
    const QString environmentId = index.data(core::NavigationTreeModel::EnvironmentIdRole).toString();
    if (!m_selectingReopened) {
        // The user chose: no environment or service opening later takes over.
        m_reopenEnvironmentId.clear();
        m_reopenServiceId.clear();
    }
    if (!environmentId.isEmpty() && environmentId != m_environmentId && !useEnvironment(environmentId))
        return;
    // The service a node belongs to: its own id for a service, the ARM id's service prefix below.
    static const QString serviceSegment = u"/providers/Microsoft.ApiManagement/service/"_qs;
    const qsizetype at = armId.indexOf(serviceSegment, 0, Qt::CaseInsensitive);
    if (at >= 0) {
        const qsizetype end = armId.indexOf(u'/', at + serviceSegment.size());
        const QString service = end < 0 ? armId : armId.left(end);
        if (service.compare(m_serviceId, Qt::CaseInsensitive) != 0)
            useService(service);
    }
    // What is selected again at the start is remembered already (the service perhaps not yet).
    if (!environmentId.isEmpty() && !m_selectingReopened)
        rememberEnvironment(environmentId, m_serviceId);
    if (m_window && m_window->mode() == MainWindow::Mode::Developer && (kind == Kind::Api || kind == Kind::Operation)) {
        const QString apiName = kind == Kind::Api ? name : index.parent().data(core::NavigationTreeModel::NameRole).toString();
        m_workspace->catalog()->select(apiName, kind == Kind::Operation ? name : QString());
        return;
    }
    switch (kind) {
    case Kind::Environment:
    case Kind::Service: m_publisherPage->showPage(Page::Overview); break;
    case Kind::ApisFolder: m_publisherPage->showPage(Page::Api); break;
    case Kind::Api: m_publisherPage->showPage(Page::Api, name); break;
    case Kind::Operation:
        m_publisherPage->showPage(Page::Operation, name, index.parent().data(core::NavigationTreeModel::NameRole).toString());
        break;
    case Kind::ProductsFolder: m_publisherPage->showPage(Page::Products); break;
    case Kind::Product: m_publisherPage->showPage(Page::Products, name); break;
    case Kind::SubscriptionsFolder: m_publisherPage->showPage(Page::Subscriptions); break;
    case Kind::Subscription: m_publisherPage->showPage(Page::Subscriptions, name); break;
    case Kind::UsersFolder: m_publisherPage->showPage(Page::Users); break;
    case Kind::User: m_publisherPage->showPage(Page::Users, name); break;
    case Kind::GroupsFolder: m_publisherPage->showPage(Page::Groups); break;
    case Kind::Group: m_publisherPage->showPage(Page::Groups, name); break;
    case Kind::NamedValuesFolder: m_publisherPage->showPage(Page::NamedValues); break;
    case Kind::NamedValue: m_publisherPage->showPage(Page::NamedValues, name); break;
    case Kind::BackendsFolder: m_publisherPage->showPage(Page::Backends); break;
    case Kind::Backend: m_publisherPage->showPage(Page::Backends, name); break;
    case Kind::PoliciesFolder:
    case Kind::Policy: m_publisherPage->showPage(Page::Policy, QString()); break;
    }
}

void ConsoleSession::addAzureMl()
{
    if (!m_publisher || !m_window)
        return;
    if (m_serviceId.isEmpty()) {
        m_window->showConnectionProblem(tr("Create a service instance first (File → New service instance)."));
        return;
    }
    auto *dialog = new AddAzureMlDialog(m_publisher.get(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // portico-local's sample service, so that adding it is one click.
    dialog->prefill(AzureMlDefinition::localSample(m_endpoints.ml.toString(QUrl::StripTrailingSlash)), m_endpoints.mlKey);
    QPointer<AddAzureMlDialog> guard(dialog);
    m_publisher->listResources(m_serviceId + u"/products"_qs, dialog, [guard](const core::Result<QList<QJsonObject>> &r) {
        if (!guard || !r)
            return;
        QList<QPair<QString, QString>> products;
        for (const QJsonObject &p : r.value())
            products.append({ p.value(u"name"_qs).toString(),
                              p.value(u"properties"_qs).toObject().value(u"displayName"_qs).toString() });
        guard->setProducts(products);
    });
    connect(dialog, &AddAzureMlDialog::added, this, [this] {
        if (m_navigation)
            m_navigation->refresh(m_navigation->findArmId(m_serviceId));
        m_developer->refresh();
    });
    dialog->open();
}

void ConsoleSession::newService()
{
    if (!m_publisher || !m_window)
        return;
    auto *wizard = new ServiceWizard(m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    // The wizard works on the environment chosen on its first page through a controller of its
    // own, so that choosing another environment there never switches the console; the console
    // goes to the new service only once it was created. The controller outlives the wizard while
    // it provisions (closing the wizard does not stop provisioning).
    auto *controller = new PublisherController(m_publisher->client(), m_window->operations(), this);
    controller->setSecretStore(m_secrets, m_environmentId);
    auto chosen = std::make_shared<QString>(m_environmentId);
    const core::Environment *current = m_azure ? m_azure->environment(m_environmentId) : nullptr;
    controller->attachWizard(wizard, current ? current->subscriptionId : QString());
    QList<ServiceWizard::Environment> environments { { kLocalId, tr("portico-local"), false } };
    if (m_azure) {
        for (const QString &id : m_azure->ids()) {
            if (m_azure->client(id))
                environments.append({ id, m_azure->environment(id)->displayName, true });
        }
    }
    wizard->setEnvironments(environments, m_environmentId);
    QPointer<ServiceWizard> guard(wizard);
    connect(wizard, &ServiceWizard::environmentChosen, controller, [this, guard, controller, chosen](const QString &id) {
        if (!guard || id == *chosen)
            return;
        core::ArmClient *client = id == kLocalId ? m_client.get() : m_azure ? m_azure->client(id) : nullptr;
        if (!client)
            return;
        *chosen = id;
        controller->setClient(client);
        controller->setSecretStore(m_secrets, id);
        const core::Environment *azure = m_azure ? m_azure->environment(id) : nullptr;
        controller->loadWizardChoices(guard, azure ? azure->subscriptionId : QString());
    });
    auto provisioning = std::make_shared<bool>(false);
    // Where the console was when the create (or Watch again) was asked for: a create takes up
    // to an hour, and the user may have gone elsewhere meanwhile.
    struct Origin
    {
        QString environmentId;
        QString serviceId;
    };
    auto origin = std::make_shared<Origin>();
    auto started = [this, provisioning, origin] {
        *provisioning = true;
        *origin = { m_environmentId, m_serviceId };
    };
    connect(wizard, &ServiceWizard::provisionRequested, controller, started);
    connect(wizard, &ServiceWizard::watchAgainRequested, controller, started);
    connect(controller, &PublisherController::provisioningFinished, controller,
            [guard, controller, provisioning] {
                *provisioning = false;
                if (!guard)
                    controller->deleteLater();
            });
    connect(wizard, &QObject::destroyed, controller, [controller, provisioning] {
        if (!*provisioning)
            controller->deleteLater();
    });
    connect(controller, &PublisherController::serviceCreated, this, [this, chosen, origin](const QString &serviceId) {
        // Only a console still where it was goes to the new service; one the user took
        // elsewhere meanwhile stays there, and the new service is only listed.
        const bool moved = m_environmentId != origin->environmentId || m_serviceId != origin->serviceId;
        if (!moved) {
            if (!useEnvironment(*chosen))
                return; // the environment went away meanwhile
            m_reopenEnvironmentId.clear();
            m_reopenServiceId.clear();
            useService(serviceId);
            rememberEnvironment(*chosen, serviceId);
        }
        if (m_navigation) {
            const QModelIndex root = m_navigation->environmentIndex(*chosen);
            m_navigation->refresh(root.isValid() ? root : QModelIndex());
        }
    });
    wizard->show();
}

} // namespace portico::ui
