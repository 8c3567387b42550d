// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFileDevice>
#include <QScopeGuard>

#include <sys/stat.h>

namespace portico::test {

// The permission bits of the group and of others: none may be set on what Portico keeps private.
inline constexpr QFileDevice::Permissions groupAndOthers { QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                                           | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                                           | QFileDevice::WriteOther | QFileDevice::ExeOther };

// Runs with the umask most desktops have (022), so that what is created without care is readable
// by others, until the returned guard goes.
[[nodiscard]] inline auto desktopUmask()
{
    const mode_t before = ::umask(022);
    return qScopeGuard([before] { ::umask(before); });
}

} // namespace portico::test
