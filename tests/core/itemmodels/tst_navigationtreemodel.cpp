// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The navigation tree against the real portico-local, always under a live
// QAbstractItemModelTester: a service built through ArmClient, then everything expanded and
// compared with what was created; refresh after adding and removing an API (rows that stay keep
// their index and subtree); and a stopped server turning loads into error nodes, with a retry
// that recovers once the server is back.

#include "core/arm/armclient.h"
#include "core/auth/statictokenprovider.h"
#include "core/itemmodels/navigationtreemodel.h"
#include "tests/core/itemmodels/localservicebed.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/replay/replayserver.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace portico;
using Model = core::NavigationTreeModel;
using Kind = Model::Kind;
using LoadState = Model::LoadState;

namespace {

const QString s_service = u"navtree"_qs;

Kind kindOf(const QModelIndex &index)
{
    return index.data(Model::KindRole).value<Kind>();
}

LoadState stateOf(const QModelIndex &index)
{
    return index.data(Model::LoadStateRole).value<LoadState>();
}

// Expands whatever can be expanded (as a user clicking every arrow would) and says whether the
// whole tree is loaded: nothing left to fetch, nothing loading.
bool expandAll(Model &model, const QModelIndex &parent = {})
{
    bool settled = true;
    if (model.canFetchMore(parent)) {
        model.fetchMore(parent);
        settled = false;
    }
    if (parent.isValid() && stateOf(parent) == LoadState::Loading)
        settled = false;
    for (int row = 0; row < model.rowCount(parent); ++row)
        settled = expandAll(model, model.index(row, 0, parent)) && settled;
    return settled;
}

// True when nothing under `parent` (inclusive) is loading.
bool idle(const Model &model, const QModelIndex &parent = {})
{
    if (parent.isValid() && stateOf(parent) == LoadState::Loading)
        return false;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        if (!idle(model, model.index(row, 0, parent)))
            return false;
    }
    return true;
}

QStringList idsUnder(const Model &model, const QModelIndex &parent)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(parent); ++row)
        ids.append(model.index(row, 0, parent).data(Model::ArmIdRole).toString().toLower());
    ids.sort();
    return ids;
}

QStringList idsOf(const QList<QJsonObject> &items)
{
    QStringList ids;
    for (const QJsonObject &item : items)
        ids.append(item.value(u"id"_qs).toString().toLower());
    ids.sort();
    return ids;
}

} // namespace

class tst_NavigationTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nothingIsReadBeforeExpanding();
    void expandedTreeShowsWhatWasCreatedThroughArm();
    void refreshShowsAddedAndRemovedApisAndKeepsOpenedBranches();
    void closedConnectionEndsTheLoadWithAnError();
    void keysAndSecretValuesSentInAListNeverReachTheModel();
    void stoppedServerGivesErrorNodesAndRetryRecovers();

private:
    // Adds the "local" environment to model, expands the whole tree and returns the service
    // (invalid when it did not load within 30 s).
    QModelIndex addLocalAndExpand(Model &model);

    test::LocalServiceBed m_bed;
    const QStringList m_scopes { u"/subscriptions/"_qs + test::ArmCalls::subscriptionId() };
};

