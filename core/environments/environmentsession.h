// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/auth/entraconfig.h"
#include "core/common/result.h"
#include "core/model/environment.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;

namespace portico::core {

class AccessTokenProvider;
class ArmClient;
class LocalSupervisor;
class SecretStore;

// Connects to one Environment and hands out the ArmClient everything else uses
// (NavigationTreeModel, the table models, AzureEnvironment, the editors):
//   - Local, supervised: starts portico-local through LocalSupervisor (setLocalProgram()); the
//     client talks to the management URL and token of its ready line and follows restarts;
//   - Local, attached: reads the token from the SecretStore ("<id>/local-token") and talks to
//     environment().managementUrl; no token there is Unauthorized with a message that says so;
//   - Azure: talks to environment().managementUrl with tokens from the Azure CLI login or from
//     an Entra ID device-code sign-in (EntraTokenProvider; the sign-in itself is
//     DeviceCodeSignIn, which the UI drives and hands to entraTokens()).
// open() reports through opened() or failed(), exactly once per call, from the event loop.
// Nothing here is sent before open(); no token is logged or stored outside the SecretStore.
class EnvironmentSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentSession)

public:
    enum class State { Closed, Opening, Open, Failed };
    Q_ENUM(State)

    EnvironmentSession(Environment environment, QNetworkAccessManager *network,
                       SecretStore *secrets, QObject *parent = nullptr);
    ~EnvironmentSession() override;

    const Environment &environment() const { return m_environment; }

    // Local supervised: the portico-local executable and its data directory.
    void setLocalProgram(QString program) { m_localProgram = std::move(program); }
    void setLocalDataDir(QString dataDir) { m_localDataDir = std::move(dataDir); }
    // Azure: where and as whom to sign in (authority and tenant; clientId and tenantId default
    // to the environment's), and the az executable for the CLI sign-in.
    void setEntraConfig(EntraConfig config) { m_entra = std::move(config); }
    void setAzureCliProgram(QString program) { m_azProgram = std::move(program); }

    void open();
    void close();

    State state() const { return m_state; }
    // Why the last open() failed; meaningful while state() is Failed.
    const Error &error() const { return m_error; }
    // Valid while Open.
    ArmClient *client() const;
    AccessTokenProvider *tokenProvider() const { return m_tokens.get(); }
    // Local supervised only (null otherwise).
    LocalSupervisor *supervisor() const { return m_supervisor.get(); }
    // The ARM scopes whose services the environment shows (NavigationTreeModel::addEnvironment).
    QStringList scopes() const;

Q_SIGNALS:
    void stateChanged(portico::core::EnvironmentSession::State state);
    void opened();
    void failed(const portico::core::Error &error);

private:
    void openLocalAttached();
    void openLocalSupervised();
    void openAzure();
    void becomeOpen(const QUrl &managementUrl);
    void fail(Error error);
    void setState(State state);

    Environment m_environment;
    QPointer<QNetworkAccessManager> m_network;
    QPointer<SecretStore> m_secrets;
    QString m_localProgram;
    QString m_localDataDir;
    EntraConfig m_entra;
    QString m_azProgram;
    std::unique_ptr<LocalSupervisor> m_supervisor;
    std::unique_ptr<AccessTokenProvider> m_tokens;
    std::unique_ptr<ArmClient> m_client;
    State m_state = State::Closed;
    Error m_error;
    quint64 m_generation = 0;
};

} // namespace portico::core
