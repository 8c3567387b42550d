// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/oauthparsing.h"

#include "core/arm/armparsing.h"

#include <QJsonObject>

#include <cmath>

namespace portico::core {

namespace {

Error protocol(const QString &message)
{
    return Error::make(Error::Kind::Protocol, message);
}

// A positive whole number of seconds, sent as a number or (some proxies) as a string.
std::optional<qint64> seconds(const QJsonValue &value)
{
    double d = -1;
    if (value.isDouble())
        d = value.toDouble();
    else if (value.isString()) {
        bool ok = false;
        d = value.toString().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    }
    if (!std::isfinite(d) || d < 0 || d > 10.0 * 365 * 24 * 3600)
        return std::nullopt;
    return qint64(d);
}

} // namespace

Result<DeviceCodeChallenge> parseDeviceCodeResponse(const QByteArray &body)
{
    auto object = parseJsonObject(body);
    if (!object)
        return object.error();
    DeviceCodeChallenge challenge;
    challenge.deviceCode = object->value(u"device_code"_qs).toString();
    challenge.userCode = object->value(u"user_code"_qs).toString();
    challenge.verificationUri = QUrl(object->value(u"verification_uri"_qs).toString(), QUrl::StrictMode);
    challenge.message = object->value(u"message"_qs).toString();
    if (challenge.deviceCode.isEmpty() || challenge.userCode.isEmpty())
        return protocol(u"The device code reply has no device_code or user_code."_qs);
    if (!challenge.verificationUri.isValid() || challenge.verificationUri.scheme() != u"https"_qs)
        return protocol(u"The device code reply has no https verification_uri."_qs);
    if (const auto expires = seconds(object->value(u"expires_in"_qs)); expires && *expires > 0)
        challenge.expiresInSeconds = int(qMin<qint64>(*expires, 3600));
    if (const auto interval = seconds(object->value(u"interval"_qs)); interval && *interval > 0)
        challenge.intervalSeconds = int(qBound(qint64(1), qint64(*interval), qint64(60)));
    return challenge;
}

Result<TokenSet> parseTokenResponse(const QByteArray &body, const QDateTime &now)
{
    auto object = parseJsonObject(body);
    if (!object)
        return object.error();
    TokenSet set;
    set.access.token = object->value(u"access_token"_qs).toString();
    if (set.access.token.isEmpty())
        return protocol(u"The token reply has no access_token."_qs);
    const QString type = object->value(u"token_type"_qs).toString();
    if (type.compare(u"Bearer"_qs, Qt::CaseInsensitive) != 0)
        return protocol(u"The token reply's token_type is not Bearer."_qs);
    const auto expiresIn = seconds(object->value(u"expires_in"_qs));
    if (!expiresIn)
        return protocol(u"The token reply has no valid expires_in."_qs);
    set.access.expiresOn = now.addSecs(*expiresIn);
    set.refreshToken = object->value(u"refresh_token"_qs).toString();
    set.scope = object->value(u"scope"_qs).toString();
    return set;
}

Result<AccessToken> parseAzureCliToken(const QByteArray &json)
{
    auto object = parseJsonObject(json);
    if (!object)
        return object.error();
    AccessToken token;
    token.token = object->value(u"accessToken"_qs).toString();
    if (token.token.isEmpty())
        return protocol(u"The Azure CLI printed no accessToken."_qs);
    const QJsonValue epoch = object->value(u"expires_on"_qs);
    const double epochSeconds = epoch.isDouble() ? epoch.toDouble() : epoch.toString().toDouble();
    if (std::isfinite(epochSeconds) && epochSeconds > 1e9 && epochSeconds < 1e11) {
        token.expiresOn = QDateTime::fromSecsSinceEpoch(qint64(epochSeconds), Qt::UTC);
    } else {
        const QString text = object->value(u"expiresOn"_qs).toString();
        token.expiresOn = QDateTime::fromString(text.left(19), u"yyyy-MM-dd HH:mm:ss"_qs);
        if (!token.expiresOn.isValid())
            token.expiresOn = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!token.expiresOn.isValid())
            return protocol(u"The Azure CLI printed no valid expiresOn."_qs);
    }
    return token;
}

} // namespace portico::core
