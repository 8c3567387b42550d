// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/common/recordtablemodel.h"

#include "ui/common/stageddocument.h"

#include <QBrush>
#include <QColor>

namespace portico::ui {

RecordTableModel::RecordTableModel(StagedDocument *document, QString field, QList<Column> columns,
                                   QObject *parent)
    : QAbstractTableModel(parent)
    , m_doc(document)
    , m_field(std::move(field))
    , m_columns(std::move(columns))
{
    m_records = m_doc->value(m_field).toList();
    connect(m_doc, &StagedDocument::valueChanged, this,
            [this](const QString &changed) {
                if (changed == m_field)
                    reload();
            });
}

RecordTableModel::~RecordTableModel() = default;

void RecordTableModel::reload()
{
    const QVariantList records = m_doc->value(m_field).toList();
    if (records == m_records)
        return;
    if (records.size() == m_records.size()) {
        m_records = records;
        if (!records.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_records = records;
    m_problems.clear();
    endResetModel();
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QVariantMap record = m_records.at(index.row()).toMap();
    const Column &column = m_columns.at(index.column());
    const QVariant value = record.value(column.key);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (column.kind == Column::Kind::Bool)
            return role == Qt::EditRole ? QVariant(value.toBool()) : QVariant();
        if (column.kind == Column::Kind::List)
            return value.toStringList().join(u", "_qs);
        if (column.kind == Column::Kind::Int && role == Qt::EditRole)
            return value.toString(); // a text editor, so any text typed is kept (see setData)
        return value;
    case Qt::CheckStateRole:
        if (column.kind == Column::Kind::Bool)
            return value.toBool() ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        return m_problems.value(index.row());
    case Qt::ForegroundRole:
        if (m_problems.contains(index.row()))
            return QBrush(QColor(0xb0, 0x10, 0x10));
        return {};
    case RecordRole:
        return record;
    default:
        return {};
    }
}

bool RecordTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const Column &column = m_columns.at(index.column());
    QVariant stored;
    if (column.kind == Column::Kind::Bool) {
        if (role != Qt::CheckStateRole && role != Qt::EditRole)
            return false;
        stored = role == Qt::CheckStateRole ? value.toInt() == Qt::Checked : value.toBool();
    } else if (role == Qt::EditRole) {
        if (column.kind == Column::Kind::Int) {
            bool ok = false;
            const int number = value.toString().trimmed().toInt(&ok);
            // Text that is no number is kept as typed, for the owner to mark the row.
            stored = ok ? QVariant(number) : QVariant(value.toString());
        } else if (column.kind == Column::Kind::List) {
            QStringList items;
            for (const QString &item : value.toString().split(u',', Qt::SkipEmptyParts))
                items.append(item.trimmed());
            stored = items;
        } else {
            stored = value.toString();
        }
    } else {
        return false;
    }
    QVariantList records = m_records;
    QVariantMap record = records.at(index.row()).toMap();
    if (record.value(column.key) == stored)
        return true;
    record.insert(column.key, stored);
    records[index.row()] = record;
    m_doc->setValue(m_field, records);
    return true;
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0
        || section >= m_columns.size()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    return m_columns.at(section).header;
}

Qt::ItemFlags RecordTableModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const Column &column = m_columns.at(index.column());
    if (column.editable)
        f |= column.kind == Column::Kind::Bool ? Qt::ItemIsUserCheckable : Qt::ItemIsEditable;
    return f;
}

QVariantList RecordTableModel::records() const
{
    return m_records;
}

void RecordTableModel::appendRecord(const QVariantMap &record)
{
    QVariantList records = m_records;
    records.append(record);
    m_doc->setValue(m_field, records);
}

void RecordTableModel::removeRecord(int row)
{
    if (row < 0 || row >= m_records.size())
        return;
    QVariantList records = m_records;
    records.removeAt(row);
    m_doc->setValue(m_field, records);
}

void RecordTableModel::setRowProblems(const QHash<int, QString> &problems)
{
    if (problems == m_problems)
        return;
    m_problems = problems;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                           { Qt::ToolTipRole, Qt::ForegroundRole });
}

} // namespace portico::ui
