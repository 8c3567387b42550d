// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Device code sign-in and token refresh against the replay server (Entra ID shapes of
// apim-protocol.md §9), with the refresh token kept in a SecretStore.

#include "core/auth/devicecodesignin.h"
#include "core/auth/entratokenprovider.h"
#include "core/secrets/inmemorysecretstore.h"
#include "tests/support/replay/replayserver.h"
#include "tests/support/replay/untrustedtlsserver.h"
#include "tests/support/secretjobs.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

using namespace portico;
using core::Error;

class tst_DeviceCodeSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void signInShowsTheCodeThenPollsUntilTokens();
    void declinedSignInStops();
    void refreshUsesTheStoredRefreshTokenAndStoresTheRotatedOne();
    void expiredRefreshTokenAsksForSignIn();
    void missingClientIdIsRefusedBeforeAnyRequest();
    void scopeIsTheManagementUrlsArm_data();
    void scopeIsTheManagementUrlsArm();
    void expiredCodeAnswerSaysTheCodeExpired();
    void silentEntraIdIsNotAnExpiredCode();
    void untrustedCertificateFailsTheSignInAndIsNamed();
    void refreshFailureSaysWhatHappened_data();
    void refreshFailureSaysWhatHappened();

private:
    core::EntraConfig config() const;
    core::Result<core::AccessToken> waitToken(core::TokenJob *job);

    std::unique_ptr<test::ReplayServer> m_server;
    QNetworkAccessManager m_nam;
};

void tst_DeviceCodeSignIn::init()
{
    m_server = std::make_unique<test::ReplayServer>();
    QVERIFY(m_server->start());
}

core::EntraConfig tst_DeviceCodeSignIn::config() const
{
    core::EntraConfig config;
    config.authority = m_server->url();
    config.clientId = u"2f6c4b8e-0000-4000-8000-portico00001"_qs;
    config.timeScale = 0.01; // interval 5 s polls every 50 ms
    return config;
}

core::Result<core::AccessToken> tst_DeviceCodeSignIn::waitToken(core::TokenJob *job)
{
    core::Result<core::AccessToken> result = Error::make(Error::Kind::Timeout, u"test timeout"_qs);
    QSignalSpy finished(job, &core::TokenJob::finished);
    connect(job, &core::TokenJob::finished, this, [&result, job] { result = job->result(); });
    finished.wait(10000);
    return result;
}

void tst_DeviceCodeSignIn::signInShowsTheCodeThenPollsUntilTokens()
{
    QVERIFY(m_server->load(u"entra-device-code.json"_qs));
    core::DeviceCodeSignIn signIn(&m_nam, config());
    QSignalSpy code(&signIn, &core::DeviceCodeSignIn::codeReady);
    QSignalSpy finished(&signIn, &core::DeviceCodeSignIn::finished);
    signIn.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(code.size(), 1);
    const auto challenge = code.first().first().value<core::DeviceCodeChallenge>();
    QCOMPARE(challenge.userCode, u"GBKR7CZ4L"_qs);
    QCOMPARE(challenge.verificationUri, QUrl(u"https://www.microsoft.com/link"_qs));
    QVERIFY(challenge.message.contains(u"GBKR7CZ4L"_qs));

    QVERIFY(signIn.result().ok());
    QCOMPARE(signIn.result()->access.token, u"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.first-access-token.sig"_qs);
    QCOMPARE(signIn.result()->refreshToken, u"0.AAAA-first-refresh-token"_qs);
    QVERIFY(signIn.result()->access.expiresOn > QDateTime::currentDateTimeUtc().addSecs(3500));

    // devicecode, two pending polls, then the token
    QCOMPARE(m_server->received().size(), 4);
    const QUrlQuery first(QString::fromUtf8(m_server->received().at(0).body));
    QCOMPARE(first.queryItemValue(u"client_id"_qs), config().clientId);
    QCOMPARE(first.queryItemValue(u"scope"_qs, QUrl::FullyDecoded),
             u"https://management.azure.com/.default offline_access"_qs);
    const QUrlQuery poll(QString::fromUtf8(m_server->received().at(1).body));
    QCOMPARE(poll.queryItemValue(u"device_code"_qs), u"GAQABAAEAAAD--DLA3VO7QrddgJg7WevrRECORDED"_qs);
    QVERIFY(m_server->unmatched().isEmpty());
}

