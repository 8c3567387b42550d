// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/itemmodels/navigationtreemodel.h"

#include "core/arm/armclient.h"
#include "core/arm/armlistjob.h"
#include "core/itemmodels/navigationtreekinds.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <optional>
#include <vector>

namespace portico::core {

using LoadState = NavigationTreeModel::LoadState;

struct NavigationTreeModel::Node
{
    Node() = default;
    Node(const Node &) = delete;
    Node &operator=(const Node &) = delete;
    // A node that goes away (refresh merge, removeEnvironment, model deletion) aborts its loads;
    // a deleted ArmListJob never emits finished(), so no callback sees a dead node.
    ~Node() { dropJobs(); }

    void dropJobs()
    {
        for (const QPointer<ArmListJob> &job : std::exchange(jobs, {})) {
            if (job) {
                job->disconnect(); // no finished() or destroyed() reaches the model any more
                delete job.data();
            }
        }
    }

    Kind kind = Kind::Environment;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    QString name;
    QString display;
    QString armId;
    QString environmentId;
    QJsonObject resource;
    LoadState state = LoadState::NotLoaded;
    Error error;
    // Environment only.
    QPointer<ArmClient> client;
    QStringList scopes;
    // The load in flight: its jobs, what they returned so far, the first error.
    std::vector<QPointer<ArmListJob>> jobs;
    QList<QJsonObject> incoming;
    std::optional<Error> loadError;
    bool refreshing = false;
    // A service's folders, added from the event loop; goes away with the node.
    std::unique_ptr<QTimer> deferred;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }
    ArmClient *armClient() const
    {
        const Node *n = this;
        while (n && n->kind != Kind::Environment)
            n = n->parent;
        return n ? n->client.data() : nullptr;
    }
};

using namespace navigationtree;

NavigationTreeModel::NavigationTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    m_root->state = LoadState::Loaded;
}

NavigationTreeModel::~NavigationTreeModel() = default;

NavigationTreeModel::Node *NavigationTreeModel::nodeFor(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    Q_ASSERT(index.model() == this);
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex NavigationTreeModel::indexFor(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), 0, const_cast<Node *>(node));
}

QModelIndex NavigationTreeModel::addEnvironment(const QString &environmentId,
                                                const QString &displayName, ArmClient *client,
                                                const QStringList &scopes)
{
    auto node = std::make_unique<Node>();
    node->kind = Kind::Environment;
    node->parent = m_root.get();
    node->name = environmentId;
    node->display = displayName.isEmpty() ? environmentId : displayName;
    node->environmentId = environmentId;
    node->client = client;
    node->scopes = scopes;
    const int row = int(m_root->children.size());
    beginInsertRows({}, row, row);
    m_root->children.push_back(std::move(node));
    endInsertRows();
    return index(row, 0);
}

void NavigationTreeModel::removeEnvironment(const QString &environmentId)
{
    const QModelIndex environment = environmentIndex(environmentId);
    if (!environment.isValid())
        return;
    beginRemoveRows({}, environment.row(), environment.row());
    m_root->children.erase(m_root->children.begin() + environment.row());
    endRemoveRows();
}

QModelIndex NavigationTreeModel::environmentIndex(const QString &environmentId) const
{
    for (size_t i = 0; i < m_root->children.size(); ++i) {
        if (m_root->children[i]->environmentId == environmentId)
            return index(int(i), 0);
    }
    return {};
}

QModelIndex NavigationTreeModel::childByName(const QModelIndex &parent, const QString &name) const
{
    const Node *node = nodeFor(parent);
    for (size_t i = 0; i < node->children.size(); ++i) {
        if (node->children[i]->name.compare(name, Qt::CaseInsensitive) == 0)
            return index(int(i), 0, parent);
    }
    return {};
}

