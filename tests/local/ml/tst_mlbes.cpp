// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// BES jobs end to end: the real portico-local reads its input from and writes its output to
// real Azurite; the test downloads the result through the returned SAS URL. Also submit
// errors, cancel, and a restart of portico-local in the middle of a job.

#include "core/local/ml/featurehasher.h"
#include "core/storage/blobclient.h"
#include "tests/local/ml/mlservicecall.h"
#include "tests/support/azuritefixture.h"
#include "tests/support/porticolocalfixture.h"

#include <QBuffer>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace portico;

namespace {

using Reply = test::MlReply;

// `rows` review-like texts; row 0 is the seed sentence and row 1 needs quoting.
QByteArray inputCsv(int rows)
{
    QByteArray csv = "Col1,Col2\n";
    csv.reserve(rows * 40);
    for (int r = 0; r < rows; ++r) {
        csv += QByteArray::number(r % 5) + ',';
        if (r == 0)
            csv += "This is a good day";
        else if (r == 1)
            csv += "\"Great, \"\"really\"\" great\nproduct\"";
        else
            csv += "review " + QByteArray::number(r) + " was " + (r % 3 ? "good value" : "not worth it");
        csv += '\n';
    }
    return csv;
}

// The output the service must produce for inputCsv(rows), written independently of its
// CSV writer.
QByteArray expectedCsv(int rows)
{
    const local::FeatureHasher hasher(3, 2);
    QByteArray csv = "Col2";
    for (int b = 0; b < 8; ++b)
        csv += ",Col2_HashingFeature." + QByteArray::number(b);
    csv += '\n';
    std::vector<quint32> counts(8);
    for (int r = 0; r < rows; ++r) {
        QByteArray text, written;
        if (r == 0) {
            text = written = "This is a good day";
        } else if (r == 1) {
            text = "Great, \"really\" great\nproduct";
            written = "\"Great, \"\"really\"\" great\nproduct\"";
        } else {
            text = written = "review " + QByteArray::number(r) + " was " + (r % 3 ? "good value" : "not worth it");
        }
        std::fill(counts.begin(), counts.end(), 0);
        hasher.accumulate(text, counts.data());
        csv += written;
        for (quint32 c : counts)
            csv += ',' + QByteArray::number(c);
        csv += '\n';
    }
    return csv;
}

} // namespace

class tst_MlBes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jobRunsEndToEndThroughAzurite();
    void singularInputWithoutOutputsWritesNextToTheInput();
    void inputMayBeASasUrl();
    void submitErrors_data();
    void submitErrors();
    void jobErrors();
    void failedJobsSayWhy_data();
    void failedJobsSayWhy();
    void deleteCancelsARunningJob();
    void restartDuringAJobResumesIt();

private:
    Reply send(const QByteArray &verb, const QString &path, const QByteArray &body = {});
    bool upload(const QString &container, const QString &blob, const QByteArray &data);
    QByteArray submitBody(const QString &input, const QString &output) const;
    QString submit(const QByteArray &body);
    QJsonObject waitForEnd(const QString &id, int timeoutMs = 120000);
    QByteArray downloadResult(const QJsonObject &status, int *httpStatus = nullptr);
    bool blobExists(const QString &container, const QString &blob);

    test::AzuriteFixture m_azurite;
    std::unique_ptr<test::PorticoLocalFixture> m_local;
    std::unique_ptr<test::PorticoLocalFixture> m_killed; // owns the data dir after a restart
    QNetworkAccessManager m_nam;
    std::unique_ptr<core::BlobClient> m_blobs;
};

void tst_MlBes::initTestCase()
{
    QVERIFY2(m_azurite.start(), qPrintable(m_azurite.errorString()));
    m_local = std::make_unique<test::PorticoLocalFixture>();
    QVERIFY2(m_local->start(), qPrintable(m_local->errorString()));
    m_blobs = m_azurite.clientWithContainer(&m_nam, u"data"_qs);
    QVERIFY(m_blobs);
}

Reply tst_MlBes::send(const QByteArray &verb, const QString &path, const QByteArray &body)
{
    const QNetworkRequest request = test::mlRequest(m_local->mlUrl(), path, "Bearer " + m_local->mlKey().toUtf8());
    return test::takeMlReply(body.isNull() && verb != "POST" ? m_nam.sendCustomRequest(request, verb)
                                                             : m_nam.sendCustomRequest(request, verb, body));
}

