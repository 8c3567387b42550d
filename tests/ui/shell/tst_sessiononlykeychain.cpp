// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The console without a keychain: a private D-Bus session with no Secret Service (the real
// KeychainSecretStore finds none and keeps secrets for the session only). The main window says
// so in a banner that stays (English and Dutch), and the add-environment dialog does not claim
// to keep the sign-in in the keychain. Entra ID and the ARM are local replay servers.

#include "core/secrets/keychainsecretstore.h"
#include "core/settings/settings.h"
#include "tests/support/keychainfixture.h"
#include "tests/support/replay/replayserver.h"
#include "tests/support/secretjobs.h"
#include "tests/support/tempdir.h"
#include "ui/common/bannerwidget.h"
#include "ui/shell/addenvironmentdialog.h"
#include "ui/shell/consolesession.h"
#include "ui/shell/language.h"
#include "ui/shell/mainwindow.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace portico;

namespace {

const QString kTenant = u"31c75423-32d6-4322-88b7-c478bdde4858"_qs;

// The recorded device-code sign-in (tenant "organizations" there), for kTenant.
bool loadSignIn(test::ReplayServer &server)
{
    QFile file(test::ReplayServer::recordingsDirectory() + u"/entra-device-code.json"_qs);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonArray exchanges = QJsonDocument::fromJson(file.readAll()).object().value(u"exchanges"_qs).toArray();
    for (const QJsonValue &value : exchanges) {
        QJsonObject exchange = value.toObject();
        QJsonObject request = exchange.value(u"request"_qs).toObject();
        if (request.value(u"bodyContains"_qs).toString().contains(u"refresh_token"_qs))
            continue;
        request.insert(u"path"_qs, request.value(u"path"_qs).toString().replace(u"/organizations/"_qs,
                                                                              u'/' + kTenant + u'/'));
        exchange.insert(u"request"_qs, request);
        server.add(exchange);
    }
    return !exchanges.isEmpty();
}

// The store, whose writes wait until release(): what the dialog says while the sign-in is being
// kept can be read before it moves on.
class HeldWrites final : public core::SecretStore
{
public:
    explicit HeldWrites(core::SecretStore *inner) : m_inner(inner)
    {
        connect(inner, &core::SecretStore::backendChanged, this, &core::SecretStore::backendChanged);
    }
    core::SecretJob *read(const QString &key) override { return m_inner->read(key); }
    core::SecretJob *write(const QString &key, const QString &secret) override
    {
        auto *job = new core::SecretJob(key);
        m_held.append({ job, secret });
        return job;
    }
    core::SecretJob *remove(const QString &key) override { return m_inner->remove(key); }
    Backend backend() const override { return m_inner->backend(); }
    qsizetype held() const { return m_held.size(); }
    void release()
    {
        for (const auto &[job, secret] : std::exchange(m_held, {})) {
            core::SecretJob *inner = m_inner->write(job->key(), secret);
            QObject::connect(inner, &core::SecretJob::finished, job,
                             [job = job, inner] { job->complete(inner->result()); });
        }
    }

private:
    core::SecretStore *m_inner;
    QList<QPair<QPointer<core::SecretJob>, QString>> m_held;
};

void removeTranslators()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(translator);
}

} // namespace

class tst_SessionOnlyKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void bannerSaysSecretsLastOnlyThisSession();
    void bannerIsDutchInDutch();
    void addDialogSaysTheSignInIsNotKeptInTheKeychain();
    void bannerGoesAwayWhenTheKeychainAnswers(); // last: starts the Secret Service

private:
    // Signs in through a new add-environment dialog on `store` up to the moment the refresh
    // token is handed to the store; returns the dialog (the caller deletes it).
    ui::AddEnvironmentDialog *signInUntilTheTokenIsKept(HeldWrites &store);

    test::KeychainFixture m_bus { test::KeychainFixture::SecretService::Absent };
    test::TempDir m_dir;
    test::ReplayServer m_entra;
    test::ReplayServer m_arm;
    QNetworkAccessManager m_network;
};

void tst_SessionOnlyKeychain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_bus.start(), qPrintable(m_bus.errorString())); // before any D-Bus use
    QVERIFY(m_entra.start());
    QVERIFY(m_arm.start());
}

void tst_SessionOnlyKeychain::cleanup()
{
    removeTranslators();
}

void tst_SessionOnlyKeychain::bannerSaysSecretsLastOnlyThisSession()
{
    core::KeychainSecretStore store(u"Portico-test"_qs);
    core::Settings settings(m_dir.filePath(u"english.ini"_qs));
    ui::MainWindow window(settings);
    ui::ConsoleSession session(&window, &store, m_dir.filePath(u"history.sqlite"_qs));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *banner = window.findChild<ui::BannerWidget *>(u"keychainBannerWidget"_qs);
    QVERIFY(banner);
    QVERIFY(!banner->isVisible()); // nothing was tried yet

    const auto written = test::waitFor(store.write(u"local/ml-key"_qs, u"kept in memory"_qs));
    QVERIFY2(written.ok(), test::describe(written).constData());
    QCOMPARE(store.backend(), core::SecretStore::Backend::SessionOnly);
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), ui::BannerWidget::Kind::Warning);
    QVERIFY2(banner->text().startsWith(u"No keychain is available: sign-ins and keys are kept only "
                                       "until Portico quits."_qs),
             qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(u"keychain service"_qs), qPrintable(banner->text()));
    // It stays: there is nothing to dismiss while the cause lasts.
    auto *dismiss = banner->findChild<QPushButton *>(u"bannerDismissPushButton"_qs);
    QVERIFY(!dismiss || !dismiss->isVisible());
}

