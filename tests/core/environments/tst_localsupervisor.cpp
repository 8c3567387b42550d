// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Supervision of the real portico-local: token from the SecretStore, ready line, restart after
// a crash (SIGKILL), giving up after too many crashes, and stopping.

#include "core/environments/localsupervisor.h"
#include "core/secrets/inmemorysecretstore.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/secretjobs.h"
#include "tests/support/tempdir.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <csignal>

using namespace portico;
using core::LocalSupervisor;

class tst_LocalSupervisor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsWithTheKeychainTokenAndReportsReady();
    void killedChildIsRestartedOnTheSamePortsAndReported();
    void repeatedCrashesGiveUp();
    void childThatNeverComesUpFails();
};

namespace {

bool reachable(const QUrl &url)
{
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    return socket.waitForConnected(2000);
}

// The real portico-local under a supervisor for environment "local-1", in a data dir of its own,
// with its secrets in memory.
struct Supervised
{
    test::TempDir dataDir;
    core::InMemorySecretStore secrets;
    LocalSupervisor supervisor { &secrets, u"local-1"_qs };

    Supervised()
    {
        supervisor.setProgram(test::PorticoLocalFixture::executable());
        supervisor.setDataDir(dataDir.path());
    }
};

} // namespace

void tst_LocalSupervisor::startsWithTheKeychainTokenAndReportsReady()
{
    Supervised supervised;
    LocalSupervisor &supervisor = supervised.supervisor;
    QVERIFY(test::waitFor(supervised.secrets.write(u"local-1/local-token"_qs, u"token-from-the-keychain"_qs)).ok());
    QSignalSpy ready(&supervisor, &LocalSupervisor::ready);
    supervisor.start();
    QVERIFY(ready.wait(30000));
    QCOMPARE(supervisor.state(), LocalSupervisor::State::Running);
    QCOMPARE(supervisor.endpoints().token, u"token-from-the-keychain"_qs);
    QVERIFY(reachable(supervisor.endpoints().management));
    // The token never went to a file in the data dir or onto the command line.
    QVERIFY(!supervised.dataDir.readAllFiles().contains("token-from-the-keychain"));
    // The ML key it announced is not copied into the SecretStore here (the console keeps the one
    // copy it uses, and says when it cannot).
    QCOMPARE(test::waitFor(supervised.secrets.read(u"local-1/local-ml-key"_qs)).error().kind,
             core::Error::Kind::NotFound);

    QSignalSpy stopped(&supervisor, &LocalSupervisor::stopped);
    const QUrl management = supervisor.endpoints().management;
    supervisor.stop();
    QVERIFY(stopped.wait(10000));
    QCOMPARE(supervisor.state(), LocalSupervisor::State::Stopped);
    QVERIFY(!reachable(management));
}

void tst_LocalSupervisor::killedChildIsRestartedOnTheSamePortsAndReported()
{
    Supervised supervised;
    LocalSupervisor &supervisor = supervised.supervisor;
    supervisor.setRestartPolicy(3, 60000, 50);
    QSignalSpy ready(&supervisor, &LocalSupervisor::ready);
    QSignalSpy crashed(&supervisor, &LocalSupervisor::crashed);
    QSignalSpy restarted(&supervisor, &LocalSupervisor::restarted);
    supervisor.start();
    QVERIFY(ready.wait(30000));
    // A token was created and stored on first use.
    const QString token = test::waitFor(supervised.secrets.read(u"local-1/local-token"_qs)).value();
    QVERIFY(token.size() >= 32);
    QCOMPARE(supervisor.endpoints().token, token);
    const QUrl management = supervisor.endpoints().management;
    const qint64 firstPid = supervisor.processId();

    ::kill(pid_t(firstPid), SIGKILL);
    QVERIFY(crashed.wait(10000));
    QCOMPARE(crashed.first().first().toInt(), -1);
    QVERIFY(restarted.wait(30000));
    QCOMPARE(restarted.first().first().toInt(), 1);
    QCOMPARE(ready.size(), 2);
    QCOMPARE(supervisor.state(), LocalSupervisor::State::Running);
    QVERIFY(supervisor.processId() != firstPid);
    QCOMPARE(supervisor.endpoints().management, management);
    QVERIFY(reachable(management));
}

void tst_LocalSupervisor::repeatedCrashesGiveUp()
{
    Supervised supervised;
    LocalSupervisor &supervisor = supervised.supervisor;
    supervisor.setRestartPolicy(1, 60000, 50);
    QSignalSpy ready(&supervisor, &LocalSupervisor::ready);
    QSignalSpy failed(&supervisor, &LocalSupervisor::failed);
    supervisor.start();
    QVERIFY(ready.wait(30000));
    ::kill(pid_t(supervisor.processId()), SIGKILL);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 30000);
    ::kill(pid_t(supervisor.processId()), SIGKILL);
    QVERIFY(failed.wait(10000));
    QCOMPARE(supervisor.state(), LocalSupervisor::State::Failed);
    QVERIFY(failed.first().first().value<core::Error>().message.contains(u"keeps crashing"_qs));
}

void tst_LocalSupervisor::childThatNeverComesUpFails()
{
    Supervised supervised;
    LocalSupervisor &supervisor = supervised.supervisor;
    supervisor.setArguments({ u"--management-port"_qs, u"not-a-port"_qs });
    QSignalSpy failed(&supervisor, &LocalSupervisor::failed);
    supervisor.start();
    QVERIFY(failed.wait(30000));
    QCOMPARE(supervisor.state(), LocalSupervisor::State::Failed);
    QCOMPARE(failed.first().first().value<core::Error>().kind, core::Error::Kind::Unavailable);
}

QTEST_GUILESS_MAIN(tst_LocalSupervisor)
#include "tst_localsupervisor.moc"
