// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Every publisher view that shows an ARM failure says, for a 403 (AuthorizationFailed: signed
// in, but the account's role does not allow it), that the signed-in account lacks permission
// for that action on that item, with ARM's own message, and never calls it a sign-in failure;
// editors keep what the user typed. The views are the real widgets and the real
// PublisherController; management.azure.com is a local replay server that answers as Azure
// does for an account that may read groups and subscriptions and nothing else
// (tests/support/replay/recordings/arm-authorization-failed.json), or, where a test adds its own
// exchanges in that envelope, an account that may do a little more (create an API, read a
// service's APIs) and is refused the next step. Each text is what failed, then the one advice
// of ui::ForbiddenText.

#include "core/arm/armclient.h"
#include "core/auth/statictokenprovider.h"
#include "core/itemmodels/navigationtreemodel.h"
#include "core/settings/settings.h"
#include "tests/support/replay/replayserver.h"
#include "tests/support/tempdir.h"
#include "ui/common/bannerwidget.h"
#include "ui/common/decisions.h"
#include "ui/common/operationtracker.h"
#include "ui/common/stageddocument.h"
#include "ui/publisher/addazuremldialog.h"
#include "ui/publisher/policyeditor.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/publisherworkspace.h"
#include "ui/publisher/resourcepanel.h"
#include "ui/publisher/servicewizard.h"
#include "ui/publisher/usagedashboard.h"
#include "ui/shell/language.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigationactions.h"
#include "ui/shell/navigationlabels.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

#include <memory>

using namespace portico;
using Page = ui::PublisherWorkspace::Page;

namespace {

const QString kService = u"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1"
                         "/providers/Microsoft.ApiManagement/service/apimService1"_qs;
// How ARM's message (recorded) begins, and which action on which scope it names.
const QString kArmSays = u"The client 'user@contoso.com' with object id '5c730e34-3244-4df1-9cb5-6e85aa000001' "
                         "does not have authorization to perform action '%1' over scope '%2' or the scope is "
                         "invalid. If access was recently granted, please refresh your credentials."_qs;
const QString kAdvice = u"Ask for a role that allows it; if one was granted just now, sign in again."_qs;

QString armSays(const QString &action, const QString &scope)
{
    return kArmSays.arg(u"Microsoft.ApiManagement/service/"_qs + action, scope);
}

} // namespace

class tst_PublisherForbidden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void listThatCannotBeReadSaysWhich_data();
    void listThatCannotBeReadSaysWhich();
    void saveCreateAndDeleteSayWhichItemAndKeepTheText();
    void subscriptionKeysSayWhichSubscription();
    void keyRegenerationSaysWhichKey_data();
    void keyRegenerationSaysWhichKey();
    void policyEditorSaysWhichScope();
    void policySaveSaysWhichScopeAndKeepsTheText();
    void addAzureMlSaysWhichApiAndKeepsTheInput();
    void addAzureMlSaysWhatCouldNotBeRemovedAgain();
    void addAzureMlNamesTheNamedValueLeftBehind_data();
    void addAzureMlNamesTheNamedValueLeftBehind();
    void usageDashboardSaysWhichService();
    void navigationTreeDeleteSaysWhichApi();
    void wizardSaysTheAccountCannotListSubscriptions();

private:
    static QString bannerText(const QWidget *parent, const QString &objectName)
    {
        const auto *banner = parent->findChild<ui::BannerWidget *>(objectName);
        return banner && banner->isVisible() ? banner->text() : QString();
    }
    static void verifyNotSignIn(const QString &text)
    {
        QVERIFY2(!text.contains(u"sign-in"_qs, Qt::CaseInsensitive), qPrintable(text));
        QVERIFY2(!text.contains(u"expired"_qs, Qt::CaseInsensitive), qPrintable(text));
    }

    std::unique_ptr<test::ReplayServer> m_arm;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_client;
    std::unique_ptr<ui::OperationTracker> m_operations;
    std::unique_ptr<ui::PublisherController> m_controller;
    std::unique_ptr<QSignalSpy> m_signInRefused;
};

