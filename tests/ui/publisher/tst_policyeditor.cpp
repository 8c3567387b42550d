// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/model/policy.h"
#include "ui/common/stageddocument.h"
#include "ui/publisher/policydocument.h"
#include "ui/publisher/policyeditor.h"

#include <QAction>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextLayout>
#include <QTest>
#include <QUndoStack>
#include <QXmlStreamReader>

using namespace portico;
using ui::PolicyEditor;

namespace {

const QString kStarter = u"<policies><inbound><rate-limit calls=\"5\" renewal-period=\"60\" />"
                         "<quota calls=\"100\" renewal-period=\"604800\" /><base /></inbound>"
                         "<backend><base /></backend><outbound><base /></outbound>"
                         "<on-error><base /></on-error></policies>"_qs;
const QString kGlobal = u"<policies><inbound /><backend><forward-request /></backend>"
                        "<outbound /></policies>"_qs;
const QString kApi = u"<policies>\n"
                     "  <inbound>\n"
                     "    <base />\n"
                     "    <set-header name=\"Authorization\" exists-action=\"override\">\n"
                     "      <value>Bearer {{ml-key}}</value>\n"
                     "    </set-header>\n"
                     "  </inbound>\n"
                     "  <backend>\n    <base />\n  </backend>\n"
                     "  <outbound>\n    <base />\n  </outbound>\n"
                     "</policies>"_qs;

// The elements enclosing the first <name> of `xml` ("policies/inbound"), read as the server
// reads rawxml; empty when there is none.
QString pathOf(const QString &xml, const QString &name)
{
    QXmlStreamReader reader(core::Policy::escapeExpressions(xml));
    QStringList open;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            if (reader.name() == name)
                return open.join(u'/');
            open.append(reader.name().toString());
        } else if (reader.isEndElement()) {
            open.removeLast();
        }
    }
    return {};
}

bool wellFormed(const QString &xml)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd())
        reader.readNext();
    return !reader.hasError();
}

} // namespace

class tst_PolicyEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void malformedXmlIsMarkedAtLineAndColumnAndNotSent();
    void serverErrorIsMarkedAtItsLine();
    void serverErrorWithOnlyALineNamesNoColumn();
    void serverErrorWithoutPositionShowsBannerAndKeepsText();
    void snippetsLandInsideInboundAndStayWellFormed_data();
    void snippetsLandInsideInboundAndStayWellFormed();
    void snippetsLandInsideASectionThatAcceptsThem_data();
    void snippetsLandInsideASectionThatAcceptsThem();
    void snippetsAzureRefusesAtTheScopeAreDisabledAndSayWhy();
    void retryAfterAFailedSaveSendsTheCurrentTextAgain_data();
    void retryAfterAFailedSaveSendsTheCurrentTextAgain();
    void retryAfterAFailedOverwriteOverwritesAgain();
    void effectivePolicyExpandsInheritedBase();
    void effectivePolicyShowsExpressionsAsTyped();
    void editsAreUndoableAndRevertable();
    void highlighterColoursElementsAndAttributes();
    void rawExpressionsAreSentAsTyped();
    void problemsAreExplainedWhereTheyWereTyped_data();
    void problemsAreExplainedWhereTheyWereTyped();
    void failedLoadKeepsTheEditorReadOnlyUntilALoadSucceeds();
    void failedLoadDoesNotShowTheParentsAsTheEffectivePolicy();
};

