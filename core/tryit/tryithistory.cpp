// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/tryit/tryithistory.h"

#include "core/common/privatefiles.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <functional>

namespace portico::core {

namespace {

Q_LOGGING_CATEGORY(lcHistory, "portico.core.tryit.history")

// 1: the first schema. 2: the facts of a body that broke off (incomplete*), instead of a
// sentence in `error`. 3: the facts of a send that ended without a response (`failure`, JSON of
// SendFailure), instead of a sentence in `error`. 4: where a response came from and how its
// certificate was trusted (`exchange`, JSON: redirects, the certificate).
constexpr int schemaVersion = 4;
// PRAGMA auto_vacuum=FULL: every commit that frees pages gives them back to the file system.
// (INCREMENTAL would need "PRAGMA incremental_vacuum" stepped once per page, which QSqlQuery
// does not do for a statement without result columns.)
constexpr int autoVacuumFull = 1;

Error sqlError(const QSqlError &error, const QString &what)
{
    Error e = Error::make(Error::Kind::Storage, u"History: %1 failed."_qs.arg(what));
    e.technical = error.text();
    return e;
}

QByteArray headersToJson(const HeaderList &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers)
        array.append(QJsonArray { QString::fromLatin1(name), QString::fromUtf8(value) });
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

HeaderList headersFromJson(const QByteArray &json)
{
    HeaderList headers;
    for (const QJsonValue &item : QJsonDocument::fromJson(json).array())
        headers.append({ item.toArray().at(0).toString().toLatin1(), item.toArray().at(1).toString().toUtf8() });
    return headers;
}

const char *const columns = "id, sent_at, request_json, url, status, reason, response_headers, response_body, "
                            "body_truncated, body_size, total_ms, ttfb_ms, error, incomplete, incomplete_idle_s, "
                            "incomplete_error_code, incomplete_error, failure, exchange";

// The facts of `exchange`. URLs are masked like the requested URL (`shown`).
QByteArray exchangeToJson(const TryItResponse &response, const std::function<QString(const QUrl &)> &shown)
{
    QJsonObject json {
        { u"finalUrl"_qs, shown(response.url) },
        { u"finalMethod"_qs, QString::fromLatin1(response.method) },
        { u"redirectsFollowed"_qs, response.redirectsFollowed },
    };
    if (const auto &redirect = response.unfollowedRedirect) {
        json.insert(u"unfollowedRedirect"_qs,
                    QJsonObject { { u"reason"_qs, int(redirect->reason) },
                                  { u"location"_qs, redirect->location.isEmpty() ? QString() : shown(redirect->location) },
                                  { u"maxRedirects"_qs, redirect->maxRedirects } });
    }
    if (const auto &certificate = response.certificate)
        json.insert(u"certificate"_qs, certificate->toJson()); // as SendFailure stores one, plus its trust
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

void exchangeFromJson(const QByteArray &text, HistoryEntry &entry)
{
    const QJsonObject json = QJsonDocument::fromJson(text).object();
    if (json.isEmpty())
        return;
    entry.finalUrl = QUrl(json.value(u"finalUrl"_qs).toString());
    entry.finalMethod = json.value(u"finalMethod"_qs).toString().toLatin1();
    entry.redirectsFollowed = json.value(u"redirectsFollowed"_qs).toInt();
    if (const QJsonObject redirect = json.value(u"unfollowedRedirect"_qs).toObject(); !redirect.isEmpty()) {
        const int reason = redirect.value(u"reason"_qs).toInt();
        if (reason >= int(UnfollowedRedirect::Reason::TooMany)
            && reason <= int(UnfollowedRedirect::Reason::UnsupportedLocation)) {
            UnfollowedRedirect unfollowed;
            unfollowed.reason = UnfollowedRedirect::Reason(reason);
            unfollowed.location = QUrl(redirect.value(u"location"_qs).toString());
            unfollowed.maxRedirects = redirect.value(u"maxRedirects"_qs).toInt();
            entry.unfollowedRedirect = unfollowed;
        }
    }
    if (const QJsonObject certificate = json.value(u"certificate"_qs).toObject(); !certificate.isEmpty())
        entry.certificate = TlsCertificateInfo::fromJson(certificate);
}

std::optional<IncompleteBody> incompleteFrom(const QSqlQuery &query, qint64 bodySize)
{
    const int cause = query.value(13).toInt();
    if (cause < int(IncompleteBody::Cause::Stalled) || cause > int(IncompleteBody::Cause::UnsupportedEncoding))
        return std::nullopt;
    IncompleteBody incomplete;
    incomplete.cause = IncompleteBody::Cause(cause);
    incomplete.idleSeconds = query.value(14).toInt();
    incomplete.bytesReceived = bodySize;
    incomplete.networkErrorCode = query.value(15).toInt();
    incomplete.networkError = query.value(16).toString();
    return incomplete;
}

// Rows written before schema 3 keep core's English sentence in `error`. The ones core wrote
// itself, and Qt's words for the two commonest connection failures, are read back as facts
// (host and port from the stored URL), so that they too are said in the user's language.
std::optional<SendFailure> legacyFailure(const QString &error, const QString &url, qint64 totalMs)
{
    static const QRegularExpression noData(u"^No data for (\\d+) s\\.$"_qs);
    static const QRegularExpression deadline(u"^No complete answer within (\\d+) s\\.$"_qs);
    static const QRegularExpression hostNotFound(u"^Host (\\S+) not found$"_qs);
    SendFailure failure;
    const QUrl parsed(url);
    failure.scheme = parsed.scheme();
    failure.host = parsed.host();
    failure.port = parsed.port(failure.scheme == u"https"_qs ? 443 : 80);
    failure.elapsedMs = totalMs > 0 ? totalMs : -1;
    failure.detail = error;
    if (error == u"Cancelled."_qs) {
        failure.kind = SendFailure::Kind::Cancelled;
    } else if (const auto m = noData.match(error); m.hasMatch()) {
        failure.kind = SendFailure::Kind::NoAnswer;
        failure.timeoutSeconds = m.captured(1).toInt();
    } else if (const auto m = deadline.match(error); m.hasMatch()) {
        failure.kind = SendFailure::Kind::Deadline;
        failure.timeoutSeconds = m.captured(1).toInt();
    } else if (error == u"Connection refused"_qs) {
        failure.kind = SendFailure::Kind::ConnectionRefused;
    } else if (const auto m = hostNotFound.match(error); m.hasMatch()) {
        failure.kind = SendFailure::Kind::HostNotFound;
        failure.host = m.captured(1);
    } else {
        return std::nullopt;
    }
    if (failure.host.isEmpty())
        return std::nullopt;
    return failure;
}

HistoryEntry entryFrom(const QSqlQuery &query)
{
    HistoryEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.sentAt = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
    entry.request = TryItRequest::fromJson(QJsonDocument::fromJson(query.value(2).toByteArray()).object());
    entry.url = query.value(3).toString();
    entry.status = query.value(4).toInt();
    entry.reason = query.value(5).toByteArray();
    entry.responseHeaders = headersFromJson(query.value(6).toByteArray());
    entry.responseBody = query.value(7).toByteArray();
    entry.bodyTruncated = query.value(8).toBool();
    entry.bodySize = query.value(9).toLongLong();
    entry.totalMs = query.value(10).toLongLong();
    entry.timeToFirstByteMs = query.value(11).toLongLong();
    entry.error = query.value(12).toString();
    entry.incomplete = incompleteFrom(query, entry.bodySize);
    if (entry.incomplete && entry.incomplete->isDecodingProblem()) {
        for (const auto &[name, value] : std::as_const(entry.responseHeaders)) {
            if (name.compare("Content-Encoding", Qt::CaseInsensitive) == 0)
                entry.incomplete->encoding = value.trimmed();
        }
    }
    if (const QByteArray failure = query.value(17).toByteArray(); !failure.isEmpty())
        entry.failure = SendFailure::fromJson(QJsonDocument::fromJson(failure).object());
    else if (entry.status == 0 && !entry.incomplete && !entry.error.isEmpty())
        entry.failure = legacyFailure(entry.error, entry.url, entry.totalMs);
    exchangeFromJson(query.value(18).toByteArray(), entry);
    return entry;
}

} // namespace

TryItHistory::TryItHistory()
    : m_connection(u"portico-history-"_qs + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

TryItHistory::~TryItHistory()
{
    close();
}

void TryItHistory::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<void> TryItHistory::open(const QString &path)
{
    close();
    // Request bodies and URLs: the user's alone (also a file or directory an older version left
    // readable to others).
    if (auto directory = makePrivateDirectory(QFileInfo(path).absolutePath()); !directory)
        return directory;
    if (auto prepared = preparePrivateDatabase(path); !prepared)
        return prepared;
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, m_connection);
    db.setDatabaseName(path);
    if (!db.open())
        return sqlError(db.lastError(), u"opening %1"_qs.arg(path));
    QSqlQuery query(db);
    // auto_vacuum first: it only takes effect on a new file before its first table.
    for (const char *statement : { "PRAGMA auto_vacuum=FULL", "PRAGMA journal_mode=WAL",
                                   "PRAGMA synchronous=NORMAL", "PRAGMA secure_delete=ON" }) {
        if (!query.exec(QString::fromLatin1(statement)))
            return sqlError(query.lastError(), QString::fromLatin1(statement));
    }
    if (!query.exec(u"PRAGMA user_version"_qs) || !query.next())
        return sqlError(query.lastError(), u"reading the schema version"_qs);
    const int version = query.value(0).toInt();
    query.finish();
    if (version > schemaVersion)
        return Error::make(Error::Kind::Storage, u"The history was written by a newer Portico."_qs);
    if (version < schemaVersion) {
        if (auto migrated = migrate(version); !migrated)
            return migrated;
    }
    return useAutoVacuum();
}

Result<void> TryItHistory::migrate(int fromVersion)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return sqlError(db.lastError(), u"starting a transaction"_qs);
    QSqlQuery query(db);
    QStringList statements;
    if (fromVersion < 1) {
        statements << u"CREATE TABLE IF NOT EXISTS sends ("
                      " id INTEGER PRIMARY KEY AUTOINCREMENT, sent_at INTEGER NOT NULL,"
                      " api_id TEXT NOT NULL, operation_id TEXT NOT NULL, request_json BLOB NOT NULL,"
                      " url TEXT NOT NULL, status INTEGER NOT NULL, reason BLOB, response_headers BLOB,"
                      " response_body BLOB, body_truncated INTEGER NOT NULL DEFAULT 0,"
                      " body_size INTEGER NOT NULL DEFAULT 0, total_ms INTEGER NOT NULL DEFAULT 0,"
                      " ttfb_ms INTEGER NOT NULL DEFAULT -1, error TEXT)"_qs
                   << u"CREATE INDEX IF NOT EXISTS sends_by_operation ON sends(api_id, operation_id, sent_at)"_qs;
    }
    if (fromVersion < 2) {
        // Rows from version 1 keep incomplete = 0 and their text in `error`.
        statements << u"ALTER TABLE sends ADD COLUMN incomplete INTEGER NOT NULL DEFAULT 0"_qs
                   << u"ALTER TABLE sends ADD COLUMN incomplete_idle_s INTEGER NOT NULL DEFAULT 0"_qs
                   << u"ALTER TABLE sends ADD COLUMN incomplete_error_code INTEGER NOT NULL DEFAULT 0"_qs
                   << u"ALTER TABLE sends ADD COLUMN incomplete_error TEXT"_qs;
    }
    if (fromVersion < 3) {
        // Rows from before keep failure NULL and their text in `error`.
        statements << u"ALTER TABLE sends ADD COLUMN failure BLOB"_qs;
    }
    if (fromVersion < 4) {
        // Rows from before keep exchange NULL: no redirect note, no certificate.
        statements << u"ALTER TABLE sends ADD COLUMN exchange BLOB"_qs;
    }
    statements << u"PRAGMA user_version=%1"_qs.arg(schemaVersion);
    for (const QString &statement : std::as_const(statements)) {
        if (!query.exec(statement)) {
            const Error error = sqlError(query.lastError(), u"updating the schema"_qs);
            query.finish();
            db.rollback();
            return error;
        }
    }
    if (!db.commit()) {
        const Error error = sqlError(db.lastError(), u"updating the schema"_qs);
        db.rollback();
        return error;
    }
    return {};
}

Result<void> TryItHistory::useAutoVacuum()
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(u"PRAGMA auto_vacuum"_qs) || !query.next())
        return sqlError(query.lastError(), u"reading the vacuum mode"_qs);
    const int mode = query.value(0).toInt();
    query.finish();
    if (mode == autoVacuumFull)
        return {};
    // A file written before auto_vacuum: switching needs one VACUUM, which rewrites the file
    // (and gives back the space of everything deleted before). If that fails (e.g. no room for
    // the copy), the history still works; it just does not shrink yet.
    if (!query.exec(u"PRAGMA auto_vacuum=FULL"_qs) || !query.exec(u"VACUUM"_qs))
        qCWarning(lcHistory) << "Cannot switch the history to auto_vacuum:" << query.lastError().text();
    return {};
}

