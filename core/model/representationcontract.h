// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/parametercontract.h"

#include <QJsonObject>
#include <QList>

namespace portico::core {

// One content type of a request or response body (RepresentationContract, §3.3). formParameters
// matter for application/x-www-form-urlencoded and multipart/form-data. `examples` is the
// current form ({"default": {"value": ...}}); `sample` is the older single-string form that some
// services still return. toJson() writes contentType and only the members that are set.
struct RepresentationContract
{
    QString contentType; // REQ
    QString schemaId;
    QString typeName;
    QList<ParameterContract> formParameters;
    QJsonObject examples;
    QString sample;

    [[nodiscard]] static Result<RepresentationContract> fromJson(const QJsonObject &json,
                                                                 const QString &path = {});
    QJsonObject toJson() const;

    friend bool operator==(const RepresentationContract &, const RepresentationContract &) = default;
};

} // namespace portico::core
