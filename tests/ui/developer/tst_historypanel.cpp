// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The Try It history panel over a real history file: deleting the selected sends and clearing
// the whole history (after the user confirms) remove them from the list the user sees and
// from the database files, which shrink; the panel says how much history it keeps.

#include "core/tryit/tryithistory.h"
#include "tests/support/tempdir.h"
#include "ui/common/lazytextview.h"
#include "ui/common/decisions.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/historypanel.h"
#include "ui/developer/responsediffview.h"
#include "ui/developer/responseviewer.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>
#include <QTreeWidget>

using namespace portico;

namespace {

core::TryItRequest request(const QString &operation)
{
    core::TryItRequest r;
    r.apiId = u"azureml-demo-api"_qs;
    r.operationId = operation;
    r.operationName = operation;
    r.method = "POST";
    r.gatewayUrl = QUrl(u"http://127.0.0.1:8471"_qs);
    r.apiPath = u"azureml-demo"_qs;
    r.urlTemplate = u"/score"_qs;
    return r;
}

core::TryItResponse response(const QByteArray &body)
{
    core::TryItResponse r;
    r.status = 200;
    r.reason = "OK";
    r.headers = { { "Content-Type", "application/json" } };
    r.body = body;
    r.bodySize = body.size();
    r.totalMs = 12;
    return r;
}

} // namespace

class tst_HistoryPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void deleteRemovesTheSelectedSendsFromListAndFile();
    void clearAllAsksFirstAndEmptiesTheFile();
    void deletingLargeSendsShrinksTheFile();
    void reopenedCutBodySaysHistoryKeptOnlyPart();
    void saysHowMuchHistoryItKeeps();

private:
    void record(const QString &operation, const QByteArray &body, int second);
    QTreeWidget *list() const { return m_panel->findChild<QTreeWidget *>(u"historyTreeWidget"_qs); }
    QPushButton *button(const QString &name) const { return m_panel->findChild<QPushButton *>(name); }

    // The history's files on disk together (database, WAL, shared memory).
    qint64 filesSize() const;

    std::unique_ptr<test::TempDir> m_dir;
    std::unique_ptr<core::TryItHistory> m_history;
    std::unique_ptr<ui::HistoryPanel> m_panel;
    QDateTime m_t0;
};

