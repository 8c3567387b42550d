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
    return KeychainSecretStore::meansNoKeychain(job.error(), job.errorString());
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

bool KeychainSecretStore::meansNoKeychain(int keychainError, const QString &errorText)
{
    switch (keychainError) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return true;
    case QKeychain::OtherError:
        // libsecret passes the bus's ServiceUnknown on, often without its name: nothing owns
        // org.freedesktop.secrets and nothing can start it. Anything else, a timeout or another
        // D-Bus error of a keychain that is there, is the caller's error, not "no keychain".
        return errorText.contains(u"org.freedesktop.DBus.Error.ServiceUnknown"_qs)
            || errorText.contains(u"org.freedesktop.secrets was not provided by any .service files"_qs);
    default:
        return false;
    }
}

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

void KeychainSecretStore::keychainAnswered()
{
    if (m_backend == Backend::Keychain)
        return;
    qCInfo(lcSecrets) << "The keychain answers again; secrets are kept there from now on";
    m_backend = Backend::Keychain;
    Q_EMIT backendChanged(m_backend);
    // What was kept for the session only moves to the keychain; each leaves memory once the
    // keychain has it (and was not changed meanwhile).
    for (const QString &key : m_session.keys()) {
        const QString secret = m_session.readNow(key).valueOr(QString());
        auto *keychainJob = makeJob<QKeychain::WritePasswordJob>(m_serviceName, key);
        keychainJob->setTextData(secret);
        connect(keychainJob, &QKeychain::Job::finished, this, [this, keychainJob, key, secret] {
            const bool unchanged = m_session.readNow(key).valueOr(QString()) == secret;
            if (keychainJob->error() == QKeychain::NoError && unchanged)
                (void)m_session.removeNow(key);
        });
        keychainJob->start();
    }
}

SecretJob *KeychainSecretStore::read(const QString &key)
{
    auto *job = new SecretJob(key, this);
    if (m_backend == Backend::SessionOnly) {
        job->complete(m_session.readNow(key));
        return job;
    }
    if (Result<QString> kept = m_session.readNow(key); kept.ok()) { // not moved to the keychain yet
        job->complete(std::move(kept));
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
    // Also while session-only: every write asks the keychain again, so that a keychain that
    // appears later (a keyring started after Portico) ends the session-only state.
    auto *keychainJob = makeJob<QKeychain::WritePasswordJob>(m_serviceName, key);
    keychainJob->setTextData(secret);
    connect(keychainJob, &QKeychain::Job::finished, job, [this, job, keychainJob, key, secret] {
        if (keychainJob->error() == QKeychain::NoError) {
            (void)m_session.removeNow(key); // an older session-only value must not shadow it
            keychainAnswered();
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
    const bool keptInMemory = m_session.removeNow(key).ok(); // not moved to the keychain yet
    auto *keychainJob = makeJob<QKeychain::DeletePasswordJob>(m_serviceName, key);
    connect(keychainJob, &QKeychain::Job::finished, job, [this, job, keychainJob, key, keptInMemory] {
        if (keptInMemory && (keychainJob->error() == QKeychain::NoError
                             || keychainJob->error() == QKeychain::EntryNotFound)) {
            job->complete(QString());
        } else if (keychainJob->error() == QKeychain::NoError) {
            // libsecret removes nothing from a locked collection and says all went well: the
            // secret is still there once the keychain is unlocked.
            SecretServiceLock::probe(job, [job](bool locked) {
                if (locked)
                    job->complete(lockedError(Error::make(Error::Kind::Unavailable,
                                                          u"Nothing was removed from the locked keychain."_qs)));
                else
                    job->complete(QString());
            });
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
