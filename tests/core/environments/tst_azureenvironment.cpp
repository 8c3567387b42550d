// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Listing subscriptions, resource groups and API Management services through ArmClient against
// a local replay server (management.azure.com is the one thing not run here): two pages each,
// the api-versions Azure wants, ids refused before anything is sent, malformed items and ARM
// error envelopes reported as such.

#include "core/arm/armclient.h"
#include "core/auth/statictokenprovider.h"
#include "core/environments/azureenvironment.h"
#include "tests/support/replay/replayserver.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QUrlQuery>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace portico;
using core::AzureEnvironment;

namespace {

const QString s_subscription = u"291bba3f-e0a5-47bc-a099-3bdcb2a50a05"_qs;

template <typename T>
core::Result<QList<T>> wait(core::AzureList<T> *job, int *pages = nullptr)
{
    QSignalSpy finished(job, &core::AzureListJob::finished);
    core::Result<QList<T>> result = core::Error::make(core::Error::Kind::Timeout, u"no answer"_qs);
    QObject::connect(job, &core::AzureListJob::finished, job, [&] {
        result = job->result();
        if (pages)
            *pages = job->pageCount();
    });
    if (!finished.wait(15000))
        return result;
    if (finished.size() != 1)
        return core::Error::make(core::Error::Kind::Protocol, u"finished more than once"_qs);
    return result;
}

QString queryValue(const QString &query, const QString &name)
{
    return QUrlQuery(query).queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace

class tst_AzureEnvironment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsSubscriptionsAcrossTwoPages();
    void listsResourceGroupsAcrossTwoPages();
    void listsServicesOfAResourceGroup();
    void badIdsAreRefusedBeforeSending_data();
    void badIdsAreRefusedBeforeSending();
    void malformedItemFailsTheListAndNamesIt();
    void armErrorEnvelopeBecomesTheError();
    void cancelEndsTheListOnceWithCancelled();

private:
    std::unique_ptr<test::ReplayServer> m_server;
    QNetworkAccessManager m_nam;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_client;
};

void tst_AzureEnvironment::init()
{
    m_server = std::make_unique<test::ReplayServer>();
    QVERIFY(m_server->start());
    m_tokens = std::make_unique<core::StaticTokenProvider>(u"arm-token"_qs);
    m_client = std::make_unique<core::ArmClient>(&m_nam, m_server->url(), m_tokens.get());
}

void tst_AzureEnvironment::cleanup()
{
    if (m_server)
        QVERIFY2(m_server->unmatched().isEmpty(), qPrintable(m_server->unmatched().join(u", "_qs)));
    m_client.reset();
    m_server.reset();
}

void tst_AzureEnvironment::listsSubscriptionsAcrossTwoPages()
{
    QVERIFY(m_server->load(u"arm-list-subscriptions-nextlink.json"_qs));
    AzureEnvironment azure(m_client.get());
    int pages = 0;
    const auto subscriptions = wait(azure.listSubscriptions(), &pages);
    QVERIFY2(subscriptions.ok(), qPrintable(subscriptions.ok() ? QString() : subscriptions.error().toString()));
    QCOMPARE(pages, 2);
    QCOMPARE(subscriptions->size(), 3);
    const core::AzureSubscription &first = subscriptions->at(0);
    QCOMPARE(first.subscriptionId, s_subscription);
    QCOMPARE(first.id, u"/subscriptions/"_qs + s_subscription);
    QCOMPARE(first.tenantId, u"31c75423-32d6-4322-88b7-c478bdde4858"_qs);
    QCOMPARE(first.displayName, u"Example Subscription"_qs);
    QVERIFY(first.isEnabled());
    QCOMPARE(subscriptions->at(1).displayName, u"Example Subscription2"_qs);
    QCOMPARE(subscriptions->at(2).displayName, u"Example Subscription3"_qs);
    QVERIFY(!subscriptions->at(2).isEnabled());

    const auto &received = m_server->received();
    QCOMPARE(received.size(), 2);
    QCOMPARE(received.at(0).path, u"/subscriptions"_qs);
    QCOMPARE(queryValue(received.at(0).query, u"api-version"_qs), u"2022-12-01"_qs);
    QCOMPARE(received.at(0).header("Authorization"), QByteArray("Bearer arm-token"));
    // The second page is the nextLink exactly as sent, with its own api-version and token.
    QCOMPARE(queryValue(received.at(1).query, u"api-version"_qs), u"2022-12-01"_qs);
    QVERIFY2(received.at(1).query.contains(u"skiptoken=page2"_qs), qPrintable(received.at(1).query));
}

void tst_AzureEnvironment::listsResourceGroupsAcrossTwoPages()
{
    QVERIFY(m_server->load(u"arm-list-resourcegroups-nextlink.json"_qs));
    AzureEnvironment azure(m_client.get());
    int pages = 0;
    const auto groups = wait(azure.listResourceGroups(s_subscription), &pages);
    QVERIFY2(groups.ok(), qPrintable(groups.ok() ? QString() : groups.error().toString()));
    QCOMPARE(pages, 2);
    QStringList names;
    for (const core::ResourceGroup &group : *groups)
        names.append(group.name);
    QCOMPARE(names, (QStringList { u"rg1"_qs, u"ml-scoring"_qs, u"NetworkWatcherRG"_qs }));
    QCOMPARE(groups->at(0).location, u"westeurope"_qs);
    QCOMPARE(groups->at(0).tags.value(u"env"_qs), u"prod"_qs);
    QCOMPARE(groups->at(0).provisioningState, u"Succeeded"_qs);
    QCOMPARE(groups->at(1).id, u"/subscriptions/%1/resourceGroups/ml-scoring"_qs.arg(s_subscription));

    const auto &received = m_server->received();
    QCOMPARE(received.size(), 2);
    QCOMPARE(queryValue(received.at(0).query, u"api-version"_qs), u"2021-04-01"_qs);
    QVERIFY2(received.at(1).query.contains(u"skiptoken=rg-page-2"_qs), qPrintable(received.at(1).query));
}

void tst_AzureEnvironment::listsServicesOfAResourceGroup()
{
    QVERIFY(m_server->load(u"arm-list-services-nextlink.json"_qs));
    AzureEnvironment azure(m_client.get());
    const auto services = wait(azure.listServices(s_subscription, u"rg1"_qs));
    QVERIFY2(services.ok(), qPrintable(services.ok() ? QString() : services.error().toString()));
    QStringList names;
    for (const core::ServiceInstance &service : *services)
        names.append(service.name);
    QCOMPARE(names, (QStringList { u"apimService1"_qs, u"apimService2"_qs, u"apimService3"_qs }));
    QCOMPARE(services->at(0).sku.name, u"Developer"_qs);
    QCOMPARE(services->at(0).gatewayUrl, u"https://apimService1.azure-api.net"_qs);
    QCOMPARE(services->at(0).provisioningState, u"Succeeded"_qs);
    QCOMPARE(queryValue(m_server->received().at(0).query, u"api-version"_qs), u"2024-05-01"_qs);
}

void tst_AzureEnvironment::badIdsAreRefusedBeforeSending_data()
{
    QTest::addColumn<QString>("subscription");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("target");
    QTest::newRow("empty subscription") << QString() << QString() << u"subscriptionId"_qs;
    QTest::newRow("subscription with a slash") << u"a/b"_qs << QString() << u"subscriptionId"_qs;
    QTest::newRow("subscription climbing up") << u"../providers"_qs << QString() << u"subscriptionId"_qs;
    QTest::newRow("subscription with a query") << u"x?api-version=1"_qs << QString() << u"subscriptionId"_qs;
    QTest::newRow("group with a slash") << s_subscription << u"rg/other"_qs << u"resourceGroupName"_qs;
    QTest::newRow("group ending in a dot") << s_subscription << u"rg."_qs << u"resourceGroupName"_qs;
    QTest::newRow("group too long") << s_subscription << QString(91, u'r') << u"resourceGroupName"_qs;
    QTest::newRow("group with a space") << s_subscription << u"my rg"_qs << u"resourceGroupName"_qs;
}

void tst_AzureEnvironment::badIdsAreRefusedBeforeSending()
{
    QFETCH(QString, subscription);
    QFETCH(QString, group);
    QFETCH(QString, target);
    AzureEnvironment azure(m_client.get());
    const auto services = wait(azure.listServices(subscription, group));
    QVERIFY(!services.ok());
    QCOMPARE(services.error().kind, core::Error::Kind::InvalidInput);
    QCOMPARE(services.error().target, target);
    if (group.isEmpty()) {
        const auto groups = wait(azure.listResourceGroups(subscription));
        QVERIFY(!groups.ok());
        QCOMPARE(groups.error().target, target);
    }
    QVERIFY(m_server->received().isEmpty());
    // Unicode letters are fine in a group name, as in Azure.
    QVERIFY(AzureEnvironment::checkResourceGroupName(u"gr\u00fcn-(test)_1.a"_qs).ok());
}

void tst_AzureEnvironment::malformedItemFailsTheListAndNamesIt()
{
    m_server->add(QJsonObject {
        { u"request"_qs, QJsonObject { { u"method"_qs, u"GET"_qs }, { u"path"_qs, u"/subscriptions"_qs } } },
        { u"response"_qs,
          QJsonObject { { u"status"_qs, 200 },
                        { u"body"_qs,
                          QJsonObject { { u"value"_qs,
                                          QJsonArray { QJsonObject { { u"subscriptionId"_qs, s_subscription } },
                                                       QJsonObject { { u"subscriptionId"_qs, 42 } } } } } } } },
    });
    AzureEnvironment azure(m_client.get());
    const auto subscriptions = wait(azure.listSubscriptions());
    QVERIFY(!subscriptions.ok());
    QCOMPARE(subscriptions.error().kind, core::Error::Kind::Protocol);
    QCOMPARE(subscriptions.error().target, u"value[1].subscriptionId"_qs);
}

void tst_AzureEnvironment::armErrorEnvelopeBecomesTheError()
{
    const QString path = u"/subscriptions/%1/resourcegroups"_qs.arg(s_subscription);
    m_server->add(QJsonObject {
        { u"request"_qs, QJsonObject { { u"method"_qs, u"GET"_qs }, { u"path"_qs, path } } },
        { u"response"_qs,
          QJsonObject { { u"status"_qs, 403 },
                        { u"body"_qs,
                          QJsonObject { { u"error"_qs,
                                          QJsonObject { { u"code"_qs, u"AuthorizationFailed"_qs },
                                                        { u"message"_qs,
                                                          u"The client does not have authorization to perform action "
                                                          "'Microsoft.Resources/subscriptions/resourcegroups/read'."_qs } } } } } } },
    });
    AzureEnvironment azure(m_client.get());
    const auto groups = wait(azure.listResourceGroups(s_subscription));
    QVERIFY(!groups.ok());
    QCOMPARE(groups.error().kind, core::Error::Kind::Forbidden);
    QCOMPARE(groups.error().httpStatus, 403);
    QCOMPARE(groups.error().code, u"AuthorizationFailed"_qs);
    QVERIFY(groups.error().message.contains(u"does not have authorization"_qs));
}

void tst_AzureEnvironment::cancelEndsTheListOnceWithCancelled()
{
    m_server->add(QJsonObject {
        { u"request"_qs, QJsonObject { { u"method"_qs, u"GET"_qs }, { u"path"_qs, u"/subscriptions"_qs } } },
        { u"response"_qs, QJsonObject { { u"status"_qs, 200 },
                                        { u"delayMs"_qs, 3000 },
                                        { u"body"_qs, QJsonObject { { u"value"_qs, QJsonArray() } } } } },
    });
    AzureEnvironment azure(m_client.get());
    auto *job = azure.listSubscriptions();
    QSignalSpy finished(job, &core::AzureListJob::finished);
    std::optional<core::Error> error;
    connect(job, &core::AzureListJob::finished, this, [&] { error = job->result().error(); });
    QTRY_COMPARE_WITH_TIMEOUT(m_server->received().size(), 1, 5000); // the request is out
    job->cancel();
    QVERIFY(finished.isEmpty()); // never from inside cancel()
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 1000);
    QCOMPARE(error->kind, core::Error::Kind::Cancelled);
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
}

QTEST_GUILESS_MAIN(tst_AzureEnvironment)
#include "tst_azureenvironment.moc"
