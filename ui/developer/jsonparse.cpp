// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/jsonparse.h"

#include "ui/developer/jsontreesearch.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonParseError>
#include <QList>
#include <QVarLengthArray>

#include <charconv>
#include <cstring>

namespace portico::ui {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

qsizetype skipSpace(const QByteArray &text, qsizetype i)
{
    while (i < text.size() && isSpace(text.at(i)))
        ++i;
    return i;
}

// The offset just past the string whose opening quote is at `i` (text.size() if unterminated).
qsizetype endOfString(const char *p, qsizetype n, qsizetype i)
{
    for (++i; i < n; ++i) {
        if (p[i] == '\\')
            ++i;
        else if (p[i] == '"')
            return i + 1;
    }
    return n;
}

// The offset just past the scalar at `i`: a string, or a literal or number token.
qsizetype endOfScalar(const QByteArray &text, qsizetype i)
{
    if (i < text.size() && text.at(i) == '"')
        return endOfString(text.constData(), text.size(), i);
    while (i < text.size() && !isSpace(text.at(i)) && text.at(i) != ',' && text.at(i) != ']'
           && text.at(i) != '}' && text.at(i) != '[' && text.at(i) != '{' && text.at(i) != ':'
           && text.at(i) != '"')
        ++i;
    return i;
}

// What Qt's parser reads instead of the user's text, and how to map its offsets back.
class Rewrite
{
public:
    // Bytes inserted before original offset `at`.
    void insert(qsizetype at, qsizetype length) { m_inserts.append({ at, length }); }
    // Original bytes [0, from) are dropped (a byte-order mark before a single value).
    void dropPrefix(qsizetype from) { m_from = from; }