void tst_DeviceCodeSignIn::declinedSignInStops()
{
    QVERIFY(m_server->load(u"entra-device-code-declined.json"_qs));
    core::DeviceCodeSignIn signIn(&m_nam, config());
    QSignalSpy finished(&signIn, &core::DeviceCodeSignIn::finished);
    signIn.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(!signIn.result().ok());
    QCOMPARE(signIn.result().error().code, u"authorization_declined"_qs);
    QCOMPARE(signIn.result().error().kind, Error::Kind::Cancelled);
    QTest::qWait(200); // no further polls after a decline
    QCOMPARE(m_server->received().size(), 3);
}

void tst_DeviceCodeSignIn::refreshUsesTheStoredRefreshTokenAndStoresTheRotatedOne()
{
    QVERIFY(m_server->load(u"entra-device-code.json"_qs));
    core::InMemorySecretStore secrets;
    core::DeviceCodeSignIn signIn(&m_nam, config());
    QSignalSpy finished(&signIn, &core::DeviceCodeSignIn::finished);
    signIn.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(signIn.result().ok());

    {
        core::EntraTokenProvider provider(&m_nam, config(), &secrets, u"azure-1"_qs);
        QSignalSpy stored(&provider, &core::EntraTokenProvider::refreshTokenStored);
        provider.setSignedIn(signIn.result().value());
        QVERIFY(stored.wait());
        // A fresh token is served from memory, no request.
        const int before = int(m_server->received().size());
        QCOMPARE(waitToken(provider.token())->token, signIn.result()->access.token);
        QCOMPARE(m_server->received().size(), before);
    }
    QCOMPARE(test::waitFor(secrets.read(u"azure-1/entra-refresh-token"_qs)).value(),
             u"0.AAAA-first-refresh-token"_qs);

    // A restarted app: only the SecretStore knows the refresh token. Two concurrent requests
    // share one refresh.
    core::EntraTokenProvider restarted(&m_nam, config(), &secrets, u"azure-1"_qs);
    QSignalSpy stored(&restarted, &core::EntraTokenProvider::refreshTokenStored);
    core::TokenJob *a = restarted.token();
    core::TokenJob *b = restarted.token();
    QSignalSpy bFinished(b, &core::TokenJob::finished);
    core::Result<core::AccessToken> bResult = Error();
    connect(b, &core::TokenJob::finished, this, [&bResult, b] { bResult = b->result(); });
    const auto aResult = waitToken(a);
    QVERIFY(aResult.ok());
    QCOMPARE(aResult->token, u"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.second-access-token.sig"_qs);
    QVERIFY(bFinished.count() == 1 || bFinished.wait());
    QCOMPARE(bResult->token, aResult->token);
    const QUrlQuery refresh(QString::fromUtf8(m_server->received().last().body));
    QCOMPARE(refresh.queryItemValue(u"grant_type"_qs), u"refresh_token"_qs);
    QCOMPARE(refresh.queryItemValue(u"refresh_token"_qs), u"0.AAAA-first-refresh-token"_qs);
    QVERIFY(stored.count() == 1 || stored.wait());
    QCOMPARE(test::waitFor(secrets.read(u"azure-1/entra-refresh-token"_qs)).value(),
             u"0.AAAA-second-refresh-token"_qs);
    QVERIFY(m_server->unmatched().isEmpty());
}

void tst_DeviceCodeSignIn::expiredRefreshTokenAsksForSignIn()
{
    QVERIFY(m_server->load(u"entra-refresh-expired.json"_qs));
    core::InMemorySecretStore secrets;
    QVERIFY(test::waitFor(secrets.write(u"azure-1/entra-refresh-token"_qs, u"0.stale"_qs)).ok());
    core::EntraTokenProvider provider(&m_nam, config(), &secrets, u"azure-1"_qs);
    QSignalSpy signInRequired(&provider, &core::AccessTokenProvider::signInRequired);
    const auto result = waitToken(provider.token());
    QCOMPARE(result.error().kind, Error::Kind::Unauthorized);
    QCOMPARE(result.error().code, u"invalid_grant"_qs);
    QCOMPARE(signInRequired.size(), 1);
}

void tst_DeviceCodeSignIn::missingClientIdIsRefusedBeforeAnyRequest()
{
    core::EntraConfig noClient = config();
    noClient.clientId.clear();
    core::DeviceCodeSignIn signIn(&m_nam, noClient);
    QSignalSpy finished(&signIn, &core::DeviceCodeSignIn::finished);
    signIn.start();
    QVERIFY(finished.wait());
    QCOMPARE(signIn.result().error().kind, Error::Kind::InvalidInput);
    QVERIFY(m_server->received().isEmpty());
}

