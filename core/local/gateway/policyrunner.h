// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/gateway/gatewayexchange.h"

namespace portico::local {

class RateLimiter;

// Routing, subscription-key checks and the policy sections for one exchange. Pure decisions
// over the exchange: no I/O, so that it is unit-testable and shared by every worker.
class PolicyRunner
{
public:
    explicit PolicyRunner(RateLimiter &limiter) : m_limiter(limiter) { }

    // Finds API and operation, checks the subscription key and runs the inbound and backend
    // sections. Afterwards either `exchange.immediate` holds the answer, or the exchange is
    // ready to be forwarded.
    void runInbound(GatewayExchange &exchange, qint64 nowMs);
    // Applies the outbound section to a backend response head. If a policy replaces the
    // response (return-response, mock-response), it is put in `exchange.immediate`.
    void runOutbound(GatewayExchange &exchange, HttpResponseHead &head);
    // Applies on-error to an error response; may replace it.
    void runOnError(GatewayExchange &exchange, GatewayResponse &response);
    // Adds what policies asked for to any outgoing response (rate-limit headers, CORS).
    void decorate(const GatewayExchange &exchange, HeaderList &headers) const;
    // Counts response bytes against bandwidth quotas.
    void accountBandwidth(const GatewayExchange &exchange, qint64 bytes);

private:
    bool route(GatewayExchange &exchange);
    bool authorize(GatewayExchange &exchange);
    bool handlePreflight(GatewayExchange &exchange);
    void runSection(GatewayExchange &exchange, PolicySection section, qint64 nowMs);
    bool runInboundNode(GatewayExchange &exchange, const PolicyNode &node, qint64 nowMs);
    void fail(GatewayExchange &exchange, GatewayResponse response, const QString &reason,
              bool blocked);

    RateLimiter &m_limiter;
};

} // namespace portico::local
