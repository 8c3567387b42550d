// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "tests/support/tempdir.h"
#include "ui/common/lazytextview.h"
#include "ui/developer/jsontreemodel.h"
#include "ui/developer/jsontreepanel.h"
#include "ui/developer/responsediffview.h"
#include "ui/developer/responseviewer.h"
#include "ui/developer/resultstablemodel.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>

using namespace portico;
using namespace portico::ui;

class tst_ResponseViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedResponseShowsSummaryHeadersAndTable();
    void rateLimitedResponseIsExplainedWithTheWait();
    void statusWithoutReasonPhraseShowsTheStandardOne_data();
    void statusWithoutReasonPhraseShowsTheStandardOne();
    void savingTheBodyKeepsTheNoteAboutIt_data();
    void savingTheBodyKeepsTheNoteAboutIt();
    void invalidJsonBodyNamesThePosition();
    void prettyShowsABodyThatIsNotJsonAsSent_data();
    void prettyShowsABodyThatIsNotJsonAsSent();
    void plainTextThatIsJsonGetsPrettyAndTree();
    void singleValueBodyIsTheTreeRoot_data();
    void singleValueBodyIsTheTreeRoot();
    void numbersReadAsWrittenInTreeAndTable();
    void bodyInADeclaredCharsetIsDecoded_data();
    void bodyInADeclaredCharsetIsDecoded();
    void unknownCharsetIsShownAsUtf8AndSaidSo();
    void binaryBodyIsShownAsHexWithANotice_data();
    void binaryBodyIsShownAsHexWithANotice();
    void binaryBodyHistoryCutOffersOnlyTheKeptPart();
    void fiftyMegabyteBodyNeverBlocksTheEventLoop();
    void twoResponsesAreComparedLineByLine();
};

namespace {

const QByteArray seedBody = R"({"Results":{"output1":{"type":"table","value":{"ColumnNames":["Col2","Col2_HashingFeature.0","Col2_HashingFeature.1","Col2_HashingFeature.2","Col2_HashingFeature.3","Col2_HashingFeature.4","Col2_HashingFeature.5","Col2_HashingFeature.6","Col2_HashingFeature.7"],"ColumnTypes":["String","Int32","Int32","Int32","Int32","Int32","Int32","Int32","Int32"],"Values":[["This is a good day","1","1","2","2","0","2","0","1"]]}}}})";

ResponseData okResponse()
{
    ResponseData r;
    r.method = u"POST"_qs;
    r.url = QUrl(u"http://127.0.0.1:1/ml/workspaces/ws/services/svc/execute?api-version=2.0&details=true"_qs);
    r.status = 200;
    r.reason = u"OK"_qs;
    r.headers = { { "Content-Type", "application/json; charset=utf-8" },
                  { "X-RateLimit-Remaining", "4" } };
    r.totalMs = 42;
    r.timeToFirstByteMs = 40;
    r.body = seedBody;
    return r;
}

} // namespace

