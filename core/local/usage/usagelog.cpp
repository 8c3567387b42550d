// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/usage/usagelog.h"

#include "core/local/gateway/gatewayexchange.h"
#include "core/local/gateway/knownkeys.h"
#include "core/local/usage/legacyquotakeys.h"
#include "core/model/api.h"
#include "core/tryit/secretredaction.h"

#include <QDateTime>
#include <QScopeGuard>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <QVarLengthArray>

#include <sqlite3.h>

#include <limits>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

Q_LOGGING_CATEGORY(lcUsage, "portico.local.usage")

namespace portico::local {

using core::Error;
using core::Result;

namespace {

Error storageError(const QString &what, const QSqlError &error)
{
    Error e = Error::make(Error::Kind::Storage, what + u": "_qs + error.text());
    return e;
}

// The sqlite3 handle behind a Qt SQLite connection. The gateway writes one usage row per request;
// binding through QVariant cost more CPU than the proxying itself (bench_gateway), so the
// insert uses the C API on the connection QtSql opened (same library, same handle).
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

void bindText(sqlite3_stmt *statement, int index, const QString &text)
{
    if (text.isNull())
        sqlite3_bind_null(statement, index);
    else
        sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * sizeof(char16_t)), SQLITE_STATIC);
}

void bindUtf8(sqlite3_stmt *statement, int index, const QByteArray &text)
{
    if (text.isNull())
        sqlite3_bind_null(statement, index);
    else
        sqlite3_bind_text(statement, index, text.constData(), int(text.size()), SQLITE_STATIC);
}

const QString &defaultKeyName()
{
    static const QString name = core::SubscriptionKeyParameterNames::defaultQuery.toString();
    return name;
}

// A query item's name as the key check compares it: percent-decoded ('+' as a space), cut at
// an encoded '=' (`subscription-key%3D=…`), without a trailing bracket group
// (`subscription-key[]=…`) and blanks. The gateway never takes such a name for its key, but a
// client that sends a valid key under it still sent the key.
QString keyCheckName(QByteArrayView rawName)
{
    QByteArray bytes = rawName.toByteArray();
    bytes.replace('+', ' ');
    QString name = QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
    if (const qsizetype eq = name.indexOf(u'='); eq >= 0)
        name.truncate(eq);
    name = name.trimmed();
    if (name.endsWith(u']')) {
        if (const qsizetype open = name.lastIndexOf(u'['); open >= 0)
            name = name.first(open).trimmed();
    }
    return name;
}

// True when keyCheckName() would return `rawName` as it is (the usual case): compared without
// decoding.
bool isPlainName(QByteArrayView rawName)
{
    return std::none_of(rawName.cbegin(), rawName.cend(), [](char c) {
        return c == '%' || c == '+' || c == '[' || c == ' ' || c == '\t' || (uchar(c) & 0x80);
    });
}

