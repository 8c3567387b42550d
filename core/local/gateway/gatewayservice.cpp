// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/gatewayservice.h"

#include "core/common/privatefiles.h"
#include "core/local/gateway/gatewayworker.h"
#include "core/local/gateway/storeconfig.h"
#include "core/local/management/armresources.h"
#include "core/local/management/armrouter.h"
#include "core/local/server/localserver.h"
#include "core/local/store/managementstore.h"
#include "core/local/store/serviceconfig.h"
#include "core/local/usage/usagelog.h"
#include "core/local/usage/usagereports.h"

#include <QDir>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QThread>

#include <functional>

Q_LOGGING_CATEGORY(lcGateway, "portico.local.gateway")

namespace portico::local {

using core::Error;
using core::Result;

namespace {

// Accepts connections and hands the descriptors to workers; never reads a byte itself.
class DescriptorListener final : public QTcpServer
{
public:
    DescriptorListener(std::function<void(qintptr)> handOver, QObject *parent)
        : QTcpServer(parent)
        , m_handOver(std::move(handOver))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_handOver(descriptor); }

private:
    std::function<void(qintptr)> m_handOver;
};

int configuredWorkerCount()
{
    bool ok = false;
    const int configured = qEnvironmentVariableIntValue("PORTICO_GATEWAY_WORKERS", &ok);
    if (ok && configured > 0)
        return std::min(configured, 16);
    return std::clamp(QThread::idealThreadCount(), 1, 4);
}

} // namespace

GatewayService::GatewayService(const LocalContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    m_shared.setSnapshot(GatewaySnapshot::build({}));
    const int count = configuredWorkerCount();
    for (int i = 0; i < count; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(u"gateway-worker-%1"_qs.arg(i));
        auto *worker = new GatewayWorker(m_shared);
        worker->moveToThread(thread);
        thread->start();
        m_threads.push_back(thread);
        m_workers.push_back(worker);
    }
}

