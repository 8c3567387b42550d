// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/reportrecord.h"

#include "core/model/jsonfields.h"

#include <QTimeZone>

namespace portico::core {

using namespace jsonfields;

namespace {

// A JSON number (counts come as integers, times as fractions); absent or null reads as 0.
double number(Reader &reader, const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull())
        return 0;
    if (!value.isDouble()) {
        reader.fail(reader.fieldPath(key), u"must be a number"_qs);
        return 0;
    }
    return value.toDouble();
}

} // namespace

Result<ReportRecord> ReportRecord::fromJson(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    ReportRecord record;
    record.name = r.string(u"name"_qs);
    const QString timestamp = r.string(u"timestamp"_qs);
    if (!timestamp.isEmpty()) {
        record.timestamp = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
        if (!record.timestamp.isValid())
            r.fail(r.fieldPath(u"timestamp"_qs), u"must be an ISO 8601 date and time"_qs);
        else
            record.timestamp = record.timestamp.toUTC();
    }
    record.interval = r.string(u"interval"_qs);
    record.apiId = r.string(u"apiId"_qs);
    record.operationId = r.string(u"operationId"_qs);
    record.productId = r.string(u"productId"_qs);
    record.subscriptionId = r.string(u"subscriptionId"_qs);
    record.userId = r.string(u"userId"_qs);
    record.callCountSuccess = qint64(number(r, json, u"callCountSuccess"_qs));
    record.callCountBlocked = qint64(number(r, json, u"callCountBlocked"_qs));
    record.callCountFailed = qint64(number(r, json, u"callCountFailed"_qs));
    record.callCountOther = qint64(number(r, json, u"callCountOther"_qs));
    record.callCountTotal = qint64(number(r, json, u"callCountTotal"_qs));
    record.bandwidth = qint64(number(r, json, u"bandwidth"_qs));
    record.apiTimeAvg = number(r, json, u"apiTimeAvg"_qs);
    record.apiTimeMin = number(r, json, u"apiTimeMin"_qs);
    record.apiTimeMax = number(r, json, u"apiTimeMax"_qs);
    record.serviceTimeAvg = number(r, json, u"serviceTimeAvg"_qs);
    record.serviceTimeMin = number(r, json, u"serviceTimeMin"_qs);
    record.serviceTimeMax = number(r, json, u"serviceTimeMax"_qs);
    if (!r.ok())
        return r.error();
    return record;
}

QString ReportRecord::timestampFilter(const QDateTime &from, const QDateTime &to)
{
    const auto format = [](const QDateTime &t) -> QString {
        return t.toTimeZone(QTimeZone::utc()).toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_qs);
    };
    return u"timestamp ge datetime'"_qs + format(from) + u"' and timestamp le datetime'"_qs + format(to) + u"'"_qs;
}

} // namespace portico::core
