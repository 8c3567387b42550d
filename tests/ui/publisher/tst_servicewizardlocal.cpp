// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The service wizard's Azure path against the real portico-local as the ARM endpoint (an Azure
// environment whose management URL is portico-local's): the region list comes from
// portico-local's GET /subscriptions/{id}/locations like it does from Azure, with its own
// "local" location among the physical regions and no logical one, and a service created in a
// new resource group in the chosen region ends up there.

#include "core/arm/armclient.h"
#include "core/arm/armrequest.h"
#include "core/auth/statictokenprovider.h"
#include "tests/support/flakyproxy.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/ui/publishertestbed.h"
#include "ui/common/bannerwidget.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/servicewizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace portico;
using ui::ServiceWizard;

namespace {
const QString kSubscription = u"00000000-0000-0000-0000-000000000000"_qs;
}

class tst_ServiceWizardLocal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void regionsComeFromPorticoLocalAndTheServiceIsCreatedInTheChosenOne();
    void aLocalServiceIsCreatedInPorticoLocalsOwnLocation();
    void aNewGroupChosenForAzureIsNotCreatedWhenLocalIsChosenAfter();
    void choosingAnotherEnvironmentAsksAboutTheNameAgain();
    void aLateAnswerFromTheEnvironmentLeftIsIgnored();

private:
    // From the name page (`name` typed and checked) through the summary, then Create.
    void finishFromName(ServiceWizard &wizard, const QString &name);

    template <typename T>
    T *child(ServiceWizard &wizard, const QString &name) const
    {
        return wizard.findChild<T *>(name);
    }

    test::PorticoLocalFixture m_local;
    QNetworkAccessManager m_network;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_client;
    std::unique_ptr<ui::PublisherController> m_controller;
};

void tst_ServiceWizardLocal::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("PORTICO_LOCAL_LRO_DELAY_MS", "300");
    QVERIFY2(m_local.start(), qPrintable(m_local.errorString()));
    m_tokens = std::make_unique<core::StaticTokenProvider>(m_local.token());
    m_client = std::make_unique<core::ArmClient>(&m_network, m_local.managementUrl(), m_tokens.get());
    m_controller = std::make_unique<ui::PublisherController>(m_client.get(), nullptr);
}

void tst_ServiceWizardLocal::cleanupTestCase()
{
    m_controller.reset();
    m_client.reset();
    QCOMPARE(m_local.stop(), 0);
}

void tst_ServiceWizardLocal::regionsComeFromPorticoLocalAndTheServiceIsCreatedInTheChosenOne()
{
    ServiceWizard wizard;
    wizard.setEnvironments({ { u"azure"_qs, u"portico-local as Azure"_qs, true } }, u"azure"_qs);
    m_controller->attachWizard(&wizard, kSubscription);
    QSignalSpy finished(m_controller.get(), &ui::PublisherController::provisioningFinished);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::NamePageId));
    QTest::keyClicks(child<QLineEdit>(wizard, u"instanceNameLineEdit"_qs), u"wizardregions"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 20000); // portico-local answered the name check
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::AzurePageId));

    auto *regions = child<QComboBox>(wizard, u"regionComboBox"_qs);
    auto *banner = child<ui::BannerWidget>(wizard, u"azureChoicesBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(regions->count() > 0 || banner->isVisible(), 20000);
    QVERIFY2(!banner->isVisible(), qPrintable(banner->text()));
    QStringList shown;
    for (int i = 0; i < regions->count(); ++i)
        shown << regions->itemText(i);
    // portico-local's own location and public regions by their display names; the logical
    // "Europe" is no place for a service.
    QVERIFY2(shown.contains(u"Portico Local"_qs), qPrintable(shown.join(u", "_qs)));
    QVERIFY2(shown.contains(u"West Europe"_qs), qPrintable(shown.join(u", "_qs)));
    QVERIFY2(shown.contains(u"East US"_qs), qPrintable(shown.join(u", "_qs)));
    QVERIFY2(!shown.contains(u"Europe"_qs), qPrintable(shown.join(u", "_qs)));
    QCOMPARE(regions->itemData(regions->findText(u"Portico Local"_qs)).toString(), u"local"_qs);
    auto *groups = child<QComboBox>(wizard, u"resourceGroupComboBox"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(groups->findData(u"portico-local"_qs) >= 0, 20000);

    // A new resource group in West Europe, and the service in it.
    QTest::mouseClick(child<QAbstractButton>(wizard, u"newResourceGroupCheckBox"_qs), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(wizard, u"newResourceGroupLineEdit"_qs), u"rg-west"_qs);
    regions->setCurrentIndex(regions->findData(u"westeurope"_qs));
    QVERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(wizard, u"organizationLineEdit"_qs), u"Contoso"_qs);
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(wizard, u"adminEmailLineEdit"_qs), u"admin@contoso.com"_qs);
    QTest::mouseClick(next, Qt::LeftButton);
    auto *tier = child<QComboBox>(wizard, u"tierComboBox"_qs);
    tier->setCurrentIndex(tier->findData(u"Developer"_qs));
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::SummaryPageId));
    QTest::mouseClick(wizard.button(QWizard::CommitButton), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().at(0).toBool(), true);

    const QString group = u"/subscriptions/"_qs + kSubscription + u"/resourceGroups/rg-west"_qs;
    const auto service = test::callAndWait(
        *m_controller, core::ArmRequest::get(group + u"/providers/Microsoft.ApiManagement/service/wizardregions"_qs),
        this);
    QVERIFY2(service.ok(), qPrintable(service.ok() ? QString() : service.error().message));
    QCOMPARE(service.value().value(u"location"_qs).toString(), u"westeurope"_qs);
    const auto created = test::callAndWait(
        *m_controller, core::ArmRequest::get(group).withQuery(u"api-version"_qs, u"2021-04-01"_qs), this);
    QVERIFY(created.ok());
    QCOMPARE(created.value().value(u"location"_qs).toString(), u"westeurope"_qs);
}

