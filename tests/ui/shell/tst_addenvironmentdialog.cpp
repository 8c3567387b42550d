// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Add Azure environment, when the device code sign-in goes wrong: the message says what happened.
// Only Entra ID's own expired_token answer (apim-protocol.md §9.1) is an expired code; an Entra ID
// that does not answer (a stalled network) and a certificate that is not trusted each say so.
// Entra ID is replaced by the replay server, a silent loopback server and an HTTPS server with an
// untrusted certificate.

#include "core/secrets/inmemorysecretstore.h"
#include "tests/support/replay/replayserver.h"
#include "tests/support/replay/untrustedtlsserver.h"
#include "ui/shell/addenvironmentdialog.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTcpServer>
#include <QTest>

using namespace portico;

class tst_AddEnvironmentDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expiredCodeSaysTheCodeExpired();
    void silentEntraIdSaysItDidNotAnswer();
    void untrustedCertificateSaysTheSecureConnectionFailed();

private:
    // Fills in the settings page with `authority` and presses Sign in; the message label.
    QLabel *signIn(ui::AddEnvironmentDialog &dialog, const QUrl &authority);

    QNetworkAccessManager m_network;
    core::InMemorySecretStore m_secrets;
};

QLabel *tst_AddEnvironmentDialog::signIn(ui::AddEnvironmentDialog &dialog, const QUrl &authority)
{
    dialog.setEntraTimeScale(0.01); // polls every 50 ms, gives up on silence after 1 s
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"displayNameLineEdit"_qs), u"Contoso production"_qs);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"tenantLineEdit"_qs), u"organizations"_qs);
    dialog.findChild<QLineEdit *>(u"authorityLineEdit"_qs)->setText(authority.toString());
    dialog.findChild<QLineEdit *>(u"managementUrlLineEdit"_qs)->setText(u"http://127.0.0.1:9"_qs);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"signInPushButton"_qs), Qt::LeftButton);
    return dialog.findChild<QLabel *>(u"settingsMessageLabel"_qs);
}

// §9.1 expired_token: the code was shown, nobody signed in in time.
void tst_AddEnvironmentDialog::expiredCodeSaysTheCodeExpired()
{
    test::ReplayServer entra;
    QVERIFY(entra.start());
    entra.add(QJsonDocument::fromJson(R"({
        "request": { "method": "POST", "path": "/organizations/oauth2/v2.0/devicecode" },
        "response": { "status": 200, "body": { "user_code": "GBKR7CZ4L", "device_code": "GAQAB-expiring",
            "verification_uri": "https://www.microsoft.com/link", "expires_in": 900, "interval": 5,
            "message": "To sign in, enter the code GBKR7CZ4L." } } })").object());
    entra.add(QJsonDocument::fromJson(R"({
        "request": { "method": "POST", "path": "/organizations/oauth2/v2.0/token" },
        "response": { "status": 400, "body": { "error": "expired_token",
            "error_description": "AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
            "error_codes": [70020] } } })").object());
    ui::AddEnvironmentDialog dialog(&m_network, &m_secrets);
    QLabel *message = signIn(dialog, entra.url());
    QTRY_COMPARE_WITH_TIMEOUT(message->text(),
                              u"The code expired before the sign-in was completed. Sign in again for a new code."_qs,
                              10000);
    QVERIFY(entra.unmatched().isEmpty());
}

// The network stalls: Entra ID accepts the connection and never answers. No code was ever
// shown, so it must not say that the code expired.
void tst_AddEnvironmentDialog::silentEntraIdSaysItDidNotAnswer()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const QUrl authority(u"http://127.0.0.1:%1"_qs.arg(silent.serverPort()));
    ui::AddEnvironmentDialog dialog(&m_network, &m_secrets);
    QLabel *message = signIn(dialog, authority);
    QTRY_VERIFY_WITH_TIMEOUT(!message->text().isEmpty(), 15000);
    QCOMPARE(message->text(), u"Entra ID at %1 did not answer within 1 second(s). Check the network "
                              "connection (and proxy), then sign in again."_qs.arg(authority.toString()));
    QVERIFY(dialog.findChild<QLineEdit *>(u"userCodeLineEdit"_qs)->text().isEmpty());
    QVERIFY(dialog.findChild<QPushButton *>(u"signInPushButton"_qs)->isVisible()); // back to the start
}

// A certificate that is not trusted (an intercepting proxy, a broken chain) is named, never
// ignored.
void tst_AddEnvironmentDialog::untrustedCertificateSaysTheSecureConnectionFailed()
{
    test::UntrustedTlsServer tls;
    QVERIFY2(tls.start(), qPrintable(tls.errorString()));
    ui::AddEnvironmentDialog dialog(&m_network, &m_secrets);
    QLabel *message = signIn(dialog, tls.url());
    QTRY_VERIFY_WITH_TIMEOUT(!message->text().isEmpty(), 15000);
    const QString expected = u"The secure connection to Entra ID at %1 failed: The certificate of 127.0.0.1 "
                             "was refused: "_qs.arg(tls.url().toString());
    QVERIFY2(message->text().startsWith(expected), qPrintable(message->text()));
    QVERIFY2(message->text().contains(u"self-signed"_qs), qPrintable(message->text()));
    QVERIFY(dialog.findChild<QLineEdit *>(u"userCodeLineEdit"_qs)->text().isEmpty());
}

QTEST_MAIN(tst_AddEnvironmentDialog)
#include "tst_addenvironmentdialog.moc"
