// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The subscriptions table against the real portico-local under a live QAbstractItemModelTester:
// columns equal what ARM lists, no key is anywhere in the model (checked against the keys
// listSecrets returns), and refresh shows a new subscription, a state change in place and a
// deleted subscription gone.

#include "core/arm/armclient.h"
#include "core/auth/statictokenprovider.h"
#include "core/itemmodels/producttablemodel.h"
#include "core/itemmodels/subscriptiontablemodel.h"
#include "tests/core/itemmodels/localservicebed.h"
#include "tests/support/porticolocalfixture.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace portico;
using Model = core::SubscriptionTableModel;
using Column = Model::Column;
using LoadState = Model::LoadState;

namespace {

QVariant cell(const Model &model, int row, Column column, int role = Qt::DisplayRole)
{
    return model.index(row, int(column)).data(role);
}

} // namespace

class tst_SubscriptionTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void columnsAreWhatArmListsAndNoKeyIsInTheModel();
    void refreshAddsUpdatesInPlaceAndRemoves();
    void productScopesShowTheProductsName();

private:
    test::LocalServiceBed m_bed;
};

void tst_SubscriptionTableModel::initTestCase()
{
    const QString problem = m_bed.start(u"tables"_qs);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void tst_SubscriptionTableModel::columnsAreWhatArmListsAndNoKeyIsInTheModel()
{
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setService(m_bed.client(), m_bed.serviceId());
    QVERIFY(test::loadTable(model));
    QCOMPARE(model.state(), LoadState::Loaded);
    QCOMPARE(model.columnCount(), 5);

    const auto listed = m_bed.arm().list(m_bed.serviceId() + u"/subscriptions"_qs);
    QVERIFY(listed.ok());
    QCOMPARE(model.rowCount(), int(listed->size()));
    for (const QJsonObject &item : *listed) {
        const auto subscription = core::Subscription::fromJson(item);
        QVERIFY(subscription.ok());
        const int row = model.rowOf(subscription->id);
        QVERIFY2(row >= 0, qPrintable(subscription->id));
        QCOMPARE(cell(model, row, Column::Scope, Model::ValueRole).toString(), subscription->scope);
        QCOMPARE(cell(model, row, Column::Owner, Model::ValueRole).toString(), subscription->ownerId);
        QCOMPARE(cell(model, row, Column::State).toString(), subscription->state);
    }

    const int ada = model.rowOf(m_bed.serviceId() + u"/subscriptions/ada-gold"_qs);
    QVERIFY(ada >= 0);
    QCOMPARE(cell(model, ada, Column::DisplayName).toString(), u"Ada on Gold"_qs);
    QCOMPARE(cell(model, ada, Column::Scope).toString(), u"/products/gold"_qs);
    QCOMPARE(cell(model, ada, Column::Owner).toString(), u"ada"_qs);
    QCOMPARE(cell(model, ada, Column::State).toString(), u"active"_qs);
    const QDateTime created = cell(model, ada, Column::Created).toDateTime();
    QVERIFY(created.isValid());
    QVERIFY(qAbs(created.secsTo(QDateTime::currentDateTimeUtc())) < 3600);

    // The keys exist (listSecrets) but appear in no cell, role or column of the model.
    const auto secrets = m_bed.arm().call(core::ArmRequest::post(m_bed.serviceId() + u"/subscriptions/ada-gold/listSecrets"_qs));
    QVERIFY(secrets.ok());
    const QString primary = secrets->json()->value(u"primaryKey"_qs).toString();
    const QString secondary = secrets->json()->value(u"secondaryKey"_qs).toString();
    QVERIFY(primary.size() >= 16 && secondary.size() >= 16);
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role = 0; role <= Qt::UserRole + 16; ++role) {
                const QString text = model.index(row, column).data(role).toString();
                QVERIFY(!text.contains(primary) && !text.contains(secondary));
            }
        }
    }
    QVERIFY(model.at(ada).primaryKey.isEmpty() && model.at(ada).secondaryKey.isEmpty());
}

