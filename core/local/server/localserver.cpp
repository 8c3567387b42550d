// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/server/localserver.h"

#include "core/common/atomicfile.h"
#include "core/common/constanttime.h"
#include "core/common/privatefiles.h"
#include "core/local/gateway/gatewayservice.h"
#include "core/local/management/managementservice.h"
#include "core/local/ml/mlservice.h"
#include "core/local/store/managementstore.h"
#include "core/local/tls/selfsignedcertificate.h"

#include <QDir>
#include <QFile>
#include <QSslConfiguration>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace portico::local {

using core::Error;
using core::Result;

namespace {

QUrl urlFor(const QString &scheme, const QHostAddress &address, quint16 port)
{
    QUrl url;
    url.setScheme(scheme);
    // A wildcard bind is reachable on loopback; advertise that rather than 0.0.0.0.
    const QHostAddress advertised = address == QHostAddress::AnyIPv4 ? QHostAddress(QHostAddress::LocalHost)
        : address == QHostAddress::AnyIPv6 || address == QHostAddress::Any
        ? QHostAddress(QHostAddress::LocalHost)
        : address;
    url.setHost(advertised.toString());
    url.setPort(port);
    return url;
}

} // namespace

LocalServer::LocalServer(LocalOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

LocalServer::~LocalServer() = default;

Result<void> LocalServer::fail(ExitCode code, Error error)
{
    m_exitCode = code;
    return error;
}

Result<void> LocalServer::lockDataDir()
{
#ifdef Q_OS_UNIX
    // Everything portico-local writes is private state (keys, secrets, tokens, logs): files it
    // or SQLite creates from now on, and the data dir itself, are owner-only.
    ::umask(077);
#endif
    if (!QDir().mkpath(m_options.dataDir))
        return fail(ExitStorage, Error::make(Error::Kind::Storage,
                                             u"Cannot create the data dir %1."_qs.arg(m_options.dataDir)));
    m_context.dataDir = QDir(m_options.dataDir).absolutePath();
    m_lock = std::make_unique<QLockFile>(QDir(m_context.dataDir).filePath(u"portico-local.lock"_qs));
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0))
        return {};
    qint64 pid = 0;
    QString host, app;
    m_lock->getLockInfo(&pid, &host, &app);
    return fail(ExitDataDirLocked,
                Error::make(Error::Kind::Unavailable,
                            u"The data dir %1 is in use by another portico-local (pid %2). Stop it, or "
                            "pass a different --data-dir."_qs.arg(m_context.dataDir)
                                .arg(pid)));
}

Result<QString> LocalServer::loadOrCreateSecret(const char *environmentVariable, const QString &fileName)
{
    const QString fromEnvironment = qEnvironmentVariable(environmentVariable);
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString path = QDir(m_context.dataDir).filePath(fileName);
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return Error::make(Error::Kind::Storage, u"Cannot read %1: %2"_qs.arg(path, file.errorString()));
        const QString stored = QString::fromUtf8(file.readAll()).trimmed();
        if (!stored.isEmpty())
            return stored;
    }
    const QByteArray generated = core::randomToken();
    if (auto written = core::writeFileAtomically(path, generated); !written)
        return written.error();
    return QString::fromLatin1(generated);
}