void tst_PolicyEditor::malformedXmlIsMarkedAtLineAndColumnAndNotSent()
{
    PolicyEditor editor;
    editor.load(u"API"_qs, kApi);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy saves(&editor, &PolicyEditor::saveRequested);
    auto *edit = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    // Break line 4: an unterminated attribute value.
    QString broken = kApi;
    broken.replace(u"exists-action=\"override\">"_qs, u"exists-action=\"override>"_qs);
    edit->setPlainText(broken);
    QVERIFY(editor.isDirty());
    QTest::mouseClick(editor.findChild<QPushButton *>(u"policySavePushButton"_qs), Qt::LeftButton);
    QCOMPARE(saves.count(), 0);
    QVERIFY(editor.problemLine() >= 4);
    QVERIFY(editor.problemColumn() > 0);
    auto *problem = editor.findChild<QLabel *>(u"policyProblemLabel"_qs);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().startsWith(u"Line %1, column"_qs.arg(editor.problemLine())),
             qPrintable(problem->text()));
    QCOMPARE(edit->textCursor().blockNumber() + 1, editor.problemLine());
    QVERIFY(!edit->extraSelections().isEmpty());
    QCOMPARE(edit->toPlainText(), broken); // the user's text is kept
}

void tst_PolicyEditor::serverErrorIsMarkedAtItsLine()
{
    PolicyEditor editor;
    editor.load(u"API"_qs, kApi);
    auto *edit = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    QString unknown = kApi;
    unknown.replace(u"<base />\n    <set-header"_qs, u"<base />\n    <no-such-policy />\n    <set-header"_qs);
    edit->setPlainText(unknown);
    QSignalSpy saves(&editor, &PolicyEditor::saveRequested);
    QTest::mouseClick(editor.findChild<QPushButton *>(u"policySavePushButton"_qs), Qt::LeftButton);
    QCOMPARE(saves.count(), 1); // well-formed: the server decides
    core::Error error = core::Error::make(core::Error::Kind::Http,
                                          u"One or more fields contain incorrect values:"_qs,
                                          u"ValidationError"_qs);
    error.httpStatus = 400;
    error.details.append({ u"ValidationError"_qs,
                           u"Error in element 'no-such-policy' on line 4, column 5: "
                           "unknown policy"_qs,
                           u"no-such-policy"_qs });
    editor.saveFailed(error);
    QCOMPARE(editor.problemLine(), 4);
    QCOMPARE(editor.problemColumn(), 5);
    QVERIFY(editor.problemText().contains(u"no-such-policy"_qs));
    QCOMPARE(edit->toPlainText(), unknown);
    QVERIFY(editor.isDirty());
}

void tst_PolicyEditor::serverErrorWithOnlyALineNamesNoColumn()
{
    PolicyEditor editor;
    editor.load(u"API"_qs, kApi);
    auto *edit = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    edit->setPlainText(kApi + u"\n"_qs);
    QTest::mouseClick(editor.findChild<QPushButton *>(u"policySavePushButton"_qs), Qt::LeftButton);
    core::Error error = core::Error::make(core::Error::Kind::Http,
                                          u"One or more fields contain incorrect values:"_qs,
                                          u"ValidationError"_qs);
    error.httpStatus = 400;
    // As portico-local's gateway checks word it (compiledpolicy.cpp): a line, no column.
    error.details.append({ u"ValidationError"_qs,
                           u"Error in element 'set-header' on line 4: exists-action must be "
                           "override, skip, append or delete."_qs,
                           u"value"_qs });
    editor.saveFailed(error);
    QCOMPARE(editor.problemLine(), 4);
    QCOMPARE(editor.problemText(),
             u"Line 4: Error in element 'set-header' on line 4: exists-action must be override, "
             "skip, append or delete."_qs);
}

void tst_PolicyEditor::serverErrorWithoutPositionShowsBannerAndKeepsText()
{
    PolicyEditor editor;
    editor.load(u"API"_qs, kApi);
    editor.show();
    auto *edit = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    edit->setPlainText(kApi + u"\n"_qs);
    QTest::mouseClick(editor.findChild<QPushButton *>(u"policySavePushButton"_qs), Qt::LeftButton);
    editor.saveFailed(core::Error::make(core::Error::Kind::Network, u"Connection refused"_qs));
    auto *banner = editor.findChild<QLabel *>(u"bannerMessageLabel"_qs);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(u"Connection refused"_qs));
    QCOMPARE(edit->toPlainText(), kApi + u"\n"_qs);
    QVERIFY(editor.findChild<QPushButton *>(u"policySavePushButton"_qs)->isEnabled());
}

