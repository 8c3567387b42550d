// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Editors and list forms stay with the service they were opened on, against the real
// portico-local with two services: when another service becomes the current one (as when a
// service the user created finishes provisioning, or the console opens another), an API
// editor, an operation editor or a named-values form with unsaved edits made on the first
// service is kept under it, does not turn up on the other, and its Save goes to the first
// service, even when its call is still on the way (held by a FlakyProxy) at the switch; a
// delete under way likewise. A draft comes back only in the environment it was made in.

#include "core/arm/armclient.h"
#include "core/arm/armrequest.h"
#include "core/auth/statictokenprovider.h"
#include "tests/support/flakyproxy.h"
#include "tests/ui/publishertestbed.h"
#include "ui/common/bannerwidget.h"
#include "ui/common/maskedkeyfield.h"
#include "ui/common/decisions.h"
#include "ui/common/stageddocument.h"
#include "ui/publisher/apieditor.h"
#include "ui/publisher/operationeditor.h"
#include "ui/publisher/publisherworkspace.h"
#include "ui/publisher/resourcepanel.h"

#include <QJsonArray>
#include <QAbstractItemView>
#include <QJsonObject>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace portico;
using Page = ui::PublisherWorkspace::Page;

namespace {
const QString kFirst = test::localServiceId(u"switch-first"_qs);
const QString kSecond = test::localServiceId(u"switch-second"_qs);
// Two environments that both have kFirst (as portico-local's and an Azure one could have a service
// of the same path): the controller's proxied client in one, the test bed's own in the other.
const QString kFirstEnvironment = u"first-environment"_qs;
const QString kSecondEnvironment = u"second-environment"_qs;

QJsonObject apiBody(const QString &displayName, const QString &path)
{
    return { { u"properties"_qs,
               QJsonObject { { u"displayName"_qs, displayName },
                             { u"path"_qs, path },
                             { u"serviceUrl"_qs, u"http://127.0.0.1:9"_qs },
                             { u"protocols"_qs, QJsonArray { u"https"_qs } } } } };
}
} // namespace

class tst_PublisherServiceSwitch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void apiEditorSavesToTheServiceItWasOpenedOn();
    void operationEditorSavesToTheServiceItWasOpenedOn();
    void namedValueFormStaysWithTheServiceItWasOpenedOn();
    void deleteUnderWayEndsOnTheServiceItWasMadeOn();
    void draftsStayInTheirEnvironment();
    void deleteUnderWaySendsNothingToTheNextEnvironment();
    void createUnderWaySendsNothingToTheNextEnvironment();

