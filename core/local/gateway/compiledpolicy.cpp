// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/compiledpolicy.h"

#include "core/local/gateway/policyexpression.h"

#include <QHostAddress>
#include <QSet>
#include <QXmlStreamReader>

namespace portico::local {

using core::Error;
using core::Result;

namespace {

constexpr unsigned Inbound = 1, Backend = 2, Outbound = 4, OnError = 8, All = 15;

struct ElementRule
{
    unsigned sections;
    QStringList required;     // every one required
    QStringList oneOf;        // at least one of these
    QStringList integers;     // must be non-negative integers when present
};

const QHash<QString, ElementRule> &rules()
{
    static const QHash<QString, ElementRule> r {
        { u"base"_qs, { All, {}, {}, {} } },
        { u"rate-limit"_qs, { Inbound, { u"calls"_qs, u"renewal-period"_qs }, {}, { u"calls"_qs, u"renewal-period"_qs } } },
        { u"rate-limit-by-key"_qs, { Inbound, { u"calls"_qs, u"renewal-period"_qs, u"counter-key"_qs }, {}, { u"calls"_qs, u"renewal-period"_qs, u"increment-count"_qs } } },
        { u"quota"_qs, { Inbound, { u"renewal-period"_qs }, { u"calls"_qs, u"bandwidth"_qs }, { u"calls"_qs, u"bandwidth"_qs, u"renewal-period"_qs } } },
        { u"quota-by-key"_qs, { Inbound, { u"renewal-period"_qs, u"counter-key"_qs }, { u"calls"_qs, u"bandwidth"_qs }, { u"calls"_qs, u"bandwidth"_qs, u"renewal-period"_qs, u"increment-count"_qs } } },
        { u"set-header"_qs, { All, { u"name"_qs }, {}, {} } },
        { u"set-query-parameter"_qs, { Inbound | Backend, { u"name"_qs }, {}, {} } },
        { u"set-backend-service"_qs, { Inbound | Backend, {}, { u"base-url"_qs, u"backend-id"_qs }, {} } },
        { u"rewrite-uri"_qs, { Inbound, { u"template"_qs }, {}, {} } },
        { u"cors"_qs, { Inbound, {}, {}, {} } },
        { u"ip-filter"_qs, { Inbound, { u"action"_qs }, {}, {} } },
        { u"check-header"_qs, { Inbound, { u"name"_qs, u"failed-check-httpcode"_qs, u"failed-check-error-message"_qs }, {}, { u"failed-check-httpcode"_qs } } },
        { u"mock-response"_qs, { Inbound | Outbound | OnError, {}, {}, { u"status-code"_qs } } },
        { u"return-response"_qs, { All, {}, {}, {} } },
        { u"forward-request"_qs, { Backend, {}, {}, { u"timeout"_qs } } },
        { u"set-status"_qs, { Outbound | OnError, { u"code"_qs }, {}, { u"code"_qs } } },
    };
    return r;
}

unsigned sectionBit(PolicySection s)
{
    return 1u << unsigned(s);
}

QString sectionName(PolicySection s)
{
    static const char *names[] = { "inbound", "backend", "outbound", "on-error" };
    return QString::fromLatin1(names[size_t(s)]);
}

Error policyError(const QString &message)
{
    Error e = Error::make(Error::Kind::InvalidInput, message, u"ValidationError"_qs);
    e.target = u"value"_qs;
    return e;
}

bool isInteger(const QString &v)
{
    bool ok = false;
    const qlonglong n = v.toLongLong(&ok);
    return ok && n >= 0;
}

// Values only known when a request runs (expressions) or once named values are substituted.
bool isDeferred(const QString &value, CompiledPolicy::NamedValues namedValues)
{
    return PolicyExpression::isExpression(value)
        || (namedValues == CompiledPolicy::NamedValues::Pending && value.contains(u"{{"));
}

QString validateNode(const PolicyNode &node, PolicySection section, CompiledPolicy::NamedValues namedValues)
{
    const auto where = [&](const QString &what) {
        return u"Error in element '%1' on line %2: %3"_qs.arg(node.name).arg(node.line).arg(what);
    };
    const auto rule = rules().constFind(node.name);
    if (rule == rules().constEnd())
        return u"Unknown or unsupported policy element '%1' on line %2."_qs.arg(node.name).arg(node.line);
    if (!(rule->sections & sectionBit(section)))
        return where(u"it is not allowed in the '%1' section."_qs.arg(sectionName(section)));
    for (const QString &attr : rule->required) {
        if (!node.hasAttribute(attr))
            return where(u"the attribute '%1' is required."_qs.arg(attr));
    }
    if (!rule->oneOf.isEmpty()) {
        bool any = false;
        for (const QString &attr : rule->oneOf)
            any = any || node.hasAttribute(attr);
        if (!any)
            return where(u"one of the attributes '%1' is required."_qs.arg(rule->oneOf.join(u"', '"_qs)));
    }
    for (const QString &attr : rule->integers) {
        if (node.hasAttribute(attr) && !isDeferred(node.attribute(attr), namedValues)
            && !isInteger(node.attribute(attr)))
            return where(u"the attribute '%1' must be a non-negative integer."_qs.arg(attr));
    }
    for (const auto &[name, value] : node.attributes) {
        const QString why = PolicyExpression::validate(value);
        if (!why.isEmpty())
            return where(u"in the attribute '%1', %2."_qs.arg(name, why));
    }
    if (node.hasAttribute(u"increment-condition"_qs)
        && !(namedValues == CompiledPolicy::NamedValues::Pending
             && node.attribute(u"increment-condition"_qs).contains(u"{{"))) {
        // Honoured as written, never ignored: an expression would be evaluated at the end of the
        // outbound pipeline, which the local gateway does not do.
        const QString condition = node.attribute(u"increment-condition"_qs).trimmed();
        if (condition.compare(u"true", Qt::CaseInsensitive) != 0
            && condition.compare(u"false", Qt::CaseInsensitive) != 0)
            return where(u"the attribute 'increment-condition' must be 'true' or 'false' (found "
                         "'%1'); portico-local does not evaluate policy expressions there."_qs
                             .arg(condition));
    }
    if (node.name.startsWith(u"rate-limit") && !isDeferred(node.attribute(u"renewal-period"_qs), namedValues)
        && node.attribute(u"renewal-period"_qs).toLongLong() > 300)
        return where(u"the attribute 'renewal-period' of a rate limit must not exceed 300 seconds "
                     "(found %1)."_qs.arg(node.attribute(u"renewal-period"_qs)));
    if (node.name.startsWith(u"rate-limit") || node.name.startsWith(u"quota")) {
        // Per-API and per-operation limits (<api>/<operation> children) are not implemented:
        // refused rather than silently not applied.
        if (!node.children.isEmpty())
            return where(u"the child element '%1' (line %2) is not supported by portico-local; "
                         "put a separate %3 into that API's or operation's own policy instead."_qs
                             .arg(node.children.constFirst().name)
                             .arg(node.children.constFirst().line)
                             .arg(node.name));
    }
    if (node.name == u"set-header" || node.name == u"set-query-parameter") {
        const QString action = node.attribute(u"exists-action"_qs, u"override"_qs);
        if (action != u"override" && action != u"skip" && action != u"append" && action != u"delete")
            return where(u"exists-action must be override, skip, append or delete."_qs);
        for (const PolicyNode &child : node.children) {
            if (child.name != u"value")
                return where(u"unexpected child element '%1'."_qs.arg(child.name));
            const QString why = PolicyExpression::validate(child.text);
            if (!why.isEmpty())
                return where(why + u'.');
        }
    }
    if (node.name == u"ip-filter") {
        const QString action = node.attribute(u"action"_qs);
        if (action != u"allow" && action != u"forbid"
            && !(namedValues == CompiledPolicy::NamedValues::Pending && action.contains(u"{{")))
            return where(u"the attribute 'action' must be 'allow' or 'forbid' (lower case), not '%1'."_qs.arg(action));
        const auto notAddress = [&](const QString &text) {
            return QHostAddress(text.trimmed()).isNull()
                && !(namedValues == CompiledPolicy::NamedValues::Pending && text.contains(u"{{"));
        };
        for (const PolicyNode &child : node.children) {
            if (child.name == u"address") {
                if (notAddress(child.text))
                    return where(u"'%1' is not an IP address (line %2)."_qs.arg(child.text).arg(child.line));
            } else if (child.name == u"address-range") {
                if (notAddress(child.attribute(u"from"_qs)) || notAddress(child.attribute(u"to"_qs)))
                    return where(u"an address-range (line %1) needs IP addresses in the attributes 'from' and 'to'."_qs.arg(child.line));
            } else {
                return where(u"unexpected child element '%1'."_qs.arg(child.name));
            }
        }
    }
    if (node.name == u"cors") {
        static const QSet<QString> allowed { u"allowed-origins"_qs, u"allowed-methods"_qs,
                                             u"allowed-headers"_qs, u"expose-headers"_qs };
        for (const PolicyNode &child : node.children) {
            if (!allowed.contains(child.name))
                return where(u"unexpected child element '%1'."_qs.arg(child.name));
        }
        if (!node.child(u"allowed-origins"_qs))
            return where(u"the child element 'allowed-origins' is required."_qs);
    }
    if (node.name == u"return-response") {
        for (const PolicyNode &child : node.children) {
            if (child.name != u"set-status" && child.name != u"set-header" && child.name != u"set-body")
                return where(u"unexpected child element '%1'."_qs.arg(child.name));
            if (child.name == u"set-header") {
                const QString why = validateNode(child, PolicySection::Outbound, namedValues);
                if (!why.isEmpty())
                    return why;
            }
            if (child.name == u"set-status" && !isDeferred(child.attribute(u"code"_qs), namedValues)
                && !isInteger(child.attribute(u"code"_qs)))
                return where(u"set-status needs a numeric 'code'."_qs);
        }
    }
    return {};
}

void composeSection(const QList<PolicyNode> &child, const QList<PolicyNode> &parent,
                    const QString &scope, QList<PolicyNode> &out)
{
    for (const PolicyNode &node : child) {
        if (node.name == u"base") {
            out.append(parent);
        } else {
            PolicyNode copy = node;
            if (copy.scope.isEmpty())
                copy.scope = scope;
            out.append(copy);
        }
    }
}

} // namespace

QString PolicyNode::attribute(const QString &name, const QString &fallback) const
{
    for (const auto &[key, value] : attributes) {
        if (key == name)
            return value;
    }
    return fallback;
}

bool PolicyNode::hasAttribute(const QString &name) const
{
    for (const auto &[key, value] : attributes) {
        if (key == name)
            return true;
    }
    return false;
}

const PolicyNode *PolicyNode::child(const QString &name) const
{
    for (const PolicyNode &c : children) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

Result<CompiledPolicy> CompiledPolicy::parse(const QString &xml, NamedValues namedValues)
{
    QXmlStreamReader reader(xml);
    CompiledPolicy doc;
    // Element stack: the node being built at each depth below a section.
    QList<PolicyNode> stack;
    int depth = 0;
    int sectionIndex = -1;
    bool sawRoot = false;
    QSet<int> seenSections;
    QHash<QString, int> sameName;  // section elements of each name so far
    QHash<QString, int> firstLine; // and the line of the first
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = reader.name().toString();
            const int line = int(reader.lineNumber());
            ++depth;
            if (depth == 1) {
                if (name != u"policies")
                    return policyError(u"The root element must be 'policies', found '%1' on line %2."_qs.arg(name).arg(line));
                sawRoot = true;
                continue;
            }
            if (depth == 2) {
                static const QStringList sections { u"inbound"_qs, u"backend"_qs, u"outbound"_qs, u"on-error"_qs };
                sectionIndex = int(sections.indexOf(name));
                if (sectionIndex < 0)
                    return policyError(u"Unknown section '%1' on line %2; expected inbound, backend, outbound or on-error."_qs.arg(name).arg(line));
                if (seenSections.contains(sectionIndex))
                    return policyError(u"The section '%1' appears twice (line %2)."_qs.arg(name).arg(line));
                seenSections.insert(sectionIndex);
                continue;
            }
            if (depth > 32)
                return policyError(u"The policy is nested too deeply (line %1)."_qs.arg(line));
            PolicyNode node;
            node.name = name;
            node.line = line;
            for (const QXmlStreamAttribute &a : reader.attributes())
                node.attributes.append({ a.name().toString(), a.value().toString() });
            stack.append(node);
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth >= 3 && !stack.isEmpty()) {
                PolicyNode node = stack.takeLast();
                node.text = node.text.trimmed();
                if (stack.isEmpty()) {
                    const auto section = PolicySection(sectionIndex);
                    const QString why = validateNode(node, section, namedValues);
                    if (!why.isEmpty())
                        return policyError(why);
                    node.ordinal = sameName[node.name]++;
                    if (node.ordinal == 0)
                        firstLine.insert(node.name, node.line);
                    // APIM: rate-limit and quota "can be used only once per policy definition"
                    // (rate-limit-policy, quota-policy usage notes); the *-by-key ones can repeat.
                    if (node.ordinal > 0 && (node.name == u"rate-limit" || node.name == u"quota"))
                        return policyError(
                            u"Error in element '%1' on line %2: a policy document may contain only "
                            "one '%1' (the first is on line %3). For a second limit, use '%1-by-key' "
                            "with counter-key=\"@(context.Subscription.Id)\"."_qs.arg(node.name)
                                .arg(node.line)
                                .arg(firstLine.value(node.name)));
                    doc.m_sections[size_t(sectionIndex)].append(node);
                } else {
                    stack.last().children.append(node);
                }
            }
            --depth;
        } else if (token == QXmlStreamReader::Characters || token == QXmlStreamReader::EntityReference) {
            if (!stack.isEmpty()) {
                stack.last().text += reader.text();
            } else if (!reader.isWhitespace()) {
                return policyError(u"Unexpected text '%1' on line %2."_qs.arg(reader.text().left(40)).arg(reader.lineNumber()));
            }
        }
    }
    if (reader.hasError())
        return policyError(u"The policy XML is not well formed: %1 (line %2, column %3)."_qs
                               .arg(reader.errorString())
                               .arg(reader.lineNumber())
                               .arg(reader.columnNumber()));
    if (!sawRoot)
        return policyError(u"The policy document is empty; expected a 'policies' element."_qs);
    return doc;
}

