// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/ml/besjobqueue.h"

#include "core/local/ml/besjobrunner.h"
#include "core/local/ml/besjobstore.h"

#include <QLoggingCategory>
#include <QThread>

namespace portico::local {

BesJobQueue::BesJobQueue(BesJobStore &store, int workers, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    for (int i = 0; i < workers; ++i) {
        Worker worker;
        worker.thread = new QThread(this);
        worker.thread->setObjectName(u"bes-worker-%1"_qs.arg(i));
        worker.runner = new BesJobRunner;
        worker.runner->moveToThread(worker.thread);
        connect(worker.thread, &QThread::finished, worker.runner, &QObject::deleteLater);
        connect(worker.runner, &BesJobRunner::jobEnded, this, &BesJobQueue::onJobEnded,
                Qt::QueuedConnection);
        worker.thread->start();
        m_workers.append(worker);
    }
}

BesJobQueue::~BesJobQueue()
{
    for (Worker &worker : m_workers) {
        worker.runner->disconnect(this);
        worker.thread->quit();
    }
    for (Worker &worker : m_workers)
        worker.thread->wait();
}

void BesJobQueue::enqueue(const QString &jobId)
{
    if (!m_waiting.contains(jobId))
        m_waiting.append(jobId);
    dispatch();
}

void BesJobQueue::cancel(const QString &jobId)
{
    m_waiting.removeAll(jobId);
    for (Worker &worker : m_workers) {
        if (worker.jobId != jobId)
            continue;
        BesJobRunner *runner = worker.runner;
        QMetaObject::invokeMethod(runner, [runner, jobId] { runner->cancel(jobId); },
                                  Qt::QueuedConnection);
        worker.jobId.clear();
    }
    dispatch();
}

void BesJobQueue::dispatch()
{
    for (Worker &worker : m_workers) {
        if (m_waiting.isEmpty())
            return;
        if (!worker.jobId.isEmpty())
            continue;
        const QString id = m_waiting.takeFirst();
        auto job = m_store.find(id);
        if (!job || !job.value() || job.value()->status != u"Running"_qs)
            continue;
        (void)m_store.countAttempt(id);
        worker.jobId = id;
        BesJobRunner *runner = worker.runner;
        const QByteArray request = job.value()->request;
        QMetaObject::invokeMethod(runner, [runner, id, request] { runner->run(id, request); },
                                  Qt::QueuedConnection);
    }
}

void BesJobQueue::onJobEnded(const QString &jobId, bool ok, const QByteArray &results,
                             const QString &details)
{
    for (Worker &worker : m_workers) {
        if (worker.jobId == jobId)
            worker.jobId.clear();
    }
    auto job = m_store.find(jobId);
    if (job && job.value() && job.value()->status == u"Running"_qs)
        (void)m_store.markEnded(jobId, ok ? u"Finished"_qs : u"Failed"_qs, results, details);
    dispatch();
}

} // namespace portico::local
