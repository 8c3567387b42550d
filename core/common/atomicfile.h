// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QFileDevice>
#include <QString>

namespace portico::core {

// Writes a whole file so that readers see either the old content or the new one, never a
// torn file (QSaveFile: temp file, fsync, rename). `permissions` applies before the rename,
// so a secret-bearing file is never readable by others, not even for a moment.
[[nodiscard]] Result<void> writeFileAtomically(const QString &path, const QByteArray &content,
                                               QFileDevice::Permissions permissions =
                                                   QFileDevice::ReadOwner | QFileDevice::WriteOwner);

} // namespace portico::core