QString CompiledPolicy::scopeProblem(core::PolicyScope::Kind scope) const
{
    for (const QList<PolicyNode> &section : m_sections) {
        for (const PolicyNode &node : section) {
            if (core::PolicyScope::allows(scope, node.name))
                continue;
            // APIM's own message first ("Error in element 'quota' on line 4, column 6: Policy is
            // not allowed in the specified scope"), then what would work here.
            const QString instead = node.name == u"quota"
                ? u"'quota' may be used only in a product's policy; for a quota per subscription "
                  "here, use 'quota-by-key' with counter-key=\"@(context.Subscription.Id)\"."_qs
                : u"'%1' may be used in a product's, an API's or an operation's policy, not in the "
                  "global policy; for a limit per subscription here, use '%1-by-key' with "
                  "counter-key=\"@(context.Subscription.Id)\"."_qs.arg(node.name);
            return u"Error in element '%1' on line %2: Policy is not allowed in the specified "
                   "scope. %3"_qs.arg(node.name)
                .arg(node.line)
                .arg(instead);
        }
    }
    return {};
}

CompiledPolicy CompiledPolicy::inheritAll()
{
    CompiledPolicy doc;
    PolicyNode base;
    base.name = u"base"_qs;
    for (auto &section : doc.m_sections)
        section.append(base);
    return doc;
}

