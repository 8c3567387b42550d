// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// The management plane's protocol basics, subscriptions, resource groups and the service
// resource with its long-running operations, against the real portico-local.

#include "tests/local/management/armtestclient.h"
#include "tests/support/porticolocalfixture.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace portico;
using test::ArmTestClient;

class tst_ManagementService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void missingOrWrongTokenIsRefused_data();
    void missingOrWrongTokenIsRefused();
    void missingApiVersionIsRefused();
    void unknownApiVersionIsRefused();
    void unknownRouteAndMethod();
    void listsTheLocalSubscription();
    void listsTheLocationsOfTheSubscription();
    void defaultResourceGroupExists();
    void resourceGroupCrud();
    void missingResourceGroupIsNamed();
    void servicePutIsLongRunningAndPassesThroughStates();
    void serviceOperationResultLocationPolling();
    void serviceCreateEndsFailedForAnAddressThatCannotExist();
    void serviceValidationErrors();
    void serviceGetPatchListAndEtag();
    void servicePutReplacesWhatItDoesNotSend();
    void checkNameAvailability();
    void serviceDeleteIsLongRunning();
    void malformedJsonSaysWhereItBroke();
    void bodiesOverFourMebibytesGet413();

private:
    test::PorticoLocalFixture m_local;
    std::unique_ptr<ArmTestClient> m_arm;
};

void tst_ManagementService::initTestCase()
{
    qputenv("PORTICO_LOCAL_LRO_DELAY_MS", "600");
    QVERIFY2(m_local.start(), qPrintable(m_local.errorString()));
    m_arm = std::make_unique<ArmTestClient>(m_local.managementUrl(), m_local.token());
}

void tst_ManagementService::cleanupTestCase()
{
    m_arm.reset();
    QCOMPARE(m_local.stop(), 0);
}

void tst_ManagementService::missingOrWrongTokenIsRefused_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << QByteArray() << u"AuthenticationFailed"_qs
                             << u"Authentication failed. The 'Authorization' header is missing."_qs;
    QTest::newRow("not bearer") << QByteArray("Basic dXNlcjpwYXNz")
                                << u"AuthenticationFailedInvalidHeader"_qs
                                << u"Authentication failed. The 'Authorization' header is provided "
                                   "in an invalid format."_qs;
    QTest::newRow("wrong token") << QByteArray("Bearer not-the-token")
                                 << u"InvalidAuthenticationToken"_qs
                                 << u"The access token is invalid."_qs;
}

void tst_ManagementService::missingOrWrongTokenIsRefused()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QString, code);
    QFETCH(QString, message);
    ArmTestClient anonymous(m_local.managementUrl(), QString());
    ArmTestClient::Headers headers;
    if (!authorization.isEmpty())
        headers.append({ "Authorization", authorization });
    const auto reply = anonymous.send("GET", u"/subscriptions"_qs, {}, headers);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.errorCode(), code);
    QCOMPARE(reply.errorMessage(), message);
    // A write without a valid token changes nothing.
    const auto put = anonymous.send("PUT", ArmTestClient::resourceGroupPath(u"sneaky"_qs),
                                    R"({"location":"local"})", headers);
    QCOMPARE(put.status, 401);
    QCOMPARE(m_arm->get(ArmTestClient::resourceGroupPath(u"sneaky"_qs)).status, 404);
}

void tst_ManagementService::missingApiVersionIsRefused()
{
    const auto reply = m_arm->send("GET", ArmTestClient::resourceGroupPath(), {}, {}, false);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.body,
             QByteArray(R"({"error":{"code":"MissingApiVersionParameter","message":"The api-version )"
                        R"(query parameter (?api-version=) is required for all requests."}})"));
}

void tst_ManagementService::unknownApiVersionIsRefused()
{
    const auto reply = m_arm->send(
        "GET", ArmTestClient::servicePath(u"x"_qs) + u"?api-version=1999-01-01"_qs, {}, {}, false);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), u"InvalidApiVersionParameter"_qs);
    QCOMPARE(reply.errorMessage(),
             u"The api-version '1999-01-01' is invalid. The supported versions are '2024-05-01'."_qs);
}

