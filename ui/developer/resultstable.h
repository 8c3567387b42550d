// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QStringList>

namespace portico::ui {

// A table as scoring services return it: AzureML RRS `Results.<output>.value`
// ({ColumnNames, ColumnTypes, Values}) or a CSV file (BES output, text/csv bodies).
struct ResultsTable
{
    QString name;
    QStringList columns;
    QStringList types;
    QList<QStringList> rows;

    friend bool operator==(const ResultsTable &, const ResultsTable &) = default;
};

// Every `Results.<output>` of an RRS response, in output-name order. Handles the table form
// ({type:"table", value:{...}}, ColumnNames optional without details=true) and the swagger form
// (Results.output1 = [{col: value, ...}]). Cells are shown as text whatever their JSON type.
QList<ResultsTable> tablesFromAzureMlResults(const QJsonDocument &document);

// RFC 4180: quoted fields, doubled quotes, CRLF or LF, embedded newlines. The first record is
// the header. Refuses unterminated quotes with the line where the field started.
core::Result<ResultsTable> tableFromCsv(const QByteArray &csv);

} // namespace portico::ui
