// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/ml/besjobrunner.h"

#include "core/local/ml/besrecordhasher.h"
#include "core/common/csvreader.h"
#include "core/storage/blobclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <cstring>

Q_LOGGING_CATEGORY(lcBes, "portico.local.ml.bes")

namespace portico::local {

using core::BlobClient;
using core::BlobRequestJob;

BesJobRunner::BesJobRunner(int hashingThreads, QObject *parent)
    : BesJobRunner(Limits(), hashingThreads, parent)
{
}

BesJobRunner::BesJobRunner(Limits limits, int hashingThreads, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_pool(new QThreadPool(this))
{
    m_pool->setObjectName(u"bes-hashing"_qs);
    m_pool->setMaxThreadCount(hashingThreads > 0 ? hashingThreads : QThread::idealThreadCount());
}

BesJobRunner::~BesJobRunner()
{
    // Runs post their results to this object: none may be running once it is gone.
    m_pool->clear();
    m_pool->waitForDone();
    m_input.reset();
    m_output.reset();
}

int BesJobRunner::maxRunsInFlight() const
{
    return m_pool->maxThreadCount() + 2;
}

void BesJobRunner::reset()
{
    // Often called from a job's finished handler: silence and abort every job, and delete the
    // clients (and with them the jobs) once that handler has returned. Runs already hashing
    // finish by themselves; the new generation drops their results.
    ++m_generation;
    m_pool->clear();
    m_ranges.clear();
    m_uploads.clear();
    m_uploadsWaiting = 0;
    for (BlobClient *client : { m_input.release(), m_output.release() }) {
        if (!client)
            continue;
        const auto jobs = client->findChildren<core::BlobJob *>();
        for (core::BlobJob *job : jobs) {
            job->disconnect(this);
            job->abort();
        }
        client->deleteLater();
    }
    m_splitter.reset();
    m_hasher.reset();
    m_request.reset();
    m_blockIds.clear();
    m_carry = QByteArray();
    m_inputEtag.clear();
    m_hashed.clear();
    m_queuedRuns.clear();
    m_ready.clear();
    m_header.clear();
    m_heldOutputBytes = 0;
    m_jobId.clear();
    m_carryOffset = m_records = m_runsStarted = m_runsWritten = 0;
    m_size = m_nextOffset = 0;
    m_column = -1;
    m_firstRange = true;
    m_inputDone = m_committing = false;
    m_phases = {};
}

void BesJobRunner::cancel(const QString &jobId)
{
    if (jobId.isEmpty() || jobId != m_jobId)
        return;
    qCDebug(lcBes) << "cancelled" << jobId;
    reset();
}

void BesJobRunner::fail(QString details)
{
    const QString id = m_jobId;
    qCDebug(lcBes) << "failed" << id << details;
    reset();
    Q_EMIT jobEnded(id, false, {}, details);
}

void BesJobRunner::failStorage(const QString &what, const core::Error &error)
{
    QString message = error.message;
    if (!error.code.isEmpty())
        message = error.code + u": "_qs + message;
    fail(MlError::blobNotFound(what, message).detailText());
}

void BesJobRunner::run(const QString &jobId, const QByteArray &requestBody)
{
    reset();
    m_clock.start();
    m_peakOutputBytes = 0;
    m_jobId = jobId;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    auto parsed = BesJobRequest::parse(requestBody, jobId);
    if (auto *error = std::get_if<MlError>(&parsed)) {
        fail(error->detailText());
        return;
    }
    m_request = std::get<BesJobRequest>(parsed);
    m_input = std::make_unique<BlobClient>(m_request->input.account, m_network);
    m_output = std::make_unique<BlobClient>(m_request->output.account, m_network);
    m_hasher = std::make_shared<const FeatureHasher>(m_request->parameters.bits,
                                                     m_request->parameters.ngrams);
    // Each record writes a comma and at least one digit per bucket, and a line break.
    m_splitter.emplace(m_limits.runBytes, 2 * m_hasher->bucketCount() + 1, m_limits.runOutputBytes);
    m_splitter->setFirstChunkBytes(m_limits.firstRunBytes);

    // The output container and the input's first range at once (one round trip before the
    // first record, not two): the range's Content-Range gives the input's size. A failure of
    // the container is reported first, as if they had gone one after the other.
    auto *container = m_output->createContainer(m_request->output.container);
    // At least 3 bytes: a UTF-8 byte order mark is looked for in the first range only.
    const qint64 firstRangeSize = qMax<qint64>(m_limits.firstRangeSize, 3);
    auto *first = m_input->getRange(m_request->input.container, m_request->input.blob, 0,
                                    firstRangeSize, { u"InvalidRange"_qs });
    m_ranges.append({ first, 0, firstRangeSize });
    auto bothDone = [this, container, first, firstRangeSize] {
        if (!container->isFinished() || !first->isFinished())
            return;
        container->deleteLater();
        if (!container->result()) {
            failStorage(m_request->output.relativeLocation(), container->result().error());
            return;
        }
        if (!first->result()) {
            failStorage(m_request->input.relativeLocation(), first->result().error());
            return;
        }
        // A range of an empty blob is InvalidRange (416): there is nothing to read.
        m_size = first->errorCode().isEmpty() ? qMax<qint64>(first->blobSize(), 0) : 0;
        m_inputEtag = first->responseHeader("ETag"); // the later ranges read this version only
        m_nextOffset = qMin(firstRangeSize, m_size);
        if (m_size == 0) {
            m_ranges.clear();
            first->deleteLater();
        }
        fillRanges();
        processRanges();
    };
    connect(container, &core::BlobJob::finished, this, [this, bothDone] {
        m_phases.container = m_clock.elapsed();
        bothDone();
    });
    connect(first, &core::BlobJob::finished, this, bothDone);
}

bool BesJobRunner::retryLater(const core::Error &error, int attempt, std::function<void()> retry)
{
    // Also what a busy storage service answers (408, 429); the requests are idempotent.
    const bool transient = error.isTransient()
        || (error.kind == core::Error::Kind::Http
            && (error.httpStatus == 408 || error.httpStatus == 429));
    if (!transient || attempt >= m_limits.retries)
        return false;
    qCDebug(lcBes) << "retrying after" << error.toString();
    QTimer::singleShot(m_limits.retryDelayMs << attempt, this,
                       [this, generation = m_generation, retry = std::move(retry)] {
                           if (generation == m_generation)
                               retry();
                       });
    return true;
}

void BesJobRunner::fillRanges()
{
    while (m_ranges.size() < rangesAhead && m_nextOffset < m_size) {
        const qint64 length = qMin(m_limits.rangeSize, m_size - m_nextOffset);
        m_ranges.append({ readRange(m_nextOffset, length), m_nextOffset, length });
        m_nextOffset += length;
    }
}

BlobRequestJob *BesJobRunner::readRange(qint64 offset, qint64 length)
{
    auto *job = m_input->getRange(m_request->input.container, m_request->input.blob, offset,
                                  length, {}, m_inputEtag);
    connect(job, &core::BlobJob::finished, this, &BesJobRunner::processRanges);
    return job;
}

void BesJobRunner::processRanges()
{
    if (m_jobId.isEmpty())
        return;
    // In order, and only once the runs of the ranges before have room to hash.
    startRuns();
    while (!m_ranges.isEmpty() && m_ranges.first().job && m_ranges.first().job->isFinished()
           && m_queuedRuns.isEmpty() && m_ready.size() < maxReadyBlocks
           && m_runsStarted - m_runsWritten < maxRunsInFlight()) {
        Range &front = m_ranges.first();
        BlobRequestJob *range = std::exchange(front.job, nullptr);
        range->deleteLater();
        if (range->httpStatus() == 412) {
            // Replaced while it was being read: the output would mix two versions.
            fail(MlError::blobNotFound(m_request->input.relativeLocation(),
                                       u"the blob was changed while the job was reading it; "
                                       "start a new job once it is written"_qs)
                     .detailText());
            return;
        }
        if (!range->result()) {
            // Read again, after a while, in its place.
            const bool retrying = retryLater(range->result().error(), front.attempt++,
                                             [this, offset = front.offset] {
                                                 for (Range &r : m_ranges) {
                                                     if (r.offset == offset && !r.job)
                                                         r.job = readRange(r.offset, r.length);
                                                 }
                                             });
            if (!retrying)
                failStorage(m_request->input.relativeLocation(), range->result().error());
            return;
        }
        m_ranges.removeFirst();
        if (m_phases.firstRange < 0)
            m_phases.firstRange = m_clock.elapsed();
        if (!split(range->body()))
            return;
        startRuns();
        fillRanges();
    }
    if (m_ranges.isEmpty() && m_nextOffset >= m_size && !m_inputDone) {
        m_inputDone = true;
        m_phases.inputRead = m_clock.elapsed();
        if (m_splitter->insideQuotes()) {
            fail(MlError::inputParseError(u"the input ends inside a quoted field"_qs).detailText());
            return;
        }
        // What follows the last line break: the last record, or the header of an input
        // without data rows.
        const QByteArray rest = std::exchange(m_carry, {});
        if (m_column < 0) {
            if (!readHeader(rest))
                return;
        } else if (!rest.isEmpty()) {
            queueRun({}, rest, 0, rest.size());
            startRuns();
        }
        maybeFinish();
    }
}

bool BesJobRunner::split(const QByteArray &range)
{
    QByteArray piece = range;
    if (std::exchange(m_firstRange, false) && piece.startsWith("\xEF\xBB\xBF"))
        piece.remove(0, 3); // the first range holds at least 3 bytes or the whole blob
    const QList<qint64> cuts = m_splitter->feed(piece);
    // m_carry is the stream from m_carryOffset up to this piece: an unfinished record.
    qint64 pieceStart = m_carryOffset + m_carry.size();
    if (m_column < 0) {
        const qint64 headerEnd = m_splitter->firstRecordEnd();
        const QByteArray data = m_carry + piece;
        if (headerEnd < 0) {
            m_carry = data;
            return carryFits();
        }
        if (!readHeader(QByteArrayView(data).first(headerEnd - m_carryOffset)))
            return false;
        // The header's line break is in this piece: the runs start after it.
        piece = data.mid(headerEnd - m_carryOffset);
        pieceStart = headerEnd;
        m_carry.clear();
        m_carryOffset = headerEnd;
    }
    qint64 from = m_carryOffset;
    for (qint64 cut : cuts) {
        if (cut <= from)
            continue;
        // The first run starts with the carry; the others lie in this piece.
        const QByteArray head = std::exchange(m_carry, {});
        const qint64 start = qMax(from, pieceStart);
        queueRun(head, piece, start - pieceStart, cut - start);
        from = cut;
    }
    m_carry = from < pieceStart ? m_carry + piece : piece.mid(from - pieceStart);
    m_carryOffset = from;
    return carryFits();
}

bool BesJobRunner::carryFits()
{
    // The carry is one unfinished record: without a bound, an unclosed quote would hold (and
    // copy, range after range) the rest of the input.
    if (m_carry.size() <= m_limits.maxRecordBytes)
        return true;
    const QString why = m_splitter->insideQuotes()
        ? u"the record that starts at byte %1 is longer than %2 bytes: a quoted field in it is "
          "never closed"_qs
        : u"the record that starts at byte %1 is longer than %2 bytes"_qs;
    fail(MlError::inputParseError(why.arg(m_carryOffset).arg(m_limits.maxRecordBytes)).detailText());
    return false;
}

bool BesJobRunner::readHeader(QByteArrayView record)
{
    // `record` is blank lines and then at most one record (the header).
    QStringList names;
    bool seen = false;
    core::CsvReader reader(
        [&](const QList<QByteArray> &fields, int count) {
            seen = true;
            for (int i = 0; i < count; ++i)
                names.append(QString::fromUtf8(fields.at(i)).trimmed());
        },
        core::CsvReader::Position::MidStream);
    reader.feed(record);
    (void)reader.finish();
    if (!seen) {
        fail(MlError::inputMismatch({}).detailText()
             + u" The input is empty; it needs a header row with the column Col2."_qs);
        return false;
    }
    m_column = int(names.indexOf(FeatureHashingExperiment::column));
    if (m_column < 0) {
        fail(MlError::inputMismatch({}).detailText()
             + u" The header row has no column Col2 (it has: %1)."_qs.arg(names.join(u", "_qs).left(200)));
        return false;
    }
    const QStringList columns = FeatureHashingExperiment::outputColumns(m_request->parameters);
    m_header = columns.join(u',').toUtf8() + '\n';
    holdOutput(m_header.size());
    return true;
}

void BesJobRunner::queueRun(const QByteArray &head, const QByteArray &data, qsizetype from,
                            qsizetype length)
{
    m_queuedRuns.append({ head, data, from, length });
}

void BesJobRunner::startRuns()
{
    while (!m_queuedRuns.isEmpty() && m_ready.size() < maxReadyBlocks
           && m_runsStarted - m_runsWritten < maxRunsInFlight()) {
        Run run = m_queuedRuns.takeFirst();
        const qint64 index = m_runsStarted++;
        const quint64 generation = m_generation;
        const int column = m_column;
        m_pool->start([this, head = std::move(run.head), data = std::move(run.data),
                       from = run.from, length = run.length, index, generation, column,
                       hasher = m_hasher] {
            QElapsedTimer timer;
            timer.start();
            BesRecordHasher::Output output = BesRecordHasher::hash(
                head, QByteArrayView(data).sliced(from, length), column, *hasher);
            const qint64 ms = timer.elapsed();
            // Posted to the runner's thread; the runner's destructor waits for this run.
            QMetaObject::invokeMethod(
                this,
                [this, generation, index, csv = std::move(output.csv), records = output.records, ms] {
                    m_phases.hashingMs += ms;
                    onRunHashed(generation, index, csv, records);
                },
                Qt::QueuedConnection);
        });
    }
}

void BesJobRunner::holdOutput(qint64 bytes)
{
    m_heldOutputBytes += bytes;
    m_peakOutputBytes = qMax(m_peakOutputBytes, m_heldOutputBytes);
}

void BesJobRunner::onRunHashed(quint64 generation, qint64 index, const QByteArray &csv,
                               qint64 records)
{
    if (generation != m_generation || m_jobId.isEmpty())
        return; // a cancelled or failed job's run
    m_records += records;
    m_hashed.emplace(index, csv);
    holdOutput(csv.size());
    if (m_inputDone && m_queuedRuns.isEmpty()
        && m_runsStarted == m_runsWritten + qint64(m_hashed.size()))
        m_phases.hashed = m_clock.elapsed();
    writeRuns();
    processRanges();
    maybeFinish();
}

void BesJobRunner::writeRuns()
{
    auto it = m_hashed.begin();
    while (it != m_hashed.end() && it->first == m_runsWritten) {
        if (!it->second.isEmpty()) { // not a run of blank lines
            if (m_header.isEmpty())
                m_ready.append(std::move(it->second));
            else // the first block: one request less than a block of its own
                m_ready.append(std::exchange(m_header, {}) + it->second);
        }
        ++m_runsWritten;
        it = m_hashed.erase(it);
    }
    if (!m_header.isEmpty() && allRunsWritten())
        m_ready.append(std::exchange(m_header, {})); // no data rows
    while (!m_ready.isEmpty() && m_uploads.size() + m_uploadsWaiting < maxUploads)
        uploadBlock(m_ready.takeFirst());
}

void BesJobRunner::uploadBlock(const QByteArray &block)
{
    if (m_blockIds.size() >= m_limits.maxBlocks) {
        fail(MlError::blobNotFound(m_request->output.relativeLocation(),
                                   u"the output needs more than %1 blocks, the most a block blob "
                                   "can have"_qs.arg(m_limits.maxBlocks))
                 .detailText());
        return;
    }
    const QByteArray id = BlobClient::blockId(int(m_blockIds.size()));
    m_blockIds.append(id);
    m_phases.bytesWritten += block.size();
    putBlock(id, block, 0);
}

void BesJobRunner::putBlock(const QByteArray &id, const QByteArray &block, int attempt)
{
    auto *upload = m_output->putBlock(m_request->output.container, m_request->output.blob, id, block);
    m_uploads.append(upload);
    const qint64 sentAt = m_clock.elapsed();
    connect(upload, &core::BlobJob::finished, this, [this, upload, sentAt, id, block, attempt] {
        m_phases.uploadMs += m_clock.elapsed() - sentAt;
        m_uploads.removeAll(upload);
        upload->deleteLater();
        if (!upload->result()) {
            // The same block again: its slot stays taken meanwhile.
            ++m_uploadsWaiting;
            const bool retrying = retryLater(upload->result().error(), attempt,
                                             [this, id, block, attempt] {
                                                 --m_uploadsWaiting;
                                                 putBlock(id, block, attempt + 1);
                                             });
            if (!retrying)
                failStorage(m_request->output.relativeLocation(), upload->result().error());
            return;
        }
        m_heldOutputBytes -= block.size();
        writeRuns();
        processRanges();
        maybeFinish();
    });
}

bool BesJobRunner::allRunsWritten() const
{
    return m_inputDone && m_queuedRuns.isEmpty() && m_runsWritten == m_runsStarted;
}

void BesJobRunner::maybeFinish()
{
    if (m_jobId.isEmpty() || !allRunsWritten() || m_committing)
        return;
    writeRuns();
    if (m_jobId.isEmpty())
        return;
    if (m_ready.isEmpty())
        maybeCommit();
}

void BesJobRunner::maybeCommit()
{
    if (!m_uploads.isEmpty() || m_uploadsWaiting > 0 || m_committing)
        return;
    m_committing = true;
    m_phases.blocksWritten = m_clock.elapsed();
    commit(0);
}

void BesJobRunner::commit(int attempt)
{
    auto *commit = m_output->putBlockList(m_request->output.container, m_request->output.blob,
                                          m_blockIds, u"text/csv"_qs);
    connect(commit, &core::BlobJob::finished, this, [this, commit, attempt] {
        commit->deleteLater();
        m_phases.committed = m_clock.elapsed();
        if (!commit->result()) {
            if (!retryLater(commit->result().error(), attempt, [this, attempt] { this->commit(attempt + 1); }))
                failStorage(m_request->output.relativeLocation(), commit->result().error());
            return;
        }
        succeed();
    });
}

void BesJobRunner::succeed()
{
    const BesJobRequest::Blob &output = m_request->output;
    core::BlobSas::Parameters sas;
    sas.start = QDateTime::currentDateTimeUtc().addSecs(-5 * 60); // clock skew
    sas.expiry = QDateTime::currentDateTimeUtc().addDays(1);
    const QUrl blobUrl = output.account.blobUrl(output.container, output.blob);
    const QString base = output.account.blobEndpoint.toString(QUrl::FullyEncoded) + u'/';
    const QJsonObject results {
        { FeatureHashingExperiment::outputName.toString(),
          QJsonObject { { u"ConnectionString"_qs, QJsonValue::Null },
                        { u"RelativeLocation"_qs, blobUrl.toString(QUrl::FullyEncoded).mid(base.size()) },
                        { u"BaseLocation"_qs, base },
                        { u"SasBlobToken"_qs, m_output->serviceSas(output.container, output.blob, sas) } } }
    };
    const QString id = m_jobId;
    qCDebug(lcBes, "finished %s: %lld records, %lld output bytes in %lld blocks; ms since start: "
                   "container %lld, first range %lld, input read %lld, hashed %lld, "
                   "blocks written %lld, committed %lld; hashing %lld thread-ms, Put Block %lld "
                   "request-ms", qPrintable(id), m_records, m_phases.bytesWritten,
            qint64(m_blockIds.size()), m_phases.container,
            m_phases.firstRange, m_phases.inputRead, m_phases.hashed, m_phases.blocksWritten,
            m_phases.committed, m_phases.hashingMs, m_phases.uploadMs);
    reset();
    Q_EMIT jobEnded(id, true, QJsonDocument(results).toJson(QJsonDocument::Compact), {});
}

} // namespace portico::local
