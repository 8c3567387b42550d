// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// APIs, operations and policies of a service: CRUD, ETag/If-Match, paging, filters and
// validation, against the real portico-local.

#include "tests/local/management/managementtestcase.h"

#include <QJsonArray>
#include <QTest>

using namespace portico;
using test::ArmTestClient;

class tst_ManagementApis : public test::ManagementTestCase
{
    Q_OBJECT

public:
    tst_ManagementApis() : ManagementTestCase(u"api-svc"_qs) { }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void apiCrudWithEtags();
    void apiValidationRules_data();
    void apiValidationRules();
    void apiPathMustBeUnique();
    void operationCrud();
    void operationTemplateParametersMustMatch_data();
    void operationTemplateParametersMustMatch();
    void operationSignatureMustBeUnique();
    void pagingFollowsNextLink();
    void filtersOnNameAndDisplayName_data();
    void filtersOnNameAndDisplayName();
    void malformedFilterIsRefused();
    void policiesAtEveryScope_data();
    void policiesAtEveryScope();
    void xmlPolicyIsServedUnescapedAsRawxml();
    void policyValidationNamesElementAndLine_data();
    void policyValidationNamesElementAndLine();
    void policiesTheGatewayCannotRunAreRefusedAtEveryScope_data();
    void policiesTheGatewayCannotRunAreRefusedAtEveryScope();
    void namedValueReferencesMustExistWhenThePolicyIsSaved();
    void limitsAzureRefusesAtAScopeAreRefusedThere_data();
    void limitsAzureRefusesAtAScopeAreRefusedThere();
};

void tst_ManagementApis::initTestCase()
{
    const QString problem = startService();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void tst_ManagementApis::cleanupTestCase()
{
    QCOMPARE(stopService(), 0);
}

void tst_ManagementApis::apiCrudWithEtags()
{
    const QString path = svc(u"/apis/crud-api"_qs);
    QJsonObject body = api(u"CRUD API"_qs, u"crud"_qs);
    QJsonObject props = body[u"properties"_qs].toObject();
    props[u"somethingNew"_qs] = u"ignored"_qs;
    body[u"properties"_qs] = props;
    const auto created = m_arm->put(path, body);
    QCOMPARE(created.status, 201);
    QVERIFY(!created.header("etag").isEmpty());
    QCOMPARE(created.json[u"id"_qs].toString(), path);
    QCOMPARE(created.json[u"type"_qs].toString(), u"Microsoft.ApiManagement/service/apis"_qs);
    QCOMPARE(created.json[u"name"_qs].toString(), u"crud-api"_qs);
    const QJsonObject p = created.json[u"properties"_qs].toObject();
    QVERIFY(!p.contains(u"somethingNew"_qs));
    QCOMPARE(p[u"subscriptionRequired"_qs].toBool(), true);
    QCOMPARE(p[u"apiRevision"_qs].toString(), u"1"_qs);
    QCOMPARE(p[u"isCurrent"_qs].toBool(), true);
    QCOMPARE(p[u"subscriptionKeyParameterNames"_qs][u"header"_qs].toString(), u"Ocp-Apim-Subscription-Key"_qs);
    QCOMPARE(p[u"subscriptionKeyParameterNames"_qs][u"query"_qs].toString(), u"subscription-key"_qs);

    const auto got = m_arm->get(path);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.header("etag"), created.header("etag"));
    const auto head = m_arm->send("HEAD", path);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("etag"), created.header("etag"));
    QVERIFY(head.body.isEmpty());

    // PUT again: 200, new ETag. If-Match with the old ETag then fails with 412.
    const auto updated = m_arm->put(path, api(u"CRUD API v2"_qs, u"crud"_qs),
                                    { { "If-Match", created.header("etag") } });
    QCOMPARE(updated.status, 200);
    QVERIFY(updated.header("etag") != created.header("etag"));
    QCOMPARE(m_arm->put(path, api(u"CRUD API v3"_qs, u"crud"_qs), { { "If-Match", created.header("etag") } })
                 .status,
             412);
    QCOMPARE(m_arm->put(path, api(u"x"_qs, u"crud"_qs), { { "If-None-Match", "*" } }).status, 412);

    // PATCH needs If-Match; "*" always matches; a stale ETag is 412.
    const QJsonObject patch { { u"properties"_qs, QJsonObject { { u"description"_qs, u"Patched"_qs } } } };
    QCOMPARE(m_arm->patch(path, patch, {}).status, 400);
    const auto stale = m_arm->patch(path, patch, { { "If-Match", created.header("etag") } });
    QCOMPARE(stale.status, 412);
    QCOMPARE(stale.errorCode(), u"PreconditionFailed"_qs);
    const auto patched = m_arm->patch(path, patch, { { "If-Match", updated.header("etag") } });
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.json[u"properties"_qs][u"description"_qs].toString(), u"Patched"_qs);
    QCOMPARE(patched.json[u"properties"_qs][u"displayName"_qs].toString(), u"CRUD API v2"_qs);
    QCOMPARE(m_arm->patch(path, patch).status, 200);
    QCOMPARE(m_arm->patch(svc(u"/apis/nope"_qs), patch).status, 404);

    // DELETE needs If-Match; gone is 204; then 404 with APIM's message.
    QCOMPARE(m_arm->remove(path, {}).status, 400);
    QCOMPARE(m_arm->remove(path, { { "If-Match", created.header("etag") } }).status, 412);
    // API DELETE is long-running in the spec (202/204): 202 with APIM's polling headers.
    const auto deleted = m_arm->remove(path);
    QCOMPARE(deleted.status, 202);
    const QUrl location(QString::fromUtf8(deleted.header("location")));
    QCOMPARE(location.path(), path);
    QVERIFY(location.query().contains(u"asyncCode=204"_qs));
    QCOMPARE(m_arm->sendUrl("GET", location).status, 204);
    const QUrl async(QString::fromUtf8(deleted.header("azure-asyncoperation")));
    QVERIFY2(async.path().startsWith(svc(u"/tenant/operationResults/"_qs)), qPrintable(async.toString()));
    const auto status = m_arm->sendUrl("GET", async);
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json[u"status"_qs].toString(), u"Succeeded"_qs);
    QCOMPARE(m_arm->remove(path).status, 204);
    const auto missing = m_arm->get(path);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.body, QByteArray(R"({"error":{"code":"ResourceNotFound","details":null,"message":"Api not found."}})"));
}

