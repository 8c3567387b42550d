// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// What the API and operation editors say when ARM refuses a save or a load, from the reply as
// ARM sends it (core::parseArmError over the wire body): a 401 is the sign-in, a 403
// (AuthorizationFailed: signed in, but the role does not allow it) is not, and says which
// action on which item the signed-in account has no permission for.

#include "core/arm/armparsing.h"
#include "ui/common/bannerwidget.h"
#include "ui/common/stageddocument.h"
#include "ui/publisher/apieditor.h"
#include "ui/publisher/operationeditor.h"

#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace portico;

namespace {

const QByteArray kForbidden = R"({"error":{"code":"AuthorizationFailed","message":"The client 'user@contoso.com' with object id '5c730e34-3244-4df1-9cb5-6e85aa000001' does not have authorization to perform action 'Microsoft.ApiManagement/service/apis/write' over scope '/subscriptions/291bba3f-e0a5-47bc-a099-3bdcb2a50a05/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/apis/echo-api' or the scope is invalid. If access was recently granted, please refresh your credentials."}})";
const QByteArray kUnauthorized = R"({"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}})";
const QString kForbiddenMessage = u"The client 'user@contoso.com' with object id '5c730e34-3244-4df1-9cb5-6e85aa000001' does not have authorization to perform action 'Microsoft.ApiManagement/service/apis/write' over scope '/subscriptions/291bba3f-e0a5-47bc-a099-3bdcb2a50a05/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/apis/echo-api' or the scope is invalid. If access was recently granted, please refresh your credentials."_qs;

} // namespace

class tst_SaveFailureTexts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void refusedSaveSaysWhy_data();
    void refusedSaveSaysWhy();
    void forbiddenLoadSaysWhichItemCannotBeRead_data();
    void forbiddenLoadSaysWhichItemCannotBeRead();
};

void tst_SaveFailureTexts::refusedSaveSaysWhy_data()
{
    QTest::addColumn<QString>("editor");
    QTest::addColumn<bool>("isNew");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("API, 403") << u"api"_qs << false << 403 << kForbidden
                              << u"The API “echo-api” was not saved: the signed-in account does not have permission to change it (%1). "
                                  "Ask for a role that allows it; if one was granted just now, sign in again."_qs.arg(kForbiddenMessage);
    QTest::newRow("new API, 403") << u"api"_qs << true << 403 << kForbidden
                                  << u"The API “echo-api” was not created: the signed-in account does not have permission to "
                                     "create APIs in this service (%1). "
                                     "Ask for a role that allows it; if one was granted just now, sign in again."_qs.arg(kForbiddenMessage);
    QTest::newRow("operation, 403") << u"operation"_qs << false << 403 << kForbidden
                                    << u"The operation “echo-api” was not saved: the signed-in account does not have permission "
                                       "to change it (%1). "
                                       "Ask for a role that allows it; if one was granted just now, sign in again."_qs
                                           .arg(kForbiddenMessage);
    QTest::newRow("new operation, 403") << u"operation"_qs << true << 403 << kForbidden
                                        << u"The operation “echo-api” was not created: the signed-in account does not have "
                                           "permission to create operations in this API (%1). "
                                           "Ask for a role that allows it; if one was granted just now, sign in again."_qs.arg(kForbiddenMessage);
    QTest::newRow("API, 401") << u"api"_qs << false << 401 << kUnauthorized
                              << u"The API was not saved: the sign-in was refused or has expired (The access token is invalid.)."_qs;
    QTest::newRow("operation, 401") << u"operation"_qs << false << 401 << kUnauthorized
                                    << u"The operation was not saved: the sign-in was refused or has expired (The access token is invalid.)."_qs;
}

void tst_SaveFailureTexts::refusedSaveSaysWhy()
{
    QFETCH(QString, editor);
    QFETCH(bool, isNew);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const QVariantMap item { { u"name"_qs, u"echo-api"_qs }, { u"displayName"_qs, u"Echo API"_qs } };
    std::unique_ptr<ui::StagedEditor> widget;
    if (editor == u"api") {
        auto api = std::make_unique<ui::ApiEditor>();
        isNew ? api->loadNew() : api->load(item);
        widget = std::move(api);
    } else {
        auto operation = std::make_unique<ui::OperationEditor>();
        isNew ? operation->loadNew() : operation->load(item);
        widget = std::move(operation);
    }
    if (isNew)
        widget->document()->setValue(u"name"_qs, u"echo-api"_qs);
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
    QCOMPARE(widget->isNew(), isNew);
    widget->saveFailed(core::parseArmError(status, body));
    auto *banner = widget->findChild<ui::BannerWidget *>(editor + u"BannerWidget"_qs);
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), ui::BannerWidget::Kind::Error);
    QCOMPARE(banner->text(), expected);
}

void tst_SaveFailureTexts::forbiddenLoadSaysWhichItemCannotBeRead_data()
{
    QTest::addColumn<QString>("editor");
    QTest::addColumn<QString>("expected");
    QTest::newRow("API") << u"api"_qs
                         << u"The API “echo-api” could not be loaded: the signed-in account does not have permission "
                            "to read it (%1). "
                            "Ask for a role that allows it; if one was granted just now, sign in again."_qs
                                .arg(kForbiddenMessage);
    QTest::newRow("operation") << u"operation"_qs
                               << u"The operation “echo-api” could not be loaded: the signed-in account does not have "
                                  "permission to read it (%1). "
                                  "Ask for a role that allows it; if one was granted just now, sign in again."_qs.arg(kForbiddenMessage);
}

void tst_SaveFailureTexts::forbiddenLoadSaysWhichItemCannotBeRead()
{
    QFETCH(QString, editor);
    QFETCH(QString, expected);
    std::unique_ptr<ui::StagedEditor> widget;
    if (editor == u"api")
        widget = std::make_unique<ui::ApiEditor>();
    else
        widget = std::make_unique<ui::OperationEditor>();
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
    widget->loadFailed(core::parseArmError(403, kForbidden), u"echo-api"_qs);
    auto *banner = widget->findChild<ui::BannerWidget *>(editor + u"BannerWidget"_qs);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), expected);
    QVERIFY(!banner->text().contains(u"sign-in"_qs));
}

QTEST_MAIN(tst_SaveFailureTexts)
#include "tst_savefailuretexts.moc"
