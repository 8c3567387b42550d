// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// How long ArmClient waits, against a local HTTP server that answers at its own pace: an answer
// that keeps coming is read to its end however long it takes (a long list page on a slow link),
// while a server that says nothing fails the call after exactly the transfer timeout ("No data
// for N s.") and an answer that does not begin within the call's deadline fails with "No answer
// within N s.".

#include "core/arm/armclient.h"
#include "core/arm/armjob.h"
#include "core/arm/armlistjob.h"
#include "core/auth/statictokenprovider.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace portico;
using core::Error;

namespace {

// Answers every request with `body` as a 200 application/json: the status line and headers at
// once (or after headerDelayMs), then the body in `chunks` pieces, one every intervalMs. With
// stopAfterChunks >= 0 it goes silent after that many pieces, keeping the connection open;
// with silent set it never answers at all.
class PacedServer final : public QObject
{
public:
    QByteArray body;
    int chunks = 1;
    int intervalMs = 0;
    int headerDelayMs = 0;
    int stopAfterChunks = -1;
    bool silent = false;

    PacedServer()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            }
        });
    }

    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_qs.arg(m_server.serverPort())); }
    int requests() const { return m_requests; }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n")) // ArmClient's GETs carry no body
            return;
        buffer.clear();
        ++m_requests;
        if (silent)
            return;
        QTimer::singleShot(headerDelayMs, Qt::PreciseTimer, socket, [this, socket] {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n");
            sendChunk(socket, 0);
        });
    }

    void sendChunk(QTcpSocket *socket, int index)
    {
        if (index >= chunks || index == stopAfterChunks)
            return;
        const qsizetype size = (body.size() + chunks - 1) / chunks;
        socket->write(body.mid(index * size, size));
        socket->flush();
        QTimer::singleShot(intervalMs, Qt::PreciseTimer, socket, [this, socket, index] {
            sendChunk(socket, index + 1);
        });
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_requests = 0;
};

// A page of `count` APIs, about 200 bytes each.
QByteArray listPage(int count)
{
    QJsonArray value;
    for (int i = 0; i < count; ++i) {
        value.append(QJsonObject { { u"name"_qs, u"api-%1"_qs.arg(i) },
                                   { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"API number %1"_qs.arg(i) },
                                                                     { u"path"_qs, u"apis/%1"_qs.arg(i) },
                                                                     { u"serviceUrl"_qs, u"https://backend.example/%1"_qs.arg(i) } } } });
    }
    return QJsonDocument(QJsonObject { { u"value"_qs, value } }).toJson(QJsonDocument::Compact);
}

struct Outcome
{
    core::Result<core::ArmResponse> result = Error();
    qint64 elapsedMs = -1;
};

} // namespace

class tst_ArmTimeouts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listPageThatKeepsStreamingIsReadToTheEnd();
    void slowAnswerThatKeepsComingOutlivesTheDeadline();
    void silentServerIsNoDataAfterTheTransferTimeout();
    void answerThatStopsMidwayIsNoData();
    void answerThatDoesNotBeginWithinTheDeadlineIsNoAnswer();

private:
    void useTiming(int deadlineMs, int transferTimeoutMs);
    Outcome send();

    std::unique_ptr<PacedServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_client;
};

void tst_ArmTimeouts::init()
{
    m_server = std::make_unique<PacedServer>();
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_tokens = std::make_unique<core::StaticTokenProvider>(u"token"_qs);
    m_client = std::make_unique<core::ArmClient>(m_nam.get(), m_server->url(), m_tokens.get());
}

void tst_ArmTimeouts::cleanup()
{
    m_client.reset();
    m_tokens.reset();
    m_nam.reset();
    m_server.reset();
}

void tst_ArmTimeouts::useTiming(int deadlineMs, int transferTimeoutMs)
{
    core::ArmTiming timing;
    timing.deadlineMs = deadlineMs;
    timing.transferTimeoutMs = transferTimeoutMs;
    m_client->setTiming(timing);
}

