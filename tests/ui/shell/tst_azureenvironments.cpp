// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Azure environments in the console, with real widgets, the real keychain and the real
// portico-local next to them; only Entra ID and management.azure.com are local replay servers
// (recorded shapes, tests/support/replay/recordings). Environment → Add Azure environment signs
// in with a device code, lists the account's subscriptions, and the chosen one appears as a
// second root of the navigation tree; an API of its service is edited and saved through the
// same API editor as portico-local's (the replay server records the PUT); a new console with the
// same settings and keychain signs in silently; a revoked refresh token is a "Sign-in expired"
// banner whose Sign in again recovers; removing the environment forgets it and its refresh
// token; the settings file never holds a token. The Azure CLI's login uses a stand-in `az`
// (tests/support/azureclistandin.h): a CLI environment opens again after a restart, and a
// subscription an environment already shows cannot be added a second time (whatever the tenant
// was typed as); a second Add for it updates the sign-in of the one there, and twins kept in the
// settings by older versions come back as one environment with their secrets (the one the user
// selected last, which the console remembers, as it remembers the service the user worked in
// and selects it again after a restart). Sign-in asks Entra ID and `az` for the ARM of the
// environment's management URL (the replay server's), never management.azure.com's.

#include "core/arm/armclient.h"
#include "core/environments/localendpoints.h"
#include "core/itemmodels/navigationtreemodel.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/settings/settings.h"
#include "tests/support/azureclistandin.h"
#include "tests/support/keychainfixture.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/replay/replayserver.h"
#include "tests/support/secretjobs.h"
#include "tests/support/tempdir.h"
#include "ui/common/bannerwidget.h"
#include "ui/common/decisions.h"
#include "ui/developer/developercontroller.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/publisherworkspace.h"
#include "ui/publisher/servicewizard.h"
#include "ui/shell/addenvironmentdialog.h"
#include "ui/shell/azureenvironments.h"
#include "ui/shell/consolesession.h"
#include "ui/shell/mainwindow.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QGuiApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTcpServer>
#include <QTreeView>
#include <QUrlQuery>
#include <QNetworkAccessManager>
#include <QPointer>

#include <algorithm>
#include <optional>

using namespace portico;
using Nav = core::NavigationTreeModel;

namespace {

const QString kTenant = u"31c75423-32d6-4322-88b7-c478bdde4858"_qs;
const QString kSubscription = u"291bba3f-e0a5-47bc-a099-3bdcb2a50a05"_qs;
const QString kService = u"/subscriptions/291bba3f-e0a5-47bc-a099-3bdcb2a50a05/resourceGroups/rg1"
                         "/providers/Microsoft.ApiManagement/service/apimService1"_qs;
const QString kName = u"Contoso (replay)"_qs;

enum class Part { All, Refresh, SignIn };

// The recorded Entra ID exchanges are for tenant "organizations"; the console signs in to a
// tenant id. Part::Refresh keeps only the refresh_token grants, Part::SignIn all but those.
bool loadEntra(test::ReplayServer &server, const QString &recording, Part part = Part::All)
{
    QFile file(test::ReplayServer::recordingsDirectory() + u'/' + recording);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonArray exchanges = QJsonDocument::fromJson(file.readAll()).object().value(u"exchanges"_qs).toArray();
    for (const QJsonValue &value : exchanges) {
        QJsonObject exchange = value.toObject();
        QJsonObject request = exchange.value(u"request"_qs).toObject();
        const bool refresh = request.value(u"bodyContains"_qs).toString().contains(u"refresh_token"_qs);
        if ((part == Part::Refresh && !refresh) || (part == Part::SignIn && refresh))
            continue;
        request.insert(u"path"_qs, request.value(u"path"_qs).toString().replace(u"/organizations/"_qs,
                                                                              u'/' + kTenant + u'/'));
        exchange.insert(u"request"_qs, request);
        server.add(exchange);
    }
    return !exchanges.isEmpty();
}

// An Azure environment for kSubscription in kTenant (device code sign-in), as the settings keep it.
core::Environment azureEnvironment(const QString &id, const QString &name, const QUrl &managementUrl)
{
    core::Environment environment;
    environment.id = id;
    environment.kind = core::Environment::Kind::Azure;
    environment.displayName = name;
    environment.managementUrl = managementUrl;
    environment.tenantId = kTenant;
    environment.subscriptionId = kSubscription;
    return environment;
}

// Its entry in the settings' list, signing in at `authority`.
QJsonObject withAuthority(const core::Environment &environment, const QUrl &authority)
{
    QJsonObject json = environment.toJson();
    json.insert(u"authority"_qs, authority.toString());
    return json;
}

int countRequests(const test::ReplayServer &server, const QString &bodyPart)
{
    int n = 0;
    for (const auto &r : server.received())
        n += QString::fromUtf8(r.body).contains(bodyPart) ? 1 : 0;
    return n;
}

// What a sign-in at Entra ID must ask for to get a token that the ARM at `management` accepts:
// that host's ARM scope (not the public cloud's), plus offline_access for a refresh token.
QString armScopeOf(const test::ReplayServer &management)
{
    return u"http://127.0.0.1:%1/.default offline_access"_qs.arg(management.url().port());
}

// The scopes of the requests `server` received since `from` that carry one, oldest first.
QStringList scopesAsked(const test::ReplayServer &server, qsizetype from = 0)
{
    QStringList scopes;
    for (qsizetype i = from; i < server.received().size(); ++i) {
        const QString scope = server.received().at(i).formField(u"scope"_qs);
        if (!scope.isEmpty())
            scopes << scope;
    }
    return scopes;
}

template <typename T>
T *findVisible(const QString &objectName)
{
    for (QWidget *top : QApplication::topLevelWidgets()) {
        for (T *w : top->findChildren<T *>(objectName)) {
            if (w->isVisible())
                return w;
        }
    }
    return nullptr;
}

ui::AddEnvironmentDialog *openDialog()
{
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<ui::AddEnvironmentDialog *>(top); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

// The real keychain, whose writes wait until release(): the user closes the dialog while the
// keychain has not answered yet.
class HeldWrites final : public core::SecretStore
{
public:
    explicit HeldWrites(core::SecretStore *inner) : m_inner(inner) { }
    core::SecretJob *read(const QString &key) override { return m_inner->read(key); }
    core::SecretJob *write(const QString &key, const QString &secret) override
    {
        auto *job = new core::SecretJob(key);
        m_held.append({ job, secret });
        return job;
    }
    core::SecretJob *remove(const QString &key) override
    {
        core::SecretJob *job = m_inner->remove(key);
        QObject::connect(job, &core::SecretJob::finished, this, [this, key] { removed << key; });
        return job;
    }
    Backend backend() const override { return m_inner->backend(); }
    QStringList heldKeys() const
    {
        QStringList keys;
        for (const auto &held : m_held)
            keys << held.first->key();
        return keys;
    }
    void release()
    {
        for (const auto &[job, secret] : std::exchange(m_held, {})) {
            core::SecretJob *inner = m_inner->write(job->key(), secret);
            QObject::connect(inner, &core::SecretJob::finished, job,
                             [job = job, inner] { job->complete(inner->result()); });
        }
    }
    QStringList removed;

private:
    core::SecretStore *m_inner;
    QList<QPair<QPointer<core::SecretJob>, QString>> m_held;
};

// The real keychain, refusing to delete the keys in `refused` (a locked or read-only keyring).
class RefusingRemoves final : public core::SecretStore
{
public:
    RefusingRemoves(core::SecretStore *inner, QStringList refused) : m_inner(inner), m_refused(std::move(refused)) { }
    core::SecretJob *read(const QString &key) override { return m_inner->read(key); }
    core::SecretJob *write(const QString &key, const QString &secret) override { return m_inner->write(key, secret); }
    core::SecretJob *remove(const QString &key) override
    {
        if (!m_refused.contains(key))
            return m_inner->remove(key);
        auto *job = new core::SecretJob(key);
        job->complete(core::Error::make(core::Error::Kind::Unavailable, u"The keyring is locked."_qs));
        return job;
    }
    Backend backend() const override { return m_inner->backend(); }

private:
    core::SecretStore *m_inner;
    QStringList m_refused;
};

// One console: window, session (attached to the running portico-local) and its Azure environments.
struct Console
{
    std::unique_ptr<core::Settings> settings;
    std::unique_ptr<ui::MainWindow> window;
    std::unique_ptr<ui::ConsoleSession> session;

    QModelIndex proxy(const QModelIndex &source) const
    {
        return static_cast<QAbstractProxyModel *>(window->navigationView()->model())->mapFromSource(source);
    }
    ui::BannerWidget *signInBanner() const { return window->findChild<ui::BannerWidget *>(u"signInBannerWidget"_qs); }
};

} // namespace

class tst_AzureEnvironments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void addDialogSaysWhatWentWrong();
    void addDialogRefusesPlainHttpToAnotherComputer_data();
    void addDialogRefusesPlainHttpToAnotherComputer();
    void restoredPlainHttpEnvironmentIsNotOpened();
    void unreadableEntriesAreNamedAndKeptOnSave();
    void removeSaysWhichSecretsTheKeychainKept();
    void closingWhileTheSignInIsKeptLeavesNothingBehind_data();
    void closingWhileTheSignInIsKeptLeavesNothingBehind();
    void dialogSignsInWithTheAzureCliAndSaysWhenThereIsNoSubscription();
    void subscriptionAlreadyAddedIsNamedAndCannotBeAddedAgain_data();
    void subscriptionAlreadyAddedIsNamedAndCannotBeAddedAgain();
    void secondAddOfTheSameSubscriptionUpdatesItsSignInInsteadOfATwin();
    void duplicatesInTheSettingsAreRestoredOnceWithTheirSecrets_data();
    void duplicatesInTheSettingsAreRestoredOnceWithTheirSecrets();
    void duplicateSecretTheKeychainKeepsIsNamed();
    void restartOpensAnAzureCliEnvironmentSilently();
    void addsAnEnvironmentAndEditsItsApiThroughTheSamePanels();
    void restartSignsInSilently();
    void revokedSignInShowsABannerAndSignInAgainRecovers();
    void unauthorizedDuringUseShowsTheBanner();
    void unauthorizedAfterAFreshTokenShowsTheBanner();
    void serviceWizardOffersTheAzureEnvironment();
    void azureWorksWhenPorticoLocalCannotStart();
    void removeAsksAndForgetsTheEnvironmentAndItsSignIn();
    void unreachableEnvironmentShowsABannerWithRetry();
    void environmentUsedLastIsSelectedAgainAfterARestart();
    void serviceUsedLastIsSelectedAgainAfterARestart();
    void duplicateRestoreKeepsTheTwinTheUserSelectedLast();
    void serviceCreatedInTheWizardBecomesCurrent(); // last: the new service is not recorded

private:
    bool startConsole(Console &console, const QString &settingsName = u"settings.ini"_qs,
                      core::SecretStore *secrets = nullptr);
    QString environmentId(const Console &console) const;
    bool waitForService(Console &console);
    // Clicks the root of `environmentId` in the navigation tree, as the user does.
    void clickEnvironment(Console &console, const QString &environmentId);
    // Clicks a node of the navigation tree, as the user does.
    void click(Console &console, const QModelIndex &node);
    QByteArray settingsFile() const;
    // Writes `list` as the environments the settings file `settingsName` keeps.
    bool writeEnvironments(const QString &settingsName, const QJsonArray &list) const;

    test::KeychainFixture m_keychain;
    test::PorticoLocalFixture m_local;
    test::TempDir m_dir;
    test::ReplayServer m_entra;
    test::ReplayServer m_arm;
    std::unique_ptr<core::KeychainSecretStore> m_secrets;
};

void tst_AzureEnvironments::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_keychain.start(), qPrintable(m_keychain.errorString())); // before any D-Bus use
    QVERIFY2(m_local.start(), qPrintable(m_local.errorString()));
    QVERIFY(m_entra.start());
    QVERIFY(m_arm.start());
    QVERIFY(m_arm.load(u"arm-azure-environment-console.json"_qs));
    m_secrets = std::make_unique<core::KeychainSecretStore>(u"Portico-test"_qs);
}

