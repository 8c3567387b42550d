// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Reply converters for ApimCall: ARM bodies to model types. Pure functions; a body that is not
// JSON, or an item that does not match the model type, is a Protocol error naming the field
// ("value[3].properties.path"), never a partial value.

#include "core/arm/armresponse.h"
#include "core/common/result.h"

#include <QJsonObject>
#include <QList>

namespace portico::core::apimparse {

template <typename T>
[[nodiscard]] Result<T> one(const ArmResponse &response)
{
    const Result<QJsonObject> json = response.json();
    if (!json)
        return json.error();
    return T::fromJson(*json);
}

template <typename T>
[[nodiscard]] Result<QList<T>> many(const QList<QJsonObject> &items)
{
    QList<T> values;
    values.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        Result<T> value = T::fromJson(items.at(i), u"value[%1]"_qs.arg(i));
        if (!value)
            return value.error();
        values.append(std::move(value).value());
    }
    return values;
}

[[nodiscard]] inline Result<void> none(const ArmResponse &)
{
    return {};
}

} // namespace portico::core::apimparse
