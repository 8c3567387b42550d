// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// One BES job runner against real Azurite, with its limits made small: records cut at every
// range and run edge come out whole and in order, wide outputs (a large Hashing bitsize) are
// written in bounded blocks, and an endless record or too many blocks fail the job with a
// clear Details instead of taking all memory.

#include "core/common/csvreader.h"
#include "core/local/ml/besjobrunner.h"
#include "core/local/ml/featurehasher.h"
#include "core/storage/blobclient.h"
#include "tests/support/azuritefixture.h"
#include "tests/support/flakyproxy.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

Q_DECLARE_METATYPE(portico::local::BesJobRunner::Limits)
Q_DECLARE_METATYPE(std::function<bool(const portico::test::FlakyProxy::Request &)>)

using namespace portico;
using local::BesJobRunner;

namespace {

QByteArray quotedIfNeeded(const QByteArray &text)
{
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n') && !text.contains('\r'))
        return text;
    QByteArray quoted = text;
    return '"' + quoted.replace("\"", "\"\"") + '"';
}

// The job's output for `input`, worked out with one CsvReader over the whole input.
QByteArray expectedOutput(const QByteArray &input, int bits)
{
    QList<QList<QByteArray>> records;
    core::CsvReader reader([&](const QList<QByteArray> &fields, int count) {
        records.append(fields.first(count));
    });
    reader.feed(input);
    if (!reader.finish() || records.isEmpty())
        return {};
    const int column = int(records.first().indexOf("Col2"));
    const local::FeatureHasher hasher(bits, 2);
    QByteArray csv = "Col2";
    for (int b = 0; b < hasher.bucketCount(); ++b)
        csv += ",Col2_HashingFeature." + QByteArray::number(b);
    csv += '\n';
    std::vector<quint32> counts(size_t(hasher.bucketCount()));
    for (qsizetype r = 1; r < records.size(); ++r) {
        const QByteArray text = records.at(r).value(column);
        std::fill(counts.begin(), counts.end(), 0);
        hasher.accumulate(text, counts.data());
        csv += quotedIfNeeded(text);
        for (quint32 c : counts)
            csv += ',' + QByteArray::number(c);
        csv += '\n';
    }
    return csv;
}

BesJobRunner::Limits smallLimits(qint64 first, qint64 range, qint64 run)
{
    BesJobRunner::Limits limits;
    limits.firstRangeSize = first;
    limits.rangeSize = range;
    limits.runBytes = run;
    return limits;
}

} // namespace

class tst_BesJobRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recordsCutAtEveryEdgeComeOutWhole_data();
    void recordsCutAtEveryEdgeComeOutWhole();
    void wideOutputIsWrittenInBoundedBlocks();
    void failsClearly_data();
    void failsClearly();
    void inputReplacedWhileReadFailsTheJob();
    void busyStorageIsRetried_data();
    void busyStorageIsRetried();

private:
    bool upload(const QString &blob, const QByteArray &data);
    QByteArray download(const QString &blob);
    // Runs one job to its end; returns Details ("" when it succeeded).
    QString runJob(BesJobRunner &runner, const QString &input, const QString &output, int bits,
                   const QString &connectionString = {});

    test::AzuriteFixture m_azurite;
    QNetworkAccessManager m_nam;
    std::unique_ptr<core::BlobClient> m_blobs;
    int m_jobs = 0;
};

void tst_BesJobRunner::initTestCase()
{
    QLoggingCategory::setFilterRules(u"portico.*.debug=false"_qs); // a line per request
    QVERIFY2(m_azurite.start(), qPrintable(m_azurite.errorString()));
    m_blobs = m_azurite.clientWithContainer(&m_nam, u"data"_qs);
    QVERIFY(m_blobs);
}

bool tst_BesJobRunner::upload(const QString &blob, const QByteArray &data)
{
    auto *job = m_blobs->putBlob(u"data"_qs, blob, data, u"text/csv"_qs);
    QSignalSpy done(job, &core::BlobJob::finished);
    const bool ok = done.wait(60000) && job->result().ok();
    job->deleteLater();
    return ok;
}

QByteArray tst_BesJobRunner::download(const QString &blob)
{
    auto *job = m_blobs->getRange(u"data"_qs, blob, 0, 64 * 1024 * 1024, { u"InvalidRange"_qs });
    QSignalSpy done(job, &core::BlobJob::finished);
    if (!done.wait(60000) || !job->result().ok())
        return "(cannot read " + blob.toUtf8() + ')';
    job->deleteLater();
    return job->body();
}