bool tst_MlBes::upload(const QString &container, const QString &blob, const QByteArray &data)
{
    QBuffer source;
    source.setData(data);
    source.open(QIODevice::ReadOnly);
    auto *job = m_blobs->upload(container, blob, &source, { u"text/csv"_qs });
    QSignalSpy done(job, &core::BlobJob::finished);
    const bool ok = done.wait(120000) && job->result().ok();
    job->deleteLater();
    return ok;
}

bool tst_MlBes::blobExists(const QString &container, const QString &blob)
{
    auto *job = m_blobs->getProperties(container, blob);
    QSignalSpy done(job, &core::BlobJob::finished);
    done.wait(20000);
    job->deleteLater();
    return job->result().ok();
}

QByteArray tst_MlBes::submitBody(const QString &input, const QString &output) const
{
    const QString cs = m_azurite.connectionString();
    return QJsonDocument(QJsonObject {
                             { u"Inputs"_qs, QJsonObject { { u"input1"_qs, QJsonObject { { u"ConnectionString"_qs, cs },
                                                                                       { u"RelativeLocation"_qs, input } } } } },
                             { u"Outputs"_qs, QJsonObject { { u"output1"_qs, QJsonObject { { u"ConnectionString"_qs, cs },
                                                                                         { u"RelativeLocation"_qs, output } } } } },
                             { u"GlobalParameters"_qs, QJsonObject {} } })
        .toJson();
}

QString tst_MlBes::submit(const QByteArray &body)
{
    const Reply reply = send("POST", u"/workspaces/local/services/feature-hashing/jobs?api-version=2.0"_qs, body);
    if (reply.status != 200)
        return {};
    // A bare JSON string: "<32 hex>".
    const QByteArray trimmed = reply.body.trimmed();
    if (!QRegularExpression(u"^\"[0-9a-f]{32}\"$"_qs).match(QString::fromLatin1(trimmed)).hasMatch())
        return {};
    return QString::fromLatin1(trimmed.mid(1, trimmed.size() - 2));
}

QJsonObject tst_MlBes::waitForEnd(const QString &id, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const Reply reply = send("GET", u"/workspaces/local/services/feature-hashing/jobs/%1?api-version=2.0"_qs.arg(id));
        const QJsonObject status = reply.json();
        const QString code = status.value(u"StatusCode").toString();
        if (code != u"Running"_qs && code != u"NotStarted"_qs)
            return status;
        QTest::qWait(100);
    }
    return {};
}

QByteArray tst_MlBes::downloadResult(const QJsonObject &status, int *httpStatus)
{
    const QJsonObject output = status[u"Results"][u"output1"].toObject();
    const QUrl url(output.value(u"BaseLocation").toString() + output.value(u"RelativeLocation").toString()
                   + output.value(u"SasBlobToken").toString());
    QNetworkReply *reply = m_nam.get(QNetworkRequest(url)); // no credentials but the SAS
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(120000);
    if (httpStatus)
        *httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return reply->readAll();
}

