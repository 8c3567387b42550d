// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

// PagingGuard tells a server that loops (a nextLink it sent before, the same page again) from
// a collection that is merely longer than Portico reads: the two end with different errors,
// so that the user is told which one happened.

#include "core/arm/pagingguard.h"

#include <QJsonObject>
#include <QTest>

using namespace portico;

class tst_PagingGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theDefaultCapIsTenThousandPages();
    void aNextLinkThatRepeatsIsALoop();
    void aPageThatRepeatsIsALoop();
    void newLinksUpToTheCapAreFollowedThenTheCapStops();
    void newPagesUpToTheCapAreReadThenTheCapStops();
};

void tst_PagingGuard::theDefaultCapIsTenThousandPages()
{
    QCOMPARE(core::PagingGuard::kMaxPages, 10'000);
    core::PagingGuard guard;
    for (int page = 1; page < 10'000; ++page)
        QVERIFY2(guard.follow(QUrl(u"https://example.test/list?page=%1"_qs.arg(page))).ok(), qPrintable(QString::number(page)));
    const auto stopped = guard.follow(QUrl(u"https://example.test/list?page=10000"_qs));
    QVERIFY(!stopped.ok());
    QVERIFY(core::PagingGuard::isCapped(stopped.error()));
}

void tst_PagingGuard::aNextLinkThatRepeatsIsALoop()
{
    core::PagingGuard guard;
    const QUrl link(u"https://example.test/list?page=2"_qs);
    QVERIFY(guard.follow(link).ok());
    const auto again = guard.follow(link);
    QVERIFY(!again.ok());
    QVERIFY2(core::PagingGuard::isLoop(again.error()), qPrintable(again.error().toString()));
    QVERIFY(!core::PagingGuard::isCapped(again.error()));
}

void tst_PagingGuard::aPageThatRepeatsIsALoop()
{
    core::PagingGuard guard;
    const QList<QJsonObject> page { QJsonObject { { u"name"_qs, u"a"_qs } } };
    QVERIFY(guard.read(page).ok());
    const auto again = guard.read(page);
    QVERIFY(!again.ok());
    QVERIFY2(core::PagingGuard::isLoop(again.error()), qPrintable(again.error().toString()));
    QVERIFY(!core::PagingGuard::isCapped(again.error()));
}

void tst_PagingGuard::newLinksUpToTheCapAreFollowedThenTheCapStops()
{
    // Every link is new: no loop, only more pages than the cap allows.
    core::PagingGuard guard(3);
    QVERIFY(guard.follow(QUrl(u"https://example.test/list?page=2"_qs)).ok());
    QVERIFY(guard.follow(QUrl(u"https://example.test/list?page=3"_qs)).ok());
    const auto stopped = guard.follow(QUrl(u"https://example.test/list?page=4"_qs));
    QVERIFY(!stopped.ok());
    QCOMPARE(stopped.error().kind, core::Error::Kind::Protocol);
    QVERIFY2(core::PagingGuard::isCapped(stopped.error()), qPrintable(stopped.error().toString()));
    QVERIFY2(!core::PagingGuard::isLoop(stopped.error()), qPrintable(stopped.error().toString()));
    QVERIFY2(stopped.error().message.contains(u"after 3 pages"_qs), qPrintable(stopped.error().message));
}

void tst_PagingGuard::newPagesUpToTheCapAreReadThenTheCapStops()
{
    core::PagingGuard guard(2);
    QVERIFY(guard.read({ QJsonObject { { u"n"_qs, 1 } } }).ok());
    const auto stopped = guard.read({ QJsonObject { { u"n"_qs, 2 } } });
    QVERIFY(!stopped.ok());
    QVERIFY2(core::PagingGuard::isCapped(stopped.error()), qPrintable(stopped.error().toString()));
    QVERIFY2(!core::PagingGuard::isLoop(stopped.error()), qPrintable(stopped.error().toString()));
}

QTEST_GUILESS_MAIN(tst_PagingGuard)
#include "tst_pagingguard.moc"
