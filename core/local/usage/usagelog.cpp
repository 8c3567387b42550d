// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/usage/usagelog.h"

#include "core/local/gateway/gatewayexchange.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace portico::local {

using core::Error;
using core::Result;

namespace {

Error storageError(const QString &what, const QSqlError &error)
{
    Error e = Error::make(Error::Kind::Storage, what + u": "_qs + error.text());
    return e;
}

} // namespace

UsageLog::UsageLog(QObject *parent)
    : QObject(parent)
    , m_connection(u"portico-usage-"_qs + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_flushTimer.setInterval(200);
    connect(&m_flushTimer, &QTimer::timeout, this, &UsageLog::flush);
    m_pruneTimer.setInterval(60 * 1000);
    connect(&m_pruneTimer, &QTimer::timeout, this, [this] { prune(QDateTime::currentMSecsSinceEpoch()); });
}

UsageLog::~UsageLog()
{
    if (QSqlDatabase::contains(m_connection)) {
        flush();
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

Result<void> UsageLog::open(const QString &path, Retention retention)
{
    m_retention = retention;
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, m_connection);
    db.setDatabaseName(path);
    if (!db.open())
        return storageError(u"Cannot open the usage log %1"_qs.arg(path), db.lastError());
    QSqlQuery q(db);
    const QStringList statements {
        u"PRAGMA journal_mode=WAL"_qs,
        u"PRAGMA synchronous=NORMAL"_qs,
        u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_qs,
        u"CREATE TABLE IF NOT EXISTS usage_log (id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, service TEXT, "
        "api_id TEXT, api_name TEXT, operation_id TEXT, operation_name TEXT, product_id TEXT, "
        "product_name TEXT, subscription_id TEXT, subscription_name TEXT, user_id TEXT, user_name TEXT, method TEXT, url TEXT, ip TEXT, status INTEGER, "
        "backend_status INTEGER, api_time REAL, service_time REAL, request_size INTEGER, "
        "response_size INTEGER, blocked_reason TEXT, request_id TEXT)"_qs,
        u"CREATE INDEX IF NOT EXISTS usage_log_ts ON usage_log(ts)"_qs,
        u"CREATE TABLE IF NOT EXISTS quota_counters (counter_key TEXT PRIMARY KEY, "
        "period_start INTEGER NOT NULL, calls INTEGER NOT NULL, bytes INTEGER NOT NULL)"_qs,
    };
    for (const QString &sql : statements) {
        if (!q.exec(sql))
            return storageError(u"Cannot prepare the usage log"_qs, q.lastError());
    }
    if (q.exec(u"SELECT COUNT(*) FROM schema_version"_qs) && q.next() && q.value(0).toInt() == 0)
        q.exec(u"INSERT INTO schema_version (version) VALUES (1)"_qs);
    prune(QDateTime::currentMSecsSinceEpoch());
    m_flushTimer.start();
    m_pruneTimer.start();
    return {};
}

void UsageLog::record(const GatewayExchange &ex, qint64 nowMs)
{
    UsageRecord r;
    r.timestampMs = ex.startMs;
    if (ex.api) {
        r.service = ex.api->config.service;
        r.apiId = ex.api->config.id;
        r.apiName = ex.api->config.displayName;
    }
    if (ex.operation) {
        r.operationId = ex.operation->config.id;
        r.operationName = ex.operation->config.displayName;
    }
    r.productId = ex.productId;
    if (const auto *product = ex.snapshot && !ex.productId.isEmpty() ? ex.snapshot->product(r.service, ex.productId) : nullptr)
        r.productName = product->displayName;
    if (ex.subscription) {
        r.subscriptionId = ex.subscription->config.id;
        r.subscriptionName = ex.subscription->config.displayName;
    }
    r.userId = ex.userId;
    if (const auto *user = ex.snapshot && !ex.userId.isEmpty() ? ex.snapshot->user(r.service, ex.userId) : nullptr)
        r.userName = user->displayName;
    r.method = ex.request.method;
    r.url = QString::fromUtf8(ex.request.target);
    r.ipAddress = ex.clientIp;
    r.status = ex.status;
    r.backendStatus = ex.backendStatus;
    r.apiTimeMs = double(nowMs - ex.startMs);
    r.serviceTimeMs = double(ex.serviceMs);
    r.requestSize = ex.bytesIn;
    r.responseSize = ex.bytesOut;
    r.blockedReason = ex.blockedReason;
    r.requestId = QString::fromLatin1(ex.requestId);
    record(std::move(r));
}

void UsageLog::record(UsageRecord record)
{
    std::lock_guard lock(m_mutex);
    m_pending.append(std::move(record));
}

void UsageLog::flush()
{
    QList<UsageRecord> batch;
    {
        std::lock_guard lock(m_mutex);
        batch.swap(m_pending);
    }
    const QHash<QString, RateLimiter::QuotaCounter> quotas = m_limiter ? m_limiter->takeDirtyQuotas()
                                                                       : QHash<QString, RateLimiter::QuotaCounter>();
    if (batch.isEmpty() && quotas.isEmpty())
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO usage_log (ts, service, api_id, api_name, operation_id, operation_name, "
                   "product_id, product_name, subscription_id, subscription_name, user_id, user_name, method, url, ip, status, backend_status, "
                   "api_time, service_time, request_size, response_size, blocked_reason, request_id) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_qs);
    for (const UsageRecord &r : std::as_const(batch)) {
        const QVariantList values { r.timestampMs, r.service, r.apiId, r.apiName, r.operationId, r.operationName,
                                    r.productId, r.productName, r.subscriptionId, r.subscriptionName,
                                    r.userId, r.userName, QString::fromLatin1(r.method),
                                    r.url, r.ipAddress, r.status, r.backendStatus, r.apiTimeMs,
                                    r.serviceTimeMs, r.requestSize, r.responseSize, r.blockedReason,
                                    r.requestId };
        for (int i = 0; i < values.size(); ++i)
            insert.bindValue(i, values[i]);
        insert.exec();
    }
    QSqlQuery upsert(db);
    upsert.prepare(u"INSERT INTO quota_counters (counter_key, period_start, calls, bytes) VALUES (?,?,?,?) "
                   "ON CONFLICT(counter_key) DO UPDATE SET period_start=excluded.period_start, "
                   "calls=excluded.calls, bytes=excluded.bytes"_qs);
    for (auto it = quotas.begin(); it != quotas.end(); ++it) {
        upsert.bindValue(0, it.key());
        upsert.bindValue(1, it->periodStartMs);
        upsert.bindValue(2, it->calls);
        upsert.bindValue(3, it->bytes);
        upsert.exec();
    }
    db.commit();
}

QHash<QString, RateLimiter::QuotaCounter> UsageLog::loadQuotas() const
{
    QHash<QString, RateLimiter::QuotaCounter> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(u"SELECT counter_key, period_start, calls, bytes FROM quota_counters"_qs))
        return out;
    while (q.next())
        out.insert(q.value(0).toString(), { q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong() });
    return out;
}

qint64 UsageLog::prune(qint64 nowMs)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    qint64 removed = 0;
    q.prepare(u"DELETE FROM usage_log WHERE ts < ?"_qs);
    q.addBindValue(nowMs - m_retention.maxAgeDays * 86400 * 1000);
    if (q.exec())
        removed += q.numRowsAffected();
    q.prepare(u"DELETE FROM usage_log WHERE id <= (SELECT id FROM usage_log ORDER BY id DESC LIMIT 1 OFFSET ?)"_qs);
    q.addBindValue(m_retention.maxRows);
    if (q.exec())
        removed += q.numRowsAffected();
    return removed;
}

} // namespace portico::local
