// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The publisher's list pages against the real portico-local: products are listed and created
// through the form; a subscription's keys are masked, revealed and copied, and regenerating
// one asks first (Cancel keeps the key, Regenerate replaces it); named values take a secret.
// Edit policy leads from an API, an operation and a product to their policy (saved at that
// scope, with the parents in the effective view) and back; an editor with unsaved edits comes
// back with them when the user returns to its item.

#include "core/arm/armclient.h"
#include "core/arm/armrequest.h"
#include "core/auth/statictokenprovider.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/ui/publishertestbed.h"
#include "ui/common/operationtracker.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/apieditor.h"
#include "ui/publisher/policyeditor.h"
#include "ui/publisher/publisherworkspace.h"
#include "ui/publisher/resourcepanel.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QJsonObject>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QLabel>

#include <functional>
#include <QToolButton>

using namespace portico;

namespace {
const QString kService = test::localServiceId(u"pubws"_qs);
}

class tst_PublisherWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void productsAreListedAndCreatedThroughTheForm();
    void subscriptionKeysAreMaskedRevealedAndRegeneratedAfterConfirmation();
    void aProductsApisAndGroupsAreLinkedAndUnlinkedFromItsForm();
    void editPolicyLeadsToTheScopeOfWhatIsShownAndBack();
    void unsavedEditsComeBackWhenTheUserReturns();

private:
    core::Result<QJsonObject> call(core::ArmRequest request);

    test::PublisherTestBed m_bed;
    ui::PublisherController *m_controller = nullptr;
    std::unique_ptr<ui::PublisherWorkspace> m_workspace;
};

core::Result<QJsonObject> tst_PublisherWorkspace::call(core::ArmRequest request)
{
    return m_bed.call(std::move(request), this);
}

void tst_PublisherWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString problem = m_bed.start(u"pubws"_qs, this);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_controller = m_bed.controller();
    m_workspace = std::make_unique<ui::PublisherWorkspace>(m_controller);
    m_workspace->resize(1200, 800);
    m_workspace->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
}

void tst_PublisherWorkspace::cleanupTestCase()
{
    m_workspace.reset();
    m_bed.stop();
}

