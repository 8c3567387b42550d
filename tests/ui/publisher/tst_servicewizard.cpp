// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "ui/publisher/servicewizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace portico;
using ui::ServiceWizard;

class tst_ServiceWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void serviceNamePattern_data();
    void serviceNamePattern();
    void invalidInstanceNameIsExplainedAndBlocksNext_data();
    void invalidInstanceNameIsExplainedAndBlocksNext();
    void takenNameBlocksNext();
    void invalidEmailIsExplainedAndBlocksNext_data();
    void invalidEmailIsExplainedAndBlocksNext();
    void localPathSkipsAzurePageAndSummarises();
    void azurePathAsksForSubscriptionGroupAndRegion();
    void tierNotesArePlainLanguage();

private:
    static void goToNamePage(ServiceWizard &wizard);
    // The local path up to the e-mail page: instance "demoazureml" (available), organization Contoso.
    static void goToEmailPage(ServiceWizard &wizard);
};

namespace {

QList<ServiceWizard::Environment> environments()
{
    return { { u"local"_qs, u"portico-local"_qs, false }, { u"azure"_qs, u"Azure"_qs, true } };
}

QAbstractButton *next(ServiceWizard &wizard)
{
    return wizard.button(QWizard::NextButton);
}

} // namespace

void tst_ServiceWizard::goToNamePage(ServiceWizard &wizard)
{
    wizard.setEnvironments(environments(), u"local"_qs);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(ServiceWizard::EnvironmentPageId));
    QVERIFY(next(wizard)->isEnabled());
    QTest::mouseClick(next(wizard), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::NamePageId));
}

void tst_ServiceWizard::goToEmailPage(ServiceWizard &wizard)
{
    goToNamePage(wizard);
    QTest::keyClicks(wizard.findChild<QLineEdit *>(u"instanceNameLineEdit"_qs), u"demoazureml"_qs);
    wizard.setAvailability(u"demoazureml"_qs, ServiceWizard::Availability::Available);
    QTest::mouseClick(next(wizard), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::OrganizationPageId));
    QTest::keyClicks(wizard.findChild<QLineEdit *>(u"organizationLineEdit"_qs), u"Contoso"_qs);
    QTest::mouseClick(next(wizard), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::EmailPageId));
}

void tst_ServiceWizard::serviceNamePattern_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("seed") << u"demoazureml"_qs << true;
    QTest::newRow("hyphen inside") << u"demo-azure-ml2"_qs << true;
    QTest::newRow("single letter") << u"a"_qs << true;
    QTest::newRow("fifty") << QString(50, u'a') << true;
    QTest::newRow("fifty-one") << QString(51, u'a') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("digit first") << u"1demo"_qs << false;
    QTest::newRow("trailing hyphen") << u"demo-"_qs << false;
    QTest::newRow("underscore") << u"demo_ml"_qs << false;
    QTest::newRow("dot") << u"demo.ml"_qs << false;
    QTest::newRow("non-ascii") << u"démo"_qs << false;
}

void tst_ServiceWizard::serviceNamePattern()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(ServiceWizard::isValidServiceName(name), valid);
}

void tst_ServiceWizard::invalidInstanceNameIsExplainedAndBlocksNext_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("digit first") << u"9lives"_qs << u"start with a letter"_qs;
    QTest::newRow("trailing hyphen") << u"demo-"_qs << u"end with a hyphen"_qs;
    QTest::newRow("underscore") << u"demo_ml"_qs << u"Only letters"_qs;
}

void tst_ServiceWizard::invalidInstanceNameIsExplainedAndBlocksNext()
{
    QFETCH(QString, typed);
    QFETCH(QString, messagePart);
    ServiceWizard wizard;
    QSignalSpy checks(&wizard, &ServiceWizard::availabilityCheckRequested);
    goToNamePage(wizard);
    auto *edit = wizard.findChild<QLineEdit *>(u"instanceNameLineEdit"_qs);
    auto *message = wizard.findChild<QLabel *>(u"instanceNameMessageLabel"_qs);
    QVERIFY(edit && message);
    QTest::keyClicks(edit, typed);
    QVERIFY2(message->text().contains(messagePart), qPrintable(message->text()));
    QVERIFY(message->isVisible());
    QVERIFY(!next(wizard)->isEnabled());
    // An invalid name is never sent to the server for an availability check.
    QTest::qWait(400);
    QCOMPARE(checks.count(), 0);
    QCOMPARE(edit->text(), typed); // the user's text is kept
}

void tst_ServiceWizard::takenNameBlocksNext()
{
    ServiceWizard wizard;
    QSignalSpy checks(&wizard, &ServiceWizard::availabilityCheckRequested);
    goToNamePage(wizard);
    auto *edit = wizard.findChild<QLineEdit *>(u"instanceNameLineEdit"_qs);
    QTest::keyClicks(edit, u"demoazureml"_qs);
    QVERIFY(checks.wait(2000));
    QCOMPARE(checks.last().at(0).toString(), u"local"_qs);
    QCOMPARE(checks.last().at(1).toString(), u"demoazureml"_qs);
    QVERIFY(!next(wizard)->isEnabled()); // not until the answer arrives
    wizard.setAvailability(u"demoazureml"_qs, ServiceWizard::Availability::Taken);
    auto *availability = wizard.findChild<QLabel *>(u"instanceNameAvailabilityLabel"_qs);
    QVERIFY2(availability->text().contains(u"already taken"_qs), qPrintable(availability->text()));
    QVERIFY(!next(wizard)->isEnabled());
    wizard.setAvailability(u"demoazureml"_qs, ServiceWizard::Availability::Available);
    QVERIFY(next(wizard)->isEnabled());
}

