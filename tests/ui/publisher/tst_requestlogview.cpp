// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

// The calls one by one, read from an Azure `reports/byRequest` answer (management.azure.com is a
// local replay server): keys that a caller sent in the URL's query are masked in the table and in
// its CSV export, whatever the API calls its key parameter. Against a fake service: every page is
// read once, and a server that loops (a nextLink that repeats, $skip ignored) ends the reading
// with an error instead of reading forever.

#include "core/arm/armclient.h"
#include "core/auth/statictokenprovider.h"
#include "tests/support/fakenetworkaccessmanager.h"
#include "tests/support/replay/replayserver.h"
#include "ui/common/bannerwidget.h"
#include "ui/common/operationtracker.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/requestlogview.h"
#include "ui/publisher/usagecsv.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

#include <functional>

using namespace portico;

namespace {

const QString kService = u"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1"
                         "/providers/Microsoft.ApiManagement/service/apimService1"_qs;

// Call number `i`, `i` seconds after 07:00, to a URL of its own.
QJsonObject numberedCall(int i)
{
    return QJsonObject { { u"requestId"_qs, u"r%1"_qs.arg(i) },
                         { u"method"_qs, u"GET"_qs },
                         { u"url"_qs, u"https://apimservice1.azure-api.net/scoring/score?n=%1"_qs.arg(i) },
                         { u"responseCode"_qs, 200 },
                         { u"timestamp"_qs, QDateTime(QDate(2026, 11, 27), QTime(7, 0), Qt::UTC)
                                                .addSecs(i).toString(Qt::ISODateWithMs) } };
}

// A RequestLogView on a controller whose ARM answers come from `answer` (a fake QNAM): for the
// server behaviours no recording holds.
class FakeArm final
{
public:
    explicit FakeArm(std::function<QJsonObject(const QUrl &)> answer, bool keyNamesKnown = true)
    {
        m_network.setHandler([answer = std::move(answer)](const test::FakeRequest &r) {
            return test::FakeResponse { test::FakeResponse::Behaviour::Respond, 200,
                                        QJsonDocument(answer(r.request.url())).toJson(QJsonDocument::Compact),
                                        { { "Content-Type", "application/json" } } };
        });
        m_controller.setService(kService);
        if (keyNamesKnown)
            m_view.setKeyQueryNames({});
    }
    ui::RequestLogView &view() { return m_view; }
    // Sends one more request through the view's controller and waits for its answer: whatever
    // the view sent before it has reached the server by then.
    bool sync()
    {
        bool answered = false;
        m_controller.call(core::ArmRequest::get(kService + u"/sync"_qs), &m_view,
                          [&answered](const core::Result<QJsonObject> &) { answered = true; });
        return QTest::qWaitFor([&answered] { return answered; }, 10000);
    }
    // The requests sent so far.
    qsizetype sent() const { return m_network.requests().size(); }
    QList<QUrl> urls() const
    {
        QList<QUrl> out;
        for (const test::FakeRequest &r : m_network.requests())
            out.append(r.request.url());
        return out;
    }
    QString banner() const { return m_view.findChild<ui::BannerWidget *>(u"requestLogBannerWidget"_qs)->text(); }

private:
    test::FakeNetworkAccessManager m_network;
    core::StaticTokenProvider m_tokens { u"token"_qs };
    core::ArmClient m_client { &m_network, QUrl(u"http://127.0.0.1:9"_qs), &m_tokens };
    ui::OperationTracker m_operations;
    ui::PublisherController m_controller { &m_client, &m_operations };
    ui::RequestLogView m_view { &m_controller };
};

const QString kLoopMessage = u"Reading the calls stopped: the server kept sending pages it had sent before. "
                             "The calls listed are those read until then."_qs;

} // namespace

class tst_RequestLogView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keysInCalledUrlsAreMaskedInTableAndExport();
    void aLoadWaitsForTheKeyQueryNames();
    void everyPageIsReadOnce();
    void aNextLinkThatRepeatsEndsWithAnError();
    void aServerThatIgnoresSkipEndsWithAnError();
    void theCapStopsAfterListingItsPages_data();
    void theCapStopsAfterListingItsPages();
};

