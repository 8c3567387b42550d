// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace portico::core {

// Why a response body is incomplete, or not what the server meant to send: the status and
// headers arrived, the body did not end, or its Content-Encoding could not be decoded.
// Facts only, as the sender saw them; the UI puts them into words (translated), the same
// words when the send is shown live and when it is re-opened from the history.
struct IncompleteBody
{
    enum class Cause {
        Stalled = 1, // no data arrived for `idleSeconds` (the transfer timeout)
        BrokeOff = 2, // the connection failed: `networkErrorCode`, `networkError`
        // The body is not valid `encoding` data from its first bytes: it is shown as sent, whole
        // (not incomplete). zlib's words in `networkError`.
        NotDecodable = 3,
        // Part of the body decoded (`bytesReceived`), then its `encoding` data was damaged: the
        // rest was not read. zlib's words in `networkError`.
        DecodingFailed = 4,
        // Part of the body decoded (`bytesReceived`), then the body ended inside its `encoding`
        // data: it was cut short.
        EndsInsideEncoding = 5,
        // All of the body decoded, but the checksum or length at the end of its `encoding` data
        // does not match: it is shown whole, and may be damaged. zlib's words in `networkError`.
        ChecksumMismatch = 6,
        // Its `encoding` is one Try It does not decode (br, zstd, a chain such as "gzip, gzip"):
        // the body is shown as sent, whole (not incomplete).
        UnsupportedEncoding = 7,
    };

    Cause cause = Cause::BrokeOff;
    int idleSeconds = 0; // Stalled only
    qint64 bytesReceived = 0; // of the body, as decoded
    int networkErrorCode = 0; // QNetworkReply::NetworkError
    QString networkError; // Qt's (or zlib's) text for that error: technical detail, in English
    QByteArray encoding; // the Content-Encoding that was not decoded (causes 3 to 7)

    bool isDecodingProblem() const { return int(cause) >= int(Cause::NotDecodable); }
    // The body is the whole of it as sent, not decompressed.
    bool isShownAsSent() const { return cause == Cause::NotDecodable || cause == Cause::UnsupportedEncoding; }

    friend bool operator==(const IncompleteBody &, const IncompleteBody &) = default;
};

} // namespace portico::core
