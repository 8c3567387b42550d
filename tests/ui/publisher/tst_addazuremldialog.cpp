// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// "Add AzureML web service" against the real portico-local: bad input is said next to each
// field and nothing is created; with the local sample pre-filled one click creates the API,
// its five operations, the secret named value and the Bearer policy, and the API answers the
// seed through the gateway. An API that already has the id is never replaced: the dialog says
// so at the API name, as the API editor does, and nothing is written. When the keychain (the
// real gnome-keyring on a private bus, locked) does not take the key, the dialog says so and
// keeps the input, and nothing stays on the service. When portico-local refuses a later step
// (the product chosen was deleted meanwhile), what was created before (the API, the named value,
// the key in the keychain) is removed again, and Add works with the input kept. A create whose
// answer is lost on the way back (a proxy drops it after portico-local acted) is removed again
// too, and named as maybe left behind when that fails, unless it is not as Add sent it (someone
// else's API, whose 412 the lost answer hid: it stays); a key the keychain (locked meanwhile)
// does not give back is named; a named value that has the id already is said at the API name
// and kept as it is. When the connection drops after portico-local created the API or the named
// value, Qt resends the create by itself and portico-local refuses it (412): the item there is
// this run's, so the run goes on (and removes it again when a later step fails); a colleague's
// API that refuses the create is still said to exist, and stays.

#include "core/arm/armclient.h"
#include "core/arm/armrequest.h"
#include "core/auth/statictokenprovider.h"
#include "core/secrets/keychainsecretstore.h"
#include "tests/support/flakyproxy.h"
#include "tests/support/keychainfixture.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/secretjobs.h"
#include "tests/ui/publishertestbed.h"
#include "ui/common/operationtracker.h"
#include "ui/publisher/addazuremldialog.h"
#include "ui/publisher/editorfields.h"
#include "ui/publisher/publishercontroller.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace portico;

namespace {
const QString kService = test::localServiceId(u"addml"_qs);
}

class tst_AddAzureMlDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void badInputIsShownNextToEachFieldAndNothingIsCreated();
    void keyThatCannotBeKeptIsSaidAndNothingIsCreated();
    void aLaterStepThatFailsLeavesNothingBehindAndAddWorksAgain();
    void theLocalSampleIsAddedInOneClick();
    void anExistingApiWithTheSameIdIsNotReplaced();
    void aNamedValueWithTheSameIdIsSaidAndKept();
    void aNamedValueCreatedWithoutAnAnswerIsRemovedAgain();
    void anApiCreatedWithoutAnAnswerIsRemovedAgain();
    void anApiThatMayHaveBeenCreatedAndStaysIsNamed();
    void someoneElsesApiBehindALostAnswerStays();
    void someoneElsesSecretBehindALostAnswerStays();
    void aKeyTheKeychainDoesNotGiveBackIsNamed();
    void anApiCreateResentAfterALostAnswerIsAdded();
    void aNamedValueCreateResentAfterALostAnswerIsRemovedWithTheRun();
    void aColleaguesApiThatRefusesTheCreateIsSaidToExist();
    void aColleaguesSameApiChangedMeanwhileIsNotRemoved();

private:
    core::Result<QJsonObject> call(core::ArmRequest request);
    // Clicks Add in `dialog` and returns the problem it then shows.
    static QString addAndReadProblem(ui::AddAzureMlDialog &dialog);

    test::KeychainFixture m_keychain;
    test::PublisherTestBed m_bed;
    ui::PublisherController *m_controller = nullptr;
};

core::Result<QJsonObject> tst_AddAzureMlDialog::call(core::ArmRequest request)
{
    return m_bed.call(std::move(request), this);
}

namespace {

// A PublisherController on the test's portico-local whose calls go through a FlakyProxy, and
// that gives up after 2 s without data.
class ProxiedController final
{
public:
    explicit ProxiedController(test::PublisherTestBed &bed)
        : m_tokens(bed.local().token())
    {
        const QUrl upstream = bed.local().managementUrl();
        m_listening = proxy.listen(QHostAddress(upstream.host()), quint16(upstream.port()));
        QUrl url = upstream;
        url.setPort(proxy.port());
        m_client = std::make_unique<core::ArmClient>(&m_network, url, &m_tokens);
        core::ArmTiming timing = m_client->timing();
        timing.transferTimeoutMs = 2000;
        m_client->setTiming(timing);
        m_controller = std::make_unique<ui::PublisherController>(m_client.get(), &m_operations);
        m_controller->setService(kService);
    }
    bool isListening() const { return m_listening; }
    ui::PublisherController *controller() const { return m_controller.get(); }

    test::FlakyProxy proxy;

private:
    QNetworkAccessManager m_network;
    core::StaticTokenProvider m_tokens;
    std::unique_ptr<core::ArmClient> m_client;
    ui::OperationTracker m_operations;
    std::unique_ptr<ui::PublisherController> m_controller;
    bool m_listening = false;
};

// The request `method` on `path` (below the service) goes through the proxy.
test::FlakyProxy::Rule on(const QByteArray &method, const QString &path)
{
    return [method, path](const test::FlakyProxy::Request &request) {
        return request.method == method
            && QUrl(QString::fromUtf8(request.target)).path() == kService + path;
    };
}

} // namespace

QString tst_AddAzureMlDialog::addAndReadProblem(ui::AddAzureMlDialog &dialog)
{
    dialog.show();
    auto *add = dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs);
    QTest::mouseClick(add, Qt::LeftButton);
    auto *problem = dialog.findChild<QLabel *>(u"addAzureMlProblemLabel"_qs);
    if (!QTest::qWaitFor([&] { return problem->isVisible() && add->isEnabled(); }, 30000))
        return u"(no problem shown)"_qs;
    return problem->text();
}

