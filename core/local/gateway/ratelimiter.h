// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QSet>
#include <QString>

#include <deque>
#include <mutex>

namespace portico::local {

// Counters for rate-limit (sliding window) and quota (fixed window) policies, shared by every
// gateway worker thread. A check and its increment happen under one lock, so N concurrent
// requests against a limit of N calls admit exactly N.
class RateLimiter
{
public:
    struct Decision
    {
        bool allowed = true;
        qint64 retryAfterSeconds = 0;
        qint64 remaining = 0;
    };
    struct QuotaCounter
    {
        qint64 periodStartMs = 0;
        qint64 calls = 0;
        qint64 bytes = 0;
    };

    // Sliding window of `periodMs`: admits when fewer than `calls` were admitted in the window.
    // `increment` 0 (increment-condition false) checks without counting the call.
    Decision hitRate(const QString &key, qint64 calls, qint64 periodMs, qint64 nowMs,
                     qint64 increment = 1);
    // Fixed windows of `periodSeconds` (0 = never renews) counted from `anchorMs`.
    // `calls`/`bandwidthKb` of 0 mean "no limit on that dimension".
    Decision hitQuota(const QString &key, qint64 calls, qint64 bandwidthKb, qint64 periodSeconds,
                      qint64 anchorMs, qint64 nowMs, qint64 increment = 1);
    void addQuotaBytes(const QString &key, qint64 bytes);

    // Persistence of quota counters (rate-limit windows are short and kept in memory only).
    void loadQuotas(const QHash<QString, QuotaCounter> &counters);
    QHash<QString, QuotaCounter> takeDirtyQuotas();

    // Drops windows that hold no calls any more.
    void prune(qint64 nowMs);

private:
    struct Window
    {
        std::deque<qint64> admitted; // admission times, oldest first
        qint64 periodMs = 0;
    };
    std::mutex m_mutex;
    QHash<QString, Window> m_windows;
    QHash<QString, QuotaCounter> m_quotas;
    QSet<QString> m_dirty;
};

} // namespace portico::local
