// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/blobjob.h"

#include <QList>
#include <QPointer>

class QIODevice;

namespace portico::core {

class BlobClient;
class BlobRequestJob;

// Uploads a device as a block blob. Small sources (up to singlePutLimit, size known) go in one
// Put Blob; larger ones as Put Block of blockSize each, at most maxConcurrency at a time, then
// one Put Block List, so at most maxConcurrency blocks are in memory. The source is read
// sequentially from its current position; a sequential device is read as data arrives until
// it reports its end.
class BlobUploadJob final : public BlobJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobUploadJob)

public:
    struct Options
    {
        QString contentType = u"application/octet-stream"_qs;
        qint64 blockSize = 4 * 1024 * 1024;
        qint64 singlePutLimit = 4 * 1024 * 1024;
        int maxConcurrency = 4;
    };

    // Made by BlobClient::upload(); starts on the next event-loop turn.
    BlobUploadJob(BlobClient *client, QString container, QString blob, QIODevice *source,
                  Options options, QObject *parent);
    ~BlobUploadJob() override;

    qint64 bytesSent() const { return m_sent; }
    int blockCount() const { return int(m_blockIds.size()); }

protected:
    void stop() override;

private:
    void start();
    void pump();
    void onPartFinished(BlobRequestJob *job, qint64 bytes);
    void commit();
    void track(BlobRequestJob *job, qint64 bytes);

    BlobClient *m_client;
    QString m_container;
    QString m_blob;
    QIODevice *m_source;
    Options m_options;
    QList<QByteArray> m_blockIds;
    QList<QPointer<BlobRequestJob>> m_inFlight;
    qint64 m_sent = 0;
    qint64 m_total = -1;
    bool m_sourceDone = false;
    bool m_committing = false;
};

} // namespace portico::core
