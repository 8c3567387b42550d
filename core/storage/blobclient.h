// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/blobdownloadjob.h"
#include "core/storage/blobrequestjob.h"
#include "core/storage/blobsas.h"
#include "core/storage/blobuploadjob.h"
#include "core/storage/sharedkey.h"
#include "core/storage/storageaccount.h"

#include <QObject>

class QIODevice;
class QNetworkAccessManager;

namespace portico::core {

// Azure Blob REST client over an injected QNetworkAccessManager, signing every request with
// Shared Key (or appending the account's SAS). Works against Azure Storage and Azurite alike.
// Every call returns a job owned by the client (delete it, or deleteLater() it once finished);
// jobs outlive neither the client nor the network manager. Thread: the client, its jobs and the
// manager must live in one thread; several clients may run in several threads.
class BlobClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobClient)

public:
    static constexpr QStringView apiVersion = u"2020-12-06";
    static constexpr int maxBlocks = 50000;

    BlobClient(StorageAccount account, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~BlobClient() override;

    const StorageAccount &account() const { return m_account; }
    // A transfer that stalls this long fails with Error::Kind::Timeout (default 60 s).
    void setTransferTimeout(int milliseconds) { m_transferTimeoutMs = milliseconds; }
    // A single request (not an upload or download) that takes longer fails with Timeout
    // (default 10 min).
    void setRequestDeadline(int milliseconds) { m_requestDeadlineMs = milliseconds; }

    // PUT ?restype=container. An existing container counts as success (errorCode() is then
    // "ContainerAlreadyExists").
    BlobRequestJob *createContainer(const QString &container);
    // HEAD: blobSize(), responseHeader("Content-Type"), ...
    BlobRequestJob *getProperties(const QString &container, const QString &blob);
    // GET with x-ms-range bytes=offset..offset+length-1; body() holds the bytes, blobSize() the
    // blob's total size, responseHeader("ETag") its version. Storage error codes in `tolerated`
    // count as success (errorCode() then tells): e.g. InvalidRange, which is what a range of an
    // empty blob gets. With `ifMatch`, a blob that is no longer that version fails with 412
    // ConditionNotMet.
    BlobRequestJob *getRange(const QString &container, const QString &blob, qint64 offset,
                             qint64 length, const QStringList &tolerated = {},
                             const QByteArray &ifMatch = {});
    BlobRequestJob *putBlob(const QString &container, const QString &blob, const QByteArray &data,
                            const QString &contentType = u"application/octet-stream"_qs);
    BlobRequestJob *putBlock(const QString &container, const QString &blob,
                             const QByteArray &blockId, const QByteArray &data);
    BlobRequestJob *putBlockList(const QString &container, const QString &blob,
                                 const QList<QByteArray> &blockIds,
                                 const QString &contentType = u"application/octet-stream"_qs);
    BlobRequestJob *deleteBlob(const QString &container, const QString &blob);

    // Streams `source` into a block blob (see BlobUploadJob for the block strategy).
    BlobUploadJob *upload(const QString &container, const QString &blob, QIODevice *source,
                          BlobUploadJob::Options options = {});
    // Streams a blob into `sink`.
    BlobDownloadJob *download(const QString &container, const QString &blob, QIODevice *sink);
    // Streams any pre-signed blob URL (BaseLocation + RelativeLocation + SasBlobToken) into
    // `sink`, without the account's credentials.
    static BlobDownloadJob *downloadUrl(QNetworkAccessManager *network, const QUrl &url,
                                        QIODevice *sink, QObject *parent);

    // A read-only (by default) service SAS token for one blob: "?sv=...&sig=...".
    QString serviceSas(const QString &container, const QString &blob,
                       const BlobSas::Parameters &parameters) const;

    // Block ids of one blob must all have the same length: base64 of "block-%08d".
    static QByteArray blockId(int index);

private:
    QNetworkReply *send(const QByteArray &verb, QUrl url, SharedKey::Headers headers,
                        const QByteArray &body, bool hasBody);
    BlobRequestJob *request(const QByteArray &verb, const QUrl &url, SharedKey::Headers headers,
                            const QByteArray &body, bool hasBody,
                            BlobRequestJob::Options options = {});

    StorageAccount m_account;
    QNetworkAccessManager *m_network;
    int m_transferTimeoutMs = 60000;
    int m_requestDeadlineMs = 10 * 60 * 1000;
};

} // namespace portico::core
