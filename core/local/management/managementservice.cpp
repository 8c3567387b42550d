// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/management/managementservice.h"

#include "core/common/constanttime.h"
#include "core/local/management/armresources.h"
#include "core/local/management/resourcecollection.h"
#include "core/local/management/serviceroutes.h"
#include "core/local/management/servicechildroutes.h"
#include "core/local/server/localserver.h"
#include "core/local/store/managementstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace portico::local {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

const QStringList &resourceManagerVersions()
{
    static const QStringList s_versions {
        u"2016-06-01"_qs, u"2019-10-01"_qs, u"2020-01-01"_qs, u"2021-01-01"_qs,
        u"2021-04-01"_qs, u"2022-01-01"_qs, u"2022-09-01"_qs, u"2022-12-01"_qs,
        u"2023-07-01"_qs, u"2024-03-01"_qs, u"2024-05-01"_qs, u"2024-07-01"_qs,
        u"2024-11-01"_qs,
    };
    return s_versions;
}

QJsonObject resourceGroupBody(const QString &id, const QString &name, const QString &location,
                              const QJsonValue &tags)
{
    QJsonObject body { { u"id"_qs, id },
                       { u"name"_qs, name },
                       { u"type"_qs, u"Microsoft.Resources/resourceGroups"_qs },
                       { u"location"_qs, location },
                       { u"properties"_qs,
                         QJsonObject { { u"provisioningState"_qs, u"Succeeded"_qs } } } };
    if (tags.isObject())
        body.insert(u"tags"_qs, tags);
    return body;
}

// One Microsoft.Resources Location (Subscriptions_ListLocations, the GetLocations.json item
// shape): {id, name, type "Region", displayName, regionalDisplayName, metadata{regionType,
// regionCategory, geography, geographyGroup, longitude, latitude, physicalLocation,
// pairedRegion[{name, id}]}}. A logical region has neither coordinates nor a pair.
struct KnownLocation
{
    const char16_t *name;
    const char16_t *displayName;
    const char16_t *geographyGroup; // also the prefix of regionalDisplayName: "(Europe) West Europe"
    const char16_t *geography;
    const char16_t *latitude;
    const char16_t *longitude;
    const char16_t *physicalLocation;
    const char16_t *pairedRegion;
    bool logical;
};

// Portico-local's own location ("local", the one its resource group and the services the
// console creates on it report) and a fixed set of common public Azure regions, so that
// resources can be placed as on Azure; plus one logical region, which holds no resources.
const QList<KnownLocation> &knownLocations()
{
    static const QList<KnownLocation> s_locations {
        { u"local", u"Portico Local", u"Local", u"This computer", u"", u"", u"portico-local", u"", false },
        { u"eastus", u"East US", u"US", u"United States", u"37.3719", u"-79.8164", u"Virginia", u"westus", false },
        { u"southcentralus", u"South Central US", u"US", u"United States", u"29.4167", u"-98.5", u"Texas", u"northcentralus", false },
        { u"westus2", u"West US 2", u"US", u"United States", u"47.233", u"-119.852", u"Washington", u"westcentralus", false },
        { u"northeurope", u"North Europe", u"Europe", u"Europe", u"53.3478", u"-6.2597", u"Ireland", u"westeurope", false },
        { u"westeurope", u"West Europe", u"Europe", u"Europe", u"52.3667", u"4.9", u"Netherlands", u"northeurope", false },
        { u"swedencentral", u"Sweden Central", u"Europe", u"Sweden", u"60.67488", u"17.14127", u"Gävle", u"swedensouth", false },
        { u"uksouth", u"UK South", u"Europe", u"United Kingdom", u"50.941", u"-0.799", u"London", u"ukwest", false },
        { u"southeastasia", u"Southeast Asia", u"Asia Pacific", u"Asia Pacific", u"1.283", u"103.833", u"Singapore", u"eastasia", false },
        { u"australiaeast", u"Australia East", u"Asia Pacific", u"Australia", u"-33.86", u"151.2094", u"New South Wales", u"australiasoutheast", false },
        { u"europe", u"Europe", u"", u"", u"", u"", u"", u"", true },
    };
    return s_locations;
}

