// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// KeychainSecretStore against the real gnome-keyring whose login collection is locked after the
// secrets were stored (as a screen locker or a cancelled unlock prompt leaves it). libsecret
// answers "not found" for those items (and "removed" for an item it did not remove); the store
// must say "locked", and the callers must not
// take it for "nothing stored": portico-local's supervisor keeps its token, the Entra provider
// and an attached environment name the locked keychain instead of asking for a new sign-in.

#include "core/auth/entratokenprovider.h"
#include "core/model/environment.h"
#include "core/environments/environmentsession.h"
#include "core/environments/localsupervisor.h"
#include "core/secrets/keychainsecretstore.h"
#include "tests/support/keychainfixture.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/secretjobs.h"
#include "tests/support/tempdir.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace portico;
using core::Error;
using core::SecretStore;

class tst_KeychainSecretStoreLocked : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void lockedItemIsLockedNotNotFound();
    void removingALockedItemIsLockedNotDone();
    void supervisorKeepsItsTokenWhenTheKeychainIsLocked();
    void entraProviderNamesTheLockedKeychain();
    void attachedEnvironmentNamesTheLockedKeychain();

private:
    test::KeychainFixture m_keychain;
    QNetworkAccessManager m_network;
};

void tst_KeychainSecretStoreLocked::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_keychain.start(), qPrintable(m_keychain.errorString())); // before any D-Bus use
}

void tst_KeychainSecretStoreLocked::cleanup()
{
    if (m_keychain.isLocked())
        QVERIFY2(m_keychain.unlock(), qPrintable(m_keychain.errorString()));
}

void tst_KeychainSecretStoreLocked::lockedItemIsLockedNotNotFound()
{
    core::KeychainSecretStore store(u"portico-test"_qs);
    QVERIFY(test::waitFor(store.write(u"env/token"_qs, u"kept"_qs)).ok());
    QVERIFY2(m_keychain.lock(), qPrintable(m_keychain.errorString()));

    const auto read = test::waitFor(store.read(u"env/token"_qs));
    QVERIFY(!read.ok());
    QVERIFY2(read.error().kind != Error::Kind::NotFound, test::describe(read).constData());
    QVERIFY2(SecretStore::isLocked(read.error()), test::describe(read).constData());
    QVERIFY2(read.error().message.contains(u"locked"_qs), test::describe(read).constData());
    const auto written = test::waitFor(store.write(u"env/other"_qs, u"new"_qs));
    QVERIFY2(!written.ok() && SecretStore::isLocked(written.error()), test::describe(written).constData());
    // A locked keychain is a keychain: nothing falls back to memory.
    QCOMPARE(store.backend(), SecretStore::Backend::Keychain);

    QVERIFY2(m_keychain.unlock(), qPrintable(m_keychain.errorString()));
    QCOMPARE(test::waitFor(store.read(u"env/token"_qs)).value(), u"kept"_qs);
    // Nothing stored is still "not found" while the keychain is open.
    QCOMPARE(test::waitFor(store.read(u"env/never"_qs)).error().kind, Error::Kind::NotFound);
}

void tst_KeychainSecretStoreLocked::removingALockedItemIsLockedNotDone()
{
    core::KeychainSecretStore store(u"portico-test"_qs);
    QVERIFY(test::waitFor(store.write(u"env/doomed"_qs, u"still here"_qs)).ok());
    QVERIFY2(m_keychain.lock(), qPrintable(m_keychain.errorString()));

    const auto removed = test::waitFor(store.remove(u"env/doomed"_qs));
    QVERIFY2(!removed.ok(), "a remove from the locked keychain said it was done");
    QVERIFY2(SecretStore::isLocked(removed.error()), test::describe(removed).constData());

    // As said: it is still there once the keychain is open, and then it can be removed.
    QVERIFY2(m_keychain.unlock(), qPrintable(m_keychain.errorString()));
    QCOMPARE(test::waitFor(store.read(u"env/doomed"_qs)).value(), u"still here"_qs);
    QVERIFY(test::waitFor(store.remove(u"env/doomed"_qs)).ok());
    QCOMPARE(test::waitFor(store.read(u"env/doomed"_qs)).error().kind, Error::Kind::NotFound);
}