void tst_AzureEnvironments::cleanupTestCase()
{
    m_secrets.reset();
}

bool tst_AzureEnvironments::startConsole(Console &console, const QString &settingsName,
                                         core::SecretStore *secrets)
{
    console.settings = std::make_unique<core::Settings>(m_dir.filePath(settingsName));
    console.window = std::make_unique<ui::MainWindow>(*console.settings);
    console.session = std::make_unique<ui::ConsoleSession>(console.window.get(), secrets ? secrets : m_secrets.get(),
                                                           m_dir.filePath(u"history.sqlite"_qs));
    console.session->enableAzureEnvironments(console.settings.get());
    console.session->azureEnvironments()->setEntraTimeScale(0.01); // polls every 50 ms
    console.session->azureEnvironments()->setAzureCliProgram(m_dir.filePath(u"az"_qs)); // where writeAzureCliStandIn() puts it
    console.window->show();
    if (!QTest::qWaitForWindowExposed(console.window.get()))
        return false;
    const auto endpoints = core::LocalEndpoints::fromReadyLine(
        QJsonDocument(m_local.readyLine()).toJson(QJsonDocument::Compact));
    if (!endpoints)
        return false;
    QSignalSpy connected(console.session.get(), &ui::ConsoleSession::connected);
    console.session->attachLocal(endpoints.value());
    return connected.wait(30000);
}

QString tst_AzureEnvironments::environmentId(const Console &console) const
{
    const QStringList ids = console.session->azureEnvironments()->ids();
    return ids.size() == 1 ? ids.first() : QString();
}

// The Azure environment's root lists apimService1 (the navigation tree, as the user sees it).
bool tst_AzureEnvironments::waitForService(Console &console)
{
    Nav *nav = console.session->navigation();
    return QTest::qWaitFor([&] {
        const QString id = environmentId(console);
        const QModelIndex root = id.isEmpty() ? QModelIndex() : nav->environmentIndex(id);
        return root.isValid() && nav->childByName(root, u"apimService1"_qs).isValid();
    }, 20000);
}

QByteArray tst_AzureEnvironments::settingsFile() const
{
    QFile file(m_dir.filePath(u"settings.ini"_qs));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool tst_AzureEnvironments::writeEnvironments(const QString &settingsName, const QJsonArray &list) const
{
    core::Settings settings(m_dir.filePath(settingsName));
    return settings.setValue(core::settingkeys::environments, QJsonDocument(list).toJson()).ok() && settings.sync().ok();
}

void tst_AzureEnvironments::addDialogSaysWhatWentWrong()
{
    QVERIFY(loadEntra(m_entra, u"entra-device-code-declined.json"_qs));
    ui::AddEnvironmentDialog dialog(new QNetworkAccessManager(this), m_secrets.get());
    dialog.setEntraTimeScale(0.01);
    dialog.show();
    auto *message = dialog.findChild<QLabel *>(u"settingsMessageLabel"_qs);
    auto *signIn = dialog.findChild<QPushButton *>(u"signInPushButton"_qs);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"displayNameLineEdit"_qs), kName);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"tenantLineEdit"_qs), u"not a tenant"_qs);
    QTest::mouseClick(signIn, Qt::LeftButton);
    QVERIFY2(message->text().contains(u"is not a tenant"_qs), qPrintable(message->text()));
    QCOMPARE(m_entra.received().size(), 0); // nothing sent for a bad tenant

    auto *tenant = dialog.findChild<QLineEdit *>(u"tenantLineEdit"_qs);
    tenant->clear();
    QTest::keyClicks(tenant, kTenant);
    auto *authority = dialog.findChild<QLineEdit *>(u"authorityLineEdit"_qs);
    QCOMPARE(authority->text(), u"https://login.microsoftonline.com"_qs); // the public cloud by default
    authority->setText(m_entra.url().toString());
    dialog.findChild<QLineEdit *>(u"managementUrlLineEdit"_qs)->setText(m_arm.url().toString());
    QTest::mouseClick(signIn, Qt::LeftButton);
    // The code is shown, then the user declines in the browser: said in words, back to the start.
    QTRY_COMPARE_WITH_TIMEOUT(dialog.findChild<QLineEdit *>(u"userCodeLineEdit"_qs)->text(), u"GBKR7CZ4L"_qs, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(u"declined"_qs), 10000);
    QVERIFY(signIn->isVisible());
    QVERIFY(m_entra.unmatched().isEmpty());

    // The code is copied for the browser; nobody signs in before it expires (§9.1 expired_token:
    // stop; the description is ours).
    QVERIFY(loadEntra(m_entra, u"entra-device-code-declined.json"_qs)); // devicecode, one pending, …
    const int before = int(m_entra.received().size());
    QTest::mouseClick(signIn, Qt::LeftButton);
    auto *code = dialog.findChild<QLineEdit *>(u"userCodeLineEdit"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(code->text(), u"GBKR7CZ4L"_qs, 10000);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"copyCodePushButton"_qs), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"GBKR7CZ4L"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(u"declined"_qs), 10000);
    QCOMPARE(m_entra.received().size(), before + 3);
    dialog.reject();
    QVERIFY(m_entra.unmatched().isEmpty());

    ui::AddEnvironmentDialog expiring(new QNetworkAccessManager(this), m_secrets.get());
    expiring.setEntraTimeScale(0.01);
    expiring.show();
    m_entra.add(QJsonDocument::fromJson(R"({"request": {"method": "POST", "path": "/)" + kTenant.toUtf8()
                                        + R"(/oauth2/v2.0/devicecode"}, "response": {"status": 200, "body": {
        "user_code": "GBKR7CZ4L", "device_code": "GAQABAAEAAAD--DLA3VO7QrddgJg7WevrRECORDED",
        "verification_uri": "https://www.microsoft.com/link", "expires_in": 900, "interval": 5,
        "message": "To sign in, use a web browser to open the page https://www.microsoft.com/link and enter the code GBKR7CZ4L to authenticate."}}})")
                    .object());
    m_entra.add(QJsonDocument::fromJson(R"({"request": {"method": "POST", "path": "/)" + kTenant.toUtf8()
                                        + R"(/oauth2/v2.0/token"}, "response": {"status": 400, "body": {
        "error": "expired_token", "error_description": "The device code has expired.",
        "error_codes": [70020]}}})")
                    .object());
    QTest::keyClicks(expiring.findChild<QLineEdit *>(u"displayNameLineEdit"_qs), kName);
    QTest::keyClicks(expiring.findChild<QLineEdit *>(u"tenantLineEdit"_qs), kTenant);
    expiring.findChild<QLineEdit *>(u"authorityLineEdit"_qs)->setText(m_entra.url().toString());
    QTest::mouseClick(expiring.findChild<QPushButton *>(u"signInPushButton"_qs), Qt::LeftButton);
    auto *expired = expiring.findChild<QLabel *>(u"settingsMessageLabel"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(expired->text().contains(u"expired"_qs), 10000);
    QVERIFY2(expired->text().contains(u"new code"_qs), qPrintable(expired->text()));
    QVERIFY(m_entra.unmatched().isEmpty());
    QCOMPARE(m_entra.remaining(), 0); // nothing left over for the tests below
}

void tst_AzureEnvironments::addDialogRefusesPlainHttpToAnotherComputer_data()
{
    QTest::addColumn<QString>("authority");
    QTest::addColumn<QString>("management");
    QTest::addColumn<QString>("refusedLabel");
    QTest::newRow("authority") << u"http://login.microsoftonline.com"_qs << u"https://management.azure.com"_qs
                               << u"authorityMessageLabel"_qs;
    QTest::newRow("management") << u"https://login.microsoftonline.com"_qs << u"http://management.azure.com"_qs
                                << u"managementUrlMessageLabel"_qs;
    QTest::newRow("management on 10.0.0.1") << u"https://login.microsoftonline.com"_qs
                                            << u"http://10.0.0.1:8080"_qs << u"managementUrlMessageLabel"_qs;
}

// Tokens never travel unencrypted: plain http is refused next to the field, except for this
// computer (localhost, 127.0.0.1, ::1: the replay servers below).
void tst_AzureEnvironments::addDialogRefusesPlainHttpToAnotherComputer()
{
    QFETCH(QString, authority);
    QFETCH(QString, management);
    QFETCH(QString, refusedLabel);
    ui::AddEnvironmentDialog dialog(new QNetworkAccessManager(this), m_secrets.get());
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"displayNameLineEdit"_qs), kName);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"tenantLineEdit"_qs), kTenant);
    dialog.findChild<QLineEdit *>(u"authorityLineEdit"_qs)->setText(authority);
    dialog.findChild<QLineEdit *>(u"managementUrlLineEdit"_qs)->setText(management);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"signInPushButton"_qs), Qt::LeftButton);
    auto *refused = dialog.findChild<QLabel *>(refusedLabel);
    QVERIFY(refused->isVisible());
    QVERIFY2(refused->text().contains(u"must be an https URL"_qs), qPrintable(refused->text()));
    QCOMPARE(dialog.findChild<QStackedWidget *>(u"environmentStepsStackedWidget"_qs)->currentIndex(), 0);

    QVERIFY(ui::AddEnvironmentDialog::isSafeUrl(QUrl(u"http://127.0.0.1:1234"_qs)));
    QVERIFY(ui::AddEnvironmentDialog::isSafeUrl(QUrl(u"http://[::1]:1234"_qs)));
    QVERIFY(ui::AddEnvironmentDialog::isSafeUrl(QUrl(u"http://localhost:1234"_qs)));
    QVERIFY(!ui::AddEnvironmentDialog::isSafeUrl(QUrl(u"http://localhost.example.com"_qs)));
    QVERIFY(!ui::AddEnvironmentDialog::isSafeUrl(QUrl(u"ftp://127.0.0.1"_qs)));
}

// A kept environment whose management URL is plain http to another computer (an older version
// accepted it) is not signed in to: a banner says why; the entry stays in the settings.
void tst_AzureEnvironments::restoredPlainHttpEnvironmentIsNotOpened()
{
    const core::Environment environment = azureEnvironment(u"azure-plainhttp"_qs, u"Woodgrove (plain http)"_qs,
                                                           QUrl(u"http://management.woodgrove.example"_qs));
    QVERIFY(writeEnvironments(u"plainhttp.ini"_qs, { withAuthority(environment, m_entra.url()) }));
    const auto before = m_entra.received().size();
    Console console;
    QVERIFY(startConsole(console, u"plainhttp.ini"_qs));
    ui::BannerWidget *banner = console.signInBanner();
    QTRY_VERIFY(banner && banner->isVisible());
    QVERIFY2(banner->text().startsWith(u"Woodgrove (plain http) was not opened: its management URL"_qs),
             qPrintable(banner->text()));
    QVERIFY(banner->text().contains(u"http://management.woodgrove.example"_qs));
    QVERIFY(banner->findChild<QPushButton *>(u"bannerRetryPushButton"_qs)->isHidden());
    QVERIFY(!console.session->azureEnvironments()->client(environment.id));
    QCOMPARE(m_entra.received().size(), before); // no refresh token was sent anywhere
}

