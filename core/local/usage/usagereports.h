// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace portico::local {

class KnownKeys;

// The ARM reports endpoints (`{service}/reports/by*`, api-version 2024-05-01) over the usage
// log: ReportCollection / RequestReportCollection shapes, `$filter` on timestamp (ge, le, gt,
// lt with datetime'…') and eq on apiId, operationId, productId, subscriptionId and userId,
// `$top`/`$skip`, and `interval` for byTime.
class UsageReports
{
public:
    enum class Kind { ByApi, ByOperation, ByProduct, BySubscription, ByUser, ByTime, ByRequest };

    struct Query
    {
        QString service; // service name; empty = every service
        QString filter;
        QString interval;
        int top = -1;
        int skip = 0;
        QUrl requestUrl; // for nextLink
    };

    explicit UsageReports(QString connectionName) : m_connection(std::move(connectionName)) { }

    // Keys masked in the URLs of byRequest as they are read: a row an older version stored with
    // a key, which a failed or outdated migration left behind, shows none. Not owned; may be null.
    void setKnownKeys(const KnownKeys *keys) { m_keys = keys; }

    // "byApi" → Kind::ByApi, …; nullopt for anything else.
    static std::optional<Kind> kindFromName(const QString &name);
    // The JSON body of a 200 reply, or a ValidationError (httpStatus 400) naming the problem.
    [[nodiscard]] core::Result<QJsonObject> run(Kind kind, const Query &query) const;

private:
    QString m_connection;
    const KnownKeys *m_keys = nullptr;
};

} // namespace portico::local
