// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// BES jobs cut their input into runs of whole records and parse the runs in parallel: the runs
// must hold exactly the records one reader sees over the whole input, however the bytes arrive
// and however small the runs are.

#include "core/local/ml/besrecordhasher.h"
#include "core/common/csvreader.h"
#include "core/local/ml/csvsplitter.h"
#include "core/local/ml/featurehasher.h"

#include <QTest>

#include <limits>

using portico::local::BesRecordHasher;
using portico::core::CsvReader;
using portico::local::CsvSplitter;
using portico::local::FeatureHasher;

namespace {

using Records = QList<QList<QByteArray>>;

CsvReader::RecordHandler collect(Records &records)
{
    return [&records](const QList<QByteArray> &fields, int count) { records.append(fields.first(count)); };
}

Records readWhole(const QByteArray &csv)
{
    Records records;
    CsvReader reader(collect(records), CsvReader::Position::MidStream);
    reader.feed(csv);
    (void)reader.finish();
    return records;
}

// Splits `csv` arriving in pieces of pieceSize into runs (the rest after the last cut is the
// last run), then reads each run with its own reader.
Records readInRuns(const QByteArray &csv, int pieceSize, qint64 runBytes, int *runs, qint64 *header,
                   qint64 recordCost = 0, qint64 maxWeight = std::numeric_limits<qint64>::max())
{
    CsvSplitter splitter(runBytes, recordCost, maxWeight);
    QList<qint64> cuts;
    for (qsizetype i = 0; i < csv.size(); i += pieceSize)
        cuts += splitter.feed(QByteArrayView(csv).sliced(i, qMin<qsizetype>(pieceSize, csv.size() - i)));
    *header = splitter.firstRecordEnd();
    cuts.append(csv.size());
    Records records;
    qint64 from = 0;
    *runs = 0;
    for (qint64 cut : cuts) {
        if (cut <= from)
            continue;
        CsvReader reader(collect(records), CsvReader::Position::MidStream);
        reader.feed(QByteArrayView(csv).sliced(from, cut - from));
        (void)reader.finish();
        from = cut;
        ++*runs;
    }
    return records;
}

} // namespace

class tst_CsvSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsHoldTheSameRecords_data();
    void runsHoldTheSameRecords();
    void cutsAreSpacedByTheRunSize();
    void wideRecordsEndRunsEarly();
    void firstRunsGrowToTheRunSize();
    void unterminatedQuoteIsSeen();
    void hashedRunsMatchRowByRowHashing();
};

void tst_CsvSplitter::runsHoldTheSameRecords_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<qint64>("header"); // where the first non-blank record ends
    QTest::newRow("plain LF") << QByteArray("Col1,Col2\n5,This is a good day\n6,b\n") << qint64(10);
    QTest::newRow("CRLF, no final newline") << QByteArray("Col2\r\na b\r\nc") << qint64(5);
    QTest::newRow("lone CR") << QByteArray("Col2\ra\rb\r") << qint64(5);
    QTest::newRow("quoted line breaks and commas")
        << QByteArray("\"Col\n2\",n\n\"one,\n two\",1\n\"say \"\"hi\"\"\r\n\",2\n\"line\rbreak\",3\n") << qint64(10);
    QTest::newRow("blank lines first and between") << QByteArray("\n\r\n\nCol2\n\n\nx\n\r\ny\n") << qint64(9);
    QTest::newRow("quote inside an unquoted field is data") << QByteArray("Col2\nab\"c\nd\"e\n") << qint64(5);
    QTest::newRow("text after a closing quote") << QByteArray("Col2\n\"ab\"c,d\n\"e\"\"\"\nf\n") << qint64(5);
    QTest::newRow("a quote after a comma opens a field, inside a field it is text")
        << QByteArray("Col1,Col2\nx\"y,\"z\nw\"\n\"a\",\"b\r\nc\"\n,\"\"\n") << qint64(10);
    QTest::newRow("a quote right after a CR opens a field")
        << QByteArray("Col2\r\"a\rb\"\r\n\"c\"") << qint64(5);
    QTest::newRow("BOM bytes mid-stream are data") << QByteArray("Col2\n\xEF\xBB\xBF" "x\n") << qint64(5);
    QTest::newRow("only a header, no line break") << QByteArray("Col2") << qint64(-1);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
}

void tst_CsvSplitter::runsHoldTheSameRecords()
{
    QFETCH(QByteArray, csv);
    QFETCH(qint64, header);
    const Records expected = readWhole(csv);
    for (int pieceSize : { 1, 2, 3, 7, 1000 }) {
        for (qint64 runBytes : { 1, 4, 16, 1 << 20 }) {
            // Runs of wide records also end by their weight (bytes plus a cost per record).
            for (qint64 maxWeight : { std::numeric_limits<qint64>::max(), qint64(12) }) {
                int runs = 0;
                qint64 firstEnd = 0;
                const Records records =
                    readInRuns(csv, pieceSize, runBytes, &runs, &firstEnd, 5, maxWeight);
                const QByteArray where = "pieces of " + QByteArray::number(pieceSize)
                    + ", runs of " + QByteArray::number(runBytes) + ", weight "
                    + QByteArray::number(maxWeight);
                QVERIFY2(records == expected, where.constData());
                QVERIFY2(firstEnd == header, where.constData());
            }
        }
    }
}

