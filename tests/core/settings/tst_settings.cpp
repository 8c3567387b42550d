// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/settings/settings.h"
#include "tests/support/privatemodes.h"
#include "tests/support/tempdir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTest>

#include <sys/stat.h>

using namespace portico;
using core::SettingKey;
using core::Settings;

class tst_Settings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valuesRoundTripThroughTheFile();
    void defaultsApplyWhenUnset();
    void secretKeyIsRefusedAndNeverWritten();
    void newFileGetsTheCurrentSchemaVersion();
    void versionOneFileIsMigrated();
    void migrationsRunInOrderFromTheStoredVersion();
    void fileIsPrivateToTheUser_data();
    void fileIsPrivateToTheUser();
};

void tst_Settings::valuesRoundTripThroughTheFile()
{
    test::TempDir dir;
    const QString ini = dir.filePath(u"portico.ini"_qs);
    {
        Settings settings(ini);
        QVERIFY(settings.setValue(core::settingkeys::mode, u"developer"_qs).ok());
        QVERIFY(settings.setValue(core::settingkeys::mainWindowGeometry, QByteArray("\x01\x02geom", 6)).ok());
        QVERIFY(settings.sync().ok());
    }
    Settings reopened(ini);
    QCOMPARE(reopened.value(core::settingkeys::mode), u"developer"_qs);
    QCOMPARE(reopened.value(core::settingkeys::mainWindowGeometry), QByteArray("\x01\x02geom", 6));
}

void tst_Settings::defaultsApplyWhenUnset()
{
    test::TempDir dir;
    Settings settings(dir.filePath(u"portico.ini"_qs));
    QCOMPARE(settings.value(core::settingkeys::mode), u"publisher"_qs);
    const SettingKey<int> timeout { u"network/timeoutSeconds"_qs, 30 };
    QCOMPARE(settings.value(timeout), 30);
}

void tst_Settings::secretKeyIsRefusedAndNeverWritten()
{
    test::TempDir dir;
    const QString ini = dir.filePath(u"portico.ini"_qs);
    const SettingKey<QString> token { u"environments/local/token"_qs, {},
                                      SettingKey<QString>::Sensitivity::Secret };
    {
        Settings settings(ini);
        const auto refused = settings.setValue(token, u"super-secret-token-value"_qs);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, core::Error::Kind::Refused);
        QVERIFY(refused.error().message.contains(u"environments/local/token"_qs));
        QVERIFY(settings.setValue(core::settingkeys::mode, u"developer"_qs).ok());
        QVERIFY(settings.sync().ok());
        QCOMPARE(settings.value(token), QString());
    }
    const QByteArray onDisk = dir.read(u"portico.ini"_qs);
    QVERIFY(onDisk.contains("developer")); // the file was written...
    QVERIFY(!onDisk.contains("super-secret-token-value")); // ...without the secret
    QVERIFY(!onDisk.contains("environments/local/token"));
}

void tst_Settings::newFileGetsTheCurrentSchemaVersion()
{
    test::TempDir dir;
    Settings settings(dir.filePath(u"portico.ini"_qs));
    QCOMPARE(settings.schemaVersion(), Settings::currentSchemaVersion());
}

void tst_Settings::versionOneFileIsMigrated()
{
    test::TempDir dir;
    // Schema 1 had no version key and kept the layout under ui/.
    QVERIFY(dir.write(u"portico.ini"_qs, "[ui]\ngeometry=@ByteArray(old-geometry)\n"));
    Settings settings(dir.filePath(u"portico.ini"_qs));
    QCOMPARE(settings.schemaVersion(), 2);
    QCOMPARE(settings.value(core::settingkeys::mainWindowGeometry), QByteArray("old-geometry"));
    QVERIFY(settings.sync().ok());
    QVERIFY(!dir.read(u"portico.ini"_qs).contains("[ui]"));
}

void tst_Settings::migrationsRunInOrderFromTheStoredVersion()
{
    test::TempDir dir;
    QSettings raw(dir.filePath(u"x.ini"_qs), QSettings::IniFormat);
    raw.setValue(u"schemaVersion"_qs, 2);
    raw.setValue(u"a"_qs, 1);
    QStringList ran;
    const QList<Settings::Migration> migrations {
        { 1, [&ran](QSettings &) { ran << u"1->2"_qs; } },
        { 2, [&ran](QSettings &s) { ran << u"2->3"_qs; s.setValue(u"b"_qs, s.value(u"a"_qs)); } },
        { 3, [&ran](QSettings &) { ran << u"3->4"_qs; } },
    };
    Settings::migrate(raw, migrations, 4);
    QCOMPARE(ran, (QStringList { u"2->3"_qs, u"3->4"_qs }));
    QCOMPARE(raw.value(u"schemaVersion"_qs).toInt(), 4);
    QCOMPARE(raw.value(u"b"_qs).toInt(), 1);
}

void tst_Settings::fileIsPrivateToTheUser_data()
{
    QTest::addColumn<bool>("older");
    QTest::newRow("new file") << false;
    QTest::newRow("file an older version left readable") << true;
}

// The settings (environments, last service, trusted certificates) are the user's alone: the
// file is 0600 in a 0700 directory once written, also one an older version left readable.
void tst_Settings::fileIsPrivateToTheUser()
{
    QFETCH(bool, older);
    const auto umaskGuard = test::desktopUmask();
    test::TempDir dir;
    const QString config = dir.filePath(u"Portico"_qs);
    QVERIFY(QDir().mkpath(config)); // 0755
    const QString ini = QDir(config).filePath(u"portico.ini"_qs);
    if (older) {
        QVERIFY(dir.write(u"Portico/portico.ini"_qs, "[General]\nschemaVersion=2\n"));
        QVERIFY(QFile::setPermissions(ini, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                               | QFileDevice::ReadOther));
    }
    {
        Settings settings(ini);
        QVERIFY(settings.setValue(core::settingkeys::mode, u"developer"_qs).ok());
        QVERIFY(settings.sync().ok());
    }
    QCOMPARE(QFileInfo(config).permissions() & test::groupAndOthers, QFileDevice::Permissions());
    QCOMPARE(QFileInfo(ini).permissions() & test::groupAndOthers, QFileDevice::Permissions());
    QVERIFY(QFileInfo(ini).permissions().testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QCOMPARE(Settings(ini).value(core::settingkeys::mode), u"developer"_qs);
}

QTEST_GUILESS_MAIN(tst_Settings)
#include "tst_settings.moc"