// `target` as the log keeps it: the `masked` spans (ascending, disjoint) replaced by one mask
// each, and, when `names` is not null, without the query items named as the default key
// parameter or one of `names`, compared as keyCheckName() says; items are separated by '&' or
// ';'. The items are found in the target as sent, so that a mask over a separator (a key `ab&`)
// does not join an item to the key item after it. An item a mask joins to a key item before it
// (the `y` of `subscription-key=k;y`: one value to the gateway) goes with that key item. When
// an item goes, empty items go too. Everything else stays as sent; the target is shared when
// nothing changes.
QByteArray loggedTarget(const QByteArray &target, const QList<KnownKeys::Span> &masked, const QStringList *names)
{
    const qsizetype q = target.indexOf('?');
    using Range = std::pair<qsizetype, qsizetype>;
    QVarLengthArray<Range, 16> kept; // [begin, end) of the target, in order
    if (q < 0 || !names) {
        if (masked.isEmpty())
            return q < 0 ? target : target.first(q);
        kept.append({ 0, q < 0 ? target.size() : q });
    } else {
        const auto isKey = [&](QByteArrayView item) {
            const qsizetype eq = item.indexOf('=');
            const QByteArrayView rawName = eq < 0 ? item : item.first(eq);
            if (isPlainName(rawName)) {
                const QLatin1StringView name(rawName);
                return name.compare(defaultKeyName(), Qt::CaseInsensitive) == 0
                       || names->contains(name, Qt::CaseInsensitive);
            }
            const QString name = keyCheckName(rawName);
            return name.compare(defaultKeyName(), Qt::CaseInsensitive) == 0 || names->contains(name, Qt::CaseInsensitive);
        };
        kept.append({ 0, q });
        bool dropped = false;
        qsizetype dropReach = 0; // the end of a mask over the last dropped item
        auto span = masked.cbegin(); // the first that ends after the item looked at
        for (qsizetype begin = q + 1; begin <= target.size();) {
            qsizetype end = begin;
            while (end < target.size() && target[end] != '&' && target[end] != ';')
                ++end;
            while (span != masked.cend() && span->second <= begin)
                ++span;
            if (begin < dropReach || isKey(QByteArrayView(target).sliced(begin, end - begin))) {
                dropped = true;
                for (auto s = span; s != masked.cend() && s->first < end; ++s)
                    dropReach = std::max(dropReach, s->second);
            } else if (end > begin) {
                // After its separator as sent; the first item kept after the '?'.
                const qsizetype separator = kept.size() == 1 ? q : begin - 1;
                kept.append({ separator, separator + 1 });
                kept.append({ begin, end });
            }
            begin = end + 1;
        }
        if (!dropped) {
            if (masked.isEmpty())
                return target;
            kept = { { 0, target.size() } };
        }
    }
    static const QByteArray mask = core::secretMask.toUtf8();
    QByteArray out;
    out.reserve(target.size());
    auto span = masked.cbegin();
    bool inMask = false;
    for (const auto &[begin, end] : kept) {
        for (qsizetype i = begin; i < end; ++i) {
            while (span != masked.cend() && span->second <= i)
                ++span;
            if (span != masked.cend() && span->first <= i) {
                if (!inMask)
                    out += mask;
                inMask = true;
            } else {
                out += target[i];
                inMask = false;
            }
        }
    }
    return out;
}

QByteArray withoutKeyItems(const QByteArray &target, const QStringList &names)
{
    return loggedTarget(target, {}, &names);
}

// The request target without subscription keys, for the log. A routed request loses every
// query item named as a key query parameter of its service's APIs (or the default one): a key
// sent to the wrong API, or misspelt, is still a secret. A request that matched no API keeps no
// query at all: the gateway cannot tell which parameter a client meant as a key (a renamed one,
// another service's, a typo), so it logs only the path. `apiNames` is null for such a request.
// Known keys are masked wherever they stand.
QByteArray targetWithoutKeys(const QByteArray &target, const KnownKeys &keys, const QStringList *apiNames)
{
    return loggedTarget(target, keys.spansIn(target), apiNames);
}

QByteArray targetWithoutKeys(const GatewayExchange &ex)
{
    static const KnownKeys none;
    return targetWithoutKeys(ex.request.target, ex.snapshot ? ex.snapshot->knownKeys() : none,
                             ex.api ? &ex.api->keyQueryNames : nullptr);
}

// Logs written before version 2 stored URLs with the key in them. Strips the default key
// parameter from those rows once, by the rules of withoutKeyItems(); APIs that renamed it are
// not known here, nor is which row matched an API. The URL is read and written as bytes (stored
// as TEXT again), so bytes that are not UTF-8 stay as they were.
bool scrubKeysFromOldRows(QSqlDatabase &db)
{
    QSqlQuery select(db);
    if (!select.exec(u"SELECT id, CAST(url AS BLOB) FROM usage_log WHERE instr(url, '?') > 0"_qs))
        return false;
    QList<std::pair<QVariant, QByteArray>> changed;
    while (select.next()) {
        const QByteArray url = select.value(1).toByteArray();
        const QByteArray clean = withoutKeyItems(url, {});
        if (clean.size() != url.size())
            changed.append({ select.value(0), clean });
    }
    QSqlQuery update(db);
    update.prepare(u"UPDATE usage_log SET url = CAST(? AS TEXT) WHERE id = ?"_qs);
    for (const auto &[id, url] : std::as_const(changed)) {
        update.bindValue(0, url);
        update.bindValue(1, id);
        if (!update.exec())
            return false;
    }
    return true;
}

