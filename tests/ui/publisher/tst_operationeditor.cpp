// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "ui/common/recordtablemodel.h"
#include "ui/common/stageddocument.h"
#include "ui/publisher/operationeditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace portico;
using ui::OperationEditor;

class tst_OperationEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void typingTheTemplateFillsTheParameterTable_data();
    void typingTheTemplateFillsTheParameterTable();
    void undeclaredParameterIsFlaggedAndBlocksSave();
    void declaredButUnusedParameterIsMarked();
    void brokenTemplateIsExplainedWhileTyping();
    void undoRevertsTypingAsOneStep();
    void serverValidationErrorLandsNextToTheTemplate();
    void responseProblemsAreShownAtTheirRowAndBlockSave_data();
    void responseProblemsAreShownAtTheirRowAndBlockSave();
    void addResponseFillsInACodeNotYetUsed();
    void textThatIsNoStatusCodeIsKeptAndMarked();
};

namespace {

QStringList tableNames(OperationEditor &editor)
{
    auto *view = editor.findChild<QTableView *>(u"templateParametersTableView"_qs);
    QStringList names;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        names << view->model()->index(row, 0).data().toString();
    return names;
}

} // namespace

void tst_OperationEditor::typingTheTemplateFillsTheParameterTable_data()
{
    QTest::addColumn<QString>("urlTemplate");
    QTest::addColumn<QStringList>("parameters");
    QTest::newRow("RRS Execute")
        << u"/workspaces/{workspace}/services/{service}/execute?api-version={apiversion}&details={details}"_qs
        << QStringList { u"workspace"_qs, u"service"_qs, u"apiversion"_qs, u"details"_qs };
    QTest::newRow("BES Start")
        << u"/workspaces/{workspace}/services/{service}/jobs/{jobid}/start?api-version={apiversion}"_qs
        << QStringList { u"workspace"_qs, u"service"_qs, u"jobid"_qs, u"apiversion"_qs };
}

void tst_OperationEditor::typingTheTemplateFillsTheParameterTable()
{
    QFETCH(QString, urlTemplate);
    QFETCH(QStringList, parameters);
    OperationEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *edit = editor.findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs);
    QTest::keyClicks(edit, urlTemplate);
    QCOMPARE(tableNames(editor), parameters); // partial names ({w}, {wo}…) never stay behind
    QVERIFY(editor.undeclaredParameters().isEmpty());
    auto *message = editor.findChild<QLabel *>(u"urlTemplateMessageLabel"_qs);
    QVERIFY2(message->text().isEmpty(), qPrintable(message->text()));
    const QVariantList rows = editor.values().value(u"templateParameters"_qs).toList();
    for (const QVariant &row : rows) {
        QCOMPARE(row.toMap().value(u"type"_qs).toString(), u"string"_qs);
        QVERIFY(row.toMap().value(u"required"_qs).toBool());
    }
}

void tst_OperationEditor::undeclaredParameterIsFlaggedAndBlocksSave()
{
    OperationEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy saves(&editor, &OperationEditor::saveRequested);
    auto *autoDeclare = editor.findChild<QCheckBox *>(u"autoDeclareCheckBox"_qs);
    QTest::mouseClick(autoDeclare, Qt::LeftButton);
    QVERIFY(!autoDeclare->isChecked());
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs), u"BES Status"_qs);
    auto *edit = editor.findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs);
    const QString typed = u"/workspaces/{workspace}/services/{service}/jobs/{jobid}?api-version={apiversion}"_qs;
    QTest::keyClicks(edit, typed);
    QCOMPARE(editor.undeclaredParameters(),
             (QStringList { u"workspace"_qs, u"service"_qs, u"jobid"_qs, u"apiversion"_qs }));
    auto *message = editor.findChild<QLabel *>(u"urlTemplateMessageLabel"_qs);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"“jobid” is used in the URL template but not declared"_qs),
             qPrintable(message->text()));
    QTest::mouseClick(editor.findChild<QPushButton *>(u"operationSavePushButton"_qs), Qt::LeftButton);
    QCOMPARE(saves.count(), 0);
    QCOMPARE(edit->text(), typed);

    auto *declare = editor.findChild<QPushButton *>(u"declareMissingPushButton"_qs);
    QVERIFY(declare->isEnabled());
    QTest::mouseClick(declare, Qt::LeftButton);
    QVERIFY(editor.undeclaredParameters().isEmpty());
    QVERIFY(message->text().isEmpty());
    QTest::mouseClick(editor.findChild<QPushButton *>(u"operationSavePushButton"_qs), Qt::LeftButton);
    QCOMPARE(saves.count(), 1);
    const QVariantMap values = saves.first().at(0).toMap();
    QCOMPARE(values.value(u"urlTemplate"_qs).toString(), typed);
    QCOMPARE(values.value(u"name"_qs).toString(), u"bes-status"_qs);
    QCOMPARE(values.value(u"method"_qs).toString(), u"GET"_qs);
}