void tst_ManagementApis::apiValidationRules_data()
{
    QTest::addColumn<QString>("apiId");
    QTest::addColumn<QJsonObject>("properties");
    QTest::addColumn<QString>("target");
    QTest::newRow("missing displayName") << u"v1"_qs << QJsonObject { { u"path"_qs, u"v1"_qs } } << u"displayName"_qs;
    QTest::newRow("missing path") << u"v2"_qs << QJsonObject { { u"displayName"_qs, u"V2"_qs } } << u"path"_qs;
    QTest::newRow("displayName too long") << u"v3"_qs
        << QJsonObject { { u"displayName"_qs, QString(301, u'x') }, { u"path"_qs, u"v3"_qs } } << u"displayName"_qs;
    QTest::newRow("wrong type") << u"v4"_qs
        << QJsonObject { { u"displayName"_qs, 5 }, { u"path"_qs, u"v4"_qs } } << u"displayName"_qs;
    QTest::newRow("bad protocol") << u"v5"_qs
        << QJsonObject { { u"displayName"_qs, u"V5"_qs }, { u"path"_qs, u"v5"_qs },
                         { u"protocols"_qs, QJsonArray { u"ftp"_qs } } } << u"protocols"_qs;
    QTest::newRow("relative serviceUrl") << u"v6"_qs
        << QJsonObject { { u"displayName"_qs, u"V6"_qs }, { u"path"_qs, u"v6"_qs },
                         { u"serviceUrl"_qs, u"not a url"_qs } } << u"serviceUrl"_qs;
    QTest::newRow("bad name") << u"bad*name"_qs
        << QJsonObject { { u"displayName"_qs, u"V7"_qs }, { u"path"_qs, u"v7"_qs } } << u"apiId"_qs;
}

void tst_ManagementApis::apiValidationRules()
{
    QFETCH(QString, apiId);
    QFETCH(QJsonObject, properties);
    QFETCH(QString, target);
    const auto reply = m_arm->put(svc(u"/apis/"_qs + apiId), QJsonObject { { u"properties"_qs, properties } });
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), u"ValidationError"_qs);
    QCOMPARE(reply.errorMessage(), u"One or more fields contain incorrect values:"_qs);
    QCOMPARE(reply.firstDetailTarget(), target);
    QVERIFY(!reply.firstDetailMessage().isEmpty());
    QCOMPARE(m_arm->get(svc(u"/apis/"_qs + apiId)).status, 404);
}

void tst_ManagementApis::apiPathMustBeUnique()
{
    QCOMPARE(m_arm->put(svc(u"/apis/first"_qs), api(u"First"_qs, u"shared"_qs)).status, 201);
    const auto clash = m_arm->put(svc(u"/apis/second"_qs), api(u"Second"_qs, u"Shared"_qs));
    QCOMPARE(clash.status, 400);
    QCOMPARE(clash.firstDetailTarget(), u"path"_qs);
    QCOMPARE(clash.firstDetailMessage(),
             u"Cannot create API 'second' with the same Path 'Shared' as API 'first'  unless it's a part of the same version set"_qs);
    // Updating the owner of the path keeps it.
    QCOMPARE(m_arm->put(svc(u"/apis/first"_qs), api(u"First again"_qs, u"shared"_qs)).status, 200);
}

