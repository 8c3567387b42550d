// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/tryit/secretredaction.h"

#include <QTest>

using namespace portico;

class tst_SecretRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headers_data();
    void headers();
    void urls_data();
    void urls();
    void urlsInHeaders_data();
    void urlsInHeaders();
    void scrubbingFindsEncodedForms();
    void sasSignatureAfterAnEscapedAmpersandIsMasked();
    void encodedStorageSecretsAreMasked_data();
    void encodedStorageSecretsAreMasked();
    void ordinaryEncodedTextIsKept_data();
    void ordinaryEncodedTextIsKept();
};

void tst_SecretRedaction::headers_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("subscription key") << QByteArray("Ocp-Apim-Subscription-Key") << QByteArray("abcd") << QByteArray("••••••••");
    QTest::newRow("lower-case") << QByteArray("ocp-apim-subscription-key") << QByteArray("abcd") << QByteArray("••••••••");
    QTest::newRow("bearer keeps scheme") << QByteArray("Authorization") << QByteArray("Bearer abc.def") << QByteArray("Bearer ••••••••");
    QTest::newRow("sharedkey keeps scheme") << QByteArray("authorization") << QByteArray("SharedKey acct:sig") << QByteArray("SharedKey ••••••••");
    QTest::newRow("cookie") << QByteArray("Cookie") << QByteArray("a=b") << QByteArray("••••••••");
    QTest::newRow("x-api-key") << QByteArray("X-Api-Key") << QByteArray("k") << QByteArray("••••••••");
    QTest::newRow("renamed key header") << QByteArray("X-Demo") << QByteArray("k") << QByteArray("••••••••");
    QTest::newRow("plain header") << QByteArray("Content-Type") << QByteArray("application/json") << QByteArray("application/json");
}

void tst_SecretRedaction::headers()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);
    const auto redacted = core::redactHeaders({ { name, value } }, { u"x-demo"_qs });
    QCOMPARE(redacted.first().second, expected);
}

void tst_SecretRedaction::urls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("subscription-key") << u"https://h/p?a=1&subscription-key=secret1&b=2"_qs
                                      << u"https://h/p?a=1&subscription-key=%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2&b=2"_qs;
    QTest::newRow("sas sig") << u"https://acct.blob.core.windows.net/c/b?sv=2020-12-06&sr=b&sp=r&sig=abc%2Bdef"_qs
                             << u"https://acct.blob.core.windows.net/c/b?sv=2020-12-06&sr=b&sp=r&sig=%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2"_qs;
    QTest::newRow("user info") << u"https://user:pw@h/p"_qs << u"https://h/p"_qs;
    QTest::newRow("nothing secret") << u"https://h/p?api-version=2.0&details=true"_qs
                                    << u"https://h/p?api-version=2.0&details=true"_qs;
}

void tst_SecretRedaction::urls()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(core::redactUrl(QUrl(url)).toString(QUrl::FullyEncoded), expected);
}

void tst_SecretRedaction::urlsInHeaders_data()
{
    const QByteArray mask = u"••••••••"_qs.toUtf8();
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected");
    // A 302 to blob storage is not followed (another origin), so its Location is what history keeps.
    QTest::newRow("location to a sas url")
            << QByteArray("Location") << QByteArray("https://acct.blob.core.windows.net/c/out.csv?sv=2020-12-06&sr=b&sp=r&sig=abc%2Bdef")
            << "https://acct.blob.core.windows.net/c/out.csv?sv=2020-12-06&sr=b&sp=r&sig=" + mask;
    QTest::newRow("renamed key query name")
            << QByteArray("content-location") << QByteArray("/score?x-demo-key=k1&page=2")
            << "/score?x-demo-key=" + mask + "&page=2";
    QTest::newRow("link, two urls")
            << QByteArray("Link") << QByteArray("<https://h/p?page=2&code=fn1>; rel=\"next\", <https://h/p?page=9>; rel=\"last\"")
            << "<https://h/p?page=2&code=" + mask + ">; rel=\"next\", <https://h/p?page=9>; rel=\"last\"";
    QTest::newRow("referer with user info") << QByteArray("Referer") << QByteArray("https://u:pw@h/p") << QByteArray("https://h/p");
    QTest::newRow("location, nothing secret, kept as written")
            << QByteArray("Location") << QByteArray("/final?x=1&y=a%20b") << QByteArray("/final?x=1&y=a%20b");
    QTest::newRow("not a url header") << QByteArray("X-Next") << QByteArray("/p?sig=abc") << QByteArray("/p?sig=abc");
}

void tst_SecretRedaction::urlsInHeaders()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);
    const auto redacted = core::redactHeaders({ { name, value } }, {}, { u"x-demo-key"_qs });
    QCOMPARE(redacted.first().second, expected);
}

void tst_SecretRedaction::sasSignatureAfterAnEscapedAmpersandIsMasked()
{
    // A SAS URL in a JSON body may carry '&' as \u0026 (JSON escape) or %26 (URL encoding).
    const QByteArray json = R"({"url":"https://a.blob.core.windows.net/c/b?sv=2020-08-04\u0026sig=JSONSECRET\u0026se=x"})";
    const QByteArray scrubbedJson = core::scrubSecrets(json, {});
    QVERIFY2(!scrubbedJson.contains("JSONSECRET"), scrubbedJson.constData());
    const QByteArray encoded = "next=https%3A%2F%2Fa.blob.core.windows.net%2Fc%3Fsv%3D1%26sig=ENCSECRET";
    const QByteArray scrubbedEncoded = core::scrubSecrets(encoded, {});
    QVERIFY2(!scrubbedEncoded.contains("ENCSECRET"), scrubbedEncoded.constData());
    // A word that merely ends in "sig" is not a SAS.
    QCOMPARE(core::scrubSecrets(QByteArray("design=plain"), {}), QByteArray("design=plain"));
}

