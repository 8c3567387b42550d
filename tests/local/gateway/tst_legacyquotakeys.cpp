// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Which current quota counter keys a key stored by an older version stands for.

#include "core/local/usage/legacyquotakeys.h"

#include <QTest>

using namespace portico::local;

Q_DECLARE_METATYPE(std::optional<QStringList>)

namespace {

// Two services that both have the API echo (with operation get), the product starter and the
// subscription master; only "a" has the subscription solo.
GatewayConfig twoServices()
{
    GatewayConfig config;
    for (const QString &service : { u"a"_qs, u"b"_qs }) {
        GatewayConfig::Api api;
        api.service = service;
        api.id = u"Echo"_qs;
        api.operations.append(GatewayConfig::Operation { u"get"_qs, {}, u"GET"_qs, u"/x"_qs, {}, {}, {} });
        config.apis.append(api);
        GatewayConfig::Product product;
        product.service = service;
        product.id = u"starter"_qs;
        config.products.append(product);
        GatewayConfig::Subscription master;
        master.service = service;
        master.id = u"master"_qs;
        config.subscriptions.append(master);
    }
    GatewayConfig::Subscription solo;
    solo.service = u"a"_qs;
    solo.id = u"solo"_qs;
    config.subscriptions.append(solo);
    return config;
}

} // namespace

class TestLegacyQuotaKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void currentKeys_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<std::optional<QStringList>>("expected");
        const std::optional<QStringList> current;
        QTest::newRow("current api key") << u"quota|api:a/Echo|master"_qs << current;
        QTest::newRow("current operation key") << u"quota|operation:a/Echo/get|master"_qs << current;
        QTest::newRow("current product key") << u"quotakey|product:b/starter|10.0.0.1"_qs << current;
        QTest::newRow("current global key") << u"quota|global:a|master"_qs << current;
        QTest::newRow("unnamed service") << u"quota|api:/Echo|master"_qs << current;
        QTest::newRow("rate limit") << u"rate|api:Echo|master"_qs << current;
        QTest::newRow("old api key, one service has the subscription")
            << u"quota|api:echo|solo"_qs << std::optional(QStringList { u"quota|api:a/Echo|solo"_qs });
        QTest::newRow("old api key, shared by two services")
            << u"quota|api:Echo|master"_qs
            << std::optional(QStringList { u"quota|api:a/Echo|master"_qs, u"quota|api:b/Echo|master"_qs });
        QTest::newRow("old operation key")
            << u"quota|operation:Echo/get|solo"_qs << std::optional(QStringList { u"quota|operation:a/Echo/get|solo"_qs });
        QTest::newRow("old product key by counter-key")
            << u"quotakey|product:starter|10.0.0.1|x"_qs
            << std::optional(QStringList { u"quotakey|product:a/starter|10.0.0.1|x"_qs,
                                           u"quotakey|product:b/starter|10.0.0.1|x"_qs });
        QTest::newRow("old global key") << u"quota|global|solo"_qs << std::optional(QStringList { u"quota|global:a|solo"_qs });
        QTest::newRow("old key of an API that is gone") << u"quota|api:gone|master"_qs << std::optional(QStringList());
        QTest::newRow("old key of a subscription that is gone") << u"quota|api:Echo|gone"_qs << std::optional(QStringList());
    }

    void currentKeys()
    {
        QFETCH(QString, stored);
        QFETCH(std::optional<QStringList>, expected);
        QCOMPARE(currentQuotaCounterKeys(stored, twoServices()), expected);
    }
};

QTEST_GUILESS_MAIN(TestLegacyQuotaKeys)
#include "tst_legacyquotakeys.moc"