private:
    core::Result<QJsonObject> call(core::ArmRequest request) { return m_bed.call(std::move(request), this); }
    QString displayNameOf(const QString &path)
    {
        const auto r = call(core::ArmRequest::get(path));
        return r.ok() ? r->value(u"properties"_qs).toObject().value(u"displayName"_qs).toString() : QString();
    }
    // The current service's editor of the page, once its display name has loaded.
    template<typename Editor>
    Editor *waitForEditor(const QString &field, const QString &displayName)
    {
        auto *editor = qobject_cast<Editor *>(m_workspace->currentEditor());
        if (!editor)
            return nullptr;
        auto *name = editor->template findChild<QLineEdit *>(field);
        return QTest::qWaitFor([&] { return name->text() == displayName; }, 10000) ? editor : nullptr;
    }
    // The user clicks Save on `editor` (on show, on the first service); its `method` call to
    // `path` (below the first service) waits on the way while the second service becomes
    // current, then goes on, and the save ends. Nothing is sent to the second service meanwhile.
    void saveHeldOverSwitch(QWidget *editor, const ui::StagedDocument *document, const QString &saveButton,
                            const QByteArray &method, const QString &path)
    {
        QPointer<QWidget> guard(editor);
        QCOMPARE(m_workspace->currentEditor(), editor);
        auto *save = editor->findChild<QPushButton *>(saveButton);
        QVERIFY2(save, qPrintable(saveButton));
        QVERIFY(save->isVisible() && save->isEnabled());
        auto toSecond = std::make_shared<QList<QByteArray>>();
        const QByteArray second = QUrl::toPercentEncoding(kSecond, "/");
        const QByteArray held = QUrl::toPercentEncoding(kFirst + path, "/");
        m_proxy->holdWhen([toSecond, second, held, method](const test::FlakyProxy::Request &r) {
            if (r.target.startsWith(second))
                toSecond->append(r.method + ' ' + r.target);
            return r.method == method && r.target.left(r.target.indexOf('?')) == held;
        });
        save->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->held(), 1, 10000);
        m_bed.controller()->setService(kSecond);
        QCOMPARE(m_workspace->currentPage(), Page::Overview);
        m_proxy->forwardHeld();
        QTRY_VERIFY_WITH_TIMEOUT(guard && !document->isDirty(), 10000);
        m_proxy->holdWhen({});
        QVERIFY2(toSecond->isEmpty(), toSecond->join(", ").constData());
    }
    // Back on the first service, the user finds `editor` as the save left it: saved.
    void backOnFirst(QWidget *editor, const ui::StagedDocument *document, Page page, const QString &name,
                     const QString &apiId = {})
    {
        QPointer<QWidget> guard(editor);
        m_bed.controller()->setService(kFirst);
        m_workspace->showPage(page, name, apiId);
        QVERIFY(guard);
        QCOMPARE(m_workspace->currentEditor(), editor);
        QVERIFY(!document->isDirty());
        QCOMPARE(m_workspace->unsavedEditorCount(), 0);
    }
    static void retype(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }

    // Whether `panel`'s list shows an item called `name`.
    static bool lists(const ui::ResourcePanel *panel, const QString &name)
    {
        const auto *view = panel->findChild<QAbstractItemView *>();
        const QAbstractItemModel *model = view ? view->model() : nullptr;
        for (int row = 0; model && row < model->rowCount(); ++row)
            for (int column = 0; column < model->columnCount(); ++column)
                if (model->index(row, column).data().toString() == name)
                    return true;
        return false;
    }

    // What the console does when the user picks another environment: its client, then its id.
    void useEnvironment(const QString &environment)
    {
        core::ArmClient *client = environment == kFirstEnvironment ? m_proxied.get() : m_secondProxied.get();
        if (m_bed.controller()->client() == client)
            return;
        m_bed.controller()->setClient(client);
        m_bed.controller()->setSecretStore(nullptr, environment);
    }

    test::PublisherTestBed m_bed;
    // The controller's calls go through it, so that one can be held while the user goes on.
    // A sync point with the second environment: a request of the test's own through its proxy,
    // returned once the proxy saw it (recorded in `seen` by the rule that fills it). The
    // console's work is over by then, so what it sent there has been seen before.
    QByteArray markSecond(const QList<QByteArray> &seen)
    {
        const QString path = kFirst + u"/namedValues/syncmarker"_qs;
        [[maybe_unused]] core::ArmJob *job = m_secondProxied->send(core::ArmRequest::get(path)); // deletes itself
        const QByteArray marker = "GET " + path.toUtf8() + '?';
        const auto isMarker = [&marker](const QByteArray &r) { return r.startsWith(marker); };
        [&] { QTRY_VERIFY_WITH_TIMEOUT(std::any_of(seen.cbegin(), seen.cend(), isMarker), 10000); }();
        const auto found = std::find_if(seen.cbegin(), seen.cend(), isMarker);
        return found == seen.cend() ? marker : *found; // as the proxy saw it (with its query)
    }

    std::unique_ptr<test::FlakyProxy> m_proxy;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_proxied;
    // The second environment's client: through its own proxy, which sees what is sent there.
    std::unique_ptr<test::FlakyProxy> m_secondProxy;
    std::unique_ptr<core::ArmClient> m_secondProxied;
    std::unique_ptr<ui::PublisherWorkspace> m_workspace;
};

void tst_PublisherServiceSwitch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString problem = m_bed.start(u"switch-first"_qs, this);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(test::createLocalService(*m_bed.controller(), kSecond, this).ok());
    m_proxy = std::make_unique<test::FlakyProxy>();
    QVERIFY(m_proxy->listen(QHostAddress::LocalHost, quint16(m_bed.local().managementUrl().port())));
    QUrl url = m_bed.local().managementUrl();
    url.setPort(m_proxy->port());
    m_tokens = std::make_unique<core::StaticTokenProvider>(m_bed.local().token());
    m_proxied = std::make_unique<core::ArmClient>(&m_bed.network(), url, m_tokens.get());
    m_secondProxy = std::make_unique<test::FlakyProxy>();
    QVERIFY(m_secondProxy->listen(QHostAddress::LocalHost, quint16(m_bed.local().managementUrl().port())));
    url.setPort(m_secondProxy->port());
    m_secondProxied = std::make_unique<core::ArmClient>(&m_bed.network(), url, m_tokens.get());
    m_bed.controller()->setClient(m_proxied.get());
    m_bed.controller()->setSecretStore(nullptr, kFirstEnvironment);
    m_workspace = std::make_unique<ui::PublisherWorkspace>(m_bed.controller());
    m_workspace->resize(1200, 800);
    m_workspace->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
}

