// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/secrets/inmemorysecretstore.h"
#include "core/secrets/secretstore.h"

namespace QKeychain {
class Job;
}

namespace portico::core {

// The OS keychain through QtKeychain (libsecret/gnome-keyring or KWallet on Linux, the
// Keychain on macOS, Credential Manager on Windows). QtKeychain's plaintext fallback is never
// enabled. A locked keychain is an error with SecretStore::lockedCode(), never "not found".
// When no keychain backend answers (no backend, or no Secret Service on the bus; not merely an
// error of a keychain that is there), secrets are kept for this session only and backend()
// becomes SessionOnly; the UI shows that state. Every later write tries the keychain again; once
// one succeeds, backend() is Keychain again and the session's secrets move there.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    explicit KeychainSecretStore(QString serviceName = u"Portico"_qs, QObject *parent = nullptr);

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const QString &secret) override;
    SecretJob *remove(const QString &key) override;
    Backend backend() const override { return m_backend; }

    // Whether a QtKeychain error (QKeychain::Error and its text) means that there is no keychain
    // at all (no backend, no Secret Service on the bus), as opposed to a keychain that failed.
    static bool meansNoKeychain(int keychainError, const QString &errorText);

private:
    // A keychain write succeeded: ends the session-only state and moves its secrets there.
    void keychainAnswered();
    void fallBackToSession(const QString &reason);
    // Completes `job` with the error of `keychainJob`, or with a lockedCode() error when the
    // Secret Service's default collection is locked.
    void completeWithError(SecretJob *job, const QKeychain::Job &keychainJob);

    QString m_serviceName;
    Backend m_backend = Backend::Keychain;
    InMemorySecretStore m_session;
};

} // namespace portico::core
