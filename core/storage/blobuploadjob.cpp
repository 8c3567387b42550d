// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/blobuploadjob.h"

#include "core/storage/blobclient.h"
#include "core/storage/blobrequestjob.h"

#include <QIODevice>
#include <QTimer>

namespace portico::core {

BlobUploadJob::BlobUploadJob(BlobClient *client, QString container, QString blob, QIODevice *source,
                             Options options, QObject *parent)
    : BlobJob(parent)
    , m_client(client)
    , m_container(std::move(container))
    , m_blob(std::move(blob))
    , m_source(source)
    , m_options(std::move(options))
{
    QTimer::singleShot(0, this, &BlobUploadJob::start);
}

BlobUploadJob::~BlobUploadJob()
{
    if (!isFinished())
        stop();
}

void BlobUploadJob::stop()
{
    if (m_source)
        m_source->disconnect(this);
    const auto inFlight = m_inFlight;
    m_inFlight.clear();
    for (const auto &job : inFlight) {
        if (job) {
            job->disconnect(this);
            delete job.get();
        }
    }
}

void BlobUploadJob::track(BlobRequestJob *job, qint64 bytes)
{
    m_inFlight.append(job);
    connect(job, &BlobJob::finished, this, [this, job, bytes] { onPartFinished(job, bytes); });
}

void BlobUploadJob::start()
{
    if (isFinished())
        return;
    if (!m_source || !m_source->isOpen() || !m_source->isReadable()) {
        finish(Error::make(Error::Kind::InvalidInput, u"The upload source is not open for reading."_qs));
        return;
    }
    if (!m_source->isSequential()) {
        m_total = m_source->size() - m_source->pos();
        if (m_total <= m_options.singlePutLimit) {
            const QByteArray data = m_source->read(m_total);
            if (data.size() != m_total) {
                finish(Error::make(Error::Kind::Storage,
                                   u"Cannot read the upload source: %1"_qs.arg(m_source->errorString())));
                return;
            }
            m_committing = true;
            track(m_client->putBlob(m_container, m_blob, data, m_options.contentType), data.size());
            return;
        }
    } else {
        connect(m_source, &QIODevice::readyRead, this, &BlobUploadJob::pump);
        connect(m_source, &QIODevice::readChannelFinished, this, &BlobUploadJob::pump);
    }
    pump();
}

void BlobUploadJob::pump()
{
    if (isFinished() || m_committing)
        return;
    while (!m_sourceDone && m_inFlight.size() < m_options.maxConcurrency) {
        const QByteArray data = m_source->read(m_options.blockSize);
        if (data.isEmpty()) {
            if (m_source->isSequential() && !m_source->atEnd())
                return; // wait for readyRead
            m_sourceDone = true;
            break;
        }
        if (m_blockIds.size() >= BlobClient::maxBlocks) {
            stop();
            finish(Error::make(Error::Kind::InvalidInput,
                               u"The source needs more than %1 blocks; use a larger block size."_qs.arg(
                                   BlobClient::maxBlocks)));
            return;
        }
        const QByteArray id = BlobClient::blockId(int(m_blockIds.size()));
        m_blockIds.append(id);
        track(m_client->putBlock(m_container, m_blob, id, data), data.size());
    }
    if (m_sourceDone && m_inFlight.isEmpty())
        commit();
}

void BlobUploadJob::commit()
{
    m_committing = true;
    if (m_blockIds.isEmpty()) {
        track(m_client->putBlob(m_container, m_blob, {}, m_options.contentType), 0);
        return;
    }
    track(m_client->putBlockList(m_container, m_blob, m_blockIds, m_options.contentType), 0);
}

void BlobUploadJob::onPartFinished(BlobRequestJob *job, qint64 bytes)
{
    m_inFlight.removeAll(job);
    job->deleteLater();
    if (isFinished())
        return;
    if (!job->result()) {
        Error error = job->result().error();
        stop();
        finish(std::move(error));
        return;
    }
    m_sent += bytes;
    Q_EMIT progress(m_sent, m_total);
    if (m_committing) {
        if (m_inFlight.isEmpty())
            finish({});
        return;
    }
    pump();
}

} // namespace portico::core
