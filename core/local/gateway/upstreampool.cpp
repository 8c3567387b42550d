// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/upstreampool.h"

#include <QDateTime>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace portico::local {

namespace {

constexpr int kMaxIdlePerOrigin = 256;
constexpr qint64 kIdleLifetimeMs = 55 * 1000;
enum Signal { ReadyRead, BytesWritten, Gone };

QByteArray originKey(const QUrl &url)
{
    const bool tls = url.scheme().compare(u"https"_qs, Qt::CaseInsensitive) == 0;
    return (tls ? "https://" : "http://") + url.host().toUtf8() + ':'
        + QByteArray::number(url.port(tls ? 443 : 80));
}

} // namespace

UpstreamPool::UpstreamPool(QObject *parent)
    : QObject(parent)
    , m_sweep(new QTimer(this))
{
    m_sweep->setInterval(5000);
    connect(m_sweep, &QTimer::timeout, this, [this] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<QAbstractSocket *> expired;
        for (const auto &list : std::as_const(m_idle)) {
            for (QAbstractSocket *s : list) {
                if (now - m_sockets.value(s).idleSince > kIdleLifetimeMs)
                    expired.append(s);
            }
        }
        for (QAbstractSocket *s : std::as_const(expired))
            close(s);
    });
    m_sweep->start();
}

UpstreamPool::~UpstreamPool()
{
    const QList<QAbstractSocket *> sockets = m_sockets.keys();
    for (QAbstractSocket *s : sockets) {
        disconnect(s, nullptr, this, nullptr);
        delete s;
    }
}

UpstreamPool::Lease UpstreamPool::acquire(const QUrl &url, Handler *handler, bool forceNew)
{
    Lease lease;
    const QByteArray key = originKey(url);
    if (!forceNew) {
        auto it = m_idle.find(key);
        while (it != m_idle.end() && !it->isEmpty()) {
            QAbstractSocket *s = it->takeLast();
            if (s->state() == QAbstractSocket::ConnectedState && s->bytesAvailable() == 0) {
                m_sockets[s].handler = handler;
                lease.socket = s;
                lease.reused = true;
                return lease;
            }
            close(s);
        }
    }
    const bool tls = url.scheme().compare(u"https"_qs, Qt::CaseInsensitive) == 0;
    const quint16 port = quint16(url.port(tls ? 443 : 80));
    QAbstractSocket *s = tls ? static_cast<QAbstractSocket *>(new QSslSocket) : new QTcpSocket;
    s->setReadBufferSize(256 * 1024);
    connect(s, &QIODevice::readyRead, this, [this, s] { onSignal(s, ReadyRead); });
    connect(s, &QIODevice::bytesWritten, this, [this, s] { onSignal(s, BytesWritten); });
    connect(s, &QAbstractSocket::disconnected, this, [this, s] { onSignal(s, Gone); });
    connect(s, &QAbstractSocket::errorOccurred, this, [this, s] { onSignal(s, Gone); });
    connect(s, &QAbstractSocket::connected, s, [s] { s->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
    m_sockets.insert(s, Entry { key, handler, 0 });
    if (tls)
        static_cast<QSslSocket *>(s)->connectToHostEncrypted(url.host(), port);
    else
        s->connectToHost(url.host(), port);
    lease.socket = s;
    return lease;
}

void UpstreamPool::onSignal(QAbstractSocket *socket, int what)
{
    const auto it = m_sockets.constFind(socket);
    if (it == m_sockets.constEnd())
        return;
    Handler *handler = it->handler;
    if (!handler) {
        close(socket); // idle: a close or unsolicited bytes end it
        return;
    }
    switch (what) {
    case ReadyRead: handler->upstreamReadyRead(); break;
    case BytesWritten: handler->upstreamBytesWritten(); break;
    default: handler->upstreamGone(); break;
    }
}

void UpstreamPool::release(const Lease &lease, bool reusable)
{
    QAbstractSocket *s = lease.socket;
    auto it = m_sockets.find(s);
    if (!s || it == m_sockets.end())
        return;
    QList<QAbstractSocket *> &list = m_idle[it->key];
    if (!reusable || s->state() != QAbstractSocket::ConnectedState || list.size() >= kMaxIdlePerOrigin) {
        close(s);
        return;
    }
    it->handler = nullptr;
    it->idleSince = QDateTime::currentMSecsSinceEpoch();
    list.append(s);
}

void UpstreamPool::close(QAbstractSocket *socket)
{
    const auto it = m_sockets.find(socket);
    if (it == m_sockets.end())
        return;
    const auto idle = m_idle.find(it->key);
    if (idle != m_idle.end())
        idle->removeOne(socket);
    m_sockets.erase(it);
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
}

int UpstreamPool::idleCount() const
{
    int n = 0;
    for (const auto &list : m_idle)
        n += int(list.size());
    return n;
}

} // namespace portico::local
