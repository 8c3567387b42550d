// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Opening each kind of environment: Local-attached to a running portico-local with the token
// read from the real keychain (and the navigation tree over it), Local-attached without a token
// or with a wrong one, Local-supervised (Portico starts portico-local itself), and Azure with an
// Azure CLI login against a replay of management.azure.com, or device code without a client id
// or without a sign-in.

#include "core/arm/armclient.h"
#include "core/auth/accesstokenprovider.h"
#include "core/auth/statictokenprovider.h"
#include "core/environments/azureenvironment.h"
#include "core/environments/environmentsession.h"
#include "core/environments/localsupervisor.h"
#include "core/itemmodels/navigationtreemodel.h"
#include "core/secrets/inmemorysecretstore.h"
#include "core/secrets/keychainsecretstore.h"
#include "tests/core/itemmodels/armcalls.h"
#include "tests/support/azureclistandin.h"
#include "tests/support/keychainfixture.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/replay/replayserver.h"
#include "tests/support/secretjobs.h"
#include "tests/support/tempdir.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace portico;
using core::Environment;
using core::EnvironmentSession;

namespace {

template <typename T>
core::Result<QList<T>> wait(core::AzureList<T> *job)
{
    QSignalSpy finished(job, &core::AzureListJob::finished);
    core::Result<QList<T>> result = core::Error::make(core::Error::Kind::Timeout, u"no answer"_qs);
    QObject::connect(job, &core::AzureListJob::finished, job, [&] { result = job->result(); });
    finished.wait(30000);
    return result;
}

// Opens the session and says whether it opened (false: failed or no answer).
bool open(EnvironmentSession &session)
{
    QSignalSpy opened(&session, &EnvironmentSession::opened);
    QSignalSpy failed(&session, &EnvironmentSession::failed);
    session.open();
    return QTest::qWaitFor([&] { return !opened.isEmpty() || !failed.isEmpty(); }, 30000)
        && !opened.isEmpty() && failed.isEmpty();
}

bool reachable(const QUrl &url)
{
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    return socket.waitForConnected(2000);
}

Environment localAttached(const QString &id, const QUrl &url)
{
    Environment env;
    env.id = id;
    env.kind = Environment::Kind::Local;
    env.localMode = Environment::LocalMode::Attached;
    env.displayName = u"Lab portico-local"_qs;
    env.managementUrl = url;
    return env;
}

} // namespace

class tst_EnvironmentSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void attachedReadsItsTokenFromTheKeychainAndListsServices();
    void attachedWithoutAStoredTokenSaysSo();
    void attachedWithAWrongTokenIsUnauthorized();
    void supervisedStartsPorticoLocalItself();
    void azureWithTheCliLoginListsSubscriptions();
    void azureDeviceCodeNeedsAClientIdAndASignIn();

private:
    test::KeychainFixture m_keychain;
    test::PorticoLocalFixture m_local;
    test::TempDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<core::KeychainSecretStore> m_secrets;
};

void tst_EnvironmentSession::initTestCase()
{
    QVERIFY2(m_keychain.start(), qPrintable(m_keychain.errorString())); // before any D-Bus use
    qputenv("PORTICO_LOCAL_LRO_DELAY_MS", "100");
    QVERIFY2(m_local.start(), qPrintable(m_local.errorString()));
    m_secrets = std::make_unique<core::KeychainSecretStore>(u"Portico-test"_qs);

    // A service in the running portico-local, made by someone else (here: plain ARM calls).
    QNetworkAccessManager nam;
    core::StaticTokenProvider tokens(m_local.token());
    core::ArmClient client(&nam, m_local.managementUrl(), &tokens);
    core::ArmTiming timing;
    timing.timeScale = 0.02;
    client.setTiming(timing);
    test::ArmCalls arm(&client);
    const auto created = arm.createSampleService(u"attached"_qs);
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().toString()));
}

