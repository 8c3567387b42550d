// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// Runs the README's ML walkthroughs, as written, against a fresh portico-local (and Azurite for
// the batch job): RRS called directly, a BES job end to end, and RRS published through the
// gateway. Every "# output" comment in them that is neither abbreviated ("...") nor folded over
// several lines must be a line the commands print.

#include "core/storage/blobclient.h"
#include "tests/local/management/armtestclient.h"
#include "tests/support/azuritefixture.h"
#include "tests/support/porticolocalfixture.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace portico;
using test::ArmTestClient;

namespace {

struct Walkthrough
{
    QString script;          // the sh blocks, in order
    QStringList outputs;     // their "# " comment lines that are not abbreviated
    QByteArray csv;          // the first csv block, if any
    QString failure;
};

Walkthrough readWalkthrough(const QString &marker)
{
    Walkthrough w;
    QFile readme(QStringLiteral(PORTICO_SOURCE_DIR "/README.md"));
    if (!readme.open(QIODevice::ReadOnly)) {
        w.failure = readme.errorString();
        return w;
    }
    const QString text = QString::fromUtf8(readme.readAll());
    const qsizetype begin = text.indexOf(u"<!-- %1:begin -->"_qs.arg(marker));
    const qsizetype end = text.indexOf(u"<!-- %1:end -->"_qs.arg(marker));
    if (begin < 0 || end < begin) {
        w.failure = u"README.md has no %1 markers"_qs.arg(marker);
        return w;
    }
    static const QRegularExpression block(u"```(sh|csv)\\n(.*?)```"_qs,
                                          QRegularExpression::DotMatchesEverythingOption);
    auto it = block.globalMatch(text.mid(begin, end - begin));
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.captured(1) == u"csv"_qs) {
            if (w.csv.isEmpty())
                w.csv = match.captured(2).toUtf8();
            continue;
        }
        w.script += match.captured(2) + u'\n';
        // An output comment is "# text"; "#  more" continues the one before (a long output
        // shown folded, which is not checked, like one abbreviated with "...").
        const QStringList lines = match.captured(2).split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString &line = lines.at(i);
            const bool folded = line.startsWith(u"#  "_qs)
                || (i + 1 < lines.size() && lines.at(i + 1).startsWith(u"#  "_qs));
            if (line.startsWith(u"# "_qs) && !folded && !line.contains(u"..."_qs))
                w.outputs.append(line.mid(2));
        }
    }
    if (w.script.isEmpty())
        w.failure = u"no sh blocks between the %1 markers"_qs.arg(marker);
    return w;
}

struct Run
{
    QStringList lines;
    QString report; // for failure messages
    bool ok = false;
};

Run runBash(const QString &script, const QHash<QString, QString> &variables)
{
    QProcess bash;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = variables.begin(); it != variables.end(); ++it)
        env.insert(it.key(), it.value());
    bash.setProcessEnvironment(env);
    bash.start(u"bash"_qs, { u"-euo"_qs, u"pipefail"_qs, u"-c"_qs, script });
    Run run;
    if (!bash.waitForStarted() || !bash.waitForFinished(150000)) {
        bash.kill();
        bash.waitForFinished();
        run.report = u"bash did not finish in 150 s"_qs;
    }
    const QString out = QString::fromUtf8(bash.readAllStandardOutput());
    const QString err = QString::fromUtf8(bash.readAllStandardError());
    run.ok = run.report.isEmpty() && bash.exitStatus() == QProcess::NormalExit && bash.exitCode() == 0;
    run.report += u"exit %1\nstdout:\n%2\nstderr:\n%3"_qs.arg(bash.exitCode()).arg(out, err);
    run.lines = out.split(u'\n', Qt::SkipEmptyParts);
    return run;
}

} // namespace

class tst_MlWalkthrough : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void directRrsAndBesRunAsWritten();
    void rrsThroughTheGatewayRunsAsWritten();
};

void tst_MlWalkthrough::initTestCase()
{
    for (const char *tool : { "bash", "curl", "jq" })
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            QSKIP(qPrintable(u"%1 is not installed"_qs.arg(QLatin1StringView(tool))));
}

