// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/support/tempdir.h"

#include <QProcess>
#include <QString>

namespace portico::test {

// A private D-Bus session for this test process, optionally with the real gnome-keyring
// serving the Secret Service on it. Nothing touches the developer's own keyring: the bus,
// HOME and XDG_DATA_HOME are temporary and the keyring password is a throwaway.
//
// start() must run before anything in the process connects to the session bus (call it from
// initTestCase()). The bus has no service activation, so with SecretService::Absent no
// keychain can appear behind the test's back.
class KeychainFixture final
{
public:
    enum class SecretService { Running, Absent };

    explicit KeychainFixture(SecretService service = SecretService::Running);
    ~KeychainFixture();

    KeychainFixture(const KeychainFixture &) = delete;
    KeychainFixture &operator=(const KeychainFixture &) = delete;

    [[nodiscard]] bool start();
    // With SecretService::Absent: starts gnome-keyring on the bus after all, as a keyring that
    // appears while the app runs.
    [[nodiscard]] bool startSecretService() { return startKeyring() && waitForSecretService(); }
    QString errorString() const { return m_error; }
    QString busAddress() const { return m_busAddress; }
    // The gnome-keyring-daemon serving this bus (0 if none), e.g. to stop it for a while so
    // that the keychain answers late.
    qint64 keyringProcessId() const { return m_keyring.processId(); }

    // Locked mode: locks the keyring's default collection as a screen locker does. Its items stay,
    // but libsecret answers "not found" for them and refuses new ones; no unlock prompt can
    // appear (the bus starts nothing), as when the user cancels it. unlock() opens it again with
    // the throwaway password, as logging in does.
    [[nodiscard]] bool lock();
    [[nodiscard]] bool unlock();
    bool isLocked();

private:
    bool startBus();
    bool startKeyring();
    bool waitForSecretService();
    QString defaultCollection();

    SecretService m_service;
    TempDir m_home;
    QProcess m_bus;
    QProcess m_keyring;
    QString m_busAddress;
    QString m_error;
};

} // namespace portico::test
