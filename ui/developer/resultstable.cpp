// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/resultstable.h"

#include "ui/developer/jsonparse.h"
#include "ui/developer/jsontreesearch.h"

#include <QJsonArray>
#include <QJsonObject>

namespace portico::ui {

namespace {

QString cellText(const QJsonValue &value)
{
    // Scalars read as in the Tree: a probability of 0.1 is "0.1", not its 17-digit expansion.
    switch (value.type()) {
    case QJsonValue::String:
    case QJsonValue::Bool:
    case QJsonValue::Double: return jsonScalarText(value);
    case QJsonValue::Null:
    case QJsonValue::Undefined: return {};
    case QJsonValue::Array:
    case QJsonValue::Object: return jsonCompactText(value);
    }
    return {};
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &item : array)
        list.append(cellText(item));
    return list;
}

} // namespace

QList<ResultsTable> tablesFromAzureMlResults(const QJsonDocument &document)
{
    QList<ResultsTable> tables;
    const QJsonObject results = document.object().value(u"Results"_qs).toObject();
    for (auto it = results.constBegin(); it != results.constEnd(); ++it) {
        ResultsTable table;
        table.name = it.key();
        const QJsonValue output = it.value();
        if (output.isObject()) {
            const QJsonObject value = output.toObject().value(u"value"_qs).toObject();
            if (!value.contains(u"Values"_qs))
                continue;
            table.columns = stringList(value.value(u"ColumnNames"_qs));
            table.types = stringList(value.value(u"ColumnTypes"_qs));
            const QJsonArray values = value.value(u"Values"_qs).toArray();
            table.rows.reserve(values.size());
            qsizetype width = table.columns.size();
            for (const QJsonValue &row : values) {
                table.rows.append(stringList(row));
                width = qMax(width, table.rows.last().size());
            }
            for (qsizetype c = table.columns.size(); c < width; ++c)
                table.columns.append(QString::number(c + 1));
        } else if (output.isArray()) {
            const QJsonArray records = output.toArray();
            for (const QJsonValue &record : records) {
                const QJsonObject object = record.toObject();
                for (auto field = object.constBegin(); field != object.constEnd(); ++field) {
                    if (!table.columns.contains(field.key()))
                        table.columns.append(field.key());
                }
            }
            for (const QJsonValue &record : records) {
                const QJsonObject object = record.toObject();
                QStringList row;
                row.reserve(table.columns.size());
                for (const QString &column : std::as_const(table.columns))
                    row.append(cellText(object.value(column)));
                table.rows.append(row);
            }
        } else {
            continue;
        }
        tables.append(table);
    }
    return tables;
}

core::Result<ResultsTable> tableFromCsv(const QByteArray &csv)
{
    ResultsTable table;
    QList<QStringList> records;
    QStringList record;
    QByteArray field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    int line = 1;
    int quoteLine = 0;
    qsizetype i = 0;
    const qsizetype n = csv.size();
    if (csv.startsWith("\xEF\xBB\xBF"))
        i = 3;
    auto endField = [&] {
        record.append(QString::fromUtf8(field));
        field.clear();
        fieldWasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        if (!(record.size() == 1 && record.first().isEmpty()))
            records.append(record);
        record.clear();
    };
    for (; i < n; ++i) {
        const char c = csv.at(i);
        if (quoted) {
            if (c == '"') {
                if (i + 1 < n && csv.at(i + 1) == '"') {
                    field.append('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        switch (c) {
        case '"':
            if (field.isEmpty() && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
                quoteLine = line;
            } else {
                field.append(c);
            }
            break;
        case ',': endField(); break;
        case '\r':
            if (i + 1 < n && csv.at(i + 1) == '\n')
                break;
            endRecord();
            ++line;
            break;
        case '\n':
            endRecord();
            ++line;
            break;
        default: field.append(c); break;
        }
    }
    if (quoted) {
        core::Error error = core::Error::make(
                core::Error::Kind::InvalidInput,
                u"Unterminated quoted field starting on line %1"_qs.arg(quoteLine),
                u"CsvUnterminatedQuote"_qs);
        error.target = QString::number(quoteLine);
        return error;
    }
    if (!field.isEmpty() || !record.isEmpty())
        endRecord();
    if (records.isEmpty())
        return table;
    table.columns = records.takeFirst();
    qsizetype width = table.columns.size();
    for (const QStringList &row : std::as_const(records))
        width = qMax(width, row.size());
    for (qsizetype c = table.columns.size(); c < width; ++c)
        table.columns.append(QString::number(c + 1));
    table.rows = std::move(records);
    return table;
}

} // namespace portico::ui
