// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// A Try It send that does not end in a complete answer, clicked through the real widgets:
// Cancel while the subscription key is still being read sends nothing (the real portico-local
// counts what reached its gateway); a header the request cannot carry is shown at its row and
// nothing is sent or recorded; a body that breaks off after the headers is shown as what it
// is, incomplete (a fake QNAM only for the broken-off body, the catalog from portico-local),
// in the user's language, the same when the send is re-opened from the history. The history a
// real send is recorded in is the user's alone (0600 files in a 0700 directory), also one an
// older version left readable to others.

#include "core/arm/armrequest.h"
#include "tests/support/fakenetworkaccessmanager.h"
#include "tests/support/privatemodes.h"
#include "tests/support/tempdir.h"
#include "tests/ui/developer/developertestbed.h"
#include "ui/common/lazytextview.h"
#include "ui/developer/apicatalogpanel.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/developerworkspace.h"
#include "ui/developer/historypanel.h"
#include "ui/developer/jsonbodyeditor.h"
#include "ui/developer/responseviewer.h"
#include "ui/developer/tryitcomposer.h"
#include "ui/shell/language.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QTreeWidget>

#include <sys/stat.h>

using namespace portico;

namespace {

const QString kSeedBody = uR"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["This is a good day"]]}}, "GlobalParameters": {}})"_qs;

} // namespace

class tst_DeveloperSend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cancelWhileTheKeyIsReadSendsNothing();
    void invalidHeaderIsShownAtItsRowAndNothingIsSent();
    void bodyThatBreaksOffIsShownIncomplete_data();
    void bodyThatBreaksOffIsShownIncomplete();
    void bodyThatBrokeOffIsSaidInDutchAlsoFromHistory_data();
    void bodyThatBrokeOffIsSaidInDutchAlsoFromHistory();
    void historyOfASendIsPrivateToTheUser_data();
    void historyOfASendIsPrivateToTheUser();
    void plainTextBodyStartingWithABracketIsShownAsSent();

private:
    void openRrsExecute(ui::DeveloperWorkspace *workspace, const QString &subscription);
    int gatewayCalls();
    int historyCount(core::TryItHistory &history);
    // Sends RRS Execute through a network whose answer breaks off with `error` after half of
    // `body`; returns with the response shown (the controller and history are the caller's).
    void sendThroughBrokenNetwork(ui::DeveloperWorkspace &workspace, ui::DeveloperController &controller,
                                  test::FakeNetworkAccessManager &broken, QNetworkReply::NetworkError error,
                                  const QByteArray &body);
    // Re-opens the newest send of the history panel into the viewer.
    void reopenNewest(ui::DeveloperWorkspace &workspace);

    test::DeveloperTestBed m_bed;
    test::TempDir m_dir;
    std::unique_ptr<ui::DeveloperWorkspace> m_workspace;
    QString m_subscriptionKey;
    qint64 m_startMs = 0;
};

void tst_DeveloperSend::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_startMs = QDateTime::currentMSecsSinceEpoch() - 1000;
    const QString started = m_bed.start(u"developersend"_qs, this);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const auto key = m_bed.subscribe(u"send-developer"_qs,
                                     QJsonObject { { u"scope"_qs, u"/products/starter"_qs },
                                                   { u"displayName"_qs, u"Send developer"_qs },
                                                   { u"ownerId"_qs, u"/users/1"_qs },
                                                   { u"state"_qs, u"active"_qs } },
                                     this);
    QVERIFY2(key.ok(), key.ok() ? "" : qPrintable(key.error().message));
    m_subscriptionKey = key.value();
    const QString opened = m_bed.openWorkspace(m_dir.filePath(u"history.sqlite"_qs), m_workspace);
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
}

void tst_DeveloperSend::cleanupTestCase()
{
    m_workspace.reset();
    m_bed.stop();
}

