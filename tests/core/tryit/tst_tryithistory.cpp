// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/tryit/tryithistory.h"
#include "tests/support/tempdir.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace portico;
using core::TryItHistory;
using core::TryItRequest;

namespace {

const QString key = u"a1b2c3d4e5f60718293a4b5c6d7e8f90"_qs;
const QString functionKey = u"fnKey/Az9+Qw7=="_qs;
const QString sasSignature = u"sAsSig0Nature/xyz+123="_qs;
const QString redirectSignature = u"rEdirectSig/9876+abc="_qs;

TryItRequest request(TryItRequest::KeyPlacement placement = TryItRequest::KeyPlacement::Header)
{
    TryItRequest r;
    r.apiId = u"azureml-demo-api"_qs;
    r.operationId = u"rrs-execute"_qs;
    r.method = "POST";
    r.gatewayUrl = QUrl(u"http://127.0.0.1:8471"_qs);
    r.apiPath = u"azureml-demo"_qs;
    r.urlTemplate = u"/workspaces/{workspace}/services/{service}/execute?api-version={apiversion}&details={details}"_qs;
    r.templateValues = { { u"workspace"_qs, u"local"_qs }, { u"service"_qs, u"feature-hashing"_qs },
                         { u"apiversion"_qs, u"2.0"_qs }, { u"details"_qs, u"true"_qs } };
    r.headers = { { "Authorization", "Bearer ml-key-0123456789" } };
    r.body = R"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["This is a good day"]]}}, "GlobalParameters": {}})";
    r.subscriptionName = u"demo subscription"_qs;
    r.subscriptionKey = key;
    r.keyPlacement = placement;
    return r;
}

core::TryItResponse response(int status, QByteArray body)
{
    core::TryItResponse r;
    r.status = status;
    r.reason = status == 200 ? "OK" : "Too Many Requests";
    // A backend that echoes the key back must not leak it into history either.
    r.headers = { { "Content-Type", "application/json" }, { "X-Echo-Key", key.toUtf8() } };
    r.body = std::move(body);
    r.bodySize = r.body.size();
    r.totalMs = 42;
    r.timeToFirstByteMs = 40;
    return r;
}

// A send whose request and response bodies are large and recognisable in the file: `marker`
// repeated, 256 KiB sent and 512 KiB received.
void recordLarge(TryItHistory &history, const QByteArray &marker, const QDateTime &sentAt)
{
    TryItRequest r = request();
    r.body = marker.repeated(256 * 1024 / marker.size());
    QVERIFY(history.record(r, response(200, marker.repeated(512 * 1024 / marker.size())), sentAt).ok());
}

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).size();
}

} // namespace

class tst_TryItHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noSecretReachesTheDatabaseFile();
    void sendsCanBeFilteredAndReopened();
    void failedSendsAreRecordedToo();
    void bodyThatBrokeOffIsKeptAsFactsWithWhatArrived();
    void sendWithoutResponseIsKeptAsFactsNotWords();
    void certificateIsStoredAlikeForAFailureAndAResponse();
    void englishTextOfAnEarlierVersionIsReadAsFacts_data();
    void englishTextOfAnEarlierVersionIsReadAsFacts();
    void oldestSendsGoBeyondTheEntryLimit();
    void oldestSendsGoBeyondTheSizeLimit();
    void removedResponsesAreGoneFromTheFiles();
    void deletingAndClearingShrinkTheFile();
    void historyFromAnEarlierVersionShrinksToo();
};