void tst_PublisherForbidden::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_PublisherForbidden::init()
{
    m_arm = std::make_unique<test::ReplayServer>();
    QVERIFY(m_arm->start());
    QVERIFY(m_arm->load(u"arm-authorization-failed.json"_qs));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_tokens = std::make_unique<core::StaticTokenProvider>(u"replay-token"_qs);
    m_client = std::make_unique<core::ArmClient>(m_nam.get(), m_arm->url(), m_tokens.get());
    m_signInRefused = std::make_unique<QSignalSpy>(m_client.get(), &core::ArmClient::unauthorized);
    m_operations = std::make_unique<ui::OperationTracker>();
    m_controller = std::make_unique<ui::PublisherController>(m_client.get(), m_operations.get());
    m_controller->setService(kService);
}

void tst_PublisherForbidden::cleanup()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(translator);
    // A 403 is never taken for a refused sign-in (that banner asks to sign in again).
    QCOMPARE(m_signInRefused->size(), 0);
    m_signInRefused.reset();
    m_controller.reset();
    m_operations.reset();
    m_client.reset();
    m_tokens.reset();
    m_nam.reset();
    QVERIFY2(m_arm->unmatched().isEmpty(), qPrintable(m_arm->unmatched().join(u", "_qs)));
    m_arm.reset();
}

void tst_PublisherForbidden::listThatCannotBeReadSaysWhich_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");
    QTest::newRow("English") << u"en"_qs
                             << u"Could not load this list: the signed-in account does not have permission to read "
                                "“Products” in this service (%1). "_qs + kAdvice;
    QTest::newRow("Dutch") << u"nl"_qs
                           << u"Deze lijst kon niet worden geladen: het aangemelde account heeft geen toestemming om "
                              "“Producten” in deze service te lezen (%1). Vraag om een rol die dit toestaat; is die "
                              "net toegekend, meld u dan opnieuw aan."_qs;
}

void tst_PublisherForbidden::listThatCannotBeReadSaysWhich()
{
    QFETCH(QString, language);
    QFETCH(QString, expected);
    if (language != u"en"_qs)
        QVERIFY(ui::installTranslations(*qApp, language));
    ui::PublisherWorkspace workspace(m_controller.get());
    workspace.resize(1000, 700);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    workspace.showPage(Page::Products);
    ui::ResourcePanel *panel = workspace.panel(Page::Products);
    QTRY_VERIFY_WITH_TIMEOUT(!bannerText(panel, u"productsBannerWidget"_qs).isEmpty(), 10000);
    const QString text = bannerText(panel, u"productsBannerWidget"_qs);
    QCOMPARE(text, expected.arg(armSays(u"products/read"_qs, kService))); // ARM's message as it came
    verifyNotSignIn(text);
}

