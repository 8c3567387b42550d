// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

// Paging through reports/byRequest: which page is asked for next and which calls are shown,
// for a server that pages by $top/$skip with a count (Azure's RequestReportCollection), one that
// sends nextLink ("" on the last page), one with a smaller page than asked for, one without
// a count, and servers that loop (a nextLink that repeats, $skip ignored).

#include "core/arm/pagingguard.h"
#include "core/model/requestreportpaging.h"

#include <QJsonArray>
#include <QTest>

using namespace portico;

namespace {

// A reply with the calls numbered `first`..`first + n - 1` (requestId "r<i>").
QJsonObject reply(int first, int n, int count = -1, const QString &nextLink = u"-"_qs)
{
    QJsonArray calls;
    for (int i = first; i < first + n; ++i)
        calls.append(QJsonObject { { u"requestId"_qs, u"r%1"_qs.arg(i) } });
    QJsonObject body { { u"value"_qs, calls } };
    if (count >= 0)
        body.insert(u"count"_qs, count);
    if (nextLink != u"-"_qs)
        body.insert(u"nextLink"_qs, nextLink);
    return body;
}

// "skip=3 top=2", the absolute URL of a nextLink, or "end".
QString describe(const std::optional<core::ArmRequest> &request)
{
    if (!request)
        return u"end"_qs;
    if (request->absoluteUrl.isValid())
        return request->absoluteUrl.toString();
    QString skip = u"0"_qs, top;
    for (const auto &[name, value] : request->query) {
        if (name == u"$skip"_qs)
            skip = value;
        else if (name == u"$top"_qs)
            top = value;
    }
    return u"skip=%1 top=%2"_qs.arg(skip, top);
}

QStringList ids(const QList<QJsonObject> &calls)
{
    QStringList out;
    for (const QJsonObject &c : calls)
        out.append(c.value(u"requestId"_qs).toString());
    return out;
}

} // namespace

class tst_RequestReportPaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstRequestAsksForOnePage();
    void pagesAreReadAsTheServerPagesThem_data();
    void pagesAreReadAsTheServerPagesThem();
    void aReplyWithoutValueIsAProtocolError();
    void aServerThatLoopsEndsWithTheLoopError_data();
    void aServerThatLoopsEndsWithTheLoopError();
};

void tst_RequestReportPaging::firstRequestAsksForOnePage()
{
    const core::RequestReportPaging paging(u"timestamp ge datetime'2026-11-27T00:00:00Z'"_qs, 1000);
    const core::ArmRequest first = paging.firstRequest();
    QCOMPARE(first.path, u"/reports/byRequest"_qs);
    QVERIFY(first.query.contains({ u"$filter"_qs, u"timestamp ge datetime'2026-11-27T00:00:00Z'"_qs }));
    QCOMPARE(describe(first), u"skip=0 top=1000"_qs);
}

void tst_RequestReportPaging::pagesAreReadAsTheServerPagesThem_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<QList<QJsonObject>>("replies");
    // Per reply: the calls shown, and the next request ("kept": the rest of the first page).
    QTest::addColumn<QStringList>("shown");
    QTest::addColumn<QStringList>("next");
    // The calls takeKept() shows at the end, without a request.
    QTest::addColumn<QString>("kept");
    QTest::addColumn<qint64>("total");

    QTest::newRow("one page") << 10 << QList<QJsonObject> { reply(0, 3, 3) }
                              << QStringList { u"r0 r1 r2"_qs } << QStringList { u"end"_qs } << QString()
                              << qint64(3);
    // Azure's byRequest: {value, count}, no nextLink. The newest page first, then older ones.
    // The first page is read once: kept, and shown as part of the pages counted from the newest.
    QTest::newRow("count, newest first")
        << 2 << QList<QJsonObject> { reply(0, 2, 7), reply(5, 2, 7), reply(3, 2, 7), reply(2, 1, 7) }
        << QStringList { QString(), u"r5 r6"_qs, u"r3 r4"_qs, u"r1 r2"_qs }
        << QStringList { u"skip=5 top=2"_qs, u"skip=3 top=2"_qs, u"skip=2 top=1"_qs, u"kept"_qs } << u"r0"_qs
        << qint64(7);
    QTest::newRow("count, two pages")
        << 2 << QList<QJsonObject> { reply(0, 2, 4), reply(2, 2, 4) }
        << QStringList { QString(), u"r2 r3"_qs } << QStringList { u"skip=2 top=2"_qs, u"kept"_qs }
        << u"r0 r1"_qs << qint64(4);
    QTest::newRow("count, one more than a page")
        << 2 << QList<QJsonObject> { reply(0, 2, 3), reply(2, 1, 3) }
        << QStringList { QString(), u"r1 r2"_qs } << QStringList { u"skip=2 top=1"_qs, u"kept"_qs }
        << u"r0"_qs << qint64(3);
    // An ARM collection with links: followed in the server's order, "" ends it.
    const QString link = u"https://management.azure.com/subscriptions/s/reports/byRequest?api-version=2024-05-01&$skip=2"_qs;
    QTest::newRow("nextLink, then empty string")
        << 2 << QList<QJsonObject> { reply(0, 2, 3, link), reply(2, 1, 3, QString()) }
        << QStringList { u"r0 r1"_qs, u"r2"_qs } << QStringList { link, u"end"_qs } << QString() << qint64(3);
    QTest::newRow("nextLink, then none")
        << 2 << QList<QJsonObject> { reply(0, 2, -1, link), reply(2, 1) }
        << QStringList { u"r0 r1"_qs, u"r2"_qs } << QStringList { link, u"end"_qs } << QString() << qint64(-1);
    // A server that answers fewer than asked for: its page size is used.
    QTest::newRow("smaller server page")
        << 10 << QList<QJsonObject> { reply(0, 4, 9), reply(5, 4, 9), reply(4, 1, 9) }
        << QStringList { QString(), u"r5 r6 r7 r8"_qs, u"r1 r2 r3 r4"_qs }
        << QStringList { u"skip=5 top=4"_qs, u"skip=4 top=1"_qs, u"kept"_qs } << u"r0"_qs << qint64(9);
    // No count and no link: a full page may have more behind it.
    QTest::newRow("no count, full pages")
        << 2 << QList<QJsonObject> { reply(0, 2), reply(2, 2), reply(4, 1) }
        << QStringList { u"r0 r1"_qs, u"r2 r3"_qs, u"r4"_qs }
        << QStringList { u"skip=2 top=2"_qs, u"skip=4 top=2"_qs, u"end"_qs } << QString() << qint64(-1);
    QTest::newRow("empty period") << 10 << QList<QJsonObject> { reply(0, 0, 0, QString()) }
                                  << QStringList { QString() } << QStringList { u"end"_qs } << QString()
                                  << qint64(0);
}