Result<void> LocalServer::start()
{
    if (auto locked = lockDataDir(); !locked)
        return locked;

    auto token = loadOrCreateSecret("PORTICO_LOCAL_TOKEN", u"management-token"_qs);
    if (!token)
        return fail(ExitStorage, token.error());
    m_context.token = *token;
    auto mlKey = loadOrCreateSecret("PORTICO_LOCAL_ML_KEY", u"ml-key"_qs);
    if (!mlKey)
        return fail(ExitStorage, mlKey.error());
    m_context.mlKey = *mlKey;

    auto certificate = loadOrCreateGatewayCertificate(m_context.dataDir);
    if (!certificate)
        return fail(ExitStorage, certificate.error());
    m_context.gatewayCertificateSha256 = certificate->sha256Fingerprint();

    // A data dir an older version (or another umask) left readable to others is fixed before
    // any database in it is opened.
    if (auto restricted = core::restrictTreeToOwner(m_context.dataDir); !restricted)
        return fail(ExitStorage, restricted.error());

    m_store = std::make_unique<ManagementStore>();
    if (auto opened = m_store->open(QDir(m_context.dataDir).filePath(u"management.db"_qs)); !opened)
        return fail(ExitStorage, opened.error());
    m_context.store = m_store.get();
    m_management = std::make_unique<ManagementService>(m_context, *m_store);
    m_context.managementRouter = &m_management->router();
    m_gateway = std::make_unique<GatewayService>(m_context);
    m_ml = std::make_unique<MlService>(m_context);
    if (auto opened = m_management->open(); !opened)
        return fail(ExitStorage, opened.error());
    if (auto opened = m_ml->open(); !opened)
        return fail(ExitStorage, opened.error());
    if (auto opened = m_gateway->open(); !opened)
        return fail(ExitStorage, opened.error());

    const QHostAddress &bind = m_options.bind;
    auto managementPort = m_management->listenOn(bind, m_options.managementPort);
    if (!managementPort)
        return fail(ExitPortUnavailable, managementPort.error());
    m_context.managementUrl = urlFor(u"http"_qs, bind, *managementPort);

    auto gatewayPort = m_gateway->listenOn(bind, m_options.gatewayPort);
    if (!gatewayPort)
        return fail(ExitPortUnavailable, gatewayPort.error());
    m_context.gatewayUrl = urlFor(u"http"_qs, bind, *gatewayPort);

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate->certificate);
    tls.setPrivateKey(certificate->privateKey);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    auto gatewayHttpsPort = m_gateway->listenTlsOn(bind, m_options.gatewayHttpsPort, tls);
    if (!gatewayHttpsPort)
        return fail(ExitPortUnavailable, gatewayHttpsPort.error());
    m_context.gatewayHttpsUrl = urlFor(u"https"_qs, bind, *gatewayHttpsPort);

    auto mlPort = m_ml->listenOn(bind, m_options.mlPort);
    if (!mlPort)
        return fail(ExitPortUnavailable, mlPort.error());
    m_context.mlUrl = urlFor(u"http"_qs, bind, *mlPort);
    return {};
}

QString LocalServer::plainHttpWarning() const
{
    if (!m_options.servesPlainHttpOnNetwork())
        return {};
    return u"listening on %1 over plain HTTP (--allow-plain-http): the management token (port %2), "
           "subscription keys on the gateway's HTTP port (%3) and the ML key (port %4) can be read "
           "by anyone on the network path. Only the gateway's HTTPS port (%5) is encrypted."_qs
        .arg(m_options.bind.toString())
        .arg(m_context.managementUrl.port())
        .arg(m_context.gatewayUrl.port())
        .arg(m_context.mlUrl.port())
        .arg(m_context.gatewayHttpsUrl.port());
}

QJsonObject LocalServer::readyLine() const
{
    const auto url = [](const QUrl &u) { return u.toString(QUrl::StripTrailingSlash); };
    QJsonObject ready {
        { u"management"_qs, url(m_context.managementUrl) },
        { u"gateway"_qs, url(m_context.gatewayUrl) },
        { u"gatewayHttps"_qs, url(m_context.gatewayHttpsUrl) },
        { u"ml"_qs, url(m_context.mlUrl) },
        { u"dataDir"_qs, m_context.dataDir },
        { u"token"_qs, m_context.token },
        { u"mlKey"_qs, m_context.mlKey },
        { u"gatewayCertificateSha256"_qs, m_context.gatewayCertificateSha256 },
        { u"plainHttpOnNetwork"_qs, m_options.servesPlainHttpOnNetwork() },
    };
    if (const QString warning = plainHttpWarning(); !warning.isEmpty())
        ready.insert(u"warning"_qs, warning);
    return ready;
}

} // namespace portico::local
