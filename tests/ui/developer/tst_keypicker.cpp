// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The Try It key picker against the real portico-local: it offers first the subscriptions whose
// scope lets them call the open API (scoped to that API, to a product that includes it, to all
// APIs), marks those the gateway refuses for it, and starts on the narrowest that fits rather
// than on the all-access one. Product membership comes from GET .../products/{pid}/apis.

#include "core/arm/armclient.h"
#include "tests/support/fakenetworkaccessmanager.h"
#include "tests/support/tempdir.h"
#include "tests/ui/developer/developertestbed.h"
#include "ui/developer/apicatalogpanel.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/developerworkspace.h"
#include "ui/developer/snippetpanel.h"
#include "ui/developer/tryitcomposer.h"

#include <QComboBox>
#include <QNetworkAccessManager>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace portico;

namespace {

// The real network, except that reading which APIs the Starter product includes fails.
class StarterApisFail final : public QNetworkAccessManager
{
public:
    StarterApisFail()
    {
        m_fake.setHandler([](const test::FakeRequest &) {
            return test::FakeResponse { test::FakeResponse::Behaviour::Respond, 500,
                R"({"error": {"code": "InternalServerError", "message": "Try again later."}})",
                { { "Content-Type", "application/json" } } };
        });
    }

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        if (request.url().path().endsWith(u"/products/starter/apis"_qs))
            return m_fake.get(request);
        return QNetworkAccessManager::createRequest(operation, request, outgoingData);
    }

private:
    test::FakeNetworkAccessManager m_fake;
};

} // namespace

class tst_KeyPicker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fittingSubscriptionsComeFirstAndTheApiScopedOneIsPicked();
    void aProductIncludingTheApiIsPreferredToAllAccess();
    void aPickedSubscriptionStaysPicked();
    void aProductWhoseApisCannotBeReadIsNotReplacedByAllAccess();
    void codeNoteSaysWhenTheChosenKeyCannotCallTheApi();

private:
    QComboBox *picker() const;
    // The picker's items as the user reads them; a separator reads "---".
    QStringList items() const;
    void openRrsExecute();

    test::DeveloperTestBed m_bed;
    test::TempDir m_dir;
    std::unique_ptr<ui::DeveloperWorkspace> m_workspace;
};

void tst_KeyPicker::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString started = m_bed.start(u"keypicker"_qs, this);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    // The sample API is in the Starter product, not in Unlimited.
    struct Seed
    {
        QString name;
        QString displayName;
        QString scope;
        QString state;
    };
    const Seed seeds[] = {
        { u"all-apis-dev"_qs, u"All APIs developer"_qs, u"/apis"_qs, u"active"_qs },
        { u"starter-dev"_qs, u"Starter developer"_qs, u"/products/starter"_qs, u"active"_qs },
        { u"unlimited-dev"_qs, u"Unlimited developer"_qs, u"/products/unlimited"_qs, u"active"_qs },
        { u"scoped-to-api"_qs, u"API developer"_qs, u"/apis/azureml-demo-api"_qs, u"active"_qs },
        { u"suspended-api-dev"_qs, u"Suspended API developer"_qs, u"/apis/azureml-demo-api"_qs,
            u"suspended"_qs },
    };
    for (const Seed &seed : seeds) {
        const auto key = m_bed.subscribe(seed.name,
            QJsonObject { { u"scope"_qs, seed.scope }, { u"displayName"_qs, seed.displayName },
                { u"state"_qs, seed.state } },
            this);
        QVERIFY2(key.ok(), key.ok() ? "" : qPrintable(key.error().message));
    }
    const QString opened = m_bed.openWorkspace(m_dir.filePath(u"history.sqlite"_qs), m_workspace);
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
}

void tst_KeyPicker::cleanupTestCase()
{
    m_workspace.reset();
    m_bed.stop();
}

QComboBox *tst_KeyPicker::picker() const
{
    return m_workspace->composer()->findChild<QComboBox *>(u"subscriptionComboBox"_qs);
}

QStringList tst_KeyPicker::items() const
{
    QStringList texts;
    QComboBox *combo = picker();
    for (int i = 0; i < combo->count(); ++i) {
        const bool separator
            = combo->itemData(i, Qt::AccessibleDescriptionRole).toString() == u"separator"_qs;
        texts.append(separator ? u"---"_qs : combo->itemText(i));
    }
    return texts;
}

void tst_KeyPicker::openRrsExecute()
{
    QVERIFY(m_workspace->catalog()->select(u"AzureML Demo API"_qs, u"RRS Execute"_qs));
    QTest::mouseClick(
        m_workspace->catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
    QVERIFY(m_workspace->composer()
                ->findChild<QLabel *>(u"composerTitleLabel"_qs)
                ->text()
                .contains(u"RRS Execute"_qs));
}

void tst_KeyPicker::fittingSubscriptionsComeFirstAndTheApiScopedOneIsPicked()
{
    openRrsExecute();
    const QStringList shown = items();
    // Scoped to the API, then the product that includes it, then all-access (the built-in one
    // and /apis, in the service's order); after a separator the one the gateway refuses, marked.
    QCOMPARE(shown.size(), 7);
    QCOMPARE(shown.mid(0, 3),
        (QStringList {
            u"No subscription key"_qs, u"API developer"_qs, u"Starter developer — Starter"_qs }));
    QStringList allAccess = shown.mid(3, 2);
    allAccess.sort();
    QCOMPARE(allAccess,
        (QStringList { u"All APIs developer"_qs, u"Built-in all-access subscription"_qs }));
    QCOMPARE(shown.mid(5),
        (QStringList { u"---"_qs, u"Unlimited developer — Unlimited (cannot call this API)"_qs }));
    QCOMPARE(picker()->itemData(6, Qt::ToolTipRole).toString(),
        u"The product Unlimited does not include this API: the gateway refuses this subscription's "
        u"key "
        "for it."_qs);
    // The narrowest: not the all-access one, and not the suspended one scoped to the API.
    QCOMPARE(picker()->currentText(), u"API developer"_qs);
    QCOMPARE(m_workspace->composer()->composedRequest().subscriptionId, u"scoped-to-api"_qs);

    // Picking the refused one says so next to the picker.
    picker()->setCurrentIndex(6);
    auto *note = m_workspace->composer()->findChild<QLabel *>(u"subscriptionKeyNoteLabel"_qs);
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(),
        u"This subscription cannot call AzureML Demo API: the gateway refuses its key for "
        "this API."_qs);
    picker()->setCurrentIndex(1);
    QVERIFY(!note->isVisible());
}

