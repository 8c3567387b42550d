// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/tryit/tryitrequest.h"

#include <QJsonDocument>
#include <QTest>

using namespace portico;
using core::TryItRequest;

namespace {

TryItRequest rrsExecute()
{
    TryItRequest request;
    request.apiId = u"azureml-demo-api"_qs;
    request.operationId = u"rrs-execute"_qs;
    request.method = "POST";
    request.gatewayUrl = QUrl(u"https://demoazureml.azure-api.net"_qs);
    request.apiPath = u"azureml-demo"_qs;
    request.urlTemplate = u"/workspaces/{workspace}/services/{service}/execute?api-version={apiversion}&details={details}"_qs;
    request.templateValues = { { u"workspace"_qs, u"local"_qs },
                               { u"service"_qs, u"feature-hashing"_qs },
                               { u"apiversion"_qs, u"2.0"_qs },
                               { u"details"_qs, u"true"_qs } };
    request.body = R"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["This is a good day"]]}}, "GlobalParameters": {}})";
    request.subscriptionName = u"Starter (demo)"_qs;
    request.subscriptionKey = u"0123456789abcdef0123456789abcdef"_qs;
    return request;
}

} // namespace

class tst_TryItRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsTheGatewayUrlFromApiPathAndTemplate();
    void templateValuesAreEncodedPerSegment();
    void keyGoesIntoTheApisHeader();
    void keyCanGoIntoTheQuery();
    void previewMasksEverySecret();
    void missingTemplateValueNamesTheParameter();
    void headerInjectionIsRefused();
    void historyJsonNeverHoldsTheKey();
    void historyJsonMasksSecretTemplateValues_data();
    void historyJsonMasksSecretTemplateValues();
};

void tst_TryItRequest::buildsTheGatewayUrlFromApiPathAndTemplate()
{
    const auto prepared = rrsExecute().prepare();
    QVERIFY(prepared.ok());
    QCOMPARE(prepared->url.toString(QUrl::FullyEncoded),
             u"https://demoazureml.azure-api.net/azureml-demo/workspaces/local/services/feature-hashing/execute?api-version=2.0&details=true"_qs);
    QCOMPARE(prepared->method, QByteArray("POST"));
    QCOMPARE(prepared->header("Content-Type"), QByteArray("application/json"));
}

void tst_TryItRequest::templateValuesAreEncodedPerSegment()
{
    TryItRequest request = rrsExecute();
    request.templateValues[u"workspace"_qs] = u"a/b c"_qs;
    request.templateValues[u"details"_qs] = u"x&y=z"_qs;
    request.queryParameters = { { u"note"_qs, u"1+1"_qs } };
    const auto prepared = request.prepare();
    QVERIFY(prepared.ok());
    const QString url = prepared->url.toString(QUrl::FullyEncoded);
    QVERIFY2(url.contains(u"/workspaces/a%2Fb%20c/services/"_qs), qPrintable(url));
    QVERIFY2(url.contains(u"details=x%26y%3Dz"_qs), qPrintable(url));
    QVERIFY2(url.endsWith(u"&note=1%2B1"_qs), qPrintable(url));
}

void tst_TryItRequest::keyGoesIntoTheApisHeader()
{
    TryItRequest request = rrsExecute();
    request.keyHeaderName = u"X-Demo-Key"_qs;
    const auto prepared = request.prepare();
    QCOMPARE(prepared->header("X-Demo-Key"), QByteArray("0123456789abcdef0123456789abcdef"));
    QVERIFY(prepared->header("Ocp-Apim-Subscription-Key").isEmpty());
    QVERIFY(!prepared->url.toString().contains(u"0123456789abcdef"_qs));
}

void tst_TryItRequest::keyCanGoIntoTheQuery()
{
    TryItRequest request = rrsExecute();
    request.keyPlacement = TryItRequest::KeyPlacement::Query;
    const auto prepared = request.prepare();
    QVERIFY(prepared->url.toString().endsWith(u"&subscription-key=0123456789abcdef0123456789abcdef"_qs));
    QVERIFY(prepared->header("Ocp-Apim-Subscription-Key").isEmpty());
}

