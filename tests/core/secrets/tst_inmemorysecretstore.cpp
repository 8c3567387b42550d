// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/secrets/inmemorysecretstore.h"
#include "tests/support/secretjobs.h"

#include <QTest>

using namespace portico;

class tst_InMemorySecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobsFinishFromTheEventLoopNotInline();
    void writeReadRemove();
};

void tst_InMemorySecretStore::jobsFinishFromTheEventLoopNotInline()
{
    core::InMemorySecretStore store;
    core::SecretJob *job = store.read(u"a/b"_qs);
    bool finished = false;
    connect(job, &core::SecretJob::finished, this, [&finished] { finished = true; });
    QVERIFY(!finished); // a caller can always connect after the call
    QTRY_VERIFY(finished);
}

void tst_InMemorySecretStore::writeReadRemove()
{
    core::InMemorySecretStore store;
    QVERIFY(test::waitFor(store.write(u"a/b"_qs, u"v"_qs)).ok());
    QCOMPARE(test::waitFor(store.read(u"a/b"_qs)).value(), u"v"_qs);
    QVERIFY(test::waitFor(store.remove(u"a/b"_qs)).ok());
    QCOMPARE(test::waitFor(store.remove(u"a/b"_qs)).error().kind, core::Error::Kind::NotFound);
}

QTEST_GUILESS_MAIN(tst_InMemorySecretStore)
#include "tst_inmemorysecretstore.moc"