// The version a log has once migrate() ran: see open().
constexpr int kSchemaVersion = 5;

// How many rows scrubKeysFromOldRows() reads and updates at a time.
constexpr int kScrubBatchRows = 1000;

// Logs written before version 4 kept a key sent under a renamed key parameter (before 3) or a
// near-miss name (before 4), and known keys elsewhere in the URL or the blocked reason; before
// version 5, a known key that holds a delimiter (`ab/cd`, `k&y=1`) or stands before a full stop
// in the blocked reason. Gives every row what record() stores now, with the names and keys
// `config` knows (of any service): routed rows lose key items, unrouted rows keep their path,
// known keys are masked. Reads the rows forward only, kScrubBatchRows by id at a time, and
// commits each batch on its own: memory stays bounded however long the log is. A crash between
// batches leaves the version below kSchemaVersion, so the next start scrubs again from the
// first row; that is safe because scrubbing a scrubbed row changes nothing. The URL is read and
// written as bytes (stored as TEXT again), so bytes that are not UTF-8 stay as they were; a
// column that does not change is not written.
bool scrubKeysFromOldRows(QSqlDatabase &db, const GatewayConfig &config)
{
    QStringList names;
    for (const auto &api : config.apis) {
        if (!api.subscriptionKeyQuery.isEmpty() && !names.contains(api.subscriptionKeyQuery, Qt::CaseInsensitive))
            names.append(api.subscriptionKeyQuery);
    }
    KnownKeys keys;
    for (const auto &subscription : config.subscriptions) {
        keys.insert(subscription.primaryKey.toUtf8());
        keys.insert(subscription.secondaryKey.toUtf8());
    }
    struct Changed
    {
        qint64 id = 0;
        QVariant url;           // null: unchanged
        QVariant blockedReason; // null: unchanged
    };
    QSqlQuery select(db);
    select.setForwardOnly(true);
    if (!select.prepare(u"SELECT id, CAST(url AS BLOB), api_id, blocked_reason FROM usage_log "
                        "WHERE id > ? ORDER BY id LIMIT ?"_qs))
        return false;
    QSqlQuery update(db);
    if (!update.prepare(u"UPDATE usage_log SET url = COALESCE(CAST(? AS TEXT), url), "
                        "blocked_reason = COALESCE(?, blocked_reason) WHERE id = ?"_qs))
        return false;
    qint64 after = std::numeric_limits<qint64>::min();
    for (;;) {
        select.bindValue(0, after);
        select.bindValue(1, kScrubBatchRows);
        if (!select.exec())
            return false;
        QList<Changed> changed;
        int rows = 0;
        while (select.next()) {
            ++rows;
            after = select.value(0).toLongLong();
            const QByteArray url = select.value(1).toByteArray();
            const QByteArray clean = targetWithoutKeys(url, keys, select.value(2).toString().isEmpty() ? nullptr : &names);
            const QString reason = select.value(3).toString();
            const QString cleanReason = keys.masked(reason);
            if (clean != url || cleanReason != reason) {
                changed.append({ after, clean != url ? QVariant(clean) : QVariant(QMetaType::fromType<QByteArray>()),
                                 cleanReason != reason ? QVariant(cleanReason) : QVariant(QMetaType::fromType<QString>()) });
            }
        }
        select.finish();
        if (!changed.isEmpty()) {
            if (!db.transaction())
                return false;
            for (const Changed &row : std::as_const(changed)) {
                update.bindValue(0, row.url);
                update.bindValue(1, row.blockedReason);
                update.bindValue(2, row.id);
                if (!update.exec()) {
                    db.rollback();
                    return false;
                }
            }
            if (!db.commit()) {
                db.rollback();
                return false;
            }
        }
        if (rows < kScrubBatchRows)
            return true;
    }
}

} // namespace

