// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/armrequest.h"
#include "core/arm/pagingguard.h"
#include "core/common/result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

namespace portico::core {

class ArmClient;
class ArmExchange;

// Reads a collection page by page, following nextLink (an empty string or a missing key ends
// it, §4.2). Pages arrive through pageReceived() as they come, so views fill progressively.
// Stops with a Protocol error when a nextLink repeats or the pages do not end (PagingGuard), or
// when a nextLink points to another origin. finished() is emitted exactly once; the job then deletes itself.
class ArmListJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArmListJob)

public:
    ArmListJob(ArmClient *client, ArmRequest request, int maxItems, QObject *parent = nullptr);
    ~ArmListJob() override;

    // All items read, valid after finished(). On an error after some pages, the error wins
    // (the pages already delivered through pageReceived stay valid).
    [[nodiscard]] const Result<QList<QJsonObject>> &result() const { return *m_result; }
    // The server's total count when it sent one (-1 otherwise).
    qint64 totalCount() const { return m_totalCount; }
    // True when maxItems stopped the reading before the last page.
    bool truncated() const { return m_truncated; }
    int pageCount() const { return m_pages; }

    void cancel();

Q_SIGNALS:
    void pageReceived(const QList<QJsonObject> &items);
    void finished();

private:
    void fetch(const ArmRequest &request);
    void onPage();
    void finish(Result<QList<QJsonObject>> result);

    QPointer<ArmClient> m_client;
    int m_maxItems;
    ArmExchange *m_exchange = nullptr;
    QList<QJsonObject> m_items;
    PagingGuard m_guard;
    qint64 m_totalCount = -1;
    int m_pages = 0;
    bool m_truncated = false;
    std::optional<Result<QList<QJsonObject>>> m_result;
};

} // namespace portico::core