QJsonObject locationBody(const QString &subscriptionPath, const KnownLocation &l)
{
    const QString name = QString::fromUtf16(l.name);
    const QString displayName = QString::fromUtf16(l.displayName);
    QJsonObject metadata;
    if (l.logical) {
        metadata = { { u"regionType"_qs, u"Logical"_qs }, { u"regionCategory"_qs, u"Other"_qs } };
    } else {
        metadata = { { u"regionType"_qs, u"Physical"_qs },
                     { u"regionCategory"_qs, u"Recommended"_qs },
                     { u"geography"_qs, QString::fromUtf16(l.geography) },
                     { u"geographyGroup"_qs, QString::fromUtf16(l.geographyGroup) },
                     { u"physicalLocation"_qs, QString::fromUtf16(l.physicalLocation) } };
        if (*l.latitude) {
            metadata.insert(u"latitude"_qs, QString::fromUtf16(l.latitude));
            metadata.insert(u"longitude"_qs, QString::fromUtf16(l.longitude));
        }
        if (*l.pairedRegion) {
            const QString paired = QString::fromUtf16(l.pairedRegion);
            metadata.insert(u"pairedRegion"_qs,
                            QJsonArray { QJsonObject {
                                { u"name"_qs, paired },
                                { u"id"_qs, QString(subscriptionPath + u"/locations/"_qs + paired) } } });
        }
    }
    return { { u"id"_qs, QString(subscriptionPath + u"/locations/"_qs + name) },
             { u"name"_qs, name },
             { u"type"_qs, u"Region"_qs },
             { u"displayName"_qs, displayName },
             { u"regionalDisplayName"_qs,
               l.logical ? displayName
                         : u"(%1) %2"_qs.arg(QString::fromUtf16(l.geographyGroup), displayName) },
             { u"metadata"_qs, metadata } };
}

ArmResponse resourceGroupNotFound(const QString &name)
{
    return ArmResponse::error(404, u"ResourceGroupNotFound"_qs,
                              u"Resource group '%1' could not be found."_qs.arg(name));
}

} // namespace

const QString &ManagementService::localSubscriptionId()
{
    static const QString s_id = u"00000000-0000-0000-0000-000000000000"_qs;
    return s_id;
}

const QString &ManagementService::defaultResourceGroup()
{
    static const QString s_name = u"portico-local"_qs;
    return s_name;
}

const QString &ManagementService::apiVersion()
{
    static const QString s_version = u"2024-05-01"_qs;
    return s_version;
}

ManagementService::ManagementService(const LocalContext &context, ManagementStore &store,
                                     QObject *parent)
    : HttpService(parent)
    , m_context(context)
    , m_store(store)
{
    addResourceGroupRoutes();
    m_services = std::make_unique<ServiceRoutes>(m_context, m_store);
    m_services->registerRoutes(m_router);
    for (auto &collection : makeServiceChildCollections(m_store, m_context, m_router))
        m_collections.push_back(std::move(collection));
}

ManagementService::~ManagementService() = default;

core::Result<void> ManagementService::open()
{
    const QString subscription = u"/subscriptions/"_qs + localSubscriptionId();
    if (m_store.wasCreated()) {
        const QString id = subscription + u"/resourceGroups/"_qs + defaultResourceGroup();
        StoredResource group;
        group.kind = u"resourceGroups"_qs;
        group.name = defaultResourceGroup();
        group.displayName = group.name;
        group.body = resourceGroupBody(id, group.name, u"local"_qs, QJsonValue());
        if (auto begun = m_store.begin(); !begun)
            return begun;
        if (auto put = m_store.put(group, subscription); !put) {
            m_store.rollback();
            return put;
        }
        if (auto committed = m_store.commit(); !committed)
            return committed;
    }
    m_services->resume();
    return {};
}

