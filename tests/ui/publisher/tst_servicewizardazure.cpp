// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The service wizard on an Azure environment, driven through its real widgets and the real
// PublisherController, against a local replay server for management.azure.com that answers the
// Microsoft.Resources calls (subscriptions, resource groups, locations) only in that provider's
// own api-versions, as ARM does (tests/support/replay/recordings/
// arm-service-wizard-resource-manager.json). The user sees the account's subscription, its
// resource groups and every region of the subscription (not only those of existing groups),
// creates the service in a new group in such a region, and a list that cannot be read is said
// on the page, in words, with a Retry that recovers. A create that fails can be corrected with
// Back (nothing entered is lost) and created again. A 403 on the name check or the create says
// which permission the signed-in account lacks, once.

#include "core/arm/armclient.h"
#include "core/auth/statictokenprovider.h"
#include "tests/support/replay/replayserver.h"
#include "ui/common/bannerwidget.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/servicewizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

using namespace portico;
using ui::ServiceWizard;

namespace {

const QString kSubscription = u"291bba3f-e0a5-47bc-a099-3bdcb2a50a05"_qs;
const QString kGroups = u"/subscriptions/291bba3f-e0a5-47bc-a099-3bdcb2a50a05/resourcegroups"_qs;

QString apiVersionOf(const test::ReplayServer::Received &request)
{
    return QUrlQuery(request.query).queryItemValue(u"api-version"_qs);
}

} // namespace

class tst_ServiceWizardAzure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void listsWithResourceManagerApiVersionsAndCreatesInANewGroupAnywhere();
    void listThatCannotBeReadIsSaidOnThePageWithRetry();
    void failedCreateCanBeCorrectedAndCreatedAgain();
    void aServiceThatEndsFailedWithoutAReasonSaysSo();
    void forbiddenNameCheckAndCreateSayWhichPermissionIsMissing();

private:
    // Environment page → name "contosoapim" (checked through Azure) → the Azure page.
    void goToAzurePage();
    QAbstractButton *next() const { return m_wizard->button(QWizard::NextButton); }
    template <typename T>
    T *child(const QString &name) const
    {
        return m_wizard->findChild<T *>(name);
    }

    std::unique_ptr<test::ReplayServer> m_arm;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_client;
    std::unique_ptr<ui::PublisherController> m_controller;
    std::unique_ptr<ServiceWizard> m_wizard;
};

void tst_ServiceWizardAzure::init()
{
    m_arm = std::make_unique<test::ReplayServer>();
    QVERIFY(m_arm->start());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_tokens = std::make_unique<core::StaticTokenProvider>(u"replay-token"_qs);
    m_client = std::make_unique<core::ArmClient>(m_nam.get(), m_arm->url(), m_tokens.get());
    m_controller = std::make_unique<ui::PublisherController>(m_client.get(), nullptr);
    m_wizard = std::make_unique<ServiceWizard>();
    m_wizard->setEnvironments({ { u"azure"_qs, u"Contoso (Azure)"_qs, true } }, u"azure"_qs);
}

void tst_ServiceWizardAzure::cleanup()
{
    m_wizard.reset();
    m_controller.reset();
    m_client.reset();
    m_tokens.reset();
    m_nam.reset();
    if (m_arm)
        QVERIFY2(m_arm->unmatched().isEmpty(), qPrintable(m_arm->unmatched().join(u", "_qs)));
    m_arm.reset();
}

