// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The products table against the real portico-local under a live QAbstractItemModelTester:
// rows and columns equal what ARM lists, refresh shows a new product, an edited one in place and
// a deleted one gone, and an unreachable server leaves the rows with a Failed state.

#include "core/arm/armclient.h"
#include "core/auth/statictokenprovider.h"
#include "core/itemmodels/producttablemodel.h"
#include "tests/core/itemmodels/localservicebed.h"
#include "tests/support/porticolocalfixture.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace portico;
using Model = core::ProductTableModel;
using Column = Model::Column;
using LoadState = Model::LoadState;

namespace {

QVariant cell(const Model &model, int row, Column column, int role = Qt::DisplayRole)
{
    return model.index(row, int(column)).data(role);
}

bool checked(const Model &model, int row, Column column)
{
    return cell(model, row, column, Qt::CheckStateRole).toInt() == Qt::Checked;
}

} // namespace

class tst_ProductTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rowsAndColumnsAreWhatArmLists();
    void refreshAddsUpdatesInPlaceAndRemoves();
    void unreachableServerKeepsRowsAndSaysWhy();

private:
    test::LocalServiceBed m_bed;
};

void tst_ProductTableModel::initTestCase()
{
    const QString problem = m_bed.start(u"tables"_qs);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void tst_ProductTableModel::rowsAndColumnsAreWhatArmLists()
{
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.state(), LoadState::NotLoaded);
    model.setService(m_bed.client(), m_bed.serviceId());
    QVERIFY(model.canFetchMore({}));
    QVERIFY(test::loadTable(model));
    QCOMPARE(model.state(), LoadState::Loaded);
    QCOMPARE(model.columnCount(), 5);

    const auto listed = m_bed.arm().list(m_bed.serviceId() + u"/products"_qs);
    QVERIFY(listed.ok());
    QCOMPARE(model.rowCount(), int(listed->size()));
    for (const QJsonObject &item : *listed) {
        const auto product = core::Product::fromJson(item);
        QVERIFY(product.ok());
        const int row = model.rowOf(product->id);
        QVERIFY2(row >= 0, qPrintable(product->id));
        QCOMPARE(cell(model, row, Column::Name).toString(), product->displayName);
        QCOMPARE(cell(model, row, Column::Name, Model::NameRole).toString(), product->name);
        QCOMPARE(cell(model, row, Column::State).toString(),
                 product->state.isEmpty() ? u"notPublished"_qs : product->state);
        QCOMPARE(checked(model, row, Column::SubscriptionRequired),
                 product->subscriptionRequired.value_or(true));
        QCOMPARE(checked(model, row, Column::ApprovalRequired),
                 product->approvalRequired.value_or(false));
        QCOMPARE(cell(model, row, Column::SubscriptionsLimit, Model::ValueRole).isNull(),
                 !product->subscriptionsLimit.has_value());
    }

    // What the test created, column by column.
    const int gold = model.rowOf(m_bed.serviceId() + u"/products/gold"_qs);
    QVERIFY(gold >= 0);
    QCOMPARE(cell(model, gold, Column::Name).toString(), u"Gold tier"_qs);
    QCOMPARE(cell(model, gold, Column::State).toString(), u"published"_qs);
    QVERIFY(checked(model, gold, Column::SubscriptionRequired));
    QVERIFY(checked(model, gold, Column::ApprovalRequired));
    QCOMPARE(cell(model, gold, Column::SubscriptionsLimit).toLongLong(), qlonglong(2));
    QVERIFY(model.rowOf(m_bed.serviceId() + u"/products/STARTER"_qs) >= 0); // ids compare as ARM does
    QCOMPARE(model.headerData(int(Column::SubscriptionsLimit), Qt::Horizontal).toString(),
             u"Subscriptions limit"_qs);
}

