// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// The management store on its own: schema version and migrations, the generation counter and
// the ServiceConfig snapshot that the gateway reads.

#include "core/local/management/serviceseed.h"
#include "core/local/store/managementstore.h"
#include "core/local/store/serviceconfig.h"
#include "tests/support/tempdir.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace portico;
using namespace portico::local;

class tst_ManagementStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsSchemaInWalMode();
    void refusesANewerSchema();
    void aSchemaOneDatabaseKeepsItsOperationsAndLearnsTheirErrors();
    void generationMovesWithEveryCommitOnly();
    void cascadingRemoveTakesChildrenAndLinks();
    void serviceConfigSnapshotsASeededService();

private:
    static StoredResource service(const QString &name);
};

StoredResource tst_ManagementStore::service(const QString &name)
{
    StoredResource s = ServiceSeed::make(
        u"/subscriptions/0/resourceGroups/rg/providers/Microsoft.ApiManagement"_qs, u"service"_qs,
        u"Microsoft.ApiManagement/service"_qs, name,
        QJsonObject { { u"publisherEmail"_qs, u"a@b.c"_qs }, { u"publisherName"_qs, u"p"_qs } });
    return s;
}

void tst_ManagementStore::createsSchemaInWalMode()
{
    test::TempDir dir;
    {
        ManagementStore store;
        QVERIFY(store.open(dir.filePath(u"m.db"_qs)).ok());
        QVERIFY(store.wasCreated());
    }
    {
        ManagementStore again;
        QVERIFY(again.open(dir.filePath(u"m.db"_qs)).ok());
        QVERIFY(!again.wasCreated());
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"check"_qs);
    db.setDatabaseName(dir.filePath(u"m.db"_qs));
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(u"PRAGMA user_version"_qs) && q.next());
    QCOMPARE(q.value(0).toInt(), ManagementStore::SchemaVersion);
    QVERIFY(q.exec(u"PRAGMA journal_mode"_qs) && q.next());
    QCOMPARE(q.value(0).toString(), u"wal"_qs);
    q.finish();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"check"_qs);
}

void tst_ManagementStore::refusesANewerSchema()
{
    test::TempDir dir;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"newer"_qs);
        db.setDatabaseName(dir.filePath(u"m.db"_qs));
        QVERIFY(db.open());
        QSqlQuery(db).exec(u"PRAGMA user_version = 99"_qs);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"newer"_qs);
    ManagementStore store;
    const auto opened = store.open(dir.filePath(u"m.db"_qs));
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message.contains(u"schema version 99"_qs), qPrintable(opened.error().message));
}

void tst_ManagementStore::aSchemaOneDatabaseKeepsItsOperationsAndLearnsTheirErrors()
{
    test::TempDir dir;
    {
        // A data dir of a portico-local before operations had errors (schema version 1), with a
        // create in progress.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"older"_qs);
        db.setDatabaseName(dir.filePath(u"m.db"_qs));
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const char *statement :
             { "CREATE TABLE resources (key TEXT PRIMARY KEY NOT NULL, parent_key TEXT NOT NULL,"
               " kind TEXT NOT NULL, name TEXT NOT NULL, display_name TEXT NOT NULL DEFAULT '',"
               " unique_key TEXT, etag INTEGER NOT NULL, body TEXT NOT NULL,"
               " private_data TEXT NOT NULL DEFAULT '{}')",
               "CREATE TABLE links (kind TEXT NOT NULL, source TEXT NOT NULL,"
               " target TEXT NOT NULL, PRIMARY KEY(kind, source, target)) WITHOUT ROWID",
               "CREATE TABLE operations (id TEXT PRIMARY KEY NOT NULL, resource_id TEXT NOT NULL,"
               " action TEXT NOT NULL, status TEXT NOT NULL, started_ms INTEGER NOT NULL,"
               " step_at_ms INTEGER NOT NULL, done_at_ms INTEGER NOT NULL,"
               " ended_ms INTEGER NOT NULL DEFAULT 0)",
               "INSERT INTO operations VALUES ('op1', '/svc', 'create', 'InProgress', 1, 2, 3, 0)",
               "PRAGMA user_version = 1" })
            QVERIFY2(q.exec(QString::fromLatin1(statement)), statement);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"older"_qs);
    ManagementStore store;
    const auto opened = store.open(dir.filePath(u"m.db"_qs));
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    auto op = store.operation(u"op1"_qs);
    QVERIFY(op);
    QCOMPARE(op->status, u"InProgress"_qs);
    QCOMPARE(op->doneAtMs, 3);
    QVERIFY(op->error.isEmpty());
    QCOMPARE(store.pendingOperations().size(), 1);

    op->status = u"Failed"_qs;
    op->error = QJsonObject { { u"code"_qs, u"ActivationFailed"_qs }, { u"message"_qs, u"No."_qs } };
    QVERIFY(store.begin().ok());
    QVERIFY(store.putOperation(*op).ok());
    QVERIFY(store.commit().ok());
    QCOMPARE(store.operation(u"op1"_qs)->error, op->error);
    QVERIFY(store.pendingOperations().isEmpty());
}

