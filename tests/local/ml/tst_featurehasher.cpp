// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// The Feature Hashing algorithm of reference §2.2: murmur3 vectors, VW's hashstring, the worked
// example feature by feature and the seed's bucket counts.

#include "core/local/ml/featurehasher.h"

#include <QTest>

#include <vector>

using portico::local::FeatureHasher;

class tst_FeatureHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void murmur3MatchesPublishedVectors_data();
    void murmur3MatchesPublishedVectors();
    void digitTokensHashToTheirValue_data();
    void digitTokensHashToTheirValue();
    void workedExampleFeatureByFeature_data();
    void workedExampleFeatureByFeature();
    void seedSentenceGivesTheDocumentedCounts();
    void countsDependOnParameters_data();
    void countsDependOnParameters();
    void whitespaceOnlyAndEmptyTextsHaveNoFeatures();
    void countsAreTheFeaturesBucketed_data();
    void countsAreTheFeaturesBucketed();
    void countsMatchTokensHashedOneByOne_data();
    void countsMatchTokensHashedOneByOne();
    void columnNamesAreZeroBased();

private:
    static QList<quint32> counts(const FeatureHasher &hasher, const QByteArray &text);
};

QList<quint32> tst_FeatureHasher::counts(const FeatureHasher &hasher, const QByteArray &text)
{
    std::vector<quint32> buckets(size_t(hasher.bucketCount()), 0);
    hasher.accumulate(text, buckets.data());
    return QList<quint32>(buckets.begin(), buckets.end());
}

void tst_FeatureHasher::murmur3MatchesPublishedVectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<quint32>("expected");
    // From the reference (§2.2) ...
    QTest::newRow("empty, seed 0") << QByteArray() << 0u << 0u;
    QTest::newRow("empty, seed 1") << QByteArray() << 1u << 0x514E28B7u;
    QTest::newRow("abc, seed 0") << QByteArrayLiteral("abc") << 0u << 0xB3DD93FAu;
    QTest::newRow("Hello, world!") << QByteArrayLiteral("Hello, world!") << 0x9747b28cu << 0x24884CBAu;
    // ... and the widely published SMHasher-derived vectors (every tail length).
    QTest::newRow("empty, seed ffffffff") << QByteArray() << 0xffffffffu << 0x81F16F39u;
    QTest::newRow("four zero bytes") << QByteArray(4, '\0') << 0u << 0x2362F9DEu;
    QTest::newRow("aaaa") << QByteArrayLiteral("aaaa") << 0x9747b28cu << 0x5A97808Au;
    QTest::newRow("aaa") << QByteArrayLiteral("aaa") << 0x9747b28cu << 0x283E0130u;
    QTest::newRow("aa") << QByteArrayLiteral("aa") << 0x9747b28cu << 0x5D211726u;
    QTest::newRow("a") << QByteArrayLiteral("a") << 0x9747b28cu << 0x7FA09EA6u;
    QTest::newRow("abcd") << QByteArrayLiteral("abcd") << 0x9747b28cu << 0xF0478627u;
    QTest::newRow("quick brown fox")
        << QByteArrayLiteral("The quick brown fox jumps over the lazy dog") << 0x9747b28cu
        << 0x2FA826CDu;
}

void tst_FeatureHasher::murmur3MatchesPublishedVectors()
{
    QFETCH(QByteArray, input);
    QFETCH(quint32, seed);
    QFETCH(quint32, expected);
    QCOMPARE(FeatureHasher::murmur3(input, seed), expected);
}

void tst_FeatureHasher::digitTokensHashToTheirValue_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<quint64>("expected");
    QTest::newRow("101") << QByteArrayLiteral("101") << quint64(0) << quint64(101);
    QTest::newRow("101 + seed") << QByteArrayLiteral("101") << quint64(7) << quint64(108);
    QTest::newRow("leading zeros") << QByteArrayLiteral("007") << quint64(0) << quint64(7);
    QTest::newRow("not all digits") << QByteArrayLiteral("10a") << quint64(0)
                                    << quint64(FeatureHasher::murmur3("10a", 0));
    QTest::newRow("sign is not a digit") << QByteArrayLiteral("-5") << quint64(0)
                                         << quint64(FeatureHasher::murmur3("-5", 0));
}

