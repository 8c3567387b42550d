// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/store/managementstore.h"
#include "core/common/privatefiles.h"

#include "core/local/store/serviceconfig.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtEndian>

namespace portico::local {

using core::Error;
using core::Result;

namespace {

QString keyOf(const QString &id)
{
    QString key = id.toLower();
    while (key.endsWith(u'/'))
        key.chop(1);
    return key;
}

// The other ends of the links of `kind` at `id`: `select` picks one column of the links table
// and binds the kind and the key of `id`, in that order.
QStringList linkEnds(const QString &connection, const QString &select, const QString &kind,
                     const QString &id)
{
    QSqlQuery query(QSqlDatabase::database(connection, false));
    query.prepare(select);
    query.addBindValue(kind);
    query.addBindValue(keyOf(id));
    QStringList result;
    if (query.exec())
        while (query.next())
            result.append(query.value(0).toString());
    return result;
}

Error storageError(const QString &what, const QSqlError &error)
{
    Error e = Error::make(Error::Kind::Storage, u"%1: %2"_qs.arg(what, error.text()));
    return e;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parseObject(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toByteArray()).object();
}

// Migrations, in order; migration i brings the schema from version i to i + 1.
const char *const s_migrations[] = {
    // 0 → 1
    "CREATE TABLE resources ("
    " key TEXT PRIMARY KEY NOT NULL,"
    " parent_key TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " display_name TEXT NOT NULL DEFAULT '',"
    " unique_key TEXT,"
    " etag INTEGER NOT NULL,"
    " body TEXT NOT NULL,"
    " private_data TEXT NOT NULL DEFAULT '{}');"
    "CREATE INDEX resources_children ON resources(parent_key, kind, name);"
    "CREATE INDEX resources_unique ON resources(parent_key, kind, unique_key);"
    "CREATE INDEX resources_kind ON resources(kind, key);"
    "CREATE TABLE links ("
    " kind TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,"
    " PRIMARY KEY(kind, source, target)) WITHOUT ROWID;"
    "CREATE INDEX links_target ON links(target);"
    "CREATE TABLE operations ("
    " id TEXT PRIMARY KEY NOT NULL, resource_id TEXT NOT NULL, action TEXT NOT NULL,"
    " status TEXT NOT NULL, started_ms INTEGER NOT NULL, step_at_ms INTEGER NOT NULL,"
    " done_at_ms INTEGER NOT NULL, ended_ms INTEGER NOT NULL DEFAULT 0);",
    // 1 → 2: why an operation failed (ARM's error object as JSON; '{}' while it has not)
    "ALTER TABLE operations ADD COLUMN error TEXT NOT NULL DEFAULT '{}';",
};

StoredResource readResource(const QSqlQuery &query, bool parseBodies = true)
{
    StoredResource r;
    r.key = query.value(0).toString();
    r.parentKey = query.value(1).toString();
    r.kind = query.value(2).toString();
    r.name = query.value(3).toString();
    r.displayName = query.value(4).toString();
    r.uniqueKey = query.value(5).toString();
    r.etag = query.value(6).toULongLong();
    r.storedBody = query.value(7).toByteArray();
    if (parseBodies) {
        r.body = QJsonDocument::fromJson(r.storedBody).object();
        r.privateData = parseObject(query.value(8));
    }
    return r;
}

constexpr auto s_columns = "key, parent_key, kind, name, display_name, unique_key, etag, body, "
                           "private_data";

ManagementStore::Operation readOperation(const QSqlQuery &query)
{
    ManagementStore::Operation op;
    op.id = query.value(0).toString();
    op.resourceId = query.value(1).toString();
    op.action = query.value(2).toString();
    op.status = query.value(3).toString();
    op.startedMs = query.value(4).toLongLong();
    op.stepAtMs = query.value(5).toLongLong();
    op.doneAtMs = query.value(6).toLongLong();
    op.endedMs = query.value(7).toLongLong();
    op.error = parseObject(query.value(8));
    return op;
}

constexpr auto s_operationColumns =
    "id, resource_id, action, status, started_ms, step_at_ms, done_at_ms, ended_ms, error";

} // namespace

QByteArray StoredResource::etagHeader() const
{
    char bytes[8];
    qToBigEndian(etag, bytes);
    return '"' + QByteArray(bytes, 8).toBase64() + '"';
}

ManagementStore::ManagementStore(QObject *parent)
    : QObject(parent)
    , m_connection(u"portico-management-"_qs + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

ManagementStore::~ManagementStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool ManagementStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection)
        && QSqlDatabase::database(m_connection, false).isOpen();
}

