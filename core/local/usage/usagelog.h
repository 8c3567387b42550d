// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/local/gateway/gatewayconfig.h"
#include "core/local/gateway/ratelimiter.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <mutex>

struct sqlite3_stmt;

namespace portico::local {

struct GatewayExchange;

// One gateway request as the usage log keeps it.
struct UsageRecord
{
    qint64 timestampMs = 0;
    QString service;
    QString apiId, apiName, operationId, operationName, productId, productName, subscriptionId,
        subscriptionName, userId, userName;
    QByteArray method;
    QByteArray url; // the request target as received, minus subscription key parameters (also
                    // near-miss names) and with any known subscription key masked (shared with
                    // the exchange, not copied, when there was no key in it)
    QString ipAddress;
    int status = 0;
    int backendStatus = 0;
    double apiTimeMs = 0;
    double serviceTimeMs = 0;
    qint64 requestSize = 0;
    qint64 responseSize = 0;
    QString blockedReason;
    QByteArray requestId;
};

// The gateway's SQLite store (gateway.sqlite in the data dir): the usage log, with bounded
// retention, and the persisted quota counters. Worker threads call record(), which only
// queues; the owning thread writes batches in one transaction.
class UsageLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageLog)

public:
    struct Retention
    {
        qint64 maxAgeDays = 30;
        qint64 maxRows = 1000000;
    };

    explicit UsageLog(QObject *parent = nullptr);
    ~UsageLog() override;

    [[nodiscard]] core::Result<void> open(const QString &path, Retention retention);
    // The connection name for read queries on the owning thread (reports).
    QString connectionName() const { return m_connection; }

    void record(const GatewayExchange &exchange, qint64 nowMs);
    void record(UsageRecord record);

    // Writes queued records and dirty quota counters now.
    void flush();
    void setQuotaSource(RateLimiter *limiter) { m_limiter = limiter; }
    QHash<QString, RateLimiter::QuotaCounter> loadQuotas() const;
    // Once per log (schema version 5), with the services of `config`:
    // - URLs and blocked reasons older versions stored with a key (under a renamed or near-miss
    //   query parameter name, or a key `config` knows anywhere) lose it, as record() strips and
    //   masks keys now (no query at all for a request that matched no API);
    // - (before version 3) quota counters stored under keys without the service name (legacyquotakeys.h) move to
    //   the keys the gateway counts under now. A counter that also exists under the current key
    //   is merged: calls and bytes add up in the same period, otherwise the later period wins.
    // Call after open() and before loadQuotas().
    [[nodiscard]] core::Result<void> migrate(const GatewayConfig &config);
    // Applies retention now, in the same steps as startPruning(); returns how many rows were
    // removed.
    qint64 prune(qint64 nowMs);
    // Applies retention in bounded steps from the event loop, as the minute timer does, so that
    // a large backlog never holds this thread for long; pruning() is true until it is done.
    void startPruning(qint64 nowMs);
    bool pruning() const { return m_pruneStepTimer.isActive(); }

private:
    static constexpr int kFlushMs = 10;
    static constexpr qint64 kQuietMs = 200;
    static constexpr int kPruneStepMs = 20;
    static constexpr qint64 kPruneStepRows = 10000;
    void releaseFreedMemory();
    // Removes at most kPruneStepRows rows older than beforeMs and at most kPruneStepRows of
    // the oldest rows beyond maxRows; returns how many went.
    qint64 pruneStep(qint64 beforeMs);
    // Rows older than this go by the age rule.
    qint64 oldestKeptMs(qint64 nowMs) const;

    QString m_connection;
    Retention m_retention;
    RateLimiter *m_limiter = nullptr;
    std::mutex m_mutex;
    QList<UsageRecord> m_pending;
    bool m_trimOwed = false; // records were written since the last trim
    bool m_flushScheduled = false; // the flush timer runs or is about to (guarded by m_mutex)
    qint64 m_lastWriteMs = 0;
    sqlite3_stmt *m_insert = nullptr; // prepared once in open(), on the connection's own handle
    QTimer m_flushTimer;
    QTimer m_pruneTimer;
    QTimer m_pruneStepTimer;
    qint64 m_pruneBeforeMs = 0;
};

} // namespace portico::local
