// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/environments/localendpoints.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>

class QAction;

#include <memory>

namespace portico::core {
class ArmClient;
class BatchJobRunner;
class NavigationTreeModel;
class LocalSupervisor;
class SecretStore;
class Settings;
class StaticTokenProvider;
class TryItHistory;
} // namespace portico::core

namespace portico::ui {

class AzureEnvironments;
class DeveloperController;
class DeveloperWorkspace;
class EnvironmentSecrets;
class MainWindow;
class PublisherController;
class PublisherWorkspace;
class NavigationActions;
class NavigationLabels;

// The console's composition root for one environment: it starts and supervises portico-local
// (or attaches to one that runs already), connects an ArmClient to its management plane, and
// hands the publisher and developer panels their controllers. The environment's state is in
// the status bar; a crash, a failed start or a lost connection is a banner with Retry, never a
// silently empty window.
//
// The environment the user switches to (in the navigation tree, or by creating a service in it)
// is remembered by its id in the settings (environments/last, never a secret), and so is the
// service the panels work on there, by its ARM resource id (environments/lastService; an id,
// never a key or token). At the next start the environment is selected again as soon as it is
// open, and the service as soon as the environment's services are listed, unless the user went
// elsewhere first. An id that no longer names an environment leaves the console on
// portico-local, a service that is gone leaves the environment's root selected; neither says
// anything.
class ConsoleSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleSession)

public:
    ConsoleSession(MainWindow *window, core::SecretStore *secrets, const QString &historyPath,
                   QObject *parent = nullptr);
    ~ConsoleSession() override;

    // Starts portico-local (`program`, data in `dataDir`) and supervises it.
    void startLocal(const QString &program, const QString &dataDir);
    // Uses a portico-local that is already running.
    void attachLocal(const core::LocalEndpoints &endpoints);
    // Azure environments (Environment menu), kept in `settings`; the ones kept there open once
    // portico-local is connected and appear as further roots of the navigation tree.
    void enableAzureEnvironments(core::Settings *settings);
    AzureEnvironments *azureEnvironments() const { return m_azure.get(); }

    core::ArmClient *client() const { return m_client.get(); }
    PublisherController *publisher() const { return m_publisher.get(); }
    DeveloperController *developer() const { return m_developer.get(); }
    DeveloperWorkspace *developerWorkspace() const { return m_workspace; }
    PublisherWorkspace *publisherWorkspace() const { return m_publisherPage; }
    core::NavigationTreeModel *navigation() const { return m_navigation; }
    const QString &serviceId() const { return m_serviceId; }
    // The environment the panels work on: "local" or an Azure environment's id.
    const QString &environmentId() const { return m_environmentId; }
    const core::LocalEndpoints &endpoints() const { return m_endpoints; }
    // The supervisor of a started portico-local; null when attached.
    core::LocalSupervisor *supervisor() const { return m_supervisor.get(); }

Q_SIGNALS:
    // The environment is connected and the current service (possibly none yet) is known.
    void connected();

private:
    void connectTo(const core::LocalEndpoints &endpoints);
    void buildShell();
    void findService();
    void useService(const QString &serviceId);
    bool useEnvironment(const QString &environmentId);
    void addAzureEnvironmentToTree(const QString &environmentId);
    void removeEnvironment();
    void newService();
    void addAzureMl();
    void openFromNavigation(const QModelIndex &proxyIndex);
    // The user switched to `environmentId` (and the panels to `serviceId` in it, or to none):
    // kept as environments/last and environments/lastService for the next start
    // (consolesessionlastused.cpp).
    void rememberEnvironment(const QString &environmentId, const QString &serviceId);
    // The services below the environment root `parent` were listed: selects the service used
    // last when it is among them.
    void reselectService(const QModelIndex &parent);

    QPointer<MainWindow> m_window;
    std::unique_ptr<EnvironmentSecrets> m_environmentSecrets; // wraps the store handed in
    core::SecretStore *m_secrets;
    QNetworkAccessManager m_network;
    std::unique_ptr<core::TryItHistory> m_history;
    QString m_batchDirectory;
    std::unique_ptr<core::BatchJobRunner> m_batchRunner;
    QString m_historyProblem;
    std::unique_ptr<core::LocalSupervisor> m_supervisor;
    core::LocalEndpoints m_endpoints;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_client;
    std::unique_ptr<PublisherController> m_publisher;
    std::unique_ptr<DeveloperController> m_developer;
    DeveloperWorkspace *m_workspace = nullptr; // owned by the window
    PublisherWorkspace *m_publisherPage = nullptr; // owned by the window
    core::NavigationTreeModel *m_navigation = nullptr;
    NavigationLabels *m_navigationLabels = nullptr;
    NavigationActions *m_navigationActions = nullptr; // Add operation, Delete API / operation
    QString m_serviceId;
    QString m_environmentId;
    // The environment to select once it is open (the one used last), until the user chooses.
    QString m_reopenEnvironmentId;
    // The service to select once the services of m_reopenServiceEnvironmentId are listed (the
    // one used last), until the user chooses.
    QString m_reopenServiceId;
    QString m_reopenServiceEnvironmentId;
    bool m_selectingReopened = false;
    core::Settings *m_settings = nullptr;
    std::unique_ptr<AzureEnvironments> m_azure;
    QAction *m_addAzureAction = nullptr;
    QAction *m_removeEnvironmentAction = nullptr;
};

} // namespace portico::ui
