// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/tryit/tryitrequest.h"
#include "core/tryit/tryitsender.h"
#include "tests/support/fakenetworkaccessmanager.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/rawhttpserver.h"
#include "tests/support/replay/replayserver.h"
#include "tests/support/tempdir.h"

#include <QDir>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslError>
#include <QtEndian>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <chrono>

using namespace portico;
using core::Error;
using core::TryItSender;

class tst_TryItSender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsStatusHeadersTimingsAndSizes();
    void throttledResponseIsAResponseWithRetryAfter();
    void largeBodyIsStreamedToATemporaryFile();
    void cancelStopsTheSend();
    void untrustedCertificateFailsWithItsDetails();
    void pinnedCertificateIsAccepted();
    void bodyThatBreaksOffCarriesItsFactsNotWords_data();
    void bodyThatBreaksOffCarriesItsFactsNotWords();
    void refusedConnectionCarriesHostAndPort();
    void silentServerIsNoAnswerWithinTheTransferTimeout();
    void noAnswerIsSaidOnlyAfterTheFullTimeout();
    void trickledBodyOutlastsTheTransferTimeoutWithItsProgress();
    void silenceAfterABodilessRequestIsNoAnswer_data();
    void silenceAfterABodilessRequestIsNoAnswer();
    void silenceOverHttp2IsNoAnswer_data();
    void silenceOverHttp2IsNoAnswer();
    void certificateOtherThanThePinnedOneIsAMismatch();
    void deadlineCarriesItsSeconds();
    void networkErrorsCarryTheirKind_data();
    void networkErrorsCarryTheirKind();
    void headAnswersWithItsStatusAndNoBody();
    void repeatedHeaderNamesAreSentJoined();
    void followedRedirectRecordsTheFinalUrlAndMethod();
    void redirectLoopIsACompleteRedirectNotFollowed();
    void compressedBodyIsDecoded_data();
    void compressedBodyIsDecoded();
    void previewShowsTheHeadersTheServerReceives_data();
    void previewShowsTheHeadersTheServerReceives();

private:
    core::Result<core::TryItResponse> send(const core::PreparedRequest &request, TryItSender::Options options = {},
                                           TryItSender **senderOut = nullptr,
                                           std::optional<core::SendFailure> *failure = nullptr);
    QNetworkAccessManager m_nam;
};

core::Result<core::TryItResponse> tst_TryItSender::send(const core::PreparedRequest &request,
                                                        TryItSender::Options options, TryItSender **senderOut,
                                                        std::optional<core::SendFailure> *failure)
{
    auto *sender = new TryItSender(&m_nam, request, options);
    if (senderOut)
        *senderOut = sender;
    core::Result<core::TryItResponse> result = Error::make(Error::Kind::Timeout, u"test timeout"_qs);
    int finished = 0;
    connect(sender, &TryItSender::finished, this, [&] {
        result = sender->result();
        if (failure)
            *failure = sender->failure();
        ++finished;
    });
    QSignalSpy destroyed(sender, &QObject::destroyed);
    sender->start();
    destroyed.wait(30000);
    if (finished != 1)
        return Error::make(Error::Kind::Protocol, u"finished %1 times"_qs.arg(finished));
    return result;
}

namespace {

QJsonObject exchange(const QString &method, const QString &path, int status, const QJsonValue &body,
                     const QJsonObject &headers = {}, int delayMs = 0)
{
    return { { u"request"_qs, QJsonObject { { u"method"_qs, method }, { u"path"_qs, path } } },
             { u"response"_qs, QJsonObject { { u"status"_qs, status }, { u"headers"_qs, headers },
                                             { u"body"_qs, body }, { u"delayMs"_qs, delayMs } } } };
}

core::PreparedRequest post(const QUrl &url, QByteArray body)
{
    return { "POST", url, { { "Content-Type", "application/json" } }, std::move(body) };
}

} // namespace

void tst_TryItSender::recordsStatusHeadersTimingsAndSizes()
{
    test::ReplayServer server;
    QVERIFY(server.start());
    server.add(exchange(u"POST"_qs, u"/score"_qs, 200,
                        QJsonObject { { u"Results"_qs, QJsonObject { { u"output1"_qs, 1 } } } },
                        { { u"x-ms-request-id"_qs, u"abc"_qs } }, 150));
    const auto result = send(post(QUrl(server.url().toString() + u"/score?x=1"_qs), R"({"a":1})"));
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    QCOMPARE(result->status, 200);
    QCOMPARE(result->reason, QByteArray("OK"));
    QCOMPARE(result->header("x-ms-request-id"), QByteArray("abc"));
    QCOMPARE(result->body, QByteArray(R"({"Results":{"output1":1}})"));
    QCOMPARE(result->bodySize, result->body.size());
    QCOMPARE(result->requestBodySize, qint64(7));
    QVERIFY(result->timeToFirstByteMs >= 140);
    QVERIFY(result->totalMs >= result->timeToFirstByteMs);
    QVERIFY(!result->isStreamedToFile());
    QCOMPARE(server.received().first().body, QByteArray(R"({"a":1})"));
}

