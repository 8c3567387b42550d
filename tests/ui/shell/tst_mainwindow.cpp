// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/settings/settings.h"
#include "tests/support/tempdir.h"
#include "ui/common/bannerwidget.h"
#include "ui/common/decisions.h"
#include "ui/common/operationtracker.h"
#include "ui/shell/aboutdialog.h"
#include "ui/shell/language.h"
#include "ui/shell/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTreeView>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace portico;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void aboutBoxShowsTheVersion();
    void modeShortcutsSwitchThePortal();
    void layoutAndModeAreRemembered();
    void dutchTranslationIsShipped();
    void modePagesCanBeReplaced();
    void connectionLossShowsBannerWithRetry();
    void quittingWithUnsavedEditsAsksFirst();
    void statusBarShowsOperationsInFlight();
    void f6MovesFocusBetweenNavigationAndPanel();
};

void tst_MainWindow::aboutBoxShowsTheVersion()
{
    test::TempDir dir;
    core::Settings settings(dir.filePath(u"p.ini"_qs));
    ui::MainWindow window(settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *about = window.findChild<QAction *>(u"aboutAction"_qs);
    QVERIFY(about);
    about->trigger();
    auto *dialog = window.findChild<ui::AboutDialog *>(u"aboutDialog"_qs);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    const auto *version = dialog->findChild<QLabel *>(u"versionLabel"_qs);
    QVERIFY(version);
    QVERIFY2(version->text().contains(QStringLiteral(PORTICO_VERSION_STRING)),
             qPrintable(version->text()));
    QVERIFY(!QStringLiteral(PORTICO_VERSION_STRING).isEmpty());
    dialog->reject();
}

void tst_MainWindow::modeShortcutsSwitchThePortal()
{
    test::TempDir dir;
    core::Settings settings(dir.filePath(u"p.ini"_qs));
    ui::MainWindow window(settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *panels = window.findChild<QStackedWidget *>(u"panelsStackedWidget"_qs);
    QCOMPARE(window.mode(), ui::MainWindow::Mode::Publisher);

    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window.mode(), ui::MainWindow::Mode::Developer);
    QCOMPARE(panels->currentWidget()->objectName(), u"developerPageLabel"_qs);

    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window.mode(), ui::MainWindow::Mode::Publisher);
    QCOMPARE(panels->currentWidget()->objectName(), u"publisherPageLabel"_qs);
}

void tst_MainWindow::layoutAndModeAreRemembered()
{
    test::TempDir dir;
    const QString ini = dir.filePath(u"p.ini"_qs);
    {
        core::Settings settings(ini);
        ui::MainWindow window(settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 640);
        window.setMode(ui::MainWindow::Mode::Developer);
        window.close();
    }
    core::Settings settings(ini);
    ui::MainWindow window(settings);
    QCOMPARE(window.mode(), ui::MainWindow::Mode::Developer);
    QCOMPARE(window.size(), QSize(900, 640));
}