void tst_ResponseViewer::seedResponseShowsSummaryHeadersAndTable()
{
    ResponseViewer viewer;
    viewer.resize(900, 600);
    viewer.show();
    QSignalSpy parsed(&viewer, &ResponseViewer::bodyParsed);
    QSignalSpy pretty(&viewer, &ResponseViewer::prettyLoaded);
    viewer.showResponse(okResponse());

    auto *status = viewer.findChild<QLabel *>(u"statusLabel"_qs);
    QCOMPARE(status->text(), u"200 OK"_qs);
    QVERIFY(status->styleSheet().contains(u"#2e7d32"_qs));
    QCOMPARE(viewer.findChild<QLabel *>(u"timeLabel"_qs)->text(), u"Time: 42 ms"_qs);
    QCOMPARE(viewer.findChild<QLabel *>(u"ttfbLabel"_qs)->text(), u"First byte: 40 ms"_qs);
    QCOMPARE(viewer.findChild<QLabel *>(u"contentTypeLabel"_qs)->text(), u"application/json"_qs);
    QVERIFY(viewer.findChild<QLabel *>(u"remainingCallsLabel"_qs)->text().contains(u"4"_qs));
    QVERIFY(viewer.findChild<QLineEdit *>(u"requestedUrlLineEdit"_qs)
                    ->text()
                    .startsWith(u"POST http://127.0.0.1:1/ml/workspaces/ws/services/svc/execute"_qs));
    auto *headers = viewer.findChild<QTableWidget *>(u"responseHeadersTableWidget"_qs);
    QCOMPARE(headers->rowCount(), 2);
    QCOMPARE(headers->item(0, 0)->text(), u"Content-Type"_qs);
    QVERIFY(!viewer.findChild<QFrame *>(u"rateLimitFrame"_qs)->isVisible());

    QVERIFY(pretty.wait(5000));
    auto *prettyView = viewer.findChild<LazyTextView *>(u"prettyTextView"_qs);
    QCOMPARE(prettyView->lineText(0), u"{"_qs);
    QCOMPARE(prettyView->lineText(1), u"  \"Results\": {"_qs);
    QVERIFY(prettyView->isFoldable(1));
    prettyView->setFolded(1, true);
    QCOMPARE(prettyView->visibleLineCount(), 3);

    QVERIFY(parsed.count() || parsed.wait(5000));
    viewer.setCurrentView(ResponseViewer::View::Table);
    auto *table = viewer.findChild<QTableView *>(u"resultsTableView"_qs);
    QVERIFY(table->isVisible());
    QAbstractItemModel *model = table->model();
    QCOMPARE(model->rowCount(), 1);
    QStringList features;
    for (int c = 1; c <= 8; ++c) {
        QCOMPARE(model->headerData(c, Qt::Horizontal).toString(),
                 u"Col2_HashingFeature.%1"_qs.arg(c - 1));
        features.append(model->index(0, c).data().toString());
    }
    QCOMPARE(features.join(u' '), u"1 1 2 2 0 2 0 1"_qs);

    // Raw shows the bytes as received once its tab is opened.
    QSignalSpy raw(&viewer, &ResponseViewer::rawLoaded);
    viewer.setCurrentView(ResponseViewer::View::Raw);
    QVERIFY(raw.wait(5000));
    QCOMPARE(viewer.rawView()->text(), QString::fromUtf8(seedBody));
}

void tst_ResponseViewer::statusWithoutReasonPhraseShowsTheStandardOne_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason"); // as received: empty over HTTP/2
    QTest::addColumn<bool>("incomplete");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<bool>("explained"); // the tooltip says where the phrase comes from
    QTest::newRow("200 over HTTP/2") << 200 << QString() << false << u"200 OK"_qs << true;
    QTest::newRow("404 over HTTP/2") << 404 << QString() << false << u"404 Not Found"_qs << true;
    QTest::newRow("429 over HTTP/2") << 429 << QString() << false << u"429 Too Many Requests"_qs << true;
    QTest::newRow("503 over HTTP/2, broken off") << 503 << QString() << true
                                                 << u"503 Service Unavailable (incomplete)"_qs << true;
    QTest::newRow("unregistered code") << 299 << QString() << false << u"299"_qs << true;
    QTest::newRow("the server's own phrase") << 200 << u"Fine"_qs << false << u"200 Fine"_qs << false;
}

void tst_ResponseViewer::statusWithoutReasonPhraseShowsTheStandardOne()
{
    QFETCH(int, status);
    QFETCH(QString, reason);
    QFETCH(bool, incomplete);
    QFETCH(QString, shown);
    QFETCH(bool, explained);
    ResponseViewer viewer;
    ResponseData r;
    r.method = u"GET"_qs;
    r.url = QUrl(u"https://gateway.example/x"_qs);
    r.status = status;
    r.reason = reason;
    r.incomplete = incomplete;
    r.headers = { { "Content-Type", "application/json" } };
    r.body = "{}";
    viewer.showResponse(r);
    auto *label = viewer.findChild<QLabel *>(u"statusLabel"_qs);
    QCOMPARE(label->text(), shown);
    QCOMPARE(!label->toolTip().isEmpty(), explained);
    // HTTP/2 has no phrase, and HTTP/1.1 may send an empty one ("HTTP/1.1 200 \r\n"): the
    // viewer cannot tell which, so the words fit both.
    if (explained) {
        QVERIFY2(label->toolTip().contains(u"HTTP/2"_qs) && label->toolTip().contains(u"HTTP/1.1"_qs),
                 qPrintable(label->toolTip()));
    }
}