void tst_ServiceWizardLocal::finishFromName(ServiceWizard &wizard, const QString &name)
{
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::NamePageId));
    auto *edit = child<QLineEdit>(wizard, u"instanceNameLineEdit"_qs);
    edit->clear();
    QTest::keyClicks(edit, name);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 20000); // portico-local answered the name check
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::OrganizationPageId));
    QTest::keyClicks(child<QLineEdit>(wizard, u"organizationLineEdit"_qs), u"Contoso"_qs);
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(wizard, u"adminEmailLineEdit"_qs), u"admin@contoso.com"_qs);
    QTest::mouseClick(next, Qt::LeftButton);
    auto *tier = child<QComboBox>(wizard, u"tierComboBox"_qs);
    tier->setCurrentIndex(tier->findData(u"Developer"_qs));
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::SummaryPageId));
    QTest::mouseClick(wizard.button(QWizard::CommitButton), Qt::LeftButton);
}

void tst_ServiceWizardLocal::aLocalServiceIsCreatedInPorticoLocalsOwnLocation()
{
    ServiceWizard wizard;
    wizard.setEnvironments({ { u"local"_qs, u"portico-local"_qs, false } }, u"local"_qs);
    m_controller->attachWizard(&wizard);
    QSignalSpy finished(m_controller.get(), &ui::PublisherController::provisioningFinished);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    // The regions of the (skipped) Azure page arrive, as they do from portico-local.
    auto *regions = child<QComboBox>(wizard, u"regionComboBox"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(regions->count() > 0, 20000);
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
    finishFromName(wizard, u"wizardlocal"_qs);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().at(0).toBool(), true);

    const auto service = test::callAndWait(
        *m_controller, core::ArmRequest::get(test::localServiceId(u"wizardlocal"_qs)), this);
    QVERIFY2(service.ok(), qPrintable(service.ok() ? QString() : service.error().message));
    QCOMPARE(service.value().value(u"location"_qs).toString(), u"local"_qs);
}

void tst_ServiceWizardLocal::aNewGroupChosenForAzureIsNotCreatedWhenLocalIsChosenAfter()
{
    ServiceWizard wizard;
    wizard.setEnvironments({ { u"azure"_qs, u"portico-local as Azure"_qs, true },
                             { u"local"_qs, u"portico-local"_qs, false } },
                           u"azure"_qs);
    m_controller->attachWizard(&wizard, kSubscription);
    QSignalSpy finished(m_controller.get(), &ui::PublisherController::provisioningFinished);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(wizard, u"instanceNameLineEdit"_qs), u"wizardswitched"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 20000);
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::AzurePageId));
    auto *regions = child<QComboBox>(wizard, u"regionComboBox"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(regions->findData(u"westeurope"_qs) >= 0, 20000);
    QTest::mouseClick(child<QAbstractButton>(wizard, u"newResourceGroupCheckBox"_qs), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(wizard, u"newResourceGroupLineEdit"_qs), u"rg-azure-only"_qs);
    regions->setCurrentIndex(regions->findData(u"westeurope"_qs));
    QVERIFY(next->isEnabled());

    // Back to the first page; the service goes to portico-local after all.
    QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
    QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::EnvironmentPageId));
    auto *environment = child<QComboBox>(wizard, u"environmentComboBox"_qs);
    environment->setCurrentIndex(environment->findData(u"local"_qs));
    QTest::mouseClick(next, Qt::LeftButton);
    finishFromName(wizard, u"wizardswitched"_qs);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().at(0).toBool(), true);

    const auto service = test::callAndWait(
        *m_controller, core::ArmRequest::get(test::localServiceId(u"wizardswitched"_qs)), this);
    QVERIFY2(service.ok(), qPrintable(service.ok() ? QString() : service.error().message));
    QCOMPARE(service.value().value(u"location"_qs).toString(), u"local"_qs);
    const auto group = test::callAndWait(
        *m_controller,
        core::ArmRequest::get(u"/subscriptions/"_qs + kSubscription + u"/resourceGroups/rg-azure-only"_qs)
            .withQuery(u"api-version"_qs, u"2021-04-01"_qs),
        this);
    QVERIFY2(!group.ok(), "no resource group was created for the Azure choice");
    QCOMPARE(group.error().kind, core::Error::Kind::NotFound);
}

