// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "ui/developer/jsonparse.h"
#include "ui/developer/jsontreesearch.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonParseError>
#include <QTest>

using namespace portico::ui;

class tst_JsonParse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anyValueIsRead_data();
    void anyValueIsRead();
    void errorsPointIntoTheText_data();
    void errorsPointIntoTheText();
    void numbersKeepTheirSourceText_data();
    void numbersKeepTheirSourceText();
    void stringsAreNeverTakenForNumbers();
    void compactTextWritesNumbersAsReceived();
};

void tst_JsonParse::anyValueIsRead_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("singleValue");
    QTest::addColumn<QString>("shown");
    QTest::newRow("number") << QByteArray("42") << true << u"42"_qs;
    QTest::newRow("string") << QByteArray(" \"scored\"\n") << true << u"scored"_qs;
    QTest::newRow("true") << QByteArray("true") << true << u"true"_qs;
    QTest::newRow("null") << QByteArray("null") << true << u"null"_qs;
    QTest::newRow("bom number") << QByteArray("\xEF\xBB\xBF-1.5") << true << u"-1.5"_qs;
    QTest::newRow("object") << QByteArray("{\"a\": 1}") << false << QString();
    QTest::newRow("bom object") << QByteArray("\xEF\xBB\xBF[1]") << false << QString();
}

void tst_JsonParse::anyValueIsRead()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, singleValue);
    QFETCH(QString, shown);
    const JsonParse parsed = parseJson(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.singleValue, singleValue);
    if (singleValue)
        QCOMPARE(jsonScalarText(parsed.root()), shown);
    else
        QVERIFY(parsed.root().isObject() || parsed.root().isArray());
}

void tst_JsonParse::errorsPointIntoTheText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("reference"); // Qt's own offset in this text is expected
    QTest::addColumn<qsizetype>("offset");     // unless this is not -1
    QTest::newRow("two values") << QByteArray("42 43") << QByteArray() << qsizetype(3);
    QTest::newRow("value list") << QByteArray("\"a\", \"b\"") << QByteArray() << qsizetype(3);
    QTest::newRow("closing bracket") << QByteArray("42]") << QByteArray() << qsizetype(2);
    QTest::newRow("bom then two values") << QByteArray("\xEF\xBB\xBF" "1 2") << QByteArray() << qsizetype(5);
    // After numbers kept as source text, offsets are where Qt reports them in the same text
    // with plain numbers of the same length.
    QTest::newRow("after kept numbers")
            << QByteArray("{\"a\": 12345678901234567890123, \"b\": 1.0 \"c\": 2}")
            << QByteArray("{\"a\": 1234567, \"b\": 1.5 \"c\": 2}") << qsizetype(-1);
    QTest::newRow("kept number in a single value")
            << QByteArray("1e400 x") << QByteArray() << qsizetype(6);
    QTest::newRow("number as a key") << QByteArray("{1e400: 1}") << QByteArray("{1e400: 1}")
                                     << qsizetype(-1);
}

void tst_JsonParse::errorsPointIntoTheText()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, reference);
    QFETCH(qsizetype, offset);
    const JsonParse parsed = parseJson(text);
    QVERIFY(!parsed.ok());
    if (offset < 0) {
        QJsonParseError error;
        (void)QJsonDocument::fromJson(reference, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
        offset = error.offset;
        // The reference is shorter by the difference in the first number's length.
        if (reference.size() != text.size())
            offset += text.size() - reference.size();
        QCOMPARE(parsed.error, error.errorString());
    }
    QCOMPARE(parsed.errorOffset, offset);
}

void tst_JsonParse::numbersKeepTheirSourceText_data()
{
    QTest::addColumn<QByteArray>("number");
    for (const char *n : { "12345678901234567890123", "-9223372036854775808", "9223372036854775808",
                           "9007199254740993", "0.10000000000000001", "0.1", "1.0", "-0", "2.50",
                           "1e400", "1E5", "1.5e-07", "0.000123", "0.0001", "123456.789012345678" })
        QTest::newRow(n) << QByteArray(n);
}

void tst_JsonParse::numbersKeepTheirSourceText()
{
    QFETCH(QByteArray, number);
    const QString expected = QString::fromLatin1(number);
    // As a member, an item and the whole text.
    const JsonParse object = parseJson("{\"id\": " + number + ", \"s\": \"x\"}");
    QVERIFY2(object.ok(), qPrintable(object.error));
    const QJsonValue member = object.root().toObject().value(u"id"_qs);
    QCOMPARE(jsonScalarText(member), expected);
    QCOMPARE(jsonCompactText(member), expected);
    QCOMPARE(jsonScalarText(parseJson('[' + number + ']').root().toArray().at(0)), expected);
    QCOMPARE(jsonScalarText(parseJson(number).root()), expected);
}

void tst_JsonParse::stringsAreNeverTakenForNumbers()
{
    // A string that starts with the private marker the parser uses stays a string.
    const JsonParse parsed = parseJson("[\"\xEF\xB7\x90" "12\", \"\\uFDD0x\", \"\xEF\xB7\x90\", 12345678901234567890123]");
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const QJsonArray items = parsed.root().toArray();
    QVERIFY(!jsonNumberSource(items.at(0)));
    QCOMPARE(jsonScalarText(items.at(0)), QString(QChar(0xFDD0)) + u"12"_qs);
    QCOMPARE(jsonScalarText(items.at(1)), QString(QChar(0xFDD0)) + u"x"_qs);
    QCOMPARE(jsonScalarText(items.at(2)), QString(QChar(0xFDD0)));
    QVERIFY(jsonNumberSource(items.at(3)));
    QCOMPARE(jsonCompactText(parsed.root()),
             u"[\"\uFDD012\",\"\uFDD0x\",\"\uFDD0\",12345678901234567890123]"_qs);
}

void tst_JsonParse::compactTextWritesNumbersAsReceived()
{
    const JsonParse parsed = parseJson(R"({"p": [0.1, 0.10000000000000001, 1.0], "q": {"n": -0}})");
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(jsonCompactText(parsed.root()),
             uR"({"p":[0.1,0.10000000000000001,1.0],"q":{"n":-0}})"_qs);
}

QTEST_GUILESS_MAIN(tst_JsonParse)
#include "tst_jsonparse.moc"