void tst_TryItHistory::noSecretReachesTheDatabaseFile()
{
    test::TempDir dir;
    {
        TryItHistory history;
        QVERIFY(history.open(dir.filePath(u"history.sqlite"_qs)).ok());
        QVERIFY(history.record(request(), response(200, "{\"echo\":\"" + key.toUtf8() + "\"}")).ok());
        QVERIFY(history.record(request(TryItRequest::KeyPlacement::Query), response(429, "{}")).ok());
        QVERIFY(history.record(request(), core::Error::make(core::Error::Kind::Network,
                                                            u"refused for key %1"_qs.arg(key))).ok());
        // Secrets that the URL template carries: an Azure Functions key and a SAS signature,
        // in the query (masked in the stored URL) and in the request JSON (re-opening).
        TryItRequest function = request();
        function.urlTemplate = u"/api/score?code={code}"_qs;
        function.templateValues = { { u"code"_qs, functionKey } };
        QVERIFY(history.record(function, response(200, "{}")).ok());
        TryItRequest blob = request();
        blob.urlTemplate = u"/blobs/{blob}?sv=2021-08-06&sp=r&sig={signature}"_qs;
        blob.templateValues = { { u"blob"_qs, u"feature-hashing.csv"_qs }, { u"signature"_qs, sasSignature } };
        QVERIFY(history.record(blob, core::Error::make(core::Error::Kind::Network, u"refused"_qs)).ok());
        // A redirect to another origin is not followed: its Location, with a SAS the service
        // made up (not a value of the request), is what the entry shows.
        core::TryItResponse redirect = response(302, {});
        redirect.reason = "Found";
        redirect.headers.append({ "Location", "https://acct.blob.core.windows.net/out/result.csv?sv=2021-08-06&sp=r&sig="
                                                      + QUrl::toPercentEncoding(redirectSignature) });
        QVERIFY(history.record(request(), redirect).ok());
    }
    const QByteArray files = dir.readAllFiles(); // database, WAL and anything else
    QVERIFY(!files.isEmpty());
    QVERIFY(!files.contains(key.toUtf8()));
    QVERIFY(!files.contains("ml-key-0123456789"));
    QVERIFY(!files.contains(functionKey.toUtf8()));
    QVERIFY(!files.contains(QUrl::toPercentEncoding(functionKey)));
    QVERIFY(!files.contains(sasSignature.toUtf8()));
    QVERIFY(!files.contains(QUrl::toPercentEncoding(sasSignature)));
    QVERIFY(!files.contains(redirectSignature.toUtf8()));
    QVERIFY(!files.contains(QUrl::toPercentEncoding(redirectSignature)));
    QVERIFY(files.contains("https://acct.blob.core.windows.net/out/result.csv?sv=2021-08-06&sp=r&sig=")); // where it went
    QVERIFY(files.contains("/api/score?code={code}")); // the template itself is kept
    QVERIFY(files.contains("feature-hashing")); // the rest is there
}

void tst_TryItHistory::sendsCanBeFilteredAndReopened()
{
    test::TempDir dir;
    TryItHistory history;
    QVERIFY(history.open(dir.filePath(u"history.sqlite"_qs)).ok());
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    const qint64 first = history.record(request(), response(200, "{\"ok\":1}"), t0).value();
    TryItRequest other = request();
    other.operationId = u"bes-status"_qs;
    QVERIFY(history.record(other, response(429, "{}"), t0.addSecs(1)).ok());

    QCOMPARE(history.list().value().size(), 2);
    QCOMPARE(history.list().value().first().request.operationId, u"bes-status"_qs); // newest first
    core::HistoryFilter filter;
    filter.operationId = u"rrs-execute"_qs;
    QCOMPARE(history.list(filter).value().size(), 1);
    filter = {};
    filter.statusClass = 4;
    QCOMPARE(history.list(filter).value().size(), 1);
    QCOMPARE(history.list(filter).value().first().status, 429);

    const auto entry = history.load(first);
    QVERIFY(entry.ok());
    QCOMPARE(entry->status, 200);
    QCOMPARE(entry->responseBody, QByteArray("{\"ok\":1}"));
    QCOMPARE(entry->totalMs, qint64(42));
    QCOMPARE(entry->timeToFirstByteMs, qint64(40));
    QCOMPARE(entry->request.templateValues, request().templateValues);
    QCOMPARE(entry->request.body, request().body);
    QCOMPARE(entry->request.subscriptionName, u"demo subscription"_qs);
    QVERIFY(entry->request.subscriptionKey.isEmpty());
    QVERIFY(entry->url.contains(u"/azureml-demo/workspaces/local/services/feature-hashing/execute"_qs));
    QCOMPARE(entry->sentAt.toMSecsSinceEpoch(), t0.toMSecsSinceEpoch());

    QVERIFY(history.remove(first).ok());
    QCOMPARE(history.load(first).error().kind, core::Error::Kind::NotFound);
}

