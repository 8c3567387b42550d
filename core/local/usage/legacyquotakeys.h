// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/gateway/gatewayconfig.h"

#include <QStringList>

#include <optional>

namespace portico::local {

// Quota counters are persisted under "quota|<scope>|<subscription>" and
// "quotakey|<scope>|<counter-key>". Before each service got its own counters, <scope> did not
// name the service: "product:<id>", "api:<id>", "operation:<api>/<op>" (and, before the gateway
// served the management store, "global"); now it is "product:<service>/<id>",
// "api:<service>/<id>", "operation:<service>/<api>/<op>" and "global:<service>".
//
// Returns std::nullopt when `storedKey` is not in an old format. Otherwise the keys the gateway
// counts that quota under now: one per service of `config` that has the scope (and, for
// "quota|", the subscription), spelt as the configuration spells the ids. When several services
// match, the old counter was shared by all of them, and each keeps it: none of them gets a fresh
// quota from an upgrade. Empty when nothing in `config` matches.
std::optional<QStringList> currentQuotaCounterKeys(const QString &storedKey,
                                                   const GatewayConfig &config);

} // namespace portico::local
