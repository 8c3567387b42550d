// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/shell/navigationactions.h"

#include "core/arm/armrequest.h"
#include "core/itemmodels/navigationtreemodel.h"
#include "ui/common/bannerwidget.h"
#include "ui/common/decisions.h"
#include "ui/common/forbiddentext.h"
#include "ui/common/operationtracker.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/publisherworkspace.h"
#include "ui/shell/mainwindow.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QTreeView>

namespace portico::ui {

namespace {

using Nav = core::NavigationTreeModel;

Nav::Kind kindOf(const QModelIndex &index)
{
    return index.data(Nav::KindRole).value<Nav::Kind>();
}

} // namespace

NavigationActions::NavigationActions(MainWindow *window, QAbstractProxyModel *labels,
                                     core::NavigationTreeModel *navigation,
                                     PublisherController *publisher,
                                     PublisherWorkspace *publisherPage, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_tree(window->navigationView())
    , m_labels(labels)
    , m_navigation(navigation)
    , m_publisher(publisher)
    , m_publisherPage(publisherPage)
{
    m_addOperation = new QAction(tr("Add &operation"), m_tree);
    m_addOperation->setObjectName(u"addOperationAction"_qs);
    m_addOperation->setToolTip(tr("Add an operation to this API"));
    connect(m_addOperation, &QAction::triggered, this, &NavigationActions::addOperation);

    m_delete = new QAction(tr("&Delete…"), m_tree);
    m_delete->setObjectName(u"deleteNavigationItemAction"_qs);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetShortcut); // only while the tree has focus
    connect(m_delete, &QAction::triggered, this, &NavigationActions::deleteCurrent);
    m_tree->addAction(m_delete);

    m_banner = new BannerWidget;
    m_banner->setObjectName(u"navigationActionsBannerWidget"_qs);
    window->addBanner(m_banner);

    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &NavigationActions::showContextMenu);
    if (QItemSelectionModel *selection = m_tree->selectionModel())
        connect(selection, &QItemSelectionModel::currentChanged, this, &NavigationActions::updateActions);
    updateActions();
}

NavigationActions::~NavigationActions() = default;

QModelIndex NavigationActions::current() const
{
    if (!m_tree || !m_labels)
        return {};
    return m_labels->mapToSource(m_tree->currentIndex());
}

void NavigationActions::updateActions()
{
    const Nav::Kind kind = kindOf(current());
    const bool valid = current().isValid();
    m_addOperation->setEnabled(valid && kind == Nav::Kind::Api);
    m_delete->setEnabled(valid && (kind == Nav::Kind::Api || kind == Nav::Kind::Operation));
    m_delete->setText(!valid                        ? tr("&Delete…")
                          : kind == Nav::Kind::Api ? tr("&Delete API…")
                                                   : tr("&Delete operation…"));
}

void NavigationActions::showContextMenu(const QPoint &position)
{
    if (!m_tree)
        return;
    const QModelIndex at = m_tree->indexAt(position);
    if (!at.isValid())
        return;
    // The node becomes current first: that opens its environment and service.
    m_tree->setCurrentIndex(at);
    updateActions();
    const Nav::Kind kind = kindOf(current());
    if (kind != Nav::Kind::Api && kind != Nav::Kind::Operation)
        return;
    auto *menu = new QMenu(m_tree);
    menu->setObjectName(u"navigationContextMenu"_qs);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (kind == Nav::Kind::Api)
        menu->addAction(m_addOperation);
    menu->addAction(m_delete);
    menu->popup(m_tree->viewport()->mapToGlobal(position));
}

void NavigationActions::addOperation()
{
    const QModelIndex index = current();
    if (kindOf(index) != Nav::Kind::Api || !m_publisherPage || !m_window)
        return;
    m_window->setMode(MainWindow::Mode::Publisher);
    m_publisherPage->showPage(PublisherWorkspace::Page::Operation, QString(),
                              index.data(Nav::NameRole).toString());
}

void NavigationActions::deleteCurrent()
{
    const QModelIndex index = current();
    const Nav::Kind kind = kindOf(index);
    if ((kind != Nav::Kind::Api && kind != Nav::Kind::Operation) || !m_publisher || !m_window)
        return;
    const QString armId = index.data(Nav::ArmIdRole).toString();
    const QString name = index.data(Qt::DisplayRole).toString();
    const bool api = kind == Nav::Kind::Api;
    const QModelIndex apiIndex = api ? index : index.parent(); // operations are listed below their API
    const QString apiName = apiIndex.data(Qt::DisplayRole).toString();
    const QString apiId = apiIndex.data(Nav::NameRole).toString();
    const QString title = api ? tr("Delete API") : tr("Delete operation");
    const QString text = api
        ? tr("Delete the API “%1” with all its operations, policies and revisions? Calls to it "
             "through the gateway will fail. This cannot be undone.")
              .arg(name)
        : tr("Delete the operation “%1” of the API “%2”? Calls to it through the gateway will "
             "fail. This cannot be undone.")
              .arg(name, apiName);
    decisions::confirm(m_window, title, text, api ? tr("&Delete API") : tr("&Delete operation"),
                       [this, armId, name, api, apiId](bool accepted) {
        if (!accepted || !m_publisher)
            return;
        m_banner->clear();
        OperationTracker *operations = m_window ? m_window->operations() : nullptr;
        const int op = !operations ? 0
            : operations->begin(api ? tr("Deleting API %1").arg(name)
                                    : tr("Deleting operation %1").arg(name));
        core::ArmRequest request = core::ArmRequest::remove(armId);
        if (api) // every revision, not only the current one (apim-protocol.md §2.2)
            request.withQuery(u"deleteRevisions"_qs, u"true"_qs);
        // An API's DELETE is long-running; ArmClient follows it to its end.
        m_publisher->call(request, this, [this, op, name, api, armId, apiId](
                                             const core::Result<QJsonObject> &result) {
            OperationTracker *operations = m_window ? m_window->operations() : nullptr;
            if (!result.ok()) {
                const QString message = result.error().message.isEmpty() ? result.error().code
                                                                          : result.error().message;
                const QString text = result.error().kind == core::Error::Kind::Forbidden
                    ? ForbiddenText::withAdvice(
                          (api ? tr("The API “%1” was not deleted: the signed-in account does not "
                                    "have permission to delete it (%2).")
                               : tr("The operation “%1” was not deleted: the signed-in account does "
                                    "not have permission to delete it (%2)."))
                              .arg(name, message))
                    : (api ? tr("The API %1 was not deleted: %2")
                           : tr("The operation %1 was not deleted: %2"))
                          .arg(name, message);
                if (operations)
                    operations->end(op, false, text);
                m_banner->showMessage(BannerWidget::Kind::Error, text);
                Q_EMIT deleteFinished(false);
                return;
            }
            if (operations)
                operations->end(op, true, api ? tr("API %1 deleted").arg(name)
                                              : tr("Operation %1 deleted").arg(name));
            // The panel leaves what is gone: the API's page for an operation, the overview for an API.
            if (m_publisherPage) {
                if (api)
                    m_publisherPage->showPage(PublisherWorkspace::Page::Overview);
                else
                    m_publisherPage->showPage(PublisherWorkspace::Page::Api, apiId);
            }
            if (m_navigation) {
                // The collection the deleted node was listed in.
                const QModelIndex gone = m_navigation->findArmId(armId);
                const QModelIndex parent = gone.isValid() ? gone.parent() : QModelIndex();
                m_navigation->refresh(parent.isValid() ? parent : QModelIndex());
            }
            Q_EMIT deleteFinished(true);
        });
    });
}

} // namespace portico::ui
