// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

class QThread;

namespace portico::local {

class BesJobRunner;
class BesJobStore;

// A bounded pool of worker threads, each with one BesJobRunner. Started jobs wait in FIFO order
// for a free worker; results are written to the store in the owner's thread. A job that was
// cancelled meanwhile keeps its Cancelled status. On destruction the workers stop; their jobs
// stay Running in the store and are resumed by the next start.
class BesJobQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BesJobQueue)

public:
    BesJobQueue(BesJobStore &store, int workers, QObject *parent = nullptr);
    ~BesJobQueue() override;

    void enqueue(const QString &jobId);
    // Drops a waiting job, or stops a running one (the worker is free again at once).
    void cancel(const QString &jobId);

private:
    struct Worker
    {
        QThread *thread = nullptr;
        BesJobRunner *runner = nullptr;
        QString jobId;
    };

    void dispatch();
    void onJobEnded(const QString &jobId, bool ok, const QByteArray &results, const QString &details);

    BesJobStore &m_store;
    QList<Worker> m_workers;
    QStringList m_waiting;
};

} // namespace portico::local
