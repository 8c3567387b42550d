// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/tryit/incompletebody.h"
#include "core/tryit/sendfailure.h"
#include "core/tryit/tryitrequest.h"
#include "core/tryit/tryitresponse.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace portico::core {

// One recorded send, as history shows and re-opens it. Every secret is redacted before it is
// stored: the key is never part of TryItRequest::toJson(), secret headers and query items are
// masked, and every known secret value is scrubbed from all stored text.
struct HistoryEntry
{
    qint64 id = 0;
    QDateTime sentAt;
    TryItRequest request; // subscriptionKey empty; re-opened by subscriptionId (older: by name)
    QString url;          // redacted
    int status = 0;       // 0 when the send failed (see error)
    QByteArray reason;
    HeaderList responseHeaders; // redacted
    QByteArray responseBody;    // at most bodyLimit bytes; empty for bodies streamed to a file
    bool bodyTruncated = false;
    qint64 bodySize = 0;
    qint64 totalMs = 0;
    qint64 timeToFirstByteMs = -1;
    // The body broke off after the headers: status, headers and body are what arrived (the
    // facts of the break here, bytesReceived == bodySize). Entries recorded by Portico before
    // this was kept have status 0 and an English sentence in `error` instead.
    std::optional<IncompleteBody> incomplete;
    // The send ended without a response (status 0): its facts, for the UI's words. Entries
    // recorded before this was kept have only the English sentence in `error`.
    std::optional<SendFailure> failure;
    QString error; // the send failed (status 0): technical text (older entries: core's sentence)
    // Where a response came from and how it was trusted, as the viewer said it live (rows from
    // before schema 4 have none of it): the URL that answered after followed redirects and its
    // method, both with the request's secrets masked; the redirect that was not followed (its
    // location masked); the server's certificate, with `pinned` when a pin made it trusted.
    QUrl finalUrl;
    QByteArray finalMethod;
    int redirectsFollowed = 0;
    std::optional<UnfollowedRedirect> unfollowedRedirect;
    std::optional<TlsCertificateInfo> certificate;
};

struct HistoryFilter
{
    QString apiId;        // empty = any
    QString operationId;  // empty = any
    // 2 = 2xx, 4 = 4xx, ... (complete responses, with those whose whole body is shown as sent,
    // not decompressed); 0 = any; -1 = failed sends only, including those whose body broke off
    int statusClass = 0;
    int limit = 500;
};

// How much history is kept. After every record() the oldest sends beyond maxEntries are
// deleted, then the oldest beyond maxBytes of stored request and response data; the newest
// send is always kept. Both limits are applied in the same transaction as the insert.
struct HistoryRetention
{
    int maxEntries = 500;                 // what the history panel can list
    qint64 maxBytes = 256 * 1024 * 1024;  // 256 MiB: room for a few hundred 1 MiB bodies
};

// The Try It history in SQLite (WAL, secure_delete, auto_vacuum=FULL). One instance per
// database file; not shared across threads. Writes are small and synchronous; the file is the
// user's, in the app data dir: open() makes that directory 0700 and the database files 0600
// (also ones an older version left readable). A file from before auto_vacuum is converted once
// (VACUUM) when it is opened.
class TryItHistory final
{
public:
    static constexpr qint64 bodyLimit = 1024 * 1024;

    TryItHistory();
    ~TryItHistory();
    TryItHistory(const TryItHistory &) = delete;
    TryItHistory &operator=(const TryItHistory &) = delete;

    [[nodiscard]] Result<void> open(const QString &path);
    void close();

    // A response with `incomplete` set (TryItSender::partialResponse()) is recorded as what
    // arrived, marked incomplete with its facts.
    [[nodiscard]] Result<qint64> record(const TryItRequest &request, const Result<TryItResponse> &response,
                                        const QDateTime &sentAt = QDateTime::currentDateTimeUtc());
    // A send that ended without a response (TryItSender::failure()): recorded with its facts,
    // scrubbed of the request's secrets like everything stored.
    [[nodiscard]] Result<qint64> record(const TryItRequest &request, const SendFailure &failure,
                                        const QDateTime &sentAt = QDateTime::currentDateTimeUtc());
    [[nodiscard]] Result<QList<HistoryEntry>> list(const HistoryFilter &filter = {}) const;
    [[nodiscard]] Result<HistoryEntry> load(qint64 id) const;
    // Deleting overwrites the deleted data (secure_delete), gives the freed pages back
    // (auto_vacuum) and checkpoints the WAL, so that a removed response is gone from the files,
    // not only from the list, and the files shrink.
    [[nodiscard]] Result<void> remove(qint64 id);
    [[nodiscard]] Result<void> remove(const QList<qint64> &ids); // all or none
    [[nodiscard]] Result<void> clear();
    [[nodiscard]] Result<qint64> count() const;

    void setRetention(const HistoryRetention &retention) { m_retention = retention; }
    const HistoryRetention &retention() const { return m_retention; }

private:
    [[nodiscard]] Result<void> prune();
    [[nodiscard]] Result<void> migrate(int fromVersion);
    [[nodiscard]] Result<void> useAutoVacuum();
    [[nodiscard]] Result<void> checkpoint();
    [[nodiscard]] Result<qint64> insert(const TryItRequest &request, const Result<TryItResponse> &response,
                                        const SendFailure *failure, const QDateTime &sentAt);

    QString m_connection;
    HistoryRetention m_retention;
};

} // namespace portico::core