void tst_FeatureHasher::digitTokensHashToTheirValue()
{
    QFETCH(QByteArray, token);
    QFETCH(quint64, seed);
    QFETCH(quint64, expected);
    QCOMPARE(FeatureHasher::vwHashString(token, seed), expected);
}

void tst_FeatureHasher::workedExampleFeatureByFeature_data()
{
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("name");
    QTest::addColumn<quint32>("index");
    QTest::addColumn<int>("bucket");
    // Reference §2.2, table "Worked example (bits = 3)".
    QTest::newRow("This") << 0 << u"This"_qs << 0xb2a3281fu << 7;
    QTest::newRow("is") << 1 << u"is"_qs << 0x7882356du << 5;
    QTest::newRow("a") << 2 << u"a"_qs << 0x3c2569b2u << 2;
    QTest::newRow("good") << 3 << u"good"_qs << 0x06e18041u << 1;
    QTest::newRow("day") << 4 << u"day"_qs << 0xe0fe498du << 5;
    QTest::newRow("This^is") << 5 << u"This^is"_qs << 0x69c20010u << 0;
    QTest::newRow("is^a") << 6 << u"is^a"_qs << 0x0769626bu << 3;
    QTest::newRow("a^good") << 7 << u"a^good"_qs << 0xcc0aed2bu << 3;
    QTest::newRow("good^day") << 8 << u"good^day"_qs << 0x241b65cau << 2;
}

void tst_FeatureHasher::workedExampleFeatureByFeature()
{
    QFETCH(int, position);
    QFETCH(QString, name);
    QFETCH(quint32, index);
    QFETCH(int, bucket);
    const FeatureHasher hasher(3, 2);
    const auto features = hasher.features(u"This is a good day"_qs);
    QCOMPARE(features.size(), 9); // 5 unigrams + 4 bigrams
    const auto &feature = features.at(position);
    QCOMPARE(feature.name, name);
    QCOMPARE(feature.index, index);
    QCOMPARE(feature.bucket, bucket);
}

void tst_FeatureHasher::seedSentenceGivesTheDocumentedCounts()
{
    const FeatureHasher hasher(3, 2);
    QCOMPARE(counts(hasher, "This is a good day"), (QList<quint32> { 1, 1, 2, 2, 0, 2, 0, 1 }));
    // Extra whitespace does not make extra tokens.
    QCOMPARE(counts(hasher, "  This\tis a  good day\n"), (QList<quint32> { 1, 1, 2, 2, 0, 2, 0, 1 }));
    // Case is kept: lower-casing gives the documented non-match.
    QCOMPARE(counts(hasher, "this is a good day"), (QList<quint32> { 0, 1, 2, 3, 0, 2, 1, 0 }));
}

void tst_FeatureHasher::countsDependOnParameters_data()
{
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("ngrams");
    QTest::addColumn<QList<quint32>>("expected");
    // Derived from the worked example's indices: unigram buckets only, and a 1-bit mask.
    QTest::newRow("unigrams only (N-grams 1)") << 3 << 1 << QList<quint32> { 0, 1, 1, 0, 0, 2, 0, 1 };
    QTest::newRow("unigrams only (N-grams 0)") << 3 << 0 << QList<quint32> { 0, 1, 1, 0, 0, 2, 0, 1 };
    // bit 0 of the nine indices: 1 1 0 1 1 | 0 1 1 0 -> six odd, three even.
    QTest::newRow("1 bit") << 1 << 2 << QList<quint32> { 3, 6 };
}

void tst_FeatureHasher::countsDependOnParameters()
{
    QFETCH(int, bits);
    QFETCH(int, ngrams);
    QFETCH(QList<quint32>, expected);
    QCOMPARE(counts(FeatureHasher(bits, ngrams), "This is a good day"), expected);
}