// An Azure entry in the settings that this version cannot read (here an unknown sign-in method)
// is named in a banner and stays in the settings, verbatim, when the list is saved again.
void tst_AzureEnvironments::unreadableEntriesAreNamedAndKeptOnSave()
{
    const core::Environment removable = azureEnvironment(u"azure-removable"_qs, u"Woodgrove (plain http)"_qs,
                                                         QUrl(u"http://management.woodgrove.example"_qs)); // never opened
    const QByteArray broken = R"json({"id":"azure-broken","kind":"azure","displayName":"Northwind (newer)","signIn":"passkey"})json";
    const QJsonArray list { QJsonDocument::fromJson(broken).object(), removable.toJson() };
    QVERIFY(writeEnvironments(u"unreadable.ini"_qs, list));
    Console console;
    QVERIFY(startConsole(console, u"unreadable.ini"_qs));
    auto *banner = console.window->findChild<ui::BannerWidget *>(u"environmentsSettingsBannerWidget"_qs);
    QVERIFY(banner);
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"could not be read"_qs) && banner->text().contains(u"Northwind (newer)"_qs),
             qPrintable(banner->text()));
    QCOMPARE(console.session->azureEnvironments()->ids(), QStringList { removable.id });

    // Removing the other environment saves the list: the unreadable entry is still there.
    ui::decisions::preAnswer(true);
    console.session->azureEnvironments()->removeInteractively(removable.id);
    QTRY_VERIFY(!console.session->azureEnvironments()->contains(removable.id));
    core::Settings reread(m_dir.filePath(u"unreadable.ini"_qs));
    const QJsonArray saved = QJsonDocument::fromJson(reread.value(core::settingkeys::environments)).array();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().toObject(), QJsonDocument::fromJson(broken).object());
}

// Removing an environment whose keys the keychain refuses to delete: said in a banner, and the
// refused key stays listed (so it can still be found), while the deleted one is un-listed.
void tst_AzureEnvironments::removeSaysWhichSecretsTheKeychainKept()
{
    const core::Environment environment = azureEnvironment(u"azure-keys"_qs, u"Tailspin (keys)"_qs,
                                                           QUrl(u"http://management.tailspin.example"_qs)); // never opened
    const QString refusedKey = environment.secretKey(u"subscription-key/master"_qs);
    const QString deletedKey = environment.secretKey(u"ml-key/demo"_qs);
    QVERIFY(writeEnvironments(u"keys.ini"_qs, { environment.toJson() }));
    {
        core::Settings settings(m_dir.filePath(u"keys.ini"_qs));
        const core::SettingKey<QByteArray> names { u"environments/secretNames"_qs, {} };
        QVERIFY(settings.setValue(names, QJsonDocument(QJsonObject { { environment.id, QJsonArray { refusedKey, deletedKey } } })
                                             .toJson(QJsonDocument::Compact)).ok());
        QVERIFY(settings.sync().ok());
    }
    QVERIFY(test::waitFor(m_secrets->write(refusedKey, u"kept-subscription-key"_qs)).ok());
    QVERIFY(test::waitFor(m_secrets->write(deletedKey, u"kept-ml-key"_qs)).ok());
    RefusingRemoves refusing(m_secrets.get(), { refusedKey });
    Console console;
    QVERIFY(startConsole(console, u"keys.ini"_qs, &refusing));
    ui::decisions::preAnswer(true);
    console.session->azureEnvironments()->removeInteractively(environment.id);
    QTRY_VERIFY(!console.session->azureEnvironments()->contains(environment.id));
    ui::BannerWidget *banner = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((banner = console.window->findChild<ui::BannerWidget *>(u"environmentsSettingsBannerWidget"_qs))
                                 && banner->isVisible(),
                             10000);
    QVERIFY2(banner->text().contains(u"could not be deleted"_qs) && banner->text().contains(refusedKey)
                 && banner->text().contains(u"Tailspin (keys)"_qs) && !banner->text().contains(deletedKey),
             qPrintable(banner->text()));
    QVERIFY(!test::waitFor(m_secrets->read(deletedKey)).ok());
    core::Settings reread(m_dir.filePath(u"keys.ini"_qs));
    const QByteArray listed = reread.value(core::SettingKey<QByteArray> { u"environments/secretNames"_qs, {} });
    QVERIFY2(listed.contains(refusedKey.toUtf8()) && !listed.contains(deletedKey.toUtf8()), listed.constData());
    QVERIFY(test::waitFor(m_secrets->remove(refusedKey)).ok());
}

void tst_AzureEnvironments::closingWhileTheSignInIsKeptLeavesNothingBehind_data()
{
    QTest::addColumn<bool>("destroyed");
    QTest::newRow("cancelled") << false;
    QTest::newRow("destroyed without cancel") << true;
}

// Signed in, the refresh token is on its way to the keychain, and the dialog is closed before the
// keychain answers: once it has, the token of the environment that was never added is removed.
void tst_AzureEnvironments::closingWhileTheSignInIsKeptLeavesNothingBehind()
{
    QFETCH(bool, destroyed);
    QVERIFY(loadEntra(m_entra, u"entra-device-code.json"_qs, Part::SignIn));
    HeldWrites held(m_secrets.get());
    auto *dialog = new ui::AddEnvironmentDialog(new QNetworkAccessManager(this), &held);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setEntraTimeScale(0.01);
    dialog->show();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"displayNameLineEdit"_qs), kName);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"tenantLineEdit"_qs), kTenant);
    dialog->findChild<QLineEdit *>(u"authorityLineEdit"_qs)->setText(m_entra.url().toString());
    dialog->findChild<QLineEdit *>(u"managementUrlLineEdit"_qs)->setText(m_arm.url().toString());
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInPushButton"_qs), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(held.heldKeys().size(), 1, 10000);
    const QString key = held.heldKeys().first();
    QVERIFY(key.endsWith(u"/entra-refresh-token"_qs));
    QPointer<ui::AddEnvironmentDialog> guard(dialog);
    if (destroyed)
        delete dialog;
    else
        dialog->reject(); // Cancel
    QTRY_VERIFY(!guard);
    QVERIFY(held.removed.isEmpty());
    held.release(); // the keychain answers now
    QTRY_VERIFY_WITH_TIMEOUT(held.removed.contains(key), 10000);
    QVERIFY(!test::waitFor(m_secrets->read(key)).ok());
    QCOMPARE(m_entra.remaining(), 0);
    QVERIFY2(m_entra.unmatched().isEmpty(), qPrintable(m_entra.unmatched().join(u", "_qs)));
}

// The Azure CLI's login (a stand-in `az` printing the CLI's token JSON, as in
// tst_environmentsession) and an account without subscriptions: said in words, nothing to add.
void tst_AzureEnvironments::dialogSignsInWithTheAzureCliAndSaysWhenThereIsNoSubscription()
{
    const QString az = test::writeAzureCliStandIn(m_dir.path());
    QVERIFY(!az.isEmpty());
    test::ReplayServer arm; // an account that sees no subscription (§4.2 empty list)
    QVERIFY(arm.start());
    arm.add(QJsonDocument::fromJson(R"({"request": {"method": "GET", "path": "/subscriptions"},
        "response": {"status": 200, "body": {"value": []}}})").object());

    ui::AddEnvironmentDialog dialog(new QNetworkAccessManager(this), m_secrets.get());
    dialog.setAzureCliProgram(az);
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"displayNameLineEdit"_qs), kName);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"tenantLineEdit"_qs), kTenant);
    auto *method = dialog.findChild<QComboBox *>(u"signInMethodComboBox"_qs);
    method->setCurrentIndex(1);
    QVERIFY(method->currentText().contains(u"Azure CLI"_qs));
    QVERIFY(!dialog.findChild<QLineEdit *>(u"clientIdLineEdit"_qs)->isEnabled());
    dialog.findChild<QLineEdit *>(u"managementUrlLineEdit"_qs)->setText(arm.url().toString());
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"signInPushButton"_qs), Qt::LeftButton);
    auto *message = dialog.findChild<QLabel *>(u"subscriptionMessageLabel"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible() && message->text().contains(u"no enabled Azure subscription"_qs), 10000);
    QVERIFY(!dialog.findChild<QPushButton *>(u"addEnvironmentPushButton"_qs)->isEnabled());
    QCOMPARE(arm.received().size(), 1);
    QCOMPARE(arm.received().first().header("Authorization"), QByteArray("Bearer cli-access-token"));
    QCOMPARE(test::azureCliStandInResources(m_dir.path()).last(), u"http://127.0.0.1:%1/"_qs.arg(arm.url().port()));
    dialog.reject();
}

void tst_AzureEnvironments::subscriptionAlreadyAddedIsNamedAndCannotBeAddedAgain_data()
{
    QTest::addColumn<QString>("storedTenant");
    QTest::addColumn<QString>("typedTenant");
    QTest::newRow("the same tenant id, typed in capitals") << kTenant << kTenant.toUpper();
    // ARM lists the subscription's tenant as its id: the domain kept for the environment does
    // not match it, and still the subscription is the same.
    QTest::newRow("kept as a domain, typed as its id") << u"contoso.onmicrosoft.com"_qs << kTenant;
    QTest::newRow("kept as its id, typed as a domain") << kTenant << u"Contoso.onmicrosoft.com"_qs;
}

// An environment shows the subscription already (here an Azure CLI one, restored at the start):
// adding it again is refused where the subscription is picked, naming that environment, however
// the tenant was typed for either; another subscription of the same account is still added with
// what the user typed.
void tst_AzureEnvironments::subscriptionAlreadyAddedIsNamedAndCannotBeAddedAgain()
{
    QFETCH(QString, storedTenant);
    QFETCH(QString, typedTenant);
    QVERIFY(!test::writeAzureCliStandIn(m_dir.path()).isEmpty());
    test::ReplayServer arm; // its own: this test's requests leave m_arm's repeat counts alone
    QVERIFY(arm.start());
    QVERIFY(arm.load(u"arm-azure-environment-console.json"_qs));
    const QString other = u"72ac930a-f34e-42d8-b06d-dc2a9e12ed71"_qs; // "Example Subscription2"
    arm.add(QJsonDocument::fromJson(R"({"request": {"method": "GET", "path": "/subscriptions/)" + other.toUtf8()
                                    + R"(/providers/Microsoft.ApiManagement/service"}, "repeat": 5,
        "response": {"status": 200, "body": {"value": []}}})").object());
    core::Environment existing = azureEnvironment(u"azure-existing"_qs, u"Contoso (CLI)"_qs, arm.url());
    existing.signIn = core::Environment::SignIn::AzureCli;
    existing.tenantId = storedTenant;
    const QString settingsName = u"duplicate-%1.ini"_qs.arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-');
    QVERIFY(writeEnvironments(settingsName, { existing.toJson() }));
    Console console;
    QVERIFY(startConsole(console, settingsName));
    QVERIFY(waitForService(console));

    console.window->findChild<QAction *>(u"addAzureEnvironmentAction"_qs)->trigger();
    ui::AddEnvironmentDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog()) != nullptr);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"displayNameLineEdit"_qs), u"Contoso second"_qs);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"tenantLineEdit"_qs), typedTenant); // the same tenant
    auto *method = dialog->findChild<QComboBox *>(u"signInMethodComboBox"_qs);
    method->setCurrentIndex(method->findText(u"Azure CLI"_qs, Qt::MatchContains));
    dialog->findChild<QLineEdit *>(u"managementUrlLineEdit"_qs)->setText(arm.url().toString() + u'/'); // the same cloud
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInPushButton"_qs), Qt::LeftButton);

    auto *subscriptions = dialog->findChild<QListWidget *>(u"subscriptionsListWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(subscriptions->isVisible() && subscriptions->count() == 3, 10000);
    auto *message = dialog->findChild<QLabel *>(u"subscriptionMessageLabel"_qs);
    auto *addButton = dialog->findChild<QPushButton *>(u"addEnvironmentPushButton"_qs);
    // The one already there is marked in the list; the next one is offered first.
    QCOMPARE(subscriptions->item(0)->text(),
             u"Example Subscription (%1), already added as “Contoso (CLI)”"_qs.arg(kSubscription));
    QCOMPARE(subscriptions->currentItem(), subscriptions->item(1));
    QVERIFY(addButton->isEnabled());
    QVERIFY(message->text().isEmpty());

    // The user picks it anyway: said next to the list, naming the environment; Add stays off,
    // and neither a double-click nor Enter adds it.
    const QRect first = subscriptions->visualItemRect(subscriptions->item(0));
    QTest::mouseClick(subscriptions->viewport(), Qt::LeftButton, {}, first.center());
    QCOMPARE(subscriptions->currentItem(), subscriptions->item(0));
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), u"The subscription “Example Subscription” is already in Portico as the environment "
                              "“Contoso (CLI)”. Choose another subscription, or cancel and use the existing "
                              "environment."_qs);
    QVERIFY(!addButton->isEnabled());
    QTest::mouseDClick(subscriptions->viewport(), Qt::LeftButton, {}, first.center());
    QTest::keyClick(subscriptions, Qt::Key_Return);
    QVERIFY(openDialog() == dialog);
    QCOMPARE(console.session->azureEnvironments()->ids(), QStringList { existing.id });

    // Another subscription: the message goes, and the environment is added as the user named it.
    QTest::mouseClick(subscriptions->viewport(), Qt::LeftButton, {},
                      subscriptions->visualItemRect(subscriptions->item(1)).center());
    QVERIFY(message->text().isEmpty());
    QVERIFY(addButton->isEnabled());
    QTest::mouseClick(addButton, Qt::LeftButton);
    QTRY_VERIFY(!openDialog());
    const QStringList ids = console.session->azureEnvironments()->ids();
    QCOMPARE(ids.size(), 2);
    const core::Environment *added = console.session->azureEnvironments()->environment(ids.last());
    QCOMPARE(added->displayName, u"Contoso second"_qs);
    QCOMPARE(added->subscriptionId, other);
    QCOMPARE(added->signIn, core::Environment::SignIn::AzureCli);
    Nav *nav = console.session->navigation();
    QTRY_COMPARE_WITH_TIMEOUT(nav->environmentIndex(ids.last()).data().toString(), u"Contoso second"_qs, 10000);
    QCOMPARE(nav->environmentIndex(existing.id).data().toString(), u"Contoso (CLI)"_qs);
    QVERIFY2(arm.unmatched().isEmpty(), qPrintable(arm.unmatched().join(u", "_qs)));
}

