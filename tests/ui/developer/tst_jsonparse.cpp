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

QTEST_GUILESS_MAIN(tst_JsonParse)
#include "tst_jsonparse.moc"
