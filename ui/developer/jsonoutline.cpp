// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/jsonoutline.h"

#include "ui/developer/jsonparse.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstring>

namespace portico::ui {

namespace {

class Scanner
{
public:
    explicit Scanner(QByteArrayView text) : m_p(text.data()), m_end(text.data() + text.size()) { }

    bool atEnd() const { return m_p >= m_end; }
    char peek() const { return m_p < m_end ? *m_p : '\0'; }
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool take(char c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_p;
        return true;
    }
    // A string token at the cursor (which is on its opening quote), decoded.
    bool string(QString *out)
    {
        const char *begin = m_p;
        if (!skipString())
            return false;
        // Decoding through the JSON parser handles every escape exactly as the full parse will.
        const QByteArray wrapped = '[' + QByteArray(begin, m_p - begin) + ']';
        const QJsonDocument doc = QJsonDocument::fromJson(wrapped);
        if (!doc.isArray())
            return false;
        *out = doc.array().at(0).toString();
        return true;
    }
    // A value at the cursor: containers are skipped and stand as empty ones.
    bool value(QJsonValue *out)
    {
        skipSpace();
        const char c = peek();
        if (c == '{' || c == '[') {
            if (!skipContainer())
                return false;
            *out = c == '{' ? QJsonValue(QJsonObject()) : QJsonValue(QJsonArray());
            return true;
        }
        const char *begin = m_p;
        if (c == '"') {
            if (!skipString())
                return false;
        } else {
            while (m_p < m_end && *m_p != ',' && *m_p != '}' && *m_p != ']' && *m_p != ' '
                   && *m_p != '\n' && *m_p != '\r' && *m_p != '\t')
                ++m_p;
        }
        // Read as the full parse reads it (numbers keep their source text).
        const JsonParse parsed = parseJson(QByteArray(begin, m_p - begin));
        if (!parsed.ok() || !parsed.singleValue)
            return false;
        *out = parsed.root();
        return true;
    }

private:
    bool skipString()
    {
        ++m_p; // the opening quote
        while (m_p < m_end) {
            const char *quote = static_cast<const char *>(std::memchr(m_p, '"', size_t(m_end - m_p)));
            if (!quote)
                return false;
            // Escaped when preceded by an odd number of backslashes.
            qsizetype backslashes = 0;
            for (const char *b = quote - 1; b >= m_p && *b == '\\'; --b)
                ++backslashes;
            m_p = quote + 1;
            if (backslashes % 2 == 0)
                return true;
        }
        return false;
    }
    bool skipContainer()
    {
        qsizetype depth = 0;
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == '"') {
                if (!skipString())
                    return false;
                continue;
            }
            ++m_p;
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return true;
            }
        }
        return false;
    }

    const char *m_p;
    const char *m_end;
};

} // namespace

void scanJsonOutline(QByteArrayView text, const std::function<void(const QJsonDocument &outline)> &report,
                     qsizetype maxEntries)
{
    Scanner scan(text);
    if (text.startsWith("\xEF\xBB\xBF"))
        scan = Scanner(text.sliced(3));
    scan.skipSpace();
    const char open = scan.peek();
    if (open != '{' && open != '[')
        return;
    scan.take(open);
    QJsonObject object;
    QJsonArray array;
    auto outline = [&] { return open == '{' ? QJsonDocument(object) : QJsonDocument(array); };
    bool reported = false;
    qsizetype entries = 0;
    while (entries < maxEntries) {
        scan.skipSpace();
        if (scan.peek() == (open == '{' ? '}' : ']'))
            break;
        if (entries > 0 && !scan.take(','))
            return; // not valid JSON: the full parse says where
        scan.skipSpace();
        QJsonValue value;
        if (open == '{') {
            QString key;
            if (scan.peek() != '"' || !scan.string(&key) || !scan.take(':'))
                return;
            // A container's key is shown as soon as it is known: its value may be most of the text.
            scan.skipSpace();
            const char first = scan.peek();
            if (!reported && (first == '{' || first == '[')) {
                object.insert(key, first == '{' ? QJsonValue(QJsonObject()) : QJsonValue(QJsonArray()));
                report(outline());
                reported = true;
            }
            if (!scan.value(&value))
                return;
            object.insert(key, value);
            if (!reported) {
                report(outline());
                reported = true;
            }
        } else {
            if (!scan.value(&value))
                return;
            array.append(value);
            if (!reported) {
                report(outline());
                reported = true;
            }
        }
        ++entries;
    }
    report(outline());
}

} // namespace portico::ui
