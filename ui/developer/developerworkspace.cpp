// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/developerworkspace.h"

#include "core/tryit/tryithistory.h"
#include "ui/common/bannerwidget.h"
#include "ui/developer/apicatalogpanel.h"
#include "ui/developer/batchjobspanel.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/historypanel.h"
#include "ui/developer/responsediffview.h"
#include "ui/developer/responseviewer.h"
#include "ui/developer/snippetpanel.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace portico::ui {


DeveloperWorkspace::DeveloperWorkspace(DeveloperController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(u"developerWorkspace"_qs);
    m_banner = new BannerWidget(this);
    m_catalog = new ApiCatalogPanel(this);
    m_composer = new TryItComposer(this);
    m_viewer = new ResponseViewer(this);
    m_history = new HistoryPanel(this);
    m_history->setHistory(controller->history());
    m_snippets = new SnippetPanel(this);
    m_snippetDelay = new QTimer(this);
    m_snippetDelay->setSingleShot(true);
    m_snippetDelay->setInterval(100);
    connect(m_snippetDelay, &QTimer::timeout, this, &DeveloperWorkspace::updateSnippets);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"developerTabWidget"_qs);
    m_tabs->addTab(m_viewer, tr("&Response"));
    m_tabs->addTab(m_history, tr("Histor&y"));
    m_tabs->addTab(m_snippets, tr("C&ode"));

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_composer);
    right->addWidget(m_tabs);
    right->setStretchFactor(1, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(u"developerSplitter"_qs);
    split->addWidget(m_catalog);
    split->addWidget(right);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);

    connect(m_banner, &BannerWidget::retryRequested, controller, &DeveloperController::refresh);
    connect(controller, &DeveloperController::loadFailed, this, [this](const QString &text) {
        m_banner->showMessage(BannerWidget::Kind::Error, text, true);
    });
    connect(controller, &DeveloperController::catalogLoaded, this,
            [this](const QList<CatalogApi> &catalog, const QUrl &gatewayUrl) {
                m_banner->clear();
                m_gatewayUrl = gatewayUrl;
                m_catalog->setCatalog(catalog);
                QList<QPair<QString, QString>> apis;
                for (const CatalogApi &api : catalog)
                    apis.append({ api.api.name, api.api.displayName });
                m_history->setApis(apis);
                // The batch panel sends to the API that has the BES operations.
                for (const CatalogApi &api : catalog) {
                    for (const core::Operation &op : api.operations) {
                        if (m_batch && op.method == u"POST"
                            && op.urlTemplate.contains(u"/jobs?api-version="_qs))
                            m_batch->setGateway(gatewayUrl, api.api.path, m_controller->gatewayCertificateSha256());
                    }
                }
            });
    connect(controller, &DeveloperController::subscriptionsChanged, this,
            [this](const QList<SubscriptionChoice> &subscriptions) {
                m_subscriptions = subscriptions;
                m_composer->setSubscriptions(subscriptions);
                if (m_batch) {
                    m_batch->setSubscriptions(subscriptions, [this](const QString &sid, QObject *context,
                                                                    std::function<void(const core::Result<QString> &)> done) {
                        m_controller->storeSubscriptionKey(sid, context, std::move(done));
                    });
                }
            });
    connect(m_catalog, &ApiCatalogPanel::tryItRequested, this, &DeveloperWorkspace::openOperation);
    connect(m_composer, &TryItComposer::sendRequested, this, [this](const ComposedRequest &request) {
        m_composer->setSending(true);
        m_controller->send(request, m_operationName);
        updateSnippets();
    });
    connect(m_composer, &TryItComposer::cancelRequested, controller, &DeveloperController::cancel);
    connect(controller, &DeveloperController::sendStarted, this, [this](const QString &method, const QUrl &url) {
        m_viewer->showSending(method, url);
        showTab(Tab::Response);
    });
    connect(controller, &DeveloperController::responseReady, this, [this](const ResponseData &response) {
        m_composer->setSending(false);
        m_viewer->showResponse(response);
        showTab(Tab::Response);
    });
    connect(controller, &DeveloperController::historyChanged, m_history, &HistoryPanel::reload);
    connect(m_history, &HistoryPanel::reopenRequested, this, &DeveloperWorkspace::reopen);
    connect(m_history, &HistoryPanel::compareRequested, this, &DeveloperWorkspace::compare);
    connect(m_tabs, &QTabWidget::currentChanged, this, &DeveloperWorkspace::updateSnippets);
    // The composer is beside the tabs: the code follows what is typed there while it is shown.
    connect(m_composer, &TryItComposer::requestChanged, this, [this] {
        if (m_tabs->currentWidget() == m_snippets)
            m_snippetDelay->start();
    });
    // Copy right after an edit copies the edited request, not the code from before it.
    connect(m_snippets, &SnippetPanel::aboutToCopy, this, [this] {
        if (m_snippetDelay->isActive())
            updateSnippets();
    });
}

