// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/serviceinstance.h"

#include "core/model/jsonfields.h"

#include <limits>

namespace portico::core {

using namespace jsonfields;

Result<ServiceInstance> ServiceInstance::fromJson(const QJsonObject &json, const QString &path)
{
    Reader top(json, path);
    const Envelope envelope = readEnvelope(top);
    ServiceInstance s;
    s.id = envelope.id;
    s.name = envelope.name;
    s.location = top.string(u"location"_qs, Reader::Need::Required);
    Reader sku(top.object(u"sku"_qs, Reader::Need::Required), top.fieldPath(u"sku"_qs));
    if (top.ok()) {
        s.sku.name = sku.string(u"name"_qs, Reader::Need::Required);
        const auto capacity = sku.integer(u"capacity"_qs, Reader::Need::Required);
        if (capacity && (*capacity < 0 || *capacity > std::numeric_limits<int>::max()))
            sku.fail(sku.fieldPath(u"capacity"_qs), u"must be a non-negative 32-bit integer"_qs);
        s.sku.capacity = static_cast<int>(capacity.value_or(0));
        top.absorb(sku);
    }
    s.tags = top.stringMap(u"tags"_qs);
    s.etag = top.string(u"etag"_qs);
    s.identity = top.object(u"identity"_qs);
    s.zones = top.stringList(u"zones"_qs);
    s.systemData = top.object(u"systemData"_qs);

    Reader p(top.object(u"properties"_qs, Reader::Need::Required), top.fieldPath(u"properties"_qs));
    s.publisherEmail = p.string(u"publisherEmail"_qs, Reader::Need::Required);
    s.publisherName = p.string(u"publisherName"_qs, Reader::Need::Required);
    s.notificationSenderEmail = p.string(u"notificationSenderEmail"_qs);
    s.hostnameConfigurations = p.array(u"hostnameConfigurations"_qs);
    s.virtualNetworkType = p.string(u"virtualNetworkType"_qs);
    s.publicNetworkAccess = p.string(u"publicNetworkAccess"_qs);
    s.customProperties = p.stringMap(u"customProperties"_qs);
    s.disableGateway = p.boolean(u"disableGateway"_qs);
    s.provisioningState = p.string(u"provisioningState"_qs);
    s.targetProvisioningState = p.string(u"targetProvisioningState"_qs);
    s.createdAtUtc = p.string(u"createdAtUtc"_qs);
    s.gatewayUrl = p.string(u"gatewayUrl"_qs);
    s.gatewayRegionalUrl = p.string(u"gatewayRegionalUrl"_qs);
    s.portalUrl = p.string(u"portalUrl"_qs);
    s.developerPortalUrl = p.string(u"developerPortalUrl"_qs);
    s.managementApiUrl = p.string(u"managementApiUrl"_qs);
    s.scmUrl = p.string(u"scmUrl"_qs);
    s.publicIPAddresses = p.stringList(u"publicIPAddresses"_qs);
    s.privateIPAddresses = p.stringList(u"privateIPAddresses"_qs);
    s.platformVersion = p.string(u"platformVersion"_qs);
    s.otherProperties = p.unread();
    top.absorb(p);
    if (!top.ok())
        return top.error();
    return s;
}

QJsonObject ServiceInstance::toJson(JsonShape shape) const
{
    const bool response = shape == JsonShape::Response;
    QJsonObject p;
    p.insert(u"publisherEmail"_qs, publisherEmail);
    p.insert(u"publisherName"_qs, publisherName);
    putString(p, u"notificationSenderEmail"_qs, notificationSenderEmail);
    if (!hostnameConfigurations.isEmpty())
        p.insert(u"hostnameConfigurations"_qs, hostnameConfigurations);
    putString(p, u"virtualNetworkType"_qs, virtualNetworkType);
    putString(p, u"publicNetworkAccess"_qs, publicNetworkAccess);
    putStringMap(p, u"customProperties"_qs, customProperties);
    putBool(p, u"disableGateway"_qs, disableGateway);
    if (response) {
        putString(p, u"provisioningState"_qs, provisioningState);
        // "" is meaningful here (no operation running), so it is written whenever the
        // provisioning state is known.
        if (!provisioningState.isEmpty() || !targetProvisioningState.isEmpty())
            p.insert(u"targetProvisioningState"_qs, targetProvisioningState);
        putString(p, u"createdAtUtc"_qs, createdAtUtc);
        putString(p, u"gatewayUrl"_qs, gatewayUrl);
        putString(p, u"gatewayRegionalUrl"_qs, gatewayRegionalUrl);
        putString(p, u"portalUrl"_qs, portalUrl);
        putString(p, u"developerPortalUrl"_qs, developerPortalUrl);
        putString(p, u"managementApiUrl"_qs, managementApiUrl);
        putString(p, u"scmUrl"_qs, scmUrl);
        putStringList(p, u"publicIPAddresses"_qs, publicIPAddresses);
        putStringList(p, u"privateIPAddresses"_qs, privateIPAddresses);
        putString(p, u"platformVersion"_qs, platformVersion);
    }
    mergeUnknown(p, otherProperties);

    QJsonObject out = wrapEnvelope(response, { id, name }, resourceType, p);
    out.insert(u"location"_qs, location);
    out.insert(u"sku"_qs, QJsonObject { { u"name"_qs, sku.name }, { u"capacity"_qs, sku.capacity } });
    putStringMap(out, u"tags"_qs, tags);
    putObject(out, u"identity"_qs, identity);
    putStringList(out, u"zones"_qs, zones);
    if (response) {
        putString(out, u"etag"_qs, etag);
        putObject(out, u"systemData"_qs, systemData);
    }
    return out;
}

} // namespace portico::core