void tst_ResponseViewer::savingTheBodyKeepsTheNoteAboutIt_data()
{
    QTest::addColumn<bool>("notDecompressed");
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("saveTip");
    QTest::newRow("not decompressed")
        << true << u"Portico does not decompress “br” (Content-Encoding). The body is shown as it was sent."_qs
        << u"Saves the body as it was sent, not decompressed."_qs;
    QTest::newRow("incomplete") << false
                                << u"The response is incomplete: its “gzip” data ends early, after 8 bytes of the "
                                   u"body. What could be decompressed is shown; the rest is missing."_qs
                                << u"Saves only the part of the body that arrived or could be decompressed; the "
                                   u"rest is missing."_qs;
}

void tst_ResponseViewer::savingTheBodyKeepsTheNoteAboutIt()
{
    QFETCH(bool, notDecompressed);
    QFETCH(QString, note);
    QFETCH(QString, saveTip);
    test::TempDir dir;
    ResponseViewer viewer;
    viewer.show();
    ResponseData r = okResponse();
    r.body = R"({"a":1})";
    r.notDecompressed = notDecompressed;
    r.incomplete = !notDecompressed;
    r.errorText = note;
    viewer.showResponse(r);
    auto *save = viewer.findChild<QPushButton *>(u"saveBodyPushButton"_qs);
    auto *noteLabel = viewer.findChild<QLabel *>(u"responseErrorLabel"_qs);
    const auto saveTo = [&](const QString &path) {
        save->click();
        QFileDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = viewer.findChild<QFileDialog *>(u"saveBodyFileDialog"_qs)) != nullptr);
        Q_EMIT dialog->fileSelected(path);
        dialog->close();
        QTRY_VERIFY(save->isEnabled());
    };
    const QString path = dir.path() + u"/body.json"_qs;
    saveTo(path);
    QTRY_VERIFY(QFileInfo::exists(path));
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), r.body);
    // The note about the body is still there after a save.
    QCOMPARE(noteLabel->text(), note);
    QVERIFY(noteLabel->isVisible());
    auto *result = viewer.findChild<QLabel *>(u"saveResultLabel"_qs);
    QVERIFY(result);
    QVERIFY(result->isVisible());

    // A save that fails says so, and the note stays.
    saveTo(dir.path() + u"/no-such-folder/body.json"_qs);
    QTRY_VERIFY2(result->text().startsWith(u"Could not save the body"_qs), qPrintable(result->text()));
    QCOMPARE(noteLabel->text(), note);
    QVERIFY(noteLabel->isVisible());

    // The button says what it saves.
    QCOMPARE(save->toolTip(), saveTip);
}

void tst_ResponseViewer::rateLimitedResponseIsExplainedWithTheWait()
{
    ResponseViewer viewer;
    viewer.show();
    ResponseData r;
    r.method = u"POST"_qs;
    r.url = QUrl(u"http://127.0.0.1:1/x"_qs);
    r.status = 429;
    r.reason = u"Too Many Requests"_qs;
    r.headers = { { "Content-Type", "application/json" }, { "Retry-After", "56" } };
    r.body = R"({"statusCode": 429, "message": "Rate limit is exceeded. Try again in 56 seconds."})";
    viewer.showResponse(r);
    auto *frame = viewer.findChild<QFrame *>(u"rateLimitFrame"_qs);
    QVERIFY(frame->isVisible());
    QVERIFY(viewer.findChild<QLabel *>(u"statusLabel"_qs)->text().startsWith(u"429"_qs));
    const QString headline = viewer.findChild<QLabel *>(u"rateLimitHeadlineLabel"_qs)->text();
    QVERIFY2(headline.contains(u"Rate limit exceeded"_qs) && headline.contains(u"56"_qs),
             qPrintable(headline));
    const QString text = viewer.findChild<QLabel *>(u"rateLimitLabel"_qs)->text();
    QVERIFY2(text.contains(u"Wait 5"_qs) && text.contains(u"second"_qs), qPrintable(text));
}

void tst_ResponseViewer::prettyShowsABodyThatIsNotJsonAsSent_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("noted"); // the Pretty tab says it is not valid JSON
    // azureml-protocol.md §1.4: error bodies need not be JSON.
    QTest::newRow("text/plain starting with [") << QByteArray("text/plain") << QByteArray("[WARN] a b") << false;
    QTest::newRow("text/plain starting with {") << QByteArray("text/plain; charset=utf-8")
                                                << QByteArray("{oops} model not loaded") << false;
    QTest::newRow("labelled JSON but is not") << QByteArray("application/json")
                                              << QByteArray("[ERROR] model not loaded") << true;
    QTest::newRow("no type, sniffed, not JSON") << QByteArray() << QByteArray("[ERROR] model not loaded") << true;
}

