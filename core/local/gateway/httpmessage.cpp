// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/httpmessage.h"

#include <algorithm>
#include <cctype>

namespace portico::local {

namespace {

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-':
    case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    return std::all_of(text.begin(), text.end(), isTokenChar);
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

HeadParseResult fail(int status, const char *why)
{
    HeadParseResult r;
    r.status = ParseStatus::Error;
    r.errorStatus = status;
    r.error = why;
    return r;
}

// Parses the header fields between `from` and the blank line at `headEnd`.
bool parseFields(QByteArrayView buffer, qsizetype from, qsizetype headEnd, HeaderList &out,
                 const HttpLimits &limits, const char *&why)
{
    qsizetype pos = from;
    if (out.fields().capacity() < 16)
        out.fields().reserve(16);
    while (pos < headEnd) {
        qsizetype eol = buffer.indexOf(QByteArrayView("\r\n"), pos);
        if (eol < 0 || eol > headEnd)
            eol = headEnd;
        const QByteArrayView line = buffer.sliced(pos, eol - pos);
        pos = eol + 2;
        if (line.isEmpty())
            continue;
        if (line.front() == ' ' || line.front() == '\t') {
            why = "obsolete line folding";
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon))) {
            why = "malformed header field";
            return false;
        }
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        for (char c : value) {
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                why = "control character in a header value";
                return false;
            }
        }
        if (out.fields().size() >= limits.maxHeaderCount) {
            why = "too many header fields";
            return false;
        }
        out.fields().append({ line.first(colon).toByteArray(), value.toByteArray() });
    }
    return true;
}

bool parseVersion(QByteArrayView v, int &minor)
{
    if (v.size() != 8 || !v.startsWith("HTTP/1.") || v[7] < '0' || v[7] > '9')
        return false;
    minor = v[7] - '0';
    return true;
}

} // namespace

QByteArray HeaderList::value(QByteArrayView name) const
{
    for (const Field &f : m_fields) {
        if (equalsIgnoreCase(f.first, name))
            return f.second;
    }
    return {};
}

bool HeaderList::contains(QByteArrayView name) const
{
    return std::any_of(m_fields.begin(), m_fields.end(),
                       [&](const Field &f) { return equalsIgnoreCase(f.first, name); });
}

QList<QByteArray> HeaderList::values(QByteArrayView name) const
{
    QList<QByteArray> result;
    for (const Field &f : m_fields) {
        if (equalsIgnoreCase(f.first, name))
            result.append(f.second);
    }
    return result;
}

void HeaderList::set(const QByteArray &name, const QByteArray &value)
{
    remove(name);
    m_fields.append({ name, value });
}

void HeaderList::append(const QByteArray &name, const QByteArray &value)
{
    m_fields.append({ name, value });
}

int HeaderList::remove(QByteArrayView name)
{
    return int(m_fields.removeIf([&](const Field &f) { return equalsIgnoreCase(f.first, name); }));
}

void HeaderList::serialize(QByteArray &out) const
{
    for (const Field &f : m_fields) {
        out += f.first;
        out += ": ";
        out += f.second;
        out += "\r\n";
    }
}

HeadParseResult parseRequestHead(QByteArrayView buffer, HttpRequestHead &out,
                                 const HttpLimits &limits)
{
    // Tolerate empty lines before a request line (RFC 9112 §2.2).
    qsizetype start = 0;
    while (buffer.size() - start >= 2 && buffer[start] == '\r' && buffer[start + 1] == '\n')
        start += 2;
    const qsizetype lineEnd = buffer.indexOf(QByteArrayView("\r\n"), start);
    if (lineEnd < 0) {
        if (buffer.size() - start > limits.maxRequestLine)
            return fail(414, "request line too long");
        return {};
    }
    if (lineEnd - start > limits.maxRequestLine)
        return fail(414, "request line too long");
    const qsizetype headEnd = buffer.indexOf(QByteArrayView("\r\n\r\n"), lineEnd);
    const bool noFields = buffer.sliced(lineEnd).startsWith("\r\n\r\n");
    if (headEnd < 0) {
        if (buffer.size() - start > limits.maxRequestLine + limits.maxHeaderBytes)
            return fail(431, "header section too large");
        return {};
    }
    if (headEnd - lineEnd > limits.maxHeaderBytes)
        return fail(431, "header section too large");

    const QByteArrayView line = buffer.sliced(start, lineEnd - start);
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0)
        return fail(400, "malformed request line");
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    if (!isToken(method) || target.isEmpty())
        return fail(400, "malformed request line");
    for (char c : target) {
        if (c <= 0x20 || c == 0x7f)
            return fail(400, "malformed request target");
    }
    if (!parseVersion(line.sliced(sp2 + 1), out.versionMinor))
        return fail(400, "unsupported HTTP version");
    out.method = method.toByteArray();
    out.target = target.toByteArray();
    out.headers.clear();
    const char *why = nullptr;
    if (!noFields && !parseFields(buffer, lineEnd + 2, headEnd, out.headers, limits, why))
        return fail(400, why);
    HeadParseResult r;
    r.status = ParseStatus::Complete;
    r.consumed = headEnd + 4;
    return r;
}

