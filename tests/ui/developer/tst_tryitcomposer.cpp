// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/tryit/secretredaction.h"
#include "core/tryit/snippetgenerator.h"
#include "core/tryit/tryitrequest.h"
#include "ui/developer/apicatalogpanel.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/jsonbodyeditor.h"
#include "ui/developer/secretheaderdelegate.h"
#include "ui/developer/snippetpanel.h"
#include "ui/developer/tryitcomposer.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>

using namespace portico;
using namespace portico::ui;

class tst_TryItComposer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subscriptionsForARevisionOfTheApiCanCallIt();
    void codeSnippetKeepsTheBodyAsWritten();
    void codeSnippetFollowsAnEditedBodyExactly_data();
    void codeSnippetFollowsAnEditedBodyExactly();
    void codeTabSaysWhyThereIsNoCode_data();
    void codeTabSaysWhyThereIsNoCode();
    void catalogSearchesAndDocumentsTheOperation();
    void composerPrefillsAndPreviewsWithSecretsMasked();
    void invalidBodyBlocksSendWithItsPosition();
    void previewIsTheRequestThatIsSentWithEverySecretMasked();
    void reopeningKeepsEveryRowOfARepeatedHeader();
    void typedContentTypeDecidesHowTheBodyIsJudged();
    void typedInputIsKeptPerOperation();
    void newHeaderIsTypedNameTabValue();
    void replacedBodyComesBackWithUndo();
    void secretHeaderValuesAreMaskedInTheTable();
    void emptyRequiredQueryParameterBlocksSend();
    void reopenBringsBackExactlyTheQueryThatWasSent();
    void addedQueryParametersArePreviewedSentAndReopened();
    void typedKeyIsSentInsteadOfTheSubscriptionsAndTheComposerSaysSo();
    void typedQueryKeyIsNotedAsItIsTypedEvenWithAValueMissing();
    void dotSegmentValueIsRefusedAtItsRow();
    void reopenedSubscriptionIsLookedUpWhenTheListArrives();
    void bodyNoteNamesTheCredentialHistoryMasked_data();
    void bodyNoteNamesTheCredentialHistoryMasked();
};

namespace {

const QString seedBody = uR"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["This is a good day"]]}}, "GlobalParameters": {}})"_qs;

core::ParameterContract parameter(const QString &name, QStringList values = {})
{
    core::ParameterContract p;
    p.name = name;
    p.type = u"string"_qs;
    p.required = true;
    p.values = std::move(values);
    return p;
}

CatalogApi demoApi()
{
    CatalogApi api;
    api.api.name = u"azureml-demo"_qs;
    api.api.displayName = u"AzureML Demo API"_qs;
    api.api.path = u"azureml-demo"_qs;
    core::Operation rrs;
    rrs.name = u"rrs-execute"_qs;
    rrs.displayName = u"RRS Execute"_qs;
    rrs.method = u"POST"_qs;
    rrs.urlTemplate = u"/workspaces/{workspace}/services/{service}/execute?api-version={apiversion}&details={details}"_qs;
    rrs.templateParameters = { parameter(u"workspace"_qs), parameter(u"service"_qs),
                               parameter(u"apiversion"_qs, { u"2.0"_qs }),
                               parameter(u"details"_qs, { u"true"_qs, u"false"_qs }) };
    core::RepresentationContract json;
    json.contentType = u"application/json"_qs;
    json.sample = seedBody;
    rrs.request.representations = { json };
    core::Operation status;
    status.name = u"bes-status"_qs;
    status.displayName = u"BES Status"_qs;
    status.method = u"GET"_qs;
    status.urlTemplate = u"/workspaces/{workspace}/services/{service}/jobs/{jobid}?api-version={apiversion}"_qs;
    api.operations = { rrs, status };
    return api;
}

// A scoring operation that declares no body representation, with a required query parameter.
CatalogApi csvApi()
{
    CatalogApi api;
    api.api.name = u"csv-api"_qs;
    api.api.displayName = u"CSV API"_qs;
    api.api.path = u"csv"_qs;
    core::Operation score;
    score.name = u"score"_qs;
    score.displayName = u"Score"_qs;
    score.method = u"POST"_qs;
    score.urlTemplate = u"/score"_qs;
    core::ParameterContract model = parameter(u"model"_qs);
    model.defaultValue = u"v1"_qs;
    score.request.queryParameters = { model };
    api.operations = { score };
    return api;
}

// The cell editor the table has open (closed ones are hidden until deleted).
QLineEdit *openEditor(QTableWidget *table)
{
    const auto editors = table->viewport()->findChildren<QLineEdit *>();
    for (QLineEdit *editor : editors) {
        if (editor->isVisible())
            return editor;
    }
    return nullptr;
}

QTableWidget *headerTable(const TryItComposer &composer)
{
    return composer.findChild<QTableWidget *>(u"headersTableWidget"_qs);
}

} // namespace

void tst_TryItComposer::catalogSearchesAndDocumentsTheOperation()
{
    ApiCatalogPanel catalog;
    catalog.show();
    catalog.setCatalog({ demoApi() });
    auto *view = catalog.findChild<QTreeView *>(u"catalogTreeView"_qs);
    QCOMPARE(view->model()->rowCount(view->model()->index(0, 0)), 2);
    QTest::keyClicks(catalog.findChild<QLineEdit *>(u"catalogSearchLineEdit"_qs), u"execute"_qs);
    QCOMPARE(view->model()->rowCount(view->model()->index(0, 0)), 1);
    auto *method = catalog.findChild<QComboBox *>(u"catalogMethodComboBox"_qs);
    method->setCurrentIndex(method->findData(u"GET"_qs));
    QCOMPARE(view->model()->rowCount(), 0); // "execute" is POST only

    method->setCurrentIndex(0);
    QVERIFY(catalog.select(u"AzureML Demo API"_qs, u"RRS Execute"_qs));
    const QString doc = catalog.findChild<QTextBrowser *>(u"operationDocTextBrowser"_qs)->toPlainText();
    QVERIFY2(doc.contains(u"/azureml-demo/workspaces/{workspace}/services/{service}/execute"_qs), qPrintable(doc));
    QVERIFY(doc.contains(u"apiversion"_qs) && doc.contains(u"This is a good day"_qs));
    QSignalSpy tryIt(&catalog, &ApiCatalogPanel::tryItRequested);
    catalog.findChild<QPushButton *>(u"tryItPushButton"_qs)->click();
    QCOMPARE(tryIt.count(), 1);
}