void tst_ResponseViewer::prettyShowsABodyThatIsNotJsonAsSent()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(bool, noted);
    ResponseViewer viewer;
    viewer.show();
    ResponseData r = okResponse();
    r.status = 500;
    r.reason = u"Internal Server Error"_qs;
    r.headers.clear();
    if (!contentType.isEmpty())
        r.headers = { { "Content-Type", contentType } };
    r.body = body;
    QSignalSpy pretty(&viewer, &ResponseViewer::prettyLoaded);
    QSignalSpy parsed(&viewer, &ResponseViewer::bodyParsed);
    viewer.showResponse(r);
    QVERIFY(pretty.count() || pretty.wait(5000));
    QCOMPARE(viewer.prettyView()->text(), QString::fromUtf8(body));
    if (noted) {
        QVERIFY(parsed.count() || parsed.wait(5000));
        auto *note = viewer.findChild<QLabel *>(u"prettyNoteLabel"_qs);
        QVERIFY(note && note->isVisible());
        QVERIFY(note->text().contains(u"not valid JSON"_qs));
    }
}

void tst_ResponseViewer::plainTextThatIsJsonGetsPrettyAndTree()
{
    // A service that labels its JSON text/plain still gets Pretty and Tree once the parse confirms it.
    ResponseViewer viewer;
    viewer.show();
    ResponseData r = okResponse();
    r.headers = { { "Content-Type", "text/plain; charset=utf-8" } };
    r.body = "{\"a\":1}";
    QSignalSpy pretty(&viewer, &ResponseViewer::prettyLoaded);
    QSignalSpy parsed(&viewer, &ResponseViewer::bodyParsed);
    viewer.showResponse(r);
    QVERIFY(parsed.count() || parsed.wait(5000));
    QVERIFY(pretty.count() || pretty.wait(5000));
    QCOMPARE(viewer.prettyView()->text(), u"{\n  \"a\": 1\n}"_qs);
    QVERIFY(viewer.findChild<QLabel *>(u"prettyNoteLabel"_qs)->isHidden());
    QCOMPARE(viewer.treePanel()->model()->rowCount(), 1);

    // Plain text that only starts like JSON is shown as sent, and not called invalid JSON.
    r.body = "[WARN] a b";
    viewer.showResponse(r);
    QVERIFY(parsed.wait(5000));
    QCOMPARE(viewer.prettyView()->text(), u"[WARN] a b"_qs);
    QVERIFY(viewer.findChild<QLabel *>(u"prettyNoteLabel"_qs)->isHidden());
    QCOMPARE(viewer.findChild<QLabel *>(u"parseStatusLabel"_qs)->text(), u"The body is not JSON."_qs);
}

void tst_ResponseViewer::invalidJsonBodyNamesThePosition()
{
    ResponseViewer viewer;
    viewer.show();
    QSignalSpy parsed(&viewer, &ResponseViewer::bodyParsed);
    ResponseData r = okResponse();
    r.body = "{\n  \"a\": 1,\n  \"b\": [1 2],\n  \"c\": 3\n}";
    viewer.showResponse(r);
    QVERIFY(parsed.wait(5000));
    const QString status = viewer.findChild<QLabel *>(u"parseStatusLabel"_qs)->text();
    QVERIFY2(status.contains(u"line 3"_qs), qPrintable(status));
}

void tst_ResponseViewer::singleValueBodyIsTheTreeRoot_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("type");
    QTest::newRow("number") << QByteArray("42") << u"42"_qs << u"number"_qs;
    QTest::newRow("string") << QByteArray("\"scored\"\n") << u"scored"_qs << u"string"_qs;
    QTest::newRow("boolean") << QByteArray(" true") << u"true"_qs << u"boolean"_qs;
    QTest::newRow("byte-order mark") << QByteArray("\xEF\xBB\xBF" "0.25") << u"0.25"_qs << u"number"_qs;
}

