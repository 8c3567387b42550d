// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/secrets/secretstore.h"

#include <QHash>
#include <QStringList>

namespace portico::core {

// Secrets kept in memory for this process only. Used by tests and as the session-only
// fallback of KeychainSecretStore.
class InMemorySecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InMemorySecretStore)

public:
    explicit InMemorySecretStore(QObject *parent = nullptr);

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const QString &secret) override;
    SecretJob *remove(const QString &key) override;
    Backend backend() const override { return Backend::SessionOnly; }

    // Synchronous access for the owner (KeychainSecretStore's fallback path).
    Result<QString> readNow(const QString &key) const;
    void writeNow(const QString &key, const QString &secret) { m_secrets.insert(key, secret); }
    // Empty on success; NotFound when nothing was stored under the key.
    Result<QString> removeNow(const QString &key);
    QStringList keys() const { return m_secrets.keys(); }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace portico::core