void tst_SubscriptionTableModel::refreshAddsUpdatesInPlaceAndRemoves()
{
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setService(m_bed.client(), m_bed.serviceId());
    QVERIFY(test::loadTable(model));
    const int before = model.rowCount();
    const QPersistentModelIndex ada = model.index(model.rowOf(m_bed.serviceId() + u"/subscriptions/ada-gold"_qs), 0);
    QVERIFY(ada.isValid());

    QVERIFY(m_bed.arm().put(m_bed.serviceId() + u"/subscriptions/standalone-starter"_qs,
                       { { u"displayName"_qs, u"Standalone on Starter"_qs },
                         { u"scope"_qs, QString(m_bed.serviceId() + u"/products/starter"_qs) },
                         { u"state"_qs, u"active"_qs } })
                .ok());
    const auto patched = m_bed.arm().call(core::ArmRequest::patch(
        m_bed.serviceId() + u"/subscriptions/ada-gold"_qs,
        { { u"properties"_qs, QJsonObject { { u"state"_qs, u"suspended"_qs },
                                            { u"stateComment"_qs, u"Paused by the publisher"_qs } } } }));
    QVERIFY2(patched.ok(), patched.ok() ? "" : qPrintable(patched.error().toString()));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(test::loadTable(model));
    QCOMPARE(model.rowCount(), before + 1);
    const int standalone = model.rowOf(m_bed.serviceId() + u"/subscriptions/standalone-starter"_qs);
    QCOMPARE(standalone, before);
    QCOMPARE(cell(model, standalone, Column::DisplayName).toString(), u"Standalone on Starter"_qs);
    QCOMPARE(cell(model, standalone, Column::Scope).toString(), u"/products/starter"_qs);
    QVERIFY(cell(model, standalone, Column::Owner).toString().isEmpty());
    QVERIFY(ada.isValid());
    QCOMPARE(cell(model, ada.row(), Column::State).toString(), u"suspended"_qs);
    QCOMPARE(cell(model, ada.row(), Column::State, Qt::ToolTipRole).toString(),
             u"Paused by the publisher"_qs);
    QCOMPARE(changed.size(), 1);

    const auto removed = m_bed.arm().call(core::ArmRequest::remove(m_bed.serviceId() + u"/subscriptions/standalone-starter"_qs));
    QVERIFY2(removed.ok(), removed.ok() ? "" : qPrintable(removed.error().toString()));
    QVERIFY(test::loadTable(model));
    QCOMPARE(model.rowCount(), before);
    QCOMPARE(model.rowOf(m_bed.serviceId() + u"/subscriptions/standalone-starter"_qs), -1);
    QVERIFY(ada.isValid());
}

void tst_SubscriptionTableModel::productScopesShowTheProductsName()
{
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setService(m_bed.client(), m_bed.serviceId());
    QVERIFY(test::loadTable(model));
    const int ada = model.rowOf(m_bed.serviceId() + u"/subscriptions/ada-gold"_qs);
    QVERIFY(ada >= 0);
    QCOMPARE(cell(model, ada, Column::Scope).toString(), u"/products/gold"_qs);

    {
        core::ProductTableModel products;
        QAbstractItemModelTester productTester(&products, QAbstractItemModelTester::FailureReportingMode::QtTest);
        products.setService(m_bed.client(), m_bed.serviceId());
        QSignalSpy scopeChanges(&model, &QAbstractItemModel::dataChanged);
        model.setProducts(&products);
        QVERIFY(products.canFetchMore({}));
        products.fetchMore({});
        QTRY_COMPARE_WITH_TIMEOUT(cell(model, ada, Column::Scope).toString(), u"Gold tier"_qs, 15000);
        QVERIFY(!scopeChanges.isEmpty()); // views learn that the text changed
        // The value stays the scope as sent, for sorting and for editors.
        QVERIFY(cell(model, ada, Column::Scope, Model::ValueRole).toString().endsWith(u"/products/gold"_qs));
        // A scope that is not a product keeps its id form.
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString scope = cell(model, row, Column::Scope, Model::ValueRole).toString();
            if (!scope.contains(u"/products/"_qs))
                QVERIFY(cell(model, row, Column::Scope).toString().startsWith(u'/'));
        }
    }
    // The products table is gone: back to ids, nothing dangling.
    QCOMPARE(cell(model, ada, Column::Scope).toString(), u"/products/gold"_qs);
}

QTEST_GUILESS_MAIN(tst_SubscriptionTableModel)
#include "tst_subscriptiontablemodel.moc"
