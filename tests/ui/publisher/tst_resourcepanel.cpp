// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The publisher's resource pages (products, subscriptions, users, groups, named values,
// backends) against the real portico-local: a new item whose id is taken is refused at the id
// field instead of replacing what exists; a product is protected and unlimited by default and
// "Unlimited" is no limit on the wire and looks different from a limit of 0, and both survive
// a save unchanged; selecting an item never marks it Modified; a
// subscription shows its own scope and owner; failed key reads and regenerations are reported
// with Retry; a failed delete says so, and a product or user with subscriptions is deleted with
// them only when the user agrees; a save over an item someone else changed meanwhile asks
// (Keep server version / Overwrite) instead of overwriting their change, and so does a delete
// (Keep server version / Delete anyway) instead of deleting it; a new item whose link fails is
// saved all the same, and the next save updates it with the links still missing; an id the
// service would refuse is refused at the id field before anything is sent, and one the service
// refuses is said there too; the list shows choices (states, scopes) in words, in English and
// in Dutch.

#include "core/arm/armclient.h"
#include "core/arm/armrequest.h"
#include "core/auth/statictokenprovider.h"
#include "tests/support/fakenetworkaccessmanager.h"
#include "tests/ui/publishertestbed.h"
#include "ui/common/bannerwidget.h"
#include "ui/common/decisions.h"
#include "ui/common/maskedkeyfield.h"
#include "ui/common/operationtracker.h"
#include "ui/common/stageddocument.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/publisherworkspace.h"
#include "ui/publisher/resourcepanel.h"
#include "ui/shell/language.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTranslator>

#include <algorithm>
#include <memory>
#include <utility>

using namespace portico;
using Page = ui::PublisherWorkspace::Page;

namespace {

const QString kService = test::localServiceId(u"respanel"_qs);

QJsonObject properties(const QJsonObject &resource)
{
    return resource.value(u"properties"_qs).toObject();
}

QString collectionOf(Page page)
{
    switch (page) {
    case Page::Products: return u"/products"_qs;
    case Page::Subscriptions: return u"/subscriptions"_qs;
    case Page::Users: return u"/users"_qs;
    case Page::Groups: return u"/groups"_qs;
    case Page::NamedValues: return u"/namedValues"_qs;
    case Page::Backends: return u"/backends"_qs;
    default: return {};
    }
}

} // namespace

class tst_ResourcePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void newItemWithATakenIdIsRefusedAtTheIdField_data();
    void newItemWithATakenIdIsRefusedAtTheIdField();
    void idTakenBetweenTheCheckAndTheCreateIsRefused();
    void newProductIsProtectedAndUnlimitedByDefault();
    void unlimitedIsSentAsNoLimitOnUpdate();
    void selectingAProductWithoutALimitKeepsItUnmodified();
    void aLimitOfZeroAndUnlimitedLookDifferentAndRoundTripExactly();
    void subscriptionFormShowsItsOwnScopeAndOwner();
    void failedKeyRegenerationIsShownAndKeepsTheOldKey();
    void unreadableKeysAreShownWithRetry();
    void failedDeleteSaysNotDeleted();
    void productWithSubscriptionsIsDeletedWithThemOnlyWhenAgreed();
    void userWithSubscriptionsIsDeletedWithThem();
    void saveAfterSomeoneElseChangedItAsksInsteadOfOverwriting();
    void deleteAfterSomeoneElseChangedItAsksInsteadOfDeleting();
    void createWhoseLinkFailsIsSavedAndTheNextSaveSendsOnlyWhatIsMissing();
    void invalidIdIsRefusedAtTheIdFieldBeforeAnythingIsSent_data();
    void invalidIdIsRefusedAtTheIdFieldBeforeAnythingIsSent();
    void idTheServiceRefusesIsShownAtTheIdField();
    void listShowsTheChoicesInWordsNotWireValues();
    void focusOnTheListKeepsANewItemsDraft();
    void anotherRowOrNewAsksBeforeDroppingUnsavedEdits();
    void deletedSubscriptionLeavesTheFormAndItsKeysGo();
    void subscriptionFormOffersOnlyOwnersAndScopesTheServiceTakes();

private:
    core::Result<QJsonObject> call(core::ArmRequest request) { return m_bed.call(std::move(request), this); }
    bool put(const QString &relative, const QJsonObject &props)
    {
        const auto r = call(core::ArmRequest::put(kService + relative, QJsonObject { { u"properties"_qs, props } }));
        if (!r.ok())
            qWarning() << "PUT" << relative << "failed:" << r.error().message;
        return r.ok();
    }
    // A colleague's change, made elsewhere (the portal, a script) while the panel shows the item.
    bool patchElsewhere(const QString &relative, const QJsonObject &props)
    {
        return call(core::ArmRequest::patch(kService + relative, QJsonObject { { u"properties"_qs, props } })).ok();
    }
    QJsonObject stored(const QString &relative)
    {
        const auto r = call(core::ArmRequest::get(kService + relative));
        return r.ok() ? properties(r.value()) : QJsonObject();
    }
    bool exists(const QString &relative) { return call(core::ArmRequest::get(kService + relative)).ok(); }
    ui::ResourcePanel *show(Page page, const QString &name = {})
    {
        // A draft an earlier test left is reverted first, as a user would (else they are asked).
        if (ui::ResourcePanel *open = m_workspace->panel(page); open && !open->isBusy())
            open->document()->revert();
        m_workspace->showPage(page, name);
        return m_workspace->panel(page);
    }
    static QString bannerText(const ui::ResourcePanel *panel, const QString &prefix)
    {
        const auto *banner = panel->findChild<ui::BannerWidget *>(prefix + u"BannerWidget"_qs);
        return banner && banner->isVisible() ? banner->text() : QString();
    }
    // The table's text in `column` of the row for `name`.
    static QString cellText(const ui::ResourcePanel *panel, const QString &prefix, const QString &name, int column)
    {
        const QAbstractItemModel *model = panel->findChild<QTableView *>(prefix + u"TableView"_qs)->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(Qt::UserRole).toString() == name)
                return model->index(row, column).data().toString();
        }
        return {};
    }
    // New, after the user agreed to discard a draft an earlier step left in the form.
    static void newItem(ui::ResourcePanel *panel, const QString &prefix)
    {
        if (panel->document()->isDirty())
            ui::decisions::preAnswer(true);
        QTest::mouseClick(panel->findChild<QPushButton *>(prefix + u"NewPushButton"_qs), Qt::LeftButton);
        QTRY_VERIFY(ui::decisions::pendingPreAnswers() == 0 && panel->isNew() && !panel->document()->isDirty());
    }
    static QLineEdit *lineEdit(const ui::ResourcePanel *panel, const QString &objectName)
    {
        if (auto *edit = panel->findChild<QLineEdit *>(objectName))
            return edit;
        const auto *masked = panel->findChild<ui::MaskedKeyField *>(objectName);
        return masked ? masked->lineEdit() : nullptr;
    }

    test::PublisherTestBed m_bed;
    std::unique_ptr<ui::PublisherWorkspace> m_workspace;
};

void tst_ResourcePanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString problem = m_bed.start(u"respanel"_qs, this);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_workspace = std::make_unique<ui::PublisherWorkspace>(m_bed.controller());
    m_workspace->resize(1200, 800);
    m_workspace->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));

    QVERIFY(put(u"/users/ada"_qs, { { u"email"_qs, u"ada@contoso.com"_qs }, { u"firstName"_qs, u"Ada"_qs },
                                    { u"lastName"_qs, u"Lovelace"_qs } }));
    QVERIFY(put(u"/groups/team"_qs, { { u"displayName"_qs, u"Team"_qs } }));
    QVERIFY(put(u"/namedValues/nv"_qs, { { u"displayName"_qs, u"nv"_qs }, { u"value"_qs, u"one"_qs } }));
    QVERIFY(put(u"/backends/be"_qs, { { u"url"_qs, u"http://one.example"_qs }, { u"protocol"_qs, u"http"_qs } }));
    QVERIFY(put(u"/subscriptions/sub1"_qs, { { u"scope"_qs, u"/apis"_qs }, { u"displayName"_qs, u"Sub one"_qs },
                                             { u"state"_qs, u"active"_qs } }));
}

void tst_ResourcePanel::cleanupTestCase()
{
    m_workspace.reset();
    m_bed.stop();
}

