// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/ml/besjobrequest.h"
#include "core/local/ml/csvsplitter.h"
#include "core/local/ml/featurehasher.h"
#include "core/storage/blobclient.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

#include <map>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QThreadPool;


namespace portico::local {

// Runs one BES job at a time in its own thread (own QNetworkAccessManager and event loop):
// reads input1 in 8 MiB ranges (two ranges ahead), cuts the stream into runs of whole records
// (CsvSplitter; a run ends at a line break about 4 MiB after the previous one (the first runs
// are smaller, from a quarter MiB up), before its output would pass 16 MiB, or at the last line
// break of a range) and hashes the runs on a bounded pool
// of hashing threads, in parallel. Each run's output goes,
// in input order, to output1 as one block (the header row in front of the first) (at most four uploads in flight) while later runs are
// still hashing and later ranges are being read; then the block list is committed and a
// read-only SAS is signed for the result. Input bytes are not copied on the way (a run spanning
// two ranges is hashed from both), and outputs are not copied into blocks. Runs wait while too
// many are hashing or too much output waits for an upload, and reading waits for the runs, so
// memory stays at a few ranges and blocks whatever the input size or Hashing bitsize; a record
// longer than Limits::maxRecordBytes fails the job. Ranges are read at the version (ETag) of the
// first one. A range, block or commit that a busy or briefly unreachable service fails is sent
// again (Limits::retries); the first range and the container are not: failing then loses nothing. Every step yields to the event loop, so cancel()
// stops it promptly: runs still hashing finish on their own and their results are dropped.
class BesJobRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BesJobRunner)

public:
    // Ranges are larger than 4 MiB: Azurite (3.35) reads a range of at most 4 MiB twice and
    // computes its MD5 in between (BlobHandler.downloadBlockBlobOrAppendBlob). Reading the
    // 43 MB input of the 1M-row benchmark cost Azurite 0.13-0.21 CPU-seconds in 4 MiB ranges
    // and 0.05-0.10 in 8 or 16 MiB ranges. The first range is small so that hashing and the
    // first Put Block start early.
    static constexpr qint64 rangeSize = 8 * 1024 * 1024;
    static constexpr qint64 firstRangeSize = 1024 * 1024;
    static constexpr int rangesAhead = 2;
    // Runs (and so output blocks) stay at about 4 MiB of input: a range is hashed by several
    // threads, and the last block (the tail after hashing ends) stays short.
    static constexpr qint64 runBytes = 4 * 1024 * 1024;
    // The first runs are smaller (a quarter MiB, then twice the one before): the first blocks are
    // hashed and on their way while the later ranges are still being read.
    static constexpr qint64 firstRunBytes = 256 * 1024;
    static constexpr int maxUploads = 4; // with rangesAhead, QNetworkAccessManager's 6 connections
    static constexpr int maxReadyBlocks = 2; // hashed, waiting for an upload

    // What bounds a job's memory, whatever its input. Tests make them small.
    struct Limits
    {
        qint64 rangeSize = BesJobRunner::rangeSize;
        qint64 firstRangeSize = BesJobRunner::firstRangeSize;
        qint64 runBytes = BesJobRunner::runBytes;
        qint64 firstRunBytes = BesJobRunner::firstRunBytes;
        // A run also ends when its output would pass this: each record writes at least two
        // bytes per hashing bucket, so at Hashing bitsize 20 a record alone writes 2 MiB.
        qint64 runOutputBytes = 16 * 1024 * 1024;
        // A longer record (most likely a quote that is never closed) fails the job.
        qint64 maxRecordBytes = 64 * 1024 * 1024;
        int maxBlocks = core::BlobClient::maxBlocks;
        // A range, block or commit that fails with a network error, a timeout, 408, 429 or a
        // 5xx is sent again this many times, after retryDelayMs, then twice and four times that.
        int retries = 3;
        int retryDelayMs = 500;
    };

    // hashingThreads <= 0: one per core.
    explicit BesJobRunner(int hashingThreads = 0, QObject *parent = nullptr);
    BesJobRunner(Limits limits, int hashingThreads, QObject *parent = nullptr);
    ~BesJobRunner() override;

    // The most output bytes the last job held at once: hashed, queued and being uploaded.
    qint64 peakOutputBytes() const { return m_peakOutputBytes; }

    // Both are called in the runner's thread (queued from the owner).
    void run(const QString &jobId, const QByteArray &requestBody);
    // Stops the job if it is this one; jobEnded is not emitted for a cancelled job.
    void cancel(const QString &jobId);

