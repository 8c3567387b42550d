// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/management/resourcecollection.h"

#include <memory>
#include <vector>

namespace portico::local {

using Collections = std::vector<std::unique_ptr<ResourceCollection>>;

// Builds the collections below a service and registers their routes, links and actions on
// `router`:
//   - apiroutes.cpp: APIs, operations, policies at global, product, API and operation scope;
//   - accessroutes.cpp: products, groups, users, subscriptions and their links and actions;
//   - configroutes.cpp: named values and backends.
Collections makeServiceChildCollections(ManagementStore &store, const LocalContext &context,
                                        ArmRouter &router);

void addApiCollections(Collections &out, ManagementStore &store, const LocalContext &context,
                       ArmRouter &router);
void addAccessCollections(Collections &out, ManagementStore &store, const LocalContext &context,
                          ArmRouter &router);
void addConfigCollections(Collections &out, ManagementStore &store, const LocalContext &context,
                          ArmRouter &router);

} // namespace portico::local
