// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/blobjob.h"

namespace portico::core {

BlobJob::BlobJob(QObject *parent)
    : QObject(parent)
{
}

BlobJob::~BlobJob() = default;

void BlobJob::abort()
{
    if (m_finished)
        return;
    stop();
    finish(Error::make(Error::Kind::Cancelled, u"The blob operation was cancelled."_qs));
}

void BlobJob::finish(Result<void> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = std::move(result);
    Q_EMIT finished();
}

} // namespace portico::core
