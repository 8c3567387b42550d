// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The API, operation and policy editors against the real portico-local. Opening something that
// cannot be read says so with Retry and leaves a read-only form with Save off (never a "New API"
// form, never the default policy standing in for one that exists); Retry loads it once it can be
// read. A policy with raw &, < and > in its expressions is saved as rawxml and stays the same
// through a second save.

#include "core/arm/armclient.h"
#include "core/arm/armrequest.h"
#include "core/auth/statictokenprovider.h"
#include "tests/ui/publishertestbed.h"
#include "ui/common/bannerwidget.h"
#include "ui/common/stageddocument.h"
#include "ui/publisher/apieditor.h"
#include "ui/publisher/operationeditor.h"
#include "ui/publisher/policyeditor.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/publisherworkspace.h"

#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace portico;
using Page = ui::PublisherWorkspace::Page;

namespace {

const QString kService = test::localServiceId(u"roundtrip"_qs);

QString policyWithHeader(const QString &name, const QString &expression)
{
    return u"<policies>\n  <inbound>\n    <base />\n    <set-header name=\""_qs + name
        + u"\" exists-action=\"override\">\n      <value>"_qs + expression
        + u"</value>\n    </set-header>\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n"
          "  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n"
          "</policies>"_qs;
}

} // namespace

class tst_EditorRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void openingAMissingApiDoesNotSayNotSavedNorOfferANewApi();
    void openingAMissingOperationSaysItCouldNotBeLoaded();
    void policyLoadFailureIsReportedNotReplacedByTheDefault();
    void aScopeWithoutPolicyStartsFromTheDefault();
    void policyExpressionSurvivesASecondSave();
    void documentedExpressionInAnAttributeIsSaved();
    void policyStoredAsXmlOpensAsTypedAndSavesUnchanged();
    void retryAfterAFailedSaveSendsTheEditsAgain();

private:
    core::Result<QJsonObject> call(core::ArmRequest request) { return m_bed.call(std::move(request), this); }
    static ui::BannerWidget *banner(QWidget *editor, const QString &name)
    {
        return editor->findChild<ui::BannerWidget *>(name);
    }
    static void clickRetry(ui::BannerWidget *banner)
    {
        auto *retry = banner->findChild<QPushButton *>(u"bannerRetryPushButton"_qs);
        QVERIFY(retry && retry->isVisible());
        QTest::mouseClick(retry, Qt::LeftButton);
    }

    test::PublisherTestBed m_bed;
    std::unique_ptr<ui::PublisherWorkspace> m_workspace;
};

void tst_EditorRoundTrip::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString problem = m_bed.start(u"roundtrip"_qs, this);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_workspace = std::make_unique<ui::PublisherWorkspace>(m_bed.controller());
    m_workspace->resize(1200, 800);
    m_workspace->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
}

void tst_EditorRoundTrip::cleanupTestCase()
{
    m_workspace.reset();
    m_bed.stop();
}

void tst_EditorRoundTrip::openingAMissingApiDoesNotSayNotSavedNorOfferANewApi()
{
    m_workspace->showPage(Page::Api, u"late-api"_qs);
    auto *editor = qobject_cast<ui::ApiEditor *>(m_workspace->currentEditor());
    QVERIFY(editor);
    ui::BannerWidget *apiBanner = banner(editor, u"apiBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(apiBanner->isVisible(), 10000);
    QVERIFY2(apiBanner->text().startsWith(u"The API could not be loaded:"_qs), qPrintable(apiBanner->text()));
    QVERIFY2(!apiBanner->text().contains(u"not saved"_qs), qPrintable(apiBanner->text()));
    QVERIFY2(!editor->isNew(), "the failed open left a 'New API' form behind");
    const QString title = editor->findChild<QLabel *>(u"apiTitleLabel"_qs)->text();
    QVERIFY2(!title.contains(u"New API"_qs), qPrintable(title));
    auto *save = editor->findChild<QPushButton *>(u"apiSavePushButton"_qs);
    auto *displayName = editor->findChild<QLineEdit *>(u"displayNameLineEdit"_qs);
    QVERIFY(!save->isEnabled());
    QVERIFY(!displayName->isEnabled());
    QVERIFY(displayName->text().isEmpty());
    QVERIFY(!editor->findChild<QLineEdit *>(u"apiIdLineEdit"_qs)->isEnabled());

    // Created meanwhile (by a colleague, the portal): Retry shows it, ready to edit.
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/late-api"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Late API"_qs }, { u"path"_qs, u"late"_qs },
                                          { u"serviceUrl"_qs, u"http://127.0.0.1:9"_qs } } } })).ok());
    clickRetry(apiBanner);
    QTRY_COMPARE_WITH_TIMEOUT(displayName->text(), u"Late API"_qs, 10000);
    QVERIFY(!apiBanner->isVisible());
    QVERIFY(!editor->isNew());
    QVERIFY(displayName->isEnabled());
    QCOMPARE(editor->findChild<QLabel *>(u"apiTitleLabel"_qs)->text(), u"API: Late API"_qs);
    displayName->selectAll();
    QTest::keyClicks(displayName, u"Late API 2"_qs);
    QVERIFY(save->isEnabled());
}

