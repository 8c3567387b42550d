// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/gateway/gatewaysnapshot.h"
#include "core/local/gateway/ratelimiter.h"

#include <QSslConfiguration>

#include <memory>
#include <mutex>

namespace portico::local {

class UsageLog;

// Connection limits and timeouts of the gateway's HTTP server.
struct GatewayLimits
{
    int maxRequestLine = 8 * 1024;
    int maxHeaderBytes = 32 * 1024;
    int headTimeoutMs = 30 * 1000;   // from a request's first byte to its complete head
    int idleTimeoutMs = 75 * 1000;   // keep-alive idle, and a stalled body transfer
    int connectTimeoutMs = 10 * 1000;
};

// State every worker thread reads: the current snapshot, the counters, the usage log.
class GatewayShared
{
public:
    std::shared_ptr<const GatewaySnapshot> snapshot() const
    {
        std::lock_guard lock(m_mutex);
        return m_snapshot;
    }
    void setSnapshot(std::shared_ptr<const GatewaySnapshot> snapshot)
    {
        std::lock_guard lock(m_mutex);
        m_snapshot = std::move(snapshot);
    }

    RateLimiter limiter;
    UsageLog *usage = nullptr; // thread-safe record(); may be null in tests
    GatewayLimits limits;
    QSslConfiguration tls;

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<const GatewaySnapshot> m_snapshot;
};

} // namespace portico::local