void tst_ManagementApis::operationCrud()
{
    QCOMPARE(m_arm->put(svc(u"/apis/ops-api"_qs), api(u"Ops"_qs, u"ops"_qs)).status, 201);
    const QString path = svc(u"/apis/ops-api/operations/get-item"_qs);
    const auto created = m_arm->put(path, operation(u"Get item"_qs, u"get"_qs, u"/items/{id}?v={v}"_qs,
                                                    { u"id"_qs, u"v"_qs }));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json[u"type"_qs].toString(), u"Microsoft.ApiManagement/service/apis/operations"_qs);
    QCOMPARE(created.json[u"properties"_qs][u"method"_qs].toString(), u"GET"_qs);
    QVERIFY(!created.header("etag").isEmpty());
    QCOMPARE(m_arm->put(path, operation(u"Get item!"_qs, u"GET"_qs, u"/items/{id}?v={v}"_qs,
                                        { u"id"_qs, u"v"_qs })).status,
             200);
    QCOMPARE(m_arm->get(path).json[u"properties"_qs][u"displayName"_qs].toString(), u"Get item!"_qs);
    const auto patched = m_arm->patch(path, QJsonObject { { u"properties"_qs,
                                                            QJsonObject { { u"description"_qs, u"d"_qs } } } });
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.json[u"properties"_qs][u"urlTemplate"_qs].toString(), u"/items/{id}?v={v}"_qs);
    QCOMPARE(names(m_arm->get(svc(u"/apis/ops-api/operations"_qs))), QStringList { u"get-item"_qs });
    const auto noApi = m_arm->put(svc(u"/apis/missing/operations/x"_qs), operation(u"X"_qs, u"GET"_qs, u"/x"_qs, {}));
    QCOMPARE(noApi.status, 404);
    QCOMPARE(noApi.errorMessage(), u"Api not found."_qs);
    const auto required = m_arm->put(svc(u"/apis/ops-api/operations/empty"_qs),
                                     QJsonObject { { u"properties"_qs, QJsonObject() } });
    QCOMPARE(required.status, 400);
    QCOMPARE(required.json[u"error"_qs][u"details"_qs].toArray().size(), 3);
    QCOMPARE(m_arm->remove(path).status, 200);
    QCOMPARE(m_arm->get(path).errorMessage(), u"Operation not found."_qs);
    // Deleting the API removes its operations.
    QCOMPARE(m_arm->put(path, operation(u"Again"_qs, u"GET"_qs, u"/again"_qs, {})).status, 201);
    QCOMPARE(m_arm->remove(svc(u"/apis/ops-api"_qs)).status, 202);
    QCOMPARE(m_arm->put(svc(u"/apis/ops-api"_qs), api(u"Ops"_qs, u"ops"_qs)).status, 201);
    QCOMPARE(m_arm->get(path).status, 404);
}

void tst_ManagementApis::operationTemplateParametersMustMatch_data()
{
    QTest::addColumn<QString>("urlTemplate");
    QTest::addColumn<QStringList>("declared");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("matching") << u"/a/{x}/b?q={y}"_qs << QStringList { u"x"_qs, u"y"_qs } << true;
    QTest::newRow("wildcard") << u"/files/*"_qs << QStringList() << true;
    QTest::newRow("undeclared") << u"/a/{x}"_qs << QStringList() << false;
    QTest::newRow("unused") << u"/a"_qs << QStringList { u"x"_qs } << false;
    QTest::newRow("query undeclared") << u"/a?q={y}"_qs << QStringList() << false;
}

void tst_ManagementApis::operationTemplateParametersMustMatch()
{
    QFETCH(QString, urlTemplate);
    QFETCH(QStringList, declared);
    QFETCH(bool, accepted);
    m_arm->put(svc(u"/apis/tpl-api"_qs), api(u"Tpl"_qs, u"tpl"_qs));
    const QString path = svc(u"/apis/tpl-api/operations/"_qs + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    const auto reply = m_arm->put(path, operation(u"Op"_qs, u"POST"_qs, urlTemplate, declared));
    if (accepted) {
        QCOMPARE(reply.status, 201);
        return;
    }
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), u"ValidationError"_qs);
    QCOMPARE(reply.firstDetailMessage(),
             u"All template parameters used in the UriTemplate must be defined in the Operation 'Op', and vice-versa."_qs);
}

void tst_ManagementApis::operationSignatureMustBeUnique()
{
    m_arm->put(svc(u"/apis/sig-api"_qs), api(u"Sig"_qs, u"sig"_qs));
    QCOMPARE(m_arm->put(svc(u"/apis/sig-api/operations/one"_qs),
                        operation(u"One"_qs, u"GET"_qs, u"/users/{id}"_qs, { u"id"_qs })).status,
             201);
    const auto clash = m_arm->put(svc(u"/apis/sig-api/operations/two"_qs),
                                  operation(u"Two"_qs, u"GET"_qs, u"/users/{userId}"_qs, { u"userId"_qs }));
    QCOMPARE(clash.status, 400);
    QCOMPARE(clash.firstDetailTarget(), u"urlTemplate"_qs);
    QCOMPARE(m_arm->put(svc(u"/apis/sig-api/operations/two"_qs),
                        operation(u"Two"_qs, u"DELETE"_qs, u"/users/{userId}"_qs, { u"userId"_qs })).status,
             201);
}