// Two Add dialogs open at once (the second one's list of existing environments predates the
// first one's environment): the first adds the subscription with the Azure CLI's login, the second
// signs in with a device code for the same subscription. No twin: the environment already there
// takes over the fresh sign-in (its refresh token is kept under that environment's id), says so
// in its banner, naming the subscription, and opens again.
void tst_AzureEnvironments::secondAddOfTheSameSubscriptionUpdatesItsSignInInsteadOfATwin()
{
    QVERIFY(!test::writeAzureCliStandIn(m_dir.path()).isEmpty());
    QVERIFY(loadEntra(m_entra, u"entra-device-code.json"_qs)); // the sign-in, then the refresh on opening
    test::ReplayServer arm;
    QVERIFY(arm.start());
    QVERIFY(arm.load(u"arm-azure-environment-console.json"_qs));
    Console console;
    QVERIFY(startConsole(console, u"takeover.ini"_qs));
    QAction *addAction = console.window->findChild<QAction *>(u"addAzureEnvironmentAction"_qs);
    addAction->trigger();
    addAction->trigger();
    QList<ui::AddEnvironmentDialog *> dialogs;
    QTRY_COMPARE((dialogs = console.window->findChildren<ui::AddEnvironmentDialog *>()).size(), 2);
    const auto fill = [this, &arm](ui::AddEnvironmentDialog *dialog, const QString &name, bool cli) {
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"displayNameLineEdit"_qs), name);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"tenantLineEdit"_qs), kTenant);
        auto *method = dialog->findChild<QComboBox *>(u"signInMethodComboBox"_qs);
        method->setCurrentIndex(method->findText(cli ? u"Azure CLI"_qs : u"Device code"_qs, Qt::MatchContains));
        dialog->findChild<QLineEdit *>(u"authorityLineEdit"_qs)->setText(m_entra.url().toString());
        dialog->findChild<QLineEdit *>(u"managementUrlLineEdit"_qs)->setText(arm.url().toString());
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInPushButton"_qs), Qt::LeftButton);
    };
    const auto addFirstSubscription = [](ui::AddEnvironmentDialog *dialog) {
        auto *addButton = dialog->findChild<QPushButton *>(u"addEnvironmentPushButton"_qs);
        if (!QTest::qWaitFor([addButton] { return addButton->isVisible() && addButton->isEnabled(); }, 10000))
            return false;
        auto *subscriptions = dialog->findChild<QListWidget *>(u"subscriptionsListWidget"_qs);
        if (subscriptions->currentItem()->data(Qt::UserRole).toString() != kSubscription)
            return false;
        QTest::mouseClick(addButton, Qt::LeftButton);
        return true;
    };

    QPointer<ui::AddEnvironmentDialog> first = dialogs.at(0);
    QPointer<ui::AddEnvironmentDialog> second = dialogs.at(1);
    fill(first, u"Contoso (CLI)"_qs, true);
    QVERIFY(addFirstSubscription(first));
    QTRY_VERIFY(!first);
    QVERIFY(waitForService(console));
    const QString id = environmentId(console);

    QSignalSpy ready(second.data(), &ui::AddEnvironmentDialog::environmentReady);
    fill(second, u"Contoso again"_qs, false);
    QVERIFY(addFirstSubscription(second));
    QTRY_VERIFY(!second);
    QCOMPARE(ready.size(), 1);
    const QString freshId = ready.first().first().value<core::Environment>().id;
    QVERIFY(freshId != id);

    // One environment, as it was named, now signing in with the device code.
    ui::BannerWidget *banner = console.signInBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner && banner->isVisible(), 10000);
    QCOMPARE(banner->text(), u"The subscription “%1” is already in Portico as the environment “Contoso (CLI)”, so it "
                             "was not added a second time; “Contoso (CLI)” now uses the new sign-in."_qs.arg(kSubscription));
    QCOMPARE(console.session->azureEnvironments()->ids(), QStringList { id });
    QVERIFY(waitForService(console));
    Nav *nav = console.session->navigation();
    QCOMPARE(nav->rowCount(), 2);
    QCOMPARE(nav->environmentIndex(id).data().toString(), u"Contoso (CLI)"_qs);
    const core::Environment *kept = console.session->azureEnvironments()->environment(id);
    QCOMPARE(kept->signIn, core::Environment::SignIn::DeviceCode);
    // The fresh refresh token is the environment's now; none stays behind for the twin's id.
    const auto token = test::waitFor(m_secrets->read(id + u"/entra-refresh-token"_qs));
    QVERIFY(token.ok() && token.value().startsWith(u"0.AAAA-"_qs));
    QVERIFY(!test::waitFor(m_secrets->read(freshId + u"/entra-refresh-token"_qs)).ok());
    core::Settings reread(m_dir.filePath(u"takeover.ini"_qs));
    const QJsonArray saved = QJsonDocument::fromJson(reread.value(core::settingkeys::environments)).array();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().toObject().value(u"id"_qs).toString(), id);
    QCOMPARE(saved.first().toObject().value(u"signIn"_qs).toString(), u"deviceCode"_qs);
    QCOMPARE(m_entra.remaining(), 0);
    QVERIFY2(m_entra.unmatched().isEmpty(), qPrintable(m_entra.unmatched().join(u", "_qs)));
    QVERIFY2(arm.unmatched().isEmpty(), qPrintable(arm.unmatched().join(u", "_qs)));
    (void)test::waitFor(m_secrets->remove(id + u"/entra-refresh-token"_qs));
}

void tst_AzureEnvironments::duplicatesInTheSettingsAreRestoredOnceWithTheirSecrets_data()
{
    QTest::addColumn<QString>("twinId");
    QTest::addColumn<QString>("lastUsed");
    QTest::addColumn<QString>("keptId");
    QTest::newRow("twin with its own id") << u"azure-twin"_qs << QString() << u"azure-first"_qs;
    QTest::newRow("twin with the same id") << u"azure-first"_qs << QString() << u"azure-first"_qs;
    QTest::newRow("the twin was used last") << u"azure-twin"_qs << u"azure-twin"_qs << u"azure-twin"_qs;
}

// An older version left the subscription twice in the settings (here with the tenant once as a
// domain and the management URL once with a trailing slash). It is restored once, the one used
// last or else the first, with a banner naming the subscription; the settings are written back
// with one entry; the kept one's refresh token stays, and a subscription key kept for the twin
// moves to it; nothing stays behind for the twin.
void tst_AzureEnvironments::duplicatesInTheSettingsAreRestoredOnceWithTheirSecrets()
{
    QFETCH(QString, twinId);
    QFETCH(QString, lastUsed);
    QFETCH(QString, keptId);
    test::ReplayServer arm;
    QVERIFY(arm.start());
    QVERIFY(arm.load(u"arm-azure-environment-console.json"_qs));
    QVERIFY(loadEntra(m_entra, u"entra-device-code.json"_qs, Part::Refresh)); // the kept one opens
    core::Environment first = azureEnvironment(u"azure-first"_qs, u"Contoso"_qs, arm.url());
    core::Environment twin = azureEnvironment(twinId, u"Contoso (older copy)"_qs, QUrl(arm.url().toString() + u'/'));
    (keptId == first.id ? twin : first).tenantId = u"contoso.onmicrosoft.com"_qs; // the one dropped
    const QString settingsName = u"twins-%1.ini"_qs.arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-');
    QVERIFY(writeEnvironments(settingsName, { withAuthority(first, m_entra.url()), withAuthority(twin, m_entra.url()) }));
    const QString droppedId = keptId == first.id ? twin.id : first.id;
    const QString keptName = keptId == first.id ? first.displayName : twin.displayName;
    const QString keptToken = u"0.AAAA-kept-refresh-token"_qs;
    const QString twinKey = twinId + u"/subscription-key/master"_qs;
    QVERIFY(test::waitFor(m_secrets->write(keptId + u"/entra-refresh-token"_qs, keptToken)).ok());
    if (droppedId != keptId)
        QVERIFY(test::waitFor(m_secrets->write(droppedId + u"/entra-refresh-token"_qs, u"0.AAAA-twin-token"_qs)).ok());
    QVERIFY(test::waitFor(m_secrets->write(twinKey, u"twin-subscription-key"_qs)).ok());
    {
        core::Settings settings(m_dir.filePath(settingsName));
        const core::SettingKey<QByteArray> names { u"environments/secretNames"_qs, {} };
        QVERIFY(settings.setValue(names, QJsonDocument(QJsonObject { { twinId, QJsonArray { twinKey } } })
                                             .toJson(QJsonDocument::Compact)).ok());
        if (!lastUsed.isEmpty())
            QVERIFY(settings.setValue(core::settingkeys::lastEnvironmentId, lastUsed).ok());
        QVERIFY(settings.sync().ok());
    }

    const int refreshesWithKeptToken = countRequests(m_entra, u"refresh_token="_qs + keptToken);
    Console console;
    QVERIFY(startConsole(console, settingsName));
    QVERIFY(waitForService(console));
    QCOMPARE(console.session->azureEnvironments()->ids(), QStringList { keptId });
    Nav *nav = console.session->navigation();
    QCOMPARE(nav->rowCount(), 2);
    QCOMPARE(nav->environmentIndex(keptId).data().toString(), keptName);
    auto *banner = console.window->findChild<ui::BannerWidget *>(u"environmentsSettingsBannerWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(banner && banner->isVisible(), 10000);
    QCOMPARE(banner->text(), u"1 subscription(s) were listed more than once in the settings (left by an older "
                             "version of Portico); Portico now keeps one environment for each: “%1” (%2)."_qs
                                 .arg(keptName, kSubscription));

    // Written back once per subscription; no secret in the file.
    core::Settings reread(m_dir.filePath(settingsName));
    const QJsonArray saved = QJsonDocument::fromJson(reread.value(core::settingkeys::environments)).array();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().toObject().value(u"id"_qs).toString(), keptId);
    QFile ini(m_dir.filePath(settingsName));
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray file = ini.readAll();
    QVERIFY2(!file.contains("0.AAAA-") && !file.contains("twin-subscription-key"), file.constData());
    // The kept one signed in with its own refresh token (which Entra ID then rotated), not the
    // twin's; the twin's key is the kept one's now, and listed for it.
    QCOMPARE(countRequests(m_entra, u"refresh_token="_qs + keptToken), refreshesWithKeptToken + 1);
    QCOMPARE(countRequests(m_entra, u"refresh_token=0.AAAA-twin-token"_qs), 0);
    QCOMPARE(test::waitFor(m_secrets->read(keptId + u"/entra-refresh-token"_qs)).value(),
             u"0.AAAA-second-refresh-token"_qs);
    const QString keptKey = keptId + u"/subscription-key/master"_qs;
    QCOMPARE(test::waitFor(m_secrets->read(keptKey)).value(), u"twin-subscription-key"_qs);
    if (droppedId != keptId) {
        QVERIFY(!test::waitFor(m_secrets->read(droppedId + u"/entra-refresh-token"_qs)).ok());
        QVERIFY(!test::waitFor(m_secrets->read(droppedId + u"/subscription-key/master"_qs)).ok());
    }
    const QByteArray listed = reread.value(core::SettingKey<QByteArray> { u"environments/secretNames"_qs, {} });
    QCOMPARE(QJsonDocument::fromJson(listed).object(), (QJsonObject { { keptId, QJsonArray { keptKey } } }));
    QCOMPARE(m_entra.remaining(), 0);
    QVERIFY2(arm.unmatched().isEmpty(), qPrintable(arm.unmatched().join(u", "_qs)));
    (void)test::waitFor(m_secrets->remove(keptId + u"/entra-refresh-token"_qs));
    (void)test::waitFor(m_secrets->remove(keptKey));
}