void tst_AddAzureMlDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_keychain.start(), qPrintable(m_keychain.errorString())); // before any D-Bus use
    const QString problem = m_bed.start(u"addml"_qs, this);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_controller = m_bed.controller();
}

void tst_AddAzureMlDialog::cleanupTestCase()
{
    m_bed.stop();
}

void tst_AddAzureMlDialog::cleanup()
{
    m_controller->setSecretStore(nullptr, QString());
    if (m_keychain.isLocked())
        QVERIFY2(m_keychain.unlock(), qPrintable(m_keychain.errorString()));
}

void tst_AddAzureMlDialog::badInputIsShownNextToEachFieldAndNothingIsCreated()
{
    ui::AddAzureMlDialog dialog(m_controller);
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"mlBaseUrlLineEdit"_qs), u"not a url"_qs);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    for (const QString &field : { u"baseUrl"_qs, u"workspace"_qs, u"service"_qs, u"apiKey"_qs }) {
        auto *message = dialog.findChild<QLabel *>(field + u"MessageLabel"_qs);
        QVERIFY2(message && message->isVisible() && !message->text().isEmpty(), qPrintable(field));
    }
    QCOMPARE(dialog.findChild<QLineEdit *>(u"mlBaseUrlLineEdit"_qs)->text(), u"not a url"_qs); // kept
    const auto apis = call(core::ArmRequest::get(kService + u"/apis"_qs));
    QVERIFY(apis.ok());
    QVERIFY(apis.value().value(u"value"_qs).toArray().isEmpty());
}

// The keychain is locked (a screen locker, a cancelled unlock prompt), so the key cannot be kept:
// the dialog says so and keeps what the user entered, and nothing stays on the service (the API
// created before the key was refused is removed again, nothing else was written).
void tst_AddAzureMlDialog::keyThatCannotBeKeptIsSaidAndNothingIsCreated()
{
    core::KeychainSecretStore keychain(u"Portico-test"_qs);
    m_controller->setSecretStore(&keychain, u"local"_qs);
    QVERIFY2(m_keychain.lock(), qPrintable(m_keychain.errorString()));
    ui::AzureMlDefinition definition
        = ui::AzureMlDefinition::localSample(m_bed.local().mlUrl().toString(QUrl::StripTrailingSlash));
    definition.apiName = u"Kept key API"_qs;
    const QString apiId = definition.apiId();
    ui::AddAzureMlDialog dialog(m_controller);
    dialog.prefill(definition, m_bed.local().mlKey());
    dialog.show();
    auto *add = dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs);
    QTest::mouseClick(add, Qt::LeftButton);
    auto *problem = dialog.findChild<QLabel *>(u"addAzureMlProblemLabel"_qs);
    QVERIFY(problem);
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 15000);
    QCOMPARE(problem->text(), u"The web service was not added: the keychain is locked, so the API key cannot be "
                               "kept. Unlock the keychain (for example by logging in to your desktop session) and "
                               "add the service again."_qs);
    QVERIFY(dialog.isVisible());
    QTRY_VERIFY(add->isEnabled()); // to try again once the keychain is unlocked
    QCOMPARE(dialog.findChild<QLineEdit *>(u"apiNameLineEdit"_qs)->text(), u"Kept key API"_qs);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"mlWorkspaceLineEdit"_qs)->text(), definition.workspace);

    // Nothing half-created: no API, no named value with the key, no key in the keychain.
    QVERIFY2(m_keychain.unlock(), qPrintable(m_keychain.errorString()));
    const auto api = call(core::ArmRequest::get(kService + u"/apis/"_qs + apiId));
    QVERIFY(!api.ok());
    QCOMPARE(api.error().kind, core::Error::Kind::NotFound);
    const auto apis = call(core::ArmRequest::get(kService + u"/apis"_qs));
    QVERIFY(apis.ok());
    QVERIFY(apis.value().value(u"value"_qs).toArray().isEmpty());
    const auto namedValues = call(core::ArmRequest::get(kService + u"/namedValues"_qs));
    QVERIFY(namedValues.ok());
    QVERIFY(namedValues.value().value(u"value"_qs).toArray().isEmpty());
    const auto kept = test::waitFor(keychain.read(core::SecretStore::makeKey(u"local"_qs, u"azureml/"_qs + apiId)));
    QVERIFY(!kept.ok());
    QCOMPARE(kept.error().kind, core::Error::Kind::NotFound);
}

