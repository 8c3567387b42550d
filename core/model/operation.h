// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/jsonshape.h"
#include "core/model/parametercontract.h"
#include "core/model/representationcontract.h"
#include "core/model/responsecontract.h"
#include "core/model/urltemplate.h"

#include <QJsonObject>
#include <QList>

namespace portico::core {

// An API operation (Microsoft.ApiManagement/service/apis/operations, §3.3). `name` is the
// operationId. urlTemplate is kept as text; parsedUrlTemplate() parses and checks it against
// templateParameters (§5). toJson() always writes templateParameters, request and responses
// (arrays may be empty), matching EX/ApiManagementCreateApiOperation.json.
struct Operation
{
    static constexpr QLatin1StringView resourceType {
        "Microsoft.ApiManagement/service/apis/operations"
    };

    struct Request
    {
        QString description;
        QList<ParameterContract> queryParameters;
        QList<ParameterContract> headers;
        QList<RepresentationContract> representations;

        friend bool operator==(const Request &, const Request &) = default;
    };

    QString id;   // RO
    QString name; // RO operationId

    QString displayName; // REQ
    QString method;      // REQ, any HTTP method string
    QString urlTemplate; // REQ
    QString description;
    QList<ParameterContract> templateParameters;
    Request request;
    QList<ResponseContract> responses;
    QString policies;
    QJsonObject otherProperties;

    // Names of templateParameters, in order.
    QStringList templateParameterNames() const;
    // urlTemplate parsed and checked against templateParameterNames() (UrlTemplate::parse).
    [[nodiscard]] Result<UrlTemplate> parsedUrlTemplate() const;

    [[nodiscard]] static Result<Operation> fromJson(const QJsonObject &json,
                                                    const QString &path = {});
    QJsonObject toJson(JsonShape shape = JsonShape::Response) const;

    friend bool operator==(const Operation &, const Operation &) = default;
};

} // namespace portico::core