Result<void> ManagementStore::exec(const QString &sql, const QVariantList &binds) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.prepare(sql))
        return storageError(u"prepare"_qs, query.lastError());
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return storageError(u"write"_qs, query.lastError());
    return {};
}

Result<void> ManagementStore::open(const QString &databasePath)
{
    m_path = databasePath;
    // Subscription keys and secret named values live here: owner-only, -wal and -shm too.
    if (auto prepared = core::preparePrivateDatabase(databasePath); !prepared)
        return prepared;
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, m_connection);
    db.setDatabaseName(databasePath);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_qs);
    if (!db.open())
        return storageError(u"Cannot open %1"_qs.arg(databasePath), db.lastError());
    QSqlQuery query(db);
    for (const char *pragma :
         { "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON" }) {
        if (!query.exec(QString::fromLatin1(pragma)))
            return storageError(u"Cannot configure %1"_qs.arg(databasePath), query.lastError());
    }
    query.exec(u"PRAGMA journal_mode"_qs);
    const bool wal =
        query.next() && query.value(0).toString().compare(u"wal"_qs, Qt::CaseInsensitive) == 0;
    query.finish();
    if (!wal)
        return Error::make(Error::Kind::Storage,
                           u"%1 cannot use write-ahead logging."_qs.arg(databasePath));
    if (auto migrated = migrate(); !migrated)
        return migrated;
    query.exec(u"SELECT COALESCE(MAX(etag), 0) FROM resources"_qs);
    m_lastEtag = query.next() ? query.value(0).toULongLong() : 0;
    query.finish();
    m_generation = 1;
    return {};
}

Result<void> ManagementStore::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA user_version"_qs) || !query.next())
        return storageError(u"Cannot read the schema version"_qs, query.lastError());
    const int version = query.value(0).toInt();
    query.finish();
    m_created = version == 0;
    const int latest = int(std::size(s_migrations));
    static_assert(std::size(s_migrations) == SchemaVersion);
    if (version > latest)
        return Error::make(Error::Kind::Storage,
                           u"%1 has schema version %2, newer than this portico-local supports "
                           "(%3). Use a newer portico-local or another --data-dir."_qs
                               .arg(m_path)
                               .arg(version)
                               .arg(latest));
    for (int step = version; step < latest; ++step) {
        if (!db.transaction())
            return storageError(u"Cannot migrate"_qs, db.lastError());
        const QStringList statements =
            QString::fromLatin1(s_migrations[step]).split(u';', Qt::SkipEmptyParts);
        for (const QString &statement : statements) {
            if (statement.trimmed().isEmpty())
                continue;
            if (!query.exec(statement)) {
                const QSqlError error = query.lastError();
                db.rollback();
                return storageError(u"Migration to schema version %1 failed"_qs.arg(step + 1), error);
            }
        }
        const bool recorded = query.exec(u"PRAGMA user_version = %1"_qs.arg(step + 1));
        query.finish();
        if (!recorded || !db.commit()) {
            const QSqlError error = recorded ? db.lastError() : query.lastError();
            db.rollback();
            return storageError(u"Cannot record schema version %1"_qs.arg(step + 1), error);
        }
    }
    return {};
}

QStringList ManagementStore::serviceIds() const
{
    QStringList ids;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.exec(u"SELECT body FROM resources WHERE kind = 'service' ORDER BY key"_qs);
    while (query.next())
        ids.append(parseObject(query.value(0)).value(u"id"_qs).toString());
    return ids;
}

Result<ServiceConfig> ManagementStore::serviceConfig(const QString &serviceId) const
{
    return buildServiceConfig(*this, serviceId);
}

