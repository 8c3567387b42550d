// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/common/atomicfile.h"

#include <QSaveFile>

namespace portico::core {

Result<void> writeFileAtomically(const QString &path, const QByteArray &content,
                                 QFileDevice::Permissions permissions)
{
    QSaveFile file(path);
    // Unbuffered: Qt 6.4's QSaveFile::commit() does not see a failure of the buffer's last flush
    // (a full disk) and puts the torn file in place. Unbuffered, write() meets it and commit()
    // then keeps the old file.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
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
