// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/management/resourcecollection.h"

#include <memory>
#include <vector>

namespace portico::local {

// Builds the collections below a service (APIs, operations, products, groups, users,
// subscriptions, named values, backends, policies) and registers their routes, links and
// actions on `router`.
std::vector<std::unique_ptr<ResourceCollection>>
makeServiceChildCollections(ManagementStore &store, const LocalContext &context, ArmRouter &router);

} // namespace portico::local
