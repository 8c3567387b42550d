// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/batch/batchjobrecord.h"
#include "core/batch/batchjobspec.h"
#include "core/batch/batchjobstore.h"
#include "core/common/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <optional>

class QNetworkAccessManager;

namespace portico::core {

class BatchJob;
class SecretStore;

// Runs BES batch jobs end to end (upload, submit, start, watch, download, results table) and
// remembers them in a data directory, so that after an app restart a new runner lists the same
// jobs and can watch a running one again by id. Secrets come from the SecretStore at the moment
// a job needs them and are never written to the directory.
//
// Job objects are owned by the runner and stay alive after they finish (a panel keeps showing
// their results) until the job is removed or the runner is destroyed. Destroying the runner
// stops watching but leaves server jobs running: they can be watched again later.
class BatchJobRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchJobRunner)

public:
    BatchJobRunner(QNetworkAccessManager *network, SecretStore *secrets, QString dataDirectory,
                   QObject *parent = nullptr);
    ~BatchJobRunner() override;

    // Reads the job list; call once before using the runner.
    Result<void> load();
    QList<BatchJobRecord> jobs() const { return m_store.records(); }
    std::optional<BatchJobRecord> record(const QString &id) const;

    // Validates the spec, records a new job and starts it. Errors name the bad field.
    Result<BatchJob *> submit(const BatchJobSpec &spec);
    // The job object for a stored job, resuming it from its last step if it was still active
    // (a finished job reopens its results). The same object while it exists.
    Result<BatchJob *> watch(const QString &id);
    // The job object if one exists.
    BatchJob *job(const QString &id) const { return m_jobs.value(id); }
    // Resumes every job that was still active when the list was read, most recent first, so
    // that their state and results catch up without anyone selecting them: one the service
    // knows is watched again; one interrupted before it reached the service carries on: during
    // the upload it sends its input file again if that is unchanged (same size and modification
    // time as when it was started; else it fails, saying so, and can be retried), after the
    // upload it submits the uploaded blob; one whose submit was sent but whose job id was not
    // recorded is not submitted again (the service may hold it, and BES cannot list jobs): it
    // fails at once with code SubmitUnanswered, and retry() submits it again. Bounded: at most
    // maxConcurrentResumes catch up at once; a place frees up when a job finishes or the
    // service says it still runs it (it is then just polled with backoff). Call once after
    // load().
    void resumeActive();
    static constexpr int maxConcurrentResumes = 3;
    // Queued by resumeActive() and not watched yet.
    bool isWaitingToResume(const QString &id) const { return m_resumeQueue.contains(id); }
    // Runs a job that failed here (not by the service's verdict) again from the step that
    // failed, e.g. after the service could not be reached. NotFound for an unknown id,
    // InvalidInput for a job that cannot be retried.
    Result<BatchJob *> retry(const QString &id);
    // Deletes a job: a running one is cancelled first (the server job too), then its results
    // file and its entry are removed; a job still running on the server but not watched (after
    // a restart) is cancelled there too. The returned object reports BatchJob::removed() and is
    // deleted afterwards.
    Result<BatchJob *> remove(const QString &id);
    // Deletes a job's entry and results file here without contacting the service, e.g. when it
    // cannot be reached (environment gone, network down): a server job goes on there, and its
    // input and output blobs stay in the storage container. Also abandons a remove() or
    // cancel() that is still waiting for the service. Reports BatchJob::removed() like remove().
    Result<BatchJob *> removeHereOnly(const QString &id);

    void setPolling(const BatchPolling &polling) { m_polling = polling; }
    const BatchPolling &polling() const { return m_polling; }
    // For the BES calls of jobs that start a step from now on.
    void setCallTimeouts(const BesCallTimeouts &timeouts) { m_callTimeouts = timeouts; }
    const BesCallTimeouts &callTimeouts() const { return m_callTimeouts; }
    QString dataDirectory() const { return m_store.directory(); }
    QString resultsDirectory() const;

Q_SIGNALS:
    // The job list (or one job's stored state) changed.
    void jobsChanged();

private:
    friend class BatchJob;
    QNetworkAccessManager *network() const { return m_network; }
    SecretStore *secrets() const { return m_secrets; }
    // Called by jobs whenever their state changes; failures are logged, the job goes on.
    Result<void> save(const BatchJobRecord &record);
    // Drops a job from the list and the stored file; the job object is deleted later.
    Result<void> forget(const QString &id);
    // The job's object, made from the stored record when there is none yet.
    Result<BatchJob *> find(const QString &id);
    BatchJob *jobFor(const BatchJobRecord &record);
    void resumeNext();
    void resumeSettled(const QString &id);

    QPointer<QNetworkAccessManager> m_network;
    QPointer<SecretStore> m_secrets;
    BatchJobStore m_store;
    BatchPolling m_polling;
    BesCallTimeouts m_callTimeouts;
    QHash<QString, BatchJob *> m_jobs;
    QStringList m_resumeQueue;
    QSet<QString> m_resuming;
};

} // namespace portico::core
