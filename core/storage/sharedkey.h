// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace portico::core {

// Azure Storage "Shared Key" authorization for the Blob service (version 2009-09-19 and later):
// the string-to-sign over the verb, the standard headers, the x-ms-* headers and the
// canonicalized resource, and the HMAC-SHA256 signature. Pure functions, unit-tested against
// hand-computed strings.
class SharedKey final
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // `headers` are the request's headers as they will be sent (names in any case). An
    // emulator (path-style) URL already holds the account in its path, so the account
    // appears twice in the canonicalized resource: "/devstoreaccount1/devstoreaccount1/c/b".
    static QByteArray stringToSign(const QByteArray &verb, const QUrl &url, const Headers &headers,
                                   const QString &accountName);
    // "/" + account + path, then "\nname:value" per query parameter sorted by lower-cased name.
    static QByteArray canonicalizedResource(const QUrl &url, const QString &accountName);
    // Every x-ms-* header, lower-cased, sorted, trimmed, "name:value\n" each.
    static QByteArray canonicalizedHeaders(const Headers &headers);
    // Base64(HMAC-SHA256(key, stringToSign)).
    static QByteArray signature(const QByteArray &key, const QByteArray &stringToSign);
    // "SharedKey <account>:<signature>".
    static QByteArray authorization(const QString &accountName, const QByteArray &key,
                                    const QByteArray &stringToSign);
};

} // namespace portico::core