void tst_SecretRedaction::encodedStorageSecretsAreMasked_data()
{
    // A SAS URL passed as a query value or form field inside another URL is percent-encoded as a
    // whole, once (%26sig%3D...) or twice (%2526sig%253D...), as encoders really write it.
    // `header` empty: the text is a body; otherwise it is that header's value, as history keeps it.
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("kept");
    QTest::newRow("json body, encoded once")
            << QByteArray()
            << QByteArray(R"({"callback":"https://h/hook?next=https%3A%2F%2Fa.blob.core.windows.net%2Fc%2Fb%3Fsv%3D2020-08-04%26sig%3DONCESECRET%252Bx%253D%26se%3D2026"})")
            << QByteArray("ONCESECRET") << QByteArray("%26se%3D2026\"}");
    QTest::newRow("json body, encoded twice")
            << QByteArray()
            << QByteArray(R"({"callback":"https://h/hook?r=https%253A%252F%252Fa.blob.core.windows.net%252Fc%253Fsv%253D1%2526sig%253DTWICESECRET%25252B%2526se%253D2026"})")
            << QByteArray("TWICESECRET") << QByteArray("%2526se%253D2026\"}");
    QTest::newRow("json body, upper- and lower-case hex")
            << QByteArray()
            << QByteArray(R"({"u":"x%3Fsv%3d1%26Sig%3dCASESECRET%26sp%3dr"})")
            << QByteArray("CASESECRET") << QByteArray("%26sp%3dr\"}");
    QTest::newRow("json body, sig first in the encoded query")
            << QByteArray()
            << QByteArray(R"({"u":"https%3A%2F%2Fa.blob.core.windows.net%2Fc%3Fsig%3DFIRSTSECRET%26sv%3D1"})")
            << QByteArray("FIRSTSECRET") << QByteArray("%26sv%3D1\"}");
    QTest::newRow("form body, encoded connection string")
            << QByteArray()
            << QByteArray("cs=DefaultEndpointsProtocol%3Dhttps%3BAccountName%3Dacct%3BAccountKey%3DKEYSECRET%2B%3D%3BEndpointSuffix%3Dcore.windows.net&x=1")
            << QByteArray("KEYSECRET") << QByteArray("%3BEndpointSuffix%3Dcore.windows.net&x=1");
    QTest::newRow("header, encoded once")
            << QByteArray("X-Callback-Url")
            << QByteArray("https://h/hook?next=https%3A%2F%2Fa.blob.core.windows.net%2Fc%3Fsv%3D1%26sig%3DHDRONCE%252F%26sp%3Dr")
            << QByteArray("HDRONCE") << QByteArray("%26sp%3Dr");
    QTest::newRow("location, encoded twice")
            << QByteArray("Location")
            << QByteArray("https://login.example/cb?state=https%253A%252F%252Fa.blob.core.windows.net%252Fc%253Fsv%253D1%2526sig%253DHDRTWICE%2526sp%253Dr")
            << QByteArray("HDRTWICE") << QByteArray("%2526sp%253Dr");
}

void tst_SecretRedaction::encodedStorageSecretsAreMasked()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, kept);
    const QByteArray scrubbed = header.isEmpty()
            ? core::scrubSecrets(text, {})
            : core::scrubSecrets(core::redactHeaders({ { header, text } }).first().second, {});
    QVERIFY2(!scrubbed.contains(secret), scrubbed.constData());
    QVERIFY2(scrubbed.contains(core::secretMask.toUtf8()), scrubbed.constData());
    // The value ends where the encoded query does: what follows is still there.
    QVERIFY2(scrubbed.endsWith(kept), scrubbed.constData());
}

void tst_SecretRedaction::ordinaryEncodedTextIsKept_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("word ending in sig") << QByteArray("q=xsig%3Dplain%26design%3Dplain");
    QTest::newRow("encoded letter before sig") << QByteArray("q=%41sig%3Dplain");
    QTest::newRow("encoded twice, word ending in sig") << QByteArray("q=a%2526xsig%253Dplain");
}

void tst_SecretRedaction::ordinaryEncodedTextIsKept()
{
    QFETCH(QByteArray, text);
    QCOMPARE(core::scrubSecrets(text, {}), text);
}

void tst_SecretRedaction::scrubbingFindsEncodedForms()
{
    const QStringList secrets { u"key+with/slash="_qs, u"abc"_qs };
    const QByteArray text = "raw key+with/slash= and encoded key%2Bwith%2Fslash%3D and abc stays (too short)";
    const QByteArray scrubbed = core::scrubSecrets(text, secrets);
    QVERIFY(!scrubbed.contains("key+with"));
    QVERIFY(!scrubbed.contains("key%2Bwith"));
    QVERIFY(scrubbed.contains("abc stays"));
}

QTEST_GUILESS_MAIN(tst_SecretRedaction)
#include "tst_secretredaction.moc"