void tst_PublisherWorkspace::productsAreListedAndCreatedThroughTheForm()
{
    m_workspace->showPage(ui::PublisherWorkspace::Page::Products);
    ui::ResourcePanel *panel = m_workspace->panel(ui::PublisherWorkspace::Page::Products);
    QVERIFY(panel);
    QAbstractItemModel *model = panel->findChild<QTableView *>(u"productsTableView"_qs)->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 2, 10000); // Starter and Unlimited, as APIM seeds them
    QStringList names;
    for (int r = 0; r < model->rowCount(); ++r)
        names << model->index(r, 0).data().toString();
    QVERIFY2(names.contains(u"Starter"_qs) && names.contains(u"Unlimited"_qs), qPrintable(names.join(u", ")));

    QTest::mouseClick(panel->findChild<QPushButton *>(u"productsNewPushButton"_qs), Qt::LeftButton);
    QTest::keyClicks(panel->findChild<QLineEdit *>(u"productIdLineEdit"_qs), u"gold"_qs);
    QTest::keyClicks(panel->findChild<QLineEdit *>(u"productDisplayNameLineEdit"_qs), u"Gold"_qs);
    auto *required = panel->findChild<QCheckBox *>(u"productSubscriptionRequiredCheckBox"_qs);
    if (!required->isChecked())
        QTest::mouseClick(required, Qt::LeftButton, {}, QPoint(8, required->height() / 2)); // on the box
    QVERIFY(required->isChecked());
    QTest::mouseClick(panel->findChild<QPushButton *>(u"productsSavePushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isNew(), 10000);
    QCOMPARE(panel->currentName(), u"gold"_qs); // the saved item stays in the form (it once became Starter)
    const auto gold = call(core::ArmRequest::get(kService + u"/products/gold"_qs));
    QVERIFY2(gold.ok(), gold.ok() ? "" : qPrintable(gold.error().message + u" / panel: "_qs + panel->findChild<QWidget *>(u"productsBannerWidget"_qs)->property("text").toString()));
    const QJsonObject properties = gold.value().value(u"properties"_qs).toObject();
    QCOMPARE(properties.value(u"displayName"_qs).toString(), u"Gold"_qs);
    QCOMPARE(properties.value(u"subscriptionRequired"_qs).toBool(), true);
}

void tst_PublisherWorkspace::subscriptionKeysAreMaskedRevealedAndRegeneratedAfterConfirmation()
{
    QVERIFY(call(core::ArmRequest::put(kService + u"/subscriptions/keys-test"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"scope"_qs, u"/products/starter"_qs },
                                          { u"displayName"_qs, u"Keys test"_qs },
                                          { u"state"_qs, u"active"_qs } } } })).ok());
    const auto before = call(core::ArmRequest::post(kService + u"/subscriptions/keys-test/listSecrets"_qs));
    QVERIFY(before.ok());
    const QString primary = before.value().value(u"primaryKey"_qs).toString();

    m_workspace->showPage(ui::PublisherWorkspace::Page::Subscriptions, u"keys-test"_qs);
    ui::ResourcePanel *panel = m_workspace->panel(ui::PublisherWorkspace::Page::Subscriptions);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"keys-test"_qs, 10000);
    auto *key = panel->findChild<QLineEdit *>(u"primaryKeyLineEdit"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(key->text(), primary, 10000);
    QVERIFY(!key->displayText().contains(primary)); // masked
    QTest::mouseClick(panel->findChild<QToolButton *>(u"primaryKeyRevealToolButton"_qs), Qt::LeftButton);
    QCOMPARE(key->displayText(), primary);
    QTest::mouseClick(panel->findChild<QToolButton *>(u"primaryKeyCopyToolButton"_qs), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), primary);

    // Cancel keeps the key.
    auto *regenerate = panel->findChild<QPushButton *>(u"regeneratePrimaryKeyPushButton"_qs);
    QTest::mouseClick(regenerate, Qt::LeftButton);
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY((confirm = m_workspace->findChild<QMessageBox *>(u"regenerateKeyMessageBox"_qs)) != nullptr);
    m_bed.clearSent();
    confirm->button(QMessageBox::Cancel)->click();
    const QList<QByteArray> sent = m_bed.sentUpToMarker(this);
    QVERIFY2(sent.size() == 1 && sent.first().endsWith("/portico-test-marker"), sent.join(", ").constData());
    QCOMPARE(call(core::ArmRequest::post(kService + u"/subscriptions/keys-test/listSecrets"_qs))
                 .value().value(u"primaryKey"_qs).toString(), primary);

    // Regenerate replaces it, and the panel shows the new one.
    QTest::mouseClick(regenerate, Qt::LeftButton);
    QTRY_VERIFY((confirm = m_workspace->findChild<QMessageBox *>(u"regenerateKeyMessageBox"_qs)) != nullptr);
    confirm->findChild<QPushButton *>(u"regenerateKeyConfirmPushButton"_qs)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!key->text().isEmpty() && key->text() != primary, 10000);
    const QString now = call(core::ArmRequest::post(kService + u"/subscriptions/keys-test/listSecrets"_qs))
                            .value().value(u"primaryKey"_qs).toString();
    QVERIFY(now != primary);
    QCOMPARE(key->text(), now);
}