void tst_ResponseViewer::singleValueBodyIsTheTreeRoot()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, value);
    QFETCH(QString, type);
    ResponseViewer viewer;
    viewer.show();
    ResponseData r = okResponse();
    r.body = body;
    QSignalSpy parsed(&viewer, &ResponseViewer::bodyParsed);
    viewer.showResponse(r);
    QVERIFY(parsed.wait(5000));
    QVERIFY2(viewer.findChild<QLabel *>(u"parseStatusLabel"_qs)->isHidden(),
             qPrintable(viewer.findChild<QLabel *>(u"parseStatusLabel"_qs)->text()));
    JsonTreeModel *model = viewer.treePanel()->model();
    QCOMPARE(model->rowCount(), 1);
    const QModelIndex root = model->index(0, int(JsonTreeModel::Column::Value));
    QCOMPARE(root.data().toString(), value);
    QCOMPARE(model->index(0, int(JsonTreeModel::Column::Type)).data().toString(), type);
    QCOMPARE(model->jsonPath(root), u"$"_qs);
    QVERIFY(!model->hasChildren(model->index(0, 0)));

    // "42 43" is not one value: the position of the second is named.
    r.body = "42 43";
    viewer.showResponse(r);
    QVERIFY(parsed.wait(5000));
    const QString status = viewer.findChild<QLabel *>(u"parseStatusLabel"_qs)->text();
    QVERIFY2(status.contains(u"line 1, column 4"_qs), qPrintable(status));
}

void tst_ResponseViewer::numbersReadAsWrittenInTreeAndTable()
{
    ResponseViewer viewer;
    viewer.show();
    ResponseData r = okResponse();
    r.body = R"({"Results": {"output1": {"type": "table", "value": {"ColumnNames": ["id", "p"],
        "Values": [[12345678901234567890123, 0.10000000000000001], [-0, 1.0]]}}}})";
    QSignalSpy parsed(&viewer, &ResponseViewer::bodyParsed);
    viewer.showResponse(r);
    QVERIFY(parsed.wait(5000));

    // Tree: $.Results.output1.value.Values[0][0] and its neighbours, as Pretty shows them.
    JsonTreeModel *model = viewer.treePanel()->model();
    const QModelIndex row0 = model->indexForPath({ 0, 0, 1, 1, 0 });
    QCOMPARE(model->jsonPath(row0), u"$.Results.output1.value.Values[0]"_qs);
    const QModelIndex big = model->index(0, int(JsonTreeModel::Column::Value), row0);
    QCOMPARE(big.data().toString(), u"12345678901234567890123"_qs);
    QCOMPARE(big.siblingAtColumn(int(JsonTreeModel::Column::Type)).data().toString(), u"number"_qs);
    QCOMPARE(model->index(1, int(JsonTreeModel::Column::Value), row0).data().toString(),
             u"0.10000000000000001"_qs);
    QCOMPARE(row0.data(JsonTreeModel::JsonTextRole).toString(),
             u"[12345678901234567890123,0.10000000000000001]"_qs);
    const QModelIndex row1 = model->indexForPath({ 0, 0, 1, 1, 1 });
    QCOMPARE(model->index(0, int(JsonTreeModel::Column::Value), row1).data().toString(), u"-0"_qs);
    QCOMPARE(model->index(1, int(JsonTreeModel::Column::Value), row1).data().toString(), u"1.0"_qs);

    // Table: the same digits.
    viewer.setCurrentView(ResponseViewer::View::Table);
    QAbstractItemModel *table = viewer.findChild<QTableView *>(u"resultsTableView"_qs)->model();
    QCOMPARE(table->index(0, 0).data().toString(), u"12345678901234567890123"_qs);
    QCOMPARE(table->index(0, 1).data().toString(), u"0.10000000000000001"_qs);
}

void tst_ResponseViewer::bodyInADeclaredCharsetIsDecoded_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("inFile");
    QTest::newRow("iso-8859-1") << QByteArray("text/plain; charset=iso-8859-1")
                                << QByteArray("caf\xe9 \xfc\n") << u"café ü\n"_qs << false;
    QTest::newRow("quoted windows-1252") << QByteArray("text/plain;charset=\"Windows-1252\"")
                                         << QByteArray("\x80 5") << u"€ 5"_qs << false;
    // Two-byte characters across the loader's pieces (64 KiB, then 1 MiB) of a streamed body:
    // byte 65536 is the second byte of a character.
    QByteArray sjis = "ab";
    QString expected = u"ab"_qs;
    for (int line = 0; line < 3000; ++line) {
        for (int i = 0; i < 40; ++i) {
            sjis += "\x82\xa0";
            expected += u"\u3042"_qs;
        }
        sjis += '\n';
        expected += u'\n';
    }
    QTest::newRow("shift_jis in a file") << QByteArray("text/plain; charset=Shift_JIS") << sjis
                                         << expected << true;
}

