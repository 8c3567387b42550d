// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/arm/subscriptionkeys.h"

namespace portico::core {

namespace {

Error malformed(const QString &path, const QString &field)
{
    const QString where = path.isEmpty() ? field : path + u'.' + field;
    Error error = Error::make(Error::Kind::Protocol,
        u"The reply has no string \"%1\"."_qs.arg(where), u"MalformedReply"_qs);
    error.target = where;
    return error;
}

} // namespace

Result<SubscriptionKeys> SubscriptionKeys::fromJson(const QJsonObject &json, const QString &path)
{
    SubscriptionKeys keys;
    const QJsonValue primary = json.value(u"primaryKey"_qs);
    const QJsonValue secondary = json.value(u"secondaryKey"_qs);
    if (!primary.isString() || primary.toString().isEmpty())
        return malformed(path, u"primaryKey"_qs);
    if (!secondary.isString() || secondary.toString().isEmpty())
        return malformed(path, u"secondaryKey"_qs);
    keys.primaryKey = primary.toString();
    keys.secondaryKey = secondary.toString();
    return keys;
}

} // namespace portico::core