void tst_ProductTableModel::refreshAddsUpdatesInPlaceAndRemoves()
{
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setService(m_bed.client(), m_bed.serviceId());
    QVERIFY(test::loadTable(model));
    const int before = model.rowCount();
    const QPersistentModelIndex gold = model.index(model.rowOf(m_bed.serviceId() + u"/products/gold"_qs), 0);
    QVERIFY(gold.isValid());

    QVERIFY(m_bed.arm().put(m_bed.serviceId() + u"/products/silver"_qs,
                       { { u"displayName"_qs, u"Silver tier"_qs }, { u"subscriptionRequired"_qs, false } })
                .ok());
    const auto patched = m_bed.arm().call(core::ArmRequest::patch(
        m_bed.serviceId() + u"/products/gold"_qs,
        { { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Gold tier (2025)"_qs },
                                            { u"state"_qs, u"notPublished"_qs } } } }));
    QVERIFY2(patched.ok(), patched.ok() ? "" : qPrintable(patched.error().toString()));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(test::loadTable(model));
    QCOMPARE(model.rowCount(), before + 1);
    const int silver = model.rowOf(m_bed.serviceId() + u"/products/silver"_qs);
    QCOMPARE(silver, before); // appended, the others keep their rows
    QCOMPARE(cell(model, silver, Column::Name).toString(), u"Silver tier"_qs);
    QVERIFY(!checked(model, silver, Column::SubscriptionRequired));
    QVERIFY(gold.isValid());
    QCOMPARE(gold.row(), model.rowOf(m_bed.serviceId() + u"/products/gold"_qs));
    QCOMPARE(gold.data().toString(), u"Gold tier (2025)"_qs);
    QCOMPARE(cell(model, gold.row(), Column::State).toString(), u"notPublished"_qs);
    QCOMPARE(changed.size(), 1); // only the edited row
    QCOMPARE(changed.first().at(0).toModelIndex().row(), gold.row());
    QCOMPARE(reset.size(), 0);

    const auto removed = m_bed.arm().call(core::ArmRequest::remove(m_bed.serviceId() + u"/products/silver"_qs)
                                         .withQuery(u"deleteSubscriptions"_qs, u"true"_qs));
    QVERIFY2(removed.ok(), removed.ok() ? "" : qPrintable(removed.error().toString()));
    QVERIFY(test::loadTable(model));
    QCOMPARE(model.rowCount(), before);
    QCOMPARE(model.rowOf(m_bed.serviceId() + u"/products/silver"_qs), -1);
    QVERIFY(gold.isValid());
}

void tst_ProductTableModel::unreachableServerKeepsRowsAndSaysWhy()
{
    // A second portico-local that this test stops.
    test::PorticoLocalFixture other;
    QVERIFY2(other.start(), qPrintable(other.errorString()));
    core::StaticTokenProvider tokens(other.token());
    core::ArmClient client(&m_bed.network(), other.managementUrl(), &tokens);
    core::ArmTiming timing;
    timing.timeScale = 0.02;
    client.setTiming(timing);
    test::ArmCalls arm(&client);
    const auto created = arm.createSampleService(u"doomed"_qs);
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().toString()));

    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setService(&client, *created);
    QVERIFY(test::loadTable(model));
    const int rows = model.rowCount();
    QVERIFY(rows >= 3);

    other.stop();
    QSignalSpy states(&model, &Model::stateChanged);
    QVERIFY(test::loadTable(model));
    QCOMPARE(model.state(), LoadState::Failed);
    QCOMPARE(model.error().kind, core::Error::Kind::Network);
    QVERIFY(!model.error().message.isEmpty());
    QCOMPARE(model.rowCount(), rows); // the last good rows stay, marked by the Failed state
    QCOMPARE(states.size(), 2);       // Loading, Failed

    // Another service is never shown with this one's rows, even while it loads.
    model.setService(m_bed.client(), m_bed.serviceId());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.state(), LoadState::NotLoaded);
    QVERIFY(test::loadTable(model));
    QCOMPARE(model.state(), LoadState::Loaded);
    QVERIFY(model.rowOf(m_bed.serviceId() + u"/products/gold"_qs) >= 0);

    // The connection closed while a load is in flight: the load ends, once, with an error.
    auto closing = std::make_unique<core::ArmClient>(&m_bed.network(), m_bed.local().managementUrl(), m_bed.tokens());
    model.setService(closing.get(), m_bed.serviceId());
    QSignalSpy loaded(&model, &Model::loaded);
    model.refresh();
    QCOMPARE(model.state(), LoadState::Loading);
    closing.reset();
    QCOMPARE(model.state(), LoadState::Failed);
    QCOMPARE(model.error().kind, core::Error::Kind::Unavailable);
    QCOMPARE(loaded.size(), 1);
    QTest::qWait(100);
    QCOMPARE(loaded.size(), 1);
}

QTEST_GUILESS_MAIN(tst_ProductTableModel)
#include "tst_producttablemodel.moc"