// The user picks the product "Retired", which someone deletes before Add is clicked: portico-local
// refuses the product link (404), a step after the API, the key and the named value were
// created. The dialog says why and keeps the input; the API, its named value and the key are
// gone again (the API list does not hold it), so Add with another product simply works.
void tst_AddAzureMlDialog::aLaterStepThatFailsLeavesNothingBehindAndAddWorksAgain()
{
    core::KeychainSecretStore keychain(u"Portico-test"_qs);
    m_controller->setSecretStore(&keychain, u"local"_qs);
    const QString product = kService + u"/products/retired"_qs;
    QVERIFY(call(core::ArmRequest::put(product, QJsonObject { { u"properties"_qs, QJsonObject {
                                                                  { u"displayName"_qs, u"Retired"_qs },
                                                                  { u"state"_qs, u"published"_qs } } } }))
                .ok());
    ui::AzureMlDefinition definition
        = ui::AzureMlDefinition::localSample(m_bed.local().mlUrl().toString(QUrl::StripTrailingSlash));
    definition.apiName = u"Churn API"_qs;
    definition.apiPath = u"churn"_qs;
    definition.productId = u"retired"_qs;
    const QString apiId = definition.apiId();
    ui::AddAzureMlDialog dialog(m_controller);
    dialog.setProducts({ { u"retired"_qs, u"Retired"_qs } });
    dialog.prefill(definition, m_bed.local().mlKey());
    dialog.show();
    QCOMPARE(dialog.findChild<QComboBox *>(u"productComboBox"_qs)->currentText(), u"Retired"_qs);
    QVERIFY(call(core::ArmRequest::remove(product)).ok()); // deleted meanwhile

    QSignalSpy added(&dialog, &ui::AddAzureMlDialog::added);
    auto *add = dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs);
    QTest::mouseClick(add, Qt::LeftButton);
    auto *problem = dialog.findChild<QLabel *>(u"addAzureMlProblemLabel"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 30000);
    QTRY_VERIFY(add->isEnabled()); // Add can be clicked again
    QCOMPARE(problem->text(), u"The web service was not added: Product not found."_qs);
    QCOMPARE(added.count(), 0);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.findChild<QLineEdit *>(u"apiNameLineEdit"_qs)->text(), u"Churn API"_qs);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"apiPathLineEdit"_qs)->text(), u"churn"_qs);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"mlWorkspaceLineEdit"_qs)->text(), definition.workspace);

    // Nothing of it is left: the API list does not hold it, nor the named values its key; the
    // keychain no longer keeps the key.
    const auto apis = call(core::ArmRequest::get(kService + u"/apis"_qs));
    QVERIFY(apis.ok());
    for (const QJsonValue &api : apis.value().value(u"value"_qs).toArray())
        QVERIFY2(api.toObject().value(u"name"_qs).toString() != apiId, qPrintable(apiId));
    const auto namedValues = call(core::ArmRequest::get(kService + u"/namedValues"_qs));
    QVERIFY(namedValues.ok());
    for (const QJsonValue &value : namedValues.value().value(u"value"_qs).toArray())
        QVERIFY2(value.toObject().value(u"name"_qs).toString() != definition.namedValueId(),
                 qPrintable(definition.namedValueId()));
    const auto kept = test::waitFor(keychain.read(core::SecretStore::makeKey(u"local"_qs, u"azureml/"_qs + apiId)));
    QVERIFY(!kept.ok());
    QCOMPARE(kept.error().kind, core::Error::Kind::NotFound);

    // Add again, without a product: the same name works, nothing is in its way.
    auto *products = dialog.findChild<QComboBox *>(u"productComboBox"_qs);
    products->setCurrentIndex(products->findData(QString()));
    QTest::mouseClick(add, Qt::LeftButton);
    QVERIFY(added.wait(60000));
    QCOMPARE(added.first().first().toString(), apiId);
    QVERIFY(call(core::ArmRequest::get(kService + u"/apis/"_qs + apiId)).ok());
    QVERIFY(call(core::ArmRequest::get(kService + u"/namedValues/"_qs + definition.namedValueId())).ok());
    QCOMPARE(test::waitFor(keychain.read(core::SecretStore::makeKey(u"local"_qs, u"azureml/"_qs + apiId))).value(),
             m_bed.local().mlKey());
}

void tst_AddAzureMlDialog::theLocalSampleIsAddedInOneClick()
{
    ui::AddAzureMlDialog dialog(m_controller);
    dialog.prefill(ui::AzureMlDefinition::localSample(m_bed.local().mlUrl().toString(QUrl::StripTrailingSlash)), m_bed.local().mlKey());
    dialog.setProducts({ { u"starter"_qs, u"Starter"_qs }, { u"unlimited"_qs, u"Unlimited"_qs } });
    dialog.show();
    QSignalSpy added(&dialog, &ui::AddAzureMlDialog::added);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs), Qt::LeftButton);
    QVERIFY(added.wait(60000));
    const QString apiId = added.first().first().toString();
    const auto api = call(core::ArmRequest::get(kService + u"/apis/"_qs + apiId));
    QVERIFY(api.ok());
    QCOMPARE(api.value().value(u"properties"_qs).toObject().value(u"displayName"_qs).toString(), u"AzureML Demo API"_qs);
    const auto operations = call(core::ArmRequest::get(kService + u"/apis/"_qs + apiId + u"/operations"_qs));
    QVERIFY(operations.ok());
    QStringList names;
    for (const QJsonValue &op : operations.value().value(u"value"_qs).toArray())
        names << op.toObject().value(u"properties"_qs).toObject().value(u"displayName"_qs).toString();
    names.sort();
    QCOMPARE(names, (QStringList { u"BES Delete"_qs, u"BES Start"_qs, u"BES Status"_qs, u"BES Submit"_qs, u"RRS Execute"_qs }));
    const auto products = call(core::ArmRequest::get(kService + u"/products/starter/apis"_qs));
    QVERIFY(products.ok());
    QCOMPARE(products.value().value(u"value"_qs).toArray().size(), 1);
    const auto policy = call(core::ArmRequest::get(kService + u"/apis/"_qs + apiId + u"/policies/policy"_qs)
                                 .withQuery(u"format"_qs, u"rawxml"_qs));
    QVERIFY(policy.ok());
    QVERIFY(policy.value().value(u"properties"_qs).toObject().value(u"value"_qs).toString().contains(u"Bearer {{"_qs));
    // The key is a secret named value: never returned by a GET.
    const auto namedValues = call(core::ArmRequest::get(kService + u"/namedValues"_qs));
    QVERIFY(namedValues.ok());
    const QByteArray listed = QJsonDocument(namedValues.value()).toJson();
    QVERIFY(listed.contains("\"secret\": true"));
    QVERIFY(!listed.contains(m_bed.local().mlKey().toUtf8()));
}

