// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/ml/besjobstore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace portico::local {

using core::Error;
using core::Result;

namespace {

Error storageError(const QString &what, const QSqlError &error)
{
    Error e = Error::make(Error::Kind::Storage, u"%1: %2"_qs.arg(what, error.text()));
    return e;
}

QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

// Enough for every job a client is watching; older ones are read from the database again.
constexpr qsizetype cachedJobs = 256;

} // namespace

BesJobStore::BesJobStore()
    : m_connection(u"portico-ml-jobs-"_qs + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

BesJobStore::~BesJobStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<void> BesJobStore::open(const QString &path)
{
    const bool existed = QFile::exists(path);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, m_connection);
    db.setDatabaseName(path);
    if (!db.open())
        return storageError(u"Cannot open %1"_qs.arg(path), db.lastError());
    if (!existed)
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    QSqlQuery query(db);
    for (const QString &sql : { u"PRAGMA journal_mode=WAL"_qs, u"PRAGMA synchronous=FULL"_qs,
                                u"CREATE TABLE IF NOT EXISTS bes_jobs (id TEXT PRIMARY KEY, status TEXT NOT NULL, "
                                "request BLOB NOT NULL, results BLOB, details TEXT, created_at TEXT, "
                                "started_at TEXT, ended_at TEXT, attempts INTEGER NOT NULL DEFAULT 0)"_qs }) {
        if (!query.exec(sql))
            return storageError(u"Cannot prepare %1"_qs.arg(path), query.lastError());
    }
    return {};
}

Result<void> BesJobStore::exec(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.prepare(sql))
        return storageError(u"Cannot prepare a job update"_qs, query.lastError());
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return storageError(u"Cannot store the job"_qs, query.lastError());
    return {};
}

void BesJobStore::remember(BesJobRecord job) const
{
    if (m_cache.size() >= cachedJobs && !m_cache.contains(job.id))
        m_cache.clear();
    m_cache.insert(job.id, std::move(job));
}

Result<void> BesJobStore::insert(const BesJobRecord &job)
{
    auto inserted = exec(u"INSERT INTO bes_jobs (id, status, request, results, details, created_at, attempts) "
                         "VALUES (?, ?, ?, ?, ?, ?, 0)"_qs,
                         { job.id, job.status, job.request, job.results, job.details, iso(job.createdAt) });
    if (inserted) {
        BesJobRecord stored = job;
        stored.createdAt = fromIso(iso(job.createdAt));
        stored.startedAt = stored.endedAt = QDateTime();
        stored.attempts = 0;
        remember(std::move(stored));
    }
    return inserted;
}

Result<std::optional<BesJobRecord>> BesJobStore::find(const QString &id) const
{
    if (const auto cached = m_cache.constFind(id); cached != m_cache.cend())
        return std::optional<BesJobRecord>(*cached);
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"SELECT id, status, request, results, details, created_at, started_at, ended_at, "
                  "attempts FROM bes_jobs WHERE id = ?"_qs);
    query.addBindValue(id);
    if (!query.exec())
        return storageError(u"Cannot read the job"_qs, query.lastError());
    if (!query.next())
        return std::optional<BesJobRecord>();
    BesJobRecord job;
    job.id = query.value(0).toString();
    job.status = query.value(1).toString();
    job.request = query.value(2).toByteArray();
    job.results = query.value(3).toByteArray();
    job.details = query.value(4).toString();
    job.createdAt = fromIso(query.value(5).toString());
    job.startedAt = fromIso(query.value(6).toString());
    job.endedAt = fromIso(query.value(7).toString());
    job.attempts = query.value(8).toInt();
    remember(job);
    return std::optional<BesJobRecord>(job);
}

Result<QStringList> BesJobStore::idsWithStatus(const QString &status) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(u"SELECT id FROM bes_jobs WHERE status = ? ORDER BY started_at, created_at"_qs);
    query.addBindValue(status);
    if (!query.exec())
        return storageError(u"Cannot list jobs"_qs, query.lastError());
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

Result<void> BesJobStore::markRunning(const QString &id)
{
    const QString now = iso(QDateTime::currentDateTimeUtc());
    auto marked = exec(u"UPDATE bes_jobs SET status = 'Running', started_at = ? WHERE id = ?"_qs, { now, id });
    if (const auto cached = m_cache.find(id); marked && cached != m_cache.end()) {
        cached->status = u"Running"_qs;
        cached->startedAt = fromIso(now);
    }
    return marked;
}

Result<void> BesJobStore::countAttempt(const QString &id)
{
    auto counted = exec(u"UPDATE bes_jobs SET attempts = attempts + 1 WHERE id = ?"_qs, { id });
    if (const auto cached = m_cache.find(id); counted && cached != m_cache.end())
        ++cached->attempts;
    return counted;
}

Result<void> BesJobStore::markEnded(const QString &id, const QString &status, const QByteArray &results,
                                    const QString &details)
{
    const QString now = iso(QDateTime::currentDateTimeUtc());
    auto marked = exec(u"UPDATE bes_jobs SET status = ?, results = ?, details = ?, ended_at = ? WHERE id = ?"_qs,
                       { status, results, details.isEmpty() ? QVariant() : QVariant(details), now, id });
    if (const auto cached = m_cache.find(id); marked && cached != m_cache.end()) {
        cached->status = status;
        cached->results = results;
        cached->details = details;
        cached->endedAt = fromIso(now);
    }
    return marked;
}

} // namespace portico::local
