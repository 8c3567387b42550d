// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// portico-local's command-line contract, against the real executable.

#include "tests/support/porticolocalfixture.h"
#include "tests/support/tempdir.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <csignal>

using namespace portico;

class tst_LocalCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readyLineHasEveryKeyAndListenersAnswer();
    void generatedTokenIsKeptPrivatelyAndReused();
    void tokensComeFromTheEnvironment();
    void exitsCleanlyOnSignal_data();
    void exitsCleanlyOnSignal();
    void refusesALockedDataDir();
    void refusesATakenPort();
    void refusesAnUnknownFlag();
    void refusesABadPort();
    void refusesANetworkBindWithoutAllowPlainHttp_data();
    void refusesANetworkBindWithoutAllowPlainHttp();
    void allowPlainHttpServesOnTheNetworkWithAWarning();
    void loopbackBindNeedsNoFlag();
    void helpExplainsAllowPlainHttp();

private:
    static QByteArray get(const QUrl &url, const QByteArray &authorization, int *status);
    static int runToExit(const QStringList &arguments, QByteArray *stderrText);
};

QByteArray tst_LocalCommandLine::get(const QUrl &url, const QByteArray &authorization, int *status)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    QNetworkReply *reply = nam.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000))
        return {};
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

int tst_LocalCommandLine::runToExit(const QStringList &arguments, QByteArray *stderrText)
{
    QProcess process;
    process.start(test::PorticoLocalFixture::executable(), arguments);
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
        return -1000;
    }
    *stderrText = process.readAllStandardError();
    return process.exitCode();
}

void tst_LocalCommandLine::readyLineHasEveryKeyAndListenersAnswer()
{
    test::PorticoLocalFixture local;
    QVERIFY2(local.start(), qPrintable(local.errorString()));
    for (const char *key : { "management", "gateway", "gatewayHttps", "ml", "dataDir", "token", "mlKey" })
        QVERIFY2(!local.readyLine().value(QLatin1StringView(key)).toString().isEmpty(), key);
    QCOMPARE(local.managementUrl().host(), u"127.0.0.1"_qs);
    QVERIFY(local.managementUrl().port() > 0);
    QCOMPARE(local.gatewayHttpsUrl().scheme(), u"https"_qs);
    QCOMPARE(local.dataDir(), local.readyLine().value(u"dataDir"_qs).toString());

    // Exactly one line on stdout.
    QTest::qWait(200);
    QVERIFY(local.process().readAllStandardOutput().isEmpty());

    int status = 0;
    const QByteArray unauthorized = get(local.managementUrl().resolved(QUrl(u"/subscriptions?api-version=2024-05-01"_qs)), {}, &status);
    QCOMPARE(status, 401);
    QVERIFY(unauthorized.contains("AuthenticationFailed"));

    get(local.mlUrl().resolved(QUrl(u"/workspaces/local/services/feature-hashing/execute"_qs)),
        "Bearer wrong", &status);
    QCOMPARE(status, 401);
}