void tst_AddAzureMlDialog::anExistingApiWithTheSameIdIsNotReplaced()
{
    const QString api = kService + u"/apis/scoring-api"_qs;
    QVERIFY(call(core::ArmRequest::put(api, QJsonObject { { u"properties"_qs, QJsonObject {
                                                              { u"displayName"_qs, u"Scoring (by hand)"_qs },
                                                              { u"path"_qs, u"scoring"_qs },
                                                              { u"serviceUrl"_qs, u"https://scoring.example/v1"_qs },
                                                              { u"protocols"_qs, QJsonArray { u"https"_qs } } } } }))
                .ok());
    QVERIFY(call(core::ArmRequest::put(api + u"/operations/score"_qs, QJsonObject { { u"properties"_qs, QJsonObject {
                                                                            { u"displayName"_qs, u"Score"_qs },
                                                                            { u"method"_qs, u"POST"_qs },
                                                                            { u"urlTemplate"_qs, u"/score"_qs } } } }))
                .ok());

    ui::AddAzureMlDialog dialog(m_controller);
    dialog.prefill(ui::AzureMlDefinition::localSample(m_bed.local().mlUrl().toString(QUrl::StripTrailingSlash)), m_bed.local().mlKey());
    auto *name = dialog.findChild<QLineEdit *>(u"apiNameLineEdit"_qs);
    name->clear();
    QTest::keyClicks(name, u"Scoring API"_qs); // id "scoring-api"
    auto *path = dialog.findChild<QLineEdit *>(u"apiPathLineEdit"_qs);
    path->clear();
    QTest::keyClicks(path, u"scoring-ml"_qs);
    dialog.show();
    QSignalSpy added(&dialog, &ui::AddAzureMlDialog::added);
    auto *add = dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs);
    QTest::mouseClick(add, Qt::LeftButton);

    auto *atName = dialog.findChild<QLabel *>(u"displayNameMessageLabel"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(atName->isVisible(), 30000);
    QCOMPARE(atName->text(), u"An API with the id “scoring-api” already exists."_qs);
    auto *problem = dialog.findChild<QLabel *>(u"addAzureMlProblemLabel"_qs);
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(), u"The web service was not added; see the marked fields."_qs);
    QVERIFY(dialog.isVisible());
    QVERIFY(add->isEnabled());
    QCOMPARE(added.count(), 0);
    QCOMPARE(name->text(), u"Scoring API"_qs); // kept

    // The existing API is as it was: its name, backend and operations; no key was stored for it.
    const auto stored = call(core::ArmRequest::get(api));
    QVERIFY(stored.ok());
    const QJsonObject properties = stored.value().value(u"properties"_qs).toObject();
    QCOMPARE(properties.value(u"displayName"_qs).toString(), u"Scoring (by hand)"_qs);
    QCOMPARE(properties.value(u"serviceUrl"_qs).toString(), u"https://scoring.example/v1"_qs);
    QCOMPARE(properties.value(u"path"_qs).toString(), u"scoring"_qs);
    const auto operations = call(core::ArmRequest::get(api + u"/operations"_qs));
    QVERIFY(operations.ok());
    QCOMPARE(operations.value().value(u"value"_qs).toArray().size(), 1);
    const auto key = call(core::ArmRequest::get(kService + u"/namedValues/scoring-api-key"_qs));
    QVERIFY(!key.ok());
    QCOMPARE(key.error().kind, core::Error::Kind::NotFound);
}

// Someone made a named value with the id Add AzureML gives the key: it is never replaced nor
// removed. The dialog says so at the API name (the id comes from it); the API created before is
// gone again and the keychain keeps no key for it.
void tst_AddAzureMlDialog::aNamedValueWithTheSameIdIsSaidAndKept()
{
    core::KeychainSecretStore keychain(u"Portico-test"_qs);
    m_controller->setSecretStore(&keychain, u"local"_qs);
    ui::AzureMlDefinition definition
        = ui::AzureMlDefinition::localSample(m_bed.local().mlUrl().toString(QUrl::StripTrailingSlash));
    definition.apiName = u"Taken key API"_qs;
    definition.apiPath = u"taken-key"_qs;
    const QString apiId = definition.apiId();
    const QString theirs = kService + u"/namedValues/"_qs + definition.namedValueId();
    QVERIFY(call(core::ArmRequest::put(theirs, QJsonObject { { u"properties"_qs, QJsonObject {
                                                                 { u"displayName"_qs, u"theirs"_qs },
                                                                 { u"value"_qs, u"their value"_qs } } } }))
                .ok());

    ui::AddAzureMlDialog dialog(m_controller);
    dialog.prefill(definition, m_bed.local().mlKey());
    QSignalSpy added(&dialog, &ui::AddAzureMlDialog::added);
    QCOMPARE(addAndReadProblem(dialog), u"The web service was not added; see the marked fields."_qs);
    auto *atName = dialog.findChild<QLabel *>(u"displayNameMessageLabel"_qs);
    QVERIFY(atName->isVisible());
    QCOMPARE(atName->text(), u"A named value with the id “taken-key-api-key” already exists, so the API key cannot "
                              "be kept in it. Choose another API name, or delete that named value first."_qs);
    QCOMPARE(added.count(), 0);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"apiNameLineEdit"_qs)->text(), u"Taken key API"_qs);

    // Theirs is as it was; the API is gone again, and so is the key.
    const auto kept = call(core::ArmRequest::get(theirs));
    QVERIFY(kept.ok());
    QCOMPARE(kept.value().value(u"properties"_qs).toObject().value(u"displayName"_qs).toString(), u"theirs"_qs);
    QCOMPARE(kept.value().value(u"properties"_qs).toObject().value(u"value"_qs).toString(), u"their value"_qs);
    const auto api = call(core::ArmRequest::get(kService + u"/apis/"_qs + apiId));
    QVERIFY(!api.ok());
    QCOMPARE(api.error().kind, core::Error::Kind::NotFound);
    const auto key = test::waitFor(keychain.read(core::SecretStore::makeKey(u"local"_qs, u"azureml/"_qs + apiId)));
    QVERIFY(!key.ok());
    QCOMPARE(key.error().kind, core::Error::Kind::NotFound);
    QVERIFY(call(core::ArmRequest::remove(theirs)).ok());
}