void tst_KeyPicker::aProductIncludingTheApiIsPreferredToAllAccess()
{
    // The API-scoped subscription is cancelled: the product one is the narrowest left.
    openRrsExecute();
    QVERIFY(
        m_bed
            .call(core::ArmRequest::patch(m_bed.serviceId() + u"/subscriptions/scoped-to-api"_qs,
                      QJsonObject {
                          { u"properties"_qs, QJsonObject { { u"state"_qs, u"cancelled"_qs } } } }),
                this)
            .ok());
    QVERIFY(m_bed.refreshDeveloper());
    QVERIFY(!items().contains(u"API developer"_qs));
    QCOMPARE(picker()->currentText(), u"Starter developer — Starter"_qs);
    QCOMPARE(picker()->currentIndex(), 1);
}

void tst_KeyPicker::aPickedSubscriptionStaysPicked()
{
    openRrsExecute();
    const int allApis = picker()->findText(u"All APIs developer"_qs);
    QVERIFY(allApis > 1);
    picker()->setCurrentIndex(allApis);
    QVERIFY(m_bed.refreshDeveloper());
    QCOMPARE(picker()->currentText(), u"All APIs developer"_qs);
    // Another operation of the same API: still the user's pick.
    QVERIFY(m_workspace->catalog()->select(u"AzureML Demo API"_qs, u"BES Status"_qs));
    QTest::mouseClick(
        m_workspace->catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
    QCOMPARE(picker()->currentText(), u"All APIs developer"_qs);
}

void tst_KeyPicker::aProductWhoseApisCannotBeReadIsNotReplacedByAllAccess()
{
    // No API-scoped subscription: Starter (which includes the API) is the narrowest; the all-access
    // key would skip Starter's policies.
    QVERIFY(
        m_bed
            .call(core::ArmRequest::patch(m_bed.serviceId() + u"/subscriptions/scoped-to-api"_qs,
                      QJsonObject {
                          { u"properties"_qs, QJsonObject { { u"state"_qs, u"cancelled"_qs } } } }),
                this)
            .ok());
    StarterApisFail network;
    core::ArmClient client(&network, m_bed.local().managementUrl(),
        m_bed.developer()->client()->tokenProvider());
    core::TryItHistory history;
    QVERIFY(history.open(m_dir.filePath(u"unreadable-product.sqlite"_qs)).ok());
    ui::DeveloperController controller(&client, &m_bed.network(), &history);
    ui::DeveloperWorkspace workspace(&controller);
    controller.setService(m_bed.serviceId());
    workspace.resize(1400, 900);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    QSignalSpy loaded(&controller, &ui::DeveloperController::subscriptionsLoaded);
    controller.refresh();
    QVERIFY(loaded.wait(30000));
    QVERIFY(workspace.catalog()->select(u"AzureML Demo API"_qs, u"RRS Execute"_qs));
    QTest::mouseClick(
        workspace.catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);

    auto *combo = workspace.composer()->findChild<QComboBox *>(u"subscriptionComboBox"_qs);
    QCOMPARE(combo->currentText(), u"Starter developer — Starter"_qs);
    auto *note = workspace.composer()->findChild<QLabel *>(u"unknownProductsLabel"_qs);
    QVERIFY(note);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().startsWith(u"Could not learn which APIs product “Starter” includes"_qs),
        qPrintable(note->text()));
    workspace.close();
}

void tst_KeyPicker::codeNoteSaysWhenTheChosenKeyCannotCallTheApi()
{
    openRrsExecute();
    picker()->setCurrentIndex(picker()->findData(u"unlimited-dev"_qs));
    auto *tabs = m_workspace->findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentWidget(m_workspace->snippets());
    auto *note = m_workspace->snippets()->findChild<QLabel *>(u"snippetNoteLabel"_qs);
    QCOMPARE(note->text(),
        u"The key of “Unlimited developer” is read from the environment variable "
        "OCP_APIM_SUBSCRIPTION_KEY; it is not in the code. This subscription cannot call "
        "AzureML Demo API: the gateway refuses its key for this API."_qs);
    // One that can call it: no such words.
    tabs->setCurrentIndex(0);
    picker()->setCurrentIndex(picker()->findData(u"starter-dev"_qs));
    tabs->setCurrentWidget(m_workspace->snippets());
    QCOMPARE(note->text(),
        u"The key of “Starter developer” is read from the environment variable "
        "OCP_APIM_SUBSCRIPTION_KEY; it is not in the code."_qs);
}

QTEST_MAIN(tst_KeyPicker)
#include "tst_keypicker.moc"
