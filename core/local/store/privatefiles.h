// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QString>

namespace portico::local {

// portico-local's data dir holds every subscription key, every secret named value and its
// bearer token, so nothing in it may be readable by other users of the machine. These helpers
// keep it that way on Unix (elsewhere they do nothing: there the per-user data location's ACLs
// apply).

// Strips the group and other permission bits from `directory` itself and from everything below
// it (symbolic links are not followed); fixes data dirs that older versions, or another umask,
// left readable.
[[nodiscard]] core::Result<void> restrictTreeToOwner(const QString &directory);

// Before an SQLite database at `path` is opened: creates it empty with mode 0600 if it does not
// exist, and makes it and its -wal, -shm and -journal companions 0600 if they do. SQLite
// creates the -wal and -shm files with the database file's own mode, so they stay private too.
[[nodiscard]] core::Result<void> preparePrivateDatabase(const QString &path);

} // namespace portico::local