void tst_HistoryPanel::init()
{
    m_dir = std::make_unique<test::TempDir>();
    m_history = std::make_unique<core::TryItHistory>();
    QVERIFY(m_history->open(m_dir->filePath(u"history.sqlite"_qs)).ok());
    m_t0 = QDateTime::currentDateTimeUtc();
    record(u"first"_qs, "{\"diagnosis\":\"first-private-result\"}", 0);
    record(u"second"_qs, "{\"diagnosis\":\"second-private-result\"}", 1);
    record(u"third"_qs, "{\"diagnosis\":\"third-kept-result\"}", 2);
    m_panel = std::make_unique<ui::HistoryPanel>();
    m_panel->setHistory(m_history.get());
    m_panel->resize(800, 400);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void tst_HistoryPanel::cleanup()
{
    m_panel.reset();
    m_history.reset();
    m_dir.reset();
    QCOMPARE(ui::decisions::pendingPreAnswers(), 0);
}

void tst_HistoryPanel::record(const QString &operation, const QByteArray &body, int second)
{
    QVERIFY(m_history->record(request(operation), response(body), m_t0.addSecs(second)).ok());
}

void tst_HistoryPanel::deleteRemovesTheSelectedSendsFromListAndFile()
{
    QCOMPARE(m_panel->entryCount(), 3);
    QVERIFY(m_dir->readAllFiles().contains("second-private-result"));
    QPushButton *remove = button(u"historyDeletePushButton"_qs);
    QVERIFY(remove);
    QVERIFY(!remove->isEnabled()); // nothing selected yet

    // Newest first: rows 1 and 2 are "second" and "first".
    list()->topLevelItem(1)->setSelected(true);
    list()->topLevelItem(2)->setSelected(true);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(m_panel->entryCount(), 1);
    QCOMPARE(list()->topLevelItem(0)->text(2), u"third"_qs);
    QCOMPARE(m_history->count().value(), qint64(1));
    QByteArray files = m_dir->readAllFiles();
    QVERIFY(!files.contains("first-private-result"));
    QVERIFY(!files.contains("second-private-result"));
    QVERIFY(files.contains("third-kept-result"));

    // The Delete key on the list does the same.
    list()->setFocus();
    list()->setCurrentItem(list()->topLevelItem(0));
    QTest::keyClick(list(), Qt::Key_Delete);
    QCOMPARE(m_panel->entryCount(), 0);
    QVERIFY(!m_dir->readAllFiles().contains("third-kept-result"));
    QVERIFY(!remove->isEnabled());
}

void tst_HistoryPanel::clearAllAsksFirstAndEmptiesTheFile()
{
    QPushButton *clear = button(u"historyClearPushButton"_qs);
    QVERIFY(clear && clear->isEnabled());

    ui::decisions::preAnswer(false); // the user cancels: nothing is deleted
    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_COMPARE(ui::decisions::pendingPreAnswers(), 0);
    QTest::qWait(50);
    QCOMPARE(m_panel->entryCount(), 3);
    QCOMPARE(m_history->count().value(), qint64(3));

    ui::decisions::preAnswer(true);
    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_COMPARE(m_panel->entryCount(), 0);
    QCOMPARE(m_history->count().value(), qint64(0));
    const QByteArray files = m_dir->readAllFiles();
    for (const char *text : { "first-private-result", "second-private-result", "third-kept-result" })
        QVERIFY2(!files.contains(text), text);
    QVERIFY(!clear->isEnabled());
}

qint64 tst_HistoryPanel::filesSize() const
{
    qint64 size = 0;
    QDirIterator it(m_dir->path(), QDir::Files | QDir::Hidden);
    while (it.hasNext())
        size += QFileInfo(it.next()).size();
    return size;
}

void tst_HistoryPanel::reopenedCutBodySaysHistoryKeptOnlyPart()
{
    // History keeps the first MiB of a body and none of one over 8 MiB; re-opened, the viewer
    // must not pass the kept part off as the whole body.
    const QByteArray row = "{\"Scored Labels\":\"positive\"},";
    const QByteArray twoMb = '[' + row.repeated(2 * 1024 * 1024 / row.size()) + "{}]";
    record(u"two-mb"_qs, twoMb, 10);
    // Over 8 MiB the engine streams the body to a file, of which history keeps nothing.
    core::TryItResponse streamed = response({});
    streamed.bodyFile = std::make_shared<QTemporaryFile>();
    QVERIFY(streamed.bodyFile->open());
    const QByteArray nineMb = '[' + row.repeated(9 * 1024 * 1024 / row.size()) + "{}]";
    QCOMPARE(streamed.bodyFile->write(nineMb), nineMb.size());
    streamed.bodyFile->flush();
    streamed.bodySize = nineMb.size();
    QVERIFY(m_history->record(request(u"nine-mb"_qs), streamed, m_t0.addSecs(11)).ok());
    m_panel->setHistory(m_history.get());
    QCOMPARE(m_panel->entryCount(), 5);
    QCOMPARE(list()->topLevelItem(1)->text(2), u"two-mb"_qs);
    QCOMPARE(list()->topLevelItem(0)->text(2), u"nine-mb"_qs);

    QSignalSpy reopened(m_panel.get(), &ui::HistoryPanel::reopenRequested);
    ui::ResponseViewer viewer;
    viewer.resize(900, 600);
    viewer.show();
    auto *notice = viewer.findChild<QLabel *>(u"truncatedBodyNoticeLabel"_qs);
    auto *save = viewer.findChild<QPushButton *>(u"saveBodyPushButton"_qs);

    list()->setCurrentItem(list()->topLevelItem(1));
    QTest::mouseClick(button(u"historyReopenPushButton"_qs), Qt::LeftButton);
    QCOMPARE(reopened.count(), 1);
    const auto twoMbEntry = reopened.takeFirst().at(0).value<core::HistoryEntry>();
    QSignalSpy prettyLoaded(&viewer, &ui::ResponseViewer::prettyLoaded);
    QSignalSpy parsed(&viewer, &ui::ResponseViewer::bodyParsed);
    viewer.showResponse(ui::DeveloperController::fromHistory(twoMbEntry));
    // The kept part of a JSON body cannot parse whole, yet Pretty still indents it, and its note
    // blames the cut rather than calling the body invalid.
    QVERIFY(prettyLoaded.count() || prettyLoaded.wait(60000));
    QVERIFY(parsed.count() || parsed.wait(60000));
    QVERIFY2(viewer.prettyView()->text().startsWith(u"[\n  {\n    \"Scored Labels\": \"positive\""_qs),
             qPrintable(viewer.prettyView()->text().left(80)));
    auto *prettyNote = viewer.findChild<QLabel *>(u"prettyNoteLabel"_qs);
    QVERIFY(prettyNote && prettyNote->isVisible());
    QVERIFY2(prettyNote->text().contains(u"History cut this body"_qs), qPrintable(prettyNote->text()));
    QVERIFY(notice && notice->isVisible());
    QVERIFY2(notice->text().startsWith(u"History kept only the first 1"_qs), qPrintable(notice->text()));
    QVERIFY(save->isEnabled());
    QCOMPARE(save->text(), u"Save Kept Part…"_qs);
    QVERIFY(save->toolTip().contains(u"only the part of the body that history kept"_qs));

    list()->setCurrentItem(list()->topLevelItem(0));
    QTest::mouseClick(button(u"historyReopenPushButton"_qs), Qt::LeftButton);
    QCOMPARE(reopened.count(), 1);
    const auto nineMbEntry = reopened.takeFirst().at(0).value<core::HistoryEntry>();
    viewer.showResponse(ui::DeveloperController::fromHistory(nineMbEntry));
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().startsWith(u"History kept none of this body"_qs), qPrintable(notice->text()));
    QVERIFY(!save->isEnabled()); // nothing to save: an empty file would pass for the body

    // Comparing a cut body says that only the kept parts were compared.
    ui::ResponseDiffView diff;
    QSignalSpy compared(&diff, &ui::ResponseDiffView::compared);
    const auto all = m_history->list();
    QVERIFY(all.ok());
    const auto first = m_history->load(all->last().id);
    QVERIFY(first.ok());
    diff.compare(ui::DeveloperController::fromHistory(*first), ui::DeveloperController::fromHistory(twoMbEntry));
    QVERIFY(compared.wait(60000));
    QVERIFY2(diff.findChild<QLabel *>(u"diffSummaryLabel"_qs)->text().contains(u"only the kept parts"_qs),
             qPrintable(diff.findChild<QLabel *>(u"diffSummaryLabel"_qs)->text()));
}

