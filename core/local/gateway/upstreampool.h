// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractSocket>
#include <QHash>
#include <QObject>
#include <QUrl>

class QTimer;

namespace portico::local {

// Keep-alive connections to backends, per worker thread (no locking). A connection is either
// idle in the pool or lent to exactly one handler. Socket signals are connected once, when the
// connection is made, and dispatched to the current handler, so that lending a connection
// costs no signal (dis)connections.
class UpstreamPool final : public QObject
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
        QAbstractSocket *socket = nullptr;
        bool reused = false;
    };

    explicit UpstreamPool(QObject *parent = nullptr);
    ~UpstreamPool() override;

    // An idle connection to the origin of `url`, or a new one that is connecting.
    Lease acquire(const QUrl &url, Handler *handler, bool forceNew = false);
    // Gives a connection back; it is closed unless `reusable`.
    void release(const Lease &lease, bool reusable);

    int idleCount() const;

private:
    struct Entry
    {
        QByteArray key;
        Handler *handler = nullptr;
        qint64 idleSince = 0;
    };
    void close(QAbstractSocket *socket);
    void onSignal(QAbstractSocket *socket, int what);

    QHash<QAbstractSocket *, Entry> m_sockets;
    QHash<QByteArray, QList<QAbstractSocket *>> m_idle;
    QTimer *m_sweep = nullptr;
};

} // namespace portico::local