// A twin's key that the keychain will not delete (a locked or read-only keyring): the kept
// environment gets its copy all the same, and the banner names the key left behind, which stays
// listed so that it can still be found.
void tst_AzureEnvironments::duplicateSecretTheKeychainKeepsIsNamed()
{
    core::Environment kept = azureEnvironment(u"azure-cli-kept"_qs, u"Contoso (CLI)"_qs,
                                              QUrl(u"http://management.contoso.example"_qs)); // never opened
    kept.signIn = core::Environment::SignIn::AzureCli;
    const core::Environment twin = azureEnvironment(u"azure-cli-twin"_qs, u"Contoso (copy)"_qs, kept.managementUrl);
    const QString twinKey = twin.secretKey(u"subscription-key/master"_qs);
    QVERIFY(writeEnvironments(u"twins-refused.ini"_qs, { kept.toJson(), twin.toJson() }));
    {
        core::Settings settings(m_dir.filePath(u"twins-refused.ini"_qs));
        const core::SettingKey<QByteArray> names { u"environments/secretNames"_qs, {} };
        QVERIFY(settings.setValue(names, QJsonDocument(QJsonObject { { twin.id, QJsonArray { twinKey } } })
                                             .toJson(QJsonDocument::Compact)).ok());
        QVERIFY(settings.sync().ok());
    }
    QVERIFY(test::waitFor(m_secrets->write(twinKey, u"twin-subscription-key"_qs)).ok());
    RefusingRemoves refusing(m_secrets.get(), { twinKey });
    Console console;
    QVERIFY(startConsole(console, u"twins-refused.ini"_qs, &refusing));
    QCOMPARE(console.session->azureEnvironments()->ids(), QStringList { kept.id });
    ui::BannerWidget *banner = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((banner = console.window->findChild<ui::BannerWidget *>(u"environmentsSettingsBannerWidget"_qs))
                                 && banner->isVisible(),
                             10000);
    QVERIFY2(banner->text().contains(u"“Contoso (CLI)” (%1)"_qs.arg(kSubscription))
                 && banner->text().contains(u"could not be moved or deleted"_qs) && banner->text().contains(twinKey),
             qPrintable(banner->text()));
    QCOMPARE(test::waitFor(m_secrets->read(kept.secretKey(u"subscription-key/master"_qs))).value(),
             u"twin-subscription-key"_qs);
    QCOMPARE(test::waitFor(m_secrets->read(twinKey)).value(), u"twin-subscription-key"_qs);
    core::Settings reread(m_dir.filePath(u"twins-refused.ini"_qs));
    QCOMPARE(QJsonDocument::fromJson(reread.value(core::settingkeys::environments)).array().size(), 1);
    const QByteArray listed = reread.value(core::SettingKey<QByteArray> { u"environments/secretNames"_qs, {} });
    QVERIFY2(listed.contains(twinKey.toUtf8()), listed.constData());
    (void)test::waitFor(m_secrets->remove(twinKey));
    (void)test::waitFor(m_secrets->remove(kept.secretKey(u"subscription-key/master"_qs)));
}

// An environment added with the Azure CLI's login, then the console is closed and started again
// with the same settings: it opens without any dialog or banner, its root lists the service, the
// token comes from a new run of `az` (for the environment's tenant), and ARM gets that token.
void tst_AzureEnvironments::restartOpensAnAzureCliEnvironmentSilently()
{
    QVERIFY(!test::writeAzureCliStandIn(m_dir.path()).isEmpty());
    test::ReplayServer arm;
    QVERIFY(arm.start());
    QVERIFY(arm.load(u"arm-azure-environment-console.json"_qs));
    const auto entraBefore = m_entra.received().size();
    {
        Console console;
        QVERIFY(startConsole(console, u"cli.ini"_qs));
        console.window->findChild<QAction *>(u"addAzureEnvironmentAction"_qs)->trigger();
        ui::AddEnvironmentDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = openDialog()) != nullptr);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"displayNameLineEdit"_qs), kName);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"tenantLineEdit"_qs), kTenant);
        auto *method = dialog->findChild<QComboBox *>(u"signInMethodComboBox"_qs);
        method->setCurrentIndex(method->findText(u"Azure CLI"_qs, Qt::MatchContains));
        dialog->findChild<QLineEdit *>(u"managementUrlLineEdit"_qs)->setText(arm.url().toString());
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInPushButton"_qs), Qt::LeftButton);
        auto *addButton = dialog->findChild<QPushButton *>(u"addEnvironmentPushButton"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(addButton->isVisible() && addButton->isEnabled(), 10000);
        QCOMPARE(dialog->findChild<QListWidget *>(u"subscriptionsListWidget"_qs)->currentItem()->data(Qt::UserRole).toString(),
                 kSubscription);
        QTest::mouseClick(addButton, Qt::LeftButton);
        QTRY_VERIFY(!openDialog());
        QVERIFY(waitForService(console));
    } // the console closes

    QFile ini(m_dir.filePath(u"cli.ini"_qs));
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray kept = ini.readAll();
    QVERIFY2(kept.contains("azureCli") && !kept.contains("cli-access-token"), kept.constData());
    const auto callsBefore = test::azureCliStandInCalls(m_dir.path()).size();
    const auto armBefore = arm.received().size();

    Console console;
    QVERIFY(startConsole(console, u"cli.ini"_qs));
    QVERIFY(waitForService(console));
    const QString id = environmentId(console);
    Nav *nav = console.session->navigation();
    QCOMPARE(nav->rowCount(), 2);
    QCOMPARE(nav->environmentIndex(id).data().toString(), kName);
    QVERIFY(!openDialog());
    QVERIFY(console.signInBanner()->isHidden());
    // The token was asked of `az` again, for the environment's tenant; Entra ID was not asked.
    const QStringList calls = test::azureCliStandInCalls(m_dir.path());
    QCOMPARE(calls.size(), callsBefore + 1);
    QVERIFY2(calls.last().startsWith(u"account get-access-token"_qs) && calls.last().contains(u"--tenant "_qs + kTenant),
             qPrintable(calls.last()));
    // Both runs (the dialog's and the restored environment's) asked for the environment's ARM.
    const QStringList resources = test::azureCliStandInResources(m_dir.path());
    const QString resource = u"http://127.0.0.1:%1/"_qs.arg(arm.url().port());
    QCOMPARE(resources.mid(callsBefore - 1), (QStringList { resource, resource }));
    QCOMPARE(m_entra.received().size(), entraBefore);
    // Every ARM call since the restart carried that token.
    QVERIFY(arm.received().size() > armBefore);
    for (auto i = armBefore; i < arm.received().size(); ++i)
        QCOMPARE(arm.received().at(i).header("Authorization"), QByteArray("Bearer cli-access-token"));
    QVERIFY2(arm.unmatched().isEmpty(), qPrintable(arm.unmatched().join(u", "_qs)));
}

void tst_AzureEnvironments::addsAnEnvironmentAndEditsItsApiThroughTheSamePanels()
{
    QVERIFY(loadEntra(m_entra, u"entra-device-code.json"_qs));
    Console console;
    QVERIFY(startConsole(console));
    const int entraBefore = int(m_entra.received().size());

    // Environment → Add Azure environment…
    QAction *add = console.window->findChild<QAction *>(u"addAzureEnvironmentAction"_qs);
    QVERIFY(add && add->isEnabled());
    add->trigger();
    ui::AddEnvironmentDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog()) != nullptr);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"displayNameLineEdit"_qs), kName);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"tenantLineEdit"_qs), kTenant);
    dialog->findChild<QLineEdit *>(u"authorityLineEdit"_qs)->setText(m_entra.url().toString());
    dialog->findChild<QLineEdit *>(u"managementUrlLineEdit"_qs)->setText(m_arm.url().toString());
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInPushButton"_qs), Qt::LeftButton);

    // The device code and where to enter it, selectable and copyable.
    auto *code = dialog->findChild<QLineEdit *>(u"userCodeLineEdit"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(code->text(), u"GBKR7CZ4L"_qs, 10000);
    QCOMPARE(dialog->findChild<QLineEdit *>(u"verificationUrlLineEdit"_qs)->text(), u"https://www.microsoft.com/link"_qs);
    QVERIFY(code->isReadOnly());

    // Signed in: the account's subscriptions, the disabled one not selectable.
    auto *subscriptions = dialog->findChild<QListWidget *>(u"subscriptionsListWidget"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(subscriptions->isVisible() && subscriptions->count() == 3, 10000);
    QVERIFY(subscriptions->item(0)->text().contains(u"Example Subscription"_qs));
    QVERIFY(!(subscriptions->item(2)->flags() & Qt::ItemIsEnabled));
    QCOMPARE(subscriptions->currentItem()->data(Qt::UserRole).toString(), kSubscription);
    // The device code went to the tenant the user named.
    QCOMPARE(m_entra.received().at(entraBefore).path, u'/' + kTenant + u"/oauth2/v2.0/devicecode"_qs);
    // For the ARM the user named (here the replay server, not management.azure.com).
    QCOMPARE(m_entra.received().at(entraBefore).formField(u"scope"_qs), armScopeOf(m_arm));
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"addEnvironmentPushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY(!openDialog());

    // A second root next to portico-local, listing the subscription's services.
    QVERIFY(waitForService(console));
    const QString id = environmentId(console);
    Nav *nav = console.session->navigation();
    QCOMPARE(nav->rowCount(), 2);
    QCOMPARE(nav->index(0, 0).data(Nav::NameRole).toString(), u"local"_qs);
    QCOMPARE(nav->environmentIndex(id).data().toString(), kName);

    // Kept in the settings without any token; the refresh token is in the keychain.
    const QByteArray ini = settingsFile();
    QVERIFY2(ini.contains(kSubscription.toUtf8()), ini.constData());
    QVERIFY(!ini.contains("refresh-token") && !ini.contains("access-token") && !ini.contains("eyJ0eX"));
    const auto stored = test::waitFor(m_secrets->read(id + u"/entra-refresh-token"_qs));
    QVERIFY(stored.ok() && stored.value().startsWith(u"0.AAAA-"_qs));

    // Its API opens in the publisher's API editor; a change is saved to Azure.
    console.window->setMode(ui::MainWindow::Mode::Publisher);
    QTreeView *tree = console.window->navigationView();
    const QModelIndex service = nav->childByName(nav->environmentIndex(id), u"apimService1"_qs);
    tree->expand(console.proxy(service));
    QTRY_VERIFY(nav->folder(service, Nav::Kind::ApisFolder).isValid());
    const QModelIndex apis = nav->folder(service, Nav::Kind::ApisFolder);
    tree->expand(console.proxy(apis));
    QTRY_VERIFY_WITH_TIMEOUT(nav->childByName(apis, u"echo-api"_qs).isValid(), 10000);
    tree->setCurrentIndex(console.proxy(nav->childByName(apis, u"echo-api"_qs)));
    QCOMPARE(console.session->environmentId(), id);
    QCOMPARE(console.session->serviceId(), kService);
    QCOMPARE(console.session->publisherWorkspace()->currentPage(), ui::PublisherWorkspace::Page::Api);
    QLineEdit *displayName = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((displayName = findVisible<QLineEdit>(u"displayNameLineEdit"_qs)) != nullptr
                                 && displayName->text() == u"Echo API"_qs,
                             10000);
    displayName->selectAll();
    QTest::keyClicks(displayName, u"Echo API (Azure)"_qs);
    QTest::mouseClick(findVisible<QPushButton>(u"apiSavePushButton"_qs), Qt::LeftButton);
    const auto isPut = [](const test::ReplayServer::Received &r) { return r.method == "PUT"; };
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(m_arm.received().cbegin(), m_arm.received().cend(), isPut), 10000);
    const auto put = *std::find_if(m_arm.received().cbegin(), m_arm.received().cend(), isPut);
    QCOMPARE(put.path, kService + u"/apis/echo-api"_qs);
    const QJsonObject sent = QJsonDocument::fromJson(put.body).object().value(u"properties"_qs).toObject();
    QCOMPARE(sent.value(u"displayName"_qs).toString(), u"Echo API (Azure)"_qs);
    QCOMPARE(sent.value(u"path"_qs).toString(), u"echo"_qs);
    // With the Azure sign-in's token, not portico-local's.
    QVERIFY(put.header("Authorization").startsWith("Bearer eyJ0eXAiOiJKV1Qi"));
    QTRY_VERIFY(!findVisible<QLabel>(u"apiDirtyLabel"_qs) || findVisible<QLabel>(u"apiDirtyLabel"_qs)->text().isEmpty());
    QVERIFY2(m_arm.unmatched().isEmpty(), qPrintable(m_arm.unmatched().join(u", "_qs)));
    // Every token request of the sign-in asked for that ARM.
    const QStringList scopes = scopesAsked(m_entra, entraBefore);
    QVERIFY(!scopes.isEmpty());
    QCOMPARE(scopes, QStringList(scopes.size(), armScopeOf(m_arm)));
    QVERIFY2(m_entra.unmatched().isEmpty(), qPrintable(m_entra.unmatched().join(u", "_qs)));
}

