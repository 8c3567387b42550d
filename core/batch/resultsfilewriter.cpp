// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/batch/resultsfilewriter.h"

#include "core/common/privatefiles.h"

#include <QDir>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <unistd.h>
#endif

namespace portico::core {

ResultsFileWriter::ResultsFileWriter(QString path, QObject *parent)
    : QIODevice(parent)
    , m_path(std::move(path))
    , m_file(m_path)
{ }

ResultsFileWriter::~ResultsFileWriter()
{
    discard();
}

Result<void> ResultsFileWriter::create()
{
    // The results are the user's alone (0600 in a 0700 directory), also where an older version
    // left them readable to others.
    if (auto directory = makePrivateDirectory(QFileInfo(m_path).absolutePath()); !directory)
        return directory;
    m_writeError.reset();
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return failure(m_file.errorString());
    if (!m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        const QString why = m_file.errorString();
        discard();
        return failure(why);
    }
    if (!QIODevice::open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        discard();
        return failure(errorString());
    }
    return {};
}

qint64 ResultsFileWriter::readData(char *, qint64)
{
    return -1;
}

qint64 ResultsFileWriter::writeData(const char *data, qint64 size)
{
    if (m_writeError)
        return -1;
    for (qint64 written = 0; written < size;) {
        const qint64 now = m_file.write(data + written, size - written);
        if (now <= 0) {
            m_writeError = failure(m_file.errorString());
            setErrorString(m_writeError->message);
            return -1;
        }
        written += now;
    }
    return size;
}

Result<void> ResultsFileWriter::commit()
{
    if (m_writeError) {
        const Error error = *m_writeError;
        discard();
        return error;
    }
    if (!m_file.isOpen())
        return failure(u"The file is not open."_qs);
#ifdef Q_OS_UNIX
    // On disk before it takes the results' place: QSaveFile::commit() syncs too, but does not
    // report a failure (e.g. an I/O error or a full disk found only at writeback).
    int synced;
    do {
        synced = ::fsync(m_file.handle());
    } while (synced != 0 && errno == EINTR);
    if (synced != 0) {
        const Error error = failure(qt_error_string(errno));
        discard();
        return error;
    }
#endif
    const bool committed = m_file.commit(); // removes the temporary file when it fails
    QIODevice::close();
    if (!committed)
        return failure(m_file.errorString());
    return {};
}

void ResultsFileWriter::discard()
{
    if (m_file.isOpen()) {
        m_file.cancelWriting();
        (void)m_file.commit(); // after cancelWriting(): removes the temporary file, renames nothing
    }
    if (isOpen())
        QIODevice::close();
}

Error ResultsFileWriter::failure(const QString &reason) const
{
    return Error::make(
        Error::Kind::Storage, u"Cannot write the results file %1: %2"_qs.arg(m_path, reason));
}

} // namespace portico::core
