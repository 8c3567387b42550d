// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The seed's developer-portal step, clicked through the real widgets against the real
// portico-local: "AzureML Demo API" → "RRS Execute" → Try It with the seed's values, Send, and
// the viewer shows 200, the requested URL, the headers and, in the Table view, the seed vector
// 1 1 2 2 0 2 0 1 under Col2_HashingFeature.0…7. Then: the sixth call within the minute on
// Starter is a 429 explained with the wait in words; history re-opens a send with its values;
// the history database holds neither the subscription key nor the ML key; snippets follow
// the composer, also while the Code tab is open (typed parameters, headers, body, the
// subscription), and say which parameter is empty, in Dutch too.

#include "tests/support/tempdir.h"
#include "tests/ui/developer/developertestbed.h"
#include "ui/developer/apicatalogpanel.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/developerworkspace.h"
#include "ui/developer/historypanel.h"
#include "ui/developer/jsonbodyeditor.h"
#include "ui/developer/responseviewer.h"
#include "ui/developer/resultstablemodel.h"
#include "ui/developer/resultstablepanel.h"
#include "ui/developer/snippetpanel.h"
#include "ui/developer/tryitcomposer.h"
#include "ui/shell/language.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>

using namespace portico;

namespace {

const QString kSeedBody = uR"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["This is a good day"]]}}, "GlobalParameters": {}})"_qs;

} // namespace

class tst_DeveloperSeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rrsExecuteShowsTheSeedVector();
    void sixthCallIsExplainedAsRateLimited();
    void historyReopensASendWithItsValues();
    void snippetsFollowTheComposer();
    void codeTabFollowsTypingInTheParameters();
    void copyRightAfterTypingCopiesTheEditedRequest();
    void codeTabFollowsHeadersBodyAndSubscription();
    void codeTabSaysWhichParameterIsEmpty();
    void historyDatabaseHoldsNoSecret();

private:
    void openRrsExecute();
    QString snippet() const { return m_workspace->snippets()->snippet(); }
    QString snippetNote() const;
    QWidget *currentTab() const;
    void fillSeedValues();
    void sendAndWait();

    test::DeveloperTestBed m_bed;
    test::TempDir m_dir;
    std::unique_ptr<ui::DeveloperWorkspace> m_workspace;
    QString m_subscriptionKey;
};

void tst_DeveloperSeed::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The publisher's part of the seed, as the publisher panels do it.
    const QString started = m_bed.start(u"demoazureml"_qs, this);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const auto key = m_bed.subscribe(u"seed-developer"_qs, QJsonObject { { u"scope"_qs, u"/products/starter"_qs },
                                                                       { u"displayName"_qs, u"Seed developer"_qs },
                                                                       { u"ownerId"_qs, u"/users/1"_qs },
                                                                       { u"state"_qs, u"active"_qs } }, this);
    QVERIFY2(key.ok(), key.ok() ? "" : qPrintable(key.error().message));
    m_subscriptionKey = key.value();
    QVERIFY(m_subscriptionKey.size() >= 16);

    const QString opened = m_bed.openWorkspace(m_dir.filePath(u"history.sqlite"_qs), m_workspace);
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
}

void tst_DeveloperSeed::cleanupTestCase()
{
    m_workspace.reset();
    m_bed.stop();
}

void tst_DeveloperSeed::openRrsExecute()
{
    ui::ApiCatalogPanel *catalog = m_workspace->catalog();
    QVERIFY(catalog->select(u"AzureML Demo API"_qs, u"RRS Execute"_qs));
    auto *tryIt = catalog->findChild<QPushButton *>(u"tryItPushButton"_qs);
    QVERIFY(tryIt && tryIt->isEnabled());
    QTest::mouseClick(tryIt, Qt::LeftButton);
    QCOMPARE(m_workspace->composer()->findChild<QLabel *>(u"composerTitleLabel"_qs)->text().contains(u"RRS Execute"_qs),
             true);
}