UsageLog::UsageLog(QObject *parent)
    : QObject(parent)
    , m_connection(u"portico-usage-"_qs + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_flushTimer.setInterval(kFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &UsageLog::flush);
    m_pruneTimer.setInterval(60 * 1000);
    connect(&m_pruneTimer, &QTimer::timeout, this, [this] { startPruning(QDateTime::currentMSecsSinceEpoch()); });
    m_pruneStepTimer.setInterval(kPruneStepMs);
    connect(&m_pruneStepTimer, &QTimer::timeout, this, [this] {
        if (pruneStep(m_pruneBeforeMs) <= 0)
            m_pruneStepTimer.stop();
    });
}

UsageLog::~UsageLog()
{
    if (QSqlDatabase::contains(m_connection)) {
        flush();
        sqlite3_finalize(m_insert);
        m_insert = nullptr;
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
    // Version 2: URLs are stored without subscription keys. Version 3: quota counter keys name
    // the service, and no URL holds a key under a renamed parameter (migrate()). Version 4: no
    // URL holds a key under a near-miss name, and known keys are masked (migrate()). Version 5:
    // also known keys that hold a delimiter (migrate()). A new log starts at the latest version.
    if (q.exec(u"SELECT MAX(version) FROM schema_version"_qs) && q.next()) {
        if (q.value(0).isNull()) {
            q.exec(u"INSERT INTO schema_version (version) VALUES (%1)"_qs.arg(kSchemaVersion));
        } else if (q.value(0).toInt() < 2) {
            q.exec(u"PRAGMA secure_delete = ON"_qs); // the keys must not stay in free space
            db.transaction();
            if (scrubKeysFromOldRows(db) && q.exec(u"UPDATE schema_version SET version = 2"_qs))
                db.commit();
            else
                db.rollback();
            q.exec(u"PRAGMA secure_delete = OFF"_qs);
            q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_qs);
        }
    }
    sqlite3 *handle = sqliteHandle(db);
    if (!handle)
        return Error::make(Error::Kind::Storage, u"The usage log needs Qt's SQLite driver."_qs);
    static const char insertSql[] =
        "INSERT INTO usage_log (ts, service, api_id, api_name, operation_id, operation_name, "
        "product_id, product_name, subscription_id, subscription_name, user_id, user_name, method, url, ip, "
        "status, backend_status, api_time, service_time, request_size, response_size, blocked_reason, "
        "request_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    if (sqlite3_prepare_v3(handle, insertSql, -1, SQLITE_PREPARE_PERSISTENT, &m_insert, nullptr) != SQLITE_OK)
        return Error::make(Error::Kind::Storage,
                           u"Cannot prepare the usage log: "_qs + QString::fromUtf8(sqlite3_errmsg(handle)));
    prune(QDateTime::currentMSecsSinceEpoch());
    {
        std::lock_guard lock(m_mutex);
        m_flushScheduled = true;
    }
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
    r.url = targetWithoutKeys(ex);
    r.ipAddress = ex.clientIp;
    r.status = ex.status;
    r.backendStatus = ex.backendStatus;
    r.apiTimeMs = double(nowMs - ex.startMs);
    r.serviceTimeMs = double(ex.serviceMs);
    r.requestSize = ex.bytesIn;
    r.responseSize = ex.bytesOut;
    r.blockedReason = ex.snapshot ? ex.snapshot->knownKeys().masked(ex.blockedReason) : ex.blockedReason;
    r.requestId = ex.requestId;
    record(std::move(r));
}

void UsageLog::record(UsageRecord record)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        m_pending.append(std::move(record));
        wake = !m_flushScheduled;
        m_flushScheduled = true;
    }
    if (wake) {
        QMetaObject::invokeMethod(this, [this] {
            if (!m_flushTimer.isActive())
                m_flushTimer.start();
        }, Qt::QueuedConnection);
    }
}

