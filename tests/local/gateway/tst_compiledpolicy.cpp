// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/local/gateway/compiledpolicy.h"
#include "core/local/gateway/policyexpression.h"

#include <QTest>

using namespace portico::local;

namespace {

// A policy document with these elements as its whole inbound section, on its first line.
QString inInbound(const QString &elements)
{
    return u"<policies><inbound>"_qs + elements + u"</inbound></policies>"_qs;
}

} // namespace

class TestCompiledPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rejectsWithElementAndLine_data()
    {
        QTest::addColumn<QString>("xml");
        QTest::addColumn<QString>("message");
        QTest::newRow("not xml") << u"<policies><inbound>"_qs << u"not well formed"_qs;
        QTest::newRow("wrong root") << u"<policy/>"_qs << u"root element must be 'policies'"_qs;
        QTest::newRow("unknown section") << u"<policies><middle/></policies>"_qs << u"Unknown section 'middle'"_qs;
        QTest::newRow("unknown element") << u"<policies>\n<inbound>\n<send-request/></inbound></policies>"_qs
                                         << u"Unknown or unsupported policy element 'send-request' on line 3."_qs;
        QTest::newRow("wrong section") << u"<policies><outbound><rate-limit calls=\"1\" renewal-period=\"1\"/></outbound></policies>"_qs
                                       << u"not allowed in the 'outbound' section"_qs;
        QTest::newRow("missing attribute") << inInbound(u"<rate-limit calls=\"5\"/>"_qs)
                                           << u"the attribute 'renewal-period' is required"_qs;
        QTest::newRow("not a number") << inInbound(u"<quota calls=\"many\" renewal-period=\"60\"/>"_qs)
                                      << u"'calls' must be a non-negative integer"_qs;
        QTest::newRow("period too long") << inInbound(u"<rate-limit calls=\"5\" renewal-period=\"301\"/>"_qs)
                                         << u"must not exceed 300 seconds"_qs;
        QTest::newRow("bad action") << inInbound(u"<set-header name=\"a\" exists-action=\"replace\"/>"_qs)
                                    << u"exists-action must be"_qs;
        QTest::newRow("unsupported expression") << inInbound(u"<rate-limit-by-key calls=\"1\" renewal-period=\"1\" counter-key=\"@(DateTime.Now)\"/>"_qs)
                                                << u"not supported by the local gateway"_qs;
        QTest::newRow("bad ip") << inInbound(u"<ip-filter action=\"allow\"><address>nope</address></ip-filter>"_qs)
                                << u"'nope' is not an IP address"_qs;
        QTest::newRow("cors without origins") << inInbound(u"<cors/>"_qs) << u"'allowed-origins' is required"_qs;
        QTest::newRow("two rate-limits")
            << inInbound(u"<rate-limit calls=\"3\" renewal-period=\"10\"/><rate-limit calls=\"100\" renewal-period=\"300\"/>"_qs)
            << u"may contain only one 'rate-limit'"_qs;
        QTest::newRow("two quotas")
            << inInbound(u"<quota calls=\"3\" renewal-period=\"3600\"/><quota calls=\"1000\" renewal-period=\"86400\"/>"_qs)
            << u"may contain only one 'quota'"_qs;
        QTest::newRow("increment-condition not a boolean")
            << inInbound(u"<rate-limit-by-key calls=\"1\" renewal-period=\"1\" counter-key=\"a\" increment-condition=\"maybe\"/>"_qs)
            << u"the attribute 'increment-condition' must be 'true' or 'false' (found 'maybe')"_qs;
        QTest::newRow("increment-condition expression")
            << inInbound(u"<quota-by-key calls=\"1\" renewal-period=\"60\" counter-key=\"a\" increment-condition=\"@(context.Request.IpAddress)\"/>"_qs)
            << u"portico-local does not evaluate policy expressions there"_qs;
        QTest::newRow("duplicate section") << u"<policies><inbound/><inbound/></policies>"_qs << u"appears twice"_qs;
    }

    void rejectsWithElementAndLine()
    {
        QFETCH(QString, xml);
        QFETCH(QString, message);
        const auto parsed = CompiledPolicy::parse(xml);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, u"ValidationError"_qs);
        QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
    }

    void parsesTheStarterPolicy()
    {
        const auto parsed = CompiledPolicy::parse(
            u"<policies><inbound><rate-limit calls=\"5\" renewal-period=\"60\" /><quota calls=\"100\" renewal-period=\"604800\" /><base /></inbound>"
            "<backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>"_qs);
        QVERIFY(parsed);
        QCOMPARE(parsed->section(PolicySection::Inbound).size(), 3);
        QCOMPARE(parsed->section(PolicySection::Inbound)[1].attribute(u"renewal-period"_qs), u"604800"_qs);
        QVERIFY(CompiledPolicy::parse(u"<policies><inbound /><backend><forward-request /></backend><outbound /></policies>"_qs));
    }

    void composesThroughBase()
    {
        const auto parent = CompiledPolicy::parse(u"<policies><inbound><set-header name=\"p\"><value>1</value></set-header></inbound></policies>"_qs);
        const auto child = CompiledPolicy::parse(u"<policies><inbound><check-header name=\"c\" failed-check-httpcode=\"400\" failed-check-error-message=\"m\"/><base/></inbound><outbound/></policies>"_qs);
        QVERIFY(parent && child);
        const CompiledPolicy composed = child->composedOver(*parent, u"api:x"_qs);
        const auto &inbound = composed.section(PolicySection::Inbound);
        QCOMPARE(inbound.size(), 2);
        QCOMPARE(inbound[0].name, u"check-header"_qs);
        QCOMPARE(inbound[0].scope, u"api:x"_qs);
        QCOMPARE(inbound[1].name, u"set-header"_qs);
        QVERIFY(composed.section(PolicySection::Outbound).isEmpty()); // no <base/>: parent dropped
        QCOMPARE(CompiledPolicy::inheritAll().composedOver(*parent, u"s"_qs).section(PolicySection::Inbound).size(), 1);
    }

    void namedValuesAreEscaped()
    {
        QCOMPARE(substituteNamedValues(u"<value>{{a}}-{{ b }}-{{c}}</value>"_qs, { { u"a"_qs, u"x<y"_qs }, { u"b"_qs, u"&"_qs } }),
                 u"<value>x&lt;y-&amp;-{{c}}</value>"_qs);
    }

    void expressions()
    {
        HeaderList headers;
        headers.append("X-Client", "abc");
        ExpressionContext c;
        c.subscriptionId = u"sub"_qs;
        c.clientIp = u"10.1.2.3"_qs;
        c.requestHeaders = &headers;
        QCOMPARE(PolicyExpression::evaluate(u"plain"_qs, c), u"plain"_qs);
        QCOMPARE(PolicyExpression::evaluate(u"@(context.Subscription.Id)"_qs, c), u"sub"_qs);
        QCOMPARE(PolicyExpression::evaluate(u"@(\"ip-\" + context.Request.IpAddress)"_qs, c), u"ip-10.1.2.3"_qs);
        QCOMPARE(PolicyExpression::evaluate(u"@(context.Request.Headers.GetValueOrDefault(\"x-client\", \"none\"))"_qs, c), u"abc"_qs);
        QCOMPARE(PolicyExpression::evaluate(u"@(context.Request.Headers.GetValueOrDefault(\"Missing\", \"none\"))"_qs, c), u"none"_qs);
        QVERIFY(PolicyExpression::validate(u"@(context.Request.Body.As<string>())"_qs).contains(u"not supported"_qs));
        QVERIFY(PolicyExpression::validate(u"@(\"unterminated)"_qs).contains(u"malformed"_qs));
    }
};

QTEST_GUILESS_MAIN(TestCompiledPolicy)
#include "tst_compiledpolicy.moc"
