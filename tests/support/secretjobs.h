// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/secrets/secretstore.h"

#include <QPointer>
#include <QSignalSpy>

namespace portico::test {

// Waits for a SecretJob and returns its result; a job that never finishes is a test failure
// (reported as an Unavailable error with "timeout").
inline core::Result<QString> waitFor(core::SecretJob *job, int timeoutMs = 15000)
{
    QSignalSpy spy(job, &core::SecretJob::finished);
    core::Result<QString> result = core::Error::make(core::Error::Kind::Timeout, u"timeout"_qs);
    QObject::connect(job, &core::SecretJob::finished, job, [&result, job] { result = job->result(); });
    if (!spy.wait(timeoutMs))
        return result;
    return result;
}

// The error text of a failed result, or nothing; for QVERIFY2 messages, which are evaluated
// whether or not the check fails.
template <typename T>
QByteArray describe(const core::Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

} // namespace portico::test
