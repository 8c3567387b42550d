// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/parametercontract.h"
#include "core/model/representationcontract.h"

#include <QJsonObject>
#include <QList>

namespace portico::core {

// One documented response of an operation (ResponseContract, §3.3). toJson() always writes
// statusCode, representations and headers (as the service does) and description when set.
struct ResponseContract
{
    int statusCode = 0; // REQ
    QString description;
    QList<RepresentationContract> representations;
    QList<ParameterContract> headers;

    [[nodiscard]] static Result<ResponseContract> fromJson(const QJsonObject &json,
                                                           const QString &path = {});
    QJsonObject toJson() const;

    friend bool operator==(const ResponseContract &, const ResponseContract &) = default;
};

} // namespace portico::core