void tst_OperationEditor::declaredButUnusedParameterIsMarked()
{
    OperationEditor editor;
    auto *edit = editor.findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs);
    QTest::keyClicks(edit, u"/jobs/{jobid}"_qs);
    // The user describes the parameter, so it is no longer an untouched automatic row.
    auto *view = editor.findChild<QTableView *>(u"templateParametersTableView"_qs);
    QVERIFY(view->model()->setData(view->model()->index(0, 4), u"The job id"_qs));
    edit->selectAll();
    QTest::keyClicks(edit, u"/jobs"_qs);
    QCOMPARE(tableNames(editor), QStringList { u"jobid"_qs });
    QCOMPARE(view->model()->index(0, 0).data(Qt::ToolTipRole).toString(),
             u"Not used in the URL template."_qs);
    QVERIFY(editor.findChild<QLabel *>(u"urlTemplateMessageLabel"_qs)->text().contains(u"declared but not used"_qs));
    QVERIFY(!editor.validate());
}

void tst_OperationEditor::brokenTemplateIsExplainedWhileTyping()
{
    OperationEditor editor;
    auto *edit = editor.findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs);
    QTest::keyClicks(edit, u"/jobs/{jobid"_qs);
    auto *message = editor.findChild<QLabel *>(u"urlTemplateMessageLabel"_qs);
    QVERIFY2(message->text().contains(u"Unbalanced brace at character 7"_qs), qPrintable(message->text()));
    QTest::keyClicks(edit, u"}"_qs);
    QVERIFY(message->text().isEmpty());
    QCOMPARE(tableNames(editor), QStringList { u"jobid"_qs });
}

void tst_OperationEditor::undoRevertsTypingAsOneStep()
{
    OperationEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *edit = editor.findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs);
    edit->setFocus();
    QTest::keyClicks(edit, u"/items/{id}"_qs);
    QCOMPARE(tableNames(editor), QStringList { u"id"_qs });
    QVERIFY(editor.document()->isDirty());
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier); // the automatic declaration
    QCOMPARE(tableNames(editor), QStringList());
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier); // the typing
    QCOMPARE(edit->text(), QString());
    QVERIFY(!editor.document()->isDirty());
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(edit->text(), u"/items/{id}"_qs);
    QCOMPARE(tableNames(editor), QStringList { u"id"_qs });
}

void tst_OperationEditor::serverValidationErrorLandsNextToTheTemplate()
{
    OperationEditor editor;
    editor.show();
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs), u"Get item"_qs);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs), u"/items/{id}"_qs);
    QSignalSpy saves(&editor, &OperationEditor::saveRequested);
    QTest::mouseClick(editor.findChild<QPushButton *>(u"operationSavePushButton"_qs), Qt::LeftButton);
    QCOMPARE(saves.count(), 1);
    core::Error error = core::Error::make(core::Error::Kind::Http,
                                          u"One or more fields contain incorrect values:"_qs,
                                          u"ValidationError"_qs);
    error.details.append({ u"ValidationError"_qs, u"Operation with the same method and template exists"_qs,
                           u"urlTemplate"_qs });
    editor.saveFailed(error);
    QVERIFY(editor.findChild<QLabel *>(u"urlTemplateMessageLabel"_qs)->text().contains(u"same method"_qs));
    QCOMPARE(editor.findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs)->text(), u"/items/{id}"_qs);
    QVERIFY(editor.findChild<QPushButton *>(u"operationSavePushButton"_qs)->isEnabled());
}

