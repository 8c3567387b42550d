// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/model/policy.h"
#include "tests/core/model/modeljson.h"

#include <QTest>

using namespace portico;
using core::JsonShape;
using core::Policy;
using core::PolicyScope;
using test::jsonObject;

Q_DECLARE_METATYPE(PolicyScope)
Q_DECLARE_METATYPE(PolicyScope::Kind)

class tst_Policy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsArmWireShapeAtEveryScope_data();
    void roundTripsArmWireShapeAtEveryScope();
    void scopeFromResourceId_data();
    void scopeFromResourceId();
    void requestShapeIsTheCreateBody();
    void formatDefaultsToXml();
    void malformedInputNamesTheField_data();
    void malformedInputNamesTheField();
    void rawExpressionsAreEscapedOnlyInsideExpressions_data();
    void rawExpressionsAreEscapedOnlyInsideExpressions();
    void escapedCharactersPointBackToWhereTheyWereTyped();
    void unescapingIsTheInverse_data();
    void unescapingIsTheInverse();
    void unescapingDecodesNumericReferences();
};

namespace {

const QByteArray svc = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/"
                       "providers/Microsoft.ApiManagement/service/apimService1";

QByteArray policyJson(const QByteArray &path, const QByteArray &type, const QByteArray &properties)
{
    return "{\"id\":\"" + svc + path + "\",\"type\":\"" + type + "\",\"name\":\"policy\",\"properties\":"
        + properties + "}";
}

// EX/ApiManagementCreateApiPolicy.json (§8 F): the reply re-indents the XML with \r\n.
const QByteArray apiPolicyReplyProperties =
    R"({"format":"xml","value":"<policies>\r\n  <inbound />\r\n  <backend>\r\n    <forward-request />\r\n  </backend>\r\n  <outbound />\r\n</policies>"})";
const QByteArray apiPolicyRequest =
    R"({"properties":{"format":"xml","value":"<policies> <inbound /> <backend> <forward-request /> </backend> <outbound /></policies>"}})";

} // namespace

void tst_Policy::roundTripsArmWireShapeAtEveryScope_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<PolicyScope>("scope");

    QTest::newRow("global") << policyJson("/policies/policy", "Microsoft.ApiManagement/service/policies",
                                          R"({"format":"xml","value":"<policies><inbound><cors><allowed-origins><origin>*</origin></allowed-origins></cors></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>"})")
                            << PolicyScope::global();
    QTest::newRow("product") << policyJson("/products/starter/policies/policy",
                                           "Microsoft.ApiManagement/service/products/policies",
                                           R"({"format":"xml","value":"<policies><inbound><rate-limit calls=\"5\" renewal-period=\"60\" /><quota calls=\"100\" renewal-period=\"604800\" /><base /></inbound><backend><base /></backend><outbound><base /></outbound></policies>"})")
                             << PolicyScope::product(u"starter"_qs);
    QTest::newRow("EX API policy reply") << policyJson("/apis/5600b57e7e8880006a040001/policies/policy",
                                                       "Microsoft.ApiManagement/service/apis/policies",
                                                       apiPolicyReplyProperties)
                                         << PolicyScope::api(u"5600b57e7e8880006a040001"_qs);
    QTest::newRow("operation, rawxml") << policyJson("/apis/azureml-demo/operations/rrs-execute/policies/policy",
                                                     "Microsoft.ApiManagement/service/apis/operations/policies",
                                                     R"({"format":"rawxml","value":"<policies><inbound><base /><set-header name=\"Authorization\" exists-action=\"override\"><value>@(\"Bearer \" + context.Variables[\"key\"])</value></set-header></inbound></policies>"})")
                                       << PolicyScope::operation(u"azureml-demo"_qs, u"rrs-execute"_qs);
    QTest::newRow("format omitted") << policyJson("/apis/echo-api/policies/policy",
                                                  "Microsoft.ApiManagement/service/apis/policies",
                                                  R"({"value":"<policies />"})")
                                    << PolicyScope::api(u"echo-api"_qs);
}

void tst_Policy::roundTripsArmWireShapeAtEveryScope()
{
    QFETCH(QByteArray, json);
    QFETCH(PolicyScope, scope);
    const QJsonObject wire = jsonObject(json);
    const auto policy = Policy::fromJson(wire);
    PORTICO_VERIFY_OK(policy);
    QCOMPARE(policy->scope, scope);
    QCOMPARE(policy->name, u"policy"_qs);
    PORTICO_COMPARE_JSON(policy->toJson(), wire);
    const auto again = Policy::fromJson(policy->toJson());
    PORTICO_VERIFY_OK(again);
    QCOMPARE(*again, *policy);
    QVERIFY(QString::fromUtf8(json).contains(scope.resourcePath()));
}

