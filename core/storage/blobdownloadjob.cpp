// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/blobdownloadjob.h"

#include "core/storage/blobrequestjob.h"

#include <QIODevice>

namespace portico::core {

BlobDownloadJob::BlobDownloadJob(QNetworkReply *reply, QIODevice *sink, int deadlineMs,
                                 QObject *parent)
    : BlobJob(parent)
    , m_reply(reply)
    , m_sink(sink)
{
    reply->setParent(this);
    // Bounded buffering: what the sink has not taken yet stays in the socket.
    reply->setReadBufferSize(1024 * 1024);
    connect(reply, &QNetworkReply::readyRead, this, &BlobDownloadJob::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &BlobDownloadJob::onFinished);
    m_deadline.start(reply, deadlineMs);
}

BlobDownloadJob::~BlobDownloadJob()
{
    if (!isFinished())
        stop();
}

void BlobDownloadJob::stop()
{
    m_deadline.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void BlobDownloadJob::onReadyRead()
{
    if (!m_reply || isFinished())
        return;
    if (m_status == 0) {
        m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        bool ok = false;
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
        m_total = ok ? length : -1;
    }
    const QByteArray data = m_reply->readAll();
    if (m_status < 200 || m_status >= 300) {
        m_errorBody += data.left(64 * 1024 - m_errorBody.size());
        return;
    }
    if (m_sink->write(data) != data.size()) {
        stop();
        finish(Error::make(Error::Kind::Storage,
                           u"Cannot write the downloaded blob: %1"_qs.arg(m_sink->errorString())));
        return;
    }
    m_written += data.size();
    Q_EMIT progress(m_written, m_total);
}

void BlobDownloadJob::onFinished()
{
    if (!m_reply || isFinished())
        return;
    onReadyRead();
    if (isFinished())
        return;
    m_deadline.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && m_status >= 200 && m_status < 300) {
        finish({});
        return;
    }
    finish(BlobRequestJob::errorFrom(reply, m_errorBody, m_deadline.passed()));
}

} // namespace portico::core