void tst_DeveloperSend::openRrsExecute(ui::DeveloperWorkspace *workspace, const QString &subscription)
{
    QVERIFY(workspace->catalog()->select(u"AzureML Demo API"_qs, u"RRS Execute"_qs));
    QTest::mouseClick(workspace->catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
    ui::TryItComposer *composer = workspace->composer();
    QVERIFY(composer->findChild<QLabel *>(u"composerTitleLabel"_qs)->text().contains(u"RRS Execute"_qs));
    QVERIFY(composer->setParameterValue(u"workspace"_qs, u"local"_qs));
    QVERIFY(composer->setParameterValue(u"service"_qs, u"feature-hashing"_qs));
    QVERIFY(composer->setParameterValue(u"apiversion"_qs, u"2.0"_qs));
    QVERIFY(composer->setParameterValue(u"details"_qs, u"true"_qs));
    composer->bodyEditor()->setText(kSeedBody);
    auto *combo = composer->findChild<QComboBox *>(u"subscriptionComboBox"_qs);
    const int index = combo->findData(subscription);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

// Requests that reached portico-local's gateway during this test run, from its usage reports.
int tst_DeveloperSend::gatewayCalls()
{
    const auto iso = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); };
    const QString filter = u"timestamp ge datetime'%1' and timestamp le datetime'%2'"_qs.arg(
        iso(m_startMs), iso(QDateTime::currentMSecsSinceEpoch() + 60000));
    const auto report = m_bed.call(
        core::ArmRequest::get(m_bed.serviceId() + u"/reports/byRequest"_qs).withQuery(u"$filter"_qs, filter), this);
    if (!report.ok()) {
        qWarning() << "usage report:" << report.error().message;
        return -1;
    }
    return int(report.value().value(u"value"_qs).toArray().size());
}

int tst_DeveloperSend::historyCount(core::TryItHistory &history)
{
    const auto entries = history.list();
    return entries.ok() ? int(entries.value().size()) : -1;
}

void tst_DeveloperSend::cancelWhileTheKeyIsReadSendsNothing()
{
    openRrsExecute(m_workspace.get(), u"send-developer"_qs);
    ui::TryItComposer *composer = m_workspace->composer();
    const int callsBefore = gatewayCalls();
    QVERIFY(callsBefore >= 0);
    const int historyBefore = historyCount(m_bed.history());
    QVERIFY(historyBefore >= 0);
    QSignalSpy ready(m_bed.developer(), &ui::DeveloperController::responseReady);
    QSignalSpy started(m_bed.developer(), &ui::DeveloperController::sendStarted);

    // Send, then Cancel at once: the key of the subscription is still being read.
    auto *send = composer->findChild<QPushButton *>(u"sendPushButton"_qs);
    auto *cancel = composer->findChild<QPushButton *>(u"cancelPushButton"_qs);
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);

    QVERIFY(ready.wait(10000));
    ui::ResponseViewer *viewer = m_workspace->viewer();
    QCOMPARE(viewer->response().status, 0);
    auto *error = viewer->findChild<QLabel *>(u"responseErrorLabel"_qs);
    QVERIFY(error->isVisibleTo(m_workspace.get()));
    QVERIFY2(error->text().contains(u"Cancelled"_qs) && error->text().contains(u"not sent"_qs),
             qPrintable(error->text()));
    QVERIFY(send->isEnabled());
    QVERIFY(!cancel->isEnabled());

    // Nothing goes out afterwards either: no second answer, nothing at the gateway, no history.
    QTest::qWait(1500);
    QCOMPARE(ready.count(), 1);
    QCOMPARE(started.count(), 0);
    QCOMPARE(viewer->response().status, 0);
    QCOMPARE(gatewayCalls(), callsBefore);
    QCOMPARE(historyCount(m_bed.history()), historyBefore);

    // The same request, not cancelled, does reach the gateway (the count above can see it).
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(ready.wait(30000));
    QCOMPARE(viewer->response().status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(gatewayCalls(), callsBefore + 1, 10000);
}

