// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// SecretMove over an in-memory store (the keychain path is in tst_azureenvironments): what the
// target ends up with, what is left of the source, and what it reports when the store refuses.

#include "core/secrets/inmemorysecretstore.h"
#include "ui/shell/secretmove.h"

#include <QSignalSpy>
#include <QTest>

using namespace portico;
using Policy = ui::SecretMove::Policy;

namespace {

// The in-memory store, refusing to write or delete the keys listed (a locked keyring).
class Refusing final : public core::SecretStore
{
public:
    core::SecretJob *read(const QString &key) override { return store.read(key); }
    core::SecretJob *write(const QString &key, const QString &secret) override
    {
        return refusedWrites.contains(key) ? refused(key) : store.write(key, secret);
    }
    core::SecretJob *remove(const QString &key) override
    {
        return refusedRemoves.contains(key) ? refused(key) : store.remove(key);
    }
    Backend backend() const override { return Backend::SessionOnly; }

    core::InMemorySecretStore store;
    QStringList refusedWrites;
    QStringList refusedRemoves;

private:
    static core::SecretJob *refused(const QString &key)
    {
        auto *job = new core::SecretJob(key);
        job->complete(core::Error::make(core::Error::Kind::Unavailable, u"The keyring is locked."_qs));
        return job;
    }
};

} // namespace

class tst_SecretMove : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void movesWhatTheTargetLacks_data();
    void movesWhatTheTargetLacks();
    void aRefusedWriteLeavesTheSourceAlone();
    void aRefusedDeleteIsReported();
    void oneEnvironmentsOwnSecretsAreLeftAlone();

private:
    // Runs a move and waits for its one finished().
    static bool run(ui::SecretMove *move)
    {
        QSignalSpy finished(move, &ui::SecretMove::finished);
        move->start();
        if (!finished.count() && !finished.wait(5000))
            return false;
        QTest::qWait(0); // a second finished() would come now
        return finished.count() == 1;
    }
};

void tst_SecretMove::movesWhatTheTargetLacks_data()
{
    QTest::addColumn<bool>("replace");
    QTest::addColumn<QString>("targetBefore"); // empty: none
    QTest::addColumn<QString>("targetAfter");
    QTest::addColumn<bool>("moved");
    QTest::newRow("keep: the target has none") << false << QString() << u"twin"_qs << true;
    QTest::newRow("keep: the target's own stays") << false << u"kept"_qs << u"kept"_qs << false;
    QTest::newRow("replace: the target had none") << true << QString() << u"twin"_qs << true;
    QTest::newRow("replace: the source's replaces it") << true << u"kept"_qs << u"twin"_qs << true;
}

void tst_SecretMove::movesWhatTheTargetLacks()
{
    QFETCH(bool, replace);
    QFETCH(QString, targetBefore);
    QFETCH(QString, targetAfter);
    QFETCH(bool, moved);
    core::InMemorySecretStore store;
    store.writeNow(u"twin/entra-refresh-token"_qs, u"twin"_qs);
    if (!targetBefore.isEmpty())
        store.writeNow(u"kept/entra-refresh-token"_qs, targetBefore);
    store.writeNow(u"kept/ml-key/demo"_qs, u"kept-ml-key"_qs);
    auto *move = new ui::SecretMove(&store, u"twin"_qs, u"kept"_qs,
                                    { u"entra-refresh-token"_qs, u"ml-key/demo"_qs, u"subscription-key/x"_qs },
                                    replace ? Policy::ReplaceTarget : Policy::KeepTarget);
    QSignalSpy finished(move, &ui::SecretMove::finished);
    QStringList movedPurposes;
    QStringList kept;
    connect(move, &ui::SecretMove::finished, this, [&] {
        movedPurposes = move->moved();
        kept = move->kept();
    });
    QVERIFY(run(move));
    QCOMPARE(store.readNow(u"kept/entra-refresh-token"_qs).value(), targetAfter);
    QVERIFY(!store.readNow(u"twin/entra-refresh-token"_qs).ok()); // gone either way
    QCOMPARE(movedPurposes.contains(u"entra-refresh-token"_qs), moved);
    QCOMPARE(store.readNow(u"kept/ml-key/demo"_qs).value(), u"kept-ml-key"_qs); // the source had none
    QVERIFY(!store.readNow(u"kept/subscription-key/x"_qs).ok()); // nothing to move, nothing made up
    QVERIFY(kept.isEmpty());
}

void tst_SecretMove::aRefusedWriteLeavesTheSourceAlone()
{
    Refusing store;
    store.store.writeNow(u"twin/entra-refresh-token"_qs, u"twin"_qs);
    store.refusedWrites << u"kept/entra-refresh-token"_qs;
    auto *move = new ui::SecretMove(&store, u"twin"_qs, u"kept"_qs, { u"entra-refresh-token"_qs }, Policy::KeepTarget);
    QStringList kept;
    QStringList moved;
    connect(move, &ui::SecretMove::finished, this, [&] {
        kept = move->kept();
        moved = move->moved();
    });
    QVERIFY(run(move));
    QCOMPARE(kept, QStringList { u"twin/entra-refresh-token"_qs });
    QVERIFY(moved.isEmpty());
    QCOMPARE(store.store.readNow(u"twin/entra-refresh-token"_qs).value(), u"twin"_qs); // not lost
}

void tst_SecretMove::aRefusedDeleteIsReported()
{
    Refusing store;
    store.store.writeNow(u"twin/ml-key/demo"_qs, u"twin-ml-key"_qs);
    store.refusedRemoves << u"twin/ml-key/demo"_qs;
    auto *move = new ui::SecretMove(&store, u"twin"_qs, u"kept"_qs, { u"ml-key/demo"_qs }, Policy::KeepTarget);
    QStringList kept;
    QStringList moved;
    connect(move, &ui::SecretMove::finished, this, [&] {
        kept = move->kept();
        moved = move->moved();
    });
    QVERIFY(run(move));
    QCOMPARE(moved, QStringList { u"ml-key/demo"_qs });
    QCOMPARE(kept, QStringList { u"twin/ml-key/demo"_qs });
    QCOMPARE(store.store.readNow(u"kept/ml-key/demo"_qs).value(), u"twin-ml-key"_qs);
}

void tst_SecretMove::oneEnvironmentsOwnSecretsAreLeftAlone()
{
    core::InMemorySecretStore store;
    store.writeNow(u"same/entra-refresh-token"_qs, u"own"_qs);
    auto *move = new ui::SecretMove(&store, u"same"_qs, u"same"_qs, { u"entra-refresh-token"_qs }, Policy::ReplaceTarget);
    QVERIFY(run(move));
    QCOMPARE(store.readNow(u"same/entra-refresh-token"_qs).value(), u"own"_qs);
}

QTEST_GUILESS_MAIN(tst_SecretMove)
#include "tst_secretmove.moc"