void tst_PublisherServiceSwitch::cleanupTestCase()
{
    m_workspace.reset();
    m_bed.controller()->setClient(m_bed.client());
    m_proxied.reset();
    m_secondProxied.reset();
    m_bed.stop();
    m_proxy.reset();
    m_secondProxy.reset();
}

void tst_PublisherServiceSwitch::init()
{
    m_proxy->holdWhen({});
    m_secondProxy->holdWhen({});
    useEnvironment(kFirstEnvironment);
    m_bed.controller()->setService(kFirst);
}

void tst_PublisherServiceSwitch::apiEditorSavesToTheServiceItWasOpenedOn()
{
    // Both services have an API with the same id.
    QVERIFY(call(core::ArmRequest::put(kFirst + u"/apis/twin"_qs, apiBody(u"First twin"_qs, u"twin"_qs))).ok());
    QVERIFY(call(core::ArmRequest::put(kSecond + u"/apis/twin"_qs, apiBody(u"Second twin"_qs, u"twin"_qs))).ok());
    m_workspace->showPage(Page::Api, u"twin"_qs);
    auto *editor = waitForEditor<ui::ApiEditor>(u"displayNameLineEdit"_qs, u"First twin"_qs);
    QVERIFY(editor);
    QPointer<ui::ApiEditor> guard(editor);
    retype(editor->findChild<QLineEdit *>(u"displayNameLineEdit"_qs), u"First twin, edited"_qs);
    QVERIFY(editor->document()->isDirty());

    // Another service becomes current: its own API is shown there, not the first one's draft.
    m_bed.controller()->setService(kSecond);
    QCOMPARE(m_workspace->currentPage(), Page::Overview);
    m_workspace->showPage(Page::Api, u"twin"_qs);
    QVERIFY(m_workspace->currentEditor() != editor);
    QVERIFY(waitForEditor<ui::ApiEditor>(u"displayNameLineEdit"_qs, u"Second twin"_qs));

    // Back on the first service, the draft comes back as it was left.
    m_bed.controller()->setService(kFirst);
    m_workspace->showPage(Page::Api, u"twin"_qs);
    QVERIFY(guard);
    QCOMPARE(m_workspace->currentEditor(), editor);
    QCOMPARE(editor->findChild<QLineEdit *>(u"displayNameLineEdit"_qs)->text(), u"First twin, edited"_qs);

    // Its save, still under way when the next switch comes, goes to its own service.
    saveHeldOverSwitch(editor, editor->document(), u"apiSavePushButton"_qs, "PUT", u"/apis/twin"_qs);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(displayNameOf(kFirst + u"/apis/twin"_qs), u"First twin, edited"_qs);
    QCOMPARE(displayNameOf(kSecond + u"/apis/twin"_qs), u"Second twin"_qs);
    backOnFirst(editor, editor->document(), Page::Api, u"twin"_qs);
}

void tst_PublisherServiceSwitch::operationEditorSavesToTheServiceItWasOpenedOn()
{
    const QJsonObject operation { { u"properties"_qs,
                                    QJsonObject { { u"displayName"_qs, u"Score"_qs },
                                                  { u"method"_qs, u"POST"_qs },
                                                  { u"urlTemplate"_qs, u"/score"_qs } } } };
    for (const QString &service : { kFirst, kSecond }) {
        QVERIFY(call(core::ArmRequest::put(service + u"/apis/ops"_qs, apiBody(u"Ops"_qs, u"ops"_qs))).ok());
        QVERIFY(call(core::ArmRequest::put(service + u"/apis/ops/operations/score"_qs, operation)).ok());
    }
    m_workspace->showPage(Page::Operation, u"score"_qs, u"ops"_qs);
    auto *editor = waitForEditor<ui::OperationEditor>(u"operationDisplayNameLineEdit"_qs, u"Score"_qs);
    QVERIFY(editor);
    QPointer<ui::OperationEditor> guard(editor);
    retype(editor->findChild<QLineEdit *>(u"operationDisplayNameLineEdit"_qs), u"Score on the first"_qs);
    QVERIFY(editor->document()->isDirty());

    m_bed.controller()->setService(kSecond);
    QCOMPARE(m_workspace->currentPage(), Page::Overview);
    m_bed.controller()->setService(kFirst);
    m_workspace->showPage(Page::Operation, u"score"_qs, u"ops"_qs);
    QVERIFY(guard);
    QCOMPARE(m_workspace->currentEditor(), editor);

    saveHeldOverSwitch(editor, editor->document(), u"operationSavePushButton"_qs, "PUT",
                       u"/apis/ops/operations/score"_qs);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(displayNameOf(kFirst + u"/apis/ops/operations/score"_qs), u"Score on the first"_qs);
    QCOMPARE(displayNameOf(kSecond + u"/apis/ops/operations/score"_qs), u"Score"_qs);
    backOnFirst(editor, editor->document(), Page::Operation, u"score"_qs, u"ops"_qs);
}