void tst_DeveloperSend::invalidHeaderIsShownAtItsRowAndNothingIsSent()
{
    openRrsExecute(m_workspace.get(), u"send-developer"_qs);
    ui::TryItComposer *composer = m_workspace->composer();
    auto *headers = composer->findChild<QTableWidget *>(u"headersTableWidget"_qs);
    const int historyBefore = historyCount(m_bed.history());
    const int callsBefore = gatewayCalls();
    QVERIFY(callsBefore >= 0);

    // A header typed as "Authorization: Bearer …" puts the colon in the name.
    QTest::mouseClick(composer->findChild<QToolButton *>(u"addHeaderToolButton"_qs), Qt::LeftButton);
    const int row = headers->rowCount() - 1;
    auto *nameEditor = qobject_cast<QLineEdit *>(headers->viewport()->focusWidget());
    if (!nameEditor)
        nameEditor = headers->findChild<QLineEdit *>();
    QVERIFY(nameEditor);
    QTest::keyClicks(nameEditor, u"Authorization:"_qs);
    QTest::keyClick(nameEditor, Qt::Key_Return); // the delegate commits on the next turn
    QTRY_COMPARE(headers->item(row, 0)->text(), u"Authorization:"_qs);
    headers->item(row, 1)->setText(u"Bearer ml-key"_qs);

    QSignalSpy ready(m_bed.developer(), &ui::DeveloperController::responseReady);
    QSignalSpy requested(composer, &ui::TryItComposer::sendRequested);
    QTest::mouseClick(composer->findChild<QPushButton *>(u"sendPushButton"_qs), Qt::LeftButton);
    QCOMPARE(requested.count(), 0);

    // Said at the row, in words, with the user's text as typed.
    auto *problem = composer->findChild<QLabel *>(u"headerProblemLabel"_qs);
    QVERIFY(problem->isVisibleTo(m_workspace.get()));
    QVERIFY2(problem->text().contains(u"“Authorization:”"_qs) && problem->text().contains(u"colon"_qs),
             qPrintable(problem->text()));
    QVERIFY(!problem->text().contains(u"A header name or value is not valid"_qs));
    QCOMPARE(headers->currentRow(), row);
    QCOMPARE(headers->item(row, 0)->toolTip(), problem->text());
    QCOMPARE(headers->item(row, 0)->text(), u"Authorization:"_qs);
    QCOMPARE(headers->item(row, 1)->text(), u"Bearer ml-key"_qs);

    // Nothing was sent, shown as a failed send, or recorded.
    QVERIFY(!ready.wait(1000));
    QVERIFY(!m_workspace->viewer()->findChild<QLabel *>(u"responseErrorLabel"_qs)->text().contains(
        u"A header name or value is not valid"_qs));
    QCOMPARE(historyCount(m_bed.history()), historyBefore);
    QCOMPARE(gatewayCalls(), callsBefore);

    // Corrected, the mark goes and the request can go out.
    headers->item(row, 0)->setText(u"Authorization"_qs);
    QVERIFY(!problem->isVisibleTo(m_workspace.get()));
    QVERIFY(headers->item(row, 0)->toolTip().isEmpty());
    headers->removeRow(row);
}

void tst_DeveloperSend::bodyThatBreaksOffIsShownIncomplete_data()
{
    QTest::addColumn<QNetworkReply::NetworkError>("error");
    QTest::addColumn<QString>("says");
    QTest::newRow("stalled past the transfer timeout") << QNetworkReply::OperationCanceledError << u"no more data"_qs;
    QTest::newRow("timed out") << QNetworkReply::TimeoutError << u"no more data"_qs;
    QTest::newRow("network dropped") << QNetworkReply::NetworkSessionFailedError << u"broke off"_qs;
    QTest::newRow("unknown network error") << QNetworkReply::UnknownNetworkError << u"broke off"_qs;
    QTest::newRow("connection reset") << QNetworkReply::RemoteHostClosedError << u"broke off"_qs;
}

void tst_DeveloperSend::sendThroughBrokenNetwork(ui::DeveloperWorkspace &workspace,
                                                 ui::DeveloperController &controller,
                                                 test::FakeNetworkAccessManager &broken,
                                                 QNetworkReply::NetworkError error, const QByteArray &body)
{
    broken.enqueue({ test::FakeResponse::Behaviour::BreakOffWith, 200, body,
                     { { "Content-Type", "application/json" } }, error, 0 });
    controller.setService(m_bed.serviceId());
    workspace.resize(1400, 900);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    QSignalSpy loaded(&controller, &ui::DeveloperController::subscriptionsLoaded);
    controller.refresh();
    QVERIFY(loaded.wait(30000));
    openRrsExecute(&workspace, u"send-developer"_qs);

    QSignalSpy ready(&controller, &ui::DeveloperController::responseReady);
    QTest::mouseClick(workspace.composer()->findChild<QPushButton *>(u"sendPushButton"_qs), Qt::LeftButton);
    QVERIFY(ready.wait(30000));
    QCOMPARE(broken.requests().size(), 1);
}

void tst_DeveloperSend::reopenNewest(ui::DeveloperWorkspace &workspace)
{
    // Something else in the viewer first, so that what follows can only come from history.
    workspace.viewer()->showResponse({});
    ui::HistoryPanel *panel = workspace.history();
    auto *list = panel->findChild<QTreeWidget *>(u"historyTreeWidget"_qs);
    QTRY_VERIFY(panel->entryCount() >= 1);
    list->setCurrentItem(list->topLevelItem(0));
    QTest::mouseClick(panel->findChild<QPushButton *>(u"historyReopenPushButton"_qs), Qt::LeftButton);
}

