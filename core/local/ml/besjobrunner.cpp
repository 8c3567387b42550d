// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/ml/besjobrunner.h"

#include "core/storage/blobclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

#include <cstring>

Q_LOGGING_CATEGORY(lcBes, "portico.local.ml.bes")

namespace portico::local {

using core::BlobClient;
using core::BlobRequestJob;

BesJobRunner::BesJobRunner(QObject *parent)
    : QObject(parent)
{
}

BesJobRunner::~BesJobRunner()
{
    m_input.reset();
    m_output.reset();
}

void BesJobRunner::reset()
{
    // Often called from a job's finished handler: silence and abort every job, and delete the
    // clients (and with them the jobs) once that handler has returned.
    m_ranges.clear();
    m_uploads.clear();
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
    m_reader.reset();
    m_hasher.reset();
    m_request.reset();
    m_blockIds.clear();
    m_out = QByteArray();
    m_recordError.clear();
    m_jobId.clear();
    m_size = m_nextOffset = 0;
    m_column = -1;
    m_inputDone = m_committing = false;
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
    m_hasher = std::make_unique<FeatureHasher>(m_request->parameters.bits, m_request->parameters.ngrams);
    m_counts.assign(size_t(m_hasher->bucketCount()), 0);
    m_reader = std::make_unique<CsvReader>(
        [this](const QList<QByteArray> &fields, int count) { onRecord(fields, count); });
    m_out.reserve(int(blockSize + 64 * 1024));

    auto *container = m_output->createContainer(m_request->output.container);
    connect(container, &core::BlobJob::finished, this, [this, container] {
        container->deleteLater();
        if (!container->result()) {
            failStorage(m_request->output.relativeLocation(), container->result().error());
            return;
        }
        readProperties();
    });
}

void BesJobRunner::readProperties()
{
    auto *properties = m_input->getProperties(m_request->input.container, m_request->input.blob);
    connect(properties, &core::BlobJob::finished, this, [this, properties] {
        properties->deleteLater();
        if (!properties->result()) {
            failStorage(m_request->input.relativeLocation(), properties->result().error());
            return;
        }
        m_size = properties->blobSize();
        fillRanges();
        processRanges();
    });
}

void BesJobRunner::fillRanges()
{
    while (m_ranges.size() < 2 && m_nextOffset < m_size) {
        const qint64 length = qMin(rangeSize, m_size - m_nextOffset);
        auto *range = m_input->getRange(m_request->input.container, m_request->input.blob,
                                        m_nextOffset, length);
        m_nextOffset += length;
        m_ranges.append(range);
        connect(range, &core::BlobJob::finished, this, &BesJobRunner::processRanges);
    }
}

void BesJobRunner::processRanges()
{
    if (m_jobId.isEmpty())
        return;
    // In order, and only while the upload backlog has room.
    while (!m_ranges.isEmpty() && m_ranges.first() && m_ranges.first()->isFinished()
           && m_uploads.size() < maxUploads) {
        BlobRequestJob *range = m_ranges.takeFirst();
        range->deleteLater();
        if (!range->result()) {
            failStorage(m_request->input.relativeLocation(), range->result().error());
            return;
        }
        m_reader->feed(range->body());
        if (!m_recordError.isEmpty()) {
            fail(m_recordError);
            return;
        }
        while (m_out.size() >= blockSize)
            uploadBlock();
        fillRanges();
    }
    if (m_ranges.isEmpty() && m_nextOffset >= m_size && !m_inputDone) {
        m_inputDone = true;
        if (!m_reader->finish()) {
            fail(MlError::inputParseError(u"the input ends inside a quoted field"_qs).detailText());
            return;
        }
        if (!m_recordError.isEmpty()) {
            fail(m_recordError);
            return;
        }
        if (m_column < 0) {
            fail(MlError::inputMismatch({}).detailText()
                 + u" The input is empty; it needs a header row with the column Col2."_qs);
            return;
        }
        while (!m_out.isEmpty())
            uploadBlock();
        maybeCommit();
    }
}

void BesJobRunner::onRecord(const QList<QByteArray> &fields, int count)
{
    if (!m_recordError.isEmpty())
        return;
    if (m_column < 0) {
        QStringList names;
        for (int i = 0; i < count; ++i) {
            const QString name = QString::fromUtf8(fields.at(i)).trimmed();
            names.append(name);
            if (name == FeatureHashingExperiment::column && m_column < 0)
                m_column = i;
        }
        if (m_column < 0) {
            m_recordError = MlError::inputMismatch({}).detailText()
                + u" The header row has no column Col2 (it has: %1)."_qs.arg(names.join(u", "_qs).left(200));
            return;
        }
        const QStringList columns = FeatureHashingExperiment::outputColumns(m_request->parameters);
        m_out += columns.join(u',').toUtf8();
        m_out += '\n';
        return;
    }
    const QByteArray &text = m_column < count ? fields.at(m_column) : QByteArray();
    std::fill(m_counts.begin(), m_counts.end(), 0);
    m_hasher->accumulate(text, m_counts.data());
    // The hot path writes straight into the block buffer: one size check per row.
    const qsizetype start = m_out.size();
    if (text.contains('"') || text.contains(',') || text.contains('\n') || text.contains('\r')) {
        CsvReader::appendField(m_out, text);
    } else {
        m_out.resize(start + text.size());
        std::memcpy(m_out.data() + start, text.constData(), size_t(text.size()));
    }
    const qsizetype before = m_out.size();
    m_out.resize(before + qsizetype(m_counts.size()) * 11 + 1);
    char *p = m_out.data() + before;
    for (quint32 value : m_counts) {
        *p++ = ',';
        if (value < 10) {
            *p++ = char('0' + value);
        } else {
            char digits[10];
            int n = 0;
            for (; value; value /= 10)
                digits[n++] = char('0' + value % 10);
            while (n)
                *p++ = digits[--n];
        }
    }
    *p++ = '\n';
    m_out.resize(p - m_out.constData());
}

void BesJobRunner::uploadBlock()
{
    const QByteArray block = m_out.left(blockSize);
    m_out.remove(0, block.size());
    const QByteArray id = BlobClient::blockId(int(m_blockIds.size()));
    m_blockIds.append(id);
    auto *upload = m_output->putBlock(m_request->output.container, m_request->output.blob, id, block);
    m_uploads.append(upload);
    connect(upload, &core::BlobJob::finished, this, [this, upload] {
        m_uploads.removeAll(upload);
        upload->deleteLater();
        if (!upload->result()) {
            failStorage(m_request->output.relativeLocation(), upload->result().error());
            return;
        }
        if (m_inputDone)
            maybeCommit();
        else
            processRanges();
    });
}

void BesJobRunner::maybeCommit()
{
    if (!m_uploads.isEmpty() || m_committing)
        return;
    m_committing = true;
    auto *commit = m_output->putBlockList(m_request->output.container, m_request->output.blob,
                                          m_blockIds, u"text/csv"_qs);
    connect(commit, &core::BlobJob::finished, this, [this, commit] {
        commit->deleteLater();
        if (!commit->result()) {
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
    qCDebug(lcBes) << "finished" << id << m_reader->records() << "records";
    reset();
    Q_EMIT jobEnded(id, true, QJsonDocument(results).toJson(QJsonDocument::Compact), {});
}

} // namespace portico::local
