// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/local/gateway/gatewayconfig.h"
#include "core/local/gateway/gatewayshared.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <memory>
#include <vector>

class QTcpServer;
class QThread;

namespace portico::local {

struct LocalContext;
class GatewayWorker;
class UsageLog;

// The gateway data plane: what API consumers call, over HTTP and HTTPS. Its own HTTP/1.1
// server (QHttpServer 6.4 buffers whole bodies) with worker threads that accept sockets
// handed over from the listeners, route, apply policies, stream to backends over pooled
// keep-alive connections and record usage.
class GatewayService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayService)

public:
    explicit GatewayService(const LocalContext &context, QObject *parent = nullptr);
    ~GatewayService() override;

    // Opens the usage log and quota store (gateway.sqlite in the data dir).
    [[nodiscard]] core::Result<void> open();

    [[nodiscard]] core::Result<quint16> listenOn(const QHostAddress &address, quint16 port);
    [[nodiscard]] core::Result<quint16> listenTlsOn(const QHostAddress &address, quint16 port,
                                                    const QSslConfiguration &tls);

    // Replaces what the gateway serves; requests in flight finish with the old snapshot.
    // Returns problems found while compiling (invalid stored templates or policies).
    QStringList setConfiguration(const GatewayConfig &config);
    void setLimits(const GatewayLimits &limits);

    UsageLog *usageLog() const { return m_usage.get(); }
    int workerCount() const { return int(m_workers.size()); }

private:
    void refreshFromStore();
    GatewayConfig configFromStore() const;
    void addReportRoutes();
    core::Result<quint16> listen(QTcpServer *server, const QHostAddress &address, quint16 port);
    void dispatch(qintptr descriptor, bool tls);

    const LocalContext &m_context;
    GatewayShared m_shared;
    std::unique_ptr<UsageLog> m_usage;
    std::vector<QThread *> m_threads;
    std::vector<GatewayWorker *> m_workers;
    size_t m_next = 0;
};

} // namespace portico::local