void tst_LocalCommandLine::generatedTokenIsKeptPrivatelyAndReused()
{
    test::TempDir dataDir;
    QString firstToken;
    {
        test::PorticoLocalFixture local;
        QVERIFY2(local.start({}, dataDir.path()), qPrintable(local.errorString()));
        firstToken = local.token();
        QCOMPARE(local.stop(), 0);
    }
    QFile tokenFile(dataDir.filePath(u"management-token"_qs));
    QVERIFY(tokenFile.exists());
    QCOMPARE(tokenFile.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther
                                        | QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QCOMPARE(QFile(dataDir.filePath(u"ml-key"_qs)).permissions() & QFileDevice::ReadOther,
             QFileDevice::Permissions());
    QVERIFY(firstToken.size() >= 32);

    test::PorticoLocalFixture again;
    QVERIFY2(again.start({}, dataDir.path()), qPrintable(again.errorString()));
    QCOMPARE(again.token(), firstToken);
}

void tst_LocalCommandLine::tokensComeFromTheEnvironment()
{
    qputenv("PORTICO_LOCAL_TOKEN", "token-from-environment");
    qputenv("PORTICO_LOCAL_ML_KEY", "ml-key-from-environment");
    test::PorticoLocalFixture local;
    const bool started = local.start();
    qunsetenv("PORTICO_LOCAL_TOKEN");
    qunsetenv("PORTICO_LOCAL_ML_KEY");
    QVERIFY2(started, qPrintable(local.errorString()));
    QCOMPARE(local.token(), u"token-from-environment"_qs);
    QCOMPARE(local.mlKey(), u"ml-key-from-environment"_qs);
    QVERIFY(!QFile::exists(local.dataDir() + u"/management-token"_qs));

    int status = 0;
    get(local.managementUrl().resolved(QUrl(u"/subscriptions"_qs)), "Bearer token-from-environment",
        &status);
    QCOMPARE(status, 400); // authenticated; api-version is missing
}

void tst_LocalCommandLine::exitsCleanlyOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void tst_LocalCommandLine::exitsCleanlyOnSignal()
{
    QFETCH(int, signalNumber);
    test::PorticoLocalFixture local;
    QVERIFY2(local.start(), qPrintable(local.errorString()));
    ::kill(pid_t(local.process().processId()), signalNumber);
    QVERIFY(local.process().waitForFinished(10000));
    QCOMPARE(local.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(local.process().exitCode(), 0);
    QVERIFY(!QFile::exists(local.dataDir() + u"/portico-local.lock"_qs));
}

void tst_LocalCommandLine::refusesALockedDataDir()
{
    test::PorticoLocalFixture first;
    QVERIFY2(first.start(), qPrintable(first.errorString()));
    QByteArray error;
    const int code = runToExit({ u"--data-dir"_qs, first.dataDir(), u"--management-port"_qs, u"0"_qs,
                                 u"--gateway-port"_qs, u"0"_qs, u"--gateway-https-port"_qs, u"0"_qs,
                                 u"--ml-port"_qs, u"0"_qs },
                               &error);
    QCOMPARE(code, 3);
    QVERIFY2(error.contains("in use by another portico-local"), error.constData());
    QVERIFY2(error.contains(QByteArray::number(first.process().processId())), error.constData());
}

void tst_LocalCommandLine::refusesATakenPort()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    test::TempDir dataDir;
    QByteArray error;
    const int code = runToExit({ u"--data-dir"_qs, dataDir.path(), u"--management-port"_qs, u"0"_qs,
                                 u"--gateway-port"_qs, QString::number(squatter.serverPort()),
                                 u"--gateway-https-port"_qs, u"0"_qs, u"--ml-port"_qs, u"0"_qs },
                               &error);
    QCOMPARE(code, 4);
    QVERIFY2(error.contains(QByteArray::number(squatter.serverPort())), error.constData());
    QVERIFY2(error.contains("cannot listen"), error.constData());
}

void tst_LocalCommandLine::refusesAnUnknownFlag()
{
    QByteArray error;
    QCOMPARE(runToExit({ u"--gatway-port"_qs, u"1"_qs }, &error), 2);
    QVERIFY2(error.contains("gatway-port"), error.constData());
    QVERIFY2(error.contains("--management-port"), error.constData()); // usage follows
}

void tst_LocalCommandLine::refusesABadPort()
{
    QByteArray error;
    QCOMPARE(runToExit({ u"--ml-port"_qs, u"70000"_qs }, &error), 2);
    QVERIFY2(error.contains("--ml-port"), error.constData());
}

void tst_LocalCommandLine::refusesANetworkBindWithoutAllowPlainHttp_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("all IPv4 interfaces") << u"0.0.0.0"_qs;
    QTest::newRow("all interfaces") << u"::"_qs;
    QTest::newRow("a LAN address") << u"192.168.1.20"_qs;
}