void tst_ManagementApis::pagingFollowsNextLink()
{
    m_arm->put(svc(u"/apis/page-api"_qs), api(u"Paging"_qs, u"paging"_qs));
    for (int i = 0; i < 12; ++i)
        QCOMPARE(m_arm->put(svc(u"/apis/page-api/operations/op%1"_qs.arg(i, 2, 10, QChar(u'0'))),
                            operation(u"Op %1"_qs.arg(i), u"GET"_qs, u"/op/%1"_qs.arg(i), {})).status,
                 201);
    auto page = m_arm->get(svc(u"/apis/page-api/operations?$top=5"_qs));
    QCOMPARE(page.status, 200);
    QCOMPARE(page.json[u"count"_qs].toInt(), 12);
    QStringList all = names(page);
    QCOMPARE(all.size(), 5);
    int pages = 1;
    while (!page.json[u"nextLink"_qs].toString().isEmpty()) {
        page = m_arm->sendUrl("GET", QUrl(page.json[u"nextLink"_qs].toString()));
        QCOMPARE(page.status, 200);
        all += names(page);
        ++pages;
        QVERIFY(pages < 10);
    }
    QCOMPARE(pages, 3);
    QVERIFY(page.json.contains(u"nextLink"_qs)); // "" on the last page, as APIM sends it
    QCOMPARE(all.size(), 12);
    QCOMPARE(all.first(), u"op00"_qs);
    QCOMPARE(all.last(), u"op11"_qs);
    QCOMPARE(names(m_arm->get(svc(u"/apis/page-api/operations?$top=2&$skip=10"_qs))),
             (QStringList { u"op10"_qs, u"op11"_qs }));
    QCOMPARE(m_arm->get(svc(u"/apis/page-api/operations?$top=0"_qs)).status, 400);
    QCOMPARE(m_arm->get(svc(u"/apis/page-api/operations?$skip=-1"_qs)).status, 400);
}

void tst_ManagementApis::filtersOnNameAndDisplayName_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("name eq") << u"name eq 'op03'"_qs << QStringList { u"op03"_qs };
    QTest::newRow("displayName eq, case-insensitive") << u"displayName eq 'OP 4'"_qs << QStringList { u"op04"_qs };
    QTest::newRow("contains") << u"contains(displayName,'Op 1')"_qs << QStringList { u"op01"_qs, u"op10"_qs, u"op11"_qs };
    QTest::newRow("startswith and") << u"startswith(name,'op1') and name ne 'op10'"_qs << QStringList { u"op11"_qs };
    QTest::newRow("or") << u"name eq 'op00' or name eq 'op09'"_qs << QStringList { u"op00"_qs, u"op09"_qs };
    QTest::newRow("endswith") << u"endswith(name,'7')"_qs << QStringList { u"op07"_qs };
    QTest::newRow("substringof") << u"substringof('p 2', displayName)"_qs << QStringList { u"op02"_qs };
    QTest::newRow("method") << u"method eq 'GET' and urlTemplate eq '/op/5'"_qs << QStringList { u"op05"_qs };
    QTest::newRow("quote escape") << u"name eq 'it''s'"_qs << QStringList();
}

void tst_ManagementApis::filtersOnNameAndDisplayName()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, expected);
    const auto reply = m_arm->get(svc(u"/apis/page-api/operations?$filter="_qs)
                                  + QString::fromLatin1(QUrl::toPercentEncoding(filter)));
    QCOMPARE(reply.status, 200);
    QCOMPARE(names(reply), expected);
    QCOMPARE(reply.json[u"count"_qs].toInt(), expected.size());
}

void tst_ManagementApis::malformedFilterIsRefused()
{
    for (const char *filter : { "name eq", "bogus eq 'x'", "name eq 'unterminated", "contains(name)" }) {
        const auto reply = m_arm->get(svc(u"/apis?$filter="_qs)
                                      + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(filter))));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.firstDetailTarget(), u"$filter"_qs);
    }
    QCOMPARE(m_arm->get(svc(u"/apis?$filter=path%20eq%20'shared'"_qs)).status, 200);
    QCOMPARE(names(m_arm->get(svc(u"/apis?$filter=path%20eq%20'shared'"_qs))), QStringList { u"first"_qs });
}

void tst_ManagementApis::policiesAtEveryScope_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("type");
    QTest::newRow("global") << QString() << u"Microsoft.ApiManagement/service/policies"_qs;
    QTest::newRow("product") << u"/products/starter"_qs << u"Microsoft.ApiManagement/service/products/policies"_qs;
    QTest::newRow("api") << u"/apis/first"_qs << u"Microsoft.ApiManagement/service/apis/policies"_qs;
    QTest::newRow("operation") << u"/apis/sig-api/operations/one"_qs
                               << u"Microsoft.ApiManagement/service/apis/operations/policies"_qs;
}

