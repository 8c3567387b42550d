// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/sharedkey.h"

#include <QMap>
#include <QMessageAuthenticationCode>
#include <QStringList>
#include <QUrlQuery>

#include <algorithm>

namespace portico::core {

namespace {

QByteArray headerValue(const SharedKey::Headers &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return {};
}

// Unfolds line breaks and collapses runs of whitespace, as the canonicalization requires.
QByteArray unfolded(const QByteArray &value)
{
    return value.simplified();
}

} // namespace

QByteArray SharedKey::canonicalizedHeaders(const Headers &headers)
{
    QMap<QByteArray, QByteArray> msHeaders;
    for (const auto &[name, value] : headers) {
        const QByteArray lower = name.trimmed().toLower();
        if (lower.startsWith("x-ms-"))
            msHeaders.insert(lower, unfolded(value));
    }
    QByteArray result;
    for (auto it = msHeaders.cbegin(); it != msHeaders.cend(); ++it)
        result += it.key() + ':' + it.value() + '\n';
    return result;
}

QByteArray SharedKey::canonicalizedResource(const QUrl &url, const QString &accountName)
{
    QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
    if (path.isEmpty())
        path = "/";
    QByteArray result = '/' + accountName.toUtf8() + path;

    QMap<QString, QStringList> parameters;
    const QUrlQuery query(url);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
        parameters[name.toLower()].append(value);
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        QStringList values = it.value();
        std::sort(values.begin(), values.end());
        result += '\n' + it.key().toUtf8() + ':' + values.join(u',').toUtf8();
    }
    return result;
}

QByteArray SharedKey::stringToSign(const QByteArray &verb, const QUrl &url, const Headers &headers,
                                   const QString &accountName)
{
    QByteArray contentLength = headerValue(headers, "Content-Length");
    if (contentLength == "0")
        contentLength.clear(); // x-ms-version 2015-02-21 and later
    const QByteArray date = headerValue(headers, "x-ms-date").isEmpty() ? headerValue(headers, "Date")
                                                                         : QByteArray();
    QByteArray result = verb.toUpper() + '\n';
    result += headerValue(headers, "Content-Encoding") + '\n';
    result += headerValue(headers, "Content-Language") + '\n';
    result += contentLength + '\n';
    result += headerValue(headers, "Content-MD5") + '\n';
    result += headerValue(headers, "Content-Type") + '\n';
    result += date + '\n';
    result += headerValue(headers, "If-Modified-Since") + '\n';
    result += headerValue(headers, "If-Match") + '\n';
    result += headerValue(headers, "If-None-Match") + '\n';
    result += headerValue(headers, "If-Unmodified-Since") + '\n';
    result += headerValue(headers, "Range") + '\n';
    result += canonicalizedHeaders(headers);
    result += canonicalizedResource(url, accountName);
    return result;
}

QByteArray SharedKey::signature(const QByteArray &key, const QByteArray &stringToSign)
{
    return QMessageAuthenticationCode::hash(stringToSign, key, QCryptographicHash::Sha256).toBase64();
}

QByteArray SharedKey::authorization(const QString &accountName, const QByteArray &key,
                                    const QByteArray &stringToSign)
{
    return "SharedKey " + accountName.toUtf8() + ':' + signature(key, stringToSign);
}

} // namespace portico::core
