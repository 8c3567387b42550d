// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/arm/namedvaluesecret.h"

namespace portico::core {

Result<NamedValueSecret> NamedValueSecret::fromJson(const QJsonObject &json, const QString &path)
{
    const QJsonValue value = json.value(u"value"_qs);
    if (!value.isString()) {
        const QString where = path.isEmpty() ? u"value"_qs : path + u".value"_qs;
        Error error = Error::make(Error::Kind::Protocol,
            u"The reply has no string \"%1\"."_qs.arg(where), u"MalformedReply"_qs);
        error.target = where;
        return error;
    }
    return NamedValueSecret { value.toString() };
}

} // namespace portico::core
