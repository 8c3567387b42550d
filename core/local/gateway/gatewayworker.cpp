// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/gatewayworker.h"

#include "core/local/gateway/clientconnection.h"
#include "core/local/gateway/gatewayshared.h"
#include "core/local/gateway/upstreampool.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace portico::local {

GatewayWorker::GatewayWorker(GatewayShared &shared, QObject *parent)
    : QObject(parent)
    , m_shared(shared)
    , m_pool(new UpstreamPool(this))
    , m_sweep(new QTimer(this))
{
    // One coarse timer per worker instead of one timer restart per request.
    m_sweep->setInterval(200);
    connect(m_sweep, &QTimer::timeout, this, [this] {
        const qint64 now = ClientConnection::monotonicMs();
        const auto connections = findChildren<ClientConnection *>(Qt::FindDirectChildrenOnly);
        for (ClientConnection *c : connections)
            c->checkDeadline(now);
    });
    m_sweep->start();
}

GatewayWorker::~GatewayWorker()
{
    // Connections hand their upstream sockets back to the pool when they go, so they must go
    // before it: QObject would delete the children in creation order, the pool first.
    qDeleteAll(findChildren<ClientConnection *>(Qt::FindDirectChildrenOnly));
}

void GatewayWorker::adopt(qintptr descriptor, bool tls)
{
    QAbstractSocket *socket = nullptr;
    if (tls) {
        auto *ssl = new QSslSocket;
        if (!ssl->setSocketDescriptor(descriptor)) {
            delete ssl;
            return;
        }
        ssl->setSslConfiguration(m_shared.tls);
        ssl->startServerEncryption();
        socket = ssl;
    } else {
        auto *tcp = new QTcpSocket;
        if (!tcp->setSocketDescriptor(descriptor)) {
            delete tcp;
            return;
        }
        socket = tcp;
    }
    new ClientConnection(socket, tls, m_shared, *m_pool, this);
}

} // namespace portico::local