HeadParseResult parseResponseHead(QByteArrayView buffer, HttpResponseHead &out,
                                  const HttpLimits &limits)
{
    const qsizetype lineEnd = buffer.indexOf(QByteArrayView("\r\n"));
    if (lineEnd < 0) {
        if (buffer.size() > limits.maxRequestLine)
            return fail(502, "status line too long");
        return {};
    }
    const qsizetype headEnd = buffer.indexOf(QByteArrayView("\r\n\r\n"), lineEnd);
    const bool noFields = buffer.sliced(lineEnd).startsWith("\r\n\r\n");
    if (headEnd < 0) {
        if (buffer.size() > limits.maxRequestLine + 4 * limits.maxHeaderBytes)
            return fail(502, "response header section too large");
        return {};
    }
    const QByteArrayView line = buffer.first(lineEnd);
    if (line.size() < 12 || !parseVersion(line.first(8), out.versionMinor) || line[8] != ' ')
        return fail(502, "malformed status line");
    bool ok = false;
    const int status = line.sliced(9, 3).toInt(&ok);
    if (!ok || status < 100 || status > 999 || (line.size() > 12 && line[12] != ' '))
        return fail(502, "malformed status line");
    out.status = status;
    out.reason = line.size() > 13 ? line.sliced(13).toByteArray() : QByteArray();
    out.headers.clear();
    const char *why = nullptr;
    HttpLimits responseLimits = limits;
    responseLimits.maxHeaderCount = 4 * limits.maxHeaderCount;
    if (!noFields && !parseFields(buffer, lineEnd + 2, headEnd, out.headers, responseLimits, why))
        return fail(502, why);
    HeadParseResult r;
    r.status = ParseStatus::Complete;
    r.consumed = headEnd + 4;
    return r;
}

bool headerHasToken(const QByteArray &value, QByteArrayView token)
{
    for (const QByteArray &part : value.split(',')) {
        if (equalsIgnoreCase(trimmed(part), token))
            return true;
    }
    return false;
}

namespace {

bool transferFraming(const HeaderList &headers, BodyFraming &out, bool &present)
{
    const QList<QByteArray> te = headers.values("Transfer-Encoding");
    present = !te.isEmpty();
    if (!present)
        return true;
    // Only "chunked" as the final coding is understood; anything else is refused.
    QByteArray joined = te.join(',');
    QList<QByteArray> codings;
    for (const QByteArray &c : joined.split(','))
        codings.append(c.trimmed().toLower());
    if (codings.isEmpty() || codings.last() != "chunked")
        return false;
    for (qsizetype i = 0; i + 1 < codings.size(); ++i) {
        if (codings[i] != "identity" && !codings[i].isEmpty())
            return false;
    }
    out.kind = BodyFraming::Kind::Chunked;
    return true;
}

bool lengthFraming(const HeaderList &headers, BodyFraming &out, bool &present)
{
    const QList<QByteArray> lengths = headers.values("Content-Length");
    present = !lengths.isEmpty();
    if (!present)
        return true;
    qint64 length = -1;
    for (const QByteArray &l : lengths) {
        for (const QByteArray &part : l.split(',')) {
            const QByteArray p = part.trimmed();
            if (p.isEmpty() || !std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; })
                || p.size() > 18)
                return false;
            const qint64 v = p.toLongLong();
            if (length >= 0 && v != length)
                return false;
            length = v;
        }
    }
    out.kind = length > 0 ? BodyFraming::Kind::Length : BodyFraming::Kind::None;
    out.length = length;
    return true;
}

} // namespace

bool requestBodyFraming(const HttpRequestHead &head, BodyFraming &out)
{
    out = {};
    bool hasTe = false, hasLength = false;
    if (!transferFraming(head.headers, out, hasTe))
        return false;
    BodyFraming byLength;
    if (!lengthFraming(head.headers, byLength, hasLength))
        return false;
    if (hasTe && hasLength)
        return false; // request smuggling guard
    if (!hasTe)
        out = byLength;
    return true;
}