void tst_ManagementService::unknownRouteAndMethod()
{
    QCOMPARE(m_arm->get(u"/subscriptions/%1/nothing/here"_qs.arg(ArmTestClient::subscriptionId()))
                 .status,
             404);
    QCOMPARE(m_arm->send("POST", ArmTestClient::resourceGroupPath()).status, 405);
    QCOMPARE(m_arm->get(u"/subscriptions/11111111-1111-1111-1111-111111111111/resourcegroups"_qs)
                 .status,
             404);
}

void tst_ManagementService::listsTheLocalSubscription()
{
    const auto reply = m_arm->send("GET", u"/subscriptions?api-version=2022-12-01"_qs, {}, {}, false);
    QCOMPARE(reply.status, 200);
    const QJsonArray value = reply.json.value(u"value"_qs).toArray();
    QCOMPARE(value.size(), 1);
    QCOMPARE(value.first()[u"subscriptionId"_qs].toString(), ArmTestClient::subscriptionId());
    QCOMPARE(value.first()[u"id"_qs].toString(), u"/subscriptions/"_qs + ArmTestClient::subscriptionId());
    QCOMPARE(value.first()[u"state"_qs].toString(), u"Enabled"_qs);
}

void tst_ManagementService::listsTheLocationsOfTheSubscription()
{
    const QString subscription = u"/subscriptions/"_qs + ArmTestClient::subscriptionId();
    const auto reply = m_arm->send("GET", subscription + u"/locations?api-version=2022-12-01"_qs, {}, {}, false);
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.json.contains(u"nextLink"_qs));
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue &l : reply.json.value(u"value"_qs).toArray())
        byName.insert(l[u"name"_qs].toString(), l.toObject());
    // Microsoft.Resources' Location shape (GetLocations.json).
    const QJsonObject westEurope = byName.value(u"westeurope"_qs);
    QCOMPARE(westEurope[u"id"_qs].toString(), subscription + u"/locations/westeurope"_qs);
    QCOMPARE(westEurope[u"type"_qs].toString(), u"Region"_qs);
    QCOMPARE(westEurope[u"displayName"_qs].toString(), u"West Europe"_qs);
    QCOMPARE(westEurope[u"regionalDisplayName"_qs].toString(), u"(Europe) West Europe"_qs);
    const QJsonObject metadata = westEurope[u"metadata"_qs].toObject();
    QCOMPARE(metadata[u"regionType"_qs].toString(), u"Physical"_qs);
    QCOMPARE(metadata[u"regionCategory"_qs].toString(), u"Recommended"_qs);
    QCOMPARE(metadata[u"geographyGroup"_qs].toString(), u"Europe"_qs);
    QCOMPARE(metadata[u"pairedRegion"_qs][0][u"id"_qs].toString(), subscription + u"/locations/northeurope"_qs);
    // The location portico-local's own resource group (and so its services) reports is listed.
    const auto group = m_arm->send("GET", ArmTestClient::resourceGroupPath() + u"?api-version=2021-04-01"_qs,
                                   {}, {}, false);
    QCOMPARE(group.status, 200);
    const QString own = group.json[u"location"_qs].toString();
    QVERIFY2(byName.contains(own), qPrintable(own));
    QCOMPARE(byName.value(own)[u"metadata"_qs][u"regionType"_qs].toString(), u"Physical"_qs);
    QVERIFY(byName.contains(u"eastus"_qs));
    QCOMPARE(byName.value(u"europe"_qs)[u"metadata"_qs][u"regionType"_qs].toString(), u"Logical"_qs);

    // Microsoft.Resources api-versions only; another subscription is not there.
    QCOMPARE(m_arm->send("GET", subscription + u"/locations?api-version=1999-01-01"_qs, {}, {}, false).status, 400);
    QCOMPARE(m_arm->send("GET", u"/subscriptions/11111111-1111-1111-1111-111111111111/locations"
                                "?api-version=2022-12-01"_qs, {}, {}, false).errorCode(),
             u"SubscriptionNotFound"_qs);
}

