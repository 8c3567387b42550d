// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/storageaccount.h"

#include <QHash>
#include <QStringList>

namespace portico::core {

namespace {

Error invalid(const QString &message)
{
    return Error::make(Error::Kind::InvalidInput, message, u"InvalidConnectionString"_qs);
}

QString encodedPath(const QString &path)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(path, QByteArrayLiteral("/")));
}

} // namespace

StorageAccount StorageAccount::developmentStorage()
{
    StorageAccount account;
    account.name = developmentAccountName.toString();
    account.key = QByteArray::fromBase64(developmentAccountKey.toLatin1());
    account.blobEndpoint = QUrl(u"http://127.0.0.1:10000/devstoreaccount1"_qs);
    return account;
}

Result<StorageAccount> StorageAccount::fromConnectionString(const QString &connectionString)
{
    QHash<QString, QString> pairs;
    const QStringList parts = connectionString.split(u';', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        if (part.trimmed().isEmpty())
            continue;
        const qsizetype equals = part.indexOf(u'=');
        // Not echoed: it may be a key pasted without its "AccountKey=".
        if (equals <= 0)
            return invalid(u"part %1 of the connection string is not a name=value pair"_qs.arg(i + 1));
        pairs.insert(part.left(equals).trimmed().toLower(), part.mid(equals + 1).trimmed());
    }
    if (pairs.isEmpty())
        return invalid(u"the connection string is empty"_qs);

    StorageAccount account;
    if (pairs.contains(u"usedevelopmentstorage"_qs)) {
        if (pairs.value(u"usedevelopmentstorage"_qs).compare(u"true"_qs, Qt::CaseInsensitive) != 0)
            return invalid(u"UseDevelopmentStorage must be 'true'"_qs);
        account = developmentStorage();
        const QString proxy = pairs.value(u"developmentstorageproxyuri"_qs);
        if (!proxy.isEmpty()) {
            QUrl url(proxy);
            if (!url.isValid() || url.host().isEmpty())
                return invalid(u"DevelopmentStorageProxyUri is not a URL"_qs);
            url.setPort(10000);
            url.setPath(u"/devstoreaccount1"_qs);
            account.blobEndpoint = url;
        }
        return account;
    }

    account.name = pairs.value(u"accountname"_qs);
    account.sasToken = pairs.value(u"sharedaccesssignature"_qs);
    if (account.sasToken.startsWith(u'?'))
        account.sasToken.remove(0, 1);
    const QString key = pairs.value(u"accountkey"_qs);
    if (!key.isEmpty()) {
        const auto decoded = QByteArray::fromBase64Encoding(key.toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            return invalid(u"AccountKey is not valid base64"_qs);
        account.key = decoded.decoded;
    }
    if (account.key.isEmpty() && account.sasToken.isEmpty())
        return invalid(u"AccountKey or SharedAccessSignature is missing"_qs);

    const QString endpoint = pairs.value(u"blobendpoint"_qs);
    if (!endpoint.isEmpty()) {
        QUrl url(endpoint, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != u"http"_qs && url.scheme() != u"https"_qs))
            return invalid(u"BlobEndpoint is not an http or https URL"_qs);
        QString path = url.path();
        while (path.endsWith(u'/'))
            path.chop(1);
        url.setPath(path);
        account.blobEndpoint = url;
        if (account.name.isEmpty() && !account.key.isEmpty()) {
            // Path-style endpoints name the account in the first segment.
            account.name = path.section(u'/', 1, 1);
            if (account.name.isEmpty())
                account.name = url.host().section(u'.', 0, 0);
        }
    } else {
        if (account.name.isEmpty())
            return invalid(u"AccountName is missing"_qs);
        const QString protocol = pairs.value(u"defaultendpointsprotocol"_qs, u"https"_qs).toLower();
        if (protocol != u"http"_qs && protocol != u"https"_qs)
            return invalid(u"DefaultEndpointsProtocol must be http or https"_qs);
        const QString suffix = pairs.value(u"endpointsuffix"_qs, u"core.windows.net"_qs);
        account.blobEndpoint = QUrl(u"%1://%2.blob.%3"_qs.arg(protocol, account.name, suffix));
        if (!account.blobEndpoint.isValid() || account.blobEndpoint.host().isEmpty())
            return invalid(u"AccountName or EndpointSuffix does not make a valid host name"_qs);
    }
    if (!account.key.isEmpty() && account.name.isEmpty())
        return invalid(u"AccountName is missing"_qs);
    return account;
}

QUrl StorageAccount::containerUrl(const QString &container) const
{
    QUrl url = blobEndpoint;
    url.setPath(blobEndpoint.path(QUrl::FullyEncoded) + u'/' + encodedPath(container), QUrl::StrictMode);
    return url;
}

QUrl StorageAccount::blobUrl(const QString &container, const QString &blob) const
{
    QUrl url = blobEndpoint;
    url.setPath(blobEndpoint.path(QUrl::FullyEncoded) + u'/' + encodedPath(container) + u'/'
                    + encodedPath(blob),
                QUrl::StrictMode);
    return url;
}

} // namespace portico::core
