// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/gateway/transport.h"

class QAbstractSocket;

namespace portico::local {

// A Transport over a QAbstractSocket: TLS connections (QSslSocket) everywhere, and plain TCP
// where there is no epoll or the backend's host name still has to be looked up.
class SocketTransport final : public Transport
{
public:
    enum class CloseOn { Disconnected, DisconnectedOrError };

    // Takes ownership of `socket`.
    SocketTransport(QAbstractSocket *socket, CloseOn closeOn, QObject *parent = nullptr);
    ~SocketTransport() override;

    QAbstractSocket *socket() const { return m_socket; }

    qsizetype read(QByteArray &buffer, qsizetype max) override;
    bool mayHaveInput() const override;
    void write(const char *data, qsizetype size) override;
    qint64 bytesToWrite() const override;
    void flush() override;
    bool isConnected() const override;
    bool isWritable() const override;
    bool connectionRefused() const override;
    QHostAddress peerAddress() const override;
    void closeGracefully() override;
    void abort() override;

private:
    void reportClosed();

    QAbstractSocket *m_socket;
    bool m_closedReported = false;
};

} // namespace portico::local
