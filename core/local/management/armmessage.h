// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace portico::local {

// One management-plane request after authentication, api-version and size checks, with the
// route's path parameters captured (percent-decoded).
struct ArmRequest
{
    QByteArray method; // GET, PUT, PATCH, DELETE, POST, HEAD
    QUrl url;          // as received (path + query)
    // scheme://host[:port] the client called: the Host header, or the announced management
    // address when there is none. Every absolute URL in a reply starts with it (real ARM answers
    // on the origin that was called; a client refuses to send its token anywhere else).
    QUrl origin;
    QString path;      // decoded path
    QUrlQuery query;
    QHash<QString, QString> params;        // {subscriptionId}, {serviceName}, ...
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QString apiVersion;

    QString param(const char *name) const { return params.value(QLatin1StringView(name)); }
    QString queryValue(const char *name) const
    {
        return query.queryItemValue(QLatin1StringView(name), QUrl::FullyDecoded);
    }
    QByteArray header(const char *lowerCaseName) const
    {
        return headers.value(QByteArray(lowerCaseName));
    }
    // The id of the request's resource: the path without a trailing slash.
    QString resourceId() const;
    // The request's path and query, percent-encoded as received ("/subscriptions/...?...").
    QString pathAndQuery() const;
};

// What a handler answers. `body` undefined means no body (204, HEAD, ...).
struct ArmResponse
{
    int status = 200;
    QJsonValue body = QJsonValue(QJsonValue::Undefined);
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray rawJson; // when set, sent instead of `body` (already serialised JSON)

    static ArmResponse json(int status, const QJsonObject &body,
                            QList<QPair<QByteArray, QByteArray>> headers = {});
    static ArmResponse empty(int status, QList<QPair<QByteArray, QByteArray>> headers = {});
    // The ARM error envelope {"error":{"code","message","target"?,"details"}}.
    static ArmResponse error(int status, const QString &code, const QString &message,
                             const QList<core::ErrorDetail> &details = {},
                             const QString &target = {});
    // A core::Error turned into the envelope (ValidationError → 400, Conflict → 409, ...).
    static ArmResponse fromError(const core::Error &error);
    // 400 ValidationError "One or more fields contain incorrect values:" with one detail.
    static ArmResponse validation(const QString &target, const QString &message);
    static ArmResponse validation(const QList<core::ErrorDetail> &details);
    static ArmResponse notFound(const QString &entity); // 404 ResourceNotFound "<Entity> not found."
};

} // namespace portico::local