void tst_TryItComposer::composerPrefillsAndPreviewsWithSecretsMasked()
{
    TryItComposer composer;
    composer.show();
    const CatalogApi api = demoApi();
    composer.setOperation(api.api, api.operations.first(), QUrl(u"https://127.0.0.1:8471"_qs));
    composer.setSubscriptions({ { u"starter-demo"_qs, u"Starter (demo)"_qs, u"Starter"_qs } });

    // Declared values are drop-downs, pre-filled.
    auto *apiVersion = composer.findChild<QComboBox *>(u"apiversionParameterComboBox"_qs);
    QVERIFY(apiVersion);
    QCOMPARE(apiVersion->currentText(), u"2.0"_qs);
    QCOMPARE(composer.findChild<QComboBox *>(u"detailsParameterComboBox"_qs)->currentText(), u"true"_qs);
    QTest::keyClicks(composer.findChild<QLineEdit *>(u"workspaceParameterLineEdit"_qs), u"local"_qs);
    QTest::keyClicks(composer.findChild<QLineEdit *>(u"serviceParameterLineEdit"_qs), u"feature-hashing"_qs);
    QCOMPARE(composer.bodyEditor()->text(), seedBody);
    QVERIFY(composer.findChild<QComboBox *>(u"subscriptionComboBox"_qs)->currentText().contains(u"Starter"_qs));

    // Authorization preset, then the user types the credential.
    composer.setParameterValue(u"details"_qs, u"true"_qs);
    const QStringList preview = composer.previewText().split(u'\n');
    QCOMPARE(preview.first(), u"POST https://127.0.0.1:8471/azureml-demo/workspaces/local/services/feature-hashing/execute?api-version=2.0&details=true"_qs);
    QVERIFY(preview.contains(u"Content-Type: application/json"_qs));
    QVERIFY(preview.contains(u"Ocp-Apim-Subscription-Key: ••••••••"_qs));

    ComposedRequest withAuth = composer.composedRequest();
    withAuth.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer secret-ml-key")));
    composer.applyValues(withAuth);
    const QString masked = composer.findChild<QPlainTextEdit *>(u"requestPreviewPlainTextEdit"_qs)->toPlainText();
    QVERIFY2(masked.contains(u"Authorization: Bearer ••••••••"_qs), qPrintable(masked));
    QVERIFY(!masked.contains(u"secret-ml-key"_qs));

    QSignalSpy send(&composer, &TryItComposer::sendRequested);
    QTest::keyClick(composer.bodyEditor()->editor(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(send.count(), 1);
    const auto request = send.first().first().value<ComposedRequest>();
    QCOMPARE(request.templateValues.value(u"workspace"_qs), u"local"_qs);
    QCOMPARE(request.subscriptionId, u"starter-demo"_qs);
    QCOMPARE(request.subscriptionName, u"Starter (demo)"_qs);
}

void tst_TryItComposer::invalidBodyBlocksSendWithItsPosition()
{
    TryItComposer composer;
    composer.show();
    const CatalogApi api = demoApi();
    composer.setOperation(api.api, api.operations.first(), QUrl(u"https://127.0.0.1:8471"_qs));
    composer.setParameterValue(u"workspace"_qs, u"local"_qs);
    composer.setParameterValue(u"service"_qs, u"feature-hashing"_qs);
    QPlainTextEdit *edit = composer.bodyEditor()->editor();
    edit->setFocus();
    edit->moveCursor(QTextCursor::End);
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, u"oops"_qs);
    QSignalSpy send(&composer, &TryItComposer::sendRequested);
    // Sent at once, before the typing pause: still judged on what is on screen.
    composer.findChild<QPushButton *>(u"sendPushButton"_qs)->click();
    QCOMPARE(send.count(), 0);
    const QString problem = composer.findChild<QLabel *>(u"composerProblemLabel"_qs)->text();
    QVERIFY2(problem.contains(u"line 2, column"_qs), qPrintable(problem));
    QVERIFY(composer.findChild<QLabel *>(u"bodyValidationLabel"_qs)->text().contains(u"line 2"_qs));
}

void tst_TryItComposer::previewIsTheRequestThatIsSentWithEverySecretMasked()
{
    TryItComposer composer;
    composer.show();
    CatalogApi api = demoApi();
    core::Operation &rrs = api.operations.first();
    core::ParameterContract note;
    note.name = u"note"_qs;
    note.type = u"string"_qs;
    core::ParameterContract typedKey;
    typedKey.name = u"subscription-key"_qs;
    typedKey.type = u"string"_qs;
    rrs.request.queryParameters = { note, typedKey };
    composer.setOperation(api.api, rrs, QUrl(u"https://127.0.0.1:8471"_qs));
    composer.setSubscriptions({ { u"starter-demo"_qs, u"Starter (demo)"_qs, u"Starter"_qs } });
    composer.setParameterValue(u"workspace"_qs, u"local"_qs);
    composer.setParameterValue(u"service"_qs, u"feature-hashing"_qs);

    // Typed by the user: a value with a plus, and keys in places other than Authorization.
    QTest::keyClicks(composer.findChild<QLineEdit *>(u"noteParameterLineEdit"_qs), u"1+1"_qs);
    QTest::keyClicks(composer.findChild<QLineEdit *>(u"subscription-keyParameterLineEdit"_qs), u"typed-query-key-1"_qs);
    ComposedRequest withKeys = composer.composedRequest();
    withKeys.headers.append(qMakePair(QByteArray("api-key"), QByteArray("typed-ml-key-2")));
    withKeys.headers.append(qMakePair(QByteArray("Ocp-Apim-Subscription-Key"), QByteArray("typed-header-key-3")));
    withKeys.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer typed-token-4")));
    composer.applyValues(withKeys);

    const QString preview = composer.findChild<QPlainTextEdit *>(u"requestPreviewPlainTextEdit"_qs)->toPlainText();
    const QStringList lines = preview.split(u'\n');
    // The URL is the one that goes over the wire: "+" travels as %2B, and so it is shown.
    QVERIFY2(lines.first().contains(u"note=1%2B1"_qs), qPrintable(lines.first()));
    QVERIFY(!lines.first().contains(u"note=1+1"_qs));
    const ComposedRequest sent = composer.composedRequest();
    const auto wire = DeveloperController::toTryItRequest(sent, {}).prepare();
    QVERIFY(wire.ok());
    QVERIFY2(wire->url.toString(QUrl::FullyEncoded).contains(u"note=1%2B1"_qs), qPrintable(wire->url.toString()));
    QVERIFY(lines.first().startsWith(u"POST https://127.0.0.1:8471/azureml-demo/workspaces/local/services/feature-hashing/execute?api-version=2.0&details=true&note=1%2B1&subscription-key="_qs));

    // Every secret the history masks is masked here too; none shows in clear.
    for (const QString &secret : { u"typed-query-key-1"_qs, u"typed-ml-key-2"_qs, u"typed-header-key-3"_qs,
                                   u"typed-token-4"_qs })
        QVERIFY2(!preview.contains(secret), qPrintable(secret + u" in\n"_qs + preview));
    QVERIFY2(lines.first().contains(u"subscription-key=••••••••"_qs), qPrintable(lines.first()));
    QVERIFY2(lines.contains(u"api-key: ••••••••"_qs), qPrintable(preview));
    QVERIFY(lines.contains(u"Authorization: Bearer ••••••••"_qs));
    // Typed, and a subscription chosen: the typed key is the one sent.
    QCOMPARE(lines.count(u"Ocp-Apim-Subscription-Key: ••••••••"_qs), 1);
}

void tst_TryItComposer::reopeningKeepsEveryRowOfARepeatedHeader()
{
    TryItComposer composer;
    composer.show();
    const CatalogApi api = demoApi();
    composer.setOperation(api.api, api.operations.first(), QUrl(u"https://127.0.0.1:8471"_qs));
    ComposedRequest sent = composer.composedRequest();
    sent.headers = { { "X-Tag", "one" }, { "x-tag", "two" }, { "Authorization", "Bearer ••••••••" },
                     { "Authorization", "Bearer ••••••••" } };
    composer.applyValues(sent); // as re-opening a send from the history does

    const auto *table = composer.findChild<QTableWidget *>(u"headersTableWidget"_qs);
    QVERIFY(table);
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row)
        rows.append(table->item(row, 0)->text() + u": "_qs + table->item(row, 1)->text());
    // Both values of the repeated name, each in its own row; the secrets left to enter again.
    QCOMPARE(rows, (QStringList { u"X-Tag: one"_qs, u"x-tag: two"_qs, u"Authorization: "_qs,
                                  u"Authorization: "_qs }));
    QVERIFY(!table->item(3, 1)->toolTip().isEmpty());
    const auto headers = composer.composedRequest().headers;
    QVERIFY(headers.contains(qMakePair(QByteArray("X-Tag"), QByteArray("one"))));
    QVERIFY(headers.contains(qMakePair(QByteArray("x-tag"), QByteArray("two"))));
}