void tst_PublisherForbidden::saveCreateAndDeleteSayWhichItemAndKeepTheText()
{
    ui::PublisherWorkspace workspace(m_controller.get());
    workspace.resize(1000, 700);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    workspace.showPage(Page::Groups, u"team"_qs);
    ui::ResourcePanel *panel = workspace.panel(Page::Groups);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"team"_qs, 10000);
    auto *save = panel->findChild<QPushButton *>(u"groupsSavePushButton"_qs);
    auto *displayName = panel->findChild<QLineEdit *>(u"groupDisplayNameLineEdit"_qs);
    QVERIFY(save && displayName);
    QTRY_COMPARE_WITH_TIMEOUT(displayName->text(), u"Team"_qs, 10000);

    // The user changes the group; Azure refuses the change.
    displayName->end(false);
    QTest::keyClicks(displayName, u" 2"_qs);
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!bannerText(panel, u"groupsBannerWidget"_qs).isEmpty(), 10000);
    QString text = bannerText(panel, u"groupsBannerWidget"_qs);
    QCOMPARE(text, u"“team” was not saved: the signed-in account does not have permission to change it (%1). "_qs.arg(
                       armSays(u"groups/write"_qs, kService + u"/groups/team"_qs))
                       + kAdvice);
    verifyNotSignIn(text);
    QCOMPARE(displayName->text(), u"Team 2"_qs); // the user's text stays, still to be saved
    QVERIFY(save->isEnabled());

    // Delete it.
    panel->document()->revert();
    ui::decisions::preAnswer(true);
    QTest::mouseClick(panel->findChild<QPushButton *>(u"groupsDeletePushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(bannerText(panel, u"groupsBannerWidget"_qs).contains(u"deleted"_qs), 10000);
    text = bannerText(panel, u"groupsBannerWidget"_qs);
    QCOMPARE(text, u"“team” was not deleted: the signed-in account does not have permission to delete it (%1). "_qs.arg(
                       armSays(u"groups/delete"_qs, kService + u"/groups/team"_qs))
                       + kAdvice);
    QCOMPARE(panel->currentName(), u"team"_qs);

    // Create a new one.
    QTest::mouseClick(panel->findChild<QPushButton *>(u"groupsNewPushButton"_qs), Qt::LeftButton);
    QTest::keyClicks(displayName, u"New team"_qs);
    auto *id = panel->findChild<QLineEdit *>(u"groupIdLineEdit"_qs);
    QVERIFY(id);
    id->clear();
    QTest::keyClicks(id, u"newteam"_qs);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(bannerText(panel, u"groupsBannerWidget"_qs).contains(u"created"_qs), 10000);
    text = bannerText(panel, u"groupsBannerWidget"_qs);
    QCOMPARE(text, u"“newteam” was not created: the signed-in account does not have permission to create it in this "
                    "service (%1). "_qs.arg(armSays(u"groups/write"_qs, kService + u"/groups/newteam"_qs))
                       + kAdvice);
    QVERIFY(panel->isNew());
    QCOMPARE(displayName->text(), u"New team"_qs);
    QCOMPARE(id->text(), u"newteam"_qs);
}

void tst_PublisherForbidden::subscriptionKeysSayWhichSubscription()
{
    ui::PublisherWorkspace workspace(m_controller.get());
    workspace.resize(1000, 700);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    workspace.showPage(Page::Subscriptions, u"sub1"_qs);
    ui::ResourcePanel *panel = workspace.panel(Page::Subscriptions);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"sub1"_qs, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(bannerText(panel, u"subscriptionsBannerWidget"_qs).contains(u"keys"_qs), 10000);
    const QString text = bannerText(panel, u"subscriptionsBannerWidget"_qs);
    QCOMPARE(text, u"The keys of “sub1” could not be read: the signed-in account does not have permission to list "
                    "them (%1). "_qs.arg(armSays(u"subscriptions/listSecrets/action"_qs, kService + u"/subscriptions/sub1"_qs))
                       + kAdvice);
    verifyNotSignIn(text);
}

void tst_PublisherForbidden::keyRegenerationSaysWhichKey_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("expected");
    QTest::newRow("primary") << u"regeneratePrimaryKeyPushButton"_qs << u"regeneratePrimaryKey"_qs
                             << u"The primary key of “sub1” was not regenerated: the signed-in account does not "
                                "have permission to regenerate it (%1). "_qs;
    QTest::newRow("secondary") << u"regenerateSecondaryKeyPushButton"_qs << u"regenerateSecondaryKey"_qs
                               << u"The secondary key of “sub1” was not regenerated: the signed-in account does "
                                  "not have permission to regenerate it (%1). "_qs;
}