Q_SIGNALS:
    // results: the JSON of StatusCode Finished's Results; details: why it failed.
    void jobEnded(const QString &jobId, bool ok, const QByteArray &results, const QString &details);

private:
    void reset();
    void fail(QString details); // by value: reset() clears members it may come from
    void failStorage(const QString &what, const core::Error &error);
    // Calls `retry` later if `error` is worth another attempt (and returns true).
    bool retryLater(const core::Error &error, int attempt, std::function<void()> retry);
    void fillRanges();
    core::BlobRequestJob *readRange(qint64 offset, qint64 length);
    void processRanges();
    bool split(const QByteArray &range);
    bool readHeader(QByteArrayView record);
    bool carryFits();
    void queueRun(const QByteArray &head, const QByteArray &data, qsizetype from, qsizetype length);
    void startRuns();
    void holdOutput(qint64 bytes);
    void onRunHashed(quint64 generation, qint64 index, const QByteArray &csv, qint64 records);
    void writeRuns();
    void uploadBlock(const QByteArray &block);
    void putBlock(const QByteArray &id, const QByteArray &block, int attempt);
    void commit(int attempt);
    // The input is read and every run's output is in m_ready or sent.
    bool allRunsWritten() const;
    void maybeFinish();
    void maybeCommit();
    void succeed();
    int maxRunsInFlight() const;

    struct Run
    {
        QByteArray head; // the carry: the start of the run's first record
        QByteArray data;
        qsizetype from = 0;
        qsizetype length = 0;
    };

    const Limits m_limits;
    QNetworkAccessManager *m_network = nullptr;
    QThreadPool *m_pool = nullptr;
    QString m_jobId;
    quint64 m_generation = 0; // bumped by reset(): results of older runs are dropped
    std::optional<BesJobRequest> m_request;
    std::unique_ptr<core::BlobClient> m_input;
    std::unique_ptr<core::BlobClient> m_output;
    std::shared_ptr<const FeatureHasher> m_hasher;
    std::optional<CsvSplitter> m_splitter;
    struct Range
    {
        QPointer<core::BlobRequestJob> job; // null while waiting to be read again
        qint64 offset = 0;
        qint64 length = 0;
        int attempt = 0;
    };
    QList<Range> m_ranges;
    QList<QPointer<core::BlobRequestJob>> m_uploads;
    int m_uploadsWaiting = 0; // failed, to be sent again
    QList<QByteArray> m_blockIds;
    QByteArray m_inputEtag;
    QByteArray m_carry;          // the stream from m_carryOffset: an unfinished record
    std::map<qint64, QByteArray> m_hashed; // finished runs waiting for their turn
    QList<Run> m_queuedRuns; // cut, waiting for room to hash
    QList<QByteArray> m_ready; // outputs in order, waiting for an upload
    QByteArray m_header; // the output's header row, sent in front of the first block
    qint64 m_heldOutputBytes = 0; // hashed and not yet uploaded
    qint64 m_peakOutputBytes = 0;
    qint64 m_carryOffset = 0;
    qint64 m_records = 0;
    qint64 m_runsStarted = 0;
    qint64 m_runsWritten = 0;
    qint64 m_size = 0;
    qint64 m_nextOffset = 0;
    int m_column = -1;
    bool m_firstRange = true;
    bool m_inputDone = false;
    bool m_committing = false;
    // Phase times in ms since run(), logged (debug) when the job finishes.
    QElapsedTimer m_clock;
    struct Phases
    {
        qint64 container = -1, firstRange = -1, inputRead = -1, hashed = -1,
               blocksWritten = -1, committed = -1;
        qint64 hashingMs = 0; // summed over the hashing threads
        qint64 uploadMs = 0;  // summed over the Put Block requests
        qint64 bytesWritten = 0;
    } m_phases;
};

} // namespace portico::local
