// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/fdtransport.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace portico::local {

namespace {

constexpr qsizetype kSendAt = 64 * 1024;      // queued output is sent at once from this size
constexpr qsizetype kKeepCapacity = 256 * 1024; // an emptied buffer keeps up to this much
constexpr int kLingerReads = 16;
constexpr qsizetype kScratch = 64 * 1024;

void setNoDelay(int fd)
{
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

} // namespace

FdTransport::FdTransport(EpollLoop &loop, int fd, State state, QObject *parent)
    : Transport(parent)
    , m_loop(loop)
    , m_fd(fd)
    , m_state(state)
{
}

FdTransport::~FdTransport()
{
    closeDescriptor();
    m_loop.forget(this);
}

FdTransport *FdTransport::adopt(EpollLoop &loop, int fd, QObject *parent)
{
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ((flags & O_NONBLOCK) == 0 && ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)) {
        ::close(fd);
        return nullptr;
    }
    setNoDelay(fd);
    auto *transport = new FdTransport(loop, fd, State::Connected, parent);
    if (!loop.add(fd, transport)) {
        delete transport;
        return nullptr;
    }
    return transport;
}

FdTransport *FdTransport::connectTo(EpollLoop &loop, const QHostAddress &address, quint16 port,
                                    QObject *parent)
{
    sockaddr_storage storage {};
    socklen_t length = 0;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        in->sin_addr.s_addr = htonl(v4);
        length = sizeof(sockaddr_in);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        static_assert(sizeof(bytes) == sizeof(in6->sin6_addr));
        std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
        length = sizeof(sockaddr_in6);
    } else {
        return nullptr;
    }
    const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return nullptr;
    setNoDelay(fd);
    auto *transport = new FdTransport(loop, fd, State::Connecting, parent);
    if (!loop.add(fd, transport)) {
        delete transport;
        return nullptr;
    }
    int rc = 0;
    do
        rc = ::connect(fd, reinterpret_cast<const sockaddr *>(&storage), length);
    while (rc < 0 && errno == EINTR);
    if (rc == 0)
        transport->m_state = State::Connected;
    else if (errno != EINPROGRESS)
        transport->fail(errno, true);
    return transport;
}

QHostAddress FdTransport::peerAddress() const
{
    sockaddr_storage storage {};
    socklen_t length = sizeof storage;
    if (m_fd < 0 || ::getpeername(m_fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    return QHostAddress(reinterpret_cast<const sockaddr *>(&storage));
}

qsizetype FdTransport::read(QByteArray &buffer, qsizetype max)
{
    if (m_fd < 0 || m_eof || !m_readable || m_state == State::Connecting || max <= 0)
        return 0;
    // Straight into the buffer when it has room; otherwise through a scratch block, so that a
    // small request does not cost a large allocation (which makes malloc consolidate).
    static thread_local char scratch[kScratch];
    const qsizetype old = buffer.size();
    const bool direct = buffer.isDetached() && buffer.capacity() - old >= max;
    const qsizetype want = direct ? max : std::min<qsizetype>(max, kScratch);
    if (direct)
        buffer.resize(old + want);
    char *target = direct ? buffer.data() + old : scratch;
    ssize_t n = 0;
    do
        n = ::recv(m_fd, target, size_t(want), 0);
    while (n < 0 && errno == EINTR);
    if (n > 0) {
        if (direct)
            buffer.resize(old + n);
        else
            buffer.append(scratch, n);
        // Edge-triggered: bytes that arrive after this recv() raise a new event, so a short
        // read means the socket is drained (unless the peer shut down: then read the end).
        if (n < want && !m_peerShutdown)
            m_readable = false;
        return n;
    }
    if (direct)
        buffer.resize(old);
    m_readable = false;
    if (n == 0)
        m_eof = true;
    else if (errno != EAGAIN && errno != EWOULDBLOCK)
        fail(errno, true);
    return 0;
}

void FdTransport::write(const char *data, qsizetype size)
{
    if (m_fd < 0 || m_state == State::Closing || size <= 0)
        return;
    m_out.append(data, size);
    if (m_state == State::Connected && bytesToWrite() >= kSendAt) {
        sendQueued();
    } else if (!m_dirty) {
        m_dirty = true;
        m_loop.markDirty(this);
    }
}

void FdTransport::sendQueued()
{
    m_dirty = false;
    if (m_fd < 0 || m_state == State::Connecting)
        return;
    while (m_outOffset < m_out.size()) {
        const ssize_t n = ::send(m_fd, m_out.constData() + m_outOffset, size_t(m_out.size() - m_outOffset),
                                 MSG_NOSIGNAL);
        if (n > 0) {
            m_outOffset += n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            m_blocked = true;
            break; // the rest goes on EPOLLOUT
        } else {
            fail(n < 0 ? errno : EPIPE, true);
            return;
        }
    }
    if (m_outOffset == m_out.size()) {
        m_outOffset = 0;
        if (m_out.capacity() > kKeepCapacity)
            m_out = QByteArray();
        else
            m_out.resize(0);
        if (m_state == State::Closing && !m_writeShutdown) {
            ::shutdown(m_fd, SHUT_WR);
            m_writeShutdown = true;
        }
    } else if (m_outOffset >= kSendAt && m_outOffset * 2 >= m_out.size()) {
        m_out.remove(0, m_outOffset); // keep the buffer from growing while the peer is slow
        m_outOffset = 0;
    }
}

void FdTransport::sendQueuedFromLoop()
{
    const qint64 before = bytesToWrite();
    const bool wasBlocked = m_blocked;
    sendQueued();
    if (m_fd < 0) {
        reportClosed();
        return;
    }
    if (wasBlocked && bytesToWrite() < before && m_state == State::Connected) {
        m_blocked = bytesToWrite() > 0 && m_blocked;
        notify(Event::Written);
    }
}

void FdTransport::epollEvents(quint32 events)
{
    if (m_fd < 0)
        return;
    if (m_state == State::Connecting) {
        if ((events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) == 0)
            return;
        finishConnect();
        if (m_fd < 0)
            return;
    }
    if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
        m_readable = true;
    if (events & (EPOLLRDHUP | EPOLLHUP))
        m_peerShutdown = true;

    if (m_state == State::Closing) {
        if (events & EPOLLERR) {
            closeDescriptor();
            reportClosed();
            return;
        }
        if (events & EPOLLOUT)
            sendQueued();
        lingerRead();
        finishClosingIfDone();
        return;
    }

    if (events & EPOLLERR) {
        notify(Event::Readable); // what arrived before the error is still delivered
        if (m_fd >= 0) {
            int error = 0;
            socklen_t length = sizeof error;
            ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length);
            fail(error != 0 ? error : ECONNRESET, false);
        } else {
            reportClosed();
        }
        return;
    }
    if (events & EPOLLOUT) {
        // Written also when an end-of-batch send already emptied what the kernel had refused:
        // the listener stopped at its high-water mark and waits for it.
        const qint64 before = bytesToWrite();
        const bool wasBlocked = m_blocked;
        m_blocked = false;
        if (before > 0)
            sendQueued();
        if (m_fd < 0) {
            reportClosed();
            return;
        }
        if (bytesToWrite() < before || wasBlocked)
            notify(Event::Written);
        if (m_fd < 0 || m_state != State::Connected)
            return;
    }
    if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP)) {
        notify(Event::Readable);
        if (m_fd < 0 || m_state != State::Connected)
            return;
    }
    if (m_peerShutdown && !m_peerShutdownReported) {
        m_peerShutdownReported = true;
        notify(Event::PeerShutdown);
    }
}