void tst_PolicyEditor::snippetsLandInsideInboundAndStayWellFormed_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("element");
    QTest::newRow("rate-limit") << u"rateLimitSnippetAction"_qs << u"<rate-limit "_qs;
    QTest::newRow("quota") << u"quotaSnippetAction"_qs << u"<quota "_qs;
    QTest::newRow("set-header") << u"setHeaderSnippetAction"_qs << u"<set-header "_qs;
    QTest::newRow("cors") << u"corsSnippetAction"_qs << u"<cors "_qs;
    QTest::newRow("ip-filter") << u"ipFilterSnippetAction"_qs << u"<ip-filter "_qs;
    QTest::newRow("mock-response") << u"mockResponseSnippetAction"_qs << u"<mock-response "_qs;
}

void tst_PolicyEditor::snippetsLandInsideInboundAndStayWellFormed()
{
    QFETCH(QString, action);
    QFETCH(QString, element);
    PolicyEditor editor;
    editor.load(u"API"_qs, kApi);
    auto *edit = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    QTextCursor start = edit->textCursor();
    start.setPosition(0); // outside any section: goes after inbound's <base />
    edit->setTextCursor(start);
    auto *snippet = editor.findChild<QAction *>(action);
    QVERIFY(snippet);
    snippet->trigger();
    const QString xml = edit->toPlainText();
    const qsizetype at = xml.indexOf(element);
    QVERIFY2(at > xml.indexOf(u"<inbound>"_qs) && at < xml.indexOf(u"</inbound>"_qs), qPrintable(xml));
    QVERIFY2(at > xml.indexOf(u"<base />"_qs), qPrintable(xml));
    QVERIFY2(wellFormed(xml), qPrintable(xml));
    QVERIFY(editor.isDirty());
}

void tst_PolicyEditor::snippetsLandInsideASectionThatAcceptsThem_data()
{
    QTest::addColumn<QString>("xml");
    QTest::addColumn<QString>("cursorAfter"); // the cursor goes after the first match; "" = 0
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("linePrefix"); // what precedes the snippet on its line
    const QString bicep = u"<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <outbound>\n"
                          "    <base />\n  </outbound>\n</policies>"_qs;
    // What portico-local (and Azure) seed as the global policy: the cursor at 0 used to put the
    // snippet before <policies>, and Save refused the document.
    QTest::newRow("seeded global policy, cursor at 0")
        << kGlobal << QString() << u"rateLimitSnippetAction"_qs << u"policies/inbound"_qs
        << u"<policies><inbound>"_qs;
    QTest::newRow("<inbound/> without a space")
        << u"<policies>\n  <inbound/>\n  <backend>\n    <forward-request />\n  </backend>\n</policies>"_qs
        << QString() << u"ipFilterSnippetAction"_qs << u"policies/inbound"_qs << u"    "_qs;
    // In the middle of a start tag: the snippet used to land inside it.
    QTest::newRow("cursor inside a start tag")
        << kApi << u"<set-header name=\"Authorization\" "_qs << u"rateLimitSnippetAction"_qs
        << u"policies/inbound"_qs << u"    "_qs;
    QTest::newRow("cursor inside an element's value")
        << kApi << u"<value>Bearer"_qs << u"corsSnippetAction"_qs << u"policies/inbound"_qs << u"    "_qs;
    QTest::newRow("cursor inside an expression with a raw <")
        << u"<policies>\n  <inbound>\n    <set-header name=\"X-Small\" exists-action=\"override\">\n"
           "      <value>@(1 < 2 ? \"y\" : \"n\")</value>\n    </set-header>\n  </inbound>\n</policies>"_qs
        << u"@(1 <"_qs << u"quotaSnippetAction"_qs << u"policies/inbound"_qs << u"    "_qs;
    QTest::newRow("cursor in a comment")
        << u"<policies>\n  <inbound>\n    <!-- limits go here -->\n  </inbound>\n</policies>"_qs
        << u"<!-- limits"_qs << u"rateLimitSnippetAction"_qs << u"policies/inbound"_qs << u"    "_qs;
    QTest::newRow("cursor in a section rate-limit is not allowed in")
        << bicep << u"<outbound>\n    <base />"_qs << u"rateLimitSnippetAction"_qs
        << u"policies/inbound"_qs << u"    "_qs;
    QTest::newRow("set-header where the cursor is, in outbound")
        << bicep << u"<outbound>\n    <base />"_qs << u"setHeaderSnippetAction"_qs
        << u"policies/outbound"_qs << u"    "_qs;
    QTest::newRow("no inbound: added before backend")
        << u"<policies>\n  <backend>\n    <forward-request />\n  </backend>\n</policies>"_qs
        << QString() << u"rateLimitSnippetAction"_qs << u"policies/inbound"_qs << u"    "_qs;
    QTest::newRow("no section at all")
        << u"<policies>\n</policies>"_qs << u"</policies>"_qs << u"mockResponseSnippetAction"_qs
        << u"policies/inbound"_qs << u"        "_qs;
    QTest::newRow("empty <policies/>")
        << u"<policies/>"_qs << QString() << u"rateLimitSnippetAction"_qs << u"policies/inbound"_qs
        << u"<policies><inbound>"_qs;
}

