// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/auth/accesstokenprovider.h"

#include <QList>
#include <QPointer>
#include <QProcess>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace portico::core {

// Reuses an existing Azure CLI login: runs
//   az account get-access-token --resource <ARM audience> --output json
// (the audience of the environment's management URL, EntraConfig::armResource: e.g.
// https://management.azure.com/ or https://management.usgovcloudapi.net/)
// (through QProcess, never a shell), caches the token until 5 minutes before it expires, and
// shares one run between concurrent requests. The token is read from stdout and never logged;
// stderr is only reported with tokens scrubbed. A missing `az` is Unavailable; "az login"
// needed is Unauthorized plus signInRequired().
class AzureCliTokenProvider final : public AccessTokenProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AzureCliTokenProvider)

public:
    explicit AzureCliTokenProvider(QObject *parent = nullptr);
    ~AzureCliTokenProvider() override;

    // The az executable (default "az" on PATH) and an optional tenant to ask for.
    void setProgram(QString program) { m_program = std::move(program); }
    void setTenant(QString tenant) { m_tenant = std::move(tenant); }
    // The management URL whose ARM the tokens are for (default: the Azure public cloud's).
    void setManagementUrl(const QUrl &managementUrl);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    [[nodiscard]] TokenJob *token(bool forceRefresh = false) override;

private:
    void run();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void completeAll(const Result<AccessToken> &result);

    QString m_program = QStringLiteral("az");
    QString m_tenant;
    QString m_resource;
    int m_timeoutMs = 60'000;
    AccessToken m_cached;
    std::unique_ptr<QProcess> m_process;
    QTimer m_timeout;
    QList<QPointer<TokenJob>> m_waiting;
};

} // namespace portico::core