void FdTransport::finishConnect()
{
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        error = errno;
    if (error != 0) {
        fail(error, false);
        return;
    }
    m_state = State::Connected;
}

void FdTransport::lingerRead()
{
    char scratch[16 * 1024];
    for (int i = 0; m_fd >= 0 && !m_eof && m_readable && i < kLingerReads; ++i) {
        const ssize_t n = ::recv(m_fd, scratch, sizeof scratch, 0);
        if (n > 0)
            continue;
        if (n == 0) {
            m_eof = true;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            m_readable = false;
        } else if (errno != EINTR) {
            closeDescriptor();
            reportClosed();
        }
    }
    // Bounded per call so one closing peer cannot hold the loop; edge-triggered, no new event
    // comes for what is already buffered, so the rest is read on a later pass.
    if (m_fd >= 0 && !m_eof && m_readable && !m_lingerPosted) {
        m_lingerPosted = true;
        QMetaObject::invokeMethod(this, [this] {
            m_lingerPosted = false;
            if (m_state != State::Closing)
                return;
            lingerRead();
            finishClosingIfDone();
        }, Qt::QueuedConnection);
    }
}

void FdTransport::finishClosingIfDone()
{
    if (m_fd >= 0 && m_writeShutdown && m_eof) {
        closeDescriptor();
        reportClosed();
    }
}

void FdTransport::closeGracefully()
{
    if (m_fd < 0 || m_state == State::Closing)
        return;
    if (m_state == State::Connecting) {
        abort();
        return;
    }
    m_state = State::Closing;
    sendQueued();
    lingerRead();
    finishClosingIfDone();
}

void FdTransport::abort()
{
    closeDescriptor();
    reportClosed();
}

void FdTransport::fail(int error, bool reportLater)
{
    m_refused = error == ECONNREFUSED;
    closeDescriptor();
    if (reportLater)
        QMetaObject::invokeMethod(this, [this] { reportClosed(); }, Qt::QueuedConnection);
    else
        reportClosed();
}

void FdTransport::closeDescriptor()
{
    if (m_fd < 0)
        return;
    ::close(m_fd); // also removes it from the epoll set
    m_fd = -1;
    m_readable = false;
    m_out = QByteArray();
    m_outOffset = 0;
}

void FdTransport::reportClosed()
{
    if (m_closedReported)
        return;
    m_closedReported = true;
    notify(Event::Closed);
}

} // namespace portico::local
