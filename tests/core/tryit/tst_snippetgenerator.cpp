// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Snippets are generated from the same request model as Try It; curl, python3 and node run here,
// so their snippets are executed against a loopback server and must send the same request and
// get the same status and body as Try It itself.

#include "core/tryit/snippetgenerator.h"
#include "core/tryit/tryitsender.h"
#include "tests/support/replay/replayserver.h"
#include "tests/support/tempdir.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

using namespace portico;
using core::SnippetGenerator;
using core::TryItRequest;

namespace {

const QString key = u"9f8e7d6c5b4a39281706f5e4d3c2b1a0"_qs;

TryItRequest request(const QUrl &gateway, TryItRequest::KeyPlacement placement)
{
    TryItRequest r;
    r.operationName = u"RRS Execute"_qs;
    r.method = "POST";
    r.gatewayUrl = gateway;
    r.apiPath = u"azureml-demo"_qs;
    r.urlTemplate = u"/workspaces/{workspace}/services/{service}/execute?api-version={apiversion}&details={details}"_qs;
    r.templateValues = { { u"workspace"_qs, u"local"_qs }, { u"service"_qs, u"feature-hashing"_qs },
                         { u"apiversion"_qs, u"2.0"_qs }, { u"details"_qs, u"true"_qs } };
    r.body = R"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["This is a 'good' day"]]}}, "GlobalParameters": {}})";
    r.subscriptionKey = key;
    r.keyPlacement = placement;
    return r;
}

struct Run
{
    int status = -1;
    QByteArray body;
    QString error;
};

} // namespace

class tst_SnippetGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snippetsHoldPlaceholdersNotTheKey_data();
    void snippetsHoldPlaceholdersNotTheKey();
    void secretsOnlyWhenAskedFor();
    void secretsInTheBodyAreMasked_data();
    void secretsInTheBodyAreMasked();
    void eachStorageKeyGetsItsOwnVariable();
    void executedSnippetsSendWhatTryItSends_data();
    void executedSnippetsSendWhatTryItSends();

private:
    Run execute(SnippetGenerator::Language language, const QString &code);
    test::TempDir m_dir;
};

void tst_SnippetGenerator::snippetsHoldPlaceholdersNotTheKey_data()
{
    QTest::addColumn<int>("language");
    QTest::addColumn<int>("placement");
    QTest::addColumn<QString>("placeholder");
    const QList<QPair<int, QString>> languages {
        { int(SnippetGenerator::Language::Curl), u"${OCP_APIM_SUBSCRIPTION_KEY}"_qs },
        { int(SnippetGenerator::Language::PythonRequests), u"os.environ[\"OCP_APIM_SUBSCRIPTION_KEY\"]"_qs },
        { int(SnippetGenerator::Language::CSharpHttpClient), u"Environment.GetEnvironmentVariable(\"OCP_APIM_SUBSCRIPTION_KEY\")"_qs },
        { int(SnippetGenerator::Language::JavaScriptFetch), u"process.env.OCP_APIM_SUBSCRIPTION_KEY"_qs },
        { int(SnippetGenerator::Language::HttpFile), u"{{OCP_APIM_SUBSCRIPTION_KEY}}"_qs },
    };
    for (const auto &[language, placeholder] : languages) {
        QTest::addRow("%s header", qPrintable(SnippetGenerator::displayName(SnippetGenerator::Language(language))))
            << language << int(TryItRequest::KeyPlacement::Header) << placeholder;
        QString queryPlaceholder = placeholder;
        queryPlaceholder.replace(u"OCP_APIM_SUBSCRIPTION_KEY"_qs, u"SUBSCRIPTION_KEY"_qs);
        QTest::addRow("%s query", qPrintable(SnippetGenerator::displayName(SnippetGenerator::Language(language))))
            << language << int(TryItRequest::KeyPlacement::Query) << queryPlaceholder;
    }
}

