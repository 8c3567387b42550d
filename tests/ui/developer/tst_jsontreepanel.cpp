// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "ui/common/workerchannel.h"
#include "ui/developer/jsonoutline.h"
#include "ui/developer/jsontreemodel.h"
#include "ui/developer/jsontreepanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <memory>

using namespace portico::ui;

// The Tree view of the response viewer as a user drives it: typing into the search box,
// Next/Previous, Copy Path / Copy Value, and documents arriving (outline first, then the
// whole parse) while a search runs on the worker pool.
class tst_JsonTreePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void searchShowsTheCountAndLeadsToTheFirstMatch_data();
    void searchShowsTheCountAndLeadsToTheFirstMatch();
    void nextAndPreviousWalkTheMatchesAndWrapAround();
    void clearingTheSearchForgetsTheMatches();
    void typingANewSearchForgetsTheOldMatches();
    void newDocumentDropsTheResultOfAStaleSearch_data();
    void newDocumentDropsTheResultOfAStaleSearch();
    void outlineMakesTheSearchWaitForTheWholeDocument_data();
    void outlineMakesTheSearchWaitForTheWholeDocument();
    void copyPutsThePathAndTheValueOnTheClipboard_data();
    void copyPutsThePathAndTheValueOnTheClipboard();
    void matchLimitIsNamedOnlyWhenThereAreMoreMatches_data();
    void matchLimitIsNamedOnlyWhenThereAreMoreMatches();
    void numbersReadAsInTheResponse_data();
    void numbersReadAsInTheResponse();
    void bigDocumentStaysSearchable();
};

namespace {

// Object keys are kept sorted by Qt, so document order is Results, meta, n, "odd key", ok.
// "day" matches three items: Values[0][0], Values[1][0] and meta.day (key and value).
const QByteArray responseText = R"({"Results":{"output1":{"type":"table","value":{
    "ColumnNames":["Col1","Col2"],"ColumnTypes":["String","Int32"],
    "Values":[["good day","1"],["bad day","2"]]}}},
    "meta":{"day":"Monday"},"n":2.5,"odd key":{"it's":null},"ok":true})";

QJsonDocument response()
{
    return QJsonDocument::fromJson(responseText);
}

// The widget as a user sees it, shown on the offscreen platform.
struct Ui
{
    JsonTreePanel panel;
    QLineEdit *search = nullptr;
    QLabel *matchLabel = nullptr;
    QToolButton *next = nullptr;
    QToolButton *previous = nullptr;
    QToolButton *copyPath = nullptr;
    QTreeView *view = nullptr;
    std::unique_ptr<QSignalSpy> finished;

    Ui()
    {
        search = panel.findChild<QLineEdit *>(u"treeSearchLineEdit"_qs);
        matchLabel = panel.findChild<QLabel *>(u"treeMatchLabel"_qs);
        next = panel.findChild<QToolButton *>(u"nextMatchToolButton"_qs);
        previous = panel.findChild<QToolButton *>(u"previousMatchToolButton"_qs);
        copyPath = panel.findChild<QToolButton *>(u"copyPathToolButton"_qs);
        view = panel.findChild<QTreeView *>(u"jsonTreeView"_qs);
        finished = std::make_unique<QSignalSpy>(&panel, &JsonTreePanel::searchFinished);
        panel.resize(900, 600);
        panel.show();
    }

    bool complete() const { return search && matchLabel && next && previous && copyPath && view; }

    // Replaces the search text by typing, as a user does (select all, type over it).
    void type(const QString &text)
    {
        finished->clear();
        QTest::keyClick(search, Qt::Key_A, Qt::ControlModifier);
        if (text.isEmpty())
            QTest::keyClick(search, Qt::Key_Backspace);
        else
            QTest::keyClicks(search, text);
    }

    // Waits for the search the last typing started.
    bool searched() { return !finished->isEmpty() || finished->wait(30000); }

    QString currentPath() const
    {
        const QModelIndex index = view->currentIndex();
        return index.isValid() ? panel.model()->jsonPath(index) : QString();
    }

