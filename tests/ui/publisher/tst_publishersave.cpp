// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Saving an API or an operation from its editor, against the real portico-local: what the
// editor does not show survives the PUT; a new item does not replace an existing one with the
// same id; a change made on the server since the editor loaded is reported (with Keep server
// version and Overwrite) instead of overwritten; a successful save leaves the editor clean; and a new API
// whose product link fails is still known as saved, with the product choice kept to retry.

#include "core/arm/armrequest.h"
#include "tests/ui/publishertestbed.h"
#include "ui/common/bannerwidget.h"
#include "ui/common/stageddocument.h"
#include "ui/publisher/apieditor.h"
#include "ui/publisher/operationeditor.h"
#include "ui/publisher/policyeditor.h"
#include "ui/publisher/publisherworkspace.h"

#include <QAbstractItemModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace portico;
using Page = ui::PublisherWorkspace::Page;

namespace {
const QString kService = test::localServiceId(u"saves"_qs);

QString policyXml(const QString &header)
{
    return u"<policies>\n  <inbound>\n    <base />\n    <set-header name=\""_qs + header
        + u"\" exists-action=\"override\">\n      <value>1</value>\n    </set-header>\n  </inbound>\n"
          "  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n"
          "  <on-error>\n    <base />\n  </on-error>\n</policies>"_qs;
}

QJsonObject policyBody(const QString &header)
{
    return { { u"properties"_qs,
               QJsonObject { { u"format"_qs, u"rawxml"_qs }, { u"value"_qs, policyXml(header) } } } };
}

QJsonObject apiBody(const QString &displayName, const QString &path, const QString &serviceUrl)
{
    return { { u"properties"_qs,
               QJsonObject { { u"displayName"_qs, displayName },
                             { u"path"_qs, path },
                             { u"serviceUrl"_qs, serviceUrl },
                             { u"protocols"_qs, QJsonArray { u"https"_qs } } } } };
}
} // namespace

class tst_PublisherSave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void apiSaveKeepsPropertiesTheEditorDoesNotShow();
    void operationSaveKeepsRepresentationsAndHeaders();
    void newApiWithAnExistingIdDoesNotReplaceIt();
    void newApiIdWithAPercentIsRefusedAtTheIdField();
    void newOperationWithAnExistingIdDoesNotReplaceIt();
    void apiSaveDoesNotOverwriteAConcurrentChange();
    void overwriteAfterAConflictSavesTheUsersVersion();
    void operationSaveDoesNotOverwriteAConcurrentChange();
    void operationEditorIsCleanAfterASuccessfulSave();
    void newApiIsKeptAsSavedWhenAProductLinkFails();
    void policySaveDoesNotOverwriteAConcurrentChange();
    void policyCreatedMeanwhileIsAConflictAndReloadShowsIt();
    void anotherServiceDoesNotTakeTheOpenEditorsSave();

private:
    core::Result<QJsonObject> call(core::ArmRequest request) { return m_bed.call(std::move(request), this); }
    QJsonObject stored(const QString &path)
    {
        const auto r = call(core::ArmRequest::get(kService + path));
        return r.ok() ? r->value(u"properties"_qs).toObject() : QJsonObject();
    }
    ui::ApiEditor *openApi(const QString &apiId, const QString &displayName);
    // The policy page of `scope`, once its text has loaded.
    ui::PolicyEditor *openPolicy(const QString &scope);
    QString storedPolicy(const QString &scope)
    {
        const auto r = call(core::ArmRequest::get(kService + scope + u"/policies/policy"_qs)
                                .withQuery(u"format"_qs, u"rawxml"_qs));
        return r.ok() ? r->value(u"properties"_qs).toObject().value(u"value"_qs).toString() : QString();
    }
    ui::OperationEditor *openOperation(const QString &apiId, const QString &operationId,
                                       const QString &displayName);
    static void click(QWidget *editor, const QString &button)
    {
        auto *b = editor->findChild<QPushButton *>(button);
        QVERIFY2(b, qPrintable(button));
        QVERIFY2(b->isVisible() && b->isEnabled(), qPrintable(button));
        QTest::mouseClick(b, Qt::LeftButton);
    }
    static void retype(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }

    test::PublisherTestBed m_bed;
    std::unique_ptr<ui::PublisherWorkspace> m_workspace;
};

