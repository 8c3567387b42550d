// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// What the response viewer says about redirects, sent through the real DeveloperController and
// shown in the real ResponseViewer, against a bare loopback server that answers with hand-made
// redirects: where a followed redirect led (and with which method), and a redirect that was not
// followed shown as the complete 3xx it is, with where it pointed and why it stopped; a gzip
// body shown decoded, with its size as sent next to its size; a gzip body that does not
// decompress shown as the response it is (status, headers, time), with what is shown of the body
// and why, live and from history.

#include "core/arm/armclient.h"
#include "core/tryit/tryithistory.h"
#include "tests/support/tempdir.h"
#include "tests/support/rawhttpserver.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/historypanel.h"
#include "ui/developer/responseviewer.h"
#include "ui/developer/tryitcomposer.h"

#include <QFileInfo>
#include <QLabel>
#include <QTableWidget>
#include <QTreeWidget>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QTest>

using namespace portico;

class tst_DeveloperController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followedRedirectShowsWhereItLedAndTheMethod();
    void redirectNotFollowedIsACompleteAnswerThatSaysWhy_data();
    void redirectNotFollowedIsACompleteAnswerThatSaysWhy();
    void compressedBodyIsShownDecodedWithBothSizes();
    void bodyThatDoesNotDecompressStillShowsTheResponse_data();
    void bodyThatDoesNotDecompressStillShowsTheResponse();

private:
    // Sends through the controller (recording into m_history) and shows the answer in `viewer`.
    std::optional<ui::ResponseData> sendAndShow(test::RawHttpServer &server, ui::ResponseViewer &viewer,
                                                const QString &method, const QString &path,
                                                const QByteArray &body = {});
    // The newest send re-opened from history, shown in a viewer of its own: the URL line
    // (with the redirect note) as the user reads it then.
    QString reopenedUrlLine();
    QNetworkAccessManager m_nam;
    test::TempDir m_dir;
    core::TryItHistory m_history;
};

QString tst_DeveloperController::reopenedUrlLine()
{
    const auto entries = m_history.list();
    if (!entries || entries->isEmpty())
        return entries ? u"(nothing in history)"_qs : entries.error().toString();
    ui::ResponseViewer viewer;
    viewer.showResponse(ui::DeveloperController::fromHistory(entries->first()));
    return viewer.findChild<QLineEdit *>(u"requestedUrlLineEdit"_qs)->text();
}

std::optional<ui::ResponseData> tst_DeveloperController::sendAndShow(test::RawHttpServer &server,
                                                                     ui::ResponseViewer &viewer,
                                                                     const QString &method,
                                                                     const QString &path, const QByteArray &body)
{
    core::ArmClient client(&m_nam, QUrl(u"http://127.0.0.1:9"_qs), nullptr); // no ARM call is made
    if (!QFileInfo::exists(m_dir.filePath(u"history.sqlite"_qs)) && !m_history.open(m_dir.filePath(u"history.sqlite"_qs)))
        return std::nullopt;
    ui::DeveloperController controller(&client, &m_nam, &m_history);
    std::optional<ui::ResponseData> shown;
    connect(&controller, &ui::DeveloperController::responseReady, &viewer,
            [&shown, &viewer](const ui::ResponseData &data) {
                shown = data;
                viewer.showResponse(data);
            });
    ui::ComposedRequest request;
    request.apiId = u"raw-server"_qs; // what history files a send under
    request.operationId = path;
    request.method = method;
    request.gatewayUrl = server.url(QString());
    request.urlTemplate = path;
    request.body = body;
    if (!body.isEmpty())
        request.headers = { { "Content-Type", "application/json" } };
    controller.send(request, u"test"_qs);
    if (!QTest::qWaitFor([&shown] { return shown.has_value(); }, 20000))
        return std::nullopt;
    return shown;
}

void tst_DeveloperController::followedRedirectShowsWhereItLedAndTheMethod()
{
    test::RawHttpServer server;
    QVERIFY(server.isListening());
    server.answer("/redir", "HTTP/1.1 302 Found\r\nLocation: /final?x=1\r\nContent-Length: 0\r\n\r\n");
    server.answer("/final", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
    ui::ResponseViewer viewer;
    const auto shown = sendAndShow(server, viewer, u"POST"_qs, u"/redir"_qs, R"({"a":1})");
    QVERIFY(shown);
    // The POST was answered by a 302, and Qt asked again with a GET: the user sees both.
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(1).method, QByteArray("GET"));
    QCOMPARE(viewer.findChild<QLabel *>(u"statusLabel"_qs)->text(), u"200 OK"_qs);
    const QString line = viewer.findChild<QLineEdit *>(u"requestedUrlLineEdit"_qs)->text();
    const QString port = QString::number(server.port());
    QVERIFY2(line.startsWith(u"POST http://127.0.0.1:%1/redir"_qs.arg(port)), qPrintable(line));
    QVERIFY2(line.contains(u"Redirected to GET http://127.0.0.1:%1/final?x=1"_qs.arg(port)), qPrintable(line));
    // Re-opened from history: the same line, the redirect note included.
    QCOMPARE(reopenedUrlLine(), line);
}

