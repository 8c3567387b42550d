// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/usagecsv.h"

#include "core/common/csvreader.h"

#include <QAbstractItemModel>

namespace portico::ui::usagecsv {

namespace {

void appendField(QByteArray &out, const QVariant &exported, const QVariant &shown)
{
    core::CsvReader::appendField(out, (exported.isValid() ? exported : shown).toString().toUtf8());
}

} // namespace

QByteArray toCsv(const QAbstractItemModel &model)
{
    QByteArray out;
    for (int column = 0; column < model.columnCount(); ++column) {
        if (column)
            out.append(',');
        appendField(out, model.headerData(column, Qt::Horizontal, ExportRole),
                    model.headerData(column, Qt::Horizontal, Qt::DisplayRole));
    }
    out.append("\r\n");
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            if (column)
                out.append(',');
            const QModelIndex index = model.index(row, column);
            appendField(out, index.data(ExportRole), index.data(Qt::DisplayRole));
        }
        out.append("\r\n");
    }
    return out;
}

} // namespace portico::ui::usagecsv
