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
//   {"id", "kind": "local"|"azure", "displayName", "managementUrl", "tenantId", "subscriptionId",
//    "localMode": "supervised"|"attached", "signIn": "deviceCode"|"azureCli", "clientId"}
// How Portico connects (EnvironmentSession):
//   - Local, supervised: Portico starts portico-local itself (LocalSupervisor; token created in
//     and read from the SecretStore); managementUrl is where it last ran.
//   - Local, attached: portico-local is already running at managementUrl; its token is read from
//     the SecretStore under secretKey("local-token").
//   - Azure: managementUrl (https://management.azure.com), tokens from an Entra ID device-code
//     sign-in (clientId, tenantId; refresh token in the SecretStore) or the Azure CLI's login.
// fromJson() ignores unknown keys (so a stray "token" never enters the model) and refuses a
// missing id, an unknown kind, mode or sign-in, a management URL that is not absolute http(s),
// and an Azure environment without tenant or subscription. Absent localMode/signIn read as
// supervised/deviceCode.
struct Environment
{
    enum class Kind { Local, Azure };
    enum class LocalMode { Supervised, Attached };
    enum class SignIn { DeviceCode, AzureCli };

    // portico-local's one subscription (it answers GET /subscriptions with it).
    static constexpr QLatin1StringView localSubscriptionId { "00000000-0000-0000-0000-000000000000" };
    // Where portico-local keeps a service: its one resource group and its own location.
    static constexpr QLatin1StringView localResourceGroup { "portico-local" };
    static constexpr QLatin1StringView localLocation { "local" };

    QString id; // stable, chosen by the console; part of secret keys
    Kind kind = Kind::Local;
    QString displayName;
    QUrl managementUrl;    // e.g. https://management.azure.com or portico-local's management URL
    QString tenantId;       // Azure only
    QString subscriptionId; // Azure only
    LocalMode localMode = LocalMode::Supervised; // Local only
    SignIn signIn = SignIn::DeviceCode;          // Azure only
    QString clientId; // Azure device code: the Entra public client id; empty = not configured

    // The ARM subscription whose services this environment shows.
    QString armSubscriptionId() const
    {
        return kind == Kind::Local ? QString(localSubscriptionId) : subscriptionId;
    }

    // The SecretStore key for one secret of this environment, e.g. "local/token".
    QString secretKey(const QString &purpose) const { return id + u'/' + purpose; }

    [[nodiscard]] static Result<Environment> fromJson(const QJsonObject &json,
                                                      const QString &path = {});
    QJsonObject toJson() const;

    friend bool operator==(const Environment &, const Environment &) = default;
};

} // namespace portico::core
