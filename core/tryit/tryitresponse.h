// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/tryit/incompletebody.h"
#include "core/tryit/secretredaction.h"
#include "core/tryit/servercertificate.h"
#include "core/tryit/unfollowedredirect.h"

#include <QDateTime>
#include <QStringList>
#include <QTemporaryFile>
#include <QUrl>

#include <memory>
#include <optional>

namespace portico::core {

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
