// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// The blob client against real Azurite: containers, single and block uploads, streaming
// downloads, ranges, service SAS, and the errors a user sees; error paths through the fake QNAM.

#include "core/storage/blobclient.h"
#include "tests/support/azuritefixture.h"
#include "tests/support/fakenetworkaccessmanager.h"

#include <QBuffer>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace portico;
using core::BlobClient;
using core::BlobJob;
using core::Error;
using core::StorageAccount;

namespace {

// Waits for one job and checks finished() came exactly once.
bool waitFor(BlobJob *job, int timeoutMs = 60000)
{
    QSignalSpy finished(job, &BlobJob::finished);
    if (!job->isFinished() && !finished.wait(timeoutMs))
        return false;
    QTest::qWait(20);
    return finished.count() <= 1 && job->isFinished();
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(42);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

} // namespace

class tst_BlobClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void createContainerIsIdempotent();
    void smallUploadRoundTrips();
    void largeUploadGoesInBlocksAndStreamsBack();
    void emptyUploadMakesAnEmptyBlob();
    void rangesAndPropertiesReportTheSize();
    void serviceSasGrantsReadOnly();
    void missingBlobIsNotFound();
    void wrongKeyIsUnauthorized();
    void abortEndsTheJobOnce();
    void hangingServerTimesOut();
    void brokenOffDownloadIsANetworkError();
    void rangeLongerThanAskedIsRefused();

private:
    std::unique_ptr<BlobClient> client(const QString &connectionString);

    test::AzuriteFixture m_azurite;
    QNetworkAccessManager m_nam;
};

void tst_BlobClient::initTestCase()
{
    QVERIFY2(m_azurite.start(), qPrintable(m_azurite.errorString()));
}

void tst_BlobClient::cleanupTestCase()
{
    m_azurite.stop();
}

std::unique_ptr<BlobClient> tst_BlobClient::client(const QString &connectionString)
{
    auto account = StorageAccount::fromConnectionString(connectionString);
    if (!account)
        return {};
    return std::make_unique<BlobClient>(account.value(), &m_nam);
}

void tst_BlobClient::createContainerIsIdempotent()
{
    auto blobs = client(m_azurite.connectionString());
    QVERIFY(blobs);
    auto *first = blobs->createContainer(u"idempotent"_qs);
    QVERIFY(waitFor(first));
    QVERIFY2(first->result().ok(), qPrintable(first->result() ? QString() : first->result().error().toString()));
    QCOMPARE(first->httpStatus(), 201);
    auto *second = blobs->createContainer(u"idempotent"_qs);
    QVERIFY(waitFor(second));
    QVERIFY(second->result().ok());
    QCOMPARE(second->httpStatus(), 409);
    QCOMPARE(second->errorCode(), u"ContainerAlreadyExists"_qs);
}

void tst_BlobClient::smallUploadRoundTrips()
{
    auto blobs = client(m_azurite.connectionString());
    QVERIFY(waitFor(blobs->createContainer(u"small"_qs)));
    const QByteArray csv = "Col2\nThis is a good day\n\"quoted, with comma\"\n";
    QBuffer source;
    source.setData(csv);
    source.open(QIODevice::ReadOnly);
    const QString name = u"in/naïve file #1.csv"_qs; // encoded path segments are signed as sent
    auto *upload = blobs->upload(u"small"_qs, name, &source, { u"text/csv"_qs });
    QVERIFY(waitFor(upload));
    QVERIFY2(upload->result().ok(), qPrintable(upload->result() ? QString() : upload->result().error().toString()));
    QCOMPARE(upload->blockCount(), 0); // one Put Blob

    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    auto *download = blobs->download(u"small"_qs, name, &sink);
    QVERIFY(waitFor(download));
    QVERIFY(download->result().ok());
    QCOMPARE(sink.data(), csv);

    auto *properties = blobs->getProperties(u"small"_qs, name);
    QVERIFY(waitFor(properties));
    QCOMPARE(properties->responseHeader("Content-Type"), QByteArray("text/csv"));
}

