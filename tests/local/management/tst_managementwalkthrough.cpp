// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// Runs the README's curl walkthrough of the seed scenario, as written, against a fresh
// portico-local, and checks what it created through ARM.

#include "tests/local/management/armtestclient.h"
#include "tests/support/porticolocalfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace portico;
using test::ArmTestClient;

class tst_ManagementWalkthrough : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readmeWalkthroughRunsAsWritten();

private:
    static QString walkthroughScript(QString *failure);
};

QString tst_ManagementWalkthrough::walkthroughScript(QString *failure)
{
    QFile readme(QStringLiteral(PORTICO_SOURCE_DIR "/README.md"));
    if (!readme.open(QIODevice::ReadOnly)) {
        *failure = readme.errorString();
        return {};
    }
    const QString text = QString::fromUtf8(readme.readAll());
    const qsizetype begin = text.indexOf(u"<!-- walkthrough:begin -->"_qs);
    const qsizetype end = text.indexOf(u"<!-- walkthrough:end -->"_qs);
    if (begin < 0 || end < begin) {
        *failure = u"README.md has no walkthrough markers"_qs;
        return {};
    }
    static const QRegularExpression block(u"```sh\\n(.*?)```"_qs,
                                          QRegularExpression::DotMatchesEverythingOption);
    QString script;
    auto it = block.globalMatch(text.mid(begin, end - begin));
    int blocks = 0;
    while (it.hasNext()) {
        script += it.next().captured(1) + u'\n';
        ++blocks;
    }
    if (blocks < 4)
        *failure = u"only %1 sh blocks between the markers"_qs.arg(blocks);
    return script;
}

void tst_ManagementWalkthrough::readmeWalkthroughRunsAsWritten()
{
    for (const char *tool : { "bash", "curl", "jq" })
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            QSKIP(qPrintable(u"%1 is not installed"_qs.arg(QLatin1StringView(tool))));
    QString failure;
    const QString script = walkthroughScript(&failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    qputenv("PORTICO_LOCAL_LRO_DELAY_MS", "300");
    test::PorticoLocalFixture local;
    QVERIFY2(local.start(), qPrintable(local.errorString()));

    QProcess bash;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PORTICO_URL"_qs, local.managementUrl().toString(QUrl::StripTrailingSlash));
    env.insert(u"PORTICO_TOKEN"_qs, local.token());
    env.insert(u"PORTICO_ML_URL"_qs, local.mlUrl().toString(QUrl::StripTrailingSlash));
    bash.setProcessEnvironment(env);
    bash.start(u"bash"_qs, { u"-euo"_qs, u"pipefail"_qs, u"-c"_qs, script });
    QVERIFY(bash.waitForStarted());
    QVERIFY2(bash.waitForFinished(120000), "the walkthrough did not finish in 120 s");
    const QString out = QString::fromUtf8(bash.readAllStandardOutput());
    const QString err = QString::fromUtf8(bash.readAllStandardError());
    QVERIFY2(bash.exitStatus() == QProcess::NormalExit && bash.exitCode() == 0,
             qPrintable(u"exit %1\nstdout:\n%2\nstderr:\n%3"_qs.arg(bash.exitCode()).arg(out, err)));

    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.contains(u"service: Succeeded"_qs), qPrintable(out));
    QVERIFY2(lines.contains(local.gatewayHttpsUrl().toString(QUrl::StripTrailingSlash) + u"/demoazureml"_qs),
             qPrintable(out));
    for (const char *expected :
         { "POST /workspaces/{workspace}/services/{service}/execute?api-version={apiversion}&details={details}",
           "POST /workspaces/{workspace}/services/{service}/jobs?api-version={apiversion}",
           "POST /workspaces/{workspace}/services/{service}/jobs/{jobid}/start?api-version={apiversion}",
           "GET /workspaces/{workspace}/services/{service}/jobs/{jobid}?api-version={apiversion}",
           "DELETE /workspaces/{workspace}/services/{service}/jobs/{jobid}?api-version={apiversion}",
           "active" })
        QVERIFY2(lines.contains(QString::fromLatin1(expected)), expected);

    // What the walkthrough built, seen through ARM.
    ArmTestClient arm(local.managementUrl(), local.token());
    const QString svc = ArmTestClient::servicePath(u"demoazureml"_qs);
    const auto api = arm.get(svc + u"/apis/azureml-demo"_qs);
    QCOMPARE(api.status, 200);
    QCOMPARE(api.json[u"properties"_qs][u"displayName"_qs].toString(), u"AzureML Demo API"_qs);
    QCOMPARE(api.json[u"properties"_qs][u"path"_qs].toString(), u"azureml-demo"_qs);
    QCOMPARE(api.json[u"properties"_qs][u"protocols"_qs].toArray(), QJsonArray { u"https"_qs });
    QCOMPARE(arm.get(svc + u"/apis/azureml-demo/operations"_qs).json[u"count"_qs].toInt(), 5);
    QCOMPARE(arm.send("HEAD", svc + u"/products/starter/apis/azureml-demo"_qs).status, 204);
    const QString key = arm.post(svc + u"/subscriptions/demo-subscription/listSecrets"_qs)
                            .json[u"primaryKey"_qs].toString();
    QCOMPARE(key.size(), 32);
    QCOMPARE(lines.last(), key);
    QCOMPARE(local.stop(), 0);
}

QTEST_GUILESS_MAIN(tst_ManagementWalkthrough)
#include "tst_managementwalkthrough.moc"
