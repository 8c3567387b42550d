// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace portico::ui {

class OperationTracker;

// Status-bar view of an OperationTracker: a busy bar and the newest operation's text while
// anything runs, the full list as a tooltip, and the last outcome for a while afterwards.
class StatusOperationsWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusOperationsWidget)

public:
    explicit StatusOperationsWidget(OperationTracker *tracker, QWidget *parent = nullptr);
    ~StatusOperationsWidget() override;

    QString text() const;

private:
    void refresh();

    OperationTracker *m_tracker;
    QProgressBar *m_bar = nullptr;
    QLabel *m_label = nullptr;
    QString m_lastOutcome;
};

} // namespace portico::ui
