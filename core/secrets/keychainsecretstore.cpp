// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/secrets/keychainsecretstore.h"

#include "core/common/logging.h"
#include "core/secrets/secretservicelock.h"

#include <qt6keychain/keychain.h>

namespace portico::core {

namespace {

bool isBackendMissing(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return true;
    case QKeychain::OtherError:
        // libsecret reports a missing Secret Service as a generic error whose text names D-Bus
        // or the service; anything else (locked, denied) is a real error for the caller.
        return job.errorString().contains(u"org.freedesktop.secrets"_qs)
            || job.errorString().contains(u"ServiceUnknown"_qs)
            || job.errorString().contains(u"D-Bus"_qs, Qt::CaseInsensitive);
    default:
        return false;
    }
}

Error toError(const QKeychain::Job &job)
{
    Error error;
    error.kind = job.error() == QKeychain::EntryNotFound ? Error::Kind::NotFound
        : (job.error() == QKeychain::AccessDenied || job.error() == QKeychain::AccessDeniedByUser)
            ? Error::Kind::Unauthorized
            : Error::Kind::Unavailable;
    error.message = job.errorString();
    return error;
}

// The keychain holds its secrets but will not give them out (or take new ones) until it is
// unlocked; libsecret says "not found" or "cannot create an item in a locked collection".
Error lockedError(const Error &reported)
{
    Error error = Error::make(Error::Kind::Unavailable,
                              u"The keychain is locked: unlock it (for example by logging in to your "
                              "desktop session) and retry."_qs,
                              SecretStore::lockedCode());
    error.technical = reported.message;
    return error;
}

template <typename KeychainJob>
KeychainJob *makeJob(const QString &service, const QString &key)
{
    auto *job = new KeychainJob(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString serviceName, QObject *parent)
    : SecretStore(parent)
    , m_serviceName(std::move(serviceName))
{
}

void KeychainSecretStore::fallBackToSession(const QString &reason)
{
    if (m_backend == Backend::SessionOnly)
        return;
    qCWarning(lcSecrets) << "No keychain backend answered; keeping secrets for this session only:"
                         << reason;
    m_backend = Backend::SessionOnly;
    Q_EMIT backendChanged(m_backend);
}

void KeychainSecretStore::completeWithError(SecretJob *job, const QKeychain::Job &keychainJob)
{
    // Any failure may be a locked keychain in disguise: libsecret turns an item in a locked
    // collection, or a cancelled unlock prompt, into "not found".
    const Error error = toError(keychainJob);
    SecretServiceLock::probe(job, [job, error](bool locked) {
        job->complete(locked ? lockedError(error) : error);
    });
}

SecretJob *KeychainSecretStore::read(const QString &key)
{
    auto *job = new SecretJob(key, this);
    if (m_backend == Backend::SessionOnly) {
        job->complete(m_session.readNow(key));
        return job;
    }
    auto *keychainJob = makeJob<QKeychain::ReadPasswordJob>(m_serviceName, key);
    connect(keychainJob, &QKeychain::Job::finished, job, [this, job, keychainJob, key] {
        if (keychainJob->error() == QKeychain::NoError) {
            job->complete(keychainJob->textData());
        } else if (isBackendMissing(*keychainJob)) {
            fallBackToSession(keychainJob->errorString());
            job->complete(m_session.readNow(key));
        } else {
            completeWithError(job, *keychainJob);
        }
    });
    keychainJob->start();
    return job;
}

SecretJob *KeychainSecretStore::write(const QString &key, const QString &secret)
{
    auto *job = new SecretJob(key, this);
    if (m_backend == Backend::SessionOnly) {
        m_session.writeNow(key, secret);
        job->complete(QString());
        return job;
    }
    auto *keychainJob = makeJob<QKeychain::WritePasswordJob>(m_serviceName, key);
    keychainJob->setTextData(secret);
    connect(keychainJob, &QKeychain::Job::finished, job, [this, job, keychainJob, key, secret] {
        if (keychainJob->error() == QKeychain::NoError) {
            job->complete(QString());
        } else if (isBackendMissing(*keychainJob)) {
            fallBackToSession(keychainJob->errorString());
            m_session.writeNow(key, secret);
            job->complete(QString());
        } else {
            completeWithError(job, *keychainJob);
        }
    });
    keychainJob->start();
    return job;
}

SecretJob *KeychainSecretStore::remove(const QString &key)
{
    auto *job = new SecretJob(key, this);
    if (m_backend == Backend::SessionOnly) {
        job->complete(m_session.removeNow(key));
        return job;
    }
    auto *keychainJob = makeJob<QKeychain::DeletePasswordJob>(m_serviceName, key);
    connect(keychainJob, &QKeychain::Job::finished, job, [this, job, keychainJob, key] {
        if (keychainJob->error() == QKeychain::NoError) {
            job->complete(QString());
        } else if (isBackendMissing(*keychainJob)) {
            fallBackToSession(keychainJob->errorString());
            job->complete(m_session.removeNow(key));
        } else {
            completeWithError(job, *keychainJob);
        }
    });
    keychainJob->start();
    return job;
}

} // namespace portico::core