Result<qint64> TryItHistory::record(const TryItRequest &request, const Result<TryItResponse> &response,
                                    const QDateTime &sentAt)
{
    return insert(request, response, nullptr, sentAt);
}

Result<qint64> TryItHistory::record(const TryItRequest &request, const SendFailure &failure,
                                    const QDateTime &sentAt)
{
    Error error = Error::make(Error::Kind::Network, failure.detail);
    return insert(request, error, &failure, sentAt);
}

Result<qint64> TryItHistory::insert(const TryItRequest &request, const Result<TryItResponse> &response,
                                    const SendFailure *failure, const QDateTime &sentAt)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return Error::make(Error::Kind::Storage, u"The history is not open."_qs);
    const QStringList secrets = request.secretValues();
    TryItRequest stored = request;
    stored.subscriptionKey.clear();
    const QByteArray requestJson = scrubSecrets(QJsonDocument(stored.toJson()).toJson(QJsonDocument::Compact), secrets);
    QString url;
    if (auto prepared = request.preview(); prepared.ok())
        url = scrubSecrets(prepared->url.toString(), secrets);

    if (!db.transaction())
        return sqlError(db.lastError(), u"starting a transaction"_qs);
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO sends (sent_at, api_id, operation_id, request_json, url, status, reason,"
                  " response_headers, response_body, body_truncated, body_size, total_ms, ttfb_ms, error,"
                  " incomplete, incomplete_idle_s, incomplete_error_code, incomplete_error, failure, exchange)"
                  " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_qs);
    query.addBindValue(sentAt.toMSecsSinceEpoch());
    query.addBindValue(request.apiId);
    query.addBindValue(request.operationId);
    query.addBindValue(requestJson);
    query.addBindValue(url);
    if (response.ok()) {
        const TryItResponse &r = response.value();
        const bool truncated = r.isStreamedToFile() || r.body.size() > bodyLimit;
        query.addBindValue(r.status);
        query.addBindValue(r.reason);
        query.addBindValue(scrubSecrets(headersToJson(redactHeaders(r.headers, request.secretHeaderNames(), request.secretQueryNames())), secrets));
        query.addBindValue(r.isStreamedToFile() ? QByteArray() : scrubSecrets(r.body.left(bodyLimit), secrets));
        query.addBindValue(truncated ? 1 : 0);
        query.addBindValue(r.bodySize);
        query.addBindValue(r.totalMs);
        query.addBindValue(r.timeToFirstByteMs);
        query.addBindValue(QString());
        query.addBindValue(r.incomplete ? int(r.incomplete->cause) : 0);
        query.addBindValue(r.incomplete ? r.incomplete->idleSeconds : 0);
        query.addBindValue(r.incomplete ? r.incomplete->networkErrorCode : 0);
        query.addBindValue(r.incomplete ? scrubSecrets(r.incomplete->networkError, secrets) : QString());
        query.addBindValue(QByteArray());
        const auto shown = [&](const QUrl &url) {
            return scrubSecrets(redactUrl(url, request.secretQueryNames()).toString(), secrets);
        };
        query.addBindValue(scrubSecrets(exchangeToJson(r, shown), secrets));
    } else {
        query.addBindValue(0);
        query.addBindValue(QByteArray());
        query.addBindValue(QByteArray("[]"));
        query.addBindValue(QByteArray());
        query.addBindValue(0);
        query.addBindValue(0);
        query.addBindValue(failure && failure->elapsedMs > 0 ? failure->elapsedMs : 0);
        query.addBindValue(-1);
        query.addBindValue(scrubSecrets(response.error().toString(), secrets));
        query.addBindValue(0);
        query.addBindValue(0);
        query.addBindValue(0);
        query.addBindValue(QString());
        query.addBindValue(failure ? scrubSecrets(QJsonDocument(failure->toJson()).toJson(QJsonDocument::Compact),
                                                  secrets)
                                   : QByteArray());
        query.addBindValue(QByteArray());
    }
    if (!query.exec()) {
        const Error error = sqlError(query.lastError(), u"recording a send"_qs);
        db.rollback();
        return error;
    }
    const qint64 id = query.lastInsertId().toLongLong();
    query.finish();
    if (auto pruned = prune(); !pruned) {
        db.rollback();
        return pruned.error();
    }
    if (!db.commit()) {
        const Error error = sqlError(db.lastError(), u"recording a send"_qs);
        db.rollback();
        return error;
    }
    return id;
}

