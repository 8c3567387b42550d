// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/shell/mainwindow.h"

#include "core/secrets/secretstore.h"
#include "core/settings/settings.h"
#include "ui/common/bannerwidget.h"
#include "ui/common/decisions.h"
#include "ui/common/operationtracker.h"
#include "ui/shell/aboutdialog.h"
#include "ui/shell/statusoperationswidget.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

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

    m_operations = new OperationTracker(this);

    m_panels = new QStackedWidget(this);
    m_panels->setObjectName(u"panelsStackedWidget"_qs);
    m_pages[0] = makeModePage(u"publisherPageLabel"_qs,
                              tr("Publisher: manage service instances, APIs, products, "
                                 "subscriptions and policies."),
                              m_panels);
    m_pages[1] = makeModePage(u"developerPageLabel"_qs,
                              tr("Developer: browse the API catalog, try operations and "
                                 "run batch jobs."),
                              m_panels);
    m_panels->addWidget(m_pages[0]);
    m_panels->addWidget(m_pages[1]);

    m_banner = new BannerWidget(this);
    m_banner->setObjectName(u"connectionBannerWidget"_qs);
    connect(m_banner, &BannerWidget::retryRequested, this, &MainWindow::retryRequested);
    m_keychainBanner = new BannerWidget(this);
    m_keychainBanner->setObjectName(u"keychainBannerWidget"_qs);
    m_keychainBanner->setDismissible(false);

    auto *central = new QWidget(this);
    central->setObjectName(u"centralWidget"_qs);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_keychainBanner);
    centralLayout->addWidget(m_banner);
    centralLayout->addWidget(m_panels, 1);
    setCentralWidget(central);

    m_navigation = new QTreeView(this);
    m_navigation->setObjectName(u"navigationTreeView"_qs);
    m_navigation->setHeaderHidden(true);
    m_navigation->setUniformRowHeights(true);
    m_navigation->setAccessibleName(tr("Navigation"));
    m_navigationDock = new QDockWidget(tr("Navigation"), this);
    m_navigationDock->setObjectName(u"navigationDockWidget"_qs);
    m_navigationDock->setWidget(m_navigation);
    m_navigationDock->setFeatures(QDockWidget::DockWidgetMovable
                                  | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, m_navigationDock);

    m_environmentStatus = new QLabel(tr("No environment connected"), this);
    m_environmentStatus->setObjectName(u"environmentStatusLabel"_qs);
    m_operationsWidget = new StatusOperationsWidget(m_operations, this);
    statusBar()->addWidget(m_operationsWidget, 1);
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

    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setObjectName(u"refreshAction"_qs);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshRequested);

    m_focusAction = new QAction(tr("Switch between &navigation and panel"), this);
    m_focusAction->setObjectName(u"cycleFocusAction"_qs);
    m_focusAction->setShortcut(QKeySequence(Qt::Key_F6));
    connect(m_focusAction, &QAction::triggered, this, &MainWindow::cycleFocus);

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
    viewMenu->addSeparator();
    QAction *navigationToggle = m_navigationDock->toggleViewAction();
    navigationToggle->setObjectName(u"navigationToggleAction"_qs);
    navigationToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    viewMenu->addAction(navigationToggle);
    viewMenu->addAction(m_focusAction);
    viewMenu->addAction(m_refreshAction);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(u"helpMenu"_qs);
    helpMenu->addAction(m_aboutAction);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::setModePage(Mode mode, QWidget *page)
{
    const int index = mode == Mode::Publisher ? 0 : 1;
    QWidget *old = m_pages[index];
    m_panels->insertWidget(index, page);
    m_pages[index] = page;
    if (old) {
        m_panels->removeWidget(old);
        old->deleteLater();
    }
    m_panels->setCurrentIndex(m_mode == Mode::Publisher ? 0 : 1);
}

QWidget *MainWindow::modePage(Mode mode) const
{
    return m_pages[mode == Mode::Publisher ? 0 : 1];
}

void MainWindow::setNavigationModel(QAbstractItemModel *model)
{
    m_navigation->setModel(model);
}

void MainWindow::addBanner(QWidget *banner)
{
    auto *layout = qobject_cast<QVBoxLayout *>(centralWidget()->layout());
    layout->insertWidget(layout->indexOf(m_banner) + 1, banner);
}

void MainWindow::setSecretStore(core::SecretStore *store)
{
    if (m_secretStore)
        disconnect(m_secretStore, nullptr, this, nullptr);
    m_secretStore = store;
    if (store)
        connect(store, &core::SecretStore::backendChanged, this, &MainWindow::showSecretStoreBackend);
    showSecretStoreBackend();
}

void MainWindow::showSecretStoreBackend()
{
    if (!m_secretStore || m_secretStore->backend() != core::SecretStore::Backend::SessionOnly) {
        m_keychainBanner->clear();
        return;
    }
    m_keychainBanner->showMessage(
        BannerWidget::Kind::Warning,
        tr("No keychain is available: sign-ins and keys are kept only until Portico quits. To keep "
           "them, start your desktop's keychain service (for example GNOME Keyring or KWallet, "
           "usually by logging in to a desktop session); Portico tries it again each time it keeps "
           "a sign-in or key."));
}

void MainWindow::setEnvironmentStatus(const QString &text)
{
    m_environmentStatus->setText(text);
}

void MainWindow::showConnectionProblem(const QString &text)
{
    m_banner->showMessage(BannerWidget::Kind::Error, text, true);
}

void MainWindow::clearConnectionProblem()
{
    m_banner->clear();
}

void MainWindow::cycleFocus()
{
    QWidget *focus = QApplication::focusWidget();
    const bool inNavigation = focus && (focus == m_navigation || m_navigation->isAncestorOf(focus));
    if (inNavigation || !m_navigationDock->isVisible()) {
        QWidget *page = m_panels->currentWidget();
        page->setFocus(Qt::OtherFocusReason);
        if (!page->hasFocus() && page->focusProxy() == nullptr)
            page->nextInFocusChain()->setFocus(Qt::TabFocusReason);
    } else {
        m_navigation->setFocus(Qt::ShortcutFocusReason);
    }
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
    const int unsaved = m_unsavedEdits && !m_discardConfirmed ? m_unsavedEdits() : 0;
    if (unsaved > 0) {
        event->ignore();
        decisions::confirm(this, tr("Unsaved edits"),
                           tr("Editors with unsaved edits: %1. Quit and discard those edits?").arg(unsaved),
                           tr("&Discard and quit"), [this](bool discard) {
                               if (!discard)
                                   return;
                               m_discardConfirmed = true;
                               close();
                           });
        return;
    }
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
