// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/common/privatefiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace portico::core {

namespace {

#ifdef Q_OS_UNIX
Error fileError(const QString &what, const QString &path, int error)
{
    return Error::make(Error::Kind::Storage,
                       u"Cannot %1 %2: %3"_qs.arg(what, path, QString::fromLocal8Bit(std::strerror(error))));
}
#endif

} // namespace

Result<void> restrictToOwner(const QString &path)
{
#ifdef Q_OS_UNIX
    const QByteArray native = QFile::encodeName(path);
    struct stat info;
    if (::lstat(native.constData(), &info) != 0)
        return errno == ENOENT ? Result<void>() : Result<void>(fileError(u"inspect"_qs, path, errno));
    if (S_ISLNK(info.st_mode) || (info.st_mode & 077) == 0)
        return {};
    if (::chmod(native.constData(), info.st_mode & 07700) != 0 && errno != ENOENT)
        return fileError(u"restrict the permissions of"_qs, path, errno);
#else
    Q_UNUSED(path);
#endif
    return {};
}

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

Result<void> makePrivateDirectory(const QString &directory)
{
    const QDir dir(directory);
    if (!dir.exists()) {
        const QString parent = QFileInfo(dir.absolutePath()).absolutePath();
        if (!QDir().mkpath(parent))
            return Error::make(Error::Kind::Storage, u"Cannot create the directory %1."_qs.arg(parent));
        // Private from the start; another process may have made it meanwhile.
        if (!QDir().mkdir(dir.absolutePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)
            && !dir.exists())
            return Error::make(Error::Kind::Storage, u"Cannot create the directory %1."_qs.arg(directory));
    }
#ifdef Q_OS_UNIX
    // Not the user's (e.g. a shared temporary directory): not theirs to change.
    struct stat info;
    if (::stat(QFile::encodeName(dir.absolutePath()).constData(), &info) == 0 && info.st_uid != ::geteuid())
        return {};
#endif
    return restrictToOwner(dir.absolutePath());
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

} // namespace portico::core
