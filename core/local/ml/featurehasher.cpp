// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/ml/featurehasher.h"

#include <QStringList>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cstring>

namespace portico::local {

namespace {

inline quint32 rotl32(quint32 x, int r)
{
    return (x << r) | (x >> (32 - r));
}

// What the tokenizer needs to know of a byte, looked up once per byte.
enum ByteClass : quint8 { Other = 0, Space = 1, Digit = 2 };

constexpr std::array<quint8, 256> byteClasses = [] {
    std::array<quint8, 256> classes {};
    for (char c : { ' ', '\t', '\n', '\r', '\v', '\f' })
        classes[quint8(c)] = Space;
    for (int c = '0'; c <= '9'; ++c)
        classes[c] = Digit;
    return classes;
}();

// Splits UTF-8 text on ASCII whitespace; calls token(begin, length, allDigits) for each token.
template <typename Token>
void tokenize(QByteArrayView text, Token &&token)
{
    const auto *p = reinterpret_cast<const quint8 *>(text.data());
    const auto *const end = p + text.size();
    while (p < end) {
        while (p < end && byteClasses[*p] == Space)
            ++p;
        const auto *start = p;
        quint8 digits = Digit; // stays Digit while every byte is one
        for (quint8 c; p < end && (c = byteClasses[*p]) != Space; ++p)
            digits &= c;
        if (p > start)
            token(QByteArrayView(start, p - start), digits == Digit);
    }
}

inline quint32 murmur3Inline(const quint8 *bytes, qsizetype length, quint32 seed)
{
    const qsizetype blocks = length / 4;
    quint32 h1 = seed;
    constexpr quint32 c1 = 0xcc9e2d51;
    constexpr quint32 c2 = 0x1b873593;

    for (qsizetype i = 0; i < blocks; ++i) {
        quint32 k1;
        std::memcpy(&k1, bytes + i * 4, 4); // x86 reads blocks little-endian
        if constexpr (Q_BYTE_ORDER == Q_BIG_ENDIAN)
            k1 = qFromLittleEndian(k1);
        k1 *= c1;
        k1 = rotl32(k1, 15);
        k1 *= c2;
        h1 ^= k1;
        h1 = rotl32(h1, 13);
        h1 = h1 * 5 + 0xe6546b64;
    }

    const quint8 *tail = bytes + blocks * 4;
    quint32 k1 = 0;
    switch (length & 3) {
    case 3:
        k1 ^= quint32(tail[2]) << 16;
        [[fallthrough]];
    case 2:
        k1 ^= quint32(tail[1]) << 8;
        [[fallthrough]];
    case 1:
        k1 ^= tail[0];
        k1 *= c1;
        k1 = rotl32(k1, 15);
        k1 *= c2;
        h1 ^= k1;
    }

    h1 ^= quint32(length);
    h1 ^= h1 >> 16;
    h1 *= 0x85ebca6b;
    h1 ^= h1 >> 13;
    h1 *= 0xc2b2ae35;
    h1 ^= h1 >> 16;
    return h1;
}

// VW's hashstring of a token known to be all digits, or not.
inline quint64 hashToken(QByteArrayView token, bool allDigits, quint64 seed)
{
    if (!allDigits)
        return murmur3Inline(reinterpret_cast<const quint8 *>(token.data()), token.size(), quint32(seed));
    quint64 value = 0;
    for (char c : token)
        value = value * 10 + quint64(c - '0');
    return value + seed;
}

} // namespace

FeatureHasher::FeatureHasher(int bits, int ngrams)
    : m_bits(std::clamp(bits, minBits, maxBits))
    , m_ngrams(std::clamp(ngrams, minNgrams, maxNgrams))
    , m_mask((quint32(1) << m_bits) - 1)
{
}

quint32 FeatureHasher::murmur3(QByteArrayView data, quint32 seed)
{
    return murmur3Inline(reinterpret_cast<const quint8 *>(data.data()), data.size(), seed);
}

quint64 FeatureHasher::vwHashString(QByteArrayView token, quint64 seed)
{
    const bool allDigits = !token.isEmpty()
        && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
    return hashToken(token, allDigits, seed);
}

template <typename Visit>
void FeatureHasher::forEachIndex(const quint64 *hashes, qsizetype count, Visit &&visit) const
{
    for (qsizetype i = 0; i < count; ++i)
        visit(hashes[i], i, 1);
    // VW generateGrams: for n = 1 .. ngram-1, add (n+1)-grams over the original unigrams.
    for (int n = 1; n < m_ngrams; ++n) {
        for (qsizetype i = 0; i + n < count; ++i) {
            quint64 index = hashes[i];
            for (int j = 1; j <= n; ++j)
                index = index * quadraticConstant + hashes[i + j];
            visit(index, i, n + 1);
        }
    }
}

void FeatureHasher::accumulate(QByteArrayView utf8, quint32 *counts) const
{
    // The same indexes as forEachIndex(), in another order (counts do not depend on it), in
    // one pass: the (k+1)-gram ending at a token is the k-gram ending at the token before it,
    // times the quadratic constant, plus the token's hash. ending[k] holds the (k+1)-gram
    // ending at the previous token.
    const int longest = std::max(m_ngrams - 1, 0); // VW adds 2- .. ngrams-grams
    std::array<quint64, maxNgrams> ending {};
    int previous = 0; // tokens so far, up to `longest`
    tokenize(utf8, [&](QByteArrayView token, bool allDigits) {
        const quint64 hash = hashToken(token, allDigits, 0);
        for (int k = previous; k >= 1; --k) {
            const quint64 gram = ending[k - 1] * quadraticConstant + hash;
            ++counts[quint32(gram) & m_mask];
            ending[k] = gram;
        }
        ++counts[quint32(hash) & m_mask];
        ending[0] = hash;
        previous = std::min(previous + 1, longest);
    });
}

QList<FeatureHasher::Feature> FeatureHasher::features(const QString &text) const
{
    const QByteArray utf8 = text.toUtf8();
    QList<QByteArrayView> tokens;
    QList<quint64> hashes;
    tokenize(utf8, [&](QByteArrayView token, bool allDigits) {
        tokens.append(token);
        hashes.append(hashToken(token, allDigits, 0));
    });
    QList<Feature> result;
    forEachIndex(hashes.constData(), hashes.size(), [&](quint64 index, qsizetype first, int length) {
        QStringList parts;
        for (int k = 0; k < length; ++k)
            parts.append(QString::fromUtf8(tokens.at(first + k)));
        result.append(Feature { parts.join(u'^'), quint32(index), int(quint32(index) & m_mask) });
    });
    return result;
}

QString FeatureHasher::columnName(const QString &column, int bucket)
{
    return column + u"_HashingFeature."_qs + QString::number(bucket);
}

} // namespace portico::local