void tst_HistoryPanel::deletingLargeSendsShrinksTheFile()
{
    // Three scoring results of 600 KiB each, recognisable in the file.
    for (int i = 0; i < 3; ++i) {
        const QByteArray marker = "large-scoring-result-" + QByteArray::number(i) + '|';
        record(u"large"_qs, marker.repeated(600 * 1024 / marker.size()), 10 + i);
    }
    m_panel->reload();
    QCOMPARE(m_panel->entryCount(), 6);
    const qint64 full = filesSize();
    QVERIFY2(full > 3 * 600 * 1024, qPrintable(QString::number(full)));

    // Delete the two newest large ones: their space goes back, their bytes are gone.
    list()->topLevelItem(0)->setSelected(true);
    list()->topLevelItem(1)->setSelected(true);
    QTest::mouseClick(button(u"historyDeletePushButton"_qs), Qt::LeftButton);
    QCOMPARE(m_panel->entryCount(), 4);
    const qint64 afterDelete = filesSize();
    QVERIFY2(afterDelete < 600 * 1024 + 256 * 1024, qPrintable(u"%1 -> %2"_qs.arg(full).arg(afterDelete)));
    QByteArray files = m_dir->readAllFiles();
    QVERIFY(!files.contains("large-scoring-result-2|"));
    QVERIFY(!files.contains("large-scoring-result-1|"));
    QVERIFY(files.contains("large-scoring-result-0|"));

    // Clear all leaves a few pages (and SQLite's 32 KiB shared-memory index), not 1.8 MiB.
    ui::decisions::preAnswer(true);
    QTest::mouseClick(button(u"historyClearPushButton"_qs), Qt::LeftButton);
    QTRY_COMPARE(m_panel->entryCount(), 0);
    const qint64 afterClear = filesSize();
    QVERIFY2(afterClear < 128 * 1024, qPrintable(QString::number(afterClear)));
    QVERIFY(!m_dir->readAllFiles().contains("large-scoring-result-0|"));
}

void tst_HistoryPanel::saysHowMuchHistoryItKeeps()
{
    auto *retention = m_panel->findChild<QLabel *>(u"historyRetentionLabel"_qs);
    QVERIFY(retention && retention->isVisible());
    QCOMPARE(retention->text(), u"Keeps the newest 500 sends."_qs);
}

QTEST_MAIN(tst_HistoryPanel)
#include "tst_historypanel.moc"