// portico-local creates the named value, but its answer never comes back (the connection
// stalls until the client gives up): the named value may exist, so it is removed again with
// the API, and nothing is left over.
void tst_AddAzureMlDialog::aNamedValueCreatedWithoutAnAnswerIsRemovedAgain()
{
    ProxiedController proxied(m_bed);
    QVERIFY(proxied.isListening());
    ui::AzureMlDefinition definition
        = ui::AzureMlDefinition::localSample(m_bed.local().mlUrl().toString(QUrl::StripTrailingSlash));
    definition.apiName = u"Silent value API"_qs;
    definition.apiPath = u"silent-value"_qs;
    proxied.proxy.loseAnswerWhen(on("PUT", u"/namedValues/"_qs + definition.namedValueId()));

    ui::AddAzureMlDialog dialog(proxied.controller());
    dialog.prefill(definition, m_bed.local().mlKey());
    QCOMPARE(addAndReadProblem(dialog), u"The web service was not added: No data for 2 s."_qs);
    QCOMPARE(proxied.proxy.lost(), 1); // portico-local did answer: the named value was created

    const auto namedValue = call(core::ArmRequest::get(kService + u"/namedValues/"_qs + definition.namedValueId()));
    QVERIFY2(!namedValue.ok(), "the named value created without an answer was left behind");
    QCOMPARE(namedValue.error().kind, core::Error::Kind::NotFound);
    const auto api = call(core::ArmRequest::get(kService + u"/apis/"_qs + definition.apiId()));
    QVERIFY(!api.ok());
    QCOMPARE(api.error().kind, core::Error::Kind::NotFound);
}

// The connection drops after portico-local created the API: the API may exist (it does), so it
// is removed again, and Add with the same name works afterwards.
void tst_AddAzureMlDialog::anApiCreatedWithoutAnAnswerIsRemovedAgain()
{
    ProxiedController proxied(m_bed);
    QVERIFY(proxied.isListening());
    ui::AzureMlDefinition definition
        = ui::AzureMlDefinition::localSample(m_bed.local().mlUrl().toString(QUrl::StripTrailingSlash));
    definition.apiName = u"Dropped API"_qs;
    definition.apiPath = u"dropped"_qs;
    proxied.proxy.loseAnswerWhen(on("PUT", u"/apis/"_qs + definition.apiId()), test::FlakyProxy::Loss::Disconnect);

    ui::AddAzureMlDialog dialog(proxied.controller());
    dialog.prefill(definition, m_bed.local().mlKey());
    const QString problem = addAndReadProblem(dialog);
    QVERIFY2(problem.startsWith(u"The web service was not added: "_qs), qPrintable(problem));
    QVERIFY(proxied.proxy.lost() >= 1);

    const auto api = call(core::ArmRequest::get(kService + u"/apis/"_qs + definition.apiId()));
    QVERIFY2(!api.ok(), "the API created without an answer was left behind");
    QCOMPARE(api.error().kind, core::Error::Kind::NotFound);

    proxied.proxy.loseAnswerWhen({});
    QSignalSpy added(&dialog, &ui::AddAzureMlDialog::added);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs), Qt::LeftButton);
    QVERIFY(added.wait(60000));
    QVERIFY(call(core::ArmRequest::remove(kService + u"/apis/"_qs + definition.apiId())).ok());
    QVERIFY(call(core::ArmRequest::remove(kService + u"/namedValues/"_qs + definition.namedValueId())).ok());
}

// The API's answer is lost and its removal fails too: the dialog names the API as maybe left
// behind, so that the user can look for it before adding the service again.
void tst_AddAzureMlDialog::anApiThatMayHaveBeenCreatedAndStaysIsNamed()
{
    ProxiedController proxied(m_bed);
    QVERIFY(proxied.isListening());
    ui::AzureMlDefinition definition
        = ui::AzureMlDefinition::localSample(m_bed.local().mlUrl().toString(QUrl::StripTrailingSlash));
    definition.apiName = u"Stuck API"_qs;
    definition.apiPath = u"stuck"_qs;
    const QString path = u"/apis/"_qs + definition.apiId();
    proxied.proxy.loseAnswerWhen(on("PUT", path));
    proxied.proxy.failWhen(on("DELETE", path), 500, "InternalError");

    ui::AddAzureMlDialog dialog(proxied.controller());
    dialog.prefill(definition, m_bed.local().mlKey());
    QCOMPARE(addAndReadProblem(dialog),
             u"The web service was not added: No data for 2 s. The API “stuck-api” may have been created before "
              "that (the service did not answer) and could not be removed again (The server answered HTTP 500.); "
              "if it is there, delete it before adding the service again."_qs);
    QCOMPARE(proxied.proxy.failed(), 1);
    QVERIFY(call(core::ArmRequest::get(kService + path)).ok()); // it is there, as said
    QVERIFY(call(core::ArmRequest::remove(kService + path)).ok());
}