void tst_FeatureHasher::whitespaceOnlyAndEmptyTextsHaveNoFeatures()
{
    const FeatureHasher hasher(3, 2);
    QCOMPARE(counts(hasher, ""), QList<quint32>(8, 0));
    QCOMPARE(counts(hasher, " \t "), QList<quint32>(8, 0));
    // Trigrams add n-2 features on top of unigrams and bigrams.
    const FeatureHasher trigrams(10, 3);
    QCOMPARE(trigrams.features(u"a b c d"_qs).size(), 4 + 3 + 2);
    QCOMPARE(trigrams.features(u"a b c d"_qs).last().name, u"b^c^d"_qs);
}

void tst_FeatureHasher::countsAreTheFeaturesBucketed_data()
{
    // accumulate() counts in one pass over the text; features() lists them as VW's
    // generateGrams does (all unigrams, then all bigrams, ...). They must agree for every
    // parameter, on texts longer than any fixed buffer and with digit tokens.
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("ngrams");
    QTest::addColumn<QByteArray>("text");
    QByteArray longText;
    for (int i = 0; i < 600; ++i)
        longText += (i % 7 == 0 ? QByteArray::number(i) : "word" + QByteArray::number(i % 13)) + ' ';
    for (int ngrams : { 0, 1, 2, 3, 4, 10 }) {
        for (int bits : { 1, 3, 20 }) {
            const QByteArray name = "N-grams " + QByteArray::number(ngrams) + ", bits " + QByteArray::number(bits);
            QTest::newRow(QByteArray(name + ", seed sentence").constData()) << bits << ngrams << QByteArray("This is a good day");
            QTest::newRow(QByteArray(name + ", one token").constData()) << bits << ngrams << QByteArray("day");
            QTest::newRow(QByteArray(name + ", 600 tokens").constData()) << bits << ngrams << longText;
        }
    }
}

void tst_FeatureHasher::countsAreTheFeaturesBucketed()
{
    QFETCH(int, bits);
    QFETCH(int, ngrams);
    QFETCH(QByteArray, text);
    const FeatureHasher hasher(bits, ngrams);
    QList<quint32> expected(hasher.bucketCount(), 0);
    for (const FeatureHasher::Feature &feature : hasher.features(QString::fromUtf8(text)))
        ++expected[feature.bucket];
    QCOMPARE(counts(hasher, text), expected);
}

void tst_FeatureHasher::columnNamesAreZeroBased()
{
    QCOMPARE(FeatureHasher::columnName(u"Col2"_qs, 0), u"Col2_HashingFeature.0"_qs);
    QCOMPARE(FeatureHasher::columnName(u"Col2"_qs, 7), u"Col2_HashingFeature.7"_qs);
}

void tst_FeatureHasher::countsMatchTokensHashedOneByOne_data()
{
    // accumulate() tells digit tokens from others as it splits the text; here each token is
    // hashed on its own by vwHashString() and the bigrams combined by hand.
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("digits, mixed, signs") << QByteArray("101 7 abc 10a -5 007 9x 42");
    QTest::newRow("tabs and line breaks") << QByteArray("\t1\n22 \r\v333\f a1 1a ");
    QTest::newRow("long digit token") << QByteArray("12345678901234567890 x 99999999999");
    QTest::newRow("UTF-8 next to digits") << QByteArray("\xC3\xA9" "1 1\xC3\xA9 \xE2\x82\xAC 5");
}

void tst_FeatureHasher::countsMatchTokensHashedOneByOne()
{
    QFETCH(QByteArray, text);
    const FeatureHasher hasher(20, 2);
    QList<quint64> hashes;
    for (const QByteArray &token : text.simplified().split(' '))
        hashes.append(FeatureHasher::vwHashString(token, 0));
    std::vector<quint32> expected(size_t(hasher.bucketCount()), 0);
    for (qsizetype i = 0; i < hashes.size(); ++i) {
        ++expected[quint32(hashes.at(i)) & quint32(hasher.bucketCount() - 1)];
        if (i > 0) {
            const quint64 bigram = hashes.at(i - 1) * FeatureHasher::quadraticConstant + hashes.at(i);
            ++expected[quint32(bigram) & quint32(hasher.bucketCount() - 1)];
        }
    }
    QCOMPARE(counts(hasher, text), QList<quint32>(expected.begin(), expected.end()));
}

QTEST_GUILESS_MAIN(tst_FeatureHasher)
#include "tst_featurehasher.moc"