void tst_EnvironmentSession::attachedReadsItsTokenFromTheKeychainAndListsServices()
{
    const Environment env = localAttached(u"lab"_qs, m_local.managementUrl());
    const auto stored = test::waitFor(m_secrets->write(env.secretKey(core::LocalSupervisor::tokenPurpose),
                                                       m_local.token()));
    QVERIFY2(stored.ok(), test::describe(stored).constData());
    QCOMPARE(m_secrets->backend(), core::SecretStore::Backend::Keychain);

    EnvironmentSession session(env, &m_nam, m_secrets.get());
    QVERIFY(!session.client());
    QVERIFY(open(session));
    QCOMPARE(session.state(), EnvironmentSession::State::Open);
    QVERIFY(session.client());
    QCOMPARE(session.client()->baseUrl(), m_local.managementUrl());
    QCOMPARE(session.scopes(), QStringList { u"/subscriptions/00000000-0000-0000-0000-000000000000"_qs });

    core::AzureEnvironment arm(session.client());
    const auto subscriptions = wait(arm.listSubscriptions());
    QVERIFY(subscriptions.ok());
    QCOMPARE(subscriptions->size(), 1);
    QCOMPARE(subscriptions->first().subscriptionId, env.armSubscriptionId());
    const auto groups = wait(arm.listResourceGroups(env.armSubscriptionId()));
    QVERIFY(groups.ok());
    QCOMPARE(groups->first().name, u"portico-local"_qs);
    const auto services = wait(arm.listServices(env.armSubscriptionId(), u"portico-local"_qs));
    QVERIFY2(services.ok(), qPrintable(services.ok() ? QString() : services.error().toString()));
    QCOMPARE(services->size(), 1);
    QCOMPARE(services->first().name, u"attached"_qs);
    QCOMPARE(services->first().provisioningState, u"Succeeded"_qs);

    // The navigation tree over the session shows the same service.
    core::NavigationTreeModel tree;
    QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex root = tree.addEnvironment(env.id, env.displayName, session.client(), session.scopes());
    QTRY_COMPARE_WITH_TIMEOUT(root.data(core::NavigationTreeModel::LoadStateRole)
                                  .value<core::NavigationTreeModel::LoadState>(),
                              core::NavigationTreeModel::LoadState::Loaded, 15000);
    QCOMPARE(tree.childByName(root, u"attached"_qs).data(core::NavigationTreeModel::ArmIdRole).toString(),
             services->first().id);
}

void tst_EnvironmentSession::attachedWithoutAStoredTokenSaysSo()
{
    EnvironmentSession session(localAttached(u"no-token"_qs, m_local.managementUrl()), &m_nam,
                               m_secrets.get());
    QSignalSpy failed(&session, &EnvironmentSession::failed);
    QVERIFY(!open(session));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(session.state(), EnvironmentSession::State::Failed);
    QCOMPARE(session.error().kind, core::Error::Kind::Unauthorized);
    QVERIFY2(session.error().message.contains(u"token"_qs), qPrintable(session.error().message));
    QVERIFY(!session.client());
}

void tst_EnvironmentSession::attachedWithAWrongTokenIsUnauthorized()
{
    const Environment env = localAttached(u"wrong"_qs, m_local.managementUrl());
    QVERIFY(test::waitFor(m_secrets->write(env.secretKey(core::LocalSupervisor::tokenPurpose),
                                           u"not-the-token"_qs))
                .ok());
    EnvironmentSession session(env, &m_nam, m_secrets.get());
    QVERIFY(open(session));
    const auto services = wait(core::AzureEnvironment(session.client()).listServices(env.armSubscriptionId()));
    QVERIFY(!services.ok());
    QCOMPARE(services.error().kind, core::Error::Kind::Unauthorized);
}

