// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Time to first content of a large JSON response in the Pretty and Tree views, and the worst
// UI stall while it loads, for 1, 10 and 50 MB. Reference, measured in the same run on the
// same bytes: what a DOM-based viewer does first, QJsonDocument::fromJson on the UI thread
// (its whole duration is a UI stall). Goal (issue 8): first content within 200 ms, no UI-thread
// task over 50 ms.
// bigBodyWalkThrough: the longest UI-thread task and the worst event-loop lateness while a user
// goes through a 50 MB body the way tst_responseviewer does (streamed Raw, "Open anyway",
// scroll to the end, Tree, Table, then a new response that replaces it), against the same
// reference. Goal: no UI-thread task over 50 ms, the event loop never late by 400 ms.

#include "tests/support/tempdir.h"
#include "tests/ui/developer/stallmeter.h"
#include "ui/common/lazytextview.h"
#include "ui/developer/jsontreepanel.h"
#include "ui/developer/responseviewer.h"

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace portico;
using namespace portico::ui;

class bench_ResponseViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstContentAndStalls_data();
    void firstContentAndStalls();
    void bigBodyWalkThrough();
};

namespace {

QByteArray resultsBody(qint64 bytes)
{
    QByteArray body = R"({"Results":{"output1":{"type":"table","value":{"ColumnNames":["Col2","Col2_HashingFeature.0","Col2_HashingFeature.1","Col2_HashingFeature.2"],"ColumnTypes":["String","Int32","Int32","Int32"],"Values":[)";
    body.reserve(bytes + 256);
    for (int i = 0; body.size() < bytes; ++i) {
        if (i)
            body += ',';
        body += R"(["This is a good day number )" + QByteArray::number(i) + R"(","1","2",")"
                + QByteArray::number(i % 7) + "\"]";
    }
    body += "]}}}}";
    return body;
}

} // namespace

void bench_ResponseViewer::firstContentAndStalls_data()
{
    QTest::addColumn<int>("megabytes");
    QTest::newRow("1 MB") << 1;
    QTest::newRow("10 MB") << 10;
    QTest::newRow("50 MB") << 50;
}

void bench_ResponseViewer::firstContentAndStalls()
{
    QFETCH(int, megabytes);
    const QByteArray body = resultsBody(qint64(megabytes) * 1024 * 1024);

    // Reference: a UI-thread parse.
    QElapsedTimer clock;
    clock.start();
    {
        const QJsonDocument document = QJsonDocument::fromJson(body);
        QVERIFY(document.isObject());
    }
    const double referenceMs = double(clock.nsecsElapsed()) / 1e6;

    // Bodies above 8 MiB arrive as a file, as the Try It engine streams them.
    test::TempDir dir;
    ResponseData response;
    response.method = u"POST"_qs;
    response.url = QUrl(u"http://127.0.0.1/bench"_qs);
    response.status = 200;
    response.reason = u"OK"_qs;
    response.headers = { { "Content-Type", "application/json" } };
    if (body.size() > 8 * 1024 * 1024) {
        QFile file(dir.filePath(u"body.json"_qs));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(body);
        response.bodyFile = file.fileName();
    } else {
        response.body = body;
    }

    ResponseViewer viewer;
    viewer.setLargeBodyThreshold(qint64(1) << 40); // Pretty and Tree start at once
    viewer.resize(1000, 700);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QSignalSpy pretty(&viewer, &ResponseViewer::prettyLoaded);
    QSignalSpy parsed(&viewer, &ResponseViewer::bodyParsed);
    // Tree first content: the first time the tree has a row (the top-level outline, or the
    // whole document for small bodies), measured from showResponse().
    double treeFirstMs = -1;
    QAbstractItemModel *treeModel = viewer.treePanel()->view()->model();
    connect(treeModel, &QAbstractItemModel::modelReset, this, [&] {
        if (treeFirstMs < 0 && treeModel->rowCount() > 0) {
            viewer.treePanel()->view()->viewport()->repaint();
            treeFirstMs = double(clock.nsecsElapsed()) / 1e6;
        }
    });
    test::StallMeter meter;
    meter.start();
    clock.restart();
    viewer.showResponse(response);
    viewer.setCurrentView(ResponseViewer::View::Tree); // the user looks at the Tree
    QTRY_VERIFY_WITH_TIMEOUT(viewer.prettyView()->lineCount() > 0, 60000);
    viewer.prettyView()->viewport()->repaint();
    const double prettyFirstMs = double(clock.nsecsElapsed()) / 1e6;
    QVERIFY(pretty.count() || pretty.wait(120000));
    const double prettyAllMs = double(clock.nsecsElapsed()) / 1e6;
    QVERIFY(parsed.count() || parsed.wait(120000));
    viewer.setCurrentView(ResponseViewer::View::Tree);
    viewer.treePanel()->view()->viewport()->repaint();
    const double treeAllMs = double(clock.nsecsElapsed()) / 1e6;
    QCOMPARE(viewer.treePanel()->view()->model()->rowCount(), 1);
    QVERIFY(treeFirstMs > 0);
    QTest::qWait(50);
    meter.stop();

    qInfo("%3d MB | Pretty first lines %7.1f ms (all %7.1f ms) | Tree first content %7.1f ms (whole "
          "document %7.1f ms) | longest UI task %5.1f ms, worst timer lateness %6.1f ms | reference UI-thread "
          "QJsonDocument::fromJson %7.1f ms | ratio longest task / reference %.3f",
          megabytes, prettyFirstMs, prettyAllMs, treeFirstMs, treeAllMs, meter.worstTaskMs(),
          meter.worstLatenessMs(), referenceMs, meter.worstTaskMs() / referenceMs);
}

