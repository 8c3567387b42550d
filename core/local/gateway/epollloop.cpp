// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/epollloop.h"

#include "core/local/gateway/fdtransport.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>

#include <algorithm>

#include <sys/epoll.h>
#include <unistd.h>

namespace portico::local {

namespace {
constexpr int kBatch = 128;
constexpr int kMaxBatches = 4;
Q_LOGGING_CATEGORY(lcEpoll, "portico.local.gateway.epoll")
}

EpollLoop::EpollLoop(QObject *parent)
    : QObject(parent)
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0)
        return;
    m_notifier = new QSocketNotifier(m_epoll, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &EpollLoop::drain);
}

EpollLoop::~EpollLoop()
{
    delete m_notifier;
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool EpollLoop::add(int fd, Handler *handler)
{
    epoll_event event {};
    event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    event.data.ptr = handler;
    return ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) == 0;
}

void EpollLoop::drain()
{
    // A handler may close descriptors whose events are later in the same batch: transports
    // are only ever deleted later (deleteLater) and ignore events once closed.
    // At most a few batches per activation: under sustained load the set is never empty, and
    // the worker's other events (deadline sweep, queued closes, posted pumps, deleteLater)
    // must get their turn. The notifier is level-triggered and fires again.
    epoll_event events[kBatch];
    m_dispatching = true;
    for (int round = 0; round < kMaxBatches; ++round) {
        int n = 0;
        do
            n = ::epoll_wait(m_epoll, events, kBatch, 0);
        while (n < 0 && errno == EINTR);
        if (n < 0)
            qCWarning(lcEpoll, "epoll_wait failed: %s", std::strerror(errno));
        for (int i = 0; i < n; ++i)
            static_cast<Handler *>(events[i].data.ptr)->epollEvents(events[i].events);
        flushDirty();
        if (n < kBatch)
            break;
    }
    m_dispatching = false;
}

void EpollLoop::markDirty(FdTransport *transport)
{
    m_dirty.push_back(transport);
    if (!m_dispatching && !m_flushPosted) {
        m_flushPosted = true;
        QMetaObject::invokeMethod(this, [this] {
            m_flushPosted = false;
            flushDirty();
        }, Qt::QueuedConnection);
    }
}

void EpollLoop::forget(FdTransport *transport)
{
    m_dirty.erase(std::remove(m_dirty.begin(), m_dirty.end(), transport), m_dirty.end());
}

void EpollLoop::flushDirty()
{
    // Sending may report events that queue more output (and mark more transports dirty).
    while (!m_dirty.empty()) {
        std::vector<FdTransport *> dirty;
        dirty.swap(m_dirty);
        for (FdTransport *t : dirty)
            t->sendQueuedFromLoop();
    }
}

} // namespace portico::local