void ManagementService::addResourceGroupRoutes()
{
    m_router.add("GET", u"/subscriptions"_qs, [](const ArmRequest &) {
        const QString id = localSubscriptionId();
        const QJsonObject subscription {
            { u"id"_qs, QString(u"/subscriptions/"_qs + id) },
            { u"subscriptionId"_qs, id },
            { u"tenantId"_qs, id },
            { u"displayName"_qs, u"Portico Local"_qs },
            { u"state"_qs, u"Enabled"_qs },
            { u"authorizationSource"_qs, u"RoleBased"_qs },
            { u"subscriptionPolicies"_qs,
              QJsonObject { { u"locationPlacementId"_qs, u"Public_2014-09-01"_qs },
                            { u"quotaId"_qs, u"PorticoLocal"_qs },
                            { u"spendingLimit"_qs, u"Off"_qs } } },
        };
        return ArmResponse::json(
            200, QJsonObject { { u"value"_qs, QJsonArray { subscription } },
                               { u"count"_qs, QJsonObject { { u"type"_qs, u"Total"_qs },
                                                            { u"value"_qs, 1 } } } });
    });
    m_router.add("GET", u"/subscriptions/{subscriptionId}"_qs, [this](const ArmRequest &request) {
        auto all = m_router.match("GET", u"/subscriptions"_qs)->handler(request);
        return ArmResponse::json(200, all.body[u"value"_qs].toArray().first().toObject());
    });
    // Microsoft.Resources Subscriptions_ListLocations: every location of the subscription in
    // one {value} page (no nextLink), as ARM answers it.
    m_router.add("GET", u"/subscriptions/{subscriptionId}/locations"_qs, [](const ArmRequest &) {
        const QString subscription = u"/subscriptions/"_qs + localSubscriptionId();
        QJsonArray value;
        for (const KnownLocation &l : knownLocations())
            value.append(locationBody(subscription, l));
        return ArmResponse::json(200, QJsonObject { { u"value"_qs, value } });
    });
    const QString groups = u"/subscriptions/{subscriptionId}/resourcegroups"_qs;
    const QString group = groups + u"/{resourceGroupName}"_qs;
    m_router.add("GET", groups, [this](const ArmRequest &request) {
        int top = 0, skip = 0;
        if (auto bad = ArmResources::paging(request, &top, &skip))
            return *bad;
        auto page = m_store.list(u"/subscriptions/"_qs + localSubscriptionId(),
                                 u"resourceGroups"_qs, top, skip);
        if (!page)
            return ArmResponse::fromError(page.error());
        QJsonArray items;
        for (const StoredResource &r : page->items)
            items.append(r.body);
        ArmResponse response = ArmResources::listResponse(request, items, page->total, top, skip,
                                                          false);
        QJsonObject body = response.body.toObject();
        if (body.value(u"nextLink"_qs).toString().isEmpty())
            body.remove(u"nextLink"_qs);
        response.body = body;
        return response;
    });
    m_router.add("GET", group, [this](const ArmRequest &request) {
        const auto found = m_store.get(request.resourceId());
        if (!found)
            return resourceGroupNotFound(request.param("resourceGroupName"));
        return ArmResponse::json(200, found->body);
    });
    m_router.add("HEAD", group, [this](const ArmRequest &request) {
        return ArmResponse::empty(m_store.get(request.resourceId()) ? 204 : 404);
    });
    m_router.add("PUT", group, [this](const ArmRequest &request) {
        const QString name = request.param("resourceGroupName");
        static const QRegularExpression pattern(u"^[-\\w\\._\\(\\)]{1,90}$"_qs);
        if (!pattern.match(name).hasMatch() || name.endsWith(u'.'))
            return ArmResponse::error(400, u"InvalidResourceGroupName"_qs,
                                      u"The resource group name '%1' is invalid: use 1 to 90 "
                                      "letters, digits, '-', '_', '.', '(' or ')', not ending "
                                      "in '.'."_qs.arg(name));
        QJsonObject body;
        if (auto bad = ArmResources::parseBody(request, &body))
            return *bad;
        const auto existing = m_store.get(request.resourceId());
        const QString location = body.value(u"location"_qs).toString();
        if (location.isEmpty() && !existing)
            return ArmResponse::error(400, u"LocationRequired"_qs,
                                      u"The location property is required for this definition."_qs);
        StoredResource resource;
        resource.kind = u"resourceGroups"_qs;
        resource.name = existing ? existing->name : name;
        resource.displayName = resource.name;
        const QString id = existing ? existing->id()
                                    : u"/subscriptions/%1/resourceGroups/%2"_qs.arg(
                                          localSubscriptionId(), name);
        resource.body = resourceGroupBody(
            id, resource.name,
            existing ? existing->body.value(u"location"_qs).toString() : location,
            body.value(u"tags"_qs));
        if (auto begun = m_store.begin(); !begun)
            return ArmResponse::fromError(begun.error());
        if (auto put = m_store.put(resource, u"/subscriptions/"_qs + localSubscriptionId()); !put)
            return ArmResources::storageFailure(m_store, put.error());
        return ArmResources::commit(m_store, ArmResponse::json(existing ? 200 : 201, resource.body));
    });
    m_router.add("DELETE", group, [this](const ArmRequest &request) {
        const auto existing = m_store.get(request.resourceId());
        if (!existing)
            return resourceGroupNotFound(request.param("resourceGroupName"));
        if (auto begun = m_store.begin(); !begun)
            return ArmResponse::fromError(begun.error());
        if (auto removed = m_store.remove(existing->id()); !removed)
            return ArmResources::storageFailure(m_store, removed.error());
        return ArmResources::commit(m_store, ArmResponse::empty(200));
    });
}

