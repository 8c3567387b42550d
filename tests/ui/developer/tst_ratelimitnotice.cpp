// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "ui/developer/ratelimitnotice.h"

#include <QTest>

using namespace portico::ui;

class tst_RateLimitNotice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsGatewayRefusals_data();
    void readsGatewayRefusals();
    void waitIsInWordsAndCountsDown();
    void remainingCallsFromHeaders();
    void durations_data();
    void durations();
};

namespace {
ResponseData response(int status, const QByteArray &body,
                      QList<QPair<QByteArray, QByteArray>> headers = {})
{
    ResponseData r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return r;
}
} // namespace

void tst_RateLimitNotice::readsGatewayRefusals_data()
{
    QTest::addColumn<ResponseData>("response");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("wait");
    QTest::newRow("429 with Retry-After")
            << response(429, R"({"statusCode": 429, "message": "Rate limit is exceeded. Try again in 56 seconds."})",
                        { { "Retry-After", "56" } })
            << int(RateLimitNotice::Kind::RateLimited) << qint64(56);
    QTest::newRow("429 wait only in the body")
            << response(429, R"({"statusCode": 429, "message": "Rate limit is exceeded. Try again in 7 seconds."})")
            << int(RateLimitNotice::Kind::RateLimited) << qint64(7);
    QTest::newRow("403 quota with d.hh:mm:ss")
            << response(403, R"({"statusCode": 403, "message": "Out of call volume quota. Quota will be replenished in 5.03:23:11."})")
            << int(RateLimitNotice::Kind::QuotaExceeded) << qint64(5 * 86400 + 3 * 3600 + 23 * 60 + 11);
    QTest::newRow("401 missing key")
            << response(401, R"({"statusCode": 401, "message": "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API."})")
            << int(RateLimitNotice::Kind::MissingKey) << qint64(-1);
    QTest::newRow("401 invalid key")
            << response(401, R"({"statusCode": 401, "message": "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription."})")
            << int(RateLimitNotice::Kind::InvalidKey) << qint64(-1);
    QTest::newRow("200 is nothing") << response(200, "{}") << int(RateLimitNotice::Kind::None)
                                    << qint64(-1);
    QTest::newRow("429 with a non-JSON body")
            << response(429, "Too many", { { "Retry-After", "3" } })
            << int(RateLimitNotice::Kind::RateLimited) << qint64(3);
}

void tst_RateLimitNotice::readsGatewayRefusals()
{
    QFETCH(ResponseData, response);
    QFETCH(int, kind);
    QFETCH(qint64, wait);
    const RateLimitNotice notice = RateLimitNotice::fromResponse(response);
    QCOMPARE(int(notice.kind), kind);
    QCOMPARE(notice.waitSeconds.value_or(-1), wait);
    QCOMPARE(notice.headline().isEmpty(), kind == int(RateLimitNotice::Kind::None));
}

void tst_RateLimitNotice::waitIsInWordsAndCountsDown()
{
    const auto notice = RateLimitNotice::fromResponse(response(
            429, R"({"statusCode": 429, "message": "Rate limit is exceeded. Try again in 65 seconds."})",
            { { "Retry-After", "65" } }));
    QVERIFY2(notice.explanation(0).contains(u"Wait 1 minute(s) and 5 second(s)"_qs) ||
                     notice.explanation(0).contains(u"Wait 1 minute and 5 seconds"_qs),
             qPrintable(notice.explanation(0)));
    QVERIFY(notice.explanation(0).contains(u"Rate limit is exceeded. Try again in 65 seconds."_qs));
    QVERIFY(notice.explanation(60).contains(u"5 second"_qs));
    QVERIFY(notice.explanation(70).contains(u"You can send again now"_qs));

    const QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    QCOMPARE(RateLimitNotice::parseRetryAfter(now.addSecs(30).toString(Qt::RFC2822Date).toLatin1(),
                                              now)
                     .value_or(-1),
             30);
    QVERIFY(!RateLimitNotice::parseRetryAfter("soon", now));
}

void tst_RateLimitNotice::remainingCallsFromHeaders()
{
    const auto notice = RateLimitNotice::fromResponse(
            response(200, "{}", { { "X-RateLimit-Remaining", "4" }, { "X-RateLimit-Limit", "5" } }));
    QCOMPARE(notice.remainingCalls.value_or(-1), 4);
    QCOMPARE(notice.remainingText(), u"4 of 5 calls left"_qs);
    QVERIFY(RateLimitNotice::fromResponse(response(200, "{}")).remainingText().isEmpty());
}

void tst_RateLimitNotice::durations_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("words");
    // No translator loaded: the source texts with %n filled in.
    QTest::newRow("seconds") << qint64(56) << u"56 second(s)"_qs;
    QTest::newRow("minute") << qint64(60) << u"1 minute(s)"_qs;
    QTest::newRow("minute and seconds") << qint64(65) << u"1 minute(s) and 5 second(s)"_qs;
    QTest::newRow("hours") << qint64(7260) << u"2 hour(s) and 1 minute(s)"_qs;
    QTest::newRow("days") << qint64(5 * 86400 + 3 * 3600 + 23 * 60 + 11)
                          << u"5 day(s), 3 hour(s) and 23 minute(s)"_qs;
}

void tst_RateLimitNotice::durations()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, words);
    QCOMPARE(RateLimitNotice::durationInWords(seconds), words);
}

QTEST_GUILESS_MAIN(tst_RateLimitNotice)
#include "tst_ratelimitnotice.moc"
