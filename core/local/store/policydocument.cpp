// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/store/policydocument.h"

#include "core/local/gateway/policycheck.h"
#include "core/model/policy.h"

#include <QHash>
#include <QStack>
#include <QXmlStreamReader>

namespace portico::local {

using core::Error;
using core::ErrorDetail;
using core::Result;

namespace {

QHash<QString, QSet<QString>> makeSupported()
{
    const QSet<QString> sections { u"inbound"_qs, u"backend"_qs, u"outbound"_qs, u"on-error"_qs };
    const QSet<QString> inboundLike { u"inbound"_qs, u"outbound"_qs, u"backend"_qs, u"on-error"_qs };
    QHash<QString, QSet<QString>> s;
    s.insert(u"policies"_qs, { QString() });
    for (const QString &section : sections)
        s.insert(section, { u"policies"_qs });
    s.insert(u"base"_qs, sections);
    s.insert(u"forward-request"_qs, { u"backend"_qs });
    for (const char *limit : { "rate-limit", "rate-limit-by-key", "quota", "quota-by-key" })
        s.insert(QString::fromLatin1(limit), { u"inbound"_qs });
    s.insert(u"api"_qs, { u"rate-limit"_qs, u"quota"_qs });
    s.insert(u"operation"_qs, { u"api"_qs });
    s.insert(u"set-header"_qs, inboundLike + QSet<QString> { u"return-response"_qs });
    s.insert(u"value"_qs, { u"set-header"_qs, u"set-query-parameter"_qs, u"check-header"_qs });
    s.insert(u"set-query-parameter"_qs, { u"inbound"_qs, u"backend"_qs });
    s.insert(u"set-backend-service"_qs, { u"inbound"_qs, u"backend"_qs });
    s.insert(u"rewrite-uri"_qs, { u"inbound"_qs });
    s.insert(u"cors"_qs, { u"inbound"_qs });
    s.insert(u"allowed-origins"_qs, { u"cors"_qs });
    s.insert(u"origin"_qs, { u"allowed-origins"_qs });
    s.insert(u"allowed-methods"_qs, { u"cors"_qs });
    s.insert(u"method"_qs, { u"allowed-methods"_qs });
    s.insert(u"allowed-headers"_qs, { u"cors"_qs });
    s.insert(u"expose-headers"_qs, { u"cors"_qs });
    s.insert(u"header"_qs, { u"allowed-headers"_qs, u"expose-headers"_qs });
    s.insert(u"ip-filter"_qs, { u"inbound"_qs });
    s.insert(u"address"_qs, { u"ip-filter"_qs });
    s.insert(u"address-range"_qs, { u"ip-filter"_qs });
    s.insert(u"check-header"_qs, { u"inbound"_qs });
    s.insert(u"mock-response"_qs, { u"inbound"_qs, u"outbound"_qs, u"on-error"_qs });
    s.insert(u"return-response"_qs, inboundLike);
    s.insert(u"set-status"_qs, { u"return-response"_qs });
    s.insert(u"set-body"_qs, { u"return-response"_qs });
    return s;
}

Error validationError(const QString &message)
{
    Error e = Error::make(Error::Kind::InvalidInput, u"One or more fields contain incorrect values:"_qs,
                          u"ValidationError"_qs);
    e.details.append(ErrorDetail { u"ValidationError"_qs, message, u"value"_qs });
    return e;
}

} // namespace

const QHash<QString, QSet<QString>> &PolicyDocument::supportedElements()
{
    static const QHash<QString, QSet<QString>> s_supported = makeSupported();
    return s_supported;
}

Result<QString> PolicyDocument::validate(const QString &value, const QString &format,
                                         const QSet<QString> &namedValues,
                                         core::PolicyScope::Kind scope)
{
    const QString xml = format == u"rawxml"_qs ? core::Policy::escapeExpressions(value) : value;
    const auto &supported = supportedElements();
    QXmlStreamReader reader(xml);
    QStack<QString> open;
    bool sawRoot = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const QString name = reader.name().toString();
            const QString parent = open.isEmpty() ? QString() : open.top();
            const auto it = supported.constFind(name);
            if (it == supported.constEnd())
                return validationError(
                    u"Error in element '%1' on line %2, column %3: '%1' is not a policy that the "
                    "portico-local gateway implements."_qs.arg(name)
                        .arg(reader.lineNumber())
                        .arg(reader.columnNumber()));
            if (!it->contains(parent))
                return validationError(
                    parent.isEmpty()
                        ? u"Error in element '%1' on line %2, column %3: the document must start "
                          "with <policies>."_qs.arg(name)
                              .arg(reader.lineNumber())
                              .arg(reader.columnNumber())
                        : u"Error in element '%1' on line %2, column %3: '%1' is not allowed "
                          "inside '%4'."_qs.arg(name)
                              .arg(reader.lineNumber())
                              .arg(reader.columnNumber())
                              .arg(parent));
            sawRoot = true;
            open.push(name);
        } else if (reader.isEndElement()) {
            open.pop();
        }
    }
    if (reader.hasError())
        return validationError(u"The policy is not well-formed XML: %1 (line %2, column %3)."_qs
                                   .arg(reader.errorString())
                                   .arg(reader.lineNumber())
                                   .arg(reader.columnNumber()));
    if (!sawRoot)
        return validationError(u"The policy document is empty; it must start with <policies>."_qs);
    // What the gateway would refuse to compile must not be stored: it would fail every request
    // of the scope instead. The gateway looks named values up by their exact display name.
    Error missing = validationError(QString());
    missing.details.clear();
    for (const NamedValueReference &ref : namedValueReferences(xml)) {
        if (namedValues.contains(ref.name))
            continue;
        missing.details.append(ErrorDetail {
            u"ValidationError"_qs,
            u"Error on line %1: the named value '%2' does not exist in this service. Create it "
            "(Named values) before the policy that uses {{%2}}, or remove the reference."_qs
                .arg(ref.line)
                .arg(ref.name),
            u"value"_qs });
    }
    if (!missing.details.isEmpty())
        return missing;
    if (const QString problem = gatewayPolicyProblem(xml, scope); !problem.isEmpty())
        return validationError(problem);
    return xml;
}

} // namespace portico::local