void tst_ManagementApis::policiesAtEveryScope()
{
    QFETCH(QString, scope);
    QFETCH(QString, type);
    const QString path = svc(scope + u"/policies/policy"_qs);
    const QString xml = u"<policies>\n  <inbound>\n    <base />\n    <set-header name=\"X-Scope\" exists-action=\"override\"><value>one</value></set-header>\n  </inbound>\n  <backend><base /></backend>\n  <outbound><base /></outbound>\n  <on-error><base /></on-error>\n</policies>"_qs;
    const auto put = m_arm->put(path, QJsonObject { { u"properties"_qs, QJsonObject { { u"format"_qs, u"xml"_qs }, { u"value"_qs, xml } } } },
                                { { "If-Match", "*" } });
    QVERIFY2(put.status == 201 || put.status == 200, put.body.constData());
    QCOMPARE(put.json[u"type"_qs].toString(), type);
    QCOMPARE(put.json[u"name"_qs].toString(), u"policy"_qs);
    QVERIFY(!put.header("etag").isEmpty());
    QCOMPARE(m_arm->get(path).json[u"properties"_qs][u"value"_qs].toString(), xml);
    QCOMPARE(names(m_arm->get(svc(scope + u"/policies"_qs))), QStringList { u"policy"_qs });

    const QString raw = u"<policies><inbound><base /><set-header name=\"X-Raw\" exists-action=\"override\"><value>@(context.Request.Headers.GetValueOrDefault(\"a\",\"none\") + \" && 1 < 2\")</value></set-header></inbound><backend><base /></backend><outbound /><on-error /></policies>"_qs;
    const auto rawPut = m_arm->put(path, QJsonObject { { u"properties"_qs, QJsonObject { { u"format"_qs, u"rawxml"_qs }, { u"value"_qs, raw } } } });
    QCOMPARE(rawPut.status, 200);
    const QString stored = m_arm->get(path).json[u"properties"_qs][u"value"_qs].toString();
    QVERIFY2(stored.contains(u"&amp;&amp; 1 &lt; 2"_qs), qPrintable(stored));
    QCOMPARE(m_arm->get(path + u"?format=rawxml"_qs).json[u"properties"_qs][u"value"_qs].toString(), raw);
    QCOMPARE(m_arm->remove(path).status, 200);
    QCOMPARE(m_arm->get(path).status, 404);
    QCOMPARE(m_arm->put(svc(scope + u"/policies/other"_qs), QJsonObject { { u"properties"_qs, QJsonObject { { u"value"_qs, xml } } } }).status,
             400);
}

// A policy stored as xml (ARM template, Bicep, az, the portal) asked for as rawxml comes back
// with its expressions unescaped (§7), and sending that back as rawxml stores the same document.
void tst_ManagementApis::xmlPolicyIsServedUnescapedAsRawxml()
{
    const QString path = svc(u"/apis/first/policies/policy"_qs);
    const QString xml = u"<policies>\n  <inbound>\n    <base />\n    <rate-limit-by-key calls=\"5\" renewal-period=\"30\" "
                        "counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;anonymous&quot;))\" />\n"
                        "    <set-header name=\"X-Raw\" exists-action=\"override\">\n"
                        "      <value>@(context.Request.Headers.GetValueOrDefault(\"a\",\"none\") + \" &amp;&amp; 1 &lt; 2\")</value>\n"
                        "    </set-header>\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n</policies>"_qs;
    const QString raw = u"<policies>\n  <inbound>\n    <base />\n    <rate-limit-by-key calls=\"5\" renewal-period=\"30\" "
                        "counter-key=\"@(context.Request.Headers.GetValueOrDefault(\"X-Client\", \"anonymous\"))\" />\n"
                        "    <set-header name=\"X-Raw\" exists-action=\"override\">\n"
                        "      <value>@(context.Request.Headers.GetValueOrDefault(\"a\",\"none\") + \" && 1 < 2\")</value>\n"
                        "    </set-header>\n  </inbound>\n  <backend>\n    <base />\n  </backend>\n</policies>"_qs;
    const auto put = m_arm->put(path, QJsonObject { { u"properties"_qs, QJsonObject { { u"format"_qs, u"xml"_qs }, { u"value"_qs, xml } } } });
    QVERIFY2(put.status == 200 || put.status == 201, put.body.constData());
    const auto asRaw = m_arm->get(path + u"?format=rawxml"_qs);
    QCOMPARE(asRaw.json[u"properties"_qs][u"format"_qs].toString(), u"rawxml"_qs);
    QCOMPARE(asRaw.json[u"properties"_qs][u"value"_qs].toString(), raw);

    const auto rawPut = m_arm->put(path, QJsonObject { { u"properties"_qs, QJsonObject { { u"format"_qs, u"rawxml"_qs }, { u"value"_qs, raw } } } });
    QVERIFY2(rawPut.status == 200, rawPut.body.constData());
    QCOMPARE(m_arm->get(path).json[u"properties"_qs][u"value"_qs].toString(), xml);
    QCOMPARE(m_arm->remove(path).status, 200);
}

void tst_ManagementApis::policyValidationNamesElementAndLine_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown element")
        << u"<policies>\n<inbound>\n<base />\n<validate-jwt header-name=\"a\" />\n</inbound>\n</policies>"_qs
        << u"Error in element 'validate-jwt' on line 4"_qs;
    QTest::newRow("misplaced element")
        << u"<policies>\n<outbound>\n<rate-limit calls=\"1\" renewal-period=\"1\" />\n</outbound>\n</policies>"_qs
        << u"Error in element 'rate-limit' on line 3"_qs;
    QTest::newRow("wrong root") << u"<policy><inbound /></policy>"_qs << u"Error in element 'policy' on line 1"_qs;
    QTest::newRow("not well-formed")
        << u"<policies>\n<inbound>\n<base>\n</inbound>\n</policies>"_qs << u"not well-formed XML"_qs;
    QTest::newRow("raw expression sent as xml")
        << u"<policies><inbound><set-header name=\"a\"><value>@(1 < 2)</value></set-header></inbound></policies>"_qs
        << u"not well-formed XML"_qs;
}

