// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/ml/besjobrequest.h"
#include "core/local/ml/csvreader.h"
#include "core/local/ml/featurehasher.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace portico::core {
class BlobClient;
class BlobRequestJob;
} // namespace portico::core

namespace portico::local {

// Runs one BES job at a time in its own thread (own QNetworkAccessManager and event loop):
// reads input1 in 4 MiB ranges (one range ahead), parses the CSV incrementally, hashes Col2 and
// writes output1 as blocks (at most three uploads in flight, which also holds back reading), then
// commits the block list and signs a read-only SAS for the result. Memory stays at a few blocks
// whatever the input size. Every step yields to the event loop, so cancel() stops it promptly.
class BesJobRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BesJobRunner)

public:
    static constexpr qint64 rangeSize = 4 * 1024 * 1024;
    static constexpr qint64 blockSize = 4 * 1024 * 1024;
    static constexpr int maxUploads = 3;

    explicit BesJobRunner(QObject *parent = nullptr);
    ~BesJobRunner() override;

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
    void readProperties();
    void fillRanges();
    void processRanges();
    void onRecord(const QList<QByteArray> &fields, int count);
    void uploadBlock();
    void maybeCommit();
    void succeed();

    QNetworkAccessManager *m_network = nullptr;
    QString m_jobId;
    std::optional<BesJobRequest> m_request;
    std::unique_ptr<core::BlobClient> m_input;
    std::unique_ptr<core::BlobClient> m_output;
    std::unique_ptr<FeatureHasher> m_hasher;
    std::unique_ptr<CsvReader> m_reader;
    QList<QPointer<core::BlobRequestJob>> m_ranges;
    QList<QPointer<core::BlobRequestJob>> m_uploads;
    QList<QByteArray> m_blockIds;
    std::vector<quint32> m_counts;
    QByteArray m_out;
    QString m_recordError;
    qint64 m_size = 0;
    qint64 m_nextOffset = 0;
    int m_column = -1;
    bool m_inputDone = false;
    bool m_committing = false;
};

} // namespace portico::local
