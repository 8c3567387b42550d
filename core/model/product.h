// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/jsonshape.h"

#include <QJsonObject>

#include <optional>

namespace portico::core {

// A product (Microsoft.ApiManagement/service/products, §3.4). Unset optionals stay unset; the
// service's defaults (subscriptionRequired true, approvalRequired false, state notPublished)
// are available through the effective*() accessors and are not written back implicitly.
struct Product
{
    static constexpr QLatin1StringView resourceType { "Microsoft.ApiManagement/service/products" };
    static constexpr QLatin1StringView statePublished { "published" };
    static constexpr QLatin1StringView stateNotPublished { "notPublished" };

    QString id;   // RO
    QString name; // RO productId

    QString displayName; // REQ
    QString description;
    QString terms;
    std::optional<bool> subscriptionRequired;
    std::optional<bool> approvalRequired;
    std::optional<qint64> subscriptionsLimit; // unset: unlimited
    QString state;                            // notPublished | published
    QJsonObject otherProperties;

    bool effectiveSubscriptionRequired() const { return subscriptionRequired.value_or(true); }
    bool isPublished() const { return state == statePublished; }

    [[nodiscard]] static Result<Product> fromJson(const QJsonObject &json, const QString &path = {});
    QJsonObject toJson(JsonShape shape = JsonShape::Response) const;

    friend bool operator==(const Product &, const Product &) = default;
};

} // namespace portico::core
