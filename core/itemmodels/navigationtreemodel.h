// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QAbstractItemModel>
#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace portico::core {

class ArmClient;

// The navigation tree: environment → service instances → folders (APIs, Products,
// Subscriptions, Users, Groups, Named values, Backends, Policies) → items; APIs → operations.
//
// Loading is lazy: a node's children are read with one ARM list (nextLink followed) when the
// view expands it (canFetchMore/fetchMore). An environment lists the services of each of its
// scopes ("/subscriptions/{id}" or "/subscriptions/{id}/resourceGroups/{rg}"); a service's
// folders are structure and appear without a request; the Policies folder holds the
// service-scope (global) policy.
//
// Every expandable node has a LoadState (LoadStateRole). A failed load keeps its Error
// (ErrorRole, ErrorMessageRole) so the UI can say "Could not load: <message>" and offer a retry
// (refresh()) instead of showing a silently empty branch. hasChildren() stays true for a node
// that is not loaded, loading or failed, so the view keeps its expander.
//
// refresh(index) re-reads that node's children and merges them by ARM id: rows that vanished
// are removed, rows that remain keep their index, their expansion and their subtree (which is
// refreshed in turn where it had been loaded), new rows are appended. refresh() with no index
// does this for every environment that was opened. A failed refresh keeps the rows of the last good load and
// marks the node Failed.
//
// DisplayRole is the resource's displayName (users: first and last name; backends: title),
// falling back to the ARM name. Folders have an English DisplayRole for tools and tests; the UI
// labels them from KindRole with tr(). Keys and secret values are never requested here:
// subscriptions and named values come from list calls that do not return them, and should a
// server send them anyway (primaryKey/secondaryKey, a secret named value's value) they are
// dropped before anything is stored.
class NavigationTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigationTreeModel)

public:
    enum class Kind {
        Environment,
        Service,
        ApisFolder,
        ProductsFolder,
        SubscriptionsFolder,
        UsersFolder,
        GroupsFolder,
        NamedValuesFolder,
        BackendsFolder,
        PoliciesFolder,
        Api,
        Operation,
        Product,
        Subscription,
        User,
        Group,
        NamedValue,
        Backend,
        Policy,
    };
    Q_ENUM(Kind)

    enum class LoadState { NotLoaded, Loading, Loaded, Failed };
    Q_ENUM(LoadState)

    enum Role {
        KindRole = Qt::UserRole + 1, // Kind
        ArmIdRole,         // full ARM id; for folders the id of the collection they list
        NameRole,          // ARM name (last id segment); the environment id for environments
        LoadStateRole,     // LoadState of the node's children
        ErrorRole,         // Error, only while LoadState is Failed
        ErrorMessageRole,  // the Error's message (server's message when it sent one), or empty
        EnvironmentIdRole, // the environment the node belongs to
        ResourceRole,      // the resource as listed (QJsonObject), items and services only
    };

    explicit NavigationTreeModel(QObject *parent = nullptr);
    ~NavigationTreeModel() override;

    // Adds an environment root whose services are listed through `client` in `scopes`. Should
    // the client go away, loads in flight fail (Unavailable) and later ones fail at once.
    QModelIndex addEnvironment(const QString &environmentId, const QString &displayName,
                               ArmClient *client, const QStringList &scopes);
    void removeEnvironment(const QString &environmentId);
    QModelIndex environmentIndex(const QString &environmentId) const;

    // Re-reads the children of `index` (every environment for an invalid index); see above.
    void refresh(const QModelIndex &index = {});

    // The direct child of `parent` with this ARM name (case-insensitive, as ARM names are).
    QModelIndex childByName(const QModelIndex &parent, const QString &name) const;
    // The folder of this kind under a service index.
    QModelIndex folder(const QModelIndex &service, Kind folderKind) const;
    // The node with this ARM id among the loaded nodes (case-insensitive); invalid if none.
    QModelIndex findArmId(const QString &armId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // A load of `parent`'s children ended (successfully or not: see LoadStateRole).
    void loaded(const QModelIndex &parent);

private:
    struct Node;

    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node) const;
    void startLoad(Node *node, bool refreshing);
    void addFolders(Node *service);
    void onListFinished(Node *node, QObject *job);
    void onJobLost(Node *node);
    void merge(Node *node, const QList<QJsonObject> &items);
    void setState(Node *node, LoadState state, Error error = {});
    QModelIndex findArmId(const Node *node, const QString &armId) const;

    std::unique_ptr<Node> m_root;
};

} // namespace portico::core