void tst_MlBes::jobRunsEndToEndThroughAzurite()
{
    const int rows = 60000; // ~2 MB in, several output blocks
    QVERIFY(upload(u"data"_qs, u"reviews/input.csv"_qs, inputCsv(rows)));
    const QString id = submit(submitBody(u"data/reviews/input.csv"_qs, u"/data/results/output.csv"_qs));
    QVERIFY(!id.isEmpty());

    const QString jobPath = u"/workspaces/local/services/feature-hashing/jobs/%1?api-version=2.0"_qs.arg(id);
    QJsonObject status = send("GET", jobPath).json();
    QCOMPARE(status.value(u"StatusCode").toString(), u"NotStarted"_qs);
    QVERIFY(status.value(u"Results").isNull());

    const Reply started = send("POST", u"/workspaces/local/services/feature-hashing/jobs/%1/start?api-version=2.0"_qs.arg(id), "");
    QCOMPARE(started.status, 200);
    status = waitForEnd(id);
    QCOMPARE(status.value(u"StatusCode").toString(), u"Finished"_qs);
    QVERIFY(status.value(u"Details").isNull());
    const QJsonObject output = status[u"Results"][u"output1"].toObject();
    QCOMPARE(output.value(u"BaseLocation").toString(), m_azurite.blobEndpoint().toString() + u'/');
    QCOMPARE(output.value(u"RelativeLocation").toString(), u"data/results/output.csv"_qs);
    QVERIFY(output.value(u"ConnectionString").isNull());
    const QString sas = output.value(u"SasBlobToken").toString();
    QVERIFY2(sas.startsWith(u"?sv=2020-12-06&"_qs) && sas.contains(u"&se="_qs) && sas.contains(u"&sp=r&"_qs)
                 && sas.contains(u"&sr=b&"_qs) && sas.contains(u"&sig="_qs),
             qPrintable(sas));

    int httpStatus = 0;
    const QByteArray result = downloadResult(status, &httpStatus);
    QCOMPARE(httpStatus, 200);
    const QByteArray expected = expectedCsv(rows);
    QCOMPARE(result.size(), expected.size());
    QVERIFY(result == expected);
    // The seed row, spelled out.
    QVERIFY(result.contains("\nThis is a good day,1,1,2,2,0,2,0,1\n"));

    // Starting again is refused with the documented error.
    const Reply again = send("POST", u"/workspaces/local/services/feature-hashing/jobs/%1/start?api-version=2.0"_qs.arg(id), "");
    QCOMPARE(again.status, 400);
    QCOMPARE(again.json()[u"error"][u"code"].toString(), u"InvalidOperation"_qs);
    QCOMPARE(again.json()[u"error"][u"details"][0][u"message"].toString(),
             u"The job cannot be started because it is in Finished state."_qs);
}

void tst_MlBes::singularInputWithoutOutputsWritesNextToTheInput()
{
    QVERIFY(upload(u"data"_qs, u"single.csv"_qs, "Col2\nThis is a good day\n"));
    const QByteArray body = QJsonDocument(QJsonObject {
        { u"Input"_qs, QJsonObject { { u"ConnectionString"_qs, m_azurite.connectionString() },
                                     { u"RelativeLocation"_qs, u"/data/single.csv"_qs },
                                     { u"BaseLocation"_qs, QJsonValue::Null },
                                     { u"SasBlobToken"_qs, QJsonValue::Null } } },
        { u"GlobalParameters"_qs, QJsonObject { { u"Hashing bitsize"_qs, u"1"_qs } } } }).toJson();
    const QString id = submit(body);
    QVERIFY(!id.isEmpty());
    QCOMPARE(send("POST", u"/workspaces/local/services/feature-hashing/jobs/%1/start?api-version=2.0"_qs.arg(id), "").status, 200);
    const QJsonObject status = waitForEnd(id);
    QCOMPARE(status.value(u"StatusCode").toString(), u"Finished"_qs);
    QCOMPARE(status[u"Results"][u"output1"][u"RelativeLocation"].toString(), u"data/%1/output1.csv"_qs.arg(id));
    QCOMPARE(downloadResult(status), QByteArray("Col2,Col2_HashingFeature.0,Col2_HashingFeature.1\nThis is a good day,3,6\n"));
}

void tst_MlBes::inputMayBeASasUrl()
{
    QVERIFY(upload(u"data"_qs, u"shared/in.csv"_qs, "Col2\nThis is a good day\n"));
    core::BlobSas::Parameters read;
    read.expiry = QDateTime::currentDateTimeUtc().addSecs(600);
    const QByteArray body = QJsonDocument(QJsonObject {
        { u"Inputs"_qs, QJsonObject { { u"input1"_qs,
                                        QJsonObject { { u"BaseLocation"_qs, QString(m_azurite.blobEndpoint().toString() + u'/') },
                                                      { u"RelativeLocation"_qs, u"data/shared/in.csv"_qs },
                                                      { u"SasBlobToken"_qs, m_blobs->serviceSas(u"data"_qs, u"shared/in.csv"_qs, read) } } } } },
        { u"Outputs"_qs, QJsonObject { { u"output1"_qs, QJsonObject { { u"ConnectionString"_qs, m_azurite.connectionString() },
                                                                     { u"RelativeLocation"_qs, u"data/shared/out.csv"_qs } } } } } }).toJson();
    const QString id = submit(body);
    QVERIFY(!id.isEmpty());
    QCOMPARE(send("POST", u"/workspaces/local/services/feature-hashing/jobs/%1/start?api-version=2.0"_qs.arg(id), "").status, 200);
    const QJsonObject status = waitForEnd(id);
    QCOMPARE(status.value(u"StatusCode").toString(), u"Finished"_qs);
    QVERIFY(downloadResult(status).endsWith("\nThis is a good day,1,1,2,2,0,2,0,1\n"));
}