void tst_ManagementService::defaultResourceGroupExists()
{
    const auto reply = m_arm->send(
        "GET", u"/subscriptions/%1/resourcegroups?api-version=2021-04-01"_qs.arg(
                   ArmTestClient::subscriptionId()),
        {}, {}, false);
    QCOMPARE(reply.status, 200);
    QStringList names;
    for (const QJsonValue &group : reply.json.value(u"value"_qs).toArray())
        names.append(group[u"name"_qs].toString());
    QVERIFY2(names.contains(u"portico-local"_qs), qPrintable(names.join(u',')));
}

void tst_ManagementService::resourceGroupCrud()
{
    const QString path = ArmTestClient::resourceGroupPath(u"rg-crud"_qs);
    auto created = m_arm->put(path, QJsonObject { { u"location"_qs, u"westeurope"_qs },
                                                  { u"tags"_qs, QJsonObject { { u"team"_qs, u"ml"_qs } } } });
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json[u"id"_qs].toString(), path);
    QCOMPARE(created.json[u"type"_qs].toString(), u"Microsoft.Resources/resourceGroups"_qs);
    QCOMPARE(created.json[u"properties"_qs][u"provisioningState"_qs].toString(), u"Succeeded"_qs);
    QCOMPARE(m_arm->put(path, QJsonObject { { u"location"_qs, u"westeurope"_qs } }).status, 200);
    // Case-insensitive, like ARM.
    const auto got = m_arm->get(path.toUpper().replace(u"SUBSCRIPTIONS"_qs, u"subscriptions"_qs));
    QCOMPARE(got.status, 200);
    QCOMPARE(got.json[u"location"_qs].toString(), u"westeurope"_qs);
    const auto noLocation = m_arm->put(ArmTestClient::resourceGroupPath(u"rg-nolocation"_qs), {});
    QCOMPARE(noLocation.status, 400);
    QCOMPARE(noLocation.errorCode(), u"LocationRequired"_qs);
    QCOMPARE(m_arm->put(ArmTestClient::resourceGroupPath(u"bad*name"_qs),
                        QJsonObject { { u"location"_qs, u"x"_qs } }).status,
             400);
    QCOMPARE(m_arm->remove(path).status, 200);
    QCOMPARE(m_arm->get(path).status, 404);
}

void tst_ManagementService::missingResourceGroupIsNamed()
{
    const auto reply = m_arm->get(ArmTestClient::servicePath(u"svc"_qs, u"nope"_qs));
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.body, QByteArray(R"({"error":{"code":"ResourceGroupNotFound","message":"Resource group 'nope' could not be found."}})"));
}

static QJsonObject serviceBody()
{
    return QJsonObject { { u"location"_qs, u"local"_qs },
                         { u"sku"_qs, QJsonObject { { u"name"_qs, u"Developer"_qs },
                                                    { u"capacity"_qs, 1 } } },
                         { u"tags"_qs, QJsonObject { { u"Name"_qs, u"Contoso"_qs } } },
                         { u"properties"_qs,
                           QJsonObject { { u"publisherEmail"_qs, u"foo@contoso.com"_qs },
                                         { u"publisherName"_qs, u"foo"_qs },
                                         { u"unknownField"_qs, 42 } } },
                         { u"unknownTopLevel"_qs, true } };
}

