// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QString>

namespace portico::core {

// The reply of POST …/subscriptions/{sid}/listSecrets (§2.5, EX C): a flat object without the
// properties envelope. Both keys are secrets: never log them, never store them outside the
// SecretStore, and mask them wherever they are shown.
struct SubscriptionKeys
{
    QString primaryKey;
    QString secondaryKey;

    // Both keys must be non-empty strings; anything else is a Protocol error.
    [[nodiscard]] static Result<SubscriptionKeys> fromJson(
        const QJsonObject &json, const QString &path = {});
};

} // namespace portico::core