void tst_DeveloperSeed::fillSeedValues()
{
    ui::TryItComposer *composer = m_workspace->composer();
    QVERIFY(composer->setParameterValue(u"workspace"_qs, u"local"_qs));
    QVERIFY(composer->setParameterValue(u"service"_qs, u"feature-hashing"_qs));
    QVERIFY(composer->setParameterValue(u"apiversion"_qs, u"2.0"_qs));
    QVERIFY(composer->setParameterValue(u"details"_qs, u"true"_qs));
    composer->bodyEditor()->setText(kSeedBody);
    auto *subscription = composer->findChild<QComboBox *>(u"subscriptionComboBox"_qs);
    const int index = subscription->findData(u"seed-developer"_qs);
    QVERIFY(index > 0);
    subscription->setCurrentIndex(index);
    // The preview shows where the request goes, and never the key.
    const QString preview = composer->findChild<QPlainTextEdit *>(u"requestPreviewPlainTextEdit"_qs)->toPlainText();
    QVERIFY2(preview.contains(u"/azureml-demo/workspaces/local/services/feature-hashing/execute?api-version=2.0&details=true"_qs),
             qPrintable(preview));
    QVERIFY(!preview.contains(m_subscriptionKey));
}

void tst_DeveloperSeed::sendAndWait()
{
    QSignalSpy ready(m_bed.developer(), &ui::DeveloperController::responseReady);
    auto *send = m_workspace->composer()->findChild<QPushButton *>(u"sendPushButton"_qs);
    QVERIFY(send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(ready.wait(30000));
}

void tst_DeveloperSeed::rrsExecuteShowsTheSeedVector()
{
    openRrsExecute();
    fillSeedValues();
    sendAndWait();
    ui::ResponseViewer *viewer = m_workspace->viewer();
    QVERIFY2(viewer->response().errorText.isEmpty(), qPrintable(viewer->response().errorText));
    QCOMPARE(viewer->response().status, 200);
    QVERIFY(viewer->findChild<QLabel *>(u"statusLabel"_qs)->text().contains(u"200"_qs));
    const QString url = viewer->findChild<QLineEdit *>(u"requestedUrlLineEdit"_qs)->text();
    QVERIFY2(url.contains(m_bed.local().gatewayHttpsUrl().toString(QUrl::StripTrailingSlash)
                          + u"/demoazureml/azureml-demo/"_qs),
             qPrintable(url));
    QVERIFY(url.contains(u"/azureml-demo/workspaces/local/services/feature-hashing/execute"_qs));
    QVERIFY(!url.contains(m_subscriptionKey));
    auto *headers = viewer->findChild<QTableWidget *>(u"responseHeadersTableWidget"_qs);
    QVERIFY(headers->rowCount() > 0);
    bool sawContentType = false;
    for (int row = 0; row < headers->rowCount(); ++row)
        sawContentType |= headers->item(row, 0)->text().compare(u"Content-Type"_qs, Qt::CaseInsensitive) == 0;
    QVERIFY(sawContentType);

    viewer->setCurrentView(ui::ResponseViewer::View::Table);
    QAbstractItemModel *table = viewer->tablePanel()->model();
    QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() == 1, 10000);
    const QStringList expected { u"1"_qs, u"1"_qs, u"2"_qs, u"2"_qs, u"0"_qs, u"2"_qs, u"0"_qs, u"1"_qs };
    for (int bucket = 0; bucket < 8; ++bucket) {
        const QString column = u"Col2_HashingFeature.%1"_qs.arg(bucket);
        int found = -1;
        for (int c = 0; c < table->columnCount(); ++c) {
            if (table->headerData(c, Qt::Horizontal).toString() == column)
                found = c;
        }
        QVERIFY2(found >= 0, qPrintable(column));
        QCOMPARE(table->data(table->index(0, found)).toString(), expected.at(bucket));
    }
}

void tst_DeveloperSeed::sixthCallIsExplainedAsRateLimited()
{
    // Starter allows 5 calls per 60 s and the first test made the first: calls 2 to 5 pass,
    // the sixth is refused.
    for (int call = 2; call <= 5; ++call) {
        sendAndWait();
        QCOMPARE(m_workspace->viewer()->response().status, 200);
    }
    sendAndWait();
    QCOMPARE(m_workspace->viewer()->response().status, 429);
    auto *headline = m_workspace->viewer()->findChild<QLabel *>(u"rateLimitHeadlineLabel"_qs);
    auto *explanation = m_workspace->viewer()->findChild<QLabel *>(u"rateLimitLabel"_qs);
    QVERIFY(headline->isVisibleTo(m_workspace.get()));
    QVERIFY2(explanation->text().contains(u"second"_qs), qPrintable(explanation->text()));
    QVERIFY(m_workspace->viewer()->notice().waitSeconds.has_value());
    QVERIFY(*m_workspace->viewer()->notice().waitSeconds > 0);
}

