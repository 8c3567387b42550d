// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/local/store/storedresource.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace portico::local {

struct ServiceConfig;

// The persistent state of portico-local's management plane: one SQLite database in the data
// dir (WAL journal, synchronous=FULL, a schema version in PRAGMA user_version and ordered
// migrations). Owned by LocalServer, used by the management plane and read by the gateway.
//
// Threading: the store belongs to the thread that opened it (the main thread, where
// QHttpServer 6.4 calls every handler). ServiceConfig snapshots are plain values and may be
// handed to other threads.
//
// Durability contract: every write happens between begin() and commit(); commit() returns only
// after SQLite has synced the WAL, so a caller that answers 2xx after a successful commit()
// never loses that write, not even to SIGKILL or a power cut.
//
// For the gateway (read API):
//   - generation() grows by one with every committed write; changed(generation) is emitted
//     right after the commit. Cache a ServiceConfig and rebuild it when the generation moved.
//   - serviceIds() lists every service; serviceConfig(id) returns one consistent snapshot of a
//     service: APIs with their operations, products with their API and group links,
//     subscriptions with keys, state and scope, users with state and groups, named values
//     (secret values included), backends, and the policy XML at every scope.
class ManagementStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagementStore)

public:
    static constexpr int SchemaVersion = 2;

    explicit ManagementStore(QObject *parent = nullptr);
    ~ManagementStore() override;

    // Opens or creates the database, switches on WAL and synchronous=FULL, and migrates it to
    // SchemaVersion. A database written by a newer portico-local is refused, not downgraded.
    [[nodiscard]] core::Result<void> open(const QString &databasePath);
    QString databasePath() const { return m_path; }
    bool isOpen() const;
    // True when open() created the database (first start with this data dir).
    bool wasCreated() const { return m_created; }

    // ---- gateway read API ----------------------------------------------------------------
    quint64 generation() const { return m_generation; }
    QStringList serviceIds() const;
    [[nodiscard]] core::Result<ServiceConfig> serviceConfig(const QString &serviceId) const;

    // ---- generic resource access (ids compare case-insensitively) --------------------------
    std::optional<StoredResource> get(const QString &id) const;
    // Children of one parent and kind, ordered by name. `where` is an SQL condition over the
    // columns name, display_name and body (see ODataFilter), with `binds` for its '?'s.
    // With `parseBodies` false only storedBody is filled (lists that serve bodies verbatim).
    struct Page
    {
        QList<StoredResource> items;
        qint64 total = 0;
    };
    [[nodiscard]] core::Result<Page> list(const QString &parentId, const QString &kind,
                                          int top, int skip, const QString &where = {},
                                          const QVariantList &binds = {},
                                          bool parseBodies = true) const;
    QList<StoredResource> children(const QString &parentId, const QString &kind) const;
    // Every resource of `kind` anywhere below `ancestorId`.
    QList<StoredResource> descendants(const QString &ancestorId, const QString &kind) const;
    std::optional<StoredResource> findByUniqueKey(const QString &parentId, const QString &kind,
                                                  const QString &uniqueKey) const;

    // Links between resources (product→api, product→group, group→user), by id.
    bool hasLink(const QString &kind, const QString &sourceId, const QString &targetId) const;
    QStringList linkTargets(const QString &kind, const QString &sourceId) const;
    QStringList linkSources(const QString &kind, const QString &targetId) const;

    // ---- writes: only between begin() and commit() ----------------------------------------
    [[nodiscard]] core::Result<void> begin();
    [[nodiscard]] core::Result<void> commit();
    void rollback();
    // Inserts or replaces; fills key/parentKey from body.id and gives it a new etag.
    [[nodiscard]] core::Result<void> put(StoredResource &resource, const QString &parentId);
    // Removes the resource, everything below it, and every link to or from any of them.
    [[nodiscard]] core::Result<void> remove(const QString &id);
    [[nodiscard]] core::Result<void> link(const QString &kind, const QString &sourceId,
                                          const QString &targetId);
    [[nodiscard]] core::Result<void> unlink(const QString &kind, const QString &sourceId,
                                            const QString &targetId);

    // ---- long-running operations (service create/delete) ----------------------------------
    struct Operation
    {
        QString id;
        QString resourceId;
        QString action; // "create" or "delete"
        QString status; // InProgress, Succeeded, Failed, Canceled
        qint64 startedMs = 0;
        qint64 stepAtMs = 0; // create: Created → Activating
        qint64 doneAtMs = 0; // terminal
        qint64 endedMs = 0;
        QJsonObject error; // Failed: ARM's {code, message}; empty otherwise
    };
    [[nodiscard]] core::Result<void> putOperation(const Operation &operation);
    std::optional<Operation> operation(const QString &id) const;
    QList<Operation> pendingOperations() const;
    std::optional<Operation> pendingOperationFor(const QString &resourceId) const;

Q_SIGNALS:
    void changed(quint64 generation);

private:
    core::Result<void> migrate();
    core::Result<void> exec(const QString &sql, const QVariantList &binds = {}) const;

    QString m_connection;
    QString m_path;
    quint64 m_generation = 0;
    quint64 m_lastEtag = 0;
    bool m_inTransaction = false;
    bool m_dirty = false;
    bool m_created = false;
};

} // namespace portico::local
