// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/gateway/httpmessage.h"

#include <QJsonObject>
#include <QSslSocket>

#include <memory>

namespace portico::test {

struct HttpReply
{
    bool ok = false; // a complete response arrived
    int status = 0;
    local::HeaderList headers;
    QByteArray body;

    QJsonObject json() const;
    QByteArray header(QByteArrayView name) const { return headers.value(name); }
};

// A blocking HTTP/1.1 client over one connection, for tests that need exact control of the
// bytes on the wire (pipelining, malformed input, many concurrent connections). Never used
// from a thread that must also serve the gateway or the backend.
class RawHttpConnection final
{
public:
    explicit RawHttpConnection(quint16 port, bool tls = false);
    ~RawHttpConnection();

    bool isConnected() const;
    void send(const QByteArray &bytes);
    HttpReply readReply(int timeoutMs = 15000, bool forHeadRequest = false);
    HttpReply request(const QByteArray &method, const QByteArray &target,
                      const QList<QPair<QByteArray, QByteArray>> &headers = {},
                      const QByteArray &body = {}, int timeoutMs = 15000);
    // True when the server closed the connection within the timeout.
    bool waitForClosed(int timeoutMs);
    QSslSocket &socket() { return *m_socket; }

    static QByteArray format(const QByteArray &method, const QByteArray &target,
                             const QList<QPair<QByteArray, QByteArray>> &headers,
                             const QByteArray &body);

private:
    std::unique_ptr<QSslSocket> m_socket;
    QByteArray m_buffer;
};

} // namespace portico::test
