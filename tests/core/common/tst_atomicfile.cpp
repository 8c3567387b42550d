// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// writeFileAtomically(): a reader sees the old file or the new one, never a torn one, also when
// the disk fills up while the new one is written.

#include "core/common/atomicfile.h"
#include "tests/support/tempdir.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace portico;

class tst_AtomicFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replacesTheFileWhole();
    void fullDiskKeepsTheOldFile_data();
    void fullDiskKeepsTheOldFile();
};

static QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
}

void tst_AtomicFile::replacesTheFileWhole()
{
    test::TempDir dir;
    const QString path = dir.filePath(u"state.json"_qs);
    QVERIFY(core::writeFileAtomically(path, "old").ok());
    QVERIFY(core::writeFileAtomically(path, "new content").ok());
    QCOMPARE(contentOf(path), QByteArray("new content"));
    QCOMPARE(QFile(path).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
}

void tst_AtomicFile::fullDiskKeepsTheOldFile_data()
{
    // Smaller than QSaveFile's 16 KiB write buffer (which hid the failure), and larger.
    QTest::addColumn<int>("size");
    QTest::newRow("2 KiB") << 2048;
    QTest::newRow("15 KiB") << 15 * 1024;
    QTest::newRow("1 MiB") << 1024 * 1024;
}

void tst_AtomicFile::fullDiskKeepsTheOldFile()
{
    QFETCH(int, size);
    test::TempDir dir;
    const QString path = dir.filePath(u"state.json"_qs);
    QVERIFY(core::writeFileAtomically(path, "the old state").ok());

    // Files may not grow past 1 KiB: writes beyond fail with EFBIG, as on a full disk (and the
    // process is not killed by SIGXFSZ).
    ::signal(SIGXFSZ, SIG_IGN);
    struct rlimit unlimited {};
    QVERIFY(::getrlimit(RLIMIT_FSIZE, &unlimited) == 0);
    auto lift = qScopeGuard([&] { ::setrlimit(RLIMIT_FSIZE, &unlimited); });
    struct rlimit tiny = unlimited;
    tiny.rlim_cur = 1024;
    QVERIFY(::setrlimit(RLIMIT_FSIZE, &tiny) == 0);
    const core::Result<void> written = core::writeFileAtomically(path, QByteArray(size, 'x'));
    ::setrlimit(RLIMIT_FSIZE, &unlimited);
    lift.dismiss();

    QVERIFY(!written.ok());
    QVERIFY2(!written.error().message.isEmpty(), "the failure says why");
    QCOMPARE(contentOf(path), QByteArray("the old state"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { u"state.json"_qs });
}

QTEST_GUILESS_MAIN(tst_AtomicFile)
#include "tst_atomicfile.moc"