void tst_ManagementApis::policyValidationNamesElementAndLine()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    const auto reply = m_arm->put(svc(u"/apis/first/policies/policy"_qs),
                                  QJsonObject { { u"properties"_qs, QJsonObject { { u"format"_qs, u"xml"_qs }, { u"value"_qs, value } } } });
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), u"ValidationError"_qs);
    QVERIFY2(reply.firstDetailMessage().contains(expected), qPrintable(reply.firstDetailMessage()));
    QCOMPARE(m_arm->get(svc(u"/apis/first/policies/policy"_qs)).status, 404);
}

// Each of these used to be stored (201) and then dropped whole by the gateway, which ran the
// scope as if it had no policy: no rate limit, any caller IP, no header check.
void tst_ManagementApis::policiesTheGatewayCannotRunAreRefusedAtEveryScope_data()
{
    QTest::addColumn<QString>("element");
    QTest::addColumn<QString>("expected");
    QTest::newRow("rate-limit renewal-period over 300 s")
        << u"<rate-limit calls=\"10\" renewal-period=\"3600\" />"_qs
        << u"Error in element 'rate-limit' on line 4: the attribute 'renewal-period' of a rate limit must not exceed 300 seconds"_qs;
    QTest::newRow("rate-limit calls not a number")
        << u"<rate-limit calls=\"ten\" renewal-period=\"60\" />"_qs
        << u"Error in element 'rate-limit' on line 4: the attribute 'calls' must be a non-negative integer"_qs;
    QTest::newRow("ip-filter action in the wrong case")
        << u"<ip-filter action=\"Allow\"><address>10.0.0.1</address></ip-filter>"_qs
        << u"Error in element 'ip-filter' on line 4: the attribute 'action' must be 'allow' or 'forbid' (lower case), not 'Allow'"_qs;
    QTest::newRow("check-header without failed-check-error-message")
        << u"<check-header name=\"X-Key\" failed-check-httpcode=\"401\" />"_qs
        << u"Error in element 'check-header' on line 4: the attribute 'failed-check-error-message' is required"_qs;
    QTest::newRow("unsupported increment-condition expression")
        << u"<rate-limit-by-key calls=\"5\" renewal-period=\"60\" counter-key=\"@(context.Request.IpAddress)\" increment-condition=\"@(context.Response.StatusCode == 200)\" />"_qs
        << u"Error in element 'rate-limit-by-key' on line 4: in the attribute 'increment-condition', the expression"_qs;
    // APIM: rate-limit and quota "can be used only once per policy definition".
    QTest::newRow("two rate-limits in one document")
        << u"<rate-limit calls=\"3\" renewal-period=\"10\" />\n<rate-limit calls=\"100\" renewal-period=\"300\" />"_qs
        << u"Error in element 'rate-limit' on line 5: a policy document may contain only one 'rate-limit' (the first is on line 4)."_qs;
    QTest::newRow("two quotas in one document")
        << u"<quota calls=\"3\" renewal-period=\"3600\" />\n<quota calls=\"1000\" renewal-period=\"86400\" />"_qs
        << u"Error in element 'quota' on line 5: a policy document may contain only one 'quota' (the first is on line 4)."_qs;
    QTest::newRow("per-API limit inside rate-limit")
        << u"<rate-limit calls=\"10\" renewal-period=\"60\">\n<api name=\"first\" calls=\"5\" renewal-period=\"60\" />\n</rate-limit>"_qs
        << u"Error in element 'rate-limit' on line 4: the child element 'api' (line 5) is not supported by portico-local"_qs;
    QTest::newRow("per-operation quota inside quota")
        << u"<quota calls=\"10\" renewal-period=\"60\">\n<api name=\"first\" calls=\"5\">\n<operation name=\"one\" calls=\"2\" />\n</api>\n</quota>"_qs
        << u"Error in element 'quota' on line 4: the child element 'api' (line 5) is not supported by portico-local"_qs;
}

void tst_ManagementApis::policiesTheGatewayCannotRunAreRefusedAtEveryScope()
{
    QFETCH(QString, element);
    QFETCH(QString, expected);
    const QString value = u"<policies>\n<inbound>\n<base />\n"_qs + element
        + u"\n</inbound>\n<backend><base /></backend>\n</policies>"_qs;
    for (const QString &scope : { QString(), u"/products/starter"_qs, u"/apis/first"_qs,
                                  u"/apis/sig-api/operations/one"_qs }) {
        const QString path = svc(scope + u"/policies/policy"_qs);
        const auto before = m_arm->get(path);
        for (const QString &format : { u"xml"_qs, u"rawxml"_qs }) {
            const auto reply = m_arm->put(path, QJsonObject { { u"properties"_qs, QJsonObject { { u"format"_qs, format }, { u"value"_qs, value } } } });
            QVERIFY2(reply.status == 400, qPrintable(scope + u": "_qs + QString::fromUtf8(reply.body)));
            QCOMPARE(reply.errorCode(), u"ValidationError"_qs);
            QCOMPARE(reply.errorMessage(), u"One or more fields contain incorrect values:"_qs);
            QCOMPARE(reply.firstDetailTarget(), u"value"_qs);
            QVERIFY2(reply.firstDetailMessage().startsWith(expected), qPrintable(reply.firstDetailMessage()));
        }
        // Nothing was stored: the scope keeps what it had.
        const auto after = m_arm->get(path);
        QCOMPARE(after.status, before.status);
        QCOMPARE(after.json[u"properties"_qs][u"value"_qs].toString(), before.json[u"properties"_qs][u"value"_qs].toString());
    }
}

