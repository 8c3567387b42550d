// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/arm/armlistjob.h"

#include "core/arm/armclient.h"
#include "core/arm/armexchange.h"
#include "core/arm/armparsing.h"

#include <QTimer>

namespace portico::core {

ArmListJob::ArmListJob(ArmClient *client, ArmRequest request, int maxItems, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_maxItems(maxItems)
{
    fetch(request);
}

ArmListJob::~ArmListJob()
{
    delete m_exchange;
}

void ArmListJob::cancel()
{
    if (m_result)
        return;
    delete std::exchange(m_exchange, nullptr);
    finish(Error::make(Error::Kind::Cancelled, u"Cancelled."_qs));
}

void ArmListJob::fetch(const ArmRequest &request)
{
    if (!m_client) {
        finish(Error::make(Error::Kind::Unavailable, u"The client was closed."_qs));
        return;
    }
    m_exchange = m_client->exchange(request, m_client->timing().deadlineMs, this);
    connect(m_exchange, &ArmExchange::finished, this, &ArmListJob::onPage);
}

void ArmListJob::onPage()
{
    ArmExchange *exchange = std::exchange(m_exchange, nullptr);
    exchange->deleteLater();
    if (!exchange->result().ok()) {
        finish(exchange->result().error());
        return;
    }
    auto page = parsePage(exchange->result().value().body);
    if (!page) {
        finish(page.error());
        return;
    }
    ++m_pages;
    if (page->count)
        m_totalCount = *page->count;
    QList<QJsonObject> items = std::move(page->items);
    if (m_items.size() + items.size() > m_maxItems) {
        items.resize(qMax<qsizetype>(0, m_maxItems - m_items.size()));
        m_truncated = true;
    }
    m_items += items;
    if (!items.isEmpty())
        Q_EMIT pageReceived(items);
    if (m_truncated || !page->nextLink.isValid()) {
        finish(m_items);
        return;
    }
    if (auto followed = m_guard.follow(page->nextLink); !followed) {
        finish(followed.error());
        return;
    }
    ArmRequest next;
    next.absoluteUrl = page->nextLink;
    fetch(next);
}

void ArmListJob::finish(Result<QList<QJsonObject>> result)
{
    if (m_result)
        return;
    m_result = std::move(result);
    QTimer::singleShot(0, this, [this] {
        Q_EMIT finished();
        deleteLater();
    });
}

} // namespace portico::core
