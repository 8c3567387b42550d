// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace portico::local {

// One BES job as stored. `request` is the submit body as sent: it holds storage connection
// strings, so the database is private to the user (0600) and the body is never logged.
struct BesJobRecord
{
    QString id;
    QString status; // NotStarted, Running, Finished, Failed, Cancelled
    QByteArray request;
    QByteArray results; // JSON object of Results, empty unless Finished
    QString details;
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime endedAt;
    int attempts = 0; // how many times a worker picked the job up
};

// BES jobs in SQLite (ml.db in the data dir), written in transactions so that a crash leaves
// every job in its last acknowledged state. Used from one thread. Jobs read or written are also
// kept in memory (the database is this process's alone), so that a client polling a job's
// status every few milliseconds costs no SQL; every change is written to the database first.
class BesJobStore final
{
public:
    BesJobStore();
    ~BesJobStore();
    BesJobStore(const BesJobStore &) = delete;
    BesJobStore &operator=(const BesJobStore &) = delete;

    [[nodiscard]] core::Result<void> open(const QString &path);

    [[nodiscard]] core::Result<void> insert(const BesJobRecord &job);
    [[nodiscard]] core::Result<std::optional<BesJobRecord>> find(const QString &id) const;
    [[nodiscard]] core::Result<QStringList> idsWithStatus(const QString &status) const;

    [[nodiscard]] core::Result<void> markRunning(const QString &id);
    [[nodiscard]] core::Result<void> countAttempt(const QString &id);
    // Sets a final status (Finished, Failed, Cancelled) with its results or details.
    [[nodiscard]] core::Result<void> markEnded(const QString &id, const QString &status,
                                               const QByteArray &results, const QString &details);

private:
    core::Result<void> exec(const QString &sql, const QVariantList &values) const;
    // The job as the database holds it now, for the cache (times read back at its precision).
    void remember(BesJobRecord job) const;

    QString m_connection;
    mutable QHash<QString, BesJobRecord> m_cache;
};

} // namespace portico::local
