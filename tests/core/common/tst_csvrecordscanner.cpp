// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// The record scanner the lazy results table indexes files with: re-reading the bytes of each
// reported record with CsvReader gives the records CsvReader gives for the whole input, however
// the bytes arrive, including quoted line breaks, CRLF, blank lines and lenient quotes.

#include "core/common/csvreader.h"
#include "core/common/csvrecordscanner.h"

#include <QTest>

using portico::core::CsvReader;
using portico::core::CsvRecordScanner;

namespace {

QList<QList<QByteArray>> parseWhole(QByteArrayView csv)
{
    QList<QList<QByteArray>> records;
    CsvReader reader([&](const QList<QByteArray> &fields, int count) { records.append(fields.mid(0, count)); });
    reader.feed(csv);
    reader.finish();
    return records;
}

} // namespace

class tst_CsvRecordScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordSlicesParseLikeTheWholeInput_data();
    void recordSlicesParseLikeTheWholeInput();
    void unterminatedQuoteIsReported();
};

void tst_CsvRecordScanner::recordSlicesParseLikeTheWholeInput_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("records");
    QTest::newRow("plain LF") << QByteArray("Col1,Col2\n5,This is a good day\n") << 2;
    QTest::newRow("CRLF, no final newline") << QByteArray("Col2\r\na b\r\nc") << 3;
    QTest::newRow("lone CR") << QByteArray("Col2\ra\r") << 2;
    QTest::newRow("quoted comma, quote and newline")
        << QByteArray("Col2,n\n\"one, two\",1\n\"say \"\"hi\"\"\",2\n\"line\r\nbreak\",3\n") << 4;
    QTest::newRow("empty fields and quoted empty") << QByteArray("a,b,c\n,,\n\"\"\n") << 3;
    QTest::newRow("blank lines") << QByteArray("Col2\n\n\r\nx\n\n") << 2;
    QTest::newRow("stray quote in unquoted field") << QByteArray("a,b\nsay \"hi,2\n\"x\"y,3\n") << 3;
    QTest::newRow("quote then newline inside quotes") << QByteArray("a\n\"\"\"\n\"\"\"\nb\n") << 3;
}

void tst_CsvRecordScanner::recordSlicesParseLikeTheWholeInput()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, records);
    const auto expected = parseWhole(csv);
    QCOMPARE(expected.size(), records);
    for (int piece : { 1, 2, 3, 5, 1 << 20 }) {
        QList<QPair<qint64, qint64>> spans;
        CsvRecordScanner scanner([&](qint64 start, qint64 end) { spans.append({ start, end }); });
        for (qsizetype i = 0; i < csv.size(); i += piece)
            scanner.feed(QByteArrayView(csv).sliced(i, qMin<qsizetype>(piece, csv.size() - i)));
        QVERIFY(scanner.finish());
        QCOMPARE(spans.size(), records);
        QCOMPARE(scanner.records(), qint64(records));
        for (int r = 0; r < records; ++r) {
            const auto [start, end] = spans.at(r);
            const auto reparsed = parseWhole(QByteArrayView(csv).sliced(start, end - start));
            QCOMPARE(reparsed.size(), 1);
            QCOMPARE(reparsed.first(), expected.at(r));
        }
    }
}

void tst_CsvRecordScanner::unterminatedQuoteIsReported()
{
    int records = 0;
    CsvRecordScanner scanner([&](qint64, qint64) { ++records; });
    scanner.feed("Col2\n\"never closed\n");
    QVERIFY(!scanner.finish());
    QCOMPARE(records, 2);
}

QTEST_GUILESS_MAIN(tst_CsvRecordScanner)
#include "tst_csvrecordscanner.moc"
