// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The top-level outline the Tree shows while a big body parses: keys, scalars and placeholders
// exactly as the full parse will have them, reported once the first key is known, nothing for
// text that is not JSON, and no expanding of placeholders in the model.

#include "ui/developer/jsonoutline.h"
#include "ui/developer/jsonparse.h"
#include "ui/developer/jsontreemodel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace portico::ui;

class tst_JsonOutline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outlineMatchesTheTopLevel_data();
    void outlineMatchesTheTopLevel();
    void firstKeyIsReportedBeforeItsValueIsRead();
    void notJsonGivesNoOutline();
    void modelShowsPlaceholdersThatDoNotExpand();
};

void tst_JsonOutline::outlineMatchesTheTopLevel_data()
{
    QTest::addColumn<QByteArray>("text");
    // Compact JSON of the outline, numbers as the full parse keeps them (parseJson).
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("object") << QByteArray(R"({"a": 1, "b": "two", "c": {"x": [1, 2]}, "d": [3], "e": null, "f": true})")
                            << QByteArray(R"({"a":1,"b":"two","c":{},"d":[],"e":null,"f":true})");
    QTest::newRow("array") << QByteArray(R"([ {"k": "}"}, [1, [2]], "s", -1.5e3 ])")
                           << QByteArray(R"([{},[],"s",-1.5e3])");
    QTest::newRow("escapes") << QByteArray(R"({"q\"uote": "a\\", "n": {"s": "\"}]"}, "after": 2})")
                             << QByteArray(R"({"after":2,"n":{},"q\"uote":"a\\"})");
    QTest::newRow("bom and spaces") << QByteArray("\xEF\xBB\xBF \n {\"k\" : [ ] }\n")
                                    << QByteArray(R"({"k":[]})");
    QTest::newRow("empty") << QByteArray("{}") << QByteArray("{}");
}

void tst_JsonOutline::outlineMatchesTheTopLevel()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    QJsonDocument last;
    scanJsonOutline(text, [&last](const QJsonDocument &outline) { last = outline; });
    const QJsonValue root = last.isArray() ? QJsonValue(last.array()) : QJsonValue(last.object());
    QCOMPARE(jsonCompactText(root), QString::fromUtf8(expected));
}

void tst_JsonOutline::firstKeyIsReportedBeforeItsValueIsRead()
{
    // A value that never ends: the key still shows.
    QList<QJsonDocument> reports;
    scanJsonOutline(R"({"Results": {"output1": [1, 2, 3, )", [&reports](const QJsonDocument &o) { reports << o; });
    QCOMPARE(reports.size(), 1);
    QVERIFY(reports.first().object().value(u"Results"_qs).isObject());
    // Only maxEntries items of a long array.
    QByteArray array = "[";
    for (int i = 0; i < 50; ++i)
        array += QByteArray::number(i) + ',';
    array += "50]";
    QJsonDocument last;
    scanJsonOutline(array, [&last](const QJsonDocument &o) { last = o; }, 10);
    QCOMPARE(last.array().size(), 10);
}

void tst_JsonOutline::notJsonGivesNoOutline()
{
    int reports = 0;
    for (const char *text : { "", "   ", "\"just a string\"", "42", "<html>" })
        scanJsonOutline(text, [&reports](const QJsonDocument &) { ++reports; });
    QCOMPARE(reports, 0);
}

void tst_JsonOutline::modelShowsPlaceholdersThatDoNotExpand()
{
    JsonTreeModel model;
    QJsonDocument outline;
    scanJsonOutline(R"({"Results": {"a": 1}, "n": 5})", [&outline](const QJsonDocument &o) { outline = o; });
    model.setDocument(outline, true);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex results = model.index(0, 0);
    QCOMPARE(results.data().toString(), u"Results"_qs);
    QVERIFY(!model.hasChildren(results));
    QCOMPARE(model.rowCount(results), 0);
    QVERIFY(model.index(0, int(JsonTreeModel::Column::Value)).data().toString().contains(u"reading"_qs));
    // The whole document replaces it and expands.
    model.setDocument(QJsonDocument::fromJson(R"({"Results": {"a": 1}, "n": 5})"));
    QVERIFY(!model.isOutline());
    QVERIFY(model.hasChildren(model.index(0, 0)));
    QCOMPARE(model.rowCount(model.index(0, 0)), 1);
}

QTEST_MAIN(tst_JsonOutline)
#include "tst_jsonoutline.moc"
