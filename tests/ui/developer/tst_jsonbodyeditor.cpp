// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "ui/developer/jsonbodyeditor.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace portico::ui;

class tst_JsonBodyEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typingInvalidJsonShowsLineAndColumn();
    void formatReindentsAndCanBeUndone();
    void nonJsonModeAcceptsAnything();
    void anyJsonValueIsAValidBody_data();
    void anyJsonValueIsAValidBody();
    void invalidSingleValueNamesItsPosition_data();
    void invalidSingleValueNamesItsPosition();
};

void tst_JsonBodyEditor::typingInvalidJsonShowsLineAndColumn()
{
    JsonBodyEditor editor;
    editor.show();
    auto *edit = editor.findChild<QPlainTextEdit *>(u"bodyPlainTextEdit"_qs);
    auto *status = editor.findChild<QLabel *>(u"bodyValidationLabel"_qs);
    QVERIFY(edit && status);
    QSignalSpy validity(&editor, &JsonBodyEditor::validityChanged);
    edit->setFocus();
    QTest::keyClicks(edit, u"{\"Inputs\": {"_qs);
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, u"  \"a\": 1"_qs);
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, u"  \"b\": 2}}"_qs);
    // Validation runs after the typing pause, without any explicit call.
    QTRY_VERIFY(!editor.isValid());
    QCOMPARE(validity.count(), 1);
    QCOMPARE(editor.errorLine(), 3);
    // Qt points at the start of the token after the missing comma.
    QVERIFY2(editor.errorColumn() >= 3 && editor.errorColumn() <= 4,
             qPrintable(QString::number(editor.errorColumn())));
    QVERIFY2(status->text().contains(u"line 3, column"_qs), qPrintable(status->text()));
    QCOMPARE(edit->extraSelections().size(), 1);
    QCOMPARE(edit->extraSelections().first().cursor.blockNumber(), 2);

    // Fixing it clears the message; the text is the user's own.
    QTextCursor cursor = edit->textCursor();
    cursor.movePosition(QTextCursor::Start);
    cursor.movePosition(QTextCursor::Down);
    cursor.movePosition(QTextCursor::EndOfLine);
    edit->setTextCursor(cursor);
    QTest::keyClick(edit, Qt::Key_Comma);
    QTRY_VERIFY(editor.isValid());
    QVERIFY(status->text().contains(u"Valid JSON"_qs));
    QCOMPARE(editor.text(), u"{\"Inputs\": {\n  \"a\": 1,\n  \"b\": 2}}"_qs);
}

void tst_JsonBodyEditor::formatReindentsAndCanBeUndone()
{
    JsonBodyEditor editor;
    const QString seed = uR"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["This is a good day"]]}}, "GlobalParameters": {}})"_qs;
    editor.setText(seed);
    QVERIFY(editor.isValid());
    editor.findChild<QPushButton *>(u"formatBodyPushButton"_qs)->click();
    QCOMPARE(editor.text(), uR"({
  "Inputs": {
    "input1": {
      "ColumnNames": [
        "Col2"
      ],
      "Values": [
        [
          "This is a good day"
        ]
      ]
    }
  },
  "GlobalParameters": {}
})"_qs);
    editor.editor()->undo();
    QCOMPARE(editor.text(), seed);
}

void tst_JsonBodyEditor::nonJsonModeAcceptsAnything()
{
    JsonBodyEditor editor;
    editor.setText(u"{not json"_qs);
    QVERIFY(!editor.isValid());
    editor.setJsonMode(false);
    QVERIFY(editor.isValid());
    QVERIFY(!editor.findChild<QPushButton *>(u"formatBodyPushButton"_qs)->isEnabled());
}

QTEST_MAIN(tst_JsonBodyEditor)
#include "tst_jsonbodyeditor.moc"

void tst_JsonBodyEditor::anyJsonValueIsAValidBody_data()
{
    QTest::addColumn<QString>("body");
    QTest::newRow("string") << u"\"hello\""_qs;
    QTest::newRow("number") << u"42"_qs;
    QTest::newRow("negative fraction") << u" -0.5e3 "_qs;
    QTest::newRow("true") << u"true"_qs;
    QTest::newRow("null") << u"\nnull\n"_qs;
    QTest::newRow("object") << u"{\"a\": [1, \"x\"]}"_qs;
}

void tst_JsonBodyEditor::anyJsonValueIsAValidBody()
{
    QFETCH(QString, body);
    JsonBodyEditor editor;
    editor.setText(body);
    QVERIFY2(editor.isValid(), qPrintable(editor.errorText()));
    QCOMPARE(editor.findChild<QLabel *>(u"bodyValidationLabel"_qs)->text(), u"Valid JSON"_qs);
    QCOMPARE(editor.text(), body);
}

void tst_JsonBodyEditor::invalidSingleValueNamesItsPosition_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    // Garbage after a complete value is pointed at, not the value.
    QTest::newRow("two numbers") << u"42 43"_qs << 1 << 4;
    QTest::newRow("comma list") << u"\"a\",\n\"b\""_qs << 1 << 4;
    QTest::newRow("after a string") << u"\"h\u00e9llo\" x"_qs << 1 << 9;
    // A bad value: where Qt's parser stops in it, as for the same value inside an array.
    QTest::newRow("unknown literal") << u"tru"_qs << 1 << 2;
    QTest::newRow("second line") << u"\n  nul"_qs << 2 << 4;
}

void tst_JsonBodyEditor::invalidSingleValueNamesItsPosition()
{
    QFETCH(QString, body);
    QFETCH(int, line);
    QFETCH(int, column);
    JsonBodyEditor editor;
    editor.setText(body);
    QVERIFY(!editor.isValid());
    QCOMPARE(editor.errorLine(), line);
    QCOMPARE(editor.errorColumn(), column);
}
