// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/jsonshape.h"

#include <QJsonObject>

#include <optional>

namespace portico::core {

// A subscription (Microsoft.ApiManagement/service/subscriptions, §3.5).
// Keys: primaryKey/secondaryKey are secrets. The service never returns them on GET (use
// listSecrets), so the Response shape never contains them; the Request shape contains them
// only when set, i.e. when the caller explicitly creates or updates a subscription with its own
// keys. fromJson() reads them when present (a create body). Keep them out of logs.
// `state` stays empty when the wire omits it; the service then uses "submitted".
struct Subscription
{
    static constexpr QLatin1StringView resourceType {
        "Microsoft.ApiManagement/service/subscriptions"
    };

    QString id;   // RO
    QString name; // RO sid

    QString scope; // REQ: /products/{id}, /apis, /apis/{id} or a full ARM id
    QString displayName;
    QString ownerId; // /users/{id} or a full ARM id; empty: standalone
    QString state;   // suspended|active|expired|submitted|rejected|cancelled
    QString stateComment;
    std::optional<bool> allowTracing;
    QString expirationDate; // ISO 8601 as sent
    QString createdDate;    // RO
    QString startDate;      // RO
    QString endDate;        // RO
    QString notificationDate; // RO
    QString primaryKey;   // secret, Request shape only
    QString secondaryKey; // secret, Request shape only
    QJsonObject otherProperties;

    [[nodiscard]] static Result<Subscription> fromJson(const QJsonObject &json,
                                                       const QString &path = {});
    QJsonObject toJson(JsonShape shape = JsonShape::Response) const;

    friend bool operator==(const Subscription &, const Subscription &) = default;
};

} // namespace portico::core