void tst_TryItSender::throttledResponseIsAResponseWithRetryAfter()
{
    test::ReplayServer server;
    QVERIFY(server.start());
    server.add(exchange(u"GET"_qs, u"/x"_qs, 429,
                        QJsonObject { { u"statusCode"_qs, 429 },
                                      { u"message"_qs, u"Rate limit is exceeded. Try again in 56 seconds."_qs } },
                        { { u"Retry-After"_qs, u"56"_qs } }));
    const auto result = send({ "GET", QUrl(server.url().toString() + u"/x"_qs), {}, {} });
    QVERIFY(result.ok());
    QCOMPARE(result->status, 429);
    QCOMPARE(result->retryAfterMs(), qint64(56000));
}

void tst_TryItSender::largeBodyIsStreamedToATemporaryFile()
{
    test::TempDir temp;
    test::ReplayServer server;
    QVERIFY(server.start());
    const QString big(9 * 1024 * 1024, u'x');
    server.add(exchange(u"GET"_qs, u"/big"_qs, 200, big));
    TryItSender::Options options;
    options.tempDirectory = temp.path();
    const auto result = send({ "GET", QUrl(server.url().toString() + u"/big"_qs), {}, {} }, options);
    QVERIFY(result.ok());
    QVERIFY(result->isStreamedToFile());
    QVERIFY(result->body.isEmpty());
    QCOMPARE(result->bodySize, qint64(big.size()));
    QCOMPARE(result->bodyFile->size(), qint64(big.size()));
    QVERIFY(result->bodyFile->fileName().startsWith(temp.path()));
    const QString path = result->bodyFile->fileName();
    QVERIFY(QFile::exists(path));
    {
        core::Result<core::TryItResponse> moved = result;
    }
    // The file goes away with the last copy of the response.
    core::Result<core::TryItResponse> *holder = new core::Result<core::TryItResponse>(result);
    delete holder;
    QVERIFY(QFile::exists(path)); // `result` still holds it
}

void tst_TryItSender::cancelStopsTheSend()
{
    test::ReplayServer server;
    QVERIFY(server.start());
    server.add(exchange(u"GET"_qs, u"/slow"_qs, 200, u"late"_qs, {}, 5000));
    TryItSender *sender = nullptr;
    QTimer::singleShot(100, this, [&sender] {
        if (sender)
            sender->cancel();
    });
    QElapsedTimer elapsed;
    elapsed.start();
    std::optional<core::SendFailure> failure;
    const auto result = send({ "GET", QUrl(server.url().toString() + u"/slow"_qs), {}, {} }, {}, &sender, &failure);
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    QVERIFY(elapsed.elapsed() < 4000);
    QVERIFY(failure);
    QCOMPARE(failure->kind, core::SendFailure::Kind::Cancelled);
    QVERIFY2(failure->elapsedMs >= 90 && failure->elapsedMs < 4000, qPrintable(QString::number(failure->elapsedMs)));
    QCOMPARE(failure->port, server.url().port());
}

void tst_TryItSender::untrustedCertificateFailsWithItsDetails()
{
    test::PorticoLocalFixture local;
    QVERIFY2(local.start(), qPrintable(local.errorString()));
    const QString fingerprint = local.readyLine().value(u"gatewayCertificateSha256"_qs).toString();
    QVERIFY(!fingerprint.isEmpty());
    TryItSender *sender = nullptr;
    std::optional<core::TlsCertificateInfo> certificate;
    QUrl url = local.gatewayHttpsUrl();
    url.setPath(u"/echo/anything"_qs);
    auto *s = new TryItSender(&m_nam, { "GET", url, {}, {} }, {});
    sender = s;
    QSignalSpy finished(s, &TryItSender::finished);
    core::Result<core::TryItResponse> result = Error();
    std::optional<core::SendFailure> failure;
    connect(s, &TryItSender::finished, this, [&] {
        result = s->result();
        certificate = s->certificate();
        failure = s->failure();
    });
    s->start();
    QVERIFY(finished.wait(15000));
    QCOMPARE(result.error().kind, Error::Kind::Tls);
    QVERIFY(certificate.has_value());
    QCOMPARE(certificate->sha256Fingerprint.toLower(), QString(fingerprint).remove(u':').toLower());
    QVERIFY(!certificate->errors.isEmpty());
    QVERIFY(!certificate->pinned);
    QVERIFY(result.error().technical.contains(certificate->sha256Fingerprint));
    // The facts for the UI's words: which problems, which certificate, and no pin for the host.
    QVERIFY(failure);
    QCOMPARE(failure->kind, core::SendFailure::Kind::Tls);
    QCOMPARE(failure->host, url.host());
    QCOMPARE(failure->port, url.port());
    QVERIFY2(failure->tlsErrors.contains(int(QSslError::SelfSignedCertificate)),
             qPrintable(certificate->errors.join(u"; "_qs)));
    QVERIFY(failure->certificate);
    QCOMPARE(failure->certificate->subject, u"portico-local"_qs);
    QCOMPARE(failure->certificate->sha256Fingerprint, certificate->sha256Fingerprint);
    QVERIFY(failure->certificate->notAfter > QDateTime::currentDateTimeUtc());
    QVERIFY(!failure->pinMismatch);
    Q_UNUSED(sender);
}

