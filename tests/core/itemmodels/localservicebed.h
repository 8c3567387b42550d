// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// What the item-model tests share: the real portico-local (long-running operations shortened),
// an ArmClient on it, ArmCalls for set-up, and the sample service they read back.

#include "core/arm/armclient.h"
#include "core/auth/statictokenprovider.h"
#include "tests/core/itemmodels/armcalls.h"
#include "tests/support/porticolocalfixture.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>

#include <memory>

namespace portico::test {

class LocalServiceBed final
{
public:
    // ARM timing for tests: polls of long-running operations at 2 % of their Retry-After.
    static core::ArmTiming fastTiming()
    {
        core::ArmTiming timing;
        timing.timeScale = 0.02;
        return timing;
    }

    // Starts portico-local and creates ArmCalls::createSampleService(serviceName). Returns what
    // went wrong, or an empty string.
    QString start(const QString &serviceName, const core::ArmTiming &timing = fastTiming())
    {
        qputenv("PORTICO_LOCAL_LRO_DELAY_MS", "100");
        if (!m_local.start())
            return m_local.errorString();
        m_tokens = std::make_unique<core::StaticTokenProvider>(m_local.token());
        m_client = std::make_unique<core::ArmClient>(&m_network, m_local.managementUrl(), m_tokens.get());
        m_client->setTiming(timing);
        m_arm = std::make_unique<ArmCalls>(m_client.get());
        const auto created = m_arm->createSampleService(serviceName);
        if (!created.ok())
            return created.error().toString();
        m_serviceId = *created;
        return {};
    }

    PorticoLocalFixture &local() { return m_local; }
    QNetworkAccessManager &network() { return m_network; }
    core::StaticTokenProvider *tokens() const { return m_tokens.get(); }
    core::ArmClient *client() const { return m_client.get(); }
    ArmCalls &arm() { return *m_arm; }
    const QString &serviceId() const { return m_serviceId; }

private:
    PorticoLocalFixture m_local;
    QNetworkAccessManager m_network;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_client;
    std::unique_ptr<ArmCalls> m_arm;
    QString m_serviceId;
};

// Loads a table model (or reloads it, once loaded) and waits for its loaded() signal.
template <typename Model>
bool loadTable(Model &model)
{
    QSignalSpy loaded(&model, &Model::loaded);
    if (model.canFetchMore({}))
        model.fetchMore({});
    else
        model.refresh();
    return loaded.wait(15000);
}

} // namespace portico::test
