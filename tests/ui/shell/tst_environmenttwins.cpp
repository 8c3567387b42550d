// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// groupTwins: which restored Azure environments show one subscription, and which one is kept.

#include "ui/shell/environmenttwins.h"

#include <QTest>

using namespace portico;

namespace {

// "id|management URL|subscription|tenant"
core::Environment azure(const QString &spec)
{
    const QStringList parts = spec.split(u'|');
    core::Environment environment;
    environment.kind = core::Environment::Kind::Azure;
    environment.id = parts.at(0);
    environment.displayName = parts.at(0);
    environment.managementUrl = QUrl(parts.at(1));
    environment.subscriptionId = parts.at(2);
    environment.tenantId = parts.at(3);
    return environment;
}

// "kept:twin,twin;kept:..." for a compact comparison
QString describe(const QList<ui::TwinGroup> &groups)
{
    QStringList out;
    for (const ui::TwinGroup &group : groups) {
        QStringList twins;
        for (qsizetype twin : group.twins)
            twins << QString::number(twin);
        out << QString::number(group.kept) + u':' + twins.join(u',');
    }
    return out.join(u';');
}

} // namespace

class tst_EnvironmentTwins : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsBySubscriptionAndKeepsTheOneUsedLast_data();
    void groupsBySubscriptionAndKeepsTheOneUsedLast();
};

void tst_EnvironmentTwins::groupsBySubscriptionAndKeepsTheOneUsedLast_data()
{
    QTest::addColumn<QStringList>("environments");
    QTest::addColumn<QString>("lastUsed");
    QTest::addColumn<QString>("groups");
    const QString pub = u"https://management.azure.com"_qs;
    const QString gov = u"https://management.usgovcloudapi.net"_qs;
    const QString s1 = u"291bba3f-e0a5-47bc-a099-3bdcb2a50a05"_qs;
    const QString s2 = u"72ac930a-f34e-42d8-b06d-dc2a9e12ed71"_qs;
    const QString guid = u"31c75423-32d6-4322-88b7-c478bdde4858"_qs;
    const QString domain = u"contoso.onmicrosoft.com"_qs;
    QTest::newRow("no twins") << QStringList { u"a|%1|%2|%3"_qs.arg(pub, s1, guid), u"b|%1|%2|%3"_qs.arg(pub, s2, guid) }
                              << QString() << u"0:;1:"_qs;
    QTest::newRow("tenant as a domain and as its id, URL with a slash, id in capitals")
        << QStringList { u"a|%1|%2|%3"_qs.arg(pub, s1, domain), u"b|%1/|%2|%3"_qs.arg(pub, s1.toUpper(), guid) }
        << QString() << u"0:1"_qs;
    QTest::newRow("another cloud is another subscription")
        << QStringList { u"a|%1|%2|%3"_qs.arg(pub, s1, guid), u"b|%1|%2|%3"_qs.arg(gov, s1, guid) } << QString()
        << u"0:;1:"_qs;
    QTest::newRow("the same id") << QStringList { u"a|%1|%2|%3"_qs.arg(pub, s1, guid), u"a|%1|%2|%3"_qs.arg(pub, s2, guid) }
                                 << QString() << u"0:1"_qs;
    QTest::newRow("the one used last is kept, in the first one's place")
        << QStringList { u"a|%1|%2|%3"_qs.arg(pub, s1, guid), u"b|%1|%2|%3"_qs.arg(pub, s2, guid),
                         u"c|%1|%2|%3"_qs.arg(pub, s1, domain), u"d|%1|%2|%3"_qs.arg(pub, s1, guid) }
        << u"c"_qs << u"2:0,3;1:"_qs;
}

void tst_EnvironmentTwins::groupsBySubscriptionAndKeepsTheOneUsedLast()
{
    QFETCH(QStringList, environments);
    QFETCH(QString, lastUsed);
    QFETCH(QString, groups);
    QList<core::Environment> list;
    for (const QString &spec : environments)
        list << azure(spec);
    QCOMPARE(describe(ui::groupTwins(list, lastUsed)), groups);
}

QTEST_GUILESS_MAIN(tst_EnvironmentTwins)
#include "tst_environmenttwins.moc"
