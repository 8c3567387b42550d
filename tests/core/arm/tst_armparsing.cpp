// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/arm/armparsing.h"

#include <QTest>

using namespace portico;
using core::Error;

class tst_ArmParsing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorEnvelopeBecomesError_data();
    void errorEnvelopeBecomesError();
    void hostileErrorBodiesStillGiveAnError_data();
    void hostileErrorBodiesStillGiveAnError();
    void unreadableBodiesShowNoSecrets_data();
    void unreadableBodiesShowNoSecrets();
    void retryAfter_data();
    void retryAfter();
    void page_data();
    void page();
    void operationStatus_data();
    void operationStatus();
};

void tst_ArmParsing::errorEnvelopeBecomesError_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("detailTarget");
    QTest::addColumn<QString>("detailMessage");

    QTest::newRow("validation error with details")
        << 400
        << QByteArray(R"({"error":{"code":"ValidationError","message":"One or more fields contain incorrect values:","details":[{"code":"ValidationError","target":"path","message":"Cannot create API 'a' with the same Path 'echo' as API 'echo-api'  unless it's a part of the same version set"}]}})")
        << int(Error::Kind::Http) << u"ValidationError"_qs
        << u"One or more fields contain incorrect values:"_qs << u"path"_qs
        << u"Cannot create API 'a' with the same Path 'echo' as API 'echo-api'  unless it's a part of the same version set"_qs;
    QTest::newRow("not found, details null")
        << 404 << QByteArray(R"({"error":{"code":"ResourceNotFound","message":"Api not found.","details":null}})")
        << int(Error::Kind::NotFound) << u"ResourceNotFound"_qs << u"Api not found."_qs << QString() << QString();
    QTest::newRow("missing api-version")
        << 400
        << QByteArray(R"({"error":{"code":"MissingApiVersionParameter","message":"The api-version query parameter (?api-version=) is required for all requests."}})")
        << int(Error::Kind::Http) << u"MissingApiVersionParameter"_qs
        << u"The api-version query parameter (?api-version=) is required for all requests."_qs << QString() << QString();
    QTest::newRow("authentication failed")
        << 401 << QByteArray(R"({"error":{"code":"AuthenticationFailed","message":"Authentication failed. The 'Authorization' header is missing."}})")
        << int(Error::Kind::Unauthorized) << u"AuthenticationFailed"_qs
        << u"Authentication failed. The 'Authorization' header is missing."_qs << QString() << QString();
    // Signed in, but the role assignment does not allow the action: not a sign-in problem.
    QTest::newRow("authorization failed")
        << 403
        << QByteArray(R"({"error":{"code":"AuthorizationFailed","message":"The client 'user@contoso.com' with object id '00000000-0000-0000-0000-000000000001' does not have authorization to perform action 'Microsoft.ApiManagement/service/apis/write' over scope '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/apis/echo-api' or the scope is invalid. If access was recently granted, please refresh your credentials."}})")
        << int(Error::Kind::Forbidden) << u"AuthorizationFailed"_qs
        << u"The client 'user@contoso.com' with object id '00000000-0000-0000-0000-000000000001' does not have authorization to perform action 'Microsoft.ApiManagement/service/apis/write' over scope '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ApiManagement/service/apimService1/apis/echo-api' or the scope is invalid. If access was recently granted, please refresh your credentials."_qs
        << QString() << QString();
    QTest::newRow("pessimistic concurrency")
        << 409 << QByteArray(R"({"error":{"code":"PessimisticConcurrencyConflict","message":"Operation on the API is in progress","details":null}})")
        << int(Error::Kind::Conflict) << u"PessimisticConcurrencyConflict"_qs
        << u"Operation on the API is in progress"_qs << QString() << QString();
    QTest::newRow("412 without body is a conflict")
        << 412 << QByteArray() << int(Error::Kind::Conflict) << u"PreconditionFailed"_qs
        << u"The resource was changed since it was read (ETag mismatch)."_qs << QString() << QString();
    QTest::newRow("gateway 429 body")
        << 429 << QByteArray(R"({"statusCode": 429, "message": "Rate limit is exceeded. Try again in 3 seconds."})")
        << int(Error::Kind::Http) << QString() << u"Rate limit is exceeded. Try again in 3 seconds."_qs
        << QString() << QString();
    QTest::newRow("oauth error string")
        << 400 << QByteArray(R"({"error":"invalid_grant","error_description":"AADSTS700082: The refresh token has expired due to inactivity."})")
        << int(Error::Kind::Http) << u"invalid_grant"_qs
        << u"AADSTS700082: The refresh token has expired due to inactivity."_qs << QString() << QString();
    QTest::newRow("APIM flat body")
        << 400 << QByteArray(R"({"code":"ValidationError","message":"Bad","details":[{"code":"c","target":"name","message":"m"}]})")
        << int(Error::Kind::Http) << u"ValidationError"_qs << u"Bad"_qs << u"name"_qs << u"m"_qs;
}

