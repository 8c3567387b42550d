// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/secrets/inmemorysecretstore.h"

namespace portico::core {

InMemorySecretStore::InMemorySecretStore(QObject *parent) : SecretStore(parent) { }

namespace {

Error notFound()
{
    return Error::make(Error::Kind::NotFound, u"No secret is stored under this key."_qs);
}

} // namespace

Result<QString> InMemorySecretStore::readNow(const QString &key) const
{
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend())
        return notFound();
    return *it;
}

Result<QString> InMemorySecretStore::removeNow(const QString &key)
{
    if (m_secrets.remove(key) == 0)
        return notFound();
    return QString();
}

SecretJob *InMemorySecretStore::read(const QString &key)
{
    auto *job = new SecretJob(key, this);
    job->complete(readNow(key));
    return job;
}

SecretJob *InMemorySecretStore::write(const QString &key, const QString &secret)
{
    auto *job = new SecretJob(key, this);
    writeNow(key, secret);
    job->complete(QString());
    return job;
}

SecretJob *InMemorySecretStore::remove(const QString &key)
{
    auto *job = new SecretJob(key, this);
    job->complete(removeNow(key));
    return job;
}

} // namespace portico::core