void tst_DeveloperController::redirectNotFollowedIsACompleteAnswerThatSaysWhy_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("note");
    QTest::addColumn<int>("minRequests");
    QTest::newRow("loop") << QByteArray("HTTP/1.1 302 Found\r\nLocation: /start\r\nContent-Length: 0\r\n\r\n")
                          << u"Redirect not followed: http://127.0.0.1:%PORT%/start (more redirects in a row than the limit of 5)"_qs
                          << 6;
    // To another origin, with a key in its query that the viewer must not show.
    QTest::newRow("another origin")
        << QByteArray("HTTP/1.1 302 Found\r\nLocation: http://localhost:%PORT%/final?subscription-key=k3y0123456\r\n"
                      "Content-Length: 5\r\n\r\nmoved")
        << u"Redirect not followed: http://localhost:%PORT%/final?subscription-key=••••••••"_qs << 1;
    QTest::newRow("not http") << QByteArray("HTTP/1.1 301 Moved Permanently\r\nLocation: ftp://127.0.0.1/file\r\n"
                                            "Content-Length: 0\r\n\r\n")
                              << u"Redirect not followed: ftp://127.0.0.1/file (not an http or https address)"_qs
                              << 1;
}

void tst_DeveloperController::redirectNotFollowedIsACompleteAnswerThatSaysWhy()
{
    QFETCH(QByteArray, answer);
    QFETCH(QString, note);
    QFETCH(int, minRequests);
    test::RawHttpServer server;
    QVERIFY(server.isListening());
    server.answer("/start", answer);
    ui::ResponseViewer viewer;
    const auto shown = sendAndShow(server, viewer, u"GET"_qs, u"/start"_qs);
    QVERIFY(shown);
    QVERIFY(server.requests().size() >= minRequests);
    // Not "302 (incomplete) … the connection broke off": the redirect is the answer.
    QVERIFY(!shown->incomplete);
    QVERIFY2(shown->errorText.isEmpty(), qPrintable(shown->errorText));
    QVERIFY(viewer.findChild<QLabel *>(u"statusLabel"_qs)->text().startsWith(u"30"_qs));
    QVERIFY(!viewer.findChild<QLabel *>(u"statusLabel"_qs)->text().contains(u"incomplete"_qs));
    const QString line = viewer.findChild<QLineEdit *>(u"requestedUrlLineEdit"_qs)->text();
    note.replace(u"%PORT%"_qs, QString::number(server.port()));
    QVERIFY2(line.contains(note), qPrintable(line));
    QVERIFY(!line.contains(u"k3y0123456"_qs));
    // Re-opened from history: the same line, why it stopped included, the key still masked.
    QCOMPARE(reopenedUrlLine(), line);
    const auto stored = m_history.list();
    QVERIFY(stored && !stored->isEmpty() && stored->first().unfollowedRedirect);
    QVERIFY(!stored->first().unfollowedRedirect->location.toString().contains(u"k3y0123456"_qs));
}

void tst_DeveloperController::compressedBodyIsShownDecodedWithBothSizes()
{
    const QByteArray gzip = QByteArray::fromHex(
        "1f8b0800000000000203ab562a4ece2f4a4d51b2528836d03332d55130d033378dd55150ca494c4acd010a2ba5e7e7a7"
        "28a424562ad57201000d12a2672e000000");
    test::RawHttpServer server;
    QVERIFY(server.isListening());
    server.answer("/scored", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                             "Content-Length: " + QByteArray::number(gzip.size()) + "\r\n\r\n" + gzip);
    ui::ResponseViewer viewer;
    const auto shown = sendAndShow(server, viewer, u"GET"_qs, u"/scored"_qs);
    QVERIFY(shown);
    QCOMPARE(shown->body, QByteArray("{\"scored\": [0.25, 0.75], \"label\": \"good day\"}\n"));
    const QString size = viewer.findChild<QLabel *>(u"sizeLabel"_qs)->text();
    QCOMPARE(size, u"Size: %1 (%2 as sent, gzip)"_qs.arg(QLocale().formattedDataSize(46),
                                                          QLocale().formattedDataSize(gzip.size())));
}