// The management token, subscription keys and the ML key are plain HTTP on every listener but
// the gateway's HTTPS one: a network address is refused before anything listens or is written.
void tst_LocalCommandLine::refusesANetworkBindWithoutAllowPlainHttp()
{
    QFETCH(QString, address);
    test::TempDir dataDir;
    QProcess process;
    process.start(test::PorticoLocalFixture::executable(),
                  { u"--data-dir"_qs, dataDir.filePath(u"state"_qs), u"--bind"_qs, address,
                    u"--management-port"_qs, u"0"_qs, u"--gateway-port"_qs, u"0"_qs,
                    u"--gateway-https-port"_qs, u"0"_qs, u"--ml-port"_qs, u"0"_qs });
    QVERIFY(process.waitForFinished(20000));
    const QByteArray error = process.readAllStandardError();
    QCOMPARE(process.exitCode(), 2);
    QVERIFY2(error.contains(QByteArray(address.toUtf8() + " is not a loopback address")), error.constData());
    QVERIFY2(error.contains("plain HTTP"), error.constData());
    QVERIFY2(error.contains("--allow-plain-http"), error.constData());
    QVERIFY(process.readAllStandardOutput().isEmpty()); // no ready line, no token
    QVERIFY(!QFile::exists(dataDir.filePath(u"state/management-token"_qs)));
}

void tst_LocalCommandLine::allowPlainHttpServesOnTheNetworkWithAWarning()
{
    test::PorticoLocalFixture local;
    QVERIFY2(local.start({ u"--bind"_qs, u"0.0.0.0"_qs, u"--allow-plain-http"_qs }), qPrintable(local.errorString()));
    QCOMPARE(local.readyLine().value(u"plainHttpOnNetwork"_qs).toBool(), true);
    const QString warning = local.readyLine().value(u"warning"_qs).toString();
    QVERIFY2(warning.contains(u"0.0.0.0 over plain HTTP"_qs), qPrintable(warning));
    QVERIFY2(warning.contains(u"management token (port %1)"_qs.arg(local.managementUrl().port())), qPrintable(warning));
    QVERIFY2(warning.contains(u"HTTPS port (%1)"_qs.arg(local.gatewayHttpsUrl().port())), qPrintable(warning));
    QVERIFY(!warning.contains(local.token()));
    QByteArray stderrText;
    QTRY_VERIFY_WITH_TIMEOUT((stderrText += local.process().readAllStandardError()).contains('\n'), 5000);
    QVERIFY2(stderrText.startsWith("portico-local: warning: listening on 0.0.0.0 over plain HTTP"),
             stderrText.constData());
    QVERIFY(!stderrText.contains(local.token().toUtf8()));

    // It really serves: the management plane answers on the advertised loopback URL.
    int status = 0;
    get(local.managementUrl().resolved(QUrl(u"/subscriptions?api-version=2024-05-01"_qs)), {}, &status);
    QCOMPARE(status, 401);
}

void tst_LocalCommandLine::loopbackBindNeedsNoFlag()
{
    test::PorticoLocalFixture local;
    QVERIFY2(local.start({ u"--bind"_qs, u"127.0.0.2"_qs }), qPrintable(local.errorString()));
    QCOMPARE(local.managementUrl().host(), u"127.0.0.2"_qs);
    QCOMPARE(local.readyLine().value(u"plainHttpOnNetwork"_qs).toBool(true), false);
    QVERIFY(!local.readyLine().contains(u"warning"_qs));
    QTest::qWait(200);
    QCOMPARE(local.process().readAllStandardError(), QByteArray());
}

void tst_LocalCommandLine::helpExplainsAllowPlainHttp()
{
    QProcess process;
    process.start(test::PorticoLocalFixture::executable(), { u"--help"_qs });
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray help = process.readAllStandardOutput().simplified();
    QVERIFY2(help.contains("--allow-plain-http"), help.constData());
    QVERIFY2(help.contains("plain HTTP: anyone on the network path can read them"), help.constData());
}

QTEST_GUILESS_MAIN(tst_LocalCommandLine)
#include "tst_localcommandline.moc"