void tst_DeveloperSend::bodyThatBreaksOffIsShownIncomplete()
{
    QFETCH(QNetworkReply::NetworkError, error);
    QFETCH(QString, says);
    // The catalog and key from portico-local; the send through a network that breaks off.
    test::FakeNetworkAccessManager broken;
    const QByteArray body = R"({"Results": {"output1": {"type": "table", "value": {"ColumnNames": ["Col2_HashingFeature.0"], "Values": [["1"], ["1"], ["2"], ["2"]]}}}})";
    test::TempDir dir;
    core::TryItHistory history;
    QVERIFY(history.open(dir.filePath(u"history.sqlite"_qs)).ok());
    ui::DeveloperController controller(m_bed.developer()->client(), &broken, &history);
    ui::DeveloperWorkspace workspace(&controller);
    sendThroughBrokenNetwork(workspace, controller, broken, error, body);
    if (QTest::currentTestFailed())
        return;

    // What arrived is there to read, and it says it is incomplete: not a complete 200.
    ui::ResponseViewer *viewer = workspace.viewer();
    QVERIFY(viewer->response().incomplete);
    auto *statusLabel = viewer->findChild<QLabel *>(u"statusLabel"_qs);
    const QString status = statusLabel->text();
    QVERIFY2(status.contains(u"200"_qs) && status.contains(u"incomplete"_qs), qPrintable(status));
    auto *errorLabel = viewer->findChild<QLabel *>(u"responseErrorLabel"_qs);
    QVERIFY(errorLabel->isVisibleTo(&workspace));
    const QString said = errorLabel->text();
    QVERIFY2(said.contains(u"incomplete"_qs) && said.contains(says), qPrintable(said));
    QVERIFY2(said.contains(QLocale().formattedDataSize(body.size() / 2)), qPrintable(said));
    QSignalSpy raw(viewer, &ui::ResponseViewer::rawLoaded);
    viewer->setCurrentView(ui::ResponseViewer::View::Raw);
    QVERIFY(raw.wait(5000));
    QCOMPARE(viewer->rawView()->text(), QString::fromUtf8(body.left(body.size() / 2)));

    // History keeps it as a failed send with what arrived, not as a complete 200.
    const auto entries = history.list();
    QVERIFY(entries.ok());
    QCOMPARE(entries.value().size(), 1);
    QVERIFY(entries.value().first().incomplete);
    QCOMPARE(entries.value().first().responseBody, body.left(body.size() / 2));
    core::HistoryFilter failed;
    failed.statusClass = -1;
    QCOMPARE(history.list(failed).value().size(), 1);
    core::HistoryFilter success;
    success.statusClass = 2;
    QCOMPARE(history.list(success).value().size(), 0);
    auto *list = workspace.history()->findChild<QTreeWidget *>(u"historyTreeWidget"_qs);
    QTRY_COMPARE(workspace.history()->entryCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(3), u"200 (incomplete)"_qs);
    QCOMPARE(list->topLevelItem(0)->toolTip(3), said);

    // Re-opened from history, the viewer says the same, and shows what arrived.
    reopenNewest(workspace);
    QTRY_VERIFY(viewer->response().incomplete);
    QCOMPARE(statusLabel->text(), status);
    QVERIFY(errorLabel->isVisibleTo(&workspace));
    QCOMPARE(errorLabel->text(), said);
    QSignalSpy rawAgain(viewer, &ui::ResponseViewer::rawLoaded);
    viewer->setCurrentView(ui::ResponseViewer::View::Raw);
    QVERIFY(rawAgain.wait(5000));
    QCOMPARE(viewer->rawView()->text(), QString::fromUtf8(body.left(body.size() / 2)));
    workspace.close();
}

void tst_DeveloperSend::bodyThatBrokeOffIsSaidInDutchAlsoFromHistory_data()
{
    QTest::addColumn<QNetworkReply::NetworkError>("error");
    QTest::addColumn<QString>("dutch");
    // %1: the size of what arrived (QLocale().formattedDataSize).
    QTest::newRow("connection reset") << QNetworkReply::RemoteHostClosedError
                                      << u"Het antwoord is onvolledig: de verbinding werd na %1 van de body verbroken "
                                         "(de server heeft de verbinding gesloten). Wat binnenkwam wordt getoond; "
                                         "de rest ontbreekt."_qs;
    QTest::newRow("stalled past the transfer timeout") << QNetworkReply::OperationCanceledError
                                                       << u"Het antwoord is onvolledig: na %1 van de body kwamen "
                                                          "60 seconden lang geen gegevens meer binnen. Wat binnenkwam "
                                                          "wordt getoond; de rest ontbreekt."_qs;
}

