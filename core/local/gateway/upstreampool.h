// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/gateway/transport.h"

#include <QHash>
#include <QObject>
#include <QUrl>

class QTimer;

namespace portico::local {

class EpollLoop;

// Keep-alive connections to backends, per worker thread (no locking). A connection is either
// idle in the pool or lent to exactly one handler. Transport events are dispatched to the
// current handler, so that lending a connection costs no signal (dis)connections; an idle
// connection that reports anything (bytes, a close) is closed.
// Plain-HTTP backends at an IP address are raw descriptors on the worker's epoll loop (when it
// has one); https backends and host names that need a lookup use QSslSocket/QTcpSocket.
class UpstreamPool final : public QObject, private Transport::Listener
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamPool)

public:
    class Handler
    {
    public:
        virtual void upstreamReadyRead() = 0;
        virtual void upstreamBytesWritten() = 0;
        virtual void upstreamGone() = 0;

    protected:
        ~Handler() = default;
    };

    struct Lease
    {
        Transport *transport = nullptr;
        bool reused = false;
    };

    // What the pool and the request head need from a backend URL, worked out once per URL.
    struct Origin
    {
        QByteArray key;        // scheme://host:port
        QByteArray hostHeader; // the Host field: host, and the port unless the scheme's default
    };

    explicit UpstreamPool(EpollLoop *loop, QObject *parent = nullptr);
    ~UpstreamPool() override;

    // An idle connection to the origin of `url`, or a new one that is connecting.
    Lease acquire(const QUrl &url, Handler *handler, bool forceNew = false);
    // Gives a connection back; it is closed unless `reusable`.
    void release(const Lease &lease, bool reusable);

    int idleCount() const;
    // The origin of `url` (the last one is remembered: requests mostly go to one backend).
    const Origin &origin(const QUrl &url);

private:
    struct Entry
    {
        QByteArray key;
        Handler *handler = nullptr;
        qint64 idleSince = 0;
    };
    Transport *open(const QUrl &url);
    void close(Transport *transport);
    void transportEvent(Transport *transport, Transport::Event event) override;

    EpollLoop *m_loop;
    QUrl m_originUrl;
    Origin m_origin;
    QHash<Transport *, Entry> m_transports;
    QHash<QByteArray, QList<Transport *>> m_idle;
    QTimer *m_sweep = nullptr;
};

} // namespace portico::local
