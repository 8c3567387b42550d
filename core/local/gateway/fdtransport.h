// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/gateway/epollloop.h"
#include "core/local/gateway/transport.h"

namespace portico::local {

// Plain TCP over a non-blocking descriptor on the worker's EpollLoop (Linux). recv() goes
// straight into the caller's buffer; writes are queued and sent at the end of the event batch,
// at 64 KiB, or on flush(), and whatever the kernel does not take waits for EPOLLOUT. A
// graceful close sends the rest, shuts down the write side and lingers (discarding input)
// until the peer closes too, so that a response is not destroyed by a reset.
class FdTransport final : public Transport, private EpollLoop::Handler
{
    Q_DISABLE_COPY_MOVE(FdTransport)

public:
    // Adopts a connected socket; nullptr (and the descriptor closed) if it cannot be registered.
    static FdTransport *adopt(EpollLoop &loop, int fd, QObject *parent = nullptr);
    // Starts a non-blocking connect; failures are reported as Closed from the event loop.
    static FdTransport *connectTo(EpollLoop &loop, const QHostAddress &address, quint16 port,
                                  QObject *parent = nullptr);
    ~FdTransport() override;

    qsizetype read(QByteArray &buffer, qsizetype max) override;
    bool mayHaveInput() const override { return m_fd >= 0 && m_readable; }
    void write(const char *data, qsizetype size) override;
    qint64 bytesToWrite() const override { return m_out.size() - m_outOffset; }
    void flush() override { sendQueued(); }
    bool isConnected() const override { return m_fd >= 0 && m_state == State::Connected && !m_eof; }
    bool isWritable() const override { return m_fd >= 0 && m_state == State::Connected; }
    bool connectionRefused() const override { return m_refused; }
    QHostAddress peerAddress() const override;
    void closeGracefully() override;
    void abort() override;

    // Sends queued output (write(), flush() and EPOLLOUT).
    void sendQueued();
    // The loop's end-of-batch send: outside any listener call, so it may report Written, which
    // it does when output that the kernel had refused went out (the next EPOLLOUT may then
    // find nothing queued, and the listener would wait for a Written that never comes).
    void sendQueuedFromLoop();

private:
    enum class State { Connecting, Connected, Closing };

    FdTransport(EpollLoop &loop, int fd, State state, QObject *parent);
    void epollEvents(quint32 events) override;
    void finishConnect();
    void lingerRead();
    // Closing: once our side is sent and shut down and the peer's end was read, closes and
    // reports Closed.
    void finishClosingIfDone();
    void fail(int error, bool reportLater);
    void closeDescriptor();
    void reportClosed();

    EpollLoop &m_loop;
    int m_fd;
    State m_state;
    bool m_readable = true;  // no EAGAIN since the last input event
    bool m_peerShutdown = false; // EPOLLRDHUP seen: the rest can be read, then the end
    bool m_eof = false;      // recv() returned 0
    bool m_refused = false;
    bool m_dirty = false;
    bool m_writeShutdown = false;
    bool m_closedReported = false;
    bool m_peerShutdownReported = false;
    bool m_blocked = false;  // the kernel refused output (EAGAIN); Written is owed when it goes
    bool m_lingerPosted = false;
    QByteArray m_out;
    qsizetype m_outOffset = 0;
};

} // namespace portico::local