void tst_TryItHistory::failedSendsAreRecordedToo()
{
    test::TempDir dir;
    TryItHistory history;
    QVERIFY(history.open(dir.filePath(u"history.sqlite"_qs)).ok());
    QVERIFY(history.record(request(), core::Error::make(core::Error::Kind::Network, u"Connection refused"_qs)).ok());
    core::HistoryFilter failed;
    failed.statusClass = -1;
    const auto entries = history.list(failed);
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->first().status, 0);
    QVERIFY(entries->first().error.contains(u"Connection refused"_qs));
}

void tst_TryItHistory::bodyThatBrokeOffIsKeptAsFactsWithWhatArrived()
{
    test::TempDir dir;
    TryItHistory history;
    QVERIFY(history.open(dir.filePath(u"history.sqlite"_qs)).ok());
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    core::TryItResponse partial = response(200, "{\"Results\": {\"output1\"");
    core::IncompleteBody incomplete;
    incomplete.cause = core::IncompleteBody::Cause::BrokeOff;
    incomplete.bytesReceived = partial.bodySize;
    incomplete.networkErrorCode = 2; // QNetworkReply::RemoteHostClosedError
    incomplete.networkError = u"Connection closed while sending key %1"_qs.arg(key);
    partial.incomplete = incomplete;
    const qint64 id = history.record(request(), partial, t0).value();
    core::TryItResponse stalled = response(200, "{");
    stalled.incomplete = core::IncompleteBody { core::IncompleteBody::Cause::Stalled, 60, 1, 5, u"Operation canceled"_qs };
    QVERIFY(history.record(request(), stalled, t0.addSecs(1)).ok());
    QVERIFY(history.record(request(), response(200, "{}"), t0.addSecs(2)).ok());
    // A whole body labelled deflate that is not: complete, shown as sent.
    core::TryItResponse asSent = response(200, R"({"a":1})");
    asSent.incomplete = core::IncompleteBody { core::IncompleteBody::Cause::NotDecodable, 0, 7, 0, {}, "deflate" };
    QVERIFY(history.record(request(), asSent, t0.addSecs(3)).ok());

    // What arrived, and the facts of the break, not a sentence.
    const auto entry = history.load(id);
    QVERIFY(entry.ok());
    QCOMPARE(entry->status, 200);
    QCOMPARE(entry->responseBody, QByteArray("{\"Results\": {\"output1\""));
    QVERIFY(entry->error.isEmpty());
    QVERIFY(entry->incomplete);
    QCOMPARE(entry->incomplete->cause, core::IncompleteBody::Cause::BrokeOff);
    QCOMPARE(entry->incomplete->bytesReceived, partial.bodySize);
    QCOMPARE(entry->incomplete->networkErrorCode, 2);
    QVERIFY(entry->incomplete->networkError.startsWith(u"Connection closed while sending key "_qs));
    QVERIFY(!entry->incomplete->networkError.contains(key)); // scrubbed like every stored text
    const auto newest = history.list().value();
    QCOMPARE(newest.at(2).incomplete, stalled.incomplete);
    QVERIFY(!newest.at(1).incomplete);

    // Listed with the failed sends, not with the complete 2xx responses.
    core::HistoryFilter failed;
    failed.statusClass = -1;
    QCOMPARE(history.list(failed).value().size(), 2);
    core::HistoryFilter success;
    success.statusClass = 2;
    // A "200 (not decompressed)" is a complete 2xx response.
    QCOMPARE(history.list(success).value().size(), 2);
    QCOMPARE(history.list(success).value().first().responseBody, QByteArray(R"({"a":1})"));
    QCOMPARE(history.list(success).value().at(1).responseBody, QByteArray("{}"));
}

