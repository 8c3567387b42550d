// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// A Try It send that does not end in a complete answer, clicked through the real widgets:
// Cancel while the subscription key is still being read sends nothing (the real portico-local
// counts what reached its gateway); a header the request cannot carry is shown at its row and
// nothing is sent or recorded; a body that breaks off after the headers is shown as what it
// is, incomplete (a fake QNAM only for the broken-off body, the catalog from portico-local).

#include "core/arm/armrequest.h"
#include "tests/support/fakenetworkaccessmanager.h"
#include "tests/support/tempdir.h"
#include "tests/ui/developer/developertestbed.h"
#include "ui/common/lazytextview.h"
#include "ui/developer/apicatalogpanel.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/developerworkspace.h"
#include "ui/developer/jsonbodyeditor.h"
#include "ui/developer/responseviewer.h"
#include "ui/developer/tryitcomposer.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

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

private:
    void openRrsExecute(ui::DeveloperWorkspace *workspace, const QString &subscription);
    int gatewayCalls();
    int historyCount(core::TryItHistory &history);

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

void tst_DeveloperSend::bodyThatBreaksOffIsShownIncomplete()
{
    QFETCH(QNetworkReply::NetworkError, error);
    QFETCH(QString, says);
    // The catalog and key from portico-local; the send through a network that breaks off.
    test::FakeNetworkAccessManager broken;
    const QByteArray body = R"({"Results": {"output1": {"type": "table", "value": {"ColumnNames": ["Col2_HashingFeature.0"], "Values": [["1"], ["1"], ["2"], ["2"]]}}}})";
    broken.enqueue({ test::FakeResponse::Behaviour::BreakOffWith, 200, body,
                     { { "Content-Type", "application/json" } }, error, 0 });
    test::TempDir dir;
    core::TryItHistory history;
    QVERIFY(history.open(dir.filePath(u"history.sqlite"_qs)).ok());
    ui::DeveloperController controller(m_bed.developer()->client(), &broken, &history);
    controller.setService(m_bed.serviceId());
    ui::DeveloperWorkspace workspace(&controller);
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

    // What arrived is there to read, and it says it is incomplete: not a complete 200.
    ui::ResponseViewer *viewer = workspace.viewer();
    QVERIFY(viewer->response().incomplete);
    const QString status = viewer->findChild<QLabel *>(u"statusLabel"_qs)->text();
    QVERIFY2(status.contains(u"200"_qs) && status.contains(u"incomplete"_qs), qPrintable(status));
    auto *errorLabel = viewer->findChild<QLabel *>(u"responseErrorLabel"_qs);
    QVERIFY(errorLabel->isVisibleTo(&workspace));
    QVERIFY2(errorLabel->text().contains(u"incomplete"_qs) && errorLabel->text().contains(says),
             qPrintable(errorLabel->text()));
    QSignalSpy raw(viewer, &ui::ResponseViewer::rawLoaded);
    viewer->setCurrentView(ui::ResponseViewer::View::Raw);
    QVERIFY(raw.wait(5000));
    QCOMPARE(viewer->rawView()->text(), QString::fromUtf8(body.left(body.size() / 2)));

    // History keeps it as a failed send, not as a 200 with a cut-off body.
    const auto entries = history.list();
    QVERIFY(entries.ok());
    QCOMPARE(entries.value().size(), 1);
    QCOMPARE(entries.value().first().status, 0);
    QVERIFY(!entries.value().first().error.isEmpty());
    workspace.close();
}

QTEST_MAIN(tst_DeveloperSend)
#include "tst_developersend.moc"
