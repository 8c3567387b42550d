// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QString>

namespace portico::core {

// The reply of POST …/namedValues/{id}/listValue: {"value": "…"} (a secret for secret values).
struct NamedValueSecret
{
    QString value;

    [[nodiscard]] static Result<NamedValueSecret> fromJson(
        const QJsonObject &json, const QString &path = {});
};

} // namespace portico::core
