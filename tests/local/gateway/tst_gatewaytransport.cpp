// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The gateway's connection handling at the byte level (on Linux: raw descriptors on an epoll
// loop per worker): requests that arrive a byte at a time, responses larger than the socket
// buffers to clients that read slowly, clients that half-close after their request, a
// pooled backend connection that the backend closes as the next request arrives, and TLS
// (which keeps QSslSocket) on both sides.

#include "core/local/tls/selfsignedcertificate.h"
#include "tests/local/gateway/gatewaytestbed.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QTest>

#include <sys/socket.h>

using namespace portico::local;
using namespace portico::test;

namespace {

const auto kKey = GatewayTestbed::masterKey();

void halfClose(RawHttpConnection &client)
{
    ::shutdown(int(client.socket().socketDescriptor()), SHUT_WR);
}

} // namespace

class TestGatewayTransport : public QObject
{
    Q_OBJECT

private:
    GatewayTestbed m_bed;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_bed.startWithClientTimeouts(5000, 10000));
    }

    void requestSentOneByteAtATime()
    {
        RawHttpConnection client(m_bed.httpPort());
        client.socket().setSocketOption(QAbstractSocket::LowDelayOption, 1);
        const QByteArray request = RawHttpConnection::format("POST", "/echo/upload", kKey, "hello world");
        for (char byte : request) {
            client.send(QByteArray(1, byte));
            client.socket().waitForBytesWritten(1000);
            QTest::qSleep(1); // each byte its own segment
        }
        const HttpReply reply = client.readReply();
        QVERIFY(reply.ok);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"bodyBytes"_qs).toInt(), 11);
        QCOMPARE(reply.json().value(u"bodyPrefix"_qs).toString(), u"hello world"_qs);
        // The connection is still in step: the next request is answered normally.
        const HttpReply next = client.request("GET", "/echo/items/2", kKey);
        QCOMPARE(next.status, 200);
        QCOMPARE(next.json().value(u"path"_qs).toString(), u"/base/items/2"_qs);
    }

    void responseLargerThanSocketBuffersToSlowReader()
    {
        constexpr qint64 total = 64LL * 1024 * 1024; // far more than the buffers on the way take in
                                                      // while the client reads slowly
        RawHttpConnection slow(m_bed.httpPort());
        slow.socket().setReadBufferSize(16 * 1024); // keep the kernel's receive buffer full
        slow.send("GET /echo/download?bytes=" + QByteArray::number(total)
                  + " HTTP/1.1\r\nHost: gw\r\nOcp-Apim-Subscription-Key: master-key\r\n\r\n");
        QByteArray head;
        while (!head.contains("\r\n\r\n") && slow.socket().waitForReadyRead(5000))
            head += slow.socket().read(1024);
        QVERIFY(head.startsWith("HTTP/1.1 200"));
        const qsizetype bodyStart = head.indexOf("\r\n\r\n") + 4;
        qint64 received = head.size() - bodyStart;
        bool allBodyBytes = head.mid(bodyStart).count('d') == received;
        // Trickle: 16 KiB every 20 ms for a while; meanwhile other clients are served at once.
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 25; ++i) {
            if (slow.socket().waitForReadyRead(1000)) {
                const QByteArray piece = slow.socket().read(16 * 1024);
                received += piece.size();
                allBodyBytes = allBodyBytes && piece.count('d') == piece.size();
            }
            QTest::qSleep(20);
            if (i % 5 == 0) {
                RawHttpConnection other(m_bed.httpPort());
                QElapsedTimer quick;
                quick.start();
                QCOMPARE(other.request("GET", "/echo/items/1", kKey).status, 200);
                // Served while the slow reader is held back (which takes seconds), with room for a loaded CI machine.
                QVERIFY2(quick.elapsed() < 3000, qPrintable(QString::number(quick.elapsed())));
            }
        }
        QVERIFY(received < total); // the rest is still held back
        slow.socket().setReadBufferSize(0);
        while (received < total && slow.socket().waitForReadyRead(10000)) {
            const QByteArray piece = slow.socket().readAll();
            received += piece.size();
            allBodyBytes = allBodyBytes && piece.count('d') == piece.size();
        }
        QCOMPARE(received, total);
        QVERIFY(allBodyBytes);
        // Every byte arrived once and in framing: the connection is still usable.
        QCOMPARE(slow.request("GET", "/echo/items/3", kKey).status, 200);
    }

    void clientThatHalfClosesAfterItsRequestIsAnswered()
    {
        RawHttpConnection client(m_bed.httpPort());
        client.send(RawHttpConnection::format("GET", "/echo/items/7", kKey, {}));
        halfClose(client);
        const HttpReply reply = client.readReply(5000);
        QVERIFY(reply.ok);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"path"_qs).toString(), u"/base/items/7"_qs);
        QVERIFY(client.waitForClosed(3000));
    }

    void halfClosedClientGetsEveryPipelinedAnswer()
    {
        RawHttpConnection client(m_bed.httpPort());
        QByteArray batch;
        for (int i = 0; i < 3; ++i)
            batch += RawHttpConnection::format("GET", "/echo/items/" + QByteArray::number(i), kKey, {});
        batch += RawHttpConnection::format("POST", "/echo/upload", kKey, QByteArray(300 * 1024, 'u'));
        client.send(batch);
        halfClose(client);
        for (int i = 0; i < 3; ++i) {
            const HttpReply reply = client.readReply(5000);
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json().value(u"path"_qs).toString(), u"/base/items/%1"_qs.arg(i));
        }
        const HttpReply upload = client.readReply(5000);
        QCOMPARE(upload.status, 200);
        QCOMPARE(upload.json().value(u"bodyBytes"_qs).toInt(), 300 * 1024);
        QVERIFY(client.waitForClosed(3000));
    }

    void clientThatHalfClosesInsideItsBodyIsDropped()
    {
        const int requestsBefore = m_bed.backend().requests();
        RawHttpConnection client(m_bed.httpPort());
        client.send("POST /echo/upload HTTP/1.1\r\nHost: gw\r\nOcp-Apim-Subscription-Key: master-key\r\n"
                    "Content-Length: 100\r\n\r\nonly part of it");
        halfClose(client);
        QVERIFY(client.waitForClosed(3000));
        QVERIFY(!client.readReply(200).ok);
        QCOMPARE(m_bed.backend().requests(), requestsBefore); // the backend got no complete request
        QCOMPARE(m_bed.get("/echo/items/1", kKey).status, 200);
    }

    void pooledConnectionClosedByTheBackendIsRetried()
    {
        RawHttpConnection client(m_bed.httpPort());
        // The backend answers this one and closes the connection when the next request on it
        // arrives, without answering: the gateway retries that request on a new connection.
        QCOMPARE(client.request("GET", "/echo/files/closeafter", kKey).status, 200);
        const int accepted = m_bed.backend().connectionsAccepted();
        const HttpReply reply = client.request("GET", "/echo/items/9", kKey);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"path"_qs).toString(), u"/base/items/9"_qs);
        QVERIFY(m_bed.backend().connectionsAccepted() > accepted);
    }

    void httpsBackendBehindTheGatewayItself()
    {
        // An API whose backend is the gateway's own HTTPS listener (the open API there): one
        // request crosses an https backend connection and a TLS client connection. The
        // gateway's certificate is trusted for this process, as a real backend's CA would be.
        auto identity = loadOrCreateGatewayCertificate(m_bed.dataDir());
        QVERIFY(identity);
        QSslConfiguration defaults = QSslConfiguration::defaultConfiguration();
        defaults.addCaCertificate(identity->certificate);
        QSslConfiguration::setDefaultConfiguration(defaults);
        GatewayConfig c = m_bed.baseConfig();
        GatewayConfig::Api loop = c.apis[1]; // the open API
        QCOMPARE(loop.id, u"open"_qs);
        loop.id = u"tls-loop"_qs;
        loop.displayName = u"TLS loop API"_qs;
        loop.path = u"tlsloop"_qs;
        loop.serviceUrl = u"https://127.0.0.1:%1/open"_qs.arg(m_bed.httpsPort());
        c.apis.append(loop);
        m_bed.reconfigure(c);
        RawHttpConnection client(m_bed.httpPort());
        for (int i = 0; i < 3; ++i) { // the second and third reuse the pooled TLS connection
            const HttpReply reply = client.request("GET", "/tlsloop/ping");
            QCOMPARE(reply.status, 200);
            const QJsonObject echo = reply.json();
            QCOMPARE(echo.value(u"path"_qs).toString(), u"/open-backend/ping"_qs);
            // Set by the inner hop, which received the request over TLS.
            QCOMPARE(echo.value(u"headers"_qs).toObject().value(u"x-forwarded-proto"_qs).toString(), u"https"_qs);
        }
        m_bed.reconfigure(m_bed.baseConfig());
    }
};

QTEST_GUILESS_MAIN(TestGatewayTransport)
#include "tst_gatewaytransport.moc"