void tst_OperationEditor::responseProblemsAreShownAtTheirRowAndBlockSave_data()
{
    QTest::addColumn<QString>("typed"); // the status code typed into the added row (empty: none)
    QTest::addColumn<QString>("atRow");
    QTest::newRow("the same code twice")
        << u"200"_qs << u"Status code 200 is already described in row 1: describe each status code once."_qs;
    QTest::newRow("not a status code")
        << u"700"_qs << u"700 is not an HTTP status code: use a code from 100 to 599."_qs;
}

// The editor starts with "200 OK"; the user adds a response and gives it 200 too, or a code that
// is no HTTP status. The problem is said at that row (its tooltip,
// and below the table), the Responses tab is shown, Save sends nothing and the row stays as
// typed; once the code is fixed the operation is saved with both responses.
void tst_OperationEditor::responseProblemsAreShownAtTheirRowAndBlockSave()
{
    QFETCH(QString, typed);
    QFETCH(QString, atRow);
    OperationEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs), u"Score"_qs);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs), u"/score"_qs);
    auto *tabs = editor.findChild<QTabWidget *>(u"operationTabWidget"_qs);
    auto *view = editor.findChild<QTableView *>(u"responsesTableView"_qs);
    QVERIFY(view);
    tabs->setCurrentWidget(view->parentWidget()); // the Responses tab
    QTest::mouseClick(editor.findChild<QPushButton *>(u"responsesAddPushButton"_qs), Qt::LeftButton);
    QCOMPARE(view->model()->rowCount(), 2);
    auto *cell = view->viewport()->findChild<QLineEdit *>(); // Add opened the status code cell
    QVERIFY(cell);
    cell->selectAll();
    QTest::keyClicks(cell, typed);
    QTest::keyClick(cell, Qt::Key_Return);
    const QModelIndex code = view->model()->index(1, 0);
    const int shownCode = typed.toInt();
    QTRY_COMPARE(code.data().toInt(), shownCode); // the view commits the cell from the event loop
    tabs->setCurrentIndex(0); // the user is elsewhere when saving

    QSignalSpy saves(&editor, &OperationEditor::saveRequested);
    QTest::mouseClick(editor.findChild<QPushButton *>(u"operationSavePushButton"_qs), Qt::LeftButton);
    QCOMPARE(saves.count(), 0);
    QCOMPARE(tabs->currentWidget(), view->parentWidget()); // the Responses tab is shown
    QCOMPARE(code.data(Qt::ToolTipRole).toString(), atRow);
    QVERIFY(view->model()->index(0, 0).data(Qt::ToolTipRole).toString().isEmpty()); // row 1 is fine
    auto *message = editor.findChild<QLabel *>(u"responsesMessageLabel"_qs);
    QVERIFY(message);
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), u"Row 2: "_qs + atRow);
    QCOMPARE(view->model()->rowCount(), 2); // kept as typed
    QCOMPARE(code.data().toInt(), shownCode);

    // Fixed: the marks go, and Save sends both responses.
    QVERIFY(view->model()->setData(code, u"404"_qs));
    QVERIFY(code.data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!message->isVisible());
    QTest::mouseClick(editor.findChild<QPushButton *>(u"operationSavePushButton"_qs), Qt::LeftButton);
    QCOMPARE(saves.count(), 1);
    const QVariantList responses = saves.first().at(0).toMap().value(u"responses"_qs).toList();
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses.at(0).toMap().value(u"statusCode"_qs).toInt(), 200);
    QCOMPARE(responses.at(1).toMap().value(u"statusCode"_qs).toInt(), 404);
}

namespace {

// Opens the Responses tab of a fresh editor named "Score" at /score (one response: 200 OK).
QTableView *responsesOf(OperationEditor &editor)
{
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs), u"Score"_qs);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs), u"/score"_qs);
    auto *view = editor.findChild<QTableView *>(u"responsesTableView"_qs);
    editor.findChild<QTabWidget *>(u"operationTabWidget"_qs)->setCurrentWidget(view->parentWidget());
    return view;
}

} // namespace

