// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Forwarding and the HTTP/1.1 server: 502/504, streamed bodies both ways with bounded memory,
// chunked transfer, pooled keep-alive upstream connections, pipelining, and robustness
// against malformed, oversized, slow and half-closed clients.

#include "tests/local/gateway/gatewaytestbed.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace portico::local;
using namespace portico::test;

namespace {

const auto kKey = GatewayTestbed::masterKey();

qint64 rssKb()
{
    QFile status(u"/proc/self/status"_qs);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort(); // closed again when probe goes away
}

// A loopback listener whose accept queue is full and never drained: the kernel drops every
// further SYN, so a connection to it is neither established nor refused, like a backend address
// that drops packets (reliably, offline, without routing tricks).
class SilentListener
{
public:
    SilentListener()
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr *>(&address), length) != 0
            || ::listen(m_listener, 0) != 0
            || ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return;
        m_port = ntohs(address.sin_port);
        // Fill the queue until a handshake no longer completes.
        for (int i = 0; i < 16 && !m_silent; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0)
                return;
            m_fillers.append(fd);
            if (::connect(fd, reinterpret_cast<sockaddr *>(&address), length) == 0)
                continue;
            pollfd p { fd, POLLOUT, 0 };
            m_silent = ::poll(&p, 1, 300) == 0;
        }
    }
    ~SilentListener()
    {
        for (int fd : std::as_const(m_fillers))
            ::close(fd);
        if (m_listener >= 0)
            ::close(m_listener);
    }
    Q_DISABLE_COPY_MOVE(SilentListener)

    bool isSilent() const { return m_silent; }
    quint16 port() const { return m_port; }

private:
    int m_listener = -1;
    quint16 m_port = 0;
    bool m_silent = false;
    QList<int> m_fillers;
};

constexpr int kConnectTimeoutMs = 500;

} // namespace

class TestGatewayForwarding : public QObject
{
    Q_OBJECT

private:
    GatewayTestbed m_bed;

private Q_SLOTS:
    void initTestCase()
    {
        GatewayLimits limits;
        limits.headTimeoutMs = 1000;
        limits.idleTimeoutMs = 3000;
        limits.connectTimeoutMs = kConnectTimeoutMs; // loopback backends connect at once
        QVERIFY(m_bed.start(m_bed.baseConfig(), limits));
    }

    void unreachableBackendGets502()
    {
        GatewayConfig c = m_bed.baseConfig();
        c.apis[0].serviceUrl = u"http://127.0.0.1:%1/base"_qs.arg(closedPort());
        m_bed.reconfigure(c);
        const HttpReply reply = m_bed.get("/echo/items/1", kKey);
        m_bed.reconfigure(m_bed.baseConfig());
        QCOMPARE(reply.status, 502);
        QCOMPARE(reply.body, gatewayErrorBody(502, u"Unable to connect to the backend service."_qs));
    }

    void backendThatNeverAnswersTheHandshakeGets502AfterTheConnectTimeout()
    {
        SilentListener silent;
        QVERIFY2(silent.isSilent(), "could not fill a loopback listener's accept queue");
        GatewayConfig c = m_bed.baseConfig();
        c.apis[0].serviceUrl = u"http://127.0.0.1:%1/base"_qs.arg(silent.port());
        // Without a connect timeout the caller would wait for this forward-request timeout.
        c.apis[0].policyXml = u"<policies><inbound><base/></inbound><backend><forward-request timeout=\"8\" /></backend><outbound><base/></outbound></policies>"_qs;
        m_bed.reconfigure(c);
        QElapsedTimer timer;
        timer.start();
        const HttpReply reply = m_bed.get("/echo/items/1", kKey);
        const qint64 elapsed = timer.elapsed();
        m_bed.reconfigure(m_bed.baseConfig());
        QCOMPARE(reply.status, 502);
        QCOMPARE(reply.body, gatewayErrorBody(502, u"Unable to connect to the backend service."_qs));
        QVERIFY2(elapsed >= kConnectTimeoutMs - 50, qPrintable(QString::number(elapsed))); // not refused
        // The gateway itself is unaffected.
        QCOMPARE(m_bed.get("/echo/items/1", kKey).status, 200);
    }

    void backendClosingWithoutAnswerGets502()
    {
        const HttpReply reply = m_bed.get("/echo/drop", kKey);
        QCOMPARE(reply.status, 502);
        QCOMPARE(reply.body, gatewayErrorBody(502, u"The backend service closed the connection without a response."_qs));
    }