void tst_DeveloperController::bodyThatDoesNotDecompressStillShowsTheResponse_data()
{
    // {"scored": [0.0, 0.142…, …], "label": "good day"}: 1069 bytes, 232 as gzip.
    const QByteArray gzip = QByteArray::fromHex(
        "1f8b08000000000002036dd4c10ac2301084e157093997d0249bdde8ab8807b5e24528e849c477b7d393eef4d2c3cfd0af"
        "34a5eff8bccc8feb14f7e130a6710863ca527ab39f2ba24b86e677ebf07f9605cda58ae6ee978790c167e2d11cb436375334"
        "c6b3c70b9ac397568097440f5abcad68ce163467af3b67af3b7a91157465ba6ed07583ae1b74dda02bd3025a9896442f579c"
        "bc43a23394442720cc36b08dd9c66c63b631db986dcc2a586556995566955965569935b0c6ac316bcc1ab3c6ac31dbc1f644"
        "5f7f67b67bf63884783f9daff7e5b7106ff33c85e9f48a9f2f8798ad692d040000");
    QByteArray damaged = gzip;
    damaged[damaged.size() - 8] = char(damaged.at(damaged.size() - 8) ^ 0x5a); // the CRC-32 trailer
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("note");
    QTest::addColumn<QByteArray>("shownBody"); // empty: a decoded prefix of the body
    QTest::addColumn<qint64>("shownSize"); // -1: not checked
    QTest::addColumn<bool>("zlibSays"); // the technical detail is zlib's message
    const auto notValid = [](const char *encoding) {
        return u"The body could not be decompressed: the server labelled it “%1” (Content-Encoding), but "
               u"it is not valid %1 data. It is shown as it was sent."_qs.arg(QString::fromLatin1(encoding));
    };
    const auto notDecompressed = [](const char *encoding) {
        return u"Portico does not decompress “%1” (Content-Encoding). The body is shown as it was sent."_qs.arg(
            QString::fromLatin1(encoding));
    };
    QTest::newRow("not gzip at all") << QByteArray("gzip") << QByteArray(R"({"scored": [0.25]})")
                                     << u"200 OK (not decompressed)"_qs << notValid("gzip")
                                     << QByteArray(R"({"scored": [0.25]})") << qint64(-1) << true;
    QTest::newRow("cut short") << QByteArray("gzip") << gzip.left(120) << u"200 OK (incomplete)"_qs
                               << u"The response is incomplete: its “gzip” data ends early"_qs << QByteArray()
                               << qint64(-1) << false;
    // Valid gzip as far as it goes: cut short, not "not gzip".
    QTest::newRow("cut inside the gzip header")
        << QByteArray("gzip") << gzip.left(10) << u"200 OK (incomplete)"_qs
        << u"The response is incomplete: its “gzip” data ends early"_qs << QByteArray()
        << qint64(0) << false;
    // All of it decompressed: shown whole, not "incomplete … the rest is missing".
    QTest::newRow("damaged checksum") << QByteArray("gzip") << damaged << u"200 OK (may be damaged)"_qs
                                      << u"The body decompressed whole, but its “gzip” checksum does not "
                                         u"match: it may be damaged."_qs
                                      << QByteArray() << qint64(1069) << true;
    // Plain text read as raw deflate inflates a few bytes before it stops: not a body.
    QTest::newRow("plain JSON labelled deflate")
        << QByteArray("deflate") << QByteArray(R"({"a":1})") << u"200 OK (not decompressed)"_qs
        << notValid("deflate") << QByteArray(R"({"a":1})") << qint64(-1) << false;
    const QByteArray error(R"({"error":{"code":"InvalidInput","message":"bad"}})");
    QTest::newRow("plain error labelled deflate") << QByteArray("deflate") << error
                                                  << u"200 OK (not decompressed)"_qs << notValid("deflate")
                                                  << error << qint64(-1) << false;
    QTest::newRow("br") << QByteArray("br") << QByteArray("\x1b\x10\x00\xf8\xa5\x40", 6)
                        << u"200 OK (not decompressed)"_qs << notDecompressed("br")
                        << QByteArray("\x1b\x10\x00\xf8\xa5\x40", 6) << qint64(-1) << false;
    QTest::newRow("zstd") << QByteArray("zstd") << QByteArray("\x28\xb5\x2f\xfd\x00\x58", 6)
                          << u"200 OK (not decompressed)"_qs << notDecompressed("zstd")
                          << QByteArray("\x28\xb5\x2f\xfd\x00\x58", 6) << qint64(-1) << false;
    QTest::newRow("gzip, gzip") << QByteArray("gzip, gzip") << gzip << u"200 OK (not decompressed)"_qs
                                << notDecompressed("gzip, gzip") << gzip << qint64(-1) << false;
}