CompiledPolicy CompiledPolicy::broken(const QString &problem)
{
    CompiledPolicy doc;
    doc.m_problem = problem;
    return doc;
}

CompiledPolicy CompiledPolicy::composedOver(const CompiledPolicy &parent, const QString &scope) const
{
    CompiledPolicy out;
    // A broken scope anywhere in the chain breaks the whole: even a child without <base/> may
    // be meant to run under limits the broken parent would have imposed.
    out.m_problem = m_problem.isEmpty() ? parent.m_problem : m_problem;
    for (size_t i = 0; i < m_sections.size(); ++i)
        composeSection(m_sections[i], parent.m_sections[i], scope, out.m_sections[i]);
    return out;
}

QString substituteNamedValues(const QString &xml, const QHash<QString, QString> &values)
{
    if (!xml.contains(u"{{"))
        return xml;
    QString out;
    out.reserve(xml.size());
    qsizetype i = 0;
    while (i < xml.size()) {
        const qsizetype open = xml.indexOf(u"{{", i);
        if (open < 0) {
            out += QStringView(xml).mid(i);
            break;
        }
        const qsizetype close = xml.indexOf(u"}}", open + 2);
        if (close < 0) {
            out += QStringView(xml).mid(i);
            break;
        }
        out += QStringView(xml).mid(i, open - i);
        const QString name = xml.mid(open + 2, close - open - 2).trimmed();
        const auto it = values.constFind(name);
        if (it != values.constEnd())
            out += it->toHtmlEscaped();
        else
            out += QStringView(xml).mid(open, close + 2 - open);
        i = close + 2;
    }
    return out;
}

} // namespace portico::local
