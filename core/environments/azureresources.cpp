// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// fromJson() of AzureSubscription and ResourceGroup: the two Microsoft.Resources shapes the
// environment picker reads.
#include "core/environments/azuresubscription.h"
#include "core/environments/resourcegroup.h"

#include <optional>

namespace portico::core {

namespace {

// Reads optional string fields and remembers the first one of the wrong type.
class Fields
{
public:
    Fields(const QJsonObject &object, QString path) : m_object(object), m_path(std::move(path)) { }

    QString string(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isString()) {
            fail(key, u"must be a string"_qs);
            return {};
        }
        return value.toString();
    }
    QJsonObject object(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isObject()) {
            fail(key, u"must be an object"_qs);
            return {};
        }
        return value.toObject();
    }
    void fail(const QString &key, const QString &problem)
    {
        if (m_error)
            return;
        const QString field = m_path.isEmpty() ? key : m_path + u'.' + key;
        Error error = Error::make(Error::Kind::Protocol,
                                  u"Field '%1' %2."_qs.arg(field, problem));
        error.target = field;
        m_error = std::move(error);
    }
    const std::optional<Error> &error() const { return m_error; }

private:
    QJsonObject m_object;
    QString m_path;
    std::optional<Error> m_error;
};

bool isPathSegment(const QString &value)
{
    if (value.isEmpty() || value.size() > 256)
        return false;
    for (const QChar c : value) {
        if (c == u'/' || c == u'?' || c == u'#' || c == u'%' || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

} // namespace

Result<AzureSubscription> AzureSubscription::fromJson(const QJsonObject &json, const QString &path)
{
    Fields f(json, path);
    AzureSubscription s;
    s.id = f.string(u"id"_qs);
    s.subscriptionId = f.string(u"subscriptionId"_qs);
    s.tenantId = f.string(u"tenantId"_qs);
    s.displayName = f.string(u"displayName"_qs);
    s.state = f.string(u"state"_qs);
    if (!f.error() && !isPathSegment(s.subscriptionId))
        f.fail(u"subscriptionId"_qs, u"must be a non-empty id without '/', '?', '#' or '%'"_qs);
    if (f.error())
        return *f.error();
    if (s.id.isEmpty())
        s.id = u"/subscriptions/"_qs + s.subscriptionId;
    if (s.displayName.isEmpty())
        s.displayName = s.subscriptionId;
    return s;
}

Result<ResourceGroup> ResourceGroup::fromJson(const QJsonObject &json, const QString &path)
{
    Fields f(json, path);
    ResourceGroup g;
    g.id = f.string(u"id"_qs);
    g.name = f.string(u"name"_qs);
    g.location = f.string(u"location"_qs);
    const QJsonObject properties = f.object(u"properties"_qs);
    const QJsonObject tags = f.object(u"tags"_qs);
    if (!f.error()) {
        Fields p(properties, path.isEmpty() ? u"properties"_qs : path + u".properties"_qs);
        g.provisioningState = p.string(u"provisioningState"_qs);
        if (p.error())
            return *p.error();
    }
    for (auto it = tags.begin(); it != tags.end() && !f.error(); ++it) {
        if (!it.value().isString())
            f.fail(u"tags."_qs + it.key(), u"must be a string"_qs);
        else
            g.tags.insert(it.key(), it.value().toString());
    }
    if (!f.error() && !isPathSegment(g.name))
        f.fail(u"name"_qs, u"must be a non-empty name without '/', '?', '#' or '%'"_qs);
    if (f.error())
        return *f.error();
    return g;
}

} // namespace portico::core