void tst_DeveloperController::bodyThatDoesNotDecompressStillShowsTheResponse()
{
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, sent);
    QFETCH(QString, status);
    QFETCH(QString, note);
    QFETCH(QByteArray, shownBody);
    QFETCH(qint64, shownSize);
    QFETCH(bool, zlibSays);
    test::RawHttpServer server;
    QVERIFY(server.isListening());
    server.answer("/scored", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: " + encoding
                                 + "\r\nX-Request-Id: r-42\r\nContent-Length: " + QByteArray::number(sent.size())
                                 + "\r\n\r\n" + sent);
    ui::ResponseViewer viewer;
    const auto shown = sendAndShow(server, viewer, u"GET"_qs, u"/scored"_qs);
    QVERIFY(shown);
    const auto check = [&](ui::ResponseViewer &v) {
        QCOMPARE(v.findChild<QLabel *>(u"statusLabel"_qs)->text(), status);
        const QString error = v.findChild<QLabel *>(u"responseErrorLabel"_qs)->text();
        QVERIFY2(error.startsWith(note), qPrintable(error));
        if (!status.contains(u"incomplete"_qs))
            QVERIFY2(!error.contains(u"missing"_qs), qPrintable(error));
        // zlib's own words, or nothing: no English sentence of Portico's in a translated UI.
        const QString details = v.findChild<QLabel *>(u"responseErrorDetailsLabel"_qs)->text();
        QVERIFY2(details.isEmpty() != zlibSays || status.contains(u"not decompressed"_qs), qPrintable(details));
        // The headers the server sent, all of them.
        auto *headers = v.findChild<QTableWidget *>(u"responseHeadersTableWidget"_qs);
        QStringList rows;
        for (int i = 0; i < headers->rowCount(); ++i)
            rows << headers->item(i, 0)->text() + u": "_qs + headers->item(i, 1)->text();
        QVERIFY2(rows.contains(u"X-Request-Id: r-42"_qs), qPrintable(rows.join(u'|')));
        QVERIFY2(rows.contains(u"Content-Encoding: "_qs + QString::fromLatin1(encoding)), qPrintable(rows.join(u'|')));
        if (!shownBody.isEmpty()) {
            QCOMPARE(v.response().body, shownBody);
        } else if (shownSize >= 0) {
            QCOMPARE(v.response().body.size(), shownSize);
            QVERIFY(QByteArray(R"({"scored": [0.0, 0.14285714285714285, )").startsWith(v.response().body.left(38)));
        } else {
            // What did decompress, and nothing that did not.
            QVERIFY(!v.response().body.isEmpty());
            QVERIFY(QByteArray(R"({"scored": [0.0, 0.14285714285714285, )").startsWith(v.response().body.left(38)));
        }
    };
    check(viewer);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!viewer.findChild<QLabel *>(u"timeLabel"_qs)->text().isEmpty());
    // Re-opened from history: the same words.
    const auto entries = m_history.list();
    QVERIFY(entries && !entries->isEmpty());
    ui::ResponseViewer reopened;
    reopened.showResponse(ui::DeveloperController::fromHistory(entries->first()));
    check(reopened);
    if (QTest::currentTestFailed())
        return;
    // The history list marks it the same way: "200 (not decompressed)" or "200 (incomplete)".
    ui::HistoryPanel panel;
    panel.setHistory(&m_history);
    QTRY_VERIFY(panel.entryCount() > 0);
    auto *list = panel.findChild<QTreeWidget *>(u"historyTreeWidget"_qs);
    QCOMPARE(list->topLevelItem(0)->text(3), status.section(u' ', 0, 0) + u' ' + status.section(u' ', 2));
    QVERIFY2(list->topLevelItem(0)->toolTip(3).startsWith(note), qPrintable(list->topLevelItem(0)->toolTip(3)));
}

QTEST_MAIN(tst_DeveloperController)
#include "tst_developercontroller.moc"
