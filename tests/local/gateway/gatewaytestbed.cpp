// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/local/gateway/gatewaytestbed.h"

#include "core/local/tls/selfsignedcertificate.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace portico::test {

using namespace portico::local;

namespace {

GatewayConfig::Operation op(const QString &id, const QString &method, const QString &templ,
                            QList<GatewayConfig::Parameter> params = {})
{
    GatewayConfig::Operation o;
    o.id = id;
    o.displayName = id;
    o.method = method;
    o.urlTemplate = templ;
    o.templateParameters = std::move(params);
    return o;
}

GatewayConfig::Subscription sub(const QString &id, const QString &scope, const QString &key,
                                const QString &state = u"active"_qs, const QString &owner = {})
{
    GatewayConfig::Subscription s;
    s.id = id;
    s.displayName = id;
    s.scope = scope;
    s.primaryKey = key;
    s.secondaryKey = key + u"-secondary"_qs;
    s.state = state;
    s.ownerId = owner;
    s.createdDate = QDateTime::currentDateTimeUtc().addDays(-1);
    return s;
}

} // namespace

QByteArray gatewayErrorBody(int status, const QString &message)
{
    QByteArray quoted = QJsonDocument(QJsonArray { message }).toJson(QJsonDocument::Compact);
    quoted = quoted.mid(1, quoted.size() - 2);
    return "{\"statusCode\": " + QByteArray::number(status) + ", \"message\": " + quoted + "}";
}

GatewayTestbed::GatewayTestbed()
{
    // The gateway's own thread stands in for portico-local's main thread, so that tests can
    // block on their sockets while the listeners keep accepting.
    m_thread.setObjectName(u"gateway-main"_qs);
    m_threadContext = new QObject;
    m_threadContext->moveToThread(&m_thread);
    m_thread.start();
}

