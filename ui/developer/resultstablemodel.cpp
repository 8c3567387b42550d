// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/resultstablemodel.h"

#include "core/common/csvreader.h"

namespace portico::ui {

ResultsTableModel::ResultsTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ResultsTableModel::~ResultsTableModel() = default;

void ResultsTableModel::setTable(ResultsTable table)
{
    beginResetModel();
    m_table = std::move(table);
    m_fetched = int(qMin<qsizetype>(batchSize, m_table.rows.size()));
    // Views react to the reset by asking for more; that must wait until the reset is over.
    m_resetting = true;
    endResetModel();
    m_resetting = false;
}

int ResultsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_fetched;
}

int ResultsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

QVariant ResultsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_fetched)
        return {};
    const QStringList &row = m_table.rows.at(index.row());
    const QString text = index.column() < row.size() ? row.at(index.column()) : QString();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return text;
    case SortRole: {
        bool isNumber = false;
        const double number = text.toDouble(&isNumber);
        return isNumber ? QVariant(number) : QVariant(text);
    }
    case Qt::TextAlignmentRole: {
        bool isNumber = false;
        (void)text.toDouble(&isNumber);
        return isNumber ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    }
    default:
        return {};
    }
}

QVariant ResultsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= m_table.columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_table.columns.at(section);
    if (role == Qt::ToolTipRole && section < m_table.types.size())
        return tr("%1 (%2)").arg(m_table.columns.at(section), m_table.types.at(section));
    return {};
}

bool ResultsTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_resetting && m_fetched < m_table.rows.size();
}

void ResultsTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_resetting)
        return;
    const int more = int(qMin<qsizetype>(batchSize, m_table.rows.size() - m_fetched));
    if (more <= 0)
        return;
    m_resetting = true; // no nested fetch from a handler of the insert signals
    beginInsertRows({}, m_fetched, m_fetched + more - 1);
    m_fetched += more;
    endInsertRows();
    m_resetting = false;
}

QByteArray ResultsTableModel::toCsv() const
{
    QByteArray out;
    auto appendRecord = [&out](const QStringList &fields) {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i)
                out.append(',');
            core::CsvReader::appendField(out, fields.at(i).toUtf8());
        }
        out.append("\r\n");
    };
    appendRecord(m_table.columns);
    for (const QStringList &row : m_table.rows)
        appendRecord(row);
    return out;
}

} // namespace portico::ui