void tst_ResourcePanel::newItemWithATakenIdIsRefusedAtTheIdField_data()
{
    using Typed = QList<QPair<QString, QString>>;
    QTest::addColumn<Page>("page");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("id");
    QTest::addColumn<Typed>("typed");    // {objectName, text}, the id first
    QTest::addColumn<QString>("field");  // a property the existing item must keep
    QTest::addColumn<QString>("value");
    QTest::newRow("product") << Page::Products << u"products"_qs << u"starter"_qs
                             << Typed { { u"productIdLineEdit"_qs, u"starter"_qs },
                                        { u"productDisplayNameLineEdit"_qs, u"Another starter"_qs } }
                             << u"displayName"_qs << u"Starter"_qs;
    QTest::newRow("subscription") << Page::Subscriptions << u"subscriptions"_qs << u"sub1"_qs
                                  << Typed { { u"subscriptionIdLineEdit"_qs, u"sub1"_qs },
                                             { u"subscriptionDisplayNameLineEdit"_qs, u"Sub two"_qs } }
                                  << u"displayName"_qs << u"Sub one"_qs;
    QTest::newRow("user") << Page::Users << u"users"_qs << u"ada"_qs
                          << Typed { { u"userIdLineEdit"_qs, u"ada"_qs }, { u"userFirstNameLineEdit"_qs, u"Grace"_qs },
                                     { u"userLastNameLineEdit"_qs, u"Hopper"_qs },
                                     { u"userEmailLineEdit"_qs, u"grace@contoso.com"_qs } }
                          << u"firstName"_qs << u"Ada"_qs;
    QTest::newRow("group") << Page::Groups << u"groups"_qs << u"team"_qs
                           << Typed { { u"groupIdLineEdit"_qs, u"team"_qs },
                                      { u"groupDisplayNameLineEdit"_qs, u"Other team"_qs } }
                           << u"displayName"_qs << u"Team"_qs;
    QTest::newRow("named value") << Page::NamedValues << u"namedValues"_qs << u"nv"_qs
                                 << Typed { { u"namedValueIdLineEdit"_qs, u"nv"_qs },
                                            { u"namedValueDisplayNameLineEdit"_qs, u"nv2"_qs },
                                            { u"namedValueValue"_qs, u"two"_qs } }
                                 << u"displayName"_qs << u"nv"_qs;
    QTest::newRow("backend") << Page::Backends << u"backends"_qs << u"be"_qs
                             << Typed { { u"backendIdLineEdit"_qs, u"be"_qs },
                                        { u"backendUrlLineEdit"_qs, u"http://two.example"_qs } }
                             << u"url"_qs << u"http://one.example"_qs;
}

void tst_ResourcePanel::newItemWithATakenIdIsRefusedAtTheIdField()
{
    using Typed = QList<QPair<QString, QString>>;
    QFETCH(Page, page);
    QFETCH(QString, prefix);
    QFETCH(QString, id);
    QFETCH(Typed, typed);
    QFETCH(QString, field);
    QFETCH(QString, value);
    const QString path = collectionOf(page) + u'/' + id;

    ui::ResourcePanel *panel = show(page);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->records().isEmpty(), 10000);
    if (page == Page::Subscriptions) { // New picks the first scope once the scopes are there
        auto *scope = panel->findChild<QComboBox *>(u"subscriptionScopeComboBox"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(scope->count() > 1, 10000);
    }
    newItem(panel, prefix);
    for (const auto &[objectName, text] : typed) {
        QLineEdit *edit = lineEdit(panel, objectName);
        QVERIFY2(edit, qPrintable(objectName));
        edit->setFocus();
        QTest::keyClicks(edit, text);
    }
    QTest::mouseClick(panel->findChild<QPushButton *>(prefix + u"SavePushButton"_qs), Qt::LeftButton);

    auto *message = panel->findChild<QLabel *>(prefix + u"_nameMessageLabel"_qs);
    QVERIFY(message);
    QTRY_VERIFY_WITH_TIMEOUT(!message->text().isEmpty(), 10000);
    QVERIFY2(message->text().contains(id), qPrintable(message->text()));
    QVERIFY(message->isVisible());
    // The form keeps what the user typed, still as a new item; the existing item is untouched.
    QVERIFY(panel->isNew());
    for (const auto &[objectName, text] : typed)
        QCOMPARE(lineEdit(panel, objectName)->text(), text);
    QVERIFY(panel->findChild<QPushButton *>(prefix + u"SavePushButton"_qs)->isEnabled());
    QTest::qWait(200); // nothing more arrives
    QCOMPARE(stored(path).value(field).toString(), value);
}

void tst_ResourcePanel::idTakenBetweenTheCheckAndTheCreateIsRefused()
{
    // Someone creates "silver" after the check found no such product: the create carries
    // If-None-Match: *, the service refuses it with 412, and the form says the id is taken.
    test::FakeNetworkAccessManager network;
    const QByteArray json = "application/json";
    network.setHandler([json](const test::FakeRequest &r) -> test::FakeResponse {
        const bool silver = r.request.url().path().endsWith(u"/products/silver"_qs);
        if (silver && r.verb == "GET")
            return { test::FakeResponse::Behaviour::Respond, 404,
                     R"({"error":{"code":"ResourceNotFound","message":"Product not found."}})",
                     { { "Content-Type", json } } };
        if (silver && r.verb == "PUT")
            return { test::FakeResponse::Behaviour::Respond, 412,
                     R"({"error":{"code":"PreconditionFailed","message":"The resource already exists."}})",
                     { { "Content-Type", json } } };
        return { test::FakeResponse::Behaviour::Respond, 200, R"({"value":[],"count":0,"nextLink":""})",
                 { { "Content-Type", json } } };
    });
    core::StaticTokenProvider tokens(u"token"_qs);
    core::ArmClient client(&network, QUrl(u"http://127.0.0.1:9"_qs), &tokens);
    ui::OperationTracker operations;
    ui::PublisherController controller(&client, &operations);
    controller.setService(kService);
    ui::PublisherWorkspace workspace(&controller);
    workspace.resize(1000, 700);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    workspace.showPage(Page::Products);
    ui::ResourcePanel *panel = workspace.panel(Page::Products);
    newItem(panel, u"products"_qs);
    QTest::keyClicks(panel->findChild<QLineEdit *>(u"productIdLineEdit"_qs), u"silver"_qs);
    QTest::keyClicks(panel->findChild<QLineEdit *>(u"productDisplayNameLineEdit"_qs), u"Silver"_qs);
    QTest::mouseClick(panel->findChild<QPushButton *>(u"productsSavePushButton"_qs), Qt::LeftButton);

    auto *message = panel->findChild<QLabel *>(u"products_nameMessageLabel"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!message->text().isEmpty(), 10000);
    QVERIFY2(message->text().contains(u"silver"_qs), qPrintable(message->text()));
    QVERIFY(panel->isNew());
    QByteArrayList puts;
    for (const test::FakeRequest &r : network.requests())
        if (r.verb == "PUT")
            puts << r.request.rawHeader("If-None-Match");
    QCOMPARE(puts, QByteArrayList { "*" });
}

void tst_ResourcePanel::newProductIsProtectedAndUnlimitedByDefault()
{
    ui::ResourcePanel *panel = show(Page::Products);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->records().isEmpty(), 10000);
    newItem(panel, u"products"_qs);
    auto *required = panel->findChild<QCheckBox *>(u"productSubscriptionRequiredCheckBox"_qs);
    auto *limit = panel->findChild<QSpinBox *>(u"productSubscriptionsLimitSpinBox"_qs);
    QVERIFY(required->isChecked()); // APIM's default: a product requires a subscription
    QCOMPARE(limit->text(), u"Unlimited"_qs);
    QTest::keyClicks(panel->findChild<QLineEdit *>(u"productIdLineEdit"_qs), u"silver"_qs);
    QTest::keyClicks(panel->findChild<QLineEdit *>(u"productDisplayNameLineEdit"_qs), u"Silver"_qs);
    QTest::mouseClick(panel->findChild<QPushButton *>(u"productsSavePushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isNew(), 10000);
    QCOMPARE(panel->currentName(), u"silver"_qs);

    const QJsonObject silver = stored(u"/products/silver"_qs);
    QCOMPARE(silver.value(u"displayName"_qs).toString(), u"Silver"_qs);
    QCOMPARE(silver.value(u"subscriptionRequired"_qs).toBool(false), true);
    QVERIFY2(silver.value(u"subscriptionsLimit"_qs).isUndefined() || silver.value(u"subscriptionsLimit"_qs).isNull(),
             qPrintable(QString::fromUtf8(QJsonDocument(silver).toJson(QJsonDocument::Compact))));
    QCOMPARE(limit->text(), u"Unlimited"_qs);
    QVERIFY(!panel->document()->isDirty());
}

void tst_ResourcePanel::unlimitedIsSentAsNoLimitOnUpdate()
{
    ui::ResourcePanel *panel = show(Page::Products, u"silver"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"silver"_qs, 10000);
    auto *limit = panel->findChild<QSpinBox *>(u"productSubscriptionsLimitSpinBox"_qs);
    auto *save = panel->findChild<QPushButton *>(u"productsSavePushButton"_qs);
    limit->setFocus();
    limit->selectAll();
    QTest::keyClicks(limit, u"5"_qs);
    QCOMPARE(limit->value(), 5);
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(stored(u"/products/silver"_qs).value(u"subscriptionsLimit"_qs).toInt() == 5, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->document()->isDirty() && !save->isEnabled(), 10000);

    // Back to Unlimited: no limit at all, not a limit of 0.
    QTest::keyClick(limit, Qt::Key_PageDown);
    QCOMPARE(limit->text(), u"Unlimited"_qs);
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->document()->isDirty() && !save->isEnabled(), 10000);
    const QJsonValue now = stored(u"/products/silver"_qs).value(u"subscriptionsLimit"_qs);
    QVERIFY2(now.isUndefined() || now.isNull(), qPrintable(QString::number(now.toInt())));
    QTRY_COMPARE_WITH_TIMEOUT(limit->text(), u"Unlimited"_qs, 10000);
}

