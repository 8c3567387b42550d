// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/usagecsv.h"

#include <QAbstractItemModel>
#include <QStringList>

namespace portico::ui::usagecsv {

namespace {

QString field(const QVariant &exported, const QVariant &shown)
{
    QString text = exported.isValid() ? exported.toString() : shown.toString();
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r'))
        text = u'"' + text.replace(u"\""_qs, u"\"\""_qs) + u'"';
    return text;
}

} // namespace

QByteArray toCsv(const QAbstractItemModel &model)
{
    QStringList lines;
    QStringList header;
    for (int column = 0; column < model.columnCount(); ++column) {
        header << field(model.headerData(column, Qt::Horizontal, ExportRole),
                        model.headerData(column, Qt::Horizontal, Qt::DisplayRole));
    }
    lines << header.join(u',');
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            cells << field(index.data(ExportRole), index.data(Qt::DisplayRole));
        }
        lines << cells.join(u',');
    }
    return (lines.join(u"\r\n"_qs) + u"\r\n"_qs).toUtf8();
}

} // namespace portico::ui::usagecsv