void tst_BlobClient::largeUploadGoesInBlocksAndStreamsBack()
{
    auto blobs = client(m_azurite.connectionString());
    QVERIFY(waitFor(blobs->createContainer(u"large"_qs)));
    const QByteArray data = randomBytes(10 * 1024 * 1024 + 123);
    QBuffer source;
    source.setData(data);
    source.open(QIODevice::ReadOnly);
    core::BlobUploadJob::Options options;
    options.blockSize = 1024 * 1024;
    options.singlePutLimit = 1024 * 1024;
    auto *upload = blobs->upload(u"large"_qs, u"big.bin"_qs, &source, options);
    QSignalSpy progress(upload, &BlobJob::progress);
    QVERIFY(waitFor(upload));
    QVERIFY2(upload->result().ok(), qPrintable(upload->result() ? QString() : upload->result().error().toString()));
    QCOMPARE(upload->blockCount(), 11);
    QCOMPARE(upload->bytesSent(), data.size());
    QVERIFY(progress.count() >= 11);

    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    auto *download = blobs->download(u"large"_qs, u"big.bin"_qs, &sink);
    QVERIFY(waitFor(download));
    QVERIFY(download->result().ok());
    QCOMPARE(download->bytesWritten(), data.size());
    QVERIFY(sink.data() == data);
}

void tst_BlobClient::emptyUploadMakesAnEmptyBlob()
{
    auto blobs = client(m_azurite.connectionString());
    QVERIFY(waitFor(blobs->createContainer(u"empty"_qs)));
    QBuffer source;
    source.open(QIODevice::ReadOnly);
    auto *upload = blobs->upload(u"empty"_qs, u"nothing.csv"_qs, &source);
    QVERIFY(waitFor(upload));
    QVERIFY(upload->result().ok());
    auto *properties = blobs->getProperties(u"empty"_qs, u"nothing.csv"_qs);
    QVERIFY(waitFor(properties));
    QVERIFY(properties->result().ok());
    QCOMPARE(properties->blobSize(), 0);
    // A range of an empty blob is InvalidRange (416): an error, unless the caller tolerates it
    // (as the BES runner does, reading the first range to learn the size).
    auto *range = blobs->getRange(u"empty"_qs, u"nothing.csv"_qs, 0, 1024);
    QVERIFY(waitFor(range));
    QVERIFY(!range->result().ok());
    QCOMPARE(range->result().error().code, u"InvalidRange"_qs);
    auto *tolerated = blobs->getRange(u"empty"_qs, u"nothing.csv"_qs, 0, 1024, { u"InvalidRange"_qs });
    QVERIFY(waitFor(tolerated));
    QVERIFY(tolerated->result().ok());
    QCOMPARE(tolerated->httpStatus(), 416);
    QCOMPARE(tolerated->errorCode(), u"InvalidRange"_qs);
}

void tst_BlobClient::rangesAndPropertiesReportTheSize()
{
    auto blobs = client(m_azurite.connectionString());
    QVERIFY(waitFor(blobs->createContainer(u"ranges"_qs)));
    QVERIFY(waitFor(blobs->putBlob(u"ranges"_qs, u"abc.txt"_qs, "abcdefghijklmnopqrstuvwxyz", u"text/plain"_qs)));
    auto *range = blobs->getRange(u"ranges"_qs, u"abc.txt"_qs, 3, 5);
    QVERIFY(waitFor(range));
    QVERIFY(range->result().ok());
    QCOMPARE(range->httpStatus(), 206);
    QCOMPARE(range->body(), QByteArray("defgh"));
    QCOMPARE(range->blobSize(), 26);
    auto *properties = blobs->getProperties(u"ranges"_qs, u"abc.txt"_qs);
    QVERIFY(waitFor(properties));
    QCOMPARE(properties->blobSize(), 26);
}

