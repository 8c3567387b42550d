// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/management/serviceroutes.h"

#include "core/local/management/armresources.h"
#include "core/local/management/fieldvalidator.h"
#include "core/local/management/managementservice.h"
#include "core/local/management/serviceseed.h"
#include "core/local/server/localserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace portico::local {

namespace {

const QString s_type = u"Microsoft.ApiManagement/service"_qs;
const QStringList s_skus { u"Developer"_qs, u"Standard"_qs, u"Premium"_qs, u"Basic"_qs,
                           u"Consumption"_qs, u"Isolated"_qs, u"BasicV2"_qs, u"StandardV2"_qs };

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString isoFromMs(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) : QString();
}

bool validServiceName(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$"_qs);
    return name.size() <= 50 && pattern.match(name).hasMatch();
}

QString invalidNameMessage(const QString &name)
{
    return u"The service name '%1' is invalid: it must be 1 to 50 characters, start with a "
           "letter, contain only letters, digits and hyphens, and not end with a hyphen."_qs
        .arg(name);
}

// Validates the parts of ApiManagementServiceResource that a client may set (§3.1).
void validateService(const QJsonObject &body, QJsonObject &top, QJsonObject &properties,
                     FieldValidator &topLevel, bool create)
{
    FieldValidator p(body.value(u"properties"_qs).toObject(), properties);
    p.string("publisherEmail", 1, 100);
    p.string("publisherName", 1, 100);
    p.string("notificationSenderEmail", 0, 100);
    p.array("hostnameConfigurations");
    p.choice("virtualNetworkType", { u"None"_qs, u"External"_qs, u"Internal"_qs });
    p.choice("publicNetworkAccess", { u"Enabled"_qs, u"Disabled"_qs });
    p.object("customProperties");
    p.boolean("disableGateway");
    p.boolean("enableClientCertificate");
    p.object("apiVersionConstraint");
    p.choice("developerPortalStatus", { u"Enabled"_qs, u"Disabled"_qs });
    p.choice("legacyPortalStatus", { u"Enabled"_qs, u"Disabled"_qs });
    if (create) {
        p.require("publisherEmail");
        p.require("publisherName");
    }
    for (const core::ErrorDetail &d : p.details())
        topLevel.fail(u"properties."_qs + d.target, d.message);

    topLevel.string("location", 1, 200);
    topLevel.object("tags");
    topLevel.object("identity");
    topLevel.array("zones");
    if (body.contains(u"sku"_qs)) {
        const QJsonObject sku = body.value(u"sku"_qs).toObject();
        QJsonObject checkedSku;
        FieldValidator s(sku, checkedSku);
        s.choice("name", s_skus);
        s.integer("capacity", 0, 1000);
        s.require("name");
        s.require("capacity");
        for (const core::ErrorDetail &d : s.details())
            topLevel.fail(u"sku."_qs + d.target, d.message);
        if (s.ok())
            top.insert(u"sku"_qs, checkedSku);
    }
    if (create) {
        topLevel.require("location");
        topLevel.require("sku");
        if (!body.value(u"properties"_qs).isObject())
            topLevel.fail(u"properties"_qs, u"The field 'properties' is required."_qs);
    }
}

// Why activating the service `serviceName` with these properties fails, as ARM's error object
// ({code, message}); empty when it does not. Azure checks some things only while it activates a
// service it accepted, and then fails the create. portico-local's one such check: activation
// sends the publisher their first notifications, and an address in the top-level domain
// "invalid", which RFC 6761 reserves so that it never exists, cannot receive them.
QJsonObject activationError(const QString &serviceName, const QJsonObject &properties)
{
    const QString email = properties.value(u"publisherEmail"_qs).toString();
    QString domain = email.section(u'@', -1).toLower();
    if (domain.endsWith(u'.'))
        domain.chop(1);
    if (!email.contains(u'@') || (domain != u"invalid"_qs && !domain.endsWith(u".invalid"_qs)))
        return {};
    return { { u"code"_qs, u"ActivationFailed"_qs },
             { u"message"_qs,
               u"The API Management service '%1' could not be activated: its publisher e-mail "
               "'%2' cannot receive notifications, because the domain '%3' does not exist."_qs
                   .arg(serviceName, email, domain) } };
}

