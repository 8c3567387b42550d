// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Re-opening a send from history when it carried secrets, through the real widgets against
// the real portico-local. History keeps a mask in place of each secret; re-opening must not
// put the mask back as the value (Send would transmit it and earn a 401 with no hint): the
// value is left empty, the row says that it must be entered again, and a value that still
// holds the mask is refused at Send with a message naming the row.

#include "core/tryit/secretredaction.h"
#include "tests/support/tempdir.h"
#include "tests/ui/developer/developertestbed.h"
#include "ui/developer/apicatalogpanel.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/developerworkspace.h"
#include "ui/developer/historypanel.h"
#include "ui/developer/jsonbodyeditor.h"
#include "ui/developer/reentryhintdelegate.h"
#include "ui/developer/responseviewer.h"
#include "ui/developer/tryitcomposer.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace portico;

namespace {

const QString kSeedBody = uR"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["This is a good day"]]}}, "GlobalParameters": {}})"_qs;
const QString kMlToken = u"typed-ml-token-4711-secret"_qs;
const QString kHint = u"Enter again: history does not keep secrets"_qs;

core::ParameterContract parameter(const QString &name)
{
    core::ParameterContract p;
    p.name = name;
    p.type = u"string"_qs;
    p.required = true;
    return p;
}

} // namespace

class tst_HistoryReopen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void reopenedAuthorizationIsLeftEmptyAndMarked();
    void maskedTemplateValueIsLeftEmptyAndAMaskIsNeverSent();
    void subscriptionIsReopenedByIdNotByDisplayName();
    void reopenedSendWhoseSubscriptionIsGoneSaysSoAndPicksNoKey();
    void anotherOperationAfterAGoneSubscriptionStartsOnTheNarrowestKey();
    void aGoneSubscriptionThatComesBackIsPicked();
    void reopenedBodyNamesTheStorageKeyHistoryMasked();

private:
    int headerRow(const QString &name) const;
    // Re-opens the send recorded last (an earlier test recorded one dated in the future, so it
    // is not necessarily the top row).
    void reopenLastRecorded();

    test::DeveloperTestBed m_bed;
    test::TempDir m_dir;
    std::unique_ptr<ui::DeveloperWorkspace> m_workspace;
};

void tst_HistoryReopen::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString started = m_bed.start(u"historyreopen"_qs, this);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY(m_bed.call(core::ArmRequest::put(m_bed.serviceId() + u"/products/unlimited/apis/azureml-demo-api"_qs,
                                             QJsonObject()), this).ok());
    const auto key = m_bed.subscribe(u"reopen-developer"_qs, QJsonObject { { u"scope"_qs, u"/products/unlimited"_qs },
                                                                         { u"displayName"_qs, u"Reopen developer"_qs },
                                                                         { u"state"_qs, u"active"_qs } }, this);
    QVERIFY2(key.ok(), key.ok() ? "" : qPrintable(key.error().message));
    // Two subscriptions with the same display name (APIM does not make names unique).
    for (const QString &twin : { u"twin-a"_qs, u"twin-b"_qs }) {
        const auto twinKey = m_bed.subscribe(twin, QJsonObject { { u"scope"_qs, u"/products/unlimited"_qs },
                                                                 { u"displayName"_qs, u"Twin developer"_qs },
                                                                 { u"state"_qs, u"active"_qs } }, this);
        QVERIFY2(twinKey.ok(), twinKey.ok() ? "" : qPrintable(twinKey.error().message));
    }
    const QString opened = m_bed.openWorkspace(m_dir.filePath(u"history.sqlite"_qs), m_workspace);
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
}

void tst_HistoryReopen::cleanupTestCase()
{
    m_workspace.reset();
    m_bed.stop();
}

int tst_HistoryReopen::headerRow(const QString &name) const
{
    auto *headers = m_workspace->composer()->findChild<QTableWidget *>(u"headersTableWidget"_qs);
    for (int row = 0; row < headers->rowCount(); ++row) {
        if (headers->item(row, 0) && headers->item(row, 0)->text() == name)
            return row;
    }
    return -1;
}