void tst_ServiceWizardAzure::goToAzurePage()
{
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
    QTest::mouseClick(next(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ServiceWizard::NamePageId));
    QTest::keyClicks(child<QLineEdit>(u"instanceNameLineEdit"_qs), u"contosoapim"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(next()->isEnabled(), 10000); // the name check answered
    QTest::mouseClick(next(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ServiceWizard::AzurePageId));
}

void tst_ServiceWizardAzure::listsWithResourceManagerApiVersionsAndCreatesInANewGroupAnywhere()
{
    QVERIFY(m_arm->load(u"arm-service-wizard-resource-manager.json"_qs));
    m_controller->attachWizard(m_wizard.get(), kSubscription);
    QSignalSpy finished(m_controller.get(), &ui::PublisherController::provisioningFinished);
    goToAzurePage();

    auto *subscription = child<QComboBox>(u"subscriptionComboBox"_qs);
    auto *groups = child<QComboBox>(u"resourceGroupComboBox"_qs);
    auto *regions = child<QComboBox>(u"regionComboBox"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(subscription->count(), 1, 10000);
    QCOMPARE(subscription->currentText(), u"Example Subscription"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(groups->count(), 2, 10000);
    QCOMPARE(groups->itemData(0).toString(), u"rg1"_qs);
    // Every physical region of the subscription, by name; the logical "europe" is no place for
    // a service; Sweden Central has no resource group yet and is offered all the same.
    QTRY_COMPARE_WITH_TIMEOUT(regions->count(), 3, 10000);
    QStringList shown;
    for (int i = 0; i < regions->count(); ++i)
        shown << regions->itemText(i);
    QCOMPARE(shown, (QStringList { u"East US"_qs, u"Sweden Central"_qs, u"West Europe"_qs }));
    QVERIFY(!child<ui::BannerWidget>(u"azureChoicesBannerWidget"_qs)->isVisible());
    QVERIFY(next()->isEnabled());

    // A new resource group in a region where the account has none.
    QTest::mouseClick(child<QAbstractButton>(u"newResourceGroupCheckBox"_qs), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(u"newResourceGroupLineEdit"_qs), u"portico-rg"_qs);
    regions->setCurrentIndex(regions->findData(u"swedencentral"_qs));
    QVERIFY(next()->isEnabled());
    QTest::mouseClick(next(), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(u"organizationLineEdit"_qs), u"Contoso"_qs);
    QTest::mouseClick(next(), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(u"adminEmailLineEdit"_qs), u"admin@contoso.com"_qs);
    QTest::mouseClick(next(), Qt::LeftButton);
    auto *tier = child<QComboBox>(u"tierComboBox"_qs);
    tier->setCurrentIndex(tier->findData(u"Developer"_qs));
    QTest::mouseClick(next(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ServiceWizard::SummaryPageId));
    QTest::mouseClick(m_wizard->button(QWizard::CommitButton), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QTRY_VERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());

    // What went over the wire: Microsoft.Resources in its api-versions, the service in APIM's,
    // the group and the service in the region the user chose.
    const auto &received = m_arm->received();
    const auto find = [&received](const QByteArray &method, const QString &pathEnd) {
        return std::find_if(received.cbegin(), received.cend(), [&](const test::ReplayServer::Received &r) {
            return r.method == method && r.path.endsWith(pathEnd, Qt::CaseInsensitive);
        });
    };
    const auto groupPut = find("PUT", u"/resourcegroups/portico-rg"_qs);
    QVERIFY(groupPut != received.cend());
    QCOMPARE(apiVersionOf(*groupPut), u"2021-04-01"_qs);
    QCOMPARE(QJsonDocument::fromJson(groupPut->body).object().value(u"location"_qs).toString(),
             u"swedencentral"_qs);
    const auto servicePut = find("PUT", u"/service/contosoapim"_qs);
    QVERIFY(servicePut != received.cend());
    QVERIFY(servicePut > groupPut);
    QCOMPARE(apiVersionOf(*servicePut), u"2024-05-01"_qs);
    QCOMPARE(servicePut->path, u"/subscriptions/"_qs + kSubscription
                                   + u"/resourceGroups/portico-rg/providers/Microsoft.ApiManagement/service/contosoapim"_qs);
    QCOMPARE(QJsonDocument::fromJson(servicePut->body).object().value(u"location"_qs).toString(),
             u"swedencentral"_qs);
    QCOMPARE(apiVersionOf(*find("GET", u"/subscriptions"_qs)), u"2022-12-01"_qs);
    QCOMPARE(apiVersionOf(*find("GET", u"/resourcegroups"_qs)), u"2021-04-01"_qs);
    QCOMPARE(apiVersionOf(*find("GET", u"/locations"_qs)), u"2022-12-01"_qs);
    for (const auto &r : received)
        QCOMPARE(r.header("Authorization"), QByteArray("Bearer replay-token"));
}

void tst_ServiceWizardAzure::listThatCannotBeReadIsSaidOnThePageWithRetry()
{
    // The account may read the subscription but not its resource groups (a role assignment on
    // one group only): ARM's 403 AuthorizationFailed (the message as ARM words it).
    m_arm->add(QJsonDocument::fromJson(R"({"request": {"method": "GET", "path": ")" + kGroups.toUtf8() + R"("},
        "response": {"status": 403, "body": {"error": {"code": "AuthorizationFailed",
        "message": "The client 'user@contoso.com' with object id '5c730e34-3244-4df1-9cb5-6e85aa000001' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/read' over scope '/subscriptions/291bba3f-e0a5-47bc-a099-3bdcb2a50a05' or the scope is invalid. If access was recently granted, please refresh your credentials."}}}})")
                   .object());
    QVERIFY(m_arm->load(u"arm-service-wizard-resource-manager.json"_qs));
    m_controller->attachWizard(m_wizard.get(), kSubscription);
    goToAzurePage();

    auto *banner = child<ui::BannerWidget>(u"azureChoicesBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    QVERIFY2(banner->text().startsWith(u"The signed-in account does not have permission to list the "
                                       "resource groups of this subscription (AuthorizationFailed: The "
                                       "client 'user@contoso.com'"_qs),
             qPrintable(banner->text()));
    QVERIFY2(banner->text().endsWith(u"please refresh your credentials.). Ask for a role that allows "
                                     "it; if one was granted just now, sign in again."_qs),
             qPrintable(banner->text()));
    QVERIFY(!banner->text().contains(u"sign-in"_qs, Qt::CaseInsensitive));
    QCOMPARE(child<QComboBox>(u"resourceGroupComboBox"_qs)->count(), 0);
    QVERIFY(!next()->isEnabled()); // no group to choose: the page says why

    // The role was granted meanwhile; Retry reads the lists again.
    auto *retry = banner->findChild<QPushButton *>(u"bannerRetryPushButton"_qs);
    QVERIFY(retry->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(child<QComboBox>(u"resourceGroupComboBox"_qs)->count(), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(child<QComboBox>(u"regionComboBox"_qs)->count(), 3, 10000);
    QVERIFY(!banner->isVisible());
    QVERIFY(next()->isEnabled());
    QCOMPARE(m_wizard->azureChoicesProblems(), QString());
}

// No operation to poll: the service itself ends Failed (apim-protocol.md §4.4, rule 3) and
// nothing says why. The wizard says so in its own words, not in core's English.
void tst_ServiceWizardAzure::aServiceThatEndsFailedWithoutAReasonSaysSo()
{
    const QString service = u"/subscriptions/"_qs + kSubscription
        + u"/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/contosoapim"_qs;
    const auto add = [this](const QString &json) { m_arm->add(QJsonDocument::fromJson(json.toUtf8()).object()); };
    add(uR"({"request": {"method": "PUT", "path": "%1"},
        "response": {"status": 201,
                     "body": {"name": "contosoapim", "properties": {"provisioningState": "Created",
                                                                    "targetProvisioningState": "Activating"}}}})"_qs
            .arg(service));
    add(uR"({"request": {"method": "GET", "path": "%1"},
        "response": {"status": 200, "headers": {"Retry-After": "0"},
                     "body": {"id": "%1", "name": "contosoapim",
                              "properties": {"provisioningState": "Failed"}}}})"_qs.arg(service));
    QVERIFY(m_arm->load(u"arm-service-wizard-resource-manager.json"_qs));
    m_controller->attachWizard(m_wizard.get(), kSubscription);
    QSignalSpy finished(m_controller.get(), &ui::PublisherController::provisioningFinished);
    goToAzurePage();
    auto *groups = child<QComboBox>(u"resourceGroupComboBox"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(groups->count(), 2, 10000);
    groups->setCurrentIndex(groups->findData(u"rg1"_qs));
    QTRY_VERIFY_WITH_TIMEOUT(child<QComboBox>(u"regionComboBox"_qs)->count() > 0, 10000);
    QTest::mouseClick(next(), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(u"organizationLineEdit"_qs), u"Contoso"_qs);
    QTest::mouseClick(next(), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(u"adminEmailLineEdit"_qs), u"admin@contoso.com"_qs);
    QTest::mouseClick(next(), Qt::LeftButton);
    auto *tier = child<QComboBox>(u"tierComboBox"_qs);
    tier->setCurrentIndex(tier->findData(u"Developer"_qs));
    QTest::mouseClick(next(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ServiceWizard::SummaryPageId));
    QTest::mouseClick(m_wizard->button(QWizard::CommitButton), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(child<QLabel>(u"provisioningStatusLabel"_qs)->text(),
             u"Creating “contosoapim” failed: the service ended in a failed state, and the server "
             "did not say why.\nUse Back to change the settings and create the instance again."_qs);
}

void tst_ServiceWizardAzure::failedCreateCanBeCorrectedAndCreatedAgain()
{
    // ARM accepts the create, then the operation ends Failed (apim-protocol.md §4.4); the second
    // create, with the corrected e-mail, succeeds.
    const QString service = u"/subscriptions/"_qs + kSubscription
        + u"/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/contosoapim"_qs;
    const QString operation = service + u"/operationresults/Y29udG9zb2FwaW1fQWN0XzE="_qs;
    const auto add = [this](const QString &json) { m_arm->add(QJsonDocument::fromJson(json.toUtf8()).object()); };
    add(uR"({"request": {"method": "PUT", "path": "%1"},
        "response": {"status": 201,
                     "headers": {"Azure-AsyncOperation": "{{base}}%2?api-version=2024-05-01&asyncResponse",
                                 "Retry-After": "0"},
                     "body": {"name": "contosoapim", "properties": {"provisioningState": "Created",
                                                                    "targetProvisioningState": "Activating"}}}})"_qs
            .arg(service, operation));
    add(uR"({"request": {"method": "GET", "path": "%1"},
        "response": {"status": 200, "body": {"status": "Failed", "error": {"code": "InvalidParameter",
                     "message": "Parameter 'publisherEmail' is invalid."}}}})"_qs.arg(operation));
    add(uR"({"request": {"method": "PUT", "path": "%1"},
        "response": {"status": 200, "body": {"id": "%1", "name": "contosoapim",
                                             "properties": {"provisioningState": "Succeeded"}}}})"_qs.arg(service));
    QVERIFY(m_arm->load(u"arm-service-wizard-resource-manager.json"_qs));
    m_controller->attachWizard(m_wizard.get(), kSubscription);
    QSignalSpy finished(m_controller.get(), &ui::PublisherController::provisioningFinished);
    goToAzurePage();
    auto *groups = child<QComboBox>(u"resourceGroupComboBox"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(groups->count(), 2, 10000);
    groups->setCurrentIndex(groups->findData(u"rg1"_qs));
    QTRY_VERIFY_WITH_TIMEOUT(child<QComboBox>(u"regionComboBox"_qs)->count() > 0, 10000);
    QTest::mouseClick(next(), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(u"organizationLineEdit"_qs), u"Contoso"_qs);
    QTest::mouseClick(next(), Qt::LeftButton);
    auto *email = child<QLineEdit>(u"adminEmailLineEdit"_qs);
    QTest::keyClicks(email, u"admin@contoso.com"_qs);
    QTest::mouseClick(next(), Qt::LeftButton);
    auto *tier = child<QComboBox>(u"tierComboBox"_qs);
    tier->setCurrentIndex(tier->findData(u"Developer"_qs));
    QTest::mouseClick(next(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ServiceWizard::SummaryPageId));
    QTest::mouseClick(m_wizard->button(QWizard::CommitButton), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toBool(), false);

    // The failure is said, and the way back to the settings is open.
    auto *status = child<QLabel>(u"provisioningStatusLabel"_qs);
    QVERIFY2(status->text().contains(u"Parameter 'publisherEmail' is invalid."_qs), qPrintable(status->text()));
    QAbstractButton *back = m_wizard->button(QWizard::BackButton);
    QTRY_VERIFY(back->isVisible() && back->isEnabled());
    QTest::mouseClick(back, Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ServiceWizard::SummaryPageId));
    QTest::mouseClick(back, Qt::LeftButton);
    QTest::mouseClick(back, Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ServiceWizard::EmailPageId));
    // What the user entered is all still there.
    QCOMPARE(email->text(), u"admin@contoso.com"_qs);
    QCOMPARE(child<QLineEdit>(u"organizationLineEdit"_qs)->text(), u"Contoso"_qs);
    QCOMPARE(tier->currentData().toString(), u"Developer"_qs);
    email->selectAll();
    QTest::keyClicks(email, u"apim-admin@contoso.com"_qs);
    QTest::mouseClick(next(), Qt::LeftButton);
    QTest::mouseClick(next(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ServiceWizard::SummaryPageId));
    QVERIFY(child<QLabel>(u"summaryLabel"_qs)->text().contains(u"apim-admin@contoso.com"_qs));
    QCOMPARE(m_wizard->button(QWizard::CommitButton)->text(), u"&Create"_qs);
    QTest::mouseClick(m_wizard->button(QWizard::CommitButton), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(1).at(0).toBool(), true);
    QTRY_VERIFY(m_wizard->button(QWizard::FinishButton)->isEnabled());
    QVERIFY(!status->text().contains(u"Back"_qs));

    int puts = 0;
    for (const auto &r : m_arm->received()) {
        if (r.method == "PUT" && r.path == service) {
            ++puts;
            QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"properties"_qs).toObject()
                         .value(u"publisherEmail"_qs).toString(),
                     puts == 1 ? u"admin@contoso.com"_qs : u"apim-admin@contoso.com"_qs);
        }
    }
    QCOMPARE(puts, 2);
}

