// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace portico::local {

// An ordered list of HTTP header fields. Names keep the spelling they arrived with; lookups
// ignore case, as HTTP requires.
class HeaderList
{
public:
    using Field = QPair<QByteArray, QByteArray>;

    QByteArray value(QByteArrayView name) const; // first value, or null
    bool contains(QByteArrayView name) const;
    QList<QByteArray> values(QByteArrayView name) const;
    void set(const QByteArray &name, const QByteArray &value); // replaces every field of that name
    void append(const QByteArray &name, const QByteArray &value);
    int remove(QByteArrayView name);
    const QList<Field> &fields() const { return m_fields; }
    QList<Field> &fields() { return m_fields; }
    void clear() { m_fields.clear(); }
    // "Name: value\r\n" for every field.
    void serialize(QByteArray &out) const;

private:
    QList<Field> m_fields;
};

struct HttpRequestHead
{
    QByteArray method;
    QByteArray target; // origin-form: path and query as sent
    int versionMinor = 1; // HTTP/1.x
    HeaderList headers;
};

struct HttpResponseHead
{
    int status = 0;
    QByteArray reason;
    int versionMinor = 1;
    HeaderList headers;
};

struct HttpLimits
{
    int maxRequestLine = 8 * 1024;
    int maxHeaderBytes = 32 * 1024;
    int maxHeaderCount = 100;
};

// Incremental head parsing over whatever bytes have arrived. The parsers never read past the
// end of the head: on Complete, `consumed` is the head's length including the blank line.
enum class ParseStatus { NeedMore, Complete, Error };

struct HeadParseResult
{
    ParseStatus status = ParseStatus::NeedMore;
    qsizetype consumed = 0;
    int errorStatus = 0; // 400, 414 or 431 for a request; 502 for a response
    const char *error = nullptr;
};

[[nodiscard]] HeadParseResult parseRequestHead(QByteArrayView buffer, HttpRequestHead &out,
                                               const HttpLimits &limits = {});
[[nodiscard]] HeadParseResult parseResponseHead(QByteArrayView buffer, HttpResponseHead &out,
                                                const HttpLimits &limits = {});

// How a message body is delimited (RFC 9112 §6).
struct BodyFraming
{
    enum class Kind { None, Length, Chunked, UntilClose };
    Kind kind = Kind::None;
    qint64 length = 0;
};

// Determines the request body framing; false for an invalid combination (both
// Transfer-Encoding and Content-Length, an unknown transfer coding, a bad length).
[[nodiscard]] bool requestBodyFraming(const HttpRequestHead &head, BodyFraming &out);
[[nodiscard]] bool responseBodyFraming(const HttpResponseHead &head, bool requestWasHead,
                                       BodyFraming &out);

// Removes the message framing from a body as its bytes arrive. Decoded payload goes to
// `out`; at most `maxOut` payload bytes are produced per call so that callers can apply
// backpressure.
class BodyDecoder
{
public:
    enum class State { NeedMore, Done, Error };

    void reset(const BodyFraming &framing);
    State feed(QByteArrayView input, qsizetype &consumed, QByteArray &out, qsizetype maxOut);
    bool done() const { return m_step == Step::Done; }
    qint64 payloadBytes() const { return m_payload; }
    const BodyFraming &framing() const { return m_framing; }

private:
    enum class Step { SizeLine, Data, DataEnd, Trailer, Done };
    BodyFraming m_framing;
    Step m_step = Step::Done;
    qint64 m_remaining = 0;
    qint64 m_payload = 0;
    QByteArray m_line;
};

// Hop-by-hop fields (RFC 9110 §7.6.1) plus those named in Connection.
void stripHopByHop(HeaderList &headers);
QByteArray reasonPhrase(int status);
bool headerHasToken(const QByteArray &value, QByteArrayView token);

// The value of one hex digit of a percent-escape, or -1 when c is none.
constexpr int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace portico::local
