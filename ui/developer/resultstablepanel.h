// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/developer/resultstable.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace portico::ui {

class ResultsTableModel;

// The Table body view (and the batch panel's results): one or more result tables (AzureML
// outputs or a CSV) in a sortable, lazily filled grid, with export to CSV.
class ResultsTablePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsTablePanel)

public:
    explicit ResultsTablePanel(QWidget *parent = nullptr);
    ~ResultsTablePanel() override;

    void setTables(QList<ResultsTable> tables);
    void clear() { setTables({}); }
    bool isEmpty() const { return m_tables.isEmpty(); }
    ResultsTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

public Q_SLOTS:
    void exportCsv();

private:
    void showTable(int i);

    QList<ResultsTable> m_tables;
    QComboBox *m_tableCombo = nullptr;
    QLabel *m_rowsLabel = nullptr;
    QPushButton *m_export = nullptr;
    QTableView *m_view = nullptr;
    ResultsTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
};

} // namespace portico::ui