void tst_ManagementService::servicePutIsLongRunningAndPassesThroughStates()
{
    const QString path = ArmTestClient::servicePath(u"lro-svc"_qs);
    const auto created = m_arm->put(path, serviceBody());
    QCOMPARE(created.status, 201);
    const QByteArray async = created.header("azure-asyncoperation");
    QCOMPARE(created.header("location"), async);
    QVERIFY2(async.startsWith(QByteArray(m_local.managementUrl().toString(QUrl::StripTrailingSlash).toUtf8()
                                         + path.toUtf8() + "/operationresults/")),
             async.constData());
    QVERIFY(async.endsWith("?api-version=2024-05-01&asyncResponse"));
    const QJsonObject props = created.json[u"properties"_qs].toObject();
    QCOMPARE(props[u"provisioningState"_qs].toString(), u"Created"_qs);
    QCOMPARE(props[u"targetProvisioningState"_qs].toString(), u"Activating"_qs);
    // Each service has its own gateway, below its name (the local stand-in for {name}.azure-api.net).
    QCOMPARE(props[u"gatewayUrl"_qs].toString(), m_local.gatewayHttpsUrl().toString(QUrl::StripTrailingSlash) + u"/lro-svc"_qs);
    QCOMPARE(props[u"managementApiUrl"_qs].toString(), m_local.managementUrl().toString(QUrl::StripTrailingSlash));
    QCOMPARE(props[u"gatewayCertificateSha256"_qs].toString(),
             m_local.readyLine()[u"gatewayCertificateSha256"_qs].toString());
    QVERIFY(!props.contains(u"unknownField"_qs));
    QVERIFY(!created.json.contains(u"unknownTopLevel"_qs));
    QCOMPARE(created.json[u"type"_qs].toString(), u"Microsoft.ApiManagement/service"_qs);
    QCOMPARE(created.json[u"sku"_qs][u"name"_qs].toString(), u"Developer"_qs);
    QVERIFY(!created.json[u"etag"_qs].toString().isEmpty());

    // Poll: InProgress, then Succeeded; the service passes through Activating on its way.
    QStringList seenStates { u"Created"_qs };
    QString status;
    for (int i = 0; i < 200 && status != u"Succeeded"_qs; ++i) {
        const auto poll = m_arm->sendUrl("GET", QUrl(QString::fromUtf8(async)));
        QCOMPARE(poll.status, 200);
        status = poll.json[u"status"_qs].toString();
        QVERIFY2(status == u"InProgress"_qs || status == u"Succeeded"_qs, qPrintable(status));
        const QString state = m_arm->get(path).json[u"properties"_qs][u"provisioningState"_qs].toString();
        if (seenStates.last() != state)
            seenStates.append(state);
        QTest::qWait(20);
    }
    QCOMPARE(status, u"Succeeded"_qs);
    QCOMPARE(seenStates, (QStringList { u"Created"_qs, u"Activating"_qs, u"Succeeded"_qs }));
    const auto done = m_arm->get(path);
    QCOMPARE(done.json[u"properties"_qs][u"targetProvisioningState"_qs].toString(), QString());
}

void tst_ManagementService::serviceOperationResultLocationPolling()
{
    const QString path = ArmTestClient::servicePath(u"location-svc"_qs);
    QCOMPARE(m_arm->put(path, serviceBody()).status, 201);
    // The delete's Location (without asyncResponse) answers 202 while running, then 204.
    QCOMPARE(m_arm->createService(u"location-svc2"_qs), true);
    const auto deleting = m_arm->remove(ArmTestClient::servicePath(u"location-svc2"_qs));
    QCOMPARE(deleting.status, 202);
    const QUrl location(QString::fromUtf8(deleting.header("location")));
    QVERIFY(!location.query().contains(u"asyncResponse"_qs));
    const auto running = m_arm->sendUrl("GET", location);
    QCOMPARE(running.status, 202);
    QVERIFY(!running.header("retry-after").isEmpty());
    // While it runs, the reply's Location is the URL to keep polling: the one just polled.
    const QUrl pollAgain(QString::fromUtf8(running.header("location")), QUrl::StrictMode);
    QVERIFY2(pollAgain.isValid() && pollAgain.scheme() == u"http"_qs,
             running.header("location").constData());
    QCOMPARE(pollAgain, location);
    int status = 202;
    for (int i = 0; i < 200 && status == 202; ++i) {
        QTest::qWait(20);
        status = m_arm->sendUrl("GET", location).status;
    }
    QCOMPARE(status, 204);
    QCOMPARE(m_arm->get(ArmTestClient::servicePath(u"location-svc2"_qs)).status, 404);
    QCOMPARE(m_arm->get(path + u"/operationresults/doesnotexist"_qs).status, 404);
}