Result<void> TryItHistory::prune()
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"DELETE FROM sends WHERE id IN"
                  " (SELECT id FROM sends ORDER BY sent_at DESC, id DESC LIMIT -1 OFFSET ?)"_qs);
    query.addBindValue(std::max(1, m_retention.maxEntries));
    if (!query.exec())
        return sqlError(query.lastError(), u"pruning by count"_qs);
    // Running total of the stored bytes, newest first; everything past the cap goes.
    query.prepare(u"DELETE FROM sends WHERE id IN (SELECT id FROM ("
                  " SELECT id, ROW_NUMBER() OVER newest AS n,"
                  " SUM(length(request_json) + length(url) + IFNULL(length(reason), 0)"
                  " + IFNULL(length(response_headers), 0) + IFNULL(length(response_body), 0)"
                  " + IFNULL(length(error), 0) + IFNULL(length(failure), 0)) OVER newest AS running"
                  " FROM sends WINDOW newest AS (ORDER BY sent_at DESC, id DESC))"
                  " WHERE n > 1 AND running > ?)"_qs);
    query.addBindValue(std::max<qint64>(0, m_retention.maxBytes));
    if (!query.exec())
        return sqlError(query.lastError(), u"pruning by size"_qs);
    return {};
}

Result<void> TryItHistory::checkpoint()
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_qs))
        return sqlError(query.lastError(), u"writing the deletion through"_qs);
    return {};
}

