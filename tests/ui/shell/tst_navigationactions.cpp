// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The navigation tree's actions on APIs and operations, in the real console against the real
// portico-local: Add operation on an API opens an empty operation editor for that API, whose
// Save creates the operation (and the tree shows it); Delete on an operation or an API asks
// first, does nothing when the user says no, and otherwise deletes it on the server (an API's
// DELETE is long-running: portico-local answers 202 with Azure-AsyncOperation, which is
// followed), the tree drops the node and the panel leaves the deleted item.

#include "core/arm/armclient.h"
#include "core/arm/armjob.h"
#include "core/arm/armrequest.h"
#include "core/environments/localendpoints.h"
#include "core/itemmodels/navigationtreemodel.h"
#include "core/secrets/inmemorysecretstore.h"
#include "core/settings/settings.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/tempdir.h"
#include "ui/common/bannerwidget.h"
#include "ui/common/decisions.h"
#include "ui/publisher/operationeditor.h"
#include "ui/publisher/publisherworkspace.h"
#include "ui/shell/consolesession.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigationactions.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

#include <optional>

using namespace portico;
using Nav = core::NavigationTreeModel;
using Page = ui::PublisherWorkspace::Page;

namespace {

const QString kService = u"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/portico-local"
                         "/providers/Microsoft.ApiManagement/service/navactions"_qs;
const QString kApi = kService + u"/apis/orders"_qs;

} // namespace

class tst_NavigationActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void addsAndDeletesOperationsAndApisFromTheTree();

private:
    // One ARM call through the console's own client, waited for.
    core::Result<core::ArmResponse> send(ui::ConsoleSession &session, const core::ArmRequest &request);
    QModelIndex proxy(ui::MainWindow &window, const QModelIndex &source) const
    {
        return static_cast<QAbstractProxyModel *>(window.navigationView()->model())->mapFromSource(source);
    }

    test::PorticoLocalFixture m_local;
    test::TempDir m_dir;
};

void tst_NavigationActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_local.start(), qPrintable(m_local.errorString()));
}