    // The current item is selected, every item above it is expanded and it is scrolled into
    // view: what the user needs to see the match.
    bool currentIsShown() const
    {
        const QModelIndex index = view->currentIndex();
        if (!index.isValid() || !view->selectionModel()->isRowSelected(index.row(), index.parent()))
            return false;
        for (QModelIndex up = index.parent(); up.isValid(); up = up.parent()) {
            if (!view->isExpanded(up))
                return false;
        }
        return view->viewport()->rect().intersects(view->visualRect(index));
    }

    QTimer *searchDelay() const
    {
        const auto timers = panel.findChildren<QTimer *>(QString(), Qt::FindDirectChildrenOnly);
        return timers.size() == 1 ? timers.first() : nullptr;
    }
};

// Occupies every thread of the UI worker pool, so that a search the panel starts stays
// queued until release(): the state of a busy machine, made deterministic.
class PoolBlocker
{
public:
    PoolBlocker()
        : m_threads(workerPool()->maxThreadCount())
    {
        for (int i = 0; i < m_threads; ++i) {
            workerPool()->start([this] {
                m_running.release();
                m_gate.acquire();
                m_done.release();
            });
        }
        m_running.acquire(m_threads);
    }
    ~PoolBlocker()
    {
        release();
        m_done.acquire(m_threads);
    }

    void release()
    {
        if (m_released)
            return;
        m_released = true;
        m_gate.release(m_threads);
    }

private:
    int m_threads;
    bool m_released = false;
    QSemaphore m_running;
    QSemaphore m_gate;
    QSemaphore m_done;
};

QJsonDocument arrayOf(int count, const QString &text)
{
    QJsonArray array;
    for (int i = 0; i < count; ++i)
        array.append(text);
    return QJsonDocument(array);
}

} // namespace

void tst_JsonTreePanel::searchShowsTheCountAndLeadsToTheFirstMatch_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("firstPath");

    QTest::newRow("value in nested arrays")
        << u"day"_qs << u"1 of 3"_qs << u"$.Results.output1.value.Values[0][0]"_qs;
    QTest::newRow("case does not matter")
        << u"DAY"_qs << u"1 of 3"_qs << u"$.Results.output1.value.Values[0][0]"_qs;
    QTest::newRow("key of a container")
        << u"columnnames"_qs << u"1 of 1"_qs << u"$.Results.output1.value.ColumnNames"_qs;
    QTest::newRow("number") << u"2.5"_qs << u"1 of 1"_qs << u"$.n"_qs;
    QTest::newRow("null and quoted key")
        << u"null"_qs << u"1 of 1"_qs << u"$['odd key']['it\\'s']"_qs;
    QTest::newRow("boolean") << u"true"_qs << u"1 of 1"_qs << u"$.ok"_qs;
    QTest::newRow("nothing") << u"zebra"_qs << u"No matches"_qs << QString();
}

void tst_JsonTreePanel::searchShowsTheCountAndLeadsToTheFirstMatch()
{
    QFETCH(QString, needle);
    QFETCH(QString, label);
    QFETCH(QString, firstPath);

    Ui ui;
    QVERIFY(ui.complete());
    ui.panel.setDocument(response());
    ui.type(needle);
    QVERIFY(ui.searched());
    QCOMPARE(ui.matchLabel->text(), label);
    if (firstPath.isEmpty()) {
        QCOMPARE(ui.panel.matchCount(), 0);
        QVERIFY(ui.view->selectionModel()->selectedRows().isEmpty());
        return;
    }
    QCOMPARE(ui.currentPath(), firstPath);
    QTRY_VERIFY(ui.currentIsShown());
}

