// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/armrequest.h"
#include "core/arm/pagingguard.h"
#include "core/common/result.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace portico::core {

// Reading the calls of a period from `{service}/reports/byRequest` page by page, newest first.
// The service answers a RequestReportCollection, `{value, count}`: it pages by `$top`/`$skip`
// and `count` is the total across all pages. A server that sends a `nextLink` instead is
// followed as for any ARM collection (an empty string or a missing key is the last page,
// apim-protocol.md §4.2).
// The calls come oldest first, so when the first page ($skip 0) says there are more, its calls
// are kept unshown and the newest page is read next (readOnAtOnce()); each page after that is
// the one before it. The first page is read once: the pages shown are pageSize() calls counted
// from the newest, and the part of one that lies in the first page comes from what was kept (the
// oldest calls need no request at all: takeKept()). With a nextLink (or without a count) the pages
// come in the server's order. Offsets are taken from the first count: calls made meanwhile land
// after them and do not shift the pages. A server that loops (a nextLink it sent before, the
// same page again because it ignores $skip) ends the reading with PagingGuard's error.
class RequestReportPaging
{
public:
    // `filter` is the reports' $filter; `pageSize` ≥ 1 calls per page; at most `maxPages` pages
    // are read (PagingGuard).
    RequestReportPaging(QString filter, int pageSize, int maxPages = PagingGuard::kMaxPages);

    [[nodiscard]] ArmRequest firstRequest() const;
    // Takes the reply to the last request: the calls to show from it (none for a first page
    // that only told the total), or a Protocol error when the server loops (PagingGuard::isLoop();
    // then nothing more is read). After the most pages Portico reads, see stopped().
    [[nodiscard]] Result<QList<QJsonObject>> take(const QJsonObject &reply);
    // Set once the most pages Portico reads were read and the server has more
    // (PagingGuard::isCapped()): the calls of the last page were still returned by take(), and
    // nothing more is read.
    const std::optional<Error> &stopped() const { return m_stopped; }
    // True while calls are left to show: through nextRequest(), or else through takeKept().
    bool hasMore() const { return m_next.has_value() || m_keptLeft; }
    // The request for the next page; nullopt when every call was read, or when the next page
    // is the rest of the first one (takeKept()).
    [[nodiscard]] std::optional<ArmRequest> nextRequest() const { return m_next; }
    // The next page when it lies wholly in the first page, read at the start: no request.
    // Empty when hasMore() is false or nextRequest() is set.
    [[nodiscard]] QList<QJsonObject> takeKept();
    // True when the last reply showed nothing and the next page should be read at once.
    bool readOnAtOnce() const { return m_readOnAtOnce; }
    // The calls taken so far, and the total when the server said it (-1 otherwise).
    qint64 received() const { return m_received; }
    qint64 total() const { return m_total; }
    int pageSize() const { return m_pageSize; }

private:
    ArmRequest page(qint64 skip, qint64 top) const;
    void planNext();

    QString m_filter;
    int m_pageSize;
    bool m_first = true;
    bool m_readOnAtOnce = false;
    qint64 m_received = 0;
    qint64 m_total = -1;
    // Reading backwards: the first page, and the oldest call shown so far (the first count
    // when nothing is shown yet; -1 when not reading backwards).
    QList<QJsonObject> m_firstPage;
    qint64 m_shownFrom = -1;
    qint64 m_asked = -1; // the oldest call of the page asked for
    bool m_keptLeft = false;
    PagingGuard m_guard;
    std::optional<ArmRequest> m_next;
    std::optional<Error> m_stopped;
};

} // namespace portico::core