core::Result<core::ArmResponse> tst_NavigationActions::send(ui::ConsoleSession &session,
                                                            const core::ArmRequest &request)
{
    core::ArmJob *job = session.client()->send(request);
    std::optional<core::Result<core::ArmResponse>> result;
    connect(job, &core::ArmJob::finished, this, [&result, job] { result = job->result(); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
        return core::Error::make(core::Error::Kind::Timeout, u"test timeout"_qs);
    return *result;
}

void tst_NavigationActions::addsAndDeletesOperationsAndApisFromTheTree()
{
    const auto endpoints = core::LocalEndpoints::fromReadyLine(
        QJsonDocument(m_local.readyLine()).toJson(QJsonDocument::Compact));
    QVERIFY(endpoints.ok());
    core::Settings settings(m_dir.filePath(u"settings.ini"_qs));
    core::InMemorySecretStore secrets;
    ui::MainWindow window(settings);
    ui::ConsoleSession session(&window, &secrets, m_dir.filePath(u"history.sqlite"_qs));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy connected(&session, &ui::ConsoleSession::connected);
    session.attachLocal(endpoints.value());
    QVERIFY(connected.wait(30000));

    // A service with the API "Orders" and its operation "List orders".
    core::ArmRequest service = core::ArmRequest::put(kService, QJsonObject {
        { u"location"_qs, u"local"_qs },
        { u"sku"_qs, QJsonObject { { u"name"_qs, u"Developer"_qs }, { u"capacity"_qs, 1 } } },
        { u"properties"_qs, QJsonObject { { u"publisherEmail"_qs, u"admin@contoso.com"_qs },
                                          { u"publisherName"_qs, u"Contoso"_qs } } } });
    QVERIFY(send(session, service).ok());
    QVERIFY(send(session, core::ArmRequest::put(kApi, QJsonObject { { u"properties"_qs, QJsonObject {
        { u"displayName"_qs, u"Orders"_qs }, { u"path"_qs, u"orders"_qs },
        { u"serviceUrl"_qs, u"http://127.0.0.1:9/orders"_qs },
        { u"protocols"_qs, QJsonArray { u"https"_qs } } } } })).ok());
    QVERIFY(send(session, core::ArmRequest::put(kApi + u"/operations/list-orders"_qs, QJsonObject { { u"properties"_qs, QJsonObject {
        { u"displayName"_qs, u"List orders"_qs }, { u"method"_qs, u"GET"_qs },
        { u"urlTemplate"_qs, u"/orders"_qs } } } })).ok());
    window.findChild<QAction *>(u"refreshAction"_qs)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(session.serviceId(), kService, 30000);
    window.setMode(ui::MainWindow::Mode::Publisher);

    // Down the tree to the API.
    Nav *nav = session.navigation();
    QTreeView *tree = window.navigationView();
    QTRY_VERIFY_WITH_TIMEOUT(nav->findArmId(kService).isValid(), 10000);
    tree->expand(proxy(window, nav->findArmId(kService)));
    QTRY_VERIFY_WITH_TIMEOUT(nav->folder(nav->findArmId(kService), Nav::Kind::ApisFolder).isValid(), 10000);
    tree->expand(proxy(window, nav->folder(nav->findArmId(kService), Nav::Kind::ApisFolder)));
    QTRY_VERIFY_WITH_TIMEOUT(nav->findArmId(kApi).isValid(), 10000);
    tree->expand(proxy(window, nav->findArmId(kApi)));
    QTRY_VERIFY_WITH_TIMEOUT(nav->childByName(nav->findArmId(kApi), u"list-orders"_qs).isValid(), 10000);

    auto *addOperation = window.findChild<QAction *>(u"addOperationAction"_qs);
    auto *remove = window.findChild<QAction *>(u"deleteNavigationItemAction"_qs);
    QVERIFY(addOperation && remove);
    auto *actions = session.findChild<ui::NavigationActions *>();
    QVERIFY(actions);

    // Add operation: an empty operation editor for this API; its Save creates the operation.
    tree->setCurrentIndex(proxy(window, nav->findArmId(kApi)));
    QCOMPARE(session.publisherWorkspace()->currentPage(), Page::Api);
    QVERIFY(addOperation->isEnabled());
    QCOMPARE(remove->text(), u"&Delete API…"_qs);
    addOperation->trigger();
    QCOMPARE(session.publisherWorkspace()->currentPage(), Page::Operation);
    auto *editor = qobject_cast<ui::OperationEditor *>(session.publisherWorkspace()->currentEditor());
    QVERIFY(editor);
    QCOMPARE(editor->findChild<QLineEdit *>(u"operationIdLineEdit"_qs)->text(), QString());
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs), u"Get order"_qs);
    QCOMPARE(editor->findChild<QLineEdit *>(u"operationIdLineEdit"_qs)->text(), u"get-order"_qs);
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"urlTemplateLineEdit"_qs), u"/orders/{id}"_qs);
    QTest::mouseClick(editor->findChild<QPushButton *>(u"operationSavePushButton"_qs), Qt::LeftButton);
    const QString created = kApi + u"/operations/get-order"_qs;
    QTRY_VERIFY_WITH_TIMEOUT(nav->findArmId(created).isValid(), 20000);
    QVERIFY(send(session, core::ArmRequest::get(created)).ok());

    // Delete on the new operation: "no" leaves it alone.
    tree->setCurrentIndex(proxy(window, nav->findArmId(created)));
    QVERIFY(!addOperation->isEnabled());
    QVERIFY(remove->isEnabled());
    QCOMPARE(remove->text(), u"&Delete operation…"_qs);
    QSignalSpy deleted(actions, &ui::NavigationActions::deleteFinished);
    ui::decisions::preAnswer(false);
    remove->trigger();
    QCOMPARE(ui::decisions::pendingPreAnswers(), 0); // it asked
    QTest::qWait(300);
    QCOMPARE(deleted.count(), 0);
    QVERIFY(send(session, core::ArmRequest::get(created)).ok());
    // "Yes" deletes it; the tree drops it and the panel shows its API.
    ui::decisions::preAnswer(true);
    remove->trigger();
    QVERIFY(deleted.wait(30000));
    QCOMPARE(deleted.last().at(0).toBool(), true);
    QCOMPARE(send(session, core::ArmRequest::get(created)).error().kind, core::Error::Kind::NotFound);
    QTRY_VERIFY_WITH_TIMEOUT(!nav->findArmId(created).isValid(), 10000);
    QVERIFY(nav->findArmId(kApi + u"/operations/list-orders"_qs).isValid());
    // The panel no longer shows the deleted operation (but what the tree's current node is).
    const auto *shown = qobject_cast<ui::OperationEditor *>(session.publisherWorkspace()->currentEditor());
    QVERIFY(!shown || shown->findChild<QLineEdit *>(u"operationIdLineEdit"_qs)->text() != u"get-order"_qs);

    // Delete on the API: gone with its operations, after its long-running DELETE ended.
    tree->setCurrentIndex(proxy(window, nav->findArmId(kApi)));
    ui::decisions::preAnswer(true);
    remove->trigger();
    QVERIFY(deleted.wait(30000));
    QCOMPARE(deleted.last().at(0).toBool(), true);
    QCOMPARE(send(session, core::ArmRequest::get(kApi)).error().kind, core::Error::Kind::NotFound);
    QCOMPARE(send(session, core::ArmRequest::get(kApi + u"/operations/list-orders"_qs)).error().kind,
             core::Error::Kind::NotFound);
    QTRY_VERIFY_WITH_TIMEOUT(!nav->findArmId(kApi).isValid(), 10000);
    QVERIFY(session.publisherWorkspace()->currentPage() != Page::Api
            || !session.publisherWorkspace()->currentEditor()
            || !session.publisherWorkspace()->currentEditor()->findChild<QLineEdit *>(u"apiIdLineEdit"_qs)
            || session.publisherWorkspace()->currentEditor()->findChild<QLineEdit *>(u"apiIdLineEdit"_qs)->text() != u"orders"_qs);
    QVERIFY(!actions->banner()->isVisible());
    QCOMPARE(ui::decisions::pendingPreAnswers(), 0);
}

QTEST_MAIN(tst_NavigationActions)
#include "tst_navigationactions.moc"