void tst_ArmParsing::errorEnvelopeBecomesError()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, detailTarget);
    QFETCH(QString, detailMessage);

    const Error error = core::parseArmError(status, body);
    QCOMPARE(int(error.kind), kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.code, code);
    QCOMPARE(error.message, message);
    if (detailMessage.isEmpty()) {
        QVERIFY(error.details.isEmpty());
    } else {
        QCOMPARE(error.details.size(), 1);
        QCOMPARE(error.details.first().target, detailTarget);
        QCOMPARE(error.details.first().message, detailMessage);
    }
}

void tst_ArmParsing::hostileErrorBodiesStillGiveAnError_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("truncated json") << QByteArray(R"({"error":{"code":"Valid)");
    QTest::newRow("html") << QByteArray("<html><body><h1>502 Bad Gateway</h1></body></html>");
    QTest::newRow("non-utf8") << QByteArray("\xff\xfe\xfd error \xc3\x28 body");
    QTest::newRow("error is a number") << QByteArray(R"({"error":42})");
    QTest::newRow("code is an object") << QByteArray(R"({"error":{"code":{"x":1},"message":[1,2]}})");
    QTest::newRow("details not array") << QByteArray(R"({"error":{"code":"X","details":"nope"}})");
    QTest::newRow("details with junk items") << QByteArray(R"({"error":{"code":"X","details":[1,null,"s",{"message":7}]}})");
    QTest::newRow("huge number") << QByteArray(R"({"error":{"code":1e999999,"message":"m"}})");
    QTest::newRow("array at top") << QByteArray(R"([{"error":{}}])");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("nul bytes") << QByteArray("\0\0\0\0", 4);
    QTest::newRow("very long") << QByteArray(200000, 'x');
}

void tst_ArmParsing::hostileErrorBodiesStillGiveAnError()
{
    QFETCH(QByteArray, body);
    const Error error = core::parseArmError(502, body);
    QCOMPARE(error.kind, Error::Kind::Http);
    QCOMPARE(error.httpStatus, 502);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(error.technical.size() <= 300);
    for (const QChar c : error.technical)
        QVERIFY2(c.isPrint(), "technical detail must be printable");
}