void tst_ManagementService::serviceCreateEndsFailedForAnAddressThatCannotExist()
{
    const QString path = ArmTestClient::servicePath(u"failing-svc"_qs);
    QJsonObject body = serviceBody();
    QJsonObject props = body[u"properties"_qs].toObject();
    props[u"publisherEmail"_qs] = u"admin@contoso.invalid"_qs;
    body[u"properties"_qs] = props;
    // Accepted: the address is well-formed; activation finds out that it cannot exist.
    const auto created = m_arm->put(path, body);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json[u"properties"_qs][u"provisioningState"_qs].toString(), u"Created"_qs);
    const QUrl async(QString::fromUtf8(created.header("azure-asyncoperation")));
    QTRY_COMPARE_WITH_TIMEOUT(m_arm->sendUrl("GET", async).json[u"status"_qs].toString(),
                              u"Failed"_qs, 10000);
    const auto failed = m_arm->sendUrl("GET", async);
    QCOMPARE(failed.status, 200);
    QCOMPARE(failed.errorCode(), u"ActivationFailed"_qs);
    QCOMPARE(failed.errorMessage(),
             u"The API Management service 'failing-svc' could not be activated: its publisher "
             "e-mail 'admin@contoso.invalid' cannot receive notifications, because the domain "
             "'contoso.invalid' does not exist."_qs);
    QVERIFY(failed.json.contains(u"endTime"_qs));
    QVERIFY(!failed.json.contains(u"percentComplete"_qs));
    // The service stays, failed, as in Azure.
    const auto service = m_arm->get(path);
    QCOMPARE(service.status, 200);
    QCOMPARE(service.json[u"properties"_qs][u"provisioningState"_qs].toString(), u"Failed"_qs);
    QCOMPARE(service.json[u"properties"_qs][u"targetProvisioningState"_qs].toString(), QString());

    // Created again, the service stays where it is: another location is refused, as a PUT that
    // replaces a service refuses it.
    QJsonObject elsewhere = body;
    elsewhere[u"location"_qs] = u"North Europe"_qs;
    const auto moved = m_arm->put(path, elsewhere);
    QCOMPARE(moved.status, 400);
    QCOMPARE(moved.errorCode(), u"ValidationError"_qs);
    QCOMPARE(moved.json[u"error"_qs][u"details"_qs][0][u"target"_qs].toString(), u"location"_qs);
    QCOMPARE(m_arm->get(path).json[u"properties"_qs][u"provisioningState"_qs].toString(),
             u"Failed"_qs);

    // The next PUT, with an address that can exist, creates the service again: long-running,
    // answered 200 because the service exists, and this time it succeeds.
    props[u"publisherEmail"_qs] = u"admin@contoso.com"_qs;
    body[u"properties"_qs] = props;
    const auto again = m_arm->put(path, body);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json[u"properties"_qs][u"provisioningState"_qs].toString(), u"Created"_qs);
    const QUrl asyncAgain(QString::fromUtf8(again.header("azure-asyncoperation")));
    QVERIFY(asyncAgain.isValid() && asyncAgain != async);
    QTRY_COMPARE_WITH_TIMEOUT(m_arm->sendUrl("GET", asyncAgain).json[u"status"_qs].toString(),
                              u"Succeeded"_qs, 10000);
    QCOMPARE(m_arm->get(path).json[u"properties"_qs][u"provisioningState"_qs].toString(),
             u"Succeeded"_qs);
    // Seeded from the new PUT: the administrator is the new publisher e-mail.
    QCOMPARE(m_arm->get(path + u"/users/1"_qs).json[u"properties"_qs][u"email"_qs].toString(),
             u"admin@contoso.com"_qs);
    // The failed operation still says what happened.
    QCOMPARE(m_arm->sendUrl("GET", async).errorCode(), u"ActivationFailed"_qs);
}

