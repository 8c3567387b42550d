// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/ml/featurehashingexperiment.h"

#include "core/local/ml/featurehasher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <vector>

namespace portico::local {

namespace {

using Experiment = FeatureHashingExperiment;

// Parses one parameter value: a string holding an integer, or a JSON integer.
std::variant<int, MlError> integerParameter(const QString &name, const QJsonValue &value, int min,
                                            int max)
{
    bool ok = false;
    qint64 number = 0;
    if (value.isString()) {
        number = value.toString().trimmed().toLongLong(&ok);
    } else if (value.isDouble()) {
        const double d = value.toDouble();
        ok = d == double(qint64(d));
        number = qint64(d);
    }
    if (!ok)
        return MlError::badParameterValue(
            name, u"'%1' must be an integer from %2 to %3"_qs.arg(name).arg(min).arg(max));
    if (number < min || number > max)
        return MlError::badParameterValue(
            name, u"'%1' is %2, it must be from %3 to %4"_qs.arg(name).arg(number).arg(min).arg(max));
    return int(number);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return u"a boolean"_qs;
    case QJsonValue::Double:
        return u"a number"_qs;
    case QJsonValue::Array:
        return u"an array"_qs;
    case QJsonValue::Object:
        return u"an object"_qs;
    default:
        return u"not a string"_qs;
    }
}

// Hashes one cell; null means a missing value, which has no features.
QJsonArray hashedCells(const FeatureHasher &hasher, const QString &text)
{
    std::vector<quint32> counts(size_t(hasher.bucketCount()), 0);
    hasher.accumulate(text.toUtf8(), counts.data());
    QJsonArray cells;
    for (quint32 count : counts)
        cells.append(QString::number(count));
    return cells;
}

// Reads the rows of input1 into Col2 texts, in either request form.
std::variant<QStringList, MlError> inputTexts(const QJsonValue &input, bool swagger)
{
    QStringList texts;
    if (swagger) {
        if (!input.isArray())
            return MlError::inputParseError(u"input1 must be an array of row objects"_qs);
        const QJsonArray rows = input.toArray();
        for (qsizetype r = 0; r < rows.size(); ++r) {
            if (!rows.at(r).isObject())
                return MlError::inputParseError(u"row %1 is not an object"_qs.arg(r));
            const QJsonObject row = rows.at(r).toObject();
            for (auto it = row.begin(); it != row.end(); ++it) {
                if (it.key() != Experiment::column)
                    return MlError::inputMismatch(it.key());
            }
            if (!row.contains(Experiment::column))
                return MlError::inputMismatch(Experiment::column.toString());
            const QJsonValue cell = row.value(Experiment::column);
            if (!cell.isString() && !cell.isNull())
                return MlError::inputParseError(
                    u"row %1, column %2 is %3; every value must be a string"_qs.arg(r).arg(
                        Experiment::column, typeName(cell)));
            texts.append(cell.toString());
        }
        return texts;
    }

    if (!input.isObject())
        return MlError::inputParseError(u"input1 must be an object with ColumnNames and Values"_qs);
    const QJsonObject table = input.toObject();
    const QJsonValue names = table.value(u"ColumnNames");
    if (!names.isArray())
        return MlError::inputMismatch(u"ColumnNames"_qs);
    qsizetype columnIndex = -1;
    const QJsonArray nameArray = names.toArray();
    for (qsizetype c = 0; c < nameArray.size(); ++c) {
        const QString name = nameArray.at(c).toString();
        if (name != Experiment::column)
            return MlError::inputMismatch(nameArray.at(c).isString() ? name : u"ColumnNames"_qs);
        columnIndex = c;
    }
    if (columnIndex < 0 || nameArray.size() != 1)
        return MlError::inputMismatch(Experiment::column.toString());
    const QJsonValue values = table.value(u"Values");
    if (!values.isArray())
        return MlError::inputParseError(u"Values must be an array of rows"_qs);
    const QJsonArray rows = values.toArray();
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QJsonValue row = rows.at(r);
        if (!row.isArray())
            return MlError::inputParseError(u"row %1 is not an array"_qs.arg(r));
        const QJsonArray cells = row.toArray();
        if (cells.size() != nameArray.size())
            return MlError::inputParseError(u"row %1 has %2 values, expected %3"_qs.arg(r)
                                                .arg(cells.size())
                                                .arg(nameArray.size()));
        const QJsonValue cell = cells.at(columnIndex);
        if (!cell.isString() && !cell.isNull())
            return MlError::inputParseError(u"row %1, column %2 is %3; every value must be a string"_qs
                                                .arg(r)
                                                .arg(Experiment::column, typeName(cell)));
        texts.append(cell.toString());
    }
    return texts;
}

} // namespace