void tst_MlBes::submitErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("detailCode");
    QTest::addColumn<QString>("detailMessage");
    const QString cs = u"UseDevelopmentStorage=true"_qs;
    const QJsonObject blob { { u"ConnectionString"_qs, cs }, { u"RelativeLocation"_qs, u"data/in.csv"_qs } };
    const auto json = [](const QJsonObject &o) { return QJsonDocument(o).toJson(); };
    QTest::newRow("invalid JSON") << QByteArray("{") << 400 << u"BadArgument"_qs << u"RequestBodyInvalid"_qs
                                  << u"No request body provided or error in deserializing the request body."_qs;
    QTest::newRow("both Input and Inputs")
        << json({ { u"Input"_qs, blob }, { u"Inputs"_qs, QJsonObject { { u"input1"_qs, blob } } } }) << 400
        << u"BadArgument"_qs << u"DuplicateInputInBatchCall"_qs
        << u"The batch request is invalid. Cannot specify both single and multiple input at the same time. Remove one of "
           "these items from the request and try again."_qs;
    QTest::newRow("no input") << json({ { u"GlobalParameters"_qs, QJsonObject {} } }) << 400 << u"BadArgument"_qs
                              << u"BatchJobInputsNotSpecified"_qs
                              << u"The following required input(s) were not specified with the request: input1. Please "
                                 "ensure all input data is specified and try again."_qs;
    QTest::newRow("unknown input name") << json({ { u"Inputs"_qs, QJsonObject { { u"input9"_qs, blob } } } }) << 400
                                        << u"BadArgument"_qs << u"InvalidInputNames"_qs
                                        << u"Invalid service input name(s) specified in the request: input9. Please map the "
                                           "input data to the correct service inputs and try again."_qs;
    QTest::newRow("bad connection string")
        << json({ { u"Input"_qs, QJsonObject { { u"ConnectionString"_qs, u"AccountName=x"_qs }, { u"RelativeLocation"_qs, u"data/in.csv"_qs } } } })
        << 400 << u"BadArgument"_qs << u"InvalidBlobConnectionString"_qs
        << u"The connection string specified for one of the input/output blobs in invalid: AccountKey or "
           "SharedAccessSignature is missing. Please correct this and try again."_qs;
    QTest::newRow("no blob name")
        << json({ { u"Input"_qs, QJsonObject { { u"ConnectionString"_qs, cs }, { u"RelativeLocation"_qs, u"data"_qs } } } })
        << 400 << u"BadArgument"_qs << u"InputBlobRelativeLocationInvalid"_qs
        << u"No Azure storage blob name provided. Provide a valid blob name and try again."_qs;
    QTest::newRow("output extension")
        << json({ { u"Input"_qs, blob },
                  { u"Outputs"_qs, QJsonObject { { u"output1"_qs, QJsonObject { { u"ConnectionString"_qs, cs }, { u"RelativeLocation"_qs, u"data/out.ilearner"_qs } } } } } })
        << 400 << u"BadArgument"_qs << u"InvalidBlobExtension"_qs
        << u"The blob reference: data/out.ilearner has an invalid or missing file extension. Supported file extensions "
           "for this output type are: \".csv\"."_qs;
    QTest::newRow("output overwrites the input")
        << json({ { u"Input"_qs, blob }, { u"Outputs"_qs, QJsonObject { { u"output1"_qs, blob } } } }) << 400
        << u"BadArgument"_qs << u"OutputIsTheInput"_qs
        << u"The output blob data/in.csv is the input blob. Write the output to another blob and try again."_qs;
    QTest::newRow("unknown output name")
        << json({ { u"Input"_qs, blob }, { u"Outputs"_qs, QJsonObject { { u"output2"_qs, blob } } } }) << 400
        << u"BadArgument"_qs << u"InvalidOutputOverrideName"_qs
        << u"Invalid output override name: output2. The service does not have an output node with this name. Please pass "
           "in a correct output node name to override (case sensitivity applies)."_qs;
    QTest::newRow("parameter out of range")
        << json({ { u"Input"_qs, blob }, { u"GlobalParameters"_qs, QJsonObject { { u"N-grams"_qs, u"-1"_qs } } } }) << 400
        << u"BadArgument"_qs << u"BadParameterValue"_qs
        << u"The parameter value supplied does not satisfy the parameter rule on the parameter: 'N-grams' is -1, it must "
           "be from 0 to 10"_qs;
}