void tst_ResponseViewer::bodyInADeclaredCharsetIsDecoded()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QFETCH(bool, inFile);
    test::TempDir dir;
    ResponseViewer viewer;
    viewer.show();
    ResponseData r = okResponse();
    r.headers = { { "Content-Type", contentType } };
    r.body = body;
    if (inFile) {
        r.bodyFile = dir.path() + u"/body.txt"_qs;
        QFile file(r.bodyFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(body), body.size());
        file.close();
        r.body.clear();
    }
    QSignalSpy raw(&viewer, &ResponseViewer::rawLoaded);
    QSignalSpy pretty(&viewer, &ResponseViewer::prettyLoaded);
    viewer.showResponse(r);
    viewer.setCurrentView(ResponseViewer::View::Raw);
    QVERIFY(raw.count() || raw.wait(5000));
    QCOMPARE(viewer.rawView()->text(), text);
    QVERIFY(pretty.count() || pretty.wait(5000));
    QCOMPARE(viewer.prettyView()->text(), text);
    QVERIFY(viewer.findChild<QLabel *>(u"charsetNoticeLabel"_qs)->isHidden());
}

void tst_ResponseViewer::unknownCharsetIsShownAsUtf8AndSaidSo()
{
    ResponseViewer viewer;
    viewer.show();
    ResponseData r = okResponse();
    r.headers = { { "Content-Type", "text/plain; charset=x-no-such-charset" } };
    r.body = "caf\xc3\xa9";
    QSignalSpy raw(&viewer, &ResponseViewer::rawLoaded);
    viewer.showResponse(r);
    auto *notice = viewer.findChild<QLabel *>(u"charsetNoticeLabel"_qs);
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(u"x-no-such-charset"_qs), qPrintable(notice->text()));
    viewer.setCurrentView(ResponseViewer::View::Raw);
    QVERIFY(raw.count() || raw.wait(5000));
    QCOMPARE(viewer.rawView()->text(), u"café"_qs);

    // The next response, in UTF-8, has no notice.
    viewer.showResponse(okResponse());
    QVERIFY(notice->isHidden());
}

void tst_ResponseViewer::binaryBodyIsShownAsHexWithANotice_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("binary");
    const QByteArray bytes("PK\x03\x04\x00\x00text", 10);
    QTest::newRow("octet-stream") << QByteArray("application/octet-stream") << bytes << true;
    QTest::newRow("NUL bytes, no content type") << QByteArray() << bytes << true;
    QTest::newRow("NUL bytes labelled text") << QByteArray("text/plain") << bytes << true;
    // UTF-16 text holds NULs: it is text, decoded.
    QTest::newRow("utf-16 text") << QByteArray("text/plain; charset=utf-16le")
                                 << QByteArray("h\0i\0", 4) << false;
}

void tst_ResponseViewer::binaryBodyHistoryCutOffersOnlyTheKeptPart()
{
    // History kept the first bytes of a 3 MiB binary body: the page must not promise all of it.
    ResponseViewer viewer;
    viewer.show();
    ResponseData r = okResponse();
    r.headers = { { "Content-Type", "application/octet-stream" } };
    r.body = QByteArray(100, '\0');
    r.bodySize = 3 * 1024 * 1024;
    r.bodyTruncated = true;
    viewer.showResponse(r);
    auto *page = viewer.findChild<QWidget *>(u"binaryBodyPage"_qs);
    auto *save = page->findChild<QPushButton *>(u"binarySaveBodyPushButton"_qs);
    auto *hex = page->findChild<QLabel *>(u"binaryBodyHexLabel"_qs);
    QCOMPARE(save->text(), u"Save Kept Part…"_qs);
    QVERIFY(save->isEnabled());
    QVERIFY2(!hex->text().contains(u"all of it"_qs) && hex->text().contains(u"History kept only"_qs),
             qPrintable(hex->text()));

    // History kept none of it: saving would write an empty file that passes for the body.
    r.body.clear();
    viewer.showResponse(r);
    QVERIFY(!save->isEnabled());
    QVERIFY2(hex->text().contains(u"History kept none"_qs), qPrintable(hex->text()));

    // A whole body is saved whole again.
    r.body = QByteArray(100, '\0');
    r.bodySize = -1;
    r.bodyTruncated = false;
    viewer.showResponse(r);
    QCOMPARE(save->text(), u"Save Body…"_qs);
    QVERIFY(save->isEnabled());
}

