// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace portico::local {

// The classic AzureML "Feature Hashing" module as Vowpal Wabbit computes it (reference
// azureml-protocol.md §2.2): whitespace tokens, VW hashstring with seed 0 (MurmurHash3_x86_32,
// or int(token) for all-digit tokens), n-grams combined with VW's quadratic constant, the index
// ANDed with (2^bits)-1, and the count of features per bucket.
//
// Pure and reentrant: one instance may be used from several threads at once.
class FeatureHasher final
{
public:
    static constexpr int minBits = 1;
    static constexpr int maxBits = 20;
    static constexpr int minNgrams = 0;
    static constexpr int maxNgrams = 10;

    // bits in [minBits, maxBits], ngrams in [minNgrams, maxNgrams]; N-grams 0 and 1 both mean
    // unigrams only, as in VW (n-grams are generated for n = 1 .. ngrams-1).
    FeatureHasher(int bits, int ngrams);

    int bits() const { return m_bits; }
    int ngrams() const { return m_ngrams; }
    int bucketCount() const { return 1 << m_bits; }

    struct Feature
    {
        QString name;     // "This", "This^is", ...
        quint32 index;    // the 32-bit index before masking
        int bucket;
    };
    // Every feature of one text, unigrams first, then bigrams, trigrams ...; for tests and for
    // explaining a result.
    QList<Feature> features(const QString &text) const;

    // Adds the feature counts of UTF-8 `text` into counts[0 .. bucketCount()-1]. The hot path:
    // one pass over the text, no allocation.
    void accumulate(QByteArrayView utf8, quint32 *counts) const;

    // The name of output column `bucket` for input column `column`: "Col2_HashingFeature.0".
    static QString columnName(const QString &column, int bucket);

    // MurmurHash3_x86_32 of `data` with `seed`.
    static quint32 murmur3(QByteArrayView data, quint32 seed);
    // VW's hashstring in its default "strings" mode: all-digit tokens hash to their value plus
    // the seed, everything else to murmur3.
    static quint64 vwHashString(QByteArrayView token, quint64 seed);
    static constexpr quint64 quadraticConstant = 27942141;

private:
    template <typename Visit>
    void forEachIndex(const quint64 *tokenHashes, qsizetype count, Visit &&visit) const;

    int m_bits;
    int m_ngrams;
    quint32 m_mask;
};

} // namespace portico::local
