// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The publisher's list pages against the real portico-local: products are listed and created
// through the form; a subscription's keys are masked, revealed and copied, and regenerating
// one asks first (Cancel keeps the key, Regenerate replaces it); named values take a secret.

#include "core/arm/armclient.h"
#include "core/arm/armrequest.h"
#include "core/auth/statictokenprovider.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/ui/publishertestbed.h"
#include "ui/common/operationtracker.h"
#include "ui/publisher/publishercontroller.h"
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
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
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
    confirm->button(QMessageBox::Cancel)->click();
    QTest::qWait(300);
    QCOMPARE(call(core::ArmRequest::post(kService + u"/subscriptions/keys-test/listSecrets"_qs))
                 .value().value(u"primaryKey"_qs).toString(), primary);

    // Regenerate replaces it, and the panel shows the new one.
    QTest::qWait(50);
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

QTEST_MAIN(tst_PublisherWorkspace)
#include "tst_publisherworkspace.moc"
