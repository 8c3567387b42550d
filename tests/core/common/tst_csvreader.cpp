// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// The incremental CSV parser BES jobs stream their input through: every record comes out the
// same however the bytes are split.

#include "core/common/csvreader.h"

#include <QTest>

using portico::core::CsvReader;

namespace {

QList<QStringList> parse(const QByteArray &csv, int pieceSize, bool *complete = nullptr)
{
    QList<QStringList> records;
    CsvReader reader([&](const QList<QByteArray> &fields, int count) {
        QStringList record;
        for (int i = 0; i < count; ++i)
            record.append(QString::fromUtf8(fields.at(i)));
        records.append(record);
    });
    for (qsizetype i = 0; i < csv.size(); i += pieceSize)
        reader.feed(QByteArrayView(csv).sliced(i, qMin<qsizetype>(pieceSize, csv.size() - i)));
    const bool ok = reader.finish();
    if (complete)
        *complete = ok;
    return records;
}

} // namespace

class tst_CsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsDoNotDependOnHowBytesArrive_data();
    void recordsDoNotDependOnHowBytesArrive();
    void fieldEndsAreFoundAtEveryPosition();
    void unterminatedQuoteIsReported();
    void fieldsAreQuotedOnlyWhenNeeded_data();
    void fieldsAreQuotedOnlyWhenNeeded();
};

void tst_CsvReader::recordsDoNotDependOnHowBytesArrive_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QList<QStringList>>("expected");
    QTest::newRow("plain LF") << QByteArray("Col1,Col2\n5,This is a good day\n")
                              << QList<QStringList> { { u"Col1"_qs, u"Col2"_qs }, { u"5"_qs, u"This is a good day"_qs } };
    QTest::newRow("CRLF, no final newline") << QByteArray("Col2\r\na b\r\nc")
                                            << QList<QStringList> { { u"Col2"_qs }, { u"a b"_qs }, { u"c"_qs } };
    QTest::newRow("lone CR") << QByteArray("Col2\ra\r") << QList<QStringList> { { u"Col2"_qs }, { u"a"_qs } };
    QTest::newRow("quoted comma, quote and newline")
        << QByteArray("Col2,n\n\"one, two\",1\n\"say \"\"hi\"\"\",2\n\"line\nbreak\",3\n")
        << QList<QStringList> { { u"Col2"_qs, u"n"_qs }, { u"one, two"_qs, u"1"_qs }, { u"say \"hi\""_qs, u"2"_qs },
                                { u"line\nbreak"_qs, u"3"_qs } };
    QTest::newRow("empty fields and quoted empty")
        << QByteArray("a,b,c\n,,\n\"\"\n") << QList<QStringList> { { u"a"_qs, u"b"_qs, u"c"_qs }, { u""_qs, u""_qs, u""_qs }, { u""_qs } };
    QTest::newRow("BOM and blank lines") << QByteArray("\xEF\xBB\xBF" "Col2\n\nx\n\n")
                                         << QList<QStringList> { { u"Col2"_qs }, { u"x"_qs } };
    QTest::newRow("UTF-8") << QByteArray("Col2\nna\xC3\xAFve caf\xC3\xA9\n")
                           << QList<QStringList> { { u"Col2"_qs }, { u"naïve café"_qs } };
}

void tst_CsvReader::recordsDoNotDependOnHowBytesArrive()
{
    QFETCH(QByteArray, csv);
    QFETCH(QList<QStringList>, expected);
    for (int piece : { 1, 2, 3, 5, 7, 1 << 20 }) {
        bool complete = false;
        QCOMPARE(parse(csv, piece, &complete), expected);
        QVERIFY(complete);
    }
}

void tst_CsvReader::fieldEndsAreFoundAtEveryPosition()
{
    // Unquoted fields are scanned many bytes at a time: a comma or line break must be found
    // wherever it falls, before, on and after each 16-byte step.
    for (int length = 1; length <= 50; ++length) { // (an empty line is skipped)
        const QString field(length, u'x');
        for (char separator : { ',', '\n', '\r' }) {
            const QByteArray csv = "h\n" + field.toLatin1() + separator + "y\n";
            const QList<QStringList> expected = separator == ','
                ? QList<QStringList> { { u"h"_qs }, { field, u"y"_qs } }
                : QList<QStringList> { { u"h"_qs }, { field }, { u"y"_qs } };
            QVERIFY2(parse(csv, 1 << 20) == expected,
                     qPrintable(u"length %1, separator %2"_qs.arg(length).arg(int(separator))));
        }
    }
}

void tst_CsvReader::unterminatedQuoteIsReported()
{
    bool complete = true;
    const auto records = parse("Col2\n\"never closed\n", 4, &complete);
    QVERIFY(!complete);
    QCOMPARE(records.size(), 2);
}

void tst_CsvReader::fieldsAreQuotedOnlyWhenNeeded_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("written");
    QTest::newRow("plain") << QByteArray("This is a good day") << QByteArray("This is a good day");
    QTest::newRow("comma") << QByteArray("a,b") << QByteArray("\"a,b\"");
    QTest::newRow("quote") << QByteArray("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QByteArray("a\nb") << QByteArray("\"a\nb\"");
    // Fields are looked at 16 bytes at a time: the byte that makes them quoted on either side of
    // each step, and long fields without one.
    for (int length : { 15, 16, 17, 31, 32, 33, 48, 49 }) {
        const QByteArray plain(length, 'w');
        QTest::newRow(qPrintable(u"%1 plain bytes"_qs.arg(length))) << plain << plain;
        for (char special : { ',', '\n', '\r' }) {
            QByteArray field = plain;
            field[length - 1] = special;
            QTest::newRow(qPrintable(u"%1 bytes, %2 last"_qs.arg(length).arg(int(special))))
                << field << QByteArray('"' + field + '"');
        }
        QByteArray quoted = plain;
        quoted[length - 1] = '"';
        QTest::newRow(qPrintable(u"%1 bytes, quote last"_qs.arg(length)))
            << quoted << QByteArray('"' + plain.first(length - 1) + "\"\"\"");
    }
}

void tst_CsvReader::fieldsAreQuotedOnlyWhenNeeded()
{
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, written);
    QByteArray out;
    CsvReader::appendField(out, field);
    QCOMPARE(out, written);
    QCOMPARE(parse("h\n" + out + "\n", 3).last().first().toUtf8(), field);
}

QTEST_GUILESS_MAIN(tst_CsvReader)
#include "tst_csvreader.moc"