void tst_EditorRoundTrip::openingAMissingOperationSaysItCouldNotBeLoaded()
{
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/ops-api"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Ops API"_qs }, { u"path"_qs, u"ops"_qs },
                                          { u"serviceUrl"_qs, u"http://127.0.0.1:9"_qs } } } })).ok());
    m_workspace->showPage(Page::Operation, u"no-such-operation"_qs, u"ops-api"_qs);
    auto *editor = qobject_cast<ui::OperationEditor *>(m_workspace->currentEditor());
    QVERIFY(editor);
    ui::BannerWidget *opBanner = banner(editor, u"operationBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(opBanner->isVisible(), 10000);
    QVERIFY2(opBanner->text().startsWith(u"The operation could not be loaded:"_qs), qPrintable(opBanner->text()));
    QVERIFY(!editor->isNew());
    QVERIFY(!editor->findChild<QPushButton *>(u"operationSavePushButton"_qs)->isEnabled());
    QVERIFY(!editor->findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs)->isEnabled());
    const QString title = editor->findChild<QLabel *>(u"operationTitleLabel"_qs)->text();
    QVERIFY2(!title.contains(u"New operation"_qs), qPrintable(title));
}

void tst_EditorRoundTrip::policyLoadFailureIsReportedNotReplacedByTheDefault()
{
    const QString stored = policyWithHeader(u"X-Starter"_qs, u"starter"_qs);
    QVERIFY(call(core::ArmRequest::put(kService + u"/products/starter/policies/policy"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"format"_qs, u"rawxml"_qs }, { u"value"_qs, stored } } } })).ok());

    // Same service, but the sign-in has expired: every call answers 401.
    core::StaticTokenProvider tokens(u"expired-token"_qs);
    core::ArmClient client(&m_bed.network(), m_bed.local().managementUrl(), &tokens);
    ui::PublisherController controller(&client, &m_bed.operations());
    controller.setService(kService);
    ui::PolicyEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    controller.attachPolicyEditor(&editor, u"/products/starter"_qs, u"Product starter"_qs);
    auto *text = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    auto *save = editor.findChild<QPushButton *>(u"policySavePushButton"_qs);
    ui::BannerWidget *policyBanner = banner(&editor, u"policyBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!policyBanner->text().isEmpty(), 10000);
    QVERIFY2(policyBanner->text().startsWith(u"The policy could not be loaded:"_qs), qPrintable(policyBanner->text()));
    QVERIFY2(!text->toPlainText().contains(u"<policies"_qs), qPrintable(text->toPlainText()));
    QVERIFY(text->isReadOnly());
    QVERIFY(!save->isEnabled());
    QVERIFY(!editor.findChild<QWidget *>(u"insertSnippetToolButton"_qs)->isEnabled());

    // Signed in again: Retry shows the stored policy, and it can be edited and saved.
    tokens.setToken(m_bed.local().token());
    clickRetry(policyBanner);
    QTRY_VERIFY_WITH_TIMEOUT(text->toPlainText().contains(u"X-Starter"_qs), 10000);
    QVERIFY(editor.isLoaded());
    QVERIFY(!policyBanner->isVisible());
    QVERIFY(!text->isReadOnly());
    text->setPlainText(policyWithHeader(u"X-Starter"_qs, u"edited"_qs));
    QVERIFY(save->isEnabled());
}

void tst_EditorRoundTrip::aScopeWithoutPolicyStartsFromTheDefault()
{
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/bare"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Bare API"_qs }, { u"path"_qs, u"bare"_qs } } } })).ok());
    ui::PolicyEditor editor;
    m_bed.controller()->attachPolicyEditor(&editor, u"/apis/bare"_qs, u"API bare"_qs);
    auto *text = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(text->toPlainText().contains(u"<policies>"_qs), 10000);
    QVERIFY(text->toPlainText().contains(u"<base />"_qs));
    QVERIFY(banner(&editor, u"policyBannerWidget"_qs)->text().isEmpty());
    QVERIFY(!text->isReadOnly());
}

