// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace portico::ui {

// What the response viewer shows: one HTTP exchange as the Try It engine recorded it. The
// body is either in memory or, when large, in a file the engine streamed it to.
struct ResponseData
{
    QString method;
    QUrl url;                 // as requested, secrets already masked by the engine
    QString redirectNote;     // where redirects led, or why one was not followed; in words
    int status = 0;           // 0: no response (network error)
    QString reason;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 totalMs = -1;
    qint64 timeToFirstByteMs = -1;
    QByteArray body;
    QString bodyFile;         // non-empty: the body is in this file instead of `body`
    qint64 bodySize = -1;     // -1: use body.size() or the file's size
    qint64 encodedBodySize = -1; // bytes as sent when a Content-Encoding was decoded, else -1
    QString errorText;        // network/TLS failure, already in words: the headline
    QString errorDetails;     // the certificate, Qt's technical text: a secondary line
    QString certificateText;  // how the server's certificate was trusted, when it was a pin
    bool incomplete = false;  // the body broke off: status, headers and body are what arrived
    bool notDecompressed = false; // the body is shown as sent: its Content-Encoding did not decode
    bool damaged = false; // the body decompressed whole, but its checksum does not match
    bool bodyTruncated = false; // from history: `body` is only the part history kept (maybe none)
    QDateTime receivedAt;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QString contentType() const
    {
        return QString::fromLatin1(header("Content-Type")).section(u';', 0, 0).trimmed()
                .toLower();
    }
    // The charset parameter of Content-Type ("iso-8859-1" in `text/plain; charset="ISO-8859-1"`),
    // lower-case; empty when none is declared.
    QByteArray charset() const
    {
        const QList<QByteArray> parts = header("Content-Type").split(';');
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray part = parts.at(i).trimmed();
            const qsizetype equals = part.indexOf('=');
            if (equals < 0 || part.left(equals).trimmed().toLower() != "charset")
                continue;
            QByteArray value = part.mid(equals + 1).trimmed();
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                value = value.mid(1, value.size() - 2);
            return value.toLower();
        }
        return {};
    }
};

} // namespace portico::ui
