// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// BesRecordHasher reads runs of records by its own copy of CsvReader's rules (to avoid copying
// every field): its output must be what CsvReader's records give, for every shape of CSV, with
// the run handed over whole or in two pieces cut anywhere.

#include "core/local/ml/besrecordhasher.h"
#include "core/common/csvreader.h"
#include "core/local/ml/featurehasher.h"

#include <QTest>

#include <vector>

using portico::core::CsvReader;
using portico::local::BesRecordHasher;
using portico::local::FeatureHasher;

class tst_BesRecordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outputIsCsvReadersRecordsHashed_data();
    void outputIsCsvReadersRecordsHashed();
};

namespace {

// The output from CsvReader's records: field `column` written (quoted when needed) and its
// feature counts.
BesRecordHasher::Output byCsvReader(const QByteArray &run, int column, const FeatureHasher &hasher)
{
    BesRecordHasher::Output output;
    CsvReader reader(
        [&](const QList<QByteArray> &fields, int count) {
            ++output.records;
            const QByteArray text = column < count ? fields.at(column) : QByteArray();
            std::vector<quint32> counts(size_t(hasher.bucketCount()), 0);
            hasher.accumulate(text, counts.data());
            CsvReader::appendField(output.csv, text);
            for (quint32 c : counts)
                output.csv += ',' + QByteArray::number(c);
            output.csv += '\n';
        },
        CsvReader::Position::MidStream);
    reader.feed(run);
    (void)reader.finish();
    return output;
}

} // namespace

void tst_BesRecordHasher::outputIsCsvReadersRecordsHashed_data()
{
    QTest::addColumn<QByteArray>("run");
    QTest::addColumn<int>("column");
    QTest::newRow("plain") << QByteArray("1,This is a good day\n2,excellent value\n") << 1;
    QTest::newRow("first column") << QByteArray("This is a good day,x\nbad day,y\n") << 0;
    QTest::newRow("no line break at the end") << QByteArray("1,a b c\n2,d e") << 1;
    QTest::newRow("CRLF") << QByteArray("1,a b\r\n2,c d\r\n") << 1;
    QTest::newRow("CR only") << QByteArray("1,a b\r2,c d\r") << 1;
    QTest::newRow("blank lines") << QByteArray("\n\n1,a\n\r\n\n2,b\n\n") << 1;
    QTest::newRow("quoted with comma and escaped quotes")
        << QByteArray("1,\"Great, \"\"really\"\" great\"\n2,\"\"\"\"\n") << 1;
    QTest::newRow("quoted line breaks") << QByteArray("1,\"two\nlines\r\nand CR\rhere\"\n") << 1;
    QTest::newRow("text after the closing quote") << QByteArray("1,\"a, b\" 7\n2,\"x\"y\"z\n") << 1;
    QTest::newRow("stray quote in an unquoted field") << QByteArray("1,a \"b\" c\n2,d\"\"e\n") << 1;
    QTest::newRow("empty and missing fields") << QByteArray("1,\n2\n,\n3,,x\n4,\"\"\n") << 1;
    QTest::newRow("more fields than the column") << QByteArray("1,a,b,\"c,d\"\n2,e,\"f\"\"\",g\n") << 2;
    QTest::newRow("only separators") << QByteArray(",,,\n,\n") << 1;
    QTest::newRow("digits and repeated words")
        << QByteArray("1,101 202 101\n2,the the the the the the the the the the the the\n") << 1;
    QTest::newRow("ends inside quotes") << QByteArray("1,a\n2,\"open, not closed\n3,b\n") << 1;
    QTest::newRow("UTF-8") << QByteArray("1,caf\xC3\xA9 na\xC3\xAFve \xE2\x82\xAC 5\n") << 1;
    // Fields are scanned 16 bytes at a time: a separator, or a byte that makes the written field
    // quoted, on either side of each step.
    for (int length : { 15, 16, 17, 31, 32, 33, 47, 48, 49 }) {
        const QByteArray text = QByteArray(length - 1, 'w').replace(4, 1, " ");
        QTest::newRow(qPrintable(u"%1 bytes then a comma"_qs.arg(length)))
            << QByteArray("1," + text + "z,2\n3," + text + "\n") << 1;
        for (char special : { ',', '"', '\n', '\r' }) {
            QTest::newRow(qPrintable(u"%1 bytes quoted, %2 last"_qs.arg(length).arg(int(special))))
                << QByteArray("1,\"" + text + (special == '"' ? QByteArray("\"\"") : QByteArray(1, special))
                              + "\"\n2,\"" + QByteArray(1, special == '"' ? 'q' : special) + text + "\"\n")
                << 1;
        }
    }
}

void tst_BesRecordHasher::outputIsCsvReadersRecordsHashed()
{
    QFETCH(QByteArray, run);
    QFETCH(int, column);
    const FeatureHasher hasher(3, 2);
    const BesRecordHasher::Output expected = byCsvReader(run, column, hasher);
    QVERIFY(expected.records > 0);
    const BesRecordHasher::Output whole = BesRecordHasher::hash(run, column, hasher);
    QCOMPARE(whole.csv, expected.csv);
    QCOMPARE(whole.records, expected.records);
    for (qsizetype at = 0; at <= run.size(); ++at) {
        // Separate buffers, as a range's tail and the next range are.
        const QByteArray head = run.first(at);
        const QByteArray rest = run.sliced(at);
        const BesRecordHasher::Output split = BesRecordHasher::hash(head, rest, column, hasher);
        QVERIFY2(split.csv == expected.csv && split.records == expected.records,
                 QByteArray("cut at " + QByteArray::number(at) + ":\n" + split.csv).constData());
    }
}

QTEST_GUILESS_MAIN(tst_BesRecordHasher)
#include "tst_besrecordhasher.moc"