void tst_Policy::scopeFromResourceId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<PolicyScope::Kind>("kind");
    QTest::addColumn<QString>("path");

    QTest::newRow("relative global") << u"/policies/policy"_qs << PolicyScope::Kind::Global << u"/policies/policy"_qs;
    QTest::newRow("relative product") << u"/products/gold/policies/policy"_qs << PolicyScope::Kind::Product
                                      << u"/products/gold/policies/policy"_qs;
    QTest::newRow("case-insensitive collections") << u"/APIs/echo/Operations/get/Policies/policy"_qs
                                                  << PolicyScope::Kind::Operation
                                                  << u"/apis/echo/operations/get/policies/policy"_qs;
    QTest::newRow("full api id") << QString::fromUtf8(svc + "/apis/echo/policies/policy") << PolicyScope::Kind::Api
                                 << u"/apis/echo/policies/policy"_qs;
    QTest::newRow("revisioned api") << u"/apis/echo;rev=3/policies/policy"_qs << PolicyScope::Kind::Api
                                    << u"/apis/echo;rev=3/policies/policy"_qs;
    QTest::newRow("service named apis") << u"/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apis/policies/policy"_qs
                                        << PolicyScope::Kind::Global << u"/policies/policy"_qs;
}

void tst_Policy::scopeFromResourceId()
{
    QFETCH(QString, id);
    QFETCH(PolicyScope::Kind, kind);
    QFETCH(QString, path);
    const PolicyScope scope = PolicyScope::fromResourceId(id);
    QCOMPARE(scope.kind, kind);
    QCOMPARE(scope.resourcePath(), path);
}

void tst_Policy::requestShapeIsTheCreateBody()
{
    const auto request = Policy::fromJson(jsonObject(apiPolicyRequest));
    PORTICO_VERIFY_OK(request);
    QCOMPARE(request->scope, PolicyScope::global()); // no id: the caller sets the scope
    PORTICO_COMPARE_JSON(request->toJson(JsonShape::Request), jsonObject(apiPolicyRequest));
}

void tst_Policy::formatDefaultsToXml()
{
    const auto policy = Policy::fromJson(jsonObject(R"({"properties":{"value":"<policies />"}})"));
    PORTICO_VERIFY_OK(policy);
    QVERIFY(!policy->format.has_value());
    QCOMPARE(policy->effectiveFormat(), Policy::Format::Xml);
    QCOMPARE(Policy::formatFromName(u"rawxml-link"_qs), std::optional(Policy::Format::RawXmlLink));
    QVERIFY(!Policy::formatFromName(u"XML"_qs).has_value());
}

void tst_Policy::malformedInputNamesTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("value missing") << QByteArray(R"({"properties":{"format":"xml"}})") << u"properties.value"_qs;
    QTest::newRow("value an object") << QByteArray(R"({"properties":{"value":{}}})") << u"properties.value"_qs;
    QTest::newRow("unknown format") << QByteArray(R"({"properties":{"value":"<policies />","format":"json"}})")
                                    << u"properties.format"_qs;
    QTest::newRow("format a number") << QByteArray(R"({"properties":{"value":"<policies />","format":1}})")
                                     << u"properties.format"_qs;
}

void tst_Policy::malformedInputNamesTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const auto policy = Policy::fromJson(jsonObject(json));
    QVERIFY(!policy.ok());
    QCOMPARE(policy.error().kind, core::Error::Kind::Protocol);
    QCOMPARE(policy.error().target, field);
    QVERIFY2(policy.error().message.contains(u'\'' + field + u'\''), qPrintable(policy.error().message));
}