bool responseBodyFraming(const HttpResponseHead &head, bool requestWasHead, BodyFraming &out)
{
    out = {};
    if (requestWasHead || head.status / 100 == 1 || head.status == 204 || head.status == 304)
        return true;
    bool hasTe = false, hasLength = false;
    if (!transferFraming(head.headers, out, hasTe)) {
        if (hasTe) {
            out.kind = BodyFraming::Kind::UntilClose;
            return true;
        }
        return false;
    }
    if (hasTe)
        return true;
    if (!lengthFraming(head.headers, out, hasLength))
        return false;
    if (!hasLength)
        out.kind = BodyFraming::Kind::UntilClose;
    return true;
}

void BodyDecoder::reset(const BodyFraming &framing)
{
    m_framing = framing;
    m_payload = 0;
    m_line.clear();
    switch (framing.kind) {
    case BodyFraming::Kind::None:
        m_step = Step::Done;
        break;
    case BodyFraming::Kind::Length:
        m_step = Step::Data;
        m_remaining = framing.length;
        break;
    case BodyFraming::Kind::Chunked:
        m_step = Step::SizeLine;
        break;
    case BodyFraming::Kind::UntilClose:
        m_step = Step::Data;
        m_remaining = -1;
        break;
    }
}

BodyDecoder::State BodyDecoder::feed(QByteArrayView input, qsizetype &consumed, QByteArray &out,
                                     qsizetype maxOut)
{
    consumed = 0;
    qsizetype produced = 0;
    while (m_step != Step::Done) {
        const QByteArrayView rest = input.sliced(consumed);
        switch (m_step) {
        case Step::Data: {
            if (rest.isEmpty() || produced >= maxOut)
                return State::NeedMore;
            qsizetype n = std::min(rest.size(), maxOut - produced);
            if (m_remaining >= 0)
                n = qsizetype(std::min<qint64>(n, m_remaining));
            out.append(rest.first(n));
            produced += n;
            consumed += n;
            m_payload += n;
            if (m_remaining >= 0) {
                m_remaining -= n;
                if (m_remaining == 0) {
                    m_step = m_framing.kind == BodyFraming::Kind::Chunked ? Step::DataEnd
                                                                          : Step::Done;
                }
            }
            break;
        }
        case Step::SizeLine:
        case Step::DataEnd:
        case Step::Trailer: {
            const qsizetype eol = rest.indexOf('\n');
            if (eol < 0) {
                m_line.append(rest);
                consumed += rest.size();
                if (m_line.size() > 4096)
                    return State::Error;
                return State::NeedMore;
            }
            m_line.append(rest.first(eol + 1));
            consumed += eol + 1;
            QByteArray line = m_line;
            m_line.clear();
            if (!line.endsWith("\r\n"))
                return State::Error;
            line.chop(2);
            if (m_step == Step::DataEnd) {
                if (!line.isEmpty())
                    return State::Error;
                m_step = Step::SizeLine;
            } else if (m_step == Step::Trailer) {
                if (line.isEmpty())
                    m_step = Step::Done;
            } else {
                const qsizetype semi = line.indexOf(';');
                const QByteArray hex = (semi >= 0 ? line.left(semi) : line).trimmed();
                bool ok = false;
                const qint64 size = hex.toLongLong(&ok, 16);
                if (!ok || hex.isEmpty() || hex.size() > 15 || size < 0
                    || !std::all_of(hex.begin(), hex.end(), [](char c) { return std::isxdigit(uchar(c)); }))
                    return State::Error;
                if (size == 0) {
                    m_step = Step::Trailer;
                } else {
                    m_remaining = size;
                    m_step = Step::Data;
                }
            }
            break;
        }
        case Step::Done:
            break;
        }
    }
    return State::Done;
}

void stripHopByHop(HeaderList &headers)
{
    const QList<QByteArray> connection = headers.values("Connection");
    for (const QByteArray &value : connection) {
        for (const QByteArray &token : value.split(','))
            headers.remove(token.trimmed());
    }
    static constexpr const char *hop[] = { "Connection", "Keep-Alive", "Proxy-Connection",
                                           "Proxy-Authenticate", "Proxy-Authorization", "TE",
                                           "Trailer", "Transfer-Encoding", "Upgrade" };
    for (const char *name : hop)
        headers.remove(name);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return status < 300 ? "OK" : status < 400 ? "Redirect" : status < 500 ? "Client Error" : "Server Error";
    }
}

} // namespace portico::local