void tst_DeveloperSend::bodyThatBrokeOffIsSaidInDutchAlsoFromHistory()
{
    QFETCH(QNetworkReply::NetworkError, error);
    QFETCH(QString, dutch);
    test::FakeNetworkAccessManager broken;
    const QByteArray body = R"({"Results": {"output1": {"type": "table", "value": {"ColumnNames": ["Col2_HashingFeature.0"], "Values": [["1"], ["1"], ["2"], ["2"]]}}}})";
    test::TempDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    const QString expected = dutch.arg(QLocale().formattedDataSize(body.size() / 2));
    {
        // Sent while Portico runs in Dutch.
        QVERIFY(ui::installTranslations(*qApp, u"nl"_qs));
        const auto english = qScopeGuard([] {
            for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
                QCoreApplication::removeTranslator(translator);
                delete translator;
            }
        });
        core::TryItHistory history;
        QVERIFY(history.open(path).ok());
        ui::DeveloperController controller(m_bed.developer()->client(), &broken, &history);
        ui::DeveloperWorkspace workspace(&controller);
        sendThroughBrokenNetwork(workspace, controller, broken, error, body);
        if (QTest::currentTestFailed())
            return;
        ui::ResponseViewer *viewer = workspace.viewer();
        auto *errorLabel = viewer->findChild<QLabel *>(u"responseErrorLabel"_qs);
        QCOMPARE(errorLabel->text(), expected);
        const QString status = viewer->findChild<QLabel *>(u"statusLabel"_qs)->text();
        QVERIFY2(status.startsWith(u"200"_qs) && status.endsWith(u"(onvolledig)"_qs), qPrintable(status));
        auto *list = workspace.history()->findChild<QTreeWidget *>(u"historyTreeWidget"_qs);
        QTRY_COMPARE(workspace.history()->entryCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(3), u"200 (onvolledig)"_qs);
        QCOMPARE(list->topLevelItem(0)->toolTip(3), expected);

        // Re-opened from the history in the same session: the same Dutch sentence.
        reopenNewest(workspace);
        QTRY_VERIFY(viewer->response().incomplete);
        QCOMPARE(errorLabel->text(), expected);
        workspace.close();
    }

    // The history kept facts, not words: the same send, re-opened in English, reads in English.
    core::TryItHistory history;
    QVERIFY(history.open(path).ok());
    test::FakeNetworkAccessManager unused;
    ui::DeveloperController controller(m_bed.developer()->client(), &unused, &history);
    ui::DeveloperWorkspace workspace(&controller);
    controller.setService(m_bed.serviceId());
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    QSignalSpy loaded(&controller, &ui::DeveloperController::subscriptionsLoaded);
    controller.refresh();
    QVERIFY(loaded.wait(30000));
    reopenNewest(workspace);
    ui::ResponseViewer *viewer = workspace.viewer();
    QTRY_VERIFY(viewer->response().incomplete);
    const QString english = viewer->findChild<QLabel *>(u"responseErrorLabel"_qs)->text();
    QVERIFY2(english.startsWith(u"The response is incomplete: "_qs), qPrintable(english));
    QVERIFY2(english.contains(QLocale().formattedDataSize(body.size() / 2)), qPrintable(english));
    QCOMPARE(unused.requests().size(), 0);
    workspace.close();
}

void tst_DeveloperSend::historyOfASendIsPrivateToTheUser_data()
{
    QTest::addColumn<bool>("older");
    QTest::newRow("new history") << false;
    QTest::newRow("history an older version left readable") << true;
}