void tst_NavigationTreeModel::initTestCase()
{
    core::ArmTiming timing = test::LocalServiceBed::fastTiming();
    timing.transferTimeoutMs = 5000;
    timing.deadlineMs = 10000;
    const QString problem = m_bed.start(s_service, timing);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QModelIndex tst_NavigationTreeModel::addLocalAndExpand(Model &model)
{
    const QModelIndex environment = model.addEnvironment(u"local"_qs, u"Portico Local"_qs, m_bed.client(), m_scopes);
    if (!QTest::qWaitFor([&] { return expandAll(model); }, 30000))
        return {};
    return model.childByName(environment, s_service);
}

void tst_NavigationTreeModel::nothingIsReadBeforeExpanding()
{
    Model model;
    const QModelIndex environment = model.addEnvironment(u"local"_qs, u"Portico Local"_qs,
                                                         m_bed.client(), m_scopes);
    // Before a view (or the tester) expands it, the environment promises children but holds none.
    QCOMPARE(model.rowCount(environment), 0);
    QVERIFY(model.hasChildren(environment));
    QVERIFY(model.canFetchMore(environment));
    QCOMPARE(stateOf(environment), LoadState::NotLoaded);
    QCOMPARE(environment.data().toString(), u"Portico Local"_qs);
    QCOMPARE(kindOf(environment), Kind::Environment);

    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &Model::loaded);
    model.fetchMore(environment); // the tester may have started it already: then a no-op
    QCOMPARE(stateOf(environment), LoadState::Loading);
    QVERIFY(!model.canFetchMore(environment)); // one list per expansion, not one per call
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(environment), LoadState::Loaded, 15000);
    QVERIFY(!loaded.isEmpty());
    const QModelIndex service = model.childByName(environment, s_service);
    QVERIFY(service.isValid());
    QCOMPARE(service.data(Model::ArmIdRole).toString().toLower(), m_bed.serviceId().toLower());
}

void tst_NavigationTreeModel::expandedTreeShowsWhatWasCreatedThroughArm()
{
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex service = addLocalAndExpand(model);
    QVERIFY(service.isValid());
    QCOMPARE(kindOf(service), Kind::Service);
    QCOMPARE(service.data().toString(), s_service);
    QCOMPARE(service.data(Model::EnvironmentIdRole).toString(), u"local"_qs);

    const QList<Kind> folders { Kind::ApisFolder,        Kind::ProductsFolder,
                                Kind::SubscriptionsFolder, Kind::UsersFolder,
                                Kind::GroupsFolder,      Kind::NamedValuesFolder,
                                Kind::BackendsFolder,    Kind::PoliciesFolder };
    QCOMPARE(model.rowCount(service), int(folders.size()));
    const QStringList collections { u"apis"_qs,   u"products"_qs,    u"subscriptions"_qs,
                                    u"users"_qs,  u"groups"_qs,      u"namedValues"_qs,
                                    u"backends"_qs, u"policies"_qs };
    for (int row = 0; row < int(folders.size()); ++row) {
        const QModelIndex folder = model.index(row, 0, service);
        QCOMPARE(kindOf(folder), folders.at(row));
        QCOMPARE(stateOf(folder), LoadState::Loaded);
        // Each folder holds exactly what ARM lists for its collection: nothing lost, nothing made up.
        const QString collection = m_bed.serviceId() + u'/' + collections.at(row);
        const auto listed = m_bed.arm().list(collection);
        QVERIFY2(listed.ok(), qPrintable(collection));
        QCOMPARE(idsUnder(model, folder), idsOf(*listed));
    }

    struct Expect
    {
        Kind folder;
        QString name;
        Kind kind;
        QString display;
    };
    const QList<Expect> expected {
        { Kind::ApisFolder, u"scoring"_qs, Kind::Api, u"Scoring API"_qs },
        { Kind::ProductsFolder, u"gold"_qs, Kind::Product, u"Gold tier"_qs },
        { Kind::ProductsFolder, u"starter"_qs, Kind::Product, u"Starter"_qs },
        { Kind::SubscriptionsFolder, u"ada-gold"_qs, Kind::Subscription, u"Ada on Gold"_qs },
        { Kind::UsersFolder, u"ada"_qs, Kind::User, u"Ada Lovelace"_qs },
        { Kind::GroupsFolder, u"analysts"_qs, Kind::Group, u"Analysts"_qs },
        { Kind::NamedValuesFolder, u"model-version"_qs, Kind::NamedValue, u"model-version"_qs },
        { Kind::BackendsFolder, u"ml-backend"_qs, Kind::Backend, u"ML backend"_qs },
        { Kind::PoliciesFolder, u"policy"_qs, Kind::Policy, u"policy"_qs },
    };
    for (const Expect &e : expected) {
        const QModelIndex item = model.childByName(model.folder(service, e.folder), e.name);
        QVERIFY2(item.isValid(), qPrintable(e.name));
        QCOMPARE(kindOf(item), e.kind);
        QCOMPARE(item.data().toString(), e.display);
        QCOMPARE(item.data(Model::NameRole).toString(), e.name);
        QVERIFY2(item.data(Model::ArmIdRole).toString().startsWith(m_bed.serviceId(), Qt::CaseInsensitive),
                 qPrintable(item.data(Model::ArmIdRole).toString()));
        if (e.kind != Kind::Api) {
            QVERIFY(item.flags() & Qt::ItemNeverHasChildren);
            QVERIFY(!model.hasChildren(item));
        }
    }

    const QModelIndex scoring = model.childByName(model.folder(service, Kind::ApisFolder), u"scoring"_qs);
    QCOMPARE(scoring.data(Model::ArmIdRole).toString(), m_bed.serviceId() + u"/apis/scoring"_qs);
    QCOMPARE(stateOf(scoring), LoadState::Loaded);
    QCOMPARE(model.rowCount(scoring), 2);
    const QModelIndex score = model.childByName(scoring, u"score"_qs);
    QCOMPARE(kindOf(score), Kind::Operation);
    QCOMPARE(score.data().toString(), u"Score"_qs);
    QCOMPARE(score.data(Model::ArmIdRole).toString(), m_bed.serviceId() + u"/apis/scoring/operations/score"_qs);
    QCOMPARE(model.childByName(scoring, u"health"_qs).data().toString(), u"Health"_qs);
    QCOMPARE(model.findArmId(score.data(Model::ArmIdRole).toString().toUpper()), score);

    // No key or secret is ever part of what the tree holds.
    const QModelIndex adaGold = model.findArmId(m_bed.serviceId() + u"/subscriptions/ada-gold"_qs);
    QVERIFY(adaGold.isValid());
    const QJsonObject resource = adaGold.data(Model::ResourceRole).toJsonObject();
    QCOMPARE(resource.value(u"name"_qs).toString(), u"ada-gold"_qs);
    QVERIFY(!resource.value(u"properties"_qs).toObject().contains(u"primaryKey"_qs));
}

