// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/store/privatefiles.h"

#include <QDirIterator>
#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace portico::local {

using core::Error;
using core::Result;

namespace {

#ifdef Q_OS_UNIX
Error fileError(const QString &what, const QString &path, int error)
{
    return Error::make(Error::Kind::Storage,
                       u"Cannot %1 %2: %3"_qs.arg(what, path, QString::fromLocal8Bit(std::strerror(error))));
}

// Clears the group and other bits of `path` (not following a symbolic link); a file that is
// gone by now is fine.
Result<void> restrictToOwner(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat info;
    if (::lstat(native.constData(), &info) != 0)
        return errno == ENOENT ? Result<void>() : Result<void>(fileError(u"inspect"_qs, path, errno));
    if (S_ISLNK(info.st_mode) || (info.st_mode & 077) == 0)
        return {};
    if (::chmod(native.constData(), info.st_mode & 07700) != 0 && errno != ENOENT)
        return fileError(u"restrict the permissions of"_qs, path, errno);
    return {};
}
#endif

} // namespace

Result<void> restrictTreeToOwner(const QString &directory)
{
#ifdef Q_OS_UNIX
    if (auto restricted = restrictToOwner(directory); !restricted)
        return restricted;
    QDirIterator entries(directory, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                         QDirIterator::Subdirectories);
    while (entries.hasNext()) {
        if (auto restricted = restrictToOwner(entries.next()); !restricted)
            return restricted;
    }
#else
    Q_UNUSED(directory);
#endif
    return {};
}

Result<void> preparePrivateDatabase(const QString &path)
{
#ifdef Q_OS_UNIX
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return fileError(u"create"_qs, path, errno);
    ::close(fd);
    for (const char *suffix : { "", "-wal", "-shm", "-journal" }) {
        if (auto restricted = restrictToOwner(path + QLatin1StringView(suffix)); !restricted)
            return restricted;
    }
#else
    Q_UNUSED(path);
#endif
    return {};
}

} // namespace portico::local
