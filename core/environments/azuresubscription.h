// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QString>

namespace portico::core {

// An Azure subscription as GET /subscriptions?api-version=2022-12-01 lists it
// (Microsoft.Resources GetSubscriptions.json): {id, subscriptionId, tenantId, displayName,
// state, subscriptionPolicies, authorizationSource, managedByTenants, tags}. Only what the
// console shows or needs to address resources is kept.
struct AzureSubscription
{
    QString id;             // "/subscriptions/{subscriptionId}"
    QString subscriptionId; // GUID, used in ARM paths
    QString tenantId;
    QString displayName;
    QString state; // Enabled | Warned | PastDue | Disabled | Deleted

    bool isEnabled() const { return state == u"Enabled"; }

    // Refuses an item without subscriptionId or with one that cannot be a path segment, and
    // fields of the wrong type; `path` names the item in the error.
    [[nodiscard]] static Result<AzureSubscription> fromJson(const QJsonObject &json,
                                                            const QString &path = {});

    friend bool operator==(const AzureSubscription &, const AzureSubscription &) = default;
};

} // namespace portico::core