void tst_ManagementStore::generationMovesWithEveryCommitOnly()
{
    test::TempDir dir;
    ManagementStore store;
    QVERIFY(store.open(dir.filePath(u"m.db"_qs)).ok());
    QSignalSpy changed(&store, &ManagementStore::changed);
    const quint64 before = store.generation();
    StoredResource s = service(u"gen"_qs);
    QVERIFY(store.begin().ok());
    QVERIFY(store.put(s, u"/subscriptions/0/resourceGroups/rg"_qs).ok());
    QCOMPARE(store.generation(), before); // not before the commit
    QVERIFY(store.commit().ok());
    QCOMPARE(store.generation(), before + 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toULongLong(), before + 1);
    QVERIFY(store.begin().ok());
    QVERIFY(store.put(s, u"/subscriptions/0/resourceGroups/rg"_qs).ok());
    store.rollback();
    QCOMPARE(store.generation(), before + 1);
    QCOMPARE(changed.size(), 1);
    QVERIFY(store.get(s.id().toUpper()).has_value()); // ids compare case-insensitively
}

void tst_ManagementStore::cascadingRemoveTakesChildrenAndLinks()
{
    test::TempDir dir;
    ManagementStore store;
    QVERIFY(store.open(dir.filePath(u"m.db"_qs)).ok());
    StoredResource s = service(u"cascade"_qs);
    QVERIFY(store.begin().ok());
    QVERIFY(store.put(s, u"/subscriptions/0/resourceGroups/rg"_qs).ok());
    QVERIFY(ServiceSeed::seed(store, s).ok());
    QVERIFY(store.commit().ok());
    QCOMPARE(store.children(s.id(), u"products"_qs).size(), 2);
    QVERIFY(store.hasLink(u"productGroups"_qs, s.id() + u"/products/starter"_qs, s.id() + u"/groups/guests"_qs));
    QVERIFY(store.begin().ok());
    QVERIFY(store.remove(s.id() + u"/groups/guests"_qs).ok());
    QVERIFY(store.commit().ok());
    QVERIFY(!store.hasLink(u"productGroups"_qs, s.id() + u"/products/starter"_qs, s.id() + u"/groups/guests"_qs));
    QVERIFY(store.begin().ok());
    QVERIFY(store.remove(s.id()).ok());
    QVERIFY(store.commit().ok());
    QVERIFY(store.descendants(s.id(), u"products"_qs).isEmpty());
    QVERIFY(store.descendants(s.id(), u"policies"_qs).isEmpty());
    QVERIFY(store.serviceIds().isEmpty());
}

void tst_ManagementStore::serviceConfigSnapshotsASeededService()
{
    test::TempDir dir;
    ManagementStore store;
    QVERIFY(store.open(dir.filePath(u"m.db"_qs)).ok());
    StoredResource s = service(u"snap"_qs);
    QVERIFY(store.begin().ok());
    QVERIFY(store.put(s, u"/subscriptions/0/resourceGroups/rg"_qs).ok());
    QVERIFY(ServiceSeed::seed(store, s).ok());
    QVERIFY(store.commit().ok());
    QCOMPARE(store.serviceIds(), QStringList { s.id() });
    const auto config = store.serviceConfig(s.id());
    QVERIFY(config.ok());
    QCOMPARE(config->generation, store.generation());
    QCOMPARE(config->serviceName, u"snap"_qs);
    QCOMPARE(config->globalPolicyXml, ServiceSeed::defaultGlobalPolicy());
    QCOMPARE(config->products.size(), 2);
    QCOMPARE(config->products.first().name, u"starter"_qs);
    QCOMPARE(config->products.first().policyXml, ServiceSeed::starterPolicy());
    QCOMPARE(config->products.first().groupIds.size(), 3);
    QCOMPARE(config->subscriptions.size(), 1);
    const auto &master = config->subscriptions.first();
    QCOMPARE(master.scope, s.id() + u'/');
    QCOMPARE(master.state, u"active"_qs);
    QCOMPARE(master.primaryKey.size(), 32);
    QCOMPARE(master.ownerId, s.id() + u"/users/1"_qs);
    QCOMPARE(config->users.size(), 1);
    QCOMPARE(config->users.first().state, u"active"_qs);
    QCOMPARE(config->users.first().groupIds, QStringList { s.id() + u"/groups/administrators"_qs });
    QCOMPARE(config->groups.size(), 3);
    QVERIFY(!store.serviceConfig(s.id() + u"x"_qs).ok());
}

QTEST_GUILESS_MAIN(tst_ManagementStore)
#include "tst_managementstore.moc"