// Server-set properties (§3.1 "properties RO"): a PUT that replaces the service keeps them.
const QStringList s_readOnlyProperties {
    u"provisioningState"_qs, u"targetProvisioningState"_qs, u"createdAtUtc"_qs,
    u"gatewayUrl"_qs, u"gatewayRegionalUrl"_qs, u"portalUrl"_qs, u"managementApiUrl"_qs,
    u"scmUrl"_qs, u"developerPortalUrl"_qs, u"publicIPAddresses"_qs, u"privateIPAddresses"_qs,
    u"outboundPublicIPAddresses"_qs, u"platformVersion"_qs, u"gatewayCertificateSha256"_qs,
};

} // namespace

ServiceRoutes::ServiceRoutes(const LocalContext &context, ManagementStore &store, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_store(store)
{
    bool ok = false;
    const qint64 delay = qEnvironmentVariable("PORTICO_LOCAL_LRO_DELAY_MS").toLongLong(&ok);
    if (ok && delay >= 0)
        m_delayMs = delay;
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ServiceRoutes::advance);
}

ServiceRoutes::~ServiceRoutes() = default;

ArmResponse ServiceRoutes::serviceNotFound(const QString &name, const QString &resourceGroup)
{
    return ArmResponse::error(404, u"ResourceNotFound"_qs,
                              u"The Resource 'Microsoft.ApiManagement/service/%1' under resource "
                              "group '%2' was not found."_qs.arg(name, resourceGroup));
}

void ServiceRoutes::registerRoutes(ArmRouter &router)
{
    const QString &svc = ArmRouter::servicePattern();
    router.add("PUT", svc, [this](const ArmRequest &r) { return put(r); });
    router.add("PATCH", svc, [this](const ArmRequest &r) { return patch(r); });
    router.add("GET", svc, [this](const ArmRequest &r) { return get(r); });
    router.add("DELETE", svc, [this](const ArmRequest &r) { return remove(r); });
    router.add("GET",
               u"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
               "Microsoft.ApiManagement/service"_qs,
               [this](const ArmRequest &r) { return list(r, false); });
    router.add("GET",
               u"/subscriptions/{subscriptionId}/providers/Microsoft.ApiManagement/service"_qs,
               [this](const ArmRequest &r) { return list(r, true); });
    router.add("POST",
               u"/subscriptions/{subscriptionId}/providers/Microsoft.ApiManagement/"
               "checkNameAvailability"_qs,
               [this](const ArmRequest &r) { return checkNameAvailability(r); });
    router.addServiceRoute("GET", u"operationresults/{operationId}"_qs,
                           [this](const ArmRequest &r) { return operationResult(r); });
    router.addServiceRoute("GET", u"tenant/operationResults/{operationId}"_qs,
                           [this](const ArmRequest &r) { return childOperationResult(r); });
}

QJsonObject ServiceRoutes::present(const ArmRequest &request, const StoredResource &service) const
{
    QJsonObject body = service.body;
    // The URLs are this instance's as the client reached it, whatever port, host name or layout
    // a stored service was created with (data directories outlive port choices and older
    // portico-local versions).
    QJsonObject properties = body.value(u"properties"_qs).toObject();
    properties.insert(u"gatewayUrl"_qs, gatewayUrl(request, service.name));
    properties.insert(u"managementApiUrl"_qs, ArmResources::absoluteUrl(request, QString()));
    body.insert(u"properties"_qs, properties);
    const QByteArray etag = service.etagHeader();
    body.insert(u"etag"_qs, QString::fromLatin1(etag.mid(1, etag.size() - 2)));
    return body;
}

QString ServiceRoutes::gatewayUrl(const ArmRequest &request, const QString &serviceName) const
{
    // The host the client used to reach portico-local, with the gateway's own scheme and port.
    QUrl gateway = m_context.gatewayHttpsUrl;
    gateway.setHost(request.origin.host());
    return gateway.toString(QUrl::StripTrailingSlash) + u'/' + serviceName;
}

