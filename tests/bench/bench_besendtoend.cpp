// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// A 1,000,000-row BES job end to end through Azurite (upload the input, submit, start, poll,
// download the result through its SAS URL), next to the floor measured in the same run: a
// plain upload plus download of the same bytes through the same blob client, i.e. an upload of
// the input and a download of a blob the size of the result (the job's own client-side
// transfers, without the service). Floor and job alternate for five rounds (on a shared
// machine single timings vary by 2x) and the medians are compared. Goal: at most 2x the floor. For comparison it also prints the ratio
// against an upload and download of the input bytes only (the result is a third larger than
// the input, so that floor moves fewer bytes than the job does). Also checks the result byte
// for byte and prints portico-local's peak resident memory. After each round it prints the job's
// phases as portico-local's BES runner logs them (ms since the runner started the job).
// Each round also times the server's transfers alone, as the BES runner shapes them (the input
// read in its ranges while a result-sized file is written in blocks of its size, as many at once)
// but without the service: a job moving its bytes in that shape cannot take less than the floor
// plus those, which gives the least ratio the runner could reach against this storage service on
// this machine (PORTICO_BENCH_RAW times other shapes).
// PORTICO_BENCH_RAW=1 also times Azurite alone (wall and Azurite's CPU) for the server's
// transfer shapes: the input read in ranges of several sizes, the result written as blocks of
// several sizes and concurrencies, and both at once.

#include "core/local/ml/besjobrunner.h"
#include "core/local/ml/featurehasher.h"
#include "core/storage/blobclient.h"
#include "tests/support/azuritefixture.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/tempdir.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <functional>

#include <unistd.h>

using namespace portico;

static double cpuSeconds(qint64 pid);
static void settle();

class bench_BesEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void millionRowJobNextToTheFloor();

private:
    bool run(core::BlobJob *job, int timeoutMs = 600000);
    struct Floor
    {
        double upload = 0;         // the input
        double downloadResult = 0; // a blob the size of the result
        double downloadInput = 0;  // the input bytes
        double azuriteCpu = 0;     // Azurite's CPU seconds for the upload and result download
    };
    bool measureFloor(core::BlobClient &blobs, const QString &inputFile, const QString &sinkFile,
                      Floor *floor);
    struct Job
    {
        double upload = 0; // the input, and the submit call
        double submit = 0; // of which the submit call
        double start = 0;  // the start call
        double run = 0;    // start until the poll sees Finished
        double total = 0;  // and the SAS download of the result
        double azuriteCpuUpload = 0, azuriteCpuRun = 0, azuriteCpuDownload = 0;
    };
    void runJob(core::BlobClient &blobs, int round, const QString &inputFile, const QString &resultFile,
                Job *job);
    // The server's transfers without the service: read a blob in ranges and/or write a file as
    // blocks, through this process's client. Returns seconds, or -1.
    double rawTransfers(core::BlobClient &blobs, const QString &readBlob, qint64 readSize,
                        const QString &writeFile, qint64 rangeSize, int rangesAhead,
                        qint64 blockSize, int uploads);
    QByteArray call(const QByteArray &verb, const QString &path, const QByteArray &body = {});

    test::AzuriteFixture m_azurite;
    test::PorticoLocalFixture m_local;
    QNetworkAccessManager m_nam;
    qint64 m_azuritePid = -1;
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

bool bench_BesEndToEnd::measureFloor(core::BlobClient &blobs, const QString &inputFile,
                                     const QString &sinkFile, Floor *floor)
{
    const double cpu = cpuSeconds(m_azuritePid);
    QElapsedTimer timer;
    timer.start();
    QFile source(inputFile);
    if (!source.open(QIODevice::ReadOnly) || !run(blobs.upload(u"bench"_qs, u"floor-input.csv"_qs, &source, { u"text/csv"_qs })))
        return false;
    floor->upload = timer.nsecsElapsed() / 1e9;
    for (auto [blob, seconds] : { std::pair { u"floor-result.csv"_qs, &floor->downloadResult },
                                  std::pair { u"floor-input.csv"_qs, &floor->downloadInput } }) {
        timer.restart();
        QFile sink(sinkFile);
        if (!sink.open(QIODevice::WriteOnly) || !run(blobs.download(u"bench"_qs, blob, &sink)))
            return false;
        *seconds = timer.nsecsElapsed() / 1e9;
        if (seconds == &floor->downloadResult)
            floor->azuriteCpu = cpuSeconds(m_azuritePid) - cpu;
    }
    return true;
}

