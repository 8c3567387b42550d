// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPersistentModelIndex>
#include <QPointer>

class QAbstractProxyModel;
class QAction;
class QTreeView;

namespace portico::core {
class NavigationTreeModel;
} // namespace portico::core

namespace portico::ui {

class BannerWidget;
class MainWindow;
class OperationTracker;
class PublisherController;
class PublisherWorkspace;

// What the user can do to the API and operation nodes of the navigation tree besides opening
// them: Add operation on an API (a new operation in the operation editor), and Delete for an API
// (with its revisions) or an operation. Both are in the tree's context menu and act on the
// current node (Delete key while the tree has focus); a delete asks first (decisions::confirm).
// The DELETE goes through the publisher's controller, so an API's, which is long-running
// (apim-protocol.md §4.4), is followed to its end; it shows in the status bar while it runs, a
// failure is said in a banner above the panels, and on success the tree is refreshed and the
// panel leaves the deleted item.
//
// The tree's current node selects the environment and service (ConsoleSession), so the
// actions always use the controller of the node's own environment.
class NavigationActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigationActions)

public:
    NavigationActions(MainWindow *window, QAbstractProxyModel *labels,
                      core::NavigationTreeModel *navigation, PublisherController *publisher,
                      PublisherWorkspace *publisherPage, QObject *parent = nullptr);
    ~NavigationActions() override;

    QAction *addOperationAction() const { return m_addOperation; }
    QAction *deleteAction() const { return m_delete; }
    BannerWidget *banner() const { return m_banner; }

Q_SIGNALS:
    // A delete ended (after the tree refresh was asked for on success).
    void deleteFinished(bool succeeded);

private:
    // The current node of the tree, in the navigation model.
    QModelIndex current() const;
    void updateActions();
    void addOperation();
    void deleteCurrent();
    void showContextMenu(const QPoint &position);

    QPointer<MainWindow> m_window;
    QPointer<QTreeView> m_tree;
    QPointer<QAbstractProxyModel> m_labels;
    QPointer<core::NavigationTreeModel> m_navigation;
    QPointer<PublisherController> m_publisher;
    QPointer<PublisherWorkspace> m_publisherPage;
    QAction *m_addOperation = nullptr;
    QAction *m_delete = nullptr;
    BannerWidget *m_banner = nullptr; // owned by the window
};

} // namespace portico::ui