void tst_PublisherServiceSwitch::namedValueFormStaysWithTheServiceItWasOpenedOn()
{
    for (const QString &service : { kFirst, kSecond }) {
        const QJsonObject body { { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"region"_qs },
                                                                   { u"value"_qs, u"west"_qs } } } };
        QVERIFY(call(core::ArmRequest::put(service + u"/namedValues/region"_qs, body)).ok());
    }
    m_workspace->showPage(Page::NamedValues, u"region"_qs);
    ui::ResourcePanel *first = m_workspace->panel(Page::NamedValues);
    QVERIFY(first);
    QPointer<ui::ResourcePanel> guard(first);
    auto *name = first->findChild<QLineEdit *>(u"namedValueDisplayNameLineEdit"_qs);
    QTRY_COMPARE_WITH_TIMEOUT(first->currentName(), u"region"_qs, 10000);
    retype(name, u"region-first"_qs);
    QVERIFY(first->document()->isDirty());

    // On the other service, its named values show without the first one's draft.
    m_bed.controller()->setService(kSecond);
    QCOMPARE(m_workspace->currentPage(), Page::Overview);
    m_workspace->showPage(Page::NamedValues, u"region"_qs);
    ui::ResourcePanel *second = m_workspace->panel(Page::NamedValues);
    QVERIFY(second);
    QCOMPARE(m_workspace->currentEditor(), second);
    QTRY_COMPARE_WITH_TIMEOUT(second->currentName(), u"region"_qs, 10000);
    QVERIFY(!second->document()->isDirty());
    QCOMPARE(second->findChild<QLineEdit *>(u"namedValueDisplayNameLineEdit"_qs)->text(), u"region"_qs);
    QCOMPARE(m_workspace->unsavedEditorCount(), 1); // the first service's draft, kept

    // Back on the first service, the draft comes back as it was left.
    m_bed.controller()->setService(kFirst);
    m_workspace->showPage(Page::NamedValues);
    QVERIFY(guard);
    QCOMPARE(m_workspace->currentEditor(), first);
    QCOMPARE(name->text(), u"region-first"_qs);
    QVERIFY(first->document()->isDirty());

    // Its save, still under way when the next switch comes, goes to its own service.
    saveHeldOverSwitch(first, first->document(), u"namedValuesSavePushButton"_qs, "PATCH",
                       u"/namedValues/region"_qs);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(displayNameOf(kFirst + u"/namedValues/region"_qs), u"region-first"_qs);
    QCOMPARE(displayNameOf(kSecond + u"/namedValues/region"_qs), u"region"_qs);
    backOnFirst(first, first->document(), Page::NamedValues, {});
}

