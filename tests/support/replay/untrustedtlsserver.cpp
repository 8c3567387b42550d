// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/replay/untrustedtlsserver.h"

#include "core/local/tls/selfsignedcertificate.h"

#include <QSslConfiguration>
#include <QSslSocket>

namespace portico::test {

UntrustedTlsServer::UntrustedTlsServer(QObject *parent)
    : QObject(parent)
{
    // A client that refuses the certificate never gets past the handshake, so never becomes a
    // pending connection; one that does is closed unanswered.
    connect(&m_server, &QSslServer::startedEncryptionHandshake, this, [this](QSslSocket *) { ++m_connections; });
    connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->close();
            socket->deleteLater();
        }
    });
}

UntrustedTlsServer::~UntrustedTlsServer() = default;

bool UntrustedTlsServer::start()
{
    if (!m_dir.isValid()) {
        m_error = u"No temporary directory."_qs;
        return false;
    }
    auto identity = local::loadOrCreateGatewayCertificate(m_dir.path());
    if (!identity) {
        m_error = identity.error().message;
        return false;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(identity->certificate);
    tls.setPrivateKey(identity->privateKey);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_server.setSslConfiguration(tls);
    if (!m_server.listen(QHostAddress::LocalHost)) {
        m_error = m_server.errorString();
        return false;
    }
    return true;
}

QUrl UntrustedTlsServer::url() const
{
    return QUrl(u"https://127.0.0.1:%1"_qs.arg(m_server.serverPort()));
}

} // namespace portico::test