void tst_ServiceWizardAzure::forbiddenNameCheckAndCreateSayWhichPermissionIsMissing()
{
    // The account may read the subscription's groups and regions, but its first name check and
    // the create are refused with ARM's 403 AuthorizationFailed (the message as ARM words it).
    const QString service = u"/subscriptions/"_qs + kSubscription
        + u"/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/contosoapim"_qs;
    const QString armSays = u"The client 'user@contoso.com' with object id '5c730e34-3244-4df1-9cb5-6e85aa000001' "
                            "does not have authorization to perform action '%1' over scope '%2' or the scope is "
                            "invalid. If access was recently granted, please refresh your credentials."_qs;
    const QString checkRefused = armSays.arg(u"Microsoft.ApiManagement/checkNameAvailability/read"_qs,
                                             u"/subscriptions/"_qs + kSubscription);
    const QString createRefused = armSays.arg(u"Microsoft.ApiManagement/service/write"_qs, service);
    const auto refuse = [this](const char *method, const QString &path, const QString &message) {
        m_arm->add(QJsonObject {
            { u"request"_qs, QJsonObject { { u"method"_qs, QString::fromLatin1(method) }, { u"path"_qs, path } } },
            { u"response"_qs, QJsonObject { { u"status"_qs, 403 },
                                            { u"body"_qs, QJsonObject { { u"error"_qs, QJsonObject {
                                                { u"code"_qs, u"AuthorizationFailed"_qs },
                                                { u"message"_qs, message } } } } } } } });
    };
    refuse("POST", u"/subscriptions/"_qs + kSubscription + u"/providers/Microsoft.ApiManagement/checkNameAvailability"_qs,
           checkRefused);
    refuse("PUT", service, createRefused);
    QVERIFY(m_arm->load(u"arm-service-wizard-resource-manager.json"_qs));
    m_controller->attachWizard(m_wizard.get(), kSubscription);
    QSignalSpy finished(m_controller.get(), &ui::PublisherController::provisioningFinished);
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
    QTest::mouseClick(next(), Qt::LeftButton);
    auto *name = child<QLineEdit>(u"instanceNameLineEdit"_qs);
    QTest::keyClicks(name, u"contosoapim"_qs);
    auto *availability = child<QLabel>(u"instanceNameAvailabilityLabel"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(availability->text().startsWith(u"Could not check"_qs), 10000);
    QCOMPARE(availability->text(),
             u"Could not check the name: the signed-in account does not have permission to check API "
              "Management service names in this subscription (%1). Ask for a role that allows it; if one "
              "was granted just now, sign in again."_qs.arg(checkRefused));
    QVERIFY(!next()->isEnabled());

    // Typed again, the name is checked again (now allowed); the create is refused.
    name->clear();
    QTest::keyClicks(name, u"contosoapim"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(next()->isEnabled(), 10000);
    QTest::mouseClick(next(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ServiceWizard::AzurePageId));
    auto *groups = child<QComboBox>(u"resourceGroupComboBox"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(groups->count(), 2, 10000);
    groups->setCurrentIndex(groups->findData(u"rg1"_qs));
    QTRY_VERIFY_WITH_TIMEOUT(child<QComboBox>(u"regionComboBox"_qs)->count() > 0, 10000);
    QTest::mouseClick(next(), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(u"organizationLineEdit"_qs), u"Contoso"_qs);
    QTest::mouseClick(next(), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(u"adminEmailLineEdit"_qs), u"admin@contoso.com"_qs);
    QTest::mouseClick(next(), Qt::LeftButton);
    auto *tier = child<QComboBox>(u"tierComboBox"_qs);
    tier->setCurrentIndex(tier->findData(u"Developer"_qs));
    QTest::mouseClick(next(), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(ServiceWizard::SummaryPageId));
    QTest::mouseClick(m_wizard->button(QWizard::CommitButton), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    const QString status = child<QLabel>(u"provisioningStatusLabel"_qs)->text();
    QCOMPARE(status, u"Creating contosoapim failed: the signed-in account does not have permission to create it "
                      "in the resource group “rg1” (%1). Ask for a role that allows it; if one was granted just "
                      "now, sign in again.\nUse Back to change the settings and create the instance again."_qs
                         .arg(createRefused));
    QVERIFY(!status.contains(u"sign-in"_qs, Qt::CaseInsensitive));
}

QTEST_MAIN(tst_ServiceWizardAzure)
#include "tst_servicewizardazure.moc"