void tst_PublisherSave::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString problem = m_bed.start(u"saves"_qs, this);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_workspace = std::make_unique<ui::PublisherWorkspace>(m_bed.controller());
    m_workspace->resize(1200, 800);
    m_workspace->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
}

void tst_PublisherSave::cleanupTestCase()
{
    m_workspace.reset();
    m_bed.stop();
}

ui::ApiEditor *tst_PublisherSave::openApi(const QString &apiId, const QString &displayName)
{
    m_workspace->showPage(Page::Api, apiId);
    auto *editor = qobject_cast<ui::ApiEditor *>(m_workspace->currentEditor());
    if (!editor)
        return nullptr;
    auto *name = editor->findChild<QLineEdit *>(u"displayNameLineEdit"_qs);
    return QTest::qWaitFor([&] { return name->text() == displayName; }, 10000) ? editor : nullptr;
}

ui::OperationEditor *tst_PublisherSave::openOperation(const QString &apiId, const QString &operationId,
                                                      const QString &displayName)
{
    m_workspace->showPage(Page::Operation, operationId, apiId);
    auto *editor = qobject_cast<ui::OperationEditor *>(m_workspace->currentEditor());
    if (!editor)
        return nullptr;
    auto *name = editor->findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs);
    return QTest::qWaitFor([&] { return name->text() == displayName; }, 10000) ? editor : nullptr;
}

void tst_PublisherSave::apiSaveKeepsPropertiesTheEditorDoesNotShow()
{
    QJsonObject body = apiBody(u"Keep API"_qs, u"keep"_qs, u"http://127.0.0.1:9"_qs);
    QJsonObject properties = body.value(u"properties"_qs).toObject();
    properties.insert(u"termsOfServiceUrl"_qs, u"https://contoso.example/tos"_qs);
    properties.insert(u"apiVersion"_qs, u"v1"_qs);
    properties.insert(u"contact"_qs, QJsonObject { { u"name"_qs, u"Ops"_qs },
                                                   { u"email"_qs, u"ops@contoso.example"_qs } });
    body.insert(u"properties"_qs, properties);
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/keep"_qs, body)).ok());

    ui::ApiEditor *editor = openApi(u"keep"_qs, u"Keep API"_qs);
    QVERIFY(editor);
    retype(editor->findChild<QLineEdit *>(u"displayNameLineEdit"_qs), u"Keep API 2"_qs);
    click(editor, u"apiSavePushButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->document()->isDirty(), 10000);
    QVERIFY2(editor->findChild<ui::BannerWidget *>(u"apiBannerWidget"_qs)->isHidden(),
             qPrintable(editor->findChild<ui::BannerWidget *>(u"apiBannerWidget"_qs)->text()));

    const QJsonObject p = stored(u"/apis/keep"_qs);
    QCOMPARE(p.value(u"displayName"_qs).toString(), u"Keep API 2"_qs);
    QCOMPARE(p.value(u"termsOfServiceUrl"_qs).toString(), u"https://contoso.example/tos"_qs);
    QCOMPARE(p.value(u"apiVersion"_qs).toString(), u"v1"_qs);
    QCOMPARE(p.value(u"contact"_qs).toObject().value(u"email"_qs).toString(), u"ops@contoso.example"_qs);

    // A second save starts from the copy the first one returned, not the one first loaded.
    retype(editor->findChild<QLineEdit *>(u"displayNameLineEdit"_qs), u"Keep API 3"_qs);
    click(editor, u"apiSavePushButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->document()->isDirty(), 10000);
    QVERIFY(editor->findChild<ui::BannerWidget *>(u"apiConflictBannerWidget"_qs)->isHidden());
    QCOMPARE(stored(u"/apis/keep"_qs).value(u"displayName"_qs).toString(), u"Keep API 3"_qs);
    QCOMPARE(stored(u"/apis/keep"_qs).value(u"apiVersion"_qs).toString(), u"v1"_qs);
}

void tst_PublisherSave::operationSaveKeepsRepresentationsAndHeaders()
{
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/ops"_qs,
                                       apiBody(u"Ops API"_qs, u"ops"_qs, u"http://127.0.0.1:9"_qs)))
                .ok());
    const QJsonObject header { { u"name"_qs, u"x-ms-request-id"_qs }, { u"type"_qs, u"string"_qs } };
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/ops/operations/score"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject {
              { u"displayName"_qs, u"Score"_qs }, { u"method"_qs, u"POST"_qs }, { u"urlTemplate"_qs, u"/score"_qs },
              { u"request"_qs, QJsonObject {
                    { u"description"_qs, u"Scoring input"_qs },
                    { u"representations"_qs, QJsonArray { QJsonObject {
                          { u"contentType"_qs, u"application/json"_qs }, { u"typeName"_qs, u"ScoreInput"_qs } } } } } },
              { u"responses"_qs, QJsonArray { QJsonObject {
                    { u"statusCode"_qs, 200 }, { u"description"_qs, u"OK"_qs },
                    { u"representations"_qs, QJsonArray { QJsonObject { { u"contentType"_qs, u"application/json"_qs } },
                                                          QJsonObject { { u"contentType"_qs, u"text/csv"_qs } } } },
                    { u"headers"_qs, QJsonArray { header } } } } } } } })).ok());

    ui::OperationEditor *editor = openOperation(u"ops"_qs, u"score"_qs, u"Score"_qs);
    QVERIFY(editor);
    retype(editor->findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs), u"Score rows"_qs);
    // The response the editor shows is edited too: its description.
    auto *responses = editor->findChild<QTableView *>(u"responsesTableView"_qs);
    QVERIFY(responses);
    QVERIFY(responses->model()->setData(responses->model()->index(0, 1), u"Scored rows"_qs));
    click(editor, u"operationSavePushButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->document()->isDirty(), 10000);
    QVERIFY(editor->findChild<ui::BannerWidget *>(u"operationBannerWidget"_qs)->isHidden());

    const QJsonObject p = stored(u"/apis/ops/operations/score"_qs);
    QCOMPARE(p.value(u"displayName"_qs).toString(), u"Score rows"_qs);
    const QJsonObject request = p.value(u"request"_qs).toObject();
    QCOMPARE(request.value(u"description"_qs).toString(), u"Scoring input"_qs);
    QCOMPARE(request.value(u"representations"_qs).toArray().at(0).toObject().value(u"typeName"_qs).toString(),
             u"ScoreInput"_qs);
    const QJsonObject response = p.value(u"responses"_qs).toArray().at(0).toObject();
    QCOMPARE(response.value(u"description"_qs).toString(), u"Scored rows"_qs);
    const QJsonArray representations = response.value(u"representations"_qs).toArray();
    QCOMPARE(representations.size(), 2);
    QCOMPARE(representations.at(1).toObject().value(u"contentType"_qs).toString(), u"text/csv"_qs);
    QCOMPARE(response.value(u"headers"_qs).toArray().size(), 1);
    QCOMPARE(response.value(u"headers"_qs).toArray().at(0).toObject().value(u"name"_qs).toString(),
             u"x-ms-request-id"_qs);
}

