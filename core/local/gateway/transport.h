// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

namespace portico::local {

// A byte stream to a client or a backend, as the gateway uses it: reads append to the
// caller's buffer, writes queue what the kernel does not take at once, and everything that
// happens is reported to one listener. Plain TCP on Linux is a raw descriptor on the worker's
// epoll instance (FdTransport); TLS and other platforms wrap a QAbstractSocket (SocketTransport).
class Transport : public QObject
{
public:
    enum class Event {
        Readable, // bytes (or the end of the stream) may be read
        Written,  // queued output went out; bytesToWrite() dropped
        PeerShutdown, // the peer ended its stream (once); what is buffered can still be read,
                      // and a half-closed peer can still be written to
        Closed,   // the connection is gone: closed, reset or failed (reported once)
    };

    class Listener
    {
    public:
        virtual void transportEvent(Transport *transport, Event event) = 0;

    protected:
        ~Listener() = default;
    };

    using QObject::QObject;

    void setListener(Listener *listener) { m_listener = listener; }

    // Appends at most `max` bytes that have arrived to `buffer`; returns how many (0: none now).
    virtual qsizetype read(QByteArray &buffer, qsizetype max) = 0;
    // True when read() may return bytes without a new Readable event.
    virtual bool mayHaveInput() const = 0;
    virtual void write(const char *data, qsizetype size) = 0;
    void write(const QByteArray &bytes) { write(bytes.constData(), bytes.size()); }
    // Bytes accepted by write() that the kernel has not taken yet.
    virtual qint64 bytesToWrite() const = 0;
    // Hands queued output to the kernel now rather than at the end of the event batch.
    virtual void flush() = 0;
    // Established, and the stream from the peer has not ended (its last byte read).
    virtual bool isConnected() const = 0;
    // Established and still open for writing (a peer that half-closed can still be answered).
    virtual bool isWritable() const = 0;
    virtual bool connectionRefused() const = 0;
    virtual QHostAddress peerAddress() const = 0;
    // Sends what is queued, then closes; reports Closed when the connection is gone.
    virtual void closeGracefully() = 0;
    // Closes now; reports Closed (synchronously) unless already reported.
    virtual void abort() = 0;

protected:
    void notify(Event event)
    {
        if (m_listener)
            m_listener->transportEvent(this, event);
    }

private:
    Listener *m_listener = nullptr;
};

} // namespace portico::local
