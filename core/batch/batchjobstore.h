// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/batch/batchjobrecord.h"
#include "core/common/result.h"

#include <QList>
#include <QString>

namespace portico::core {

// The batch jobs of one data directory, in "batch-jobs.json", rewritten atomically on every
// change (temp file, fsync, rename), so a crash leaves the old list or the new one. Records
// never hold secrets (see BatchJobRecord). Not thread-safe; one store per directory per process.
class BatchJobStore final
{
public:
    explicit BatchJobStore(QString directory);

    // Reads the file; a missing file is an empty list. A damaged file is an error, and the
    // store then refuses to write over it.
    Result<void> load();
    const QList<BatchJobRecord> &records() const { return m_records; }
    const BatchJobRecord *find(const QString &id) const;

    // Inserts or replaces by id, and writes the file.
    Result<void> save(const BatchJobRecord &record);
    Result<void> remove(const QString &id);

    QString filePath() const;
    QString directory() const { return m_directory; }

private:
    Result<void> write();

    QString m_directory;
    QList<BatchJobRecord> m_records;
    bool m_damaged = false;
};

} // namespace portico::core
