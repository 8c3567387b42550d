// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/local/gateway/ratelimiter.h"

#include <QTest>
#include <QThread>

#include <atomic>

using namespace portico::local;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slidingWindow()
    {
        RateLimiter l;
        for (int i = 0; i < 5; ++i)
            QVERIFY(l.hitRate(u"k"_qs, 5, 60000, 1000 + i * 1000).allowed);
        auto d = l.hitRate(u"k"_qs, 5, 60000, 10000);
        QVERIFY(!d.allowed);
        QCOMPARE(d.retryAfterSeconds, 51); // the first call (t=1 s) leaves the window at 61 s
        QVERIFY(!l.hitRate(u"k"_qs, 5, 60000, 60999).allowed);
        QVERIFY(l.hitRate(u"k"_qs, 5, 60000, 61000).allowed);   // sliding: one slot freed
        QVERIFY(!l.hitRate(u"k"_qs, 5, 60000, 61500).allowed);
        QVERIFY(l.hitRate(u"other"_qs, 5, 60000, 61500).allowed);
    }

    // increment-condition="false": checked against the limit, never counted.
    void uncountedCallsAreCheckedButNotCounted()
    {
        RateLimiter l;
        for (int i = 0; i < 5; ++i)
            QVERIFY(l.hitRate(u"k"_qs, 1, 60000, 1000, 0).allowed);
        QVERIFY(l.hitRate(u"k"_qs, 1, 60000, 1000).allowed);
        QVERIFY(!l.hitRate(u"k"_qs, 1, 60000, 1000, 0).allowed);
        for (int i = 0; i < 5; ++i)
            QVERIFY(l.hitQuota(u"q"_qs, 1, 0, 100, 0, 1000, 0).allowed);
        QVERIFY(l.hitQuota(u"q"_qs, 1, 0, 100, 0, 1000).allowed);
        QVERIFY(!l.hitQuota(u"q"_qs, 1, 0, 100, 0, 1000, 0).allowed);
    }

    void exactUnderContention()
    {
        RateLimiter l;
        std::atomic<int> admitted { 0 };
        QList<QThread *> threads;
        for (int t = 0; t < 8; ++t) {
            threads.append(QThread::create([&] {
                for (int i = 0; i < 1000; ++i) {
                    if (l.hitRate(u"shared"_qs, 777, 60000, 5000).allowed)
                        ++admitted;
                }
            }));
            threads.last()->start();
        }
        for (QThread *t : threads) {
            t->wait();
            delete t;
        }
        QCOMPARE(admitted.load(), 777);
    }

    void quotaFixedWindowsFromAnchor()
    {
        RateLimiter l;
        const qint64 anchor = 1000000;
        for (int i = 0; i < 3; ++i)
            QVERIFY(l.hitQuota(u"q"_qs, 3, 0, 100, anchor, anchor + 10000).allowed);
        auto d = l.hitQuota(u"q"_qs, 3, 0, 100, anchor, anchor + 50000);
        QVERIFY(!d.allowed);
        QCOMPARE(d.retryAfterSeconds, 50);
        QVERIFY(l.hitQuota(u"q"_qs, 3, 0, 100, anchor, anchor + 100000).allowed); // next window
        const auto dirty = l.takeDirtyQuotas();
        QCOMPARE(dirty.value(u"q"_qs).calls, 1);
        QCOMPARE(dirty.value(u"q"_qs).periodStartMs, anchor + 100000);

        RateLimiter restored;
        restored.loadQuotas(dirty);
        QVERIFY(restored.hitQuota(u"q"_qs, 2, 0, 100, anchor, anchor + 150000).allowed);
        QVERIFY(!restored.hitQuota(u"q"_qs, 2, 0, 100, anchor, anchor + 150000).allowed);
    }

    void bandwidthQuota()
    {
        RateLimiter l;
        QVERIFY(l.hitQuota(u"b"_qs, 0, 1, 0, 0, 10).allowed);
        l.addQuotaBytes(u"b"_qs, 1024);
        QVERIFY(!l.hitQuota(u"b"_qs, 0, 1, 0, 0, 20).allowed);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