// A console that starts while the store is session-only already shows the banner, in Dutch.
void tst_SessionOnlyKeychain::bannerIsDutchInDutch()
{
    core::KeychainSecretStore store(u"Portico-test"_qs);
    QVERIFY(test::waitFor(store.write(u"local/ml-key"_qs, u"kept in memory"_qs)).ok());
    QCOMPARE(store.backend(), core::SecretStore::Backend::SessionOnly);

    QVERIFY(ui::installTranslations(*qApp, u"nl"_qs));
    core::Settings settings(m_dir.filePath(u"dutch.ini"_qs));
    ui::MainWindow window(settings);
    ui::ConsoleSession session(&window, &store, m_dir.filePath(u"history.sqlite"_qs));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *banner = window.findChild<ui::BannerWidget *>(u"keychainBannerWidget"_qs);
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(u"Er is geen sleutelbos beschikbaar"_qs),
             qPrintable(banner->text()));
}

ui::AddEnvironmentDialog *tst_SessionOnlyKeychain::signInUntilTheTokenIsKept(HeldWrites &store)
{
    if (!loadSignIn(m_entra) || !m_arm.load(u"arm-azure-environment-console.json"_qs))
        return nullptr;
    auto *dialog = new ui::AddEnvironmentDialog(&m_network, &store);
    dialog->setEntraTimeScale(0.01);
    dialog->show();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"displayNameLineEdit"_qs), u"Contoso"_qs);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"tenantLineEdit"_qs), kTenant);
    dialog->findChild<QLineEdit *>(u"authorityLineEdit"_qs)->setText(m_entra.url().toString());
    dialog->findChild<QLineEdit *>(u"managementUrlLineEdit"_qs)->setText(m_arm.url().toString());
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInPushButton"_qs), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return store.held() == 1; }, 10000)) {
        delete dialog;
        return nullptr;
    }
    return dialog;
}

void tst_SessionOnlyKeychain::addDialogSaysTheSignInIsNotKeptInTheKeychain()
{
    // The keychain is found missing by the dialog's own write of the refresh token.
    {
        core::KeychainSecretStore keychain(u"Portico-test"_qs);
        HeldWrites store(&keychain);
        std::unique_ptr<ui::AddEnvironmentDialog> dialog(signInUntilTheTokenIsKept(store));
        QVERIFY(dialog);
        store.release();
        auto *pages = dialog->findChild<QStackedWidget *>(u"environmentStepsStackedWidget"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(pages->currentIndex(), 2, 10000); // the subscriptions
        QCOMPARE(keychain.backend(), core::SecretStore::Backend::SessionOnly);
        auto *note = dialog->findChild<QLabel *>(u"signInKeptLabel"_qs);
        QVERIFY(note && note->isVisible());
        QVERIFY2(note->text().startsWith(u"No keychain is available: this sign-in is kept only until "
                                         "Portico quits"_qs),
                 qPrintable(note->text()));
        QVERIFY(!dialog->findChild<QLabel *>(u"signInStatusLabel"_qs)->text().contains(u"in the keychain"_qs));
    }
    // The store is session-only already: the dialog says so while it keeps the sign-in, in Dutch.
    {
        core::KeychainSecretStore keychain(u"Portico-test"_qs);
        QVERIFY(test::waitFor(keychain.write(u"local/ml-key"_qs, u"x"_qs)).ok());
        QVERIFY(ui::installTranslations(*qApp, u"nl"_qs));
        HeldWrites store(&keychain);
        std::unique_ptr<ui::AddEnvironmentDialog> dialog(signInUntilTheTokenIsKept(store));
        QVERIFY(dialog);
        const QString status = dialog->findChild<QLabel *>(u"signInStatusLabel"_qs)->text();
        QVERIFY2(status.contains(u"geen sleutelbos"_qs), qPrintable(status));
        QVERIFY2(!status.contains(u"in de sleutelbos"_qs), qPrintable(status));
        store.release();
        auto *note = dialog->findChild<QLabel *>(u"signInKeptLabel"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(note->isVisible(), 10000);
        QVERIFY2(note->text().contains(u"geen sleutelbos"_qs), qPrintable(note->text()));
    }
}

// A keyring that starts while the console runs: the next write reaches it and the warning goes.
void tst_SessionOnlyKeychain::bannerGoesAwayWhenTheKeychainAnswers()
{
    core::KeychainSecretStore store(u"Portico-test"_qs);
    core::Settings settings(m_dir.filePath(u"recovers.ini"_qs));
    ui::MainWindow window(settings);
    ui::ConsoleSession session(&window, &store, m_dir.filePath(u"history.sqlite"_qs));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(test::waitFor(store.write(u"local/ml-key"_qs, u"kept in memory"_qs)).ok());
    auto *banner = window.findChild<ui::BannerWidget *>(u"keychainBannerWidget"_qs);
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"tries it again"_qs), qPrintable(banner->text()));

    QVERIFY2(m_bus.startSecretService(), qPrintable(m_bus.errorString()));
    QVERIFY(test::waitFor(store.write(u"local/ml-key"_qs, u"kept in the keychain"_qs)).ok());
    QCOMPARE(store.backend(), core::SecretStore::Backend::Keychain);
    QTRY_VERIFY(!banner->isVisible());
}

QTEST_MAIN(tst_SessionOnlyKeychain)
#include "tst_sessiononlykeychain.moc"
