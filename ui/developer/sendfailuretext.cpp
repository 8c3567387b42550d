// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/sendfailuretext.h"

#include <QLocale>
#include <QNetworkReply>
#include <QSslError>

namespace portico::ui {

namespace {

using Kind = core::SendFailure::Kind;

QString hostPort(const QString &host, int port)
{
    const QString shown = host.contains(u':') ? u'[' + host + u']' : host;
    return port >= 0 ? shown + u':' + QString::number(port) : shown;
}

QString where(const core::SendFailure &failure)
{
    return hostPort(failure.host, failure.port);
}

QString date(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat);
}

} // namespace

QString SendFailureText::certificateProblems(const QList<int> &errors, const QString &subject,
                                             const QDateTime &notBefore, const QDateTime &notAfter,
                                             const QString &host)
{
    QStringList said;
    auto say = [&said](const QString &text) {
        if (!said.contains(text))
            said.append(text);
    };
    for (const int error : errors) {
        switch (QSslError::SslError(error)) {
        case QSslError::SelfSignedCertificate:
            say(tr("it is self-signed"));
            break;
        case QSslError::SelfSignedCertificateInChain:
            say(tr("its chain ends in a self-signed certificate that is not trusted"));
            break;
        case QSslError::CertificateExpired:
            say(tr("it expired on %1").arg(date(notAfter)));
            break;
        case QSslError::CertificateNotYetValid:
            say(tr("it is not valid before %1").arg(date(notBefore)));
            break;
        case QSslError::HostNameMismatch:
            say(tr("it is issued to “%1”, not to %2").arg(subject, host));
            break;
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
        case QSslError::InvalidCaCertificate:
            say(tr("it is not issued by an authority this system trusts"));
            break;
        case QSslError::CertificateRevoked:
        case QSslError::CertificateBlacklisted:
            say(tr("it has been revoked"));
            break;
        case QSslError::CertificateSignatureFailed:
        case QSslError::UnableToDecryptCertificateSignature:
        case QSslError::UnableToDecodeIssuerPublicKey:
            say(tr("its signature is not valid"));
            break;
        case QSslError::InvalidPurpose:
            say(tr("it is not meant for a server"));
            break;
        case QSslError::NoPeerCertificate:
            say(tr("the server sent no certificate"));
            break;
        default:
            // Rare kinds: Qt's own words for them (in Qt's language).
            say(QSslError(QSslError::SslError(error)).errorString());
            break;
        }
    }
    return said.join(u"; "_qs);
}

