// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/blobclient.h"

#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcStorage, "portico.core.storage")

namespace portico::core {

namespace {

constexpr int longDeadlineMs = 6 * 60 * 60 * 1000;

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_qs)
        .toLatin1();
}

QUrl withQuery(QUrl url, const QString &encodedItems)
{
    const QString existing = url.query(QUrl::FullyEncoded);
    url.setQuery(existing.isEmpty() ? encodedItems : existing + u'&' + encodedItems,
                 QUrl::StrictMode);
    return url;
}

} // namespace

BlobClient::BlobClient(StorageAccount account, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_network(network)
{
}

BlobClient::~BlobClient() = default;

QByteArray BlobClient::blockId(int index)
{
    return QByteArrayLiteral("block-") + QByteArray::number(index).rightJustified(8, '0');
}

QNetworkReply *BlobClient::send(const QByteArray &verb, QUrl url, SharedKey::Headers headers,
                                const QByteArray &body, bool hasBody)
{
    headers.append({ QByteArrayLiteral("x-ms-date"), httpDate() });
    headers.append({ QByteArrayLiteral("x-ms-version"), apiVersion.toLatin1() });
    if (hasBody) {
        bool hasType = false;
        for (const auto &header : std::as_const(headers))
            hasType |= header.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
        // Qt would otherwise add a form content type that the signature does not cover.
        if (!hasType)
            headers.append({ QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/octet-stream") });
        headers.append({ QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()) });
    }

    QNetworkRequest request;
    if (!m_account.key.isEmpty()) {
        const QByteArray toSign = SharedKey::stringToSign(verb, url, headers, m_account.name);
        headers.append({ QByteArrayLiteral("Authorization"),
                         SharedKey::authorization(m_account.name, m_account.key, toSign) });
    } else if (!m_account.sasToken.isEmpty()) {
        url = withQuery(url, m_account.sasToken);
    }
    request.setUrl(url);
    for (const auto &[name, value] : std::as_const(headers)) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) != 0)
            request.setRawHeader(name, value);
    }
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_transferTimeoutMs);
    qCDebug(lcStorage) << verb << url.toString(QUrl::RemoveQuery);
    if (hasBody)
        return m_network->sendCustomRequest(request, verb, body);
    // A custom "HEAD" would wait for a body of Content-Length bytes.
    if (verb == "HEAD")
        return m_network->head(request);
    return m_network->sendCustomRequest(request, verb);
}

BlobRequestJob *BlobClient::request(const QByteArray &verb, const QUrl &url, SharedKey::Headers headers,
                                    const QByteArray &body, bool hasBody, BlobRequestJob::Options options)
{
    options.deadlineMs = m_requestDeadlineMs;
    return new BlobRequestJob(send(verb, url, std::move(headers), body, hasBody), std::move(options), this);
}

BlobRequestJob *BlobClient::createContainer(const QString &container)
{
    BlobRequestJob::Options options;
    options.toleratedErrorCodes = { u"ContainerAlreadyExists"_qs };
    return request("PUT", withQuery(m_account.containerUrl(container), u"restype=container"_qs), {}, {},
                   true, options);
}

BlobRequestJob *BlobClient::getProperties(const QString &container, const QString &blob)
{
    return request("HEAD", m_account.blobUrl(container, blob), {}, {}, false);
}

BlobRequestJob *BlobClient::getRange(const QString &container, const QString &blob, qint64 offset,
                                     qint64 length, const QStringList &tolerated,
                                     const QByteArray &ifMatch)
{
    const QByteArray range = "bytes=" + QByteArray::number(offset) + '-'
        + QByteArray::number(offset + length - 1);
    BlobRequestJob::Options options;
    options.maxBodyBytes = length;
    options.toleratedErrorCodes = tolerated;
    SharedKey::Headers headers { { QByteArrayLiteral("x-ms-range"), range } };
    if (!ifMatch.isEmpty())
        headers.append({ QByteArrayLiteral("If-Match"), ifMatch });
    return request("GET", m_account.blobUrl(container, blob), std::move(headers), {}, false, options);
}

BlobRequestJob *BlobClient::putBlob(const QString &container, const QString &blob, const QByteArray &data,
                                    const QString &contentType)
{
    return request("PUT", m_account.blobUrl(container, blob),
                   { { QByteArrayLiteral("x-ms-blob-type"), QByteArrayLiteral("BlockBlob") },
                     { QByteArrayLiteral("Content-Type"), contentType.toLatin1() } },
                   data, true);
}

BlobRequestJob *BlobClient::putBlock(const QString &container, const QString &blob,
                                     const QByteArray &blockId, const QByteArray &data)
{
    const QString query = u"comp=block&blockid="_qs
        + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(blockId.toBase64())));
    return request("PUT", withQuery(m_account.blobUrl(container, blob), query), {}, data, true);
}

BlobRequestJob *BlobClient::putBlockList(const QString &container, const QString &blob,
                                         const QList<QByteArray> &blockIds, const QString &contentType)
{
    QByteArray xml = QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
    for (const QByteArray &id : blockIds)
        xml += "<Latest>" + id.toBase64() + "</Latest>";
    xml += "</BlockList>";
    return request("PUT", withQuery(m_account.blobUrl(container, blob), u"comp=blocklist"_qs),
                   { { QByteArrayLiteral("x-ms-blob-content-type"), contentType.toLatin1() },
                     { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/xml") } },
                   xml, true);
}

BlobRequestJob *BlobClient::deleteBlob(const QString &container, const QString &blob)
{
    return request("DELETE", m_account.blobUrl(container, blob), {}, {}, false);
}

BlobUploadJob *BlobClient::upload(const QString &container, const QString &blob, QIODevice *source,
                                  BlobUploadJob::Options options)
{
    return new BlobUploadJob(this, container, blob, source, std::move(options), this);
}

BlobDownloadJob *BlobClient::download(const QString &container, const QString &blob, QIODevice *sink)
{
    return new BlobDownloadJob(send("GET", m_account.blobUrl(container, blob), {}, {}, false), sink,
                               longDeadlineMs, this);
}

BlobDownloadJob *BlobClient::downloadUrl(QNetworkAccessManager *network, const QUrl &url, QIODevice *sink,
                                         QObject *parent)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(60000);
    return new BlobDownloadJob(network->get(request), sink, longDeadlineMs, parent);
}

QString BlobClient::serviceSas(const QString &container, const QString &blob,
                               const BlobSas::Parameters &parameters) const
{
    return BlobSas::token(m_account, container, blob, parameters);
}

} // namespace portico::core