void tst_SnippetGenerator::snippetsHoldPlaceholdersNotTheKey()
{
    QFETCH(int, language);
    QFETCH(int, placement);
    QFETCH(QString, placeholder);
    const auto code = SnippetGenerator::generate(SnippetGenerator::Language(language),
                                                 request(QUrl(u"https://demoazureml.azure-api.net"_qs),
                                                         TryItRequest::KeyPlacement(placement)));
    QVERIFY(code.ok());
    QVERIFY2(!code->contains(key), qPrintable(*code));
    QVERIFY2(code->contains(placeholder), qPrintable(*code));
    QVERIFY2(code->contains(u"azureml-demo/workspaces/local/services/feature-hashing/execute"_qs), qPrintable(*code));
}

void tst_SnippetGenerator::secretsOnlyWhenAskedFor()
{
    const auto code = SnippetGenerator::generate(SnippetGenerator::Language::Curl,
                                                 request(QUrl(u"https://x.azure-api.net"_qs), TryItRequest::KeyPlacement::Header),
                                                 { true });
    QVERIFY(code->contains(key));
}

void tst_SnippetGenerator::secretsInTheBodyAreMasked_data()
{
    QTest::addColumn<int>("language");
    for (const auto language : { SnippetGenerator::Language::Curl, SnippetGenerator::Language::PythonRequests,
                                 SnippetGenerator::Language::CSharpHttpClient,
                                 SnippetGenerator::Language::JavaScriptFetch, SnippetGenerator::Language::HttpFile })
        QTest::addRow("%s", qPrintable(SnippetGenerator::displayName(language))) << int(language);
}

void tst_SnippetGenerator::eachStorageKeyGetsItsOwnVariable()
{
    // A BES job reads from one account and writes to another: each key needs its own variable,
    // or the snippet would send account A's key to account B.
    TryItRequest r = request(QUrl(u"https://x.azure-api.net"_qs), TryItRequest::KeyPlacement::Header);
    r.body = R"({"Inputs":{"input1":{"ConnectionString":"DefaultEndpointsProtocol=https;AccountName=inacct;AccountKey=KEYAAAA1"}},)"
             R"("Outputs":{"output1":{"ConnectionString":"DefaultEndpointsProtocol=https;AccountName=outacct;AccountKey=KEYBBBB2"},)"
             R"("output2":{"ConnectionString":"DefaultEndpointsProtocol=https;AccountName=inacct;AccountKey=KEYAAAA1"},)"
             R"("SasBlobPath":"https://a.blob.core.windows.net/c/x?sv=1&sig=SIGONE1"},)"
             R"("Sas2":"https://b.blob.core.windows.net/c/y?sv=1&sig=SIGTWO2"})";
    const auto code = SnippetGenerator::generate(SnippetGenerator::Language::HttpFile, r);
    QVERIFY(code.ok());
    QVERIFY2(!code->contains(u"KEYAAAA1"_qs) && !code->contains(u"KEYBBBB2"_qs), qPrintable(*code));
    QVERIFY2(code->contains(u"@STORAGE_ACCOUNT_KEY = "_qs) && code->contains(u"@STORAGE_ACCOUNT_KEY_2 = "_qs),
             qPrintable(*code));
    QVERIFY2(!code->contains(u"STORAGE_ACCOUNT_KEY_3"_qs), qPrintable(*code)); // the same key, the same variable
    QVERIFY2(code->contains(u"@SAS_SIGNATURE = "_qs) && code->contains(u"@SAS_SIGNATURE_2 = "_qs), qPrintable(*code));
    QCOMPARE(code->count(u"{{STORAGE_ACCOUNT_KEY}}"_qs), 2);
    QCOMPARE(code->count(u"{{STORAGE_ACCOUNT_KEY_2}}"_qs), 1);
}

