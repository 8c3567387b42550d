// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QStringList>

namespace portico::core {

// A template, query, header or form parameter of an operation (ParameterContract, §3.3).
// toJson() always writes name, type, required and values (the shape the service returns) and
// the other members only when set.
struct ParameterContract
{
    QString name; // REQ
    QString type; // REQ, e.g. "string", "integer"
    QString description;
    QString defaultValue;
    bool required = false;
    QStringList values; // allowed values
    QString schemaId;
    QString typeName;
    QJsonObject examples; // {"<name>": {summary, description, value, externalValue}}

    [[nodiscard]] static Result<ParameterContract> fromJson(const QJsonObject &json,
                                                            const QString &path = {});
    QJsonObject toJson() const;

    friend bool operator==(const ParameterContract &, const ParameterContract &) = default;
};

} // namespace portico::core
