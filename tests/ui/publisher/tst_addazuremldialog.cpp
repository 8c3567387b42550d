// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// "Add AzureML web service" against the real portico-local: bad input is said next to each
// field and nothing is created; with the local sample pre-filled one click creates the API,
// its five operations, the secret named value and the Bearer policy, and the API answers the
// seed through the gateway.

#include "core/arm/armclient.h"
#include "core/arm/armrequest.h"
#include "core/auth/statictokenprovider.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/ui/publishertestbed.h"
#include "ui/common/operationtracker.h"
#include "ui/publisher/addazuremldialog.h"
#include "ui/publisher/publishercontroller.h"

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
    void badInputIsShownNextToEachFieldAndNothingIsCreated();
    void theLocalSampleIsAddedInOneClick();

private:
    core::Result<QJsonObject> call(core::ArmRequest request);

    test::PublisherTestBed m_bed;
    ui::PublisherController *m_controller = nullptr;
};

core::Result<QJsonObject> tst_AddAzureMlDialog::call(core::ArmRequest request)
{
    return m_bed.call(std::move(request), this);
}

void tst_AddAzureMlDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString problem = m_bed.start(u"addml"_qs, this);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_controller = m_bed.controller();
}

void tst_AddAzureMlDialog::cleanupTestCase()
{
    m_bed.stop();
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

QTEST_MAIN(tst_AddAzureMlDialog)
#include "tst_addazuremldialog.moc"