void tst_EditorRoundTrip::policyExpressionSurvivesASecondSave()
{
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/keep"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Keep API"_qs }, { u"path"_qs, u"keep"_qs } } } })).ok());
    ui::PolicyEditor editor;
    m_bed.controller()->attachPolicyEditor(&editor, u"/apis/keep"_qs, u"API keep"_qs);
    auto *text = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    auto *save = editor.findChild<QPushButton *>(u"policySavePushButton"_qs);
    ui::BannerWidget *policyBanner = banner(&editor, u"policyBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(text->toPlainText().contains(u"<policies"_qs), 10000);

    // The expression as rawxml allows it: a raw & inside @(...).
    const QString expression = u"@(\"R&D\" + \"-1\")"_qs;
    text->setPlainText(policyWithHeader(u"X-Dept"_qs, expression));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor.isDirty() || !policyBanner->text().isEmpty()
                                 || !editor.problemText().isEmpty(), 10000);
    QVERIFY2(editor.problemText().isEmpty(), qPrintable(editor.problemText()));
    QVERIFY2(policyBanner->text().isEmpty(), qPrintable(policyBanner->text()));
    QVERIFY(!editor.isDirty());
    QVERIFY2(text->toPlainText().contains(expression), qPrintable(text->toPlainText()));

    // A second save of an unrelated change sends the same expression again, not its XML form.
    text->setPlainText(policyWithHeader(u"X-Department"_qs, expression));
    QVERIFY(editor.isDirty());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor.isDirty() || !policyBanner->text().isEmpty(), 10000);
    QVERIFY2(policyBanner->text().isEmpty(), qPrintable(policyBanner->text()));
    QVERIFY2(text->toPlainText().contains(expression), qPrintable(text->toPlainText()));

    const auto xml = call(core::ArmRequest::get(kService + u"/apis/keep/policies/policy"_qs));
    QVERIFY2(xml.ok(), xml.ok() ? "" : qPrintable(xml.error().message));
    const QString escaped = xml->value(u"properties"_qs).toObject().value(u"value"_qs).toString();
    QVERIFY2(escaped.contains(u"X-Department"_qs), qPrintable(escaped));
    QVERIFY2(escaped.contains(u"@(\"R&amp;D\" + \"-1\")"_qs), qPrintable(escaped)); // the XML form of R&D, once
    const auto raw = call(core::ArmRequest::get(kService + u"/apis/keep/policies/policy"_qs)
                              .withQuery(u"format"_qs, u"rawxml"_qs));
    QVERIFY(raw.ok());
    QVERIFY2(raw->value(u"properties"_qs).toObject().value(u"value"_qs).toString().contains(expression),
             qPrintable(raw->value(u"properties"_qs).toObject().value(u"value"_qs).toString()));
}

void tst_EditorRoundTrip::documentedExpressionInAnAttributeIsSaved()
{
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/docs-form"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Docs form"_qs }, { u"path"_qs, u"docs-form"_qs } } } })).ok());
    ui::PolicyEditor editor;
    m_bed.controller()->attachPolicyEditor(&editor, u"/apis/docs-form"_qs, u"API docs-form"_qs);
    auto *text = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    auto *save = editor.findChild<QPushButton *>(u"policySavePushButton"_qs);
    ui::BannerWidget *policyBanner = banner(&editor, u"policyBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(text->toPlainText().contains(u"<policies"_qs), 10000);

    // As the rate-limit-by-key page of the APIM docs and exported Bicep (rawxml) write it: the
    // C# string literals' quotes inside the "-quoted attribute.
    const QString counterKey
        = u"@(context.Request.Headers.GetValueOrDefault(\"X-Client\", \"anonymous\"))"_qs;
    const QString policy = u"<policies>\n  <inbound>\n    <base />\n    <rate-limit-by-key calls=\"5\" "
                           "renewal-period=\"30\" counter-key=\""_qs
        + counterKey
        + u"\" />\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n"
          "  </outbound>\n</policies>"_qs;
    text->setPlainText(policy);
    auto *effective = editor.findChild<QPlainTextEdit *>(u"effectivePolicyPlainTextEdit"_qs);
    editor.findChild<QTabWidget *>(u"policyTabWidget"_qs)->setCurrentWidget(effective);
    QVERIFY2(effective->toPlainText().contains(u"<rate-limit-by-key"_qs), qPrintable(effective->toPlainText()));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY2(editor.problemText().isEmpty(), qPrintable(editor.problemText()));
    QTRY_VERIFY_WITH_TIMEOUT(!editor.isDirty() || !policyBanner->text().isEmpty()
                                 || !editor.problemText().isEmpty(), 10000);
    QVERIFY2(editor.problemText().isEmpty(), qPrintable(editor.problemText()));
    QVERIFY2(policyBanner->text().isEmpty(), qPrintable(policyBanner->text()));
    QCOMPARE(text->toPlainText(), policy);

    // Stored as the service reads it: one attribute, its quotes XML-encoded.
    const auto xml = call(core::ArmRequest::get(kService + u"/apis/docs-form/policies/policy"_qs));
    QVERIFY(xml.ok());
    const QString stored = xml->value(u"properties"_qs).toObject().value(u"value"_qs).toString();
    QVERIFY2(stored.contains(u"counter-key=\"@(context.Request.Headers.GetValueOrDefault("
                             "&quot;X-Client&quot;, &quot;anonymous&quot;))\""_qs),
             qPrintable(stored));
}

