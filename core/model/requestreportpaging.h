// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/armrequest.h"
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
// are set aside unshown and the last page is read next (readOnAtOnce()); each page after that
// is the one before it, until $skip 0. With a nextLink (or without a count) the pages come in
// the server's order. Offsets are taken from the first count: calls made meanwhile land after
// them and do not shift the pages.
class RequestReportPaging
{
public:
    // `filter` is the reports' $filter; `pageSize` ≥ 1 calls per page.
    RequestReportPaging(QString filter, int pageSize);

    [[nodiscard]] ArmRequest firstRequest() const;
    // Takes the reply to the last request: the calls to show from it (none for a first page
    // that only told the total), or a Protocol error (then nothing more is read).
    [[nodiscard]] Result<QList<QJsonObject>> take(const QJsonObject &reply);
    // The request for the next page; nullopt when every call was read.
    [[nodiscard]] std::optional<ArmRequest> nextRequest() const { return m_next; }
    // True when the last reply showed nothing and the next page should be read at once.
    bool readOnAtOnce() const { return m_readOnAtOnce; }
    // The calls taken so far, and the total when the server said it (-1 otherwise).
    qint64 received() const { return m_received; }
    qint64 total() const { return m_total; }
    int pageSize() const { return m_pageSize; }

private:
    ArmRequest page(qint64 skip, qint64 top) const;

    QString m_filter;
    int m_pageSize;
    bool m_first = true;
    bool m_readOnAtOnce = false;
    qint64 m_received = 0;
    qint64 m_total = -1;
    qint64 m_lowestSkip = -1; // reading backwards: the $skip of the oldest page read
    std::optional<ArmRequest> m_next;
};

} // namespace portico::core