void tst_CsvSplitter::cutsAreSpacedByTheRunSize()
{
    QByteArray csv = "Col2\n";
    for (int i = 0; i < 1000; ++i)
        csv += "row " + QByteArray::number(i) + " of the input\n";
    int runs = 0;
    qint64 header = 0;
    const Records records = readInRuns(csv, 4096, 1024, &runs, &header);
    QCOMPARE(records.size(), 1001);
    // About one run per KiB of input, never one per line.
    QVERIFY2(runs >= csv.size() / 1100 && runs <= csv.size() / 1024 + csv.size() / 4096 + 2,
             QByteArray::number(runs).constData());
}

void tst_CsvSplitter::wideRecordsEndRunsEarly()
{
    // Each record weighs its bytes plus 100 (the output it will make): a run ends at the first
    // record that brings it to 1000, long before its 1 MiB of bytes. Blank lines weigh nothing.
    QByteArray csv;
    for (int i = 0; i < 30; ++i)
        csv += "record " + QByteArray::number(i % 10) + (i == 4 ? "\n\n\n" : "\n"); // 9 bytes
    CsvSplitter splitter(1 << 20, 100, 1000);
    const QList<qint64> cuts = splitter.feed(csv);
    // Ten records of 9 bytes (and in the first run two blank lines) each time.
    QCOMPARE(cuts, (QList<qint64> { 92, 182, 272 }));
    int runs = 0;
    qint64 header = 0;
    QCOMPARE(readInRuns(csv, int(csv.size()), 1 << 20, &runs, &header, 100, 1000), readWhole(csv));
    QCOMPARE(runs, 3);
}

void tst_CsvSplitter::firstRunsGrowToTheRunSize()
{
    // Records of 10 bytes; runs of 160 bytes, the first aiming at 20 and each next one at twice
    // the one before: cuts after 20, 40, 80 and then every 160 bytes.
    QByteArray csv;
    for (int i = 0; i < 60; ++i)
        csv += "record " + QByteArray::number(i % 10) + ",\n";
    CsvSplitter splitter(160);
    splitter.setFirstChunkBytes(20);
    QCOMPARE(splitter.feed(csv), (QList<qint64> { 20, 60, 140, 300, 460, 600 }));

    // A piece's last line break is a cut too, and counts as a run of its own.
    CsvSplitter pieces(160);
    pieces.setFirstChunkBytes(20);
    QCOMPARE(pieces.feed(QByteArrayView(csv).first(30)), (QList<qint64> { 20, 30 }));
    QCOMPARE(pieces.feed(QByteArrayView(csv).sliced(30)), (QList<qint64> { 110, 270, 430, 590, 600 }));
}

void tst_CsvSplitter::unterminatedQuoteIsSeen()
{
    CsvSplitter splitter(16);
    QCOMPARE(splitter.feed("Col2\n\"open"), QList<qint64> { 5 });
    QVERIFY(splitter.insideQuotes());
    QVERIFY(splitter.feed(",\nstill open").isEmpty());
    QVERIFY(splitter.insideQuotes());
    QCOMPARE(splitter.feed("\"\"\" closed\n"), QList<qint64> { 10 + 12 + 11 });
    QVERIFY(!splitter.insideQuotes());
}

void tst_CsvSplitter::hashedRunsMatchRowByRowHashing()
{
    const FeatureHasher hasher(3, 2);
    const QByteArray runs = "1,This is a good day\n2,\"Great, \"\"really\"\" great\nproduct\"\n3\n4,,x\n";
    const BesRecordHasher::Output output = BesRecordHasher::hash(runs, 1, hasher);
    QCOMPARE(output.records, 4);
    auto line = [&](const QByteArray &written, const QByteArray &text) -> QByteArray {
        std::vector<quint32> counts(8, 0);
        hasher.accumulate(text, counts.data());
        QByteArray l = written;
        for (quint32 c : counts)
            l += ',' + QByteArray::number(c);
        return l + '\n';
    };
    const QByteArray expected = line("This is a good day", "This is a good day")
        + line("\"Great, \"\"really\"\" great\nproduct\"", "Great, \"really\" great\nproduct")
        + line("", "") + line("", "");
    QCOMPARE(output.csv, expected);
    QVERIFY(output.csv.startsWith("This is a good day,1,1,2,2,0,2,0,1\n"));

    // A run handed over in two pieces (the end of one range, the start of the next), cut
    // anywhere, even inside a quoted field, gives the same output.
    for (qsizetype at = 0; at <= runs.size(); ++at) {
        const BesRecordHasher::Output split =
            BesRecordHasher::hash(QByteArrayView(runs).first(at), QByteArrayView(runs).sliced(at), 1, hasher);
        QVERIFY2(split.csv == expected && split.records == 4, QByteArray::number(at).constData());
    }
}

QTEST_GUILESS_MAIN(tst_CsvSplitter)
#include "tst_csvsplitter.moc"
