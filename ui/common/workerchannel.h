// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>
#include <QObject>
#include <QSemaphore>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <utility>

namespace portico::ui {

// The link between a UI-thread owner and work it runs on the thread pool. The worker posts
// results with post(); they run on the owner's thread, or not at all once the owner called
// detach() (do that in its destructor). post() under the lock keeps the receiver alive for
// the posting. Credits give back-pressure: a worker that produces many pieces takes a credit
// per piece and the UI returns it after handling the piece, so the event queue never holds
// more than a few pieces and one event-loop pass never handles a burst.
class WorkerChannel final
{
public:
    explicit WorkerChannel(QObject *receiver, int credits = 2)
        : m_receiver(receiver)
        , m_credits(credits)
    {
    }

    void detach()
    {
        QMutexLocker lock(&m_mutex);
        m_receiver = nullptr;
        m_cancelled = true;
        m_credits.release(1000); // unblock a worker waiting for a credit
    }

    bool isCancelled() const { return m_cancelled.load(); }
    const std::atomic<bool> *cancelledFlag() const { return &m_cancelled; }

    template <typename F>
    bool post(F &&function)
    {
        QMutexLocker lock(&m_mutex);
        if (!m_receiver || m_cancelled)
            return false;
        QMetaObject::invokeMethod(m_receiver, std::forward<F>(function), Qt::QueuedConnection);
        return true;
    }

    // Worker side: waits for a credit; false when cancelled meanwhile.
    bool acquireCredit()
    {
        while (!m_cancelled) {
            if (m_credits.tryAcquire(1, 20))
                return !m_cancelled;
        }
        return false;
    }
    // UI side: the piece was handled.
    void releaseCredit() { m_credits.release(); }

private:
    QMutex m_mutex;
    QObject *m_receiver;
    QSemaphore m_credits;
    std::atomic<bool> m_cancelled { false };
};

// The pool for UI background work. Not the global pool: Qt's raster paint engine waits on
// global-pool threads while painting, and our workers may wait for credits, so sharing it
// could deadlock painting. Also used to free big values off the UI thread.
QThreadPool *workerPool();
// Lowers the calling worker thread's scheduling weight (nice 10 on Linux) so that the UI
// thread wins the CPU whenever it has work, even with every core busy indexing or parsing.
void yieldToUiThread();

// Drops `value` (a big document, table or buffer) on the worker pool instead of the UI thread.
template <typename T>
void releaseInBackground(T value)
{
    workerPool()->start([v = std::move(value)]() mutable {
        yieldToUiThread();
        v = T();
    });
}

// Runs `work(std::shared_ptr<WorkerChannel>)` on workerPool() with a fresh channel
// to `receiver` and returns the channel so the owner can detach it.
template <typename Work>
std::shared_ptr<WorkerChannel> startWorker(QObject *receiver, Work work, int credits = 2)
{
    auto channel = std::make_shared<WorkerChannel>(receiver, credits);
    workerPool()->start([channel, work = std::move(work)]() mutable {
        yieldToUiThread();
        work(channel);
    });
    return channel;
}

} // namespace portico::ui
