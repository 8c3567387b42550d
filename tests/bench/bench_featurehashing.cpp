// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// Feature-hashing throughput on short review-length texts, next to the reference measured in
// the same run: one MurmurHash3 over each whole text (the least any hashing of the row costs).

#include "core/local/ml/featurehasher.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <vector>

using portico::local::FeatureHasher;

class bench_FeatureHashing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashingThroughput();
};

void bench_FeatureHashing::hashingThroughput()
{
    static const char *const words[] = { "the", "product", "works", "great", "but", "battery", "life",
                                         "is", "short", "and", "I", "would", "not", "buy", "it", "again",
                                         "excellent", "value", "for", "money", "arrived", "late", "5",
                                         "stars", "disappointed", "quality", "good", "day", "This", "a" };
    QRandomGenerator random(7);
    const int rows = 500000;
    std::vector<QByteArray> texts;
    texts.reserve(rows);
    qint64 bytes = 0;
    for (int r = 0; r < rows; ++r) {
        QByteArray text;
        const int length = 8 + int(random.bounded(18)); // 8..25 words, ~40..150 bytes
        for (int w = 0; w < length; ++w) {
            if (w)
                text += ' ';
            text += words[random.bounded(int(std::size(words)))];
        }
        bytes += text.size();
        texts.push_back(text);
    }

    const FeatureHasher hasher(3, 2);
    std::vector<quint32> counts(size_t(hasher.bucketCount()));
    quint64 sink = 0;
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray &text : texts) {
        std::fill(counts.begin(), counts.end(), 0);
        hasher.accumulate(text, counts.data());
        sink += counts[0];
    }
    const double hashingSeconds = timer.nsecsElapsed() / 1e9;

    timer.restart();
    for (const QByteArray &text : texts)
        sink += FeatureHasher::murmur3(text, 0) & 1;
    const double referenceSeconds = timer.nsecsElapsed() / 1e9;
    QVERIFY(sink > 0);

    const double rowsPerSecond = rows / hashingSeconds;
    const double referenceRowsPerSecond = rows / referenceSeconds;
    qInfo("feature hashing (bits 3, N-grams 2): %d rows, %.1f bytes/row avg: %.0f rows/s (%.1f MB/s)", rows,
          double(bytes) / rows, rowsPerSecond, bytes / hashingSeconds / 1e6);
    qInfo("reference, one murmur3 per whole text: %.0f rows/s", referenceRowsPerSecond);
    qInfo("ratio (time hashing / time reference): %.2fx", hashingSeconds / referenceSeconds);
}

QTEST_GUILESS_MAIN(bench_FeatureHashing)
#include "bench_featurehashing.moc"