void tst_ResponseViewer::binaryBodyIsShownAsHexWithANotice()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(bool, binary);
    ResponseViewer viewer;
    viewer.show();
    ResponseData r = okResponse();
    r.headers.clear();
    if (!contentType.isEmpty())
        r.headers = { { "Content-Type", contentType } };
    r.body = body;
    QSignalSpy raw(&viewer, &ResponseViewer::rawLoaded);
    viewer.showResponse(r);
    QCOMPARE(viewer.isBinaryBody(), binary);
    auto *notice = viewer.findChild<QLabel *>(u"binaryBodyLabel"_qs);
    QCOMPARE(notice->isVisible(), binary);
    if (!binary) {
        viewer.setCurrentView(ResponseViewer::View::Raw);
        QVERIFY(raw.wait(5000));
        QCOMPARE(viewer.rawView()->text(), u"hi"_qs);
        return;
    }
    QCOMPARE(notice->text(), u"Binary body, 10 byte(s)."_qs);
    QVERIFY(viewer.findChild<QPushButton *>(u"binarySaveBodyPushButton"_qs)->isVisible());
    // Tree and Table do not try to read it.
    QCOMPARE(viewer.findChild<QLabel *>(u"parseStatusLabel"_qs)->text(),
             u"The body is binary; Raw shows it as hexadecimal."_qs);

    // "Show Hexadecimal" opens Raw, which holds a hex dump rather than NULs.
    viewer.findChild<QPushButton *>(u"showHexPushButton"_qs)->click();
    QCOMPARE(viewer.currentView(), ResponseViewer::View::Raw);
    QVERIFY(raw.wait(5000));
    QCOMPARE(viewer.rawView()->lineText(0),
             u"00000000  50 4b 03 04 00 00 74 65  78 74                    |PK....text|"_qs);
    QVERIFY(!viewer.rawView()->text().contains(QChar(0)));
}

