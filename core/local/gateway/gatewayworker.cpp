// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/gatewayworker.h"

#include "core/local/gateway/clientconnection.h"
#include "core/local/gateway/gatewayshared.h"
#include "core/local/gateway/sockettransport.h"
#include "core/local/gateway/upstreampool.h"

#ifdef Q_OS_LINUX
#include "core/local/gateway/epollloop.h"
#include "core/local/gateway/fdtransport.h"
#endif

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <unistd.h>

namespace portico::local {

#ifdef Q_OS_LINUX
namespace {

EpollLoop *makeLoop(QObject *parent)
{
    auto *loop = new EpollLoop(parent);
    if (!loop->isValid()) {
        delete loop;
        return nullptr;
    }
    return loop;
}

} // namespace
#endif

GatewayWorker::GatewayWorker(GatewayShared &shared, QObject *parent)
    : QObject(parent)
    , m_shared(shared)
#ifdef Q_OS_LINUX
    , m_loop(makeLoop(this))
#endif
    , m_pool(new UpstreamPool(m_loop, this))
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
    delete m_pool;
    delete m_loop; // after every transport on it
}

namespace {

QString clientIp(QHostAddress address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        address = QHostAddress(v4);
    return address.toString();
}

} // namespace

void GatewayWorker::adopt(qintptr descriptor, bool tls)
{
    Transport *transport = nullptr;
#ifdef Q_OS_LINUX
    if (!tls && m_loop) {
        transport = FdTransport::adopt(*m_loop, int(descriptor));
        if (!transport)
            return; // adopt() closed the descriptor
    }
#endif
    if (!transport) {
        QAbstractSocket *socket = nullptr;
        if (tls) {
            auto *ssl = new QSslSocket;
            if (!ssl->setSocketDescriptor(descriptor)) {
                delete ssl;
                ::close(int(descriptor));
                return;
            }
            ssl->setSslConfiguration(m_shared.tls);
            ssl->startServerEncryption();
            socket = ssl;
        } else {
            auto *tcp = new QTcpSocket;
            if (!tcp->setSocketDescriptor(descriptor)) {
                delete tcp;
                ::close(int(descriptor));
                return;
            }
            socket = tcp;
        }
        socket->setReadBufferSize(64 * 1024);
        transport = new SocketTransport(socket, SocketTransport::CloseOn::Disconnected);
    }
    new ClientConnection(transport, clientIp(transport->peerAddress()), tls, m_shared, *m_pool, this);
}

} // namespace portico::local
