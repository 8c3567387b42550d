// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QString>

namespace portico::core {

// What Portico keeps for the user (portico-local's data dir with every subscription key and
// secret named value; the console's Try It history with request bodies and URLs, its batch job
// list and results, its settings) must not be readable by other users of the machine. These
// helpers keep it that way on Unix (elsewhere they do nothing: there the per-user data
// location's ACLs apply). What the user does not own is left as it is (theirs to change only).

// Strips the group and other permission bits from `path` (a file or a directory); fixes what
// older versions, or another umask, left readable. A path that does not exist is fine. A
// symbolic link is followed: its target is restricted if it is the user's.
[[nodiscard]] Result<void> restrictToOwner(const QString &path);

// Strips the group and other permission bits from `directory` itself and from everything below
// it. Symbolic links below it are left alone, and so is what they point to.
[[nodiscard]] Result<void> restrictTreeToOwner(const QString &directory);

// Creates `directory` (and missing parents) so that only the user can enter it (0700), or
// restricts an existing one of the user's to the user; what is inside is left as it is.
[[nodiscard]] Result<void> makePrivateDirectory(const QString &directory);

// Before a file at `path` is written: creates it empty with mode 0600 if it does not exist, and
// restricts it to the user (restrictToOwner) if it does. A writer that replaces the file through
// a temporary file taking the existing file's permissions (QSettings) then keeps it private.
[[nodiscard]] Result<void> preparePrivateFile(const QString &path);

// Before an SQLite database at `path` is opened: preparePrivateFile(), and makes its -wal, -shm
// and -journal companions 0600 if they exist. SQLite
// creates the -wal and -shm files with the database file's own mode, so they stay private too.
[[nodiscard]] Result<void> preparePrivateDatabase(const QString &path);

} // namespace portico::core