void tst_PublisherSave::newApiWithAnExistingIdDoesNotReplaceIt()
{
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/echo-api"_qs,
                                       apiBody(u"Echo API"_qs, u"echo"_qs, u"http://127.0.0.1:9/echo"_qs)))
                .ok());
    m_workspace->showPage(Page::Api);
    auto *editor = qobject_cast<ui::ApiEditor *>(m_workspace->currentEditor());
    QVERIFY(editor && editor->isNew());
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"displayNameLineEdit"_qs), u"Echo API"_qs);
    QCOMPARE(editor->findChild<QLineEdit *>(u"apiIdLineEdit"_qs)->text(), u"echo-api"_qs);
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"serviceUrlLineEdit"_qs), u"https://other.example"_qs);
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"urlSuffixLineEdit"_qs), u"echo-two"_qs);
    click(editor, u"apiSavePushButton"_qs);

    auto *idMessage = editor->findChild<QLabel *>(u"apiIdMessageLabel"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(idMessage->text(), u"An API with the id “echo-api” already exists."_qs, 10000);
    QVERIFY(idMessage->isVisible());
    // The form keeps what the user typed, still as a new API they can give another id.
    QVERIFY(editor->isNew());
    QVERIFY(!editor->findChild<QLineEdit *>(u"apiIdLineEdit"_qs)->isReadOnly());
    QCOMPARE(editor->findChild<QLineEdit *>(u"serviceUrlLineEdit"_qs)->text(), u"https://other.example"_qs);
    QCOMPARE(editor->findChild<QLineEdit *>(u"urlSuffixLineEdit"_qs)->text(), u"echo-two"_qs);
    QVERIFY(editor->findChild<QPushButton *>(u"apiSavePushButton"_qs)->isEnabled());

    const QJsonObject p = stored(u"/apis/echo-api"_qs);
    QCOMPARE(p.value(u"path"_qs).toString(), u"echo"_qs);
    QCOMPARE(p.value(u"serviceUrl"_qs).toString(), u"http://127.0.0.1:9/echo"_qs);

    // Another id saves.
    retype(editor->findChild<QLineEdit *>(u"apiIdLineEdit"_qs), u"echo-two"_qs);
    click(editor, u"apiSavePushButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isNew(), 10000);
    QCOMPARE(stored(u"/apis/echo-two"_qs).value(u"path"_qs).toString(), u"echo-two"_qs);
}

// "50%2Foff" would reach the service as "50/off": a "%" is refused where it was typed, as on the
// resource pages, and nothing is sent.
void tst_PublisherSave::newApiIdWithAPercentIsRefusedAtTheIdField()
{
    m_workspace->showPage(Page::Api);
    auto *editor = qobject_cast<ui::ApiEditor *>(m_workspace->currentEditor());
    QVERIFY(editor && editor->isNew());
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"displayNameLineEdit"_qs), u"Half off"_qs);
    retype(editor->findChild<QLineEdit *>(u"apiIdLineEdit"_qs), u"50%2Foff"_qs);
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"serviceUrlLineEdit"_qs), u"https://half.example"_qs);
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"urlSuffixLineEdit"_qs), u"half-off"_qs);
    const int before = call(core::ArmRequest::get(kService + u"/apis"_qs))->value(u"value"_qs).toArray().size();
    click(editor, u"apiSavePushButton"_qs);

    auto *idMessage = editor->findChild<QLabel *>(u"apiIdMessageLabel"_qs);
    QTRY_COMPARE(idMessage->text(), u"Enter an id without spaces or any of * # & + : < > ? / %"_qs);
    QVERIFY(idMessage->isVisible());
    QVERIFY(editor->isNew());
    QCOMPARE(editor->findChild<QLineEdit *>(u"apiIdLineEdit"_qs)->text(), u"50%2Foff"_qs);
    QCOMPARE(call(core::ArmRequest::get(kService + u"/apis"_qs))->value(u"value"_qs).toArray().size(), before);
    click(editor, u"apiRevertPushButton"_qs); // the next new API starts from an empty form
}