void tst_MlWalkthrough::directRrsAndBesRunAsWritten()
{
    const Walkthrough w = readWalkthrough(u"ml-walkthrough"_qs);
    QVERIFY2(w.failure.isEmpty(), qPrintable(w.failure));
    QVERIFY2(!w.csv.isEmpty(), "no csv block with the BES input between the markers");

    test::AzuriteFixture azurite;
    QVERIFY2(azurite.start(), qPrintable(azurite.errorString()));
    test::PorticoLocalFixture local;
    QVERIFY2(local.start(), qPrintable(local.errorString()));

    // The input the README shows, at data/reviews.csv.
    QNetworkAccessManager nam;
    const std::unique_ptr<core::BlobClient> blobs = azurite.clientWithContainer(&nam, u"data"_qs);
    QVERIFY(blobs);
    QBuffer source;
    source.setData(w.csv);
    QVERIFY(source.open(QIODevice::ReadOnly));
    auto *upload = blobs->upload(u"data"_qs, u"reviews.csv"_qs, &source, { u"text/csv"_qs });
    QSignalSpy uploaded(upload, &core::BlobJob::finished);
    QVERIFY(uploaded.wait(20000) && upload->result().ok());

    const Run run = runBash(w.script, {
        { u"PORTICO_ML_URL"_qs, local.mlUrl().toString(QUrl::StripTrailingSlash) },
        { u"PORTICO_ML_KEY"_qs, local.mlKey() },
        { u"AZURE_STORAGE_CONNECTION_STRING"_qs, azurite.connectionString() } });
    QVERIFY2(run.ok, qPrintable(run.report));

    // RRS: the seed vector, with column details.
    const auto rrs = std::find_if(run.lines.begin(), run.lines.end(),
                                  [](const QString &l) { return l.startsWith(u"{\"Results\""_qs); });
    QVERIFY2(rrs != run.lines.end(), qPrintable(run.report));
    const QJsonObject value = QJsonDocument::fromJson(rrs->toUtf8())[u"Results"][u"output1"][u"value"].toObject();
    QCOMPARE(value[u"Values"].toArray(),
             QJsonArray({ QJsonArray { u"This is a good day"_qs, u"1"_qs, u"1"_qs, u"2"_qs, u"2"_qs,
                                       u"0"_qs, u"2"_qs, u"0"_qs, u"1"_qs } }));
    QCOMPARE(value[u"ColumnNames"].toArray().last().toString(), u"Col2_HashingFeature.7"_qs);

    // BES: finished, the result described as AzureML does, and its content.
    QVERIFY2(run.lines.contains(u"job: Finished"_qs), qPrintable(run.report));
    const auto results = std::find_if(run.lines.begin(), run.lines.end(),
                                      [](const QString &l) { return l.startsWith(u"{\"output1\""_qs); });
    QVERIFY2(results != run.lines.end(), qPrintable(run.report));
    const QJsonObject output = QJsonDocument::fromJson(results->toUtf8())[u"output1"].toObject();
    QCOMPARE(output[u"BaseLocation"].toString(), azurite.blobEndpoint().toString() + u'/');
    QCOMPARE(output[u"RelativeLocation"].toString(), u"data/hashed.csv"_qs);
    QVERIFY(output[u"SasBlobToken"].toString().startsWith(u"?sv=2020-12-06&"_qs));
    QVERIFY(output[u"SasBlobToken"].toString().contains(u"&sp=r&"_qs));
    QCOMPARE(run.lines.mid(run.lines.size() - 3),
             QStringList({ u"Col2,Col2_HashingFeature.0,Col2_HashingFeature.1,Col2_HashingFeature.2,"
                           "Col2_HashingFeature.3,Col2_HashingFeature.4,Col2_HashingFeature.5,"
                           "Col2_HashingFeature.6,Col2_HashingFeature.7"_qs,
                           u"This is a good day,1,1,2,2,0,2,0,1"_qs,
                           u"\"Great, \"\"really\"\" great\",1,0,0,0,2,0,0,2"_qs }));

    QVERIFY(w.outputs.size() >= 2);
    for (const QString &expected : w.outputs)
        QVERIFY2(run.lines.contains(expected), qPrintable(u"README says: "_qs + expected + u'\n' + run.report));
}

