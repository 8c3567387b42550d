// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/replydeadline.h"
#include "core/storage/blobjob.h"

#include <QNetworkReply>
#include <QPointer>

class QIODevice;

namespace portico::core {

// Streams one blob into a device (a file, a buffer, a parser) as it arrives: memory stays at
// the network buffer, whatever the blob's size. The sink must stay open until finished();
// on failure it holds a partial download.
class BlobDownloadJob final : public BlobJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobDownloadJob)

public:
    // Takes ownership of `reply`.
    BlobDownloadJob(QNetworkReply *reply, QIODevice *sink, int deadlineMs, QObject *parent);
    ~BlobDownloadJob() override;

    int httpStatus() const { return m_status; }
    qint64 bytesWritten() const { return m_written; }

protected:
    void stop() override;

private:
    void onReadyRead();
    void onFinished();

    QPointer<QNetworkReply> m_reply;
    QIODevice *m_sink;
    ReplyDeadline m_deadline;
    QByteArray m_errorBody;
    qint64 m_written = 0;
    qint64 m_total = -1;
    int m_status = 0;
};

} // namespace portico::core