GatewayService::~GatewayService()
{
    m_shared.stopRefreshing();
    for (size_t i = 0; i < m_threads.size(); ++i) {
        GatewayWorker *worker = m_workers[i];
        QMetaObject::invokeMethod(worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
        m_threads[i]->quit();
        m_threads[i]->wait();
        delete m_threads[i];
    }
    if (m_usage)
        m_usage->flush();
}

Result<void> GatewayService::open()
{
    const QString path = QDir(m_context.dataDir).filePath(u"gateway.sqlite"_qs);
    // The usage log holds request URLs and quota counters per subscription: owner-only.
    if (auto prepared = core::preparePrivateDatabase(path); !prepared)
        return prepared.error();
    m_usage = std::make_unique<UsageLog>();
    if (auto opened = m_usage->open(path, {}); !opened) {
        m_usage.reset();
        return opened.error();
    }
    if (m_context.store) {
        // Keys an older version logged go, its quota counters keep counting (a failure leaves
        // the log as it was, for the next start).
        if (auto migrated = m_usage->migrate(configFromStore()); !migrated)
            qCWarning(lcGateway).noquote() << migrated.error().message;
    }
    m_shared.limiter.loadQuotas(m_usage->loadQuotas());
    m_usage->setQuotaSource(&m_shared.limiter);
    m_shared.usage = m_usage.get();
    if (ManagementStore *store = m_context.store) {
        connect(store, &ManagementStore::changed, this, [this](quint64 generation) {
            m_shared.wantedGeneration = generation;
        });
        m_shared.refresher = [this] {
            QMetaObject::invokeMethod(this, &GatewayService::refreshFromStore, Qt::QueuedConnection);
        };
        refreshFromStore();
    }
    if (m_context.managementRouter)
        addReportRoutes();
    return {};
}

void GatewayService::refreshFromStore()
{
    const quint64 generation = m_context.store->generation();
    setConfiguration(configFromStore());
    m_shared.refreshDone(generation);
}

GatewayConfig GatewayService::configFromStore() const
{
    ManagementStore *store = m_context.store;
    QList<ServiceConfig> services;
    for (const QString &id : store->serviceIds()) {
        // A service whose create failed has no working gateway (as in Azure): its host answers
        // as one that is not there.
        if (const auto service = store->get(id);
            service
            && service->properties().value(u"provisioningState"_qs).toString() == u"Failed"_qs)
            continue;
        auto config = store->serviceConfig(id);
        if (config)
            services.append(*config);
        else
            qCWarning(lcGateway).noquote() << "cannot read service" << id << config.error().message;
    }
    return gatewayConfigFrom(services);
}

void GatewayService::addReportRoutes()
{
    static const char *kinds[] = { "byApi", "byOperation", "byProduct", "bySubscription",
                                   "byUser", "byTime", "byRequest" };
    for (const char *kind : kinds) {
        const QString name = QString::fromLatin1(kind);
        m_context.managementRouter->addServiceRoute("GET", u"reports/"_qs + name, [this, name](const ArmRequest &request) {
            if (!m_usage)
                return ArmResponse::error(503, u"ServiceUnavailable"_qs, u"The usage log is not open."_qs);
            m_usage->flush();
            UsageReports reports(m_usage->connectionName());
            // Masks with the keys as they are now: a key set through the management API since
            // the gateway's last call is in no snapshot yet (rebuilt here, on the owner's
            // thread, as a worker would have it rebuilt).
            if (m_context.store && m_shared.wantedGeneration.load() > m_shared.builtGeneration.load())
                refreshFromStore();
            const std::shared_ptr<const GatewaySnapshot> snapshot = m_shared.snapshot();
            if (snapshot)
                reports.setKnownKeys(&snapshot->knownKeys());
            UsageReports::Query query;
            query.service = request.param("serviceName");
            query.filter = request.queryValue("$filter");
            query.interval = request.queryValue("interval");
            bool ok = false;
            const int top = request.queryValue("$top").toInt(&ok);
            if (ok)
                query.top = std::max(0, top);
            query.skip = std::max(0, request.queryValue("$skip").toInt());
            query.requestUrl = QUrl(ArmResources::absoluteUrl(request, request.pathAndQuery()));
            auto result = reports.run(*UsageReports::kindFromName(name), query);
            if (!result)
                return ArmResponse::validation(result.error().target, result.error().message);
            return ArmResponse::json(200, *result);
        });
    }
}

Result<quint16> GatewayService::listen(QTcpServer *server, const QHostAddress &address, quint16 port)
{
    if (!server->listen(address, port)) {
        Error error = Error::make(Error::Kind::Unavailable,
                                  u"cannot listen on %1:%2: %3"_qs.arg(address.toString())
                                      .arg(port)
                                      .arg(server->errorString()));
        delete server;
        return error;
    }
    return server->serverPort();
}

Result<quint16> GatewayService::listenOn(const QHostAddress &address, quint16 port)
{
    return listen(new DescriptorListener([this](qintptr fd) { dispatch(fd, false); }, this), address, port);
}

Result<quint16> GatewayService::listenTlsOn(const QHostAddress &address, quint16 port,
                                            const QSslConfiguration &tls)
{
    m_shared.tls = tls;
    return listen(new DescriptorListener([this](qintptr fd) { dispatch(fd, true); }, this), address, port);
}

void GatewayService::dispatch(qintptr descriptor, bool tls)
{
    GatewayWorker *worker = m_workers[m_next++ % m_workers.size()];
    QMetaObject::invokeMethod(worker, [worker, descriptor, tls] { worker->adopt(descriptor, tls); },
                              Qt::QueuedConnection);
}

QStringList GatewayService::setConfiguration(const GatewayConfig &config)
{
    QStringList problems;
    m_shared.setSnapshot(GatewaySnapshot::build(config, &problems));
    for (const QString &problem : std::as_const(problems))
        qCWarning(lcGateway).noquote() << problem;
    return problems;
}

void GatewayService::setLimits(const GatewayLimits &limits)
{
    m_shared.limits = limits;
}

} // namespace portico::local