void tst_KeychainSecretStoreLocked::supervisorKeepsItsTokenWhenTheKeychainIsLocked()
{
    core::KeychainSecretStore store(u"portico-test"_qs);
    const QString key = SecretStore::makeKey(u"local-1"_qs, core::LocalSupervisor::tokenPurpose);
    QVERIFY(test::waitFor(store.write(key, u"the-old-token"_qs)).ok());
    QVERIFY2(m_keychain.lock(), qPrintable(m_keychain.errorString()));

    test::TempDir dataDir;
    core::LocalSupervisor supervisor(&store, u"local-1"_qs);
    supervisor.setProgram(test::PorticoLocalFixture::executable());
    supervisor.setDataDir(dataDir.path());
    QSignalSpy failed(&supervisor, &core::LocalSupervisor::failed);
    QSignalSpy ready(&supervisor, &core::LocalSupervisor::ready);
    supervisor.start();
    QVERIFY(failed.wait(15000));
    const auto error = failed.constFirst().constFirst().value<Error>();
    QVERIFY2(SecretStore::isLocked(error), qPrintable(error.toString()));
    QCOMPARE(supervisor.state(), core::LocalSupervisor::State::Failed);
    QVERIFY(ready.isEmpty());

    QVERIFY2(m_keychain.unlock(), qPrintable(m_keychain.errorString()));
    QCOMPARE(test::waitFor(store.read(key)).value(), u"the-old-token"_qs);
}

void tst_KeychainSecretStoreLocked::entraProviderNamesTheLockedKeychain()
{
    core::KeychainSecretStore store(u"portico-test"_qs);
    const QString key = SecretStore::makeKey(u"azure-1"_qs, core::EntraTokenProvider::refreshTokenPurpose);
    QVERIFY(test::waitFor(store.write(key, u"a-kept-refresh-token"_qs)).ok());
    QVERIFY2(m_keychain.lock(), qPrintable(m_keychain.errorString()));

    core::EntraConfig config;
    config.authority = QUrl(u"http://127.0.0.1:9"_qs); // never asked: the keychain answers first
    config.clientId = u"client"_qs;
    core::EntraTokenProvider provider(&m_network, config, &store, u"azure-1"_qs);
    QSignalSpy signInRequired(&provider, &core::AccessTokenProvider::signInRequired);
    core::TokenJob *job = provider.token();
    QSignalSpy finished(job, &core::TokenJob::finished);
    QVERIFY(finished.wait(15000));
    QVERIFY(!job->result().ok());
    const Error error = job->result().error();
    QVERIFY2(SecretStore::isLocked(error), qPrintable(error.toString()));
    QVERIFY2(!error.message.contains(u"Sign in"_qs), qPrintable(error.message));
    QCOMPARE(signInRequired.size(), 1);
    QVERIFY(SecretStore::isLocked(signInRequired.constFirst().constFirst().value<Error>()));

    QVERIFY2(m_keychain.unlock(), qPrintable(m_keychain.errorString()));
    QCOMPARE(test::waitFor(store.read(key)).value(), u"a-kept-refresh-token"_qs);
}

void tst_KeychainSecretStoreLocked::attachedEnvironmentNamesTheLockedKeychain()
{
    core::KeychainSecretStore store(u"portico-test"_qs);
    core::Environment env;
    env.id = u"lab"_qs;
    env.kind = core::Environment::Kind::Local;
    env.localMode = core::Environment::LocalMode::Attached;
    env.displayName = u"Lab portico-local"_qs;
    env.managementUrl = QUrl(u"http://127.0.0.1:9"_qs);
    QVERIFY(test::waitFor(store.write(env.secretKey(core::LocalSupervisor::tokenPurpose), u"t"_qs)).ok());
    QVERIFY2(m_keychain.lock(), qPrintable(m_keychain.errorString()));

    core::EnvironmentSession session(env, &m_network, &store);
    QSignalSpy failed(&session, &core::EnvironmentSession::failed);
    session.open();
    QVERIFY(failed.wait(15000));
    QVERIFY2(SecretStore::isLocked(session.error()), qPrintable(session.error().toString()));
    QVERIFY2(!session.error().message.contains(u"No portico-local token is stored"_qs),
             qPrintable(session.error().message));
}

QTEST_GUILESS_MAIN(tst_KeychainSecretStoreLocked)
#include "tst_keychainsecretstore_locked.moc"