void tst_RequestLogView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_RequestLogView::keysInCalledUrlsAreMaskedInTableAndExport()
{
    test::ReplayServer arm;
    QVERIFY(arm.start());
    const QString called = u"https://apimservice1.azure-api.net/scoring/score?subscription-key=PrimaryKeyAbc123"
                           "&mlcred=RenamedKeyDef456&sig=SasSigGhi789&rows=10"_qs;
    const QByteArray row = R"({"apiId": "/apis/scoring", "operationId": "/apis/scoring/operations/score",
        "method": "GET", "url": "%1", "responseCode": 200, "responseSize": 512,
        "timestamp": "2026-11-27T07:00:00.000Z", "apiTime": 12.5, "serviceTime": 10.0,
        "ipAddress": "203.0.113.7"})";
    const QJsonObject call = QJsonDocument::fromJson(QString::fromUtf8(row).arg(called).toUtf8()).object();
    QVERIFY(!call.isEmpty());
    QJsonObject request;
    request.insert(u"method"_qs, u"GET"_qs);
    request.insert(u"path"_qs, QString(kService + u"/reports/byRequest"_qs));
    QJsonObject body;
    body.insert(u"value"_qs, QJsonArray { call });
    QJsonObject response;
    response.insert(u"status"_qs, 200);
    response.insert(u"body"_qs, body);
    QJsonObject exchange;
    exchange.insert(u"request"_qs, request);
    exchange.insert(u"response"_qs, response);
    arm.add(exchange);

    QNetworkAccessManager nam;
    core::StaticTokenProvider tokens(u"replay-token"_qs);
    core::ArmClient client(&nam, arm.url(), &tokens);
    ui::OperationTracker operations;
    ui::PublisherController controller(&client, &operations);
    controller.setService(kService);

    ui::RequestLogView view(&controller);
    view.setKeyQueryNames({ u"mlcred"_qs });
    QSignalSpy loaded(&view, &ui::RequestLogView::loaded);
    view.load(QString(), { { u"scoring"_qs, u"Scoring"_qs } }, {});
    QVERIFY(loaded.wait(10000));
    QVERIFY2(arm.unmatched().isEmpty(), qPrintable(arm.unmatched().join(u", "_qs)));

    const QAbstractItemModel *shown = view.shownModel();
    QCOMPARE(shown->rowCount(), 1);
    QString table;
    for (int column = 0; column < shown->columnCount(); ++column)
        table += shown->index(0, column).data().toString() + u'\n';
    const QString exported = QString::fromUtf8(ui::usagecsv::toCsv(*shown));
    for (const QString &text : { table, exported }) {
        for (const QString &secret : { u"PrimaryKeyAbc123"_qs, u"RenamedKeyDef456"_qs, u"SasSigGhi789"_qs })
            QVERIFY2(!text.contains(secret), qPrintable(text));
        // The call itself stays readable: where it went and its other parameters.
        QVERIFY2(text.contains(u"apimservice1.azure-api.net/scoring/score"_qs), qPrintable(text));
        QVERIFY2(text.contains(u"rows=10"_qs), qPrintable(text));
    }
}

