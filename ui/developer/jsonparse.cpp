// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/jsonparse.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonParseError>
#include <QList>

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

} // namespace

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
    if (result.singleValue) {
        input.append(QByteArrayView(text).sliced(bom));
        input.append(']');
        rewrite.insert(text.size(), 1);
    } else {
        input = text;
    }

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