void tst_PublisherWorkspace::aProductsApisAndGroupsAreLinkedAndUnlinkedFromItsForm()
{
    QVERIFY(call(core::ArmRequest::put(kService + u"/apis/echo"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Echo API"_qs }, { u"path"_qs, u"echo"_qs },
                                          { u"serviceUrl"_qs, u"http://127.0.0.1:9/echo"_qs },
                                          { u"protocols"_qs, QJsonArray { u"https"_qs } } } } })).ok());
    m_workspace->showPage(ui::PublisherWorkspace::Page::Products, u"gold"_qs);
    ui::ResourcePanel *panel = m_workspace->panel(ui::PublisherWorkspace::Page::Products);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"gold"_qs, 10000);
    auto *apis = panel->findChild<QListWidget *>(u"productApisListWidget"_qs);
    auto *groups = panel->findChild<QListWidget *>(u"productGroupsListWidget"_qs);
    auto item = [](QListWidget *list, const QString &value) -> QListWidgetItem * {
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->data(Qt::UserRole).toString() == value)
                return list->item(i);
        return nullptr;
    };
    QTRY_VERIFY_WITH_TIMEOUT(item(apis, u"echo"_qs) && item(groups, u"developers"_qs), 10000);
    item(apis, u"echo"_qs)->setCheckState(Qt::Checked);
    item(groups, u"developers"_qs)->setCheckState(Qt::Checked);
    auto *save = panel->findChild<QPushButton *>(u"productsSavePushButton"_qs);
    QTest::mouseClick(save, Qt::LeftButton);
    auto linked = [this](const QString &link) {
        QStringList names;
        const auto r = call(core::ArmRequest::get(kService + u"/products/gold/"_qs + link));
        for (const QJsonValue &v : r.ok() ? r.value().value(u"value"_qs).toArray() : QJsonArray())
            names << v.toObject().value(u"name"_qs).toString();
        return names;
    };
    QTRY_VERIFY_WITH_TIMEOUT(linked(u"apis"_qs).contains(u"echo"_qs), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(linked(u"groups"_qs).contains(u"developers"_qs), 10000);
    // The reloaded form shows the links; unticking the API removes it.
    QTRY_VERIFY_WITH_TIMEOUT(item(apis, u"echo"_qs) && item(apis, u"echo"_qs)->checkState() == Qt::Checked
                                 && save->isEnabled() == false, 10000);
    item(apis, u"echo"_qs)->setCheckState(Qt::Unchecked);
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!linked(u"apis"_qs).contains(u"echo"_qs), 10000);
    QVERIFY(linked(u"groups"_qs).contains(u"developers"_qs));
}

namespace {

// The seed's API with one operation, created through ARM.
bool createApiWithOperation(const std::function<core::Result<QJsonObject>(core::ArmRequest)> &call)
{
    const bool api = call(core::ArmRequest::put(kService + u"/apis/scoped"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Scoped API"_qs },
                                          { u"path"_qs, u"scoped"_qs },
                                          { u"serviceUrl"_qs, u"http://127.0.0.1:9"_qs },
                                          { u"protocols"_qs, QJsonArray { u"https"_qs } } } } })).ok();
    const bool operation = call(core::ArmRequest::put(kService + u"/apis/scoped/operations/score"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Score"_qs },
                                          { u"method"_qs, u"POST"_qs },
                                          { u"urlTemplate"_qs, u"/score"_qs } } } })).ok();
    return api && operation;
}

QString policyXml(const QString &header)
{
    return u"<policies>\n  <inbound>\n    <base />\n    <set-header name=\""_qs + header
        + u"\" exists-action=\"override\">\n      <value>1</value>\n    </set-header>\n  </inbound>\n"
          "  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n"
          "  <on-error>\n    <base />\n  </on-error>\n</policies>"_qs;
}

} // namespace

