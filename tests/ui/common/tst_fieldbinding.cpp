// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Field bindings between editor widgets and a StagedDocument: loading a record never stages
// what a spin box echoes back (so a just-selected item is never Modified), a field the record
// lacks shows as its special value, and a combo box shows the entry of its value,
// matching ids that differ only in case, or no entry at all, never the previous item's.

#include "ui/common/fieldbinding.h"
#include "ui/common/stageddocument.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

using namespace portico;

class tst_FieldBinding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadingARecordWithoutTheSpinBoxFieldStagesNothing();
    void loadingAValueBeyondTheSpinBoxRangeStagesNothing();
    void userEditsAreStillStaged();
    void comboBoxShowsNoEntryForAValueItDoesNotHave();
    void comboBoxMatchesIdsThatDifferInCase();
};

void tst_FieldBinding::loadingARecordWithoutTheSpinBoxFieldStagesNothing()
{
    ui::StagedDocument doc;
    QSpinBox spin;
    spin.setRange(0, 100);
    spin.setSpecialValueText(u"Unlimited"_qs);
    ui::fieldbinding::bind(&doc, u"limit"_qs, &spin);
    doc.load({ { u"name"_qs, u"starter"_qs }, { u"limit"_qs, 5 } });
    QCOMPARE(spin.value(), 5);
    doc.load({ { u"name"_qs, u"open"_qs } }); // no limit
    QCOMPARE(spin.text(), u"Unlimited"_qs);
    QVERIFY(!doc.isDirty());
    QCOMPARE(doc.undoStack()->count(), 0);
    doc.load({ { u"name"_qs, u"starter"_qs }, { u"limit"_qs, 5 } });
    doc.load({ { u"name"_qs, u"null"_qs }, { u"limit"_qs, QVariant::fromValue(nullptr) } });
    QCOMPARE(spin.text(), u"Unlimited"_qs);
    QVERIFY(!doc.isDirty());
}

void tst_FieldBinding::loadingAValueBeyondTheSpinBoxRangeStagesNothing()
{
    ui::StagedDocument doc;
    QSpinBox spin;
    spin.setRange(0, 100);
    ui::fieldbinding::bind(&doc, u"limit"_qs, &spin);
    doc.load({ { u"limit"_qs, 5000 } });
    QCOMPARE(spin.value(), 100); // as near as it can show
    QVERIFY(!doc.isDirty());
    QCOMPARE(doc.value(u"limit"_qs).toInt(), 5000); // saved back as it was unless the user edits it
}

void tst_FieldBinding::userEditsAreStillStaged()
{
    ui::StagedDocument doc;
    QSpinBox spin;
    spin.setRange(0, 100);
    QComboBox combo;
    combo.setEditable(true);
    combo.addItems({ u"GET"_qs, u"POST"_qs });
    QPlainTextEdit text;
    ui::fieldbinding::bind(&doc, u"limit"_qs, &spin);
    ui::fieldbinding::bind(&doc, u"method"_qs, &combo);
    ui::fieldbinding::bind(&doc, u"description"_qs, &text);
    doc.load({ { u"limit"_qs, 5 }, { u"method"_qs, u"GET"_qs }, { u"description"_qs, u"old"_qs } });
    spin.stepUp();
    QCOMPARE(doc.value(u"limit"_qs).toInt(), 6);
    combo.lineEdit()->selectAll();
    QTest::keyClicks(combo.lineEdit(), u"PUT"_qs);
    QCOMPARE(doc.value(u"method"_qs).toString(), u"PUT"_qs);
    text.selectAll();
    QTest::keyClicks(&text, u"new"_qs);
    QCOMPARE(doc.value(u"description"_qs).toString(), u"new"_qs);
    QVERIFY(doc.isDirty());
    doc.revert();
    QCOMPARE(spin.value(), 5);
    QCOMPARE(combo.currentText(), u"GET"_qs);
    QCOMPARE(text.toPlainText(), u"old"_qs);
    QVERIFY(!doc.isDirty());
}

void tst_FieldBinding::comboBoxShowsNoEntryForAValueItDoesNotHave()
{
    ui::StagedDocument doc;
    QComboBox combo;
    combo.addItem(u"All APIs"_qs, u"/apis"_qs);
    combo.addItem(u"Product: Starter"_qs, u"/products/starter"_qs);
    ui::fieldbinding::bind(&doc, u"scope"_qs, &combo);
    doc.load({ { u"scope"_qs, u"/products/starter"_qs } });
    QCOMPARE(combo.currentIndex(), 1);
    doc.load({ { u"scope"_qs, u"/products/gone"_qs } });
    QCOMPARE(combo.currentIndex(), -1); // not Starter, the previous item's scope
    QVERIFY(!doc.isDirty());
}

void tst_FieldBinding::comboBoxMatchesIdsThatDifferInCase()
{
    ui::StagedDocument doc;
    QComboBox combo;
    combo.addItem(u"All APIs"_qs, u"/apis"_qs);
    combo.addItem(u"Product: Starter"_qs, u"/products/starter"_qs);
    ui::fieldbinding::bind(&doc, u"scope"_qs, &combo);
    doc.load({ { u"scope"_qs, u"/Products/Starter"_qs } });
    QCOMPARE(combo.currentIndex(), 1);
    QVERIFY(!doc.isDirty());
    // Entries that arrive after the value select it the same way.
    QComboBox later;
    later.addItem(u"All APIs"_qs, u"/apis"_qs);
    later.addItem(u"Product: Starter"_qs, u"/products/STARTER"_qs);
    ui::fieldbinding::selectComboValue(&later, doc.value(u"scope"_qs));
    QCOMPARE(later.currentIndex(), 1);
}

QTEST_MAIN(tst_FieldBinding)
#include "tst_fieldbinding.moc"
