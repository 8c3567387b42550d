// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/usage/usagereports.h"

#include "core/local/gateway/knownkeys.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUrlQuery>
#include <QVariantList>

namespace portico::local {

using core::Error;
using core::Result;

namespace {

Error invalid(const QString &message, const QString &target = u"$filter"_qs)
{
    Error e = Error::make(Error::Kind::InvalidInput, message, u"ValidationError"_qs);
    e.httpStatus = 400;
    e.target = target;
    return e;
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

struct Filter
{
    QStringList where;
    QVariantList binds;
};

Result<Filter> parseFilter(const QString &text)
{
    Filter f;
    if (text.trimmed().isEmpty())
        return invalid(u"The $filter query parameter is required, e.g. $filter=timestamp ge datetime'2024-01-01T00:00:00' and timestamp le datetime'2024-01-02T00:00:00'."_qs);
    static const QRegularExpression andSplit(u"\\s+and\\s+"_qs, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression timeClause(
        u"^timestamp\\s+(ge|le|gt|lt)\\s+datetime'([^']+)'$"_qs, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression eqClause(
        u"^(apiId|operationId|productId|subscriptionId|userId)\\s+eq\\s+'([^']*)'$"_qs,
        QRegularExpression::CaseInsensitiveOption);
    static const QHash<QString, QString> columns {
        { u"apiid"_qs, u"api_id"_qs }, { u"operationid"_qs, u"operation_id"_qs },
        { u"productid"_qs, u"product_id"_qs }, { u"subscriptionid"_qs, u"subscription_id"_qs },
        { u"userid"_qs, u"user_id"_qs },
    };
    for (const QString &rawClause : text.split(andSplit)) {
        const QString clause = rawClause.trimmed();
        if (const auto m = timeClause.match(clause); m.hasMatch()) {
            QDateTime when = QDateTime::fromString(m.captured(2), Qt::ISODateWithMs);
            if (!when.isValid())
                return invalid(u"'%1' is not a valid datetime in $filter."_qs.arg(m.captured(2)));
            if (!m.captured(2).endsWith(u'Z') && !m.captured(2).contains(u'+'))
                when.setTimeZone(QTimeZone::utc());
            static const QHash<QString, QString> ops { { u"ge"_qs, u">="_qs }, { u"le"_qs, u"<="_qs },
                                                       { u"gt"_qs, u">"_qs }, { u"lt"_qs, u"<"_qs } };
            f.where.append(u"ts "_qs + ops.value(m.captured(1).toLower()) + u" ?"_qs);
            f.binds.append(when.toMSecsSinceEpoch());
        } else if (const auto e = eqClause.match(clause); e.hasMatch()) {
            // Accept "/apis/echo" and plain "echo" alike; the log stores plain ids.
            const QString value = e.captured(2).section(u'/', -1);
            f.where.append(columns.value(e.captured(1).toLower()) + u" = ?"_qs);
            f.binds.append(value);
        } else {
            return invalid(u"The $filter clause '%1' is not supported; use timestamp ge/le/gt/lt datetime'…' and apiId/operationId/productId/subscriptionId/userId eq '…'."_qs.arg(clause));
        }
    }
    return f;
}

Result<qint64> parseInterval(const QString &text)
{
    static const QRegularExpression duration(u"^P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?)?$"_qs);
    const auto m = duration.match(text);
    if (text.isEmpty() || !m.hasMatch())
        return invalid(u"The interval '%1' is not an ISO 8601 duration such as PT15M."_qs.arg(text), u"interval"_qs);
    const qint64 minutes = m.captured(1).toLongLong() * 1440 + m.captured(2).toLongLong() * 60 + m.captured(3).toLongLong();
    if (minutes <= 0 || minutes % 15 != 0)
        return invalid(u"The interval must be a non-zero multiple of 15 minutes."_qs, u"interval"_qs);
    return minutes * 60 * 1000;
}

} // namespace

std::optional<UsageReports::Kind> UsageReports::kindFromName(const QString &name)
{
    static const QHash<QString, Kind> kinds {
        { u"byapi"_qs, Kind::ByApi }, { u"byoperation"_qs, Kind::ByOperation },
        { u"byproduct"_qs, Kind::ByProduct }, { u"bysubscription"_qs, Kind::BySubscription },
        { u"byuser"_qs, Kind::ByUser }, { u"bytime"_qs, Kind::ByTime }, { u"byrequest"_qs, Kind::ByRequest },
    };
    const auto it = kinds.constFind(name.toLower());
    if (it == kinds.constEnd())
        return std::nullopt;
    return *it;
}

Result<QJsonObject> UsageReports::run(Kind kind, const Query &query) const
{
    Result<Filter> filter = parseFilter(query.filter);
    if (!filter)
        return filter.error();
    qint64 intervalMs = 0;
    if (kind == Kind::ByTime) {
        auto interval = parseInterval(query.interval);
        if (!interval)
            return interval.error();
        intervalMs = *interval;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    if (!query.service.isEmpty()) {
        filter.value().where.append(u"service = ? COLLATE NOCASE"_qs);
        filter.value().binds.append(query.service);
    }
    QString where = filter->where.join(u" AND "_qs);
    QJsonArray rows;

    if (kind == Kind::ByRequest) {
        q.prepare(u"SELECT api_id, operation_id, product_id, user_id, method, CAST(url AS BLOB), ip, backend_status, status, "
                  "response_size, ts, api_time, service_time, subscription_id, request_id, request_size "
                  "FROM usage_log WHERE "_qs + where + u" ORDER BY ts, id"_qs);
        for (const QVariant &b : std::as_const(filter->binds))
            q.addBindValue(b);
        if (!q.exec())
            return Error::make(Error::Kind::Storage, q.lastError().text());
        while (q.next()) {
            const QString api = q.value(0).toString();
            const QByteArray url = q.value(5).toByteArray();
            QJsonObject r {
                { u"apiId"_qs, api.isEmpty() ? QString() : u"/apis/"_qs + api },
                { u"operationId"_qs, q.value(1).toString().isEmpty() ? QString() : u"/apis/%1/operations/%2"_qs.arg(api, q.value(1).toString()) },
                { u"productId"_qs, q.value(2).toString().isEmpty() ? QString() : u"/products/"_qs + q.value(2).toString() },
                { u"userId"_qs, q.value(3).toString().isEmpty() ? QString() : u"/users/"_qs + q.value(3).toString() },
                { u"method"_qs, q.value(4).toString() },
                { u"url"_qs, QString::fromUtf8(m_keys ? m_keys->masked(url) : url) },
                { u"ipAddress"_qs, q.value(6).toString() },
                { u"backendResponseCode"_qs, q.value(7).toInt() == 0 ? QString() : q.value(7).toString() },
                { u"responseCode"_qs, q.value(8).toInt() },
                { u"responseSize"_qs, q.value(9).toLongLong() },
                { u"timestamp"_qs, isoTime(q.value(10).toLongLong()) },
                { u"cache"_qs, u"none"_qs },
                { u"apiTime"_qs, q.value(11).toDouble() },
                { u"serviceTime"_qs, q.value(12).toDouble() },
                { u"apiRegion"_qs, u"Local"_qs },
                { u"subscriptionId"_qs, q.value(13).toString().isEmpty() ? QString() : u"/subscriptions/"_qs + q.value(13).toString() },
                { u"requestId"_qs, q.value(14).toString() },
                { u"requestSize"_qs, q.value(15).toLongLong() },
            };
            rows.append(r);
        }
    } else {
        QString key, name, extra;
        switch (kind) {
        case Kind::ByApi: key = u"api_id"_qs; name = u"MAX(api_name)"_qs; break;
        case Kind::ByOperation: key = u"api_id || '/' || operation_id"_qs; name = u"MAX(operation_name)"_qs; extra = u", MAX(api_id), MAX(operation_id)"_qs; where += u" AND operation_id <> ''"_qs; break;
        case Kind::ByProduct: key = u"product_id"_qs; name = u"MAX(product_name)"_qs; break;
        case Kind::BySubscription: key = u"subscription_id"_qs; name = u"MAX(subscription_name)"_qs; extra = u", MAX(user_id), MAX(product_id)"_qs; break;
        case Kind::ByUser: key = u"user_id"_qs; name = u"MAX(user_name)"_qs; break;
        case Kind::ByTime: key = u"(ts / %1) * %1"_qs.arg(intervalMs); name = u"''"_qs; break;
        case Kind::ByRequest: break;
        }
        if (kind != Kind::ByTime && kind != Kind::ByOperation)
            where += u" AND "_qs + key + u" <> ''"_qs;
        q.prepare(u"SELECT "_qs + key + u" AS k, "_qs + name + u", "
                  "SUM(CASE WHEN (status BETWEEN 1 AND 301) OR status IN (304, 307) THEN 1 ELSE 0 END), "
                  "SUM(CASE WHEN status IN (401, 403, 429) THEN 1 ELSE 0 END), "
                  "SUM(CASE WHEN status = 400 OR status BETWEEN 500 AND 599 THEN 1 ELSE 0 END), "
                  "COUNT(*), SUM(request_size + response_size), AVG(api_time), MIN(api_time), MAX(api_time), "
                  "AVG(service_time), MIN(service_time), MAX(service_time)"_qs
                  + extra + u" FROM usage_log WHERE "_qs + where + u" GROUP BY k ORDER BY k"_qs);
        for (const QVariant &b : std::as_const(filter->binds))
            q.addBindValue(b);
        if (!q.exec())
            return Error::make(Error::Kind::Storage, q.lastError().text());
        while (q.next()) {
            const qint64 success = q.value(2).toLongLong(), blocked = q.value(3).toLongLong();
            const qint64 failed = q.value(4).toLongLong(), total = q.value(5).toLongLong();
            QJsonObject r;
            const QString k = q.value(0).toString();
            switch (kind) {
            case Kind::ByApi: r[u"name"_qs] = q.value(1).toString(); r[u"apiId"_qs] = QString(u"/apis/"_qs + k); break;
            case Kind::ByOperation:
                r[u"name"_qs] = q.value(1).toString();
                r[u"apiId"_qs] = QString(u"/apis/"_qs + q.value(13).toString());
                r[u"operationId"_qs] = u"/apis/%1/operations/%2"_qs.arg(q.value(13).toString(), q.value(14).toString());
                break;
            case Kind::ByProduct: r[u"name"_qs] = q.value(1).toString(); r[u"productId"_qs] = QString(u"/products/"_qs + k); break;
            case Kind::BySubscription:
                r[u"name"_qs] = q.value(1).toString();
                r[u"subscriptionId"_qs] = QString(u"/subscriptions/"_qs + k);
                if (!q.value(13).toString().isEmpty())
                    r[u"userId"_qs] = QString(u"/users/"_qs + q.value(13).toString());
                if (!q.value(14).toString().isEmpty())
                    r[u"productId"_qs] = QString(u"/products/"_qs + q.value(14).toString());
                break;
            case Kind::ByUser: r[u"name"_qs] = q.value(1).toString(); r[u"userId"_qs] = QString(u"/users/"_qs + k); break;
            case Kind::ByTime:
                r[u"timestamp"_qs] = QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC).toString(Qt::ISODate);
                r[u"interval"_qs] = query.interval;
                break;
            case Kind::ByRequest: break;
            }
            r[u"callCountSuccess"_qs] = success;
            r[u"callCountBlocked"_qs] = blocked;
            r[u"callCountFailed"_qs] = failed;
            r[u"callCountOther"_qs] = total - success - blocked - failed;
            r[u"callCountTotal"_qs] = total;
            r[u"bandwidth"_qs] = q.value(6).toLongLong();
            r[u"cacheHitCount"_qs] = 0;
            r[u"cacheMissCount"_qs] = 0;
            r[u"apiTimeAvg"_qs] = q.value(7).toDouble();
            r[u"apiTimeMin"_qs] = q.value(8).toDouble();
            r[u"apiTimeMax"_qs] = q.value(9).toDouble();
            r[u"serviceTimeAvg"_qs] = q.value(10).toDouble();
            r[u"serviceTimeMin"_qs] = q.value(11).toDouble();
            r[u"serviceTimeMax"_qs] = q.value(12).toDouble();
            rows.append(r);
        }
    }
    const int total = int(rows.size());
    const int skip = std::clamp(query.skip, 0, total);
    const int top = query.top < 0 ? total - skip : std::min(query.top, total - skip);
    QJsonArray page;
    for (int i = skip; i < skip + top; ++i)
        page.append(rows[i]);
    QJsonObject body { { u"value"_qs, page }, { u"count"_qs, total } };
    if (kind != Kind::ByRequest) {
        QString next;
        if (skip + top < total && query.requestUrl.isValid()) {
            QUrl url = query.requestUrl;
            QUrlQuery params(url);
            params.removeAllQueryItems(u"$skip"_qs);
            params.addQueryItem(u"$skip"_qs, QString::number(skip + top));
            url.setQuery(params);
            next = url.toString();
        }
        body[u"nextLink"_qs] = next;
    }
    return body;
}

} // namespace portico::local
