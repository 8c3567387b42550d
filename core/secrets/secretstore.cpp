// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/secrets/secretstore.h"

#include <QTimer>

namespace portico::core {

SecretJob::SecretJob(QString key, QObject *parent) : QObject(parent), m_key(std::move(key)) { }

void SecretJob::complete(Result<QString> result)
{
    Q_ASSERT(!m_result);
    m_result.emplace(std::move(result));
    QTimer::singleShot(0, this, [this] {
        Q_EMIT finished();
        deleteLater();
    });
}

SecretStore::SecretStore(QObject *parent) : QObject(parent) { }

SecretStore::~SecretStore() = default;

QString SecretStore::makeKey(const QString &environmentId, const QString &purpose)
{
    return environmentId + u'/' + purpose;
}

} // namespace portico::core
