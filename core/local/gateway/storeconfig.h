// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/gateway/gatewayconfig.h"

#include <QList>

namespace portico::local {

struct ServiceConfig;

// Turns the management store's per-service snapshots into what the gateway routes on. Every
// service of the instance shares the one gateway listener; ids become resource names and
// cross references (scopes, owners, product APIs) are resolved within their service.
[[nodiscard]] GatewayConfig gatewayConfigFrom(const QList<ServiceConfig> &services);

} // namespace portico::local