std::optional<StoredResource> ManagementStore::get(const QString &id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"SELECT %1 FROM resources WHERE key = ?"_qs.arg(QLatin1StringView(s_columns)));
    query.addBindValue(keyOf(id));
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readResource(query);
}

Result<ManagementStore::Page> ManagementStore::list(const QString &parentId, const QString &kind,
                                                    int top, int skip, const QString &where,
                                                    const QVariantList &binds,
                                                    bool parseBodies) const
{
    const QString condition = u"parent_key = ? AND kind = ?"_qs
        + (where.isEmpty() ? QString() : u" AND ("_qs + where + u')');
    QVariantList allBinds { keyOf(parentId), kind };
    allBinds += binds;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    Page page;
    QSqlQuery count(db);
    count.prepare(u"SELECT COUNT(*) FROM resources WHERE "_qs + condition);
    for (const QVariant &bind : allBinds)
        count.addBindValue(bind);
    if (!count.exec() || !count.next())
        return storageError(u"list"_qs, count.lastError());
    page.total = count.value(0).toLongLong();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT %1 FROM resources WHERE %2 ORDER BY name LIMIT ? OFFSET ?"_qs.arg(
        QLatin1StringView(s_columns), condition));
    for (const QVariant &bind : allBinds)
        query.addBindValue(bind);
    query.addBindValue(top < 0 ? -1 : top);
    query.addBindValue(skip);
    if (!query.exec())
        return storageError(u"list"_qs, query.lastError());
    while (query.next())
        page.items.append(readResource(query, parseBodies));
    return page;
}

QList<StoredResource> ManagementStore::children(const QString &parentId, const QString &kind) const
{
    auto page = list(parentId, kind, -1, 0);
    return page ? page->items : QList<StoredResource> {};
}

QList<StoredResource> ManagementStore::descendants(const QString &ancestorId,
                                                   const QString &kind) const
{
    const QString key = keyOf(ancestorId);
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    query.prepare(u"SELECT %1 FROM resources WHERE kind = ? AND key > ? AND key < ? ORDER BY key"_qs
                      .arg(QLatin1StringView(s_columns)));
    query.addBindValue(kind);
    query.addBindValue(QString(key + u'/'));
    query.addBindValue(QString(key + u'0'));
    QList<StoredResource> result;
    if (query.exec())
        while (query.next())
            result.append(readResource(query));
    return result;
}

std::optional<StoredResource> ManagementStore::findByUniqueKey(const QString &parentId,
                                                               const QString &kind,
                                                               const QString &uniqueKey) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"SELECT %1 FROM resources WHERE parent_key = ? AND kind = ? AND unique_key = ? "
                  "LIMIT 1"_qs.arg(QLatin1StringView(s_columns)));
    query.addBindValue(keyOf(parentId));
    query.addBindValue(kind);
    query.addBindValue(uniqueKey);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readResource(query);
}

bool ManagementStore::hasLink(const QString &kind, const QString &sourceId,
                              const QString &targetId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"SELECT 1 FROM links WHERE kind = ? AND source = ? AND target = ?"_qs);
    query.addBindValue(kind);
    query.addBindValue(keyOf(sourceId));
    query.addBindValue(keyOf(targetId));
    return query.exec() && query.next();
}

QStringList ManagementStore::linkTargets(const QString &kind, const QString &sourceId) const
{
    return linkEnds(m_connection,
                    u"SELECT target FROM links WHERE kind = ? AND source = ? ORDER BY target"_qs,
                    kind, sourceId);
}

QStringList ManagementStore::linkSources(const QString &kind, const QString &targetId) const
{
    return linkEnds(m_connection,
                    u"SELECT source FROM links WHERE kind = ? AND target = ? ORDER BY source"_qs,
                    kind, targetId);
}

Result<void> ManagementStore::begin()
{
    Q_ASSERT(!m_inTransaction);
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return storageError(u"begin"_qs, db.lastError());
    m_inTransaction = true;
    m_dirty = false;
    return {};
}

