// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/management/servicechildroutes.h"

namespace portico::local {

std::vector<std::unique_ptr<ResourceCollection>>
makeServiceChildCollections(ManagementStore &store, const LocalContext &context, ArmRouter &router)
{
    Q_UNUSED(store);
    Q_UNUSED(context);
    Q_UNUSED(router);
    return {};
}

} // namespace portico::local