void tst_TryItComposer::typedContentTypeDecidesHowTheBodyIsJudged()
{
    TryItComposer composer;
    composer.show();
    const CatalogApi api = csvApi();
    composer.setOperation(api.api, api.operations.first(), QUrl(u"http://127.0.0.1:1"_qs));
    QTableWidget *headers = headerTable(composer);
    QCOMPARE(headers->item(0, 0)->text(), u"Content-Type"_qs);
    QCOMPARE(headers->item(0, 1)->text(), u"application/json"_qs);

    // Typed into the table, not chosen from the preset menu: a CSV body may be sent.
    headers->item(0, 1)->setText(u"text/csv"_qs);
    composer.bodyEditor()->editor()->setPlainText(u"a,b\n1,2\n"_qs);
    QSignalSpy send(&composer, &TryItComposer::sendRequested);
    auto *sendButton = composer.findChild<QPushButton *>(u"sendPushButton"_qs);
    sendButton->click();
    auto *problem = composer.findChild<QLabel *>(u"composerProblemLabel"_qs);
    QVERIFY2(problem->text().isEmpty(), qPrintable(problem->text()));
    QCOMPARE(send.count(), 1);
    const auto request = send.first().first().value<ComposedRequest>();
    QCOMPARE(request.body, QByteArray("a,b\n1,2\n"));
    QVERIFY(request.headers.contains(qMakePair(QByteArray("Content-Type"), QByteArray("text/csv"))));
    QVERIFY(composer.previewText().split(u'\n').contains(u"Content-Type: text/csv"_qs));

    // A JSON type again (a +json one, with parameters): the same body is judged as JSON.
    headers->item(0, 1)->setText(u"application/problem+json; charset=utf-8"_qs);
    QVERIFY(composer.bodyEditor()->isJsonMode());
    sendButton->click();
    QCOMPARE(send.count(), 1);
    QVERIFY2(problem->text().contains(u"invalid JSON at line 1"_qs), qPrintable(problem->text()));

    // The row removed: this operation declares no body type, so the body goes out as JSON.
    headers->item(0, 1)->setText(u"text/plain"_qs);
    QVERIFY(!composer.bodyEditor()->isJsonMode());
    headers->setCurrentCell(0, 1);
    composer.findChild<QToolButton *>(u"removeHeaderToolButton"_qs)->click();
    QVERIFY(composer.bodyEditor()->isJsonMode());
}

void tst_TryItComposer::newHeaderIsTypedNameTabValue()
{
    // Add Header opens the new row's name; Tab goes on to that row's value, not to the value of
    // the row that happened to be current (Content-Type).
    TryItComposer composer;
    composer.show();
    QVERIFY(QTest::qWaitForWindowActive(&composer));
    const CatalogApi api = demoApi();
    composer.setOperation(api.api, api.operations.at(0), QUrl(u"https://127.0.0.1:8471"_qs));
    QTableWidget *headers = headerTable(composer);
    QCOMPARE(headers->rowCount(), 1);
    QCOMPARE(headers->item(0, 1)->text(), u"application/json"_qs);
    QTest::mouseClick(composer.findChild<QToolButton *>(u"addHeaderToolButton"_qs), Qt::LeftButton);
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), u"X-Trace"_qs);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), u"trace-1"_qs);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(headers->item(1, 1)->text(), u"trace-1"_qs);
    QCOMPARE(headers->item(1, 0)->text(), u"X-Trace"_qs);
    QCOMPARE(headers->item(0, 1)->text(), u"application/json"_qs);
    QVERIFY(composer.previewText().contains(u"\nX-Trace: trace-1"_qs));
}

void tst_TryItComposer::typedInputIsKeptPerOperation()
{
    TryItComposer composer;
    composer.show();
    const CatalogApi api = demoApi();
    const core::Operation &rrs = api.operations.at(0);
    const core::Operation &status = api.operations.at(1);
    const QUrl gateway(u"https://127.0.0.1:8471"_qs);
    composer.setOperation(api.api, rrs, gateway);
    QTest::keyClicks(composer.findChild<QLineEdit *>(u"workspaceParameterLineEdit"_qs), u"local"_qs);
    composer.findChild<QComboBox *>(u"detailsParameterComboBox"_qs)->setCurrentText(u"false"_qs);
    QTableWidget *headers = headerTable(composer);
    QTest::mouseClick(composer.findChild<QToolButton *>(u"addHeaderToolButton"_qs), Qt::LeftButton);
    QCOMPARE(headers->rowCount(), 2);
    headers->item(1, 0)->setText(u"X-Trace"_qs);
    headers->item(1, 1)->setText(u"trace-1"_qs);
    QPlainTextEdit *edit = composer.bodyEditor()->editor();
    edit->setFocus();
    edit->selectAll();
    const QString typed = uR"({"Inputs": {"rows": [1, 2, 3]}})"_qs;
    QTest::keyClicks(edit, typed);
    QCOMPARE(edit->toPlainText(), typed);

    // Try It again on the open operation (a second double-click): nothing changes.
    composer.setOperation(api.api, rrs, gateway);
    QCOMPARE(edit->toPlainText(), typed);
    QCOMPARE(composer.templateValue(u"workspace"_qs), u"local"_qs);
    QCOMPARE(headers->rowCount(), 2);

    // Another operation, then the first again: everything typed is back.
    composer.setOperation(api.api, status, gateway);
    QCOMPARE(edit->toPlainText(), QString());
    QCOMPARE(composer.templateValue(u"workspace"_qs), QString());
    composer.setOperation(api.api, rrs, gateway);
    QCOMPARE(edit->toPlainText(), typed);
    QCOMPARE(composer.templateValue(u"workspace"_qs), u"local"_qs);
    QCOMPARE(composer.templateValue(u"details"_qs), u"false"_qs);
    QCOMPARE(headers->rowCount(), 2);
    QCOMPARE(headers->item(1, 0)->text(), u"X-Trace"_qs);
    QCOMPARE(headers->item(1, 1)->text(), u"trace-1"_qs);
    const ComposedRequest request = composer.composedRequest();
    QCOMPARE(request.body, typed.toUtf8());
    QVERIFY(request.headers.contains(qMakePair(QByteArray("X-Trace"), QByteArray("trace-1"))));

    // The same operation on another gateway (another service) starts from the operation's own.
    composer.setOperation(api.api, rrs, QUrl(u"https://127.0.0.1:9999"_qs));
    QCOMPARE(edit->toPlainText(), seedBody);
    QCOMPARE(composer.templateValue(u"workspace"_qs), QString());
}

