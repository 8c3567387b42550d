// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace portico::core {

// Decodes a response body sent with Content-Encoding gzip (x-gzip) or deflate, chunk by chunk
// as it arrives, through zlib. QNetworkAccessManager decodes only when it chose the
// Accept-Encoding itself; Try It always sends its own (or the user's), so it decodes here.
// Output goes to the sink in pieces of at most 256 KiB, so a body that inflates a thousandfold
// is never held whole in memory: the sink returns false to stop.
class ContentDecoder final
{
public:
    using Sink = std::function<bool(const QByteArray &decoded)>;

    // Null for identity, an empty value, or an encoding this does not decode (br, zstd, a chain).
    static std::unique_ptr<ContentDecoder> forEncoding(QByteArrayView contentEncoding);
    ~ContentDecoder();
    ContentDecoder(const ContentDecoder &) = delete;
    ContentDecoder &operator=(const ContentDecoder &) = delete;

    QByteArray encoding() const { return m_encoding; }
    // False on data that is not valid for the encoding (errorString() says why; what decoded
    // before it has gone to the sink) or when the sink stopped.
    bool decode(QByteArrayView input, const Sink &sink);
    // True when input was given and its last stream did not end: the body was cut short.
    bool isTruncated() const { return m_sawInput && !m_atStreamEnd; }
    // A "deflate" body without the zlib wrapper, read as raw deflate, whose stream has not
    // ended yet (within its first MiB): what decoded is held back, as it may be no deflate at all.
    bool isProvisional() const { return m_provisional; }
    // decode() failed only on the checksum or length after the end of the data: all of the
    // body went to the sink, but it may be damaged.
    bool isChecksumMismatch() const { return m_checksumMismatch; }
    QString errorString() const { return m_error; }

private:
    explicit ContentDecoder(QByteArray encoding);
    bool init(int windowBits);
    bool release(const Sink &sink); // sends on what was held back while provisional

    struct Stream;
    std::unique_ptr<Stream> m_stream;
    QByteArray m_encoding;
    QString m_error;
    qint64 m_inputBefore = 0; // input bytes of earlier decode() calls
    qint64 m_output = 0;
    bool m_sawInput = false;
    bool m_atStreamEnd = false;
    bool m_triedRaw = false;
    bool m_provisional = false;
    bool m_checksumMismatch = false;
    QByteArray m_held; // output while provisional
};

} // namespace portico::core