void tst_TryItSender::pinnedCertificateIsAccepted()
{
    test::PorticoLocalFixture local;
    QVERIFY2(local.start(), qPrintable(local.errorString()));
    const QString fingerprint =
        local.readyLine().value(u"gatewayCertificateSha256"_qs).toString().remove(u':').toLower();
    QUrl url = local.gatewayHttpsUrl();
    url.setPath(u"/echo/anything"_qs);
    TryItSender::Options options;
    options.pinnedFingerprints.insert(url.host().toLower(), { fingerprint });
    const auto result = send({ "GET", url, {}, {} }, options);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    QVERIFY(result->status > 0); // whatever the gateway says, the exchange happened over TLS
    QVERIFY(result->certificate.has_value());
    QVERIFY(result->certificate->pinned);
    QCOMPARE(result->certificate->sha256Fingerprint, fingerprint);
}

void tst_TryItSender::bodyThatBreaksOffCarriesItsFactsNotWords_data()
{
    QTest::addColumn<QNetworkReply::NetworkError>("error");
    QTest::addColumn<core::IncompleteBody::Cause>("cause");
    QTest::addColumn<int>("idleSeconds");
    QTest::addColumn<Error::Kind>("kind");
    QTest::newRow("stalled past the transfer timeout") << QNetworkReply::OperationCanceledError
                                                       << core::IncompleteBody::Cause::Stalled << 7 << Error::Kind::Timeout;
    QTest::newRow("timed out") << QNetworkReply::TimeoutError << core::IncompleteBody::Cause::Stalled << 7
                               << Error::Kind::Timeout;
    QTest::newRow("connection reset") << QNetworkReply::RemoteHostClosedError << core::IncompleteBody::Cause::BrokeOff
                                      << 0 << Error::Kind::Network;
    QTest::newRow("network dropped") << QNetworkReply::NetworkSessionFailedError
                                     << core::IncompleteBody::Cause::BrokeOff << 0 << Error::Kind::Network;
}

void tst_TryItSender::bodyThatBreaksOffCarriesItsFactsNotWords()
{
    QFETCH(QNetworkReply::NetworkError, error);
    QFETCH(core::IncompleteBody::Cause, cause);
    QFETCH(int, idleSeconds);
    QFETCH(Error::Kind, kind);
    test::FakeNetworkAccessManager broken;
    const QByteArray body = R"({"Results": {"output1": {"value": {"Values": [["1"], ["2"], ["3"], ["4"]]}}}})";
    broken.enqueue({ test::FakeResponse::Behaviour::BreakOffWith, 200, body,
                     { { "Content-Type", "application/json" } }, error, 0 });
    TryItSender::Options options;
    options.transferTimeoutMs = 7000;
    auto *sender = new TryItSender(&broken, post(QUrl(u"https://gateway.example/score"_qs), "{}"), options);
    std::optional<core::TryItResponse> partial;
    std::optional<Error> failure;
    connect(sender, &TryItSender::finished, this, [&] {
        partial = sender->partialResponse();
        if (!sender->result())
            failure = sender->result().error();
    });
    QSignalSpy destroyed(sender, &QObject::destroyed);
    sender->start();
    QVERIFY(destroyed.wait(10000));

    // Not a result: an error the UI can recognise, and what did arrive, with the facts.
    QVERIFY(failure);
    QCOMPARE(failure->kind, kind);
    QCOMPARE(failure->code, u"IncompleteBody"_qs);
    QVERIFY(partial);
    QCOMPARE(partial->status, 200);
    QCOMPARE(partial->body, body.left(body.size() / 2));
    QVERIFY(partial->incomplete);
    QCOMPARE(partial->incomplete->cause, cause);
    QCOMPARE(partial->incomplete->idleSeconds, idleSeconds);
    QCOMPARE(partial->incomplete->bytesReceived, qint64(body.size() / 2));
    QCOMPARE(partial->incomplete->networkErrorCode, int(error));
    QCOMPARE(partial->incomplete->networkError, u"Fake network error"_qs);
    // No sentence for the user is made up here: the facts are turned into words by the UI.
    QVERIFY2(!failure->message.contains(QString::number(body.size() / 2)), qPrintable(failure->message));
}

void tst_TryItSender::refusedConnectionCarriesHostAndPort()
{
    // An ephemeral port that was free a moment ago and is closed now: the kernel refuses.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    std::optional<core::SendFailure> failure;
    const auto result = send({ "GET", QUrl(u"http://127.0.0.1:%1/score"_qs.arg(port)), {}, {} }, {}, nullptr, &failure);
    QCOMPARE(result.error().kind, Error::Kind::Network);
    QVERIFY(failure);
    QCOMPARE(failure->kind, core::SendFailure::Kind::ConnectionRefused);
    QCOMPARE(failure->host, u"127.0.0.1"_qs);
    QCOMPARE(failure->port, int(port));
    QCOMPARE(failure->networkErrorCode, int(QNetworkReply::ConnectionRefusedError));
    QVERIFY(!failure->detail.isEmpty()); // Qt's words, as technical detail
}

