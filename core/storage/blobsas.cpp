// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/blobsas.h"

#include "core/storage/sharedkey.h"

#include <QStringList>

namespace portico::core {

QString BlobSas::formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate).left(19) + u'Z';
}

QByteArray BlobSas::stringToSign(const QString &accountName, const QString &container,
                                 const QString &blob, const Parameters &parameters)
{
    const QString start = parameters.start.isValid() ? formatTime(parameters.start) : QString();
    const QStringList lines {
        parameters.permissions,
        start,
        formatTime(parameters.expiry),
        u"/blob/%1/%2/%3"_qs.arg(accountName, container, blob),
        {},                     // signedIdentifier
        {},                     // signedIP
        parameters.protocol,
        version.toString(),
        u"b"_qs,                // signedResource
        {},                     // signedSnapshotTime
        {},                     // signedEncryptionScope
        {}, {}, {}, {}, {},     // rscc, rscd, rsce, rscl, rsct
    };
    return lines.join(u'\n').toUtf8();
}

QString BlobSas::token(const StorageAccount &account, const QString &container, const QString &blob,
                       const Parameters &parameters)
{
    const QByteArray signature =
        SharedKey::signature(account.key, stringToSign(account.name, container, blob, parameters));
    const auto encode = [](const QString &value) {
        return QString::fromLatin1(QUrl::toPercentEncoding(value));
    };
    QString token = u"?sv="_qs + version.toString();
    if (parameters.start.isValid())
        token += u"&st="_qs + encode(formatTime(parameters.start));
    token += u"&se="_qs + encode(formatTime(parameters.expiry));
    token += u"&sr=b&sp="_qs + encode(parameters.permissions);
    if (!parameters.protocol.isEmpty())
        token += u"&spr="_qs + QString::fromLatin1(QUrl::toPercentEncoding(parameters.protocol, ","));
    token += u"&sig="_qs + encode(QString::fromLatin1(signature));
    return token;
}

} // namespace portico::core
