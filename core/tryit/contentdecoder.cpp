// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/tryit/contentdecoder.h"

#include <zlib.h>

namespace portico::core {

namespace {
constexpr qsizetype outputPiece = 256 * 1024;
constexpr int gzipOrZlib = 15 + 32; // zlib detects the gzip or zlib wrapper itself
constexpr int rawDeflate = -15;
// Output of a "deflate" body read as raw deflate is only a guess (plain text often inflates a
// few bytes before it fails): held back until its stream ends, at most this much.
constexpr qsizetype provisionalLimit = 1024 * 1024;
} // namespace

struct ContentDecoder::Stream
{
    z_stream z {};
    bool initialised = false;
};

std::unique_ptr<ContentDecoder> ContentDecoder::forEncoding(QByteArrayView contentEncoding)
{
    const QByteArray encoding = contentEncoding.trimmed().toByteArray().toLower();
    if (encoding != "gzip" && encoding != "x-gzip" && encoding != "deflate")
        return nullptr;
    std::unique_ptr<ContentDecoder> decoder(new ContentDecoder(encoding));
    if (!decoder->init(gzipOrZlib))
        return nullptr;
    return decoder;
}

ContentDecoder::ContentDecoder(QByteArray encoding)
    : m_stream(std::make_unique<Stream>())
    , m_encoding(std::move(encoding))
{
}

ContentDecoder::~ContentDecoder()
{
    if (m_stream->initialised)
        inflateEnd(&m_stream->z);
}

bool ContentDecoder::init(int windowBits)
{
    if (m_stream->initialised)
        inflateEnd(&m_stream->z);
    m_stream->z = z_stream {};
    m_stream->initialised = inflateInit2(&m_stream->z, windowBits) == Z_OK;
    if (!m_stream->initialised)
        m_error = u"zlib could not be initialised"_qs;
    return m_stream->initialised;
}

bool ContentDecoder::decode(QByteArrayView input, const Sink &sink)
{
    if (!m_error.isEmpty())
        return false;
    if (input.isEmpty())
        return true;
    m_sawInput = true;
    z_stream &z = m_stream->z;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
    z.avail_in = uInt(input.size());
    QByteArray out;
    while (z.avail_in > 0) {
        if (m_atStreamEnd) {
            // Another gzip member follows (RFC 1952 allows several): decode it as well.
            // Anything else after the end (padding some servers add) is not body.
            if (*z.next_in != 0x1f)
                break;
            if (inflateReset(&z) != Z_OK) {
                m_error = u"zlib could not continue after a gzip member"_qs;
                return false;
            }
            m_atStreamEnd = false;
        }
        out.resize(outputPiece);
        z.next_out = reinterpret_cast<Bytef *>(out.data());
        z.avail_out = uInt(out.size());
        const int status = inflate(&z, Z_NO_FLUSH);
        const qsizetype produced = out.size() - qsizetype(z.avail_out);
        if (status == Z_DATA_ERROR && m_encoding == "deflate" && !m_triedRaw && m_inputBefore == 0
            && m_output == 0) {
            // "deflate" should be zlib-wrapped (RFC 9110 8.4.1.2); some servers send it raw.
            m_triedRaw = true;
            m_provisional = true;
            if (!init(rawDeflate))
                return false;
            z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
            z.avail_in = uInt(input.size());
            continue;
        }
        // What decoded before an error is body too: it goes out first.
        if (produced > 0) {
            out.truncate(produced);
            if (m_provisional) {
                m_held += out;
                if (m_held.size() > provisionalLimit && !release(sink))
                    return false;
            } else {
                m_output += produced;
                if (!sink(out))
                    return false;
            }
        }
        if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
            m_error = z.msg ? QString::fromLatin1(z.msg) : u"zlib error %1"_qs.arg(status);
            // The whole body decoded, only its trailer does not match (gzip CRC-32 and length,
            // zlib Adler-32): zlib's stream state says so.
            m_checksumMismatch = status == Z_DATA_ERROR && z.msg
                && (qstrcmp(z.msg, "incorrect data check") == 0
                    || qstrcmp(z.msg, "incorrect length check") == 0);
            m_held.clear();
            return false;
        }
        if (status == Z_STREAM_END) {
            m_atStreamEnd = true;
            if (m_provisional && !release(sink))
                return false;
        }
        else if (status == Z_BUF_ERROR && produced == 0)
            break; // needs more input
    }
    m_inputBefore += input.size();
    if (m_provisional && m_inputBefore > provisionalLimit && !release(sink))
        return false;
    return true;
}

bool ContentDecoder::release(const Sink &sink)
{
    m_provisional = false;
    const QByteArray held = std::exchange(m_held, QByteArray());
    m_output += held.size();
    return held.isEmpty() || sink(held);
}

} // namespace portico::core