// Stored by an ARM template, Bicep or the portal (format xml): the editor shows the expression as
// one would type it, and saving it (one line added) stores the same expression, not &amp;quot;.
void tst_EditorRoundTrip::policyStoredAsXmlOpensAsTypedAndSavesUnchanged()
{
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/from-bicep"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"From Bicep"_qs }, { u"path"_qs, u"from-bicep"_qs } } } })).ok());
    const QString stored = u"<policies>\n  <inbound>\n    <base />\n    <rate-limit-by-key calls=\"5\" renewal-period=\"30\" "
                           "counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;anonymous&quot;))\" />\n"
                           "  </inbound>\n  <backend>\n    <base />\n  </backend>\n</policies>"_qs;
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/from-bicep/policies/policy"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"format"_qs, u"xml"_qs }, { u"value"_qs, stored } } } })).ok());

    ui::PolicyEditor editor;
    m_bed.controller()->attachPolicyEditor(&editor, u"/apis/from-bicep"_qs, u"API from-bicep"_qs);
    auto *text = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    auto *save = editor.findChild<QPushButton *>(u"policySavePushButton"_qs);
    ui::BannerWidget *policyBanner = banner(&editor, u"policyBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(text->toPlainText().contains(u"rate-limit-by-key"_qs), 10000);
    const QString typed = u"counter-key=\"@(context.Request.Headers.GetValueOrDefault(\"X-Client\", \"anonymous\"))\""_qs;
    QVERIFY2(text->toPlainText().contains(typed), qPrintable(text->toPlainText()));

    text->setPlainText(text->toPlainText() + u"\n"_qs);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor.isDirty() || !policyBanner->text().isEmpty()
                                 || !editor.problemText().isEmpty(), 10000);
    QVERIFY2(editor.problemText().isEmpty(), qPrintable(editor.problemText()));
    QVERIFY2(policyBanner->text().isEmpty(), qPrintable(policyBanner->text()));
    QVERIFY(!editor.isDirty());
    const auto xml = call(core::ArmRequest::get(kService + u"/apis/from-bicep/policies/policy"_qs));
    QVERIFY(xml.ok());
    QCOMPARE(xml->value(u"properties"_qs).toObject().value(u"value"_qs).toString(), stored + u"\n"_qs);
}

void tst_EditorRoundTrip::retryAfterAFailedSaveSendsTheEditsAgain()
{
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/retry-api"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Retry API"_qs }, { u"path"_qs, u"retry"_qs },
                                          { u"serviceUrl"_qs, u"http://127.0.0.1:9"_qs } } } })).ok());
    core::StaticTokenProvider tokens(m_bed.local().token());
    core::ArmClient client(&m_bed.network(), m_bed.local().managementUrl(), &tokens);
    ui::PublisherController controller(&client, &m_bed.operations());
    controller.setService(kService);
    ui::PublisherWorkspace workspace(&controller);
    workspace.resize(1200, 800);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    workspace.showPage(Page::Api, u"retry-api"_qs);
    auto *editor = qobject_cast<ui::ApiEditor *>(workspace.currentEditor());
    QVERIFY(editor);
    auto *displayName = editor->findChild<QLineEdit *>(u"displayNameLineEdit"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(displayName->text(), u"Retry API"_qs, 10000);
    displayName->selectAll();
    QTest::keyClicks(displayName, u"Retried API"_qs);

    // The sign-in expires just before Save: the save fails and says so, with Retry.
    tokens.setToken(u"expired-token"_qs);
    QTest::mouseClick(editor->findChild<QPushButton *>(u"apiSavePushButton"_qs), Qt::LeftButton);
    ui::BannerWidget *apiBanner = banner(editor, u"apiBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(apiBanner->isVisible(), 10000);
    QVERIFY2(apiBanner->text().contains(u"not saved"_qs), qPrintable(apiBanner->text()));

    // Signed in again: Retry sends the same edits, and they are stored.
    tokens.setToken(m_bed.local().token());
    clickRetry(apiBanner);
    const auto storedName = [this] {
        const auto stored = call(core::ArmRequest::get(kService + u"/apis/retry-api"_qs));
        return stored.ok() ? stored->value(u"properties"_qs).toObject().value(u"displayName"_qs).toString()
                           : QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(storedName(), u"Retried API"_qs, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!apiBanner->isVisible(), 10000);
    QCOMPARE(displayName->text(), u"Retried API"_qs);
}

QTEST_MAIN(tst_EditorRoundTrip)
#include "tst_editorroundtrip.moc"