void tst_RequestLogView::aLoadWaitsForTheKeyQueryNames()
{
    // Until the APIs' key query parameter names are known, nothing is read or listed: a key
    // under a renamed parameter would show.
    FakeArm arm(
        [](const QUrl &) {
            QJsonObject call = numberedCall(1);
            call.insert(u"url"_qs, u"https://apimservice1.azure-api.net/scoring/score?mlcred=RenamedKeyDef456&rows=10"_qs);
            return QJsonObject { { u"value"_qs, QJsonArray { call } }, { u"count"_qs, 1 } };
        },
        false);
    ui::RequestLogView &view = arm.view();
    QSignalSpy loaded(&view, &ui::RequestLogView::loaded);
    view.load(QString(), {}, {});
    QVERIFY(view.isLoading());
    // A request sent after the load has reached the server: the load sent nothing before it.
    QVERIFY(arm.sync());
    QCOMPARE(arm.urls().size(), 1);
    QCOMPARE(arm.urls().first().path(), QString(kService + u"/sync"_qs));
    QVERIFY(loaded.isEmpty());
    QVERIFY(view.isLoading());
    QCOMPARE(view.shownModel()->rowCount(), 0);
    auto *note = view.findChild<QLabel *>(u"requestLogNoteLabel"_qs);
    QCOMPARE(note->text(), u"The calls are listed once the APIs' key parameter names are read, so that keys in "
                           "the URLs stay hidden."_qs);

    view.setKeyQueryNames({ u"mlcred"_qs });
    QVERIFY(loaded.wait(10000));
    QCOMPARE(arm.sent(), 2); // the sync and the calls
    QVERIFY(view.isComplete());
    const QString url = view.shownModel()->index(0, 8).data().toString();
    QVERIFY2(!url.contains(u"RenamedKeyDef456"_qs) && url.contains(u"rows=10"_qs), qPrintable(url));
}

void tst_RequestLogView::everyPageIsReadOnce()
{
    // Azure's paging: {value, count} by $skip/$top, oldest first. 2,500 calls are 3 pages of
    // 1,000; the first, read to learn the total, is not read again.
    static constexpr int kCalls = 2500;
    FakeArm arm([](const QUrl &url) {
        const QUrlQuery query(url);
        const int skip = query.queryItemValue(u"$skip"_qs).toInt();
        const int top = query.queryItemValue(u"$top"_qs).toInt();
        QJsonArray calls;
        for (int i = skip; i < std::min(kCalls, skip + top); ++i)
            calls.append(numberedCall(i));
        return QJsonObject { { u"value"_qs, calls }, { u"count"_qs, kCalls } };
    });
    ui::RequestLogView &view = arm.view();
    QSignalSpy loaded(&view, &ui::RequestLogView::loaded);
    view.load(QString(), {}, {});
    QVERIFY(loaded.wait(10000));
    QCOMPARE(view.shownModel()->rowCount(), 1000); // the newest page
    view.loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(view.isComplete() || arm.sent() > 10, 10000);
    QVERIFY(view.isComplete());
    QVERIFY(arm.sync()); // nothing more was sent before it
    QCOMPARE(arm.urls().last().path(), QString(kService + u"/sync"_qs));

    // Three requests, one per page, and every call listed once.
    QStringList pages;
    for (const QUrl &url : arm.urls().first(arm.sent() - 1)) {
        const QUrlQuery query(url);
        pages.append(u"skip=%1 top=%2"_qs.arg(query.queryItemValue(u"$skip"_qs), query.queryItemValue(u"$top"_qs)));
    }
    QCOMPARE(pages, (QStringList { u"skip= top=1000"_qs, u"skip=1500 top=1000"_qs, u"skip=1000 top=500"_qs }));
    const QAbstractItemModel *shown = view.shownModel();
    QCOMPARE(shown->rowCount(), kCalls);
    QSet<QString> urls;
    for (int row = 0; row < shown->rowCount(); ++row)
        urls.insert(shown->index(row, 8).data().toString());
    QCOMPARE(urls.size(), kCalls);
}

