// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/jsonshape.h"

#include <QJsonObject>
#include <QStringList>

namespace portico::core {

// A named value (Microsoft.ApiManagement/service/namedValues, §3.10). For a secret the service
// does not return `value` on GET (use listValue): the Response shape omits it when `secret` is
// true, fromJson() accepts its absence, and the Request shape writes it whenever it is set.
// A Key Vault reference replaces the value (keyVault.secretIdentifier).
struct NamedValue
{
    static constexpr QLatin1StringView resourceType {
        "Microsoft.ApiManagement/service/namedValues"
    };

    struct KeyVault
    {
        QString secretIdentifier;
        QString identityClientId;
        QJsonObject lastStatus; // RO {code, message, timeStampUtc}
        friend bool operator==(const KeyVault &, const KeyVault &) = default;
    };

    QString id;   // RO
    QString name; // RO namedValueId

    QString displayName; // REQ, ^[A-Za-z0-9-._]+$
    QString value;
    bool secret = false;
    QStringList tags;
    KeyVault keyVault;
    QString provisioningState; // RO
    QJsonObject otherProperties;

    [[nodiscard]] static Result<NamedValue> fromJson(const QJsonObject &json,
                                                     const QString &path = {});
    QJsonObject toJson(JsonShape shape = JsonShape::Response) const;

    friend bool operator==(const NamedValue &, const NamedValue &) = default;
};

} // namespace portico::core