void tst_DeveloperSeed::historyReopensASendWithItsValues()
{
    ui::HistoryPanel *history = m_workspace->history();
    QVERIFY(history->entryCount() >= 2);
    // Another operation in the composer first, so that re-opening has something to restore.
    QVERIFY(m_workspace->catalog()->select(u"AzureML Demo API"_qs, u"BES Status"_qs));
    QTest::mouseClick(m_workspace->catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
    QVERIFY(m_workspace->composer()->findChild<QLabel *>(u"composerTitleLabel"_qs)->text().contains(u"BES Status"_qs));

    auto *list = history->findChild<QTreeWidget *>(u"historyTreeWidget"_qs);
    // The oldest send is the 200.
    list->setCurrentItem(list->topLevelItem(list->topLevelItemCount() - 1));
    QCOMPARE(list->currentItem()->text(3), u"200"_qs);
    QTest::mouseClick(history->findChild<QPushButton *>(u"historyReopenPushButton"_qs), Qt::LeftButton);
    ui::TryItComposer *composer = m_workspace->composer();
    QVERIFY(composer->findChild<QLabel *>(u"composerTitleLabel"_qs)->text().contains(u"RRS Execute"_qs));
    QCOMPARE(composer->templateValue(u"workspace"_qs), u"local"_qs);
    QCOMPARE(composer->templateValue(u"service"_qs), u"feature-hashing"_qs);
    QCOMPARE(composer->templateValue(u"apiversion"_qs), u"2.0"_qs);
    QCOMPARE(composer->templateValue(u"details"_qs), u"true"_qs);
    QCOMPARE(composer->bodyEditor()->text().simplified(), kSeedBody.simplified());
    QCOMPARE(composer->findChild<QComboBox *>(u"subscriptionComboBox"_qs)->currentData().toString(),
             u"seed-developer"_qs);

    // Filtering by status keeps only the refused sends.
    auto *status = history->findChild<QComboBox *>(u"historyStatusComboBox"_qs);
    status->setCurrentIndex(status->findData(4));
    QVERIFY(history->entryCount() >= 1);
    for (int row = 0; row < list->topLevelItemCount(); ++row)
        QCOMPARE(list->topLevelItem(row)->text(3), u"429"_qs);
    status->setCurrentIndex(0);
}

void tst_DeveloperSeed::snippetsFollowTheComposer()
{
    m_workspace->showTab(ui::DeveloperWorkspace::Tab::Code);
    const QString curl = m_workspace->snippets()->snippet();
    QVERIFY2(!curl.isEmpty(), qPrintable(m_workspace->snippets()->findChild<QLabel *>(u"snippetNoteLabel"_qs)->text()));
    QVERIFY2(curl.contains(u"/azureml-demo/workspaces/local/services/feature-hashing/execute"_qs), qPrintable(curl));
    QVERIFY(curl.contains(u"OCP_APIM_SUBSCRIPTION_KEY"_qs));
    QVERIFY(!curl.contains(m_subscriptionKey));
    auto *language = m_workspace->snippets()->findChild<QComboBox *>(u"snippetLanguageComboBox"_qs);
    language->setCurrentIndex(1);
    QVERIFY(m_workspace->snippets()->snippet().contains(u"requests"_qs));
}

QString tst_DeveloperSeed::snippetNote() const
{
    return m_workspace->snippets()->findChild<QLabel *>(u"snippetNoteLabel"_qs)->text();
}

QWidget *tst_DeveloperSeed::currentTab() const
{
    return m_workspace->findChild<QTabWidget *>(u"developerTabWidget"_qs)->currentWidget();
}

void tst_DeveloperSeed::codeTabFollowsTypingInTheParameters()
{
    // The composer sits next to the tabs: what is typed there shows in the code while it is
    // open, without switching tabs or sending.
    m_workspace->showTab(ui::DeveloperWorkspace::Tab::Code);
    QCOMPARE(currentTab(), m_workspace->snippets());
    auto *language = m_workspace->snippets()->findChild<QComboBox *>(u"snippetLanguageComboBox"_qs);
    language->setCurrentIndex(1); // Python (requests)
    QVERIFY2(snippet().contains(u"/workspaces/local/services/feature-hashing/execute"_qs), qPrintable(snippet()));

    // An editable drop-down: the sample declares the seed's value.
    auto *workspaceCombo = m_workspace->composer()->findChild<QComboBox *>(u"workspaceParameterComboBox"_qs);
    QVERIFY(workspaceCombo && workspaceCombo->lineEdit());
    QLineEdit *workspace = workspaceCombo->lineEdit();
    workspace->setFocus();
    workspace->selectAll();
    // In a smaller window the user scrolled the code down and sideways; typing leaves the view
    // where it is.
    const QSize size = m_workspace->size();
    m_workspace->resize(900, 600);
    const auto restoreSize = qScopeGuard([this, size] { m_workspace->resize(size); });
    auto *code = m_workspace->snippets()->findChild<QPlainTextEdit *>(u"snippetPlainTextEdit"_qs);
    QScrollBar *down = code->verticalScrollBar();
    QScrollBar *sideways = code->horizontalScrollBar();
    QTRY_VERIFY2(down->maximum() >= 2 && sideways->maximum() > 40,
                 qPrintable(u"%1 %2"_qs.arg(down->maximum()).arg(sideways->maximum())));
    down->setValue(2);
    sideways->setValue(40);
    QTest::keyClicks(workspace, u"staging"_qs);
    QTRY_VERIFY2(snippet().contains(u"/workspaces/staging/services/feature-hashing/execute"_qs), qPrintable(snippet()));
    QCOMPARE(currentTab(), m_workspace->snippets());
    QCOMPARE(language->currentIndex(), 1);
    QVERIFY(snippet().contains(u"requests.request("_qs));
    QCOMPARE(down->value(), 2);
    QCOMPARE(sideways->value(), 40);

    // A query parameter the user adds, name and value typed.
    QTest::mouseClick(m_workspace->composer()->findChild<QToolButton *>(u"addQueryParameterToolButton"_qs),
                      Qt::LeftButton);
    auto *name = m_workspace->composer()->findChild<QLineEdit *>(u"queryParameterNameLineEdit"_qs);
    auto *value = m_workspace->composer()->findChild<QLineEdit *>(u"queryParameterValueLineEdit"_qs);
    QVERIFY(name && value);
    QTest::keyClicks(name, u"trace"_qs);
    QTest::keyClicks(value, u"t42"_qs);
    QTRY_VERIFY2(snippet().contains(u"&trace=t42"_qs), qPrintable(snippet()));
    QTest::mouseClick(m_workspace->composer()->findChild<QToolButton *>(u"removeQueryParameterToolButton"_qs),
                      Qt::LeftButton);
    QTRY_VERIFY2(!snippet().contains(u"trace=t42"_qs), qPrintable(snippet()));

    workspace->selectAll();
    QTest::keyClicks(workspace, u"local"_qs);
    QTRY_VERIFY2(snippet().contains(u"/workspaces/local/services/feature-hashing/execute"_qs), qPrintable(snippet()));
}

// The code follows edits after a short pause; a Copy within that pause still copies the
// request as edited.
void tst_DeveloperSeed::copyRightAfterTypingCopiesTheEditedRequest()
{
    m_workspace->showTab(ui::DeveloperWorkspace::Tab::Code);
    QCOMPARE(currentTab(), m_workspace->snippets());
    QTRY_VERIFY2(snippet().contains(u"/workspaces/local/services/feature-hashing/execute"_qs), qPrintable(snippet()));
    auto *workspaceCombo = m_workspace->composer()->findChild<QComboBox *>(u"workspaceParameterComboBox"_qs);
    QVERIFY(workspaceCombo && workspaceCombo->lineEdit());
    QLineEdit *workspace = workspaceCombo->lineEdit();
    const auto restore = qScopeGuard([workspace] {
        workspace->selectAll();
        QTest::keyClicks(workspace, u"local"_qs);
    });
    workspace->setFocus();
    workspace->selectAll();
    QTest::keyClicks(workspace, u"copied"_qs);
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(m_workspace->snippets()->findChild<QPushButton *>(u"snippetCopyPushButton"_qs), Qt::LeftButton);
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY2(copied.contains(u"/workspaces/copied/services/feature-hashing/execute"_qs), qPrintable(copied));
    QCOMPARE(copied, snippet());
}

void tst_DeveloperSeed::codeTabFollowsHeadersBodyAndSubscription()
{
    m_workspace->showTab(ui::DeveloperWorkspace::Tab::Code);
    ui::TryItComposer *composer = m_workspace->composer();
    QVERIFY(snippet().contains(u"OCP_APIM_SUBSCRIPTION_KEY"_qs));

    // Another subscription choice: none, so no key placeholder.
    auto *subscription = composer->findChild<QComboBox *>(u"subscriptionComboBox"_qs);
    const int seed = subscription->currentIndex();
    QVERIFY(seed > 0);
    subscription->setCurrentIndex(0);
    QTRY_VERIFY2(!snippet().contains(u"OCP_APIM_SUBSCRIPTION_KEY"_qs), qPrintable(snippet()));
    subscription->setCurrentIndex(seed);
    QTRY_VERIFY2(snippet().contains(u"OCP_APIM_SUBSCRIPTION_KEY"_qs), qPrintable(snippet()));

    // A header typed into the table: name, Tab, value, Return.
    auto *headers = composer->findChild<QTableWidget *>(u"headersTableWidget"_qs);
    QTest::mouseClick(composer->findChild<QToolButton *>(u"addHeaderToolButton"_qs), Qt::LeftButton);
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), u"X-Trace-Id"_qs);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), u"abc123"_qs);
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY2(snippet().contains(u"\"X-Trace-Id\": \"abc123\""_qs), qPrintable(snippet()));
    headers->setCurrentCell(headers->rowCount() - 1, 0);
    QTest::mouseClick(composer->findChild<QToolButton *>(u"removeHeaderToolButton"_qs), Qt::LeftButton);
    QTRY_VERIFY2(!snippet().contains(u"X-Trace-Id"_qs), qPrintable(snippet()));

    // The body, typed.
    QPlainTextEdit *body = composer->bodyEditor()->editor();
    body->setFocus();
    body->selectAll();
    QTest::keyClicks(body, u"{\"note\": \"a bad day\"}"_qs);
    QTRY_VERIFY2(snippet().contains(u"a bad day"_qs), qPrintable(snippet()));
    composer->bodyEditor()->setText(kSeedBody);
    QTRY_VERIFY2(snippet().contains(u"This is a good day"_qs), qPrintable(snippet()));
    QCOMPARE(currentTab(), m_workspace->snippets());
}