void tst_TryItComposer::replacedBodyComesBackWithUndo()
{
    TryItComposer composer;
    composer.show();
    const CatalogApi api = demoApi();
    const QUrl gateway(u"https://127.0.0.1:8471"_qs);
    composer.setOperation(api.api, api.operations.at(0), gateway);
    QPlainTextEdit *edit = composer.bodyEditor()->editor();
    edit->setFocus();
    edit->selectAll();
    const QString typed = uR"({"typed": "by hand"})"_qs;
    QTest::keyClicks(edit, typed);

    composer.setOperation(api.api, api.operations.at(1), gateway);
    QCOMPARE(edit->toPlainText(), QString());
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(edit->toPlainText(), typed);

    // Re-opening a send from history replaces the body the same way.
    ComposedRequest fromHistory;
    fromHistory.body = R"({"from": "history"})";
    composer.applyValues(fromHistory);
    QCOMPARE(edit->toPlainText(), u"{\"from\": \"history\"}"_qs);
    QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(edit->toPlainText(), typed);
}

void tst_TryItComposer::secretHeaderValuesAreMaskedInTheTable()
{
    TryItComposer composer;
    composer.resize(900, 700);
    composer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&composer));
    const CatalogApi api = demoApi();
    composer.setOperation(api.api, api.operations.first(), QUrl(u"https://127.0.0.1:8471"_qs));
    composer.setParameterValue(u"workspace"_qs, u"local"_qs);
    composer.setParameterValue(u"service"_qs, u"feature-hashing"_qs);
    QTableWidget *headers = headerTable(composer);
    auto *addHeader = composer.findChild<QToolButton *>(u"addHeaderToolButton"_qs);
    const auto typeRow = [&](const QString &name, const QString &value) {
        QTest::mouseClick(addHeader, Qt::LeftButton);
        const int row = headers->rowCount() - 1;
        // The name is typed into the editor that Add Header opens, the value set afterwards.
        auto *nameEditor = openEditor(headers);
        if (!nameEditor)
            return -1;
        QTest::keyClicks(nameEditor, name);
        QTest::keyClick(nameEditor, Qt::Key_Return);
        if (!QTest::qWaitFor([&] { return headers->item(row, 0)->text() == name; }))
            return -1; // the delegate commits after the key press
        headers->item(row, 1)->setText(value);
        return row;
    };
    const int authorization = typeRow(u"Authorization"_qs, u"Bearer typed-token-4711"_qs);
    const int apiKey = typeRow(u"X-Api-Key"_qs, u"typed-key-0815"_qs);
    const int trace = typeRow(u"X-Trace"_qs, u"trace-1"_qs);
    QVERIFY(authorization >= 0 && apiKey >= 0 && trace >= 0);
    QCOMPARE(headers->item(apiKey, 0)->text(), u"X-Api-Key"_qs);
    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(headers);
    QVERIFY(table && table->tableInterface());
    const auto spoken = [&](int row) { return table->tableInterface()->cellAt(row, 1)->text(QAccessible::Name); };

    // Masked as the preview masks it, in what a screen reader reads and in what is painted.
    QCOMPARE(spoken(authorization), u"Bearer ••••••••"_qs);
    QCOMPARE(spoken(apiKey), u"••••••••"_qs);
    QCOMPARE(spoken(trace), u"trace-1"_qs);
    // The pixels do not depend on the secret: another token paints exactly the same.
    const QImage masked = headers->viewport()->grab().toImage();
    headers->item(authorization, 1)->setText(u"Bearer another-token-9"_qs);
    QCOMPARE(headers->viewport()->grab().toImage(), masked);
    auto *delegate = qobject_cast<SecretHeaderDelegate *>(headers->itemDelegateForColumn(1));
    QVERIFY(delegate);
    const auto shown = [&](int row) { return delegate->shownText(headers->model()->index(row, 1)); };
    QCOMPARE(shown(authorization), u"Bearer ••••••••"_qs);
    QCOMPARE(shown(apiKey), u"••••••••"_qs);
    QCOMPARE(shown(trace), u"trace-1"_qs);
    // A row renamed to a secret header is masked from then on.
    headers->item(trace, 0)->setText(u"X-Session-Token"_qs);
    QCOMPARE(spoken(trace), u"••••••••"_qs);
    headers->item(trace, 0)->setText(u"X-Trace"_qs);

    // Edited in a password field.
    headers->editItem(headers->item(apiKey, 1));
    auto *editor = openEditor(headers);
    QVERIFY(editor);
    QCOMPARE(editor->echoMode(), QLineEdit::Password);
    QTest::keyClick(editor, Qt::Key_Escape);

    // Shown on request.
    auto *show = composer.findChild<QCheckBox *>(u"showSecretsCheckBox"_qs);
    QVERIFY(show);
    show->click();
    QCOMPARE(shown(authorization), u"Bearer another-token-9"_qs);
    QCOMPARE(spoken(apiKey), u"typed-key-0815"_qs);
    QVERIFY(headers->viewport()->grab().toImage() != masked);
    show->click();
    QCOMPARE(spoken(apiKey), u"••••••••"_qs);

    // What is sent is the real value.
    QSignalSpy send(&composer, &TryItComposer::sendRequested);
    composer.findChild<QPushButton *>(u"sendPushButton"_qs)->click();
    QCOMPARE(send.count(), 1);
    const auto request = send.first().first().value<ComposedRequest>();
    QVERIFY(request.headers.contains(qMakePair(QByteArray("Authorization"), QByteArray("Bearer another-token-9"))));
    QVERIFY(request.headers.contains(qMakePair(QByteArray("X-Api-Key"), QByteArray("typed-key-0815"))));
}

namespace {

core::ParameterContract optionalParameter(const QString &name, const QString &defaultValue)
{
    core::ParameterContract p = parameter(name);
    p.required = false;
    p.defaultValue = defaultValue;
    return p;
}

// What history keeps of a send, as re-opening gets it back.
ComposedRequest throughHistory(const ComposedRequest &sent)
{
    const core::TryItRequest stored = core::TryItRequest::fromJson(DeveloperController::toTryItRequest(sent, {}).toJson());
    ComposedRequest values;
    values.templateValues = stored.templateValues;
    values.queryParameters = stored.queryParameters;
    values.headers = stored.headers;
    values.body = stored.body;
    return values;
}

} // namespace

