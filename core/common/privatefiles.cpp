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

// A symbolic link given as `path` is followed: its target is restricted when it is the user's
// (a data directory the user linked elsewhere stays private). Below a tree, links are left
// alone (followLinks false): what they point to is not part of the tree.
Result<void> restrictOne(const QString &path, bool followLinks)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat info;
    if ((followLinks ? ::stat(native.constData(), &info) : ::lstat(native.constData(), &info)) != 0)
        return errno == ENOENT ? Result<void>() : Result<void>(fileError(u"inspect"_qs, path, errno));
    // Not the user's (e.g. a shared temporary directory, a file root left there): not theirs to
    // change, and trying would fail with EPERM.
    if (S_ISLNK(info.st_mode) || info.st_uid != ::geteuid() || (info.st_mode & 077) == 0)
        return {};
    if (::chmod(native.constData(), info.st_mode & 07700) != 0 && errno != ENOENT)
        return fileError(u"restrict the permissions of"_qs, path, errno);
    return {};
}
#endif

} // namespace

Result<void> restrictToOwner(const QString &path)
{
#ifdef Q_OS_UNIX
    return restrictOne(path, true);
#else
    Q_UNUSED(path);
    return {};
#endif
}

Result<void> restrictTreeToOwner(const QString &directory)
{
#ifdef Q_OS_UNIX
    if (auto restricted = restrictToOwner(directory); !restricted)
        return restricted;
    QDirIterator entries(directory, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                         QDirIterator::Subdirectories);
    while (entries.hasNext()) {
        if (auto restricted = restrictOne(entries.next(), false); !restricted)
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
    return restrictToOwner(dir.absolutePath());
}

Result<void> preparePrivateFile(const QString &path)
{
#ifdef Q_OS_UNIX
    // An existing file is not opened here (one that is read-only is the caller's to report).
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        return fileError(u"open"_qs, path, errno);
    if (fd >= 0)
        ::close(fd);
#endif
    return restrictToOwner(path);
}

Result<void> preparePrivateDatabase(const QString &path)
{
    if (auto prepared = preparePrivateFile(path); !prepared)
        return prepared;
    for (const char *suffix : { "-wal", "-shm", "-journal" }) {
        if (auto restricted = restrictToOwner(path + QLatin1StringView(suffix)); !restricted)
            return restricted;
    }
    return {};
}

} // namespace portico::core
