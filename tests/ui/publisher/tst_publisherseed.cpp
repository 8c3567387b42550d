// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The seed's publisher steps, clicked through the real widgets against the real portico-local:
// the wizard creates demoazureml, the API editor adds "AzureML Demo API", the operation editor
// adds the five operations, a subscription is created; ARM reads confirm every field. Also the
// bad-input cases that need a server: a duplicate URL suffix and the server stopping mid-save.

#include "core/arm/armclient.h"
#include "core/arm/armjob.h"
#include "core/arm/armrequest.h"
#include "core/auth/statictokenprovider.h"
#include "tests/support/porticolocalfixture.h"
#include "ui/common/operationtracker.h"
#include "ui/common/stageddocument.h"
#include "ui/publisher/apieditor.h"
#include "ui/publisher/editorfields.h"
#include "ui/publisher/operationeditor.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/servicewizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace portico;

namespace {

struct SeedOperation
{
    QString displayName;
    QString method;
    QString urlTemplate;
};

const QList<SeedOperation> kSeedOperations {
    { u"RRS Execute"_qs, u"POST"_qs,
      u"/workspaces/{workspace}/services/{service}/execute?api-version={apiversion}&details={details}"_qs },
    { u"BES Submit"_qs, u"POST"_qs,
      u"/workspaces/{workspace}/services/{service}/jobs?api-version={apiversion}"_qs },
    { u"BES Start"_qs, u"POST"_qs,
      u"/workspaces/{workspace}/services/{service}/jobs/{jobid}/start?api-version={apiversion}"_qs },
    { u"BES Status"_qs, u"GET"_qs,
      u"/workspaces/{workspace}/services/{service}/jobs/{jobid}?api-version={apiversion}"_qs },
    { u"BES Delete"_qs, u"DELETE"_qs,
      u"/workspaces/{workspace}/services/{service}/jobs/{jobid}?api-version={apiversion}"_qs },
};

} // namespace

class tst_PublisherSeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void wizardCreatesTheSeedService();
    void apiEditorAddsTheSeedApi();
    void operationEditorAddsTheFiveOperations();
    void subscriptionIsCreatedForStarter();
    void duplicateUrlSuffixIsShownNextToTheField();
    void closingTheWizardLeavesProvisioningInTheStatusBar();
    void serverStoppingMidSaveKeepsEveryTypedValue(); // last: it kills portico-local

private:
    void fillWizardUpToSummary(ui::ServiceWizard &wizard, const QString &name);
    QJsonObject get(const QString &path);
    void clickSave(QWidget *editor, const QString &button);

    test::PorticoLocalFixture m_local;
    QNetworkAccessManager m_network;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_client;
    ui::OperationTracker m_operations;
    std::unique_ptr<ui::PublisherController> m_controller;
};

void tst_PublisherSeed::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_local.start(), qPrintable(m_local.errorString()));
    m_tokens = std::make_unique<core::StaticTokenProvider>(m_local.token());
    m_client = std::make_unique<core::ArmClient>(&m_network, m_local.managementUrl(), m_tokens.get());
    m_controller = std::make_unique<ui::PublisherController>(m_client.get(), &m_operations);
}

void tst_PublisherSeed::cleanupTestCase()
{
    m_controller.reset();
    m_client.reset();
    m_local.stop();
}

QJsonObject tst_PublisherSeed::get(const QString &path)
{
    std::optional<core::Result<QJsonObject>> result;
    m_controller->call(core::ArmRequest::get(path), this,
                       [&result](const core::Result<QJsonObject> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000) || !result->ok())
        return {};
    return result->value();
}

void tst_PublisherSeed::clickSave(QWidget *editor, const QString &button)
{
    auto *save = editor->findChild<QPushButton *>(button);
    QVERIFY(save && save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
}

void tst_PublisherSeed::fillWizardUpToSummary(ui::ServiceWizard &wizard, const QString &name)
{
    m_controller->attachWizard(&wizard);
    wizard.setEnvironments({ { u"local"_qs, u"portico-local"_qs, false } }, u"local"_qs);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(wizard.findChild<QLineEdit *>(u"instanceNameLineEdit"_qs), name);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 10000); // the server said it is available
    QVERIFY(wizard.findChild<QLabel *>(u"instanceNameAvailabilityLabel"_qs)->text().contains(u"available"_qs));
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(wizard.findChild<QLineEdit *>(u"organizationLineEdit"_qs), u"Contoso ML"_qs);
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(wizard.findChild<QLineEdit *>(u"adminEmailLineEdit"_qs), u"admin@contoso.com"_qs);
    QTest::mouseClick(next, Qt::LeftButton);
    auto *tier = wizard.findChild<QComboBox *>(u"tierComboBox"_qs);
    tier->setCurrentIndex(tier->findData(u"Developer"_qs));
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ui::ServiceWizard::SummaryPageId));
}