void tst_BlobClient::serviceSasGrantsReadOnly()
{
    auto blobs = client(m_azurite.connectionString());
    QVERIFY(waitFor(blobs->createContainer(u"shared"_qs)));
    QVERIFY(waitFor(blobs->putBlob(u"shared"_qs, u"out/result.csv"_qs, "a,b\n1,2\n", u"text/csv"_qs)));
    core::BlobSas::Parameters parameters;
    parameters.expiry = QDateTime::currentDateTimeUtc().addSecs(3600);
    const QString sas = blobs->serviceSas(u"shared"_qs, u"out/result.csv"_qs, parameters);
    QVERIFY(sas.startsWith(u"?sv=2020-12-06&se="_qs));
    QVERIFY(sas.contains(u"&sr=b&sp=r&"_qs));
    const QUrl url(blobs->account().blobUrl(u"shared"_qs, u"out/result.csv"_qs).toString() + sas);

    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    auto download = std::unique_ptr<BlobJob>(BlobClient::downloadUrl(&m_nam, url, &sink, nullptr));
    QVERIFY(waitFor(download.get()));
    QVERIFY2(download->result().ok(), qPrintable(download->result() ? QString() : download->result().error().toString()));
    QCOMPARE(sink.data(), QByteArray("a,b\n1,2\n"));

    // The token is read-only: writing with it is refused.
    auto sasOnly = client(u"BlobEndpoint=%1;SharedAccessSignature=%2"_qs.arg(m_azurite.blobEndpoint().toString(), sas.mid(1)));
    QVERIFY(sasOnly);
    auto *write = sasOnly->putBlob(u"shared"_qs, u"out/result.csv"_qs, "tampered");
    QVERIFY(waitFor(write));
    QVERIFY(!write->result().ok());
    QCOMPARE(write->result().error().kind, Error::Kind::Unauthorized);
    QCOMPARE(write->httpStatus(), 403);

    // A token whose signature does not match is refused too.
    QBuffer other;
    other.open(QIODevice::WriteOnly);
    const QUrl tampered(url.toString().replace(u"sp=r"_qs, u"sp=rw"_qs));
    auto refused = std::unique_ptr<BlobJob>(BlobClient::downloadUrl(&m_nam, tampered, &other, nullptr));
    QVERIFY(waitFor(refused.get()));
    QVERIFY(!refused->result().ok());
    QCOMPARE(refused->result().error().httpStatus, 403);
    QVERIFY(other.data().isEmpty());
}

void tst_BlobClient::missingBlobIsNotFound()
{
    auto blobs = client(m_azurite.connectionString());
    QVERIFY(waitFor(blobs->createContainer(u"missing"_qs)));
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    auto *download = blobs->download(u"missing"_qs, u"nope.csv"_qs, &sink);
    QVERIFY(waitFor(download));
    QVERIFY(!download->result().ok());
    QCOMPARE(download->result().error().kind, Error::Kind::NotFound);
    QCOMPARE(download->result().error().code, u"BlobNotFound"_qs);
    QCOMPARE(download->result().error().httpStatus, 404);
    QVERIFY(!download->result().error().message.isEmpty());
    QVERIFY(sink.data().isEmpty());
    auto *properties = blobs->getProperties(u"missing"_qs, u"nope.csv"_qs);
    QVERIFY(waitFor(properties));
    QCOMPARE(properties->result().error().code, u"BlobNotFound"_qs);
    // A range shorter than the error's XML still tells the storage error.
    auto *range = blobs->getRange(u"missing"_qs, u"nope.csv"_qs, 0, 4);
    QVERIFY(waitFor(range));
    QCOMPARE(range->result().error().kind, Error::Kind::NotFound);
    QCOMPARE(range->result().error().code, u"BlobNotFound"_qs);
}

