// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// What portico-local keeps in its data dir, against the real executable: the dir holds every
// subscription key and secret named value, so nothing in it may be readable by other users.

#include "tests/local/management/armtestclient.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/tempdir.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace portico;
using test::ArmTestClient;

class tst_LocalServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dataDirIsOwnerOnly();

private:
    // "<path> <mode>" for the dir and every entry below it that others may access.
    static QStringList openToOthers(const QString &dir, QStringList *names = nullptr);
    static void storeSecrets(ArmTestClient &arm);
};

QStringList tst_LocalServer::openToOthers(const QString &dir, QStringList *names)
{
    QStringList loose;
#ifdef Q_OS_UNIX
    auto check = [&loose](const QString &path) {
        struct stat info;
        if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
            return; // a -journal or -shm that went away meanwhile
        if (!S_ISLNK(info.st_mode) && (info.st_mode & 077) != 0)
            loose.append(u"%1 %2"_qs.arg(path).arg(info.st_mode & 0777, 3, 8, QLatin1Char('0')));
    };
    check(dir);
    QDirIterator entries(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                         QDirIterator::Subdirectories);
    while (entries.hasNext()) {
        const QString path = entries.next();
        if (names)
            names->append(entries.fileName());
        check(path);
    }
#else
    Q_UNUSED(dir);
    Q_UNUSED(names);
#endif
    return loose;
}

void tst_LocalServer::storeSecrets(ArmTestClient &arm)
{
    const QString svc = ArmTestClient::servicePath(u"private-svc"_qs);
    const auto subscription = arm.put(
        svc + u"/subscriptions/private"_qs,
        QJsonObject { { u"properties"_qs,
                        QJsonObject { { u"displayName"_qs, u"Private"_qs },
                                      { u"scope"_qs, u"/products/starter"_qs },
                                      { u"state"_qs, u"active"_qs } } } });
    QVERIFY2(subscription.status == 201 || subscription.status == 200, subscription.body.constData());
    const auto secret = arm.put(
        svc + u"/namedValues/ml-key"_qs,
        QJsonObject { { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"ml-key"_qs },
                                                        { u"value"_qs, u"s3cret-value"_qs },
                                                        { u"secret"_qs, true } } } });
    QVERIFY2(secret.status == 201 || secret.status == 200, secret.body.constData());
}

void tst_LocalServer::dataDirIsOwnerOnly()
{
#ifndef Q_OS_UNIX
    QSKIP("Owner-only permissions are checked as Unix modes.");
#endif
    qputenv("PORTICO_LOCAL_LRO_DELAY_MS", "50");
    test::TempDir parent;
    const QString dataDir = parent.filePath(u"portico-data"_qs); // created by portico-local
    {
        test::PorticoLocalFixture local;
        QVERIFY2(local.start({}, dataDir), qPrintable(local.errorString()));
        ArmTestClient arm(local.managementUrl(), local.token());
        QString failure;
        QVERIFY2(arm.createService(u"private-svc"_qs, &failure), qPrintable(failure));
        storeSecrets(arm);
        if (QTest::currentTestFailed())
            return;

        // While it runs: the databases with their write-ahead logs, the token and key files,
        // the gateway's certificate and key, the lock file.
        QStringList names;
        const QStringList loose = openToOthers(dataDir, &names);
        for (const char *expected : { "management.db", "management.db-wal", "management.db-shm",
                                      "gateway.sqlite", "ml.db", "management-token", "ml-key",
                                      "gateway-key.pem" })
            QVERIFY2(names.contains(QLatin1StringView(expected)), expected);
        QVERIFY2(loose.isEmpty(), qPrintable(loose.join(u", "_qs)));
        local.kill(); // leaves the -wal and -shm files behind, as a crash does
    }

    // A data dir an older version left open to everybody is closed again on start.
    QVERIFY(QFile::setPermissions(dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                               | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                               | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                               | QFileDevice::ExeOther));
    const QFileDevice::Permissions readableByAll = QFileDevice::ReadOwner | QFileDevice::WriteOwner
        | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    QDirIterator files(dataDir, QDir::Files | QDir::Hidden);
    int loosened = 0;
    while (files.hasNext()) {
        QVERIFY(QFile::setPermissions(files.next(), readableByAll));
        ++loosened;
    }
    QVERIFY(QFile::exists(dataDir + u"/management.db-wal"_qs));
    QVERIFY(loosened >= 8);
    QVERIFY(!openToOthers(dataDir).isEmpty());

    test::PorticoLocalFixture again;
    QVERIFY2(again.start({}, dataDir), qPrintable(again.errorString()));
    ArmTestClient arm(again.managementUrl(), again.token());
    const auto keys = arm.post(ArmTestClient::servicePath(u"private-svc"_qs)
                               + u"/subscriptions/private/listSecrets"_qs);
    QCOMPARE(keys.status, 200); // the same data, still readable by its owner
    QVERIFY(!keys.json[u"primaryKey"_qs].toString().isEmpty());
    const QStringList loose = openToOthers(dataDir);
    QVERIFY2(loose.isEmpty(), qPrintable(loose.join(u", "_qs)));
    QCOMPARE(again.stop(), 0);
}

QTEST_GUILESS_MAIN(tst_LocalServer)
#include "tst_localserver.moc"