void tst_ResourcePanel::selectingAProductWithoutALimitKeepsItUnmodified()
{
    QVERIFY(put(u"/products/nolimit"_qs, { { u"displayName"_qs, u"No limit"_qs } }));
    QVERIFY(put(u"/products/nulllimit"_qs, { { u"displayName"_qs, u"Null limit"_qs },
                                             { u"subscriptionsLimit"_qs, QJsonValue::Null } }));
    ui::ResourcePanel *panel = show(Page::Products, u"starter"_qs); // Starter allows 1 subscription
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"starter"_qs, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->records().size() >= 4, 10000);
    auto *limit = panel->findChild<QSpinBox *>(u"productSubscriptionsLimitSpinBox"_qs);
    auto *dirty = panel->findChild<QLabel *>(u"productsDirtyLabel"_qs);
    QCOMPARE(limit->value(), 1);
    const int unsaved = m_workspace->unsavedEditorCount(); // the other pages' refused new items
    for (const QString &name : { u"nolimit"_qs, u"starter"_qs, u"nulllimit"_qs }) {
        panel->selectRecord(name);
        QCOMPARE(panel->currentName(), name);
        QCOMPARE(limit->text(), name == u"starter"_qs ? u"1"_qs : u"Unlimited"_qs);
        QVERIFY2(!panel->document()->isDirty(), qPrintable(name));
        QCOMPARE(dirty->text(), QString());
        QCOMPARE(m_workspace->unsavedEditorCount(), unsaved);
    }
}

void tst_ResourcePanel::aLimitOfZeroAndUnlimitedLookDifferentAndRoundTripExactly()
{
    QVERIFY(put(u"/products/zerolimit"_qs, { { u"displayName"_qs, u"Zero limit"_qs }, { u"subscriptionsLimit"_qs, 0 } }));
    QVERIFY(put(u"/products/openended"_qs, { { u"displayName"_qs, u"Open ended"_qs } }));
    ui::ResourcePanel *panel = show(Page::Products, u"zerolimit"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"zerolimit"_qs, 10000);
    auto *limit = panel->findChild<QSpinBox *>(u"productSubscriptionsLimitSpinBox"_qs);
    auto *displayName = panel->findChild<QLineEdit *>(u"productDisplayNameLineEdit"_qs);
    auto *save = panel->findChild<QPushButton *>(u"productsSavePushButton"_qs);
    const auto storedLimit = [this](const QString &name) {
        return stored(u"/products/"_qs + name).value(u"subscriptionsLimit"_qs);
    };

    // A limit of 0 shows as 0, and a save of another field keeps it 0.
    QCOMPARE(limit->text(), u"0"_qs);
    QVERIFY(!panel->document()->isDirty());
    displayName->end(false);
    QTest::keyClicks(displayName, u" (closed)"_qs);
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->document()->isDirty() && !save->isEnabled(), 10000);
    QCOMPARE(stored(u"/products/zerolimit"_qs).value(u"displayName"_qs).toString(), u"Zero limit (closed)"_qs);
    QCOMPARE(storedLimit(u"zerolimit"_qs), QJsonValue(0));
    QCOMPARE(limit->text(), u"0"_qs);

    // No limit shows as Unlimited, and a save of another field keeps it without a limit.
    panel->selectRecord(u"openended"_qs);
    QCOMPARE(panel->currentName(), u"openended"_qs);
    QCOMPARE(limit->text(), u"Unlimited"_qs);
    QVERIFY(!panel->document()->isDirty());
    displayName->end(false);
    QTest::keyClicks(displayName, u" (all)"_qs);
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->document()->isDirty() && !save->isEnabled(), 10000);
    QCOMPARE(stored(u"/products/openended"_qs).value(u"displayName"_qs).toString(), u"Open ended (all)"_qs);
    QVERIFY2(storedLimit(u"openended"_qs).isUndefined() || storedLimit(u"openended"_qs).isNull(),
             qPrintable(QString::number(storedLimit(u"openended"_qs).toInt())));
    QCOMPARE(limit->text(), u"Unlimited"_qs);

    // One step up from Unlimited is a limit of 0, and a new product keeps it.
    newItem(panel, u"products"_qs);
    QCOMPARE(limit->text(), u"Unlimited"_qs);
    QTest::keyClicks(panel->findChild<QLineEdit *>(u"productIdLineEdit"_qs), u"zeronew"_qs);
    QTest::keyClicks(displayName, u"Zero new"_qs);
    limit->setFocus();
    QTest::keyClick(limit, Qt::Key_Up);
    QCOMPARE(limit->text(), u"0"_qs);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isNew(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(storedLimit(u"zeronew"_qs), QJsonValue(0), 10000);
    QCOMPARE(limit->text(), u"0"_qs);
}

