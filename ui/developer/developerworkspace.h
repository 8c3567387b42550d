// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/developer/apicatalogmodel.h"
#include "ui/developer/tryitcomposer.h"

#include <QUrl>
#include <QWidget>

class QTabWidget;
class QTimer;

namespace portico::core {
class BatchJobRunner;
class SecretStore;
struct HistoryEntry;
} // namespace portico::core

namespace portico::ui {

class ApiCatalogPanel;
class BatchJobsPanel;
class BannerWidget;
class DeveloperController;
class HistoryPanel;
class ResponseViewer;
class SnippetPanel;

// The Developer mode page, as the developer portal has it: the API catalog on the left; on the
// right the Try It composer above the response viewer, the history and the code snippets. It
// only arranges and connects panels; DeveloperController does the talking.
class DeveloperWorkspace final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeveloperWorkspace)

public:
    explicit DeveloperWorkspace(DeveloperController *controller, QWidget *parent = nullptr);
    ~DeveloperWorkspace() override;

    enum class Tab { Response, History, Code, Batch };
    // Adds the Batch jobs tab.
    void setBatchRunner(core::BatchJobRunner *runner, core::SecretStore *secrets, const QString &environmentId);
    BatchJobsPanel *batchJobs() const { return m_batch; }
    void showTab(Tab tab);

    ApiCatalogPanel *catalog() const { return m_catalog; }
    TryItComposer *composer() const { return m_composer; }
    ResponseViewer *viewer() const { return m_viewer; }
    HistoryPanel *history() const { return m_history; }
    SnippetPanel *snippets() const { return m_snippets; }
    BannerWidget *banner() const { return m_banner; }

private:
    void openOperation(const CatalogApi &api, const core::Operation &operation);
    void reopen(const core::HistoryEntry &entry);
    void compare(const core::HistoryEntry &left, const core::HistoryEntry &right);
    // Regenerates the code from the composer while the Code tab is the current page; otherwise
    // it is regenerated when that tab is shown.
    void updateSnippets();

    DeveloperController *m_controller;
    QUrl m_gatewayUrl;
    QList<SubscriptionChoice> m_subscriptions;
    BannerWidget *m_banner = nullptr;
    ApiCatalogPanel *m_catalog = nullptr;
    TryItComposer *m_composer = nullptr;
    QTabWidget *m_tabs = nullptr;
    ResponseViewer *m_viewer = nullptr;
    HistoryPanel *m_history = nullptr;
    SnippetPanel *m_snippets = nullptr;
    QTimer *m_snippetDelay = nullptr; // coalesces the composer's edits (a burst of keystrokes)
    BatchJobsPanel *m_batch = nullptr;
    QString m_operationName;
};

} // namespace portico::ui
