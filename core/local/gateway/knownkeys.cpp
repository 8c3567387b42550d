// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/knownkeys.h"

#include "core/tryit/secretredaction.h"

#include <QStringView>
#include <QVarLengthArray>

#include <algorithm>

namespace portico::local {

namespace {

// How often a token or a delimiter is percent-decoded at most (`%252561` is `a` encoded three
// times).
constexpr int kDecodeRounds = 4;

using Buffer = QVarLengthArray<char, 256>;

char16_t unit(char c) { return uchar(c); }
char16_t unit(QChar c) { return c.unicode(); }

bool isUrlDelimiter(char16_t c)
{
    switch (c) {
    case u'/': case u'?': case u'&': case u'=': case u';': case u',': case u'+':
        return true;
    default:
        return false;
    }
}

bool isWordDelimiter(char16_t c)
{
    switch (c) {
    case u' ': case u'\t': case u'\r': case u'\n': case u'\'': case u'"': case u'`':
    case u'(': case u')': case u'[': case u']': case u'{': case u'}': case u'<': case u'>': case u':':
        return true;
    default:
        return isUrlDelimiter(c);
    }
}

int hexValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

// The length of the delimiter that starts at text[i]: 1 for a raw one, 3 for a percent-encoded
// one (`%3D`), 5 for one encoded twice (`%253D`) and so on; 0 when no delimiter starts there.
template<typename Text, typename IsDelimiter>
qsizetype delimiterAt(Text text, qsizetype i, IsDelimiter isDelimiter)
{
    const char16_t c = unit(text[i]);
    if (isDelimiter(c))
        return 1;
    if (c != u'%')
        return 0;
    qsizetype pos = i + 1;
    for (int round = 0; round < kDecodeRounds; ++round) {
        if (pos + 2 > text.size())
            return 0;
        const int high = hexValue(unit(text[pos]));
        const int low = hexValue(unit(text[pos + 1]));
        if (high < 0 || low < 0)
            return 0;
        const char16_t value = char16_t(high * 16 + low);
        if (isDelimiter(value))
            return pos + 2 - i;
        if (value != u'%')
            return 0;
        pos += 2; // "%25" is an encoded '%': what follows it is encoded once more
    }
    return 0;
}

// Percent-decodes `bytes` in place; false when there was nothing to decode.
bool decodeOnce(Buffer &bytes)
{
    qsizetype out = 0;
    bool changed = false;
    for (qsizetype in = 0; in < bytes.size(); ++in) {
        if (bytes[in] == '%' && in + 2 < bytes.size()) {
            const int high = hexValue(unit(bytes[in + 1]));
            const int low = hexValue(unit(bytes[in + 2]));
            if (high >= 0 && low >= 0) {
                bytes[out++] = char(high * 16 + low);
                in += 2;
                changed = true;
                continue;
            }
        }
        bytes[out++] = bytes[in];
    }
    bytes.resize(out);
    return changed;
}

// Calls `onToken(begin, end)` for every non-empty token of `text` between delimiters.
template<typename Text, typename IsDelimiter, typename OnToken>
void forEachToken(Text text, IsDelimiter isDelimiter, OnToken onToken)
{
    qsizetype begin = 0;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype length = delimiterAt(text, i, isDelimiter);
        if (length == 0) {
            ++i;
            continue;
        }
        if (i > begin)
            onToken(begin, i);
        i += length;
        begin = i;
    }
    if (text.size() > begin)
        onToken(begin, text.size());
}

} // namespace

void KnownKeys::insert(QByteArrayView key)
{
    if (key.isEmpty())
        return;
    m_keys.insert(key.toByteArray().toLower());
    m_shortest = m_shortest == 0 ? key.size() : std::min(m_shortest, key.size());
    m_longest = std::max(m_longest, key.size());
    if (key.size() >= kMinContainedKeyLength) {
        const auto at = std::lower_bound(m_longLengths.begin(), m_longLengths.end(), key.size());
        if (at == m_longLengths.end() || *at != key.size())
            m_longLengths.insert(at, key.size());
    }
}

bool KnownKeys::isKey(QByteArrayView token) const
{
    // Decoding only shortens a token; a token longer than every key can only hold a long one.
    if (token.size() < m_shortest
        || (token.size() > m_longest && m_longLengths.isEmpty() && !token.contains('%')))
        return false;
    Buffer bytes(token.begin(), token.end());
    for (int round = 0; round < kDecodeRounds && decodeOnce(bytes); ++round) {
    }
    if (bytes.size() < m_shortest)
        return false;
    for (char &c : bytes) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    if (bytes.size() <= m_longest && m_keys.contains(QByteArray::fromRawData(bytes.constData(), bytes.size())))
        return true;
    // A long key anywhere inside: one hash look-up per position and distinct long-key length.
    for (const qsizetype length : m_longLengths) {
        if (length >= bytes.size())
            break; // the whole token was looked up above
        for (qsizetype at = 0; at + length <= bytes.size(); ++at) {
            if (m_keys.contains(QByteArray::fromRawData(bytes.constData() + at, length)))
                return true;
        }
    }
    return false;
}

QByteArray KnownKeys::masked(const QByteArray &target) const
{
    if (m_keys.isEmpty())
        return target;
    static const QByteArray mask = core::secretMask.toUtf8();
    const QByteArrayView text(target);
    QByteArray out;
    qsizetype copied = 0;
    bool found = false;
    forEachToken(text, isUrlDelimiter, [&](qsizetype begin, qsizetype end) {
        if (!isKey(text.sliced(begin, end - begin)))
            return;
        out += text.sliced(copied, begin - copied);
        out += mask;
        copied = end;
        found = true;
    });
    if (!found)
        return target;
    out += text.sliced(copied);
    return out;
}

QString KnownKeys::masked(const QString &text) const
{
    if (m_keys.isEmpty())
        return text;
    const QStringView view(text);
    QString out;
    qsizetype copied = 0;
    bool found = false;
    forEachToken(view, isWordDelimiter, [&](qsizetype begin, qsizetype end) {
        const QStringView token = view.sliced(begin, end - begin);
        // UTF-8 takes at least as many bytes as UTF-16 code units, at most three times as many.
        if (token.size() * 3 < m_shortest
            || (token.size() > m_longest && m_longLengths.isEmpty() && !token.contains(u'%')))
            return;
        Buffer bytes;
        bool ascii = true;
        for (const QChar c : token) {
            if (c.unicode() >= 0x80) {
                ascii = false;
                break;
            }
            bytes.append(char(c.unicode()));
        }
        if (!ascii) {
            const QByteArray utf8 = token.toUtf8();
            bytes.clear();
            bytes.append(utf8.constData(), utf8.size());
        }
        if (!isKey(QByteArrayView(bytes.constData(), bytes.size())))
            return;
        out += view.sliced(copied, begin - copied);
        out += core::secretMask;
        copied = end;
        found = true;
    });
    if (!found)
        return text;
    out += view.sliced(copied);
    return out;
}

} // namespace portico::local
