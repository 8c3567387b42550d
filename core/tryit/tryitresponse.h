// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/tryit/incompletebody.h"
#include "core/tryit/secretredaction.h"
#include "core/tryit/unfollowedredirect.h"

#include <QDateTime>
#include <QSslCertificate>
#include <QStringList>
#include <QTemporaryFile>
#include <QUrl>

#include <memory>
#include <optional>

namespace portico::core {

// The server certificate of an HTTPS exchange, for the "why is this not trusted" panel and for
// pinning: the user may trust a certificate by its SHA-256 fingerprint for one host.
struct TlsCertificateInfo
{
    QString subject;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QString sha256Fingerprint; // lower-case hex, no separators
    QStringList errors;        // QSslError texts; empty when the chain was trusted
    QList<int> errorKinds;     // the same errors as QSslError::SslError values, for the UI's words
    bool pinned = false;       // accepted because its fingerprint was pinned for the host

    static TlsCertificateInfo from(const QSslCertificate &certificate);
};

// Everything the response viewer shows about one send. Any HTTP status, including 4xx/5xx, is
// a response, not an error: a 429 is something to explain, not a failure of Try It.
struct TryItResponse
{
    QUrl url; // the URL that answered: after followed redirects, the last one
    QByteArray method; // the method of that last request: a 301/302/303 turns a POST into a GET
    int redirectsFollowed = 0;
    // Set when the answer is a redirect that was not followed: the 3xx is the response.
    std::optional<UnfollowedRedirect> unfollowedRedirect;
    int status = 0;
    QByteArray reason;
    HeaderList headers;
    // The body in memory when it is at most the streaming threshold; otherwise in bodyFile,
    // a temporary file removed when the last copy of this response goes away.
    QByteArray body;
    std::shared_ptr<QTemporaryFile> bodyFile;
    qint64 bodySize = 0;     // bytes received (decoded)
    qint64 encodedBodySize = -1; // bytes as sent when TryItSender decoded a Content-Encoding
    qint64 requestBodySize = 0;
    qint64 totalMs = 0;      // from send to the last byte
    qint64 timeToFirstByteMs = -1; // from send to the response headers
    std::optional<TlsCertificateInfo> certificate;
    // Set when the body broke off after the headers (TryItSender::partialResponse()): the
    // body is what arrived, never a result.
    std::optional<IncompleteBody> incomplete;

    QByteArray header(QByteArrayView name) const;
    bool isStreamedToFile() const { return bool(bodyFile); }
    QByteArray contentType() const { return header("Content-Type"); }
    // Retry-After in ms (429 / 403 quota), -1 when absent or unreadable.
    qint64 retryAfterMs() const;
};

} // namespace portico::core
