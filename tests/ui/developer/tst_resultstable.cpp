// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "ui/developer/resultstable.h"
#include "ui/developer/resultstablemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QTest>

using namespace portico::ui;

class tst_ResultsTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAzureMlTableResults();
    void readsSwaggerFormResults();
    void numbersReadAsTheServiceWroteThem();
    void csvParsing_data();
    void csvParsing();
    void unterminatedQuoteNamesItsLine();
    void modelFillsLazilyAndExportsEverything();
};

void tst_ResultsTable::readsAzureMlTableResults()
{
    const auto document = QJsonDocument::fromJson(R"({"Results":{"output1":{"type":"table","value":{
        "ColumnNames":["Col2","Col2_HashingFeature.0","Col2_HashingFeature.1"],
        "ColumnTypes":["String","Int32","Int32"],
        "Values":[["This is a good day","1","1"]]}},
        "output2":{"type":"table","value":{"Values":[["a","b"]]}}}})");
    const QList<ResultsTable> tables = tablesFromAzureMlResults(document);
    QCOMPARE(tables.size(), 2);
    QCOMPARE(tables[0].name, u"output1"_qs);
    QCOMPARE(tables[0].columns.at(1), u"Col2_HashingFeature.0"_qs);
    QCOMPARE(tables[0].types.at(2), u"Int32"_qs);
    QCOMPARE(tables[0].rows, (QList<QStringList> { { u"This is a good day"_qs, u"1"_qs, u"1"_qs } }));
    // Without details=true there are no ColumnNames: columns are numbered.
    QCOMPARE(tables[1].columns, (QStringList { u"1"_qs, u"2"_qs }));
    QVERIFY(tablesFromAzureMlResults(QJsonDocument::fromJson(R"({"a":1})")).isEmpty());
}

void tst_ResultsTable::readsSwaggerFormResults()
{
    const auto document = QJsonDocument::fromJson(
            R"({"Results":{"output1":[{"Col2":"x","F.0":"1"},{"Col2":"y","F.0":2}]}})");
    const QList<ResultsTable> tables = tablesFromAzureMlResults(document);
    QCOMPARE(tables.size(), 1);
    QCOMPARE(tables[0].columns, (QStringList { u"Col2"_qs, u"F.0"_qs }));
    QCOMPARE(tables[0].rows.at(1), (QStringList { u"y"_qs, u"2"_qs }));
}

void tst_ResultsTable::numbersReadAsTheServiceWroteThem()
{
    // Scored probabilities and ids: not 0.10000000000000001 or 9007199254740992.
    const auto document = QJsonDocument::fromJson(R"({"Results":{"output1":{"type":"table","value":{
        "ColumnNames":["p","id"],"Values":[[0.1, 9007199254740993],[0.7, 1],[-2.5e-7, 0]]}},
        "output2":[{"p":0.3,"n":-12}]}})");
    const QList<ResultsTable> tables = tablesFromAzureMlResults(document);
    QCOMPARE(tables.size(), 2);
    QCOMPARE(tables[0].rows,
             (QList<QStringList> { { u"0.1"_qs, u"9007199254740993"_qs },
                                   { u"0.7"_qs, u"1"_qs },
                                   { u"-2.5e-07"_qs, u"0"_qs } }));
    QCOMPARE(tables[1].columns, (QStringList { u"n"_qs, u"p"_qs }));
    QCOMPARE(tables[1].rows, (QList<QStringList> { { u"-12"_qs, u"0.3"_qs } }));
}

void tst_ResultsTable::csvParsing_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << QStringList { u"a"_qs, u"b"_qs }
                          << QList<QStringList> { { u"1"_qs, u"2"_qs } };
    QTest::newRow("quotes, commas and newlines in fields")
            << QByteArray("name,text\nx,\"he said \"\"hi\"\", then\nleft\"\n")
            << QStringList { u"name"_qs, u"text"_qs }
            << QList<QStringList> { { u"x"_qs, u"he said \"hi\", then\nleft"_qs } };
    QTest::newRow("bom, no trailing newline, ragged rows")
            << QByteArray("\xEF\xBB\xBFh\n1,2") << QStringList { u"h"_qs, u"2"_qs }
            << QList<QStringList> { { u"1"_qs, u"2"_qs } };
    QTest::newRow("utf-8") << QByteArray("k\n\xC3\xA9t\xC3\xA9\n") << QStringList { u"k"_qs }
                           << QList<QStringList> { { u"été"_qs } };
    QTest::newRow("empty") << QByteArray() << QStringList() << QList<QStringList>();
}

void tst_ResultsTable::csvParsing()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, columns);
    QFETCH(QList<QStringList>, rows);
    const auto table = tableFromCsv(csv);
    QVERIFY(table.ok());
    QCOMPARE(table->columns, columns);
    QCOMPARE(table->rows, rows);
}

void tst_ResultsTable::unterminatedQuoteNamesItsLine()
{
    const auto table = tableFromCsv("a\n1\n\"open\n2\n");
    QVERIFY(!table.ok());
    QCOMPARE(table.error().target, u"3"_qs);
}

void tst_ResultsTable::modelFillsLazilyAndExportsEverything()
{
    ResultsTable table;
    table.columns = { u"id"_qs, u"text, quoted"_qs };
    for (int i = 0; i < 1234; ++i)
        table.rows.append({ QString::number(i), u"row \"%1\""_qs.arg(i) });
    {
        ResultsTableModel lazy;
        lazy.setTable(table);
        QCOMPARE(lazy.rowCount(), ResultsTableModel::batchSize);
        QVERIFY(lazy.canFetchMore({}));
        lazy.fetchMore({});
        QCOMPARE(lazy.rowCount(), 2 * ResultsTableModel::batchSize);
    }
    ResultsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(table);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 1234);
    QCOMPARE(model.index(1233, 0).data(ResultsTableModel::SortRole).toDouble(), 1233.0);
    const QByteArray csv = model.toCsv();
    QVERIFY(csv.startsWith("id,\"text, quoted\"\r\n0,\"row \"\"0\"\"\"\r\n"));
    const auto back = tableFromCsv(csv);
    QVERIFY(back.ok());
    QCOMPARE(back.value(), table);
}

QTEST_GUILESS_MAIN(tst_ResultsTable)
#include "tst_resultstable.moc"