void tst_RequestLogView::aNextLinkThatRepeatsEndsWithAnError()
{
    // Every page leads to the same nextLink: reading all pages stops at the second.
    FakeArm arm([next = 0](const QUrl &) mutable {
        return QJsonObject { { u"value"_qs, QJsonArray { numberedCall(next++) } },
                             { u"nextLink"_qs, QString(u"http://127.0.0.1:9"_qs + kService
                                                       + u"/reports/byRequest?api-version=2024-05-01&$skiptoken=x"_qs) } };
    });
    ui::RequestLogView &view = arm.view();
    QSignalSpy loaded(&view, &ui::RequestLogView::loaded);
    view.load(QString(), {}, {});
    QVERIFY(loaded.wait(10000));
    view.loadAll();
    QTRY_VERIFY_WITH_TIMEOUT((!view.isLoading() && loaded.size() == 2) || arm.sent() > 20, 10000);
    QVERIFY(arm.sync()); // nothing more was sent before it
    QCOMPARE(arm.sent(), 3);
    QCOMPARE(arm.banner(), kLoopMessage);
    QCOMPARE(view.shownModel()->rowCount(), 1);
    QVERIFY(!view.isComplete());
    QVERIFY(!view.hasMore());
}

void tst_RequestLogView::aServerThatIgnoresSkipEndsWithAnError()
{
    // No count, and the same full page whatever $skip says.
    FakeArm arm([](const QUrl &) {
        QJsonArray calls;
        for (int i = 0; i < ui::RequestLogView::kPageSize; ++i)
            calls.append(numberedCall(i));
        return QJsonObject { { u"value"_qs, calls } };
    });
    ui::RequestLogView &view = arm.view();
    QSignalSpy loaded(&view, &ui::RequestLogView::loaded);
    view.load(QString(), {}, {});
    QVERIFY(loaded.wait(10000));
    view.loadAll();
    QTRY_VERIFY_WITH_TIMEOUT((!view.isLoading() && loaded.size() == 2) || arm.sent() > 20, 10000);
    QVERIFY(arm.sync()); // nothing more was sent before it
    QCOMPARE(arm.sent(), 3);
    QCOMPARE(arm.banner(), kLoopMessage);
    QCOMPARE(view.shownModel()->rowCount(), ui::RequestLogView::kPageSize);
    QVERIFY(!view.isComplete());
}

void tst_RequestLogView::theCapStopsAfterListingItsPages_data()
{
    QTest::addColumn<bool>("links"); // the server pages with nextLinks, or by $skip without a count
    QTest::newRow("nextLink") << true;
    QTest::newRow("$skip") << false;
}

void tst_RequestLogView::theCapStopsAfterListingItsPages()
{
    // A server with more pages than the cap, each of its own calls: the cap's pages are listed,
    // all of them, and the banner says how many were read.
    QFETCH(bool, links);
    constexpr int kCap = 3;
    constexpr int kPerPage = 2;
    FakeArm arm([links, page = 0](const QUrl &) mutable {
        QJsonArray calls;
        for (int i = 0; i < (links ? kPerPage : ui::RequestLogView::kPageSize); ++i)
            calls.append(numberedCall(page * 10000 + i));
        QJsonObject reply { { u"value"_qs, calls } };
        if (links)
            reply.insert(u"nextLink"_qs, QString(u"http://127.0.0.1:9"_qs + kService
                                                 + u"/reports/byRequest?api-version=2024-05-01&$skiptoken=%1"_qs.arg(page + 1)));
        ++page;
        return reply;
    });
    ui::RequestLogView &view = arm.view();
    view.setMaxPages(kCap);
    QSignalSpy loaded(&view, &ui::RequestLogView::loaded);
    view.load(QString(), {}, {});
    QVERIFY(loaded.wait(10000));
    view.loadAll();
    QTRY_VERIFY_WITH_TIMEOUT((!view.isLoading() && loaded.size() == 2) || arm.sent() > 20, 10000);
    QVERIFY(arm.sync()); // nothing more was sent before it
    QCOMPARE(arm.sent(), kCap + 1);
    QCOMPARE(arm.banner(), u"Portico stopped reading the calls after 3 pages; the server has more. The calls "
                           "listed are those read until then: choose a shorter period to list the others."_qs);
    QCOMPARE(view.shownModel()->rowCount(), kCap * (links ? kPerPage : ui::RequestLogView::kPageSize));
    QVERIFY(!view.isComplete());
    QVERIFY(!view.hasMore());
}

QTEST_MAIN(tst_RequestLogView)
#include "tst_requestlogview.moc"