Result<qint64> TryItHistory::count() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return Error::make(Error::Kind::Storage, u"The history is not open."_qs);
    QSqlQuery query(db);
    if (!query.exec(u"SELECT COUNT(*) FROM sends"_qs) || !query.next())
        return sqlError(query.lastError(), u"counting"_qs);
    return query.value(0).toLongLong();
}

Result<QList<HistoryEntry>> TryItHistory::list(const HistoryFilter &filter) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return Error::make(Error::Kind::Storage, u"The history is not open."_qs);
    QString sql = u"SELECT %1 FROM sends WHERE 1=1"_qs.arg(QString::fromLatin1(columns));
    // A complete response: nothing incomplete, or a whole body shown as sent (not decompressed).
    const QString wholeBody = u"0, %1, %2"_qs.arg(int(IncompleteBody::Cause::NotDecodable))
                                  .arg(int(IncompleteBody::Cause::UnsupportedEncoding));
    if (!filter.apiId.isEmpty())
        sql += u" AND api_id = :api"_qs;
    if (!filter.operationId.isEmpty())
        sql += u" AND operation_id = :operation"_qs;
    if (filter.statusClass > 0)
        sql += u" AND status >= :low AND status < :high"_qs;
    else if (filter.statusClass < 0)
        sql += u" AND (status = 0 OR incomplete NOT IN (%1))"_qs.arg(wholeBody);
    if (filter.statusClass > 0)
        sql += u" AND incomplete IN (%1)"_qs.arg(wholeBody);
    sql += u" ORDER BY sent_at DESC, id DESC LIMIT :limit"_qs;
    QSqlQuery query(db);
    query.prepare(sql);
    if (!filter.apiId.isEmpty())
        query.bindValue(u":api"_qs, filter.apiId);
    if (!filter.operationId.isEmpty())
        query.bindValue(u":operation"_qs, filter.operationId);
    if (filter.statusClass > 0) {
        query.bindValue(u":low"_qs, filter.statusClass * 100);
        query.bindValue(u":high"_qs, filter.statusClass * 100 + 100);
    }
    query.bindValue(u":limit"_qs, qBound(1, filter.limit, 100000));
    if (!query.exec())
        return sqlError(query.lastError(), u"listing"_qs);
    QList<HistoryEntry> entries;
    while (query.next())
        entries.append(entryFrom(query));
    return entries;
}

