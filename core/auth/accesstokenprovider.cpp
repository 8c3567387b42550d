// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/accesstokenprovider.h"

#include <QTimer>

namespace portico::core {

TokenJob::TokenJob(QObject *parent) : QObject(parent) { }

void TokenJob::complete(Result<AccessToken> result)
{
    if (m_result)
        return;
    m_result = std::move(result);
    QTimer::singleShot(0, this, [this] {
        Q_EMIT finished();
        deleteLater();
    });
}

} // namespace portico::core