void tst_PublisherServiceSwitch::deleteUnderWayEndsOnTheServiceItWasMadeOn()
{
    for (const QString &service : { kFirst, kSecond }) {
        const QJsonObject body { { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"gone"_qs },
                                                                   { u"value"_qs, u"soon"_qs } } } };
        QVERIFY(call(core::ArmRequest::put(service + u"/namedValues/gone"_qs, body)).ok());
    }
    m_workspace->showPage(Page::NamedValues, u"gone"_qs);
    ui::ResourcePanel *first = m_workspace->panel(Page::NamedValues);
    QVERIFY(first);
    QPointer<ui::ResourcePanel> guard(first);
    QTRY_COMPARE_WITH_TIMEOUT(first->currentName(), u"gone"_qs, 10000);
    QVERIFY(!first->document()->isDirty());

    // The user deletes it; the DELETE waits on the way while another service becomes current.
    QList<QByteArray> toSecond;
    const QByteArray second = QUrl::toPercentEncoding(kSecond, "/");
    m_proxy->holdWhen([&toSecond, second](const test::FlakyProxy::Request &r) {
        if (r.target.startsWith(second))
            toSecond << r.method + ' ' + r.target;
        return r.method == "DELETE" && r.target.contains("/namedValues/gone");
    });
    ui::decisions::preAnswer(true);
    auto *remove = first->findChild<QPushButton *>(u"namedValuesDeletePushButton"_qs);
    QVERIFY(remove && remove->isEnabled());
    remove->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->held(), 1, 10000);
    m_bed.controller()->setService(kSecond);
    QCOMPARE(m_workspace->currentPage(), Page::Overview);
    m_proxy->forwardHeld();

    // Deleted on the first service, and nothing sent to the second (no list, no delete).
    QTRY_VERIFY_WITH_TIMEOUT(!call(core::ArmRequest::get(kFirst + u"/namedValues/gone"_qs)).ok(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(guard && !lists(first, u"gone"_qs), 10000);
    m_proxy->holdWhen({});
    QVERIFY2(toSecond.isEmpty(), toSecond.join(", ").constData());
    QVERIFY(call(core::ArmRequest::get(kSecond + u"/namedValues/gone"_qs)).ok());
    QCOMPARE(m_workspace->unsavedEditorCount(), 0);

    // Back on the first service, the user finds the form the delete was made from, without it.
    m_bed.controller()->setService(kFirst);
    m_workspace->showPage(Page::NamedValues);
    QVERIFY(guard);
    QCOMPARE(m_workspace->currentEditor(), first);
    QVERIFY(!lists(first, u"gone"_qs));
    QVERIFY(!first->document()->isDirty());
}

void tst_PublisherServiceSwitch::draftsStayInTheirEnvironment()
{
    QVERIFY(call(core::ArmRequest::put(kFirst + u"/apis/envtwin"_qs, apiBody(u"Env twin"_qs, u"envtwin"_qs))).ok());
    const QJsonObject value { { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"shared"_qs },
                                                                { u"value"_qs, u"both"_qs } } } };
    QVERIFY(call(core::ArmRequest::put(kFirst + u"/namedValues/shared"_qs, value)).ok());

    // Drafts of an API and a named value of kFirst in the first environment.
    m_workspace->showPage(Page::Api, u"envtwin"_qs);
    auto *editor = waitForEditor<ui::ApiEditor>(u"displayNameLineEdit"_qs, u"Env twin"_qs);
    QVERIFY(editor);
    QPointer<ui::ApiEditor> editorGuard(editor);
    retype(editor->findChild<QLineEdit *>(u"displayNameLineEdit"_qs), u"Env twin, first environment"_qs);
    QVERIFY(editor->document()->isDirty());
    m_workspace->showPage(Page::NamedValues, u"shared"_qs);
    ui::ResourcePanel *form = m_workspace->panel(Page::NamedValues);
    QVERIFY(form);
    QPointer<ui::ResourcePanel> formGuard(form);
    QTRY_COMPARE_WITH_TIMEOUT(form->currentName(), u"shared"_qs, 10000);
    retype(form->findChild<QLineEdit *>(u"namedValueDisplayNameLineEdit"_qs), u"shared-first"_qs);
    QVERIFY(form->document()->isDirty());

    // In the other environment, its service of the same path shows without those drafts (their
    // Save would go to this environment's client).
    useEnvironment(kSecondEnvironment);
    m_bed.controller()->setService(kFirst);
    m_workspace->showPage(Page::Api, u"envtwin"_qs);
    QVERIFY(m_workspace->currentEditor() != editor);
    auto *other = waitForEditor<ui::ApiEditor>(u"displayNameLineEdit"_qs, u"Env twin"_qs);
    QVERIFY(other);
    QVERIFY(!other->document()->isDirty());
    m_workspace->showPage(Page::NamedValues, u"shared"_qs);
    ui::ResourcePanel *otherForm = m_workspace->panel(Page::NamedValues);
    QVERIFY(otherForm && otherForm != form);
    QTRY_COMPARE_WITH_TIMEOUT(otherForm->currentName(), u"shared"_qs, 10000);
    QVERIFY(!otherForm->document()->isDirty());
    QCOMPARE(otherForm->findChild<QLineEdit *>(u"namedValueDisplayNameLineEdit"_qs)->text(), u"shared"_qs);
    QCOMPARE(m_workspace->unsavedEditorCount(), 2); // the first environment's, kept

    // Back in the first environment, both drafts come back as they were left.
    useEnvironment(kFirstEnvironment);
    m_bed.controller()->setService(kFirst);
    m_workspace->showPage(Page::Api, u"envtwin"_qs);
    QVERIFY(editorGuard);
    QCOMPARE(m_workspace->currentEditor(), editor);
    QCOMPARE(editor->findChild<QLineEdit *>(u"displayNameLineEdit"_qs)->text(), u"Env twin, first environment"_qs);
    m_workspace->showPage(Page::NamedValues, u"shared"_qs);
    QVERIFY(formGuard);
    QCOMPARE(m_workspace->currentEditor(), form);
    QVERIFY(form->document()->isDirty());
    editor->document()->revert();
    form->document()->revert();
}