void tst_DeveloperSeed::codeTabSaysWhichParameterIsEmpty()
{
    m_workspace->showTab(ui::DeveloperWorkspace::Tab::Code);
    auto *serviceCombo = m_workspace->composer()->findChild<QComboBox *>(u"serviceParameterComboBox"_qs);
    QVERIFY(serviceCombo && serviceCombo->lineEdit());
    QLineEdit *service = serviceCombo->lineEdit();
    service->setFocus();
    service->selectAll();
    QTest::keyClick(service, Qt::Key_Backspace);
    QTRY_COMPARE(snippetNote(), u"No code yet: enter a value for the parameter service."_qs);
    QVERIFY(snippet().isEmpty());
    QVERIFY(!m_workspace->snippets()->findChild<QPushButton *>(u"snippetCopyPushButton"_qs)->isEnabled());

    {
        // The same, in Dutch.
        QVERIFY(ui::installTranslations(*qApp, u"nl"_qs));
        const auto english = qScopeGuard([] {
            for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
                QCoreApplication::removeTranslator(translator);
                delete translator;
            }
        });
        QTest::keyClicks(service, u"x"_qs);
        QTRY_VERIFY2(snippet().contains(u"/services/x/execute"_qs), qPrintable(snippetNote()));
        QTest::keyClick(service, Qt::Key_Backspace);
        QTRY_COMPARE(snippetNote(), u"Nog geen code: vul een waarde in voor de parameter service."_qs);
        QVERIFY(snippet().isEmpty());
    }

    QTest::keyClicks(service, u"feature-hashing"_qs);
    QTRY_VERIFY2(snippet().contains(u"/workspaces/local/services/feature-hashing/execute"_qs), qPrintable(snippetNote()));
}

void tst_DeveloperSeed::historyDatabaseHoldsNoSecret()
{
    m_bed.history().close();
    QByteArray bytes;
    for (const QString &suffix : { QString(), u"-wal"_qs }) {
        QFile file(m_dir.filePath(u"history.sqlite"_qs) + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    QVERIFY(bytes.contains("feature-hashing")); // the sends are there
    QVERIFY(!bytes.contains(m_subscriptionKey.toUtf8()));
    QVERIFY(!bytes.contains(m_bed.local().mlKey().toUtf8()));
}

QTEST_MAIN(tst_DeveloperSeed)
#include "tst_developerseed.moc"
