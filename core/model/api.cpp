// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/api.h"

#include "core/model/jsonfields.h"

namespace portico::core {

using namespace jsonfields;

Result<Api> Api::fromJson(const QJsonObject &json, const QString &path)
{
    Reader top(json, path);
    const Envelope envelope = readEnvelope(top);
    Reader p(top.object(u"properties"_qs, Reader::Need::Required), top.fieldPath(u"properties"_qs));
    Api api;
    api.id = envelope.id;
    api.name = envelope.name;
    api.path = p.string(u"path"_qs, Reader::Need::Required);
    api.displayName = p.string(u"displayName"_qs);
    api.description = p.string(u"description"_qs);
    api.serviceUrl = p.string(u"serviceUrl"_qs);
    api.protocols = p.stringList(u"protocols"_qs);
    api.subscriptionRequired = p.boolean(u"subscriptionRequired"_qs);
    Reader keys(p.object(u"subscriptionKeyParameterNames"_qs),
                p.fieldPath(u"subscriptionKeyParameterNames"_qs));
    if (const QString header = keys.string(u"header"_qs); !header.isEmpty())
        api.subscriptionKeyParameterNames.header = header;
    if (const QString query = keys.string(u"query"_qs); !query.isEmpty())
        api.subscriptionKeyParameterNames.query = query;
    p.absorb(keys);
    api.apiType = p.string(u"type"_qs);
    api.apiRevision = p.string(u"apiRevision"_qs);
    api.apiRevisionDescription = p.string(u"apiRevisionDescription"_qs);
    api.apiVersion = p.string(u"apiVersion"_qs);
    api.apiVersionDescription = p.string(u"apiVersionDescription"_qs);
    api.apiVersionSetId = p.string(u"apiVersionSetId"_qs);
    api.isCurrent = p.boolean(u"isCurrent"_qs);
    api.sourceApiId = p.string(u"sourceApiId"_qs);
    api.termsOfServiceUrl = p.string(u"termsOfServiceUrl"_qs);
    api.isOnline = p.boolean(u"isOnline"_qs);
    api.provisioningState = p.string(u"provisioningState"_qs);
    api.otherProperties = p.unread();
    top.absorb(p);
    if (!top.ok())
        return top.error();
    return api;
}

QJsonObject Api::toJson(JsonShape shape) const
{
    const bool response = shape == JsonShape::Response;
    QJsonObject p;
    p.insert(u"path"_qs, path);
    putString(p, u"displayName"_qs, displayName);
    putString(p, u"description"_qs, description);
    putString(p, u"serviceUrl"_qs, serviceUrl);
    putStringList(p, u"protocols"_qs, protocols);
    putBool(p, u"subscriptionRequired"_qs, subscriptionRequired);
    p.insert(u"subscriptionKeyParameterNames"_qs,
             QJsonObject { { u"header"_qs, subscriptionKeyParameterNames.header },
                           { u"query"_qs, subscriptionKeyParameterNames.query } });
    putString(p, u"type"_qs, apiType);
    putString(p, u"apiRevision"_qs, apiRevision);
    putString(p, u"apiRevisionDescription"_qs, apiRevisionDescription);
    putString(p, u"apiVersion"_qs, apiVersion);
    putString(p, u"apiVersionDescription"_qs, apiVersionDescription);
    putString(p, u"apiVersionSetId"_qs, apiVersionSetId);
    putBool(p, u"isCurrent"_qs, isCurrent);
    putString(p, u"sourceApiId"_qs, sourceApiId);
    putString(p, u"termsOfServiceUrl"_qs, termsOfServiceUrl);
    if (response) {
        putBool(p, u"isOnline"_qs, isOnline);
        putString(p, u"provisioningState"_qs, provisioningState);
    }
    mergeUnknown(p, otherProperties);
    return wrapEnvelope(response, { id, name }, resourceType, p);
}

} // namespace portico::core
