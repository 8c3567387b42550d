// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/jsonshape.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace portico::core {

// A user (Microsoft.ApiManagement/service/users, §3.6). `password` and `confirmation` exist only
// in create/update bodies: the Request shape writes them when set, the Response shape never.
// `state` stays empty when the wire omits it; the service then uses "active".
struct User
{
    static constexpr QLatin1StringView resourceType { "Microsoft.ApiManagement/service/users" };

    struct Identity
    {
        QString provider;
        QString id;
        friend bool operator==(const Identity &, const Identity &) = default;
    };

    QString id;   // RO
    QString name; // RO userId

    QString email;     // REQ
    QString firstName; // REQ
    QString lastName;  // REQ
    QString state;     // active|blocked|pending|deleted
    QString note;
    QList<Identity> identities;
    QString appType;      // Request only: portal|developerPortal
    QString confirmation; // Request only: signup|invite
    QString password;     // Request only; secret
    QString registrationDate; // RO, ISO 8601 as sent
    QJsonArray groups;        // RO, GroupContractProperties as sent
    QJsonObject otherProperties;

    [[nodiscard]] static Result<User> fromJson(const QJsonObject &json, const QString &path = {});
    QJsonObject toJson(JsonShape shape = JsonShape::Response) const;

    friend bool operator==(const User &, const User &) = default;
};

} // namespace portico::core