void tst_PublisherSeed::wizardCreatesTheSeedService()
{
    ui::ServiceWizard wizard;
    fillWizardUpToSummary(wizard, u"demoazureml"_qs);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy created(m_controller.get(), &ui::PublisherController::serviceCreated);
    QTest::mouseClick(wizard.button(QWizard::CommitButton), Qt::LeftButton);
    QVERIFY(m_operations.count() == 1 || created.count() == 1); // tracked in the status bar
    QTRY_VERIFY_WITH_TIMEOUT(created.count() == 1, 60000);
    QTRY_VERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    QVERIFY(m_controller->serviceId().endsWith(u"/service/demoazureml"_qs));

    const QJsonObject service = get(m_controller->serviceId());
    const QJsonObject props = service.value(u"properties"_qs).toObject();
    QCOMPARE(service.value(u"name"_qs).toString(), u"demoazureml"_qs);
    QCOMPARE(props.value(u"publisherEmail"_qs).toString(), u"admin@contoso.com"_qs);
    QCOMPARE(props.value(u"publisherName"_qs).toString(), u"Contoso ML"_qs);
    QCOMPARE(props.value(u"provisioningState"_qs).toString(), u"Succeeded"_qs);
    QCOMPARE(service.value(u"sku"_qs).toObject().value(u"name"_qs).toString(), u"Developer"_qs);
}

void tst_PublisherSeed::apiEditorAddsTheSeedApi()
{
    QVERIFY(!m_controller->serviceId().isEmpty());
    ui::ApiEditor editor;
    m_controller->attachApiEditor(&editor);
    editor.show();
    auto *products = editor.findChild<QListWidget *>(u"productsListWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(products->count() >= 2, 10000);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"displayNameLineEdit"_qs), u"AzureML Demo API"_qs);
    QCOMPARE(editor.findChild<QLineEdit *>(u"apiIdLineEdit"_qs)->text(), u"azureml-demo-api"_qs);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"serviceUrlLineEdit"_qs), m_local.mlUrl().toString());
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"urlSuffixLineEdit"_qs), u"azureml-demo"_qs);
    QVERIFY(editor.findChild<QAbstractButton *>(u"httpsCheckBox"_qs)->isChecked());
    QVERIFY(!editor.findChild<QAbstractButton *>(u"httpCheckBox"_qs)->isChecked());
    const auto starter = products->findItems(u"Starter"_qs, Qt::MatchExactly);
    QCOMPARE(starter.size(), 1);
    starter.first()->setCheckState(Qt::Checked);
    clickSave(&editor, u"apiSavePushButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!editor.isNew() && !editor.document()->isDirty(), 10000);

    const QJsonObject api = get(u"/apis/azureml-demo-api"_qs);
    const QJsonObject props = api.value(u"properties"_qs).toObject();
    QCOMPARE(props.value(u"displayName"_qs).toString(), u"AzureML Demo API"_qs);
    QCOMPARE(props.value(u"path"_qs).toString(), u"azureml-demo"_qs);
    QCOMPARE(props.value(u"protocols"_qs).toArray(), QJsonArray { u"https"_qs });
    QCOMPARE(props.value(u"serviceUrl"_qs).toString(), m_local.mlUrl().toString().chopped(m_local.mlUrl().toString().endsWith(u'/') ? 1 : 0));
    const QJsonArray linked = get(u"/products/starter/apis"_qs).value(u"value"_qs).toArray();
    bool found = false;
    for (const QJsonValue &item : linked)
        found = found || item.toObject().value(u"name"_qs).toString() == u"azureml-demo-api"_qs;
    QVERIFY2(found, "the API is in product Starter");
}

void tst_PublisherSeed::operationEditorAddsTheFiveOperations()
{
    for (const SeedOperation &seed : kSeedOperations) {
        ui::OperationEditor editor;
        m_controller->attachOperationEditor(&editor, u"azureml-demo-api"_qs);
        editor.show();
        auto *method = editor.findChild<QComboBox *>(u"methodComboBox"_qs);
        method->setCurrentIndex(method->findText(seed.method));
        Q_EMIT method->activated(method->currentIndex());
        QTest::keyClicks(editor.findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs), seed.displayName);
        QTest::keyClicks(editor.findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs), seed.urlTemplate);
        QVERIFY(editor.undeclaredParameters().isEmpty());
        clickSave(&editor, u"operationSavePushButton"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(!editor.isNew(), 10000);
        QVERIFY2(editor.findChild<QLabel *>(u"bannerMessageLabel"_qs)->text().isEmpty(),
                 qPrintable(editor.findChild<QLabel *>(u"bannerMessageLabel"_qs)->text()));

        const QString id = ui::editorfields::idFromDisplayName(seed.displayName);
        const QJsonObject op = get(u"/apis/azureml-demo-api/operations/"_qs + id);
        const QJsonObject props = op.value(u"properties"_qs).toObject();
        QCOMPARE(props.value(u"urlTemplate"_qs).toString(), seed.urlTemplate);
        QCOMPARE(props.value(u"method"_qs).toString(), seed.method);
        QCOMPARE(props.value(u"displayName"_qs).toString(), seed.displayName);
        QStringList names;
        for (const QJsonValue &p : props.value(u"templateParameters"_qs).toArray())
            names << p.toObject().value(u"name"_qs).toString();
        QVERIFY(names.contains(u"workspace"_qs) && names.contains(u"service"_qs)
                && names.contains(u"apiversion"_qs));
        QCOMPARE(props.value(u"responses"_qs).toArray().first().toObject().value(u"statusCode"_qs).toInt(), 200);
    }
}

