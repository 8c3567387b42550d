// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// The shared fixtures themselves: if one of them lies, every test built on it lies too.

#include "tests/support/azuritefixture.h"
#include "tests/support/fakenetworkaccessmanager.h"

#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace portico;

class tst_Fixtures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void azuriteAnswersOnItsPortAndStops();
    void fakeReplyRespondsWithStatusHeadersAndBody();
    void fakeReplyHangsUntilAborted();
    void fakeReplyBreaksOffHalfway();
    void fakeReplyFailsWithTheGivenError();
};

void tst_Fixtures::azuriteAnswersOnItsPortAndStops()
{
    test::AzuriteFixture azurite;
    QVERIFY2(azurite.start(), qPrintable(azurite.errorString()));
    QVERIFY(azurite.port() > 0);
    QVERIFY(azurite.connectionString().contains(azurite.blobEndpoint().toString()));

    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(azurite.blobEndpoint().toString()
                                                        + u"?comp=list"_qs)));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(20000));
    // Anonymous listing is refused by Azure Storage's rules, which Azurite implements: proof
    // that Azurite itself answered, not something else on the port.
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QVERIFY2(status == 403 || status == 401, qPrintable(QString::number(status)));
    QVERIFY(reply->hasRawHeader("x-ms-request-id"));
    reply->deleteLater();

    const QUrl endpoint = azurite.blobEndpoint();
    azurite.stop();
    QNetworkReply *after = nam.get(QNetworkRequest(endpoint));
    QSignalSpy afterFinished(after, &QNetworkReply::finished);
    QVERIFY(afterFinished.wait(10000));
    QCOMPARE(after->error(), QNetworkReply::ConnectionRefusedError);
    after->deleteLater();
}

void tst_Fixtures::fakeReplyRespondsWithStatusHeadersAndBody()
{
    test::FakeNetworkAccessManager nam;
    nam.enqueue({ test::FakeResponse::Behaviour::Respond, 429, "{\"statusCode\":429}",
                  { { "Retry-After", "7" } } });
    QNetworkRequest request(QUrl(u"http://fake.invalid/x"_qs));
    QNetworkReply *reply = nam.post(request, QByteArray("payload"));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(2000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 429);
    QCOMPARE(reply->rawHeader("Retry-After"), QByteArray("7"));
    QCOMPARE(reply->readAll(), QByteArray("{\"statusCode\":429}"));
    QCOMPARE(nam.requests().size(), 1);
    QCOMPARE(nam.requests().constFirst().body, QByteArray("payload"));
    reply->deleteLater();
}

void tst_Fixtures::fakeReplyHangsUntilAborted()
{
    test::FakeNetworkAccessManager nam;
    nam.enqueue({ test::FakeResponse::Behaviour::Hang });
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(u"http://fake.invalid/hang"_qs)));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(!finished.wait(300));
    reply->abort();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
    reply->deleteLater();
}

void tst_Fixtures::fakeReplyBreaksOffHalfway()
{
    test::FakeNetworkAccessManager nam;
    nam.enqueue({ test::FakeResponse::Behaviour::BreakOff, 200, "0123456789" });
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(u"http://fake.invalid/big"_qs)));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(2000));
    QCOMPARE(reply->error(), QNetworkReply::RemoteHostClosedError);
    QCOMPARE(reply->readAll(), QByteArray("01234"));
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toInt(), 10);
    reply->deleteLater();
}

void tst_Fixtures::fakeReplyFailsWithTheGivenError()
{
    test::FakeNetworkAccessManager nam;
    test::FakeResponse refused;
    refused.behaviour = test::FakeResponse::Behaviour::Fail;
    refused.error = QNetworkReply::HostNotFoundError;
    nam.enqueue(refused);
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(u"http://fake.invalid/"_qs)));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(2000));
    QCOMPARE(reply->error(), QNetworkReply::HostNotFoundError);
    QVERIFY(!reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid());
    reply->deleteLater();
}

QTEST_GUILESS_MAIN(tst_Fixtures)
#include "tst_fixtures.moc"