QModelIndex NavigationTreeModel::folder(const QModelIndex &service, Kind folderKind) const
{
    const Node *node = nodeFor(service);
    for (size_t i = 0; i < node->children.size(); ++i) {
        if (node->children[i]->kind == folderKind)
            return index(int(i), 0, service);
    }
    return {};
}

QModelIndex NavigationTreeModel::findArmId(const QString &armId) const
{
    return findArmId(m_root.get(), armId);
}

QModelIndex NavigationTreeModel::findArmId(const Node *node, const QString &armId) const
{
    for (const auto &child : node->children) {
        if (!folderSpec(child->kind) && child->armId.compare(armId, Qt::CaseInsensitive) == 0)
            return indexFor(child.get());
        if (const QModelIndex found = findArmId(child.get(), armId); found.isValid())
            return found;
    }
    return {};
}

QModelIndex NavigationTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *node = nodeFor(parent);
    if (size_t(row) >= node->children.size())
        return {};
    return createIndex(row, 0, node->children[size_t(row)].get());
}

QModelIndex NavigationTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFor(nodeFor(child)->parent);
}

int NavigationTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int NavigationTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool NavigationTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node *node = nodeFor(parent);
    if (!node->children.empty())
        return true;
    return node != m_root.get() && isExpandable(node->kind) && node->state != LoadState::Loaded;
}

bool NavigationTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.column() != 0)
        return false;
    const Node *node = nodeFor(parent);
    return isExpandable(node->kind) && node->state == LoadState::NotLoaded;
}

void NavigationTreeModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startLoad(nodeFor(parent), false);
}

void NavigationTreeModel::refresh(const QModelIndex &index)
{
    Node *node = nodeFor(index);
    if (node == m_root.get()) {
        // What was never opened stays unopened: refreshing everything is not loading everything.
        for (const auto &environment : m_root->children) {
            if (environment->state != LoadState::NotLoaded)
                startLoad(environment.get(), true);
        }
        return;
    }
    if (!isExpandable(node->kind))
        return;
    startLoad(node, true);
}

void NavigationTreeModel::setState(Node *node, LoadState state, Error error)
{
    node->state = state;
    node->error = std::move(error);
    const QModelIndex nodeIndex = indexFor(node);
    Q_EMIT dataChanged(nodeIndex, nodeIndex, { LoadStateRole, ErrorRole, ErrorMessageRole });
}

void NavigationTreeModel::startLoad(Node *node, bool refreshing)
{
    if (node->kind == Kind::Service) {
        // The folders are structure, not data. Refreshing a service refreshes what was opened.
        if (node->children.empty()) {
            // Still from the event loop, like every load: rows never change inside fetchMore(),
            // which views call while they handle other row changes.
            if (node->state == LoadState::Loading)
                return;
            setState(node, LoadState::Loading);
            node->deferred = std::make_unique<QTimer>();
            node->deferred->setSingleShot(true);
            connect(node->deferred.get(), &QTimer::timeout, this, [this, node] {
                node->deferred.release()->deleteLater();
                addFolders(node);
            });
            node->deferred->start(0);
        } else if (refreshing) {
            for (const auto &folder : node->children) {
                if (folder->state != LoadState::NotLoaded)
                    startLoad(folder.get(), true);
            }
        }
        return;
    }

    // A newer load replaces one in flight (deleting a job aborts it without a finished()).
    node->dropJobs();
    node->incoming.clear();
    node->loadError.reset();
    node->refreshing = refreshing;

    ArmClient *client = node->armClient();
    if (!client) {
        setState(node, LoadState::Failed,
                 Error::make(Error::Kind::Unavailable, u"The environment is not connected."_qs));
        Q_EMIT loaded(indexFor(node));
        return;
    }
    QStringList paths;
    if (node->kind == Kind::Environment) {
        for (const QString &scope : std::as_const(node->scopes))
            paths.append(scope + u"/providers/Microsoft.ApiManagement/service"_qs);
    } else if (node->kind == Kind::Api) {
        paths.append(node->armId + u"/operations"_qs);
    } else {
        paths.append(node->armId); // a folder's id is its collection
    }
    setState(node, LoadState::Loading);
    if (paths.isEmpty()) {
        merge(node, {});
        return;
    }
    for (const QString &path : std::as_const(paths)) {
        ArmListJob *job = client->list(ArmRequest::get(path));
        node->jobs.emplace_back(job);
        connect(job, &ArmListJob::finished, this, [this, node, job] { onListFinished(node, job); });
        // Jobs are children of the ArmClient: if it goes away first, the load must still end.
        connect(job, &QObject::destroyed, this, [this, node] { onJobLost(node); });
    }
}