void tst_PublisherSeed::subscriptionIsCreatedForStarter()
{
    std::optional<core::Result<QJsonObject>> created;
    m_controller->createSubscription(u"seed-subscription"_qs, u"Seed subscription"_qs,
                                     u"/products/starter"_qs, {}, this,
                                     [&created](const core::Result<QJsonObject> &r) { created = r; });
    QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 10000);
    QVERIFY2(created->ok(), qPrintable(created->ok() ? QString() : created->error().toString()));
    const QJsonObject sub = get(m_controller->serviceId() + u"/subscriptions/seed-subscription"_qs);
    const QJsonObject props = sub.value(u"properties"_qs).toObject();
    QVERIFY(props.value(u"scope"_qs).toString().endsWith(u"/products/starter"_qs));
    QCOMPARE(props.value(u"state"_qs).toString(), u"active"_qs);
    QVERIFY(!props.contains(u"primaryKey"_qs) || props.value(u"primaryKey"_qs).toString().isEmpty());
}

void tst_PublisherSeed::duplicateUrlSuffixIsShownNextToTheField()
{
    ui::ApiEditor editor;
    m_controller->attachApiEditor(&editor);
    editor.show();
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"displayNameLineEdit"_qs), u"Second API"_qs);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"serviceUrlLineEdit"_qs), u"https://example.com"_qs);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"urlSuffixLineEdit"_qs), u"azureml-demo"_qs);
    clickSave(&editor, u"apiSavePushButton"_qs);
    auto *message = editor.findChild<QLabel *>(u"urlSuffixMessageLabel"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!message->text().isEmpty(), 10000);
    QVERIFY2(message->text().contains(u"azureml-demo"_qs), qPrintable(message->text()));
    QVERIFY(message->isVisible());
    QVERIFY(editor.isNew());
    QCOMPARE(editor.findChild<QLineEdit *>(u"urlSuffixLineEdit"_qs)->text(), u"azureml-demo"_qs);
}

void tst_PublisherSeed::serverStoppingMidSaveKeepsEveryTypedValue()
{
    ui::OperationEditor editor;
    m_controller->attachOperationEditor(&editor, u"azureml-demo-api"_qs);
    editor.show();
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs), u"Swagger"_qs);
    QTest::keyClicks(editor.findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs),
                     u"/workspaces/{workspace}/services/{service}/swagger.json"_qs);
    // Save, and the server dies before the request gets through.
    clickSave(&editor, u"operationSavePushButton"_qs);
    m_local.kill();
    auto *banner = editor.findChild<QLabel *>(u"bannerMessageLabel"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 30000);
    QVERIFY2(banner->text().contains(u"could not be reached"_qs), qPrintable(banner->text()));
    QCOMPARE(editor.findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs)->text(), u"Swagger"_qs);
    QCOMPARE(editor.findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs)->text(),
             u"/workspaces/{workspace}/services/{service}/swagger.json"_qs);
    QVERIFY(editor.findChild<QPushButton *>(u"operationSavePushButton"_qs)->isEnabled());
    QCOMPARE(editor.values().value(u"templateParameters"_qs).toList().size(), 2);
}

void tst_PublisherSeed::closingTheWizardLeavesProvisioningInTheStatusBar()
{
    const QString seedService = m_controller->serviceId();
    auto restore = qScopeGuard([this, seedService] { m_controller->setService(seedService); });
    auto wizard = std::make_unique<ui::ServiceWizard>();
    fillWizardUpToSummary(*wizard, u"closedwizard"_qs);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy created(m_controller.get(), &ui::PublisherController::serviceCreated);
    QSignalSpy ended(&m_operations, &ui::OperationTracker::finished);
    QTest::mouseClick(wizard->button(QWizard::CommitButton), Qt::LeftButton);
    QCOMPARE(m_operations.count(), 1); // "Creating closedwizard", in the status bar
    wizard.reset();                    // the user closes the wizard while it provisions

    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
    QCOMPARE(ended.first().at(1).toBool(), true);
    QCOMPARE(ended.first().at(2).toString(), u"closedwizard is ready"_qs);
    QCOMPARE(m_operations.count(), 0);
    QCOMPARE(created.count(), 1);
    QVERIFY(created.first().first().toString().endsWith(u"/service/closedwizard"_qs));
    const QJsonObject service = get(created.first().first().toString());
    QCOMPARE(service.value(u"properties"_qs).toObject().value(u"provisioningState"_qs).toString(),
             u"Succeeded"_qs);
}

QTEST_MAIN(tst_PublisherSeed)
#include "tst_publisherseed.moc"