void tst_TryItHistory::sendWithoutResponseIsKeptAsFactsNotWords()
{
    test::TempDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    core::SendFailure failure;
    failure.kind = core::SendFailure::Kind::Tls;
    failure.scheme = u"https"_qs;
    failure.host = u"127.0.0.1"_qs;
    failure.port = 8472;
    failure.elapsedMs = 35;
    failure.tlsErrors = { 9, 22 }; // SelfSignedCertificate, HostNameMismatch
    failure.certificate = core::SendFailure::Certificate {
        u"portico-local"_qs, u"portico-local"_qs, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC),
        QDateTime(QDate(2036, 1, 1), QTime(0, 0), Qt::UTC), u"ab12"_qs };
    failure.pinMismatch = true;
    failure.networkErrorCode = 6;
    // Qt's text may quote the URL, key and all: it is scrubbed like everything stored.
    failure.detail = u"SSL handshake failed for ?subscription-key="_qs + key;
    {
        TryItHistory history;
        QVERIFY(history.open(path).ok());
        QVERIFY(history.record(request(), failure).ok());
    }
    TryItHistory history; // as after a restart
    QVERIFY(history.open(path).ok());
    core::HistoryFilter failed;
    failed.statusClass = -1;
    const auto entries = history.list(failed);
    QCOMPARE(entries->size(), 1);
    const core::HistoryEntry entry = history.load(entries->first().id).value();
    QCOMPARE(entry.status, 0);
    QCOMPARE(entry.totalMs, qint64(35));
    QVERIFY(entry.failure);
    QVERIFY(!entry.failure->detail.contains(key));
    core::SendFailure expected = failure;
    expected.detail = entry.failure->detail;
    QCOMPARE(*entry.failure, expected);
    QVERIFY(!dir.readAllFiles().contains(key.toUtf8()));
}

void tst_TryItHistory::certificateIsStoredAlikeForAFailureAndAResponse()
{
    test::TempDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    // Whole seconds, as certificates have them; one date given in another zone than UTC.
    const core::ServerCertificate certificate { u"portico-local — Zürich"_qs, u"Portico Test CA"_qs,
                                                QDateTime(QDate(2026, 1, 1), QTime(1, 0), QTimeZone(3600)),
                                                QDateTime(QDate(2036, 1, 1), QTime(0, 0), Qt::UTC), u"ab12cd34"_qs };
    core::SendFailure failure;
    failure.kind = core::SendFailure::Kind::Tls;
    failure.scheme = u"https"_qs;
    failure.host = u"127.0.0.1"_qs;
    failure.port = 8472;
    failure.tlsErrors = { 9 }; // SelfSignedCertificate
    failure.certificate = certificate;
    core::TlsCertificateInfo trusted;
    static_cast<core::ServerCertificate &>(trusted) = certificate;
    trusted.errors = { u"The certificate is self-signed, and untrusted"_qs };
    trusted.errorKinds = { 9 };
    trusted.pinned = true;
    core::TryItResponse answered = response(200, "{}");
    answered.certificate = trusted;
    {
        TryItHistory history;
        QVERIFY(history.open(path).ok());
        QVERIFY(history.record(request(), failure).ok());
        QVERIFY(history.record(request(), answered).ok());
    }

    // In the file: the response's certificate is the failure's, plus how it was trusted; and it
    // is the form Portico stored before both were written by one serializer.
    const QJsonObject before = QJsonDocument::fromJson(
        R"({"issuer": "Portico Test CA", "notAfter": "2036-01-01T00:00:00Z", "notBefore": "2026-01-01T00:00:00Z",
            "sha256": "ab12cd34", "subject": "portico-local — Zürich"})").object();
    QVERIFY(!before.isEmpty());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"raw"_qs);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT failure, exchange FROM sends ORDER BY id"_qs));
        QVERIFY(query.next());
        const QJsonObject ofFailure = QJsonDocument::fromJson(query.value(0).toByteArray())
                                          .object().value(u"certificate"_qs).toObject();
        QVERIFY(query.next());
        QJsonObject ofResponse = QJsonDocument::fromJson(query.value(1).toByteArray())
                                     .object().value(u"certificate"_qs).toObject();
        QCOMPARE(ofFailure, before);
        QCOMPARE(ofResponse.value(u"pinned"_qs), QJsonValue(true));
        QCOMPARE(ofResponse.value(u"errorKinds"_qs), QJsonValue(QJsonArray { 9 }));
        QCOMPARE(ofResponse.value(u"errors"_qs), QJsonValue(QJsonArray { trusted.errors.first() }));
        for (const QString &trust : { u"pinned"_qs, u"errorKinds"_qs, u"errors"_qs })
            ofResponse.remove(trust);
        QCOMPARE(ofResponse, ofFailure);
    }
    QSqlDatabase::removeDatabase(u"raw"_qs);

    // Read back, by the one parser: the same certificate from both rows.
    TryItHistory history; // as after a restart
    QVERIFY(history.open(path).ok());
    const QList<core::HistoryEntry> entries = history.list().value(); // newest first
    QCOMPARE(entries.size(), 2);
    const core::HistoryEntry fromResponse = history.load(entries.at(0).id).value();
    const core::HistoryEntry fromFailure = history.load(entries.at(1).id).value();
    QVERIFY(fromFailure.failure && fromFailure.failure->certificate);
    QCOMPARE(*fromFailure.failure->certificate, certificate);
    QVERIFY(fromResponse.certificate);
    QCOMPARE(*fromResponse.certificate, trusted);
    QCOMPARE(core::ServerCertificate(*fromResponse.certificate), *fromFailure.failure->certificate);
}

