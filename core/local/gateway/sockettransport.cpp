// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/sockettransport.h"

#include <QAbstractSocket>
#include <QVariant>

namespace portico::local {

SocketTransport::SocketTransport(QAbstractSocket *socket, CloseOn closeOn, QObject *parent)
    : Transport(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    connect(m_socket, &QIODevice::readyRead, this, [this] { notify(Event::Readable); });
    connect(m_socket, &QIODevice::bytesWritten, this, [this] { notify(Event::Written); });
    connect(m_socket, &QAbstractSocket::disconnected, this, &SocketTransport::reportClosed);
    // An error may come before `disconnected` (or without it, when connecting fails); both are
    // reported, as the upstream code expects (it looks at the state each time).
    if (closeOn == CloseOn::DisconnectedOrError)
        connect(m_socket, &QAbstractSocket::errorOccurred, this, [this] {
            if (!m_closedReported)
                notify(Event::Closed);
        });
    if (m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    } else {
        connect(m_socket, &QAbstractSocket::connected, this,
                [this] { m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
    }
}

SocketTransport::~SocketTransport()
{
    disconnect(m_socket, nullptr, this, nullptr);
}

void SocketTransport::reportClosed()
{
    if (m_closedReported)
        return;
    m_closedReported = true;
    notify(Event::Closed);
}

qsizetype SocketTransport::read(QByteArray &buffer, qsizetype max)
{
    const qsizetype available = qsizetype(std::min<qint64>(m_socket->bytesAvailable(), max));
    if (available <= 0)
        return 0;
    const qsizetype old = buffer.size();
    buffer.resize(old + available);
    const qint64 n = m_socket->read(buffer.data() + old, available);
    buffer.resize(old + qsizetype(std::max<qint64>(n, 0)));
    return qsizetype(std::max<qint64>(n, 0));
}

bool SocketTransport::mayHaveInput() const
{
    return m_socket->bytesAvailable() > 0;
}

void SocketTransport::write(const char *data, qsizetype size)
{
    m_socket->write(data, size);
}

qint64 SocketTransport::bytesToWrite() const
{
    return m_socket->bytesToWrite();
}

void SocketTransport::flush()
{
    // Flushing a socket that is still connecting fails the write; it flushes once connected.
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->flush();
}

bool SocketTransport::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

bool SocketTransport::isWritable() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

bool SocketTransport::connectionRefused() const
{
    return m_socket->error() == QAbstractSocket::ConnectionRefusedError
        || m_socket->error() == QAbstractSocket::HostNotFoundError;
}

QHostAddress SocketTransport::peerAddress() const
{
    return m_socket->peerAddress();
}

void SocketTransport::closeGracefully()
{
    m_socket->disconnectFromHost();
}

void SocketTransport::abort()
{
    m_socket->abort();
    reportClosed();
}

} // namespace portico::local
