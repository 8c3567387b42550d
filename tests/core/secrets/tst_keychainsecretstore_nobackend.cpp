// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// KeychainSecretStore when no keychain answers: a private D-Bus session without a Secret
// Service. Secrets must be kept for the session only, and the store must say so.

#include "core/secrets/keychainsecretstore.h"
#include "tests/support/keychainfixture.h"
#include "tests/support/secretjobs.h"

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

QTEST_GUILESS_MAIN(tst_KeychainSecretStoreNoBackend)
#include "tst_keychainsecretstore_nobackend.moc"