void tst_PolicyEditor::snippetsLandInsideASectionThatAcceptsThem()
{
    QFETCH(QString, xml);
    QFETCH(QString, cursorAfter);
    QFETCH(QString, action);
    QFETCH(QString, section);
    QFETCH(QString, linePrefix);
    QVERIFY2(ui::policydocument::check(xml).isEmpty(), "the row's document is well-formed");
    PolicyEditor editor;
    editor.load(u"Global"_qs, xml);
    auto *edit = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(cursorAfter.isEmpty() ? 0 : int(xml.indexOf(cursorAfter) + cursorAfter.size()));
    edit->setTextCursor(cursor);
    auto *snippet = editor.findChild<QAction *>(action);
    QVERIFY(snippet && snippet->isEnabled());
    snippet->trigger();
    const QString result = edit->toPlainText();
    // The snippet's element, as the action inserts it.
    const QString name = snippet->objectName() == u"rateLimitSnippetAction"_qs ? u"rate-limit"_qs
        : snippet->objectName() == u"quotaSnippetAction"_qs                    ? u"quota"_qs
        : snippet->objectName() == u"setHeaderSnippetAction"_qs                ? u"set-header"_qs
        : snippet->objectName() == u"corsSnippetAction"_qs                     ? u"cors"_qs
        : snippet->objectName() == u"ipFilterSnippetAction"_qs                 ? u"ip-filter"_qs
                                                                               : u"mock-response"_qs;
    QVERIFY2(ui::policydocument::check(result).isEmpty(), qPrintable(result));
    QVERIFY2(wellFormed(core::Policy::escapeExpressions(result)), qPrintable(result));
    QCOMPARE(pathOf(result, name), section);
    // Indented like its neighbours (or on the document's one line).
    const qsizetype at = result.indexOf(u'<' + name + (name == u"set-header"_qs ? u" name=\"X-Example\""_qs : QString()));
    QVERIFY2(at >= 0, qPrintable(result));
    const qsizetype lineStart = result.lastIndexOf(u'\n', at) + 1;
    QCOMPARE(result.mid(lineStart, at - lineStart), linePrefix);
    // The text cursor ends after the inserted element.
    QVERIFY2(edit->textCursor().position() > at, qPrintable(result));
    QVERIFY(editor.isDirty());
}

