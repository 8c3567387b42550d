// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/api.h"
#include "core/model/operation.h"

#include <QVariantMap>

namespace portico::ui {

// Conversions between core model values and the field maps the publisher editors stage
// (ApiEditor, OperationEditor keys). Pure functions; no protocol knowledge beyond the model.
namespace editorfields {

QVariantMap fromApi(const core::Api &api, const QStringList &productIds);
// Applies the edited fields onto `base` (the last server copy), keeping what the editor does
// not show, so a PUT does not drop unmodelled properties.
core::Api toApi(const QVariantMap &fields, core::Api base = {});

QVariantMap fromOperation(const core::Operation &operation);
core::Operation toOperation(const QVariantMap &fields, core::Operation base = {});

} // namespace editorfields

} // namespace portico::ui