void tst_JsonTreePanel::nextAndPreviousWalkTheMatchesAndWrapAround()
{
    Ui ui;
    QVERIFY(ui.complete());
    ui.panel.setDocument(response());
    ui.type(u"day"_qs);
    QVERIFY(ui.searched());
    QCOMPARE(ui.matchLabel->text(), u"1 of 3"_qs);

    const QString first = u"$.Results.output1.value.Values[0][0]"_qs;
    const QString second = u"$.Results.output1.value.Values[1][0]"_qs;
    const QString third = u"$.meta.day"_qs;
    enum Step { Next, Previous, Return };
    const struct
    {
        Step step;
        QString label;
        QString path;
    } walk[] = {
        { Next, u"2 of 3"_qs, second },
        { Next, u"3 of 3"_qs, third },
        { Next, u"1 of 3"_qs, first }, // wraps at the end
        { Previous, u"3 of 3"_qs, third }, // wraps at the start
        { Previous, u"2 of 3"_qs, second },
        { Return, u"3 of 3"_qs, third },
    };
    for (const auto &s : walk) {
        if (s.step == Return)
            QTest::keyClick(ui.search, Qt::Key_Return);
        else
            QTest::mouseClick(s.step == Next ? ui.next : ui.previous, Qt::LeftButton);
        QCOMPARE(ui.matchLabel->text(), s.label);
        QCOMPARE(ui.currentPath(), s.path);
        QTRY_VERIFY(ui.currentIsShown());
    }
}

void tst_JsonTreePanel::clearingTheSearchForgetsTheMatches()
{
    Ui ui;
    QVERIFY(ui.complete());
    ui.panel.setDocument(response());
    ui.type(u"day"_qs);
    QVERIFY(ui.searched());
    QCOMPARE(ui.panel.matchCount(), 3);

    ui.type(QString());
    QVERIFY(ui.searched());
    QCOMPARE(ui.matchLabel->text(), QString());
    QCOMPARE(ui.panel.matchCount(), 0);
    // Next and Previous have nothing to go to: the selection stays where the user left it.
    const QString before = ui.currentPath();
    QTest::mouseClick(ui.next, Qt::LeftButton);
    QTest::mouseClick(ui.previous, Qt::LeftButton);
    QCOMPARE(ui.currentPath(), before);
    QCOMPARE(ui.matchLabel->text(), QString());
}

void tst_JsonTreePanel::typingANewSearchForgetsTheOldMatches()
{
    Ui ui;
    QVERIFY(ui.complete());
    ui.panel.setDocument(response());
    ui.type(u"day"_qs);
    QVERIFY(ui.searched());
    QCOMPARE(ui.matchLabel->text(), u"1 of 3"_qs);
    const QString first = ui.currentPath();

    // Before the typing delay is over, the label and Next no longer speak of "day".
    ui.type(u"monday"_qs);
    QCOMPARE(ui.matchLabel->text(), QString());
    QTest::mouseClick(ui.next, Qt::LeftButton);
    QCOMPARE(ui.matchLabel->text(), QString());
    QCOMPARE(ui.currentPath(), first);
    QVERIFY(ui.searched());
    QCOMPARE(ui.matchLabel->text(), u"1 of 1"_qs);
    QCOMPARE(ui.currentPath(), u"$.meta.day"_qs);

    // Return right after typing searches at once instead of waiting for the delay.
    ui.type(u"bad"_qs);
    QTest::keyClick(ui.search, Qt::Key_Return);
    QCOMPARE(ui.matchLabel->text(), u"Searching…"_qs);
    QVERIFY(ui.searched());
    QCOMPARE(ui.finished->size(), 1);
    QCOMPARE(ui.matchLabel->text(), u"1 of 1"_qs);
    QCOMPARE(ui.currentPath(), u"$.Results.output1.value.Values[1][0]"_qs);
}

void tst_JsonTreePanel::newDocumentDropsTheResultOfAStaleSearch_data()
{
    QTest::addColumn<bool>("searchDoneBeforeNewDocument");
    // The worker has not started yet when the new document arrives: it is cancelled.
    QTest::newRow("search still queued") << false;
    // The worker finished and posted its result, which has not been handled yet.
    QTest::newRow("result already posted") << true;
}