void tst_ManagementService::serviceValidationErrors()
{
    const auto badName = m_arm->put(ArmTestClient::servicePath(u"9starts-with-digit"_qs), serviceBody());
    QCOMPARE(badName.status, 400);
    QCOMPARE(badName.errorCode(), u"ValidationError"_qs);
    QCOMPARE(badName.errorMessage(), u"One or more fields contain incorrect values:"_qs);
    QCOMPARE(badName.firstDetailTarget(), u"serviceName"_qs);
    QCOMPARE(m_arm->put(ArmTestClient::servicePath(u"trailing-"_qs), serviceBody()).status, 400);
    QCOMPARE(m_arm->put(ArmTestClient::servicePath(QString(51, u'a')), serviceBody()).status, 400);

    QJsonObject missing = serviceBody();
    missing.remove(u"sku"_qs);
    QJsonObject props = missing[u"properties"_qs].toObject();
    props.remove(u"publisherEmail"_qs);
    missing[u"properties"_qs] = props;
    const auto required = m_arm->put(ArmTestClient::servicePath(u"required-svc"_qs), missing);
    QCOMPARE(required.status, 400);
    QStringList targets;
    for (const QJsonValue &d : required.json[u"error"_qs][u"details"_qs].toArray())
        targets.append(d[u"target"_qs].toString());
    QVERIFY2(targets.contains(u"sku"_qs) && targets.contains(u"properties.publisherEmail"_qs),
             qPrintable(targets.join(u',')));
    QCOMPARE(m_arm->get(ArmTestClient::servicePath(u"required-svc"_qs)).status, 404);
}

void tst_ManagementService::serviceGetPatchListAndEtag()
{
    QString failure;
    QVERIFY2(m_arm->createService(u"patch-svc"_qs, &failure), qPrintable(failure));
    const QString path = ArmTestClient::servicePath(u"patch-svc"_qs);
    const auto got = m_arm->get(path);
    QCOMPARE(got.status, 200);
    QVERIFY(!got.header("etag").isEmpty());
    QCOMPARE(got.json[u"properties"_qs][u"provisioningState"_qs].toString(), u"Succeeded"_qs);
    const auto patched = m_arm->patch(
        path, QJsonObject { { u"properties"_qs, QJsonObject { { u"publisherName"_qs, u"Renamed"_qs } } } },
        {});
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.json[u"properties"_qs][u"publisherName"_qs].toString(), u"Renamed"_qs);
    QCOMPARE(patched.json[u"properties"_qs][u"publisherEmail"_qs].toString(), u"admin@example.com"_qs);
    QVERIFY(patched.header("etag") != got.header("etag"));
    const auto stale = m_arm->patch(path, QJsonObject { { u"tags"_qs, QJsonObject() } },
                                    { { "If-Match", got.header("etag") } });
    QCOMPARE(stale.status, 412);
    const auto moved = m_arm->patch(path, QJsonObject { { u"location"_qs, u"elsewhere"_qs } }, {});
    QCOMPARE(moved.status, 400);

    const auto byGroup = m_arm->get(ArmTestClient::resourceGroupPath()
                                    + u"/providers/Microsoft.ApiManagement/service"_qs);
    QCOMPARE(byGroup.status, 200);
    const auto bySubscription = m_arm->get(u"/subscriptions/%1/providers/Microsoft.ApiManagement/service"_qs
                                               .arg(ArmTestClient::subscriptionId()));
    QCOMPARE(bySubscription.status, 200);
    for (const auto *reply : { &byGroup, &bySubscription }) {
        QStringList names;
        for (const QJsonValue &s : reply->json[u"value"_qs].toArray())
            names.append(s[u"name"_qs].toString());
        QVERIFY2(names.contains(u"patch-svc"_qs), qPrintable(names.join(u',')));
    }
    // The name is unique across resource groups.
    QCOMPARE(m_arm->put(ArmTestClient::resourceGroupPath(u"other-rg"_qs),
                        QJsonObject { { u"location"_qs, u"local"_qs } }).status,
             201);
    const auto clash = m_arm->put(ArmTestClient::servicePath(u"patch-svc"_qs, u"other-rg"_qs), serviceBody());
    QCOMPARE(clash.status, 409);
    QCOMPARE(clash.errorCode(), u"ServiceAlreadyExists"_qs);
}

