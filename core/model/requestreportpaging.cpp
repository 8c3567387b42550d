// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/requestreportpaging.h"

#include "core/arm/armparsing.h"

#include <QJsonDocument>
#include <QScopeGuard>

#include <algorithm>

namespace portico::core {

RequestReportPaging::RequestReportPaging(QString filter, int pageSize, int maxPages)
    : m_filter(std::move(filter))
    , m_pageSize(std::max(1, pageSize))
    , m_guard(std::max(1, maxPages))
{
}

ArmRequest RequestReportPaging::page(qint64 skip, qint64 top) const
{
    ArmRequest request = ArmRequest::get(u"/reports/byRequest"_qs)
                             .withQuery(u"$filter"_qs, m_filter)
                             .withQuery(u"$top"_qs, QString::number(top));
    if (skip > 0)
        request.withQuery(u"$skip"_qs, QString::number(skip));
    return request;
}

ArmRequest RequestReportPaging::firstRequest() const
{
    return page(0, m_pageSize);
}

Result<QList<QJsonObject>> RequestReportPaging::take(const QJsonObject &reply)
{
    m_next.reset();
    m_readOnAtOnce = false;
    auto parsed = parsePage(QJsonDocument(reply).toJson(QJsonDocument::Compact));
    if (!parsed)
        return parsed.error();
    ArmPage page = std::move(parsed).value();
    const bool first = std::exchange(m_first, false);
    if (first && page.count)
        m_total = *page.count;

    // The page that reaches the cap is read as any other: its calls are shown, and only then
    // does the reading stop (stopped()).
    std::optional<Error> capped;
    if (page.nextLink.isValid()) {
        // The server pages with links: follow them in its order.
        if (auto followed = m_guard.follow(page.nextLink); !followed) {
            if (!PagingGuard::isCapped(followed.error()))
                return followed.error();
            m_stopped = followed.error();
        } else {
            ArmRequest next;
            next.absoluteUrl = page.nextLink;
            m_next = next;
        }
        m_received += page.items.size();
        return page.items;
    }
    // Paged by $skip: a page read before means the server ignores $skip.
    if (auto read = m_guard.read(page.items); !read) {
        if (!PagingGuard::isCapped(read.error()))
            return read.error();
        capped = read.error();
    }
    const auto stopAtTheCap = qScopeGuard([&] {
        if (capped && hasMore()) { // the cap matters only when there is more to read
            m_next.reset();
            m_keptLeft = false;
            m_readOnAtOnce = false;
            m_stopped = capped;
        }
    });
    if (first && page.count && *page.count > qint64(page.items.size()) && !page.items.isEmpty()) {
        // More than one page: the newest calls are at the end. A server that sends fewer calls
        // than asked for has a smaller page: use its size. This page is kept, not read again.
        m_pageSize = std::min<int>(m_pageSize, int(page.items.size()));
        m_firstPage = std::move(page.items);
        m_shownFrom = *page.count;
        planNext();
        m_readOnAtOnce = true;
        return QList<QJsonObject>();
    }
    if (m_shownFrom >= 0) {
        // A page counted from the newest: what lies in the first page comes from it.
        if (m_asked < m_pageSize)
            page.items = m_firstPage.mid(m_asked) + page.items;
        m_shownFrom = m_asked;
        planNext();
    } else if (!page.count && page.items.size() >= m_pageSize) {
        // No total and a full page: there may be more, in the server's order.
        m_next = this->page(m_received + page.items.size(), m_pageSize);
    }
    m_received += page.items.size();
    return page.items;
}

void RequestReportPaging::planNext()
{
    // The next page: pageSize() calls older than those shown. The part of it after the first
    // page is read; one that lies wholly in the first page needs no request.
    if (m_shownFrom <= 0)
        return;
    m_asked = std::max<qint64>(0, m_shownFrom - m_pageSize);
    if (m_shownFrom <= m_pageSize) {
        m_keptLeft = true;
        return;
    }
    const qint64 skip = std::max<qint64>(m_pageSize, m_asked);
    m_next = page(skip, m_shownFrom - skip);
}

QList<QJsonObject> RequestReportPaging::takeKept()
{
    if (!m_keptLeft || m_next)
        return {};
    m_keptLeft = false;
    QList<QJsonObject> calls = std::exchange(m_firstPage, {}).first(m_shownFrom);
    m_shownFrom = 0;
    m_received += calls.size();
    return calls;
}

} // namespace portico::core