void tst_EnvironmentSession::supervisedStartsPorticoLocalItself()
{
    core::InMemorySecretStore secrets;
    test::TempDir dataDir;
    Environment env;
    env.id = u"own"_qs;
    env.kind = Environment::Kind::Local;
    env.managementUrl = QUrl(u"http://127.0.0.1:1"_qs); // not known before the first start
    QUrl management;
    {
        EnvironmentSession session(env, &m_nam, &secrets);
        session.setLocalProgram(test::PorticoLocalFixture::executable());
        session.setLocalDataDir(dataDir.path());
        QVERIFY(open(session));
        QVERIFY(session.supervisor());
        QCOMPARE(session.supervisor()->state(), core::LocalSupervisor::State::Running);
        QCOMPARE(session.environment().managementUrl, session.supervisor()->endpoints().management);
        const auto subscriptions = wait(core::AzureEnvironment(session.client()).listSubscriptions());
        QVERIFY2(subscriptions.ok(), qPrintable(subscriptions.ok() ? QString() : subscriptions.error().toString()));
        QCOMPARE(subscriptions->first().displayName, u"Portico Local"_qs);
        // Its token went to the SecretStore, where an attached session would look for it.
        const auto token = test::waitFor(secrets.read(env.secretKey(core::LocalSupervisor::tokenPurpose)));
        QVERIFY(token.ok() && !token.value().isEmpty());
        management = session.environment().managementUrl;
        QVERIFY(reachable(management));
        // Closing the session stops its portico-local (SIGTERM): nothing answers there any more.
        session.close();
        QCOMPARE(session.state(), EnvironmentSession::State::Closed);
        QVERIFY(!session.client());
        QTRY_VERIFY_WITH_TIMEOUT(!reachable(management), 15000);
    }
}

void tst_EnvironmentSession::azureWithTheCliLoginListsSubscriptions()
{
    test::ReplayServer server;
    QVERIFY(server.start());
    QVERIFY(server.load(u"arm-list-subscriptions-nextlink.json"_qs));
    const QString az = test::writeAzureCliStandIn(m_dir.path());
    QVERIFY(!az.isEmpty());

    Environment env;
    env.id = u"contoso"_qs;
    env.kind = Environment::Kind::Azure;
    env.signIn = Environment::SignIn::AzureCli;
    env.managementUrl = server.url();
    env.tenantId = u"31c75423-32d6-4322-88b7-c478bdde4858"_qs;
    env.subscriptionId = u"291bba3f-e0a5-47bc-a099-3bdcb2a50a05"_qs;
    EnvironmentSession session(env, &m_nam, m_secrets.get());
    session.setAzureCliProgram(az);
    QVERIFY(open(session));
    QCOMPARE(session.scopes(), QStringList { u"/subscriptions/291bba3f-e0a5-47bc-a099-3bdcb2a50a05"_qs });
    const auto subscriptions = wait(core::AzureEnvironment(session.client()).listSubscriptions());
    QVERIFY2(subscriptions.ok(), qPrintable(subscriptions.ok() ? QString() : subscriptions.error().toString()));
    QCOMPARE(subscriptions->size(), 3);
    QCOMPARE(server.received().size(), 2);
    QCOMPARE(server.received().at(0).header("Authorization"), QByteArray("Bearer cli-access-token"));
    QVERIFY(server.unmatched().isEmpty());
}

void tst_EnvironmentSession::azureDeviceCodeNeedsAClientIdAndASignIn()
{
    Environment env;
    env.id = u"entra"_qs;
    env.kind = Environment::Kind::Azure;
    env.managementUrl = QUrl(u"http://127.0.0.1:1"_qs);
    env.tenantId = u"31c75423-32d6-4322-88b7-c478bdde4858"_qs;
    env.subscriptionId = u"291bba3f-e0a5-47bc-a099-3bdcb2a50a05"_qs;
    {
        EnvironmentSession session(env, &m_nam, m_secrets.get());
        QVERIFY(!open(session));
        QCOMPARE(session.error().kind, core::Error::Kind::InvalidInput);
    }
    env.clientId = u"11111111-2222-3333-4444-555555555555"_qs;
    EnvironmentSession session(env, &m_nam, m_secrets.get());
    QVERIFY(open(session));
    // No refresh token in the keychain yet: the first call asks for a sign-in, nothing is sent.
    QSignalSpy signIn(session.tokenProvider(), &core::AccessTokenProvider::signInRequired);
    const auto subscriptions = wait(core::AzureEnvironment(session.client()).listSubscriptions());
    QVERIFY(!subscriptions.ok());
    QCOMPARE(subscriptions.error().kind, core::Error::Kind::Unauthorized);
    QCOMPARE(signIn.size(), 1);
}

QTEST_GUILESS_MAIN(tst_EnvironmentSession)
#include "tst_environmentsession.moc"