    qsizetype toOriginal(qsizetype rewritten) const
    {
        qsizetype shift = 0;
        for (const auto &[at, length] : m_inserts) {
            const qsizetype start = at - m_from + shift;
            if (rewritten < start)
                break;
            if (rewritten < start + length)
                return at;
            shift += length;
        }
        return rewritten + m_from - shift;
    }

private:
    QList<QPair<qsizetype, qsizetype>> m_inserts;
    qsizetype m_from = 0;
};

// U+FDD0, a noncharacter: it starts a string that stands for a number's source text. A string
// value that itself starts with it gets a second one, removed again when read.
constexpr char16_t marker = 0xFDD0;
constexpr char markerUtf8[] = "\xEF\xB7\x90";

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isNumberByte(char c)
{
    return isDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// Whether Qt's parser would turn the number token into a value that jsonScalarText() shows
// exactly as written. Not a number token by JSON's grammar: true (left to the parser to refuse).
bool readsAsWritten(QByteArrayView token)
{
    const char *p = token.data();
    const qsizetype n = token.size();
    qsizetype i = p[0] == '-' ? 1 : 0;
    const qsizetype intStart = i;
    if (i < n && p[i] == '0')
        ++i;
    else if (i < n && p[i] >= '1' && p[i] <= '9')
        while (i < n && isDigit(p[i]))
            ++i;
    else
        return true;
    const qsizetype intDigits = i - intStart;
    qsizetype fracDigits = 0;
    qsizetype fracStart = i;
    if (i < n && p[i] == '.') {
        fracStart = ++i;
        while (i < n && isDigit(p[i]))
            ++i;
        fracDigits = i - fracStart;
        if (fracDigits == 0)
            return true;
    }
    bool exponent = false;
    if (i < n && (p[i] == 'e' || p[i] == 'E')) {
        exponent = true;
        ++i;
        if (i < n && (p[i] == '+' || p[i] == '-'))
            ++i;
        const qsizetype expStart = i;
        while (i < n && isDigit(p[i]))
            ++i;
        if (i == expStart)
            return true;
    }
    if (i != n)
        return true;

    // Fast answers for the common shapes, without converting anything.
    if (!exponent && fracDigits == 0) {
        // Qt keeps integers as qint64; "-0" reads back as "0".
        if (intDigits <= 18)
            return !(intDigits == 1 && p[intStart] == '0' && intStart == 1);
    } else if (!exponent && p[n - 1] != '0') {
        // Up to 15 significant digits always read back as the same digits (DBL_DIG), and
        // without an exponent unless there are three or more zeros after "0.".
        if (intDigits == 1 && p[intStart] == '0') {
            qsizetype zeros = 0;
            while (zeros < fracDigits && p[fracStart + zeros] == '0')
                ++zeros;
            if (zeros <= 2 && fracDigits - zeros <= 15)
                return true;
        } else if (intDigits + fracDigits <= 15) {
            return true;
        }
    }

    // The rest: convert as Qt's parser does and compare.
    QJsonValue value;
    if (!exponent && fracDigits == 0) {
        qint64 integer = 0;
        const auto [end, ec] = std::from_chars(p, p + n, integer);
        if (ec == std::errc() && end == p + n)
            value = QJsonValue(integer);
    }
    if (value.isUndefined()) {
        double d = 0;
        const auto [end, ec] = std::from_chars(p, p + n, d);
        if (ec != std::errc() || end != p + n)
            return false; // out of double's range: Qt refuses it, the source text is kept
        value = QJsonValue(d);
    }
    return jsonScalarText(value) == QLatin1StringView(p, n);
}

bool startsWithMarker(const char *p, qsizetype n)
{
    if (n >= 3 && std::memcmp(p, markerUtf8, 3) == 0)
        return true;
    return n >= 6 && p[0] == '\\' && p[1] == 'u'
            && QByteArrayView(p + 2, 4).compare("fdd0", Qt::CaseInsensitive) == 0;
}

// Rewrites `text` from `from` on so that numbers Qt would not show as written become marked
// strings, in value positions only (a number as a key stays invalid). Appends to `out` only
// when something changes (then `out` is not null) and records the insertions.
void markNumbers(const QByteArray &text, qsizetype from, QByteArray *out, Rewrite *rewrite)
{
    const char *p = text.constData();
    const qsizetype n = text.size();
    qsizetype copied = from;
    auto insertAt = [&](qsizetype at, QByteArrayView bytes) {
        if (out->isNull())
            out->reserve(n - from + n / 16 + 16);
        out->append(p + copied, at - copied);
        out->append(bytes);
        copied = at;
        rewrite->insert(at, bytes.size());
    };
    QVarLengthArray<char, 64> open;
    bool expectKey = false;
    for (qsizetype i = from; i < n; ++i) {
        switch (p[i]) {
        case '"':
            if (!expectKey && startsWithMarker(p + i + 1, n - i - 1))
                insertAt(i + 1, markerUtf8);
            i = endOfString(p, n, i) - 1;
            break;
        case '{':
            open.append('{');
            expectKey = true;
            break;
        case '[':
            open.append('[');
            expectKey = false;
            break;
        case '}':
        case ']':
            if (!open.isEmpty())
                open.removeLast();
            expectKey = false;
            break;
        case ':': expectKey = false; break;
        case ',': expectKey = !open.isEmpty() && open.back() == '{'; break;
        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9': {
            qsizetype end = i + 1;
            while (end < n && isNumberByte(p[end]))
                ++end;
            if (!expectKey && !readsAsWritten(QByteArrayView(p + i, end - i))) {
                insertAt(i, QByteArrayView("\"" "\xEF\xB7\x90"));
                insertAt(end, "\"");
            }
            i = end - 1;
            break;
        }
        default: break;
        }
    }
    if (!out->isNull())
        out->append(p + copied, n - copied);
}

} // namespace

bool jsonNumberSource(const QJsonValue &value, QString *text)
{
    if (!value.isString())
        return false;
    QString string = value.toString();
    if (string.size() < 2 || string.at(0) != QChar(marker) || string.at(1) == QChar(marker))
        return false;
    if (text)
        *text = string.sliced(1);
    return true;
}