void tst_AzureEnvironments::restartSignsInSilently()
{
    // A new console with the same settings and keychain: one refresh_token grant, no device code.
    QVERIFY(loadEntra(m_entra, u"entra-device-code.json"_qs, Part::Refresh));
    const int devicecodes = countRequests(m_entra, u"device_code"_qs);
    const int refreshes = countRequests(m_entra, u"grant_type=refresh_token"_qs);
    Console console;
    QVERIFY(startConsole(console));
    QVERIFY(waitForService(console));
    QCOMPARE(countRequests(m_entra, u"grant_type=refresh_token"_qs), refreshes + 1);
    QCOMPARE(countRequests(m_entra, u"device_code"_qs), devicecodes);
    // The restored environment's refresh asked for its own ARM's scope.
    QCOMPARE(m_entra.received().last().formField(u"grant_type"_qs), u"refresh_token"_qs);
    QCOMPARE(m_entra.received().last().formField(u"scope"_qs), armScopeOf(m_arm));
    QVERIFY(!openDialog());
    QVERIFY(console.signInBanner()->isHidden());
    QVERIFY2(m_entra.unmatched().isEmpty(), qPrintable(m_entra.unmatched().join(u", "_qs)));
}

void tst_AzureEnvironments::revokedSignInShowsABannerAndSignInAgainRecovers()
{
    QVERIFY(loadEntra(m_entra, u"entra-refresh-expired.json"_qs));
    Console console;
    QVERIFY(startConsole(console));
    const QString id = environmentId(console);
    QVERIFY(!id.isEmpty());
    ui::BannerWidget *banner = console.signInBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
    QVERIFY2(banner->text().startsWith(u"Sign-in to Contoso (replay) expired. Entra ID no longer accepts the kept "
                                       "sign-in (it expired or was revoked); sign in again. Entra ID said: “"_qs),
             qPrintable(banner->text()));
    auto *again = banner->findChild<QPushButton *>(u"bannerRetryPushButton"_qs);
    QVERIFY(again->isVisible());
    QCOMPARE(again->text(), u"Sign &in again"_qs);
    // Not a silently empty tree: the environment's root says that loading failed.
    Nav *nav = console.session->navigation();
    const QModelIndex root = nav->environmentIndex(id);
    QTRY_COMPARE(root.data(Nav::LoadStateRole).value<Nav::LoadState>(), Nav::LoadState::Failed);
    QVERIFY2(console.proxy(root).data().toString().contains(u"could not load"_qs), // the label says so
             qPrintable(console.proxy(root).data().toString()));

    // Sign in again: the device code flow for the same environment, then its services.
    QVERIFY(loadEntra(m_entra, u"entra-device-code.json"_qs, Part::SignIn));
    QTest::mouseClick(again, Qt::LeftButton);
    ui::AddEnvironmentDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog()) != nullptr);
    QVERIFY(!dialog->findChild<QLineEdit *>(u"tenantLineEdit"_qs)->isEnabled()); // the same environment
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInPushButton"_qs), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->findChild<QLineEdit *>(u"userCodeLineEdit"_qs)->text(), u"GBKR7CZ4L"_qs, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!openDialog(), 10000);
    QVERIFY(banner->isHidden());
    QVERIFY(waitForService(console));
    QCOMPARE(nav->environmentIndex(id).data(Nav::LoadStateRole).value<Nav::LoadState>(), Nav::LoadState::Loaded);
    QVERIFY2(m_entra.unmatched().isEmpty(), qPrintable(m_entra.unmatched().join(u", "_qs)));
}

// ARM answers 401 while the user works; the forced refresh is refused (invalid_grant): the banner,
// not an empty folder, and Sign in again reloads what failed.
void tst_AzureEnvironments::unauthorizedDuringUseShowsTheBanner()
{
    QVERIFY(loadEntra(m_entra, u"entra-device-code.json"_qs, Part::Refresh)); // the silent start
    QVERIFY(loadEntra(m_entra, u"entra-refresh-expired.json"_qs));            // the forced refresh
    // apim-protocol.md §1: 401 with the ARM envelope, code InvalidAuthenticationToken (message
    // ours); then §3.6 UserContract as a list returns it (§4.2).
    const QString users = kService + u"/users"_qs;
    const auto exchange = [](const QString &path, const QByteArray &response) {
        QJsonObject e = QJsonDocument::fromJson(response).object();
        e.insert(u"request"_qs, QJsonObject { { u"method"_qs, u"GET"_qs }, { u"path"_qs, path } });
        return e;
    };
    m_arm.add(exchange(users, R"({"response": {"status": 401, "body": {"error": {
        "code": "InvalidAuthenticationToken", "message": "The access token has expired."}}}})"));
    m_arm.add(exchange(users, QByteArray(R"({"repeat": 10, "response": {"status": 200, "body": {"count": 1,
        "nextLink": "", "value": [{"id": ")") + users.toUtf8() + R"(/1",
        "type": "Microsoft.ApiManagement/service/users", "name": "1", "properties": {
        "firstName": "Administrator", "lastName": "", "email": "admin@contoso.com", "state": "active"}}]}}})"));
    m_arm.add(exchange(users + u"/1"_qs, QByteArray(R"({"repeat": 10, "response": {"status": 200, "body": {"id": ")")
                                             + users.toUtf8() + R"(/1", "type": "Microsoft.ApiManagement/service/users",
        "name": "1", "properties": {"firstName": "Administrator", "lastName": "", "email": "admin@contoso.com",
        "state": "active"}}}})"));
    // The console starts on the environment's root, not on the service an earlier test worked
    // in: the recorded exchanges are those of a console whose panels load nothing meanwhile.
    {
        core::Settings settings(m_dir.filePath(u"settings.ini"_qs));
        settings.remove(core::settingkeys::lastServiceId);
        QVERIFY(settings.sync().ok());
    }

    Console console;
    QVERIFY(startConsole(console));
    QVERIFY(waitForService(console));
    const QString id = environmentId(console);
    Nav *nav = console.session->navigation();
    ui::BannerWidget *banner = console.signInBanner();
    QVERIFY(banner->isHidden());
    const QModelIndex service = nav->childByName(nav->environmentIndex(id), u"apimService1"_qs);
    console.window->navigationView()->expand(console.proxy(service));
    QTRY_VERIFY(nav->folder(service, Nav::Kind::UsersFolder).isValid());
    const QModelIndex usersFolder = nav->folder(service, Nav::Kind::UsersFolder);
    console.window->navigationView()->expand(console.proxy(usersFolder));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    QVERIFY2(banner->text().startsWith(u"Sign-in to Contoso (replay) expired."_qs), qPrintable(banner->text()));
    QTRY_COMPARE(usersFolder.data(Nav::LoadStateRole).value<Nav::LoadState>(), Nav::LoadState::Failed);

    QVERIFY(loadEntra(m_entra, u"entra-device-code.json"_qs, Part::SignIn));
    QTest::mouseClick(banner->findChild<QPushButton *>(u"bannerRetryPushButton"_qs), Qt::LeftButton);
    ui::AddEnvironmentDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = openDialog()) != nullptr);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"signInPushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!openDialog(), 10000);
    QVERIFY(banner->isHidden());
    const QModelIndex again = nav->folder(nav->childByName(nav->environmentIndex(id), u"apimService1"_qs),
                                          Nav::Kind::UsersFolder);
    QTRY_VERIFY_WITH_TIMEOUT(nav->childByName(again, u"1"_qs).isValid(), 10000);
    QVERIFY2(m_entra.unmatched().isEmpty(), qPrintable(m_entra.unmatched().join(u", "_qs)));
    QVERIFY2(m_arm.unmatched().isEmpty(), qPrintable(m_arm.unmatched().join(u", "_qs)));
}

// ARM answers 401, the forced refresh succeeds, and ARM still answers 401 (access revoked for
// this account): the same "Sign-in expired" banner with Sign in again, not a silent failure.
void tst_AzureEnvironments::unauthorizedAfterAFreshTokenShowsTheBanner()
{
    QVERIFY(loadEntra(m_entra, u"entra-device-code.json"_qs, Part::Refresh)); // the silent start
    QVERIFY(loadEntra(m_entra, u"entra-device-code.json"_qs, Part::Refresh)); // the forced refresh
    const QString groups = kService + u"/groups"_qs;
    QJsonObject refused = QJsonDocument::fromJson(R"({"repeat": 2, "response": {"status": 401, "body": {"error": {
        "code": "InvalidAuthenticationToken", "message": "The access token is invalid."}}}})").object();
    refused.insert(u"request"_qs, QJsonObject { { u"method"_qs, u"GET"_qs }, { u"path"_qs, groups } });
    m_arm.add(refused);

    Console console;
    QVERIFY(startConsole(console));
    QVERIFY(waitForService(console));
    const QString id = environmentId(console);
    Nav *nav = console.session->navigation();
    ui::BannerWidget *banner = console.signInBanner();
    QVERIFY(banner->isHidden());
    const int refreshes = countRequests(m_entra, u"grant_type=refresh_token"_qs);
    const QModelIndex service = nav->childByName(nav->environmentIndex(id), u"apimService1"_qs);
    console.window->navigationView()->expand(console.proxy(service));
    QTRY_VERIFY(nav->folder(service, Nav::Kind::GroupsFolder).isValid());
    const QModelIndex groupsFolder = nav->folder(service, Nav::Kind::GroupsFolder);
    console.window->navigationView()->expand(console.proxy(groupsFolder));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    // One translated sentence; Azure's own words only as the detail at the end.
    QCOMPARE(banner->text(), u"Sign-in to Contoso (replay) expired. Azure refused even a freshly obtained token; "
                             "sign in again, with an account that has access to the subscription. Azure said: "
                             "“The access token is invalid.”"_qs);
    QCOMPARE(banner->findChild<QPushButton *>(u"bannerRetryPushButton"_qs)->text(), u"Sign &in again"_qs);
    QCOMPARE(countRequests(m_entra, u"grant_type=refresh_token"_qs), refreshes + 1); // it did refresh
    QTRY_COMPARE(groupsFolder.data(Nav::LoadStateRole).value<Nav::LoadState>(), Nav::LoadState::Failed);
    QCOMPARE(m_entra.remaining(), 0);
    QVERIFY2(m_arm.unmatched().isEmpty(), qPrintable(m_arm.unmatched().join(u", "_qs)));
}