// Someone else creates an API with the same id (and another path) just after Add looked for one
// (the proxy answers that look with 404, as if theirs came just after it); Add's create is then
// refused (412), and that answer is lost. The API there is not Add's: it stays as it is, with its
// operation, and the dialog does not name it as left behind.
void tst_AddAzureMlDialog::someoneElsesApiBehindALostAnswerStays()
{
    ProxiedController proxied(m_bed);
    QVERIFY(proxied.isListening());
    ui::AzureMlDefinition definition
        = ui::AzureMlDefinition::localSample(m_bed.local().mlUrl().toString(QUrl::StripTrailingSlash));
    definition.apiName = u"Raced API"_qs;
    definition.apiPath = u"raced"_qs;
    const QString path = u"/apis/"_qs + definition.apiId();
    QVERIFY(call(core::ArmRequest::put(kService + path, QJsonObject { { u"properties"_qs, QJsonObject {
                                                                          { u"displayName"_qs, u"Theirs"_qs },
                                                                          { u"path"_qs, u"theirs"_qs },
                                                                          { u"serviceUrl"_qs, u"https://theirs.example/v1"_qs },
                                                                          { u"protocols"_qs, QJsonArray { u"https"_qs } } } } }))
                .ok());
    QVERIFY(call(core::ArmRequest::put(kService + path + u"/operations/score"_qs, QJsonObject { { u"properties"_qs, QJsonObject {
                                                                                     { u"displayName"_qs, u"Score"_qs },
                                                                                     { u"method"_qs, u"POST"_qs },
                                                                                     { u"urlTemplate"_qs, u"/score"_qs } } } }))
                .ok());
    const auto looks = std::make_shared<int>(0);
    const auto get = on("GET", path);
    proxied.proxy.failWhen([looks, get](const test::FlakyProxy::Request &request) { return get(request) && ++*looks == 1; },
                           404, "NotFound");
    proxied.proxy.loseAnswerWhen(on("PUT", path));

    ui::AddAzureMlDialog dialog(proxied.controller());
    dialog.prefill(definition, m_bed.local().mlKey());
    QCOMPARE(addAndReadProblem(dialog), u"The web service was not added: No data for 2 s."_qs);
    QCOMPARE(proxied.proxy.failed(), 1);
    QCOMPARE(proxied.proxy.lost(), 1);

    const auto stored = call(core::ArmRequest::get(kService + path));
    QVERIFY2(stored.ok(), "someone else's API was removed");
    const QJsonObject properties = stored.value().value(u"properties"_qs).toObject();
    QCOMPARE(properties.value(u"displayName"_qs).toString(), u"Theirs"_qs);
    QCOMPARE(properties.value(u"path"_qs).toString(), u"theirs"_qs);
    QCOMPARE(properties.value(u"serviceUrl"_qs).toString(), u"https://theirs.example/v1"_qs);
    const auto operations = call(core::ArmRequest::get(kService + path + u"/operations"_qs));
    QVERIFY(operations.ok());
    QCOMPARE(operations.value().value(u"value"_qs).toArray().size(), 1);
    QVERIFY(call(core::ArmRequest::remove(kService + path)).ok());
}

// A colleague's secret named value with the same id, display name and secrecy appears right
// after our look-up; our create meets it (412) and that answer is lost. Only its value tells it
// from ours: it stays, with its value, and our API is removed again.
void tst_AddAzureMlDialog::someoneElsesSecretBehindALostAnswerStays()
{
    ProxiedController proxied(m_bed);
    QVERIFY(proxied.isListening());
    ui::AzureMlDefinition definition
        = ui::AzureMlDefinition::localSample(m_bed.local().mlUrl().toString(QUrl::StripTrailingSlash));
    definition.apiName = u"Raced secret"_qs;
    definition.apiPath = u"raced-secret"_qs;
    const QString path = u"/namedValues/"_qs + definition.namedValueId();
    QVERIFY(call(core::ArmRequest::put(kService + path, QJsonObject { { u"properties"_qs, QJsonObject {
                                                                          { u"displayName"_qs, definition.namedValueId() },
                                                                          { u"value"_qs, u"their-own-key"_qs },
                                                                          { u"secret"_qs, true } } } }))
                .ok());
    const auto looks = std::make_shared<int>(0);
    const auto get = on("GET", path);
    proxied.proxy.failWhen([looks, get](const test::FlakyProxy::Request &request) { return get(request) && ++*looks == 1; },
                           404, "NotFound");
    proxied.proxy.loseAnswerWhen(on("PUT", path));

    ui::AddAzureMlDialog dialog(proxied.controller());
    dialog.prefill(definition, m_bed.local().mlKey());
    QCOMPARE(addAndReadProblem(dialog), u"The web service was not added: No data for 2 s."_qs);
    QCOMPARE(proxied.proxy.lost(), 1);

    const auto value = call(core::ArmRequest::post(kService + path + u"/listValue"_qs));
    QVERIFY2(value.ok(), "someone else's named value was removed");
    QCOMPARE(value.value().value(u"value"_qs).toString(), u"their-own-key"_qs);
    QCOMPARE(call(core::ArmRequest::get(kService + u"/apis/"_qs + definition.apiId())).error().kind,
             core::Error::Kind::NotFound); // ours is gone again
    QVERIFY(call(core::ArmRequest::remove(kService + path)).ok());
}

// The key was kept, then a later step fails and the keychain is locked meanwhile: the key cannot
// be removed again, and the dialog says so.
void tst_AddAzureMlDialog::aKeyTheKeychainDoesNotGiveBackIsNamed()
{
    core::KeychainSecretStore keychain(u"Portico-test"_qs);
    ProxiedController proxied(m_bed);
    QVERIFY(proxied.isListening());
    proxied.controller()->setSecretStore(&keychain, u"local"_qs);
    ui::AzureMlDefinition definition
        = ui::AzureMlDefinition::localSample(m_bed.local().mlUrl().toString(QUrl::StripTrailingSlash));
    definition.apiName = u"Locked out API"_qs;
    definition.apiPath = u"locked-out"_qs;
    const QString keyName = core::SecretStore::makeKey(u"local"_qs, u"azureml/"_qs + definition.apiId());
    // The named value's answer is lost: by then the key is in the keychain, which is locked
    // before the client gives up and removes again what it made.
    proxied.proxy.loseAnswerWhen(on("PUT", u"/namedValues/"_qs + definition.namedValueId()));

    ui::AddAzureMlDialog dialog(proxied.controller());
    dialog.prefill(definition, m_bed.local().mlKey());
    dialog.show();
    auto *add = dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs);
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(proxied.proxy.lost(), 1, 30000);
    QVERIFY2(m_keychain.lock(), qPrintable(m_keychain.errorString()));
    auto *problem = dialog.findChild<QLabel *>(u"addAzureMlProblemLabel"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible() && add->isEnabled(), 30000);
    QCOMPARE(problem->text(),
             u"The web service was not added: No data for 2 s. The API key kept in the keychain for “locked-out-api” "
              "could not be removed from it again (The keychain is locked: unlock it (for example by logging in to "
              "your desktop session) and retry.)."_qs);

    // As said: the key is still there; the API and its named value are not.
    QVERIFY2(m_keychain.unlock(), qPrintable(m_keychain.errorString()));
    QCOMPARE(test::waitFor(keychain.read(keyName)).value(), m_bed.local().mlKey());
    QVERIFY(test::waitFor(keychain.remove(keyName)).ok());
    QVERIFY(!call(core::ArmRequest::get(kService + u"/apis/"_qs + definition.apiId())).ok());
    QVERIFY(!call(core::ArmRequest::get(kService + u"/namedValues/"_qs + definition.namedValueId())).ok());
}