QList<QPair<QByteArray, QByteArray>> ServiceRoutes::pollingHeaders(const ArmRequest &request,
                                                                   const QString &serviceId,
                                                                   const QString &operationId,
                                                                   bool locationIsAsync) const
{
    const QString base = ArmResources::absoluteUrl(
        request, serviceId + u"/operationresults/"_qs + operationId + u"?api-version="_qs
            + ManagementService::apiVersion());
    const QString async = base + u"&asyncResponse"_qs;
    return { { QByteArrayLiteral("Location"), (locationIsAsync ? async : base).toUtf8() },
             { QByteArrayLiteral("Azure-AsyncOperation"), async.toUtf8() },
             { QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1") } };
}

std::optional<StoredResource> ServiceRoutes::findByName(const QString &name) const
{
    for (const QString &id : m_store.serviceIds())
        if (id.section(u'/', -1).compare(name, Qt::CaseInsensitive) == 0)
            return m_store.get(id);
    return std::nullopt;
}

ArmResponse ServiceRoutes::put(const ArmRequest &request)
{
    const QString name = request.param("serviceName");
    if (!validServiceName(name))
        return ArmResponse::validation(u"serviceName"_qs, invalidNameMessage(name));
    QJsonObject body;
    if (auto bad = ArmResources::parseBody(request, &body))
        return *bad;
    const auto existing = m_store.get(request.resourceId());
    if (auto failed = ArmResources::checkPreconditions(request, existing, false))
        return *failed;
    if (!existing) {
        if (const auto elsewhere = findByName(name))
            return ArmResponse::error(409, u"ServiceAlreadyExists"_qs,
                                      u"Api service already exists: %1"_qs.arg(name));
    }
    // A service whose create failed is created again by the next PUT, from what it sends.
    bool createAgain = false;
    if (existing) {
        const bool pending = m_store.pendingOperationFor(existing->id()).has_value();
        if (pending
            && existing->properties().value(u"targetProvisioningState"_qs).toString()
                == u"Deleting"_qs)
            return ArmResponse::error(409, u"ServiceLocked"_qs,
                                      u"The service %1 is being deleted."_qs.arg(name));
        createAgain = !pending
            && existing->properties().value(u"provisioningState"_qs).toString() == u"Failed"_qs;
        if (!createAgain)
            return replace(request, body, *existing);
    }

    QJsonObject top = body;
    QJsonObject properties;
    FieldValidator v(body, top);
    validateService(body, top, properties, v, true);
    // Created again, the service stays where it is, as a replacing PUT does.
    if (createAgain && body.contains(u"location"_qs)
        && body.value(u"location"_qs).toString().compare(
            existing->body.value(u"location"_qs).toString(), Qt::CaseInsensitive))
        v.fail(u"location"_qs, u"The location of a service cannot be changed."_qs);
    if (!v.ok())
        return ArmResponse::validation(v.details());

    const QString now = ArmResources::now();
    const QString svcId = u"/subscriptions/%1/resourceGroups/%2/providers/Microsoft.ApiManagement/"
                          "service/%3"_qs.arg(ManagementService::localSubscriptionId(),
                                              m_store.get(request.resourceId().section(u'/', 0, 4))
                                                  ->name,
                                              name);
    properties.insert(u"provisioningState"_qs, u"Created"_qs);
    properties.insert(u"targetProvisioningState"_qs, u"Activating"_qs);
    properties.insert(u"createdAtUtc"_qs, now);
    properties.insert(u"gatewayUrl"_qs, gatewayUrl(request, name));
    properties.insert(u"managementApiUrl"_qs, ArmResources::absoluteUrl(request, QString()));
    properties.insert(u"publicIPAddresses"_qs, QJsonArray { m_context.gatewayHttpsUrl.host() });
    // portico-local extension: the SHA-256 of the gateway's self-signed certificate, for pinning.
    properties.insert(u"gatewayCertificateSha256"_qs, m_context.gatewayCertificateSha256);
    applyDefaults(properties);
    properties.insert(u"platformVersion"_qs, u"undetermined"_qs);

    StoredResource service;
    service.kind = u"service"_qs;
    service.name = name;
    service.displayName = name;
    service.body = QJsonObject {
        { u"id"_qs, svcId },
        { u"name"_qs, name },
        { u"type"_qs, s_type },
        { u"location"_qs, top.value(u"location"_qs) },
        { u"tags"_qs, top.value(u"tags"_qs).isObject() ? top.value(u"tags"_qs) : QJsonObject() },
        { u"sku"_qs, top.value(u"sku"_qs) },
        { u"properties"_qs, properties },
        { u"systemData"_qs,
          QJsonObject { { u"createdBy"_qs, u"portico-local"_qs },
                        { u"createdByType"_qs, u"User"_qs },
                        { u"createdAt"_qs, now },
                        { u"lastModifiedBy"_qs, u"portico-local"_qs },
                        { u"lastModifiedByType"_qs, u"User"_qs },
                        { u"lastModifiedAt"_qs, now } } },
    };
    if (top.contains(u"identity"_qs))
        service.body.insert(u"identity"_qs, top.value(u"identity"_qs));
    if (top.contains(u"zones"_qs))
        service.body.insert(u"zones"_qs, top.value(u"zones"_qs));

    const qint64 started = nowMs();
    ManagementStore::Operation operation {
        QUuid::createUuid().toString(QUuid::Id128), svcId, u"create"_qs, u"InProgress"_qs,
        started, started + m_delayMs / 2, started + m_delayMs, 0, {}
    };
    if (auto begun = m_store.begin(); !begun)
        return ArmResponse::fromError(begun.error());
    // What the failed create left (its seeded products, users, ...) goes with it.
    if (createAgain) {
        if (auto r = m_store.remove(existing->id()); !r)
            return ArmResources::storageFailure(m_store, r.error());
    }
    if (auto r = m_store.put(service, request.resourceId().section(u'/', 0, 4)); !r)
        return ArmResources::storageFailure(m_store, r.error());
    if (auto r = ServiceSeed::seed(m_store, service); !r)
        return ArmResources::storageFailure(m_store, r.error());
    if (auto r = m_store.putOperation(operation); !r)
        return ArmResources::storageFailure(m_store, r.error());
    ArmResponse response = ArmResources::commit(
        m_store, ArmResponse::json(createAgain ? 200 : 201, present(request, service),
                                    pollingHeaders(request, svcId, operation.id, true)));
    schedule();
    return response;
}

void ServiceRoutes::applyDefaults(QJsonObject &properties) const
{
    const QJsonArray hostnames { QJsonObject { { u"type"_qs, u"Proxy"_qs },
                                               { u"hostName"_qs, m_context.gatewayHttpsUrl.host() },
                                               { u"certificateSource"_qs, u"BuiltIn"_qs },
                                               { u"defaultSslBinding"_qs, true },
                                               { u"negotiateClientCertificate"_qs, false } } };
    for (const auto &[key, value] :
         { std::pair { u"notificationSenderEmail"_qs,
                       QJsonValue(u"apimgmt-noreply@mail.windowsazure.com"_qs) },
           std::pair { u"hostnameConfigurations"_qs, QJsonValue(hostnames) },
           std::pair { u"virtualNetworkType"_qs, QJsonValue(u"None"_qs) },
           std::pair { u"disableGateway"_qs, QJsonValue(false) },
           std::pair { u"publicNetworkAccess"_qs, QJsonValue(u"Enabled"_qs) },
           std::pair { u"customProperties"_qs, QJsonValue(QJsonObject()) } })
        if (!properties.contains(key))
            properties.insert(key, value);
}

ArmResponse ServiceRoutes::replace(const ArmRequest &request, const QJsonObject &body,
                                   StoredResource existing)
{
    QJsonObject top = body;
    QJsonObject properties;
    FieldValidator v(body, top);
    validateService(body, top, properties, v, true);
    if (body.contains(u"location"_qs)
        && body.value(u"location"_qs).toString().compare(
            existing.body.value(u"location"_qs).toString(), Qt::CaseInsensitive))
        v.fail(u"location"_qs, u"The location of a service cannot be changed."_qs);
    if (!v.ok())
        return ArmResponse::validation(v.details());

    const QJsonObject stored = existing.properties();
    for (const QString &key : s_readOnlyProperties)
        if (stored.contains(key))
            properties.insert(key, stored.value(key));
    applyDefaults(properties);
    QJsonObject systemData = existing.body.value(u"systemData"_qs).toObject();
    systemData.insert(u"lastModifiedBy"_qs, u"portico-local"_qs);
    systemData.insert(u"lastModifiedByType"_qs, u"User"_qs);
    systemData.insert(u"lastModifiedAt"_qs, ArmResources::now());
    QJsonObject replaced {
        { u"id"_qs, existing.body.value(u"id"_qs) },
        { u"name"_qs, existing.body.value(u"name"_qs) },
        { u"type"_qs, s_type },
        { u"location"_qs, existing.body.value(u"location"_qs) },
        { u"tags"_qs, top.value(u"tags"_qs).isObject() ? top.value(u"tags"_qs) : QJsonObject() },
        { u"sku"_qs, top.value(u"sku"_qs) },
        { u"properties"_qs, properties },
        { u"systemData"_qs, systemData },
    };
    for (const QString &key : { u"identity"_qs, u"zones"_qs })
        if (top.contains(key))
            replaced.insert(key, top.value(key));
    existing.body = replaced;
    if (auto begun = m_store.begin(); !begun)
        return ArmResponse::fromError(begun.error());
    if (auto r = m_store.put(existing, request.resourceId().section(u'/', 0, 4)); !r)
        return ArmResources::storageFailure(m_store, r.error());
    return ArmResources::commit(m_store, ArmResponse::json(200, present(request, existing),
                                                           ArmResources::etag(existing)));
}

ArmResponse ServiceRoutes::patch(const ArmRequest &request)
{
    auto existing = m_store.get(request.resourceId());
    if (!existing)
        return serviceNotFound(request.param("serviceName"), request.param("resourceGroupName"));
    QJsonObject body;
    if (auto bad = ArmResources::parseBody(request, &body))
        return *bad;
    if (auto failed = ArmResources::checkPreconditions(request, existing, false))
        return *failed;
    QJsonObject top = existing->body;
    QJsonObject properties = existing->properties();
    FieldValidator v(body, top);
    validateService(body, top, properties, v, false);
    if (body.contains(u"location"_qs)
        && body.value(u"location"_qs).toString().compare(existing->body.value(u"location"_qs).toString(),
                                                         Qt::CaseInsensitive))
        v.fail(u"location"_qs, u"The location of a service cannot be changed."_qs);
    if (!v.ok())
        return ArmResponse::validation(v.details());
    top.insert(u"properties"_qs, properties);
    QJsonObject systemData = top.value(u"systemData"_qs).toObject();
    systemData.insert(u"lastModifiedAt"_qs, ArmResources::now());
    top.insert(u"systemData"_qs, systemData);
    existing->body = top;
    if (auto begun = m_store.begin(); !begun)
        return ArmResponse::fromError(begun.error());
    if (auto r = m_store.put(*existing, request.resourceId().section(u'/', 0, 4)); !r)
        return ArmResources::storageFailure(m_store, r.error());
    return ArmResources::commit(m_store, ArmResponse::json(200, present(request, *existing),
                                                           ArmResources::etag(*existing)));
}

ArmResponse ServiceRoutes::get(const ArmRequest &request) const
{
    const auto service = m_store.get(request.resourceId());
    if (!service)
        return serviceNotFound(request.param("serviceName"), request.param("resourceGroupName"));
    return ArmResponse::json(200, present(request, *service), ArmResources::etag(*service));
}

ArmResponse ServiceRoutes::remove(const ArmRequest &request)
{
    auto service = m_store.get(request.resourceId());
    if (!service)
        return ArmResponse::empty(204);
    if (auto failed = ArmResources::checkPreconditions(request, service, false))
        return *failed;
    auto pending = m_store.pendingOperationFor(service->id());
    if (pending && pending->action == u"delete"_qs)
        return ArmResponse::json(202, present(request, *service),
                                 pollingHeaders(request, service->id(), pending->id, false));
    const qint64 started = nowMs();
    ManagementStore::Operation operation { QUuid::createUuid().toString(QUuid::Id128),
                                           service->id(), u"delete"_qs, u"InProgress"_qs,
                                           started, started, started + m_delayMs, 0, {} };
    QJsonObject properties = service->properties();
    properties.insert(u"provisioningState"_qs, u"Succeeded"_qs);
    properties.insert(u"targetProvisioningState"_qs, u"Deleting"_qs);
    service->body.insert(u"properties"_qs, properties);
    if (auto begun = m_store.begin(); !begun)
        return ArmResponse::fromError(begun.error());
    if (pending) { // a create still in progress is superseded
        pending->status = u"Canceled"_qs;
        pending->endedMs = started;
        if (auto r = m_store.putOperation(*pending); !r)
            return ArmResources::storageFailure(m_store, r.error());
    }
    if (auto r = m_store.put(*service, request.resourceId().section(u'/', 0, 4)); !r)
        return ArmResources::storageFailure(m_store, r.error());
    if (auto r = m_store.putOperation(operation); !r)
        return ArmResources::storageFailure(m_store, r.error());
    ArmResponse response = ArmResources::commit(
        m_store,
        ArmResponse::json(202, present(request, *service),
                          pollingHeaders(request, service->id(), operation.id, false)));
    schedule();
    return response;
}

ArmResponse ServiceRoutes::list(const ArmRequest &request, bool bySubscription) const
{
    const QList<StoredResource> services = bySubscription
        ? m_store.descendants(u"/subscriptions/"_qs + ManagementService::localSubscriptionId(),
                              u"service"_qs)
        : m_store.children(request.resourceId().section(u'/', 0, 4), u"service"_qs);
    QJsonArray items;
    for (const StoredResource &service : services)
        items.append(present(request, service));
    return ArmResponse::json(200, QJsonObject { { u"value"_qs, items } });
}

ArmResponse ServiceRoutes::checkNameAvailability(const ArmRequest &request) const
{
    QJsonObject body;
    if (auto bad = ArmResources::parseBody(request, &body))
        return *bad;
    const QJsonValue nameValue = body.value(u"name"_qs);
    if (!nameValue.isString())
        return ArmResponse::validation(u"name"_qs, u"The field 'name' is required."_qs);
    const QString name = nameValue.toString();
    QJsonObject reply;
    if (!validServiceName(name))
        reply = { { u"nameAvailable"_qs, false },
                  { u"reason"_qs, u"Invalid"_qs },
                  { u"message"_qs, invalidNameMessage(name) } };
    else if (findByName(name))
        reply = { { u"nameAvailable"_qs, false },
                  { u"reason"_qs, u"AlreadyExists"_qs },
                  { u"message"_qs, u"%1 is already in use."_qs.arg(name) } };
    else
        reply = { { u"nameAvailable"_qs, true },
                  { u"reason"_qs, u"Valid"_qs },
                  { u"message"_qs, QString() } };
    return ArmResponse::json(200, reply);
}

ArmResponse ServiceRoutes::operationResult(const ArmRequest &request) const
{
    const auto op = m_store.operation(request.param("operationId"));
    if (!op || ArmRouter::serviceIdOf(request).compare(op->resourceId, Qt::CaseInsensitive) != 0)
        return ArmResponse::notFound(u"Operation"_qs);
    const bool running = op->status == u"InProgress"_qs;
    if (request.query.hasQueryItem(u"asyncResponse"_qs)) {
        QJsonObject status { { u"id"_qs, request.resourceId() },
                             { u"name"_qs, op->id },
                             { u"status"_qs, op->status },
                             { u"startTime"_qs, isoFromMs(op->startedMs) } };
        if (!running)
            status.insert(u"endTime"_qs, isoFromMs(op->endedMs));
        else
            status.insert(u"percentComplete"_qs,
                          std::clamp<qint64>((nowMs() - op->startedMs) * 100
                                                 / qMax<qint64>(1, op->doneAtMs - op->startedMs),
                                         0, 99));
        if (!op->error.isEmpty())
            status.insert(u"error"_qs, op->error);
        else if (op->status == u"Canceled"_qs)
            status.insert(u"error"_qs,
                          QJsonObject { { u"code"_qs, u"OperationCanceled"_qs },
                                        { u"message"_qs,
                                          u"The operation was superseded by a delete."_qs } });
        return ArmResponse::json(200, status,
                                 running ? QList<QPair<QByteArray, QByteArray>> {
                                     { QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1") } }
                                         : QList<QPair<QByteArray, QByteArray>> {});
    }
    if (running)
        return ArmResponse::empty(202, { { QByteArrayLiteral("Location"),
                                           ArmResources::absoluteUrl(request,
                                                                     request.pathAndQuery())
                                               .toUtf8() },
                                         { QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1") } });
    if (op->action == u"create"_qs) {
        if (const auto service = m_store.get(op->resourceId))
            return ArmResponse::json(200, present(request, *service), ArmResources::etag(*service));
    }
    return ArmResponse::empty(204);
}

ArmResponse ServiceRoutes::childOperationResult(const ArmRequest &request) const
{
    const auto op = m_store.operation(request.param("operationId"));
    const QString serviceId = ArmRouter::serviceIdOf(request);
    if (!op || !op->resourceId.startsWith(serviceId + u'/', Qt::CaseInsensitive))
        return ArmResponse::notFound(u"Operation"_qs);
    QJsonObject status { { u"id"_qs, request.resourceId() },
                         { u"name"_qs, op->id },
                         { u"status"_qs, op->status },
                         { u"startTime"_qs, isoFromMs(op->startedMs) } };
    if (op->status != u"InProgress"_qs)
        status.insert(u"endTime"_qs, isoFromMs(op->endedMs));
    return ArmResponse::json(200, status);
}

void ServiceRoutes::advance()
{
    const qint64 now = nowMs();
    for (ManagementStore::Operation op : m_store.pendingOperations()) {
        auto service = m_store.get(op.resourceId);
        const bool done = now >= op.doneAtMs;
        QJsonObject failure;
        if (op.action == u"create"_qs && service) {
            QJsonObject properties = service->properties();
            if (done)
                failure = activationError(service->name, properties);
            const QString state = properties.value(u"provisioningState"_qs).toString();
            const QString wanted = done ? (failure.isEmpty() ? u"Succeeded"_qs : u"Failed"_qs)
                : now >= op.stepAtMs    ? u"Activating"_qs
                                        : state;
            if (wanted == state && !done)
                continue;
            properties.insert(u"provisioningState"_qs, wanted);
            properties.insert(u"targetProvisioningState"_qs,
                              done ? QString() : u"Succeeded"_qs);
            if (done && failure.isEmpty())
                properties.insert(u"platformVersion"_qs, u"stv2"_qs);
            service->body.insert(u"properties"_qs, properties);
            if (!m_store.begin())
                return;
            if (!m_store.put(*service, service->key.section(u'/', 0, 4))) {
                m_store.rollback();
                return;
            }
        } else if (done) {
            if (!m_store.begin())
                return;
            if (service && op.action == u"delete"_qs && !m_store.remove(service->id())) {
                m_store.rollback();
                return;
            }
        } else {
            continue;
        }
        if (done) {
            op.status = failure.isEmpty() ? u"Succeeded"_qs : u"Failed"_qs;
            op.error = failure;
            op.endedMs = now;
            if (!m_store.putOperation(op)) {
                m_store.rollback();
                return;
            }
        }
        if (!m_store.commit())
            return;
    }
    schedule();
}

void ServiceRoutes::resume()
{
    advance();
}

void ServiceRoutes::schedule()
{
    const qint64 now = nowMs();
    qint64 next = -1;
    for (const ManagementStore::Operation &op : m_store.pendingOperations()) {
        for (qint64 at : { op.stepAtMs, op.doneAtMs })
            if (at > now && (next < 0 || at < next))
                next = at;
        if (op.doneAtMs <= now)
            next = now;
    }
    if (next < 0)
        m_timer.stop();
    else
        m_timer.start(int(std::clamp<qint64>(next - now + 1, 0, 24 * 3600 * 1000)));
}

} // namespace portico::local
