// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <optional>

namespace portico::core {

// A bearer token and when it stops working. Never logged, never written to a file.
struct AccessToken
{
    QString token;
    QDateTime expiresOn; // invalid = does not expire (the local stand-in's token)

    // True when the token is missing or expires within `margin` seconds of `now`.
    bool isExpiring(const QDateTime &now, int marginSeconds = 300) const
    {
        if (token.isEmpty())
            return true;
        return expiresOn.isValid() && now.secsTo(expiresOn) < marginSeconds;
    }
};

// One asynchronous token request. finished() is emitted exactly once, always from the event
// loop, then the job deletes itself.
class TokenJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenJob)

public:
    explicit TokenJob(QObject *parent = nullptr);

    // Valid once finished() was emitted.
    [[nodiscard]] const Result<AccessToken> &result() const { return *m_result; }

    // Used by providers: records the outcome and schedules finished() (ignored after the first).
    void complete(Result<AccessToken> result);

Q_SIGNALS:
    void finished();

private:
    std::optional<Result<AccessToken>> m_result;
};

// Where ArmClient gets the Authorization header from. Implementations: a fixed token (the local
// stand-in), Entra ID device-code sign-in with refresh, and the Azure CLI's cached login.
class AccessTokenProvider : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessTokenProvider)

public:
    explicit AccessTokenProvider(QObject *parent = nullptr) : QObject(parent) { }
    ~AccessTokenProvider() override = default;

    // A usable token. With forceRefresh, the cached token was refused (HTTP 401) and a fresh one
    // must be obtained if the provider can; otherwise the call fails with Unauthorized.
    [[nodiscard]] virtual TokenJob *token(bool forceRefresh = false) = 0;

Q_SIGNALS:
    // The provider can no longer produce tokens without the user (refresh token expired or
    // revoked, CLI logged out). The UI shows a "sign in again" banner.
    void signInRequired(const portico::core::Error &reason);
};

} // namespace portico::core