void tst_AzureEnvironments::serviceWizardOffersTheAzureEnvironment()
{
    QVERIFY(loadEntra(m_entra, u"entra-device-code.json"_qs, Part::Refresh));
    { // the user was on portico-local last time
        core::Settings settings(m_dir.filePath(u"settings.ini"_qs));
        QVERIFY(settings.setValue(core::settingkeys::lastEnvironmentId, u"local"_qs).ok());
        QVERIFY(settings.sync().ok());
    }
    Console console;
    QVERIFY(startConsole(console));
    QVERIFY(waitForService(console));
    QCOMPARE(console.session->environmentId(), u"local"_qs);
    const QString localService = console.session->serviceId();
    core::ArmClient *localClient = console.session->publisher()->client();
    console.window->findChild<QAction *>(u"newServiceAction"_qs)->trigger();
    ui::ServiceWizard *wizard = nullptr;
    QTRY_VERIFY((wizard = console.window->findChild<ui::ServiceWizard *>()) != nullptr);
    auto *environments = wizard->findChild<QComboBox *>(u"environmentComboBox"_qs);
    QCOMPARE(environments->count(), 2);
    environments->setCurrentIndex(environments->findText(kName));
    // The wizard works on the chosen environment; the console stays where it was.
    QCOMPARE(console.session->environmentId(), u"local"_qs);
    QCOMPARE(console.session->serviceId(), localService);
    QCOMPARE(console.session->publisher()->client(), localClient);
    QTest::mouseClick(wizard->findChild<QPushButton *>(u"wizardNextPushButton"_qs), Qt::LeftButton);
    QTest::keyClicks(wizard->findChild<QLineEdit *>(u"instanceNameLineEdit"_qs), u"contosoapim"_qs);
    auto *next = wizard->findChild<QPushButton *>(u"wizardNextPushButton"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 10000); // the name check answered through Azure
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ui::ServiceWizard::AzurePageId));
    // Only the environment's subscription, and its resource groups and regions.
    auto *subscription = wizard->findChild<QComboBox *>(u"subscriptionComboBox"_qs);
    QTRY_COMPARE(subscription->count(), 1);
    QCOMPARE(subscription->currentData().toString(), kSubscription);
    auto *groups = wizard->findChild<QComboBox *>(u"resourceGroupComboBox"_qs);
    QTRY_COMPARE(groups->count(), 2);
    QCOMPARE(groups->itemData(0).toString(), u"rg1"_qs);
    // Every region of the subscription (its own list), not only those of its groups.
    QTRY_VERIFY(wizard->findChild<QComboBox *>(u"regionComboBox"_qs)->findData(u"westeurope"_qs) >= 0);
    QVERIFY(wizard->findChild<QComboBox *>(u"regionComboBox"_qs)->findData(u"swedencentral"_qs) >= 0);
    const auto isCheck = [](const test::ReplayServer::Received &r) { return r.path.endsWith(u"/checkNameAvailability"_qs); };
    const auto check = std::find_if(m_arm.received().cbegin(), m_arm.received().cend(), isCheck);
    QVERIFY(check != m_arm.received().cend());
    QCOMPARE(check->path, u"/subscriptions/"_qs + kSubscription + u"/providers/Microsoft.ApiManagement/checkNameAvailability"_qs);
    wizard->reject();
    // Cancelled: the console still works on portico-local's service.
    QCOMPARE(console.session->environmentId(), u"local"_qs);
    QCOMPARE(console.session->serviceId(), localService);
    QCOMPARE(console.session->publisher()->client(), localClient);
    QCOMPARE(console.session->publisher()->serviceId(), localService);
    QVERIFY2(m_arm.unmatched().isEmpty(), qPrintable(m_arm.unmatched().join(u", "_qs)));
}

void tst_AzureEnvironments::azureWorksWhenPorticoLocalCannotStart()
{
    QVERIFY(loadEntra(m_entra, u"entra-device-code.json"_qs, Part::Refresh));
    Console console;
    console.settings = std::make_unique<core::Settings>(m_dir.filePath(u"settings.ini"_qs));
    console.window = std::make_unique<ui::MainWindow>(*console.settings);
    console.session = std::make_unique<ui::ConsoleSession>(console.window.get(), m_secrets.get(),
                                                           m_dir.filePath(u"history.sqlite"_qs));
    console.session->enableAzureEnvironments(console.settings.get());
    console.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(console.window.get()));
    console.session->startLocal(m_dir.filePath(u"no-such-portico-local"_qs), m_dir.filePath(u"local-data"_qs));
    QTRY_VERIFY_WITH_TIMEOUT(console.window->connectionBanner()->text().contains(u"could not be started"_qs), 10000);
    // portico-local is not there, the Azure environment is, and its services open in the panels.
    QVERIFY(waitForService(console));
    const QString id = environmentId(console);
    Nav *nav = console.session->navigation();
    QCOMPARE(nav->rowCount(), 1);
    console.window->setMode(ui::MainWindow::Mode::Publisher);
    console.window->navigationView()->setCurrentIndex(
        console.proxy(nav->childByName(nav->environmentIndex(id), u"apimService1"_qs)));
    QCOMPARE(console.session->environmentId(), id);
    QCOMPARE(console.session->serviceId(), kService);
    auto *status = console.window->findChild<QLabel *>(u"environmentStatusLabel"_qs);
    QVERIFY2(status->text().contains(kName) && status->text().contains(kSubscription), qPrintable(status->text()));
    QVERIFY2(m_entra.unmatched().isEmpty(), qPrintable(m_entra.unmatched().join(u", "_qs)));
}

void tst_AzureEnvironments::removeAsksAndForgetsTheEnvironmentAndItsSignIn()
{
    QVERIFY(loadEntra(m_entra, u"entra-device-code.json"_qs, Part::Refresh));
    Console console;
    QVERIFY(startConsole(console));
    QVERIFY(waitForService(console));
    const QString id = environmentId(console);
    Nav *nav = console.session->navigation();
    // A subscription key kept for this environment (as the batch runner asks for one): the
    // recording's "master" subscription and §2.5 listSecrets.
    const QString sid = kService + u"/subscriptions/master"_qs;
    m_arm.add(QJsonDocument::fromJson(R"({"request": {"method": "POST", "path": ")" + sid.toUtf8() + R"(/listSecrets"},
        "response": {"status": 200, "body": {"primaryKey": "azure-primary-key-for-test", "secondaryKey": "azure-secondary-key-for-test"}}})").object());
    console.window->navigationView()->setCurrentIndex(
        console.proxy(nav->childByName(nav->environmentIndex(id), u"apimService1"_qs)));
    QCOMPARE(console.session->environmentId(), id);
    std::optional<core::Result<QString>> kept;
    console.session->developer()->storeSubscriptionKey(u"master"_qs, this,
                                                       [&kept](const core::Result<QString> &r) { kept = r; });
    QTRY_VERIFY_WITH_TIMEOUT(kept.has_value(), 10000);
    QVERIFY2(kept->ok(), qPrintable(kept->ok() ? QString() : kept->error().toString()));
    QCOMPARE(kept->value(), id + u"/subscription-key/master"_qs);
    QCOMPARE(test::waitFor(m_secrets->read(kept->value())).value(), u"azure-primary-key-for-test"_qs);
    QVERIFY(!settingsFile().contains("azure-primary-key-for-test"));

    console.window->navigationView()->setCurrentIndex(console.proxy(nav->environmentIndex(id)));
    ui::decisions::preAnswer(true);
    console.window->findChild<QAction *>(u"removeEnvironmentAction"_qs)->trigger();
    QTRY_VERIFY(!nav->environmentIndex(id).isValid());
    QCOMPARE(ui::decisions::pendingPreAnswers(), 0);
    QCOMPARE(console.session->environmentId(), u"local"_qs);
    QTRY_VERIFY(!settingsFile().contains(id.toUtf8())); // secret names un-listed once deleted
    QTRY_VERIFY(!test::waitFor(m_secrets->read(id + u"/entra-refresh-token"_qs)).ok()
                || test::waitFor(m_secrets->read(id + u"/entra-refresh-token"_qs)).value().isEmpty());
    QTRY_VERIFY(!test::waitFor(m_secrets->read(kept->value())).ok()); // and the key kept for it
    QVERIFY2(m_arm.unmatched().isEmpty(), qPrintable(m_arm.unmatched().join(u", "_qs)));
}

// Signed in, but management.azure.com does not answer (nothing listens on its port): a banner
// with Retry, not an empty tree, and Retry tries again.
void tst_AzureEnvironments::unreachableEnvironmentShowsABannerWithRetry()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const core::Environment environment = azureEnvironment(u"azure-unreachable"_qs, u"Fabrikam (offline)"_qs,
                                                           QUrl(u"http://127.0.0.1:%1"_qs.arg(port)));
    QVERIFY(writeEnvironments(u"unreachable.ini"_qs, { withAuthority(environment, m_entra.url()) }));
    QVERIFY(test::waitFor(m_secrets->write(environment.secretKey(u"entra-refresh-token"_qs), u"0.AAAA-first-refresh-token"_qs)).ok());
    QVERIFY(loadEntra(m_entra, u"entra-device-code.json"_qs, Part::Refresh));

    Console console;
    QVERIFY(startConsole(console, u"unreachable.ini"_qs));
    ui::BannerWidget *banner = console.signInBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
    QVERIFY2(banner->text().startsWith(u"Fabrikam (offline) cannot be reached: the connection to Azure failed. Details: "_qs),
             qPrintable(banner->text()));
    Nav *nav = console.session->navigation();
    QCOMPARE(nav->environmentIndex(environment.id).data(Nav::LoadStateRole).value<Nav::LoadState>(), Nav::LoadState::Failed);
    auto *retry = banner->findChild<QPushButton *>(u"bannerRetryPushButton"_qs);
    QCOMPARE(retry->text(), u"&Retry"_qs);
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(banner->isHidden());
    // Tried again (still nobody there): the banner is back.
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
    QVERIFY(banner->text().contains(u"cannot be reached"_qs));
    QVERIFY2(m_entra.unmatched().isEmpty(), qPrintable(m_entra.unmatched().join(u", "_qs)));
    (void)test::waitFor(m_secrets->remove(environment.secretKey(u"entra-refresh-token"_qs)));
}

// The wizard creates the service in the Azure environment chosen on its first page; only then
// does the console switch to that environment and the new service.
void tst_AzureEnvironments::clickEnvironment(Console &console, const QString &environmentId)
{
    QTreeView *tree = console.window->navigationView();
    const QModelIndex root = console.proxy(console.session->navigation()->environmentIndex(environmentId));
    QVERIFY(root.isValid());
    tree->scrollTo(root);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(root).center());
    QCOMPARE(tree->currentIndex(), root);
}

void tst_AzureEnvironments::click(Console &console, const QModelIndex &node)
{
    QTreeView *tree = console.window->navigationView();
    const QModelIndex shown = console.proxy(node);
    QVERIFY(shown.isValid());
    tree->scrollTo(shown);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(shown).center());
    QCOMPARE(tree->currentIndex(), shown);
}

