// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class QSslCertificate;

namespace portico::core {

// The certificate a server presented, as Try It keeps it. It has one stored form wherever it is
// kept (the facts of a send that failed, the exchange of a history entry), so that both describe
// a certificate identically: {"subject", "issuer", "notBefore", "notAfter" (ISO 8601 in UTC,
// empty when not known), "sha256"}.
struct ServerCertificate
{
    QString subject;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QString sha256Fingerprint; // lower-case hex, no separators

    static ServerCertificate from(const QSslCertificate &certificate);
    QJsonObject toJson() const;
    static ServerCertificate fromJson(const QJsonObject &json);

    friend bool operator==(const ServerCertificate &, const ServerCertificate &) = default;
};

// The server certificate of an HTTPS exchange, for the "why is this not trusted" panel and for
// pinning: the user may trust a certificate by its SHA-256 fingerprint for one host.
struct TlsCertificateInfo : ServerCertificate
{
    QStringList errors;    // QSslError texts; empty when the chain was trusted
    QList<int> errorKinds; // the same errors as QSslError::SslError values, for the UI's words
    bool pinned = false;   // accepted because its fingerprint was pinned for the host

    static TlsCertificateInfo from(const QSslCertificate &certificate);
    // ServerCertificate's form, plus "errors", "errorKinds" and "pinned".
    QJsonObject toJson() const;
    static TlsCertificateInfo fromJson(const QJsonObject &json);

    friend bool operator==(const TlsCertificateInfo &, const TlsCertificateInfo &) = default;
};

} // namespace portico::core
