// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QUrl>

namespace portico::core {

// A place the console manages: the offline portico-local stand-in or an Azure subscription.
// It holds identity only, never secrets: tokens and keys live in the SecretStore under
// secretKey(purpose) = "<id>/<purpose>". Its JSON form (for settings and exports) is flat:
//   {"id", "kind": "local"|"azure", "displayName", "managementUrl", "tenantId", "subscriptionId"}
// fromJson() ignores unknown keys (so a stray "token" never enters the model) and refuses a
// missing id, an unknown kind, a management URL that is not absolute http(s), and an Azure
// environment without tenant or subscription.
struct Environment
{
    enum class Kind { Local, Azure };

    QString id; // stable, chosen by the console; part of secret keys
    Kind kind = Kind::Local;
    QString displayName;
    QUrl managementUrl;    // e.g. https://management.azure.com or portico-local's management URL
    QString tenantId;       // Azure only
    QString subscriptionId; // Azure only

    // The SecretStore key for one secret of this environment, e.g. "local/token".
    QString secretKey(const QString &purpose) const { return id + u'/' + purpose; }

    [[nodiscard]] static Result<Environment> fromJson(const QJsonObject &json,
                                                      const QString &path = {});
    QJsonObject toJson() const;

    friend bool operator==(const Environment &, const Environment &) = default;
};

} // namespace portico::core
