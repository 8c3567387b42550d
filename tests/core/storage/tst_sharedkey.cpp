// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// Shared Key and service SAS strings-to-sign, compared with strings written out by hand from
// the rules in the reference (§1.6), including the emulator's doubled account name.

#include "core/storage/blobsas.h"
#include "core/storage/sharedkey.h"

#include <QTest>

using portico::core::BlobSas;
using portico::core::SharedKey;
using portico::core::StorageAccount;

class tst_SharedKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stringToSign_data();
    void stringToSign();
    void signatureIsBase64HmacSha256();
    void authorizationHeader();
    void sasStringToSign();
    void sasToken();
};

void tst_SharedKey::stringToSign_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("url");
    QTest::addColumn<SharedKey::Headers>("headers");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray date = "Thu, 26 Nov 2026 11:00:00 GMT";
    QTest::newRow("create container on the emulator (account twice, empty length)")
        << QByteArray("PUT") << u"http://127.0.0.1:10000/devstoreaccount1/mycontainer?restype=container"_qs
        << SharedKey::Headers { { "x-ms-date", date }, { "x-ms-version", "2020-12-06" },
                                { "Content-Type", "application/octet-stream" }, { "Content-Length", "0" } }
        << u"devstoreaccount1"_qs
        << QByteArray("PUT\n\n\n\n\napplication/octet-stream\n\n\n\n\n\n\n"
                      "x-ms-date:Thu, 26 Nov 2026 11:00:00 GMT\nx-ms-version:2020-12-06\n"
                      "/devstoreaccount1/devstoreaccount1/mycontainer\nrestype:container");
    QTest::newRow("put block blob in the cloud")
        << QByteArray("PUT") << u"https://myaccount.blob.core.windows.net/mycontainer/dir/my%20blob.csv"_qs
        << SharedKey::Headers { { "x-ms-version", "2020-12-06" }, { "x-ms-blob-type", "BlockBlob" },
                                { "Content-Length", "11" }, { "x-ms-date", date }, { "Content-Type", "text/csv" } }
        << u"myaccount"_qs
        << QByteArray("PUT\n\n\n11\n\ntext/csv\n\n\n\n\n\n\n"
                      "x-ms-blob-type:BlockBlob\nx-ms-date:Thu, 26 Nov 2026 11:00:00 GMT\nx-ms-version:2020-12-06\n"
                      "/myaccount/mycontainer/dir/my%20blob.csv");
    QTest::newRow("ranged get: x-ms-range is a canonical header, not Range")
        << QByteArray("GET") << u"http://127.0.0.1:10000/devstoreaccount1/c/b.csv"_qs
        << SharedKey::Headers { { "x-ms-range", "bytes=0-1023" }, { "x-ms-date", date }, { "x-ms-version", "2020-12-06" } }
        << u"devstoreaccount1"_qs
        << QByteArray("GET\n\n\n\n\n\n\n\n\n\n\n\n"
                      "x-ms-date:Thu, 26 Nov 2026 11:00:00 GMT\nx-ms-range:bytes=0-1023\nx-ms-version:2020-12-06\n"
                      "/devstoreaccount1/devstoreaccount1/c/b.csv");
    QTest::newRow("query sorted by lower-cased name, repeated values sorted and joined")
        << QByteArray("get") << u"https://acct.blob.core.windows.net/c?restype=container&Comp=list&include=snapshots&include=metadata"_qs
        << SharedKey::Headers { { "X-MS-Date", date }, { "x-ms-version", "2020-12-06" } } << u"acct"_qs
        << QByteArray("GET\n\n\n\n\n\n\n\n\n\n\n\n"
                      "x-ms-date:Thu, 26 Nov 2026 11:00:00 GMT\nx-ms-version:2020-12-06\n"
                      "/acct/c\ncomp:list\ninclude:metadata,snapshots\nrestype:container");
    QTest::newRow("put block: block id decoded in the resource")
        << QByteArray("PUT") << u"http://h/devstoreaccount1/c/b?comp=block&blockid=YmxvY2stMDAwMDAwMDA%3D"_qs
        << SharedKey::Headers { { "x-ms-date", date }, { "x-ms-version", "2020-12-06" },
                                { "Content-Type", "application/octet-stream" }, { "Content-Length", "4194304" } }
        << u"devstoreaccount1"_qs
        << QByteArray("PUT\n\n\n4194304\n\napplication/octet-stream\n\n\n\n\n\n\n"
                      "x-ms-date:Thu, 26 Nov 2026 11:00:00 GMT\nx-ms-version:2020-12-06\n"
                      "/devstoreaccount1/devstoreaccount1/c/b\nblockid:YmxvY2stMDAwMDAwMDA=\ncomp:block");
    QTest::newRow("x-ms headers trimmed and unfolded; Date used without x-ms-date; standard headers in place")
        << QByteArray("PUT") << u"https://acct.blob.core.windows.net/c/b"_qs
        << SharedKey::Headers { { "Date", date }, { "x-ms-meta-Note", "  two   words \r\n folded " },
                                { "Content-Encoding", "gzip" }, { "Content-Language", "nl" },
                                { "Content-MD5", "Q2hlY2sgSW50ZWdyaXR5IQ==" }, { "If-Match", "\"0x1\"" },
                                { "Range", "bytes=0-9" }, { "x-ms-version", "2020-12-06" } }
        << u"acct"_qs
        << QByteArray("PUT\ngzip\nnl\n\nQ2hlY2sgSW50ZWdyaXR5IQ==\n\nThu, 26 Nov 2026 11:00:00 GMT\n\n\"0x1\"\n\n\nbytes=0-9\n"
                      "x-ms-meta-note:two words folded\nx-ms-version:2020-12-06\n"
                      "/acct/c/b");
}

