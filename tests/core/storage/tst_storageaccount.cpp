// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// Azure Storage connection strings: cloud, emulator, the UseDevelopmentStorage shortcut,
// explicit endpoints, SAS, and clear refusals that never repeat the key.

#include "core/storage/storageaccount.h"

#include <QTest>

using portico::core::Error;
using portico::core::StorageAccount;

namespace {
const QString devKey = StorageAccount::developmentAccountKey.toString();
}

class tst_StorageAccount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesConnectionStrings_data();
    void parsesConnectionStrings();
    void refusesBadConnectionStrings_data();
    void refusesBadConnectionStrings();
    void blobUrlsEncodeEachSegment();
};

void tst_StorageAccount::parsesConnectionStrings_data()
{
    QTest::addColumn<QString>("connectionString");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<bool>("hasKey");
    QTest::addColumn<QString>("sas");

    QTest::newRow("cloud") << u"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=%1;EndpointSuffix=core.windows.net"_qs.arg(devKey)
                           << u"acct"_qs << u"https://acct.blob.core.windows.net"_qs << true << QString();
    QTest::newRow("cloud, defaults") << u"AccountName=acct;AccountKey=%1"_qs.arg(devKey) << u"acct"_qs
                                     << u"https://acct.blob.core.windows.net"_qs << true << QString();
    QTest::newRow("sovereign suffix, http") << u"DefaultEndpointsProtocol=http;AccountName=acct;AccountKey=%1;EndpointSuffix=core.chinacloudapi.cn"_qs.arg(devKey)
                                            << u"acct"_qs << u"http://acct.blob.core.chinacloudapi.cn"_qs << true << QString();
    QTest::newRow("UseDevelopmentStorage") << u"UseDevelopmentStorage=true"_qs << u"devstoreaccount1"_qs
                                           << u"http://127.0.0.1:10000/devstoreaccount1"_qs << true << QString();
    QTest::newRow("UseDevelopmentStorage, odd case and trailing ;") << u"usedevelopmentstorage=True;"_qs
                                                                   << u"devstoreaccount1"_qs
                                                                   << u"http://127.0.0.1:10000/devstoreaccount1"_qs << true << QString();
    QTest::newRow("full emulator string")
        << u"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%1;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;"_qs.arg(devKey)
        << u"devstoreaccount1"_qs << u"http://127.0.0.1:10000/devstoreaccount1"_qs << true << QString();
    QTest::newRow("explicit endpoint with trailing slash")
        << u"AccountName=devstoreaccount1;AccountKey=%1;BlobEndpoint=http://127.0.0.1:41234/devstoreaccount1/"_qs.arg(devKey)
        << u"devstoreaccount1"_qs << u"http://127.0.0.1:41234/devstoreaccount1"_qs << true << QString();
    QTest::newRow("spaces around pairs") << u" AccountName = acct ; AccountKey = %1 "_qs.arg(devKey) << u"acct"_qs
                                         << u"https://acct.blob.core.windows.net"_qs << true << QString();
    QTest::newRow("SAS with endpoint")
        << u"BlobEndpoint=https://acct.blob.core.windows.net;SharedAccessSignature=sv=2020-12-06&ss=b&sig=abc%3D"_qs
        << QString() << u"https://acct.blob.core.windows.net"_qs << false << u"sv=2020-12-06&ss=b&sig=abc%3D"_qs;
}

void tst_StorageAccount::parsesConnectionStrings()
{
    QFETCH(QString, connectionString);
    QFETCH(QString, name);
    QFETCH(QString, endpoint);
    QFETCH(bool, hasKey);
    QFETCH(QString, sas);
    const auto account = StorageAccount::fromConnectionString(connectionString);
    QVERIFY2(account.ok(), qPrintable(account ? QString() : account.error().message));
    QCOMPARE(account->name, name);
    QCOMPARE(account->blobEndpoint.toString(), endpoint);
    QCOMPARE(!account->key.isEmpty(), hasKey);
    if (hasKey) // the key with its "==" intact
        QCOMPARE(account->key, QByteArray::fromBase64(devKey.toLatin1()));
    QCOMPARE(account->sasToken, sas);
}

void tst_StorageAccount::refusesBadConnectionStrings_data()
{
    QTest::addColumn<QString>("connectionString");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << u"the connection string is empty"_qs;
    QTest::newRow("no key") << u"AccountName=acct"_qs << u"AccountKey or SharedAccessSignature is missing"_qs;
    QTest::newRow("no name") << u"AccountKey=%1"_qs.arg(devKey) << u"AccountName is missing"_qs;
    QTest::newRow("key not base64") << u"AccountName=acct;AccountKey=not*base64!"_qs
                                    << u"AccountKey is not valid base64"_qs;
    QTest::newRow("not a pair") << u"AccountName=acct;garbage"_qs
                                << u"part 2 of the connection string is not a name=value pair"_qs;
    QTest::newRow("a key without its name is not echoed")
        << u"AccountName=acct;%1"_qs.arg(devKey.left(40)) // a key cut short before its "=="
        << u"part 2 of the connection string is not a name=value pair"_qs;
    QTest::newRow("protocol") << u"DefaultEndpointsProtocol=ftp;AccountName=acct;AccountKey=%1"_qs.arg(devKey)
                              << u"DefaultEndpointsProtocol must be http or https"_qs;
    QTest::newRow("endpoint") << u"AccountName=acct;AccountKey=%1;BlobEndpoint=ftp://x"_qs.arg(devKey)
                              << u"BlobEndpoint is not an http or https URL"_qs;
    QTest::newRow("UseDevelopmentStorage=false") << u"UseDevelopmentStorage=false"_qs
                                                 << u"UseDevelopmentStorage must be 'true'"_qs;
}

void tst_StorageAccount::refusesBadConnectionStrings()
{
    QFETCH(QString, connectionString);
    QFETCH(QString, message);
    const auto account = StorageAccount::fromConnectionString(connectionString);
    QVERIFY(!account.ok());
    QCOMPARE(account.error().kind, Error::Kind::InvalidInput);
    QCOMPARE(account.error().message, message);
    QVERIFY(!account.error().toString().contains(devKey.left(12)));
}

void tst_StorageAccount::blobUrlsEncodeEachSegment()
{
    const StorageAccount account = StorageAccount::developmentStorage();
    QCOMPARE(account.blobUrl(u"data"_qs, u"in/my file #1.csv"_qs).toString(QUrl::FullyEncoded),
             u"http://127.0.0.1:10000/devstoreaccount1/data/in/my%20file%20%231.csv"_qs);
    QCOMPARE(account.containerUrl(u"data"_qs).toString(), u"http://127.0.0.1:10000/devstoreaccount1/data"_qs);
}

QTEST_GUILESS_MAIN(tst_StorageAccount)
#include "tst_storageaccount.moc"
