// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace portico::core {

// Whether `method` on `path` (an ARM path or URL path) is one of the calls apim-protocol.md §4.4
// lists as long-running, which may answer 201/202 with Azure-AsyncOperation or Location: the
// service's PUT, PATCH and DELETE and its backup, restore, migrateToStv2 and
// applynetworkconfigurationupdates POSTs; API PUT and DELETE; named value PUT, PATCH and
// refreshSecret; user DELETE. ArmClient::send() follows these to their end by itself.
[[nodiscard]] bool isLongRunningCall(const QByteArray &method, const QString &path);

} // namespace portico::core
