// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace portico::core {

// A resource group as GET /subscriptions/{id}/resourcegroups?api-version=2021-04-01 lists it:
// {id, name, type "Microsoft.Resources/resourceGroups", location, managedBy, tags,
//  properties: {provisioningState}}.
struct ResourceGroup
{
    QString id;
    QString name; // 1-90 characters of [-\w._()], case-insensitive
    QString location;
    QString provisioningState;
    QMap<QString, QString> tags;

    [[nodiscard]] static Result<ResourceGroup> fromJson(const QJsonObject &json,
                                                        const QString &path = {});

    friend bool operator==(const ResourceGroup &, const ResourceGroup &) = default;
};

} // namespace portico::core