void tst_PublisherSave::newOperationWithAnExistingIdDoesNotReplaceIt()
{
    // "score" exists in "ops" (operationSaveKeepsRepresentationsAndHeaders).
    m_workspace->showPage(Page::Operation, QString(), u"ops"_qs);
    auto *editor = qobject_cast<ui::OperationEditor *>(m_workspace->currentEditor());
    QVERIFY(editor && editor->isNew());
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs), u"Score"_qs);
    QCOMPARE(editor->findChild<QLineEdit *>(u"operationIdLineEdit"_qs)->text(), u"score"_qs);
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs), u"/other"_qs);
    click(editor, u"operationSavePushButton"_qs);

    auto *idMessage = editor->findChild<QLabel *>(u"operationIdMessageLabel"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(idMessage->text(),
                              u"An operation with the id “score” already exists in this API."_qs, 10000);
    QVERIFY(editor->isNew());
    QCOMPARE(editor->findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs)->text(), u"/other"_qs);
    QCOMPARE(stored(u"/apis/ops/operations/score"_qs).value(u"urlTemplate"_qs).toString(), u"/score"_qs);

    click(editor, u"operationRevertPushButton"_qs);
    QVERIFY(!editor->document()->isDirty());
}

void tst_PublisherSave::apiSaveDoesNotOverwriteAConcurrentChange()
{
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/shared"_qs,
                                       apiBody(u"Shared API"_qs, u"shared"_qs, u"https://mine.example/v1"_qs)))
                .ok());
    ui::ApiEditor *editor = openApi(u"shared"_qs, u"Shared API"_qs);
    QVERIFY(editor);
    // Someone else changes the service URL meanwhile.
    QVERIFY(call(core::ArmRequest::patch(kService + u"/apis/shared"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"serviceUrl"_qs, u"https://colleague.example/v2"_qs } } } })).ok());
    auto *description = editor->findChild<QPlainTextEdit *>(u"descriptionPlainTextEdit"_qs);
    description->setFocus();
    QTest::keyClicks(description, u"Mine"_qs);
    click(editor, u"apiSavePushButton"_qs);
    auto *conflict = editor->findChild<ui::BannerWidget *>(u"apiConflictBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT((conflict && conflict->isVisible()) || !editor->document()->isDirty(), 10000);
    QCOMPARE(stored(u"/apis/shared"_qs).value(u"serviceUrl"_qs).toString(), u"https://colleague.example/v2"_qs);
    QVERIFY(stored(u"/apis/shared"_qs).value(u"description"_qs).toString().isEmpty());

    QVERIFY(conflict && conflict->isVisible());
    QVERIFY2(conflict->text().contains(u"changed on the server since you opened it"_qs), qPrintable(conflict->text()));
    // The user's text stays until they choose.
    QCOMPARE(description->toPlainText(), u"Mine"_qs);
    QVERIFY(editor->document()->isDirty());

    // Keep server version shows the colleague's version.
    click(conflict, u"apiReloadPushButton"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(editor->findChild<QLineEdit *>(u"serviceUrlLineEdit"_qs)->text(),
                              u"https://colleague.example/v2"_qs, 10000);
    QVERIFY(description->toPlainText().isEmpty());
    QVERIFY(!editor->document()->isDirty());
    QVERIFY(conflict->isHidden());

    // ...and a save from there is not a conflict any more.
    description->setFocus();
    QTest::keyClicks(description, u"Mine again"_qs);
    click(editor, u"apiSavePushButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->document()->isDirty(), 10000);
    QVERIFY(conflict->isHidden());
    const QJsonObject p = stored(u"/apis/shared"_qs);
    QCOMPARE(p.value(u"description"_qs).toString(), u"Mine again"_qs);
    QCOMPARE(p.value(u"serviceUrl"_qs).toString(), u"https://colleague.example/v2"_qs);
}

void tst_PublisherSave::overwriteAfterAConflictSavesTheUsersVersion()
{
    QJsonObject body = apiBody(u"Ours API"_qs, u"ours"_qs, u"http://127.0.0.1:9"_qs);
    QJsonObject properties = body.value(u"properties"_qs).toObject();
    properties.insert(u"apiVersion"_qs, u"v1"_qs);
    body.insert(u"properties"_qs, properties);
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/ours"_qs, body)).ok());
    ui::ApiEditor *editor = openApi(u"ours"_qs, u"Ours API"_qs);
    QVERIFY(editor);
    QVERIFY(call(core::ArmRequest::patch(kService + u"/apis/ours"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Renamed elsewhere"_qs } } } })).ok());
    auto *serviceUrl = editor->findChild<QLineEdit *>(u"serviceUrlLineEdit"_qs);
    retype(serviceUrl, u"https://mine.example/score"_qs);
    click(editor, u"apiSavePushButton"_qs);
    auto *conflict = editor->findChild<ui::BannerWidget *>(u"apiConflictBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT((conflict && conflict->isVisible()) || !editor->document()->isDirty(), 10000);
    QCOMPARE(stored(u"/apis/ours"_qs).value(u"displayName"_qs).toString(), u"Renamed elsewhere"_qs);
    QCOMPARE(stored(u"/apis/ours"_qs).value(u"serviceUrl"_qs).toString(), u"http://127.0.0.1:9"_qs);
    QVERIFY(conflict && conflict->isVisible());

    click(conflict, u"apiOverwritePushButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->document()->isDirty(), 10000);
    QVERIFY(conflict->isHidden());
    const QJsonObject p = stored(u"/apis/ours"_qs);
    QCOMPARE(p.value(u"serviceUrl"_qs).toString(), u"https://mine.example/score"_qs);
    QCOMPARE(p.value(u"displayName"_qs).toString(), u"Ours API"_qs); // the user's form, as chosen
    QCOMPARE(p.value(u"apiVersion"_qs).toString(), u"v1"_qs);        // still not dropped
}

void tst_PublisherSave::operationSaveDoesNotOverwriteAConcurrentChange()
{
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/ops/operations/race"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Race"_qs }, { u"method"_qs, u"GET"_qs },
                                          { u"urlTemplate"_qs, u"/race"_qs } } } })).ok());
    ui::OperationEditor *editor = openOperation(u"ops"_qs, u"race"_qs, u"Race"_qs);
    QVERIFY(editor);
    QVERIFY(call(core::ArmRequest::patch(kService + u"/apis/ops/operations/race"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"urlTemplate"_qs, u"/v2/race"_qs } } } })).ok());
    retype(editor->findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs), u"Race (mine)"_qs);
    click(editor, u"operationSavePushButton"_qs);
    auto *conflict = editor->findChild<ui::BannerWidget *>(u"operationConflictBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT((conflict && conflict->isVisible()) || !editor->document()->isDirty(), 10000);
    const QJsonObject p = stored(u"/apis/ops/operations/race"_qs);
    QCOMPARE(p.value(u"urlTemplate"_qs).toString(), u"/v2/race"_qs);
    QCOMPARE(p.value(u"displayName"_qs).toString(), u"Race"_qs);
    QVERIFY(conflict && conflict->isVisible());
    QCOMPARE(editor->findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs)->text(), u"Race (mine)"_qs);

    click(conflict, u"operationReloadPushButton"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(editor->findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs)->text(), u"/v2/race"_qs,
                              10000);
    QCOMPARE(editor->findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs)->text(), u"Race"_qs);
    QVERIFY(!editor->document()->isDirty());
}

