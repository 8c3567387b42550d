// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/gateway/gatewaysnapshot.h"
#include "core/local/gateway/httpmessage.h"
#include "core/local/gateway/policyexpression.h"

#include <QUrl>

#include <memory>
#include <optional>

namespace portico::local {

// A response the gateway produces itself (errors, mock-response, return-response, CORS
// preflight) instead of forwarding.
struct GatewayResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;

    static GatewayResponse json(int status, const QString &message);
};

// Everything the gateway knows about one request while it runs through routing, policies,
// the backend call and the usage log.
struct GatewayExchange
{
    // The request as received.
    HttpRequestHead request;
    QByteArray rawPath;
    QByteArray rawQuery;
    qsizetype apiPathEnd = 0; // where the path below the API starts in rawPath
    bool tls = false;
    QString clientIp;
    qint64 startMs = 0;

    // Routing.
    std::shared_ptr<const GatewaySnapshot> snapshot;
    const GatewaySnapshot::Api *api = nullptr;
    const GatewaySnapshot::Operation *operation = nullptr;
    const GatewaySnapshot::Subscription *subscription = nullptr;
    QString productId;
    QString userId;
    RequestPath requestPath;
    qsizetype apiSegments = 0;
    TemplateMatch match;
    std::shared_ptr<const CompiledPolicy> policy;

    // What goes to the backend.
    QUrl backendBase;
    QString backendPath;                     // encoded path below the base
    // Forwarded in this order; an item with a raw range goes out exactly as in queryBuffer
    // (rawQuery unless rewrite-uri replaced it), one a policy made is percent-encoded.
    QList<RequestQueryItem> query;
    QByteArray queryBuffer;
    int timeoutMs = 300 * 1000;              // forward-request default

    // Produced by policies.
    std::optional<GatewayResponse> immediate;
    HeaderList responseHeaders;              // added to whatever response goes out
    QString corsOrigin;                      // the allowed Origin of a CORS request
    QString blockedReason;
    QString errorReason;                     // context.LastError.Reason
    QStringList bandwidthQuotaKeys;

    // Measured.
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    int status = 0;
    int backendStatus = 0;
    qint64 serviceStartMs = 0;
    qint64 serviceMs = 0;
    QByteArray requestId;

    ExpressionContext expressionContext() const;
    // The forwarded request target: backend base path + backendPath + query.
    QByteArray backendTarget() const;
};

} // namespace portico::local
