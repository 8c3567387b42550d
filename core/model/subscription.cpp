// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/subscription.h"

#include "core/model/jsonfields.h"

namespace portico::core {

using namespace jsonfields;

Result<Subscription> Subscription::fromJson(const QJsonObject &json, const QString &path)
{
    Reader top(json, path);
    const Envelope envelope = readEnvelope(top);
    Reader p(top.object(u"properties"_qs, Reader::Need::Required), top.fieldPath(u"properties"_qs));
    Subscription s;
    s.id = envelope.id;
    s.name = envelope.name;
    s.scope = p.string(u"scope"_qs, Reader::Need::Required);
    s.displayName = p.string(u"displayName"_qs);
    s.ownerId = p.string(u"ownerId"_qs);
    s.state = p.string(u"state"_qs);
    s.stateComment = p.string(u"stateComment"_qs);
    s.allowTracing = p.boolean(u"allowTracing"_qs);
    s.expirationDate = p.string(u"expirationDate"_qs);
    s.createdDate = p.string(u"createdDate"_qs);
    s.startDate = p.string(u"startDate"_qs);
    s.endDate = p.string(u"endDate"_qs);
    s.notificationDate = p.string(u"notificationDate"_qs);
    s.primaryKey = p.string(u"primaryKey"_qs);
    s.secondaryKey = p.string(u"secondaryKey"_qs);
    s.otherProperties = p.unread();
    top.absorb(p);
    if (!top.ok())
        return top.error();
    return s;
}

QJsonObject Subscription::toJson(JsonShape shape) const
{
    const bool response = shape == JsonShape::Response;
    QJsonObject p;
    p.insert(u"scope"_qs, scope);
    putString(p, u"displayName"_qs, displayName);
    putString(p, u"ownerId"_qs, ownerId);
    putString(p, u"state"_qs, state);
    putString(p, u"stateComment"_qs, stateComment);
    putBool(p, u"allowTracing"_qs, allowTracing);
    putString(p, u"expirationDate"_qs, expirationDate);
    if (response) {
        putString(p, u"createdDate"_qs, createdDate);
        putString(p, u"startDate"_qs, startDate);
        putString(p, u"endDate"_qs, endDate);
        putString(p, u"notificationDate"_qs, notificationDate);
    } else {
        putString(p, u"primaryKey"_qs, primaryKey);
        putString(p, u"secondaryKey"_qs, secondaryKey);
    }
    mergeUnknown(p, otherProperties);
    return wrapEnvelope(response, { id, name }, resourceType, p);
}

} // namespace portico::core