void tst_NavigationTreeModel::refreshShowsAddedAndRemovedApisAndKeepsOpenedBranches()
{
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex service = addLocalAndExpand(model);
    QVERIFY(service.isValid());
    const QPersistentModelIndex apis = model.folder(service, Kind::ApisFolder);
    const QPersistentModelIndex scoring = model.childByName(apis, u"scoring"_qs);
    const QPersistentModelIndex score = model.childByName(scoring, u"score"_qs);
    QVERIFY(score.isValid());
    const int apisBefore = model.rowCount(apis);

    const auto added = m_bed.arm().put(m_bed.serviceId() + u"/apis/forecast"_qs,
                                  { { u"displayName"_qs, u"Forecast API"_qs },
                                    { u"path"_qs, u"forecast"_qs },
                                    { u"protocols"_qs, QJsonArray { u"https"_qs } } },
                                  true);
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().toString()));
    QVERIFY(m_bed.arm().put(m_bed.serviceId() + u"/apis/forecast/operations/predict"_qs,
                       { { u"displayName"_qs, u"Predict"_qs },
                         { u"method"_qs, u"POST"_qs },
                         { u"urlTemplate"_qs, u"/predict"_qs } })
                .ok());
    // Not there until refreshed: the tree is a snapshot, not a live query.
    QVERIFY(!model.childByName(apis, u"forecast"_qs).isValid());

    model.refresh(apis);
    QCOMPARE(stateOf(apis), LoadState::Loading);
    QTRY_VERIFY_WITH_TIMEOUT(idle(model), 15000);
    QCOMPARE(model.rowCount(apis), apisBefore + 1);
    const QModelIndex forecast = model.childByName(apis, u"forecast"_qs);
    QVERIFY(forecast.isValid());
    QCOMPARE(forecast.data().toString(), u"Forecast API"_qs);
    QCOMPARE(forecast.data(Model::ArmIdRole).toString().toLower(), added->toLower());
    QVERIFY(model.hasChildren(forecast)); // its operations load when it is expanded
    QTRY_VERIFY_WITH_TIMEOUT(expandAll(model), 15000);
    QCOMPARE(model.childByName(forecast, u"predict"_qs).data().toString(), u"Predict"_qs);
    // The API that was open stays open: same node, operations reloaded, not collapsed.
    QVERIFY(scoring.isValid() && score.isValid());
    QCOMPARE(score.data().toString(), u"Score"_qs);

    const auto removed = m_bed.arm().call(
        core::ArmRequest::remove(m_bed.serviceId() + u"/apis/forecast"_qs).asLongRunning());
    QVERIFY2(removed.ok(), removed.ok() ? "" : qPrintable(removed.error().toString()));

    QSignalSpy removedRows(&model, &QAbstractItemModel::rowsRemoved);
    model.refresh(); // the whole tree
    QCOMPARE(stateOf(model.environmentIndex(u"local"_qs)), LoadState::Loading);
    QTRY_VERIFY_WITH_TIMEOUT(idle(model), 15000);
    QVERIFY(!model.childByName(apis, u"forecast"_qs).isValid());
    QCOMPARE(model.rowCount(apis), apisBefore);
    QCOMPARE(removedRows.size(), 1); // only the forecast row went away
    QVERIFY(scoring.isValid() && score.isValid());
    QCOMPARE(model.rowCount(scoring), 2);
    QCOMPARE(stateOf(scoring), LoadState::Loaded);
}