void tst_DeviceCodeSignIn::scopeIsTheManagementUrlsArm_data()
{
    QTest::addColumn<QString>("managementUrl");
    QTest::addColumn<QString>("scope");
    QTest::newRow("public") << u"https://management.azure.com"_qs << u"https://management.azure.com/.default"_qs;
    QTest::newRow("public, slash") << u"https://management.azure.com/"_qs << u"https://management.azure.com/.default"_qs;
    QTest::newRow("US Government") << u"https://management.usgovcloudapi.net/"_qs
                                   << u"https://management.usgovcloudapi.net/.default"_qs;
    QTest::newRow("China") << u"https://Management.ChinaCloudAPI.cn:443/"_qs
                           << u"https://management.chinacloudapi.cn/.default"_qs;
    QTest::newRow("with a path") << u"https://arm.contoso.example/api/"_qs << u"https://arm.contoso.example/.default"_qs;
    QTest::newRow("loopback port") << u"http://127.0.0.1:8443"_qs << u"http://127.0.0.1:8443/.default"_qs;
}

// The device code request and the refresh both ask for the ARM of the environment's management
// URL, so that a sovereign cloud's ARM accepts the token (its audience is its own host).
void tst_DeviceCodeSignIn::scopeIsTheManagementUrlsArm()
{
    QFETCH(QString, managementUrl);
    QFETCH(QString, scope);
    QVERIFY(m_server->load(u"entra-device-code.json"_qs));
    core::EntraConfig config = this->config();
    config.setManagementUrl(QUrl(managementUrl));
    core::DeviceCodeSignIn signIn(&m_nam, config);
    QSignalSpy finished(&signIn, &core::DeviceCodeSignIn::finished);
    signIn.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(signIn.result().ok());
    core::InMemorySecretStore secrets;
    core::EntraTokenProvider provider(&m_nam, config, &secrets, u"env"_qs);
    QSignalSpy stored(&provider, &core::EntraTokenProvider::refreshTokenStored);
    provider.setSignedIn(signIn.result().value());
    QVERIFY(stored.wait(5000));
    QVERIFY(waitToken(provider.token(true)).ok()); // a refresh

    const auto &received = m_server->received();
    QCOMPARE(QUrlQuery(QString::fromUtf8(received.first().body)).queryItemValue(u"scope"_qs, QUrl::FullyDecoded),
             scope + u" offline_access"_qs);
    QVERIFY(QString::fromUtf8(received.last().body).contains(u"grant_type=refresh_token"_qs));
    QCOMPARE(QUrlQuery(QString::fromUtf8(received.last().body)).queryItemValue(u"scope"_qs, QUrl::FullyDecoded),
             scope + u" offline_access"_qs);
}

// §9.1: expired_token from the token endpoint ends the flow; that alone is an expired code.
void tst_DeviceCodeSignIn::expiredCodeAnswerSaysTheCodeExpired()
{
    const QJsonObject expired = QJsonDocument::fromJson(R"({
        "request": { "method": "POST", "path": "/organizations/oauth2/v2.0/token",
                     "bodyContains": "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code" },
        "response": { "status": 400, "body": { "error": "expired_token",
            "error_description": "AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
            "error_codes": [70020] } } })").object();
    const QJsonObject deviceCode = QJsonDocument::fromJson(R"({
        "request": { "method": "POST", "path": "/organizations/oauth2/v2.0/devicecode" },
        "response": { "status": 200, "body": { "user_code": "GBKR7CZ4L", "device_code": "GAQAB-expiring",
            "verification_uri": "https://www.microsoft.com/link", "expires_in": 900, "interval": 5,
            "message": "To sign in, enter the code GBKR7CZ4L." } } })").object();
    m_server->add(deviceCode);
    m_server->add(expired);
    core::DeviceCodeSignIn signIn(&m_nam, config());
    QSignalSpy code(&signIn, &core::DeviceCodeSignIn::codeReady);
    QSignalSpy finished(&signIn, &core::DeviceCodeSignIn::finished);
    signIn.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(code.size(), 1);
    QCOMPARE(signIn.result().error().code, u"expired_token"_qs);
    QCOMPARE(signIn.result().error().kind, Error::Kind::Timeout);
    QVERIFY(m_server->unmatched().isEmpty());
}