void tst_ResponseViewer::fiftyMegabyteBodyNeverBlocksTheEventLoop()
{
    // A 50 MB AzureML result, streamed to a file as the Try It engine does for big bodies.
    test::TempDir dir;
    const QString path = dir.filePath(u"body.json"_qs);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"Results":{"output1":{"type":"table","value":{"ColumnNames":["Col2","F.0","F.1","F.2","F.3"],"ColumnTypes":["String","Int32","Int32","Int32","Int32"],"Values":[)");
        qint64 written = 0;
        QByteArray rows;
        for (int i = 0; written < 50 * 1024 * 1024; ++i) {
            rows = (i ? "," : "") + QByteArray(R"(["This is a good day number )")
                    + QByteArray::number(i) + R"(","1","2","0",")" + QByteArray::number(i % 7)
                    + "\"]";
            written += file.write(rows);
        }
        file.write("]}}}}");
    }
    ResponseData r = okResponse();
    r.body.clear();
    r.bodyFile = path;

    ResponseViewer viewer;
    viewer.resize(1000, 700);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));

    // The viewer stays responsive while the text comes in: an event posted while it loads (a
    // click, a key) is handled before many more chunks are. Each time a view takes a chunk, a
    // probe event stands for the user's input (one at a time per view); counted, not timed:
    // before it is handled, the view takes at most two more chunks (the loader keeps two in
    // flight), however slow or busy the machine is. How long the UI thread is kept busy is
    // measured in tests/bench/bench_responseviewer.cpp.
    struct Probe
    {
        bool pending = false;
        int chunks = 0;
        int sincePosted = 0;
        int worst = 0;
    };
    Probe rawProbe;
    Probe prettyProbe;
    QObject probeContext;
    const auto watch = [&probeContext](LazyTextView *view, Probe &probe) {
        connect(view, &LazyTextView::textAppended, &probeContext, [&probeContext, &probe] {
            ++probe.chunks;
            if (probe.pending) {
                probe.worst = qMax(probe.worst, ++probe.sincePosted);
                return;
            }
            probe.pending = true;
            probe.sincePosted = 0;
            QMetaObject::invokeMethod(&probeContext, [&probe] { probe.pending = false; },
                                      Qt::QueuedConnection);
        });
    };
    watch(viewer.rawView(), rawProbe);
    watch(viewer.prettyView(), prettyProbe);

    QSignalSpy raw(&viewer, &ResponseViewer::rawLoaded);
    viewer.showResponse(r);
    // Big: opens in streamed Raw; Pretty and Tree wait for "Open anyway".
    QCOMPARE(viewer.currentView(), ResponseViewer::View::Raw);
    QTRY_VERIFY(viewer.rawView()->lineCount() > 0);
    viewer.setCurrentView(ResponseViewer::View::Pretty);
    auto *openAnyway = viewer.findChild<QPushButton *>(u"prettyOpenAnywayPushButton"_qs);
    QVERIFY(openAnyway && openAnyway->isVisible());
    QSignalSpy pretty(&viewer, &ResponseViewer::prettyLoaded);
    QSignalSpy parsed(&viewer, &ResponseViewer::bodyParsed);
    QTest::mouseClick(openAnyway, Qt::LeftButton);
    // The first lines show while the rest is still coming.
    QTRY_VERIFY(viewer.prettyView()->lineCount() > 10);
    QVERIFY(raw.count() || raw.wait(60000));
    QVERIFY(pretty.count() || pretty.wait(60000));
    QVERIFY2(rawProbe.chunks > 20 && prettyProbe.chunks > 20,
             qPrintable(u"%1 Raw and %2 Pretty chunks"_qs.arg(rawProbe.chunks).arg(prettyProbe.chunks)));
    QVERIFY2(rawProbe.worst <= 2 && prettyProbe.worst <= 2,
             qPrintable(u"up to %1 Raw and %2 Pretty chunks before an event posted meanwhile was handled"_qs
                            .arg(rawProbe.worst)
                            .arg(prettyProbe.worst)));
    // Scroll through the whole pretty text.
    QTest::keyClick(viewer.prettyView(), Qt::Key_End);
    QTRY_VERIFY(viewer.prettyView()->firstVisibleLine() > 1'000'000);
    QVERIFY(parsed.count() || parsed.wait(60000));
    viewer.setCurrentView(ResponseViewer::View::Tree);
    QTreeView *tree = viewer.treePanel()->view();
    QTRY_COMPARE(tree->model()->rowCount(), 1);
    tree->expandRecursively(tree->model()->index(0, 0), 3);
    viewer.setCurrentView(ResponseViewer::View::Table);
    QTRY_VERIFY(viewer.findChild<QTableView *>(u"resultsTableView"_qs)->model()->rowCount() > 0);
    // A new response replaces the big one.
    viewer.showResponse(okResponse());
    QTRY_COMPARE(viewer.findChild<QTableView *>(u"resultsTableView"_qs)->model()->rowCount(), 1);
}

void tst_ResponseViewer::twoResponsesAreComparedLineByLine()
{
    ResponseData before = okResponse();
    ResponseData after = okResponse();
    after.body.replace(R"("1","1","2","2")", R"("1","1","3","2")");
    ResponseDiffView diff;
    diff.show();
    QSignalSpy compared(&diff, &ResponseDiffView::compared);
    diff.compare(before, after);
    QVERIFY(compared.wait(5000));
    QCOMPARE(diff.removedLines(), 1);
    QCOMPARE(diff.addedLines(), 1);
    const QString text = diff.diffView()->text();
    const qsizetype minus = text.indexOf(u"\n- "_qs);
    const qsizetype plus = text.indexOf(u"\n+ "_qs);
    QVERIFY2(minus > 0 && plus > minus, qPrintable(text));
    QVERIFY(text.mid(minus, plus - minus).contains(u"\"2\""_qs));
    QVERIFY(text.mid(plus, 40).contains(u"\"3\""_qs));
    QVERIFY(diff.findChild<QLabel *>(u"diffSummaryLabel"_qs)->text().contains(u"1"_qs));
}

QTEST_MAIN(tst_ResponseViewer)
#include "tst_responseviewer.moc"