void bench_ResponseViewer::bigBodyWalkThrough()
{
    const QByteArray body = resultsBody(qint64(50) * 1024 * 1024);

    // Reference: a UI-thread parse of the same bytes.
    QElapsedTimer clock;
    clock.start();
    {
        const QJsonDocument document = QJsonDocument::fromJson(body);
        QVERIFY(document.isObject());
    }
    const double referenceMs = double(clock.nsecsElapsed()) / 1e6;

    test::TempDir dir;
    QFile file(dir.filePath(u"body.json"_qs));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(body), body.size());
    file.close();
    ResponseData response;
    response.method = u"POST"_qs;
    response.url = QUrl(u"http://127.0.0.1/bench"_qs);
    response.status = 200;
    response.reason = u"OK"_qs;
    response.headers = { { "Content-Type", "application/json" } };
    response.bodyFile = file.fileName();
    ResponseData small = response;
    small.bodyFile.clear();
    small.body = resultsBody(1024);

    ResponseViewer viewer; // the default threshold: a 50 MB body opens in streamed Raw
    viewer.resize(1000, 700);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    test::StallMeter meter;
    meter.start();
    clock.restart();
    QSignalSpy raw(&viewer, &ResponseViewer::rawLoaded);
    viewer.showResponse(response);
    QCOMPARE(viewer.currentView(), ResponseViewer::View::Raw);
    QTRY_VERIFY_WITH_TIMEOUT(viewer.rawView()->lineCount() > 0, 60000);
    viewer.setCurrentView(ResponseViewer::View::Pretty);
    auto *openAnyway = viewer.findChild<QPushButton *>(u"prettyOpenAnywayPushButton"_qs);
    QVERIFY(openAnyway && openAnyway->isVisible());
    QSignalSpy pretty(&viewer, &ResponseViewer::prettyLoaded);
    QSignalSpy parsed(&viewer, &ResponseViewer::bodyParsed);
    QTest::mouseClick(openAnyway, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(viewer.prettyView()->lineCount() > 10, 60000);
    QVERIFY(raw.count() || raw.wait(120000));
    QVERIFY(pretty.count() || pretty.wait(120000));
    QTest::keyClick(viewer.prettyView(), Qt::Key_End);
    QTest::qWait(20);
    QVERIFY(viewer.prettyView()->firstVisibleLine() > 1'000'000);
    QVERIFY(parsed.count() || parsed.wait(120000));
    viewer.setCurrentView(ResponseViewer::View::Tree);
    QTreeView *tree = viewer.treePanel()->view();
    QTRY_COMPARE(tree->model()->rowCount(), 1);
    tree->expandRecursively(tree->model()->index(0, 0), 3);
    QTest::qWait(20);
    viewer.setCurrentView(ResponseViewer::View::Table);
    QTRY_VERIFY(viewer.findChild<QTableView *>(u"resultsTableView"_qs)->model()->rowCount() > 0);
    QTest::qWait(50);
    // A new response replaces the big one; freeing it must not block either.
    viewer.showResponse(small);
    QTest::qWait(200);
    meter.stop();
    const double walkMs = double(clock.nsecsElapsed()) / 1e6;

    qInfo("50 MB walk-through (Raw, Open anyway, scroll, Tree, Table, replace) %7.1f ms | longest UI "
          "task %5.1f ms (goal < 50), worst timer lateness %6.1f ms (goal < 400) | reference UI-thread "
          "QJsonDocument::fromJson %7.1f ms | ratio longest task / reference %.3f, lateness / reference %.3f",
          walkMs, meter.worstTaskMs(), meter.worstLatenessMs(), referenceMs,
          meter.worstTaskMs() / referenceMs, meter.worstLatenessMs() / referenceMs);
}

QTEST_MAIN(bench_ResponseViewer)
#include "bench_responseviewer.moc"