void tst_PublisherWorkspace::editPolicyLeadsToTheScopeOfWhatIsShownAndBack()
{
    using Page = ui::PublisherWorkspace::Page;
    QVERIFY(createApiWithOperation([this](core::ArmRequest r) { return call(std::move(r)); }));
    auto *button = m_workspace->findChild<QPushButton *>(u"publisherPolicyButton"_qs);
    QVERIFY(button);

    // Each scope: open its page, Edit policy, type a policy, save; it lands at that scope.
    struct Scope
    {
        Page page;
        QString name, apiId, path, label;
    };
    const QList<Scope> scopes {
        { Page::Api, u"scoped"_qs, {}, u"/apis/scoped"_qs, u"API scoped"_qs },
        { Page::Operation, u"score"_qs, u"scoped"_qs, u"/apis/scoped/operations/score"_qs,
          u"Operation score of API scoped"_qs },
        { Page::Products, u"starter"_qs, {}, u"/products/starter"_qs, u"Product starter"_qs },
    };
    for (const Scope &scope : scopes) {
        m_workspace->showPage(scope.page, scope.name, scope.apiId);
        if (scope.page == Page::Products) {
            ui::ResourcePanel *panel = m_workspace->panel(Page::Products);
            QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), scope.name, 10000); // the list loads first
        }
        QTRY_VERIFY(button->isVisible());
        QCOMPARE(m_workspace->policyScope(), scope.path);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(m_workspace->currentPage(), Page::Policy);
        auto *editor = qobject_cast<ui::PolicyEditor *>(m_workspace->currentEditor());
        QVERIFY(editor);
        auto *text = editor->findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(text->toPlainText().contains(u"<policies"_qs), 10000); // loaded
        QCOMPARE(editor->findChild<QLabel *>(u"policyScopeLabel"_qs)->text(), scope.label);
        const QString header = u"X-Scope-"_qs + scope.name;
        text->selectAll();
        text->insertPlainText(policyXml(header)); // as a paste would
        QTest::mouseClick(editor->findChild<QPushButton *>(u"policySavePushButton"_qs), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!editor->isDirty(), 10000);
        const auto stored = call(core::ArmRequest::get(kService + scope.path + u"/policies/policy"_qs)
                                     .withQuery(u"format"_qs, u"rawxml"_qs));
        QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().message));
        QVERIFY(stored->value(u"properties"_qs).toObject().value(u"value"_qs).toString().contains(header));

        QTest::mouseClick(button, Qt::LeftButton); // Back
        QCOMPARE(m_workspace->currentPage(), scope.page);
        QCOMPARE(m_workspace->policyScope(), scope.path);
    }

    // The operation's effective policy shows its API's policy in place of <base/>.
    m_workspace->showPage(Page::Operation, u"score"_qs, u"scoped"_qs);
    m_workspace->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_workspace.get()));
    m_workspace->currentEditor()->setFocus();
    QTest::keyClick(m_workspace->currentEditor(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_workspace->currentPage(), Page::Policy);
    auto *effective = m_workspace->currentEditor()->findChild<QPlainTextEdit *>(u"effectivePolicyPlainTextEdit"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(effective->toPlainText().contains(u"X-Scope-scoped"_qs), 10000);
    QVERIFY(effective->toPlainText().contains(u"X-Scope-score"_qs));

    // Nothing to attach a policy to: a new API that is not saved yet.
    m_workspace->showPage(Page::Api);
    QVERIFY(!button->isVisible());
}

void tst_PublisherWorkspace::unsavedEditsComeBackWhenTheUserReturns()
{
    using Page = ui::PublisherWorkspace::Page;
    m_workspace->showPage(Page::Api, u"scoped"_qs);
    auto *editor = qobject_cast<ui::ApiEditor *>(m_workspace->currentEditor());
    QVERIFY(editor);
    auto *displayName = editor->findChild<QLineEdit *>(u"displayNameLineEdit"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(displayName->text(), u"Scoped API"_qs, 10000);
    displayName->setFocus();
    displayName->selectAll();
    QTest::keyClicks(displayName, u"Scoped API, half typed"_qs);

    m_workspace->showPage(Page::Products); // the user clicks elsewhere in the tree
    QCOMPARE(m_workspace->keptEditorCount(), 1);
    QCOMPARE(m_workspace->unsavedEditorCount(), 1); // quitting now would ask first
    m_workspace->showPage(Page::Api, u"other"_qs); // another API's editor is a fresh one
    QVERIFY(m_workspace->currentEditor() != editor);
    m_workspace->showPage(Page::Api, u"scoped"_qs);
    QCOMPARE(m_workspace->currentEditor(), editor);
    QCOMPARE(displayName->text(), u"Scoped API, half typed"_qs);
    QCOMPARE(editor->findChild<QLabel *>(u"apiDirtyLabel"_qs)->text(), u"Modified"_qs);
    QCOMPARE(m_workspace->keptEditorCount(), 0);

    // An unchanged editor is not kept.
    QTest::mouseClick(editor->findChild<QPushButton *>(u"apiRevertPushButton"_qs), Qt::LeftButton);
    QCOMPARE(displayName->text(), u"Scoped API"_qs);
    m_workspace->showPage(Page::Products);
    QCOMPARE(m_workspace->keptEditorCount(), 0);
    QCOMPARE(m_workspace->unsavedEditorCount(), 0);
}

QTEST_MAIN(tst_PublisherWorkspace)
#include "tst_publisherworkspace.moc"
