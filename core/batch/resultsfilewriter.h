// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QIODevice>
#include <QSaveFile>

#include <optional>

namespace portico::core {

// The device a batch job's results are downloaded into. The results file is replaced only once
// the whole download is on disk, and a failure says which file and the system's reason (a full
// disk, a file size limit, an I/O error). A plain QSaveFile is not enough: its write buffer
// hides a full disk until commit(), which neither checks that last flush nor the sync. Here
// every write goes straight to the file and is checked (a short write is retried for the rest,
// which then fails with the reason), and commit() syncs and checks before the rename. After any
// failure, discard() or the destructor, no partial file is left and an earlier file at path()
// is as it was.
class ResultsFileWriter final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsFileWriter)

public:
    explicit ResultsFileWriter(QString path, QObject *parent = nullptr);
    // Discards what was not committed.
    ~ResultsFileWriter() override;

    QString path() const { return m_path; }
    // Creates the directory and a temporary file next to path(), and opens this device for
    // writing.
    [[nodiscard]] Result<void> create();
    // The first write that failed (Error::Kind::Storage, naming the file and the reason).
    const std::optional<Error> &writeError() const { return m_writeError; }
    // Puts what was written in place of path(). Fails (and discards) after a failed write.
    [[nodiscard]] Result<void> commit();
    // Removes the temporary file and closes; path() stays as it was.
    void discard();

    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    Error failure(const QString &reason) const;

    QString m_path;
    QSaveFile m_file;
    std::optional<Error> m_writeError;
};

} // namespace portico::core
