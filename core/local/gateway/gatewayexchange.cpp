// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/gatewayexchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace portico::local {

GatewayResponse GatewayResponse::json(int status, const QString &message)
{
    // The gateway's own error shape, spaced as the observed bodies are:
    // {"statusCode": 401, "message": "…"}
    GatewayResponse r;
    r.status = status;
    QByteArray quoted = QJsonDocument(QJsonArray { message }).toJson(QJsonDocument::Compact);
    quoted = quoted.mid(1, quoted.size() - 2);
    r.body = "{\"statusCode\": " + QByteArray::number(status) + ", \"message\": " + quoted + "}";
    r.headers.append("Content-Type", "application/json; charset=utf-8");
    return r;
}

ExpressionContext GatewayExchange::expressionContext() const
{
    ExpressionContext c;
    if (subscription) {
        c.subscriptionId = subscription->config.id;
        c.subscriptionName = subscription->config.displayName;
    }
    c.userId = userId;
    c.productId = productId;
    if (api) {
        c.apiId = api->config.id;
        c.apiName = api->config.displayName;
    }
    if (operation) {
        c.operationId = operation->config.id;
        c.operationName = operation->config.displayName;
    }
    c.clientIp = clientIp;
    c.method = request.method;
    c.requestHeaders = &request.headers;
    return c;
}

QByteArray GatewayExchange::backendTarget() const
{
    QByteArray target = backendBase.path(QUrl::FullyEncoded).toUtf8();
    while (target.endsWith('/'))
        target.chop(1);
    target.reserve(target.size() + backendPath.size() + queryBuffer.size() + 2);
    target += backendPath.toUtf8();
    if (!target.startsWith('/'))
        target.prepend('/');
    bool first = true;
    const auto separate = [&] {
        target += first ? '?' : '&';
        first = false;
    };
    const QString baseQuery = backendBase.query(QUrl::FullyEncoded);
    if (!baseQuery.isEmpty()) {
        separate();
        target += baseQuery.toUtf8();
    }
    // The client's items go out byte for byte: backends may read `+` literally or check a
    // signature over the query.
    for (const RequestQueryItem &item : query) {
        separate();
        if (item.rawBegin >= 0 && item.rawBegin + item.rawSize <= queryBuffer.size()) {
            target += QByteArrayView(queryBuffer).sliced(item.rawBegin, item.rawSize);
            continue;
        }
        target += QUrl::toPercentEncoding(item.name);
        if (!item.value.isNull()) {
            target += '=';
            target += QUrl::toPercentEncoding(item.value);
        }
    }
    return target;
}

} // namespace portico::local
