// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/environments/environmentsession.h"

#include "core/arm/armclient.h"
#include "core/auth/azureclitokenprovider.h"
#include "core/auth/entratokenprovider.h"
#include "core/auth/statictokenprovider.h"
#include "core/environments/localsupervisor.h"
#include "core/secrets/secretstore.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace portico::core {

EnvironmentSession::EnvironmentSession(Environment environment, QNetworkAccessManager *network,
                                       SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_environment(std::move(environment))
    , m_network(network)
    , m_secrets(secrets)
{
}

EnvironmentSession::~EnvironmentSession()
{
    // The client goes before the token provider it points to; the supervisor stops the child.
    m_client.reset();
    m_tokens.reset();
    m_supervisor.reset();
}

ArmClient *EnvironmentSession::client() const
{
    return m_state == State::Open ? m_client.get() : nullptr;
}

QStringList EnvironmentSession::scopes() const
{
    const QString subscription = m_environment.armSubscriptionId();
    return subscription.isEmpty() ? QStringList() : QStringList { u"/subscriptions/"_qs + subscription };
}

void EnvironmentSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void EnvironmentSession::open()
{
    close();
    ++m_generation;
    m_error = {};
    setState(State::Opening);
    if (!m_network || !m_secrets) {
        fail(Error::make(Error::Kind::Unavailable, u"The network or the secret store is not available."_qs));
        return;
    }
    if (m_environment.kind == Environment::Kind::Azure)
        openAzure();
    else if (m_environment.localMode == Environment::LocalMode::Attached)
        openLocalAttached();
    else
        openLocalSupervised();
}

void EnvironmentSession::close()
{
    ++m_generation; // answers to an earlier open() are dropped
    m_client.reset();
    m_tokens.reset();
    if (m_supervisor) {
        // A graceful stop (SIGTERM, then SIGKILL after the grace period). The supervisor stays a
        // child of the session until then, so it never outlives it.
        LocalSupervisor *supervisor = m_supervisor.release();
        supervisor->setParent(this);
        supervisor->disconnect(this);
        connect(supervisor, &LocalSupervisor::stopped, supervisor, &QObject::deleteLater);
        supervisor->stop();
    }
    setState(State::Closed);
}

void EnvironmentSession::fail(Error error)
{
    const quint64 generation = m_generation;
    m_error = error;
    // Always from the event loop, even when open() could tell at once.
    QTimer::singleShot(0, this, [this, generation, error] {
        if (generation != m_generation)
            return;
        m_client.reset();
        setState(State::Failed);
        Q_EMIT failed(error);
    });
}

void EnvironmentSession::becomeOpen(const QUrl &managementUrl)
{
    m_client = std::make_unique<ArmClient>(m_network, managementUrl, m_tokens.get());
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation != m_generation)
            return;
        setState(State::Open);
        Q_EMIT opened();
    });
}

void EnvironmentSession::openLocalAttached()
{
    const QString key = m_environment.secretKey(LocalSupervisor::tokenPurpose);
    SecretJob *job = m_secrets->read(key);
    const quint64 generation = m_generation;
    connect(job, &SecretJob::finished, this, [this, job, generation] {
        if (generation != m_generation)
            return;
        const Result<QString> &token = job->result();
        if (!token.ok() && SecretStore::isLocked(token.error())) {
            fail(token.error()); // the token is kept; the keychain must be unlocked first
            return;
        }
        if (!token.ok() || token.value().isEmpty()) {
            Error error = Error::make(
                Error::Kind::Unauthorized,
                u"No portico-local token is stored for this environment; enter the token that "
                "portico-local printed in its ready line."_qs);
            if (!token.ok())
                error.technical = token.error().toString();
            fail(error);
            return;
        }
        m_tokens = std::make_unique<StaticTokenProvider>(token.value());
        becomeOpen(m_environment.managementUrl);
    });
}

void EnvironmentSession::openLocalSupervised()
{
    if (m_localProgram.isEmpty()) {
        fail(Error::make(Error::Kind::Unavailable, u"The portico-local program is not configured."_qs));
        return;
    }
    m_supervisor = std::make_unique<LocalSupervisor>(m_secrets, m_environment.id);
    m_supervisor->setProgram(m_localProgram);
    if (!m_localDataDir.isEmpty())
        m_supervisor->setDataDir(m_localDataDir);
    connect(m_supervisor.get(), &LocalSupervisor::ready, this, [this](const LocalEndpoints &endpoints) {
        if (m_tokens) {
            // A restart: same URLs (the supervisor pins them), possibly a new token.
            static_cast<StaticTokenProvider *>(m_tokens.get())->setToken(endpoints.token);
            return;
        }
        m_tokens = std::make_unique<StaticTokenProvider>(endpoints.token);
        m_environment.managementUrl = endpoints.management;
        becomeOpen(endpoints.management);
    });
    connect(m_supervisor.get(), &LocalSupervisor::failed, this, [this](const Error &error) {
        fail(error);
    });
    m_supervisor->start();
}

void EnvironmentSession::openAzure()
{
    if (m_environment.signIn == Environment::SignIn::AzureCli) {
        auto cli = std::make_unique<AzureCliTokenProvider>();
        if (!m_azProgram.isEmpty())
            cli->setProgram(m_azProgram);
        cli->setTenant(m_environment.tenantId);
        cli->setManagementUrl(m_environment.managementUrl);
        m_tokens = std::move(cli);
    } else {
        EntraConfig config = m_entra;
        if (config.clientId.isEmpty())
            config.clientId = m_environment.clientId;
        if (!m_environment.tenantId.isEmpty())
            config.tenant = m_environment.tenantId;
        config.setManagementUrl(m_environment.managementUrl);
        if (config.clientId.isEmpty()) {
            fail(Error::make(Error::Kind::InvalidInput,
                             u"No Entra ID client id is configured for this environment."_qs));
            return;
        }
        m_tokens = std::make_unique<EntraTokenProvider>(m_network, config, m_secrets, m_environment.id);
    }
    becomeOpen(m_environment.managementUrl);
}

} // namespace portico::core
