// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QSslServer>
#include <QTemporaryDir>
#include <QUrl>

namespace portico::test {

// An HTTPS server on a loopback port whose certificate nobody trusts (self-signed, made fresh in
// a temporary directory): stands in for an Entra ID or ARM endpoint behind an intercepting proxy
// or with a broken certificate chain. A client that verifies certificates (Portico always does)
// fails the handshake; the server answers nothing.
class UntrustedTlsServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UntrustedTlsServer)

public:
    explicit UntrustedTlsServer(QObject *parent = nullptr);
    ~UntrustedTlsServer() override;

    [[nodiscard]] bool start();
    QString errorString() const { return m_error; }
    // https://127.0.0.1:<port>
    QUrl url() const;
    // Connections that reached the server (each handshake attempt is one).
    int connections() const { return m_connections; }

private:
    QTemporaryDir m_dir;
    QSslServer m_server;
    QString m_error;
    int m_connections = 0;
};

} // namespace portico::test
