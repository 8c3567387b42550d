// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/namedvalue.h"

#include "core/model/jsonfields.h"

namespace portico::core {

using namespace jsonfields;

Result<NamedValue> NamedValue::fromJson(const QJsonObject &json, const QString &path)
{
    Reader top(json, path);
    const Envelope envelope = readEnvelope(top);
    Reader p(top.object(u"properties"_qs, Reader::Need::Required), top.fieldPath(u"properties"_qs));
    NamedValue nv;
    nv.id = envelope.id;
    nv.name = envelope.name;
    nv.displayName = p.string(u"displayName"_qs, Reader::Need::Required);
    nv.value = p.string(u"value"_qs);
    nv.secret = p.boolean(u"secret"_qs).value_or(false);
    nv.tags = p.stringList(u"tags"_qs);
    Reader kv(p.object(u"keyVault"_qs), p.fieldPath(u"keyVault"_qs));
    nv.keyVault.secretIdentifier = kv.string(u"secretIdentifier"_qs);
    nv.keyVault.identityClientId = kv.string(u"identityClientId"_qs);
    nv.keyVault.lastStatus = kv.object(u"lastStatus"_qs);
    p.absorb(kv);
    nv.provisioningState = p.string(u"provisioningState"_qs);
    nv.otherProperties = p.unread();
    top.absorb(p);
    if (!top.ok())
        return top.error();
    return nv;
}

QJsonObject NamedValue::toJson(JsonShape shape) const
{
    const bool response = shape == JsonShape::Response;
    QJsonObject p;
    p.insert(u"displayName"_qs, displayName);
    if (!(response && secret))
        putString(p, u"value"_qs, value);
    p.insert(u"secret"_qs, secret);
    putStringList(p, u"tags"_qs, tags);
    QJsonObject kv;
    putString(kv, u"secretIdentifier"_qs, keyVault.secretIdentifier);
    putString(kv, u"identityClientId"_qs, keyVault.identityClientId);
    if (response)
        putObject(kv, u"lastStatus"_qs, keyVault.lastStatus);
    putObject(p, u"keyVault"_qs, kv);
    if (response)
        putString(p, u"provisioningState"_qs, provisioningState);
    mergeUnknown(p, otherProperties);
    return wrapEnvelope(response, { id, name }, resourceType, p);
}

} // namespace portico::core
