// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Copy on a masked key: the clipboard gets the key marked as a secret for clipboard managers
// (x-kde-passwordManagerHint: secret, so no history entry on disk), and Portico takes it off the
// clipboard again after a while, unless the user has copied something else meanwhile. The Copy
// button says so.

#include "ui/common/maskedkeyfield.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace portico;
using namespace std::chrono_literals;

namespace {

constexpr auto kKey = "3f1c9a2b7d4e4f6a8b0c1d2e3f4a5b6c";

} // namespace

class tst_MaskedKeyField : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void copyMarksTheKeyAsASecretForClipboardManagers();
    void copiedKeyIsClearedFromTheClipboardAfterTheDelay();
    void somethingCopiedMeanwhileIsNotCleared();
    void copyButtonSaysTheClipboardIsCleared();
    void ctrlCOnTheRevealedKeyMarksItAsASecretAndClearsIt();
    void contextMenuCopyOnTheRevealedKeyMarksItAsASecret();
    void ctrlXOnAHiddenEditableKeyRemovesItWithoutCopying();

private:
    QClipboard *clipboard() const { return QGuiApplication::clipboard(); }
    void copy(ui::MaskedKeyField &field);
};

void tst_MaskedKeyField::init()
{
    clipboard()->clear();
}

void tst_MaskedKeyField::copy(ui::MaskedKeyField &field)
{
    QSignalSpy copied(&field, &ui::MaskedKeyField::copied);
    QTest::mouseClick(field.findChild<QToolButton *>(u"keyCopyToolButton"_qs), Qt::LeftButton);
    QCOMPARE(copied.size(), 1);
}

void tst_MaskedKeyField::copyMarksTheKeyAsASecretForClipboardManagers()
{
    ui::MaskedKeyField field(u"key"_qs);
    field.setSecret(QString::fromLatin1(kKey));
    field.show();
    copy(field);
    const QMimeData *mime = clipboard()->mimeData();
    QVERIFY(mime);
    QCOMPARE(mime->text(), QString::fromLatin1(kKey));
    QVERIFY2(mime->hasFormat(u"x-kde-passwordManagerHint"_qs), qPrintable(mime->formats().join(u", "_qs)));
    QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_qs), QByteArrayLiteral("secret"));
    QCOMPARE(field.clipboardClearDelay(), 45s); // the default
}

void tst_MaskedKeyField::copiedKeyIsClearedFromTheClipboardAfterTheDelay()
{
    ui::MaskedKeyField field(u"key"_qs);
    field.setClipboardClearDelay(300ms);
    field.setSecret(QString::fromLatin1(kKey));
    field.show();
    copy(field);
    QCOMPARE(clipboard()->text(), QString::fromLatin1(kKey));
    QTRY_VERIFY_WITH_TIMEOUT(clipboard()->text().isEmpty(), 5000);
    QCOMPARE(field.secret(), QString::fromLatin1(kKey)); // only the clipboard forgets it
}

void tst_MaskedKeyField::somethingCopiedMeanwhileIsNotCleared()
{
    ui::MaskedKeyField field(u"key"_qs);
    field.setClipboardClearDelay(300ms);
    field.setSecret(QString::fromLatin1(kKey));
    field.show();
    copy(field);
    clipboard()->setText(u"the user's own text"_qs);
    QTest::qWait(800);
    QCOMPARE(clipboard()->text(), u"the user's own text"_qs);

    // Closing the field does not stop the clearing of a key copied from it.
    auto *closed = new ui::MaskedKeyField(u"key"_qs);
    closed->setClipboardClearDelay(300ms);
    closed->setSecret(QString::fromLatin1(kKey));
    closed->show();
    copy(*closed);
    delete closed;
    QCOMPARE(clipboard()->text(), QString::fromLatin1(kKey));
    QTRY_VERIFY_WITH_TIMEOUT(clipboard()->text().isEmpty(), 5000);
}

