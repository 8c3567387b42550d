// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/local/gateway/httpmessage.h"

#include <QTest>

using namespace portico::local;

class TestHttpMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestHeads_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status"); // 0 = complete, -1 = need more, else error status
        QTest::newRow("simple") << QByteArray("GET /a?b=c HTTP/1.1\r\nHost: x\r\n\r\n") << 0;
        QTest::newRow("no fields") << QByteArray("GET / HTTP/1.0\r\n\r\n") << 0;
        QTest::newRow("leading blank lines") << QByteArray("\r\n\r\nGET / HTTP/1.1\r\n\r\n") << 0;
        QTest::newRow("partial line") << QByteArray("GET /a HT") << -1;
        QTest::newRow("partial head") << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\n") << -1;
        QTest::newRow("no method") << QByteArray(" / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("extra space") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("http2") << QByteArray("GET / HTTP/2\r\n\r\n") << 400;
        QTest::newRow("control char") << QByteArray("GET / HTTP/1.1\r\nA: b\x01\r\n\r\n") << 400;
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nA : b\r\n\r\n") << 400;
        QTest::newRow("line too long, incomplete") << QByteArray("GET /" + QByteArray(9000, 'a')) << 414;
        QTest::newRow("headers too large, incomplete") << QByteArray("GET / HTTP/1.1\r\nA: " + QByteArray(50000, 'a')) << 431;
    }

    void requestHeads()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        HttpRequestHead head;
        const HeadParseResult r = parseRequestHead(bytes, head);
        if (status == 0) {
            QCOMPARE(r.status, ParseStatus::Complete);
            QCOMPARE(r.consumed, bytes.size());
        } else if (status == -1) {
            QCOMPARE(r.status, ParseStatus::NeedMore);
        } else {
            QCOMPARE(r.status, ParseStatus::Error);
            QCOMPARE(r.errorStatus, status);
        }
    }

    void headerLookupIgnoresCase()
    {
        HttpRequestHead head;
        QCOMPARE(parseRequestHead("GET / HTTP/1.1\r\nX-A: 1\r\nx-a: 2\r\nConnection: close, X-A\r\n\r\n", head).status, ParseStatus::Complete);
        QCOMPARE(head.headers.value("x-A"), QByteArray("1"));
        QCOMPARE(head.headers.values("X-a"), (QList<QByteArray> { "1", "2" }));
        stripHopByHop(head.headers);
        QVERIFY(head.headers.fields().isEmpty());
    }

    void framing_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("length");
        QTest::newRow("none") << QByteArray() << true << int(BodyFraming::Kind::None) << qint64(0);
        QTest::newRow("length") << QByteArray("Content-Length: 12\r\n") << true << int(BodyFraming::Kind::Length) << qint64(12);
        QTest::newRow("zero") << QByteArray("Content-Length: 0\r\n") << true << int(BodyFraming::Kind::None) << qint64(0);
        QTest::newRow("same twice") << QByteArray("Content-Length: 5\r\nContent-Length: 5\r\n") << true << int(BodyFraming::Kind::Length) << qint64(5);
        QTest::newRow("conflicting") << QByteArray("Content-Length: 5\r\nContent-Length: 6\r\n") << false << 0 << qint64(0);
        QTest::newRow("negative") << QByteArray("Content-Length: -5\r\n") << false << 0 << qint64(0);
        QTest::newRow("chunked") << QByteArray("Transfer-Encoding: chunked\r\n") << true << int(BodyFraming::Kind::Chunked) << qint64(0);
        QTest::newRow("gzip only") << QByteArray("Transfer-Encoding: gzip\r\n") << false << 0 << qint64(0);
        QTest::newRow("smuggling") << QByteArray("Transfer-Encoding: chunked\r\nContent-Length: 3\r\n") << false << 0 << qint64(0);
    }

    void framing()
    {
        QFETCH(QByteArray, headers);
        QFETCH(bool, valid);
        QFETCH(int, kind);
        QFETCH(qint64, length);
        HttpRequestHead head;
        const QByteArray wire = "POST / HTTP/1.1\r\n" + headers + "\r\n";
        QCOMPARE(parseRequestHead(wire, head).status, ParseStatus::Complete);
        BodyFraming f;
        QCOMPARE(requestBodyFraming(head, f), valid);
        if (valid) {
            QCOMPARE(int(f.kind), kind);
            QCOMPARE(f.length, length);
        }
    }

    void chunkedDecodingAcrossArbitrarySplits()
    {
        const QByteArray wire = "4\r\nWiki\r\n6;x=y\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nT: v\r\n\r\nNEXT";
        for (int split = 1; split < wire.size(); ++split) {
            BodyDecoder d;
            d.reset({ BodyFraming::Kind::Chunked, 0 });
            QByteArray out;
            qsizetype consumed = 0, total = 0;
            auto state = d.feed(QByteArrayView(wire).first(split), consumed, out, 1 << 20);
            total += consumed;
            if (state != BodyDecoder::State::Done) {
                state = d.feed(QByteArrayView(wire).sliced(total), consumed, out, 1 << 20);
                total += consumed;
            }
            QCOMPARE(state, BodyDecoder::State::Done);
            QCOMPARE(out, QByteArray("Wikipedia in \r\n\r\nchunks."));
            QCOMPARE(wire.mid(total), QByteArray("NEXT"));
        }
    }

    void badChunksAreErrors()
    {
        for (const QByteArray &wire : { QByteArray("zz\r\n"), QByteArray("3\r\nabcX\r\n"), QByteArray("3\nabc\r\n") }) {
            BodyDecoder d;
            d.reset({ BodyFraming::Kind::Chunked, 0 });
            QByteArray out;
            qsizetype consumed = 0;
            QCOMPARE(d.feed(wire, consumed, out, 1024), BodyDecoder::State::Error);
        }
    }

    void responseFramingFollowsStatusAndMethod()
    {
        HttpResponseHead head;
        QCOMPARE(parseResponseHead("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n", head).status, ParseStatus::Complete);
        BodyFraming f;
        QVERIFY(responseBodyFraming(head, false, f));
        QCOMPARE(f.kind, BodyFraming::Kind::None);
        QCOMPARE(parseResponseHead("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", head).status, ParseStatus::Complete);
        QVERIFY(responseBodyFraming(head, true, f));
        QCOMPARE(f.kind, BodyFraming::Kind::None);
        QCOMPARE(parseResponseHead("HTTP/1.0 200 OK\r\n\r\n", head).status, ParseStatus::Complete);
        QVERIFY(responseBodyFraming(head, false, f));
        QCOMPARE(f.kind, BodyFraming::Kind::UntilClose);
        QCOMPARE(parseResponseHead("HTTP/1.1 2x0 OK\r\n\r\n", head).status, ParseStatus::Error);
    }
};

QTEST_GUILESS_MAIN(TestHttpMessage)
#include "tst_httpmessage.moc"