void tst_MlBes::submitErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, detailCode);
    QFETCH(QString, detailMessage);
    const Reply reply = send("POST", u"/workspaces/local/services/feature-hashing/jobs?api-version=2.0"_qs, body);
    QCOMPARE(reply.status, status);
    const QJsonObject error = reply.json().value(u"error").toObject();
    QCOMPARE(error.value(u"code").toString(), code);
    QCOMPARE(error[u"details"][0][u"code"].toString(), detailCode);
    QCOMPARE(error[u"details"][0][u"message"].toString(), detailMessage);
}

void tst_MlBes::jobErrors()
{
    const QString unknown = u"0123456789abcdef0123456789abcdef"_qs;
    const QByteArray notFound = QJsonDocument::fromJson(R"({"error":{"code":"NotFound","message":"Resource not found.",
        "details":[{"code":"JobNotFound","message":"Job '0123456789abcdef0123456789abcdef' not found. Verify the job Id is correct and try again."}]}})")
                                    .toJson(QJsonDocument::Compact);
    const QString base = u"/workspaces/local/services/feature-hashing/jobs/"_qs;
    for (const auto &[verb, path] : { QPair<QByteArray, QString> { "GET", base + unknown + u"?api-version=2.0"_qs },
                                      QPair<QByteArray, QString> { "DELETE", base + unknown + u"?api-version=2.0"_qs },
                                      QPair<QByteArray, QString> { "POST", base + unknown + u"/start?api-version=2.0"_qs } }) {
        const Reply reply = send(verb, path, verb == "POST" ? QByteArray("") : QByteArray());
        QCOMPARE(reply.status, 404);
        QCOMPARE(QJsonDocument(reply.json()).toJson(QJsonDocument::Compact), notFound);
    }
    const Reply missing = send("GET", u"/workspaces/local/services/feature-hashing/jobs?api-version=2.0"_qs);
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.json()[u"error"][u"details"][0][u"code"].toString(), u"MissingJobId"_qs);
    QCOMPARE(missing.json()[u"error"][u"details"][0][u"message"].toString(),
             u"No job Id provided. A job Id is returned when a job was submitted for the first time. Verify the job Id "
             "is correct and try again."_qs);
}

void tst_MlBes::failedJobsSayWhy_data()
{
    QTest::addColumn<QString>("blob");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("detailsStart");
    QTest::newRow("input blob missing") << u"nowhere/none.csv"_qs << QByteArray()
                                        << u"BlobNotFound: Unable to access the provided Azure blob - data/nowhere/none.csv.  Azure error message: BlobNotFound"_qs;
    QTest::newRow("no Col2 column") << u"nocol2.csv"_qs << QByteArray("Col1,Text\n1,hello\n")
                                    << u"InputMismatchError: Input data does not match input port schema. The header row has no column Col2 (it has: Col1, Text)."_qs;
    QTest::newRow("empty input") << u"empty.csv"_qs << QByteArray("")
                                 << u"InputMismatchError: Input data does not match input port schema. The input is empty"_qs;
    QTest::newRow("unterminated quote") << u"badquote.csv"_qs << QByteArray("Col2\n\"open\n")
                                        << u"InputParseError: Parsing of input vector failed."_qs;
}