void tst_TryItHistory::englishTextOfAnEarlierVersionIsReadAsFacts_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<int>("kind"); // -1: no facts, the text only
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("timeoutSeconds");
    QTest::newRow("transfer timeout") << u"No data for 60 s."_qs << int(core::SendFailure::Kind::NoAnswer)
                                      << u"127.0.0.1"_qs << 60;
    QTest::newRow("deadline") << u"No complete answer within 600 s."_qs << int(core::SendFailure::Kind::Deadline)
                              << u"127.0.0.1"_qs << 600;
    QTest::newRow("cancelled") << u"Cancelled."_qs << int(core::SendFailure::Kind::Cancelled) << u"127.0.0.1"_qs << 0;
    QTest::newRow("refused") << u"Connection refused"_qs << int(core::SendFailure::Kind::ConnectionRefused)
                             << u"127.0.0.1"_qs << 0;
    QTest::newRow("host not found") << u"Host gateway.invalid not found"_qs
                                    << int(core::SendFailure::Kind::HostNotFound) << u"gateway.invalid"_qs << 0;
    QTest::newRow("anything else") << u"SSL handshake failed: The certificate is self-signed."_qs << -1
                                   << QString() << 0;
}

void tst_TryItHistory::englishTextOfAnEarlierVersionIsReadAsFacts()
{
    QFETCH(QString, stored);
    QFETCH(int, kind);
    QFETCH(QString, host);
    QFETCH(int, timeoutSeconds);
    test::TempDir dir;
    TryItHistory history;
    QVERIFY(history.open(dir.filePath(u"history.sqlite"_qs)).ok());
    // What every Portico before schema 3 stored: status 0 and core's sentence.
    QVERIFY(history.record(request(), core::Error::make(core::Error::Kind::Network, stored)).ok());
    const core::HistoryEntry entry = history.list()->first();
    QCOMPARE(entry.error, stored); // kept as it was, also for showing as is
    if (kind < 0) {
        QVERIFY(!entry.failure);
        return;
    }
    QVERIFY(entry.failure);
    QCOMPARE(int(entry.failure->kind), kind);
    QCOMPARE(entry.failure->host, host);
    QCOMPARE(entry.failure->port, 8471);
    QCOMPARE(entry.failure->timeoutSeconds, timeoutSeconds);
    QCOMPARE(entry.failure->elapsedMs, qint64(-1)); // not known
}

void tst_TryItHistory::oldestSendsGoBeyondTheEntryLimit()
{
    test::TempDir dir;
    TryItHistory history;
    QVERIFY(history.open(dir.filePath(u"history.sqlite"_qs)).ok());
    QCOMPARE(history.retention().maxEntries, 500); // the default: what the panel lists
    history.setRetention({ 3, history.retention().maxBytes });
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i)
        ids.append(history.record(request(), response(200, "{\"send\":" + QByteArray::number(i) + "}"), t0.addSecs(i)).value());
    QCOMPARE(history.count().value(), qint64(3));
    const auto entries = history.list().value();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.first().id, ids.last());
    QCOMPARE(entries.last().id, ids.at(2));
    QCOMPARE(history.load(ids.at(1)).error().kind, core::Error::Kind::NotFound);
}