void tst_PublisherSave::operationEditorIsCleanAfterASuccessfulSave()
{
    const int unsavedElsewhere = m_workspace->unsavedEditorCount(); // kept by earlier tests
    m_workspace->showPage(Page::Operation, QString(), u"ops"_qs);
    auto *editor = qobject_cast<ui::OperationEditor *>(m_workspace->currentEditor());
    QVERIFY(editor && editor->isNew());
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs), u"Items"_qs);
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs), u"/items"_qs);
    editor->findChild<QTabWidget *>(u"operationTabWidget"_qs)->setCurrentIndex(1); // Query parameters
    click(editor, u"queryParametersAddPushButton"_qs);
    auto *view = editor->findChild<QTableView *>(u"queryParametersTableView"_qs);
    QVERIFY(view->model()->setData(view->model()->index(0, 0), u"top"_qs));
    click(editor, u"operationSavePushButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isNew(), 10000);

    QVERIFY(!editor->document()->isDirty());
    QCOMPARE(editor->findChild<QLabel *>(u"operationDirtyLabel"_qs)->text(), QString());
    QVERIFY(!editor->findChild<QPushButton *>(u"operationSavePushButton"_qs)->isEnabled());
    QCOMPARE(m_workspace->unsavedEditorCount(), unsavedElsewhere);
    const QJsonArray query = stored(u"/apis/ops/operations/items"_qs)
                                 .value(u"request"_qs).toObject().value(u"queryParameters"_qs).toArray();
    QCOMPARE(query.size(), 1);
    QCOMPARE(query.at(0).toObject().value(u"name"_qs).toString(), u"top"_qs);
}