void tst_ArmParsing::unreadableBodiesShowNoSecrets_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("secrets"); // not even their start may show
    QTest::addColumn<QString>("kept");        // what still helps the reader

    QTest::newRow("token reply cut short")
        << QByteArray(R"({"token_type":"Bearer","expires_in":3599,"access_token":"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQ)")
        << QStringList { u"eyJ0eXAi"_qs, u"eyJhdWQi"_qs } << u"access_token"_qs;
    QTest::newRow("refresh token cut short")
        << QByteArray(R"({"expires_in":3599,"refresh_token":"0.AXoAq1w2e3r4SECRET)")
        << QStringList { u"0.AXoA"_qs } << u"refresh_token"_qs;
    QTest::newRow("ready line cut short")
        << QByteArray(R"({"ready":true,"management":"http://127.0.0.1:8470","token":"pl-3f9c2a7e1d5b","mlKey":"mlk-88aa77bb99","dataDir":"/tmp/x")")
        << QStringList { u"3f9c2a7e"_qs, u"88aa77bb"_qs } << u"http://127.0.0.1:8470"_qs;
    QTest::newRow("escaped quote inside the secret")
        << QByteArray(R"({"client_secret":"ab\"cd-SeCrEt-tail","x":)")
        << QStringList { u"SeCrEt"_qs, u"tail"_qs } << u"client_secret"_qs;
    QTest::newRow("proxy page echoing the request")
        << QByteArray("<html><pre>GET /subscriptions HTTP/1.1\r\nAuthorization: Bearer abc123def456.ghi789\r\n</pre></html>")
        << QStringList { u"abc123def456"_qs, u"ghi789"_qs } << u"GET /subscriptions"_qs;
    QTest::newRow("basic credentials")
        << QByteArray("<p>Proxy-Authorization: Basic dXNlcjpwYXNzd29yZA==</p>")
        << QStringList { u"dXNlcjpw"_qs } << u"Proxy-Authorization"_qs;
    QTest::newRow("form-encoded token reply")
        << QByteArray("access_token=SeCrEtVaLuE123&token_type=bearer&refresh_token=AnOtHeR456")
        << QStringList { u"SeCrEtVaLuE123"_qs, u"AnOtHeR456"_qs } << u"token_type"_qs;
    QTest::newRow("SAS URL in a page")
        << QByteArray("<p>https://acct.blob.core.windows.net/c/b?sv=2020-12-06&sig=AbCdEfGh%2B1%3D&sp=r</p>")
        << QStringList { u"AbCdEfGh"_qs } << u"sv=2020-12-06"_qs;
    QTest::newRow("bare JWT")
        << QByteArray("upstream said: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl then closed")
        << QStringList { u"eyJhbGci"_qs, u"eyJzdWIi"_qs, u"c2lnbmF0"_qs } << u"then closed"_qs;
}

void tst_ArmParsing::unreadableBodiesShowNoSecrets()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, secrets);
    QFETCH(QString, kept);

    const auto parsed = core::parseJsonObject(body);
    QVERIFY(!parsed.ok());
    const Error armError = core::parseArmError(502, body);
    for (const QString &technical : { parsed.error().technical, armError.technical }) {
        QVERIFY2(technical.contains(kept), qPrintable(technical));
        for (const QString &secret : secrets)
            QVERIFY2(!technical.contains(secret), qPrintable(technical));
    }
}

void tst_ArmParsing::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedMs"); // -1 = nullopt
    QTest::newRow("seconds") << QByteArray("56") << qint64(56000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("spaces") << QByteArray(" 3 ") << qint64(3000);
    QTest::newRow("http date 10s ahead") << QByteArray("Thu, 26 Nov 2026 10:00:10 GMT") << qint64(10000);
    QTest::newRow("http date in the past") << QByteArray("Thu, 26 Nov 2026 09:00:00 GMT") << qint64(0);
    QTest::newRow("huge number is capped") << QByteArray("99999999999999999999999999") << qint64(86400000);
    QTest::newRow("negative") << QByteArray("-5") << qint64(0);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("non-utf8") << QByteArray("\xff\xfe") << qint64(-1);
}

void tst_ArmParsing::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedMs);
    const QDateTime now(QDate(2026, 11, 26), QTime(10, 0, 0), Qt::UTC);
    const auto parsed = core::parseRetryAfter(value, now);
    QCOMPARE(parsed.value_or(-1), expectedMs);
}

