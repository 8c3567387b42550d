// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/tryit/tryithistory.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace portico::ui {

// The Try It history: every send, newest first, with the key already redacted by the engine.
// Filters by API, operation and status class; "Re-open" hands a send back to the composer and
// "Compare" two responses in a diff view. "Delete" removes the selected sends (also the Delete
// key) and "Clear all" the whole history after the user confirms; both erase the data from
// the database file.
class HistoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    explicit HistoryPanel(QWidget *parent = nullptr);
    ~HistoryPanel() override;

    void setHistory(core::TryItHistory *history);
    // API and operation choices for the filters: id -> display name.
    void setApis(const QList<QPair<QString, QString>> &apis);
    void setOperations(const QList<QPair<QString, QString>> &operations);

    int entryCount() const;
    qint64 entryIdAt(int row) const;

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void reopenRequested(const portico::core::HistoryEntry &entry);
    void compareRequested(const portico::core::HistoryEntry &left, const portico::core::HistoryEntry &right);

private:
    void reopenSelected();
    void compareSelected();
    void deleteSelected();
    void clearAll();
    void showProblem(const QString &text);
    void updateButtons();

    core::TryItHistory *m_history = nullptr;
    QComboBox *m_api = nullptr;
    QComboBox *m_operation = nullptr;
    QComboBox *m_status = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_reopen = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_clear = nullptr;
    QLabel *m_retention = nullptr;
};

} // namespace portico::ui