void tst_ServiceWizard::invalidEmailIsExplainedAndBlocksNext_data()
{
    QTest::addColumn<QString>("email");
    QTest::newRow("no at") << u"admin.example.com"_qs;
    QTest::newRow("no domain dot") << u"admin@localhost"_qs;
    QTest::newRow("space") << u"ad min@example.com"_qs;
    QTest::newRow("two ats") << u"a@b@example.com"_qs;
    QTest::newRow("trailing dot") << u"admin@example."_qs;
}

void tst_ServiceWizard::invalidEmailIsExplainedAndBlocksNext()
{
    QFETCH(QString, email);
    ServiceWizard wizard;
    goToEmailPage(wizard);

    auto *edit = wizard.findChild<QLineEdit *>(u"adminEmailLineEdit"_qs);
    auto *message = wizard.findChild<QLabel *>(u"adminEmailMessageLabel"_qs);
    QTest::keyClicks(edit, email);
    QVERIFY2(message->text().contains(u"not a valid e-mail address"_qs), qPrintable(message->text()));
    QVERIFY(!next(wizard)->isEnabled());
    QCOMPARE(edit->text(), email);

    edit->clear();
    QTest::keyClicks(edit, u"admin@contoso.com"_qs);
    QVERIFY(message->text().isEmpty());
    QVERIFY(next(wizard)->isEnabled());
}

void tst_ServiceWizard::localPathSkipsAzurePageAndSummarises()
{
    ServiceWizard wizard;
    QSignalSpy provision(&wizard, &ServiceWizard::provisionRequested);
    goToEmailPage(wizard);
    QTest::keyClicks(wizard.findChild<QLineEdit *>(u"adminEmailLineEdit"_qs), u"admin@contoso.com"_qs);
    QTest::mouseClick(next(wizard), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::TierPageId));
    auto *tier = wizard.findChild<QComboBox *>(u"tierComboBox"_qs);
    tier->setCurrentIndex(tier->findData(u"Developer"_qs));
    QTest::mouseClick(next(wizard), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::SummaryPageId));
    const QString summary = wizard.findChild<QLabel *>(u"summaryLabel"_qs)->text();
    QVERIFY2(summary.contains(u"demoazureml"_qs) && summary.contains(u"admin@contoso.com"_qs)
                 && summary.contains(u"Developer"_qs) && summary.contains(u"portico-local"_qs),
             qPrintable(summary));
    QVERIFY(!summary.contains(u"Region"_qs));
    QCOMPARE(provision.count(), 0);
    QTest::mouseClick(wizard.button(QWizard::CommitButton), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::ProgressPageId));
    QCOMPARE(provision.count(), 1);
    const auto request = provision.first().at(0).value<ServiceWizard::Request>();
    QCOMPARE(request.serviceName, u"demoazureml"_qs);
    QCOMPARE(request.organization, u"Contoso"_qs);
    QCOMPARE(request.adminEmail, u"admin@contoso.com"_qs);
    QCOMPARE(request.tier, u"Developer"_qs);
    QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
    wizard.setProvisioningStatus(u"Activating"_qs);
    QVERIFY(wizard.findChild<QLabel *>(u"provisioningStatusLabel"_qs)->text().contains(u"Activating"_qs));
    wizard.setProvisioningFinished(true, u"done"_qs);
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
}

void tst_ServiceWizard::azurePathAsksForSubscriptionGroupAndRegion()
{
    ServiceWizard wizard;
    wizard.setEnvironments(environments(), u"azure"_qs);
    wizard.setSubscriptions({ { u"0000-1"_qs, u"Pay-as-you-go"_qs } });
    wizard.setResourceGroups({ { u"rg-ml"_qs, u"rg-ml"_qs } });
    wizard.setRegions({ { u"westeurope"_qs, u"West Europe"_qs } });
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QTest::mouseClick(next(wizard), Qt::LeftButton);
    QTest::keyClicks(wizard.findChild<QLineEdit *>(u"instanceNameLineEdit"_qs), u"demoazureml"_qs);
    wizard.setAvailability(u"demoazureml"_qs, ServiceWizard::Availability::Available);
    QTest::mouseClick(next(wizard), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::AzurePageId));
    auto *newGroup = wizard.findChild<QAbstractButton *>(u"newResourceGroupCheckBox"_qs);
    QTest::mouseClick(newGroup, Qt::LeftButton);
    QVERIFY(!next(wizard)->isEnabled()); // a new group needs a name
    QTest::keyClicks(wizard.findChild<QLineEdit *>(u"newResourceGroupLineEdit"_qs), u"rg-new"_qs);
    QVERIFY(next(wizard)->isEnabled());
    QTest::mouseClick(next(wizard), Qt::LeftButton);
    QCOMPARE(wizard.currentId(), int(ServiceWizard::OrganizationPageId));
    const auto request = wizard.request();
    QCOMPARE(request.subscriptionId, u"0000-1"_qs);
    QCOMPARE(request.resourceGroup, u"rg-new"_qs);
    QVERIFY(request.newResourceGroup);
    QCOMPARE(request.region, u"westeurope"_qs);
}

void tst_ServiceWizard::tierNotesArePlainLanguage()
{
    for (const QString &tier : ServiceWizard::tiers())
        QVERIFY2(ServiceWizard::tierNote(tier).size() > 30, qPrintable(tier));
    ServiceWizard wizard;
    auto *tier = wizard.findChild<QComboBox *>(u"tierComboBox"_qs);
    auto *note = wizard.findChild<QLabel *>(u"tierNoteLabel"_qs);
    tier->setCurrentIndex(tier->findData(u"Consumption"_qs));
    QVERIFY(note->text().contains(u"Pay per call"_qs));
}

QTEST_MAIN(tst_ServiceWizard)
#include "tst_servicewizard.moc"