// Azure API Management refuses a policy with quota outside a product's policy and one with
// rate-limit in the global policy ("Policy is not allowed in the specified scope"); portico-local
// stored them and ran them, so a policy that worked locally failed on Azure.
void tst_ManagementApis::limitsAzureRefusesAtAScopeAreRefusedThere_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("element");
    QTest::addColumn<QString>("refusal"); // empty: stored
    const QString quota = u"<quota calls=\"100\" renewal-period=\"604800\" />"_qs;
    const QString rateLimit = u"<rate-limit calls=\"5\" renewal-period=\"60\" />"_qs;
    const QString quotaRefused = u"Error in element 'quota' on line 4: Policy is not allowed in the specified scope. "
                                 "'quota' may be used only in a product's policy"_qs;
    const QString rateLimitRefused = u"Error in element 'rate-limit' on line 4: Policy is not allowed in the "
                                     "specified scope. 'rate-limit' may be used in a product's, an API's or an "
                                     "operation's policy, not in the global policy"_qs;
    QTest::newRow("quota, global") << QString() << quota << quotaRefused;
    QTest::newRow("quota, product") << u"/products/starter"_qs << quota << QString();
    QTest::newRow("quota, API") << u"/apis/first"_qs << quota << quotaRefused;
    QTest::newRow("quota, operation") << u"/apis/sig-api/operations/one"_qs << quota << quotaRefused;
    QTest::newRow("rate-limit, global") << QString() << rateLimit << rateLimitRefused;
    QTest::newRow("rate-limit, product") << u"/products/starter"_qs << rateLimit << QString();
    QTest::newRow("rate-limit, API") << u"/apis/first"_qs << rateLimit << QString();
    QTest::newRow("rate-limit, operation") << u"/apis/sig-api/operations/one"_qs << rateLimit << QString();
    QTest::newRow("rate-limit-by-key, global")
        << QString() << u"<rate-limit-by-key calls=\"5\" renewal-period=\"60\" counter-key=\"@(context.Subscription.Id)\" />"_qs
        << QString();
    QTest::newRow("quota-by-key, API")
        << u"/apis/first"_qs << u"<quota-by-key calls=\"100\" renewal-period=\"604800\" counter-key=\"@(context.Subscription.Id)\" />"_qs
        << QString();
}

void tst_ManagementApis::limitsAzureRefusesAtAScopeAreRefusedThere()
{
    QFETCH(QString, scope);
    QFETCH(QString, element);
    QFETCH(QString, refusal);
    const QString value = u"<policies>\n<inbound>\n<base />\n"_qs + element
        + u"\n</inbound>\n<backend><base /></backend>\n</policies>"_qs;
    const QString path = svc(scope + u"/policies/policy"_qs);
    const auto before = m_arm->get(path);
    for (const QString &format : { u"xml"_qs, u"rawxml"_qs }) {
        const auto reply = m_arm->put(path, QJsonObject { { u"properties"_qs, QJsonObject { { u"format"_qs, format }, { u"value"_qs, value } } } });
        if (refusal.isEmpty()) {
            QVERIFY2(reply.status == 201 || reply.status == 200, reply.body.constData());
            continue;
        }
        QVERIFY2(reply.status == 400, reply.body.constData());
        QCOMPARE(reply.errorCode(), u"ValidationError"_qs);
        QCOMPARE(reply.errorMessage(), u"One or more fields contain incorrect values:"_qs);
        QCOMPARE(reply.firstDetailTarget(), u"value"_qs);
        QVERIFY2(reply.firstDetailMessage().startsWith(refusal), qPrintable(reply.firstDetailMessage()));
        const auto after = m_arm->get(path);
        QCOMPARE(after.status, before.status);
        QCOMPARE(after.json[u"properties"_qs][u"value"_qs].toString(), before.json[u"properties"_qs][u"value"_qs].toString());
    }
    // The scope keeps what it had.
    if (before.status == 404) {
        QVERIFY(m_arm->get(path).status == 404 || m_arm->remove(path).status == 200);
    } else {
        QVERIFY(m_arm->put(path, QJsonObject { { u"properties"_qs, before.json[u"properties"_qs].toObject() } }).status < 300);
    }
}