void tst_PublisherForbidden::keyRegenerationSaysWhichKey()
{
    QFETCH(QString, button);
    QFETCH(QString, action);
    QFETCH(QString, expected);
    ui::PublisherWorkspace workspace(m_controller.get());
    workspace.resize(1000, 700);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    workspace.showPage(Page::Subscriptions, u"sub1"_qs);
    ui::ResourcePanel *panel = workspace.panel(Page::Subscriptions);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"sub1"_qs, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(bannerText(panel, u"subscriptionsBannerWidget"_qs).contains(u"keys"_qs), 10000);

    // The keys could not be read; the user regenerates one anyway, and Azure refuses that too.
    QTest::mouseClick(panel->findChild<QPushButton *>(button), Qt::LeftButton);
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY((confirm = workspace.findChild<QMessageBox *>(u"regenerateKeyMessageBox"_qs)) != nullptr);
    confirm->findChild<QPushButton *>(u"regenerateKeyConfirmPushButton"_qs)->click();
    QTRY_VERIFY_WITH_TIMEOUT(bannerText(panel, u"subscriptionsBannerWidget"_qs).contains(u"regenerated"_qs), 10000);
    const QString text = bannerText(panel, u"subscriptionsBannerWidget"_qs);
    QCOMPARE(text, expected.arg(armSays(u"subscriptions/%1/action"_qs.arg(action), kService + u"/subscriptions/sub1"_qs))
                       + kAdvice);
    verifyNotSignIn(text);
}

void tst_PublisherForbidden::policyEditorSaysWhichScope()
{
    ui::PolicyEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    m_controller->attachPolicyEditor(&editor, u"/apis/echo-api"_qs, u"API echo-api"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!bannerText(&editor, u"policyBannerWidget"_qs).isEmpty(), 10000);
    const QString text = bannerText(&editor, u"policyBannerWidget"_qs);
    QCOMPARE(text, u"The policy of API echo-api could not be loaded: the signed-in account does not have permission "
                    "to read it (%1). "_qs.arg(armSays(u"apis/policies/read"_qs, kService + u"/apis/echo-api/policies/policy"_qs))
                       + kAdvice);
    verifyNotSignIn(text);
}

void tst_PublisherForbidden::policySaveSaysWhichScopeAndKeepsTheText()
{
    // A role that may read the policy of the product "starter" but not change it.
    const QString policy = kService + u"/products/starter/policies/policy"_qs;
    const QString stored = u"<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <backend>\n    <base />\n"
                           "  </backend>\n  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n"
                           "    <base />\n  </on-error>\n</policies>"_qs;
    m_arm->add(QJsonObject {
        { u"request"_qs, QJsonObject { { u"method"_qs, u"GET"_qs }, { u"path"_qs, policy } } },
        { u"response"_qs, QJsonObject { { u"status"_qs, 200 },
                                        { u"body"_qs, QJsonObject { { u"properties"_qs, QJsonObject {
                                            { u"format"_qs, u"rawxml"_qs }, { u"value"_qs, stored } } } } } } } });
    m_arm->add(QJsonObject {
        { u"request"_qs, QJsonObject { { u"method"_qs, u"PUT"_qs }, { u"path"_qs, policy } } },
        { u"response"_qs, QJsonObject { { u"status"_qs, 403 },
                                        { u"body"_qs, QJsonObject { { u"error"_qs, QJsonObject {
                                            { u"code"_qs, u"AuthorizationFailed"_qs },
                                            { u"message"_qs, armSays(u"products/policies/write"_qs, policy) } } } } } } } });
    ui::PolicyEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    m_controller->attachPolicyEditor(&editor, u"/products/starter"_qs, u"Product starter"_qs);
    auto *text = editor.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    auto *save = editor.findChild<QPushButton *>(u"policySavePushButton"_qs);
    QVERIFY(text && save);
    QTRY_VERIFY_WITH_TIMEOUT(editor.isLoaded(), 10000);
    QCOMPARE(text->toPlainText(), stored);

    QString edited = stored;
    edited.replace(u"<inbound>\n    <base />"_qs, u"<inbound>\n    <base />\n    <rate-limit calls=\"5\" renewal-period=\"60\" />"_qs);
    text->setPlainText(edited);
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(bannerText(&editor, u"policyBannerWidget"_qs).contains(u"not saved"_qs), 10000);
    const QString banner = bannerText(&editor, u"policyBannerWidget"_qs);
    QCOMPARE(banner, u"The policy of Product starter was not saved: the signed-in account does not have permission "
                      "to change it (%1). "_qs.arg(armSays(u"products/policies/write"_qs, policy))
                         + kAdvice);
    verifyNotSignIn(banner);
    QCOMPARE(text->toPlainText(), edited); // the user's policy stays, still to be saved
    QVERIFY(save->isEnabled());
}