void NavigationTreeModel::onJobLost(Node *node)
{
    // The job's QPointer is already null here; a finished job was disconnected before.
    const auto lost = std::erase_if(node->jobs, [](const QPointer<ArmListJob> &j) { return !j; });
    if (lost == 0)
        return;
    if (!node->loadError)
        node->loadError = Error::make(Error::Kind::Unavailable, u"The environment's connection was closed."_qs);
    if (!node->jobs.empty())
        return;
    node->incoming.clear();
    const QModelIndex nodeIndex = indexFor(node);
    setState(node, LoadState::Failed, *std::exchange(node->loadError, std::nullopt));
    Q_EMIT loaded(nodeIndex);
}

void NavigationTreeModel::addFolders(Node *service)
{
    const QModelIndex serviceIndex = indexFor(service);
    service->state = LoadState::Loaded; // before the rows, as in merge()
    beginInsertRows(serviceIndex, 0, int(folders().size()) - 1);
    for (const FolderSpec &spec : folders()) {
        auto folder = std::make_unique<Node>();
        folder->kind = spec.folder;
        folder->parent = service;
        folder->name = spec.collection;
        folder->display = spec.display;
        folder->armId = service->armId + u'/' + spec.collection;
        folder->environmentId = service->environmentId;
        service->children.push_back(std::move(folder));
    }
    endInsertRows();
    setState(service, LoadState::Loaded);
    Q_EMIT loaded(serviceIndex);
}

void NavigationTreeModel::onListFinished(Node *node, QObject *job)
{
    auto *listJob = static_cast<ArmListJob *>(job);
    listJob->disconnect(this); // its destroyed() after deleteLater() is no loss
    std::erase_if(node->jobs, [job](const QPointer<ArmListJob> &j) { return j.data() == job; });
    if (listJob->result().ok())
        node->incoming += listJob->result().value();
    else if (!node->loadError)
        node->loadError = listJob->result().error();
    if (!node->jobs.empty())
        return;
    if (node->loadError) {
        // Keep what the last good load showed; the node says it could not be reloaded.
        const QModelIndex nodeIndex = indexFor(node);
        node->incoming.clear();
        setState(node, LoadState::Failed, *std::exchange(node->loadError, std::nullopt));
        Q_EMIT loaded(nodeIndex);
        return;
    }
    merge(node, std::exchange(node->incoming, {}));
}

