// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/batch/batchjobstore.h"

#include "core/common/atomicfile.h"
#include "core/common/privatefiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace portico::core {

BatchJobStore::BatchJobStore(QString directory)
    : m_directory(std::move(directory))
{
}

QString BatchJobStore::filePath() const
{
    return QDir(m_directory).filePath(u"batch-jobs.json"_qs);
}

Result<void> BatchJobStore::load()
{
    m_records.clear();
    m_damaged = false;
    QFile file(filePath());
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Kind::Storage,
                           u"Cannot read the batch job list %1: %2"_qs.arg(filePath(), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonValue jobs = document.object().value(u"jobs"_qs);
    if (parseError.error != QJsonParseError::NoError || !jobs.isArray()) {
        m_damaged = true;
        return Error::make(Error::Kind::Storage,
                           u"The batch job list %1 is damaged; it is left untouched."_qs.arg(filePath()));
    }
    for (const QJsonValue &value : jobs.toArray()) {
        auto record = BatchJobRecord::fromJson(value.toObject());
        if (!record) {
            m_damaged = true;
            m_records.clear();
            return record.error();
        }
        m_records.append(record.value());
    }
    return {};
}

const BatchJobRecord *BatchJobStore::find(const QString &id) const
{
    for (const BatchJobRecord &record : m_records) {
        if (record.id == id)
            return &record;
    }
    return nullptr;
}

Result<void> BatchJobStore::save(const BatchJobRecord &record)
{
    bool replaced = false;
    for (BatchJobRecord &existing : m_records) {
        if (existing.id == record.id) {
            existing = record;
            replaced = true;
        }
    }
    if (!replaced)
        m_records.append(record);
    return write();
}

Result<void> BatchJobStore::remove(const QString &id)
{
    m_records.removeIf([&id](const BatchJobRecord &record) { return record.id == id; });
    return write();
}

Result<void> BatchJobStore::write()
{
    if (m_damaged)
        return Error::make(Error::Kind::Storage,
                           u"The batch job list %1 is damaged; not overwriting it."_qs.arg(filePath()));
    // The user's alone, like the list itself (0600), also a directory an older version made.
    if (auto directory = makePrivateDirectory(m_directory); !directory)
        return directory;
    QJsonArray jobs;
    for (const BatchJobRecord &record : std::as_const(m_records))
        jobs.append(record.toJson());
    const QJsonObject root { { u"version"_qs, 1 }, { u"jobs"_qs, jobs } };
    return writeFileAtomically(filePath(), QJsonDocument(root).toJson(QJsonDocument::Indented));
}

} // namespace portico::core