// With "200 OK" already there, Add response fills in a common code not yet used, so the new row
// is not a problem by itself and Save sends both responses; a second Add picks yet another code.
void tst_OperationEditor::addResponseFillsInACodeNotYetUsed()
{
    OperationEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QTableView *view = responsesOf(editor);
    QAbstractItemModel *model = view->model();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 0).data().toInt(), 200);
    auto *add = editor.findChild<QPushButton *>(u"responsesAddPushButton"_qs);
    QTest::mouseClick(add, Qt::LeftButton);
    QTest::keyClick(view->viewport()->findChild<QLineEdit *>(), Qt::Key_Escape); // leaves it as filled in
    QCOMPARE(model->rowCount(), 2);
    const int second = model->index(1, 0).data().toInt();
    QVERIFY2(second != 200, qPrintable(QString::number(second)));
    QVERIFY2(second >= 100 && second <= 599, qPrintable(QString::number(second)));
    QVERIFY(model->index(1, 0).data(Qt::ToolTipRole).toString().isEmpty()); // not marked
    QVERIFY(!editor.findChild<QLabel *>(u"responsesMessageLabel"_qs)->isVisible());

    QTest::mouseClick(add, Qt::LeftButton);
    QTest::keyClick(view->viewport()->findChild<QLineEdit *>(), Qt::Key_Escape);
    const int third = model->index(2, 0).data().toInt();
    QVERIFY(third != 200 && third != second);
    QVERIFY(model->index(2, 0).data(Qt::ToolTipRole).toString().isEmpty());

    QSignalSpy saves(&editor, &OperationEditor::saveRequested);
    QTest::mouseClick(editor.findChild<QPushButton *>(u"operationSavePushButton"_qs), Qt::LeftButton);
    QCOMPARE(saves.count(), 1);
    QList<int> codes;
    for (const QVariant &response : saves.first().at(0).toMap().value(u"responses"_qs).toList())
        codes << response.toMap().value(u"statusCode"_qs).toInt();
    QCOMPARE(codes, (QList<int> { 200, second, third }));
}

// Text that is no number typed into a status code cell stays there as typed; the row is marked,
// the problem is said below the table and Save sends nothing until the user makes it 201.
void tst_OperationEditor::textThatIsNoStatusCodeIsKeptAndMarked()
{
    OperationEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QTableView *view = responsesOf(editor);
    QAbstractItemModel *model = view->model();
    QTest::mouseClick(editor.findChild<QPushButton *>(u"responsesAddPushButton"_qs), Qt::LeftButton);
    const QModelIndex code = model->index(1, 0);
    // Whatever editor Add opened on the status code cell, the user replaces its text by "20x".
    QWidget *cell = view->indexWidget(code) ? view->indexWidget(code) : QApplication::focusWidget();
    QVERIFY(cell);
    QTest::keyClick(cell, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(cell, u"20x"_qs);
    QTest::keyClick(cell, Qt::Key_Return);
    QTRY_COMPARE(code.data().toString(), u"20x"_qs); // the user's text is kept
    const QString problem = u"“20x” is not a status code: use a number from 100 to 599."_qs;
    QCOMPARE(code.data(Qt::ToolTipRole).toString(), problem);
    QVERIFY(model->index(0, 0).data(Qt::ToolTipRole).toString().isEmpty());
    auto *message = editor.findChild<QLabel *>(u"responsesMessageLabel"_qs);
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), u"Row 2: "_qs + problem);

    QSignalSpy saves(&editor, &OperationEditor::saveRequested);
    QTest::mouseClick(editor.findChild<QPushButton *>(u"operationSavePushButton"_qs), Qt::LeftButton);
    QCOMPARE(saves.count(), 0);
    QCOMPARE(code.data().toString(), u"20x"_qs);

    // The user opens the cell again: it shows "20x", and they make it 201.
    view->setCurrentIndex(code);
    view->edit(code);
    auto *edit = view->viewport()->findChild<QLineEdit *>();
    QVERIFY(edit);
    QCOMPARE(edit->text(), u"20x"_qs);
    edit->selectAll();
    QTest::keyClicks(edit, u"201"_qs);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(code.data().toInt(), 201);
    QVERIFY(code.data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!message->isVisible());
    QTest::mouseClick(editor.findChild<QPushButton *>(u"operationSavePushButton"_qs), Qt::LeftButton);
    QCOMPARE(saves.count(), 1);
    const QVariantList responses = saves.first().at(0).toMap().value(u"responses"_qs).toList();
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses.at(1).toMap().value(u"statusCode"_qs).toInt(), 201);
}

QTEST_MAIN(tst_OperationEditor)
#include "tst_operationeditor.moc"