void tst_TryItComposer::emptyRequiredQueryParameterBlocksSend()
{
    TryItComposer composer;
    composer.show();
    CatalogApi api = csvApi();
    api.operations.first().request.queryParameters.append(optionalParameter(u"trace"_qs, {}));
    composer.setOperation(api.api, api.operations.first(), QUrl(u"http://127.0.0.1:1"_qs));
    composer.bodyEditor()->setText(u"{}"_qs);
    auto *model = composer.findChild<QLineEdit *>(u"modelParameterLineEdit"_qs);
    model->clear();
    QSignalSpy send(&composer, &TryItComposer::sendRequested);
    auto *sendButton = composer.findChild<QPushButton *>(u"sendPushButton"_qs);
    sendButton->click();
    QCOMPARE(send.count(), 0);
    auto *problem = composer.findChild<QLabel *>(u"parameterProblemLabel"_qs);
    QCOMPARE(problem->text(), u"Enter a value for the parameter model."_qs);
    QVERIFY(problem->isVisibleTo(&composer));
    QCOMPARE(model->toolTip(), problem->text());

    // Typed: the mark goes, the request goes; the empty optional parameter is left out.
    QTest::keyClicks(model, u"v2"_qs);
    QVERIFY(problem->isHidden());
    sendButton->click();
    QCOMPARE(send.count(), 1);
    const auto request = send.first().first().value<ComposedRequest>();
    QCOMPARE(request.queryParameters, (QList<QPair<QString, QString>> { { u"model"_qs, u"v2"_qs } }));
}

void tst_TryItComposer::reopenBringsBackExactlyTheQueryThatWasSent()
{
    CatalogApi api = csvApi();
    api.operations.first().request.queryParameters.append(optionalParameter(u"limit"_qs, u"10"_qs));
    const QUrl gateway(u"http://127.0.0.1:1"_qs);
    TryItComposer composer;
    composer.show();
    composer.setOperation(api.api, api.operations.first(), gateway);
    composer.bodyEditor()->setText(u"{}"_qs);
    composer.findChild<QLineEdit *>(u"limitParameterLineEdit"_qs)->clear(); // the default, cleared
    composer.setParameterValue(u"model"_qs, u"v3"_qs);
    const ComposedRequest sent = composer.composedRequest();
    QCOMPARE(sent.queryParameters, (QList<QPair<QString, QString>> { { u"model"_qs, u"v3"_qs } }));

    TryItComposer reopened; // as after a restart: the operation as declared, defaults filled in
    reopened.show();
    reopened.setOperation(api.api, api.operations.first(), gateway);
    QCOMPARE(reopened.templateValue(u"limit"_qs), u"10"_qs);
    reopened.applyValues(throughHistory(sent));
    QCOMPARE(reopened.templateValue(u"limit"_qs), QString());
    QCOMPARE(reopened.composedRequest().queryParameters, sent.queryParameters);
    QCOMPARE(reopened.previewText(), composer.previewText());
}

void tst_TryItComposer::addedQueryParametersArePreviewedSentAndReopened()
{
    const CatalogApi api = csvApi();
    const QUrl gateway(u"http://127.0.0.1:1"_qs);
    TryItComposer composer;
    composer.show();
    composer.setOperation(api.api, api.operations.first(), gateway);
    composer.bodyEditor()->setText(u"{}"_qs);
    auto *table = composer.findChild<QTableWidget *>(u"parametersTableWidget"_qs);
    auto *add = composer.findChild<QToolButton *>(u"addQueryParameterToolButton"_qs);
    QVERIFY(add);
    const auto addRow = [&](const QString &name, const QString &value) {
        add->click();
        const int row = table->rowCount() - 1;
        auto *nameEdit = qobject_cast<QLineEdit *>(table->cellWidget(row, 0));
        auto *valueEdit = qobject_cast<QLineEdit *>(table->cellWidget(row, 2));
        if (!nameEdit || !valueEdit)
            return -1;
        QTest::keyClicks(nameEdit, name);
        QTest::keyClicks(valueEdit, value);
        return row;
    };
    QVERIFY(addRow(u"tag"_qs, u"a+b"_qs) >= 0);
    QVERIFY(addRow(u"tag"_qs, u"c-d"_qs) >= 0); // repeated
    const int repeatedModel = addRow(u"model"_qs, u"v9"_qs); // repeats a declared one
    QVERIFY(repeatedModel >= 0);
    const QList<QPair<QString, QString>> expected { { u"model"_qs, u"v1"_qs }, { u"tag"_qs, u"a+b"_qs },
                                                    { u"tag"_qs, u"c-d"_qs }, { u"model"_qs, u"v9"_qs } };
    QCOMPARE(composer.previewText().split(u'\n').first(),
             u"POST http://127.0.0.1:1/csv/score?model=v1&tag=a%2Bb&tag=c-d&model=v9"_qs);

    QSignalSpy send(&composer, &TryItComposer::sendRequested);
    composer.findChild<QPushButton *>(u"sendPushButton"_qs)->click();
    QCOMPARE(send.count(), 1);
    QCOMPARE(send.first().first().value<ComposedRequest>().queryParameters, expected);
    const auto snippet = core::SnippetGenerator::generate(core::SnippetGenerator::Language::Curl,
                                                          DeveloperController::toTryItRequest(composer.composedRequest(), {}));
    QVERIFY(snippet.ok());
    QVERIFY2(snippet->contains(u"tag=a%2Bb&tag=c-d&model=v9"_qs), qPrintable(*snippet));

    // Each added row has its own Remove.
    auto *remove = table->cellWidget(repeatedModel, 3)->findChild<QToolButton *>(u"removeQueryParameterToolButton"_qs);
    QVERIFY(remove);
    remove->click();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(composer.previewText().split(u'\n').first(), u"POST http://127.0.0.1:1/csv/score?model=v1&tag=a%2Bb&tag=c-d"_qs);
    const ComposedRequest sent = composer.composedRequest();

    // Kept when another operation is opened in between, and re-opened from history as sent.
    const CatalogApi other = demoApi();
    composer.setOperation(other.api, other.operations.at(1), gateway);
    composer.setOperation(api.api, api.operations.first(), gateway);
    QCOMPARE(composer.composedRequest().queryParameters, sent.queryParameters);
    TryItComposer reopened;
    reopened.show();
    reopened.setOperation(api.api, api.operations.first(), gateway);
    reopened.applyValues(throughHistory(sent));
    QCOMPARE(reopened.composedRequest().queryParameters, sent.queryParameters);
    QCOMPARE(reopened.findChild<QTableWidget *>(u"parametersTableWidget"_qs)->rowCount(), 3);

    // A value without a name cannot be sent; the row says so.
    QCOMPARE(addRow(QString(), u"orphan"_qs), 3);
    composer.findChild<QPushButton *>(u"sendPushButton"_qs)->click();
    QCOMPARE(send.count(), 1);
    QCOMPARE(composer.findChild<QLabel *>(u"parameterProblemLabel"_qs)->text(),
             u"The added query parameter with the value “orphan” has no name. Enter its name."_qs);
}