void tst_SnippetGenerator::secretsInTheBodyAreMasked()
{
    // A user pastes the bearer token and the subscription key into the body too (a webhook
    // payload, a token exchange): history scrubs them, and so must a copied snippet.
    QFETCH(int, language);
    TryItRequest r = request(QUrl(u"https://x.azure-api.net"_qs), TryItRequest::KeyPlacement::Header);
    r.headers = { { "Authorization", "Bearer TOKENVALUE987" } };
    r.body = "{\"token\": \"TOKENVALUE987\", \"key\": \"" + key.toUtf8() + "\", \"rows\": [1, 2]}";
    const auto code = SnippetGenerator::generate(SnippetGenerator::Language(language), r);
    QVERIFY(code.ok());
    QVERIFY2(!code->contains(u"TOKENVALUE987"_qs), qPrintable(*code));
    QVERIFY2(!code->contains(key), qPrintable(*code));
    // The rest of the body is still there.
    QVERIFY2(code->contains(u"rows"_qs), qPrintable(*code));

    const auto withSecrets = SnippetGenerator::generate(SnippetGenerator::Language(language), r, { true });
    QVERIFY(withSecrets.ok());
    QVERIFY2(withSecrets->contains(u"TOKENVALUE987"_qs), qPrintable(*withSecrets));

    // A SAS in a header that is not secret by name (x-ms-copy-source) or in a query value is
    // masked as it is in history.
    r.headers.append(qMakePair(QByteArray("x-ms-copy-source"), QByteArray("https://a.blob.core.windows.net/c/b?sv=2020-08-04&sig=HEADERSIG1")));
    r.templateValues[u"details"_qs] = u"https://a.blob.core.windows.net/c?sv=1&sig=QUERYSIG1"_qs;
    const auto sas = SnippetGenerator::generate(SnippetGenerator::Language(language), r);
    QVERIFY(sas.ok());
    QVERIFY2(!sas->contains(u"HEADERSIG1"_qs), qPrintable(*sas));
    QVERIFY2(!sas->contains(u"QUERYSIG1"_qs), qPrintable(*sas));
    QVERIFY2(sas->contains(u"x-ms-copy-source"_qs), qPrintable(*sas));

    // A SAS URL nested in another URL is percent-encoded as a whole: once in a header, twice in
    // the body here.
    r.headers.append(qMakePair(QByteArray("X-Callback-Url"),
                               QByteArray("https://h/hook?next=https%3A%2F%2Fa.blob.core.windows.net%2Fc%3Fsv%3D1%26sig%3DENCHEADERSIG%26sp%3Dr")));
    r.body = R"({"callback":"https://h/hook?r=https%253A%252F%252Fa.blob.core.windows.net%252Fc%253Fsv%253D1%2526sig%253DENCBODYSIG%2526se%253D2026"})";
    const auto encoded = SnippetGenerator::generate(SnippetGenerator::Language(language), r);
    QVERIFY(encoded.ok());
    QVERIFY2(!encoded->contains(u"ENCHEADERSIG"_qs), qPrintable(*encoded));
    QVERIFY2(!encoded->contains(u"ENCBODYSIG"_qs), qPrintable(*encoded));
    QVERIFY2(encoded->contains(u"%26sp%3Dr"_qs), qPrintable(*encoded));
    QVERIFY2(encoded->contains(u"%2526se%253D2026"_qs), qPrintable(*encoded));
}

void tst_SnippetGenerator::executedSnippetsSendWhatTryItSends_data()
{
    QTest::addColumn<int>("language");
    QTest::addColumn<int>("placement");
    for (const auto language : { SnippetGenerator::Language::Curl, SnippetGenerator::Language::PythonRequests,
                                 SnippetGenerator::Language::JavaScriptFetch }) {
        QTest::addRow("%s header", qPrintable(SnippetGenerator::displayName(language)))
            << int(language) << int(TryItRequest::KeyPlacement::Header);
        QTest::addRow("%s query", qPrintable(SnippetGenerator::displayName(language)))
            << int(language) << int(TryItRequest::KeyPlacement::Query);
    }
}

