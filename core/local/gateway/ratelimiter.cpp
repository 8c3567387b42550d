// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/ratelimiter.h"

#include <algorithm>

namespace portico::local {

namespace {

qint64 ceilSeconds(qint64 ms)
{
    return std::max<qint64>(1, (ms + 999) / 1000);
}

} // namespace

RateLimiter::Decision RateLimiter::hitRate(const QString &key, qint64 calls, qint64 periodMs,
                                           qint64 nowMs, qint64 increment)
{
    std::lock_guard lock(m_mutex);
    Window &w = m_windows[key];
    w.periodMs = periodMs;
    while (!w.admitted.empty() && w.admitted.front() <= nowMs - periodMs)
        w.admitted.pop_front();
    Decision d;
    const qint64 used = qint64(w.admitted.size());
    // A call that is not counted (increment 0) is still refused once the limit is used up.
    if (used + std::max<qint64>(1, increment) > calls) {
        d.allowed = false;
        const qint64 oldest = w.admitted.empty() ? nowMs : w.admitted.front();
        d.retryAfterSeconds = ceilSeconds(oldest + periodMs - nowMs);
        d.remaining = std::max<qint64>(0, calls - used);
        return d;
    }
    for (qint64 i = 0; i < increment; ++i)
        w.admitted.push_back(nowMs);
    d.remaining = calls - used - increment;
    return d;
}

RateLimiter::Decision RateLimiter::hitQuota(const QString &key, qint64 calls, qint64 bandwidthKb,
                                            qint64 periodSeconds, qint64 anchorMs, qint64 nowMs,
                                            qint64 increment)
{
    std::lock_guard lock(m_mutex);
    const qint64 periodMs = periodSeconds * 1000;
    qint64 start = anchorMs;
    if (periodMs > 0 && nowMs >= anchorMs)
        start = anchorMs + (nowMs - anchorMs) / periodMs * periodMs;
    QuotaCounter &c = m_quotas[key];
    if (c.periodStartMs != start) {
        c = QuotaCounter { start, 0, 0 };
        m_dirty.insert(key);
    }
    Decision d;
    const bool callsExceeded = calls > 0 && c.calls + std::max<qint64>(1, increment) > calls;
    const bool bytesExceeded = bandwidthKb > 0 && c.bytes >= bandwidthKb * 1024;
    if (callsExceeded || bytesExceeded) {
        d.allowed = false;
        d.retryAfterSeconds = periodMs > 0 ? ceilSeconds(start + periodMs - nowMs) : 0;
        d.remaining = calls > 0 ? std::max<qint64>(0, calls - c.calls) : 0;
        return d;
    }
    if (increment > 0) {
        c.calls += increment;
        m_dirty.insert(key);
    }
    d.remaining = calls > 0 ? calls - c.calls : 0;
    return d;
}

void RateLimiter::addQuotaBytes(const QString &key, qint64 bytes)
{
    std::lock_guard lock(m_mutex);
    auto it = m_quotas.find(key);
    if (it == m_quotas.end())
        return;
    it->bytes += bytes;
    m_dirty.insert(key);
}

void RateLimiter::loadQuotas(const QHash<QString, QuotaCounter> &counters)
{
    std::lock_guard lock(m_mutex);
    for (auto it = counters.begin(); it != counters.end(); ++it)
        m_quotas.insert(it.key(), it.value());
}

QHash<QString, RateLimiter::QuotaCounter> RateLimiter::takeDirtyQuotas()
{
    std::lock_guard lock(m_mutex);
    QHash<QString, QuotaCounter> out;
    for (const QString &key : std::as_const(m_dirty))
        out.insert(key, m_quotas.value(key));
    m_dirty.clear();
    return out;
}

void RateLimiter::prune(qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_windows.begin(); it != m_windows.end();) {
        Window &w = it.value();
        while (!w.admitted.empty() && w.admitted.front() <= nowMs - w.periodMs)
            w.admitted.pop_front();
        it = w.admitted.empty() ? m_windows.erase(it) : std::next(it);
    }
}

} // namespace portico::local