void tst_ManagementService::servicePutReplacesWhatItDoesNotSend()
{
    QString failure;
    QVERIFY2(m_arm->createService(u"replace-svc"_qs, &failure), qPrintable(failure));
    const QString path = ArmTestClient::servicePath(u"replace-svc"_qs);
    const auto before = m_arm->get(path);
    QCOMPARE(before.status, 200);
    const auto patched = m_arm->patch(
        path, QJsonObject { { u"tags"_qs, QJsonObject { { u"a"_qs, u"b"_qs } } },
                            { u"properties"_qs,
                              QJsonObject { { u"notificationSenderEmail"_qs, u"ops@contoso.com"_qs } } } },
        {});
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.json[u"tags"_qs][u"a"_qs].toString(), u"b"_qs);
    QCOMPARE(patched.json[u"properties"_qs][u"notificationSenderEmail"_qs].toString(), u"ops@contoso.com"_qs);

    // A PUT on an existing service replaces it (ARM): what it leaves out is gone or back to its
    // default; the server's read-only properties stay.
    const QJsonObject replacement {
        { u"location"_qs, u"local"_qs },
        { u"sku"_qs, QJsonObject { { u"name"_qs, u"Basic"_qs }, { u"capacity"_qs, 1 } } },
        { u"properties"_qs, QJsonObject { { u"publisherEmail"_qs, u"new@contoso.com"_qs },
                                          { u"publisherName"_qs, u"New"_qs } } },
    };
    const auto replaced = m_arm->put(path, replacement);
    QCOMPARE(replaced.status, 200);
    QVERIFY(!replaced.header("etag").isEmpty());
    const auto after = m_arm->get(path);
    QCOMPARE(after.status, 200);
    QVERIFY2(after.json[u"tags"_qs].toObject().isEmpty(), after.body.constData());
    const QJsonObject props = after.json[u"properties"_qs].toObject();
    QCOMPARE(props[u"notificationSenderEmail"_qs].toString(), u"apimgmt-noreply@mail.windowsazure.com"_qs);
    QCOMPARE(props[u"publisherEmail"_qs].toString(), u"new@contoso.com"_qs);
    QCOMPARE(props[u"publisherName"_qs].toString(), u"New"_qs);
    QCOMPARE(after.json[u"sku"_qs][u"name"_qs].toString(), u"Basic"_qs);
    const QJsonObject old = before.json[u"properties"_qs].toObject();
    for (const char *readOnly : { "provisioningState", "createdAtUtc", "gatewayUrl", "managementApiUrl",
                                  "platformVersion", "gatewayCertificateSha256" })
        QCOMPARE(props[QLatin1StringView(readOnly)], old[QLatin1StringView(readOnly)]);
    QCOMPARE(after.json[u"systemData"_qs][u"createdAt"_qs], before.json[u"systemData"_qs][u"createdAt"_qs]);

    // Being a full replacement, it needs what a create needs, and the location stays.
    QJsonObject partial = replacement;
    partial.remove(u"sku"_qs);
    const auto incomplete = m_arm->put(path, partial);
    QCOMPARE(incomplete.status, 400);
    QCOMPARE(incomplete.firstDetailTarget(), u"sku"_qs);
    QJsonObject moved = replacement;
    moved[u"location"_qs] = u"elsewhere"_qs;
    QCOMPARE(m_arm->put(path, moved).status, 400);
    QCOMPARE(m_arm->get(path).json[u"sku"_qs][u"name"_qs].toString(), u"Basic"_qs);
}