double bench_BesEndToEnd::rawTransfers(core::BlobClient &blobs, const QString &readBlob,
                                       qint64 readSize, const QString &writeFile, qint64 rangeSize,
                                       int rangesAhead, qint64 blockSize, int uploads)
{
    QElapsedTimer timer;
    timer.start();
    QFile source(writeFile);
    core::BlobUploadJob *upload = nullptr;
    if (!writeFile.isEmpty()) {
        if (!source.open(QIODevice::ReadOnly))
            return -1;
        core::BlobUploadJob::Options options { u"text/csv"_qs, blockSize, 0, uploads };
        upload = blobs.upload(u"bench"_qs, u"raw-output.csv"_qs, &source, options);
    }
    bool failed = false;
    qint64 next = 0;
    int inFlight = 0;
    QEventLoop loop;
    auto check = [&] {
        if (inFlight == 0 && (!upload || upload->isFinished()))
            loop.quit();
    };
    if (upload)
        connect(upload, &core::BlobJob::finished, &loop, check, Qt::QueuedConnection);
    std::function<void()> fill = [&] {
        while (!failed && inFlight < rangesAhead && next < readSize) {
            auto *range = blobs.getRange(u"bench"_qs, readBlob, next, qMin(rangeSize, readSize - next));
            next += rangeSize;
            ++inFlight;
            connect(range, &core::BlobJob::finished, this, [&, range] {
                failed |= !range->result().ok();
                range->deleteLater();
                --inFlight;
                fill();
                check();
            });
        }
    };
    fill();
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    if (inFlight > 0 || (upload && !upload->isFinished()))
        loop.exec();
    if (upload) {
        failed |= !upload->isFinished() || !upload->result().ok();
        upload->deleteLater();
    }
    return failed ? -1 : timer.nsecsElapsed() / 1e9;
}

// The result the job must write, from the same hasher but an independent CSV writer.
static bool writeExpected(const QString &inputFile, const QString &expectedFile)
{
    QFile input(inputFile);
    QFile expected(expectedFile);
    if (!input.open(QIODevice::ReadOnly) || !expected.open(QIODevice::WriteOnly))
        return false;
    const local::FeatureHasher hasher(3, 2);
    std::vector<quint32> counts(8);
    QByteArray out = "Col2";
    for (int b = 0; b < 8; ++b)
        out += ",Col2_HashingFeature." + QByteArray::number(b);
    out += '\n';
    (void)input.readLine(); // header
    while (!input.atEnd()) {
        // No field here holds a line break. A quoted field may go on after its closing quote
        // ("a, b" 7 reads as: a, b 7), as AzureML's reader and ours take it.
        const QByteArray line = input.readLine().chopped(1);
        const QByteArray raw = line.mid(line.indexOf(',') + 1);
        QByteArray text;
        if (raw.startsWith('"')) {
            qsizetype i = 1;
            for (; i < raw.size(); ++i) {
                if (raw.at(i) != '"')
                    text += raw.at(i);
                else if (i + 1 < raw.size() && raw.at(i + 1) == '"')
                    text += raw.at(i++);
                else
                    break;
            }
            text += raw.mid(i + 1);
        } else {
            text = raw;
        }
        const bool quote = text.contains(',') || text.contains('"');
        const QByteArray written = quote ? '"' + QByteArray(text).replace("\"", "\"\"") + '"' : text;
        std::fill(counts.begin(), counts.end(), 0);
        hasher.accumulate(text, counts.data());
        out += written;
        for (quint32 c : counts)
            out += ',' + QByteArray::number(c);
        out += '\n';
        if (out.size() > (1 << 20))
            expected.write(std::exchange(out, {}));
    }
    return expected.write(out) == out.size();
}

static bool sameContent(const QString &a, const QString &b)
{
    QFile fa(a), fb(b);
    if (!fa.open(QIODevice::ReadOnly) || !fb.open(QIODevice::ReadOnly) || fa.size() != fb.size())
        return false;
    while (!fa.atEnd()) {
        if (fa.read(1 << 20) != fb.read(1 << 20))
            return false;
    }
    return true;
}

// Lets the disk write back what the last phase left and the processes go quiet.
static void settle()
{
    ::sync();
    QTest::qWait(200);
}