// A network that stalls (the server accepts the connection and never answers) is not an expired
// code: no code was ever shown. It fails after the transfer timeout (scaled: 1 s here, not 30 s),
// and says that Entra ID did not answer in time.
void tst_DeviceCodeSignIn::silentEntraIdIsNotAnExpiredCode()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    core::EntraConfig config = this->config();
    config.authority = QUrl(u"http://127.0.0.1:%1"_qs.arg(silent.serverPort()));
    QCOMPARE(config.transferTimeoutMs(), 1000);
    core::DeviceCodeSignIn signIn(&m_nam, config);
    QSignalSpy code(&signIn, &core::DeviceCodeSignIn::codeReady);
    QSignalSpy finished(&signIn, &core::DeviceCodeSignIn::finished);
    QElapsedTimer elapsed;
    elapsed.start();
    signIn.start();
    QVERIFY(finished.wait(15000));
    QVERIFY2(elapsed.elapsed() < 15000, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(code.size(), 0);
    const Error error = signIn.result().error();
    QCOMPARE(error.kind, Error::Kind::Timeout);
    QVERIFY2(error.code != u"expired_token"_qs, qPrintable(error.toString()));
    QCOMPARE(error.message, u"Entra ID (127.0.0.1) did not answer within 1 s."_qs);
}

// An endpoint whose certificate is not trusted: the sign-in fails (the certificate is not
// ignored), as a TLS problem that names what is wrong with the certificate.
void tst_DeviceCodeSignIn::untrustedCertificateFailsTheSignInAndIsNamed()
{
    test::UntrustedTlsServer tls;
    QVERIFY2(tls.start(), qPrintable(tls.errorString()));
    core::EntraConfig config = this->config();
    config.authority = tls.url();
    core::DeviceCodeSignIn signIn(&m_nam, config);
    QSignalSpy code(&signIn, &core::DeviceCodeSignIn::codeReady);
    QSignalSpy finished(&signIn, &core::DeviceCodeSignIn::finished);
    signIn.start();
    QVERIFY(finished.wait(15000));
    QCOMPARE(code.size(), 0);
    const Error error = signIn.result().error();
    QCOMPARE(error.kind, Error::Kind::Tls);
    QVERIFY2(error.message.startsWith(u"The certificate of 127.0.0.1 was refused: "_qs), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"self-signed"_qs), qPrintable(error.message));
    QVERIFY(tls.connections() >= 1);
}

void tst_DeviceCodeSignIn::refreshFailureSaysWhatHappened_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("message");
    QTest::newRow("no answer") << false << u"Entra ID (127.0.0.1) did not answer within 1 s."_qs;
    QTest::newRow("untrusted certificate") << true << u"The certificate of 127.0.0.1 was refused: "_qs;
}

// A refresh that fails on the way (not Entra ID refusing the refresh token) says why: the
// banner then names a certificate problem or no answer in time, not "the connection failed".
// The sign-in is kept: no new sign-in is asked for.
void tst_DeviceCodeSignIn::refreshFailureSaysWhatHappened()
{
    QFETCH(bool, tls);
    QFETCH(QString, message);
    QTcpServer silent;
    test::UntrustedTlsServer untrusted;
    core::EntraConfig config = this->config();
    if (tls) {
        QVERIFY2(untrusted.start(), qPrintable(untrusted.errorString()));
        config.authority = untrusted.url();
    } else {
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        config.authority = QUrl(u"http://127.0.0.1:%1"_qs.arg(silent.serverPort()));
    }
    core::InMemorySecretStore secrets;
    QVERIFY(test::waitFor(secrets.write(u"azure-1/entra-refresh-token"_qs, u"0.AAAA-kept"_qs)).ok());
    core::EntraTokenProvider provider(&m_nam, config, &secrets, u"azure-1"_qs);
    QSignalSpy signInRequired(&provider, &core::AccessTokenProvider::signInRequired);
    const auto result = waitToken(provider.token());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, tls ? Error::Kind::Tls : Error::Kind::Timeout);
    QVERIFY2(result.error().message.startsWith(message), qPrintable(result.error().message));
    if (tls)
        QVERIFY2(result.error().message.contains(u"self-signed"_qs), qPrintable(result.error().message));
    QCOMPARE(signInRequired.size(), 0);
    QCOMPARE(test::waitFor(secrets.read(u"azure-1/entra-refresh-token"_qs)).value(), u"0.AAAA-kept"_qs);
}

QTEST_GUILESS_MAIN(tst_DeviceCodeSignIn)
#include "tst_devicecodesignin.moc"