void tst_TryItComposer::typedKeyIsSentInsteadOfTheSubscriptionsAndTheComposerSaysSo()
{
    TryItComposer composer;
    composer.show();
    const CatalogApi api = demoApi();
    composer.setOperation(api.api, api.operations.first(), QUrl(u"https://127.0.0.1:8471"_qs));
    composer.setSubscriptions({ { u"starter-demo"_qs, u"Starter (demo)"_qs, u"Starter"_qs } });
    composer.setParameterValue(u"workspace"_qs, u"local"_qs);
    composer.setParameterValue(u"service"_qs, u"feature-hashing"_qs);
    auto *note = composer.findChild<QLabel *>(u"subscriptionKeyNoteLabel"_qs);
    QVERIFY(note);
    QVERIFY(!note->isVisible());
    const auto keyLines = [&] {
        return composer.previewText().split(u'\n').filter(u"Ocp-Apim-Subscription-Key"_qs, Qt::CaseInsensitive);
    };
    QCOMPARE(keyLines(), QStringList { u"Ocp-Apim-Subscription-Key: ••••••••"_qs }); // the subscription's

    ComposedRequest typed = composer.composedRequest();
    typed.headers.append(qMakePair(QByteArray("ocp-apim-subscription-key"), QByteArray("typed-header-key-3")));
    composer.applyValues(typed);
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), u"The Ocp-Apim-Subscription-Key header you entered is sent instead of this "
                           "subscription's key."_qs);
    // One key field in the preview and on the wire: the typed one, never the subscription's.
    QCOMPARE(keyLines(), QStringList { u"ocp-apim-subscription-key: ••••••••"_qs });
    core::TryItRequest request = DeveloperController::toTryItRequest(composer.composedRequest(), {});
    request.subscriptionKey = u"subscription-key-5"_qs;
    const auto wire = request.prepare();
    QVERIFY(wire.ok());
    QStringList sentKeys;
    for (const auto &[name, value] : wire->headers) {
        if (name.compare("Ocp-Apim-Subscription-Key", Qt::CaseInsensitive) == 0)
            sentKeys.append(QString::fromUtf8(value));
    }
    QCOMPARE(sentKeys, QStringList { u"typed-header-key-3"_qs });
    QVERIFY(!note->text().contains(u"typed-header-key-3"_qs));

    // Without a subscription there is nothing to say.
    composer.findChild<QComboBox *>(u"subscriptionComboBox"_qs)->setCurrentIndex(0);
    QVERIFY(!note->isVisible());
}

void tst_TryItComposer::typedQueryKeyIsNotedAsItIsTypedEvenWithAValueMissing()
{
    TryItComposer composer;
    composer.show();
    const CatalogApi api = demoApi();
    composer.setOperation(api.api, api.operations.first(), QUrl(u"https://127.0.0.1:8471"_qs));
    composer.setSubscriptions({ { u"starter-demo"_qs, u"Starter (demo)"_qs, u"Starter"_qs } });
    composer.setParameterValue(u"workspace"_qs, u"local"_qs);
    composer.setParameterValue(u"service"_qs, u"feature-hashing"_qs);
    auto *note = composer.findChild<QLabel *>(u"subscriptionKeyNoteLabel"_qs);
    auto *table = composer.findChild<QTableWidget *>(u"parametersTableWidget"_qs);
    auto *add = composer.findChild<QToolButton *>(u"addQueryParameterToolButton"_qs);
    QVERIFY(note && table && add);
    QVERIFY(!note->isVisible());
    add->click();
    auto *name = qobject_cast<QLineEdit *>(table->cellWidget(table->rowCount() - 1, 0));
    auto *value = qobject_cast<QLineEdit *>(table->cellWidget(table->rowCount() - 1, 2));
    QVERIFY(name && value);

    // Said as soon as the name is the API's key query name, key by key.
    const QString said = u"The subscription-key query parameter you entered is sent instead of this "
                         "subscription's key."_qs;
    QTest::keyClicks(name, u"subscription-ke"_qs);
    QVERIFY(!note->isVisible());
    QTest::keyClick(name, Qt::Key_Y);
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), said);
    QCOMPARE(composer.findChild<QComboBox *>(u"subscriptionComboBox"_qs)->toolTip(), said);
    QTest::keyClicks(value, u"typed-query-key-7"_qs);
    // One key goes out, the typed one, masked in the preview; the subscription's is not added.
    const QString preview = composer.previewText();
    QCOMPARE(preview.split(u'\n').first().count(u"subscription-key="_qs), 1);
    QVERIFY2(preview.contains(u"subscription-key=••••••••"_qs), qPrintable(preview));
    QVERIFY2(!preview.contains(u"Ocp-Apim-Subscription-Key"_qs, Qt::CaseInsensitive), qPrintable(preview));
    QVERIFY(!preview.contains(u"typed-query-key-7"_qs));

    // A value still missing: the request cannot be built yet, and the note still holds.
    auto *workspace = composer.findChild<QLineEdit *>(u"workspaceParameterLineEdit"_qs);
    QVERIFY(workspace);
    workspace->selectAll();
    QTest::keyClick(workspace, Qt::Key_Backspace);
    QVERIFY2(composer.previewText().contains(u"{workspace}"_qs), qPrintable(composer.previewText()));
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), said);

    // One key less in the name: the subscription's key is sent again, and the note goes.
    QTest::keyClick(name, Qt::Key_Backspace);
    QVERIFY(!note->isVisible());
    QCOMPARE(composer.findChild<QComboBox *>(u"subscriptionComboBox"_qs)->toolTip(),
             u"The key of this subscription is sent; it is never shown."_qs);
}

void tst_TryItComposer::dotSegmentValueIsRefusedAtItsRow()
{
    TryItComposer composer;
    composer.show();
    const CatalogApi api = demoApi();
    core::Operation status = api.operations.at(1); // BES Status
    status.templateParameters = { parameter(u"workspace"_qs), parameter(u"service"_qs), parameter(u"jobid"_qs),
                                  parameter(u"apiversion"_qs, { u"2.0"_qs }) };
    composer.setOperation(api.api, status, QUrl(u"https://127.0.0.1:8471"_qs));
    composer.setParameterValue(u"workspace"_qs, u"local"_qs);
    composer.setParameterValue(u"service"_qs, u"feature-hashing"_qs);
    composer.setParameterValue(u"apiversion"_qs, u"2.0"_qs);
    QSignalSpy sent(&composer, &TryItComposer::sendRequested);
    auto *jobid = composer.findChild<QLineEdit *>(u"jobidParameterLineEdit"_qs);
    QVERIFY(jobid);
    QTest::keyClicks(jobid, u".."_qs);
    QTest::mouseClick(composer.findChild<QPushButton *>(u"sendPushButton"_qs), Qt::LeftButton);
    QCOMPARE(sent.count(), 0);
    QCOMPARE(composer.findChild<QLabel *>(u"parameterProblemLabel"_qs)->text(),
             u"The value “..” of the parameter jobid cannot be sent: as a path segment, “.” and “..” are "
             "removed from the URL on the way, and the request would reach another path than this "
             "operation's."_qs);
    QCOMPARE(jobid->text(), u".."_qs); // the user's text is kept

    jobid->setText(u"a/b"_qs); // a slash stays in its segment
    QTest::mouseClick(composer.findChild<QPushButton *>(u"sendPushButton"_qs), Qt::LeftButton);
    QCOMPARE(sent.count(), 1);
    QVERIFY2(composer.previewText().split(u'\n').first().contains(u"/jobs/a%2Fb?"_qs), qPrintable(composer.previewText()));
}