void tst_MlWalkthrough::rrsThroughTheGatewayRunsAsWritten()
{
    const Walkthrough w = readWalkthrough(u"ml-gateway-walkthrough"_qs);
    QVERIFY2(w.failure.isEmpty(), qPrintable(w.failure));

    qputenv("PORTICO_LOCAL_LRO_DELAY_MS", "300");
    test::PorticoLocalFixture local;
    QVERIFY2(local.start(), qPrintable(local.errorString()));
    const QHash<QString, QString> variables {
        { u"PORTICO_URL"_qs, local.managementUrl().toString(QUrl::StripTrailingSlash) },
        { u"PORTICO_TOKEN"_qs, local.token() },
        { u"PORTICO_DATA_DIR"_qs, local.dataDir() },
        { u"PORTICO_ML_URL"_qs, local.mlUrl().toString(QUrl::StripTrailingSlash) },
        { u"PORTICO_ML_KEY"_qs, local.mlKey() } };

    // Twice: the second run finds everything in place and works the same.
    for (int pass = 1; pass <= 2; ++pass) {
        const Run run = runBash(w.script, variables);
        QVERIFY2(run.ok, qPrintable(u"pass %1: "_qs.arg(pass) + run.report));
        const QStringList &lines = run.lines;
        QVERIFY2(lines.contains(u"service: Succeeded"_qs), qPrintable(run.report));
        QVERIFY2(lines.contains(local.mlUrl().toString(QUrl::StripTrailingSlash)), qPrintable(run.report));
        QVERIFY2(lines.contains(u"POST /workspaces/{workspace}/services/{service}/execute?api-version={apiversion}&details={details}"_qs),
                 qPrintable(run.report));
        for (const char *expected : { "policy", "feature-hashing", "active",
                                      R"([["This is a good day","1","1","2","2","0","2","0","1"]])",
                                      "401" })
            QVERIFY2(lines.contains(QString::fromLatin1(expected)), qPrintable(u"missing "_qs + QLatin1StringView(expected) + u'\n' + run.report));
        QVERIFY2(lines.contains(u"{\"statusCode\": 401, \"message\": \"Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.\"}"_qs),
                 qPrintable(run.report));
        QVERIFY(w.outputs.size() >= 4);
        for (const QString &expected : w.outputs)
            QVERIFY2(lines.contains(expected), qPrintable(u"README says: "_qs + expected + u'\n' + run.report));
        QVERIFY2(!run.report.contains(local.mlKey()), "the ML key was printed");
    }

    // What the walkthrough built, seen through ARM: the key stays secret, the policy injects it.
    ArmTestClient arm(local.managementUrl(), local.token());
    const QString svc = ArmTestClient::servicePath(u"mldemo"_qs);
    const auto namedValue = arm.get(svc + u"/namedValues/feature-hashing-key"_qs);
    QCOMPARE(namedValue.status, 200);
    QCOMPARE(namedValue.json[u"properties"_qs][u"secret"_qs].toBool(), true);
    QVERIFY(!namedValue.body.contains(local.mlKey().toUtf8()));
    QCOMPARE(arm.post(svc + u"/namedValues/feature-hashing-key/listValue"_qs).json[u"value"_qs].toString(),
             local.mlKey());
    const auto policy = arm.get(svc + u"/apis/feature-hashing/policies/policy?format=rawxml"_qs);
    QCOMPARE(policy.status, 200);
    const QString xml = policy.json[u"properties"_qs][u"value"_qs].toString();
    QVERIFY2(xml.contains(u"<set-header name=\"Authorization\" exists-action=\"override\">"_qs), qPrintable(xml));
    QVERIFY2(xml.contains(u"<value>Bearer {{feature-hashing-key}}</value>"_qs), qPrintable(xml));
    QCOMPARE(arm.send("HEAD", svc + u"/products/starter/apis/feature-hashing"_qs).status, 204);
    QCOMPARE(local.stop(), 0);
}

QTEST_GUILESS_MAIN(tst_MlWalkthrough)
#include "tst_mlwalkthrough.moc"