QString tst_BesJobRunner::runJob(BesJobRunner &runner, const QString &input, const QString &output,
                                 int bits, const QString &connectionString)
{
    const QString cs = connectionString.isEmpty() ? m_azurite.connectionString() : connectionString;
    const QByteArray body = QJsonDocument(QJsonObject {
        { u"Inputs"_qs, QJsonObject { { u"input1"_qs, QJsonObject { { u"ConnectionString"_qs, cs },
                                                                  { u"RelativeLocation"_qs, input } } } } },
        { u"Outputs"_qs, QJsonObject { { u"output1"_qs, QJsonObject { { u"ConnectionString"_qs, cs },
                                                                    { u"RelativeLocation"_qs, output } } } } },
        { u"GlobalParameters"_qs, QJsonObject { { u"Hashing bitsize"_qs, QString::number(bits) } } } })
                                .toJson();
    QSignalSpy ended(&runner, &BesJobRunner::jobEnded);
    const QString id = u"job%1"_qs.arg(++m_jobs);
    runner.run(id, body);
    // A request it cannot parse ends the job inside run().
    if (ended.isEmpty() && !ended.wait(120000))
        return u"(the job did not end)"_qs;
    const QList<QVariant> arguments = ended.takeFirst();
    if (arguments.at(0).toString() != id)
        return u"(another job ended)"_qs;
    return arguments.at(1).toBool() ? QString() : arguments.at(3).toString();
}

void tst_BesJobRunner::recordsCutAtEveryEdgeComeOutWhole_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("BOM, CRLF, quoted CRLF, no final line break")
        << QByteArray("\xEF\xBB\xBF" "Col2,n\r\nThis is a good day,1\r\n\"quoted, with\r\nbreak\",2\r\nlast,3");
    QTest::newRow("Col2 not first, quoted line breaks and doubled quotes")
        << QByteArray("a,Col2,b\n1,\"x\ny\",2\n3,\"say \"\"hi\"\" twice\",4\n5,,6\n7,plain text here,8\n");
    QTest::newRow("blank lines around the header and rows") << QByteArray("\n\r\nCol2\n\n\nx\n\r\ny\n\n");
    QTest::newRow("only a header, no line break") << QByteArray("Col1,Col2");
    QTest::newRow("only a header and a line break") << QByteArray("Col2\r\n");
    QByteArray many = "Col2,n\n";
    for (int i = 0; i < 300; ++i)
        many += (i % 7 == 0 ? QByteArray("\"row, " + QByteArray::number(i) + "\nspans\"")
                            : QByteArray("row " + QByteArray::number(i)))
            + ",x\n";
    QTest::newRow("300 rows") << many;
}

void tst_BesJobRunner::recordsCutAtEveryEdgeComeOutWhole()
{
    QFETCH(QByteArray, input);
    const QByteArray expected = expectedOutput(input, 3);
    QVERIFY(!expected.isEmpty());
    const QString blob = u"edges/case%1.csv"_qs.arg(m_jobs);
    QVERIFY(upload(blob, input));
    // (first range, range, run) in bytes: every record of the inputs above crosses some edge.
    const QList<BesJobRunner::Limits> cases { smallLimits(1, 1, 1), smallLimits(3, 2, 5),
                                              smallLimits(5, 7, 4), smallLimits(16, 16, 32),
                                              smallLimits(64, 1000, 100), BesJobRunner::Limits() };
    for (const BesJobRunner::Limits &limits : cases) {
        BesJobRunner runner(limits, 2);
        const QByteArray where = "first range " + QByteArray::number(limits.firstRangeSize)
            + ", ranges " + QByteArray::number(limits.rangeSize) + ", runs "
            + QByteArray::number(limits.runBytes);
        const QString details = runJob(runner, u"data/"_qs + blob, u"data/out/"_qs + blob, 3);
        QVERIFY2(details.isEmpty(), qPrintable(details + u" ("_qs + QString::fromLatin1(where) + u')'));
        QCOMPARE(download(u"out/"_qs + blob), expected);
    }
}

