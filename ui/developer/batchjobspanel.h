// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/batch/batchjob.h"
#include "core/batch/batchjobrunner.h"
#include "core/common/result.h"
#include "core/secrets/secretstore.h"
#include "ui/developer/tryitcomposer.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace portico::ui {

class FieldMessages;
class MaskedKeyField;

// Batch jobs (BES): pick an input CSV and a storage account (Azurite by default, or a
// connection string kept in the keychain), send through the gateway's BES operations with a
// subscription key or straight to the ML service with its API key, then watch the job step by
// step with its live server status, cancel it, and read the results as a table that loads
// lazily and exports to CSV. The jobs outlive the app (core::BatchJobRunner).
class BatchJobsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchJobsPanel)

public:
    BatchJobsPanel(core::BatchJobRunner *runner, core::SecretStore *secrets, const QString &environmentId,
                   QWidget *parent = nullptr);
    ~BatchJobsPanel() override;

    // Where "through the gateway" goes: the gateway URL and the API's URL suffix, and the
    // SHA-256 of a self-signed gateway certificate to trust (portico-local's), if any.
    void setGateway(const QUrl &gatewayUrl, const QString &apiPath, const QString &pinnedSha256 = {});
    // The ML service for "directly": its base URL and the SecretStore key of its API key.
    void setDirectService(const QUrl &baseUrl, const QString &apiKeySecretKey);
    // Subscriptions the gateway route can use. `storeKey` puts the key of one (by id) into the
    // SecretStore and answers with its SecretStore key; the panel never holds the key itself.
    using KeyStorer = std::function<void(const QString &subscriptionId, QObject *context,
                                         std::function<void(const core::Result<QString> &)> done)>;
    void setSubscriptions(const QList<SubscriptionChoice> &subscriptions, KeyStorer storeKey);
    void setWorkspaceAndService(const QString &workspace, const QString &service);

    core::BatchJob *currentJob() const { return m_job; }
    QTableView *resultsView() const { return m_results; }

public Q_SLOTS:
    void submit();
    void cancelCurrent();
    // Runs the selected job again after it failed here (e.g. the service was unreachable).
    void retryCurrent();
    // Removes the selected job from the list and the store, with its downloaded results, after
    // asking; one that may still run on the service is cancelled there first (BES DELETE), or,
    // when the user chooses "Remove here only" (the service cannot be reached), left there.
    void removeCurrent();
    void exportResults();
    void reloadJobs();

protected:
    void changeEvent(QEvent *event) override;

private:
    void watch(const QString &id);
    void bind(core::BatchJob *job);
    void removeConfirmed(const QString &id, const QString &name, bool hereOnly);
    // A problem said in words in the state label, with core's technical text as its tooltip.
    void showProblem(const QString &text, const core::Error &error);
    // A problem with what the user entered, said right below the field (error.target names it:
    // inputFile, workspace, service, storageSecretKey, container, credentialKey), which gets
    // the focus; one that names no field goes to the state label.
    void showFieldProblem(const QString &text, const core::Error &error);
    void showJobState();
    void storeConnectionString(const std::function<void()> &then);
    void submitWith(const QString &credentialKey);

    QPointer<core::BatchJobRunner> m_runner;
    QPointer<core::SecretStore> m_secrets;
    QString m_environmentId;
    QUrl m_gatewayUrl;
    QString m_apiPath;
    QString m_gatewayPin;
    QUrl m_directUrl;
    QString m_directKeySecret;
    KeyStorer m_storeKey;
    QPointer<core::BatchJob> m_job;

    QLineEdit *m_input = nullptr;
    QComboBox *m_target = nullptr;
    QComboBox *m_subscription = nullptr;
    QLineEdit *m_workspace = nullptr;
    QLineEdit *m_service = nullptr;
    QComboBox *m_storage = nullptr;
    MaskedKeyField *m_connectionString = nullptr;
    QLineEdit *m_container = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_export = nullptr;
    QTreeWidget *m_jobs = nullptr;
    QLabel *m_state = nullptr;
    QProgressBar *m_progress = nullptr;
    QTableView *m_results = nullptr;
    FieldMessages *m_messages = nullptr;
    QHash<QString, QWidget *> m_fields; // by the error target that names them
};

} // namespace portico::ui