namespace {

// Counts the requests `method` on `path` at the proxy (forwarded ones: the rule sees each) and
// loses the answer to the first, dropping its connection: Qt then sends the PUT once more by
// itself, and the service, which did create the item, refuses the resend (412).
test::FlakyProxy::Rule loseFirstAnswer(const QByteArray &method, const QString &path, const std::shared_ptr<int> &seen)
{
    return [match = on(method, path), seen](const test::FlakyProxy::Request &request) {
        return match(request) && ++*seen == 1;
    };
}

} // namespace

// The connection drops after portico-local created the API, and Qt resends the create, which
// portico-local refuses (412: the API is there). The API is the one this run sent, so Add goes on
// and the service is added, as if the first answer had come.
void tst_AddAzureMlDialog::anApiCreateResentAfterALostAnswerIsAdded()
{
    ProxiedController proxied(m_bed);
    QVERIFY(proxied.isListening());
    ui::AzureMlDefinition definition
        = ui::AzureMlDefinition::localSample(m_bed.local().mlUrl().toString(QUrl::StripTrailingSlash));
    definition.apiName = u"Resent API"_qs;
    definition.apiPath = u"resent"_qs;
    const QString path = u"/apis/"_qs + definition.apiId();
    const auto puts = std::make_shared<int>(0);
    proxied.proxy.loseAnswerWhen(loseFirstAnswer("PUT", path, puts), test::FlakyProxy::Loss::Disconnect);

    ui::AddAzureMlDialog dialog(proxied.controller());
    dialog.prefill(definition, m_bed.local().mlKey());
    dialog.show();
    QSignalSpy added(&dialog, &ui::AddAzureMlDialog::added);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs), Qt::LeftButton);
    auto *problem = dialog.findChild<QLabel *>(u"addAzureMlProblemLabel"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(!added.isEmpty() || problem->isVisible(), 60000);
    QVERIFY2(problem->isHidden(), qPrintable(u"not added: "_qs + problem->text()));
    QCOMPARE(added.count(), 1);
    QCOMPARE(proxied.proxy.lost(), 1);
    QCOMPARE(*puts, 2); // the create, then Qt's resend of it

    const auto api = call(core::ArmRequest::get(kService + path));
    QVERIFY(api.ok());
    QCOMPARE(api.value().value(u"properties"_qs).toObject().value(u"path"_qs).toString(), u"resent"_qs);
    const auto operations = call(core::ArmRequest::get(kService + path + u"/operations"_qs));
    QVERIFY(operations.ok());
    QCOMPARE(operations.value().value(u"value"_qs).toArray().size(), 5);
    QVERIFY(call(core::ArmRequest::remove(kService + path)).ok());
    QVERIFY(call(core::ArmRequest::remove(kService + u"/namedValues/"_qs + definition.namedValueId())).ok());
}

// The same for the named value: Qt resends its create after the connection dropped, and the
// named value there (secret, with this run's key) is this run's. A later step then fails (the
// proxy refuses the API policy): the named value is removed again with the API, as one this run
// created.
void tst_AddAzureMlDialog::aNamedValueCreateResentAfterALostAnswerIsRemovedWithTheRun()
{
    ProxiedController proxied(m_bed);
    QVERIFY(proxied.isListening());
    ui::AzureMlDefinition definition
        = ui::AzureMlDefinition::localSample(m_bed.local().mlUrl().toString(QUrl::StripTrailingSlash));
    definition.apiName = u"Resent value"_qs;
    definition.apiPath = u"resent-value"_qs;
    const QString namedValue = u"/namedValues/"_qs + definition.namedValueId();
    const auto puts = std::make_shared<int>(0);
    proxied.proxy.loseAnswerWhen(loseFirstAnswer("PUT", namedValue, puts), test::FlakyProxy::Loss::Disconnect);
    proxied.proxy.failWhen(on("PUT", u"/apis/"_qs + definition.apiId() + u"/policies/policy"_qs), 500, "InternalError");

    ui::AddAzureMlDialog dialog(proxied.controller());
    dialog.prefill(definition, m_bed.local().mlKey());
    QCOMPARE(addAndReadProblem(dialog), u"The web service was not added: The server answered HTTP 500."_qs);
    QCOMPARE(proxied.proxy.lost(), 1);
    QCOMPARE(*puts, 2); // the create, then Qt's resend of it
    QCOMPARE(proxied.proxy.failed(), 1); // the policy: every step before it went through

    QCOMPARE(call(core::ArmRequest::get(kService + namedValue)).error().kind, core::Error::Kind::NotFound);
    QCOMPARE(call(core::ArmRequest::get(kService + u"/apis/"_qs + definition.apiId())).error().kind,
             core::Error::Kind::NotFound);
}

