// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

#include <vector>

class QSocketNotifier;

namespace portico::local {

class FdTransport;

// One epoll instance per gateway worker thread, driven from the thread's Qt event loop through
// a single QSocketNotifier on the epoll descriptor. Descriptors are registered edge-triggered
// for input, output and peer shutdown once, so serving a request costs no epoll_ctl and no
// notifier toggling. Output that transports queue while events are dispatched is sent at the
// end of each batch (one send per response instead of one per write).
class EpollLoop final : public QObject
{
    Q_DISABLE_COPY_MOVE(EpollLoop)

public:
    class Handler
    {
    public:
        virtual void epollEvents(quint32 events) = 0;

    protected:
        ~Handler() = default;
    };

    explicit EpollLoop(QObject *parent = nullptr);
    ~EpollLoop() override;

    // False when epoll is not available (the gateway then uses QTcpSocket).
    bool isValid() const { return m_epoll >= 0; }
    bool add(int fd, Handler *handler);

    // Queued output of `transport` is sent at the end of the current batch, or from the event
    // loop soon when no batch is running.
    void markDirty(FdTransport *transport);
    void forget(FdTransport *transport);

private:
    void drain();
    void flushDirty();

    int m_epoll = -1;
    QSocketNotifier *m_notifier = nullptr;
    std::vector<FdTransport *> m_dirty;
    bool m_dispatching = false;
    bool m_flushPosted = false;
};

} // namespace portico::local
