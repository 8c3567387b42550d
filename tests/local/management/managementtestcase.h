// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// The base of the management-plane tests that work on one service: the real portico-local
// (long-running operations shortened), an ArmTestClient on it, and the service created through
// ARM. The derived test calls startService() from initTestCase() and stopService() from
// cleanupTestCase().

#include "tests/local/management/armtestclient.h"
#include "tests/support/porticolocalfixture.h"

#include <QObject>

#include <memory>

namespace portico::test {

class ManagementTestCase : public QObject
{
protected:
    explicit ManagementTestCase(QString service) : m_service(std::move(service)) { }

    // Returns what went wrong, or an empty string.
    QString startService()
    {
        qputenv("PORTICO_LOCAL_LRO_DELAY_MS", "100");
        if (!m_local.start())
            return m_local.errorString();
        m_arm = std::make_unique<ArmTestClient>(m_local.managementUrl(), m_local.token());
        QString failure;
        if (!m_arm->createService(m_service, &failure))
            return failure;
        return {};
    }
    // portico-local's exit code (0 when it stopped cleanly).
    int stopService()
    {
        m_arm.reset();
        return m_local.stop();
    }

    // A path below the service: svc(u"/apis/x"_qs).
    QString svc(const QString &rest = {}) const { return ArmTestClient::servicePath(m_service) + rest; }
    static QJsonObject api(const QString &displayName, const QString &path)
    {
        return ArmTestClient::apiBody(displayName, path);
    }
    static QJsonObject operation(const QString &displayName, const QString &method, const QString &urlTemplate,
                                 const QStringList &parameters)
    {
        return ArmTestClient::operationBody(displayName, method, urlTemplate, parameters);
    }
    static QStringList names(const ArmTestClient::Reply &reply) { return reply.names(); }

    PorticoLocalFixture m_local;
    std::unique_ptr<ArmTestClient> m_arm;

private:
    QString m_service;
};

} // namespace portico::test