void tst_NavigationTreeModel::closedConnectionEndsTheLoadWithAnError()
{
    auto client = std::make_unique<core::ArmClient>(&m_bed.network(), m_bed.local().managementUrl(), m_bed.tokens());
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex environment = model.addEnvironment(u"gone"_qs, u"Gone"_qs, client.get(), m_scopes);
    model.fetchMore(environment);
    QCOMPARE(stateOf(environment), LoadState::Loading);
    QSignalSpy loaded(&model, &Model::loaded);
    client.reset(); // e.g. the user closed the environment while the tree was loading
    QCOMPARE(stateOf(environment), LoadState::Failed);
    QCOMPARE(environment.data(Model::ErrorRole).value<core::Error>().kind, core::Error::Kind::Unavailable);
    QCOMPARE(loaded.size(), 1);
    model.refresh(environment); // a retry without a connection fails at once, it does not hang
    QCOMPARE(stateOf(environment), LoadState::Failed);
    QCOMPARE(loaded.size(), 2);
    QTest::qWait(100);
    QCOMPARE(loaded.size(), 2);
}

void tst_NavigationTreeModel::keysAndSecretValuesSentInAListNeverReachTheModel()
{
    // A server that (wrongly) puts keys and a secret value into list replies: only a replay
    // server does that, portico-local and Azure do not.
    test::ReplayServer server;
    QVERIFY(server.start());
    const QString sub = u"/subscriptions/00000000-0000-0000-0000-000000000001"_qs;
    const QString svc = sub + u"/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/leaky"_qs;
    const auto reply = [&](const QString &path, const QJsonArray &items) {
        server.add(QJsonObject {
            { u"request"_qs, QJsonObject { { u"method"_qs, u"GET"_qs }, { u"path"_qs, path } } },
            { u"response"_qs, QJsonObject { { u"status"_qs, 200 },
                                            { u"body"_qs, QJsonObject { { u"value"_qs, items } } } } },
        });
    };
    reply(sub + u"/providers/Microsoft.ApiManagement/service"_qs,
          { QJsonObject { { u"id"_qs, svc }, { u"name"_qs, u"leaky"_qs } } });
    for (const QString &collection : { u"apis"_qs, u"products"_qs, u"users"_qs, u"groups"_qs,
                                       u"backends"_qs, u"policies"_qs })
        reply(svc + u'/' + collection, {});
    reply(svc + u"/subscriptions"_qs,
          { QJsonObject { { u"id"_qs, QString(svc + u"/subscriptions/s1"_qs) },
                          { u"name"_qs, u"s1"_qs },
                          { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"S1"_qs },
                                                            { u"scope"_qs, u"/apis"_qs },
                                                            { u"primaryKey"_qs, u"leaked-primary-key"_qs },
                                                            { u"secondaryKey"_qs, u"leaked-secondary-key"_qs } } } } });
    reply(svc + u"/namedValues"_qs,
          { QJsonObject { { u"id"_qs, QString(svc + u"/namedValues/nv"_qs) },
                          { u"name"_qs, u"nv"_qs },
                          { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"nv"_qs },
                                                            { u"secret"_qs, true },
                                                            { u"value"_qs, u"leaked-secret-value"_qs } } } } });
    core::StaticTokenProvider tokens(u"t"_qs);
    core::ArmClient client(&m_bed.network(), server.url(), &tokens);
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addEnvironment(u"leaky"_qs, u"Leaky"_qs, &client, { sub });
    QVERIFY(QTest::qWaitFor([&] { return expandAll(model); }, 15000));
    QVERIFY2(server.unmatched().isEmpty(), qPrintable(server.unmatched().join(u", "_qs)));
    const QModelIndex s1 = model.findArmId(svc + u"/subscriptions/s1"_qs);
    const QModelIndex nv = model.findArmId(svc + u"/namedValues/nv"_qs);
    QVERIFY(s1.isValid() && nv.isValid());
    QCOMPARE(s1.data().toString(), u"S1"_qs);
    for (const QModelIndex &index : { s1, nv }) {
        for (int role = 0; role <= Model::ResourceRole; ++role) {
            const QVariant value = index.data(role);
            const QByteArray text = value.metaType() == QMetaType::fromType<QJsonObject>()
                ? QJsonDocument(value.toJsonObject()).toJson()
                : value.toString().toUtf8();
            QVERIFY2(!text.contains("leaked"), text.constData());
        }
    }
    QVERIFY(s1.data(Model::ResourceRole).toJsonObject().value(u"properties"_qs).toObject().contains(u"scope"_qs));
}