void tst_PublisherServiceSwitch::deleteUnderWaySendsNothingToTheNextEnvironment()
{
    // The same service path in both environments (here both reach the same portico-local, so
    // what the second one is sent is seen by its proxy).
    for (const QString &name : { u"envgone"_qs, u"envstays"_qs }) {
        const QJsonObject body { { u"properties"_qs, QJsonObject { { u"displayName"_qs, name },
                                                                   { u"value"_qs, u"soon"_qs } } } };
        QVERIFY(call(core::ArmRequest::put(kFirst + u"/namedValues/"_qs + name, body)).ok());
    }
    QList<QByteArray> toSecond;
    m_secondProxy->holdWhen([&toSecond](const test::FlakyProxy::Request &r) {
        toSecond << r.method + ' ' + r.target;
        return false;
    });
    ui::decisions::preAnswer(true);

    // A delete whose DELETE is on its way when the user picks the other environment: it ends on
    // the first environment, and its list is not reloaded from the second.
    m_workspace->showPage(Page::NamedValues, u"envgone"_qs);
    ui::ResourcePanel *first = m_workspace->panel(Page::NamedValues);
    QVERIFY(first);
    QPointer<ui::ResourcePanel> guard(first);
    QTRY_COMPARE_WITH_TIMEOUT(first->currentName(), u"envgone"_qs, 10000);
    m_proxy->holdWhen([](const test::FlakyProxy::Request &r) {
        return r.method == "DELETE" && r.target.contains("/namedValues/envgone");
    });
    auto *remove = first->findChild<QPushButton *>(u"namedValuesDeletePushButton"_qs);
    QVERIFY(remove && remove->isEnabled());
    remove->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->held(), 1, 10000);
    useEnvironment(kSecondEnvironment);
    m_bed.controller()->setService(kFirst);
    QCOMPARE(m_workspace->currentPage(), Page::Overview);
    toSecond.clear();
    m_proxy->forwardHeld();
    QTRY_VERIFY_WITH_TIMEOUT(guard && !first->isBusy(), 10000);
    QByteArray marker = markSecond(toSecond);
    QVERIFY2(toSecond == QList<QByteArray> { marker }, toSecond.join(", ").constData());
    QVERIFY(!call(core::ArmRequest::get(kFirst + u"/namedValues/envgone"_qs)).ok());

    // A delete whose read of the item (for its ETag) is on its way: its DELETE is not sent
    // through the second environment's client; the item stays and the form says why.
    useEnvironment(kFirstEnvironment);
    m_bed.controller()->setService(kFirst);
    m_workspace->showPage(Page::NamedValues, u"envstays"_qs);
    QVERIFY(guard);
    QCOMPARE(m_workspace->currentEditor(), first);
    QTRY_COMPARE_WITH_TIMEOUT(first->currentName(), u"envstays"_qs, 10000);
    m_proxy->holdWhen([](const test::FlakyProxy::Request &r) {
        return r.method == "GET" && r.target.contains("/namedValues/envstays");
    });
    ui::decisions::preAnswer(true);
    QVERIFY(remove->isEnabled());
    remove->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->held(), 1, 10000);
    useEnvironment(kSecondEnvironment);
    m_bed.controller()->setService(kFirst);
    toSecond.clear();
    m_proxy->forwardHeld();
    QTRY_VERIFY_WITH_TIMEOUT(guard && !first->isBusy(), 10000);
    marker = markSecond(toSecond);
    m_secondProxy->holdWhen({});
    m_proxy->holdWhen({});
    QVERIFY2(toSecond == QList<QByteArray> { marker }, toSecond.join(", ").constData());
    QVERIFY(call(core::ArmRequest::get(kFirst + u"/namedValues/envstays"_qs)).ok());

    // Back in the first environment, the form says that its delete was not finished.
    useEnvironment(kFirstEnvironment);
    m_bed.controller()->setService(kFirst);
    m_workspace->showPage(Page::NamedValues);
    QVERIFY(guard);
    QCOMPARE(m_workspace->currentEditor(), first);
    QTRY_VERIFY_WITH_TIMEOUT(lists(first, u"envstays"_qs), 10000);
    const auto *banner = first->findChild<ui::BannerWidget *>(u"namedValuesBannerWidget"_qs);
    QVERIFY(banner && banner->isVisible());
    QVERIFY2(banner->text().contains(u"another environment"_qs), qPrintable(banner->text()));
}