void tst_PolicyEditor::snippetsAzureRefusesAtTheScopeAreDisabledAndSayWhy()
{
    PolicyEditor editor;
    editor.load(u"API echo"_qs, kApi);
    auto *rateLimit = editor.findChild<QAction *>(u"rateLimitSnippetAction"_qs);
    auto *quota = editor.findChild<QAction *>(u"quotaSnippetAction"_qs);
    editor.setScope(core::PolicyScope::Kind::Api);
    QVERIFY(rateLimit->isEnabled());
    QVERIFY(!quota->isEnabled());
    QVERIFY2(quota->toolTip().contains(u"only in a product's policy"_qs), qPrintable(quota->toolTip()));
    editor.insertSnippet(PolicyEditor::Snippet::Quota);
    QCOMPARE(editor.text(), kApi);

    editor.setScope(core::PolicyScope::Kind::Global);
    QVERIFY(!rateLimit->isEnabled());
    QVERIFY2(rateLimit->toolTip().contains(u"not in the global policy"_qs), qPrintable(rateLimit->toolTip()));
    QVERIFY(!quota->isEnabled());
    QVERIFY(editor.findChild<QAction *>(u"setHeaderSnippetAction"_qs)->isEnabled());

    editor.setScope(core::PolicyScope::Kind::Product);
    QVERIFY(rateLimit->isEnabled());
    QVERIFY(quota->isEnabled());
    QCOMPARE(quota->toolTip(), u"Quota"_qs);
}

void tst_PolicyEditor::retryAfterAFailedSaveSendsTheCurrentTextAgain_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("network") << int(core::Error::Kind::Network) << 0 << QString();
    QTest::newRow("503") << int(core::Error::Kind::Http) << 503 << u"ServiceUnavailable"_qs;
    QTest::newRow("409 PessimisticConcurrencyConflict")
        << int(core::Error::Kind::Http) << 409 << u"PessimisticConcurrencyConflict"_qs;
    QTest::newRow("403") << int(core::Error::Kind::Forbidden) << 403 << u"AuthorizationFailed"_qs;
}

// Retry on the banner of a failed save used to do nothing once the policy had been loaded.
void tst_PolicyEditor::retryAfterAFailedSaveSendsTheCurrentTextAgain()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QString, code);
    PolicyEditor editor;
    editor.load(u"API echo"_qs, kApi);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *edit = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    edit->setPlainText(kApi + u"\n"_qs);
    QSignalSpy saves(&editor, &PolicyEditor::saveRequested);
    QSignalSpy overwrites(&editor, &PolicyEditor::overwriteRequested);
    QTest::mouseClick(editor.findChild<QPushButton *>(u"policySavePushButton"_qs), Qt::LeftButton);
    QCOMPARE(saves.count(), 1);
    core::Error error = core::Error::make(core::Error::Kind(kind), u"Operation on the API is in progress"_qs, code);
    error.httpStatus = status;
    editor.saveFailed(error);
    auto *retry = editor.findChild<QPushButton *>(u"bannerRetryPushButton"_qs);
    QVERIFY(retry->isVisible());
    // The user goes on typing before retrying: what is sent is what is in the editor.
    edit->setPlainText(kApi + u"\n\n"_qs);
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(saves.count(), 2);
    QCOMPARE(saves.last().first().toString(), kApi + u"\n\n"_qs);
    QCOMPARE(overwrites.count(), 0);
    editor.saveSucceeded(kApi + u"\n\n"_qs);
    QVERIFY(!editor.isDirty());
}

void tst_PolicyEditor::retryAfterAFailedOverwriteOverwritesAgain()
{
    PolicyEditor editor;
    editor.load(u"API echo"_qs, kApi);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *edit = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    edit->setPlainText(kApi + u"\n"_qs);
    QSignalSpy saves(&editor, &PolicyEditor::saveRequested);
    QSignalSpy overwrites(&editor, &PolicyEditor::overwriteRequested);
    QTest::mouseClick(editor.findChild<QPushButton *>(u"policySavePushButton"_qs), Qt::LeftButton);
    editor.saveConflicted();
    QTest::mouseClick(editor.findChild<QPushButton *>(u"policyOverwritePushButton"_qs), Qt::LeftButton);
    QCOMPARE(overwrites.count(), 1);
    editor.saveFailed(core::Error::make(core::Error::Kind::Network, u"Connection refused"_qs));
    // Retried as an overwrite (If-Match: *), not as a save that would conflict again.
    QTest::mouseClick(editor.findChild<QPushButton *>(u"bannerRetryPushButton"_qs), Qt::LeftButton);
    QCOMPARE(overwrites.count(), 2);
    QCOMPARE(overwrites.last().first().toString(), kApi + u"\n"_qs);
    QCOMPARE(saves.count(), 1);
}