Result<HistoryEntry> TryItHistory::load(qint64 id) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return Error::make(Error::Kind::Storage, u"The history is not open."_qs);
    QSqlQuery query(db);
    query.prepare(u"SELECT %1 FROM sends WHERE id = ?"_qs.arg(QString::fromLatin1(columns)));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query.lastError(), u"loading"_qs);
    if (!query.next())
        return Error::make(Error::Kind::NotFound, u"No history entry %1."_qs.arg(id));
    return entryFrom(query);
}

Result<void> TryItHistory::remove(qint64 id)
{
    return remove(QList<qint64> { id });
}

Result<void> TryItHistory::remove(const QList<qint64> &ids)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return Error::make(Error::Kind::Storage, u"The history is not open."_qs);
    if (!db.transaction())
        return sqlError(db.lastError(), u"starting a transaction"_qs);
    {
        QSqlQuery query(db);
        query.prepare(u"DELETE FROM sends WHERE id = ?"_qs);
        for (const qint64 id : ids) {
            query.bindValue(0, id);
            if (!query.exec()) {
                const Error error = sqlError(query.lastError(), u"removing"_qs);
                query.finish();
                db.rollback();
                return error;
            }
        }
    }
    if (!db.commit()) {
        const Error error = sqlError(db.lastError(), u"removing"_qs);
        db.rollback();
        return error;
    }
    return checkpoint();
}

Result<void> TryItHistory::clear()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return Error::make(Error::Kind::Storage, u"The history is not open."_qs);
    QSqlQuery query(db);
    if (!query.exec(u"DELETE FROM sends"_qs))
        return sqlError(query.lastError(), u"clearing"_qs);
    return checkpoint();
}

} // namespace portico::core