QString SendFailureText::headline(const core::SendFailure &failure)
{
    const int seconds = failure.timeoutSeconds;
    switch (failure.kind) {
    case Kind::ConnectionRefused:
        return tr("Connection refused by %1: nothing accepts connections on that port. "
                  "Nothing was sent.")
            .arg(where(failure));
    case Kind::HostNotFound:
        return tr("The host “%1” was not found: the name does not resolve. Nothing was sent.")
            .arg(failure.host);
    case Kind::ConnectTimeout:
        return tr("Could not connect to %1 within %2 s.").arg(where(failure)).arg(seconds);
    case Kind::NoAnswer:
        return tr("No answer from %1 within %2 s.").arg(where(failure)).arg(seconds);
    case Kind::Deadline:
        return tr("No complete answer from %1 within %2 s; the request was stopped.")
            .arg(where(failure))
            .arg(seconds);
    case Kind::ConnectionClosed:
        return tr("%1 closed the connection before answering.").arg(where(failure));
    case Kind::NetworkLost:
        return tr("The network connection to %1 was lost before an answer arrived.").arg(where(failure));
    case Kind::Tls: {
        if (!failure.certificate) {
            return tr("No secure connection to %1 could be made. Nothing was sent.").arg(where(failure));
        }
        QString problems = certificateProblems(failure.tlsErrors, failure.certificate->subject,
                                               failure.certificate->notBefore,
                                               failure.certificate->notAfter, failure.host);
        if (problems.isEmpty())
            problems = tr("the system does not trust it");
        if (failure.pinMismatch)
            return tr("The certificate of %1 is not trusted: %2. It is not the certificate pinned for "
                      "this host either. Nothing was sent.")
                .arg(where(failure), problems);
        return tr("The certificate of %1 is not trusted: %2. Nothing was sent.").arg(where(failure), problems);
    }
    case Kind::Proxy: {
        const QString proxy = failure.proxyHost.isEmpty() ? tr("of this system")
                                                          : hostPort(failure.proxyHost, failure.proxyPort);
        switch (QNetworkReply::NetworkError(failure.networkErrorCode)) {
        case QNetworkReply::ProxyConnectionRefusedError:
            return tr("The proxy %1 refused the connection.").arg(proxy);
        case QNetworkReply::ProxyConnectionClosedError:
            return tr("The proxy %1 closed the connection before answering.").arg(proxy);
        case QNetworkReply::ProxyNotFoundError:
            return tr("The proxy %1 was not found.").arg(proxy);
        case QNetworkReply::ProxyTimeoutError:
            return tr("The proxy %1 did not answer in time.").arg(proxy);
        case QNetworkReply::ProxyAuthenticationRequiredError:
            return tr("The proxy %1 asks for a sign-in that Portico does not have.").arg(proxy);
        default:
            return tr("The proxy %1 failed to reach %2.").arg(proxy, where(failure));
        }
    }
    case Kind::Cancelled:
        if (failure.elapsedMs < 0)
            return tr("You cancelled the request.");
        return tr("You cancelled the request after %1 s.")
            .arg(QLocale().toString(double(qMax<qint64>(0, failure.elapsedMs)) / 1000.0, 'f', 1));
    case Kind::BodyTooLarge:
        return tr("The response was stopped: its body is larger than the limit of %1.")
            .arg(QLocale().formattedDataSize(failure.limitBytes));
    case Kind::CannotStoreBody:
        return tr("The response could not be written to a temporary file in %1.").arg(failure.path);
    case Kind::KeyUnavailable:
        return tr("Could not read the key of subscription %1. Nothing was sent.").arg(failure.subscription);
    case Kind::Other:
        break;
    }
    return tr("The request to %1 failed (network error %2).").arg(where(failure)).arg(failure.networkErrorCode);
}

QString SendFailureText::details(const core::SendFailure &failure)
{
    QStringList lines;
    if (failure.certificate) {
        const auto &c = *failure.certificate;
        lines.append(tr("Certificate issued to “%1” by “%2”, valid from %3 until %4, SHA-256 %5.")
                         .arg(c.subject, c.issuer, date(c.notBefore), date(c.notAfter), c.sha256Fingerprint));
    }
    if (!failure.detail.isEmpty())
        lines.append(tr("Technical detail: %1").arg(failure.detail));
    return lines.join(u'\n');
}

QString SendFailureText::shortStatus(const core::SendFailure &failure)
{
    switch (failure.kind) {
    case Kind::Cancelled: // also when how long it ran is not known (an older history row)
        return tr("cancelled");
    case Kind::ConnectTimeout:
    case Kind::NoAnswer:
    case Kind::Deadline:
        return tr("timed out");
    case Kind::ConnectionRefused:
        return tr("refused");
    case Kind::Tls:
        return tr("not trusted");
    default:
        return tr("failed");
    }
}

QString SendFailureText::trustDecision(const core::TlsCertificateInfo &certificate, const QString &host)
{
    if (!certificate.pinned)
        return {};
    const QString problems = certificateProblems(certificate.errorKinds, certificate.subject,
                                                 certificate.notBefore, certificate.notAfter, host);
    if (problems.isEmpty())
        return tr("The certificate of %1 was accepted because its SHA-256 fingerprint %2 is pinned for "
                  "this host.")
            .arg(host, certificate.sha256Fingerprint);
    return tr("The certificate of %1 was accepted because its SHA-256 fingerprint %2 is pinned for this "
              "host, although the system does not trust it: %3.")
        .arg(host, certificate.sha256Fingerprint, problems);
}

} // namespace portico::ui