void tst_TryItSender::silentServerIsNoAnswerWithinTheTransferTimeout()
{
    // Accepts the connection, reads the request, never answers.
    QTcpServer silent;
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            held.append(socket);
    });
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    TryItSender::Options options;
    options.transferTimeoutMs = 1500;
    std::optional<core::SendFailure> failure;
    QElapsedTimer elapsed;
    elapsed.start();
    const auto result = send(post(QUrl(u"http://127.0.0.1:%1/score"_qs.arg(silent.serverPort())), "{}"), options,
                             nullptr, &failure);
    QCOMPARE(result.error().kind, Error::Kind::Timeout);
    QVERIFY(elapsed.elapsed() >= 1400);
    QVERIFY(failure);
    QCOMPARE(failure->kind, core::SendFailure::Kind::NoAnswer);
    QCOMPARE(failure->timeoutSeconds, 1);
    QCOMPARE(failure->port, int(silent.serverPort()));
    QCOMPARE(held.size(), 1);
    qDeleteAll(held);
}

void tst_TryItSender::noAnswerIsSaidOnlyAfterTheFullTimeout()
{
    QTcpServer silent;
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            held.append(socket);
    });
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    TryItSender::Options options;
    options.transferTimeoutMs = 2000;
    // A coarse timer due at x.0NN s of the monotonic clock is rounded to the whole second, up
    // to 5 % early; start so that "2 s later" is such a moment: the send must still wait 2 s.
    const auto fraction = [] {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count() % 1000;
    };
    while (fraction() < 10 || fraction() >= 25)
        QThread::usleep(500);
    std::optional<core::SendFailure> failure;
    QElapsedTimer elapsed;
    elapsed.start();
    const auto result = send(post(QUrl(u"http://127.0.0.1:%1/score"_qs.arg(silent.serverPort())), "{}"),
                             options, nullptr, &failure);
    const qint64 waited = elapsed.elapsed();
    QVERIFY(!result.ok());
    QVERIFY(failure);
    QCOMPARE(failure->kind, core::SendFailure::Kind::NoAnswer);
    QCOMPARE(failure->timeoutSeconds, 2);
    QVERIFY2(waited >= 2000, qPrintable(u"no answer within 2 s said after %1 ms"_qs.arg(waited)));
    QVERIFY2(failure->elapsedMs >= 2000, qPrintable(QString::number(failure->elapsedMs)));
    QCOMPARE(held.size(), 1);
    qDeleteAll(held);
}

void tst_TryItSender::trickledBodyOutlastsTheTransferTimeoutWithItsProgress()
{
    // The headers at once, then the body in eight pieces 250 ms apart: 2 s in all, longer than
    // the transfer timeout, but never 1.5 s without data. Every piece is progress: the send
    // completes, and says how far it got as it goes.
    const QByteArray body = QByteArray("0123456789").repeated(8);
    QTcpServer server;
    QList<QTcpSocket *> held;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            held.append(socket);
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &body] {
                socket->readAll();
                if (socket->property("answered").toBool())
                    return;
                socket->setProperty("answered", true);
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\n\r\n");
                auto *pieces = new QTimer(socket);
                connect(pieces, &QTimer::timeout, socket, [socket, pieces, &body, sent = qsizetype(0)]() mutable {
                    socket->write(body.mid(sent, 10));
                    sent += 10;
                    if (sent >= body.size())
                        pieces->stop();
                });
                pieces->start(250);
            });
        }
    });
    QVERIFY(server.listen(QHostAddress::LocalHost));
    TryItSender::Options options;
    options.transferTimeoutMs = 1500;
    auto *sender = new TryItSender(&m_nam, { "GET", QUrl(u"http://127.0.0.1:%1/trickle"_qs.arg(server.serverPort())), {}, {} },
                                   options);
    QList<QPair<qint64, qint64>> progress;
    connect(sender, &TryItSender::progress, this,
            [&progress](qint64 received, qint64 total) { progress.append({ received, total }); });
    core::Result<core::TryItResponse> result = Error::make(Error::Kind::Timeout, u"test timeout"_qs);
    int finished = 0;
    connect(sender, &TryItSender::finished, this, [&] {
        result = sender->result();
        ++finished;
    });
    QSignalSpy destroyed(sender, &QObject::destroyed);
    QElapsedTimer elapsed;
    elapsed.start();
    sender->start();
    QVERIFY(destroyed.wait(15000));
    QCOMPARE(finished, 1);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    QVERIFY2(elapsed.elapsed() >= 1750, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(result->status, 200);
    QCOMPARE(result->body, body);
    QVERIFY(!result->incomplete);
    // As the pieces came: more and more of the announced size, up to all of it.
    QVERIFY2(progress.size() >= 4, qPrintable(QString::number(progress.size())));
    QCOMPARE(progress.last(), qMakePair(qint64(body.size()), qint64(body.size())));
    for (qsizetype i = 1; i < progress.size(); ++i)
        QVERIFY(progress.at(i).first >= progress.at(i - 1).first);
    QVERIFY(progress.first().first < body.size());
    qDeleteAll(held);
}

