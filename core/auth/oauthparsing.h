// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Pure parsing of the Entra ID (apim-protocol.md §9) and Azure CLI token shapes.

#include "core/auth/accesstokenprovider.h"
#include "core/common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QUrl>

namespace portico::core {

// The devicecode reply (§9.1 step 2). `message` is the server's localised instruction.
struct DeviceCodeChallenge
{
    QString deviceCode; // secret: only sent back to the token endpoint
    QString userCode;
    QUrl verificationUri;
    int expiresInSeconds = 900;
    int intervalSeconds = 5;
    QString message;
};

// A token endpoint reply (§9.1 step 4). refreshToken is empty unless offline_access was asked.
struct TokenSet
{
    AccessToken access;
    QString refreshToken;
    QString scope;
};

[[nodiscard]] Result<DeviceCodeChallenge> parseDeviceCodeResponse(const QByteArray &body);
[[nodiscard]] Result<TokenSet> parseTokenResponse(const QByteArray &body, const QDateTime &now);
// `az account get-access-token --output json`: {accessToken, expiresOn ("YYYY-MM-DD hh:mm:ss.ffffff",
// local time), expires_on (epoch seconds, newer CLIs), subscription, tenant, tokenType}.
[[nodiscard]] Result<AccessToken> parseAzureCliToken(const QByteArray &json);

} // namespace portico::core

Q_DECLARE_METATYPE(portico::core::DeviceCodeChallenge)
