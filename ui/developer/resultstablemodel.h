// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/developer/resultstable.h"

#include <QAbstractTableModel>

namespace portico::ui {

// One ResultsTable as a grid. Rows are handed to the view in batches through fetchMore, so a
// million-row result opens as fast as a ten-row one; the header shows each column's type.
class ResultsTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsTableModel)

public:
    enum Role { SortRole = Qt::UserRole + 1 };
    static constexpr int batchSize = 500;

    explicit ResultsTableModel(QObject *parent = nullptr);
    ~ResultsTableModel() override;

    void setTable(ResultsTable table);
    const ResultsTable &table() const { return m_table; }
    qsizetype totalRows() const { return m_table.rows.size(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // All rows as CSV (RFC 4180), independent of how many were fetched.
    QByteArray toCsv() const;

private:
    ResultsTable m_table;
    int m_fetched = 0;
    bool m_resetting = false;
};

} // namespace portico::ui
