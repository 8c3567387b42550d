// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/settings/settings.h"
#include "tests/support/tempdir.h"
#include "ui/shell/aboutdialog.h"
#include "ui/shell/language.h"
#include "ui/shell/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
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

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