// A {{named value}} that does not exist used to be stored and then failed every call of the
// scope with a 500 (or went out as literal text). It is refused when the policy is saved, at
// every scope, naming what is missing; once the named values exist the same document is stored.
void tst_ManagementApis::namedValueReferencesMustExistWhenThePolicyIsSaved()
{
    const QString value = u"<policies><inbound><base />\n<rate-limit calls=\"{{calls}}\" renewal-period=\"{{period}}\" />"
                          "<ip-filter action=\"{{ip-action}}\"><address>{{office-ip}}</address></ip-filter></inbound></policies>"_qs;
    const auto body = QJsonObject { { u"properties"_qs, QJsonObject { { u"format"_qs, u"xml"_qs }, { u"value"_qs, value } } } };
    const QString namedValue = u"/namedValues/calls-nv"_qs;
    QVERIFY(m_arm->put(svc(namedValue), QJsonObject { { u"properties"_qs,
        QJsonObject { { u"displayName"_qs, u"calls"_qs }, { u"value"_qs, u"5"_qs } } } }).status < 300);
    for (const QString &scope : { QString(), u"/products/starter"_qs, u"/apis/first"_qs,
                                  u"/apis/sig-api/operations/one"_qs }) {
        const QString path = svc(scope + u"/policies/policy"_qs);
        const auto before = m_arm->get(path);
        const auto reply = m_arm->put(path, body);
        QVERIFY2(reply.status == 400, qPrintable(scope + u": "_qs + QString::fromUtf8(reply.body)));
        QCOMPARE(reply.errorCode(), u"ValidationError"_qs);
        QCOMPARE(reply.errorMessage(), u"One or more fields contain incorrect values:"_qs);
        QCOMPARE(reply.firstDetailTarget(), u"value"_qs);
        // One detail per missing name, in document order; 'calls' exists.
        QStringList messages;
        for (const QJsonValue &d : reply.json[u"error"_qs][u"details"_qs].toArray())
            messages.append(d[u"message"_qs].toString());
        QCOMPARE(messages.size(), 3);
        QVERIFY2(messages[0].startsWith(u"Error on line 2: the named value 'period' does not exist in this service."_qs),
                 qPrintable(messages[0]));
        QVERIFY2(messages[1].contains(u"'ip-action'"_qs), qPrintable(messages[1]));
        QVERIFY2(messages[2].contains(u"'office-ip'"_qs), qPrintable(messages[2]));
        // Nothing was stored: the scope keeps what it had.
        const auto after = m_arm->get(path);
        QCOMPARE(after.status, before.status);
        QCOMPARE(after.json[u"properties"_qs][u"value"_qs].toString(), before.json[u"properties"_qs][u"value"_qs].toString());
    }
    // Only exact display names count, as the gateway substitutes them.
    const auto wrongCase = m_arm->put(svc(u"/apis/first/policies/policy"_qs), QJsonObject { { u"properties"_qs,
        QJsonObject { { u"value"_qs, u"<policies><inbound><rate-limit calls=\"{{Calls}}\" renewal-period=\"60\" /></inbound></policies>"_qs } } } });
    QCOMPARE(wrongCase.status, 400);
    QVERIFY2(wrongCase.firstDetailMessage().contains(u"'Calls'"_qs), qPrintable(wrongCase.firstDetailMessage()));
    // Braces that cannot hold a display name are no reference.
    const auto expression = m_arm->put(svc(u"/apis/first/policies/policy"_qs), QJsonObject { { u"properties"_qs,
        QJsonObject { { u"format"_qs, u"rawxml"_qs },
                      { u"value"_qs, u"<policies><inbound><set-header name=\"X-A\" exists-action=\"override\"><value>{{ not a name }}</value></set-header></inbound></policies>"_qs } } } });
    QVERIFY2(expression.status == 201 || expression.status == 200, expression.body.constData());
    QCOMPARE(m_arm->remove(svc(u"/apis/first/policies/policy"_qs)).status, 200);

    for (const char *name : { "period", "ip-action", "office-ip" }) {
        const QString n = QString::fromLatin1(name);
        QVERIFY(m_arm->put(svc(u"/namedValues/"_qs + n), QJsonObject { { u"properties"_qs,
            QJsonObject { { u"displayName"_qs, n }, { u"value"_qs, u"x"_qs } } } }).status < 300);
    }
    const QString path = svc(u"/apis/first/policies/policy"_qs);
    const auto reply = m_arm->put(path, body);
    QVERIFY2(reply.status == 201 || reply.status == 200, reply.body.constData());
    QCOMPARE(m_arm->get(path).json[u"properties"_qs][u"value"_qs].toString(), value);

    // A named value that a policy uses cannot be deleted (as in APIM); the answer names the
    // policy. Once the policy no longer uses it, it can.
    const auto refused = m_arm->remove(svc(namedValue));
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.errorCode(), u"Conflict"_qs);
    QVERIFY2(refused.errorMessage().contains(u"'calls'"_qs) && refused.errorMessage().contains(u"apis/first/policies/policy"_qs),
             qPrintable(refused.errorMessage()));
    QCOMPARE(m_arm->get(svc(namedValue)).status, 200);
    QCOMPARE(m_arm->remove(path).status, 200);
    QCOMPARE(m_arm->remove(svc(namedValue)).status, 200);
    QCOMPARE(m_arm->get(svc(namedValue)).status, 404);
    for (const char *name : { "period", "ip-action", "office-ip" })
        QCOMPARE(m_arm->remove(svc(u"/namedValues/"_qs + QString::fromLatin1(name))).status, 200);
}

QTEST_GUILESS_MAIN(tst_ManagementApis)
#include "tst_managementapis.moc"