void tst_JsonTreePanel::newDocumentDropsTheResultOfAStaleSearch()
{
    QFETCH(bool, searchDoneBeforeNewDocument);

    Ui ui;
    QVERIFY(ui.complete());
    ui.panel.setDocument(response());
    auto blocker = std::make_unique<PoolBlocker>();
    ui.type(u"day"_qs);
    QTRY_COMPARE(ui.matchLabel->text(), u"Searching…"_qs);
    if (searchDoneBeforeNewDocument) {
        blocker->release();
        workerPool()->waitForDone();
    }
    // The next response: "day" is only in one place, which the old document does not have.
    ui.panel.setDocument(QJsonDocument(QJsonObject { { u"other"_qs, u"day one"_qs } }));
    blocker.reset();

    QVERIFY(ui.searched());
    QCOMPARE(ui.finished->size(), 1);
    QCOMPARE(ui.matchLabel->text(), u"1 of 1"_qs);
    QCOMPARE(ui.panel.matchCount(), 1);
    QCOMPARE(ui.currentPath(), u"$.other"_qs);
}

void tst_JsonTreePanel::outlineMakesTheSearchWaitForTheWholeDocument_data()
{
    QTest::addColumn<bool>("searchSettledFirst");
    // The user searched the previous response, then sent again: the outline of the new one
    // arrives first.
    QTest::newRow("after a finished search") << true;
    // The outline arrives while the search box's typing delay is still running.
    QTest::newRow("while the user types") << false;
}

void tst_JsonTreePanel::outlineMakesTheSearchWaitForTheWholeDocument()
{
    QFETCH(bool, searchSettledFirst);

    Ui ui;
    QVERIFY(ui.complete());
    ui.panel.setDocument(QJsonDocument(QJsonObject { { u"day"_qs, 1 } }));
    ui.type(u"day"_qs);
    if (searchSettledFirst) {
        QVERIFY(ui.searched());
        QCOMPARE(ui.matchLabel->text(), u"1 of 1"_qs);
        ui.finished->clear();
    }

    // What the response viewer does while the whole document is parsed.
    QJsonDocument outline;
    scanJsonOutline(responseText, [&outline](const QJsonDocument &o) { outline = o; });
    QVERIFY(outline.isObject());
    ui.panel.setOutline(outline);
    QVERIFY(!ui.search->isEnabled());
    QCOMPARE(ui.search->text(), u"day"_qs);
    QCOMPARE(ui.matchLabel->text(), QString());
    QCOMPARE(ui.panel.matchCount(), 0);

    // Nothing is searched in the outline: once the typing delay is over and the pool is idle,
    // no result has come and the label is still empty.
    QTimer *delay = ui.searchDelay();
    QVERIFY(delay);
    QTRY_VERIFY(!delay->isActive());
    workerPool()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(ui.finished->size(), 0);
    QCOMPARE(ui.matchLabel->text(), QString());

    ui.panel.setDocument(response());
    QVERIFY(ui.search->isEnabled());
    QVERIFY(ui.searched());
    QCOMPARE(ui.matchLabel->text(), u"1 of 3"_qs);
    QCOMPARE(ui.currentPath(), u"$.Results.output1.value.Values[0][0]"_qs);
    QTRY_VERIFY(ui.currentIsShown());
}

void tst_JsonTreePanel::copyPutsThePathAndTheValueOnTheClipboard_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value");

    QTest::newRow("nested array") << u"ColumnNames"_qs << u"$.Results.output1.value.ColumnNames"_qs
                                  << u"[\"Col1\",\"Col2\"]"_qs;
    QTest::newRow("nested object") << u"output1"_qs << u"$.Results.output1"_qs
                                   << u"{\"type\":\"table\",\"value\":{\"ColumnNames\":[\"Col1\","
                                      "\"Col2\"],\"ColumnTypes\":[\"String\",\"Int32\"],\"Values\":"
                                      "[[\"good day\",\"1\"],[\"bad day\",\"2\"]]}}"_qs;
    QTest::newRow("array element")
        << u"bad day"_qs << u"$.Results.output1.value.Values[1][0]"_qs << u"\"bad day\""_qs;
    QTest::newRow("number") << u"2.5"_qs << u"$.n"_qs << u"2.5"_qs;
    QTest::newRow("quoted keys") << u"it's"_qs << u"$['odd key']['it\\'s']"_qs << u"null"_qs;
}

