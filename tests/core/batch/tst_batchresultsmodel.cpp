// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// The batch results table: header, quoted fields and odd line ends come out right, and a
// results file of a million rows is indexed in chunks and read a block at a time, with a
// bounded cache, while a QAbstractItemModelTester watches the model.

#include "core/batch/batchresultsmodel.h"
#include "tests/support/tempdir.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace portico;
using core::BatchResultsModel;

namespace {

// Row i of the generated large file; every 1000th text holds a quoted line break and comma.
QStringList largeRow(int i)
{
    QString text = u"review %1 was good"_qs.arg(i);
    if (i % 1000 == 7)
        text = u"line one of %1,\nline \"two\""_qs.arg(i);
    return { QString::number(i), text, QString::number(qint64(i) * 7 % 1009) };
}

bool writeLargeFile(const QString &path, int rows)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray out = "Row,Text,Value\n";
    out.reserve(8 * 1024 * 1024);
    for (int i = 0; i < rows; ++i) {
        const QStringList row = largeRow(i);
        out += row.at(0).toUtf8() + ',';
        if (i % 1000 == 7)
            out += "\"line one of " + QByteArray::number(i) + ",\nline \"\"two\"\"\"";
        else
            out += row.at(1).toUtf8();
        out += ',' + row.at(2).toUtf8() + (i % 2 ? "\r\n" : "\n");
        if (out.size() > 7 * 1024 * 1024) {
            if (file.write(out) != out.size())
                return false;
            out.resize(0);
        }
    }
    return file.write(out) == out.size();
}

} // namespace

class tst_BatchResultsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsHeaderAndRows_data();
    void showsHeaderAndRows();
    void millionRowsAreIndexedAndReadLazily();
    void unreadableOrEmptyFilesAreErrors();

private:
    test::TempDir m_dir;
};

void tst_BatchResultsModel::showsHeaderAndRows_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::newRow("seed result")
        << QByteArray("Col2,Col2_HashingFeature.0,Col2_HashingFeature.1\nThis is a good day,1,1\n")
        << QStringList { u"Col2"_qs, u"Col2_HashingFeature.0"_qs, u"Col2_HashingFeature.1"_qs }
        << QList<QStringList> { { u"This is a good day"_qs, u"1"_qs, u"1"_qs } };
    QTest::newRow("BOM, CRLF, quoted line break, short row, blank line")
        << QByteArray("\xEF\xBB\xBF" "a,b\r\n\"x,\r\ny\",\"say \"\"hi\"\"\"\r\n\r\nonly\r\nlast,row")
        << QStringList { u"a"_qs, u"b"_qs }
        << QList<QStringList> { { u"x,\r\ny"_qs, u"say \"hi\""_qs }, { u"only"_qs, QString() }, { u"last"_qs, u"row"_qs } };
    QTest::newRow("header only") << QByteArray("a,b\n") << QStringList { u"a"_qs, u"b"_qs } << QList<QStringList> {};
}

void tst_BatchResultsModel::showsHeaderAndRows()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, header);
    QFETCH(QList<QStringList>, rows);
    const QString path = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_') + u".csv");
    QVERIFY(m_dir.write(QFileInfo(path).fileName(), csv));

    // Tiny blocks and a tiny cache, so that every row read crosses block boundaries.
    BatchResultsModel model(BatchResultsModel::Options { 2, 1, 4096, 1024 * 1024 }, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy indexed(&model, &BatchResultsModel::indexed);
    const auto opened = model.open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    QCOMPARE(model.columnNames(), header);
    QVERIFY(indexed.wait(5000));
    QCOMPARE(model.rowCount(), rows.size());
    QCOMPARE(model.columnCount(), header.size());
    for (int c = 0; c < header.size(); ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), header.at(c));
    for (int r = rows.size() - 1; r >= 0; --r) {
        QCOMPARE(model.rowValues(r), rows.at(r));
        for (int c = 0; c < header.size(); ++c)
            QCOMPARE(model.index(r, c).data().toString(), rows.at(r).at(c));
    }
    QVERIFY(model.cachedBlockCount() <= 1);
}

void tst_BatchResultsModel::millionRowsAreIndexedAndReadLazily()
{
    const int rows = 1'000'000;
    const QString path = m_dir.filePath(u"million.csv"_qs);
    QVERIFY(writeLargeFile(path, rows));
    const qint64 fileSize = QFileInfo(path).size();

    BatchResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy progress(&model, &BatchResultsModel::indexingProgress);
    QSignalSpy indexed(&model, &BatchResultsModel::indexed);
    QVERIFY(model.open(path).ok());
    QCOMPARE(model.rowCount(), 0); // nothing is read before the event loop runs
    QVERIFY(indexed.wait(60000));
    QVERIFY2(progress.size() > 2, "indexing happens in several chunks, with progress");
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.columnNames(), (QStringList { u"Row"_qs, u"Text"_qs, u"Value"_qs }));
    QCOMPARE(model.indexedBytes(), fileSize);

    // Random access, including the ends and the rows with quoted line breaks.
    QList<int> probes { 0, 7, 1007, rows - 1, rows - 993, rows / 2 };
    QRandomGenerator random(4711);
    for (int i = 0; i < 300; ++i)
        probes.append(random.bounded(rows));
    for (int r : probes) {
        const QStringList expected = largeRow(r);
        QCOMPARE(model.rowValues(r), expected);
        QCOMPARE(model.index(r, 1).data().toString(), expected.at(1));
    }
    QCOMPARE(model.headerData(rows - 1, Qt::Vertical).toInt(), rows);

    // Memory stays bounded: the cache never exceeds its capacity, and only the blocks asked
    // for were read for rows (not the file).
    QVERIFY(model.cachedRowCount() <= model.maxCachedRows());
    QVERIFY(model.cachedBlockCount() <= 64);
    QVERIFY2(model.bytesReadForRows() < fileSize / 4,
             qPrintable(u"%1 of %2 bytes read for rows"_qs.arg(model.bytesReadForRows()).arg(fileSize)));
}

void tst_BatchResultsModel::unreadableOrEmptyFilesAreErrors()
{
    BatchResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto result = model.open(m_dir.filePath(u"missing.csv"_qs));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, core::Error::Kind::Storage);
    QVERIFY2(result.error().message.contains(u"missing.csv"_qs), qPrintable(result.error().message));

    QVERIFY(m_dir.write(u"empty.csv"_qs, {}));
    result = model.open(m_dir.filePath(u"empty.csv"_qs));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(u"no header row"_qs), qPrintable(result.error().message));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

QTEST_GUILESS_MAIN(tst_BatchResultsModel)
#include "tst_batchresultsmodel.moc"
