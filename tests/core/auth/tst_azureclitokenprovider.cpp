// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The Azure CLI is a cloud tool that is not installed here; a stand-in script prints the
// recorded output shape of `az account get-access-token --output json` (accessToken, expiresOn,
// expires_on, subscription, tenant, tokenType) or az's "Please run 'az login'" failure.

#include "core/auth/azureclitokenprovider.h"
#include "tests/support/tempdir.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace portico;
using core::Error;

class tst_AzureCliTokenProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenComesFromTheCliAndIsCached();
    void loggedOutCliAsksForSignIn();
    void missingCliIsUnavailable();
    void resourceIsTheManagementUrlsArm_data();
    void resourceIsTheManagementUrlsArm();

private:
    QString script(const QString &name, const QByteArray &body);
    core::Result<core::AccessToken> waitToken(core::TokenJob *job);
    test::TempDir m_dir;
};

QString tst_AzureCliTokenProvider::script(const QString &name, const QByteArray &body)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\n" + body);
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

core::Result<core::AccessToken> tst_AzureCliTokenProvider::waitToken(core::TokenJob *job)
{
    core::Result<core::AccessToken> result = Error::make(Error::Kind::Timeout, u"test timeout"_qs);
    QSignalSpy finished(job, &core::TokenJob::finished);
    connect(job, &core::TokenJob::finished, this, [&result, job] { result = job->result(); });
    finished.wait(10000);
    return result;
}

void tst_AzureCliTokenProvider::tokenComesFromTheCliAndIsCached()
{
    const qint64 expires = QDateTime::currentSecsSinceEpoch() + 3600;
    const QString counter = m_dir.filePath(u"runs"_qs);
    const QString az = script(u"az"_qs,
                              "echo run >> '" + counter.toUtf8() + "'\n"
                              "[ \"$1 $2 $3 $4\" = 'account get-access-token --resource https://management.azure.com/' ] || exit 3\n"
                              "cat <<EOF\n{\n  \"accessToken\": \"eyJ0eXAiOiJKV1QifQ.cli-token.sig\",\n"
                              "  \"expiresOn\": \"2030-01-01 00:00:00.000000\",\n  \"expires_on\": " + QByteArray::number(expires) + ",\n"
                              "  \"subscription\": \"00000000-0000-0000-0000-000000000000\",\n"
                              "  \"tenant\": \"11111111-1111-1111-1111-111111111111\",\n  \"tokenType\": \"Bearer\"\n}\nEOF\n");
    core::AzureCliTokenProvider provider;
    provider.setProgram(az);
    const auto first = waitToken(provider.token());
    QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().toString()));
    QCOMPARE(first->token, u"eyJ0eXAiOiJKV1QifQ.cli-token.sig"_qs);
    QCOMPARE(first->expiresOn.toSecsSinceEpoch(), expires);
    QCOMPARE(waitToken(provider.token())->token, first->token);
    QCOMPARE(m_dir.read(u"runs"_qs).count("run"), 1); // cached
    QVERIFY(waitToken(provider.token(true)).ok());
    QCOMPARE(m_dir.read(u"runs"_qs).count("run"), 2); // forced refresh runs az again
}

void tst_AzureCliTokenProvider::loggedOutCliAsksForSignIn()
{
    const QString az = script(u"az-loggedout"_qs,
                              "echo \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1\n");
    core::AzureCliTokenProvider provider;
    provider.setProgram(az);
    QSignalSpy signInRequired(&provider, &core::AccessTokenProvider::signInRequired);
    const auto result = waitToken(provider.token());
    QCOMPARE(result.error().kind, Error::Kind::Unauthorized);
    QVERIFY(result.error().technical.contains(u"az login"_qs));
    QCOMPARE(signInRequired.size(), 1);
}

void tst_AzureCliTokenProvider::missingCliIsUnavailable()
{
    core::AzureCliTokenProvider provider;
    provider.setProgram(m_dir.filePath(u"no-such-az"_qs));
    const auto result = waitToken(provider.token());
    QCOMPARE(result.error().kind, Error::Kind::Unavailable);
}

void tst_AzureCliTokenProvider::resourceIsTheManagementUrlsArm_data()
{
    QTest::addColumn<QString>("managementUrl");
    QTest::addColumn<QString>("resource");
    QTest::newRow("public") << u"https://management.azure.com"_qs << u"https://management.azure.com/"_qs;
    QTest::newRow("US Government") << u"https://management.usgovcloudapi.net"_qs
                                   << u"https://management.usgovcloudapi.net/"_qs;
    QTest::newRow("China") << u"https://management.chinacloudapi.cn/"_qs << u"https://management.chinacloudapi.cn/"_qs;
}

// `az account get-access-token --resource` names the ARM of the environment's management URL.
void tst_AzureCliTokenProvider::resourceIsTheManagementUrlsArm()
{
    QFETCH(QString, managementUrl);
    QFETCH(QString, resource);
    const QString az = script(u"az-resource"_qs,
                              "[ \"$1 $2 $3 $4\" = 'account get-access-token --resource " + resource.toUtf8()
                                  + "' ] || { echo \"ERROR: AADSTS500011: wrong resource $4\" >&2; exit 1; }\n"
                                    "echo '{\"accessToken\": \"cli-token\", \"expiresOn\": \"2099-01-01 00:00:00.000000\", "
                                    "\"expires_on\": 4070908800, \"tokenType\": \"Bearer\"}'\n");
    core::AzureCliTokenProvider provider;
    provider.setProgram(az);
    provider.setManagementUrl(QUrl(managementUrl));
    const auto token = waitToken(provider.token());
    QVERIFY2(token.ok(), token.ok() ? "" : qPrintable(token.error().technical));
    QCOMPARE(token->token, u"cli-token"_qs);
}

QTEST_GUILESS_MAIN(tst_AzureCliTokenProvider)
#include "tst_azureclitokenprovider.moc"