// The environment the user clicks in the navigation tree is the one the console is on after a
// restart; going back to portico-local is remembered too; an environment that is gone by then
// leaves the console on portico-local, without any message.
void tst_AzureEnvironments::environmentUsedLastIsSelectedAgainAfterARestart()
{
    QVERIFY(!test::writeAzureCliStandIn(m_dir.path()).isEmpty());
    test::ReplayServer arm;
    QVERIFY(arm.start());
    QVERIFY(arm.load(u"arm-azure-environment-console.json"_qs));
    core::Environment cli = azureEnvironment(u"azure-cli-last"_qs, kName, arm.url());
    cli.signIn = core::Environment::SignIn::AzureCli;
    const QString settingsName = u"last.ini"_qs;
    QVERIFY(writeEnvironments(settingsName, { cli.toJson() }));
    const auto lastUsed = [&] { return core::Settings(m_dir.filePath(settingsName)).value(core::settingkeys::lastEnvironmentId); };
    {
        Console console;
        QVERIFY(startConsole(console, settingsName));
        QVERIFY(waitForService(console));
        QCOMPARE(console.session->environmentId(), u"local"_qs); // nothing used yet
        clickEnvironment(console, cli.id);
        QCOMPARE(console.session->environmentId(), cli.id);
    } // the console closes
    QCOMPARE(lastUsed(), cli.id);
    {
        Console console;
        QVERIFY(startConsole(console, settingsName));
        QVERIFY(waitForService(console));
        QTRY_COMPARE_WITH_TIMEOUT(console.session->environmentId(), cli.id, 10000);
        QCOMPARE(console.window->navigationView()->currentIndex().data(Nav::EnvironmentIdRole).toString(), cli.id);
        QCOMPARE(console.window->navigationView()->currentIndex().data().toString(), kName);
        clickEnvironment(console, u"local"_qs);
        QCOMPARE(console.session->environmentId(), u"local"_qs);
    }
    QCOMPARE(lastUsed(), u"local"_qs);
    {
        Console console;
        QVERIFY(startConsole(console, settingsName));
        QVERIFY(waitForService(console));
        QTest::qWait(200); // the Azure environment is open: it would have been selected by now
        QCOMPARE(console.session->environmentId(), u"local"_qs);
    }
    // The environment used last was removed meanwhile (e.g. by another console).
    {
        core::Settings settings(m_dir.filePath(settingsName));
        QVERIFY(settings.setValue(core::settingkeys::lastEnvironmentId, u"azure-removed-meanwhile"_qs).ok());
        QVERIFY(settings.sync().ok());
    }
    Console console;
    QVERIFY(startConsole(console, settingsName));
    QVERIFY(waitForService(console));
    QTest::qWait(200);
    QCOMPARE(console.session->environmentId(), u"local"_qs);
    for (auto *banner : console.window->findChildren<ui::BannerWidget *>())
        QVERIFY2(!banner->isVisible(), qPrintable(banner->text()));
    QVERIFY2(arm.unmatched().isEmpty(), qPrintable(arm.unmatched().join(u", "_qs)));
}

// The service the user worked in (clicked in the navigation tree) is selected again after a
// restart, once its environment lists it: the panels are on it, not on the environment's root.
// The settings keep its ARM id, never a token. A service that is gone by then leaves the
// environment's root selected, without any message.
void tst_AzureEnvironments::serviceUsedLastIsSelectedAgainAfterARestart()
{
    QVERIFY(!test::writeAzureCliStandIn(m_dir.path()).isEmpty());
    test::ReplayServer arm;
    QVERIFY(arm.start());
    QVERIFY(arm.load(u"arm-azure-environment-console.json"_qs));
    core::Environment cli = azureEnvironment(u"azure-cli-service"_qs, kName, arm.url());
    cli.signIn = core::Environment::SignIn::AzureCli;
    const QString settingsName = u"last-service.ini"_qs;
    QVERIFY(writeEnvironments(settingsName, { cli.toJson() }));
    const auto serviceNode = [](Console &console) {
        Nav *nav = console.session->navigation();
        return nav->childByName(nav->environmentIndex(u"azure-cli-service"_qs), u"apimService1"_qs);
    };
    {
        Console console;
        QVERIFY(startConsole(console, settingsName));
        QVERIFY(waitForService(console));
        click(console, serviceNode(console));
        QCOMPARE(console.session->environmentId(), cli.id);
        QCOMPARE(console.session->serviceId(), kService);
    } // the console closes
    {
        QFile ini(m_dir.filePath(settingsName));
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray kept = ini.readAll();
        QVERIFY2(kept.contains(kService.toUtf8()), kept.constData());
        QVERIFY2(!kept.contains("cli-access-token") && !kept.contains("Bearer") && !kept.contains("eyJ0eX"),
                 kept.constData());
    }
    {
        Console console;
        QVERIFY(startConsole(console, settingsName));
        QVERIFY(waitForService(console));
        QTreeView *tree = console.window->navigationView();
        QTRY_COMPARE_WITH_TIMEOUT(tree->currentIndex().data(Nav::ArmIdRole).toString(), kService, 10000);
        QCOMPARE(tree->currentIndex().data().toString(), u"apimService1"_qs);
        QCOMPARE(console.session->environmentId(), cli.id);
        QCOMPARE(console.session->serviceId(), kService);
        QCOMPARE(console.session->publisher()->serviceId(), kService);
        QVERIFY2(console.window->windowTitle().startsWith(u"apimService1"_qs), qPrintable(console.window->windowTitle()));
    }
    // The service was deleted meanwhile (e.g. in the Azure portal).
    {
        core::Settings settings(m_dir.filePath(settingsName));
        QVERIFY(settings.setValue(core::settingkeys::lastServiceId,
                                  QString(kService).replace(u"apimService1"_qs, u"retiredService"_qs)).ok());
        QVERIFY(settings.sync().ok());
    }
    Console console;
    QVERIFY(startConsole(console, settingsName));
    QVERIFY(waitForService(console));
    QTRY_COMPARE_WITH_TIMEOUT(console.session->environmentId(), cli.id, 10000);
    QTest::qWait(200); // the services are listed: the service would have been selected by now
    QTreeView *tree = console.window->navigationView();
    QCOMPARE(tree->currentIndex().data(Nav::EnvironmentIdRole).toString(), cli.id);
    QCOMPARE(tree->currentIndex().data().toString(), kName);
    QVERIFY(console.session->serviceId().isEmpty());
    for (auto *banner : console.window->findChildren<ui::BannerWidget *>())
        QVERIFY2(!banner->isVisible(), qPrintable(banner->text()));
    QVERIFY2(arm.unmatched().isEmpty(), qPrintable(arm.unmatched().join(u", "_qs)));
}

// Twins an older version left in the settings are restored as the one the user selected last
// (which the console remembered), not as the first of the list; and that one is selected again.
void tst_AzureEnvironments::duplicateRestoreKeepsTheTwinTheUserSelectedLast()
{
    QVERIFY(!test::writeAzureCliStandIn(m_dir.path()).isEmpty());
    test::ReplayServer arm;
    QVERIFY(arm.start());
    QVERIFY(arm.load(u"arm-azure-environment-console.json"_qs));
    core::Environment first = azureEnvironment(u"azure-cli-first"_qs, u"Contoso"_qs, arm.url());
    first.signIn = core::Environment::SignIn::AzureCli;
    core::Environment used = azureEnvironment(u"azure-cli-used"_qs, u"Contoso (used last)"_qs,
                                              QUrl(arm.url().toString() + u'/'));
    used.signIn = core::Environment::SignIn::AzureCli;
    const QString settingsName = u"twins-used-last.ini"_qs;
    QVERIFY(writeEnvironments(settingsName, { used.toJson() }));
    {
        Console console;
        QVERIFY(startConsole(console, settingsName));
        QVERIFY(waitForService(console));
        clickEnvironment(console, used.id);
        QCOMPARE(console.session->environmentId(), used.id);
    }
    // An older version added the subscription a second time, in front.
    QVERIFY(writeEnvironments(settingsName, { first.toJson(), used.toJson() }));
    Console console;
    QVERIFY(startConsole(console, settingsName));
    QVERIFY(waitForService(console));
    QCOMPARE(console.session->azureEnvironments()->ids(), QStringList { used.id });
    QCOMPARE(console.session->navigation()->environmentIndex(used.id).data().toString(), used.displayName);
    QTRY_COMPARE_WITH_TIMEOUT(console.session->environmentId(), used.id, 10000);
    QVERIFY2(arm.unmatched().isEmpty(), qPrintable(arm.unmatched().join(u", "_qs)));
}

void tst_AzureEnvironments::serviceCreatedInTheWizardBecomesCurrent()
{
    QVERIFY(loadEntra(m_entra, u"entra-device-code.json"_qs, Part::Refresh));
    const QString created = u"/subscriptions/"_qs + kSubscription
        + u"/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/contosoapim"_qs;
    m_arm.add(QJsonDocument::fromJson(R"({"request": {"method": "PUT", "path": ")" + created.toUtf8() + R"("},
        "response": {"status": 200, "body": {"id": ")" + created.toUtf8() + R"(", "name": "contosoapim",
        "type": "Microsoft.ApiManagement/service", "location": "westeurope",
        "properties": {"provisioningState": "Succeeded", "publisherEmail": "admin@contoso.com",
        "publisherName": "Contoso"}, "sku": {"name": "Developer", "capacity": 1}}}})").object());
    // The environment added earlier was removed by now: the same one, kept in other settings.
    const core::Environment environment = azureEnvironment(u"azure-wizard"_qs, kName, m_arm.url());
    QVERIFY(writeEnvironments(u"wizard.ini"_qs, { withAuthority(environment, m_entra.url()) }));
    const QString refreshToken = environment.secretKey(u"entra-refresh-token"_qs);
    QVERIFY(test::waitFor(m_secrets->write(refreshToken, u"0.AAAA-first-refresh-token"_qs)).ok());
    Console console;
    QVERIFY(startConsole(console, u"wizard.ini"_qs));
    QVERIFY(waitForService(console));
    const QString id = environmentId(console);
    QCOMPARE(id, environment.id);
    QCOMPARE(console.session->environmentId(), u"local"_qs);
    console.window->findChild<QAction *>(u"newServiceAction"_qs)->trigger();
    ui::ServiceWizard *wizard = nullptr;
    QTRY_VERIFY((wizard = console.window->findChild<ui::ServiceWizard *>()) != nullptr);
    auto *environments = wizard->findChild<QComboBox *>(u"environmentComboBox"_qs);
    environments->setCurrentIndex(environments->findText(kName));
    auto *next = wizard->findChild<QPushButton *>(u"wizardNextPushButton"_qs);
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(wizard->findChild<QLineEdit *>(u"instanceNameLineEdit"_qs), u"contosoapim"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 10000);
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_COMPARE(wizard->findChild<QComboBox *>(u"resourceGroupComboBox"_qs)->count(), 2);
    QTRY_VERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(wizard->findChild<QLineEdit *>(u"organizationLineEdit"_qs), u"Contoso"_qs);
    QTest::mouseClick(next, Qt::LeftButton);
    QTest::keyClicks(wizard->findChild<QLineEdit *>(u"adminEmailLineEdit"_qs), u"admin@contoso.com"_qs);
    QTest::mouseClick(next, Qt::LeftButton);
    auto *tier = wizard->findChild<QComboBox *>(u"tierComboBox"_qs);
    tier->setCurrentIndex(tier->findData(u"Developer"_qs));
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ui::ServiceWizard::SummaryPageId));
    QCOMPARE(console.session->environmentId(), u"local"_qs); // not before it exists
    QTest::mouseClick(wizard->button(QWizard::CommitButton), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(console.session->serviceId(), created, 10000);
    QCOMPARE(console.session->environmentId(), id);
    QCOMPARE(console.session->publisher()->client(), console.session->azureEnvironments()->client(id));
    QCOMPARE(console.session->publisher()->serviceId(), created);
    const auto isPut = [&created](const test::ReplayServer::Received &r) { return r.method == "PUT" && r.path == created; };
    QVERIFY(std::any_of(m_arm.received().cbegin(), m_arm.received().cend(), isPut));
    (void)test::waitFor(m_secrets->remove(refreshToken));
}

QTEST_MAIN(tst_AzureEnvironments)
#include "tst_azureenvironments.moc"
