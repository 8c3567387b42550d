// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMainWindow>

class QAction;
class QActionGroup;
class QLabel;
class QStackedWidget;

namespace portico::core {
class Settings;
}

namespace portico::ui {

// The shell: menus, the two portal modes, the status bar and the central panel area. It only
// wires panels and actions together; panels live in their own folders.
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

Q_SIGNALS:
    void modeChanged(portico::ui::MainWindow::Mode mode);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void restoreLayout();
    void saveLayout();
    void showAbout();

    core::Settings &m_settings;
    Mode m_mode = Mode::Publisher;
    QStackedWidget *m_panels = nullptr;
    QLabel *m_environmentStatus = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_publisherAction = nullptr;
    QAction *m_developerAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QActionGroup *m_modeGroup = nullptr;
};

} // namespace portico::ui