GatewayTestbed::~GatewayTestbed()
{
    stop();
    QMetaObject::invokeMethod(m_threadContext, [this] { delete m_threadContext; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void GatewayTestbed::inGatewayThread(const std::function<void()> &work)
{
    QMetaObject::invokeMethod(m_threadContext, work, Qt::BlockingQueuedConnection);
}

GatewayConfig GatewayTestbed::baseConfig() const
{
    GatewayConfig c;
    GatewayConfig::Api echo;
    echo.id = u"echo"_qs;
    echo.displayName = u"Echo API"_qs;
    echo.path = u"echo"_qs;
    echo.serviceUrl = m_backend.url(u"/base"_qs).toString();
    echo.protocols = { u"http"_qs, u"https"_qs };
    echo.operations = {
        op(u"get-item"_qs, u"GET"_qs, u"/items/{id}"_qs, { { u"id"_qs, {} } }),
        op(u"get-special"_qs, u"GET"_qs, u"/items/special"_qs),
        op(u"get-item-json"_qs, u"GET"_qs, u"/items/{id}.json"_qs, { { u"id"_qs, {} } }),
        op(u"create-item"_qs, u"POST"_qs, u"/items"_qs),
        op(u"files"_qs, u"GET"_qs, u"/files/*"_qs),
        op(u"orders"_qs, u"GET"_qs, u"/orders/{oid}?date={date}"_qs, { { u"oid"_qs, {} }, { u"date"_qs, {} } }),
        op(u"orders-all"_qs, u"GET"_qs, u"/orders/{oid}"_qs, { { u"oid"_qs, {} } }),
        op(u"colors"_qs, u"GET"_qs, u"/colors/{color}"_qs, { { u"color"_qs, { u"red"_qs, u"green"_qs } } }),
        op(u"upload"_qs, u"POST"_qs, u"/upload"_qs),
        op(u"slow"_qs, u"GET"_qs, u"/slow"_qs),
        op(u"drop"_qs, u"GET"_qs, u"/drop"_qs),
        op(u"download"_qs, u"GET"_qs, u"/download"_qs),
        op(u"chunked"_qs, u"GET"_qs, u"/chunked"_qs),
        op(u"head-item"_qs, u"HEAD"_qs, u"/items/{id}"_qs, { { u"id"_qs, {} } }),
    };
    c.apis.append(echo);

    GatewayConfig::Api open;
    open.id = u"open"_qs;
    open.displayName = u"Open API"_qs;
    open.path = u"open"_qs;
    open.serviceUrl = m_backend.url(u"/open-backend"_qs).toString();
    open.protocols = { u"http"_qs, u"https"_qs };
    open.subscriptionRequired = false;
    open.operations = { op(u"ping"_qs, u"GET"_qs, u"/ping"_qs) };
    c.apis.append(open);

    GatewayConfig::Api secure = open;
    secure.id = u"secure"_qs;
    secure.displayName = u"Secure API"_qs;
    secure.path = u"secure/v1"_qs;
    secure.protocols = { u"https"_qs };
    c.apis.append(secure);

    GatewayConfig::Api renamed = open;
    renamed.id = u"renamed"_qs;
    renamed.displayName = u"Renamed keys API"_qs;
    renamed.path = u"renamed"_qs;
    renamed.subscriptionRequired = true;
    renamed.subscriptionKeyHeader = u"X-Key"_qs;
    renamed.subscriptionKeyQuery = u"key"_qs;
    c.apis.append(renamed);

    GatewayConfig::Api viaProduct = open;
    viaProduct.id = u"freebie"_qs;
    viaProduct.displayName = u"Free product API"_qs;
    viaProduct.path = u"freebie"_qs;
    viaProduct.subscriptionRequired = true;
    c.apis.append(viaProduct);

    GatewayConfig::Product starter;
    starter.id = u"starter"_qs;
    starter.displayName = u"Starter"_qs;
    starter.published = true;
    starter.apiIds = { u"echo"_qs, u"renamed"_qs };
    c.products.append(starter);
    // Not published (hidden from the developer portal), yet its subscription keys still open
    // its APIs (reference §6.2).
    GatewayConfig::Product hidden = starter;
    hidden.id = u"hidden"_qs;
    hidden.displayName = u"Hidden"_qs;
    hidden.published = false;
    c.products.append(hidden);
    GatewayConfig::Product free = starter;
    free.id = u"free"_qs;
    free.displayName = u"Free"_qs;
    free.subscriptionRequired = false;
    free.apiIds = { u"freebie"_qs };
    c.products.append(free);

    c.users = { { QString(), u"alice"_qs, u"Alice"_qs, u"active"_qs }, { QString(), u"bob"_qs, u"Bob"_qs, u"blocked"_qs } };
    c.subscriptions = {
        sub(u"master"_qs, u"/subscriptions/x/resourceGroups/rg/providers/Microsoft.ApiManagement/service/testservice/"_qs, u"master-key"_qs),
        sub(u"starter-sub"_qs, u"/products/starter"_qs, u"starter-key"_qs, u"active"_qs, u"/users/alice"_qs),
        sub(u"api-sub"_qs, u"/apis/echo"_qs, u"api-key"_qs),
        sub(u"other-api-sub"_qs, u"/apis/open"_qs, u"other-api-key"_qs),
        sub(u"all-sub"_qs, u"/apis"_qs, u"all-key"_qs),
        sub(u"suspended-sub"_qs, u"/apis"_qs, u"suspended-key"_qs, u"suspended"_qs),
        sub(u"submitted-sub"_qs, u"/apis"_qs, u"submitted-key"_qs, u"submitted"_qs),
        sub(u"hidden-sub"_qs, u"/products/hidden"_qs, u"hidden-key"_qs),
        sub(u"blocked-sub"_qs, u"/apis"_qs, u"blocked-key"_qs, u"active"_qs, u"/users/bob"_qs),
    };
    return c;
}

bool GatewayTestbed::start(const GatewayConfig &config, const GatewayLimits &limits)
{
    bool ok = false;
    inGatewayThread([&] { ok = startHere(config, limits); });
    return ok;
}

bool GatewayTestbed::startWithClientTimeouts(int headTimeoutMs, int idleTimeoutMs)
{
    GatewayLimits limits;
    limits.headTimeoutMs = headTimeoutMs;
    limits.idleTimeoutMs = idleTimeoutMs;
    return start(baseConfig(), limits);
}

QList<QPair<QByteArray, QByteArray>> GatewayTestbed::masterKey()
{
    return { { "Ocp-Apim-Subscription-Key", "master-key" } };
}

bool GatewayTestbed::startHere(const GatewayConfig &config, const GatewayLimits &limits)
{
    m_config = config;
    m_limits = limits;
    m_context.dataDir = m_dataDir.path();
    auto certificate = loadOrCreateGatewayCertificate(m_context.dataDir);
    if (!certificate)
        return false;
    m_context.gatewayCertificateSha256 = certificate->sha256Fingerprint();
    m_service = std::make_unique<GatewayService>(m_context);
    if (!m_service->open())
        return false;
    m_service->setLimits(limits);
    if (!m_service->setConfiguration(config).isEmpty())
        return false;
    auto http = m_service->listenOn(QHostAddress::LocalHost, m_httpPort);
    if (!http)
        return false;
    m_httpPort = *http;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate->certificate);
    tls.setPrivateKey(certificate->privateKey);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    auto https = m_service->listenTlsOn(QHostAddress::LocalHost, m_httpsPort, tls);
    if (!https)
        return false;
    m_httpsPort = *https;
    return true;
}

bool GatewayTestbed::restart()
{
    stop();
    return start(m_config, m_limits);
}

void GatewayTestbed::stop()
{
    inGatewayThread([this] { m_service.reset(); });
}

void GatewayTestbed::reconfigure(const GatewayConfig &config)
{
    m_config = config;
    inGatewayThread([&] { m_service->setConfiguration(config); });
}

HttpReply GatewayTestbed::get(const QByteArray &target, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("GET", target, headers);
}

HttpReply GatewayTestbed::send(const QByteArray &method, const QByteArray &target,
                               const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    RawHttpConnection connection(m_httpPort);
    return connection.request(method, target, headers, body);
}

} // namespace portico::test
