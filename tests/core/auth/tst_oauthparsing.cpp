// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/auth/oauthparsing.h"

#include <QTest>

using namespace portico;

class tst_OAuthParsing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deviceCode_data();
    void deviceCode();
    void tokenReply_data();
    void tokenReply();
    void azureCli_data();
    void azureCli();
};

void tst_OAuthParsing::deviceCode_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("interval");
    QTest::addColumn<int>("expiresIn");

    QTest::newRow("recorded shape")
        << QByteArray(R"({"user_code":"GBKR7CZ4L","device_code":"GAQ","verification_uri":"https://www.microsoft.com/link","expires_in":900,"interval":5,"message":"To sign in, use a web browser to open the page https://www.microsoft.com/link and enter the code GBKR7CZ4L to authenticate."})")
        << true << 5 << 900;
    QTest::newRow("numbers as strings")
        << QByteArray(R"({"user_code":"A","device_code":"B","verification_uri":"https://microsoft.com/devicelogin","expires_in":"600","interval":"2"})")
        << true << 2 << 600;
    QTest::newRow("huge interval is bounded")
        << QByteArray(R"({"user_code":"A","device_code":"B","verification_uri":"https://x/","expires_in":1e308,"interval":1e308})")
        << true << 5 << 900;
    QTest::newRow("zero interval defaults")
        << QByteArray(R"({"user_code":"A","device_code":"B","verification_uri":"https://x/","interval":0})") << true << 5
        << 900;
    QTest::newRow("http verification uri refused")
        << QByteArray(R"({"user_code":"A","device_code":"B","verification_uri":"http://phish.example/"})") << false << 0 << 0;
    QTest::newRow("missing device code")
        << QByteArray(R"({"user_code":"A","verification_uri":"https://x/"})") << false << 0 << 0;
    QTest::newRow("wrong types") << QByteArray(R"({"user_code":1,"device_code":[],"verification_uri":{}})") << false
                                 << 0 << 0;
    QTest::newRow("truncated") << QByteArray(R"({"user_code":"GBK)") << false << 0 << 0;
    QTest::newRow("non-utf8") << QByteArray("{\"user_code\":\"\xff\"}") << false << 0 << 0;
}

void tst_OAuthParsing::deviceCode()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(int, interval);
    QFETCH(int, expiresIn);
    const auto challenge = core::parseDeviceCodeResponse(body);
    QCOMPARE(challenge.ok(), ok);
    if (!ok) {
        QCOMPARE(challenge.error().kind, core::Error::Kind::Protocol);
        return;
    }
    QCOMPARE(challenge->intervalSeconds, interval);
    QCOMPARE(challenge->expiresInSeconds, expiresIn);
}

void tst_OAuthParsing::tokenReply_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expiresIn");
    QTest::addColumn<bool>("hasRefresh");

    QTest::newRow("with refresh token")
        << QByteArray(R"({"token_type":"Bearer","scope":"https://management.azure.com/user_impersonation","expires_in":3599,"access_token":"eyJ.a.b","refresh_token":"0.AAA"})")
        << true << qint64(3599) << true;
    QTest::newRow("without refresh token")
        << QByteArray(R"({"token_type":"Bearer","expires_in":60,"access_token":"x"})") << true << qint64(60) << false;
    QTest::newRow("lowercase bearer") << QByteArray(R"({"token_type":"bearer","expires_in":"60","access_token":"x"})")
                                      << true << qint64(60) << false;
    QTest::newRow("not bearer") << QByteArray(R"({"token_type":"pop","expires_in":60,"access_token":"x"})") << false
                                << qint64(0) << false;
    QTest::newRow("negative expiry") << QByteArray(R"({"token_type":"Bearer","expires_in":-1,"access_token":"x"})")
                                     << false << qint64(0) << false;
    QTest::newRow("infinite expiry") << QByteArray(R"({"token_type":"Bearer","expires_in":1e999,"access_token":"x"})")
                                     << false << qint64(0) << false;
    QTest::newRow("no access token") << QByteArray(R"({"token_type":"Bearer","expires_in":60})") << false << qint64(0)
                                     << false;
    QTest::newRow("truncated") << QByteArray(R"({"token_type":"Bearer","expires_in":60,"access_tok)") << false
                               << qint64(0) << false;
}

void tst_OAuthParsing::tokenReply()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(qint64, expiresIn);
    QFETCH(bool, hasRefresh);
    const QDateTime now(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC);
    const auto tokens = core::parseTokenResponse(body, now);
    QCOMPARE(tokens.ok(), ok);
    if (!ok)
        return;
    QCOMPARE(now.secsTo(tokens->access.expiresOn), expiresIn);
    QCOMPARE(!tokens->refreshToken.isEmpty(), hasRefresh);
}

void tst_OAuthParsing::azureCli_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QDateTime>("expiresOn");

    QTest::newRow("epoch expires_on wins")
        << QByteArray(R"({"accessToken":"eyJ.x.y","expiresOn":"2026-11-26 11:22:33.000000","expires_on":1795692153,"subscription":"00000000-0000-0000-0000-000000000000","tenant":"11111111-1111-1111-1111-111111111111","tokenType":"Bearer"})")
        << true << QDateTime::fromSecsSinceEpoch(1795692153, Qt::UTC);
    QTest::newRow("older CLI: local expiresOn")
        << QByteArray(R"({"accessToken":"eyJ.x.y","expiresOn":"2026-11-26 11:22:33.000000","tokenType":"Bearer"})")
        << true << QDateTime(QDate(2026, 11, 26), QTime(11, 22, 33));
    QTest::newRow("no token") << QByteArray(R"({"expiresOn":"2026-11-26 11:22:33.000000"})") << false << QDateTime();
    QTest::newRow("bad date") << QByteArray(R"({"accessToken":"x","expiresOn":"tomorrow"})") << false << QDateTime();
    QTest::newRow("warning text, not json") << QByteArray("WARNING: something\n{") << false << QDateTime();
}

void tst_OAuthParsing::azureCli()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QDateTime, expiresOn);
    const auto token = core::parseAzureCliToken(body);
    QCOMPARE(token.ok(), ok);
    if (ok)
        QCOMPARE(token->expiresOn, expiresOn);
}

QTEST_GUILESS_MAIN(tst_OAuthParsing)
#include "tst_oauthparsing.moc"
