// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/management/servicechildroutes.h"

namespace portico::local {

Collections makeServiceChildCollections(ManagementStore &store, const LocalContext &context,
                                        ArmRouter &router)
{
    Collections collections;
    addApiCollections(collections, store, context, router);
    addAccessCollections(collections, store, context, router);
    addConfigCollections(collections, store, context, router);
    return collections;
}

} // namespace portico::local
