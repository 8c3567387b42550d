// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/upstreampool.h"

#include "core/local/gateway/sockettransport.h"

#ifdef Q_OS_LINUX
#include "core/local/gateway/epollloop.h"
#include "core/local/gateway/fdtransport.h"
#endif

#include <QDateTime>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace portico::local {

namespace {

constexpr int kMaxIdlePerOrigin = 256;
constexpr qint64 kIdleLifetimeMs = 55 * 1000;

bool isTls(const QUrl &url)
{
    return url.scheme().compare(u"https"_qs, Qt::CaseInsensitive) == 0;
}

} // namespace

UpstreamPool::UpstreamPool(EpollLoop *loop, QObject *parent)
    : QObject(parent)
    , m_loop(loop)
    , m_sweep(new QTimer(this))
{
    m_sweep->setInterval(5000);
    connect(m_sweep, &QTimer::timeout, this, [this] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<Transport *> expired;
        for (const auto &list : std::as_const(m_idle)) {
            for (Transport *t : list) {
                if (now - m_transports.value(t).idleSince > kIdleLifetimeMs)
                    expired.append(t);
            }
        }
        for (Transport *t : std::as_const(expired))
            close(t);
    });
    m_sweep->start();
}

UpstreamPool::~UpstreamPool()
{
    // Transports are children of the pool (closed ones too, until their deleteLater runs), so
    // they all go before the worker's epoll loop.
    const QList<Transport *> transports = m_transports.keys();
    for (Transport *t : transports) {
        t->setListener(nullptr);
        delete t;
    }
}

Transport *UpstreamPool::open(const QUrl &url)
{
    const bool tls = isTls(url);
    const quint16 port = quint16(url.port(tls ? 443 : 80));
#ifdef Q_OS_LINUX
    if (!tls && m_loop && m_loop->isValid()) {
        const QHostAddress address(url.host());
        if (!address.isNull()) {
            if (FdTransport *t = FdTransport::connectTo(*m_loop, address, port, this))
                return t;
        }
    }
#endif
    QAbstractSocket *s = tls ? static_cast<QAbstractSocket *>(new QSslSocket) : new QTcpSocket;
    s->setReadBufferSize(256 * 1024);
    auto *t = new SocketTransport(s, SocketTransport::CloseOn::DisconnectedOrError, this);
    if (tls)
        static_cast<QSslSocket *>(s)->connectToHostEncrypted(url.host(), port);
    else
        s->connectToHost(url.host(), port);
    return t;
}

const UpstreamPool::Origin &UpstreamPool::origin(const QUrl &url)
{
    if (m_origin.key.isEmpty() || url != m_originUrl) {
        const bool tls = isTls(url);
        m_originUrl = url;
        m_origin.key = (tls ? "https://" : "http://") + url.host().toUtf8() + ':'
            + QByteArray::number(url.port(tls ? 443 : 80));
        m_origin.hostHeader = url.host(QUrl::FullyEncoded).toUtf8();
        if (url.port() > 0 && url.port() != (tls ? 443 : 80))
            m_origin.hostHeader += ':' + QByteArray::number(url.port());
    }
    return m_origin;
}

UpstreamPool::Lease UpstreamPool::acquire(const QUrl &url, Handler *handler, bool forceNew)
{
    Lease lease;
    const QByteArray key = origin(url).key;
    if (!forceNew) {
        auto it = m_idle.find(key);
        while (it != m_idle.end() && !it->isEmpty()) {
            Transport *t = it->takeLast();
            if (t->isConnected() && t->mayHaveInput()) {
                // A response that ended exactly at a read's size leaves "may have input" up
                // until a read finds nothing; a byte here is unsolicited and ends the connection.
                QByteArray probe;
                if (t->read(probe, 1) > 0) {
                    close(t);
                    continue;
                }
            }
            if (t->isConnected() && !t->mayHaveInput()) {
                m_transports[t].handler = handler;
                lease.transport = t;
                lease.reused = true;
                return lease;
            }
            close(t);
        }
    }
    Transport *t = open(url);
    t->setListener(this);
    m_transports.insert(t, Entry { key, handler, 0 });
    lease.transport = t;
    return lease;
}

void UpstreamPool::transportEvent(Transport *transport, Transport::Event event)
{
    const auto it = m_transports.constFind(transport);
    if (it == m_transports.constEnd())
        return;
    Handler *handler = it->handler;
    if (!handler) {
        if (event != Transport::Event::Written)
            close(transport); // idle: a close or unsolicited bytes end it
        return;
    }
    switch (event) {
    case Transport::Event::Readable: handler->upstreamReadyRead(); break;
    case Transport::Event::Written: handler->upstreamBytesWritten(); break;
    case Transport::Event::PeerShutdown:
    case Transport::Event::Closed: handler->upstreamGone(); break;
    }
}

void UpstreamPool::release(const Lease &lease, bool reusable)
{
    Transport *t = lease.transport;
    auto it = m_transports.find(t);
    if (!t || it == m_transports.end())
        return;
    QList<Transport *> &list = m_idle[it->key];
    if (!reusable || !t->isConnected() || list.size() >= kMaxIdlePerOrigin) {
        close(t);
        return;
    }
    it->handler = nullptr;
    it->idleSince = QDateTime::currentMSecsSinceEpoch();
    list.append(t);
}

void UpstreamPool::close(Transport *transport)
{
    const auto it = m_transports.find(transport);
    if (it == m_transports.end())
        return;
    const auto idle = m_idle.find(it->key);
    if (idle != m_idle.end())
        idle->removeOne(transport);
    m_transports.erase(it);
    transport->setListener(nullptr);
    transport->abort();
    transport->deleteLater();
}

int UpstreamPool::idleCount() const
{
    int n = 0;
    for (const auto &list : m_idle)
        n += int(list.size());
    return n;
}

} // namespace portico::local
