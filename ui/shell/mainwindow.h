// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAbstractItemModel;
class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QStackedWidget;
class QTreeView;

namespace portico::core {
class SecretStore;
class Settings;
} // namespace portico::core

namespace portico::ui {

class BannerWidget;
class OperationTracker;
class StatusOperationsWidget;

// The shell: menus, the two portal modes, the navigation tree, the central panel area, the
// status bar (environment state, operations in flight) and the connection banner. It only
// wires panels and actions together; panels live in their own folders and are handed in.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Mode { Publisher, Developer };
    Q_ENUM(Mode)

    explicit MainWindow(core::Settings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);

    // Replaces the page shown for `mode` (the window takes ownership; the old page is deleted).
    void setModePage(Mode mode, QWidget *page);
    QWidget *modePage(Mode mode) const;

    // The tree on the left: environments → services → APIs → operations, and the rest.
    void setNavigationModel(QAbstractItemModel *model);
    QTreeView *navigationView() const { return m_navigation; }

    OperationTracker *operations() const { return m_operations; }
    // Environment state in the status bar ("portico-local: connected").
    void setEnvironmentStatus(const QString &text);
    // Connection loss or sign-in expiry: a banner above the panels with Retry. The tree is
    // never silently emptied; retryRequested() asks the owner to reconnect.
    void showConnectionProblem(const QString &text);
    void clearConnectionProblem();
    BannerWidget *connectionBanner() const { return m_banner; }
    // A further banner above the panels, below the connection banner (one per Azure
    // environment's sign-in state). The window takes ownership.
    void addBanner(QWidget *banner);
    // Where the console keeps sign-ins and keys. While `store` keeps them for this session only
    // (no keychain), a warning banner above the panels says so and how to fix it; it cannot be
    // dismissed and goes away when the keychain answers again. Null: no banner.
    void setSecretStore(core::SecretStore *store);
    BannerWidget *keychainBanner() const { return m_keychainBanner; }
    // How many editors hold unsaved edits; closing the window with any asks first (Discard and
    // quit, or stay). Unset, nothing is asked.
    void setUnsavedEditsCheck(std::function<int()> check) { m_unsavedEdits = std::move(check); }

Q_SIGNALS:
    void modeChanged(portico::ui::MainWindow::Mode mode);
    void retryRequested();
    void refreshRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void restoreLayout();
    void saveLayout();
    void showAbout();
    void cycleFocus();
    void showSecretStoreBackend();

    core::Settings &m_settings;
    Mode m_mode = Mode::Publisher;
    QStackedWidget *m_panels = nullptr;
    QWidget *m_pages[2] = { nullptr, nullptr };
    BannerWidget *m_banner = nullptr;
    BannerWidget *m_keychainBanner = nullptr;
    QPointer<core::SecretStore> m_secretStore;
    QDockWidget *m_navigationDock = nullptr;
    QTreeView *m_navigation = nullptr;
    OperationTracker *m_operations = nullptr;
    StatusOperationsWidget *m_operationsWidget = nullptr;
    QLabel *m_environmentStatus = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_publisherAction = nullptr;
    QAction *m_developerAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_focusAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QActionGroup *m_modeGroup = nullptr;
    std::function<int()> m_unsavedEdits;
    bool m_discardConfirmed = false;
};

} // namespace portico::ui