QString jsonStringText(const QJsonValue &value)
{
    QString string = value.toString();
    if (string.startsWith(QChar(marker)))
        string.remove(0, 1); // a doubled marker: the first is ours
    return string;
}

QString jsonCompactText(const QJsonValue &value)
{
    QByteArray json;
    if (value.isObject())
        json = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    else if (value.isArray())
        json = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else if (QString number; jsonNumberSource(value, &number))
        return number;
    else if (value.isString())
        return jsonCompactText(QJsonArray { value }).sliced(1).chopped(1);
    else
        return jsonScalarText(value);
    // Marked strings back to numbers, doubled markers back to one.
    if (!json.contains(markerUtf8))
        return QString::fromUtf8(json);
    QByteArray out;
    out.reserve(json.size());
    const char *p = json.constData();
    const qsizetype n = json.size();
    for (qsizetype i = 0; i < n;) {
        if (p[i] != '"') {
            out.append(p[i++]);
            continue;
        }
        const qsizetype end = endOfString(p, n, i);
        if (end - i >= 5 && std::memcmp(p + i + 1, markerUtf8, 3) == 0) {
            if (end - i >= 8 && std::memcmp(p + i + 4, markerUtf8, 3) == 0)
                out.append('"').append(p + i + 4, end - i - 4); // doubled: a real string
            else
                out.append(p + i + 4, end - i - 5); // a number's source text
        } else {
            out.append(p + i, end - i);
        }
        i = end;
    }
    return QString::fromUtf8(out);
}

QJsonValue JsonParse::root() const
{
    if (singleValue)
        return document.array().at(0);
    if (document.isArray())
        return document.array();
    if (document.isObject())
        return document.object();
    return {};
}

JsonParse parseJson(const QByteArray &text)
{
    JsonParse result;
    const qsizetype bom = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const qsizetype first = skipSpace(text, bom);
    const char c = first < text.size() ? text.at(first) : '\0';
    // Qt 6.4 takes an object or an array only: a single value is read as the one item of an
    // array around it (the byte-order mark, which Qt skips only at the very start, dropped).
    result.singleValue = c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f'
            || c == 'n';
    Rewrite rewrite;
    QByteArray input;
    if (result.singleValue) {
        rewrite.dropPrefix(bom);
        rewrite.insert(bom, 1);
        input.reserve(text.size() - bom + 2);
        input.append('[');
    }
    QByteArray marked;
    markNumbers(text, result.singleValue ? bom : 0, &marked, &rewrite);
    if (result.singleValue) {
        input.append(marked.isNull() ? QByteArrayView(text).sliced(bom) : QByteArrayView(marked));
        input.append(']');
        rewrite.insert(text.size(), 1);
    } else {
        input = marked.isNull() ? text : marked;
    }
    marked.clear();

    QJsonParseError error;
    result.document = QJsonDocument::fromJson(input, &error);
    qsizetype offset = error.error == QJsonParseError::NoError ? -1 : rewrite.toOriginal(error.offset);
    QString message = error.error == QJsonParseError::NoError ? QString() : error.errorString();
    if (result.singleValue
        && (error.error != QJsonParseError::NoError || result.document.array().size() != 1)) {
        // "1, 2" reads as two items and "1 2" fails after the first: when the first value is
        // fine alone, what follows it is the problem.
        const qsizetype end = endOfScalar(text, first);
        const qsizetype after = skipSpace(text, end);
        if (after < text.size()) {
            const JsonParse alone = parseJson(text.sliced(first, end - first));
            if (alone.ok()) {
                message = QJsonParseError { 0, QJsonParseError::GarbageAtEnd }.errorString();
                offset = after;
            } else {
                message = alone.error;
                offset = first + alone.errorOffset;
            }
        }
    }
    if (!message.isEmpty()) {
        result.document = QJsonDocument();
        result.error = message;
        result.errorOffset = qBound<qsizetype>(0, offset, text.size());
    }
    return result;
}

} // namespace portico::ui