void tst_PublisherSave::newApiIsKeptAsSavedWhenAProductLinkFails()
{
    QVERIFY(call(core::ArmRequest::put(kService + u"/products/gold"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Gold"_qs } } } })).ok());
    m_workspace->showPage(Page::Api);
    auto *editor = qobject_cast<ui::ApiEditor *>(m_workspace->currentEditor());
    QVERIFY(editor && editor->isNew());
    auto *products = editor->findChild<QListWidget *>(u"productsListWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(products->count() > 0, 10000);
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"displayNameLineEdit"_qs), u"Linked API"_qs);
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"urlSuffixLineEdit"_qs), u"linked"_qs);
    QListWidgetItem *gold = nullptr;
    for (int i = 0; i < products->count(); ++i) {
        if (products->item(i)->data(Qt::UserRole).toString() == u"gold")
            gold = products->item(i);
    }
    QVERIFY(gold);
    gold->setCheckState(Qt::Checked);
    // The product is deleted by someone else before the user saves.
    QVERIFY(call(core::ArmRequest::remove(kService + u"/products/gold"_qs)).ok());
    click(editor, u"apiSavePushButton"_qs);

    // The API itself was created: the editor says so and now edits it (no longer a new one)...
    auto *banner = editor->findChild<ui::BannerWidget *>(u"apiBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    QVERIFY2(banner->text().startsWith(u"The API was saved, but its products could not be updated"_qs),
             qPrintable(banner->text()));
    QCOMPARE(stored(u"/apis/linked-api"_qs).value(u"path"_qs).toString(), u"linked"_qs);
    QVERIFY(!editor->isNew());
    QVERIFY(editor->findChild<QLineEdit *>(u"apiIdLineEdit"_qs)->isReadOnly());
    QVERIFY(editor->findChild<QLabel *>(u"apiIdMessageLabel"_qs)->text().isEmpty());
    QVERIFY(!editor->findChild<QLabel *>(u"productsMessageLabel"_qs)->text().isEmpty());
    // ...and the user's choice of product is kept, still to be saved.
    QCOMPARE(gold->checkState(), Qt::Checked);
    QVERIFY(editor->document()->isDirty());

    // Once the product is back, saving again links it (not "an API with this id already exists").
    QVERIFY(call(core::ArmRequest::put(kService + u"/products/gold"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Gold"_qs } } } })).ok());
    click(editor, u"apiSavePushButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->document()->isDirty(), 10000);
    QVERIFY(banner->isHidden());
    QVERIFY(editor->findChild<QLabel *>(u"apiIdMessageLabel"_qs)->text().isEmpty());
    const auto linked = call(core::ArmRequest::get(kService + u"/products/gold/apis"_qs));
    QVERIFY(linked.ok());
    const QJsonArray apis = linked->value(u"value"_qs).toArray();
    QCOMPARE(apis.size(), 1);
    QCOMPARE(apis.at(0).toObject().value(u"name"_qs).toString(), u"linked-api"_qs);
    QCOMPARE(gold->checkState(), Qt::Checked);
}

ui::PolicyEditor *tst_PublisherSave::openPolicy(const QString &scope)
{
    m_workspace->showPage(Page::Policy, scope);
    auto *editor = qobject_cast<ui::PolicyEditor *>(m_workspace->currentEditor());
    if (!editor)
        return nullptr;
    auto *text = editor->findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    return QTest::qWaitFor([&] { return editor->isLoaded() && text->toPlainText().contains(u"<policies"_qs); }, 10000)
        ? editor
        : nullptr;
}

void tst_PublisherSave::policySaveDoesNotOverwriteAConcurrentChange()
{
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/guarded"_qs,
                                       apiBody(u"Guarded API"_qs, u"guarded"_qs, u"http://127.0.0.1:9"_qs)))
                .ok());
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/guarded/policies/policy"_qs, policyBody(u"X-Start"_qs))).ok());
    ui::PolicyEditor *editor = openPolicy(u"/apis/guarded"_qs);
    QVERIFY(editor);
    auto *text = editor->findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    QVERIFY(text->toPlainText().contains(u"X-Start"_qs));
    // A colleague changes the policy meanwhile.
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/guarded/policies/policy"_qs, policyBody(u"X-Colleague"_qs))).ok());
    text->selectAll();
    text->insertPlainText(policyXml(u"X-Mine"_qs)); // as a paste would
    click(editor, u"policySavePushButton"_qs);

    auto *conflict = editor->findChild<ui::BannerWidget *>(u"policyConflictBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT((conflict && conflict->isVisible()) || !editor->isDirty(), 10000);
    QVERIFY2(storedPolicy(u"/apis/guarded"_qs).contains(u"X-Colleague"_qs), qPrintable(storedPolicy(u"/apis/guarded"_qs)));
    QVERIFY(conflict && conflict->isVisible());
    QVERIFY2(conflict->text().contains(u"changed on the server since you opened it"_qs), qPrintable(conflict->text()));
    // The user's text stays until they choose.
    QCOMPARE(text->toPlainText(), policyXml(u"X-Mine"_qs));
    QVERIFY(editor->isDirty());

    click(conflict, u"policyOverwritePushButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isDirty(), 10000);
    QVERIFY(conflict->isHidden());
    QVERIFY2(storedPolicy(u"/apis/guarded"_qs).contains(u"X-Mine"_qs), qPrintable(storedPolicy(u"/apis/guarded"_qs)));
    QCOMPARE(text->toPlainText(), policyXml(u"X-Mine"_qs));

    // From there on a save is not a conflict.
    text->selectAll();
    text->insertPlainText(policyXml(u"X-Mine-Again"_qs));
    click(editor, u"policySavePushButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isDirty(), 10000);
    QVERIFY(conflict->isHidden());
    QVERIFY(storedPolicy(u"/apis/guarded"_qs).contains(u"X-Mine-Again"_qs));
}

void tst_PublisherSave::policyCreatedMeanwhileIsAConflictAndReloadShowsIt()
{
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/bare"_qs,
                                       apiBody(u"Bare API"_qs, u"bare"_qs, u"http://127.0.0.1:9"_qs)))
                .ok());
    ui::PolicyEditor *editor = openPolicy(u"/apis/bare"_qs); // no policy yet: the default document
    QVERIFY(editor);
    auto *text = editor->findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    QVERIFY(!text->toPlainText().contains(u"set-header"_qs));
    // A colleague creates the API's policy meanwhile.
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/bare/policies/policy"_qs, policyBody(u"X-Colleague"_qs))).ok());
    text->selectAll();
    text->insertPlainText(policyXml(u"X-Mine"_qs));
    click(editor, u"policySavePushButton"_qs);

    auto *conflict = editor->findChild<ui::BannerWidget *>(u"policyConflictBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT((conflict && conflict->isVisible()) || !editor->isDirty(), 10000);
    QVERIFY(storedPolicy(u"/apis/bare"_qs).contains(u"X-Colleague"_qs));
    QVERIFY(conflict && conflict->isVisible());
    QCOMPARE(text->toPlainText(), policyXml(u"X-Mine"_qs));

    // Keep server version shows the colleague's policy.
    click(conflict, u"policyReloadPushButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(text->toPlainText().contains(u"X-Colleague"_qs), 10000);
    QVERIFY(!editor->isDirty());
    QVERIFY(conflict->isHidden());
}

void tst_PublisherSave::anotherServiceDoesNotTakeTheOpenEditorsSave()
{
    // As when a service the user created finishes provisioning: it becomes the current one
    // while the policy of the old one is open with unsaved edits.
    const QString other = test::localServiceId(u"saves-other"_qs);
    QVERIFY(test::createLocalService(*m_bed.controller(), other, this).ok());
    auto globalPolicyOf = [this](const QString &service) {
        const auto r = call(core::ArmRequest::get(service + u"/policies/policy"_qs).withQuery(u"format"_qs, u"rawxml"_qs));
        return r.ok() ? r->value(u"properties"_qs).toObject().value(u"value"_qs).toString() : QString();
    };
    const QString otherBefore = globalPolicyOf(other);
    ui::PolicyEditor *editor = openPolicy(u""_qs);
    QVERIFY(editor);
    QPointer<ui::PolicyEditor> guard(editor);
    auto *text = editor->findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    text->selectAll();
    text->insertPlainText(policyXml(u"X-First-Service"_qs));
    QVERIFY(editor->isDirty());

    m_bed.controller()->setService(other);
    // The old service's editor is no longer on show: the new service's overview is.
    QCOMPARE(m_workspace->currentPage(), Page::Overview);
    QVERIFY(m_workspace->currentEditor() != editor);

    // Back on the first service, the unsaved policy comes back as it was left.
    m_bed.controller()->setService(kService);
    m_workspace->showPage(Page::Policy, QString());
    QVERIFY(guard);
    QCOMPARE(m_workspace->currentEditor(), editor);
    QCOMPARE(text->toPlainText(), policyXml(u"X-First-Service"_qs));
    QVERIFY(editor->isDirty());

    // Even a save that comes from the kept editor after a switch goes to its own service.
    m_bed.controller()->setService(other);
    QVERIFY(guard);
    auto *save = editor->findChild<QPushButton *>(u"policySavePushButton"_qs);
    QVERIFY(save->isEnabled());
    save->click();
    QTRY_VERIFY_WITH_TIMEOUT(!editor->isDirty(), 10000);
    QCOMPARE(globalPolicyOf(other), otherBefore);
    QVERIFY(globalPolicyOf(kService).contains(u"X-First-Service"_qs));
    m_bed.controller()->setService(kService);
}

QTEST_MAIN(tst_PublisherSave)
#include "tst_publishersave.moc"
