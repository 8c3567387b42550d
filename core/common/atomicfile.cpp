// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/common/atomicfile.h"

#include <QSaveFile>

namespace portico::core {

Result<void> writeFileAtomically(const QString &path, const QByteArray &content,
                                 QFileDevice::Permissions permissions)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(Error::Kind::Storage, file.errorString());
    if (!file.setPermissions(permissions))
        return Error::make(Error::Kind::Storage, file.errorString());
    if (file.write(content) != content.size())
        return Error::make(Error::Kind::Storage, file.errorString());
    if (!file.commit())
        return Error::make(Error::Kind::Storage, file.errorString());
    return {};
}

} // namespace portico::core
