// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The gateway's template matcher over core::UrlTemplate: the input is "template\npath?query".
// The template is parsed; when valid it is matched against the path, expanded, and the
// expansion must match the template again with the same parameters.

#include "core/local/gateway/templatematcher.h"
#include "tests/fuzz/fuzzmain.h"

#include <QByteArray>

#include <cstdio>
#include <cstdlib>

using namespace portico::local;

const char *const kFuzzSeeds[] = {
    "/customers/{cid}/orders/{oid}/?date={date}\n/customers/1/orders/2?date=x",
    "/*\n/a/b/c",
    "/files/{*rest}\n/files/x/y",
    "/items/{id}.json\n/items/12.json",
    "/o?api-version=2&flag\n/o?api-version=2&flag",
    "/a/{b}/{c}\n/a/%2F/x%20y",
    "/{a}-{b}\n/x-y",
    "}{\n/",
    nullptr,
};

[[noreturn]] void fail(const QByteArray &input, const QString &url, const char *why)
{
    std::fprintf(stderr, "fuzz_urltemplate: %s\ninput: %s\nexpanded: %s\n", why,
                 input.toPercentEncoding("/{}?&=*").constData(), qPrintable(url));
    std::abort();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype nl = input.indexOf('\n');
    const QString text = QString::fromUtf8(nl >= 0 ? input.left(nl) : input);
    const QByteArray request = nl >= 0 ? input.mid(nl + 1) : QByteArray("/");
    const qsizetype q = request.indexOf('?');
    const RequestPath path = RequestPath::fromEncoded(q >= 0 ? request.left(q) : request,
                                                      q >= 0 ? request.mid(q + 1) : QByteArray());
    auto parsed = portico::core::UrlTemplate::parse(text);
    (void)TemplateMatcher::expandRewrite(text, { { u"a"_qs, u"x/y"_qs } });
    if (!parsed)
        return 0;
    (void)TemplateMatcher::specificity(*parsed);
    TemplateMatch match;
    (void)TemplateMatcher::match(*parsed, path, {}, match);
    // Round trip: values from the request, expanded by the model, match again.
    QHash<QString, QString> values;
    int i = 0;
    for (const QString &name : parsed->parameterNames())
        values.insert(name, u"v%1"_qs.arg(i++));
    values.insert(u"*"_qs, u"w/x"_qs);
    auto expanded = parsed->expand(values);
    if (expanded) {
        const QByteArray url = expanded->toUtf8();
        const qsizetype eq = url.indexOf('?');
        TemplateMatch again;
        const RequestPath back = RequestPath::fromEncoded(eq >= 0 ? url.left(eq) : url, eq >= 0 ? url.mid(eq + 1) : QByteArray());
        if (!TemplateMatcher::match(*parsed, back, {}, again))
            fail(input, *expanded, "the expansion does not match its own template");
        for (const QString &name : parsed->parameterNames()) {
            if (again.parameters.value(name) != values.value(name))
                fail(input, *expanded, "a parameter changed in the round trip");
        }
    }
    return 0;
}