// A colleague creates an API with the same id (another path) just after Add looked for one (the
// proxy answers that look with 404): Add's create is refused (412). Read back, the API is not
// what Add sent, so the dialog says at the API name that it exists, and it stays as it is.
void tst_AddAzureMlDialog::aColleaguesApiThatRefusesTheCreateIsSaidToExist()
{
    ProxiedController proxied(m_bed);
    QVERIFY(proxied.isListening());
    ui::AzureMlDefinition definition
        = ui::AzureMlDefinition::localSample(m_bed.local().mlUrl().toString(QUrl::StripTrailingSlash));
    definition.apiName = u"Colleague API"_qs;
    definition.apiPath = u"colleague-ml"_qs;
    const QString path = u"/apis/"_qs + definition.apiId();
    QVERIFY(call(core::ArmRequest::put(kService + path, QJsonObject { { u"properties"_qs, QJsonObject {
                                                                          { u"displayName"_qs, u"Colleague's"_qs },
                                                                          { u"path"_qs, u"colleague"_qs },
                                                                          { u"serviceUrl"_qs, u"https://colleague.example/v1"_qs },
                                                                          { u"protocols"_qs, QJsonArray { u"https"_qs } } } } }))
                .ok());
    const auto looks = std::make_shared<int>(0);
    const auto get = on("GET", path);
    proxied.proxy.failWhen([looks, get](const test::FlakyProxy::Request &request) { return get(request) && ++*looks == 1; },
                           404, "NotFound");
    const auto puts = std::make_shared<int>(0);
    const auto put = on("PUT", path);
    proxied.proxy.loseAnswerWhen([puts, put](const test::FlakyProxy::Request &request) {
        if (put(request))
            ++*puts;
        return false; // nothing lost: the count only
    });

    ui::AddAzureMlDialog dialog(proxied.controller());
    dialog.prefill(definition, m_bed.local().mlKey());
    QCOMPARE(addAndReadProblem(dialog), u"The web service was not added; see the marked fields."_qs);
    QCOMPARE(proxied.proxy.failed(), 1);
    QCOMPARE(*puts, 1);
    auto *atName = dialog.findChild<QLabel *>(u"displayNameMessageLabel"_qs);
    QVERIFY(atName->isVisible());
    QCOMPARE(atName->text(), u"An API with the id “colleague-api” already exists."_qs);

    const auto stored = call(core::ArmRequest::get(kService + path));
    QVERIFY2(stored.ok(), "the colleague's API was removed");
    QCOMPARE(stored.value().value(u"properties"_qs).toObject().value(u"path"_qs).toString(), u"colleague"_qs);
    QCOMPARE(call(core::ArmRequest::get(kService + u"/namedValues/"_qs + definition.namedValueId())).error().kind,
             core::Error::Kind::NotFound);
    QVERIFY(call(core::ArmRequest::remove(kService + path)).ok());
}

// A colleague adds the same AzureML service (same API id, path and backend URL) just after Add
// looked for the API (the proxy answers that look with 404): Add's create is refused (412) and
// the API read back cannot be told from Add's. A later step fails (the API policy), and before
// Add removes the API again the colleague edits its description: it stays, with their edit, and
// the problem says that it was left behind.
void tst_AddAzureMlDialog::aColleaguesSameApiChangedMeanwhileIsNotRemoved()
{
    ProxiedController proxied(m_bed);
    QVERIFY(proxied.isListening());
    ui::AzureMlDefinition definition
        = ui::AzureMlDefinition::localSample(m_bed.local().mlUrl().toString(QUrl::StripTrailingSlash));
    definition.apiName = u"Colleague twin"_qs;
    definition.apiPath = u"colleague-twin"_qs;
    const QString path = u"/apis/"_qs + definition.apiId();
    QVERIFY(call(core::ArmRequest::put(kService + path, ui::editorfields::toApi(definition.apiFields())
                                                              .toJson(core::JsonShape::Request)))
                .ok());
    // One failure rule: the look finds nothing, and the API policy (a later step) fails.
    const auto looks = std::make_shared<int>(0);
    const auto get = on("GET", path);
    const auto policy = on("PUT", path + u"/policies/policy"_qs);
    proxied.proxy.failWhen(
        [looks, get, policy](const test::FlakyProxy::Request &request) {
            return (get(request) && ++*looks == 1) || policy(request);
        },
        404, "NotFound");
    proxied.proxy.holdWhen(on("DELETE", path));

    ui::AddAzureMlDialog dialog(proxied.controller());
    dialog.prefill(definition, m_bed.local().mlKey());
    dialog.show();
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"addAzureMlPushButton"_qs), Qt::LeftButton);
    // Add's undo is about to remove the API: the colleague edits it first.
    QTRY_COMPARE_WITH_TIMEOUT(proxied.proxy.held(), 1, 20000);
    const QJsonObject edit { { u"properties"_qs, QJsonObject { { u"description"_qs, u"Edited by a colleague"_qs } } } };
    QVERIFY(call(core::ArmRequest::patch(kService + path, edit, QByteArrayLiteral("*"))).ok());
    proxied.proxy.forwardHeld();
    auto *problem = dialog.findChild<QLabel *>(u"addAzureMlProblemLabel"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 20000);
    QVERIFY2(problem->text().contains(u"left as it is"_qs), qPrintable(problem->text()));

    const auto stored = call(core::ArmRequest::get(kService + path));
    QVERIFY2(stored.ok(), "the colleague's API was removed");
    QCOMPARE(stored.value().value(u"properties"_qs).toObject().value(u"description"_qs).toString(),
             u"Edited by a colleague"_qs);
    proxied.proxy.holdWhen({});
    QVERIFY(call(core::ArmRequest::remove(kService + path)).ok());
    QCOMPARE(call(core::ArmRequest::get(kService + u"/namedValues/"_qs + definition.namedValueId())).error().kind,
             core::Error::Kind::NotFound);
}

QTEST_MAIN(tst_AddAzureMlDialog)
#include "tst_addazuremldialog.moc"
