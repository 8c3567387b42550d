// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/tryit/servercertificate.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace portico::core {

// Why a Try It send ended without an HTTP response: facts only, as the sender saw them (which
// host and port, which timeout, which certificate problems, how long it ran). The UI puts them
// into words with tr(), the same words when the send is shown live and when it is re-opened
// from the history, which keeps these facts (toJson()), not a sentence. Qt's own text for the
// error is kept as technical detail only, in Qt's language.
struct SendFailure
{
    enum class Kind {
        Other,             // another QNetworkReply error: networkErrorCode, networkError
        ConnectionRefused, // nothing accepts connections at host:port
        HostNotFound,      // the name `host` does not resolve
        ConnectTimeout,    // no connection (or no TLS session) within timeoutSeconds
        NoAnswer,          // connected and sent, but no response headers within timeoutSeconds
        Deadline,          // the overall deadline (timeoutSeconds) passed before the answer ended
        ConnectionClosed,  // the server closed the connection before answering
        NetworkLost,       // the network went away during the exchange
        Tls,               // the TLS handshake failed: tlsErrors, certificate
        Proxy,             // the proxy (proxyHost:proxyPort) failed: networkErrorCode says how
        Cancelled,         // the user cancelled after elapsedMs
        BodyTooLarge,      // the body passed limitBytes and was stopped
        CannotStoreBody,   // the body could not be written to a temporary file in `path`
        KeyUnavailable,    // the subscription key (of `subscription`) could not be read
    };

    // The certificate the server presented in a failed handshake (its problems: tlsErrors).
    using Certificate = ServerCertificate;

    Kind kind = Kind::Other;
    QString host; // of the request URL
    int port = -1; // of the request URL, the scheme's default filled in
    QString scheme;
    int timeoutSeconds = 0; // ConnectTimeout, NoAnswer, Deadline
    qint64 elapsedMs = -1; // from send to the failure
    QList<int> tlsErrors; // QSslError::SslError values, in the order Qt reported them
    std::optional<Certificate> certificate; // Tls
    // Tls: the host has a pinned certificate (the user's or the service's trust decision),
    // and this is not it.
    bool pinMismatch = false;
    QString proxyHost; // Proxy, when known
    int proxyPort = -1;
    qint64 limitBytes = 0; // BodyTooLarge
    QString path; // CannotStoreBody: the directory
    QString subscription; // KeyUnavailable: its display name
    int networkErrorCode = 0; // QNetworkReply::NetworkError, 0 when not a network error
    QString detail; // technical: Qt's text, the server's message; never shown as the headline

    // A stable form for the history (kind by name, so that a newer kind reads as Other).
    QJsonObject toJson() const;
    static std::optional<SendFailure> fromJson(const QJsonObject &json);

    friend bool operator==(const SendFailure &, const SendFailure &) = default;
};

} // namespace portico::core
