// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/batch/batchjobrunner.h"

#include "core/batch/batchjob.h"
#include "core/secrets/secretstore.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcBatch)

namespace portico::core {

namespace {

Error invalid(const QString &target, const QString &message)
{
    Error error = Error::make(Error::Kind::InvalidInput, message);
    error.target = target;
    return error;
}

} // namespace

BatchJobRunner::BatchJobRunner(QNetworkAccessManager *network, SecretStore *secrets,
                               QString dataDirectory, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_secrets(secrets)
    , m_store(std::move(dataDirectory))
{
}

BatchJobRunner::~BatchJobRunner()
{
    // Jobs stop watching (their destructors abort what is in flight); server jobs go on.
    qDeleteAll(std::exchange(m_jobs, {}));
}

Result<void> BatchJobRunner::load()
{
    return m_store.load();
}

QString BatchJobRunner::resultsDirectory() const
{
    return QDir(m_store.directory()).filePath(u"batch-results"_qs);
}

std::optional<BatchJobRecord> BatchJobRunner::record(const QString &id) const
{
    const BatchJobRecord *found = m_store.find(id);
    return found ? std::optional<BatchJobRecord>(*found) : std::nullopt;
}

Result<BatchJob *> BatchJobRunner::submit(const BatchJobSpec &spec)
{
    if (auto valid = spec.endpoint.validate(); !valid)
        return valid.error();
    const QFileInfo input(spec.inputFile);
    if (spec.inputFile.isEmpty() || !input.isFile())
        return invalid(u"inputFile"_qs, u"The input file %1 does not exist."_qs.arg(spec.inputFile));
    if (!input.isReadable())
        return invalid(u"inputFile"_qs, u"The input file %1 cannot be read."_qs.arg(spec.inputFile));
    if (spec.storageSecretKey.isEmpty())
        return invalid(u"storageSecretKey"_qs, u"No storage account is chosen for the input and results."_qs);
    // Azure container names: 3-63 lower-case letters, digits and single hyphens.
    static const QRegularExpression containerName(u"^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$"_qs);
    if (!containerName.match(spec.container).hasMatch())
        return invalid(u"container"_qs,
                       u"\"%1\" is not a valid container name (3-63 lower-case letters, digits and hyphens)."_qs.arg(
                           spec.container));

    BatchJobRecord record;
    record.id = QUuid::createUuid().toString(QUuid::Id128);
    record.name = spec.name.isEmpty() ? input.fileName() : spec.name;
    record.endpoint = spec.endpoint;
    record.storageSecretKey = spec.storageSecretKey;
    record.inputFile = input.absoluteFilePath();
    record.inputSize = input.size();
    record.inputModified = input.lastModified().toUTC();
    record.container = spec.container;
    record.inputBlob = u"jobs/%1/input.csv"_qs.arg(record.id);
    record.outputBlob = u"jobs/%1/output1.csv"_qs.arg(record.id);
    record.resultsFile = QDir(resultsDirectory()).filePath(record.id + u".csv"_qs);
    record.createdAt = record.updatedAt = QDateTime::currentDateTimeUtc();
    if (auto saved = m_store.save(record); !saved)
        return saved.error();
    Q_EMIT jobsChanged();
    BatchJob *job = jobFor(record);
    job->run();
    return job;
}

Result<BatchJob *> BatchJobRunner::watch(const QString &id)
{
    if (BatchJob *existing = m_jobs.value(id)) {
        if (!existing->isRunning() && !existing->isFinished())
            existing->run();
        return existing;
    }
    auto job = find(id);
    if (job)
        (*job)->run();
    return job;
}

void BatchJobRunner::resumeActive()
{
    QList<BatchJobRecord> active;
    QStringList unanswered;
    for (const BatchJobRecord &record : m_store.records()) {
        if (!record.isActive() || m_jobs.contains(record.id) || m_resumeQueue.contains(record.id))
            continue;
        // Its submit may have reached the service: not sent again; it says so at once (no
        // keychain or network needed) and waits for the user's word.
        if (record.submitMayHaveReachedService()) {
            unanswered.append(record.id);
            continue;
        }
        // Also a job interrupted before it reached the service (during the upload, or between
        // the upload and submit): it carries on from its input file or the uploaded blob.
        if (record.step <= BatchJobRecord::Step::Submit || !record.serverJobId.isEmpty())
            active.append(record);
    }
    for (const QString &id : std::as_const(unanswered))
        (void)watch(id);
    std::stable_sort(active.begin(), active.end(), [](const BatchJobRecord &a, const BatchJobRecord &b) {
        return a.updatedAt > b.updatedAt;
    });
    for (const BatchJobRecord &record : std::as_const(active))
        m_resumeQueue.append(record.id);
    if (!active.isEmpty())
        qCInfo(lcBatch) << "resuming" << active.size() << "batch jobs that were active";
    resumeNext();
}

void BatchJobRunner::resumeNext()
{
    bool started = false;
    while (m_resuming.size() < maxConcurrentResumes && !m_resumeQueue.isEmpty()) {
        const QString id = m_resumeQueue.takeFirst();
        const BatchJobRecord *stored = m_store.find(id);
        BatchJob *existing = m_jobs.value(id);
        if (!stored || !stored->isActive() || (existing && (existing->isRunning() || existing->isFinished())))
            continue; // removed, or watched meanwhile (the user selected it)
        auto watched = watch(id);
        if (!watched)
            continue;
        BatchJob *job = watched.value();
        started = true;
        m_resuming.insert(id);
        // Still running there: from now on it is only polled with backoff. A job the service
        // finished keeps its place until its results are down.
        connect(job, &BatchJob::statusRead, this, [this, id, job] {
            static const QStringList final { u"Finished"_qs, u"Failed"_qs, u"Cancelled"_qs };
            if (!final.contains(job->serverStatus()))
                resumeSettled(id);
        });
        connect(job, &BatchJob::finished, this, [this, id] { resumeSettled(id); });
    }
    if (started)
        Q_EMIT jobsChanged(); // no longer waiting
}

void BatchJobRunner::resumeSettled(const QString &id)
{
    if (m_resuming.remove(id))
        QTimer::singleShot(0, this, &BatchJobRunner::resumeNext);
}

Result<BatchJob *> BatchJobRunner::retry(const QString &id)
{
    auto found = find(id);
    if (!found)
        return found;
    BatchJob *job = *found;
    if (job->isRunning())
        return job;
    if (!job->record().canRetry())
        return Error::make(Error::Kind::InvalidInput, u"The batch job %1 cannot be run again."_qs.arg(id));
    m_resumeQueue.removeAll(id);
    job->retry();
    return job;
}

Result<BatchJob *> BatchJobRunner::remove(const QString &id)
{
    auto job = find(id);
    if (job)
        (*job)->remove();
    return job;
}

Result<BatchJob *> BatchJobRunner::removeHereOnly(const QString &id)
{
    auto job = find(id);
    if (job)
        (*job)->removeHereOnly();
    return job;
}

Result<BatchJob *> BatchJobRunner::find(const QString &id)
{
    if (BatchJob *job = m_jobs.value(id))
        return job;
    const BatchJobRecord *stored = m_store.find(id);
    if (!stored)
        return Error::make(Error::Kind::NotFound, u"There is no batch job %1."_qs.arg(id));
    return jobFor(*stored);
}

BatchJob *BatchJobRunner::jobFor(const BatchJobRecord &record)
{
    auto *job = new BatchJob(this, record, this);
    m_jobs.insert(record.id, job);
    return job;
}

Result<void> BatchJobRunner::save(const BatchJobRecord &record)
{
    auto saved = m_store.save(record);
    if (!saved)
        qCWarning(lcBatch) << "cannot store batch job" << record.id << saved.error().message;
    Q_EMIT jobsChanged();
    return saved;
}

Result<void> BatchJobRunner::forget(const QString &id)
{
    m_resumeQueue.removeAll(id);
    resumeSettled(id);
    auto removed = m_store.remove(id);
    if (!removed)
        qCWarning(lcBatch) << "cannot remove batch job" << id << removed.error().message;
    if (BatchJob *job = m_jobs.take(id))
        job->deleteLater();
    Q_EMIT jobsChanged();
    return removed;
}

} // namespace portico::core