void tst_TryItSender::silenceAfterABodilessRequestIsNoAnswer_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("GET (BES Status)") << QByteArray("GET");
    QTest::newRow("DELETE (BES Delete)") << QByteArray("DELETE");
    QTest::newRow("POST without a body (BES Start)") << QByteArray("POST");
}

void tst_TryItSender::silenceAfterABodilessRequestIsNoAnswer()
{
    QFETCH(QByteArray, method);
    QTcpServer silent;
    QList<QTcpSocket *> held;
    QByteArray received;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection()) {
            held.append(socket);
            connect(socket, &QTcpSocket::readyRead, this, [&received, socket] { received += socket->readAll(); });
        }
    });
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    TryItSender::Options options;
    options.transferTimeoutMs = 1000;
    std::optional<core::SendFailure> failure;
    const auto result = send({ method, QUrl(u"http://127.0.0.1:%1/jobs/1"_qs.arg(silent.serverPort())), {}, {} },
                             options, nullptr, &failure);
    QVERIFY(!result.ok());
    QVERIFY(failure);
    // Connected and sent, then silence: not "could not connect".
    QCOMPARE(failure->kind, core::SendFailure::Kind::NoAnswer);
    QVERIFY2(received.startsWith(QByteArray(method + " /jobs/1 HTTP/1.1\r\n")), received.constData());
    // Content-Length: 0 only where the method anticipates content (RFC 9110 section 8.6).
    QCOMPARE(received.contains("\r\nContent-Length: 0\r\n"), method == "POST");
    QVERIFY2(method == "POST" || !received.toLower().contains("content-length"), received.constData());
    qDeleteAll(held);
}

namespace {

// The least of an HTTP/2 server (RFC 9113) for prior-knowledge cleartext connections: it takes
// the client preface, settles SETTINGS, answers the first `answered` requests (streams) with
// ":status 200" and no body, and leaves the others unanswered. It counts the requests that
// reached it (HEADERS frames).
class SilentHttp2Server final : public QObject
{
public:
    explicit SilentHttp2Server(int answered)
        : m_answered(answered)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                ++m_connections;
                socket->write(QByteArray::fromHex("000000040000000000")); // SETTINGS, none changed
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    quint16 port() const { return m_server.serverPort(); }
    int requestsReceived() const { return m_requests; }
    int connectionsAccepted() const { return m_connections; }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        static const QByteArray preface("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        if (!m_prefaced.contains(socket)) {
            if (buffer.size() < preface.size())
                return;
            if (!buffer.startsWith(preface)) {
                socket->abort(); // not HTTP/2
                return;
            }
            buffer.remove(0, preface.size());
            m_prefaced.insert(socket);
        }
        while (buffer.size() >= 9) {
            const int length = (uchar(buffer[0]) << 16) | (uchar(buffer[1]) << 8) | uchar(buffer[2]);
            if (buffer.size() < 9 + length)
                return;
            const uchar type = uchar(buffer[3]);
            const uchar flags = uchar(buffer[4]);
            const quint32 stream = qFromBigEndian<quint32>(buffer.constData() + 5) & 0x7fffffffu;
            if (type == 0x4 && !(flags & 0x1)) // SETTINGS: acknowledged
                socket->write(QByteArray::fromHex("000000040100000000"));
            if (type == 0x1 && ++m_requests <= m_answered) { // HEADERS: a request
                // HEADERS, END_STREAM | END_HEADERS, HPACK static index 8 (":status: 200").
                QByteArray answer = QByteArray::fromHex("00000101050000000088");
                qToBigEndian<quint32>(stream, answer.data() + 5);
                socket->write(answer);
            }
            buffer.remove(0, 9 + length);
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QSet<QTcpSocket *> m_prefaced;
    int m_answered = 0;
    int m_requests = 0;
    int m_connections = 0;
};

// Speaks HTTP/2 to http:// URLs without an upgrade (prior knowledge), as Qt does over TLS with
// ALPN: the same protocol handler, without certificates.
class Http2NetworkAccessManager final : public QNetworkAccessManager
{
protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        QNetworkRequest http2(request);
        http2.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
        return QNetworkAccessManager::createRequest(operation, http2, outgoingData);
    }
};

} // namespace

void tst_TryItSender::silenceOverHttp2IsNoAnswer_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("reused"); // sent on a connection an earlier send opened
    QTest::newRow("GET, new connection") << QByteArray("GET") << QByteArray() << false;
    QTest::newRow("POST, new connection") << QByteArray("POST") << QByteArray("{}") << false;
    QTest::newRow("GET, reused connection") << QByteArray("GET") << QByteArray() << true;
    QTest::newRow("POST, reused connection") << QByteArray("POST") << QByteArray("{}") << true;
}