void tst_MlBes::failedJobsSayWhy()
{
    QFETCH(QString, blob);
    QFETCH(QByteArray, content);
    QFETCH(QString, detailsStart);
    if (!content.isNull() || !blob.startsWith(u"nowhere"_qs))
        QVERIFY(upload(u"data"_qs, blob, content));
    const QString id = submit(submitBody(u"data/"_qs + blob, u"data/failed/%1.csv"_qs.arg(blob)));
    QVERIFY(!id.isEmpty());
    QCOMPARE(send("POST", u"/workspaces/local/services/feature-hashing/jobs/%1/start?api-version=2.0"_qs.arg(id), "").status, 200);
    const QJsonObject status = waitForEnd(id);
    QCOMPARE(status.value(u"StatusCode").toString(), u"Failed"_qs);
    QVERIFY(status.value(u"Results").isNull());
    QVERIFY2(status.value(u"Details").toString().startsWith(detailsStart), qPrintable(status.value(u"Details").toString()));
    QVERIFY(!blobExists(u"data"_qs, u"failed/%1.csv"_qs.arg(blob)));
}

void tst_MlBes::deleteCancelsARunningJob()
{
    QVERIFY(upload(u"data"_qs, u"big/cancel.csv"_qs, inputCsv(600000)));
    const QString id = submit(submitBody(u"data/big/cancel.csv"_qs, u"data/big/cancelled.csv"_qs));
    QVERIFY(!id.isEmpty());
    const QString jobPath = u"/workspaces/local/services/feature-hashing/jobs/%1?api-version=2.0"_qs.arg(id);
    QCOMPARE(send("POST", u"/workspaces/local/services/feature-hashing/jobs/%1/start?api-version=2.0"_qs.arg(id), "").status, 200);
    QTest::qWait(100); // into the job, well before its end (hashing runs in parallel now)
    QCOMPARE(send("GET", jobPath).json().value(u"StatusCode").toString(), u"Running"_qs);

    QCOMPARE(send("DELETE", jobPath).status, 200);
    QCOMPARE(send("GET", jobPath).json().value(u"StatusCode").toString(), u"Cancelled"_qs);
    // Stopped within a second: no output is committed afterwards, and the job stays cancelled.
    QTest::qWait(1500);
    QCOMPARE(send("GET", jobPath).json().value(u"StatusCode").toString(), u"Cancelled"_qs);
    QVERIFY(!blobExists(u"data"_qs, u"big/cancelled.csv"_qs));
    // A cancelled job cannot be started again.
    const Reply start = send("POST", u"/workspaces/local/services/feature-hashing/jobs/%1/start?api-version=2.0"_qs.arg(id), "");
    QCOMPARE(start.json()[u"error"][u"details"][0][u"message"].toString(),
             u"The job cannot be started because it is in Cancelled state."_qs);
}

void tst_MlBes::restartDuringAJobResumesIt()
{
    const int rows = 400000;
    QVERIFY(upload(u"data"_qs, u"big/restart.csv"_qs, inputCsv(rows)));
    const QString id = submit(submitBody(u"data/big/restart.csv"_qs, u"data/big/restarted.csv"_qs));
    QVERIFY(!id.isEmpty());
    QCOMPARE(send("POST", u"/workspaces/local/services/feature-hashing/jobs/%1/start?api-version=2.0"_qs.arg(id), "").status, 200);
    QTest::qWait(100); // into the job, well before its end
    const QString jobPath = u"/workspaces/local/services/feature-hashing/jobs/%1?api-version=2.0"_qs.arg(id);
    QCOMPARE(send("GET", jobPath).json().value(u"StatusCode").toString(), u"Running"_qs);

    const QString dataDir = m_local->dataDir();
    m_local->kill();
    auto restarted = std::make_unique<test::PorticoLocalFixture>();
    QVERIFY2(restarted->start({}, dataDir), qPrintable(restarted->errorString()));
    m_killed = std::exchange(m_local, std::move(restarted));
    const QJsonObject status = waitForEnd(id);
    QCOMPARE(status.value(u"StatusCode").toString(), u"Finished"_qs);
    const QByteArray result = downloadResult(status);
    QVERIFY(result == expectedCsv(rows));
}

QTEST_GUILESS_MAIN(tst_MlBes)
#include "tst_mlbes.moc"
