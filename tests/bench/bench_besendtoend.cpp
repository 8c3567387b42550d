// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// A 1,000,000-row BES job end to end through Azurite (upload the input, submit, start, poll,
// download the result through its SAS URL), next to the floor measured in the same run: a
// plain upload plus download of the same input bytes through the same blob client.
// Goal: at most 2x the floor. Also prints portico-local's peak resident memory.

#include "core/storage/blobclient.h"
#include "tests/support/azuritefixture.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/tempdir.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace portico;

class bench_BesEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void millionRowJobNextToTheFloor();

private:
    bool run(core::BlobJob *job, int timeoutMs = 600000);
    QByteArray call(const QByteArray &verb, const QString &path, const QByteArray &body = {});

    test::AzuriteFixture m_azurite;
    test::PorticoLocalFixture m_local;
    QNetworkAccessManager m_nam;
};

bool bench_BesEndToEnd::run(core::BlobJob *job, int timeoutMs)
{
    QSignalSpy done(job, &core::BlobJob::finished);
    const bool ok = (job->isFinished() || done.wait(timeoutMs)) && job->result().ok();
    if (!ok && job->isFinished())
        qWarning("%s", qPrintable(job->result().error().toString()));
    job->deleteLater();
    return ok;
}

QByteArray bench_BesEndToEnd::call(const QByteArray &verb, const QString &path, const QByteArray &body)
{
    QNetworkRequest request(QUrl(m_local.mlUrl().toString() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_local.mlKey().toUtf8());
    QNetworkReply *reply = verb == "GET" ? m_nam.get(request) : m_nam.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(30000);
    reply->deleteLater();
    return reply->readAll();
}

static qint64 peakRssKb(qint64 pid)
{
    QFile status(u"/proc/%1/status"_qs.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

void bench_BesEndToEnd::millionRowJobNextToTheFloor()
{
    QVERIFY2(m_azurite.start(), qPrintable(m_azurite.errorString()));
    QVERIFY2(m_local.start(), qPrintable(m_local.errorString()));
    test::TempDir temp;
    // PORTICO_BENCH_ROWS overrides the size, e.g. to see that memory does not grow with it.
    const int rows = qEnvironmentVariableIntValue("PORTICO_BENCH_ROWS") > 0
        ? qEnvironmentVariableIntValue("PORTICO_BENCH_ROWS")
        : 1000000;
    {
        QFile input(temp.filePath(u"input.csv"_qs));
        QVERIFY(input.open(QIODevice::WriteOnly));
        static const char *const reviews[] = { "This is a good day", "great product, works as described",
                                               "battery life is short and I would not buy it again",
                                               "excellent value for money", "arrived late but \"quality\" is fine" };
        input.write("Col1,Col2\n");
        for (int r = 0; r < rows; ++r) {
            const QByteArray text = reviews[r % 5];
            const bool quote = text.contains(',') || text.contains('"');
            QByteArray line = QByteArray::number(r % 5 + 1) + ',';
            line += quote ? '"' + QByteArray(text).replace("\"", "\"\"") + '"' : text;
            line += ' ' + QByteArray::number(r) + '\n';
            input.write(line);
        }
    }
    const qint64 inputBytes = QFile(temp.filePath(u"input.csv"_qs)).size();
    auto account = core::StorageAccount::fromConnectionString(m_azurite.connectionString());
    QVERIFY(account.ok());
    core::BlobClient blobs(account.value(), &m_nam);
    QVERIFY(run(blobs.createContainer(u"bench"_qs)));

    // Floor: upload and download the same bytes through the same client.
    QElapsedTimer timer;
    timer.start();
    {
        QFile source(temp.filePath(u"input.csv"_qs));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QVERIFY(run(blobs.upload(u"bench"_qs, u"floor.csv"_qs, &source, { u"text/csv"_qs })));
        QFile sink(temp.filePath(u"floor-download.csv"_qs));
        QVERIFY(sink.open(QIODevice::WriteOnly));
        QVERIFY(run(blobs.download(u"bench"_qs, u"floor.csv"_qs, &sink)));
    }
    const double floorSeconds = timer.nsecsElapsed() / 1e9;

    const qint64 rssBeforeKb = peakRssKb(m_local.process().processId());
    // The job: upload the input, submit, start, poll, download through the SAS URL.
    timer.restart();
    {
        QFile source(temp.filePath(u"input.csv"_qs));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QVERIFY(run(blobs.upload(u"bench"_qs, u"input.csv"_qs, &source, { u"text/csv"_qs })));
    }
    const QString cs = m_azurite.connectionString();
    const QByteArray submitBody = QJsonDocument(QJsonObject {
        { u"Inputs"_qs, QJsonObject { { u"input1"_qs, QJsonObject { { u"ConnectionString"_qs, cs }, { u"RelativeLocation"_qs, u"bench/input.csv"_qs } } } } },
        { u"Outputs"_qs, QJsonObject { { u"output1"_qs, QJsonObject { { u"ConnectionString"_qs, cs }, { u"RelativeLocation"_qs, u"bench/output.csv"_qs } } } } } }).toJson();
    const QByteArray idJson = call("POST", u"/workspaces/local/services/feature-hashing/jobs?api-version=2.0"_qs, submitBody);
    const QString id = QString::fromLatin1(idJson.trimmed()).remove(u'"');
    QCOMPARE(id.size(), 32);
    const double uploadSeconds = timer.nsecsElapsed() / 1e9;
    QElapsedTimer jobTimer;
    jobTimer.start();
    call("POST", u"/workspaces/local/services/feature-hashing/jobs/%1/start?api-version=2.0"_qs.arg(id), "");
    QJsonObject status;
    const QDeadlineTimer deadline(600000);
    while (!deadline.hasExpired()) {
        status = QJsonDocument::fromJson(call("GET", u"/workspaces/local/services/feature-hashing/jobs/%1?api-version=2.0"_qs.arg(id))).object();
        if (status.value(u"StatusCode").toString() != u"Running"_qs)
            break;
        QTest::qWait(100);
    }
    QCOMPARE(status.value(u"StatusCode").toString(), u"Finished"_qs);
    const double runSeconds = jobTimer.nsecsElapsed() / 1e9;
    const QJsonObject output = status[u"Results"][u"output1"].toObject();
    const QUrl url(output.value(u"BaseLocation").toString() + output.value(u"RelativeLocation").toString()
                   + output.value(u"SasBlobToken").toString());
    QFile result(temp.filePath(u"output.csv"_qs));
    QVERIFY(result.open(QIODevice::WriteOnly));
    QVERIFY(run(core::BlobClient::downloadUrl(&m_nam, url, &result, nullptr)));
    result.close();
    const double jobSeconds = timer.nsecsElapsed() / 1e9;

    // The result has the header and one line per row (no field here holds a line break).
    QVERIFY(result.open(QIODevice::ReadOnly));
    qint64 lines = 0;
    QByteArray first;
    while (!result.atEnd()) {
        const QByteArray line = result.readLine(1 << 20);
        if (lines == 1)
            first = line;
        ++lines;
    }
    QCOMPARE(lines, qint64(rows) + 1);
    QVERIFY(first.startsWith("This is a good day 0,"));
    const qint64 rssKb = peakRssKb(m_local.process().processId());

    qInfo("input: %d rows, %.1f MB; output %.1f MB; first row: %s", rows, inputBytes / 1e6, result.size() / 1e6,
          first.trimmed().constData());
    qInfo("BES end to end (upload, submit, start, poll, SAS download): %.2f s (%.0f rows/s)", jobSeconds, rows / jobSeconds);
    qInfo("  of which: input upload %.2f s, start until Finished %.2f s, result download %.2f s", uploadSeconds,
          runSeconds, jobSeconds - uploadSeconds - runSeconds);
    qInfo("floor (plain upload + download of the same input bytes, same client): %.2f s", floorSeconds);
    qInfo("ratio BES / floor: %.2fx (goal <= 2x)", jobSeconds / floorSeconds);
    qInfo("portico-local peak RSS (VmHWM): %lld KiB before the job, %lld KiB after it, for a %lld KiB input",
          rssBeforeKb, rssKb, inputBytes / 1024);
}

QTEST_GUILESS_MAIN(bench_BesEndToEnd)
#include "bench_besendtoend.moc"
