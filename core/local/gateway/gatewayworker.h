// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

class QTimer;

namespace portico::local {

class EpollLoop;
class GatewayShared;
class UpstreamPool;

// One gateway worker: lives in its own thread with its own event loop, adopts accepted
// sockets handed over by descriptor, and keeps its own upstream connection pool. On Linux,
// plain TCP connections (client and backend) run on the worker's own epoll instance.
class GatewayWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayWorker)

public:
    explicit GatewayWorker(GatewayShared &shared, QObject *parent = nullptr);
    ~GatewayWorker() override;

    // Called in the worker's thread (queued).
    void adopt(qintptr descriptor, bool tls);

private:
    GatewayShared &m_shared;
    EpollLoop *m_loop = nullptr; // plain TCP on Linux; deleted after the pool
    UpstreamPool *m_pool;
    QTimer *m_sweep;
};

} // namespace portico::local
