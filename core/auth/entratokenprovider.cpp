// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/entratokenprovider.h"

#include "core/arm/armparsing.h"
#include "core/auth/entrarequest.h"
#include "core/secrets/secretstore.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace portico::core {

EntraTokenProvider::EntraTokenProvider(QNetworkAccessManager *network, EntraConfig config,
                                       SecretStore *secrets, QString environmentId, QObject *parent)
    : AccessTokenProvider(parent)
    , m_network(network)
    , m_config(std::move(config))
    , m_secrets(secrets)
    , m_environmentId(std::move(environmentId))
{
}

EntraTokenProvider::~EntraTokenProvider()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void EntraTokenProvider::setSignedIn(const TokenSet &tokens)
{
    m_access = tokens.access;
    if (!tokens.refreshToken.isEmpty()) {
        m_refreshToken = tokens.refreshToken;
        storeRefreshToken(tokens.refreshToken);
    }
}

void EntraTokenProvider::signOut()
{
    m_access = {};
    m_refreshToken.clear();
    if (m_secrets) {
        SecretJob *job = m_secrets->remove(SecretStore::makeKey(m_environmentId, refreshTokenPurpose));
        Q_UNUSED(job); // finishes and deletes itself; "not found" is fine here
    }
}

void EntraTokenProvider::forgetRefreshToken(const QString &deadToken)
{
    // Entra ID will never accept it again (expired or revoked): deleted from the keychain too, so
    // that the next start asks for a sign-in instead of sending it again. Only if the keychain
    // still holds this token: a new sign-in may have replaced it meanwhile.
    if (!m_secrets || deadToken.isEmpty())
        return;
    const QString key = SecretStore::makeKey(m_environmentId, refreshTokenPurpose);
    SecretJob *read = m_secrets->read(key);
    connect(read, &SecretJob::finished, this, [this, read, key, deadToken] {
        if (read->result().ok() && read->result().value() == deadToken && m_secrets) {
            SecretJob *removed = m_secrets->remove(key);
            Q_UNUSED(removed); // finishes and deletes itself; a failure leaves only a dead token
        }
    });
}

void EntraTokenProvider::storeRefreshToken(const QString &refreshToken)
{
    if (!m_secrets)
        return;
    SecretJob *job = m_secrets->write(SecretStore::makeKey(m_environmentId, refreshTokenPurpose), refreshToken);
    connect(job, &SecretJob::finished, this, [this, job] {
        Q_EMIT refreshTokenStored(job->result().ok() ? Error() : job->result().error());
    });
}

TokenJob *EntraTokenProvider::token(bool forceRefresh)
{
    auto *job = new TokenJob(this);
    if (!forceRefresh && !m_access.isExpiring(QDateTime::currentDateTimeUtc())) {
        job->complete(m_access);
        return job;
    }
    m_waiting.append(job);
    if (!m_refreshing)
        startRefresh();
    return job;
}

void EntraTokenProvider::startRefresh()
{
    m_refreshing = true;
    if (!m_refreshToken.isEmpty()) {
        refreshWith(m_refreshToken);
        return;
    }
    if (!m_secrets) {
        Error error = Error::make(Error::Kind::Unauthorized, u"Sign in to Azure first."_qs);
        Q_EMIT signInRequired(error);
        completeAll(error);
        return;
    }
    SecretJob *job = m_secrets->read(SecretStore::makeKey(m_environmentId, refreshTokenPurpose));
    connect(job, &SecretJob::finished, this, [this, job] {
        if (!job->result().ok() && SecretStore::isLocked(job->result().error())) {
            // The sign-in is kept, but the keychain will not give it out until it is unlocked:
            // signing in again would not help. The next token() reads it again.
            const Error error = job->result().error();
            Q_EMIT signInRequired(error);
            completeAll(error);
            return;
        }
        if (!job->result().ok() || job->result().value().isEmpty()) {
            Error error = Error::make(Error::Kind::Unauthorized, u"Sign in to Azure first."_qs);
            Q_EMIT signInRequired(error);
            completeAll(error);
            return;
        }
        m_refreshToken = job->result().value();
        refreshWith(m_refreshToken);
    });
}

void EntraTokenProvider::refreshWith(const QString &refreshToken)
{
    if (!m_network) {
        completeAll(Error::make(Error::Kind::Unavailable, u"The network is not available."_qs));
        return;
    }
    QByteArray form = "grant_type=refresh_token&client_id=" + QUrl::toPercentEncoding(m_config.clientId)
        + "&refresh_token=" + QUrl::toPercentEncoding(refreshToken)
        + "&scope=" + QUrl::toPercentEncoding(m_config.scopes.join(u' '));
    m_reply = postEntraForm(m_network, m_config, u"token", form);
    connect(m_reply, &QNetworkReply::finished, this, [this] {
        QNetworkReply *reply = std::exchange(m_reply, nullptr);
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            completeAll(entraTransportError(reply, m_config)); // no answer, a refused certificate, …
            return;
        }
        const QByteArray body = reply->read(1024 * 1024);
        if (status.toInt() != 200) {
            Error error = parseArmError(status.toInt(), body);
            if (error.code == u"invalid_grant"_qs || error.code == u"interaction_required"_qs) {
                error.kind = Error::Kind::Unauthorized;
                if (error.code == u"invalid_grant"_qs)
                    forgetRefreshToken(m_refreshToken);
                m_refreshToken.clear();
                m_access = {};
                Q_EMIT signInRequired(error);
            }
            completeAll(error);
            return;
        }
        auto tokens = parseTokenResponse(body, QDateTime::currentDateTimeUtc());
        if (!tokens) {
            completeAll(tokens.error());
            return;
        }
        m_access = tokens->access;
        if (!tokens->refreshToken.isEmpty() && tokens->refreshToken != m_refreshToken) {
            m_refreshToken = tokens->refreshToken;
            storeRefreshToken(m_refreshToken);
        }
        completeAll(m_access);
    });
}

void EntraTokenProvider::completeAll(const Result<AccessToken> &result)
{
    m_refreshing = false;
    const QList<QPointer<TokenJob>> waiting = std::exchange(m_waiting, {});
    for (const QPointer<TokenJob> &job : waiting) {
        if (job)
            job->complete(result);
    }
}

} // namespace portico::core