void tst_ArmParsing::page_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("items");
    QTest::addColumn<QString>("nextLink");
    QTest::addColumn<qint64>("count");

    QTest::newRow("last page, empty nextLink")
        << QByteArray(R"({"value":[{"name":"a"},{"name":"b"}],"count":4,"nextLink":""})") << true << 2
        << QString() << qint64(4);
    QTest::newRow("missing nextLink")
        << QByteArray(R"({"value":[{"name":"a"}]})") << true << 1 << QString() << qint64(-1);
    QTest::newRow("null nextLink") << QByteArray(R"({"value":[],"nextLink":null})") << true << 0 << QString()
                                   << qint64(-1);
    QTest::newRow("next page")
        << QByteArray(R"({"value":[{"name":"a"}],"nextLink":"https://management.azure.com/x?api-version=2024-05-01&$skip=1"})")
        << true << 1 << u"https://management.azure.com/x?api-version=2024-05-01&$skip=1"_qs << qint64(-1);
    QTest::newRow("huge count ignored") << QByteArray(R"({"value":[],"count":1e300})") << true << 0 << QString()
                                        << qint64(-1);
    QTest::newRow("negative count ignored") << QByteArray(R"({"value":[],"count":-3})") << true << 0
                                            << QString() << qint64(-1);
    QTest::newRow("value not array") << QByteArray(R"({"value":{"name":"a"}})") << false << 0 << QString()
                                     << qint64(-1);
    QTest::newRow("item not object") << QByteArray(R"({"value":[{"name":"a"},3]})") << false << 0 << QString()
                                     << qint64(-1);
    QTest::newRow("relative nextLink") << QByteArray(R"({"value":[],"nextLink":"/x?page=2"})") << false << 0
                                       << QString() << qint64(-1);
    QTest::newRow("nextLink number") << QByteArray(R"({"value":[],"nextLink":5})") << false << 0 << QString()
                                     << qint64(-1);
    QTest::newRow("truncated") << QByteArray(R"({"value":[{"name":"a"},{"na)") << false << 0 << QString()
                               << qint64(-1);
    QTest::newRow("non-utf8") << QByteArray("{\"value\":[{\"name\":\"\xff\xfe\"}]}") << false << 0 << QString()
                              << qint64(-1);
    QTest::newRow("no value") << QByteArray(R"({"count":1})") << false << 0 << QString() << qint64(-1);
}

void tst_ArmParsing::page()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(int, items);
    QFETCH(QString, nextLink);
    QFETCH(qint64, count);
    const auto page = core::parsePage(body);
    QCOMPARE(page.ok(), ok);
    if (!ok) {
        QCOMPARE(page.error().kind, Error::Kind::Protocol);
        QVERIFY(!page.error().message.isEmpty());
        return;
    }
    QCOMPARE(page->items.size(), items);
    QCOMPARE(page->nextLink.toString(), nextLink);
    QCOMPARE(page->count.value_or(-1), count);
}

void tst_ArmParsing::operationStatus_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("percent");
    QTest::addColumn<QString>("errorCode");

    QTest::newRow("in progress") << QByteArray(R"({"status":"InProgress"})") << true
                                 << int(core::OperationState::InProgress) << -1 << QString();
    QTest::newRow("running with percent") << QByteArray(R"({"status":"Running","percentComplete":42.5})") << true
                                          << int(core::OperationState::InProgress) << 42 << QString();
    QTest::newRow("succeeded") << QByteArray(R"({"status":"Succeeded","percentComplete":100})") << true
                               << int(core::OperationState::Succeeded) << 100 << QString();
    QTest::newRow("failed with error")
        << QByteArray(R"({"status":"Failed","error":{"code":"InvalidParameter","message":"bad"}})") << true
        << int(core::OperationState::Failed) << -1 << u"InvalidParameter"_qs;
    QTest::newRow("canceled") << QByteArray(R"({"status":"Canceled"})") << true
                              << int(core::OperationState::Canceled) << -1 << QString();
    QTest::newRow("percent out of range clamped") << QByteArray(R"({"status":"Running","percentComplete":1e308})")
                                                  << true << int(core::OperationState::InProgress) << 100
                                                  << QString();
    QTest::newRow("status wrong type") << QByteArray(R"({"status":3})") << false << 0 << -1 << QString();
    QTest::newRow("no status") << QByteArray(R"({"percentComplete":3})") << false << 0 << -1 << QString();
    QTest::newRow("truncated") << QByteArray(R"({"status":"Succ)") << false << 0 << -1 << QString();
    QTest::newRow("not json") << QByteArray("Succeeded") << false << 0 << -1 << QString();
}

void tst_ArmParsing::operationStatus()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(int, state);
    QFETCH(int, percent);
    QFETCH(QString, errorCode);
    const auto status = core::parseOperationStatus(body);
    QCOMPARE(status.ok(), ok);
    if (!ok)
        return;
    QCOMPARE(int(status->state), state);
    QCOMPARE(status->percentComplete, percent);
    QCOMPARE(status->error.code, errorCode);
    if (status->state == core::OperationState::Failed)
        QVERIFY(!status->error.message.isEmpty());
}

QTEST_GUILESS_MAIN(tst_ArmParsing)
#include "tst_armparsing.moc"