void tst_JsonTreePanel::copyPutsThePathAndTheValueOnTheClipboard()
{
    QFETCH(QString, needle);
    QFETCH(QString, path);
    QFETCH(QString, value);

    Ui ui;
    QVERIFY(ui.complete());
    ui.panel.setDocument(response());
    ui.type(needle);
    QVERIFY(ui.searched());
    QCOMPARE(ui.currentPath(), path);
    QClipboard *clipboard = QApplication::clipboard();

    clipboard->clear();
    QTest::mouseClick(ui.copyPath, Qt::LeftButton);
    QCOMPARE(clipboard->text(), path);

    // The same two commands in the tree's context menu.
    auto *copyPathAction = ui.view->findChild<QAction *>(u"copyJsonPathAction"_qs);
    auto *copyValueAction = ui.view->findChild<QAction *>(u"copyJsonValueAction"_qs);
    QVERIFY(copyPathAction && copyValueAction);
    QVERIFY(ui.view->actions().contains(copyPathAction));
    QVERIFY(ui.view->actions().contains(copyValueAction));
    clipboard->clear();
    copyPathAction->trigger();
    QCOMPARE(clipboard->text(), path);
    clipboard->clear();
    copyValueAction->trigger();
    QCOMPARE(clipboard->text(), value);

    // Ctrl+C in the tree copies the value.
    ui.panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&ui.panel));
    ui.view->setFocus();
    QTRY_VERIFY(ui.view->hasFocus());
    clipboard->clear();
    QTest::keySequence(ui.view, QKeySequence::Copy);
    QCOMPARE(clipboard->text(), value);
}

void tst_JsonTreePanel::matchLimitIsNamedOnlyWhenThereAreMoreMatches_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("lastLabel");

    QTest::newRow("below the limit") << 9999 << u"1 of 9999"_qs << u"9999 of 9999"_qs;
    QTest::newRow("exactly the limit") << 10000 << u"1 of 10000"_qs << u"10000 of 10000"_qs;
    QTest::newRow("above the limit")
        << 10001 << u"1 of more than 10000"_qs << u"10000 of more than 10000"_qs;
}

void tst_JsonTreePanel::matchLimitIsNamedOnlyWhenThereAreMoreMatches()
{
    QFETCH(int, count);
    QFETCH(QString, label);
    QFETCH(QString, lastLabel);

    Ui ui;
    QVERIFY(ui.complete());
    ui.panel.setDocument(arrayOf(count, u"hit"_qs));
    ui.type(u"hit"_qs);
    QVERIFY(ui.searched());
    QCOMPARE(ui.matchLabel->text(), label);
    QTest::mouseClick(ui.previous, Qt::LeftButton);
    QCOMPARE(ui.matchLabel->text(), lastLabel);
    QTRY_VERIFY(ui.currentIsShown());
}

void tst_JsonTreePanel::numbersReadAsInTheResponse_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<QString>("shown");

    // Scores and probabilities: what the user reads in the response is what the tree shows,
    // what the search finds and what Copy Value gives, not the 17-digit expansion of the double.
    QTest::newRow("0.3") << QByteArray("0.3") << u"0.3"_qs;
    QTest::newRow("0.1") << QByteArray("0.1") << u"0.1"_qs;
    QTest::newRow("2.675") << QByteArray("2.675") << u"2.675"_qs;
    QTest::newRow("negative") << QByteArray("-0.25") << u"-0.25"_qs;
    QTest::newRow("integer") << QByteArray("1234567") << u"1234567"_qs;
    // Above 2^53: Qt keeps it as an integer, so it reads as written.
    QTest::newRow("big integer") << QByteArray("9007199254740993") << u"9007199254740993"_qs;
}

