// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/secrets/secretstore.h"

#include <QPointer>
#include <QStringList>

#include <functional>

namespace portico::core {
class Settings;
}

namespace portico::ui {

// The console's SecretStore: every call goes to the real store; the names (never the values) of
// the secrets written for an environment other than portico-local are listed in the settings
// (environments/secretNames), so that removing an environment can delete every secret Portico
// kept for it (subscription keys, ML keys; the refresh token, whose name is known, is not
// listed), although keychains cannot be listed.
class EnvironmentSecrets final : public core::SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentSecrets)

public:
    explicit EnvironmentSecrets(core::SecretStore *inner, QObject *parent = nullptr);
    ~EnvironmentSecrets() override;

    // Where the names are listed; without settings nothing is listed.
    void setSettings(core::Settings *settings) { m_settings = settings; }
    core::SecretStore *inner() const { return m_inner; }

    [[nodiscard]] core::SecretJob *read(const QString &key) override;
    [[nodiscard]] core::SecretJob *write(const QString &key, const QString &secret) override;
    [[nodiscard]] core::SecretJob *remove(const QString &key) override;
    Backend backend() const override;

    // The secrets listed for `environmentId`.
    QStringList names(const QString &environmentId) const;
    // Removes every listed secret of `environmentId` (and `alsoRemove`); each is un-listed once
    // the keychain has deleted it. `done` (with `context` alive) gets the keys the keychain
    // could not delete, which stay listed.
    void removeAll(const QString &environmentId, const QStringList &alsoRemove = {},
                   QObject *context = nullptr, std::function<void(const QStringList &)> done = {});

private:
    static bool isGone(const core::SecretJob *job);
    void list(const QString &key, bool add);

    QPointer<core::SecretStore> m_inner;
    core::Settings *m_settings = nullptr;
};

} // namespace portico::ui
