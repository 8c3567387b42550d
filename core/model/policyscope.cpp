// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/policyscope.h"

#include <QStringList>

namespace portico::core {

PolicyScope PolicyScope::product(const QString &productId)
{
    return { Kind::Product, productId, {}, {} };
}

PolicyScope PolicyScope::api(const QString &apiId)
{
    return { Kind::Api, {}, apiId, {} };
}

PolicyScope PolicyScope::operation(const QString &apiId, const QString &operationId)
{
    return { Kind::Operation, {}, apiId, operationId };
}

bool PolicyScope::allows(Kind kind, QStringView element)
{
    if (element == u"quota")
        return kind == Kind::Product;
    if (element == u"rate-limit")
        return kind != Kind::Global;
    return true;
}

PolicyScope PolicyScope::fromResourceId(const QString &id)
{
    const QStringList parts = id.split(u'/', Qt::SkipEmptyParts);
    qsizetype end = parts.size();
    // Drop the trailing "policies/<policyId>" (or a bare trailing "policies").
    if (end >= 2 && parts.at(end - 2).compare(u"policies", Qt::CaseInsensitive) == 0)
        end -= 2;
    else if (end >= 1 && parts.at(end - 1).compare(u"policies", Qt::CaseInsensitive) == 0)
        end -= 1;
    const auto is = [&](qsizetype i, QStringView name) {
        return i >= 0 && i < end && parts.at(i).compare(name, Qt::CaseInsensitive) == 0;
    };
    if (is(end - 4, u"apis") && is(end - 2, u"operations"))
        return operation(parts.at(end - 3), parts.at(end - 1));
    if (is(end - 2, u"apis"))
        return api(parts.at(end - 1));
    if (is(end - 2, u"products"))
        return product(parts.at(end - 1));
    return global();
}

QString PolicyScope::resourcePath() const
{
    switch (kind) {
    case Kind::Global: return u"/policies/policy"_qs;
    case Kind::Product: return u"/products/"_qs + productId + u"/policies/policy"_qs;
    case Kind::Api: return u"/apis/"_qs + apiId + u"/policies/policy"_qs;
    case Kind::Operation:
        return u"/apis/"_qs + apiId + u"/operations/"_qs + operationId + u"/policies/policy"_qs;
    }
    return {};
}

QString PolicyScope::resourceType() const
{
    switch (kind) {
    case Kind::Global: return u"Microsoft.ApiManagement/service/policies"_qs;
    case Kind::Product: return u"Microsoft.ApiManagement/service/products/policies"_qs;
    case Kind::Api: return u"Microsoft.ApiManagement/service/apis/policies"_qs;
    case Kind::Operation: return u"Microsoft.ApiManagement/service/apis/operations/policies"_qs;
    }
    return {};
}

} // namespace portico::core
