// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/auth/accesstokenprovider.h"
#include "core/auth/entraconfig.h"
#include "core/auth/oauthparsing.h"

#include <QList>
#include <QPointer>

#include <QNetworkAccessManager>
class QNetworkReply;

namespace portico::core {

class SecretStore;

// Tokens from an Entra ID sign-in (DeviceCodeSignIn). The access token stays in memory; the
// refresh token lives in the SecretStore under "<environment id>/entra-refresh-token", so a
// restarted app signs in silently. Expiring tokens (5 min margin) and forced refreshes use the
// refresh_token grant (§9.2.4); concurrent requests share one refresh; a rotated refresh token
// is written back. invalid_grant (expired or revoked) emits signInRequired() and deletes the
// dead refresh token from the keychain; so does a locked
// keychain, with SecretStore::lockedCode() (unlocking it is enough, no new sign-in).
// A refresh that Entra ID does not answer in time fails with Kind::Timeout, one whose certificate
// is refused with Kind::Tls naming the problem (entraTransportError()); the sign-in is kept.
class EntraTokenProvider final : public AccessTokenProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntraTokenProvider)

public:
    static constexpr QLatin1StringView refreshTokenPurpose { "entra-refresh-token" };

    EntraTokenProvider(QNetworkAccessManager *network, EntraConfig config, SecretStore *secrets,
                       QString environmentId, QObject *parent = nullptr);
    ~EntraTokenProvider() override;

    // After a successful DeviceCodeSignIn: keeps the access token and stores the refresh token.
    void setSignedIn(const TokenSet &tokens);
    // Forgets the tokens and removes the refresh token from the SecretStore.
    void signOut();

    [[nodiscard]] TokenJob *token(bool forceRefresh = false) override;

Q_SIGNALS:
    // The refresh token was written to the SecretStore (or failed to be: `error` set).
    void refreshTokenStored(const portico::core::Error &error);

private:
    void startRefresh();
    void refreshWith(const QString &refreshToken);
    void forgetRefreshToken(const QString &deadToken);
    void storeRefreshToken(const QString &refreshToken);
    void completeAll(const Result<AccessToken> &result);

    QPointer<QNetworkAccessManager> m_network;
    EntraConfig m_config;
    QPointer<SecretStore> m_secrets;
    QString m_environmentId;
    AccessToken m_access;
    QString m_refreshToken;
    QList<QPointer<TokenJob>> m_waiting;
    QNetworkReply *m_reply = nullptr;
    bool m_refreshing = false;
};

} // namespace portico::core