void tst_MainWindow::dutchTranslationIsShipped()
{
    QVERIFY(ui::installTranslations(*qApp, u"nl"_qs));
    test::TempDir dir;
    core::Settings settings(dir.filePath(u"p.ini"_qs));
    ui::MainWindow window(settings);
    QCOMPARE(window.findChild<QMenu *>(u"fileMenu"_qs)->title(), u"&Bestand"_qs);
    QCOMPARE(window.findChild<QAction *>(u"quitAction"_qs)->text(), u"&Afsluiten"_qs);
    for (QTranslator *translator : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(translator);
}

void tst_MainWindow::modePagesCanBeReplaced()
{
    test::TempDir dir;
    core::Settings settings(dir.filePath(u"p.ini"_qs));
    ui::MainWindow window(settings);
    auto *panels = window.findChild<QStackedWidget *>(u"panelsStackedWidget"_qs);
    auto *page = new QLabel(u"developer workspace"_qs);
    page->setObjectName(u"developerWorkspace"_qs);
    window.setModePage(ui::MainWindow::Mode::Developer, page);
    QCOMPARE(window.modePage(ui::MainWindow::Mode::Developer), page);
    QCOMPARE(panels->count(), 2);
    window.setMode(ui::MainWindow::Mode::Developer);
    QCOMPARE(panels->currentWidget(), page);
    window.setMode(ui::MainWindow::Mode::Publisher);
    QCOMPARE(panels->currentWidget()->objectName(), u"publisherPageLabel"_qs);
}

void tst_MainWindow::connectionLossShowsBannerWithRetry()
{
    test::TempDir dir;
    core::Settings settings(dir.filePath(u"p.ini"_qs));
    ui::MainWindow window(settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *banner = window.findChild<ui::BannerWidget *>(u"connectionBannerWidget"_qs);
    QVERIFY(banner && !banner->isVisible());
    QSignalSpy retry(&window, &ui::MainWindow::retryRequested);
    window.showConnectionProblem(u"portico-local is not answering"_qs);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), u"portico-local is not answering"_qs);
    auto *button = banner->findChild<QPushButton *>(u"bannerRetryPushButton"_qs);
    QVERIFY(button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(retry.count(), 1);
}

void tst_MainWindow::quittingWithUnsavedEditsAsksFirst()
{
    test::TempDir dir;
    core::Settings settings(dir.filePath(u"p.ini"_qs));
    ui::MainWindow window(settings);
    int unsaved = 2;
    window.setUnsavedEditsCheck([&unsaved] { return unsaved; });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *quit = window.findChild<QAction *>(u"quitAction"_qs);

    ui::decisions::preAnswer(false); // "Unsaved edits … Quit and discard them?" → stay
    quit->trigger();
    QCOMPARE(ui::decisions::pendingPreAnswers(), 0); // it asked
    QVERIFY(window.isVisible());

    ui::decisions::preAnswer(true); // → discard and quit
    quit->trigger();
    QCOMPARE(ui::decisions::pendingPreAnswers(), 0);
    QTRY_VERIFY(!window.isVisible());

    // Nothing unsaved: it closes without a question.
    unsaved = 0;
    ui::MainWindow other(settings);
    other.setUnsavedEditsCheck([&unsaved] { return unsaved; });
    other.show();
    QVERIFY(QTest::qWaitForWindowExposed(&other));
    other.findChild<QAction *>(u"quitAction"_qs)->trigger(); // a question would keep it open
    QVERIFY(!other.isVisible());
    QVERIFY(!other.findChild<QWidget *>(u"decisionMessageBox"_qs));
}

void tst_MainWindow::statusBarShowsOperationsInFlight()
{
    test::TempDir dir;
    core::Settings settings(dir.filePath(u"p.ini"_qs));
    ui::MainWindow window(settings);
    window.show();
    auto *label = window.statusBar()->findChild<QLabel *>(u"operationsLabel"_qs);
    QVERIFY(label);
    const int id = window.operations()->begin(u"Creating demoazureml"_qs);
    QCOMPARE(label->text(), u"Creating demoazureml"_qs);
    window.operations()->progress(id, u"Activating"_qs);
    QCOMPARE(label->text(), u"Creating demoazureml: Activating"_qs);
    const int other = window.operations()->begin(u"Deleting old"_qs);
    QVERIFY(label->text().contains(u"Operations in progress: 2"_qs));
    window.operations()->end(other, true, u"old deleted"_qs);
    window.operations()->end(id, true, u"demoazureml is ready"_qs);
    QCOMPARE(label->text(), u"demoazureml is ready"_qs);
    window.setEnvironmentStatus(u"portico-local: connected"_qs);
    QCOMPARE(window.findChild<QLabel *>(u"environmentStatusLabel"_qs)->text(),
             u"portico-local: connected"_qs);
}

void tst_MainWindow::f6MovesFocusBetweenNavigationAndPanel()
{
    test::TempDir dir;
    core::Settings settings(dir.filePath(u"p.ini"_qs));
    ui::MainWindow window(settings);
    QStandardItemModel model;
    model.appendRow(new QStandardItem(u"portico-local"_qs));
    window.setNavigationModel(&model);
    auto *page = new QWidget;
    auto *field = new QPushButton(u"field"_qs, page);
    page->setFocusProxy(field);
    window.setModePage(ui::MainWindow::Mode::Publisher, page);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *tree = window.findChild<QTreeView *>(u"navigationTreeView"_qs);
    tree->setFocus();
    QTRY_VERIFY(tree->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTRY_VERIFY(field->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTRY_VERIFY(tree->hasFocus());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