void tst_PolicyEditor::effectivePolicyExpandsInheritedBase()
{
    PolicyEditor editor;
    editor.load(u"API AzureML Demo API"_qs, kApi);
    editor.setInheritedPolicies({ { u"Global"_qs, kGlobal }, { u"Product Starter"_qs, kStarter } });
    auto *tabs = editor.findChild<QTabWidget *>(u"policyTabWidget"_qs);
    auto *effective = editor.findChild<QPlainTextEdit *>(u"effectivePolicyPlainTextEdit"_qs);
    tabs->setCurrentWidget(effective);
    const QString text = effective->toPlainText();
    QVERIFY2(wellFormed(text), qPrintable(text));
    QVERIFY2(!text.contains(u"<base"_qs), qPrintable(text));
    // Order: the product's limits (inherited), then the API's own header.
    const qsizetype rate = text.indexOf(u"<rate-limit"_qs);
    const qsizetype header = text.indexOf(u"<set-header"_qs);
    QVERIFY2(rate >= 0 && header > rate, qPrintable(text));
    QVERIFY(text.contains(u"<forward-request/>"_qs) || text.contains(u"<forward-request />"_qs));
    QVERIFY(text.contains(u"inherited from Product Starter"_qs));

    // Edits show up live.
    auto *edit = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    QString changed = kApi;
    changed.replace(u"Bearer {{ml-key}}"_qs, u"Bearer {{other}}"_qs);
    edit->setPlainText(changed);
    QVERIFY(effective->toPlainText().contains(u"{{other}}"_qs));
}

void tst_PolicyEditor::effectivePolicyShowsExpressionsAsTyped()
{
    const QString body = u"@(context.Request.Body.As<string>().Length > 10 && true ? \"big\" : \"small\")"_qs;
    const QString key = u"@(context.Request.Headers.GetValueOrDefault(\"X-Client\", \"anonymous\"))"_qs;
    PolicyEditor editor;
    editor.setInheritedPolicies({ { u"Global"_qs, kGlobal } });
    editor.load(u"API x"_qs, u"<policies>\n  <inbound>\n    <base />\n    <rate-limit-by-key calls=\"5\" renewal-period=\"30\" counter-key=\""_qs
                    + key + u"\" />\n    <set-header name=\"X-Big\" exists-action=\"override\">\n      <value>"_qs + body
                    + u"</value>\n    </set-header>\n  </inbound>\n</policies>"_qs);
    auto *effective = editor.findChild<QPlainTextEdit *>(u"effectivePolicyPlainTextEdit"_qs);
    editor.findChild<QTabWidget *>(u"policyTabWidget"_qs)->setCurrentWidget(effective);
    const QString text = effective->toPlainText();
    // As in the Policy tab, not &lt;string&gt; or &quot;X-Client&quot;.
    QVERIFY2(text.contains(body), qPrintable(text));
    QVERIFY2(text.contains(u"counter-key=\""_qs + key + u'"'), qPrintable(text));
    QVERIFY2(ui::policydocument::check(text).isEmpty(), qPrintable(text));
}

