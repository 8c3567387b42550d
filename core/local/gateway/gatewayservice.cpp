// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/gatewayservice.h"

#include "core/local/gateway/gatewayworker.h"
#include "core/local/server/localserver.h"
#include "core/local/usage/usagelog.h"

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

int workerCount()
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
    const int count = workerCount();
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
    m_usage = std::make_unique<UsageLog>();
    const QString path = QDir(m_context.dataDir).filePath(u"gateway.sqlite"_qs);
    if (auto opened = m_usage->open(path, {}); !opened) {
        m_usage.reset();
        return opened.error();
    }
    m_shared.limiter.loadQuotas(m_usage->loadQuotas());
    m_usage->setQuotaSource(&m_shared.limiter);
    m_shared.usage = m_usage.get();
    return {};
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
