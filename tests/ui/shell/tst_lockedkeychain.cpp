// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The console with a locked keychain: the real gnome-keyring on a private bus holds
// portico-local's token and an Azure environment's sign-in, then its login collection is locked
// (as a screen locker, or a cancelled unlock prompt, leaves it). The user is told that the
// keychain is locked (English and Dutch), not that nothing is stored or that they must sign in
// again, and portico-local's kept token is not replaced. A keychain locked after portico-local's
// token was read leaves its ML key unkept: the console says so and portico-local runs.

#include "core/auth/entratokenprovider.h"
#include "core/environments/localsupervisor.h"
#include "core/model/environment.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/settings/settings.h"
#include "tests/support/keychainfixture.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/replay/replayserver.h"
#include "tests/support/secretjobs.h"
#include "tests/support/tempdir.h"
#include "ui/common/bannerwidget.h"
#include "ui/developer/developerworkspace.h"
#include "ui/shell/consolesession.h"
#include "ui/shell/language.h"
#include "ui/shell/mainwindow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace portico;

namespace {

const QString kEnvironment = u"azure-locked"_qs;

// The real keychain, locked the moment portico-local's token has been read from it (as a screen
// locker may do while Portico starts): everything written after that is refused for real.
class LockedAfterTokenRead final : public core::SecretStore
{
public:
    LockedAfterTokenRead(core::SecretStore *keychain, test::KeychainFixture *fixture)
        : m_keychain(keychain)
        , m_fixture(fixture)
    {
    }
    core::SecretJob *read(const QString &key) override
    {
        core::SecretJob *job = m_keychain->read(key);
        if (key.endsWith(core::LocalSupervisor::tokenPurpose)) // connected before the reader is
            QObject::connect(job, &core::SecretJob::finished, this, [this] { m_locked = m_fixture->lock(); });
        return job;
    }
    core::SecretJob *write(const QString &key, const QString &secret) override { return m_keychain->write(key, secret); }
    core::SecretJob *remove(const QString &key) override { return m_keychain->remove(key); }
    Backend backend() const override { return m_keychain->backend(); }
    bool locked() const { return m_locked; }

private:
    core::SecretStore *m_keychain;
    test::KeychainFixture *m_fixture;
    bool m_locked = false;
};

} // namespace

class tst_LockedKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void consoleSaysTheKeychainIsLocked_data();
    void consoleSaysTheKeychainIsLocked();
    void mlKeyThatCannotBeKeptIsSaid_data();
    void mlKeyThatCannotBeKeptIsSaid();

private:
    test::KeychainFixture m_keychain;
    test::TempDir m_dir;
    test::ReplayServer m_entra; // asked nothing: the sign-in cannot be read
    test::ReplayServer m_arm;
    std::unique_ptr<core::KeychainSecretStore> m_secrets;
};

void tst_LockedKeychain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_keychain.start(), qPrintable(m_keychain.errorString())); // before any D-Bus use
    QVERIFY(m_entra.start());
    QVERIFY(m_arm.start());
    m_secrets = std::make_unique<core::KeychainSecretStore>(u"Portico-test"_qs);
    QVERIFY(test::waitFor(m_secrets->write(core::SecretStore::makeKey(u"local"_qs, core::LocalSupervisor::tokenPurpose),
                                           u"the-kept-local-token"_qs))
                .ok());
    QVERIFY(test::waitFor(m_secrets->write(
                              core::SecretStore::makeKey(kEnvironment, core::EntraTokenProvider::refreshTokenPurpose),
                              u"the-kept-refresh-token"_qs))
                .ok());
}

void tst_LockedKeychain::cleanup()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(translator);
    if (m_keychain.isLocked())
        QVERIFY2(m_keychain.unlock(), qPrintable(m_keychain.errorString()));
}

void tst_LockedKeychain::consoleSaysTheKeychainIsLocked_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("localLocked");
    QTest::addColumn<QString>("azureLocked");
    QTest::newRow("English") << u"en"_qs
                             << u"portico-local could not be started: the keychain is locked"_qs
                             << u"Contoso cannot be opened: the keychain is locked"_qs;
    QTest::newRow("Dutch") << u"nl"_qs << u"portico-local kon niet worden gestart: de sleutelbos is vergrendeld"_qs
                           << u"Contoso kan niet worden geopend: de sleutelbos is vergrendeld"_qs;
}