Outcome tst_ArmTimeouts::send()
{
    Outcome outcome;
    QElapsedTimer clock;
    clock.start();
    core::ArmJob *job = m_client->send(core::ArmRequest::get(u"/subscriptions/s/x"_qs));
    bool done = false;
    connect(job, &core::ArmJob::finished, this, [&] {
        outcome.result = job->result();
        outcome.elapsedMs = clock.elapsed();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        outcome.result = Error::make(Error::Kind::Cancelled, u"The test gave up waiting."_qs);
    return outcome;
}

// A 2000-item page that arrives in 20 pieces over about 1.9 s, with a call deadline of 0.6 s:
// every item is read (before, the deadline cut the page off at 0.6 s and the list failed).
void tst_ArmTimeouts::listPageThatKeepsStreamingIsReadToTheEnd()
{
    useTiming(600, 1000);
    m_server->body = listPage(2000);
    m_server->chunks = 20;
    m_server->intervalMs = 100;
    core::ArmListJob *job = m_client->list(core::ArmRequest::get(u"/subscriptions/s/apis"_qs));
    std::optional<core::Result<QList<QJsonObject>>> result;
    connect(job, &core::ArmListJob::finished, this, [&] { result = job->result(); });
    QElapsedTimer clock;
    clock.start();
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 20000));
    QVERIFY2(result->ok(), result->ok() ? "" : qPrintable(result->error().message));
    QCOMPARE(result->value().size(), 2000);
    QCOMPARE(result->value().last().value(u"name"_qs).toString(), u"api-1999"_qs);
    QVERIFY2(clock.elapsed() >= 1800, qPrintable(QString::number(clock.elapsed()))); // it did take that long
    QCOMPARE(m_server->requests(), 1);
}

// The same for one call: pieces 300 ms apart, a transfer timeout of 1 s and a deadline of
// 0.5 s; 1.5 s in all.
void tst_ArmTimeouts::slowAnswerThatKeepsComingOutlivesTheDeadline()
{
    useTiming(500, 1000);
    m_server->body = R"({"name":"x","properties":{"displayName":"Slowly, but surely"}})";
    m_server->chunks = 6;
    m_server->intervalMs = 300;
    const Outcome outcome = send();
    QVERIFY2(outcome.result.ok(), outcome.result.ok() ? "" : qPrintable(outcome.result.error().message));
    QCOMPARE(outcome.result->json()->value(u"name"_qs).toString(), u"x"_qs);
    QVERIFY2(outcome.elapsedMs >= 1500, qPrintable(QString::number(outcome.elapsedMs)));
}

// Nothing at all comes back: the call fails with the transfer timeout's words after that time
// (not earlier: the message names it), long before the deadline.
void tst_ArmTimeouts::silentServerIsNoDataAfterTheTransferTimeout()
{
    useTiming(20000, 1000);
    m_server->silent = true;
    const Outcome outcome = send();
    QVERIFY(!outcome.result.ok());
    QCOMPARE(outcome.result.error().kind, Error::Kind::Timeout);
    QCOMPARE(outcome.result.error().message, u"No data for 1 s."_qs);
    QVERIFY2(outcome.elapsedMs >= 1000 && outcome.elapsedMs < 10000, qPrintable(QString::number(outcome.elapsedMs)));
    QCOMPARE(m_server->requests(), 1);
}

// The answer begins, then stops coming with the connection open: "No data" after exactly the
// transfer timeout of silence, counted from the last piece.
void tst_ArmTimeouts::answerThatStopsMidwayIsNoData()
{
    useTiming(20000, 1000);
    m_server->body = listPage(50);
    m_server->chunks = 10;
    m_server->intervalMs = 200;
    m_server->stopAfterChunks = 4; // the last piece comes at 0.6 s
    const Outcome outcome = send();
    QVERIFY(!outcome.result.ok());
    QCOMPARE(outcome.result.error().kind, Error::Kind::Timeout);
    QCOMPARE(outcome.result.error().message, u"No data for 1 s."_qs);
    QVERIFY2(outcome.elapsedMs >= 1600 && outcome.elapsedMs < 10000, qPrintable(QString::number(outcome.elapsedMs)));
}

// Sign of life is not an answer: with a deadline shorter than the transfer timeout, a server
// that does not answer fails the call at the deadline, in its words.
void tst_ArmTimeouts::answerThatDoesNotBeginWithinTheDeadlineIsNoAnswer()
{
    useTiming(1000, 5000);
    m_server->body = R"({"name":"x"})";
    m_server->headerDelayMs = 3000;
    const Outcome outcome = send();
    QVERIFY(!outcome.result.ok());
    QCOMPARE(outcome.result.error().kind, Error::Kind::Timeout);
    QCOMPARE(outcome.result.error().message, u"No answer within 1 s."_qs);
    QVERIFY2(outcome.elapsedMs >= 1000 && outcome.elapsedMs < 3000, qPrintable(QString::number(outcome.elapsedMs)));
}

QTEST_MAIN(tst_ArmTimeouts)
#include "tst_armtimeouts.moc"