void UsageLog::flush()
{
    QList<UsageRecord> batch;
    {
        std::lock_guard lock(m_mutex);
        batch.swap(m_pending);
        m_pending.reserve(batch.size()); // the next batch is about as large: no regrowth under the lock
    }
    const QHash<QString, RateLimiter::QuotaCounter> quotas = m_limiter ? m_limiter->takeDirtyQuotas()
                                                                       : QHash<QString, RateLimiter::QuotaCounter>();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (batch.isEmpty() && quotas.isEmpty()) {
        if (now - m_lastWriteMs < kQuietMs)
            return;
        releaseFreedMemory(); // a quiet moment: nobody waits on the allocator's lock
        bool idle = false;
        {
            std::lock_guard lock(m_mutex);
            idle = m_pending.isEmpty();
            if (idle)
                m_flushScheduled = false; // the next record() starts the timer again
        }
        if (idle)
            m_flushTimer.stop();
        return;
    }
    m_lastWriteMs = now;
    m_trimOwed = true;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    for (const UsageRecord &r : std::as_const(batch)) {
        sqlite3_stmt *st = m_insert;
        sqlite3_bind_int64(st, 1, r.timestampMs);
        const QString *texts[] = { &r.service, &r.apiId, &r.apiName, &r.operationId, &r.operationName,
                                   &r.productId, &r.productName, &r.subscriptionId, &r.subscriptionName,
                                   &r.userId, &r.userName };
        int column = 2;
        for (const QString *text : texts)
            bindText(st, column++, *text);
        sqlite3_bind_text(st, 13, r.method.constData(), int(r.method.size()), SQLITE_STATIC);
        bindUtf8(st, 14, r.url);
        bindText(st, 15, r.ipAddress);
        sqlite3_bind_int(st, 16, r.status);
        sqlite3_bind_int(st, 17, r.backendStatus);
        sqlite3_bind_double(st, 18, r.apiTimeMs);
        sqlite3_bind_double(st, 19, r.serviceTimeMs);
        sqlite3_bind_int64(st, 20, r.requestSize);
        sqlite3_bind_int64(st, 21, r.responseSize);
        bindText(st, 22, r.blockedReason);
        bindUtf8(st, 23, r.requestId);
        if (sqlite3_step(st) != SQLITE_DONE)
            qCWarning(lcUsage).noquote() << "cannot write a usage record:" << sqlite3_errmsg(sqlite3_db_handle(st));
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
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

// Records are written every kFlushMs while they come: small batches, so that the owning thread
// takes the CPU in short slices rather than in bursts that show in the gateway's p99 latency
// (bench_gateway on an idle machine, 2026-11-26: p99 ratio 2.4-2.5x with 200 ms batches,
// 1.7-1.9x with 10 ms ones).
// After kQuietMs without a record the timer stops until the next one.
//
// Batches are allocated on the gateway's worker threads and freed here, which fragments the
// heap: without a trim, the gateway's RSS crept up by a fifth over bench_gateway's 60 s soak
// although nothing leaked (heaptrack). malloc_trim() holds each arena's lock while it walks
// it, and portico-local runs on few arenas (processtuning), so a trim under load stalls the
// workers (a p99 outlier); it runs on the first quiet flush (kQuietMs without a request) after
// records were written instead.
void UsageLog::releaseFreedMemory()
{
#if defined(__GLIBC__)
    if (!m_trimOwed)
        return;
    m_trimOwed = false;
    malloc_trim(0);
#endif
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

Result<void> UsageLog::migrate(const GatewayConfig &config)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    if (!q.exec(u"SELECT MAX(version) FROM schema_version"_qs) || !q.next())
        return storageError(u"Cannot read the usage log's version"_qs, q.lastError());
    const int version = q.value(0).toInt();
    if (version >= kSchemaVersion)
        return {};
    // Overwrite what the scrub removes instead of leaving it in free page space.
    q.exec(u"PRAGMA secure_delete = ON"_qs);
    const auto done = qScopeGuard([&] { QSqlQuery(db).exec(u"PRAGMA secure_delete = OFF"_qs); });
    // The scrub commits batch by batch (see there); the quota counters and the version follow in
    // one transaction, so the version says kSchemaVersion only once every row is scrubbed.
    if (!scrubKeysFromOldRows(db, config))
        return storageError(u"Cannot migrate the usage log"_qs, db.lastError());
    if (!db.transaction())
        return storageError(u"Cannot migrate the usage log"_qs, db.lastError());
    const auto fail = [&](const QSqlQuery &failed) {
        const Error error = storageError(u"Cannot migrate the usage log"_qs, failed.lastError());
        db.rollback();
        return error;
    };
    qint64 renamed = 0;
    if (version < 3) {
        if (!q.exec(u"SELECT counter_key, period_start, calls, bytes FROM quota_counters"_qs))
            return fail(q);
        QHash<QString, RateLimiter::QuotaCounter> stored;
        while (q.next())
            stored.insert(q.value(0).toString(), { q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong() });
        QHash<QString, RateLimiter::QuotaCounter> migrated = stored;
        for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
            const std::optional<QStringList> keys = currentQuotaCounterKeys(it.key(), config);
            if (!keys || keys->isEmpty())
                continue; // current already, or of nothing configured now: left as it is
            ++renamed;
            migrated.remove(it.key());
            for (const QString &key : *keys) {
                auto current = migrated.find(key);
                if (current == migrated.end()) {
                    migrated.insert(key, *it);
                } else if (current->periodStartMs == it->periodStartMs) {
                    current->calls += it->calls;
                    current->bytes += it->bytes;
                } else if (current->periodStartMs < it->periodStartMs) {
                    *current = *it;
                }
            }
        }
        if (renamed > 0) {
            if (!q.exec(u"DELETE FROM quota_counters"_qs))
                return fail(q);
            q.prepare(u"INSERT INTO quota_counters (counter_key, period_start, calls, bytes) VALUES (?,?,?,?)"_qs);
            for (auto it = migrated.cbegin(); it != migrated.cend(); ++it) {
                q.bindValue(0, it.key());
                q.bindValue(1, it->periodStartMs);
                q.bindValue(2, it->calls);
                q.bindValue(3, it->bytes);
                if (!q.exec())
                    return fail(q);
            }
        }
    }
    if (!q.exec(u"UPDATE schema_version SET version = %1"_qs.arg(kSchemaVersion)))
        return fail(q);
    if (!db.commit()) {
        const Error error = storageError(u"Cannot migrate the usage log"_qs, db.lastError());
        db.rollback();
        return error;
    }
    // The WAL still holds the pages as they were before the scrub.
    q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_qs);
    qCInfo(lcUsage) << "quota counters carried over from an older version:" << renamed;
    return {};
}

