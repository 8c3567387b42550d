// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The policy parser and validator on arbitrary text, with named-value substitution and
// composition through <base/>; accepted documents also evaluate their expressions.

#include "core/local/gateway/compiledpolicy.h"
#include "core/local/gateway/policyexpression.h"
#include "tests/fuzz/fuzzmain.h"

#include <QString>

using namespace portico::local;

const char *const kFuzzSeeds[] = {
    "<policies><inbound><rate-limit calls=\"5\" renewal-period=\"60\" /><quota calls=\"100\" renewal-period=\"604800\" /><base /></inbound>"
    "<backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>",
    "<policies><inbound><cors allow-credentials=\"true\"><allowed-origins><origin>*</origin></allowed-origins>"
    "<allowed-methods preflight-result-max-age=\"5\"><method>GET</method></allowed-methods><allowed-headers><header>*</header></allowed-headers></cors></inbound></policies>",
    "<policies><inbound><set-header name=\"X\" exists-action=\"append\"><value>{{nv}}</value><value>@(context.Subscription.Id + \"-\")</value></set-header>"
    "<rate-limit-by-key calls=\"1\" renewal-period=\"1\" counter-key=\"@(context.Request.Headers.GetValueOrDefault(&quot;a&quot;,&quot;b&quot;))\"/></inbound></policies>",
    "<policies><inbound><ip-filter action=\"allow\"><address>1.2.3.4</address><address-range from=\"10.0.0.0\" to=\"10.0.0.9\"/></ip-filter>"
    "<check-header name=\"h\" failed-check-httpcode=\"401\" failed-check-error-message=\"m\"><value>v</value></check-header></inbound></policies>",
    "<policies><inbound><mock-response status-code=\"200\" content-type=\"application/json\"/></inbound><outbound><return-response>"
    "<set-status code=\"418\" reason=\"t\"/><set-header name=\"a\"><value>b</value></set-header><set-body>x</set-body></return-response></outbound></policies>",
    "<policies><inbound><set-backend-service base-url=\"http://x\"/><rewrite-uri template=\"/a/{b}\"/><set-query-parameter name=\"q\"><value>1</value></set-query-parameter></inbound>"
    "<backend><forward-request timeout=\"5\"/></backend></policies>",
    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><policies>&a;</policies>",
    nullptr,
};

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = substituteNamedValues(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)),
                                               { { u"nv"_qs, u"<&\">"_qs } });
    auto parsed = CompiledPolicy::parse(text);
    if (!parsed)
        return 0;
    const CompiledPolicy composed = parsed->composedOver(*parsed, u"fuzz"_qs);
    HeaderList headers;
    headers.append("a", "1");
    ExpressionContext context;
    context.requestHeaders = &headers;
    for (int s = 0; s < 4; ++s) {
        for (const PolicyNode &node : composed.section(PolicySection(s))) {
            for (const auto &[name, value] : node.attributes)
                (void)PolicyExpression::evaluate(value, context);
            for (const PolicyNode &child : node.children)
                (void)PolicyExpression::evaluate(child.text, context);
        }
    }
    return 0;
}
