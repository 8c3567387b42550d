// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// Feature-hashing throughput on short review-length texts, next to the reference measured in
// the same run: one MurmurHash3 over each whole text (the least any hashing of the row costs).
// Also the BES job's record path (BesRecordHasher: read a 4 MiB run of CSV records, hash column
// Col2, write the output lines) on the rows of bench_besendtoend, next to the console's CSV
// reader only reading the same run (core::CsvReader, no hashing and no output).

#include "core/common/csvreader.h"
#include "core/local/ml/besrecordhasher.h"
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
    void besRecordThroughput();
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

void bench_FeatureHashing::besRecordThroughput()
{
    // bench_besendtoend's input: "Col1,Col2" rows of five reviews, two of them quoted, each
    // followed by the row number; cut into runs of about 4 MiB as the BES runner cuts them.
    static const char *const reviews[] = { "This is a good day", "great product, works as described",
                                           "battery life is short and I would not buy it again",
                                           "excellent value for money", "arrived late but \"quality\" is fine" };
    const int rows = 1000000;
    std::vector<QByteArray> runs(1);
    for (int r = 0; r < rows; ++r) {
        const QByteArray text = reviews[r % 5];
        const bool quote = text.contains(',') || text.contains('"');
        QByteArray &run = runs.back();
        run += QByteArray::number(r % 5 + 1) + ',';
        run += quote ? '"' + QByteArray(text).replace("\"", "\"\"") + '"' : text;
        run += ' ' + QByteArray::number(r) + '\n';
        if (run.size() >= 4 * 1024 * 1024)
            runs.emplace_back();
    }
    qint64 inputBytes = 0;
    for (const QByteArray &run : runs)
        inputBytes += run.size();

    const FeatureHasher hasher(3, 2);
    qint64 records = 0, outputBytes = 0;
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray &run : runs) {
        const auto output = portico::local::BesRecordHasher::hash(run, 1, hasher);
        records += output.records;
        outputBytes += output.csv.size();
    }
    const double hashingSeconds = timer.nsecsElapsed() / 1e9;
    QCOMPARE(records, rows);

    qint64 read = 0;
    timer.restart();
    for (const QByteArray &run : runs) {
        portico::core::CsvReader reader([&](const QList<QByteArray> &, int) { ++read; },
                                        portico::core::CsvReader::Position::MidStream);
        reader.feed(run);
        QVERIFY(reader.finish());
    }
    const double referenceSeconds = timer.nsecsElapsed() / 1e9;
    QCOMPARE(read, rows);

    qInfo("BES records (Col2, bits 3, N-grams 2): %d rows, %.1f MB in, %.1f MB out, in %zu runs: "
          "%.0f rows/s (%.1f MB/s of input) on one thread", rows, inputBytes / 1e6,
          outputBytes / 1e6, runs.size(), rows / hashingSeconds, inputBytes / hashingSeconds / 1e6);
    qInfo("reference, core::CsvReader reading the same runs: %.0f rows/s", rows / referenceSeconds);
    qInfo("ratio (time BES records / time reading): %.2fx", hashingSeconds / referenceSeconds);
}

QTEST_GUILESS_MAIN(bench_FeatureHashing)
#include "bench_featurehashing.moc"