void tst_PolicyEditor::editsAreUndoableAndRevertable()
{
    PolicyEditor editor;
    editor.load(u"API"_qs, kApi);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    auto *edit = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    auto *dirty = editor.findChild<QLabel *>(u"policyDirtyLabel"_qs);
    QVERIFY(dirty->text().isEmpty());
    edit->setFocus();
    edit->moveCursor(QTextCursor::End);
    QTest::keyClicks(edit, u"<!-- x -->"_qs);
    QVERIFY(editor.isDirty());
    QCOMPARE(dirty->text(), u"Modified"_qs);
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(edit->toPlainText(), kApi);
    QVERIFY(!editor.isDirty());
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(edit->toPlainText(), kApi + u"<!-- x -->"_qs);
    QTest::mouseClick(editor.findChild<QPushButton *>(u"policyRevertPushButton"_qs), Qt::LeftButton);
    QCOMPARE(edit->toPlainText(), kApi);
    QVERIFY(!editor.isDirty());
    editor.document()->undoStack()->undo(); // a revert is itself undoable
    QCOMPARE(edit->toPlainText(), kApi + u"<!-- x -->"_qs);
}

void tst_PolicyEditor::highlighterColoursElementsAndAttributes()
{
    PolicyEditor editor;
    editor.load(u"API"_qs, kApi);
    auto *edit = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    const QTextBlock line = edit->document()->findBlockByNumber(3); // <set-header name=...>
    const QList<QTextLayout::FormatRange> formats = line.layout()->formats();
    QVERIFY(formats.size() >= 3);
    QSet<QRgb> colours;
    for (const auto &range : formats)
        colours.insert(range.format.foreground().color().rgb());
    QVERIFY2(colours.size() >= 3, "element, attribute name and value get distinct colours");
}

void tst_PolicyEditor::rawExpressionsAreSentAsTyped()
{
    PolicyEditor editor;
    editor.load(u"API"_qs, kApi);
    auto *edit = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    // rawxml (apim-protocol.md §3.8): raw <, > and && inside @(...) and @{...}.
    QString raw = kApi;
    raw.replace(u"Bearer {{ml-key}}"_qs,
                u"@(\"R&D\" + (context.Request.Headers.Count > 1 && 1 < 2 ? \"-1\" : \"\"))"_qs);
    raw.replace(u"<base />\n  </backend>"_qs,
                u"<base />\n    <set-header name=\"X-Small\" exists-action=\"override\">\n"
                "      <value>@{\n        var n = 1;\n        return n < 2 ? \"y\" : \"n\";\n      }</value>\n"
                "    </set-header>\n  </backend>"_qs);
    edit->setPlainText(raw);
    QSignalSpy saves(&editor, &PolicyEditor::saveRequested);
    QTest::mouseClick(editor.findChild<QPushButton *>(u"policySavePushButton"_qs), Qt::LeftButton);
    QVERIFY2(editor.problemText().isEmpty(), qPrintable(editor.problemText()));
    QCOMPARE(saves.count(), 1);
    QCOMPARE(saves.first().first().toString(), raw); // sent as typed, not XML-escaped
}

void tst_PolicyEditor::problemsAreExplainedWhereTheyWereTyped_data()
{
    QTest::addColumn<QString>("xml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("explanation");
    // Line 2 has an expression whose && and < come before the problem: the column is the
    // user's, not the escaped form's.
    const QString line2 = u"  <inbound><set-header name=\"a\"><value>@(1 < 2 && true) R&D</value>"_qs;
    QTest::newRow("& outside an expression")
        << u"<policies>\n"_qs + line2 + u"</set-header></inbound>\n</policies>"_qs << 2
        << int(line2.indexOf(u"</value>"_qs)) + 1 << u"write & as &amp;"_qs;
    QTest::newRow("< outside an expression")
        << u"<policies>\n  <inbound><set-header name=\"a\"><value>a < b</value></set-header></inbound>\n</policies>"_qs
        << 2 << 43 << u"write < as &lt;"_qs;
    QTest::newRow("unknown entity") << u"<policies>&nbsp;</policies>"_qs << 1 << 16 << u"&nbsp;"_qs;
    QTest::newRow("mismatched closing tag")
        << u"<policies>\n  <inbound>\n</policies>"_qs << 3 << 11 << u"<inbound>"_qs;
    QTest::newRow("not closed") << u"<policies>\n  <inbound>"_qs << 2 << 11 << u"<inbound> is closed"_qs;
    QTest::newRow("unquoted attribute") << u"<policies><rate-limit calls=5 /></policies>"_qs << 1 << 29
                                        << u"in quotes"_qs;
    QTest::newRow("wrong root") << u"<policy />"_qs << 1 << 10 << u"must start with <policies>"_qs;
}

void tst_PolicyEditor::problemsAreExplainedWhereTheyWereTyped()
{
    QFETCH(QString, xml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, explanation);
    const QList<ui::policydocument::Problem> problems = ui::policydocument::check(xml);
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.first().message.contains(explanation), qPrintable(problems.first().message));
    QCOMPARE(problems.first().line, line);
    QCOMPARE(problems.first().column, column);

    PolicyEditor editor;
    editor.load(u"API"_qs, kApi);
    editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs)->setPlainText(xml);
    QSignalSpy saves(&editor, &PolicyEditor::saveRequested);
    QTest::mouseClick(editor.findChild<QPushButton *>(u"policySavePushButton"_qs), Qt::LeftButton);
    QCOMPARE(saves.count(), 0);
    QCOMPARE(editor.problemText(),
             u"Line %1, column %2: %3"_qs.arg(line).arg(column).arg(problems.first().message));
}

