// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/gateway/httpmessage.h"

#include <QString>

namespace portico::local {

// What a policy expression can read about the request being processed.
struct ExpressionContext
{
    QString subscriptionId;
    QString subscriptionName;
    QString userId;
    QString productId;
    QString apiId;
    QString apiName;
    QString operationId;
    QString operationName;
    QString clientIp;
    QByteArray method;
    const HeaderList *requestHeaders = nullptr;
};

// The subset of APIM policy expressions (C# `@(...)`) the local gateway evaluates: string
// literals, `context.Subscription.Id|Name`, `context.User.Id`, `context.Product.Id`,
// `context.Api.Id|Name`, `context.Operation.Id|Name`, `context.Request.IpAddress`,
// `context.Request.Method` and `context.Request.Headers.GetValueOrDefault("name"[, "default"])`,
// joined with `+`. Anything else is refused when the policy is parsed, not at request time.
class PolicyExpression
{
public:
    static bool isExpression(const QString &value);
    // Empty when the expression is supported, otherwise why not.
    static QString validate(const QString &value);
    // Plain values come back unchanged.
    static QString evaluate(const QString &value, const ExpressionContext &context);
};

} // namespace portico::local
