// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/group.h"

#include "core/model/jsonfields.h"

namespace portico::core {

using namespace jsonfields;

Result<Group> Group::fromJson(const QJsonObject &json, const QString &path)
{
    Reader top(json, path);
    const Envelope envelope = readEnvelope(top);
    Reader p(top.object(u"properties"_qs, Reader::Need::Required), top.fieldPath(u"properties"_qs));
    Group g;
    g.id = envelope.id;
    g.name = envelope.name;
    g.displayName = p.string(u"displayName"_qs, Reader::Need::Required);
    g.description = p.string(u"description"_qs);
    g.type = p.string(u"type"_qs);
    g.externalId = p.string(u"externalId"_qs);
    g.builtIn = p.boolean(u"builtIn"_qs);
    g.otherProperties = p.unread();
    top.absorb(p);
    if (!top.ok())
        return top.error();
    return g;
}

QJsonObject Group::toJson(JsonShape shape) const
{
    const bool response = shape == JsonShape::Response;
    QJsonObject p;
    p.insert(u"displayName"_qs, displayName);
    putString(p, u"description"_qs, description);
    putString(p, u"type"_qs, type);
    putString(p, u"externalId"_qs, externalId);
    if (response)
        putBool(p, u"builtIn"_qs, builtIn);
    mergeUnknown(p, otherProperties);
    return wrapEnvelope(response, { id, name }, resourceType, p);
}

} // namespace portico::core