void tst_HistoryReopen::reopenedAuthorizationIsLeftEmptyAndMarked()
{
    ui::TryItComposer *composer = m_workspace->composer();
    QVERIFY(m_workspace->catalog()->select(u"AzureML Demo API"_qs, u"RRS Execute"_qs));
    QTest::mouseClick(m_workspace->catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
    QVERIFY(composer->setParameterValue(u"workspace"_qs, u"local"_qs));
    QVERIFY(composer->setParameterValue(u"service"_qs, u"feature-hashing"_qs));
    QVERIFY(composer->setParameterValue(u"apiversion"_qs, u"2.0"_qs));
    QVERIFY(composer->setParameterValue(u"details"_qs, u"true"_qs));
    composer->bodyEditor()->setText(kSeedBody);
    auto *subscription = composer->findChild<QComboBox *>(u"subscriptionComboBox"_qs);
    subscription->setCurrentIndex(subscription->findData(u"reopen-developer"_qs));
    // An Authorization header typed by the user (the gateway's policy replaces it upstream).
    auto *headers = composer->findChild<QTableWidget *>(u"headersTableWidget"_qs);
    QTest::mouseClick(composer->findChild<QToolButton *>(u"addHeaderToolButton"_qs), Qt::LeftButton);
    const int added = headers->rowCount() - 1;
    headers->item(added, 0)->setText(u"Authorization"_qs);
    headers->item(added, 1)->setText(u"Bearer "_qs + kMlToken);

    auto *send = composer->findChild<QPushButton *>(u"sendPushButton"_qs);
    QSignalSpy ready(m_bed.developer(), &ui::DeveloperController::responseReady);
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(ready.wait(30000));
    QCOMPARE(m_workspace->viewer()->response().status, 200);

    // Re-open it (after another operation, so there is something to restore).
    QVERIFY(m_workspace->catalog()->select(u"AzureML Demo API"_qs, u"BES Status"_qs));
    QTest::mouseClick(m_workspace->catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
    ui::HistoryPanel *history = m_workspace->history();
    auto *list = history->findChild<QTreeWidget *>(u"historyTreeWidget"_qs);
    QTRY_COMPARE(history->entryCount(), 1);
    list->setCurrentItem(list->topLevelItem(0));
    QTest::mouseClick(history->findChild<QPushButton *>(u"historyReopenPushButton"_qs), Qt::LeftButton);
    QVERIFY(composer->findChild<QLabel *>(u"composerTitleLabel"_qs)->text().contains(u"RRS Execute"_qs));
    QCOMPARE(composer->templateValue(u"service"_qs), u"feature-hashing"_qs);

    // The credential is not back, not even as the mask; the row says to enter it again.
    const int row = headerRow(u"Authorization"_qs);
    QVERIFY(row >= 0);
    QCOMPARE(headers->item(row, 1)->text(), QString());
    const QString hint = headers->item(row, 1)->data(ui::ReentryHintDelegate::HintRole).toString();
    QCOMPARE(hint, u"Enter again as Bearer …: history does not keep secrets"_qs);
    QCOMPARE(headers->item(row, 1)->toolTip(), hint);
    QCOMPARE(headers->item(row, 0)->toolTip(), hint);

    // What the old re-open put there: the mask. Send refuses it and says where.
    const QSignalSpy started(m_bed.developer(), &ui::DeveloperController::sendStarted);
    headers->item(row, 1)->setText(u"Bearer "_qs + core::secretMask.toString());
    QTest::mouseClick(send, Qt::LeftButton);
    auto *problem = composer->findChild<QLabel *>(u"composerProblemLabel"_qs);
    QCOMPARE(problem->text(), u"The header Authorization holds the mask that stands for a secret history "
                              "does not keep: enter the real value."_qs);
    QCOMPARE(headers->currentRow(), row);
    QTest::qWait(100);
    QCOMPARE(started.count(), 0);
    QCOMPARE(m_bed.history().count().value(), qint64(1));

    // The real value again: it is sent.
    headers->item(row, 1)->setText(u"Bearer "_qs + kMlToken);
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(ready.wait(30000));
    QCOMPARE(m_workspace->viewer()->response().status, 200);
    QCOMPARE(m_bed.history().count().value(), qint64(2));
}

void tst_HistoryReopen::maskedTemplateValueIsLeftEmptyAndAMaskIsNeverSent()
{
    // An Azure Functions-style operation whose template carries the function key.
    core::Api api;
    api.name = u"functions"_qs;
    api.displayName = u"Functions"_qs;
    api.path = u"fn"_qs;
    core::Operation run;
    run.name = u"run"_qs;
    run.displayName = u"Run"_qs;
    run.method = u"POST"_qs;
    run.urlTemplate = u"/run?code={code}"_qs;
    run.templateParameters = { parameter(u"code"_qs) };
    ui::TryItComposer composer;
    composer.show();
    composer.setOperation(api, run, QUrl(u"http://127.0.0.1:1"_qs));
    QSignalSpy sent(&composer, &ui::TryItComposer::sendRequested);

    ui::ComposedRequest fromHistory;
    fromHistory.templateValues = { { u"code"_qs, core::secretMask.toString() } };
    fromHistory.body = "{}";
    composer.applyValues(fromHistory);
    auto *code = composer.findChild<QLineEdit *>(u"codeParameterLineEdit"_qs);
    QVERIFY(code);
    QCOMPARE(code->text(), QString());
    QCOMPARE(code->placeholderText(), kHint);
    QCOMPARE(code->toolTip(), kHint);

    // Typed (or pasted) mask: refused with the parameter named.
    code->setText(core::secretMask.toString());
    QTest::mouseClick(composer.findChild<QPushButton *>(u"sendPushButton"_qs), Qt::LeftButton);
    QCOMPARE(composer.findChild<QLabel *>(u"composerProblemLabel"_qs)->text(),
             u"The parameter code holds the mask that stands for a secret history does not keep: "
             "enter the real value."_qs);
    QCOMPARE(sent.count(), 0);

    // A body that history scrubbed still holds the mask: refused too.
    code->setText(u"real-function-key"_qs);
    composer.bodyEditor()->setText(u"{\"key\": \""_qs + core::secretMask.toString() + u"\"}"_qs);
    QTest::mouseClick(composer.findChild<QPushButton *>(u"sendPushButton"_qs), Qt::LeftButton);
    QVERIFY(composer.findChild<QLabel *>(u"composerProblemLabel"_qs)->text().startsWith(u"The body holds the mask"_qs));
    QCOMPARE(sent.count(), 0);

    composer.bodyEditor()->setText(u"{}"_qs);
    QTest::mouseClick(composer.findChild<QPushButton *>(u"sendPushButton"_qs), Qt::LeftButton);
    QCOMPARE(sent.count(), 1);
    QCOMPARE(composer.composedRequest().templateValues.value(u"code"_qs), u"real-function-key"_qs);
}

void tst_HistoryReopen::subscriptionIsReopenedByIdNotByDisplayName()
{
    ui::TryItComposer *composer = m_workspace->composer();
    auto *subscription = composer->findChild<QComboBox *>(u"subscriptionComboBox"_qs);
    auto *send = composer->findChild<QPushButton *>(u"sendPushButton"_qs);
    ui::HistoryPanel *history = m_workspace->history();
    auto *list = history->findChild<QTreeWidget *>(u"historyTreeWidget"_qs);
    const auto openRrs = [&] {
        QVERIFY(m_workspace->catalog()->select(u"AzureML Demo API"_qs, u"RRS Execute"_qs));
        QTest::mouseClick(m_workspace->catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
    };
    const auto reopen = [&](int item) {
        // From another operation, so the subscription is chosen by the re-open.
        QVERIFY(m_workspace->catalog()->select(u"AzureML Demo API"_qs, u"BES Status"_qs));
        QTest::mouseClick(m_workspace->catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
        subscription->setCurrentIndex(0);
        list->setCurrentItem(list->topLevelItem(item));
        QTest::mouseClick(history->findChild<QPushButton *>(u"historyReopenPushButton"_qs), Qt::LeftButton);
    };
    const qint64 before = m_bed.history().count().value();
    for (const QString &twin : { u"twin-a"_qs, u"twin-b"_qs }) {
        openRrs();
        QVERIFY(composer->setParameterValue(u"workspace"_qs, u"local"_qs));
        QVERIFY(composer->setParameterValue(u"service"_qs, u"feature-hashing"_qs));
        composer->bodyEditor()->setText(kSeedBody);
        const int index = subscription->findData(twin);
        QVERIFY(index > 0);
        QCOMPARE(subscription->itemText(index), u"Twin developer — Unlimited"_qs);
        subscription->setCurrentIndex(index);
        QSignalSpy ready(m_bed.developer(), &ui::DeveloperController::responseReady);
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY(ready.wait(30000));
        QCOMPARE(m_workspace->viewer()->response().status, 200);
    }
    QTRY_COMPARE(history->entryCount(), int(before + 2));
    // Newest first: twin-b's send, then twin-a's; each comes back with its own subscription.
    reopen(1);
    QCOMPARE(subscription->currentData().toString(), u"twin-a"_qs);
    reopen(0);
    QCOMPARE(subscription->currentData().toString(), u"twin-b"_qs);

    // A send recorded before the id was kept has the display name only: still re-opened.
    core::TryItRequest older = m_bed.history().list()->first().request;
    older.subscriptionId.clear();
    older.subscriptionName = u"Reopen developer"_qs;
    QVERIFY(m_bed.history()
                .record(older, core::Error::make(core::Error::Kind::Network, u"Connection refused"_qs),
                        QDateTime::currentDateTimeUtc().addSecs(60))
                .ok());
    history->reload();
    QTRY_COMPARE(history->entryCount(), int(before + 3));
    reopen(0);
    QCOMPARE(subscription->currentData().toString(), u"reopen-developer"_qs);
}

void tst_HistoryReopen::reopenLastRecorded()
{
    qint64 last = 0;
    const auto entries = m_bed.history().list();
    QVERIFY(entries.ok());
    for (const core::HistoryEntry &entry : entries.value())
        last = std::max(last, entry.id);
    ui::HistoryPanel *history = m_workspace->history();
    auto *list = history->findChild<QTreeWidget *>(u"historyTreeWidget"_qs);
    int row = -1;
    QTRY_VERIFY((row = [&] {
        for (int i = 0; i < history->entryCount(); ++i) {
            if (history->entryIdAt(i) == last)
                return i;
        }
        return -1;
    }()) >= 0);
    list->setCurrentItem(list->topLevelItem(row));
    QTest::mouseClick(
        history->findChild<QPushButton *>(u"historyReopenPushButton"_qs), Qt::LeftButton);
}

void tst_HistoryReopen::reopenedSendWhoseSubscriptionIsGoneSaysSoAndPicksNoKey()
{
    const auto key = m_bed.subscribe(u"short-lived"_qs,
        QJsonObject { { u"scope"_qs, u"/products/unlimited"_qs },
            { u"displayName"_qs, u"Short-lived developer"_qs }, { u"state"_qs, u"active"_qs } },
        this);
    QVERIFY2(key.ok(), key.ok() ? "" : qPrintable(key.error().message));
    QVERIFY(m_bed.refreshDeveloper());
    ui::TryItComposer *composer = m_workspace->composer();
    auto *subscription = composer->findChild<QComboBox *>(u"subscriptionComboBox"_qs);
    QVERIFY(m_workspace->catalog()->select(u"AzureML Demo API"_qs, u"RRS Execute"_qs));
    QTest::mouseClick(
        m_workspace->catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
    QVERIFY(composer->setParameterValue(u"workspace"_qs, u"local"_qs));
    QVERIFY(composer->setParameterValue(u"service"_qs, u"feature-hashing"_qs));
    composer->bodyEditor()->setText(kSeedBody);
    subscription->setCurrentIndex(subscription->findData(u"short-lived"_qs));
    QSignalSpy ready(m_bed.developer(), &ui::DeveloperController::responseReady);
    QTest::mouseClick(composer->findChild<QPushButton *>(u"sendPushButton"_qs), Qt::LeftButton);
    QVERIFY(ready.wait(30000));
    QCOMPARE(m_workspace->viewer()->response().status, 200);

    // The subscription is deleted; the developer side learns it on refresh.
    QVERIFY(
        m_bed
            .call(core::ArmRequest::remove(m_bed.serviceId() + u"/subscriptions/short-lived"_qs),
                this)
            .ok());
    QVERIFY(m_bed.refreshDeveloper());
    QCOMPARE(subscription->findData(u"short-lived"_qs), -1);

    QVERIFY(m_workspace->catalog()->select(u"AzureML Demo API"_qs, u"BES Status"_qs));
    QTest::mouseClick(
        m_workspace->catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
    const int picked = subscription->findData(u"reopen-developer"_qs);
    subscription->setCurrentIndex(picked); // a key is picked before the re-open
    reopenLastRecorded();
    QVERIFY(composer->findChild<QLabel *>(u"composerTitleLabel"_qs)
                ->text()
                .contains(u"RRS Execute"_qs));

    // No other key is slipped in, and the user reads why none is sent.
    QCOMPARE(subscription->currentText(), u"No subscription key"_qs);
    auto *missing = composer->findChild<QLabel *>(u"missingSubscriptionLabel"_qs);
    QVERIFY(missing);
    QVERIFY(missing->isVisible());
    QCOMPARE(missing->text(),
        u"The subscription “Short-lived developer” that this send used no longer exists or "
        "is no longer active. No subscription key is sent: choose a subscription to send "
        "with a key."_qs);
    // A refresh does not pick a key behind the note either.
    QVERIFY(m_bed.refreshDeveloper());
    QCOMPARE(subscription->currentText(), u"No subscription key"_qs);
    QVERIFY(missing->isVisible());

    // Picking a subscription answers it.
    subscription->setCurrentIndex(picked);
    QVERIFY(!missing->isVisible());
}

void tst_HistoryReopen::anotherOperationAfterAGoneSubscriptionStartsOnTheNarrowestKey()
{
    ui::TryItComposer *composer = m_workspace->composer();
    auto *subscription = composer->findChild<QComboBox *>(u"subscriptionComboBox"_qs);
    auto *missing = composer->findChild<QLabel *>(u"missingSubscriptionLabel"_qs);
    reopenLastRecorded(); // the send whose subscription is gone
    QCOMPARE(subscription->currentText(), u"No subscription key"_qs);
    QVERIFY(missing->isVisible());

    // The re-opened send's "no key" was not the user's pick: another operation starts on the
    // narrowest key that can call it, and the note (about the send) is gone.
    QVERIFY(m_workspace->catalog()->select(u"AzureML Demo API"_qs, u"BES Status"_qs));
    QTest::mouseClick(
        m_workspace->catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
    QCOMPARE(subscription->currentData().toString(), u"reopen-developer"_qs);
    QVERIFY(!missing->isVisible());
    QVERIFY(m_bed.refreshDeveloper());
    QCOMPARE(subscription->currentData().toString(), u"reopen-developer"_qs);
}

void tst_HistoryReopen::aGoneSubscriptionThatComesBackIsPicked()
{
    ui::TryItComposer *composer = m_workspace->composer();
    auto *subscription = composer->findChild<QComboBox *>(u"subscriptionComboBox"_qs);
    auto *missing = composer->findChild<QLabel *>(u"missingSubscriptionLabel"_qs);
    reopenLastRecorded();
    QVERIFY(missing->isVisible());

    // It is active again: the next refresh picks it, and the note no longer says it is gone.
    const auto key = m_bed.subscribe(u"short-lived"_qs,
        QJsonObject { { u"scope"_qs, u"/products/unlimited"_qs },
            { u"displayName"_qs, u"Short-lived developer"_qs }, { u"state"_qs, u"active"_qs } },
        this);
    QVERIFY2(key.ok(), key.ok() ? "" : qPrintable(key.error().message));
    QVERIFY(m_bed.refreshDeveloper());
    QCOMPARE(subscription->currentData().toString(), u"short-lived"_qs);
    QVERIFY(!missing->isVisible());
}

void tst_HistoryReopen::reopenedBodyNamesTheStorageKeyHistoryMasked()
{
    const QString accountKey = u"c3RvcmFnZS1hY2NvdW50LWtleS1mb3ItdGhlLXRlc3Q="_qs;
    const QString body
        = u"{\"Inputs\": {\"input1\": {\"ColumnNames\": [\"Col2\"], \"Values\": [[\"a\"]]}},\n"
          "  \"GlobalParameters\": {\n"
          "    \"Storage\": \"DefaultEndpointsProtocol=https;AccountName=devstore;AccountKey=%1;"
          "EndpointSuffix=core.windows.net\"}}"_qs;
    ui::TryItComposer *composer = m_workspace->composer();
    QVERIFY(m_workspace->catalog()->select(u"AzureML Demo API"_qs, u"RRS Execute"_qs));
    QTest::mouseClick(
        m_workspace->catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
    QVERIFY(composer->setParameterValue(u"workspace"_qs, u"local"_qs));
    QVERIFY(composer->setParameterValue(u"service"_qs, u"feature-hashing"_qs));
    composer->bodyEditor()->setText(body.arg(accountKey));
    auto *subscription = composer->findChild<QComboBox *>(u"subscriptionComboBox"_qs);
    subscription->setCurrentIndex(subscription->findData(u"reopen-developer"_qs));
    auto *bodyMask = composer->findChild<QLabel *>(u"bodyMaskLabel"_qs);
    QVERIFY(bodyMask);
    QVERIFY(!bodyMask->isVisible());
    QSignalSpy ready(m_bed.developer(), &ui::DeveloperController::responseReady);
    auto *send = composer->findChild<QPushButton *>(u"sendPushButton"_qs);
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(ready.wait(30000));

    // Re-opened: history kept the mask in place of the account key, and the composer names it.
    QVERIFY(m_workspace->catalog()->select(u"AzureML Demo API"_qs, u"BES Status"_qs));
    QTest::mouseClick(
        m_workspace->catalog()->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
    reopenLastRecorded();
    QCOMPARE(composer->bodyEditor()->text(), body.arg(core::secretMask.toString()));
    const QString said
        = u"Line 3 of the body holds the mask in place of the AccountKey of a storage connection "
          "string: history does not keep it. Enter the account key again before sending."_qs;
    QVERIFY(bodyMask->isVisible());
    QCOMPARE(bodyMask->text(), said);

    // Send refuses it with the same words; nothing goes out.
    const QSignalSpy started(m_bed.developer(), &ui::DeveloperController::sendStarted);
    QTest::mouseClick(send, Qt::LeftButton);
    QCOMPARE(composer->findChild<QLabel *>(u"composerProblemLabel"_qs)->text(), said);
    QCOMPARE(started.count(), 0);

    // The key entered again: the note goes, and it is sent.
    composer->bodyEditor()->setText(body.arg(accountKey));
    QVERIFY(!bodyMask->isVisible());
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(ready.wait(30000));
    QCOMPARE(started.count(), 1);
}

QTEST_MAIN(tst_HistoryReopen)
#include "tst_historyreopen.moc"