void tst_LockedKeychain::consoleSaysTheKeychainIsLocked()
{
    QFETCH(QString, language);
    QFETCH(QString, localLocked);
    QFETCH(QString, azureLocked);
    if (language != u"en"_qs)
        QVERIFY(ui::installTranslations(*qApp, language));

    core::Environment environment;
    environment.id = kEnvironment;
    environment.kind = core::Environment::Kind::Azure;
    environment.displayName = u"Contoso"_qs;
    environment.managementUrl = m_arm.url();
    environment.tenantId = u"31c75423-32d6-4322-88b7-c478bdde4858"_qs;
    environment.subscriptionId = u"291bba3f-e0a5-47bc-a099-3bdcb2a50a05"_qs;
    QJsonObject json = environment.toJson();
    json.insert(u"authority"_qs, m_entra.url().toString());
    const QString settingsPath = m_dir.filePath(language + u".ini"_qs);
    {
        core::Settings settings(settingsPath);
        QVERIFY(settings.setValue(core::settingkeys::environments, QJsonDocument(QJsonArray { json }).toJson()).ok());
        QVERIFY(settings.sync().ok());
    }
    QVERIFY2(m_keychain.lock(), qPrintable(m_keychain.errorString()));

    core::Settings settings(settingsPath);
    ui::MainWindow window(settings);
    ui::ConsoleSession session(&window, m_secrets.get(), m_dir.filePath(u"history.sqlite"_qs));
    session.enableAzureEnvironments(&settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    session.startLocal(test::PorticoLocalFixture::executable(), m_dir.filePath(u"local-data-"_qs + language));

    // portico-local: its token is kept, the keychain will not give it out.
    ui::BannerWidget *connection = window.connectionBanner();
    QTRY_VERIFY_WITH_TIMEOUT(connection->isVisible(), 15000);
    QVERIFY2(connection->text().startsWith(localLocked), qPrintable(connection->text()));
    QCOMPARE(session.supervisor()->state(), core::LocalSupervisor::State::Failed);
    // The Azure environment: the same, never "sign in again".
    ui::BannerWidget *signIn = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((signIn = window.findChild<ui::BannerWidget *>(u"signInBannerWidget"_qs))
                                 && signIn->isVisible(),
                             15000);
    QVERIFY2(signIn->text().startsWith(azureLocked), qPrintable(signIn->text()));
    QVERIFY(m_entra.received().isEmpty());
    QVERIFY(!window.keychainBanner()->isVisible()); // a locked keychain is still a keychain

    // Unlocked again, the old token is still the one kept: nothing replaced it while locked.
    QVERIFY2(m_keychain.unlock(), qPrintable(m_keychain.errorString()));
    QCOMPARE(test::waitFor(m_secrets->read(core::SecretStore::makeKey(u"local"_qs, core::LocalSupervisor::tokenPurpose)))
                 .value(),
             u"the-kept-local-token"_qs);
}

void tst_LockedKeychain::mlKeyThatCannotBeKeptIsSaid_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");
    QTest::newRow("English") << u"en"_qs
                             << u"portico-local's ML key could not be kept: the keychain is locked. Unlock it (for "
                                "example by logging in to your desktop session); the key is kept at the next start."_qs;
    QTest::newRow("Dutch") << u"nl"_qs
                           << u"De ML-sleutel van portico-local kon niet worden bewaard: de sleutelbos is vergrendeld. "
                              "Ontgrendel hem (bijvoorbeeld door u aan te melden bij uw bureaubladsessie); de sleutel "
                              "wordt bij de volgende start bewaard."_qs;
}

void tst_LockedKeychain::mlKeyThatCannotBeKeptIsSaid()
{
    QFETCH(QString, language);
    QFETCH(QString, expected);
    if (language != u"en"_qs)
        QVERIFY(ui::installTranslations(*qApp, language));
    LockedAfterTokenRead secrets(m_secrets.get(), &m_keychain);
    const QString settingsPath = m_dir.filePath(u"ml-key-"_qs + language + u".ini"_qs);
    core::Settings settings(settingsPath);
    ui::MainWindow window(settings);
    ui::ConsoleSession session(&window, &secrets, m_dir.filePath(u"ml-key-history.sqlite"_qs));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    session.startLocal(test::PorticoLocalFixture::executable(), m_dir.filePath(u"ml-key-data-"_qs + language));

    QTRY_VERIFY_WITH_TIMEOUT(session.developerWorkspace(), 15000);
    ui::BannerWidget *banner = session.developerWorkspace()->banner();
    QTRY_COMPARE_WITH_TIMEOUT(banner->text(), expected, 15000);
    QVERIFY(secrets.locked());
    QCOMPARE(banner->kind(), ui::BannerWidget::Kind::Warning);
    QCOMPARE(session.supervisor()->state(), core::LocalSupervisor::State::Running); // it runs anyway
    QVERIFY(!window.connectionBanner()->isVisible());
}

QTEST_MAIN(tst_LockedKeychain)
#include "tst_lockedkeychain.moc"