void tst_MaskedKeyField::copyButtonSaysTheClipboardIsCleared()
{
    ui::MaskedKeyField field(u"key"_qs);
    auto *button = field.findChild<QToolButton *>(u"keyCopyToolButton"_qs);
    QCOMPARE(button->toolTip(),
             u"Copy the key to the clipboard. Portico clears it from the clipboard after 45 second(s)."_qs);
    field.setClipboardClearDelay(1s);
    QCOMPARE(button->toolTip(),
             u"Copy the key to the clipboard. Portico clears it from the clipboard after 1 second(s)."_qs);
}

// Once revealed, the key can be selected in the line edit; its own Ctrl+C used to put it on the
// clipboard as plain text: no secret hint, never cleared.
void tst_MaskedKeyField::ctrlCOnTheRevealedKeyMarksItAsASecretAndClearsIt()
{
    ui::MaskedKeyField field(u"key"_qs);
    field.setClipboardClearDelay(300ms);
    field.setSecret(QString::fromLatin1(kKey));
    field.show();
    QVERIFY(QTest::qWaitForWindowExposed(&field));
    QTest::mouseClick(field.findChild<QToolButton *>(u"keyRevealToolButton"_qs), Qt::LeftButton);
    QVERIFY(field.isRevealed());
    QLineEdit *edit = field.lineEdit();
    edit->setFocus();
    edit->selectAll();
    QTest::keySequence(edit, QKeySequence::Copy);
    const QMimeData *mime = clipboard()->mimeData();
    QVERIFY(mime);
    QCOMPARE(mime->text(), QString::fromLatin1(kKey));
    QVERIFY2(mime->hasFormat(u"x-kde-passwordManagerHint"_qs), qPrintable(mime->formats().join(u", "_qs)));
    QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_qs), QByteArrayLiteral("secret"));
    QTRY_VERIFY_WITH_TIMEOUT(clipboard()->text().isEmpty(), 5000);
}

void tst_MaskedKeyField::contextMenuCopyOnTheRevealedKeyMarksItAsASecret()
{
    ui::MaskedKeyField field(u"key"_qs);
    field.setSecret(QString::fromLatin1(kKey));
    field.show();
    QVERIFY(QTest::qWaitForWindowExposed(&field));
    field.setRevealed(true);
    QLineEdit *edit = field.lineEdit();
    edit->selectAll();
    // The menu may run modally (QLineEdit's own) or not: choose Copy from it either way.
    bool chosen = false;
    QString problem;
    QTimer::singleShot(0, &field, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QAction *copyAction = nullptr;
        for (QAction *action : menu ? menu->actions() : QList<QAction *>()) {
            if (action->text().startsWith(u"&Copy"_qs))
                copyAction = action;
        }
        if (!copyAction || !copyAction->isEnabled())
            problem = u"no enabled Copy in the context menu"_qs;
        else
            copyAction->trigger();
        if (menu)
            menu->close();
        chosen = true;
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(5, 5), edit->mapToGlobal(QPoint(5, 5)));
    QApplication::sendEvent(edit, &event);
    QTRY_VERIFY(chosen);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QMimeData *mime = clipboard()->mimeData();
    QVERIFY(mime);
    QCOMPARE(mime->text(), QString::fromLatin1(kKey));
    QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_qs), QByteArrayLiteral("secret"));
}

QTEST_MAIN(tst_MaskedKeyField)
// Cut on a hidden key that the user may edit removes the selection, as QLineEdit's own Cut does
// in password mode, and puts nothing on the clipboard.
void tst_MaskedKeyField::ctrlXOnAHiddenEditableKeyRemovesItWithoutCopying()
{
    ui::MaskedKeyField field(u"key"_qs);
    field.setEditable(true);
    field.setSecret(QString::fromLatin1(kKey));
    field.show();
    QVERIFY(QTest::qWaitForWindowExposed(&field));
    QVERIFY(!field.isRevealed());
    QSignalSpy edited(&field, &ui::MaskedKeyField::secretEdited);
    QLineEdit *edit = field.lineEdit();
    edit->setFocus();
    edit->selectAll();
    QTest::keySequence(edit, QKeySequence::Cut);
    QVERIFY(field.secret().isEmpty());
    QVERIFY(!edited.isEmpty());
    QVERIFY(clipboard()->text().isEmpty());
}

#include "tst_maskedkeyfield.moc"
