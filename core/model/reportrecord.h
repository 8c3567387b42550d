// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace portico::core {

// One row of an API Management usage report (`{service}/reports/by*`, ReportRecordContract):
// the calls of one API, operation, product, subscription, user or time interval, split as the
// service counts them (success: status ≤ 301, 304, 307; blocked: 401, 403, 429; failed: 400 and
// 5xx; other: the rest), with bandwidth in bytes and response times in milliseconds.
struct ReportRecord
{
    QString name;           // the grouped item's display name (API, operation, product…)
    QDateTime timestamp;    // byTime: the interval's start (UTC)
    QString interval;       // byTime: ISO 8601 duration
    QString apiId;          // "/apis/{apiId}"
    QString operationId;    // "/apis/{apiId}/operations/{operationId}"
    QString productId;      // "/products/{productId}"
    QString subscriptionId; // "/subscriptions/{sid}"
    QString userId;         // "/users/{userId}"
    qint64 callCountSuccess = 0;
    qint64 callCountBlocked = 0;
    qint64 callCountFailed = 0;
    qint64 callCountOther = 0;
    qint64 callCountTotal = 0;
    qint64 bandwidth = 0;
    double apiTimeAvg = 0;     // whole request, ms
    double apiTimeMin = 0;
    double apiTimeMax = 0;
    double serviceTimeAvg = 0; // backend only, ms
    double serviceTimeMin = 0;
    double serviceTimeMax = 0;

    // A missing count reads as 0; a count or time that is not a number, or a timestamp that
    // is not ISO 8601, is a Protocol error naming the field.
    [[nodiscard]] static Result<ReportRecord> fromJson(const QJsonObject &json, const QString &path = {});

    // The `$filter` a report needs: "timestamp ge datetime'<from>' and timestamp le datetime'<to>'"
    // (UTC, seconds precision).
    static QString timestampFilter(const QDateTime &from, const QDateTime &to);

    friend bool operator==(const ReportRecord &, const ReportRecord &) = default;
};

} // namespace portico::core