void tst_TryItSender::silenceOverHttp2IsNoAnswer()
{
    // Qt says requestSent() over HTTP/2 too (6.4: for a new and for a reused connection); were
    // it silent, a server that never answers would read "could not connect".
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    QFETCH(bool, reused);
    SilentHttp2Server server(reused ? 1 : 0);
    QVERIFY(server.port() != 0);
    Http2NetworkAccessManager network;
    const QUrl url(u"http://127.0.0.1:%1/jobs/1"_qs.arg(server.port()));
    const auto sendOnce = [&](std::optional<core::SendFailure> *failure) {
        TryItSender::Options options;
        options.transferTimeoutMs = 1000;
        auto *sender = new TryItSender(&network, { method, url, {}, body }, options);
        std::optional<core::Result<core::TryItResponse>> result;
        connect(sender, &TryItSender::finished, this, [&] {
            result = sender->result();
            *failure = sender->failure();
        });
        sender->start();
        (void)QTest::qWaitFor([&result] { return result.has_value(); }, 20000); // checked below
        return result;
    };
    std::optional<core::SendFailure> failure;
    if (reused) {
        const auto first = sendOnce(&failure);
        QVERIFY(first && first->ok());
        QCOMPARE(first->value().status, 200);
    }
    const auto result = sendOnce(&failure);
    QVERIFY(result && !result->ok());
    QCOMPARE(server.requestsReceived(), reused ? 2 : 1);
    // Both sends of a "reused connection" row went over the one connection the first opened.
    QCOMPARE(server.connectionsAccepted(), 1);
    QVERIFY(failure);
    // Connected and sent over HTTP/2, then silence: not "could not connect".
    QCOMPARE(failure->kind, core::SendFailure::Kind::NoAnswer);
    QCOMPARE(failure->timeoutSeconds, 1);
}

void tst_TryItSender::certificateOtherThanThePinnedOneIsAMismatch()
{
    test::PorticoLocalFixture local;
    QVERIFY2(local.start(), qPrintable(local.errorString()));
    QUrl url = local.gatewayHttpsUrl();
    url.setPath(u"/echo/anything"_qs);
    TryItSender::Options options;
    // A pin for the host, but for another certificate (e.g. the gateway was re-created).
    options.pinnedFingerprints.insert(url.host().toLower(), { QString(64, u'0') });
    std::optional<core::SendFailure> failure;
    const auto result = send({ "GET", url, {}, {} }, options, nullptr, &failure);
    QCOMPARE(result.error().kind, Error::Kind::Tls);
    QVERIFY(failure);
    QCOMPARE(failure->kind, core::SendFailure::Kind::Tls);
    QVERIFY(failure->pinMismatch);
    QVERIFY(failure->tlsErrors.contains(int(QSslError::SelfSignedCertificate)));
}

void tst_TryItSender::deadlineCarriesItsSeconds()
{
    test::FakeNetworkAccessManager network;
    network.enqueue({ test::FakeResponse::Behaviour::Hang, 0, {}, {}, QNetworkReply::NoError, 0 });
    TryItSender::Options options;
    options.deadlineMs = 1000;
    std::optional<core::SendFailure> failure;
    auto *sender = new TryItSender(&network, post(QUrl(u"https://gateway.example/score"_qs), "{}"), options);
    connect(sender, &TryItSender::finished, this, [&] { failure = sender->failure(); });
    QSignalSpy destroyed(sender, &QObject::destroyed);
    sender->start();
    // No clock here (a busy machine only makes the send end later): the wait is a guard
    // against a send that never ends. The deadline passes long before the idle timeout (60 s).
    QVERIFY(destroyed.count() || destroyed.wait(60000));
    QVERIFY(failure);
    QCOMPARE(failure->kind, core::SendFailure::Kind::Deadline);
    QCOMPARE(failure->timeoutSeconds, 1);
    QCOMPARE(failure->port, 443);
    QVERIFY(failure->elapsedMs > 0); // "after … s" has a value to show
}

void tst_TryItSender::networkErrorsCarryTheirKind_data()
{
    QTest::addColumn<QNetworkReply::NetworkError>("error");
    QTest::addColumn<core::SendFailure::Kind>("kind");
    QTest::newRow("host not found") << QNetworkReply::HostNotFoundError << core::SendFailure::Kind::HostNotFound;
    QTest::newRow("closed before answering") << QNetworkReply::RemoteHostClosedError
                                             << core::SendFailure::Kind::ConnectionClosed;
    QTest::newRow("network lost") << QNetworkReply::NetworkSessionFailedError << core::SendFailure::Kind::NetworkLost;
    QTest::newRow("proxy refused") << QNetworkReply::ProxyConnectionRefusedError << core::SendFailure::Kind::Proxy;
    QTest::newRow("proxy sign-in") << QNetworkReply::ProxyAuthenticationRequiredError
                                   << core::SendFailure::Kind::Proxy;
    QTest::newRow("handshake without a certificate") << QNetworkReply::SslHandshakeFailedError
                                                     << core::SendFailure::Kind::Tls;
    QTest::newRow("anything else") << QNetworkReply::UnknownNetworkError << core::SendFailure::Kind::Other;
}

