// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/jsonshape.h"

#include <QJsonObject>

#include <optional>

namespace portico::core {

// A group (Microsoft.ApiManagement/service/groups, §3.7). builtIn is read-only: true for the
// three system groups (administrators, developers, guests).
struct Group
{
    static constexpr QLatin1StringView resourceType { "Microsoft.ApiManagement/service/groups" };

    QString id;   // RO
    QString name; // RO groupId

    QString displayName; // REQ
    QString description;
    QString type; // custom|system|external
    QString externalId;
    std::optional<bool> builtIn; // RO
    QJsonObject otherProperties;

    [[nodiscard]] static Result<Group> fromJson(const QJsonObject &json, const QString &path = {});
    QJsonObject toJson(JsonShape shape = JsonShape::Response) const;

    friend bool operator==(const Group &, const Group &) = default;
};

} // namespace portico::core
