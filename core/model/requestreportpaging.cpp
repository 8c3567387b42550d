// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/requestreportpaging.h"

#include "core/arm/armparsing.h"

#include <QJsonDocument>

#include <algorithm>

namespace portico::core {

RequestReportPaging::RequestReportPaging(QString filter, int pageSize)
    : m_filter(std::move(filter))
    , m_pageSize(std::max(1, pageSize))
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

    if (page.nextLink.isValid()) {
        // The server pages with links: follow them in its order.
        ArmRequest next;
        next.absoluteUrl = page.nextLink;
        m_next = next;
    } else if (first && page.count && *page.count > qint64(page.items.size()) && !page.items.isEmpty()) {
        // More than one page: the newest calls are at the end. A server that sends fewer calls
        // than asked for has a smaller page: use its size.
        m_pageSize = std::min<int>(m_pageSize, int(page.items.size()));
        m_lowestSkip = std::max<qint64>(0, *page.count - m_pageSize);
        m_next = this->page(m_lowestSkip, *page.count - m_lowestSkip);
        m_readOnAtOnce = true;
        return QList<QJsonObject>();
    } else if (m_lowestSkip > 0) {
        const qint64 skip = std::max<qint64>(0, m_lowestSkip - m_pageSize);
        m_next = this->page(skip, m_lowestSkip - skip);
        m_lowestSkip = skip;
    } else if (m_lowestSkip < 0 && !page.count && page.items.size() >= m_pageSize) {
        // No total and a full page: there may be more, in the server's order.
        m_next = this->page(m_received + page.items.size(), m_pageSize);
    }
    m_received += page.items.size();
    return page.items;
}

} // namespace portico::core