void tst_TryItComposer::reopenedSubscriptionIsLookedUpWhenTheListArrives()
{
    const CatalogApi api = demoApi();
    const QList<SubscriptionChoice> listed { { u"starter-demo"_qs, u"Starter (demo)"_qs,
        u"Starter"_qs } };
    // Re-opened before the subscriptions are listed: a gone one is not replaced by another key.
    TryItComposer composer;
    composer.show();
    composer.setOperation(api.api, api.operations.first(), QUrl(u"https://127.0.0.1:8471"_qs));
    ComposedRequest sent = composer.composedRequest();
    sent.subscriptionId = u"gone-demo"_qs;
    sent.subscriptionName = u"Gone (demo)"_qs;
    composer.applyValues(sent);
    composer.setSubscriptions(listed);
    auto *picker = composer.findChild<QComboBox *>(u"subscriptionComboBox"_qs);
    QCOMPARE(picker->currentText(), u"No subscription key"_qs);
    auto *missing = composer.findChild<QLabel *>(u"missingSubscriptionLabel"_qs);
    QVERIFY(missing && missing->isVisible());
    QCOMPARE(missing->text(),
        u"The subscription “Gone (demo)” that this send used no longer exists or is no "
        "longer active. No subscription key is sent: choose a subscription to send with "
        "a key."_qs);
    QVERIFY(!composer.previewText().contains(u"Ocp-Apim-Subscription-Key"_qs));

    // One that is there is picked once the list arrives, without a note.
    TryItComposer other;
    other.show();
    other.setOperation(api.api, api.operations.first(), QUrl(u"https://127.0.0.1:8471"_qs));
    sent.subscriptionId = u"starter-demo"_qs;
    other.applyValues(sent);
    other.setSubscriptions(listed);
    QCOMPARE(other.findChild<QComboBox *>(u"subscriptionComboBox"_qs)->currentData().toString(),
        u"starter-demo"_qs);
    QVERIFY(!other.findChild<QLabel *>(u"missingSubscriptionLabel"_qs)->isVisible());
}

void tst_TryItComposer::bodyNoteNamesTheCredentialHistoryMasked_data()
{
    QTest::addColumn<QString>("body");        // as sent
    QTest::addColumn<QStringList>("secrets"); // other values history scrubs
    QTest::addColumn<QString>("note");
    QTest::newRow("AccountKey of a connection string")
        << u"{\"storage\": \"DefaultEndpointsProtocol=https;AccountName=dev;"
           "AccountKey=a2V5LWZvci10ZXN0=;EndpointSuffix=core.windows.net\"}"_qs
        << QStringList()
        << u"Line 1 of the body holds the mask in place of the AccountKey of a storage connection "
           "string: history does not keep it. Enter the account key again before sending."_qs;
    QTest::newRow("SharedAccessSignature of a connection string")
        << u"{\"storage\": \"BlobEndpoint=https://dev.blob.core.windows.net/;"
           "SharedAccessSignature=sv=2022-11-02&ss=b&sig=c2lnbmF0dXJl\"}"_qs
        << QStringList()
        << u"Line 1 of the body holds the mask in place of the SharedAccessSignature of a storage "
           "connection string: history does not keep it. Enter the SAS token again before "
           "sending."_qs;
    QTest::newRow("sig of a SAS URL")
        << u"{\n  \"input\": \"https://dev.blob.core.windows.net/in/data.csv?sv=2022-11-02&sr=b&"
           "sig=c2lnbmF0dXJl\"\n}"_qs
        << QStringList()
        << u"Line 2 of the body holds the mask in place of the signature (sig) of a SAS URL or "
           "token: history does not keep it. Enter the SAS again before sending."_qs;
    QTest::newRow("SharedAccessKey of a Service Bus connection string")
        << u"{\"bus\": \"Endpoint=sb://dev.servicebus.windows.net/;SharedAccessKeyName=Root;"
           "SharedAccessKey=YnVzLWtleQ==\"}"_qs
        << QStringList()
        << u"Line 1 of the body holds the mask in place of the SharedAccessKey of a connection "
           "string: history does not keep it. Enter the shared access key again before "
           "sending."_qs;
    QTest::newRow("another secret")
        << u"{\"key\": \"typed-function-key\"}"_qs << QStringList { u"typed-function-key"_qs }
        << u"The body holds the mask that stands for a secret history does not keep: put the real "
           "value back."_qs;
}

void tst_TryItComposer::bodyNoteNamesTheCredentialHistoryMasked()
{
    QFETCH(QString, body);
    QFETCH(QStringList, secrets);
    QFETCH(QString, note);
    const CatalogApi api = demoApi();
    TryItComposer composer;
    composer.show();
    composer.setOperation(api.api, api.operations.first(), QUrl(u"https://127.0.0.1:8471"_qs));
    auto *label = composer.findChild<QLabel *>(u"bodyMaskLabel"_qs);
    QVERIFY(label);
    composer.bodyEditor()->setText(body);
    QVERIFY(!label->isVisible());
    // As history stores it, re-opened.
    ComposedRequest reopened = composer.composedRequest();
    reopened.body = core::scrubSecrets(body.toUtf8(), secrets);
    QVERIFY(reopened.body.contains(core::secretMask.toUtf8()));
    composer.applyValues(reopened);
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), note);
    // Send is refused with the same words.
    QSignalSpy sent(&composer, &TryItComposer::sendRequested);
    composer.setParameterValue(u"workspace"_qs, u"local"_qs);
    composer.setParameterValue(u"service"_qs, u"feature-hashing"_qs);
    QTest::mouseClick(composer.findChild<QPushButton *>(u"sendPushButton"_qs), Qt::LeftButton);
    QCOMPARE(composer.findChild<QLabel *>(u"composerProblemLabel"_qs)->text(), note);
    QCOMPARE(sent.count(), 0);
}