void tst_JsonTreePanel::numbersReadAsInTheResponse()
{
    QFETCH(QByteArray, number);
    QFETCH(QString, shown);

    Ui ui;
    QVERIFY(ui.complete());
    ui.panel.setDocument(QJsonDocument::fromJson("{\"scores\":[\"label\"," + number + "]}"));
    ui.type(shown);
    QVERIFY(ui.searched());
    QCOMPARE(ui.matchLabel->text(), u"1 of 1"_qs);
    QCOMPARE(ui.currentPath(), u"$.scores[1]"_qs);
    QCOMPARE(ui.view->currentIndex().siblingAtColumn(1).data().toString(), shown);
    ui.view->findChild<QAction *>(u"copyJsonValueAction"_qs)->trigger();
    QCOMPARE(QApplication::clipboard()->text(), shown);
}

void tst_JsonTreePanel::bigDocumentStaysSearchable()
{
    constexpr int size = 200000;
    QJsonArray items;
    for (int i = 0; i < size; ++i)
        items.append(QJsonObject { { u"id"_qs, i }, { u"name"_qs, u"item %1"_qs.arg(i) } });

    Ui ui;
    QVERIFY(ui.complete());
    ui.panel.setDocument(QJsonDocument(items));

    // The search runs off the UI thread: with the worker pool held busy, the panel says it is
    // searching and the user can go on typing; only the last text is searched.
    auto blocker = std::make_unique<PoolBlocker>();
    ui.type(u"item 1"_qs);
    QTRY_COMPARE(ui.matchLabel->text(), u"Searching…"_qs);
    QTest::keyClicks(ui.search, u"9999"_qs);
    QCOMPARE(ui.search->text(), u"item 19999"_qs);
    QTRY_COMPARE(ui.matchLabel->text(), u"Searching…"_qs);
    QTest::keyClick(ui.search, Qt::Key_9);
    QTRY_COMPARE(ui.matchLabel->text(), u"Searching…"_qs);
    QCOMPARE(ui.finished->size(), 0);
    blocker.reset();

    // The last item, deep inside the range groups.
    QVERIFY(ui.searched());
    QCOMPARE(ui.finished->size(), 1);
    QCOMPARE(ui.matchLabel->text(), u"1 of 1"_qs);
    QCOMPARE(ui.currentPath(), u"$[199999].name"_qs);
    QCOMPARE(ui.view->currentIndex().siblingAtColumn(1).data().toString(), u"item 199999"_qs);
    QCOMPARE(ui.view->currentIndex().parent().parent().data().toString(), u"[199000 … 199999]"_qs);
    QTRY_VERIFY(ui.currentIsShown());

    // item 1999, item 19990…19999, item 199900…199999.
    ui.type(u"item 1999"_qs);
    QVERIFY(ui.searched());
    QCOMPARE(ui.matchLabel->text(), u"1 of 111"_qs);
    QCOMPARE(ui.currentPath(), u"$[1999].name"_qs);
    QTest::mouseClick(ui.previous, Qt::LeftButton);
    QCOMPARE(ui.matchLabel->text(), u"111 of 111"_qs);
    QCOMPARE(ui.currentPath(), u"$[199999].name"_qs);
    QTRY_VERIFY(ui.currentIsShown());

    // Every item matches: the count is capped, the walk still works.
    ui.type(u"item"_qs);
    QVERIFY(ui.searched());
    QCOMPARE(ui.matchLabel->text(), u"1 of more than 10000"_qs);
    QCOMPARE(ui.currentPath(), u"$[0].name"_qs);
    QTest::mouseClick(ui.next, Qt::LeftButton);
    QCOMPARE(ui.matchLabel->text(), u"2 of more than 10000"_qs);
    QCOMPARE(ui.currentPath(), u"$[1].name"_qs);

    QApplication::clipboard()->clear();
    QTest::mouseClick(ui.copyPath, Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), u"$[1].name"_qs);
}

QTEST_MAIN(tst_JsonTreePanel)
#include "tst_jsontreepanel.moc"