void tst_ResourcePanel::subscriptionFormShowsItsOwnScopeAndOwner()
{
    QVERIFY(put(u"/subscriptions/scoped"_qs, { { u"scope"_qs, u"/products/starter"_qs },
                                               { u"ownerId"_qs, u"/users/ada"_qs },
                                               { u"displayName"_qs, u"Scoped"_qs },
                                               { u"state"_qs, u"active"_qs } }));
    ui::ResourcePanel *panel = show(Page::Subscriptions, u"scoped"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"scoped"_qs, 10000);
    auto *scope = panel->findChild<QComboBox *>(u"subscriptionScopeComboBox"_qs);
    auto *owner = panel->findChild<QComboBox *>(u"subscriptionOwnerComboBox"_qs);
    // Users 1 and ada: an owned subscription is not offered "No owner" (see
    // subscriptionFormOffersOnlyOwnersAndScopesTheServiceTakes).
    QTRY_VERIFY_WITH_TIMEOUT(scope->count() > 2 && owner->count() > 1, 10000);
    // The server answers with full ARM ids; the form shows them as the choices name them.
    QCOMPARE(scope->currentData().toString(), u"/products/starter"_qs);
    QCOMPARE(scope->currentText(), u"Product: Starter"_qs);
    QCOMPARE(owner->currentData().toString(), u"/users/ada"_qs);
    QVERIFY2(owner->currentText().contains(u"ada@contoso.com"_qs), qPrintable(owner->currentText()));

    struct Expected
    {
        QString name, scope, owner;
    };
    const QList<Expected> others { { u"sub1"_qs, u"/apis"_qs, QString() },
                                   { u"master"_qs, u"/"_qs, u"/users/1"_qs },
                                   { u"scoped"_qs, u"/products/starter"_qs, u"/users/ada"_qs } };
    for (const Expected &expected : others) {
        panel->selectRecord(expected.name);
        QCOMPARE(panel->currentName(), expected.name);
        QVERIFY2(scope->currentIndex() >= 0, qPrintable(expected.name));
        QCOMPARE(scope->currentData().toString(), expected.scope);
        QVERIFY2(owner->currentIndex() >= 0, qPrintable(expected.name));
        QCOMPARE(owner->currentData().toString(), expected.owner);
        QVERIFY(!panel->document()->isDirty());
    }

    // Saving another field keeps scope and owner.
    auto *displayName = panel->findChild<QLineEdit *>(u"subscriptionDisplayNameLineEdit"_qs);
    displayName->setFocus();
    displayName->selectAll();
    QTest::keyClicks(displayName, u"Scoped, renamed"_qs);
    QTest::mouseClick(panel->findChild<QPushButton *>(u"subscriptionsSavePushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(stored(u"/subscriptions/scoped"_qs).value(u"displayName"_qs).toString()
                                 == u"Scoped, renamed"_qs, 10000);
    const QJsonObject after = stored(u"/subscriptions/scoped"_qs);
    QVERIFY(after.value(u"scope"_qs).toString().endsWith(u"/products/starter"_qs));
    QVERIFY(after.value(u"ownerId"_qs).toString().endsWith(u"/users/ada"_qs));
    QTRY_VERIFY_WITH_TIMEOUT(!panel->document()->isDirty(), 10000);
    QCOMPARE(scope->currentData().toString(), u"/products/starter"_qs);
}

void tst_ResourcePanel::failedKeyRegenerationIsShownAndKeepsTheOldKey()
{
    QVERIFY(put(u"/subscriptions/gone"_qs, { { u"scope"_qs, u"/apis"_qs }, { u"displayName"_qs, u"Gone"_qs },
                                             { u"state"_qs, u"active"_qs } }));
    ui::ResourcePanel *panel = show(Page::Subscriptions, u"gone"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"gone"_qs, 10000);
    auto *key = panel->findChild<QLineEdit *>(u"primaryKeyLineEdit"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!key->text().isEmpty(), 10000);
    const QString old = key->text();
    // Deleted elsewhere (another administrator, the portal) while shown here.
    QVERIFY(call(core::ArmRequest::remove(kService + u"/subscriptions/gone"_qs)).ok());
    QTest::mouseClick(panel->findChild<QPushButton *>(u"regeneratePrimaryKeyPushButton"_qs), Qt::LeftButton);
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY((confirm = m_workspace->findChild<QMessageBox *>(u"regenerateKeyMessageBox"_qs)) != nullptr);
    confirm->findChild<QPushButton *>(u"regenerateKeyConfirmPushButton"_qs)->click();

    QTRY_VERIFY_WITH_TIMEOUT(!bannerText(panel, u"subscriptions"_qs).isEmpty(), 10000);
    const QString banner = bannerText(panel, u"subscriptions"_qs);
    QVERIFY2(banner.startsWith(u"The primary key was not regenerated: "_qs), qPrintable(banner));
    QVERIFY(panel->findChild<QPushButton *>(u"bannerRetryPushButton"_qs)->isVisible());
    QCOMPARE(key->text(), old); // nothing replaced it
}

void tst_ResourcePanel::unreadableKeysAreShownWithRetry()
{
    QVERIFY(put(u"/subscriptions/later"_qs, { { u"scope"_qs, u"/apis"_qs }, { u"displayName"_qs, u"Later"_qs },
                                              { u"state"_qs, u"active"_qs } }));
    ui::ResourcePanel *panel = show(Page::Subscriptions, u"sub1"_qs);
    auto hasLater = [panel] {
        for (const QVariant &record : panel->records())
            if (record.toMap().value(u"name"_qs).toString() == u"later"_qs)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(hasLater(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"sub1"_qs, 10000);
    QVERIFY(call(core::ArmRequest::remove(kService + u"/subscriptions/later"_qs)).ok());
    panel->selectRecord(u"later"_qs); // still listed here
    QTRY_VERIFY_WITH_TIMEOUT(!bannerText(panel, u"subscriptions"_qs).isEmpty(), 10000);
    const QString banner = bannerText(panel, u"subscriptions"_qs);
    QVERIFY2(banner.startsWith(u"The keys could not be read: "_qs), qPrintable(banner));
    auto *key = panel->findChild<QLineEdit *>(u"primaryKeyLineEdit"_qs);
    QVERIFY(key->text().isEmpty());

    // Back again (restored elsewhere): Retry reads its keys.
    QVERIFY(put(u"/subscriptions/later"_qs, { { u"scope"_qs, u"/apis"_qs }, { u"displayName"_qs, u"Later"_qs },
                                              { u"state"_qs, u"active"_qs } }));
    auto *retry = panel->findChild<QPushButton *>(u"bannerRetryPushButton"_qs);
    QVERIFY(retry->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!key->text().isEmpty(), 10000);
    QCOMPARE(key->text(), call(core::ArmRequest::post(kService + u"/subscriptions/later/listSecrets"_qs))
                              .value().value(u"primaryKey"_qs).toString());
    QCOMPARE(bannerText(panel, u"subscriptions"_qs), QString());
}

void tst_ResourcePanel::failedDeleteSaysNotDeleted()
{
    // A system group cannot be deleted: the service refuses with 409.
    ui::ResourcePanel *panel = show(Page::Groups, u"developers"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"developers"_qs, 10000);
    ui::decisions::preAnswer(true);
    QTest::mouseClick(panel->findChild<QPushButton *>(u"groupsDeletePushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!bannerText(panel, u"groups"_qs).isEmpty(), 10000);
    const QString banner = bannerText(panel, u"groups"_qs);
    QVERIFY2(banner.startsWith(u"Not deleted: "_qs) && banner.contains(u"cannot be deleted"_qs), qPrintable(banner));
    QVERIFY(exists(u"/groups/developers"_qs));
}

void tst_ResourcePanel::productWithSubscriptionsIsDeletedWithThemOnlyWhenAgreed()
{
    QVERIFY(put(u"/products/bronze"_qs, { { u"displayName"_qs, u"Bronze"_qs } }));
    QVERIFY(put(u"/subscriptions/bronze-sub"_qs, { { u"scope"_qs, u"/products/bronze"_qs },
                                                   { u"displayName"_qs, u"Bronze sub"_qs },
                                                   { u"state"_qs, u"active"_qs } }));
    ui::ResourcePanel *panel = show(Page::Products, u"bronze"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"bronze"_qs, 10000);
    auto *remove = panel->findChild<QPushButton *>(u"productsDeletePushButton"_qs);
    auto question = [panel]() -> QMessageBox * {
        for (QMessageBox *box : panel->findChildren<QMessageBox *>(u"decisionMessageBox"_qs))
            if (box->isVisible())
                return box;
        return nullptr;
    };

    // "Delete?" yes, "Also delete its subscriptions?" no: nothing is deleted.
    ui::decisions::preAnswer(true);
    QTest::mouseClick(remove, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = question()) != nullptr, 10000);
    QVERIFY2(box->text().contains(u"Also delete its 1 subscription"_qs), qPrintable(box->text()));
    m_bed.clearSent();
    box->findChild<QPushButton *>(u"decisionCancelPushButton"_qs)->click();
    const QList<QByteArray> sent = m_bed.sentUpToMarker(this);
    QVERIFY2(sent.size() == 1 && sent.first().endsWith("/portico-test-marker"), sent.join(", ").constData());
    QVERIFY(exists(u"/products/bronze"_qs));
    QVERIFY(exists(u"/subscriptions/bronze-sub"_qs));
    QCOMPARE(bannerText(panel, u"products"_qs), QString());

    // Both yes: the product goes with its subscription.
    ui::decisions::preAnswer(true);
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT((box = question()) != nullptr, 10000);
    box->findChild<QPushButton *>(u"decisionAcceptPushButton"_qs)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!exists(u"/products/bronze"_qs), 10000);
    QVERIFY(!exists(u"/subscriptions/bronze-sub"_qs));
    QCOMPARE(bannerText(panel, u"products"_qs), QString());
}

void tst_ResourcePanel::userWithSubscriptionsIsDeletedWithThem()
{
    // ada owns "scoped" (see subscriptionFormShowsItsOwnScopeAndOwner).
    QVERIFY(put(u"/subscriptions/ada-sub"_qs, { { u"scope"_qs, u"/apis"_qs }, { u"ownerId"_qs, u"/users/ada"_qs },
                                                { u"displayName"_qs, u"Ada's"_qs }, { u"state"_qs, u"active"_qs } }));
    ui::ResourcePanel *panel = show(Page::Users, u"ada"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"ada"_qs, 10000);
    ui::decisions::preAnswer(true);
    ui::decisions::preAnswer(true);
    QTest::mouseClick(panel->findChild<QPushButton *>(u"usersDeletePushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!exists(u"/users/ada"_qs), 20000);
    QCOMPARE(ui::decisions::pendingPreAnswers(), 0); // both questions were asked
    QVERIFY(!exists(u"/subscriptions/ada-sub"_qs));
    QVERIFY(!exists(u"/subscriptions/scoped"_qs));
    QCOMPARE(bannerText(panel, u"users"_qs), QString());
}

void tst_ResourcePanel::saveAfterSomeoneElseChangedItAsksInsteadOfOverwriting()
{
    ui::ResourcePanel *panel = show(Page::Products, u"starter"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"starter"_qs, 10000);
    auto *displayName = panel->findChild<QLineEdit *>(u"productDisplayNameLineEdit"_qs);
    auto *description = panel->findChild<QPlainTextEdit *>(u"productDescriptionTextEdit"_qs);
    auto *save = panel->findChild<QPushButton *>(u"productsSavePushButton"_qs);
    auto *conflict = panel->findChild<ui::BannerWidget *>(u"productsConflictBannerWidget"_qs);
    const QString mine = displayName->text();
    const QString before = description->toPlainText();
    const auto storedValue = [this](const QString &key) {
        return stored(u"/products/starter"_qs).value(key).toString();
    };

    // A colleague renames the product while this form shows it; then the user edits and saves.
    QVERIFY(patchElsewhere(u"/products/starter"_qs, { { u"displayName"_qs, u"Starter (colleague)"_qs } }));
    description->setFocus();
    description->moveCursor(QTextCursor::End);
    QTest::keyClicks(description, u" Mine."_qs);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT((conflict && conflict->isVisible()) || !panel->document()->isDirty(), 10000);
    // Nothing was overwritten: the form asks, and the user's text is still in it.
    QCOMPARE(storedValue(u"displayName"_qs), u"Starter (colleague)"_qs);
    QVERIFY(conflict && conflict->isVisible());
    QVERIFY2(conflict->text().contains(u"changed on the server"_qs), qPrintable(conflict->text()));
    QCOMPARE(storedValue(u"description"_qs), before);
    QCOMPARE(description->toPlainText(), before + u" Mine."_qs);
    QCOMPARE(displayName->text(), mine);
    QVERIFY(panel->document()->isDirty());

    // Overwrite: the user's version wins.
    QTest::mouseClick(panel->findChild<QPushButton *>(u"productsOverwritePushButton"_qs), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(storedValue(u"description"_qs), before + u" Mine."_qs, 10000);
    QCOMPARE(storedValue(u"displayName"_qs), mine);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->document()->isDirty(), 10000);
    QVERIFY(!conflict->isVisible());

    // Changed elsewhere again: this time Keep server version shows theirs and drops the user's edit.
    QVERIFY(patchElsewhere(u"/products/starter"_qs, { { u"displayName"_qs, u"Starter (theirs)"_qs } }));
    description->setFocus();
    description->moveCursor(QTextCursor::End);
    QTest::keyClicks(description, u" Again."_qs);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(conflict->isVisible(), 10000);
    QTest::mouseClick(panel->findChild<QPushButton *>(u"productsReloadPushButton"_qs), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(displayName->text(), u"Starter (theirs)"_qs, 10000);
    QCOMPARE(description->toPlainText(), before + u" Mine."_qs);
    QVERIFY(!panel->document()->isDirty());
    QVERIFY(!conflict->isVisible());

    // From the reloaded version a save goes through, over their name.
    description->setFocus();
    description->moveCursor(QTextCursor::End);
    QTest::keyClicks(description, u" Third."_qs);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(storedValue(u"description"_qs), before + u" Mine. Third."_qs, 10000);
    QCOMPARE(storedValue(u"displayName"_qs), u"Starter (theirs)"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->document()->isDirty(), 10000);
    QVERIFY(!conflict->isVisible());
}

void tst_ResourcePanel::deleteAfterSomeoneElseChangedItAsksInsteadOfDeleting()
{
    QVERIFY(put(u"/backends/doomed"_qs, { { u"url"_qs, u"http://doomed.example"_qs }, { u"protocol"_qs, u"http"_qs } }));
    ui::ResourcePanel *panel = show(Page::Backends, u"doomed"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"doomed"_qs, 10000);
    auto *url = panel->findChild<QLineEdit *>(u"backendUrlLineEdit"_qs);
    auto *description = panel->findChild<QPlainTextEdit *>(u"backendDescriptionTextEdit"_qs);
    auto *remove = panel->findChild<QPushButton *>(u"backendsDeletePushButton"_qs);
    auto *conflict = panel->findChild<ui::BannerWidget *>(u"backendsConflictBannerWidget"_qs);
    auto *deleteAnyway = panel->findChild<QPushButton *>(u"backendsDeleteAnywayPushButton"_qs);
    QVERIFY(conflict);
    QList<QPair<QByteArray, int>> deletes; // {If-Match, HTTP status} of each DELETE sent
    auto spy = std::make_unique<QObject>(); // ends the recording however the test ends
    connect(&m_bed.network(), &QNetworkAccessManager::finished, spy.get(), [&deletes](QNetworkReply *reply) {
        if (reply->operation() == QNetworkAccessManager::DeleteOperation
            || reply->request().attribute(QNetworkRequest::CustomVerbAttribute).toByteArray() == "DELETE")
            deletes.append({ reply->request().rawHeader("If-Match"),
                             reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() });
    });

    // The user saves a description (the form now has the server's ETag); a colleague then moves
    // the backend elsewhere, and the user deletes it: the delete names the version the user
    // saw, the service refuses it, and the form says so instead of deleting their change.
    description->setFocus();
    QTest::keyClicks(description, u"Going away."_qs);
    QTest::mouseClick(panel->findChild<QPushButton *>(u"backendsSavePushButton"_qs), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(stored(u"/backends/doomed"_qs).value(u"description"_qs).toString(), u"Going away."_qs,
                              10000);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->document()->isDirty(), 10000);
    QVERIFY(patchElsewhere(u"/backends/doomed"_qs, { { u"url"_qs, u"http://moved.example"_qs } }));
    ui::decisions::preAnswer(true);
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(conflict->isVisible(), 10000);
    QCOMPARE(conflict->text(), u"“doomed” was changed on the server since you opened it, so it was not deleted. "
                                "Keep server version shows it as it is now; Delete anyway deletes it as it is now."_qs);
    QVERIFY(exists(u"/backends/doomed"_qs));
    QCOMPARE(deletes.size(), 1);
    QVERIFY2(!deletes.first().first.isEmpty() && deletes.first().first != "*", deletes.first().first.constData());
    QCOMPARE(deletes.first().second, 412);
    QVERIFY(deleteAnyway->isVisible());
    QVERIFY(!panel->findChild<QPushButton *>(u"backendsOverwritePushButton"_qs)->isVisible());

    // Keep server version shows their version.
    QTest::mouseClick(panel->findChild<QPushButton *>(u"backendsReloadPushButton"_qs), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(url->text(), u"http://moved.example"_qs, 10000);
    QVERIFY(!conflict->isVisible());

    // Changed again (the list the form came from has no ETag): asked again, nothing sent.
    QVERIFY(patchElsewhere(u"/backends/doomed"_qs, { { u"description"_qs, u"Still needed."_qs } }));
    ui::decisions::preAnswer(true);
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(conflict->isVisible(), 10000);
    QVERIFY(exists(u"/backends/doomed"_qs));
    QCOMPARE(deletes.size(), 1);

    // Delete anyway: gone, whatever it holds now.
    QTest::mouseClick(deleteAnyway, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!exists(u"/backends/doomed"_qs), 10000);
    QCOMPARE(deletes.size(), 2);
    QCOMPARE(deletes.last().first, QByteArray("*"));
    QTRY_VERIFY_WITH_TIMEOUT(std::none_of(panel->records().cbegin(), panel->records().cend(), [](const QVariant &r) {
                                 return r.toMap().value(u"name"_qs).toString() == u"doomed"_qs;
                             }),
                             10000);
    QVERIFY(!conflict->isVisible());
    QCOMPARE(bannerText(panel, u"backends"_qs), QString());
    // The page is ready for the next thing.
    newItem(panel, u"backends"_qs);
    QVERIFY(panel->isNew());
    QVERIFY(panel->findChild<QPushButton *>(u"backendsSavePushButton"_qs)->isEnabled());
}

void tst_ResourcePanel::createWhoseLinkFailsIsSavedAndTheNextSaveSendsOnlyWhatIsMissing()
{
    for (const auto &[id, title] : { std::pair { u"tmpapi"_qs, u"Tmp API"_qs }, std::pair { u"keptapi"_qs, u"Kept API"_qs } })
        QVERIFY(put(u"/apis/"_qs + id, { { u"displayName"_qs, title }, { u"path"_qs, id },
                                         { u"protocols"_qs, QJsonArray { u"https"_qs } } }));
    ui::ResourcePanel *panel = show(Page::Products);
    auto *apis = panel->findChild<QListWidget *>(u"productApisListWidget"_qs);
    const auto apiItem = [apis](const QString &title) -> QListWidgetItem * {
        const QList<QListWidgetItem *> found = apis->findItems(title, Qt::MatchExactly);
        return found.isEmpty() ? nullptr : found.first();
    };
    QTRY_VERIFY_WITH_TIMEOUT(apiItem(u"Tmp API"_qs) && apiItem(u"Kept API"_qs), 10000);
    newItem(panel, u"products"_qs);
    auto *id = panel->findChild<QLineEdit *>(u"productIdLineEdit"_qs);
    QTest::keyClicks(id, u"partial"_qs);
    QTest::keyClicks(panel->findChild<QLineEdit *>(u"productDisplayNameLineEdit"_qs), u"Partial"_qs);
    apiItem(u"Tmp API"_qs)->setCheckState(Qt::Checked);
    apiItem(u"Kept API"_qs)->setCheckState(Qt::Checked);
    // Someone deletes the API before the user saves: the product is created, its link to the
    // deleted API is refused.
    QVERIFY(call(core::ArmRequest::remove(kService + u"/apis/tmpapi"_qs)).ok());
    QList<QPair<QByteArray, QString>> sent; // {verb, path}
    auto spy = std::make_unique<QObject>(); // ends the recording however the test ends
    connect(&m_bed.network(), &QNetworkAccessManager::finished, spy.get(), [&sent](QNetworkReply *reply) {
        const QByteArray verb = reply->operation() == QNetworkAccessManager::PutOperation      ? "PUT"
                              : reply->operation() == QNetworkAccessManager::DeleteOperation ? "DELETE"
                              : reply->operation() == QNetworkAccessManager::GetOperation    ? "GET"
                              : reply->request().attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        sent.append({ verb, reply->url().path().section(u"/service/respanel"_qs, 1) });
    });
    auto *save = panel->findChild<QPushButton *>(u"productsSavePushButton"_qs);
    auto *idMessage = panel->findChild<QLabel *>(u"products_nameMessageLabel"_qs);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!bannerText(panel, u"products"_qs).isEmpty(), 10000);
    const QString banner = bannerText(panel, u"products"_qs);
    QVERIFY2(banner.startsWith(u"“partial” was created, but linking “tmpapi” to it failed: "_qs), qPrintable(banner));
    QVERIFY(exists(u"/products/partial"_qs));
    // Saved, not new: listed, its id fixed, the link not made still the user's edit.
    QVERIFY(!panel->isNew());
    QCOMPARE(panel->currentName(), u"partial"_qs);
    QVERIFY(id->isReadOnly());
    QVERIFY(panel->document()->isDirty());
    QCOMPARE(apiItem(u"Tmp API"_qs)->checkState(), Qt::Checked);
    QVERIFY(std::any_of(panel->records().cbegin(), panel->records().cend(), [](const QVariant &r) {
        return r.toMap().value(u"name"_qs).toString() == u"partial"_qs;
    }));

    // The user drops the deleted API, adds a description and saves again: an update, not a
    // create, with only the links still missing.
    const qsizetype firstSave = sent.size();
    apiItem(u"Tmp API"_qs)->setCheckState(Qt::Unchecked);
    auto *description = panel->findChild<QPlainTextEdit *>(u"productDescriptionTextEdit"_qs);
    description->setFocus();
    QTest::keyClicks(description, u"Second try."_qs);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->document()->isDirty(), 10000);
    spy.reset();
    QCOMPARE(idMessage->text(), QString());
    QCOMPARE(bannerText(panel, u"products"_qs), QString());
    QCOMPARE(stored(u"/products/partial"_qs).value(u"description"_qs).toString(), u"Second try."_qs);
    const QJsonArray linked = call(core::ArmRequest::get(kService + u"/products/partial/apis"_qs)).value().value(u"value"_qs).toArray();
    QCOMPARE(linked.size(), 1);
    QCOMPARE(linked.first().toObject().value(u"name"_qs).toString(), u"keptapi"_qs);
    const QList<QPair<QByteArray, QString>> second = sent.mid(firstSave);
    QVERIFY(second.contains({ QByteArray("PATCH"), u"/products/partial"_qs }));
    QVERIFY(!second.contains({ QByteArray("PUT"), u"/products/partial"_qs }));
    QVERIFY(!second.contains({ QByteArray("PUT"), u"/products/partial/apis/tmpapi"_qs }));
    QCOMPARE(sent.count({ QByteArray("PUT"), u"/products/partial/apis/keptapi"_qs }), 1);
}

void tst_ResourcePanel::invalidIdIsRefusedAtTheIdFieldBeforeAnythingIsSent_data()
{
    using Typed = QList<QPair<QString, QString>>;
    QTest::addColumn<Page>("page");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<Typed>("typed"); // {objectName, text}, the id first
    QTest::addColumn<QString>("said"); // in the id field's message
    QTest::newRow("product with /") << Page::Products << u"products"_qs
                                    << Typed { { u"productIdLineEdit"_qs, u"team/gold"_qs },
                                               { u"productDisplayNameLineEdit"_qs, u"Team gold"_qs } }
                                    << u"“/”"_qs;
    QTest::newRow("product with ?") << Page::Products << u"products"_qs
                                    << Typed { { u"productIdLineEdit"_qs, u"gold?x=1"_qs },
                                               { u"productDisplayNameLineEdit"_qs, u"Gold"_qs } }
                                    << u"“?”"_qs;
    QTest::newRow("subscription with #") << Page::Subscriptions << u"subscriptions"_qs
                                         << Typed { { u"subscriptionIdLineEdit"_qs, u"gold#1"_qs },
                                                    { u"subscriptionDisplayNameLineEdit"_qs, u"Gold 1"_qs } }
                                         << u"“#”"_qs;
    QTest::newRow("subscription too long") << Page::Subscriptions << u"subscriptions"_qs
                                           << Typed { { u"subscriptionIdLineEdit"_qs, QString(257, u's') },
                                                      { u"subscriptionDisplayNameLineEdit"_qs, u"Long"_qs } }
                                           << u"at most 256"_qs;
    QTest::newRow("user too long") << Page::Users << u"users"_qs
                                   << Typed { { u"userIdLineEdit"_qs, QString(81, u'u') },
                                              { u"userFirstNameLineEdit"_qs, u"Long"_qs },
                                              { u"userLastNameLineEdit"_qs, u"Name"_qs },
                                              { u"userEmailLineEdit"_qs, u"long@contoso.com"_qs } }
                                   << u"at most 80"_qs;
    QTest::newRow("group with /") << Page::Groups << u"groups"_qs
                                  << Typed { { u"groupIdLineEdit"_qs, u"a/b"_qs },
                                             { u"groupDisplayNameLineEdit"_qs, u"A b"_qs } }
                                  << u"“/”"_qs;
    QTest::newRow("named value with :") << Page::NamedValues << u"namedValues"_qs
                                        << Typed { { u"namedValueIdLineEdit"_qs, u"nv:2"_qs },
                                                   { u"namedValueDisplayNameLineEdit"_qs, u"nv2"_qs } }
                                        << u"“:”"_qs;
    QTest::newRow("product with %") << Page::Products << u"products"_qs
                                    << Typed { { u"productIdLineEdit"_qs, u"gold%2Fteam"_qs },
                                               { u"productDisplayNameLineEdit"_qs, u"Gold team"_qs } }
                                    << u"“%”"_qs;
    QTest::newRow("subscription with %") << Page::Subscriptions << u"subscriptions"_qs
                                         << Typed { { u"subscriptionIdLineEdit"_qs, u"50%off"_qs },
                                                    { u"subscriptionDisplayNameLineEdit"_qs, u"Half"_qs } }
                                         << u"“%”"_qs;
    QTest::newRow("user with %") << Page::Users << u"users"_qs
                                 << Typed { { u"userIdLineEdit"_qs, u"ann%20lee"_qs },
                                            { u"userFirstNameLineEdit"_qs, u"Ann"_qs },
                                            { u"userLastNameLineEdit"_qs, u"Lee"_qs },
                                            { u"userEmailLineEdit"_qs, u"ann@contoso.com"_qs } }
                                 << u"“%”"_qs;
    QTest::newRow("group with %") << Page::Groups << u"groups"_qs
                                  << Typed { { u"groupIdLineEdit"_qs, u"100%"_qs },
                                             { u"groupDisplayNameLineEdit"_qs, u"All"_qs } }
                                  << u"“%”"_qs;
    QTest::newRow("named value with %") << Page::NamedValues << u"namedValues"_qs
                                        << Typed { { u"namedValueIdLineEdit"_qs, u"nv%3"_qs },
                                                   { u"namedValueDisplayNameLineEdit"_qs, u"nv3"_qs } }
                                        << u"“%”"_qs;
    QTest::newRow("backend with %") << Page::Backends << u"backends"_qs
                                    << Typed { { u"backendIdLineEdit"_qs, u"be%41"_qs },
                                               { u"backendUrlLineEdit"_qs, u"http://four.example"_qs } }
                                    << u"“%”"_qs;
    QTest::newRow("backend with ?") << Page::Backends << u"backends"_qs
                                    << Typed { { u"backendIdLineEdit"_qs, u"be?"_qs },
                                               { u"backendUrlLineEdit"_qs, u"http://three.example"_qs } }
                                    << u"“?”"_qs;
}

void tst_ResourcePanel::invalidIdIsRefusedAtTheIdFieldBeforeAnythingIsSent()
{
    using Typed = QList<QPair<QString, QString>>;
    QFETCH(Page, page);
    QFETCH(QString, prefix);
    QFETCH(Typed, typed);
    QFETCH(QString, said);

    ui::ResourcePanel *panel = show(page);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->records().isEmpty(), 10000);
    if (page == Page::Subscriptions) {
        auto *scope = panel->findChild<QComboBox *>(u"subscriptionScopeComboBox"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(scope->count() > 1, 10000);
    }
    newItem(panel, prefix);
    for (const auto &[objectName, text] : typed) {
        QLineEdit *edit = lineEdit(panel, objectName);
        QVERIFY2(edit, qPrintable(objectName));
        edit->setFocus();
        QTest::keyClicks(edit, text);
    }
    QStringList sent; // "VERB /collection/…" below the service, decoded
    auto spy = std::make_unique<QObject>(); // ends the recording however the test ends
    connect(&m_bed.network(), &QNetworkAccessManager::finished, spy.get(), [&sent](QNetworkReply *reply) {
        const QByteArray verb = reply->request().attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        const char *const byOperation[] = { "", "HEAD", "GET", "PUT", "POST", "DELETE", "" };
        sent << QString::fromLatin1(verb.isEmpty() ? QByteArray(byOperation[reply->operation()]) : verb) + u' '
                + QUrl::fromPercentEncoding(reply->url().path(QUrl::FullyEncoded).toUtf8()).section(u"/service/respanel"_qs, 1);
    });
    auto *save = panel->findChild<QPushButton *>(prefix + u"SavePushButton"_qs);
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(save->isEnabled()); // no save in flight
    QTest::qWait(500); // anything sent has come back by now
    spy.reset();

    auto *message = panel->findChild<QLabel *>(prefix + u"_nameMessageLabel"_qs);
    QVERIFY(message);
    QVERIFY2(message->isVisible() && message->text().contains(said), qPrintable(message->text()));
    // Nothing was sent for the item (only the list may still be loading), and the form keeps the
    // text as typed.
    const QString item = collectionOf(page) + u'/' + typed.first().second;
    QVERIFY2(std::none_of(sent.cbegin(), sent.cend(),
                          [&item](const QString &s) {
                              static const QStringList writes { u"PUT"_qs, u"PATCH"_qs, u"POST"_qs, u"DELETE"_qs };
                              return writes.contains(s.section(u' ', 0, 0)) || s.section(u' ', 1).startsWith(item);
                          }),
             qPrintable(sent.join(u", "_qs)));
    QCOMPARE(lineEdit(panel, typed.first().first)->text(), typed.first().second);
    QVERIFY(panel->isNew());
}

void tst_ResourcePanel::idTheServiceRefusesIsShownAtTheIdField()
{
    // §5 declares no pattern for product ids, so the form lets "#" through; portico-local
    // refuses it, naming the id ("productId"), and that is said at the id field.
    ui::ResourcePanel *panel = show(Page::Products);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->records().isEmpty(), 10000);
    newItem(panel, u"products"_qs);
    auto *id = panel->findChild<QLineEdit *>(u"productIdLineEdit"_qs);
    QTest::keyClicks(id, u"gold#1"_qs);
    QTest::keyClicks(panel->findChild<QLineEdit *>(u"productDisplayNameLineEdit"_qs), u"Gold"_qs);
    QTest::mouseClick(panel->findChild<QPushButton *>(u"productsSavePushButton"_qs), Qt::LeftButton);
    auto *message = panel->findChild<QLabel *>(u"products_nameMessageLabel"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!message->text().isEmpty(), 10000);
    QVERIFY2(message->isVisible() && message->text().contains(u"gold#1"_qs), qPrintable(message->text()));
    QCOMPARE(bannerText(panel, u"products"_qs), u"Not saved; see the marked fields."_qs);
    // A list that arrives afterwards (a refresh, or the products page's links read after it)
    // does not take the save's problem away.
    panel->setRecords(panel->records());
    QCOMPARE(bannerText(panel, u"products"_qs), u"Not saved; see the marked fields."_qs);
    QCOMPARE(id->text(), u"gold#1"_qs);
    QVERIFY(panel->isNew());
}

void tst_ResourcePanel::listShowsTheChoicesInWordsNotWireValues()
{
    const auto check = [](ui::PublisherWorkspace *workspace, const QString &published, const QString &active,
                              const QString &wholeService, const QString &allApis) {
        workspace->showPage(Page::Products);
        ui::ResourcePanel *products = workspace->panel(Page::Products);
        QTRY_COMPARE_WITH_TIMEOUT(cellText(products, u"products"_qs, u"starter"_qs, 1), published, 10000);
        workspace->showPage(Page::Subscriptions);
        ui::ResourcePanel *subscriptions = workspace->panel(Page::Subscriptions);
        QTRY_COMPARE_WITH_TIMEOUT(cellText(subscriptions, u"subscriptions"_qs, u"master"_qs, 1), wholeService, 10000);
        QCOMPARE(cellText(subscriptions, u"subscriptions"_qs, u"master"_qs, 2), active);
        QCOMPARE(cellText(subscriptions, u"subscriptions"_qs, u"sub1"_qs, 1), allApis);
    };
    check(m_workspace.get(), u"Published"_qs, u"Active"_qs, u"Whole service (all access)"_qs, u"All APIs"_qs);

    QVERIFY(ui::installTranslations(*qApp, u"nl"_qs));
    {
        ui::PublisherWorkspace dutch(m_bed.controller());
        dutch.resize(1200, 800);
        dutch.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dutch));
        check(&dutch, u"Gepubliceerd"_qs, u"Actief"_qs, u"Hele service (volledige toegang)"_qs, u"Alle API's"_qs);
    }
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void tst_ResourcePanel::focusOnTheListKeepsANewItemsDraft()
{
    // The page as first opened: the form is a new item, the list has no current row.
    ui::PublisherWorkspace workspace(m_bed.controller());
    workspace.resize(1200, 800);
    workspace.show();
    workspace.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&workspace));
    workspace.showPage(Page::Products);
    ui::ResourcePanel *panel = workspace.panel(Page::Products);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->records().isEmpty(), 10000);
    QVERIFY(panel->isNew());
    auto *id = panel->findChild<QLineEdit *>(u"productIdLineEdit"_qs);
    auto *displayName = panel->findChild<QLineEdit *>(u"productDisplayNameLineEdit"_qs);
    id->setFocus();
    QTest::keyClicks(id, u"draft"_qs);
    QTest::keyClicks(displayName, u"Draft"_qs);

    // Shift+Tab into the list: Qt makes its first row current, which must not replace the draft.
    auto *table = panel->findChild<QTableView *>(u"productsTableView"_qs);
    table->setFocus(Qt::BacktabFocusReason);
    QTRY_VERIFY(table->hasFocus());
    QVERIFY(table->currentIndex().isValid()); // what used to replace the draft
    QVERIFY(panel->isNew());
    QCOMPARE(id->text(), u"draft"_qs);
    QCOMPARE(displayName->text(), u"Draft"_qs);
    QCOMPARE(panel->findChild<QLabel *>(u"productsFormTitleLabel"_qs)->text(), u"New item"_qs);
    QVERIFY(panel->document()->isDirty());
    QCOMPARE(ui::decisions::pendingPreAnswers(), 0);
}