void tst_PolicyEditor::failedLoadKeepsTheEditorReadOnlyUntilALoadSucceeds()
{
    PolicyEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    core::Error error = core::Error::make(core::Error::Kind::Http, u"The service is unavailable."_qs);
    error.httpStatus = 503;
    editor.loadFailed(u"API echo"_qs, error);
    auto *edit = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    auto *save = editor.findChild<QPushButton *>(u"policySavePushButton"_qs);
    auto *banner = editor.findChild<QLabel *>(u"bannerMessageLabel"_qs);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), u"The policy could not be loaded: The service is unavailable."_qs);
    QVERIFY(edit->toPlainText().isEmpty());
    QVERIFY(edit->isReadOnly());
    edit->setFocus();
    QTest::keyClicks(edit, u"<policies />"_qs);
    QVERIFY(!editor.isDirty());
    QVERIFY(!save->isEnabled());

    QSignalSpy retries(&editor, &PolicyEditor::loadRetryRequested);
    QTest::mouseClick(editor.findChild<QPushButton *>(u"bannerRetryPushButton"_qs), Qt::LeftButton);
    QCOMPARE(retries.count(), 1);
    editor.load(u"API echo"_qs, kApi);
    QVERIFY(!edit->isReadOnly());
    QVERIFY(!banner->isVisible());
    edit->setPlainText(kApi + u"\n"_qs);
    QVERIFY(save->isEnabled());
}

void tst_PolicyEditor::failedLoadDoesNotShowTheParentsAsTheEffectivePolicy()
{
    PolicyEditor editor;
    editor.setInheritedPolicies({ { u"Global"_qs, kGlobal }, { u"Product Starter"_qs, kStarter } });
    core::Error error = core::Error::make(core::Error::Kind::Http, u"The service is unavailable."_qs);
    error.httpStatus = 503;
    editor.loadFailed(u"API echo"_qs, error);
    auto *effective = editor.findChild<QPlainTextEdit *>(u"effectivePolicyPlainTextEdit"_qs);
    editor.findChild<QTabWidget *>(u"policyTabWidget"_qs)->setCurrentWidget(effective);
    // Not the parents' policy as if this scope had none: its own was not read.
    QVERIFY2(!effective->toPlainText().contains(u"<rate-limit"_qs), qPrintable(effective->toPlainText()));
    QCOMPARE(effective->toPlainText(),
             u"The effective policy cannot be shown because the policy of API echo could not be read."_qs);

    editor.load(u"API echo"_qs, kApi);
    QVERIFY2(effective->toPlainText().contains(u"<rate-limit"_qs), qPrintable(effective->toPlainText()));
}

QTEST_MAIN(tst_PolicyEditor)
#include "tst_policyeditor.moc"
