// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace portico::test {

// A directory that exists for one test and is removed afterwards, with small helpers for
// the files tests write and read there.
class TempDir final
{
public:
    TempDir();

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    bool write(const QString &name, const QByteArray &content) const;
    QByteArray read(const QString &name) const;
    // Every file below the directory, concatenated; for "no secret anywhere" checks.
    QByteArray readAllFiles() const;

private:
    QTemporaryDir m_dir;
};

} // namespace portico::test