void tst_TryItSender::networkErrorsCarryTheirKind()
{
    QFETCH(QNetworkReply::NetworkError, error);
    QFETCH(core::SendFailure::Kind, kind);
    test::FakeNetworkAccessManager network;
    network.enqueue({ test::FakeResponse::Behaviour::Fail, 0, {}, {}, error, 0 });
    auto *sender = new TryItSender(&network, post(QUrl(u"https://gateway.example:8443/score"_qs), "{}"), {});
    std::optional<core::SendFailure> failure;
    connect(sender, &TryItSender::finished, this, [&] { failure = sender->failure(); });
    QSignalSpy destroyed(sender, &QObject::destroyed);
    sender->start();
    QVERIFY(destroyed.wait(10000));
    QVERIFY(failure);
    QCOMPARE(failure->kind, kind);
    QCOMPARE(failure->host, u"gateway.example"_qs);
    QCOMPARE(failure->port, 8443);
    QCOMPARE(failure->networkErrorCode, int(error));
    QCOMPARE(failure->detail, u"Fake network error"_qs);
    QVERIFY(!failure->certificate);
}

void tst_TryItSender::headAnswersWithItsStatusAndNoBody()
{
    // A HEAD answer announces the length of the body a GET would get, and sends none.
    test::RawHttpServer server;
    QVERIFY(server.isListening());
    server.answer("/items/1", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Content-Length: 1000\r\n\r\n");
    TryItSender::Options options;
    options.transferTimeoutMs = 5000;
    const auto result = send({ "HEAD", server.url(u"/items/1"_qs), {}, {} }, options);
    // Not "200 (incomplete)" after the transfer timeout: the status, complete, with no body.
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    QCOMPARE(result->status, 200);
    QCOMPARE(result->header("Content-Length"), QByteArray("1000"));
    QCOMPARE(result->bodySize, qint64(0));
    QVERIFY(!result->incomplete);
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().first().method, QByteArray("HEAD"));
}

void tst_TryItSender::repeatedHeaderNamesAreSentJoined()
{
    test::RawHttpServer server;
    QVERIFY(server.isListening());
    server.answer("/tags", "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");
    const core::HeaderList headers { { "X-Tag", "one" }, { "Accept", "application/json" },
                                     { "x-tag", "two" }, { "Cookie", "a=1" }, { "Cookie", "b=2" } };
    const auto result = send({ "GET", server.url(u"/tags"_qs), headers, {} });
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    QCOMPARE(result->status, 204);
    QCOMPARE(server.requests().size(), 1);
    const auto &received = server.requests().first();
    // One field with both values (RFC 9110 5.3), not only the last row.
    QCOMPARE(received.headerValues("X-Tag"), QByteArrayList { "one, two" });
    QCOMPARE(received.header("Accept"), QByteArray("application/json"));
    QCOMPARE(received.headerValues("Cookie"), QByteArrayList { "a=1; b=2" });
}

void tst_TryItSender::followedRedirectRecordsTheFinalUrlAndMethod()
{
    test::RawHttpServer server;
    QVERIFY(server.isListening());
    server.answer("/redir", "HTTP/1.1 302 Found\r\nLocation: /final?x=1\r\nContent-Length: 0\r\n\r\n");
    server.answer("/final", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
    const auto result = send(post(server.url(u"/redir"_qs), R"({"a":1})"));
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    QCOMPARE(result->status, 200);
    QCOMPARE(result->url, server.url(u"/final?x=1"_qs));
    QCOMPARE(result->method, QByteArray("GET")); // a 302 turns the POST into a GET
    QCOMPARE(result->redirectsFollowed, 1);
    QVERIFY(!result->unfollowedRedirect);
}

void tst_TryItSender::redirectLoopIsACompleteRedirectNotFollowed()
{
    test::RawHttpServer server;
    QVERIFY(server.isListening());
    server.answer("/loop", "HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\n\r\n");
    TryItSender::Options options;
    options.maxRedirects = 3;
    auto *sender = new TryItSender(&m_nam, { "GET", server.url(u"/loop"_qs), {}, {} }, options);
    std::optional<core::TryItResponse> partial;
    core::Result<core::TryItResponse> result = Error::make(Error::Kind::Timeout, u"test timeout"_qs);
    connect(sender, &TryItSender::finished, this, [&] {
        result = sender->result();
        partial = sender->partialResponse();
    });
    QSignalSpy destroyed(sender, &QObject::destroyed);
    sender->start();
    QVERIFY(destroyed.wait(20000));
    // The last 302 is the answer: complete, not a body that broke off.
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    QVERIFY(!partial);
    QCOMPARE(result->status, 302);
    QVERIFY(!result->incomplete);
    QVERIFY(result->unfollowedRedirect);
    QCOMPARE(result->unfollowedRedirect->reason, core::UnfollowedRedirect::Reason::TooMany);
    QCOMPARE(result->unfollowedRedirect->location, server.url(u"/loop"_qs));
    QCOMPARE(result->unfollowedRedirect->maxRedirects, 3);
    QVERIFY(server.requests().size() > 3); // the first and the three it followed, at least
}

void tst_TryItSender::compressedBodyIsDecoded_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QByteArray>("decoded");
    QTest::addColumn<core::HeaderList>("headers");
    const QByteArray json = "{\"scored\": [0.25, 0.75], \"label\": \"good day\"}\n";
    const QByteArray gzip = QByteArray::fromHex(
        "1f8b0800000000000203ab562a4ece2f4a4d51b2528836d03332d55130d033378dd55150ca494c4acd010a2ba5e7e7a7"
        "28a424562ad57201000d12a2672e000000");
    QTest::newRow("gzip") << QByteArray("gzip") << gzip << json << core::HeaderList {};
    // A user's own Accept-Encoding turns Qt's decoding off; the body is still readable.
    QTest::newRow("gzip, Accept-Encoding set by the user")
        << QByteArray("gzip") << gzip << json << core::HeaderList { { "Accept-Encoding", "gzip" } };
    // qCompress() is zlib data behind a 4-byte length: HTTP's deflate. Large enough to arrive in
    // several reads and to inflate in several pieces.
    QByteArray big;
    for (int i = 0; big.size() < 3 * 1024 * 1024; ++i)
        big += "{\"row\": " + QByteArray::number(i) + ", \"label\": \"good day\"},\n";
    QTest::newRow("deflate, 3 MiB") << QByteArray("deflate") << qCompress(big).mid(4) << big << core::HeaderList {};
}