    void slowBackendGets504()
    {
        GatewayConfig c = m_bed.baseConfig();
        c.apis[0].policyXml = u"<policies><inbound><base/></inbound><backend><forward-request timeout=\"1\" /></backend><outbound><base/></outbound></policies>"_qs;
        m_bed.reconfigure(c);
        QElapsedTimer timer;
        timer.start();
        const HttpReply reply = m_bed.get("/echo/slow?delay=4000", kKey);
        const qint64 elapsed = timer.elapsed();
        m_bed.reconfigure(m_bed.baseConfig());
        QCOMPARE(reply.status, 504);
        QCOMPARE(reply.body, gatewayErrorBody(504, u"The backend service did not respond in time."_qs));
        QVERIFY2(elapsed >= 900 && elapsed < 3000, qPrintable(QString::number(elapsed)));
        // A fast answer within the timeout is unaffected.
        QCOMPARE(m_bed.get("/echo/slow?delay=10", kKey).status, 200);
    }

    void uploadOf200MegabytesStreamsWithBoundedMemory()
    {
        constexpr qint64 total = 200LL * 1024 * 1024;
        const qint64 rssBefore = rssKb();
        RawHttpConnection client(m_bed.httpPort());
        client.send("POST /echo/upload HTTP/1.1\r\nHost: gw\r\nOcp-Apim-Subscription-Key: master-key\r\n"
                    "Content-Type: application/octet-stream\r\nContent-Length: " + QByteArray::number(total) + "\r\n\r\n");
        const QByteArray block(256 * 1024, 'x');
        qint64 sent = 0;
        qint64 peakRss = rssBefore;
        while (sent < total) {
            if (client.socket().bytesToWrite() < 2 * block.size()) {
                client.socket().write(block);
                sent += block.size();
            }
            client.socket().waitForBytesWritten(1000);
            if ((sent % (16 * 1024 * 1024)) == 0)
                peakRss = std::max(peakRss, rssKb());
        }
        const HttpReply reply = client.readReply(60000);
        QVERIFY(reply.ok);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"bodyBytes"_qs).toInteger(), total);
        peakRss = std::max(peakRss, rssKb());
        // Holding the body would add 200 MB; streaming keeps the growth to buffers.
        QVERIFY2(peakRss - rssBefore < 64 * 1024, qPrintable(u"RSS grew by %1 kB"_qs.arg(peakRss - rssBefore)));
    }

    void downloadOf200MegabytesStreamsWithBoundedMemory()
    {
        constexpr qint64 total = 200LL * 1024 * 1024;
        const qint64 rssBefore = rssKb();
        RawHttpConnection client(m_bed.httpPort());
        client.send("GET /echo/download?bytes=" + QByteArray::number(total)
                    + " HTTP/1.1\r\nHost: gw\r\nOcp-Apim-Subscription-Key: master-key\r\n\r\n");
        // Read slowly at first so that backpressure has to hold the backend back.
        QByteArray head;
        while (!head.contains("\r\n\r\n") && client.socket().waitForReadyRead(5000))
            head += client.socket().read(1024);
        QVERIFY(head.startsWith("HTTP/1.1 200"));
        QVERIFY(head.contains(QByteArray("Content-Length: " + QByteArray::number(total))));
        qint64 received = head.size() - (head.indexOf("\r\n\r\n") + 4);
        QTest::qSleep(500);
        const qint64 rssWhilePaused = rssKb();
        while (received < total && client.socket().waitForReadyRead(10000))
            received += client.socket().readAll().size();
        QCOMPARE(received, total);
        QVERIFY2(rssWhilePaused - rssBefore < 64 * 1024, qPrintable(u"RSS grew by %1 kB"_qs.arg(rssWhilePaused - rssBefore)));
        // The connection stays usable.
        client.send("GET /echo/items/1 HTTP/1.1\r\nHost: gw\r\nOcp-Apim-Subscription-Key: master-key\r\n\r\n");
        QCOMPARE(client.readReply().status, 200);
    }

    void chunkedBodiesBothWays()
    {
        RawHttpConnection client(m_bed.httpPort());
        client.send("POST /echo/upload HTTP/1.1\r\nHost: gw\r\nOcp-Apim-Subscription-Key: master-key\r\n"
                    "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: x\r\n\r\n");
        HttpReply reply = client.readReply();
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"bodyBytes"_qs).toInt(), 11);
        QCOMPARE(reply.json().value(u"bodyPrefix"_qs).toString(), u"hello world"_qs);
        reply = client.request("GET", "/echo/chunked", kKey);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Transfer-Encoding"), QByteArray("chunked"));
        QCOMPARE(reply.body, QByteArray("hello world"));
    }

    void headRequestsHaveNoBody()
    {
        RawHttpConnection client(m_bed.httpPort());
        HttpReply reply = client.request("HEAD", "/echo/items/1", kKey);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.isEmpty());
        QCOMPARE(client.request("GET", "/echo/items/1", kKey).status, 200);
    }

    void upstreamConnectionsArePooled()
    {
        const int before = m_bed.backend().connectionsAccepted();
        RawHttpConnection client(m_bed.httpPort());
        for (int i = 0; i < 30; ++i)
            QCOMPARE(client.request("GET", "/echo/items/" + QByteArray::number(i), kKey).status, 200);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(m_bed.get("/echo/items/1", kKey).status, 200); // new client connections
        QVERIFY2(m_bed.backend().connectionsAccepted() - before <= 4,
                 qPrintable(QString::number(m_bed.backend().connectionsAccepted() - before)));
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        RawHttpConnection client(m_bed.httpPort());
        QByteArray batch;
        for (int i = 0; i < 5; ++i)
            batch += RawHttpConnection::format("GET", "/echo/items/" + QByteArray::number(i), kKey, {});
        batch += RawHttpConnection::format("GET", "/echo/nope", kKey, {});
        batch += RawHttpConnection::format("GET", "/echo/items/last", kKey, {});
        client.send(batch);
        for (int i = 0; i < 5; ++i) {
            const HttpReply reply = client.readReply();
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json().value(u"path"_qs).toString(), u"/base/items/%1"_qs.arg(i));
        }
        QCOMPARE(client.readReply().status, 404);
        QCOMPARE(client.readReply().json().value(u"path"_qs).toString(), u"/base/items/last"_qs);
    }

    void malformedInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << 400;
        QTest::newRow("bad version") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 400;
        QTest::newRow("space in target") << QByteArray("GET /a b HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("bad header") << QByteArray("GET / HTTP/1.1\r\nNoColon\r\n\r\n") << 400;
        QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
        QTest::newRow("length and chunked") << QByteArray("POST /echo/upload HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
        QTest::newRow("bad length") << QByteArray("POST /echo/upload HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("long request line") << QByteArray("GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\n\r\n") << 414;
        QTest::newRow("huge headers") << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(40000, 'b') + "\r\n\r\n") << 431;
        QTest::newRow("bad chunk") << QByteArray("POST /echo/upload HTTP/1.1\r\nOcp-Apim-Subscription-Key: master-key\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
    }

    void malformedInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        RawHttpConnection bad(m_bed.httpPort());
        RawHttpConnection good(m_bed.httpPort());
        bad.send(bytes);
        const HttpReply reply = bad.readReply(5000);
        QVERIFY(reply.ok);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.header("Connection"), QByteArray("close"));
        QVERIFY(bad.waitForClosed(3000));
        QCOMPARE(good.request("GET", "/echo/items/1", kKey).status, 200);
    }

    void slowAndHalfClosedClientsDoNotHarmOthers()
    {
        // A client that trickles its head is answered 408 at the head deadline...
        RawHttpConnection slow(m_bed.httpPort());
        slow.send("GET /echo/items/1 HTTP/1.1\r\nHost: x\r\n");
        // ...one that only connects is dropped when idle...
        RawHttpConnection idle(m_bed.httpPort());
        // ...and one that half-closes after a partial request is dropped.
        RawHttpConnection half(m_bed.httpPort());
        half.send("GET /echo/items/1 HTTP/1.1\r\nHo");
        ::shutdown(int(half.socket().socketDescriptor()), SHUT_WR);
        // Meanwhile other clients are served without delay.
        RawHttpConnection good(m_bed.httpPort());
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 20; ++i)
            QCOMPARE(good.request("GET", "/echo/items/1", kKey).status, 200);
        QVERIFY(timer.elapsed() < 900);
        const HttpReply timedOut = slow.readReply(4000);
        QCOMPARE(timedOut.status, 408);
        QVERIFY(slow.waitForClosed(2000));
        QVERIFY(half.waitForClosed(5000));
        QVERIFY(idle.waitForClosed(6000));
        // The idle timeout also closed the good client's kept-alive connection; a new one works.
        QVERIFY(good.waitForClosed(1000));
        RawHttpConnection after(m_bed.httpPort());
        QCOMPARE(after.request("GET", "/echo/items/2", kKey).status, 200);
    }

    void http10ClientsGetClosedOrKeptAlive()
    {
        RawHttpConnection client(m_bed.httpPort());
        client.send("GET /echo/chunked HTTP/1.0\r\nOcp-Apim-Subscription-Key: master-key\r\n\r\n");
        const HttpReply reply = client.readReply();
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body, QByteArray("hello world"));
        QVERIFY(client.waitForClosed(3000));
    }
};

QTEST_GUILESS_MAIN(TestGatewayForwarding)
#include "tst_gatewayforwarding.moc"
