// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "ui/developer/jsontreemodel.h"
#include "ui/developer/jsontreesearch.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace portico::ui;

class tst_JsonTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsKeysValuesAndTypes();
    void bigArraysAreGroupedIntoRanges();
    void jsonPathNamesTheItem();
    void searchFindsKeysAndValuesAndLeadsToTheItem();
};

namespace {
QJsonDocument seedResponse()
{
    return QJsonDocument::fromJson(R"({"Results":{"output1":{"type":"table","value":{
        "ColumnNames":["Col2","Col2_HashingFeature.0"],"ColumnTypes":["String","Int32"],
        "Values":[["This is a good day","1"]]}}},"odd key":{"it's":null},"n":2.5,"ok":true})");
}
} // namespace

void tst_JsonTreeModel::showsKeysValuesAndTypes()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(seedResponse());
    QCOMPARE(model.rowCount(), 4);
    // Qt keeps object keys sorted.
    QCOMPARE(model.index(0, 0).data().toString(), u"Results"_qs);
    QCOMPARE(model.index(0, 1).data().toString(), u"{…} 1 key(s)"_qs);
    QCOMPARE(model.index(0, 2).data().toString(), u"object"_qs);
    const QModelIndex n = model.index(1, 0);
    QCOMPARE(n.data().toString(), u"n"_qs);
    QCOMPARE(n.siblingAtColumn(1).data().toString(), u"2.5"_qs);
    QCOMPARE(n.siblingAtColumn(2).data().toString(), u"number"_qs);
    QVERIFY(!model.hasChildren(n));
    QCOMPARE(model.index(3, 1).data().toString(), u"true"_qs);
}

void tst_JsonTreeModel::bigArraysAreGroupedIntoRanges()
{
    QJsonArray big;
    for (int i = 0; i < 2500; ++i)
        big.append(i);
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(QJsonDocument(QJsonObject { { u"big"_qs, big } }));
    const QModelIndex bigIndex = model.index(0, 0);
    QCOMPARE(model.rowCount(bigIndex), 3); // [0 … 999], [1000 … 1999], [2000 … 2499]
    const QModelIndex lastRange = model.index(2, 0, bigIndex);
    QCOMPARE(lastRange.data().toString(), u"[2000 … 2499]"_qs);
    QCOMPARE(model.rowCount(lastRange), 500);
    const QModelIndex item = model.index(499, 0, lastRange);
    QCOMPARE(item.data().toString(), u"2499"_qs);
    QCOMPARE(item.siblingAtColumn(1).data().toString(), u"2499"_qs);
    QCOMPARE(model.jsonPath(item), u"$.big[2499]"_qs);
    QCOMPARE(model.indexForPath({ 0, 2499 }), item);
}

void tst_JsonTreeModel::jsonPathNamesTheItem()
{
    JsonTreeModel model;
    model.setDocument(seedResponse());
    const QModelIndex cell = model.indexForPath({ 0, 0, 1, 2, 0, 1 });
    QVERIFY(cell.isValid());
    QCOMPARE(cell.siblingAtColumn(1).data().toString(), u"1"_qs);
    QCOMPARE(model.jsonPath(cell), u"$.Results.output1.value.Values[0][1]"_qs);
    const QModelIndex odd = model.indexForPath({ 2, 0 });
    QCOMPARE(model.jsonPath(odd), u"$['odd key']['it\\'s']"_qs);
    QCOMPARE(odd.data(JsonTreeModel::JsonTextRole).toString(), u"null"_qs);
    QCOMPARE(model.indexForPath({ 0, 0, 1, 0 }).data(JsonTreeModel::JsonTextRole).toString(),
             u"[\"Col2\",\"Col2_HashingFeature.0\"]"_qs);
}

void tst_JsonTreeModel::searchFindsKeysAndValuesAndLeadsToTheItem()
{
    const QJsonDocument document = seedResponse();
    const auto byKey = searchJson(document.object(), u"hashingfeature"_qs, 100);
    QCOMPARE(byKey.size(), 1);
    JsonTreeModel model;
    model.setDocument(document);
    QCOMPARE(model.jsonPath(model.indexForPath(byKey.first())),
             u"$.Results.output1.value.ColumnNames[1]"_qs);
    const auto byValue = searchJson(document.object(), u"GOOD DAY"_qs, 100);
    QCOMPARE(byValue.size(), 1);
    QCOMPARE(model.jsonPath(model.indexForPath(byValue.first())),
             u"$.Results.output1.value.Values[0][0]"_qs);
    QCOMPARE(searchJson(document.object(), u"table"_qs, 1).size(), 1); // limit honoured
    QVERIFY(searchJson(document.object(), u"absent"_qs, 100).isEmpty());
}

QTEST_GUILESS_MAIN(tst_JsonTreeModel)
#include "tst_jsontreemodel.moc"