void tst_PublisherServiceSwitch::createUnderWaySendsNothingToTheNextEnvironment()
{
    QList<QByteArray> toSecond;
    m_secondProxy->holdWhen([&toSecond](const test::FlakyProxy::Request &r) {
        toSecond << r.method + ' ' + r.target;
        return false;
    });
    m_workspace->showPage(Page::NamedValues);
    ui::ResourcePanel *form = m_workspace->panel(Page::NamedValues);
    QVERIFY(form);
    QPointer<ui::ResourcePanel> guard(form);
    QTRY_VERIFY_WITH_TIMEOUT(!form->isBusy(), 10000);

    // A new item whose look-up of its id (before its PUT) is on its way when the user picks the
    // other environment: its PUT is not sent through the second environment's client.
    QTest::mouseClick(form->findChild<QPushButton *>(u"namedValuesNewPushButton"_qs), Qt::LeftButton);
    for (const auto &[objectName, text] : { std::pair { u"namedValueIdLineEdit"_qs, u"envnew"_qs },
                                            std::pair { u"namedValueDisplayNameLineEdit"_qs, u"envnew"_qs },
                                            std::pair { u"namedValueValue"_qs, u"fresh"_qs } }) {
        QLineEdit *edit = form->findChild<QLineEdit *>(objectName);
        if (!edit)
            if (auto *masked = form->findChild<ui::MaskedKeyField *>(objectName))
                edit = masked->lineEdit();
        QVERIFY2(edit, qPrintable(objectName));
        edit->setFocus();
        QTest::keyClicks(edit, text);
    }
    m_proxy->holdWhen([](const test::FlakyProxy::Request &r) {
        return r.method == "GET" && r.target.contains("/namedValues/envnew");
    });
    QTest::mouseClick(form->findChild<QPushButton *>(u"namedValuesSavePushButton"_qs), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->held(), 1, 10000);
    useEnvironment(kSecondEnvironment);
    m_bed.controller()->setService(kFirst);
    toSecond.clear();
    m_proxy->forwardHeld();
    QTRY_VERIFY_WITH_TIMEOUT(guard && !form->isBusy(), 10000);
    const QByteArray marker = markSecond(toSecond);
    m_secondProxy->holdWhen({});
    m_proxy->holdWhen({});
    QCOMPARE(toSecond, QList<QByteArray> { marker });
    // Both environments reach the same portico-local here: the item was made in neither.
    QVERIFY(!call(core::ArmRequest::get(kFirst + u"/namedValues/envnew"_qs)).ok());

    // Back in the first environment, the form keeps the user's new item and says why.
    useEnvironment(kFirstEnvironment);
    m_bed.controller()->setService(kFirst);
    m_workspace->showPage(Page::NamedValues);
    QVERIFY(guard);
    QCOMPARE(m_workspace->currentEditor(), form);
    QVERIFY(form->isNew());
    QCOMPARE(form->findChild<QLineEdit *>(u"namedValueIdLineEdit"_qs)->text(), u"envnew"_qs);
    const auto *banner = form->findChild<ui::BannerWidget *>(u"namedValuesBannerWidget"_qs);
    QVERIFY(banner && banner->isVisible());
    QVERIFY2(banner->text().contains(u"another environment"_qs), qPrintable(banner->text()));
    form->document()->revert();
}

QTEST_MAIN(tst_PublisherServiceSwitch)
#include "tst_publisherserviceswitch.moc"
