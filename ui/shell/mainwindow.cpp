// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/shell/mainwindow.h"

#include "core/settings/settings.h"
#include "ui/shell/aboutdialog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>

namespace portico::ui {

namespace {

QWidget *makeModePage(const QString &objectName, const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    return label;
}

} // namespace

MainWindow::MainWindow(core::Settings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
{
    setObjectName(u"mainWindow"_qs);
    setWindowTitle(tr("Portico"));
    setWindowIcon(QIcon(u":/portico/icons/portico.svg"_qs));

    m_panels = new QStackedWidget(this);
    m_panels->setObjectName(u"panelsStackedWidget"_qs);
    m_panels->addWidget(makeModePage(u"publisherPageLabel"_qs,
                                     tr("Publisher: manage service instances, APIs, products, "
                                        "subscriptions and policies."),
                                     m_panels));
    m_panels->addWidget(makeModePage(u"developerPageLabel"_qs,
                                     tr("Developer: browse the API catalog, try operations and "
                                        "run batch jobs."),
                                     m_panels));
    setCentralWidget(m_panels);

    m_environmentStatus = new QLabel(tr("No environment connected"), this);
    m_environmentStatus->setObjectName(u"environmentStatusLabel"_qs);
    statusBar()->addPermanentWidget(m_environmentStatus);

    createActions();
    createMenus();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(u"quitAction"_qs);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_modeGroup = new QActionGroup(this);
    m_modeGroup->setExclusive(true);
    m_publisherAction = new QAction(tr("&Publisher"), m_modeGroup);
    m_publisherAction->setObjectName(u"publisherModeAction"_qs);
    m_publisherAction->setCheckable(true);
    m_publisherAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_publisherAction->setStatusTip(tr("Manage APIs as their publisher"));
    m_developerAction = new QAction(tr("&Developer"), m_modeGroup);
    m_developerAction->setObjectName(u"developerModeAction"_qs);
    m_developerAction->setCheckable(true);
    m_developerAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_developerAction->setStatusTip(tr("Browse and try APIs as a developer"));
    connect(m_publisherAction, &QAction::triggered, this, [this] { setMode(Mode::Publisher); });
    connect(m_developerAction, &QAction::triggered, this, [this] { setMode(Mode::Developer); });

    m_aboutAction = new QAction(tr("&About Portico"), this);
    m_aboutAction->setObjectName(u"aboutAction"_qs);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(u"fileMenu"_qs);
    fileMenu->addAction(m_quitAction);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(u"viewMenu"_qs);
    viewMenu->addAction(m_publisherAction);
    viewMenu->addAction(m_developerAction);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(u"helpMenu"_qs);
    helpMenu->addAction(m_aboutAction);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::setMode(Mode mode)
{
    m_mode = mode;
    m_panels->setCurrentIndex(mode == Mode::Publisher ? 0 : 1);
    (mode == Mode::Publisher ? m_publisherAction : m_developerAction)->setChecked(true);
    Q_EMIT modeChanged(mode);
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = m_settings.value(core::settingkeys::mainWindowGeometry);
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1200, 800);
    restoreState(m_settings.value(core::settingkeys::mainWindowState));
    setMode(m_settings.value(core::settingkeys::mode) == u"developer"_qs ? Mode::Developer
                                                                       : Mode::Publisher);
}

void MainWindow::saveLayout()
{
    // Layout keys are plain settings; a refusal here would be a programming error.
    (void)m_settings.setValue(core::settingkeys::mainWindowGeometry, saveGeometry());
    (void)m_settings.setValue(core::settingkeys::mainWindowState, saveState());
    (void)m_settings.setValue(core::settingkeys::mode,
                              m_mode == Mode::Developer ? u"developer"_qs : u"publisher"_qs);
    (void)m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace portico::ui
