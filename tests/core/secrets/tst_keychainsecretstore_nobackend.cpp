// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// KeychainSecretStore when no keychain answers: a private D-Bus session without a Secret
// Service. Secrets must be kept for the session only, and the store must say so.

#include "core/secrets/keychainsecretstore.h"
#include "tests/support/keychainfixture.h"
#include "tests/support/secretjobs.h"

#include <qt6keychain/keychain.h>

#include <QSignalSpy>
#include <QTest>

using namespace portico;
using core::SecretStore;

class tst_KeychainSecretStoreNoBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fallsBackToSessionOnlyAndSaysSo();
    void sessionOnlySecretsAreNotFoundInANewSession();
    void onlyAMissingKeychainMeansNoKeychain_data();
    void onlyAMissingKeychainMeansNoKeychain();
    void keychainThatAppearsLaterEndsSessionOnly(); // last: starts the Secret Service

private:
    test::KeychainFixture m_bus { test::KeychainFixture::SecretService::Absent };
};

void tst_KeychainSecretStoreNoBackend::initTestCase()
{
    QVERIFY2(m_bus.start(), qPrintable(m_bus.errorString()));
}

void tst_KeychainSecretStoreNoBackend::fallsBackToSessionOnlyAndSaysSo()
{
    core::KeychainSecretStore store(u"portico-test"_qs);
    QSignalSpy backendChanged(&store, &SecretStore::backendChanged);
    QCOMPARE(store.backend(), SecretStore::Backend::Keychain);

    const auto written = test::waitFor(store.write(u"env/token"_qs, u"kept in memory"_qs));
    QVERIFY2(written.ok(), test::describe(written).constData());
    QCOMPARE(store.backend(), SecretStore::Backend::SessionOnly);
    QCOMPARE(backendChanged.count(), 1);
    QCOMPARE(backendChanged.constFirst().constFirst().value<SecretStore::Backend>(),
             SecretStore::Backend::SessionOnly);

    QCOMPARE(test::waitFor(store.read(u"env/token"_qs)).value(), u"kept in memory"_qs);
    QVERIFY(test::waitFor(store.remove(u"env/token"_qs)).ok());
    QCOMPARE(test::waitFor(store.read(u"env/token"_qs)).error().kind, core::Error::Kind::NotFound);
}

void tst_KeychainSecretStoreNoBackend::sessionOnlySecretsAreNotFoundInANewSession()
{
    {
        core::KeychainSecretStore store(u"portico-test"_qs);
        QVERIFY(test::waitFor(store.write(u"env/ephemeral"_qs, u"x"_qs)).ok());
    }
    core::KeychainSecretStore restarted(u"portico-test"_qs);
    const auto read = test::waitFor(restarted.read(u"env/ephemeral"_qs));
    QVERIFY(!read.ok());
    QCOMPARE(restarted.backend(), SecretStore::Backend::SessionOnly);
}

// The texts are those libsecret and QtKeychain give; a keychain that is there but failed (a
// D-Bus timeout, a locked collection) must not be taken for "no keychain" and silently replaced
// by memory.
void tst_KeychainSecretStoreNoBackend::onlyAMissingKeychainMeansNoKeychain_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("noKeychain");
    QTest::newRow("no Secret Service on the bus")
        << int(QKeychain::OtherError) << u"The name org.freedesktop.secrets was not provided by any .service files"_qs << true;
    QTest::newRow("ServiceUnknown by name")
        << int(QKeychain::OtherError)
        << u"GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name is not activatable"_qs << true;
    QTest::newRow("no backend") << int(QKeychain::NoBackendAvailable) << u"No keychain service available"_qs << true;
    QTest::newRow("D-Bus timeout")
        << int(QKeychain::OtherError)
        << u"Error calling StartServiceByName for org.freedesktop.secrets: Timeout was reached (D-Bus)"_qs << false;
    QTest::newRow("no reply")
        << int(QKeychain::OtherError)
        << u"GDBus.Error:org.freedesktop.DBus.Error.NoReply: Did not receive a reply"_qs << false;
    QTest::newRow("locked collection")
        << int(QKeychain::OtherError) << u"Cannot create an item in a locked collection"_qs << false;
    QTest::newRow("not found") << int(QKeychain::EntryNotFound) << u"Entry not found"_qs << false;
    QTest::newRow("denied") << int(QKeychain::AccessDenied) << u"Access denied"_qs << false;
}

void tst_KeychainSecretStoreNoBackend::onlyAMissingKeychainMeansNoKeychain()
{
    QFETCH(int, error);
    QFETCH(QString, text);
    QFETCH(bool, noKeychain);
    QCOMPARE(core::KeychainSecretStore::meansNoKeychain(error, text), noKeychain);
}

// A keyring that starts while Portico runs: the next write reaches it, the store says so, and
// what was kept for the session only is in the keychain too (a new store reads it there).
void tst_KeychainSecretStoreNoBackend::keychainThatAppearsLaterEndsSessionOnly()
{
    core::KeychainSecretStore store(u"portico-test"_qs);
    QSignalSpy backendChanged(&store, &SecretStore::backendChanged);
    QVERIFY(test::waitFor(store.write(u"env/early"_qs, u"kept in memory first"_qs)).ok());
    QCOMPARE(store.backend(), SecretStore::Backend::SessionOnly);

    QVERIFY2(m_bus.startSecretService(), qPrintable(m_bus.errorString()));
    const auto written = test::waitFor(store.write(u"env/later"_qs, u"kept in the keychain"_qs));
    QVERIFY2(written.ok(), test::describe(written).constData());
    QCOMPARE(store.backend(), SecretStore::Backend::Keychain);
    QCOMPARE(backendChanged.size(), 2);
    QCOMPARE(backendChanged.last().constFirst().value<SecretStore::Backend>(), SecretStore::Backend::Keychain);
    QCOMPARE(test::waitFor(store.read(u"env/early"_qs)).value(), u"kept in memory first"_qs);

    core::KeychainSecretStore restarted(u"portico-test"_qs);
    QCOMPARE(test::waitFor(restarted.read(u"env/later"_qs)).value(), u"kept in the keychain"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(test::waitFor(restarted.read(u"env/early"_qs)).valueOr(QString()),
                              u"kept in memory first"_qs, 10000);
    QCOMPARE(restarted.backend(), SecretStore::Backend::Keychain);
}

QTEST_GUILESS_MAIN(tst_KeychainSecretStoreNoBackend)
#include "tst_keychainsecretstore_nobackend.moc"
