// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/local/store/storedresource.h"

namespace portico::local {

class ManagementStore;

// What a new API Management service starts with (apim-protocol.md §6.4 and §10.5), written
// inside the transaction that creates the service:
//   - the system groups administrators, developers and guests (builtIn, type system);
//   - the administrator user "1" (the publisher e-mail), member of administrators;
//   - the published products starter (with the Starter rate-limit/quota policy, verbatim) and
//     unlimited, each visible to the three groups;
//   - the all-access subscription "master" owned by the administrator, scope "<service id>/";
//   - the default global policy.
class ServiceSeed final
{
public:
    static const QString &starterPolicy();
    static const QString &defaultGlobalPolicy();

    [[nodiscard]] static core::Result<void> seed(ManagementStore &store,
                                                 const StoredResource &service);

    // Shapes shared with the child routes, so that seeded and created entities look alike.
    static QJsonObject groupProperties(const QString &displayName, const QString &description,
                                       bool builtIn, const QString &type);
    static StoredResource make(const QString &parentId, const QString &segment,
                               const QString &type, const QString &name,
                               const QJsonObject &properties);
};

} // namespace portico::local