DeveloperWorkspace::~DeveloperWorkspace() = default;

void DeveloperWorkspace::setBatchRunner(core::BatchJobRunner *runner, core::SecretStore *secrets,
                                        const QString &environmentId)
{
    if (m_batch)
        return;
    m_batch = new BatchJobsPanel(runner, secrets, environmentId, this);
    m_tabs->addTab(m_batch, tr("&Batch jobs"));
    m_batch->setSubscriptions(m_subscriptions, [this](const QString &sid, QObject *context,
                                                      std::function<void(const core::Result<QString> &)> done) {
        m_controller->storeSubscriptionKey(sid, context, std::move(done));
    });
}

void DeveloperWorkspace::showTab(Tab tab)
{
    QWidget *pages[] = { m_viewer, m_history, m_snippets, m_batch };
    if (pages[int(tab)])
        m_tabs->setCurrentWidget(pages[int(tab)]);
}

void DeveloperWorkspace::openOperation(const CatalogApi &api, const core::Operation &operation)
{
    m_operationName = operation.displayName;
    m_composer->setOperation(api.api, operation, m_gatewayUrl);
    QList<QPair<QString, QString>> operations;
    for (const core::Operation &op : api.operations)
        operations.append({ op.name, op.displayName });
    m_history->setOperations(operations);
    updateSnippets();
    m_composer->setFocus(Qt::OtherFocusReason);
}

void DeveloperWorkspace::reopen(const core::HistoryEntry &entry)
{
    const core::TryItRequest &sent = entry.request;
    if (!m_catalog->select(sent.apiId, sent.operationId)) {
        m_banner->showMessage(BannerWidget::Kind::Warning,
                              tr("The operation of this send is no longer in the catalog."));
        return;
    }
    const CatalogApi *api = m_catalog->currentApi();
    const core::Operation *operation = m_catalog->currentOperation();
    if (!api || !operation)
        return;
    openOperation(*api, *operation);
    ComposedRequest values;
    values.templateValues = sent.templateValues;
    values.queryParameters = sent.queryParameters;
    values.headers = sent.headers;
    values.body = sent.body;
    // The composer finds the subscription, or says that it is gone.
    values.subscriptionId = sent.subscriptionId;
    values.subscriptionName = sent.subscriptionName;
    m_composer->applyValues(values);
    m_viewer->showResponse(DeveloperController::fromHistory(entry));
}

void DeveloperWorkspace::compare(const core::HistoryEntry &left, const core::HistoryEntry &right)
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"responseCompareDialog"_qs);
    dialog->setWindowTitle(tr("Compare responses"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *diff = new ResponseDiffView(dialog);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(diff, 1);
    layout->addWidget(buttons);
    diff->compare(DeveloperController::fromHistory(left), DeveloperController::fromHistory(right));
    dialog->resize(900, 600);
    dialog->show();
}

void DeveloperWorkspace::updateSnippets()
{
    m_snippetDelay->stop();
    if (m_tabs->currentWidget() != m_snippets)
        return;
    const ComposedRequest composed = m_composer->composedRequest();
    if (composed.operationId.isEmpty())
        return;
    m_snippets->setRequest(DeveloperController::toTryItRequest(composed, m_operationName),
        m_composer->chosenKeyIsRefused() ? m_composer->api().displayName : QString());
}

} // namespace portico::ui