void tst_TryItSender::compressedBodyIsDecoded()
{
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, encoded);
    QFETCH(QByteArray, decoded);
    QFETCH(core::HeaderList, headers);
    test::RawHttpServer server;
    QVERIFY(server.isListening());
    server.answer("/scored", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: " + encoding
                      + "\r\nContent-Length: " + QByteArray::number(encoded.size()) + "\r\n\r\n" + encoded);
    const auto result = send({ "GET", server.url(u"/scored"_qs), headers, {} });
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    QCOMPARE(result->status, 200);
    QVERIFY2(result->body == decoded, result->body.left(40).toHex().constData()); // not 1f8b…
    QCOMPARE(result->bodySize, qint64(decoded.size()));
    QCOMPARE(result->encodedBodySize, qint64(encoded.size()));
}

void tst_TryItSender::previewShowsTheHeadersTheServerReceives_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("POST with a body") << QByteArray("POST") << QByteArray(R"({"a":1})");
    // Without a body, Content-Length is Try It's own: shown where sent, and sent only for a
    // method that anticipates content (RFC 9110 section 8.6).
    QTest::newRow("POST without a body") << QByteArray("POST") << QByteArray();
    QTest::newRow("GET") << QByteArray("GET") << QByteArray();
    QTest::newRow("DELETE") << QByteArray("DELETE") << QByteArray();
    QTest::newRow("OPTIONS") << QByteArray("OPTIONS") << QByteArray();
}

void tst_TryItSender::previewShowsTheHeadersTheServerReceives()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    test::RawHttpServer server;
    QVERIFY(server.isListening());
    server.answer("/api/score", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
    core::TryItRequest request;
    request.method = method;
    request.gatewayUrl = server.url(QString());
    request.apiPath = u"api"_qs;
    request.urlTemplate = u"/score"_qs;
    request.headers = { { "X-Tag", "one" }, { "X-Tag", "two" } };
    request.body = body;
    const auto preview = request.preview();
    const auto prepared = request.prepare();
    QVERIFY(preview.ok() && prepared.ok());
    const auto result = send(*prepared);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
    QCOMPARE(server.requests().size(), 1);

    // Everything the server got is in the preview, with the same value, and nothing more; but
    // the fields of the connection itself, which the HTTP layer adds, and a body's length.
    core::HeaderList received = server.requests().first().headers;
    received.removeIf([&body](const auto &field) {
        for (const char *transport : { "Host", "Connection", "Content-Length" }) {
            if (field.first.compare(transport, Qt::CaseInsensitive) == 0
                && (qstrcmp(transport, "Content-Length") != 0 || !body.isEmpty()))
                return true;
        }
        return false;
    });
    const auto byName = [](const auto &a, const auto &b) { return a.first.toLower() < b.first.toLower(); };
    core::HeaderList shown = preview->headers;
    std::sort(received.begin(), received.end(), byName);
    std::sort(shown.begin(), shown.end(), byName);
    QCOMPARE(received, shown);
    QCOMPARE(preview->header("User-Agent"), QByteArray("Portico/" PORTICO_VERSION_STRING));
    QCOMPARE(preview->header("X-Tag"), QByteArray("one, two"));
    const bool anticipatesContent = method != "GET" && method != "DELETE" && method != "OPTIONS";
    QCOMPARE(preview->header("Content-Length"),
             body.isEmpty() && anticipatesContent ? QByteArray("0") : QByteArray());
}

QTEST_GUILESS_MAIN(tst_TryItSender)
#include "tst_tryitsender.moc"