void tst_NavigationTreeModel::stoppedServerGivesErrorNodesAndRetryRecovers()
{
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex service = addLocalAndExpand(model);
    QVERIFY(service.isValid());
    const QPersistentModelIndex products = model.folder(service, Kind::ProductsFolder);
    const int productRows = model.rowCount(products);
    QVERIFY(productRows >= 3);

    const QString port = QString::number(m_bed.local().managementUrl().port());
    const QString dataDir = m_bed.local().dataDir();
    m_bed.local().stop();

    QSignalSpy loaded(&model, &Model::loaded);
    model.refresh(products);
    QVERIFY(loaded.wait(15000));
    QCOMPARE(stateOf(products), LoadState::Failed);
    const auto error = products.data(Model::ErrorRole).value<core::Error>();
    QCOMPARE(error.kind, core::Error::Kind::Network);
    QVERIFY(!products.data(Model::ErrorMessageRole).toString().isEmpty());
    // The rows of the last good load stay; the node says they could not be reloaded.
    QCOMPARE(model.rowCount(products), productRows);
    QVERIFY(!model.canFetchMore(products)); // a retry is the user's refresh, not a view loop

    // A fresh tree against the stopped server: an error node, never a silently empty tree.
    Model fresh;
    QAbstractItemModelTester freshTester(&fresh, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex environment = fresh.addEnvironment(u"local"_qs, u"Portico Local"_qs,
                                                         m_bed.client(), m_scopes);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(environment), LoadState::Failed, 15000);
    QCOMPARE(fresh.rowCount(environment), 0);
    QVERIFY(fresh.hasChildren(environment));
    QVERIFY(!environment.data(Model::ErrorMessageRole).toString().isEmpty());

    // Retry once the server is back on the same address.
    QVERIFY2(m_bed.local().start({ u"--management-port"_qs, port }, dataDir), qPrintable(m_bed.local().errorString()));
    m_bed.tokens()->setToken(m_bed.local().token());
    fresh.refresh(environment);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(environment), LoadState::Loaded, 15000);
    QVERIFY(fresh.childByName(environment, s_service).isValid());
    QVERIFY(!environment.data(Model::ErrorRole).isValid());
    model.refresh(products);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(products), LoadState::Loaded, 15000);
    QCOMPARE(model.rowCount(products), productRows);
}

QTEST_GUILESS_MAIN(tst_NavigationTreeModel)
#include "tst_navigationtreemodel.moc"