void tst_PublisherForbidden::addAzureMlSaysWhichApiAndKeepsTheInput()
{
    ui::AddAzureMlDialog dialog(m_controller.get());
    ui::AzureMlDefinition definition = ui::AzureMlDefinition::localSample(u"https://ml.example"_qs);
    definition.apiName = u"Scoring API"_qs;
    definition.productId.clear();
    dialog.prefill(definition, u"the-ml-key"_qs);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs), Qt::LeftButton);
    auto *problem = dialog.findChild<QLabel *>(u"addAzureMlProblemLabel"_qs);
    QVERIFY(problem);
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 10000);
    QCOMPARE(problem->text(), u"The web service was not added: the signed-in account does not have permission to "
                               "create the API “scoring-api” or its operations, policy and named value in this "
                               "service (%1). "_qs.arg(armSays(u"apis/write"_qs, kService + u"/apis/scoring-api"_qs))
                                  + kAdvice);
    verifyNotSignIn(problem->text());
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.findChild<QLineEdit *>(u"apiNameLineEdit"_qs)->text(), u"Scoring API"_qs);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"mlBaseUrlLineEdit"_qs)->text(), u"https://ml.example"_qs);
    QVERIFY(dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs)->isEnabled()); // can be tried again
}

// An account that may create APIs but neither named values nor delete APIs: the API is created,
// its named value is refused, and so is removing the API again. The dialog says why it failed and
// names the API that is left, to be deleted before adding the service again.
void tst_PublisherForbidden::addAzureMlSaysWhatCouldNotBeRemovedAgain()
{
    const QString api = kService + u"/apis/churn-api"_qs;
    const QString key = kService + u"/namedValues/churn-api-key"_qs;
    auto exchange = [this](const QString &method, const QString &path, int status, const QJsonObject &body) {
        m_arm->add(QJsonObject { { u"request"_qs, QJsonObject { { u"method"_qs, method }, { u"path"_qs, path } } },
                                 { u"response"_qs, QJsonObject { { u"status"_qs, status }, { u"body"_qs, body } } } });
    };
    auto armError = [](const QString &code, const QString &message) {
        return QJsonObject { { u"error"_qs, QJsonObject { { u"code"_qs, code }, { u"message"_qs, message } } } };
    };
    exchange(u"GET"_qs, api, 404, armError(u"ResourceNotFound"_qs, u"Api not found."_qs));
    exchange(u"PUT"_qs, api, 201, QJsonObject { { u"id"_qs, api }, { u"type"_qs, u"Microsoft.ApiManagement/service/apis"_qs },
                                                { u"name"_qs, u"churn-api"_qs },
                                                { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Churn API"_qs },
                                                                                  { u"path"_qs, u"churn"_qs } } } });
    exchange(u"GET"_qs, key, 404, armError(u"ResourceNotFound"_qs, u"NamedValue not found."_qs));
    exchange(u"PUT"_qs, key, 403, armError(u"AuthorizationFailed"_qs, armSays(u"namedValues/write"_qs, key)));
    exchange(u"DELETE"_qs, api, 403, armError(u"AuthorizationFailed"_qs, armSays(u"apis/delete"_qs, api)));

    ui::AddAzureMlDialog dialog(m_controller.get());
    ui::AzureMlDefinition definition = ui::AzureMlDefinition::localSample(u"https://ml.example"_qs);
    definition.apiName = u"Churn API"_qs;
    definition.apiPath = u"churn"_qs;
    definition.productId.clear();
    dialog.prefill(definition, u"the-ml-key"_qs);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs), Qt::LeftButton);
    auto *problem = dialog.findChild<QLabel *>(u"addAzureMlProblemLabel"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 10000);
    QCOMPARE(problem->text(),
             u"The web service was not added: the signed-in account does not have permission to create the API "
             "“churn-api” or its operations, policy and named value in this service (%1). "_qs.arg(
                 armSays(u"namedValues/write"_qs, key))
                 + kAdvice
                 + u" The API “churn-api” created before that could not be removed again (%1); delete it before "
                   "adding the service again."_qs.arg(armSays(u"apis/delete"_qs, api)));
    verifyNotSignIn(problem->text());
    QCOMPARE(dialog.findChild<QLineEdit *>(u"apiNameLineEdit"_qs)->text(), u"Churn API"_qs);
    QVERIFY(dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs)->isEnabled());
    bool deleteSent = false;
    for (const auto &request : m_arm->received())
        deleteSent = deleteSent || (request.method == "DELETE" && request.path == api);
    QVERIFY(deleteSent); // it did try to remove the API
}

