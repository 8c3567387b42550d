// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/user.h"

#include "core/model/jsonfields.h"

namespace portico::core {

using namespace jsonfields;

namespace {

struct IdentityReader
{
    User::Identity identity;
    static Result<IdentityReader> fromJson(const QJsonObject &json, const QString &path)
    {
        Reader r(json, path);
        IdentityReader out;
        out.identity.provider = r.string(u"provider"_qs, Reader::Need::Required);
        out.identity.id = r.string(u"id"_qs, Reader::Need::Required);
        if (!r.ok())
            return r.error();
        return out;
    }
};

} // namespace

Result<User> User::fromJson(const QJsonObject &json, const QString &path)
{
    Reader top(json, path);
    const Envelope envelope = readEnvelope(top);
    Reader p(top.object(u"properties"_qs, Reader::Need::Required), top.fieldPath(u"properties"_qs));
    User u;
    u.id = envelope.id;
    u.name = envelope.name;
    u.email = p.string(u"email"_qs, Reader::Need::Required);
    u.firstName = p.string(u"firstName"_qs, Reader::Need::Required);
    u.lastName = p.string(u"lastName"_qs, Reader::Need::Required);
    u.state = p.string(u"state"_qs);
    u.note = p.string(u"note"_qs);
    for (const IdentityReader &i : p.list<IdentityReader>(u"identities"_qs))
        u.identities.append(i.identity);
    u.appType = p.string(u"appType"_qs);
    u.confirmation = p.string(u"confirmation"_qs);
    u.password = p.string(u"password"_qs);
    u.registrationDate = p.string(u"registrationDate"_qs);
    u.groups = p.array(u"groups"_qs);
    u.otherProperties = p.unread();
    top.absorb(p);
    if (!top.ok())
        return top.error();
    return u;
}

QJsonObject User::toJson(JsonShape shape) const
{
    const bool response = shape == JsonShape::Response;
    QJsonObject p;
    p.insert(u"email"_qs, email);
    p.insert(u"firstName"_qs, firstName);
    p.insert(u"lastName"_qs, lastName);
    putString(p, u"state"_qs, state);
    putString(p, u"note"_qs, note);
    if (!identities.isEmpty() || response) {
        QJsonArray list;
        for (const Identity &i : identities)
            list.append(QJsonObject { { u"provider"_qs, i.provider }, { u"id"_qs, i.id } });
        p.insert(u"identities"_qs, list);
    }
    if (response) {
        putString(p, u"registrationDate"_qs, registrationDate);
        p.insert(u"groups"_qs, groups);
    } else {
        putString(p, u"appType"_qs, appType);
        putString(p, u"confirmation"_qs, confirmation);
        putString(p, u"password"_qs, password);
    }
    mergeUnknown(p, otherProperties);
    return wrapEnvelope(response, { id, name }, resourceType, p);
}

} // namespace portico::core