void tst_BesJobRunner::wideOutputIsWrittenInBoundedBlocks()
{
    // At Hashing bitsize 10 each row writes more than 2 KiB for its 10-20 bytes: 2,000 rows
    // are 4 MB of output from 30 KB of input, one run by its input bytes alone.
    QByteArray input = "Col2\n";
    for (int i = 0; i < 2000; ++i)
        input += "review " + QByteArray::number(i) + " good\n";
    QVERIFY(upload(u"wide.csv"_qs, input));
    BesJobRunner::Limits limits;
    limits.runOutputBytes = 64 * 1024;
    const int threads = 2;
    BesJobRunner runner(limits, threads);
    const QString details = runJob(runner, u"data/wide.csv"_qs, u"data/out/wide.csv"_qs, 10);
    QVERIFY2(details.isEmpty(), qPrintable(details));
    const QByteArray expected = expectedOutput(input, 10);
    QVERIFY(expected.size() > 4'000'000);
    QCOMPARE(download(u"out/wide.csv"_qs), expected);
    // Held at once: the runs hashing (threads + 2), the blocks waiting and those being uploaded,
    // each at most runOutputBytes and one more row.
    const qint64 widestRow = 2 * 1024 + 64;
    const qint64 bound = (threads + 2 + BesJobRunner::maxReadyBlocks + BesJobRunner::maxUploads)
        * (limits.runOutputBytes + widestRow);
    QVERIFY2(runner.peakOutputBytes() <= bound,
             qPrintable(u"%1 bytes of output held, bound %2"_qs.arg(runner.peakOutputBytes()).arg(bound)));
    QVERIFY(runner.peakOutputBytes() > 0);
}

void tst_BesJobRunner::failsClearly_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<BesJobRunner::Limits>("limits");
    QTest::addColumn<QString>("details");
    BesJobRunner::Limits shortRecords;
    shortRecords.maxRecordBytes = 256;
    const QByteArray tail(2000, 'x');
    QTest::newRow("a quote never closed")
        << "Col2\nfine\n\"never closed " + tail + "\nmore " + tail << shortRecords
        << u"InputParseError: Parsing of input vector failed.  Verify the input vector has the "
           "correct number of columns and data types.  Additional details: the record that "
           "starts at byte 10 is longer than 256 bytes: a quoted field in it is never closed."_qs;
    QTest::newRow("a header without an end")
        << "Col2," + tail << smallLimits(16, 64, 64) << QString();
    BesJobRunner::Limits longHeader = smallLimits(16, 64, 64);
    longHeader.maxRecordBytes = 256;
    QTest::newRow("a header longer than a record may be")
        << "Col2," + tail + "\nrow\n" << longHeader
        << u"InputParseError: Parsing of input vector failed.  Verify the input vector has the "
           "correct number of columns and data types.  Additional details: the record that "
           "starts at byte 0 is longer than 256 bytes."_qs;
    BesJobRunner::Limits fewBlocks = smallLimits(64, 64, 64);
    fewBlocks.maxBlocks = 3;
    QByteArray rows = "Col2\n";
    for (int i = 0; i < 100; ++i)
        rows += "row " + QByteArray::number(i) + '\n';
    QTest::newRow("more blocks than a blob may have")
        << rows << fewBlocks
        << u"BlobNotFound: Unable to access the provided Azure blob - data/out/fail.csv.  Azure "
           "error message: the output needs more than 3 blocks, the most a block blob can have"_qs;
}

void tst_BesJobRunner::failsClearly()
{
    QFETCH(QByteArray, input);
    QFETCH(BesJobRunner::Limits, limits);
    QFETCH(QString, details);
    QVERIFY(upload(u"fail.csv"_qs, input));
    BesJobRunner runner(limits, 2);
    const QString actual = runJob(runner, u"data/fail.csv"_qs, u"data/out/fail.csv"_qs, 3);
    if (details.isEmpty()) // a long header is fine within maxRecordBytes
        QVERIFY2(actual.isEmpty(), qPrintable(actual));
    else
        QVERIFY2(actual.startsWith(details), qPrintable(actual));
}

void tst_BesJobRunner::inputReplacedWhileReadFailsTheJob()
{
    // Read in ranges of a few bytes, the job takes seconds: the input is uploaded again once the
    // header has been read (its block is held), and the job must not mix the two versions.
    QByteArray input = "Col2\n";
    for (int i = 0; i < 400; ++i)
        input += "row " + QByteArray::number(i) + '\n';
    QVERIFY(upload(u"changing.csv"_qs, input));
    BesJobRunner runner(smallLimits(8, 4, 64), 2);
    QSignalSpy ended(&runner, &BesJobRunner::jobEnded);
    const QString cs = m_azurite.connectionString();
    runner.run(u"changing"_qs, QJsonDocument(QJsonObject {
        { u"Input"_qs, QJsonObject { { u"ConnectionString"_qs, cs }, { u"RelativeLocation"_qs, u"data/changing.csv"_qs } } },
        { u"Outputs"_qs, QJsonObject { { u"output1"_qs, QJsonObject { { u"ConnectionString"_qs, cs },
                                                                    { u"RelativeLocation"_qs, u"data/out/changing.csv"_qs } } } } } })
                                   .toJson());
    QTRY_VERIFY_WITH_TIMEOUT(runner.peakOutputBytes() > 0, 20000);
    QVERIFY(ended.isEmpty());
    QVERIFY(upload(u"changing.csv"_qs, input + "one more row\n"));
    // The job may already have ended while the upload was being answered.
    QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), 60000);
    const QList<QVariant> arguments = ended.takeFirst();
    QVERIFY(!arguments.at(1).toBool());
    QCOMPARE(arguments.at(3).toString(),
             u"BlobNotFound: Unable to access the provided Azure blob - data/changing.csv.  Azure "
             "error message: the blob was changed while the job was reading it; start a new job "
             "once it is written."_qs);
}