void tst_PublisherForbidden::addAzureMlNamesTheNamedValueLeftBehind_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected"); // %1: ARM's refusal of the operation, %2: of the named value's DELETE
    QTest::newRow("English")
        << u"en"_qs
        << u"The web service was not added: the signed-in account does not have permission to create the API "
           "“forecast-api” or its operations, policy and named value in this service (%1). "_qs
            + kAdvice
            + u" The named value “forecast-api-key” created before that could not be removed again (%2); delete it "
              "before adding the service again."_qs;
    QTest::newRow("Dutch")
        << u"nl"_qs
        << u"De webservice is niet toegevoegd: het aangemelde account heeft geen toestemming om de API “forecast-api” "
           "of de bijbehorende bewerkingen, beleid en benoemde waarde in deze service aan te maken (%1). Vraag om een "
           "rol die dit toestaat; is die net toegekend, meld u dan opnieuw aan. De benoemde waarde "
           "“forecast-api-key” die daarvoor al was aangemaakt kon niet opnieuw worden verwijderd (%2); verwijder die "
           "voordat u de service opnieuw toevoegt."_qs;
}

// An account that may create APIs and named values, but not operations, and may delete APIs but
// not named values: the first operation is refused, the API is removed again, the named value
// is not. The dialog names the named value that is left (English and Dutch).
void tst_PublisherForbidden::addAzureMlNamesTheNamedValueLeftBehind()
{
    QFETCH(QString, language);
    QFETCH(QString, expected);
    if (language != u"en"_qs)
        QVERIFY(ui::installTranslations(*qApp, language));
    const QString api = kService + u"/apis/forecast-api"_qs;
    const QString key = kService + u"/namedValues/forecast-api-key"_qs;
    const QString operation = api + u"/operations/rrs-execute"_qs;
    auto exchange = [this](const QString &method, const QString &path, int status, const QJsonObject &body) {
        m_arm->add(QJsonObject { { u"request"_qs, QJsonObject { { u"method"_qs, method }, { u"path"_qs, path } } },
                                 { u"response"_qs, QJsonObject { { u"status"_qs, status }, { u"body"_qs, body } } } });
    };
    auto armError = [](const QString &code, const QString &message) {
        return QJsonObject { { u"error"_qs, QJsonObject { { u"code"_qs, code }, { u"message"_qs, message } } } };
    };
    exchange(u"GET"_qs, api, 404, armError(u"ResourceNotFound"_qs, u"Api not found."_qs));
    exchange(u"PUT"_qs, api, 201, QJsonObject { { u"id"_qs, api }, { u"name"_qs, u"forecast-api"_qs },
                                                { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Forecast API"_qs },
                                                                                  { u"path"_qs, u"forecast"_qs } } } });
    exchange(u"GET"_qs, key, 404, armError(u"ResourceNotFound"_qs, u"NamedValue not found."_qs));
    exchange(u"PUT"_qs, key, 201, QJsonObject { { u"id"_qs, key }, { u"name"_qs, u"forecast-api-key"_qs },
                                                { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"forecast-api-key"_qs },
                                                                                  { u"secret"_qs, true } } } });
    exchange(u"PUT"_qs, operation, 403,
             armError(u"AuthorizationFailed"_qs, armSays(u"apis/operations/write"_qs, operation)));
    exchange(u"DELETE"_qs, key, 403, armError(u"AuthorizationFailed"_qs, armSays(u"namedValues/delete"_qs, key)));
    exchange(u"DELETE"_qs, api, 200, QJsonObject());

    ui::AddAzureMlDialog dialog(m_controller.get());
    ui::AzureMlDefinition definition = ui::AzureMlDefinition::localSample(u"https://ml.example"_qs);
    definition.apiName = u"Forecast API"_qs;
    definition.apiPath = u"forecast"_qs;
    definition.productId.clear();
    dialog.prefill(definition, u"the-ml-key"_qs);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs), Qt::LeftButton);
    auto *problem = dialog.findChild<QLabel *>(u"addAzureMlProblemLabel"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 10000);
    QCOMPARE(problem->text(), expected.arg(armSays(u"apis/operations/write"_qs, operation),
                                           armSays(u"namedValues/delete"_qs, key)));
    // The named value first (it was created last), then the API, which went.
    QStringList removals;
    for (const auto &request : m_arm->received()) {
        if (request.method == "DELETE")
            removals << request.path;
    }
    QCOMPARE(removals, (QStringList { key, api }));
    QVERIFY(dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs)->isEnabled());
    QCOMPARE(dialog.findChild<QLineEdit *>(u"apiNameLineEdit"_qs)->text(), u"Forecast API"_qs);
}

