// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/knownkeys.h"

#include "core/local/gateway/httpmessage.h"
#include "core/tryit/secretredaction.h"

#include <QVarLengthArray>

#include <algorithm>
#include <array>

namespace portico::local {

namespace {

// How often a text is percent-decoded at most (`%252561` is `a` encoded three times).
constexpr int kDecodeRounds = 4;
// The multiplier of the polynomial rolling hash (odd, so that no byte's weight vanishes mod 2^64).
constexpr quint64 kBase = 0x100000001b3ULL;

using Bytes = QVarLengthArray<char, 256>;
using Offsets = QVarLengthArray<qsizetype, 256>;

struct Delimiters
{
    std::array<bool, 256> is {};
    bool operator()(char c) const { return is[uchar(c)]; }
};

constexpr Delimiters makeDelimiters(bool words)
{
    Delimiters d;
    for (const char c : { '/', '?', '&', '=', ';', ',', '+' })
        d.is[uchar(c)] = true;
    if (words) {
        for (const char c : { ' ', '\t', '\r', '\n', '\'', '"', '`', '(', ')', '[', ']', '{', '}', '<', '>',
                              ':', '.', '!' })
            d.is[uchar(c)] = true;
    }
    return d;
}

constexpr Delimiters kUrlDelimiters = makeDelimiters(false);
constexpr Delimiters kWordDelimiters = makeDelimiters(true);

// How a key and a text are compared: ASCII case-insensitively, '+' (a space in a query) and ' '
// alike.
char fold(char c)
{
    if (c >= 'A' && c <= 'Z')
        return char(c - 'A' + 'a');
    return c == ' ' ? '+' : c;
}

// An ASCII letter or digit (folded): a short key is masked only where it cuts no run of these.
bool isWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// The length of the delimiter that starts at text[i] as sent: 1 for a raw one, 3 for a
// percent-encoded one (`%3D`), 5 for one encoded twice (`%253D`) and so on; 0 when no delimiter
// starts there.
qsizetype delimiterAt(QByteArrayView text, qsizetype i, const Delimiters &isDelimiter)
{
    if (isDelimiter(fold(text[i])))
        return 1;
    if (text[i] != '%')
        return 0;
    qsizetype pos = i + 1;
    for (int round = 0; round < kDecodeRounds; ++round) {
        if (pos + 2 > text.size())
            return 0;
        const int high = hexDigitValue(text[pos]);
        const int low = hexDigitValue(text[pos + 1]);
        if (high < 0 || low < 0)
            return 0;
        const char value = fold(char(high * 16 + low)); // a space as '+', as matching has it
        if (isDelimiter(value))
            return pos + 2 - i;
        if (value != '%')
            return 0;
        pos += 2; // "%25" is an encoded '%': what follows it is encoded once more
    }
    return 0;
}

// A text folded, decoded `round` times: byte i stands for text[begin[i], begin[i + 1]) as sent.
struct Level
{
    Bytes bytes;
    Offsets begin; // bytes.size() + 1 entries
};

// Percent-decodes `level` once in place; false when there was nothing to decode.
bool decodeOnce(Level &level)
{
    Bytes &bytes = level.bytes;
    qsizetype out = 0;
    bool changed = false;
    for (qsizetype in = 0; in < bytes.size(); ++in) {
        level.begin[out] = level.begin[in];
        if (bytes[in] == '%' && in + 2 < bytes.size()) {
            const int high = hexDigitValue(bytes[in + 1]);
            const int low = hexDigitValue(bytes[in + 2]);
            if (high >= 0 && low >= 0) {
                bytes[out++] = fold(char(high * 16 + low));
                in += 2;
                changed = true;
                continue;
            }
        }
        bytes[out++] = bytes[in];
    }
    level.begin[out] = level.begin[bytes.size()];
    bytes.resize(out);
    level.begin.resize(out + 1);
    return changed;
}

quint64 windowHash(const char *bytes, qsizetype length)
{
    quint64 h = 0;
    for (qsizetype i = 0; i < length; ++i)
        h = h * kBase + uchar(bytes[i]);
    return h;
}

// A hash's bit in a filter of 2^bits bits.
qsizetype filterBit(quint64 hash, int bits)
{
    return qsizetype((hash * 0x9e3779b97f4a7c15ULL) >> (64 - bits));
}

void filterAdd(QList<quint64> &filter, int bits, quint64 hash)
{
    const qsizetype bit = filterBit(hash, bits);
    filter[bit >> 6] |= quint64(1) << (bit & 63);
}

bool filterHas(const QList<quint64> &filter, int bits, quint64 hash)
{
    const qsizetype bit = filterBit(hash, bits);
    return (filter[bit >> 6] >> (bit & 63)) & 1;
}

} // namespace

void KnownKeys::insert(QByteArrayView key)
{
    if (key.isEmpty())
        return;
    QByteArray folded(key.size(), Qt::Uninitialized);
    std::transform(key.begin(), key.end(), folded.begin(), fold);
    if (m_keys.contains(folded))
        return;
    m_keys.insert(folded);
    auto group = std::lower_bound(m_groups.begin(), m_groups.end(), folded.size(),
                                  [](const LengthGroup &g, qsizetype length) { return g.length < length; });
    if (group == m_groups.end() || group->length != folded.size()) {
        LengthGroup added;
        added.length = folded.size();
        for (qsizetype i = 1; i < added.length; ++i)
            added.power *= kBase;
        group = m_groups.insert(group, added);
    }
    group->hashes.append(windowHash(folded.constData(), folded.size()));
    if (group->hashes.size() * 16 > (qsizetype(1) << group->filterBits)) {
        // Twice the size, filled again: amortised constant per key.
        ++group->filterBits;
        group->filter = QList<quint64>(qsizetype(1) << (group->filterBits - 6), 0);
        for (const quint64 hash : std::as_const(group->hashes))
            filterAdd(group->filter, group->filterBits, hash);
    } else {
        filterAdd(group->filter, group->filterBits, group->hashes.last());
    }
}

QList<KnownKeys::Span> KnownKeys::spans(QByteArrayView text, bool words) const
{
    QList<Span> merged;
    if (m_groups.isEmpty() || text.size() < m_groups.first().length)
        return merged;
    const Delimiters &isDelimiter = words ? kWordDelimiters : kUrlDelimiters;
    Level level;
    level.bytes.resize(text.size());
    level.begin.resize(text.size() + 1);
    for (qsizetype i = 0; i < text.size(); ++i) {
        level.bytes[i] = fold(text[i]);
        level.begin[i] = i;
    }
    level.begin[text.size()] = text.size();
    const auto isKey = [&](qsizetype at, qsizetype length) {
        return m_keys.contains(QByteArray::fromRawData(level.bytes.constData() + at, length));
    };
    // reach[i]: the end (as sent) of the furthest match that starts at text[i], 0 when none. A
    // match found again in a later round, or overlapping another, costs nothing more.
    Offsets reach(text.size());
    std::fill(reach.begin(), reach.end(), 0);
    bool any = false;
    const auto found = [&](qsizetype at, qsizetype end) {
        const qsizetype begin = level.begin[at];
        reach[begin] = std::max(reach[begin], level.begin[end]);
        any = true;
    };
    for (int round = 0;; ++round) {
        const Bytes &t = level.bytes;
        const qsizetype n = t.size();
        for (const LengthGroup &group : m_groups) {
            const qsizetype length = group.length;
            if (length > n)
                break;
            if (length < kMinContainedKeyLength) {
                // Only where the match cuts no run of ASCII letters and digits in two: another
                // byte (or the end) on each side, or the key's own first (last) byte is one.
                for (qsizetype at = 0; at + length <= n; ++at) {
                    if (at > 0 && isWordByte(t[at - 1]) && isWordByte(t[at]))
                        continue;
                    const qsizetype end = at + length;
                    if (end < n && isWordByte(t[end]) && isWordByte(t[end - 1]))
                        continue;
                    if (isKey(at, length))
                        found(at, end);
                }
                continue;
            }
            quint64 h = windowHash(t.constData(), length);
            for (qsizetype at = 0;; ++at) {
                if (filterHas(group.filter, group.filterBits, h) && isKey(at, length))
                    found(at, at + length);
                if (at + length == n)
                    break;
                h = (h - uchar(t[at]) * group.power) * kBase + uchar(t[at + length]);
            }
        }
        if (round == kDecodeRounds || !text.contains('%') || !decodeOnce(level))
            break;
    }
    if (!any)
        return merged;

    // Where a match widens to, as sent: one that starts at text[i] to opens[i], one that ends
    // with text[i] to closes[i]. Inside a part, that is the part's start (end); inside a
    // delimiter, the delimiter's.
    const qsizetype n = text.size();
    Offsets opens(n);
    Offsets closes(n);
    QVarLengthArray<bool, 256> inDelimiter(n);
    for (qsizetype i = 0, partStart = 0; i < n;) {
        const qsizetype length = delimiterAt(text, i, isDelimiter);
        if (length == 0) {
            inDelimiter[i] = false;
            opens[i++] = partStart;
            continue;
        }
        for (qsizetype j = i; j < i + length; ++j) {
            inDelimiter[j] = true;
            opens[j] = i;
            closes[j] = i + length;
        }
        i += length;
        partStart = i;
    }
    for (qsizetype i = n - 1; i >= 0; --i) {
        if (!inDelimiter[i])
            closes[i] = i + 1 < n && !inDelimiter[i + 1] ? closes[i + 1] : i + 1;
    }
    // Overlapping matches merged first, then widened, then merged again where they now touch.
    for (qsizetype begin = 0; begin < n;) {
        if (reach[begin] == 0) {
            ++begin;
            continue;
        }
        qsizetype end = reach[begin];
        for (qsizetype i = begin + 1; i < end; ++i)
            end = std::max(end, reach[i]);
        const Span widened { opens[begin], closes[end - 1] };
        if (!merged.isEmpty() && widened.first <= merged.last().second)
            merged.last().second = std::max(merged.last().second, widened.second);
        else
            merged.append(widened);
        begin = end;
    }
    return merged;
}

QByteArray KnownKeys::masked(const QByteArray &target) const
{
    const QList<Span> found = spans(target, false);
    if (found.isEmpty())
        return target;
    static const QByteArray mask = core::secretMask.toUtf8();
    const QByteArrayView text(target);
    QByteArray out;
    qsizetype copied = 0;
    for (const auto &[begin, end] : found) {
        out += text.sliced(copied, begin - copied);
        out += mask;
        copied = end;
    }
    out += text.sliced(copied);
    return out;
}

QString KnownKeys::masked(const QString &text) const
{
    if (m_keys.isEmpty() || text.isEmpty())
        return text;
    // Searched as UTF-8 (what keys are compared in); unit[i] is the UTF-16 index byte i came
    // from, so that the text is cut only between characters (a lone surrogate, which no key
    // holds, stays as it was).
    QByteArray utf8;
    Offsets unit;
    utf8.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            utf8 += char(c);
            unit.append(i);
            continue;
        }
        const bool pair = QChar::isHighSurrogate(c) && i + 1 < text.size()
                          && QChar::isLowSurrogate(text[i + 1].unicode());
        const QByteArray encoded = QChar::isSurrogate(c) && !pair
                                       ? QByteArray(1, char(0xff))
                                       : QStringView(text).sliced(i, pair ? 2 : 1).toUtf8();
        for (qsizetype b = 0; b < encoded.size(); ++b)
            unit.append(i);
        utf8 += encoded;
        if (pair)
            ++i;
    }
    unit.append(text.size());
    const QList<Span> found = spans(utf8, true);
    if (found.isEmpty())
        return text;
    const QStringView view(text);
    QString out;
    qsizetype copied = 0;
    for (auto [begin, end] : found) {
        while (end < utf8.size() && unit[end] == unit[end - 1])
            ++end; // the rest of a character the match ends in
        out += view.sliced(copied, std::max(unit[begin], copied) - copied);
        out += core::secretMask;
        copied = unit[end];
    }
    out += view.sliced(copied);
    return out;
}

} // namespace portico::local