void NavigationTreeModel::merge(Node *node, const QList<QJsonObject> &listed)
{
    const QModelIndex nodeIndex = indexFor(node);
    // Loaded before the rows change, so that whoever reacts to the inserted rows (a view, the
    // model tester) already sees a loaded parent; the signals follow once the rows are in.
    node->state = LoadState::Loaded;
    node->error = {};
    const Kind kind = childKind(node->kind);
    QList<QJsonObject> items;
    QHash<QString, int> byKey; // key -> position in items
    for (const QJsonObject &item : listed) {
        const QString key = keyOf(item);
        if (!key.isEmpty() && !byKey.contains(key)) {
            byKey.insert(key, int(items.size()));
            items.append(withoutSecrets(kind, item));
        }
    }

    // Rows that are gone, from the last so that rows before them keep their numbers.
    for (int row = int(node->children.size()) - 1; row >= 0; --row) {
        if (byKey.contains(node->children[size_t(row)]->armId.toLower()))
            continue;
        beginRemoveRows(nodeIndex, row, row);
        node->children.erase(node->children.begin() + row);
        endRemoveRows();
    }

    // Rows that remain: new data, same node (so their subtree and the view's state stay).
    QSet<QString> present;
    for (const auto &child : node->children) {
        const QString key = child->armId.toLower();
        present.insert(key);
        const QJsonObject &item = items.at(byKey.value(key));
        if (item == child->resource)
            continue;
        child->resource = item;
        child->name = item.value(u"name"_qs).toString();
        child->display = displayNameOf(kind, item);
        const QModelIndex childIndex = indexFor(child.get());
        Q_EMIT dataChanged(childIndex, childIndex);
    }

    // New rows at the end (sorting is a proxy's job).
    QList<const QJsonObject *> added;
    for (const QJsonObject &item : std::as_const(items)) {
        if (!present.contains(keyOf(item)))
            added.append(&item);
    }
    if (!added.isEmpty()) {
        const int first = int(node->children.size());
        beginInsertRows(nodeIndex, first, first + int(added.size()) - 1);
        for (const QJsonObject *item : std::as_const(added)) {
            auto child = std::make_unique<Node>();
            child->kind = kind;
            child->parent = node;
            child->name = item->value(u"name"_qs).toString();
            child->display = displayNameOf(kind, *item);
            child->armId = item->value(u"id"_qs).toString();
            if (child->armId.isEmpty())
                child->armId = node->armId + u'/' + child->name;
            child->environmentId = node->environmentId;
            child->resource = *item;
            child->state = isExpandable(kind) ? LoadState::NotLoaded : LoadState::Loaded;
            node->children.push_back(std::move(child));
        }
        endInsertRows();
    }

    const bool refreshing = std::exchange(node->refreshing, false);
    setState(node, LoadState::Loaded);
    Q_EMIT loaded(nodeIndex);

    // What had been opened below a refreshed node is refreshed too. The children vector can
    // change while this runs (a loaded() receiver may refresh again), so collect first.
    if (refreshing) {
        std::vector<Node *> opened;
        for (const auto &child : node->children) {
            if (child->state != LoadState::NotLoaded)
                opened.push_back(child.get());
        }
        for (Node *child : opened) {
            const bool stillThere = std::any_of(
                node->children.begin(), node->children.end(),
                [child](const std::unique_ptr<Node> &c) { return c.get() == child; });
            if (stillThere)
                startLoad(child, true);
        }
    }
}

Qt::ItemFlags NavigationTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!isExpandable(nodeFor(index)->kind))
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QVariant NavigationTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() != 0)
        return {};
    const Node *node = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        return node->display;
    case Qt::ToolTipRole:
        return node->armId.isEmpty() ? node->display : node->armId;
    case KindRole:
        return QVariant::fromValue(node->kind);
    case ArmIdRole:
        return node->armId;
    case NameRole:
        return node->name;
    case LoadStateRole:
        return QVariant::fromValue(node->state);
    case ErrorRole:
        return node->state == LoadState::Failed ? QVariant::fromValue(node->error) : QVariant();
    case ErrorMessageRole:
        return node->state == LoadState::Failed ? node->error.message : QString();
    case EnvironmentIdRole:
        return node->environmentId;
    case ResourceRole:
        return node->resource.isEmpty() ? QVariant() : QVariant(node->resource);
    default:
        return {};
    }
}

QHash<int, QByteArray> NavigationTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(ArmIdRole, "armId");
    names.insert(NameRole, "name");
    names.insert(LoadStateRole, "loadState");
    names.insert(ErrorRole, "error");
    names.insert(ErrorMessageRole, "errorMessage");
    names.insert(EnvironmentIdRole, "environmentId");
    names.insert(ResourceRole, "resource");
    return names;
}

} // namespace portico::core