std::optional<ArmResponse> ManagementService::checkParents(const ArmRequest &request) const
{
    const QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts);
    const QString subscription = request.param("subscriptionId");
    if (!subscription.isEmpty() && subscription.compare(localSubscriptionId(), Qt::CaseInsensitive))
        return ArmResponse::error(404, u"SubscriptionNotFound"_qs,
                                  u"The subscription '%1' could not be found."_qs.arg(subscription));
    const QString group = request.param("resourceGroupName");
    if (!group.isEmpty() && segments.size() > 4
        && !m_store.get(u'/' + segments.mid(0, 4).join(u'/')))
        return resourceGroupNotFound(group);
    const QString service = request.param("serviceName");
    if (!service.isEmpty() && segments.size() > 8
        && segments.at(8).compare(u"operationresults"_qs, Qt::CaseInsensitive) != 0
        && !m_store.get(ArmRouter::serviceIdOf(request)))
        return ServiceRoutes::serviceNotFound(service, group);
    return std::nullopt;
}

ArmResponse ManagementService::dispatch(const QHttpServerRequest &http)
{
    const QByteArray authorization = http.value("Authorization");
    if (authorization.isEmpty())
        return ArmResponse::error(401, u"AuthenticationFailed"_qs,
                                  u"Authentication failed. The 'Authorization' header is missing."_qs);
    if (!authorization.startsWith("Bearer "))
        return ArmResponse::error(401, u"AuthenticationFailedInvalidHeader"_qs,
                                  u"Authentication failed. The 'Authorization' header is provided "
                                  "in an invalid format."_qs);
    if (!core::constantTimeEquals(authorization.mid(7).trimmed(), m_context.token.toUtf8()))
        return ArmResponse::error(401, u"InvalidAuthenticationToken"_qs,
                                  u"The access token is invalid."_qs);

    ArmRequest request;
    request.method = methodName(http.method());
    request.url = http.url();
    request.origin = ArmResources::requestOrigin(http.value("Host"), m_context.managementUrl);
    request.path = http.url().path(QUrl::FullyDecoded);
    request.query = QUrlQuery(http.url());
    request.body = http.body();
    for (const auto &[name, value] : http.headers())
        request.headers.insert(name.toLower(), value);

    if (!request.query.hasQueryItem(u"api-version"_qs))
        return ArmResponse::error(400, u"MissingApiVersionParameter"_qs,
                                  u"The api-version query parameter (?api-version=) is required "
                                  "for all requests."_qs);
    request.apiVersion = request.queryValue("api-version");
    const bool apim = request.path.contains(u"/providers/Microsoft.ApiManagement"_qs,
                                            Qt::CaseInsensitive);
    const QStringList supported = apim ? QStringList { apiVersion() } : resourceManagerVersions();
    if (!supported.contains(request.apiVersion))
        return ArmResponse::error(400, u"InvalidApiVersionParameter"_qs,
                                  u"The api-version '%1' is invalid. The supported versions are "
                                  "'%2'."_qs.arg(request.apiVersion, supported.join(u',')));
    if (request.body.size() > MaxBodyBytes)
        return ArmResponse::error(413, u"RequestEntityTooLarge"_qs,
                                  u"The request body is %1 bytes; the limit is %2 bytes (4 MiB)."_qs
                                      .arg(request.body.size())
                                      .arg(MaxBodyBytes));

    bool pathKnown = false;
    auto match = m_router.match(request.method, request.path, &pathKnown);
    if (!match) {
        if (pathKnown)
            return ArmResponse::error(405, u"MethodNotAllowed"_qs,
                                      u"The method '%1' is not supported for '%2'."_qs.arg(
                                          QString::fromLatin1(request.method), request.path));
        return ArmResponse::error(404, u"NotFound"_qs,
                                  u"No resource or action matches '%1 %2' in api-version %3."_qs
                                      .arg(QString::fromLatin1(request.method), request.path,
                                           request.apiVersion));
    }
    request.params = match->params;
    m_services->advance();
    if (auto missing = checkParents(request))
        return *missing;
    return match->handler(request);
}

void ManagementService::handle(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const ArmResponse response = dispatch(request);
    const bool head = request.method() == QHttpServerRequest::Method::Head;
    QByteArray payload;
    if (!response.rawJson.isEmpty() && !head)
        payload = response.rawJson;
    else if (!response.body.isUndefined() && !head)
        payload = response.body.isObject()
            ? QJsonDocument(response.body.toObject()).toJson(QJsonDocument::Compact)
            : QJsonDocument(response.body.toArray()).toJson(QJsonDocument::Compact);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!payload.isEmpty())
        responder.writeHeader("Content-Type", "application/json; charset=utf-8");
    responder.writeHeader("Content-Length", QByteArray::number(payload.size()));
    const QByteArray requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    responder.writeHeader("x-ms-request-id", requestId);
    responder.writeHeader("x-ms-correlation-request-id", requestId);
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeBody(payload);
}

} // namespace portico::local