// User plus system CPU time of a process so far, in seconds.
static double cpuSeconds(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_qs.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return (fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

// The Azurite (node) process this test started.
static qint64 azuritePid()
{
    const QString self = QString::number(QCoreApplication::applicationPid());
    for (const QString &entry : QDir(u"/proc"_qs).entryList(QDir::Dirs)) {
        QFile stat(u"/proc/%1/stat"_qs.arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1) == self.toLatin1() && text.contains("(node)"))
            return entry.toLongLong();
    }
    return -1;
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
    m_azuritePid = azuritePid();
    // The BES runner logs its phases (debug) when a job finishes: printed after each round.
    // Not every request of this client.
    QLoggingCategory::setFilterRules(u"portico.core.storage.debug=false"_qs);
    qputenv("QT_LOGGING_RULES", "portico.core.storage.debug=false");
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

    const QString inputFile = temp.filePath(u"input.csv"_qs);
    const QString expectedFile = temp.filePath(u"expected.csv"_qs);
    QVERIFY(writeExpected(inputFile, expectedFile));
    {
        // Untimed: the blob the floor downloads in place of the result, and the input the
        // server's transfers alone read before the first floor uploads it.
        QFile expected(expectedFile);
        QVERIFY(expected.open(QIODevice::ReadOnly));
        QVERIFY(run(blobs.upload(u"bench"_qs, u"floor-result.csv"_qs, &expected, { u"text/csv"_qs })));
        QFile input(inputFile);
        QVERIFY(input.open(QIODevice::ReadOnly));
        QVERIFY(run(blobs.upload(u"bench"_qs, u"floor-input.csv"_qs, &input, { u"text/csv"_qs })));
    }
    const qint64 rssBeforeKb = peakRssKb(m_local.process().processId());
    const double cpuBefore = cpuSeconds(m_local.process().processId());
    // Rounds of floor then job, on a shared machine: the medians are compared.
    const int rounds = qEnvironmentVariableIntValue("PORTICO_BENCH_ROUNDS") > 0
        ? qEnvironmentVariableIntValue("PORTICO_BENCH_ROUNDS")
        : 5;
    QList<double> floors, inputFloors, jobs, transfers, serverPhases, floorCpus, jobCpus;
    // The runner's blocks: the output of runBytes of input each.
    const qint64 blockBytes = local::BesJobRunner::runBytes * QFile(expectedFile).size() / inputBytes;
    for (int round = 0; round < rounds; ++round) {
        // Each timed phase starts from a settled disk: the downloads leave up to 100 MB of file
        // for the kernel to write back, which would otherwise land on whichever phase comes
        // next. The floor and the job also take turns going first.
        settle();
        const double transfersAlone = rawTransfers(
            blobs, u"floor-input.csv"_qs, inputBytes, expectedFile, local::BesJobRunner::rangeSize,
            local::BesJobRunner::rangesAhead, blockBytes, local::BesJobRunner::maxUploads);
        QVERIFY(transfersAlone > 0);
        Floor floor;
        Job job;
        for (int phase = 0; phase < 2; ++phase) {
            settle();
            if ((phase + round) % 2 == 0) {
                QVERIFY(measureFloor(blobs, inputFile, temp.filePath(u"floor-download.csv"_qs), &floor));
            } else {
                runJob(blobs, round, inputFile, temp.filePath(u"output.csv"_qs), &job);
                if (QTest::currentTestFailed())
                    return;
            }
        }
        QVERIFY2(sameContent(temp.filePath(u"output.csv"_qs), expectedFile),
                 "the result differs from the expected hashing");
        floors.append(floor.upload + floor.downloadResult);
        inputFloors.append(floor.upload + floor.downloadInput);
        jobs.append(job.total);
        transfers.append(transfersAlone);
        serverPhases.append(job.run);
        floorCpus.append(floor.azuriteCpu);
        jobCpus.append(job.azuriteCpuUpload + job.azuriteCpuRun + job.azuriteCpuDownload);
        qInfo("round %d: floor %.2f s (upload %.2f + result-sized download %.2f); BES %.2f s (input "
              "upload and submit %.2f, start until Finished %.2f, SAS download %.2f): %.2fx",
              round + 1, floors.last(), floor.upload, floor.downloadResult, job.total, job.upload,
              job.run, job.total - job.upload - job.run, jobs.last() / floors.last());
        qInfo("  the server's transfers alone %.2f s: start until Finished is %.2fx that", transfersAlone,
              job.run / transfersAlone);
        qInfo("  submit call %.3f s, start call %.3f s; Azurite CPU: floor %.2f s, job %.2f s "
              "(upload %.2f, start until Finished %.2f, download %.2f)", job.submit, job.start,
              floor.azuriteCpu, job.azuriteCpuUpload + job.azuriteCpuRun + job.azuriteCpuDownload,
              job.azuriteCpuUpload, job.azuriteCpuRun, job.azuriteCpuDownload);
        for (const QByteArray &line : m_local.process().readAllStandardError().split('\n')) {
            if (line.contains("finished"))
                qInfo("  portico-local: %s", line.mid(line.indexOf("finished")).constData());
        }
    }
    if (qEnvironmentVariableIsSet("PORTICO_BENCH_RAW")) {
        // Azurite's rates for the server's transfer pattern and other shapes, through this
        // process's client (no hashing): wall time and Azurite's CPU time.
        const qint64 node = m_azuritePid;
        const qint64 size = inputBytes;
        auto raw = [&](const char *what, const QString &readBlob, qint64 rangeSize, int ahead,
                       const QString &writeFile, qint64 blockSize, int uploads) {
            const double cpu = cpuSeconds(node);
            const double wall = rawTransfers(blobs, readBlob, readBlob.isEmpty() ? 0 : size,
                                             writeFile, rangeSize, ahead, blockSize, uploads);
            qInfo("raw: %-46s %.3f s, Azurite CPU %.3f s", what, wall, cpuSeconds(node) - cpu);
        };
        const QString in = u"floor-input.csv"_qs;
        for (int i = 0; i < 3; ++i) {
            raw("upload input 4 MiB x4 (= floor upload)", {}, 0, 0, inputFile, 4 << 20, 4);
            raw("upload result 4 MiB x4", {}, 0, 0, expectedFile, 4 << 20, 4);
            raw("upload result 4 MiB x5", {}, 0, 0, expectedFile, 4 << 20, 5);
            raw("upload result 5.5 MB x4", {}, 0, 0, expectedFile, 5500000, 4);
            raw("upload result 16 MiB x4", {}, 0, 0, expectedFile, 16 << 20, 4);
            raw("upload result 4 MiB x2", {}, 0, 0, expectedFile, 4 << 20, 2);
            raw("read input 4 MiB ranges x2", in, 4 << 20, 2, {}, 0, 0);
            raw("read input 8 MiB ranges x2", in, 8 << 20, 2, {}, 0, 0);
            raw("read input 16 MiB ranges x2", in, 16 << 20, 2, {}, 0, 0);
            raw("read input 43 MB range x1", in, size, 1, {}, 0, 0);
            raw("read 4 MiB x2 + upload 5.5 MB x4 at once", in, 4 << 20, 2, expectedFile, 5500000, 4);
            raw("read 16 MiB x2 + upload 4 MiB x4 at once", in, 16 << 20, 2, expectedFile, 4 << 20, 4);
        }
    }
    const qint64 rssKb = peakRssKb(m_local.process().processId());
    const double cpuPerJob = (cpuSeconds(m_local.process().processId()) - cpuBefore) / rounds;
    auto median = [](QList<double> values) {
        std::sort(values.begin(), values.end());
        return values.at(values.size() / 2);
    };
    const double floorSeconds = median(floors);
    const double jobSeconds = median(jobs);
    qInfo("input: %d rows, %.1f MB; result %.1f MB (checked byte for byte each round)", rows,
          inputBytes / 1e6, QFile(expectedFile).size() / 1e6);
    qInfo("BES end to end (upload, submit, start, poll, SAS download), median of %d: %.2f s (%.0f rows/s)",
          rounds, jobSeconds, rows / jobSeconds);
    qInfo("floor (same client: upload of the input + download of a result-sized blob), median: %.2f s",
          floorSeconds);
    qInfo("ratio BES / floor: %.2fx (goal <= 2x)", jobSeconds / floorSeconds);
    qInfo("the server's transfers alone (input in %lld MiB ranges, %d ahead, while writing %.1f MB "
          "blocks, %d at once; no hashing), median: %.2f s. Least ratio in this shape: (floor + "
          "those) / floor = %.2fx", local::BesJobRunner::rangeSize >> 20, int(local::BesJobRunner::rangesAhead),
          blockBytes / 1e6, int(local::BesJobRunner::maxUploads), median(transfers),
          (floorSeconds + median(transfers)) / floorSeconds);
    qInfo("BES start until Finished, median: %.2f s, %.2fx the server's transfers alone",
          median(serverPhases), median(serverPhases) / median(transfers));
    // Azurite does its HTTP parsing and MD5s on one thread: the work the job gives it, next to
    // the floor's, bounds the ratio from below wherever that thread is the bottleneck.
    qInfo("Azurite CPU time, median: job %.2f s, floor %.2f s (%.2fx)", median(jobCpus),
          median(floorCpus), median(jobCpus) / median(floorCpus));
    qInfo("for comparison, against upload + download of the input bytes only (median %.2f s): %.2fx",
          median(inputFloors), jobSeconds / median(inputFloors));
    qInfo("portico-local peak RSS (VmHWM): %lld KiB before the jobs, %lld KiB after them, for a %lld KiB input",
          rssBeforeKb, rssKb, inputBytes / 1024);
    qInfo("portico-local CPU time per job (user + system, all threads): %.2f s", cpuPerJob);
}

void bench_BesEndToEnd::runJob(core::BlobClient &blobs, int round, const QString &inputFile,
                               const QString &resultFile, Job *job)
{
    // Upload the input, submit, start, poll every 5 ms (so the poll adds at most that to the time
    // the job takes), download through the SAS URL.
    const double cpu0 = cpuSeconds(m_azuritePid);
    QElapsedTimer timer;
    timer.start();
    const QString input = u"input-%1.csv"_qs.arg(round);
    {
        QFile source(inputFile);
        QVERIFY(source.open(QIODevice::ReadOnly));
        QVERIFY(run(blobs.upload(u"bench"_qs, input, &source, { u"text/csv"_qs })));
    }
    const QString cs = m_azurite.connectionString();
    const QByteArray submitBody = QJsonDocument(QJsonObject {
        { u"Inputs"_qs, QJsonObject { { u"input1"_qs, QJsonObject { { u"ConnectionString"_qs, cs }, { u"RelativeLocation"_qs, QString(u"bench/"_qs + input) } } } } },
        { u"Outputs"_qs, QJsonObject { { u"output1"_qs, QJsonObject { { u"ConnectionString"_qs, cs }, { u"RelativeLocation"_qs, u"bench/output-%1.csv"_qs.arg(round) } } } } } }).toJson();
    const double uploaded = timer.nsecsElapsed() / 1e9;
    const QByteArray idJson = call("POST", u"/workspaces/local/services/feature-hashing/jobs?api-version=2.0"_qs, submitBody);
    const QString id = QString::fromLatin1(idJson.trimmed()).remove(u'"');
    QCOMPARE(id.size(), 32);
    job->upload = timer.nsecsElapsed() / 1e9;
    job->submit = job->upload - uploaded;
    const double cpu1 = cpuSeconds(m_azuritePid);
    QElapsedTimer jobTimer;
    jobTimer.start();
    call("POST", u"/workspaces/local/services/feature-hashing/jobs/%1/start?api-version=2.0"_qs.arg(id), "");
    job->start = jobTimer.nsecsElapsed() / 1e9;
    QJsonObject status;
    const QDeadlineTimer deadline(600000);
    while (!deadline.hasExpired()) {
        status = QJsonDocument::fromJson(call("GET", u"/workspaces/local/services/feature-hashing/jobs/%1?api-version=2.0"_qs.arg(id))).object();
        if (status.value(u"StatusCode").toString() != u"Running"_qs)
            break;
        QTest::qWait(5);
    }
    QCOMPARE(status.value(u"StatusCode").toString(), u"Finished"_qs);
    job->run = jobTimer.nsecsElapsed() / 1e9;
    const double cpu2 = cpuSeconds(m_azuritePid);
    const QJsonObject output = status[u"Results"][u"output1"].toObject();
    const QUrl url(output.value(u"BaseLocation").toString() + output.value(u"RelativeLocation").toString()
                   + output.value(u"SasBlobToken").toString());
    QFile result(resultFile);
    QVERIFY(result.open(QIODevice::WriteOnly));
    QVERIFY(run(core::BlobClient::downloadUrl(&m_nam, url, &result, nullptr)));
    result.close();
    job->total = timer.nsecsElapsed() / 1e9;
    job->azuriteCpuUpload = cpu1 - cpu0;
    job->azuriteCpuRun = cpu2 - cpu1;
    job->azuriteCpuDownload = cpuSeconds(m_azuritePid) - cpu2;
}

QTEST_GUILESS_MAIN(bench_BesEndToEnd)
#include "bench_besendtoend.moc"
