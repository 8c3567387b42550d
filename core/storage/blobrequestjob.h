// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/replydeadline.h"
#include "core/storage/blobjob.h"

#include <QNetworkReply>
#include <QPointer>
#include <QStringList>

namespace portico::core {

// One signed Blob REST request (create container, get properties, get range, put blob/block/
// block list, delete). Made by BlobClient; keeps the response body in memory up to a cap, so
// it is meant for small bodies and bounded ranges. Streaming is BlobUploadJob/BlobDownloadJob.
class BlobRequestJob final : public BlobJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobRequestJob)

public:
    struct Options
    {
        // Storage error codes that count as success, e.g. ContainerAlreadyExists.
        QStringList toleratedErrorCodes;
        qint64 maxBodyBytes = 64 * 1024 * 1024;
        int deadlineMs = 10 * 60 * 1000;
    };

    // Takes ownership of `reply`, which must not have finished yet.
    BlobRequestJob(QNetworkReply *reply, Options options, QObject *parent);
    ~BlobRequestJob() override;

    int httpStatus() const { return m_status; }
    QByteArray body() const { return m_body; }
    QByteArray responseHeader(const QByteArray &name) const;
    // The blob's total size: from Content-Range ("bytes a-b/total") or else Content-Length.
    qint64 blobSize() const;
    // The storage error code of a failed request (x-ms-error-code or the XML <Code>), or a
    // tolerated one (e.g. ContainerAlreadyExists) on success.
    QString errorCode() const { return m_errorCode; }

    // Turns a finished reply with an error status or a network error into an Error; shared
    // with the streaming jobs.
    static Error errorFrom(QNetworkReply *reply, const QByteArray &body, bool deadlinePassed);

protected:
    void stop() override;

private:
    void onReadyRead();
    void onFinished();

    QPointer<QNetworkReply> m_reply;
    Options m_options;
    ReplyDeadline m_deadline;
    QByteArray m_body;
    QList<QNetworkReply::RawHeaderPair> m_headers;
    QString m_errorCode;
    int m_status = 0;
};

} // namespace portico::core