void tst_ResourcePanel::anotherRowOrNewAsksBeforeDroppingUnsavedEdits()
{
    ui::ResourcePanel *panel = show(Page::Products, u"starter"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"starter"_qs, 10000);
    auto *table = panel->findChild<QTableView *>(u"productsTableView"_qs);
    int starterRow = -1, otherRow = -1;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QString name = table->model()->index(row, 0).data(Qt::UserRole).toString();
        if (name == u"starter"_qs)
            starterRow = row;
        else if (otherRow < 0)
            otherRow = row;
    }
    QVERIFY(starterRow >= 0 && otherRow >= 0);
    auto *description = panel->findChild<QPlainTextEdit *>(u"productDescriptionTextEdit"_qs);
    description->setFocus();
    description->moveCursor(QTextCursor::End);
    QTest::keyClicks(description, u" (edited)"_qs);
    const QString edited = description->toPlainText();
    QVERIFY(panel->document()->isDirty());

    // Another row clicked: asked; Cancel keeps the edits, and the list stays on their item.
    auto question = [panel]() -> QMessageBox * {
        for (QMessageBox *box : panel->findChildren<QMessageBox *>(u"decisionMessageBox"_qs))
            if (box->isVisible())
                return box;
        return nullptr;
    };
    const QRect rect = table->visualRect(table->model()->index(otherRow, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = question()) != nullptr);
    QVERIFY2(box->text().contains(u"starter"_qs), qPrintable(box->text()));
    QTRY_COMPARE(table->currentIndex().row(), starterRow); // while the user decides, too
    box->findChild<QPushButton *>(u"decisionCancelPushButton"_qs)->click();
    QTRY_VERIFY(question() == nullptr);
    QCOMPARE(panel->currentName(), u"starter"_qs);
    QCOMPARE(description->toPlainText(), edited);
    QVERIFY(panel->document()->isDirty());
    QCOMPARE(table->currentIndex().row(), starterRow);
    QVERIFY(table->selectionModel()->isRowSelected(starterRow, {}));

    // New: asked too; Cancel keeps the edits.
    QTest::mouseClick(panel->findChild<QPushButton *>(u"productsNewPushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY((box = question()) != nullptr);
    box->findChild<QPushButton *>(u"decisionCancelPushButton"_qs)->click();
    QTRY_VERIFY(question() == nullptr);
    QVERIFY(!panel->isNew());
    QCOMPARE(description->toPlainText(), edited);

    // Another product picked in the navigation: asked too.
    m_workspace->showPage(Page::Products, table->model()->index(otherRow, 0).data(Qt::UserRole).toString());
    QTRY_VERIFY_WITH_TIMEOUT((box = question()) != nullptr, 10000);
    box->findChild<QPushButton *>(u"decisionCancelPushButton"_qs)->click();
    QTRY_VERIFY(question() == nullptr);
    QCOMPARE(panel->currentName(), u"starter"_qs);
    QCOMPARE(description->toPlainText(), edited);
    QCOMPARE(table->currentIndex().row(), starterRow);

    // An arrow key to another row, and Discard: the other item is shown, unmodified.
    ui::decisions::preAnswer(true);
    table->setFocus();
    QTest::keyClick(table, otherRow > starterRow ? Qt::Key_Down : Qt::Key_Up);
    QTRY_COMPARE(ui::decisions::pendingPreAnswers(), 0);
    const QString next = table->model()->index(starterRow + (otherRow > starterRow ? 1 : -1), 0)
                             .data(Qt::UserRole).toString();
    QTRY_COMPARE(panel->currentName(), next);
    QVERIFY(!panel->document()->isDirty());
    QVERIFY(stored(u"/products/starter"_qs).value(u"description"_qs).toString() != edited);
}

void tst_ResourcePanel::deletedSubscriptionLeavesTheFormAndItsKeysGo()
{
    QVERIFY(put(u"/subscriptions/doomed"_qs, { { u"scope"_qs, u"/apis"_qs }, { u"displayName"_qs, u"Doomed"_qs },
                                               { u"state"_qs, u"active"_qs } }));
    ui::ResourcePanel *panel = show(Page::Subscriptions, u"doomed"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"doomed"_qs, 10000);
    QLineEdit *primary = lineEdit(panel, u"primaryKeyLineEdit"_qs);
    QLineEdit *secondary = lineEdit(panel, u"secondaryKeyLineEdit"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!primary->text().isEmpty() && !secondary->text().isEmpty(), 10000);

    ui::decisions::preAnswer(true);
    QTest::mouseClick(panel->findChild<QPushButton *>(u"subscriptionsDeletePushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!exists(u"/subscriptions/doomed"_qs), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isNew(), 10000);
    QCOMPARE(panel->findChild<QLabel *>(u"subscriptionsFormTitleLabel"_qs)->text(), u"New item"_qs);
    QCOMPARE(lineEdit(panel, u"subscriptionDisplayNameLineEdit"_qs)->text(), QString());
    QVERIFY(!panel->findChild<QPushButton *>(u"subscriptionsDeletePushButton"_qs)->isEnabled());
    QCOMPARE(primary->text(), QString());
    QCOMPARE(secondary->text(), QString());
    QCOMPARE(cellText(panel, u"subscriptions"_qs, u"doomed"_qs, 0), QString());
    // Nor does the list's reload bring any of it back.
    QTRY_VERIFY_WITH_TIMEOUT(std::none_of(panel->records().cbegin(), panel->records().cend(),
                                          [](const QVariant &r) {
                                              return r.toMap().value(u"name"_qs) == u"doomed"_qs;
                                          }),
                             10000);
    QVERIFY(panel->isNew());
    QCOMPARE(primary->text(), QString());
}

void tst_ResourcePanel::subscriptionFormOffersOnlyOwnersAndScopesTheServiceTakes()
{
    QVERIFY(put(u"/users/bob"_qs, { { u"email"_qs, u"bob@contoso.com"_qs }, { u"firstName"_qs, u"Bob"_qs },
                                    { u"lastName"_qs, u"Baker"_qs } }));
    QVERIFY(put(u"/subscriptions/owned"_qs, { { u"scope"_qs, u"/apis"_qs }, { u"ownerId"_qs, u"/users/bob"_qs },
                                              { u"displayName"_qs, u"Owned"_qs }, { u"state"_qs, u"active"_qs } }));
    ui::ResourcePanel *panel = show(Page::Subscriptions, u"owned"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->currentName(), u"owned"_qs, 10000);
    auto *scope = panel->findChild<QComboBox *>(u"subscriptionScopeComboBox"_qs);
    auto *owner = panel->findChild<QComboBox *>(u"subscriptionOwnerComboBox"_qs);
    auto *note = panel->findChild<QLabel *>(u"subscriptions_ownerIdNoteLabel"_qs);
    QVERIFY(note);
    QTRY_VERIFY_WITH_TIMEOUT(scope->count() > 1 && owner->count() > 1, 10000);

    // An owned subscription: "No owner" is not offered (the service would keep the owner), and
    // the form says why.
    QCOMPARE(owner->currentData().toString(), u"/users/bob"_qs);
    QCOMPARE(owner->findData(QString()), -1);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"not made ownerless"_qs), qPrintable(note->text()));
    QCOMPARE(scope->findData(u"/"_qs), -1);
    QVERIFY(!panel->document()->isDirty());

    // An ownerless one offers "No owner", and shows it.
    panel->selectRecord(u"sub1"_qs);
    QVERIFY(owner->findData(QString()) >= 0);
    QCOMPARE(owner->currentData().toString(), QString());
    QVERIFY(!note->isVisible());

    // The built-in all-access subscription shows its scope, the whole service.
    panel->selectRecord(u"master"_qs);
    QCOMPARE(scope->currentData().toString(), u"/"_qs);
    QVERIFY(!panel->document()->isDirty());

    // A new one is offered the scopes §3.5 names (no "/"), and starts without an owner.
    newItem(panel, u"subscriptions"_qs);
    QCOMPARE(scope->findData(u"/"_qs), -1);
    QCOMPARE(scope->currentData().toString(), u"/apis"_qs);
    QVERIFY(owner->findData(QString()) >= 0);
    QCOMPARE(owner->currentData().toString(), QString());
    QVERIFY(!note->isVisible());
}

QTEST_MAIN(tst_ResourcePanel)
#include "tst_resourcepanel.moc"