std::variant<Experiment::Parameters, MlError>
FeatureHashingExperiment::parameters(const QJsonValue &globalParameters)
{
    Parameters result;
    if (globalParameters.isUndefined() || globalParameters.isNull())
        return result;
    if (!globalParameters.isObject())
        return MlError::requestBodyInvalid();
    const QJsonObject object = globalParameters.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == bitsParameter) {
            auto bits = integerParameter(it.key(), it.value(), FeatureHasher::minBits,
                                         FeatureHasher::maxBits);
            if (auto *error = std::get_if<MlError>(&bits))
                return *error;
            result.bits = std::get<int>(bits);
        } else if (it.key() == ngramsParameter) {
            auto ngrams = integerParameter(it.key(), it.value(), FeatureHasher::minNgrams,
                                           FeatureHasher::maxNgrams);
            if (auto *error = std::get_if<MlError>(&ngrams))
                return *error;
            result.ngrams = std::get<int>(ngrams);
        } else {
            return MlError::unexpectedParameter(it.key());
        }
    }
    return result;
}

QStringList FeatureHashingExperiment::outputColumns(const Parameters &parameters)
{
    QStringList columns { column.toString() };
    for (int b = 0; b < (1 << parameters.bits); ++b)
        columns.append(FeatureHasher::columnName(column.toString(), b));
    return columns;
}

std::variant<QJsonObject, MlError> FeatureHashingExperiment::execute(const QByteArray &body,
                                                                     bool details, bool swagger)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return MlError::requestBodyInvalid();
    const QJsonObject request = document.object();

    auto parsed = parameters(request.value(u"GlobalParameters"));
    if (auto *error = std::get_if<MlError>(&parsed))
        return *error;
    const Parameters params = std::get<Parameters>(parsed);

    const QJsonValue inputs = request.value(u"Inputs");
    if (!inputs.isObject() || inputs.toObject().isEmpty())
        return MlError::missingRequestInput();
    QStringList unknown;
    const QJsonObject inputObject = inputs.toObject();
    for (auto it = inputObject.begin(); it != inputObject.end(); ++it) {
        if (it.key() != inputName)
            unknown.append(it.key());
    }
    if (!unknown.isEmpty())
        return MlError::invalidInputNames(unknown.join(u", "_qs));

    auto texts = inputTexts(inputObject.value(inputName), swagger);
    if (auto *error = std::get_if<MlError>(&texts))
        return *error;
    const QStringList &rows = std::get<QStringList>(texts);
    if (rows.size() > maxRrsRows)
        return MlError::tooManyRows(rows.size(), maxRrsRows);

    const FeatureHasher hasher(params.bits, params.ngrams);
    const QStringList columns = outputColumns(params);
    if (swagger) {
        QJsonArray output;
        for (const QString &text : rows) {
            const QJsonArray cells = hashedCells(hasher, text);
            QJsonObject row { { column.toString(), text } };
            for (qsizetype b = 0; b < cells.size(); ++b)
                row.insert(columns.at(b + 1), cells.at(b));
            output.append(row);
        }
        return QJsonObject { { u"Results"_qs, QJsonObject { { outputName.toString(), output } } } };
    }

    QJsonArray values;
    for (const QString &text : rows) {
        QJsonArray row = hashedCells(hasher, text);
        row.prepend(text);
        values.append(row);
    }
    QJsonObject value { { u"Values"_qs, values } };
    if (details) {
        QJsonArray names, types;
        for (const QString &name : columns) {
            names.append(name);
            types.append(types.isEmpty() ? u"String"_qs : u"Int32"_qs);
        }
        value.insert(u"ColumnNames"_qs, names);
        value.insert(u"ColumnTypes"_qs, types);
    }
    return QJsonObject {
        { u"Results"_qs,
          QJsonObject { { outputName.toString(),
                          QJsonObject { { u"type"_qs, u"table"_qs }, { u"value"_qs, value } } } } }
    };
}

} // namespace portico::local
