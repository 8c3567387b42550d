// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/environment.h"

#include "core/model/jsonfields.h"

namespace portico::core {

using namespace jsonfields;

Result<Environment> Environment::fromJson(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    Environment e;
    e.id = r.string(u"id"_qs, Reader::Need::Required);
    const QString kind = r.string(u"kind"_qs, Reader::Need::Required);
    e.displayName = r.string(u"displayName"_qs);
    const QString url = r.string(u"managementUrl"_qs, Reader::Need::Required);
    e.tenantId = r.string(u"tenantId"_qs);
    e.subscriptionId = r.string(u"subscriptionId"_qs);
    const QString localMode = r.string(u"localMode"_qs);
    const QString signIn = r.string(u"signIn"_qs);
    e.clientId = r.string(u"clientId"_qs);
    if (!r.ok())
        return r.error();

    if (e.id.isEmpty() || e.id.contains(u'/'))
        return fieldError(r.fieldPath(u"id"_qs), u"must be non-empty and contain no '/'"_qs);
    if (kind == u"local") {
        e.kind = Kind::Local;
    } else if (kind == u"azure") {
        e.kind = Kind::Azure;
    } else {
        return fieldError(r.fieldPath(u"kind"_qs), u"must be \"local\" or \"azure\""_qs);
    }
    if (localMode.isEmpty() || localMode == u"supervised") {
        e.localMode = LocalMode::Supervised;
    } else if (localMode == u"attached") {
        e.localMode = LocalMode::Attached;
    } else {
        return fieldError(r.fieldPath(u"localMode"_qs), u"must be \"supervised\" or \"attached\""_qs);
    }
    if (signIn.isEmpty() || signIn == u"deviceCode") {
        e.signIn = SignIn::DeviceCode;
    } else if (signIn == u"azureCli") {
        e.signIn = SignIn::AzureCli;
    } else {
        return fieldError(r.fieldPath(u"signIn"_qs), u"must be \"deviceCode\" or \"azureCli\""_qs);
    }
    e.managementUrl = QUrl(url, QUrl::StrictMode);
    if (!e.managementUrl.isValid() || e.managementUrl.host().isEmpty()
        || (e.managementUrl.scheme() != u"https" && e.managementUrl.scheme() != u"http"))
        return fieldError(r.fieldPath(u"managementUrl"_qs), u"must be an absolute http(s) URL"_qs);
    if (e.kind == Kind::Azure) {
        if (e.tenantId.isEmpty())
            return fieldError(r.fieldPath(u"tenantId"_qs), u"is required for an Azure environment"_qs);
        if (e.subscriptionId.isEmpty())
            return fieldError(r.fieldPath(u"subscriptionId"_qs),
                              u"is required for an Azure environment"_qs);
    }
    return e;
}

QJsonObject Environment::toJson() const
{
    QJsonObject o;
    o.insert(u"id"_qs, id);
    o.insert(u"kind"_qs, kind == Kind::Azure ? u"azure"_qs : u"local"_qs);
    putString(o, u"displayName"_qs, displayName);
    o.insert(u"managementUrl"_qs, managementUrl.toString());
    if (kind == Kind::Local)
        o.insert(u"localMode"_qs, localMode == LocalMode::Attached ? u"attached"_qs : u"supervised"_qs);
    if (kind == Kind::Azure) {
        o.insert(u"tenantId"_qs, tenantId);
        o.insert(u"subscriptionId"_qs, subscriptionId);
        o.insert(u"signIn"_qs, signIn == SignIn::AzureCli ? u"azureCli"_qs : u"deviceCode"_qs);
        putString(o, u"clientId"_qs, clientId);
    }
    return o;
}

} // namespace portico::core
