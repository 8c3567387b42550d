// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// EntraTokenProvider with the real keychain (gnome-keyring on a private bus) and Entra ID
// replayed locally (tests/support/replay/recordings): a refresh token that Entra ID refuses with
// invalid_grant is dead, so it is deleted from the keychain too, and the next start asks the user
// to sign in instead of sending the dead token again.

#include "core/auth/entratokenprovider.h"
#include "core/secrets/keychainsecretstore.h"
#include "tests/support/keychainfixture.h"
#include "tests/support/replay/replayserver.h"
#include "tests/support/secretjobs.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace portico;
using core::EntraTokenProvider;
using core::Error;
using core::SecretStore;

class tst_EntraTokenProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusedRefreshTokenIsDeletedFromTheKeychain();

private:
    test::KeychainFixture m_keychain;
    test::ReplayServer m_entra;
    QNetworkAccessManager m_network;
};

namespace {

core::Result<core::AccessToken> tokenOf(EntraTokenProvider &provider)
{
    core::TokenJob *job = provider.token();
    QSignalSpy finished(job, &core::TokenJob::finished);
    if (!finished.wait(15000))
        return Error::make(Error::Kind::Timeout, u"no answer"_qs);
    return job->result();
}

} // namespace

void tst_EntraTokenProvider::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_keychain.start(), qPrintable(m_keychain.errorString())); // before any D-Bus use
    QVERIFY(m_entra.start());
}

void tst_EntraTokenProvider::refusedRefreshTokenIsDeletedFromTheKeychain()
{
    QVERIFY(m_entra.load(u"entra-refresh-expired.json"_qs));
    core::KeychainSecretStore store(u"portico-test"_qs);
    const QString key = SecretStore::makeKey(u"azure-1"_qs, EntraTokenProvider::refreshTokenPurpose);
    QVERIFY(test::waitFor(store.write(key, u"a-revoked-refresh-token"_qs)).ok());

    core::EntraConfig config;
    config.authority = m_entra.url();
    config.clientId = u"04b07795-8ddb-461a-bbee-02f9e1bf7b46"_qs;
    {
        EntraTokenProvider provider(&m_network, config, &store, u"azure-1"_qs);
        QSignalSpy signInRequired(&provider, &core::AccessTokenProvider::signInRequired);
        const auto token = tokenOf(provider);
        QVERIFY(!token.ok());
        QCOMPARE(token.error().code, u"invalid_grant"_qs);
        QCOMPARE(signInRequired.size(), 1);
        QCOMPARE(m_entra.received().size(), 1);
        QCOMPARE(m_entra.received().first().formField(u"refresh_token"_qs), u"a-revoked-refresh-token"_qs);
        // The dead token is gone from the keychain, not only from memory.
        const auto gone = [&] {
            const auto read = test::waitFor(store.read(key));
            return !read.ok() && read.error().kind == Error::Kind::NotFound;
        };
        QTRY_VERIFY_WITH_TIMEOUT(gone(), 10000);
    }
    // The next start: nothing kept, so the user is asked to sign in; Entra ID is not asked again.
    EntraTokenProvider restarted(&m_network, config, &store, u"azure-1"_qs);
    QSignalSpy signInRequired(&restarted, &core::AccessTokenProvider::signInRequired);
    const auto token = tokenOf(restarted);
    QVERIFY(!token.ok());
    QCOMPARE(token.error().kind, Error::Kind::Unauthorized);
    QCOMPARE(signInRequired.size(), 1);
    QCOMPARE(m_entra.received().size(), 1);
    QVERIFY2(m_entra.unmatched().isEmpty(), qPrintable(m_entra.unmatched().join(u", "_qs)));
}

QTEST_GUILESS_MAIN(tst_EntraTokenProvider)
#include "tst_entratokenprovider.moc"
