// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// KeychainSecretStore against the real gnome-keyring on a private D-Bus session.

#include "core/secrets/keychainsecretstore.h"
#include "tests/support/keychainfixture.h"
#include "tests/support/secretjobs.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace portico;
using core::Error;
using core::SecretStore;

class tst_KeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writtenSecretReadsBack();
    void overwriteReplacesTheSecret();
    void removedSecretIsNotFound();
    void unknownKeyIsNotFound();
    void secretsOfAnotherServiceAreSeparate();
    void secretIsReallyInTheKeyring();

private:
    test::KeychainFixture m_keychain;
};

void tst_KeychainSecretStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_keychain.start(), qPrintable(m_keychain.errorString()));
}

void tst_KeychainSecretStore::writtenSecretReadsBack()
{
    core::KeychainSecretStore store(u"portico-test"_qs);
    const QString key = SecretStore::makeKey(u"local-1"_qs, u"management-token"_qs);
    QVERIFY(test::waitFor(store.write(key, u"s3cr3t-token"_qs)).ok());
    const auto read = test::waitFor(store.read(key));
    QVERIFY2(read.ok(), test::describe(read).constData());
    QCOMPARE(read.value(), u"s3cr3t-token"_qs);
    QCOMPARE(store.backend(), SecretStore::Backend::Keychain);
}

void tst_KeychainSecretStore::overwriteReplacesTheSecret()
{
    core::KeychainSecretStore store(u"portico-test"_qs);
    const QString key = u"local-1/ml-key"_qs;
    QVERIFY(test::waitFor(store.write(key, u"first"_qs)).ok());
    QVERIFY(test::waitFor(store.write(key, u"second"_qs)).ok());
    QCOMPARE(test::waitFor(store.read(key)).value(), u"second"_qs);
}

void tst_KeychainSecretStore::removedSecretIsNotFound()
{
    core::KeychainSecretStore store(u"portico-test"_qs);
    const QString key = u"local-1/to-remove"_qs;
    QVERIFY(test::waitFor(store.write(key, u"gone soon"_qs)).ok());
    QVERIFY(test::waitFor(store.remove(key)).ok());
    const auto read = test::waitFor(store.read(key));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, Error::Kind::NotFound);
}

void tst_KeychainSecretStore::unknownKeyIsNotFound()
{
    core::KeychainSecretStore store(u"portico-test"_qs);
    const auto read = test::waitFor(store.read(u"never/written"_qs));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, Error::Kind::NotFound);
    QCOMPARE(store.backend(), SecretStore::Backend::Keychain);
}

void tst_KeychainSecretStore::secretsOfAnotherServiceAreSeparate()
{
    core::KeychainSecretStore first(u"portico-test-a"_qs);
    core::KeychainSecretStore second(u"portico-test-b"_qs);
    QVERIFY(test::waitFor(first.write(u"env/key"_qs, u"value-a"_qs)).ok());
    const auto read = test::waitFor(second.read(u"env/key"_qs));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, Error::Kind::NotFound);
}

void tst_KeychainSecretStore::secretIsReallyInTheKeyring()
{
    // Ask the keyring through another client (secret-tool) so that the test does not only
    // prove that the store agrees with itself.
    core::KeychainSecretStore store(u"portico-test"_qs);
    QVERIFY(test::waitFor(store.write(u"env/visible"_qs, u"seen-by-secret-tool"_qs)).ok());
    QProcess tool;
    // QtKeychain's libsecret schema keys an item by "server" (the service) and "user" (the key).
    tool.start(u"secret-tool"_qs, { u"lookup"_qs, u"server"_qs, u"portico-test"_qs, u"user"_qs,
                                    u"env/visible"_qs });
    QVERIFY(tool.waitForFinished(10000));
    QCOMPARE(tool.readAllStandardOutput(), QByteArray("seen-by-secret-tool"));
}

QTEST_GUILESS_MAIN(tst_KeychainSecretStore)
#include "tst_keychainsecretstore.moc"
