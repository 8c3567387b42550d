// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/gateway/gatewayconfig.h"
#include "core/local/gateway/gatewayservice.h"
#include "core/local/server/localserver.h"
#include "tests/local/gateway/rawhttp.h"
#include "tests/local/gateway/testbackend.h"
#include "tests/support/tempdir.h"

#include <QThread>

#include <functional>
#include <memory>

namespace portico::test {

// The real gateway engine (GatewayService with its worker threads, HTTP and HTTPS listeners,
// usage log) in the test process, configured directly with a GatewayConfig, in front of a real
// backend. Used by the engine tests; the end-to-end tests drive portico-local instead.
class GatewayTestbed final
{
public:
    GatewayTestbed();
    ~GatewayTestbed();

    // An "echo" API (path echo, backend /base) with the operations the tests route to, an open
    // API, an HTTPS-only API, an API with renamed key parameters, products and subscriptions
    // whose keys are named after their rule ("master-key", "starter-key", "api-key", ...).
    local::GatewayConfig baseConfig() const;

    bool start(const local::GatewayConfig &config, const local::GatewayLimits &limits = {});
    // baseConfig() with short client timeouts: headTimeoutMs for a request's head to arrive,
    // idleTimeoutMs for a kept-alive connection or a stalled body.
    bool startWithClientTimeouts(int headTimeoutMs, int idleTimeoutMs);
    // Stops the gateway (flushing its store) and starts it again on the same data dir.
    bool restart();
    void stop();
    void reconfigure(const local::GatewayConfig &config);

    // Runs `work` in the thread that owns the gateway service (for its usage log, say).
    void inGatewayThread(const std::function<void()> &work);
    local::GatewayService &service() { return *m_service; }
    quint16 httpPort() const { return m_httpPort; }
    quint16 httpsPort() const { return m_httpsPort; }
    QString dataDir() const { return m_dataDir.path(); }
    QString certificateSha256() const { return m_context.gatewayCertificateSha256; }
    TestBackend &backend() { return m_backend; }

    // The header with the key of baseConfig()'s "master" subscription, which every API accepts.
    static QList<QPair<QByteArray, QByteArray>> masterKey();

    // One request on a fresh connection.
    HttpReply get(const QByteArray &target, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpReply send(const QByteArray &method, const QByteArray &target,
                   const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &body = {});

private:
    bool startHere(const local::GatewayConfig &config, const local::GatewayLimits &limits);

    QThread m_thread;
    QObject *m_threadContext = nullptr;
    TempDir m_dataDir;
    TestBackend m_backend;
    local::LocalContext m_context;
    local::GatewayConfig m_config;
    local::GatewayLimits m_limits;
    std::unique_ptr<local::GatewayService> m_service;
    quint16 m_httpPort = 0;
    quint16 m_httpsPort = 0;
};

// The exact gateway error body for a status and message, as the reference quotes it.
QByteArray gatewayErrorBody(int status, const QString &message);

} // namespace portico::test
