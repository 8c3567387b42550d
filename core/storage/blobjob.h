// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QObject>

namespace portico::core {

// One asynchronous blob operation. finished() is emitted exactly once, after which result()
// tells success or why not (kind, HTTP status, the storage error code and message). abort()
// ends a running job with Error::Kind::Cancelled; destroying a running job aborts it silently.
// The caller owns the job (deleteLater() it from the finished handler).
class BlobJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobJob)

public:
    ~BlobJob() override;

    bool isFinished() const { return m_finished; }
    const Result<void> &result() const { return m_result; }

    // Ends the job now with Cancelled (no-op once finished).
    void abort();

Q_SIGNALS:
    void finished();
    // Bytes moved so far and in total (total -1 when unknown).
    void progress(qint64 done, qint64 total);

protected:
    explicit BlobJob(QObject *parent);
    // Emits finished() with `result` unless the job has finished already.
    void finish(Result<void> result);
    // Subclasses stop their network work here; called once, by abort() or the destructor.
    virtual void stop() = 0;

private:
    Result<void> m_result;
    bool m_finished = false;
};

} // namespace portico::core
