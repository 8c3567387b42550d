// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/local/server/localoptions.h"

#include <QJsonObject>
#include <QLockFile>
#include <QObject>
#include <QUrl>

#include <memory>

namespace portico::local {

class ArmRouter;
class GatewayService;
class ManagementService;
class ManagementStore;
class MlService;

// What every service of one portico-local instance shares. Filled by LocalServer::start();
// services hold a reference and may read it from then on.
struct LocalContext
{
    QString dataDir;
    QString token;  // management bearer token
    QString mlKey;  // API key of the sample ML service
    QUrl managementUrl;
    QUrl gatewayUrl;
    QUrl gatewayHttpsUrl;
    QUrl mlUrl;
    QString gatewayCertificateSha256;
    // The management plane's store (read API for the gateway: see managementstore.h) and its
    // router (ArmRouter::addServiceRoute adds e.g. the reports endpoints). Set before any
    // service is constructed; owned by LocalServer.
    ManagementStore *store = nullptr;
    ArmRouter *managementRouter = nullptr;
};

// One portico-local instance: locks the data dir, loads or creates its credentials and the
// gateway certificate, and starts the management, gateway (HTTP and HTTPS) and ML listeners.
// The data dir holds subscription keys and secrets, so it is kept owner-only: start() sets the
// process umask to 077 and strips group/other access from the dir and everything in it.
class LocalServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServer)

public:
    // Process exit codes for start() failures, so that scripts can tell them apart.
    enum ExitCode {
        ExitOk = 0,
        ExitUsage = 2,
        ExitDataDirLocked = 3,
        ExitPortUnavailable = 4,
        ExitStorage = 5,
    };

    explicit LocalServer(LocalOptions options, QObject *parent = nullptr);
    ~LocalServer() override;

    // On failure, the error's message says what went wrong and `exitCode()` which ExitCode fits.
    [[nodiscard]] core::Result<void> start();
    int exitCode() const { return m_exitCode; }

    const LocalContext &context() const { return m_context; }
    ManagementStore &store() { return *m_store; }
    // The one-line JSON object printed to stdout once every listener is up. Besides the URLs
    // and credentials: "plainHttpOnNetwork" (bool), and "warning" when that is true.
    QJsonObject readyLine() const;
    // Empty unless the listeners serve plain HTTP on a network address (--allow-plain-http):
    // then what is exposed, on which ports. Valid after start().
    QString plainHttpWarning() const;

private:
    core::Result<void> lockDataDir();
    core::Result<QString> loadOrCreateSecret(const char *environmentVariable, const QString &fileName);
    core::Result<void> fail(ExitCode code, core::Error error);

    LocalOptions m_options;
    LocalContext m_context;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<ManagementStore> m_store;
    std::unique_ptr<ManagementService> m_management;
    std::unique_ptr<GatewayService> m_gateway;
    std::unique_ptr<MlService> m_ml;
    int m_exitCode = ExitOk;
};

} // namespace portico::local