Result<void> ManagementStore::commit()
{
    Q_ASSERT(m_inTransaction);
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        m_inTransaction = false;
        return storageError(u"commit"_qs, error);
    }
    m_inTransaction = false;
    if (m_dirty) {
        ++m_generation;
        Q_EMIT changed(m_generation);
    }
    return {};
}

void ManagementStore::rollback()
{
    if (!m_inTransaction)
        return;
    QSqlDatabase::database(m_connection, false).rollback();
    m_inTransaction = false;
    // An aborted write may have consumed etags; that is harmless, they stay unique.
}

Result<void> ManagementStore::put(StoredResource &resource, const QString &parentId)
{
    Q_ASSERT(m_inTransaction);
    resource.key = keyOf(resource.id());
    resource.parentKey = keyOf(parentId);
    resource.etag = ++m_lastEtag;
    m_dirty = true;
    return exec(u"INSERT OR REPLACE INTO resources (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_qs.arg(
                    QLatin1StringView(s_columns)),
                { resource.key, resource.parentKey, resource.kind, resource.name,
                  resource.displayName,
                  resource.uniqueKey.isNull() ? QVariant() : QVariant(resource.uniqueKey),
                  resource.etag, compact(resource.body), compact(resource.privateData) });
}

Result<void> ManagementStore::remove(const QString &id)
{
    Q_ASSERT(m_inTransaction);
    const QString key = keyOf(id);
    const QString low = key + u'/', high = key + u'0';
    m_dirty = true;
    if (auto r = exec(u"DELETE FROM resources WHERE key = ? OR (key > ? AND key < ?)"_qs,
                      { key, low, high });
        !r)
        return r;
    if (auto r = exec(u"DELETE FROM links WHERE source = ? OR (source > ? AND source < ?)"_qs,
                      { key, low, high });
        !r)
        return r;
    return exec(u"DELETE FROM links WHERE target = ? OR (target > ? AND target < ?)"_qs,
                { key, low, high });
}

Result<void> ManagementStore::link(const QString &kind, const QString &sourceId,
                                   const QString &targetId)
{
    Q_ASSERT(m_inTransaction);
    m_dirty = true;
    return exec(u"INSERT OR IGNORE INTO links (kind, source, target) VALUES (?, ?, ?)"_qs,
                { kind, keyOf(sourceId), keyOf(targetId) });
}

Result<void> ManagementStore::unlink(const QString &kind, const QString &sourceId,
                                     const QString &targetId)
{
    Q_ASSERT(m_inTransaction);
    m_dirty = true;
    return exec(u"DELETE FROM links WHERE kind = ? AND source = ? AND target = ?"_qs,
                { kind, keyOf(sourceId), keyOf(targetId) });
}

Result<void> ManagementStore::putOperation(const Operation &op)
{
    Q_ASSERT(m_inTransaction);
    return exec(u"INSERT OR REPLACE INTO operations (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_qs.arg(
                    QLatin1StringView(s_operationColumns)),
                { op.id, op.resourceId, op.action, op.status, op.startedMs, op.stepAtMs,
                  op.doneAtMs, op.endedMs,
                  QString::fromUtf8(QJsonDocument(op.error).toJson(QJsonDocument::Compact)) });
}

std::optional<ManagementStore::Operation> ManagementStore::operation(const QString &id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"SELECT %1 FROM operations WHERE id = ?"_qs.arg(
        QLatin1StringView(s_operationColumns)));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readOperation(query);
}

QList<ManagementStore::Operation> ManagementStore::pendingOperations() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.exec(u"SELECT %1 FROM operations WHERE status = 'InProgress' ORDER BY started_ms"_qs.arg(
        QLatin1StringView(s_operationColumns)));
    QList<Operation> result;
    while (query.next())
        result.append(readOperation(query));
    return result;
}

std::optional<ManagementStore::Operation>
ManagementStore::pendingOperationFor(const QString &resourceId) const
{
    for (const Operation &op : pendingOperations())
        if (op.resourceId.compare(resourceId, Qt::CaseInsensitive) == 0)
            return op;
    return std::nullopt;
}

} // namespace portico::local