void tst_ManagementService::checkNameAvailability()
{
    const QString path = u"/subscriptions/%1/providers/Microsoft.ApiManagement/checkNameAvailability"_qs
                             .arg(ArmTestClient::subscriptionId());
    QVERIFY(m_arm->createService(u"taken-name"_qs));
    const auto taken = m_arm->post(path, QJsonObject { { u"name"_qs, u"taken-name"_qs } });
    QCOMPARE(taken.status, 200);
    QCOMPARE(taken.json[u"nameAvailable"_qs].toBool(), false);
    QCOMPARE(taken.json[u"reason"_qs].toString(), u"AlreadyExists"_qs);
    const auto free = m_arm->post(path, QJsonObject { { u"name"_qs, u"free-name"_qs } });
    QCOMPARE(free.json[u"nameAvailable"_qs].toBool(), true);
    QCOMPARE(free.json[u"reason"_qs].toString(), u"Valid"_qs);
    const auto invalid = m_arm->post(path, QJsonObject { { u"name"_qs, u"-bad"_qs } });
    QCOMPARE(invalid.json[u"nameAvailable"_qs].toBool(), false);
    QCOMPARE(invalid.json[u"reason"_qs].toString(), u"Invalid"_qs);
}

void tst_ManagementService::serviceDeleteIsLongRunning()
{
    QVERIFY(m_arm->createService(u"delete-svc"_qs));
    const QString path = ArmTestClient::servicePath(u"delete-svc"_qs);
    const auto deleting = m_arm->remove(path);
    QCOMPARE(deleting.status, 202);
    QCOMPARE(deleting.json[u"properties"_qs][u"targetProvisioningState"_qs].toString(), u"Deleting"_qs);
    const QUrl async(QString::fromUtf8(deleting.header("azure-asyncoperation")));
    QString status;
    for (int i = 0; i < 200 && status != u"Succeeded"_qs; ++i) {
        status = m_arm->sendUrl("GET", async).json[u"status"_qs].toString();
        QTest::qWait(20);
    }
    QCOMPARE(status, u"Succeeded"_qs);
    QCOMPARE(m_arm->get(path).status, 404);
    QCOMPARE(m_arm->get(path).errorCode(), u"ResourceNotFound"_qs);
    QCOMPARE(m_arm->remove(path).status, 204);
    QCOMPARE(m_arm->get(path + u"/apis"_qs).status, 404);
}

void tst_ManagementService::malformedJsonSaysWhereItBroke()
{
    const auto reply = m_arm->send("PUT", ArmTestClient::resourceGroupPath(u"broken"_qs),
                                   "{\n  \"location\": \"x\",\n  oops\n}");
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), u"InvalidRequestContent"_qs);
    QVERIFY2(reply.errorMessage().contains(u"line 3"_qs), qPrintable(reply.errorMessage()));
}

void tst_ManagementService::bodiesOverFourMebibytesGet413()
{
    QByteArray huge = "{\"location\":\"" + QByteArray(4 * 1024 * 1024, 'a') + "\"}";
    const auto reply = m_arm->send("PUT", ArmTestClient::resourceGroupPath(u"huge"_qs), huge);
    QCOMPARE(reply.status, 413);
    QCOMPARE(m_arm->get(ArmTestClient::resourceGroupPath(u"huge"_qs)).status, 404);
    // Just under the cap is parsed normally (and refused for its own reasons).
    const auto small = m_arm->send("PUT", ArmTestClient::resourceGroupPath(u"small"_qs),
                                   "{\"location\":\"local\",\"tags\":{\"t\":\""
                                       + QByteArray(1024 * 1024, 'a') + "\"}}");
    QCOMPARE(small.status, 201);
}

QTEST_GUILESS_MAIN(tst_ManagementService)
#include "tst_managementservice.moc"