void tst_RequestReportPaging::pagesAreReadAsTheServerPagesThem()
{
    QFETCH(int, pageSize);
    QFETCH(QList<QJsonObject>, replies);
    QFETCH(QStringList, shown);
    QFETCH(QStringList, next);
    QFETCH(QString, kept);
    QFETCH(qint64, total);
    core::RequestReportPaging paging(u"timestamp ge datetime'2026-11-27T00:00:00Z'"_qs, pageSize);
    qint64 received = 0;
    for (qsizetype i = 0; i < replies.size(); ++i) {
        const auto calls = paging.take(replies.at(i));
        QVERIFY2(calls.ok(), calls.ok() ? "" : qPrintable(calls.error().toString()));
        QCOMPARE(ids(calls.value()).join(u' '), shown.at(i));
        const bool keptNext = paging.hasMore() && !paging.nextRequest();
        QCOMPARE(keptNext ? u"kept"_qs : describe(paging.nextRequest()), next.at(i));
        QCOMPARE(paging.readOnAtOnce(), i == 0 && shown.at(i).isEmpty() && next.at(i) != u"end"_qs);
        received += calls->size();
        QCOMPARE(paging.received(), received);
    }
    // The rest of the first page, without a request; then nothing is left.
    const QList<QJsonObject> rest = paging.takeKept();
    QCOMPARE(ids(rest).join(u' '), kept);
    QVERIFY(!paging.hasMore());
    QCOMPARE(paging.received(), received + rest.size());
    QCOMPARE(paging.total(), total);
}

void tst_RequestReportPaging::aReplyWithoutValueIsAProtocolError()
{
    core::RequestReportPaging paging(u"timestamp ge datetime'2026-11-27T00:00:00Z'"_qs, 10);
    const auto calls = paging.take(QJsonObject { { u"count"_qs, 3 } });
    QVERIFY(!calls.ok());
    QCOMPARE(calls.error().kind, core::Error::Kind::Protocol);
    QVERIFY(!paging.nextRequest());
}

void tst_RequestReportPaging::aServerThatLoopsEndsWithTheLoopError_data()
{
    QTest::addColumn<QList<QJsonObject>>("replies");
    const QString link = u"https://management.azure.com/subscriptions/s/reports/byRequest?api-version=2024-05-01&$skip=2"_qs;
    QTest::newRow("a nextLink that repeats") << QList<QJsonObject> { reply(0, 2, -1, link), reply(2, 2, -1, link) };
    QTest::newRow("$skip ignored, no count") << QList<QJsonObject> { reply(0, 2), reply(0, 2) };
    QTest::newRow("$skip ignored, with a count") << QList<QJsonObject> { reply(0, 2, 7), reply(0, 2, 7) };
}

void tst_RequestReportPaging::aServerThatLoopsEndsWithTheLoopError()
{
    QFETCH(QList<QJsonObject>, replies);
    core::RequestReportPaging paging(u"timestamp ge datetime'2026-11-27T00:00:00Z'"_qs, 2);
    for (qsizetype i = 0; i + 1 < replies.size(); ++i) {
        QVERIFY(paging.take(replies.at(i)).ok());
        QVERIFY(paging.nextRequest());
    }
    const auto calls = paging.take(replies.last());
    QVERIFY(!calls.ok());
    QVERIFY2(core::PagingGuard::isLoop(calls.error()), qPrintable(calls.error().toString()));
    QVERIFY(!paging.nextRequest());
}

QTEST_MAIN(tst_RequestReportPaging)
#include "tst_requestreportpaging.moc"
