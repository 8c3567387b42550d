// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/batch/batchjobrecord.h"
#include "core/batch/besjobstatus.h"
#include "core/common/result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

class QFile;

namespace portico::core {

class BatchJobRunner;
class BatchResultsModel;
class BesCall;
class BesClient;
class BlobClient;
class BlobJob;
class ResultsFileWriter;

// One batch job as a UI panel binds to it. It runs the steps in order: upload the input CSV
// through BlobClient (streamed in blocks), submit the BES job, start it, poll its status with
// backoff (honouring Retry-After), download output1 through the SAS URL the status returns
// (streamed to a file that replaces the results file only once complete: a write that fails,
// e.g. on a full disk, fails the job with the file and the reason and keeps the earlier file),
// and index that file into a lazy BatchResultsModel. Every change of step
// is stored by the runner, so a later runner can resume from it.
//
// finished() is emitted exactly once per run, from the event loop; result() then says success,
// the error, or Cancelled. cancel() stops whatever step is running and, once the server knows
// the job, deletes (cancels) it there and reports the server's final status; a job cancelled
// while it resumes waits for its credential from the keychain to do so. Made and owned by
// BatchJobRunner.
class BatchJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchJob)

public:
    using Step = BatchJobRecord::Step;

    ~BatchJob() override;

    const BatchJobRecord &record() const { return m_record; }
    QString id() const { return m_record.id; }
    Step step() const { return m_record.step; }
    QString serverStatus() const { return m_record.serverStatus; }
    bool isRunning() const { return m_running; }
    // cancel() was called and the job has not finished yet (the server job may still be
    // being cancelled).
    bool isCancelling() const { return m_cancelling; }
    bool isFinished() const { return m_result.has_value(); }
    // remove() was called and the job is not gone yet (it may be waiting for the service to
    // cancel the server job).
    bool isRemoving() const { return m_removeAfterCancel && !m_removal; }
    // Valid once finished() was emitted.
    [[nodiscard]] const Result<void> &result() const { return *m_result; }
    // The results table once the job succeeded (owned by the job), else nullptr.
    BatchResultsModel *resultsModel() const { return m_model; }
    // Valid once removed() was emitted.
    [[nodiscard]] const Result<void> &removalResult() const { return *m_removal; }

    void cancel();

Q_SIGNALS:
    void stepChanged(portico::core::BatchJobRecord::Step step);
    // Bytes uploaded, downloaded or indexed in the current step; total -1 when unknown (while the
    // server runs the job it reports no progress).
    void progress(qint64 done, qint64 total);
    // The server's StatusCode text as it changes ("NotStarted", "Running", "Finished", ...).
    void statusChanged(const QString &serverStatus);
    // cancel() took effect; finished() follows once the job stopped here and on the server.
    void cancelling();
    // A status reply from the service was read (whether or not the status changed).
    void statusRead();
    void finished();
    void removed();

private:
    friend class BatchJobRunner;
    BatchJob(BatchJobRunner *runner, BatchJobRecord record, QObject *parent);

    void run();
    // Runs a job that failed here again from the step that failed (BatchJobRecord::canRetry()).
    void retry();
    void remove();
    // Drops the job from the list without contacting the service (which may be unreachable):
    // whatever runs here stops, a cancel or remove waiting for the service is abandoned, and a
    // server job goes on there. removed() follows.
    void removeHereOnly();
    void readSecrets(bool needStorage, bool needCredential);
    void afterSecrets();
    // The input file is there with the size and modification time recorded at the start.
    Result<void> checkInputUnchanged() const;
    void upload();
    void submit();
    void startOnServer();
    void poll();
    void schedulePoll(qint64 retryAfterMs);
    void onStatus(BesCall *call);
    void download(const BesOutput &output);
    void index();
    void cancelOnServer();
    void dropLocally();

    void setStep(Step step);
    void setServerStatus(const QString &status);
    void save();
    // save(), saying whether the list was written.
    Result<void> store();
    void stopActivity();
    void fail(Error error);
    void finish(Result<void> result, BatchJobRecord::Outcome outcome);
    QByteArray submitBody() const;

    QPointer<BatchJobRunner> m_runner;
    BatchJobRecord m_record;
    QString m_storageConnectionString; // secret: memory only
    QString m_credential;              // secret: memory only
    int m_secretsPending = 0;
    std::optional<Error> m_secretError;
    BesClient *m_bes = nullptr;
    BlobClient *m_blobs = nullptr;
    QPointer<BesCall> m_call;
    QPointer<BlobJob> m_blobJob;
    std::unique_ptr<QFile> m_input;
    std::unique_ptr<ResultsFileWriter> m_output;
    BatchResultsModel *m_model = nullptr;
    QTimer m_pollTimer;
    QElapsedTimer m_runClock;
    int m_pollIntervalMs = 0;
    int m_transientFailures = 0;
    std::optional<Error> m_startError;
    bool m_running = false;
    bool m_cancelling = false;
    bool m_removeAfterCancel = false;
    bool m_removeScheduled = false; // dropLocally() is queued or done: it runs once

    // The secrets being read are only needed to cancel the server job: remove() of an unwatched
    // job, or cancel() of a job resumed before its credential came from the keychain.
    bool m_cancelOnServerAfterSecrets = false;
    std::optional<Result<void>> m_result;
    quint64 m_runs = 0; // run() and remove() count up: a finished() queued for an earlier run is dropped
    std::optional<Result<void>> m_removal;
    // Why the server job could not be cancelled (cancel() or remove()), for removalResult().
    std::optional<Error> m_serverCancelError;
};

} // namespace portico::core