void tst_SharedKey::stringToSign()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, url);
    QFETCH(SharedKey::Headers, headers);
    QFETCH(QString, account);
    QFETCH(QByteArray, expected);
    QCOMPARE(SharedKey::stringToSign(verb, QUrl(url, QUrl::StrictMode), headers, account), expected);
}

void tst_SharedKey::signatureIsBase64HmacSha256()
{
    // RFC 4231 test case 2.
    QCOMPARE(SharedKey::signature("Jefe", "what do ya want for nothing?"),
             QByteArray::fromHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843").toBase64());
}

void tst_SharedKey::authorizationHeader()
{
    QCOMPARE(SharedKey::authorization(u"acct"_qs, "Jefe", "what do ya want for nothing?"),
             "SharedKey acct:" + QByteArray::fromHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843").toBase64());
}

void tst_SharedKey::sasStringToSign()
{
    BlobSas::Parameters parameters;
    parameters.start = QDateTime(QDate(2026, 11, 26), QTime(11, 0), Qt::UTC);
    parameters.expiry = QDateTime(QDate(2026, 11, 27), QTime(11, 0, 30), Qt::UTC);
    QCOMPARE(BlobSas::stringToSign(u"devstoreaccount1"_qs, u"results"_qs, u"job/output1.csv"_qs, parameters),
             QByteArray("r\n2026-11-26T11:00:00Z\n2026-11-27T11:00:30Z\n/blob/devstoreaccount1/results/job/output1.csv\n"
                        "\n\nhttps,http\n2020-12-06\nb\n\n\n\n\n\n\n"));
    parameters.start = {};
    parameters.permissions = u"rw"_qs;
    parameters.protocol = u"https"_qs;
    QCOMPARE(BlobSas::stringToSign(u"acct"_qs, u"c"_qs, u"b"_qs, parameters),
             QByteArray("rw\n\n2026-11-27T11:00:30Z\n/blob/acct/c/b\n\n\nhttps\n2020-12-06\nb\n\n\n\n\n\n\n"));
}

void tst_SharedKey::sasToken()
{
    StorageAccount account;
    account.name = u"acct"_qs;
    account.key = "Jefe";
    BlobSas::Parameters parameters;
    parameters.start = QDateTime(QDate(2026, 11, 26), QTime(11, 0), Qt::UTC);
    parameters.expiry = QDateTime(QDate(2026, 11, 27), QTime(11, 0), Qt::UTC);
    const QByteArray sig = SharedKey::signature("Jefe", BlobSas::stringToSign(u"acct"_qs, u"c"_qs, u"b"_qs, parameters));
    QCOMPARE(BlobSas::token(account, u"c"_qs, u"b"_qs, parameters),
             u"?sv=2020-12-06&st=2026-11-26T11%3A00%3A00Z&se=2026-11-27T11%3A00%3A00Z&sr=b&sp=r&spr=https,http&sig="_qs
                 + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(sig))));
}

QTEST_GUILESS_MAIN(tst_SharedKey)
#include "tst_sharedkey.moc"