void tst_TryItHistory::oldestSendsGoBeyondTheSizeLimit()
{
    test::TempDir dir;
    TryItHistory history;
    QVERIFY(history.open(dir.filePath(u"history.sqlite"_qs)).ok());
    QCOMPARE(history.retention().maxBytes, qint64(256) * 1024 * 1024);
    history.setRetention({ 500, 2 * TryItHistory::bodyLimit + 64 * 1024 });
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    QList<qint64> ids;
    for (int i = 0; i < 4; ++i) {
        QByteArray body(TryItHistory::bodyLimit, char('a' + i)); // the largest body history keeps
        ids.append(history.record(request(), response(200, body), t0.addSecs(i)).value());
    }
    // Two full bodies fit under the cap, a third does not.
    QCOMPARE(history.count().value(), qint64(2));
    QCOMPARE(history.list().value().last().id, ids.at(2));
    // A single send larger than the cap is still kept: it is the newest.
    history.setRetention({ 500, 1024 });
    const qint64 big = history.record(request(), response(200, QByteArray(64 * 1024, 'z')), t0.addSecs(9)).value();
    QCOMPARE(history.count().value(), qint64(1));
    QCOMPARE(history.list().value().first().id, big);
}

void tst_TryItHistory::removedResponsesAreGoneFromTheFiles()
{
    test::TempDir dir;
    TryItHistory history;
    QVERIFY(history.open(dir.filePath(u"history.sqlite"_qs)).ok());
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    const qint64 first = history.record(request(), response(200, "{\"patient\":\"first-sensitive-record\"}"), t0).value();
    const qint64 second = history.record(request(), response(200, "{\"patient\":\"second-sensitive-record\"}"), t0.addSecs(1)).value();
    const qint64 kept = history.record(request(), response(200, "{\"patient\":\"third-kept-record\"}"), t0.addSecs(2)).value();
    QVERIFY(dir.readAllFiles().contains("first-sensitive-record"));

    QVERIFY(history.remove(QList<qint64> { first, second }).ok());
    QCOMPARE(history.count().value(), qint64(1));
    QCOMPARE(history.list().value().first().id, kept);
    QByteArray files = dir.readAllFiles();
    QVERIFY(!files.contains("first-sensitive-record"));
    QVERIFY(!files.contains("second-sensitive-record"));
    QVERIFY(files.contains("third-kept-record"));

    QVERIFY(history.clear().ok());
    QCOMPARE(history.count().value(), qint64(0));
    files = dir.readAllFiles();
    QVERIFY(!files.contains("third-kept-record"));
    QVERIFY(!files.contains("feature-hashing"));
}

void tst_TryItHistory::deletingAndClearingShrinkTheFile()
{
    test::TempDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    TryItHistory history;
    QVERIFY(history.open(path).ok());
    for (int i = 0; i < 4; ++i)
        recordLarge(history, "scoring-payload-" + QByteArray::number(i) + '|', t0.addSecs(i));
    history.close(); // the last connection writes the WAL into the database file
    const qint64 full = fileSize(path);
    QVERIFY2(full > 4 * 768 * 1024, qPrintable(QString::number(full)));
    QVERIFY(dir.readAllFiles().contains("scoring-payload-0|"));

    // Deleting three of the four sends gives their space back: the file keeps about one send.
    QVERIFY(history.open(path).ok());
    const auto entries = history.list().value();
    QCOMPARE(entries.size(), 4);
    QVERIFY(history.remove(QList<qint64> { entries.at(1).id, entries.at(2).id, entries.at(3).id }).ok());
    const qint64 afterDelete = fileSize(path);
    QVERIFY2(afterDelete < 768 * 1024 + 256 * 1024, qPrintable(u"%1 -> %2"_qs.arg(full).arg(afterDelete)));
    QByteArray files = dir.readAllFiles();
    for (const char *gone : { "scoring-payload-0|", "scoring-payload-1|", "scoring-payload-2|" })
        QVERIFY2(!files.contains(gone), gone);
    QVERIFY(files.contains("scoring-payload-3|"));
    QVERIFY(history.load(entries.at(0).id).value().responseBody.startsWith("scoring-payload-3|"));

    // Clear all leaves an empty history file, not a file of the old size full of zeros.
    QVERIFY(history.clear().ok());
    const qint64 afterClear = fileSize(path);
    QVERIFY2(afterClear < 64 * 1024, qPrintable(QString::number(afterClear)));
    QVERIFY(!dir.readAllFiles().contains("scoring-payload-3|"));

    // The emptied history is still a working one.
    recordLarge(history, "after-clear|", t0.addSecs(10));
    QCOMPARE(history.count().value(), qint64(1));
}