void tst_BesJobRunner::busyStorageIsRetried_data()
{
    using Request = test::FlakyProxy::Request;
    QTest::addColumn<std::function<bool(const Request &)>>("isBusy");
    QTest::addColumn<int>("busyAnswers");
    QTest::addColumn<QString>("details");
    const auto isRange = [](const Request &r) { return r.method == "GET" && !r.header("x-ms-range").isEmpty(); };
    const auto isBlock = [](const Request &r) { return r.method == "PUT" && r.target.contains("comp=block&"); };
    const auto isCommit = [](const Request &r) { return r.method == "PUT" && r.target.contains("comp=blocklist"); };
    // The n-th distinct request of a kind (its URL and range) is busy its first `times` times.
    const auto nth = [](auto kind, int n, int times) {
        return [kind, n, times, seen = std::make_shared<QSet<QByteArray>>(),
                chosen = std::make_shared<QByteArray>(), busy = std::make_shared<int>(0)](const Request &r) {
            if (!kind(r))
                return false;
            const QByteArray id = r.target + ' ' + r.header("x-ms-range");
            if (chosen->isEmpty()) {
                seen->insert(id);
                if (seen->size() == n)
                    *chosen = id;
            }
            if (id != *chosen || *busy >= times)
                return false;
            ++*busy;
            return true;
        };
    };
    const auto both = [](auto a, auto b) { return [a, b](const Request &r) mutable { return a(r) || b(r); }; };
    QTest::newRow("a range, a block and the commit busy twice each")
        << std::function<bool(const Request &)>(both(both(nth(isRange, 5, 2), nth(isBlock, 3, 2)), nth(isCommit, 1, 2)))
        << 6 << QString();
    QTest::newRow("a range busy more often than retried")
        << std::function<bool(const Request &)>(nth(isRange, 4, 100)) << 4
        << u"BlobNotFound: Unable to access the provided Azure blob - data/flaky.csv.  Azure error "
           "message: ServerBusy: The server is busy (FlakyProxy).."_qs;
    QTest::newRow("a block busy more often than retried")
        << std::function<bool(const Request &)>(nth(isBlock, 2, 100)) << 4
        << u"BlobNotFound: Unable to access the provided Azure blob - data/out/flaky.csv.  Azure "
           "error message: ServerBusy: The server is busy (FlakyProxy).."_qs;
}

void tst_BesJobRunner::busyStorageIsRetried()
{
    using Request = test::FlakyProxy::Request;
    QFETCH(std::function<bool(const Request &)>, isBusy);
    QFETCH(int, busyAnswers);
    QFETCH(QString, details);
    QByteArray input = "Col2\n";
    for (int i = 0; i < 300; ++i)
        input += "row " + QByteArray::number(i) + '\n';
    QVERIFY(upload(u"flaky.csv"_qs, input));
    test::FlakyProxy proxy;
    QVERIFY(proxy.listen(QHostAddress::LocalHost, quint16(m_azurite.blobEndpoint().port())));
    proxy.failWhen(isBusy);
    BesJobRunner::Limits limits = smallLimits(64, 64, 64);
    limits.retryDelayMs = 10;
    BesJobRunner runner(limits, 2);
    const QString cs = u"DefaultEndpointsProtocol=http;AccountName=%1;AccountKey=%2;"
                       "BlobEndpoint=http://127.0.0.1:%3/%1;"_qs.arg(
                           QLatin1StringView(test::AzuriteFixture::accountName),
                           QLatin1StringView(test::AzuriteFixture::accountKey))
                           .arg(proxy.port());
    const QString actual = runJob(runner, u"data/flaky.csv"_qs, u"data/out/flaky.csv"_qs, 3, cs);
    QCOMPARE(proxy.failed(), busyAnswers);
    if (details.isEmpty()) {
        QVERIFY2(actual.isEmpty(), qPrintable(actual));
        QCOMPARE(download(u"out/flaky.csv"_qs), expectedOutput(input, 3));
    } else {
        QCOMPARE(actual, details);
    }
}

QTEST_GUILESS_MAIN(tst_BesJobRunner)
#include "tst_besjobrunner.moc"
