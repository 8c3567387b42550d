// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/gateway/gatewaysnapshot.h"
#include "core/local/gateway/ratelimiter.h"

#include <QSslConfiguration>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
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
    int connectTimeoutMs = 10 * 1000; // from opening a backend connection to its handshake
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

    // Configuration freshness. The owner bumps wantedGeneration when the management store
    // commits; a worker that starts a request while the snapshot is older asks the owner to
    // rebuild (refresher posts that to the owner's thread) and waits for it, so that a request
    // sent after a 2xx from the management API always sees that change. Rebuilding only on
    // demand keeps bulk management writes cheap.
    void ensureFresh()
    {
        const quint64 wanted = wantedGeneration.load();
        if (wanted <= builtGeneration.load() || !refresher)
            return;
        std::unique_lock lock(m_refreshMutex);
        if (!m_refreshQueued) {
            m_refreshQueued = true;
            refresher();
        }
        m_refreshed.wait_for(lock, std::chrono::seconds(5),
                             [&] { return builtGeneration.load() >= wanted || m_stopping; });
    }
    void refreshDone(quint64 generation)
    {
        {
            std::lock_guard lock(m_refreshMutex);
            builtGeneration = generation;
            m_refreshQueued = false;
        }
        m_refreshed.notify_all();
    }
    void stopRefreshing()
    {
        {
            std::lock_guard lock(m_refreshMutex);
            m_stopping = true;
        }
        m_refreshed.notify_all();
    }

    std::atomic<quint64> wantedGeneration { 0 };
    std::atomic<quint64> builtGeneration { 0 };
    std::function<void()> refresher;

    RateLimiter limiter;
    UsageLog *usage = nullptr; // thread-safe record(); may be null in tests
    GatewayLimits limits;
    QSslConfiguration tls;

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<const GatewaySnapshot> m_snapshot;
    std::mutex m_refreshMutex;
    std::condition_variable m_refreshed;
    bool m_refreshQueued = false;
    bool m_stopping = false;
};

} // namespace portico::local