void tst_TryItHistory::historyFromAnEarlierVersionShrinksToo()
{
    test::TempDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    {
        // What Portico wrote before: the version 1 schema, without auto_vacuum.
        const QString connection = u"earlier-portico"_qs;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, connection);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"PRAGMA journal_mode=WAL"_qs));
            QVERIFY(query.exec(u"CREATE TABLE sends ("
                               " id INTEGER PRIMARY KEY AUTOINCREMENT, sent_at INTEGER NOT NULL,"
                               " api_id TEXT NOT NULL, operation_id TEXT NOT NULL, request_json BLOB NOT NULL,"
                               " url TEXT NOT NULL, status INTEGER NOT NULL, reason BLOB, response_headers BLOB,"
                               " response_body BLOB, body_truncated INTEGER NOT NULL DEFAULT 0,"
                               " body_size INTEGER NOT NULL DEFAULT 0, total_ms INTEGER NOT NULL DEFAULT 0,"
                               " ttfb_ms INTEGER NOT NULL DEFAULT -1, error TEXT)"_qs));
            QVERIFY(query.exec(u"PRAGMA user_version=1"_qs));
            QVERIFY(query.exec(u"PRAGMA auto_vacuum"_qs) && query.next());
            QCOMPARE(query.value(0).toInt(), 0);
            const QByteArray requestJson = QJsonDocument(request().toJson()).toJson(QJsonDocument::Compact);
            for (int i = 0; i < 4; ++i) {
                const QByteArray marker = "earlier-payload-" + QByteArray::number(i) + '|';
                query.prepare(u"INSERT INTO sends (sent_at, api_id, operation_id, request_json, url, status,"
                              " response_body, body_size, error) VALUES (?,?,?,?,?,?,?,?,?)"_qs);
                query.addBindValue(qint64(1700000000000) + i);
                query.addBindValue(u"azureml-demo-api"_qs);
                query.addBindValue(u"rrs-execute"_qs);
                query.addBindValue(requestJson);
                query.addBindValue(u"http://127.0.0.1:8471/score"_qs);
                query.addBindValue(i == 0 ? 0 : 200);
                query.addBindValue(i == 0 ? QByteArray() : marker.repeated(512 * 1024 / marker.size()));
                query.addBindValue(i == 0 ? 0 : 512 * 1024);
                query.addBindValue(i == 0 ? u"The network is not available."_qs : QString());
                QVERIFY(query.exec());
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
    }
    const qint64 full = fileSize(path);
    QVERIFY2(full > 3 * 512 * 1024, qPrintable(QString::number(full)));

    TryItHistory history;
    QVERIFY(history.open(path).ok());
    // Its sends are all there, a failed one with the text it was stored with.
    const auto entries = history.list().value();
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries.last().status, 0);
    QCOMPARE(entries.last().error, u"The network is not available."_qs);
    QVERIFY(!entries.last().incomplete);
    QVERIFY(entries.first().responseBody.startsWith("earlier-payload-3|"));

    QVERIFY(history.remove(QList<qint64> { entries.at(1).id, entries.at(2).id }).ok());
    const qint64 afterDelete = fileSize(path);
    QVERIFY2(afterDelete < 512 * 1024 + 256 * 1024, qPrintable(u"%1 -> %2"_qs.arg(full).arg(afterDelete)));
    const QByteArray files = dir.readAllFiles();
    QVERIFY(!files.contains("earlier-payload-1|"));
    QVERIFY(!files.contains("earlier-payload-2|"));
    QVERIFY(files.contains("earlier-payload-3|"));
}

QTEST_GUILESS_MAIN(tst_TryItHistory)
#include "tst_tryithistory.moc"
