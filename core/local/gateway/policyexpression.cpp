// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/policyexpression.h"

#include <QStringList>

namespace portico::local {

namespace {

QString body(const QString &value)
{
    const QString v = value.trimmed();
    if (v.startsWith(u"@(") && v.endsWith(u')'))
        return v.mid(2, v.size() - 3).trimmed();
    if (v.startsWith(u"@{") && v.endsWith(u'}')) {
        QString inner = v.mid(2, v.size() - 3).trimmed();
        if (inner.startsWith(u"return "))
            inner = inner.mid(7).trimmed();
        if (inner.endsWith(u';'))
            inner.chop(1);
        return inner.trimmed();
    }
    return {};
}

// Splits on '+' outside string literals and parentheses; false on unbalanced input.
bool splitTerms(const QString &text, QStringList &terms)
{
    QString current;
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inString) {
            current += c;
            if (c == u'\\' && i + 1 < text.size()) {
                current += text[++i];
            } else if (c == u'"') {
                inString = false;
            }
            continue;
        }
        if (c == u'"') {
            inString = true;
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            if (--depth < 0)
                return false;
        } else if (c == u'+' && depth == 0) {
            terms.append(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    if (inString || depth != 0)
        return false;
    terms.append(current.trimmed());
    return true;
}

bool parseLiteral(const QString &term, QString &out)
{
    if (term.size() < 2 || !term.startsWith(u'"') || !term.endsWith(u'"'))
        return false;
    out.clear();
    for (qsizetype i = 1; i + 1 < term.size(); ++i) {
        QChar c = term[i];
        if (c == u'\\') {
            if (i + 2 >= term.size())
                return false;
            c = term[++i];
            if (c == u'n')
                c = u'\n';
            else if (c == u't')
                c = u'\t';
        } else if (c == u'"') {
            return false;
        }
        out += c;
    }
    return true;
}

// Parses GetValueOrDefault("name"[, "default"]) arguments.
bool parseHeaderCall(const QString &term, QString &name, QString &fallback)
{
    static const QString prefix = u"context.Request.Headers.GetValueOrDefault("_qs;
    if (!term.startsWith(prefix) || !term.endsWith(u')'))
        return false;
    const QString args = term.mid(prefix.size(), term.size() - prefix.size() - 1);
    // Split on the comma outside quotes.
    qsizetype comma = -1;
    bool inString = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u'\\' && inString) {
            ++i;
            continue;
        }
        if (args[i] == u'"')
            inString = !inString;
        else if (args[i] == u',' && !inString) {
            comma = i;
            break;
        }
    }
    const QString first = (comma >= 0 ? args.left(comma) : args).trimmed();
    if (!parseLiteral(first, name))
        return false;
    fallback.clear();
    if (comma >= 0 && !parseLiteral(args.mid(comma + 1).trimmed(), fallback))
        return false;
    return true;
}

bool evaluateTerm(const QString &term, const ExpressionContext *context, QString &out)
{
    static const QString dummy;
    const auto pick = [&](const QString &value) {
        out = context ? value : QString();
        return true;
    };
    if (term.startsWith(u'"'))
        return parseLiteral(term, out);
    if (term == u"context.Subscription.Id")
        return pick(context ? context->subscriptionId : dummy);
    if (term == u"context.Subscription.Name")
        return pick(context ? context->subscriptionName : dummy);
    if (term == u"context.User.Id")
        return pick(context ? context->userId : dummy);
    if (term == u"context.Product.Id" || term == u"context.Product.Name")
        return pick(context ? context->productId : dummy);
    if (term == u"context.Api.Id")
        return pick(context ? context->apiId : dummy);
    if (term == u"context.Api.Name")
        return pick(context ? context->apiName : dummy);
    if (term == u"context.Operation.Id")
        return pick(context ? context->operationId : dummy);
    if (term == u"context.Operation.Name")
        return pick(context ? context->operationName : dummy);
    if (term == u"context.Request.IpAddress")
        return pick(context ? context->clientIp : dummy);
    if (term == u"context.Request.Method")
        return pick(context ? QString::fromLatin1(context->method) : dummy);
    QString name, fallback;
    if (parseHeaderCall(term, name, fallback)) {
        if (!context)
            return true;
        out = fallback;
        if (context->requestHeaders) {
            const QList<QByteArray> values = context->requestHeaders->values(name.toLatin1());
            if (!values.isEmpty())
                out = QString::fromUtf8(values.join(','));
        }
        return true;
    }
    return false;
}

} // namespace

bool PolicyExpression::isExpression(const QString &value)
{
    const QString v = value.trimmed();
    return v.startsWith(u"@(") || v.startsWith(u"@{");
}

QString PolicyExpression::validate(const QString &value)
{
    if (!isExpression(value))
        return {};
    const QString inner = body(value);
    QStringList terms;
    if (inner.isEmpty() || !splitTerms(inner, terms))
        return u"the expression '%1' is malformed"_qs.arg(value);
    for (const QString &term : terms) {
        QString ignored;
        if (term.isEmpty() || !evaluateTerm(term, nullptr, ignored))
            return u"the expression '%1' is not supported by the local gateway"_qs.arg(value);
    }
    return {};
}

QString PolicyExpression::evaluate(const QString &value, const ExpressionContext &context)
{
    if (!isExpression(value))
        return value;
    QStringList terms;
    if (!splitTerms(body(value), terms))
        return {};
    QString result;
    for (const QString &term : terms) {
        QString part;
        if (evaluateTerm(term, &context, part))
            result += part;
    }
    return result;
}

} // namespace portico::local