// Under load a minute's retention can be a million rows or more: deleted in one statement they
// held this thread (the management plane's too) for seconds (2.6 s in bench_gateway's soak).
// So the timer's pruning goes in steps of kPruneStepRows, one every kPruneStepMs, until
// nothing is left to remove.
void UsageLog::startPruning(qint64 nowMs)
{
    m_pruneBeforeMs = oldestKeptMs(nowMs);
    if (!m_pruneStepTimer.isActive())
        m_pruneStepTimer.start();
}

qint64 UsageLog::oldestKeptMs(qint64 nowMs) const
{
    return nowMs - m_retention.maxAgeDays * 86400 * 1000;
}

qint64 UsageLog::pruneStep(qint64 beforeMs)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    qint64 removed = 0;
    q.prepare(u"DELETE FROM usage_log WHERE id IN (SELECT id FROM usage_log WHERE ts < ? LIMIT ?)"_qs);
    q.addBindValue(beforeMs);
    q.addBindValue(kPruneStepRows);
    if (q.exec())
        removed += q.numRowsAffected();
    // Ids grow with every record and are removed from the oldest: the rows beyond maxRows are
    // those up to MAX(id) - maxRows. Where the age rule left a gap in the ids, this keeps a few
    // rows fewer than maxRows, never more.
    q.prepare(u"DELETE FROM usage_log WHERE id <= MIN((SELECT MAX(id) FROM usage_log) - ?, "
              "(SELECT MIN(id) FROM usage_log) + ?)"_qs);
    q.addBindValue(m_retention.maxRows);
    q.addBindValue(kPruneStepRows - 1);
    if (q.exec())
        removed += q.numRowsAffected();
    return removed;
}

qint64 UsageLog::prune(qint64 nowMs)
{
    // The timer's steps, one after the other.
    const qint64 beforeMs = oldestKeptMs(nowMs);
    qint64 removed = 0;
    for (qint64 step = pruneStep(beforeMs); step > 0; step = pruneStep(beforeMs))
        removed += step;
    return removed;
}

} // namespace portico::local
