// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QObject>
#include <QString>

#include <optional>

namespace portico::core {

// One asynchronous secret-store call. It emits finished() exactly once, always from the event
// loop (never from inside the call that created it), then deletes itself.
class SecretJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretJob)

public:
    explicit SecretJob(QString key, QObject *parent = nullptr);

    const QString &key() const { return m_key; }
    // Valid once finished() was emitted. For reads, the secret; for writes/removes, empty.
    [[nodiscard]] const Result<QString> &result() const { return *m_result; }

    // Used by store implementations: records the outcome and schedules finished().
    void complete(Result<QString> result);

Q_SIGNALS:
    void finished();

private:
    QString m_key;
    std::optional<Result<QString>> m_result;
};

// Where secrets (tokens, API keys, subscription keys, connection strings) live. Never in files:
// the keychain, or for the session only when no keychain answers. Keys read
// "<environment id>/<purpose>"; everything that is not secret stays in Settings.
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class Backend {
        Keychain,    // the OS keychain answered; secrets persist across sessions
        SessionOnly, // no keychain backend; secrets are kept in memory until the app exits
    };
    Q_ENUM(Backend)

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    [[nodiscard]] virtual SecretJob *read(const QString &key) = 0;
    [[nodiscard]] virtual SecretJob *write(const QString &key, const QString &secret) = 0;
    [[nodiscard]] virtual SecretJob *remove(const QString &key) = 0;
    virtual Backend backend() const = 0;

    // Error::code of a call that failed because the keychain is locked (or its unlock prompt was
    // cancelled): the secret may well be stored, it just cannot be read or written now. Callers
    // must not take it for "nothing stored" (and, say, replace the secret); the UI asks the user
    // to unlock the keychain and retry.
    static QString lockedCode() { return u"KeychainLocked"_qs; }
    static bool isLocked(const Error &error) { return error.code == lockedCode(); }

    // Builds the canonical key; `purpose` is e.g. "management-token" or "subscription/master".
    static QString makeKey(const QString &environmentId, const QString &purpose);

Q_SIGNALS:
    // Emitted when the store falls back to session-only storage (or recovers); the UI shows
    // a banner so that the user knows secrets will not survive a restart.
    void backendChanged(portico::core::SecretStore::Backend backend);
};

} // namespace portico::core
