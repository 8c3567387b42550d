// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// What Portico keeps private: a data directory the user linked elsewhere is restricted where it
// really is, and a file in it that is not the user's is left as it is instead of making the
// whole directory fail (the Try It history, the batch jobs).

#include "core/common/privatefiles.h"
#include "tests/support/privatemodes.h"
#include "tests/support/tempdir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <unistd.h>

using namespace portico;

namespace {

const QFileDevice::Permissions readable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
    | QFileDevice::ReadOther; // 0644
const QFileDevice::Permissions enterable =
    readable | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther; // 0755

} // namespace

class tst_PrivateFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linkedDataDirectoryIsRestrictedWhereItIs();
    void fileOfAnotherUserIsLeftAsItIs();
};

// The user keeps the console's data directory elsewhere and links it into place: the directory
// it points to becomes private.
void tst_PrivateFiles::linkedDataDirectoryIsRestrictedWhereItIs()
{
    test::TempDir dir;
    const QString real = dir.filePath(u"elsewhere"_qs);
    QVERIFY(QDir().mkpath(real));
    QVERIFY(QFile::setPermissions(real, enterable));
    const QString link = dir.filePath(u"Portico"_qs);
    QVERIFY(QFile::link(real, link));

    QVERIFY(core::makePrivateDirectory(link).ok());
    QCOMPARE(QFileInfo(real).permissions() & test::groupAndOthers, QFileDevice::Permissions());
    QVERIFY(QFileInfo(real).permissions().testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                    | QFileDevice::ExeOwner));
}

// A file in the data directory that belongs to another user (left by a run as root, say) cannot
// be changed by the user: it is left as it is, and the user's own files are still restricted.
// Making a file another user's needs root; as root, the old code changed it (a user would have
// got EPERM and the whole history unavailable).
void tst_PrivateFiles::fileOfAnotherUserIsLeftAsItIs()
{
    if (::geteuid() != 0)
        QSKIP("Giving a file to another user needs root.");
    test::TempDir dir;
    const QString data = dir.filePath(u"Portico"_qs);
    QVERIFY(QDir().mkpath(data));
    QVERIFY(QFile::setPermissions(data, enterable));
    const QString theirs = QDir(data).filePath(u"theirs.sqlite"_qs);
    const QString mine = QDir(data).filePath(u"mine.sqlite"_qs);
    QVERIFY(dir.write(u"Portico/theirs.sqlite"_qs, "x"));
    QVERIFY(dir.write(u"Portico/mine.sqlite"_qs, "x"));
    QVERIFY(QFile::setPermissions(theirs, readable));
    QVERIFY(QFile::setPermissions(mine, readable));
    QCOMPARE(::chown(QFile::encodeName(theirs).constData(), 65534, 65534), 0); // nobody

    QVERIFY(core::restrictToOwner(theirs).ok());
    QVERIFY(core::preparePrivateDatabase(theirs).ok());
    QVERIFY(core::restrictTreeToOwner(data).ok());
    QCOMPARE(QFileInfo(theirs).permissions() & test::groupAndOthers, readable & test::groupAndOthers);
    QCOMPARE(QFileInfo(mine).permissions() & test::groupAndOthers, QFileDevice::Permissions());
    QCOMPARE(QFileInfo(data).permissions() & test::groupAndOthers, QFileDevice::Permissions());
}

QTEST_GUILESS_MAIN(tst_PrivateFiles)
#include "tst_privatefiles.moc"