// A send through the real widgets and gateway is recorded in a history whose directory and
// files other users of the machine cannot read: it holds request bodies and URLs.
void tst_DeveloperSend::historyOfASendIsPrivateToTheUser()
{
    QFETCH(bool, older);
    const auto umaskGuard = test::desktopUmask();
    test::TempDir dir;
    const QString data = dir.filePath(u"Portico"_qs);
    QVERIFY(QDir().mkpath(data)); // 0755, as the console made its data directory before
    const QString path = QDir(data).filePath(u"tryit-history.sqlite"_qs);
    if (older) {
        {
            core::TryItHistory earlier;
            QVERIFY(earlier.open(path).ok());
        }
        const auto readable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
            | QFileDevice::ReadOther;
        QVERIFY(QFile::setPermissions(path, readable)); // 0644
        QVERIFY(QFile::setPermissions(data, readable | QFileDevice::ExeOwner | QFileDevice::ExeGroup
                                                | QFileDevice::ExeOther)); // 0755
        QVERIFY(QFileInfo(path).permissions() & QFileDevice::ReadOther);
    }
    QVERIFY(QFileInfo(data).permissions() & QFileDevice::ReadOther);

    core::TryItHistory history;
    QVERIFY(history.open(path).ok());
    ui::DeveloperController controller(m_bed.developer()->client(), &m_bed.network(), &history);
    ui::DeveloperWorkspace workspace(&controller);
    controller.setService(m_bed.serviceId());
    workspace.resize(1400, 900);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    QSignalSpy loaded(&controller, &ui::DeveloperController::subscriptionsLoaded);
    controller.refresh();
    QVERIFY(loaded.wait(30000));
    openRrsExecute(&workspace, u"send-developer"_qs);
    QSignalSpy ready(&controller, &ui::DeveloperController::responseReady);
    QTest::mouseClick(workspace.composer()->findChild<QPushButton *>(u"sendPushButton"_qs), Qt::LeftButton);
    QVERIFY(ready.wait(30000));
    QCOMPARE(workspace.viewer()->response().status, 200);
    QTRY_COMPARE(workspace.history()->entryCount(), 1);
    QCOMPARE(historyCount(history), 1);

    QCOMPARE(QFileInfo(data).permissions() & test::groupAndOthers, QFileDevice::Permissions());
    QVERIFY(QFileInfo(data).permissions().testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                    | QFileDevice::ExeOwner));
    QVERIFY(QFileInfo::exists(path));
    for (const QString &suffix : { QString(), u"-wal"_qs, u"-shm"_qs }) {
        const QFileInfo file(path + suffix);
        if (!file.exists())
            continue;
        QVERIFY2((file.permissions() & test::groupAndOthers) == QFileDevice::Permissions(), qPrintable(file.fileName()));
        QVERIFY(file.permissions().testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    }
    workspace.close();
}

void tst_DeveloperSend::plainTextBodyStartingWithABracketIsShownAsSent()
{
    // azureml-protocol.md §1.4: an error body need not be JSON. The gateway answers itself
    // (return-response) with a text/plain body that starts like a JSON array.
    const QByteArray body = "[WARN] a b";
    const QString policyPath
        = m_bed.serviceId() + u"/apis/azureml-demo-api/operations/rrs-execute/policies/policy"_qs;
    const QString xml
        = u"<policies>\n  <inbound>\n    <base />\n    <return-response>\n"
          "      <set-status code=\"503\" reason=\"Service Unavailable\" />\n"
          "      <set-header name=\"Content-Type\" exists-action=\"override\"><value>text/plain</value></set-header>\n"
          "      <set-body>%1</set-body>\n"
          "    </return-response>\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n"
          "  <outbound>\n    <base />\n  </outbound>\n  <on-error>\n    <base />\n  </on-error>\n"
          "</policies>"_qs.arg(QString::fromUtf8(body));
    const auto put = m_bed.call(core::ArmRequest::put(policyPath, QJsonObject { { u"properties"_qs,
        QJsonObject { { u"format"_qs, u"rawxml"_qs }, { u"value"_qs, xml } } } }), this);
    QVERIFY2(put.ok(), put.ok() ? "" : qPrintable(put.error().message));
    const auto removePolicy = qScopeGuard([&] { (void)m_bed.call(core::ArmRequest::remove(policyPath), this); });

    openRrsExecute(m_workspace.get(), u"send-developer"_qs);
    ui::ResponseViewer *viewer = m_workspace->viewer();
    QSignalSpy ready(m_bed.developer(), &ui::DeveloperController::responseReady);
    QSignalSpy pretty(viewer, &ui::ResponseViewer::prettyLoaded);
    QTest::mouseClick(m_workspace->composer()->findChild<QPushButton *>(u"sendPushButton"_qs), Qt::LeftButton);
    QVERIFY(ready.wait(30000));
    QCOMPARE(viewer->response().status, 503);
    QCOMPARE(viewer->response().contentType(), u"text/plain"_qs);
    QCOMPARE(viewer->response().body, body);
    QVERIFY(pretty.count() || pretty.wait(5000));
    QCOMPARE(viewer->prettyView()->text(), QString::fromUtf8(body));
}

QTEST_MAIN(tst_DeveloperSend)
#include "tst_developersend.moc"