Run tst_SnippetGenerator::execute(SnippetGenerator::Language language, const QString &code)
{
    Run run;
    QString program;
    QString file;
    QStringList arguments;
    switch (language) {
    case SnippetGenerator::Language::Curl:
        program = u"sh"_qs;
        file = m_dir.filePath(u"snippet.sh"_qs);
        break;
    case SnippetGenerator::Language::PythonRequests:
        program = u"python3"_qs;
        file = m_dir.filePath(u"snippet.py"_qs);
        break;
    case SnippetGenerator::Language::JavaScriptFetch:
        program = u"node"_qs;
        file = m_dir.filePath(u"snippet.mjs"_qs);
        break;
    default:
        run.error = u"not runnable"_qs;
        return run;
    }
    if (QStandardPaths::findExecutable(program).isEmpty()) {
        run.error = program + u" is not installed"_qs;
        return run;
    }
    m_dir.write(QFileInfo(file).fileName(), code.toUtf8());
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"OCP_APIM_SUBSCRIPTION_KEY"_qs, key);
    environment.insert(u"SUBSCRIPTION_KEY"_qs, key);
    environment.remove(u"http_proxy"_qs);
    environment.remove(u"HTTP_PROXY"_qs);
    process.setProcessEnvironment(environment);
    // The server answers from this thread's event loop: wait with a spy, not waitForFinished().
    QSignalSpy processFinished(&process, &QProcess::finished);
    process.start(program, { file });
    if (!processFinished.wait(30000) || process.exitCode() != 0) {
        run.error = QString::fromUtf8(process.readAllStandardError());
        return run;
    }
    QByteArray out = process.readAllStandardOutput();
    if (language == SnippetGenerator::Language::Curl) {
        // body, "\n", code, "\n"
        out.chop(1);
        const qsizetype newline = out.lastIndexOf('\n');
        run.status = out.mid(newline + 1).toInt();
        run.body = out.left(newline);
    } else {
        const qsizetype newline = out.indexOf('\n');
        run.status = out.left(newline).toInt();
        run.body = out.mid(newline + 1);
        run.body.chop(1); // print()/console.log() newline
    }
    return run;
}

void tst_SnippetGenerator::executedSnippetsSendWhatTryItSends()
{
    QFETCH(int, language);
    QFETCH(int, placement);
    test::ReplayServer server;
    QVERIFY(server.start());
    const QString path = u"/azureml-demo/workspaces/local/services/feature-hashing/execute"_qs;
    server.add(QJsonObject {
        { u"request"_qs, QJsonObject { { u"method"_qs, u"POST"_qs }, { u"path"_qs, path } } },
        { u"response"_qs, QJsonObject { { u"status"_qs, 200 },
                                        { u"body"_qs, u"{\"Results\":{\"output1\":{\"type\":\"table\"}}}"_qs } } },
        { u"repeat"_qs, 2 } });
    const TryItRequest tryIt = request(server.url(), TryItRequest::KeyPlacement(placement));

    QNetworkAccessManager nam;
    auto *sender = new core::TryItSender(&nam, tryIt.prepare().value(), {});
    QSignalSpy finished(sender, &core::TryItSender::finished);
    core::Result<core::TryItResponse> viaTryIt = core::Error();
    connect(sender, &core::TryItSender::finished, this, [&] { viaTryIt = sender->result(); });
    sender->start();
    QVERIFY(finished.wait());
    QVERIFY(viaTryIt.ok());

    const auto code = SnippetGenerator::generate(SnippetGenerator::Language(language), tryIt);
    QVERIFY(code.ok());
    const Run run = execute(SnippetGenerator::Language(language), *code);
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error + u"\n"_qs + *code));
    QCOMPARE(run.status, viaTryIt->status);
    QCOMPARE(run.body, viaTryIt->body);

    QCOMPARE(server.received().size(), 2);
    const auto &a = server.received().at(0);
    const auto &b = server.received().at(1);
    QCOMPARE(b.method, a.method);
    QCOMPARE(b.path, a.path);
    QCOMPARE(QUrlQuery(b.query).queryItems(QUrl::FullyDecoded), QUrlQuery(a.query).queryItems(QUrl::FullyDecoded));
    QCOMPARE(b.header("Ocp-Apim-Subscription-Key"), a.header("Ocp-Apim-Subscription-Key"));
    QCOMPARE(b.header("Content-Type"), a.header("Content-Type"));
    QCOMPARE(b.body, a.body);
    QVERIFY(server.unmatched().isEmpty());
}

QTEST_GUILESS_MAIN(tst_SnippetGenerator)
#include "tst_snippetgenerator.moc"
