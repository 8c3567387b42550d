// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "ui/developer/bodytextindexer.h"

#include <QTest>

using namespace portico::ui;

class tst_BodyTextIndexer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void prettyReindentsKeepingOrder_data();
    void prettyReindentsKeepingOrder();
    void resultDoesNotDependOnPieceSize();
    void foldsSpanEachContainer();
    void longLinesAreSplitAtCharacterBoundaries();
    void rawKeepsBytesAndIndexesLines();
    void hexDumpsSixteenBytesALine();
    void hexStopsAtItsLimit();
};

namespace {
QByteArray runAll(const QByteArray &input, BodyTextIndexer::Mode mode, qsizetype piece,
                  QList<qint64> *lines = nullptr, QList<QPair<qint32, qint32>> *folds = nullptr,
                  qsizetype maxLine = 2048)
{
    BodyTextIndexer indexer(mode, maxLine);
    QByteArray out;
    for (qsizetype i = 0; i < input.size(); i += piece) {
        indexer.feed(input.mid(i, piece));
        TextChunk chunk = indexer.take();
        out += chunk.text;
        if (lines)
            *lines += chunk.lineStarts;
        if (folds)
            *folds += chunk.folds;
    }
    indexer.finish();
    TextChunk chunk = indexer.take();
    out += chunk.text;
    if (lines)
        *lines += chunk.lineStarts;
    if (folds)
        *folds += chunk.folds;
    return out;
}
} // namespace

void tst_BodyTextIndexer::prettyReindentsKeepingOrder_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("object keeps key order")
            << QByteArray(R"({"b":1,"a":[true,null]})")
            << QByteArray("{\n  \"b\": 1,\n  \"a\": [\n    true,\n    null\n  ]\n}");
    QTest::newRow("empty containers stay inline")
            << QByteArray(R"({"x":{},"y":[ ]})") << QByteArray("{\n  \"x\": {},\n  \"y\": []\n}");
    QTest::newRow("punctuation inside strings is untouched")
            << QByteArray(R"(["a,{b}:[c]\"", "d"])")
            << QByteArray("[\n  \"a,{b}:[c]\\\"\",\n  \"d\"\n]");
    QTest::newRow("existing indentation is replaced")
            << QByteArray("{\n\t\"k\" :\r\n  2 }") << QByteArray("{\n  \"k\": 2\n}");
    QTest::newRow("scalar") << QByteArray(" 42 ") << QByteArray("42");
}

void tst_BodyTextIndexer::prettyReindentsKeepingOrder()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(runAll(input, BodyTextIndexer::Mode::Pretty, input.size() + 1), expected);
}

void tst_BodyTextIndexer::resultDoesNotDependOnPieceSize()
{
    const QByteArray input = R"({"Results":{"output1":{"type":"table","value":{"ColumnNames":["Col2","x"],"Values":[["This is, a \"good\" day","1"]]}}}})";
    QList<qint64> wholeLines;
    const QByteArray whole = runAll(input, BodyTextIndexer::Mode::Pretty, input.size(), &wholeLines);
    for (qsizetype piece : { 1, 2, 3, 7, 64 }) {
        QList<qint64> lines;
        QCOMPARE(runAll(input, BodyTextIndexer::Mode::Pretty, piece, &lines), whole);
        QCOMPARE(lines, wholeLines);
    }
    // Every recorded line start follows a newline.
    for (qint64 start : std::as_const(wholeLines))
        QVERIFY(start == 0 || whole.at(start - 1) == '\n');
}

void tst_BodyTextIndexer::foldsSpanEachContainer()
{
    QList<QPair<qint32, qint32>> folds;
    QList<qint64> lines;
    const QByteArray out = runAll(R"({"a":[1,2],"b":{}})", BodyTextIndexer::Mode::Pretty, 100,
                                  &lines, &folds);
    // {            line 0
    //   "a": [     line 1
    //     1,       line 2
    //     2        line 3
    //   ],         line 4
    //   "b": {}    line 5
    // }            line 6
    QCOMPARE(lines.size(), 7);
    QCOMPARE(folds, (QList<QPair<qint32, qint32>> { { 1, 4 }, { 0, 6 } }));
    QVERIFY(out.endsWith("\n}"));
}

void tst_BodyTextIndexer::longLinesAreSplitAtCharacterBoundaries()
{
    // 3000 two-byte characters in one string.
    QByteArray text = "\"";
    for (int i = 0; i < 3000; ++i)
        text += "\xC3\xA9";
    text += "\"";
    QList<qint64> lines;
    const QByteArray out = runAll(text, BodyTextIndexer::Mode::Raw, 1000, &lines, nullptr, 100);
    QCOMPARE(out, text); // soft breaks add no characters
    QVERIFY(lines.size() > 50);
    for (qint64 start : std::as_const(lines))
        QVERIFY2((static_cast<unsigned char>(out.at(start)) & 0xC0) != 0x80,
                 "a display line starts inside a UTF-8 sequence");
}

void tst_BodyTextIndexer::rawKeepsBytesAndIndexesLines()
{
    QList<qint64> lines;
    const QByteArray input = "a\nbb\r\n\nccc";
    QCOMPARE(runAll(input, BodyTextIndexer::Mode::Raw, 2, &lines), input);
    QCOMPARE(lines, (QList<qint64> { 0, 2, 6, 7 }));
}

void tst_BodyTextIndexer::hexDumpsSixteenBytesALine()
{
    QByteArray input("hello world\n\x00\x01\x02\x03", 16);
    input += QByteArray("\xff\x7f z", 4);
    const QByteArray expected =
            "00000000  68 65 6c 6c 6f 20 77 6f  72 6c 64 0a 00 01 02 03  |hello world.....|\n"
            "00000010  ff 7f 20 7a                                       |.. z|";
    for (const qsizetype piece : { qsizetype(1), qsizetype(3), qsizetype(16), qsizetype(100) }) {
        QList<qint64> lines;
        QCOMPARE(runAll(input, BodyTextIndexer::Mode::Hex, piece, &lines), expected);
        QCOMPARE(lines, (QList<qint64> { 0, 79 }));
    }
    // A short first line is padded the same way, across the middle gap too.
    QCOMPARE(runAll("abc", BodyTextIndexer::Mode::Hex, 2),
             QByteArray("00000000  61 62 63                                          |abc|"));
}

void tst_BodyTextIndexer::hexStopsAtItsLimit()
{
    BodyTextIndexer indexer(BodyTextIndexer::Mode::Hex);
    const QByteArray piece(1024 * 1024, '\0');
    for (int i = 0; i < 5; ++i)
        indexer.feed(piece);
    QVERIFY(indexer.isFull());
    indexer.finish();
    QCOMPARE(indexer.lineCount(), BodyTextIndexer::hexLimit / 16);
    const TextChunk chunk = indexer.take();
    QVERIFY(chunk.text.endsWith("|................|"));
    QCOMPARE(chunk.text.count('\n'), BodyTextIndexer::hexLimit / 16 - 1);
}

QTEST_GUILESS_MAIN(tst_BodyTextIndexer)
#include "tst_bodytextindexer.moc"