void tst_PublisherForbidden::usageDashboardSaysWhichService()
{
    ui::UsageDashboard dashboard(m_controller.get());
    dashboard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
    dashboard.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!bannerText(&dashboard, u"usageBannerWidget"_qs).isEmpty(), 10000);
    const QString text = bannerText(&dashboard, u"usageBannerWidget"_qs);
    QCOMPARE(text, u"The usage reports could not be read: the signed-in account does not have permission to read "
                    "the reports of the service “apimService1” (%1). "_qs.arg(armSays(u"reports/read"_qs, kService))
                       + kAdvice + u" The figures shown are from the last successful refresh."_qs);
    verifyNotSignIn(text);
}

// Delete API in the navigation tree's context menu, for an account that may read the service
// and its APIs but not delete them: the console's banner says it in the publisher panels' words.
void tst_PublisherForbidden::navigationTreeDeleteSaysWhichApi()
{
    const QString group = u"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1"_qs;
    const QString service = group + u"/providers/Microsoft.ApiManagement/service/contoso-apim"_qs;
    const QString api = service + u"/apis/orders"_qs;
    auto exchange = [this](const QString &method, const QString &path, int status, const QJsonObject &body) {
        m_arm->add(QJsonObject { { u"request"_qs, QJsonObject { { u"method"_qs, method }, { u"path"_qs, path } } },
                                 { u"response"_qs, QJsonObject { { u"status"_qs, status }, { u"body"_qs, body } } } });
    };
    exchange(u"GET"_qs, group + u"/providers/Microsoft.ApiManagement/service"_qs, 200, QJsonObject { { u"value"_qs, QJsonArray {
        QJsonObject { { u"id"_qs, service }, { u"name"_qs, u"contoso-apim"_qs },
                      { u"type"_qs, u"Microsoft.ApiManagement/service"_qs }, { u"location"_qs, u"West Europe"_qs },
                      { u"sku"_qs, QJsonObject { { u"name"_qs, u"Developer"_qs }, { u"capacity"_qs, 1 } } },
                      { u"properties"_qs, QJsonObject { { u"publisherEmail"_qs, u"admin@contoso.com"_qs },
                                                        { u"publisherName"_qs, u"Contoso"_qs },
                                                        { u"provisioningState"_qs, u"Succeeded"_qs } } } } } } });
    exchange(u"GET"_qs, service + u"/apis"_qs, 200, QJsonObject { { u"value"_qs, QJsonArray {
        QJsonObject { { u"id"_qs, api }, { u"name"_qs, u"orders"_qs }, { u"type"_qs, u"Microsoft.ApiManagement/service/apis"_qs },
                      { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Orders"_qs }, { u"path"_qs, u"orders"_qs } } } } } } });
    exchange(u"DELETE"_qs, api, 403, QJsonObject { { u"error"_qs, QJsonObject {
        { u"code"_qs, u"AuthorizationFailed"_qs }, { u"message"_qs, armSays(u"apis/delete"_qs, api) } } } });

    test::TempDir dir;
    core::Settings settings(dir.filePath(u"settings.ini"_qs));
    ui::MainWindow window(settings);
    core::NavigationTreeModel navigation;
    ui::NavigationLabels labels;
    labels.setSourceModel(&navigation);
    window.setNavigationModel(&labels);
    ui::PublisherWorkspace workspace(m_controller.get());
    ui::NavigationActions actions(&window, &labels, &navigation, m_controller.get(), &workspace);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTreeView *tree = window.navigationView();
    const QModelIndex root = navigation.addEnvironment(u"azure"_qs, u"Contoso (Azure)"_qs, m_client.get(), { group });
    tree->expand(labels.mapFromSource(root));
    QTRY_VERIFY_WITH_TIMEOUT(navigation.findArmId(service).isValid(), 10000);
    tree->expand(labels.mapFromSource(navigation.findArmId(service)));
    using Kind = core::NavigationTreeModel::Kind;
    QTRY_VERIFY_WITH_TIMEOUT(navigation.folder(navigation.findArmId(service), Kind::ApisFolder).isValid(), 10000);
    tree->expand(labels.mapFromSource(navigation.folder(navigation.findArmId(service), Kind::ApisFolder)));
    QTRY_VERIFY_WITH_TIMEOUT(navigation.findArmId(api).isValid(), 10000);

    tree->setCurrentIndex(labels.mapFromSource(navigation.findArmId(api)));
    QSignalSpy deleted(&actions, &ui::NavigationActions::deleteFinished);
    ui::decisions::preAnswer(true);
    window.findChild<QAction *>(u"deleteNavigationItemAction"_qs)->trigger();
    QVERIFY(deleted.wait(10000));
    QCOMPARE(deleted.last().at(0).toBool(), false);
    QVERIFY(actions.banner()->isVisible());
    const QString text = actions.banner()->text();
    QCOMPARE(text, u"The API “Orders” was not deleted: the signed-in account does not have permission to delete it "
                    "(%1). "_qs.arg(armSays(u"apis/delete"_qs, api))
                       + kAdvice);
    verifyNotSignIn(text);
    QVERIFY(navigation.findArmId(api).isValid()); // still listed
}

void tst_PublisherForbidden::wizardSaysTheAccountCannotListSubscriptions()
{
    ui::ServiceWizard wizard;
    wizard.setEnvironments({ { u"azure"_qs, u"Contoso (Azure)"_qs, true } }, u"azure"_qs);
    m_controller->attachWizard(&wizard);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    QTest::keyClicks(wizard.findChild<QLineEdit *>(u"instanceNameLineEdit"_qs), u"contosoapim"_qs);
    // The account cannot even list its subscriptions here.
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.azureChoicesProblems().isEmpty(), 10000);
    const QString text = wizard.azureChoicesProblems();
    QVERIFY2(text.startsWith(u"The signed-in account does not have permission to list the subscriptions of this "
                             "account (AuthorizationFailed: The client 'user@contoso.com'"_qs),
             qPrintable(text));
    QVERIFY2(text.endsWith(kAdvice), qPrintable(text));
    verifyNotSignIn(text);
}

QTEST_MAIN(tst_PublisherForbidden)
#include "tst_publisherforbidden.moc"