void tst_TryItRequest::previewMasksEverySecret()
{
    TryItRequest request = rrsExecute();
    request.headers = { { "Authorization", "Bearer ml-api-key-value" }, { "X-Trace", "on" } };
    for (const auto placement : { TryItRequest::KeyPlacement::Header, TryItRequest::KeyPlacement::Query }) {
        request.keyPlacement = placement;
        const auto preview = request.preview();
        QVERIFY(preview.ok());
        QByteArray everything = preview->url.toEncoded();
        for (const auto &[name, value] : preview->headers)
            everything += name + ": " + value + "\n";
        QVERIFY2(!everything.contains("0123456789abcdef"), everything.constData());
        QVERIFY2(!everything.contains("ml-api-key-value"), everything.constData());
        QVERIFY(everything.contains("Authorization: Bearer ••••••••"));
        QVERIFY(everything.contains("X-Trace: on"));
        QVERIFY(everything.contains("/workspaces/local/services/feature-hashing/execute"));
    }
}

void tst_TryItRequest::missingTemplateValueNamesTheParameter()
{
    TryItRequest request = rrsExecute();
    request.templateValues.remove(u"service"_qs);
    const auto prepared = request.prepare();
    QVERIFY(!prepared.ok());
    QCOMPARE(prepared.error().kind, core::Error::Kind::InvalidInput);
    QCOMPARE(prepared.error().target, u"service"_qs);
}

void tst_TryItRequest::headerInjectionIsRefused()
{
    TryItRequest request = rrsExecute();
    request.headers = { { "X-Evil", "a\r\nHost: elsewhere" } };
    const auto prepared = request.prepare();
    QCOMPARE(prepared.error().code, u"InvalidHeader"_qs);
    QCOMPARE(prepared.error().target, u"X-Evil"_qs);
}

void tst_TryItRequest::historyJsonNeverHoldsTheKey()
{
    TryItRequest request = rrsExecute();
    request.headers = { { "Authorization", "Bearer ml-api-key-value" } };
    const QByteArray json = QJsonDocument(request.toJson()).toJson();
    QVERIFY(!json.contains("0123456789abcdef"));
    QVERIFY(!json.contains("ml-api-key-value"));
    const TryItRequest reopened = TryItRequest::fromJson(request.toJson());
    QVERIFY(reopened.subscriptionKey.isEmpty());
    QCOMPARE(reopened.subscriptionName, request.subscriptionName);
    QCOMPARE(reopened.templateValues, request.templateValues);
    QCOMPARE(reopened.body, request.body);
    QCOMPARE(reopened.urlTemplate, request.urlTemplate);
    QCOMPARE(reopened.method, request.method);
}

void tst_TryItRequest::historyJsonMasksSecretTemplateValues_data()
{
    QTest::addColumn<QString>("urlTemplate");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<bool>("secret");
    // A function key or SAS signature that the template itself puts into the query.
    QTest::newRow("function key under its own name") << u"/run?code={code}"_qs << u"code"_qs << true;
    QTest::newRow("function key under another name") << u"/run?code={functionKey}"_qs << u"functionKey"_qs << true;
    QTest::newRow("SAS signature") << u"/blobs/{blob}?sv=2021&sig={sig}"_qs << u"sig"_qs << true;
    QTest::newRow("secret name in the path") << u"/tokens/{access_token}/run"_qs << u"access_token"_qs << true;
    QTest::newRow("ordinary query value") << u"/run?details={details}"_qs << u"details"_qs << false;
    QTest::newRow("ordinary path value") << u"/services/{service}"_qs << u"service"_qs << false;
}

void tst_TryItRequest::historyJsonMasksSecretTemplateValues()
{
    QFETCH(QString, urlTemplate);
    QFETCH(QString, parameter);
    QFETCH(bool, secret);
    const QString value = u"Zm4ta2V5LXZhbHVlLTQyNDI="_qs;
    TryItRequest request = rrsExecute();
    request.urlTemplate = urlTemplate;
    request.templateValues = { { parameter, value } };
    if (urlTemplate.contains(u"{blob}"_qs))
        request.templateValues.insert(u"blob"_qs, u"input.csv"_qs);
    QVERIFY(request.prepare().ok());

    const QByteArray json = QJsonDocument(request.toJson()).toJson();
    QCOMPARE(json.contains(value.toUtf8()), !secret);
    QCOMPARE(request.secretValues().contains(value), secret);
    const TryItRequest reopened = TryItRequest::fromJson(request.toJson());
    QCOMPARE(reopened.templateValues.value(parameter), secret ? core::secretMask.toString() : value);
    if (urlTemplate.contains(u"{blob}"_qs))
        QCOMPARE(reopened.templateValues.value(u"blob"_qs), u"input.csv"_qs);
}

QTEST_GUILESS_MAIN(tst_TryItRequest)
#include "tst_tryitrequest.moc"