void tst_Policy::rawExpressionsAreEscapedOnlyInsideExpressions_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("no expression") << u"<value>a &amp; b</value>"_qs << u"<value>a &amp; b</value>"_qs;
    QTest::newRow("ampersand") << u"<value>@(\"R&D\")</value>"_qs << u"<value>@(\"R&amp;D\")</value>"_qs;
    QTest::newRow("already escaped stays literal")
        << u"<value>@(\"R&amp;D\")</value>"_qs << u"<value>@(\"R&amp;amp;D\")</value>"_qs;
    QTest::newRow("comparison and lambda")
        << u"<value>@(context.Request.Headers.Count(h => h.Key.Length < 3) > 0 && true)</value>"_qs
        << u"<value>@(context.Request.Headers.Count(h =&gt; h.Key.Length &lt; 3) &gt; 0 &amp;&amp; true)</value>"_qs;
    QTest::newRow("nested parentheses end the expression")
        << u"<a x=\"@((1 < 2) && (3 > 2))\" />&amp;"_qs
        << u"<a x=\"@((1 &lt; 2) &amp;&amp; (3 &gt; 2))\" />&amp;"_qs;
    QTest::newRow("multi-statement block")
        << u"<value>@{\n  var a = 1;\n  if (a < 2) { a++; }\n  return a;\n}</value>"_qs
        << u"<value>@{\n  var a = 1;\n  if (a &lt; 2) { a++; }\n  return a;\n}</value>"_qs;
    QTest::newRow("at sign without bracket") << u"<value>user@example.com & co</value>"_qs
                                             << u"<value>user@example.com & co</value>"_qs;
    // The form of the APIM docs and of exported Bicep (format 'rawxml').
    QTest::newRow("string literals in a double-quoted attribute")
        << u"<rate-limit-by-key calls=\"5\" renewal-period=\"30\" counter-key=\"@(context.Request.Headers.GetValueOrDefault(\"X-Client\", \"anonymous\"))\" />"_qs
        << u"<rate-limit-by-key calls=\"5\" renewal-period=\"30\" counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;X-Client&quot;, &quot;anonymous&quot;))\" />"_qs;
    QTest::newRow("char literals in a single-quoted attribute, double quotes stay")
        << u"<a x='@(\"a-b\".Split('-')[0])' />"_qs
        << u"<a x='@(\"a-b\".Split(&apos;-&apos;)[0])' />"_qs;
    QTest::newRow("quotes in element text stay")
        << u"<value>@(\"Bearer \" + context.Variables[\"key\"])</value>"_qs
        << u"<value>@(\"Bearer \" + context.Variables[\"key\"])</value>"_qs;
    QTest::newRow("a bracket in a string literal does not end the expression")
        << u"<a x=\"@(\")<\" + \"}\")\" y=\"1\" />"_qs
        << u"<a x=\"@(&quot;)&lt;&quot; + &quot;}&quot;)\" y=\"1\" />"_qs;
    QTest::newRow("escaped quote and verbatim string")
        << u"<value>@(\"a\\\")\" + @\"b\"\")\" + (')' < 'd'))</value>"_qs
        << u"<value>@(\"a\\\")\" + @\"b\"\")\" + (')' &lt; 'd'))</value>"_qs;
    QTest::newRow("multi-statement block in an attribute")
        << u"<a x=\"@{ var s = \"}\"; // it's fine\n return s.Length > 0 ? \"y\" : \"n\"; }\" />"_qs
        << u"<a x=\"@{ var s = &quot;}&quot;; // it's fine\n return s.Length &gt; 0 ? &quot;y&quot; : &quot;n&quot;; }\" />"_qs;
    QTest::newRow("comments and CDATA are left alone")
        << u"<!-- @(a < b) --><v><![CDATA[@(a < \"b\")]]></v><w>@(a < b)</w>"_qs
        << u"<!-- @(a < b) --><v><![CDATA[@(a < \"b\")]]></v><w>@(a &lt; b)</w>"_qs;
}

void tst_Policy::rawExpressionsAreEscapedOnlyInsideExpressions()
{
    QFETCH(QString, raw);
    QFETCH(QString, escaped);
    QCOMPARE(Policy::escapeExpressions(raw), escaped);
}

void tst_Policy::escapedCharactersPointBackToWhereTheyWereTyped()
{
    const QString raw = u"<v>@(a && b)</v>"_qs;
    QList<qsizetype> source;
    const QString escaped = Policy::escapeExpressions(raw, &source);
    QCOMPARE(escaped, u"<v>@(a &amp;&amp; b)</v>"_qs);
    QCOMPARE(source.size(), escaped.size());
    QCOMPARE(source.at(escaped.indexOf(u"&amp;&amp;"_qs)), raw.indexOf(u"&&"_qs));
    QCOMPARE(source.at(escaped.indexOf(u"&amp;&amp;"_qs) + 5), raw.indexOf(u"&&"_qs) + 1);
    QCOMPARE(source.at(escaped.indexOf(u"</v>"_qs)), raw.indexOf(u"</v>"_qs));

    const QString attribute = u"<v k=\"@(h.Get(\"X\"))\" />"_qs;
    const QString escapedAttribute = Policy::escapeExpressions(attribute, &source);
    QCOMPARE(escapedAttribute, u"<v k=\"@(h.Get(&quot;X&quot;))\" />"_qs);
    QCOMPARE(source.size(), escapedAttribute.size());
    QCOMPARE(source.at(escapedAttribute.indexOf(u"X&quot;"_qs) + 1), attribute.indexOf(u"X\""_qs) + 1);
    QCOMPARE(source.at(escapedAttribute.indexOf(u" />"_qs)), attribute.indexOf(u" />"_qs));
}

void tst_Policy::unescapingIsTheInverse_data()
{
    rawExpressionsAreEscapedOnlyInsideExpressions_data();
}

void tst_Policy::unescapingIsTheInverse()
{
    QFETCH(QString, raw);
    QFETCH(QString, escaped);
    // What GET ?format=rawxml serves for a document stored as xml is what the user would type.
    QCOMPARE(Policy::unescapeExpressions(escaped), raw);
    QCOMPARE(Policy::escapeExpressions(Policy::unescapeExpressions(escaped)), escaped);
}

void tst_Policy::unescapingDecodesNumericReferences()
{
    QCOMPARE(Policy::unescapeExpressions(u"<v a=\"@(&#34;b&#x22; + (1 &#60; 2))\">&#60;@(&#60;)</v>"_qs),
             u"<v a=\"@(\"b\" + (1 < 2))\">&#60;@(<)</v>"_qs);
}

QTEST_GUILESS_MAIN(tst_Policy)
#include "tst_policy.moc"