void tst_TryItComposer::subscriptionsForARevisionOfTheApiCanCallIt()
{
    // ARM names a revision that is not the current one "{api};rev={n}"; a key for a revision
    // of the API calls the API.
    const CatalogApi api = demoApi();
    TryItComposer composer;
    composer.show();
    composer.setOperation(api.api, api.operations.first(), QUrl(u"https://127.0.0.1:8471"_qs));
    SubscriptionChoice product { u"starter-dev"_qs, u"Starter developer"_qs, u"Starter"_qs,
        SubscriptionChoice::Scope::Product, u"starter"_qs,
        QStringList { api.api.name + u";rev=2"_qs } };
    SubscriptionChoice scoped { u"scoped-dev"_qs, u"API developer"_qs, QString(),
        SubscriptionChoice::Scope::Api, api.api.name + u";rev=3"_qs, std::nullopt };
    SubscriptionChoice all { u"all-dev"_qs, u"All APIs developer"_qs, QString(),
        SubscriptionChoice::Scope::AllApis, QString(), std::nullopt };
    composer.setSubscriptions({ all, product, scoped });
    auto *combo = composer.findChild<QComboBox *>(u"subscriptionComboBox"_qs);
    QStringList items;
    for (int i = 0; i < combo->count(); ++i)
        items.append(combo->itemText(i));
    QCOMPARE(items,
        (QStringList { u"No subscription key"_qs, u"API developer"_qs,
            u"Starter developer — Starter"_qs, u"All APIs developer"_qs }));
    QCOMPARE(combo->currentText(), u"API developer"_qs);
}

QTEST_MAIN(tst_TryItComposer)
void tst_TryItComposer::codeSnippetKeepsTheBodyAsWritten()
{
    // The Code tab never holds the key; whatever stands in for it must not eat the user's
    // own words in the body.
    core::TryItRequest request;
    request.method = "POST";
    request.gatewayUrl = QUrl(u"http://127.0.0.1:1"_qs);
    request.apiPath = u"notes"_qs;
    request.urlTemplate = u"/score"_qs;
    request.body = R"({"text": "a placeholder for the real review"})";
    request.subscriptionName = u"Starter"_qs;
    SnippetPanel panel;
    panel.setRequest(request);
    const QString curl = panel.snippet();
    QVERIFY2(curl.contains(u"a placeholder for the real review"_qs), qPrintable(curl));
    QVERIFY2(curl.contains(u"OCP_APIM_SUBSCRIPTION_KEY"_qs), qPrintable(curl));
}

void tst_TryItComposer::codeSnippetFollowsAnEditedBodyExactly_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::newRow("one character typed") << u"abcdef"_qs << u"abcXdef"_qs;
    QTest::newRow("a word replaced") << u"a good day"_qs << u"a bad day"_qs;
    QTest::newRow("shortened") << u"abcdef"_qs << u"af"_qs;
    QTest::newRow("a repeated letter more") << u"aaaa"_qs << u"aaaaa"_qs;
    QTest::newRow("emoji differing in the low half") << u"{\"m\": \"\U0001F600 ok\"}"_qs
                                                     << u"{\"m\": \"\U0001F601 ok\"}"_qs;
    QTest::newRow("a line added") << u"one\ntwo"_qs << u"one\nnew\ntwo"_qs;
    QTest::newRow("CRLF lines") << u"one\r\ntwo"_qs << u"one\r\nthree"_qs;
}

void tst_TryItComposer::codeSnippetFollowsAnEditedBodyExactly()
{
    // The Code tab changes only what differs (to keep the view where it is); what it shows is
    // still exactly the snippet of the new request.
    QFETCH(QString, before);
    QFETCH(QString, after);
    core::TryItRequest request;
    request.method = "POST";
    request.gatewayUrl = QUrl(u"http://127.0.0.1:1"_qs);
    request.urlTemplate = u"/score"_qs;
    request.body = before.toUtf8();
    SnippetPanel panel;
    panel.setRequest(request);
    request.body = after.toUtf8();
    panel.setRequest(request);
    QString expected = core::SnippetGenerator::generate(core::SnippetGenerator::Language::Curl, request).value();
    // A text view shows "\r\n" as a line break.
    expected.replace(u"\r\n"_qs, u"\n"_qs);
    QCOMPARE(panel.snippet(), expected);
}

void tst_TryItComposer::codeTabSaysWhyThereIsNoCode_data()
{
    QTest::addColumn<QString>("urlTemplate");
    QTest::addColumn<QString>("value"); // of the template parameter "id"; null: none given
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<QByteArray>("headerValue"); // of X-Tag
    QTest::addColumn<QString>("note");
    const QString ok = u"/items/{id}"_qs;
    const QString gateway = u"http://127.0.0.1:1"_qs;
    QTest::newRow("empty path parameter") << ok << u"x"_qs.left(0) << QByteArray("GET") << gateway << QByteArray("a")
                                          << u"No code yet: enter a value for the parameter id."_qs;
    QTest::newRow("query parameter not given") << u"/items?id={id}"_qs << QString() << QByteArray("GET") << gateway
                                           << QByteArray("a") << u"No code yet: enter a value for the parameter id."_qs;
    QTest::newRow("dot segment") << ok << u".."_qs << QByteArray("GET") << gateway << QByteArray("a")
                                 << u"No code yet: the value of the parameter id cannot be sent: as a path segment, "
                                    "“.” and “..” are removed from the URL on the way, and the request would reach "
                                    "another path than this operation's."_qs;
    QTest::newRow("header value with a line break")
        << ok << u"7"_qs << QByteArray("GET") << gateway << QByteArray("a\nb")
        << u"No code yet: the header “X-Tag” cannot be sent: a header name has no colon and a value is one line."_qs;
    QTest::newRow("gateway not http") << ok << u"7"_qs << QByteArray("GET") << u"ftp://127.0.0.1"_qs
                                      << QByteArray("a")
                                      << u"No code yet: the gateway URL of this service is not an http or https URL."_qs;
    QTest::newRow("method with a space") << ok << u"7"_qs << QByteArray("GE T") << gateway << QByteArray("a")
                                         << u"No code yet: the HTTP method of this operation is not valid."_qs;
    QTest::newRow("malformed template") << u"/items/{id"_qs << u"7"_qs << QByteArray("GET") << gateway
                                        << QByteArray("a")
                                        << u"No code yet: the URL template of this operation is not valid. Correct "
                                           "it in the operation's editor."_qs;
}

void tst_TryItComposer::codeTabSaysWhyThereIsNoCode()
{
    // In words of its own (translated), naming what to fix, never core's English message.
    QFETCH(QString, urlTemplate);
    QFETCH(QString, value);
    QFETCH(QByteArray, method);
    QFETCH(QString, gateway);
    QFETCH(QByteArray, headerValue);
    QFETCH(QString, note);
    core::TryItRequest request;
    request.method = method;
    request.gatewayUrl = QUrl(gateway);
    request.urlTemplate = urlTemplate;
    if (!value.isNull())
        request.templateValues.insert(u"id"_qs, value);
    request.headers.append({ QByteArrayLiteral("X-Tag"), headerValue });
    SnippetPanel panel;
    panel.setRequest(request);
    QCOMPARE(panel.snippet(), QString());
    QCOMPARE(panel.findChild<QLabel *>(u"snippetNoteLabel"_qs)->text(), note);
    QVERIFY(!panel.findChild<QPushButton *>(u"snippetCopyPushButton"_qs)->isEnabled());
}

#include "tst_tryitcomposer.moc"