void tst_ServiceWizardLocal::choosingAnotherEnvironmentAsksAboutTheNameAgain()
{
    ServiceWizard wizard;
    wizard.setEnvironments({ { u"azure"_qs, u"portico-local as Azure"_qs, true },
                             { u"local"_qs, u"portico-local"_qs, false } },
                           u"azure"_qs);
    m_controller->attachWizard(&wizard, kSubscription);
    QSignalSpy checks(&wizard, &ServiceWizard::availabilityCheckRequested);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(wizard, u"instanceNameLineEdit"_qs), u"wizardagain"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 20000);
    QCOMPARE(checks.size(), 1);

    QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
    auto *environment = child<QComboBox>(wizard, u"environmentComboBox"_qs);
    environment->setCurrentIndex(environment->findData(u"local"_qs));
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::NamePageId));
    // The name as typed, asked about on the environment now chosen: no need to type it again.
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 20000);
    QCOMPARE(checks.size(), 2);
    QCOMPARE(checks.last().at(0).toString(), u"local"_qs);
    QCOMPARE(child<QLabel>(wizard, u"instanceNameAvailabilityLabel"_qs)->text(),
             u"“wizardagain” is available."_qs);
}

void tst_ServiceWizardLocal::aLateAnswerFromTheEnvironmentLeftIsIgnored()
{
    // Environment "slow" reaches portico-local through a proxy that holds its name checks and
    // then fails them; environment "local" reaches it directly.
    test::FlakyProxy proxy;
    QVERIFY(proxy.listen(QHostAddress::LocalHost, quint16(m_local.managementUrl().port())));
    proxy.failWhen({}, 400, "Stale");
    proxy.holdWhen([](const test::FlakyProxy::Request &r) {
        return r.method == "POST" && r.target.contains("/checkNameAvailability");
    });
    QUrl slowUrl = m_local.managementUrl();
    slowUrl.setPort(proxy.port());
    core::ArmClient slow(&m_network, slowUrl, m_tokens.get());
    ui::PublisherController controller(&slow, nullptr);

    ServiceWizard wizard;
    wizard.setEnvironments({ { u"slow"_qs, u"portico-local (slow)"_qs, false },
                             { u"local"_qs, u"portico-local"_qs, false } },
                           u"slow"_qs);
    controller.attachWizard(&wizard);
    // What the console does when another environment is chosen.
    connect(&wizard, &ServiceWizard::environmentChosen, &controller, [&](const QString &id) {
        controller.setClient(id == u"local"_qs ? m_client.get() : &slow);
        controller.loadWizardChoices(&wizard, {});
    });
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    QTest::mouseClick(next, Qt::LeftButton);
    auto *edit = child<QLineEdit>(wizard, u"instanceNameLineEdit"_qs);
    QTest::keyClicks(edit, u"wizardlate"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(proxy.held(), 1, 20000);

    QTest::mouseClick(wizard.button(QWizard::BackButton), Qt::LeftButton);
    auto *environment = child<QComboBox>(wizard, u"environmentComboBox"_qs);
    environment->setCurrentIndex(environment->findData(u"local"_qs));
    QTest::mouseClick(next, Qt::LeftButton);
    // The name typed again, so that the new environment is asked either way.
    edit->clear();
    QTest::keyClicks(edit, u"wizardlate"_qs);
    auto *availability = child<QLabel>(wizard, u"instanceNameAvailabilityLabel"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 20000);

    // The slow environment's answer comes now; it is not about the environment chosen.
    proxy.releaseHeld();
    QTRY_COMPARE(proxy.failed(), 1);
    // A call through the slow environment after it: its answer comes after the late one was
    // handled (the late one is dropped, so there is no event of its own to wait for).
    ui::PublisherController probe(&slow, nullptr);
    QVERIFY(test::callAndWait(probe, core::ArmRequest::get(u"/subscriptions/"_qs + kSubscription + u"/resourcegroups"_qs)
                                         .withQuery(u"api-version"_qs, u"2021-04-01"_qs),
                              this)
                .ok());
    QCOMPARE(availability->text(), u"“wizardlate” is available."_qs);
    QVERIFY(next->isEnabled());
}

QTEST_MAIN(tst_ServiceWizardLocal)
#include "tst_servicewizardlocal.moc"