void tst_BlobClient::wrongKeyIsUnauthorized()
{
    const QString wrongKey = QString::fromLatin1(QByteArray(64, 'k').toBase64());
    auto blobs = client(u"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%1;BlobEndpoint=%2"_qs.arg(
        wrongKey, m_azurite.blobEndpoint().toString()));
    auto *create = blobs->createContainer(u"denied"_qs);
    QVERIFY(waitFor(create));
    QVERIFY(!create->result().ok());
    QCOMPARE(create->result().error().kind, Error::Kind::Unauthorized);
    QVERIFY(create->result().error().code.startsWith(u"Authentication"_qs)
            || create->result().error().code.startsWith(u"Authorization"_qs));
}

void tst_BlobClient::abortEndsTheJobOnce()
{
    test::FakeNetworkAccessManager fake;
    test::FakeResponse hang;
    hang.behaviour = test::FakeResponse::Behaviour::Hang;
    fake.enqueue(hang);
    BlobClient blobs(StorageAccount::developmentStorage(), &fake);
    auto *job = blobs.getRange(u"c"_qs, u"b"_qs, 0, 10);
    QSignalSpy finished(job, &BlobJob::finished);
    job->abort();
    job->abort();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job->result().error().kind, Error::Kind::Cancelled);
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    // The request was signed for the emulator.
    QCOMPARE(fake.requests().size(), 1);
    QVERIFY(fake.requests().first().request.rawHeader("Authorization").startsWith("SharedKey devstoreaccount1:"));
}

void tst_BlobClient::hangingServerTimesOut()
{
    test::FakeNetworkAccessManager fake;
    test::FakeResponse hang;
    hang.behaviour = test::FakeResponse::Behaviour::Hang;
    fake.enqueue(hang);
    BlobClient blobs(StorageAccount::developmentStorage(), &fake);
    blobs.setRequestDeadline(200);
    auto *job = blobs.createContainer(u"c"_qs);
    QVERIFY(waitFor(job, 5000));
    QCOMPARE(job->result().error().kind, Error::Kind::Timeout);
}

void tst_BlobClient::brokenOffDownloadIsANetworkError()
{
    test::FakeNetworkAccessManager fake;
    test::FakeResponse response;
    response.behaviour = test::FakeResponse::Behaviour::BreakOff;
    response.body = QByteArray(1000, 'x');
    response.headers = { { "Content-Length", "1000" } };
    response.error = QNetworkReply::RemoteHostClosedError;
    fake.enqueue(response);
    BlobClient blobs(StorageAccount::developmentStorage(), &fake);
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    auto *job = blobs.download(u"c"_qs, u"b"_qs, &sink);
    QVERIFY(waitFor(job, 5000));
    QVERIFY(!job->result().ok());
    QCOMPARE(job->result().error().kind, Error::Kind::Network);
}

void tst_BlobClient::rangeLongerThanAskedIsRefused()
{
    // A server (or a proxy) that answers a 16-byte range with the whole blob: the job must not
    // take more than it asked for, which is what bounds a BES job's memory per range.
    test::FakeNetworkAccessManager fake;
    test::FakeResponse response;
    response.status = 206;
    response.body = QByteArray(4096, 'x');
    response.headers = { { "Content-Range", "bytes 0-4095/4096" } };
    fake.enqueue(response);
    BlobClient blobs(StorageAccount::developmentStorage(), &fake);
    auto *job = blobs.getRange(u"c"_qs, u"b"_qs, 0, 16);
    QVERIFY(waitFor(job, 5000));
    QVERIFY(!job->result().ok());
    QCOMPARE(job->result().error().kind, Error::Kind::Protocol);
    QCOMPARE(job->result().error().message, u"The storage service sent more than 16 bytes."_qs);
    QVERIFY(job->body().size() <= 16);
}

QTEST_GUILESS_MAIN(tst_BlobClient)
#include "tst_blobclient.moc"
