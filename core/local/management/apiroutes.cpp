// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// APIs, operations and policies (apim-protocol.md §2.2, §2.3, §2.8, §3.2, §3.3, §3.8, §5).

#include "core/local/management/armresources.h"
#include "core/local/management/fieldvalidator.h"
#include "core/local/management/servicechildroutes.h"
#include "core/local/store/policydocument.h"
#include "core/model/policy.h"
#include "core/model/urltemplate.h"

#include <QJsonArray>
#include <QUrl>

namespace portico::local {

namespace {

QString jsonField(const char *name)
{
    return u"json_extract(body, '$.properties.%1')"_qs.arg(QLatin1StringView(name));
}

QString normalisedPath(const QString &path)
{
    QString p = path.trimmed().toLower();
    while (p.startsWith(u'/'))
        p.remove(0, 1);
    while (p.endsWith(u'/'))
        p.chop(1);
    return p;
}

std::optional<ArmResponse> prepareApi(CollectionWrite &w)
{
    QJsonObject p = w.properties();
    FieldValidator v(w.input, p);
    for (const char *importField : { "format", "value", "wsdlSelector", "sourceApiId" })
        if (w.input.contains(QLatin1StringView(importField)))
            v.fail(QString::fromLatin1(importField),
                   u"Importing or cloning an API ('%1') is not supported by portico-local; "
                   "create the API and then its operations."_qs.arg(QLatin1StringView(importField)));
    if (w.name.contains(u";rev="_qs))
        v.fail(u"apiId"_qs, u"API revisions are not supported by portico-local."_qs);
    v.string("displayName", 1, 300);
    v.string("path", 0, 400);
    v.string("serviceUrl", 0, 2000);
    v.string("description", 0, 100000);
    v.choices("protocols", { u"http"_qs, u"https"_qs, u"ws"_qs, u"wss"_qs });
    v.boolean("subscriptionRequired");
    v.object("subscriptionKeyParameterNames");
    v.choice("type", { u"http"_qs, u"soap"_qs, u"websocket"_qs, u"graphql"_qs, u"odata"_qs,
                       u"grpc"_qs });
    v.string("apiRevision", 1, 100);
    v.string("apiVersion", 0, 100);
    v.string("apiVersionSetId", 0, 2000);
    v.object("apiVersionSet");
    v.string("apiRevisionDescription", 0, 256);
    v.string("apiVersionDescription", 0, 256);
    v.object("authenticationSettings");
    v.string("termsOfServiceUrl", 0, 2000);
    v.object("contact");
    v.object("license");
    v.boolean("isCurrent");
    v.require("displayName");
    v.require("path");
    const QString serviceUrl = p.value(u"serviceUrl"_qs).toString();
    if (!serviceUrl.isEmpty()) {
        const QUrl url(serviceUrl, QUrl::StrictMode);
        if (!url.isValid() || url.isRelative() || url.host().isEmpty())
            v.fail(u"serviceUrl"_qs,
                   u"The field 'serviceUrl' must be an absolute URL, e.g. https://backend.example.com/api."_qs);
    }
    const QJsonObject keyNames = p.value(u"subscriptionKeyParameterNames"_qs).toObject();
    for (const char *key : { "header", "query" })
        if (keyNames.contains(QLatin1StringView(key))
            && keyNames.value(QLatin1StringView(key)).toString().trimmed().isEmpty())
            v.fail(u"subscriptionKeyParameterNames"_qs,
                   u"subscriptionKeyParameterNames.%1 must be a non-empty string."_qs.arg(
                       QLatin1StringView(key)));
    if (!v.ok())
        return ArmResponse::validation(v.details());

    const QString pathKey = normalisedPath(p.value(u"path"_qs).toString());
    if (const auto other = w.store.findByUniqueKey(w.serviceId, u"apis"_qs, pathKey);
        other && other->key != w.id.toLower())
        return ArmResponse::validation(
            u"path"_qs,
            u"Cannot create API '%1' with the same Path '%2' as API '%3'  unless it's a part of "
            "the same version set"_qs.arg(w.name, p.value(u"path"_qs).toString(), other->name));

    v.defaultValue("protocols", QJsonArray { u"https"_qs });
    v.defaultValue("subscriptionRequired", true);
    QJsonObject names { { u"header"_qs, u"Ocp-Apim-Subscription-Key"_qs },
                        { u"query"_qs, u"subscription-key"_qs } };
    for (auto it = keyNames.begin(); it != keyNames.end(); ++it)
        names.insert(it.key(), it.value());
    p.insert(u"subscriptionKeyParameterNames"_qs, names);
    v.defaultValue("apiRevision", u"1"_qs);
    v.defaultValue("isCurrent", true);
    v.defaultValue("serviceUrl", QString());
    p.insert(u"isOnline"_qs, true);
    w.resource.uniqueKey = pathKey;
    w.setProperties(p);
    return std::nullopt;
}

QString operationSignature(const QString &method, const core::UrlTemplate &parsed)
{
    QStringList parts;
    for (const auto &segment : parsed.segments()) {
        switch (segment.kind) {
        case core::UrlTemplate::Segment::Kind::Literal:
            parts.append(segment.literal.toLower());
            break;
        case core::UrlTemplate::Segment::Kind::Parameter:
            parts.append(segment.prefix.toLower() + u"{}"_qs + segment.suffix.toLower());
            break;
        case core::UrlTemplate::Segment::Kind::Wildcard:
            parts.append(u"*"_qs);
            break;
        }
    }
    QStringList query;
    for (const auto &item : parsed.queryItems())
        query.append(item.name.toLower() + u'='
                     + (item.kind == core::UrlTemplate::QueryItem::Kind::Parameter ? u"{}"_qs
                                                                                    : item.value));
    query.sort();
    return method + u" /"_qs + parts.join(u'/') + (query.isEmpty() ? QString() : u'?' + query.join(u'&'));
}

std::optional<ArmResponse> prepareOperation(CollectionWrite &w)
{
    QJsonObject p = w.properties();
    FieldValidator v(w.input, p);
    v.string("displayName", 1, 300);
    v.string("method", 1, 100);
    v.string("urlTemplate", 1, 1000);
    v.array("templateParameters");
    v.string("description", 0, 1000);
    v.object("request");
    v.array("responses");
    v.string("policies", 0, 100000);
    v.require("displayName");
    v.require("method");
    v.require("urlTemplate");
    QStringList declared;
    const QJsonArray parameters = p.value(u"templateParameters"_qs).toArray();
    for (const QJsonValue &parameter : parameters) {
        const QString name = parameter[u"name"_qs].toString();
        if (name.isEmpty() || parameter[u"type"_qs].toString().isEmpty())
            v.fail(u"templateParameters"_qs,
                   u"Every template parameter needs a 'name' and a 'type'."_qs);
        declared.append(name);
    }
    if (!v.ok())
        return ArmResponse::validation(v.details());
    const QString method = p.value(u"method"_qs).toString().trimmed().toUpper();
    p.insert(u"method"_qs, method);
    const QString urlTemplate = p.value(u"urlTemplate"_qs).toString();
    if (!urlTemplate.startsWith(u'/'))
        return ArmResponse::validation(u"urlTemplate"_qs,
                                       u"The urlTemplate must start with '/', e.g. /score."_qs);
    const auto problems = core::UrlTemplate::problems(urlTemplate, declared);
    QList<core::ErrorDetail> details;
    bool mismatch = false;
    for (const core::UrlTemplateProblem &problem : problems) {
        if (problem.code == core::UrlTemplateProblem::Code::UndeclaredParameter
            || problem.code == core::UrlTemplateProblem::Code::UnusedParameter) {
            mismatch = true;
            continue;
        }
        details.append({ u"ValidationError"_qs, problem.message(), u"urlTemplate"_qs });
    }
    if (mismatch)
        details.append({ u"ValidationError"_qs,
                         u"All template parameters used in the UriTemplate must be defined in "
                         "the Operation '%1', and vice-versa."_qs.arg(
                             p.value(u"displayName"_qs).toString()),
                         QString() });
    if (!details.isEmpty())
        return ArmResponse::validation(details);
    const auto parsed = core::UrlTemplate::parse(urlTemplate);
    if (!parsed)
        return ArmResponse::validation(u"urlTemplate"_qs, parsed.error().message);
    const QString signature = operationSignature(method, *parsed);
    if (const auto other = w.store.findByUniqueKey(w.parent.id(), u"operations"_qs, signature);
        other && other->key != w.id.toLower())
        return ArmResponse::validation(
            u"urlTemplate"_qs,
            u"Operation '%1' already has the method %2 and an equivalent URL template ('%3'); "
            "an API cannot have two operations with the same signature."_qs.arg(
                other->name, method, other->properties().value(u"urlTemplate"_qs).toString()));
    v.defaultValue("templateParameters", QJsonArray());
    v.defaultValue("description", QString());
    v.defaultValue("responses", QJsonArray());
    w.resource.uniqueKey = signature;
    w.setProperties(p);
    return std::nullopt;
}

std::optional<ArmResponse> preparePolicy(CollectionWrite &w, core::PolicyScope::Kind scope)
{
    if (w.name != u"policy"_qs)
        return ArmResponse::validation(u"policyId"_qs,
                                       u"The policy id must be 'policy'."_qs);
    QJsonObject p;
    FieldValidator v(w.input, p);
    v.string("value", 1, 4 * 1024 * 1024);
    v.choice("format", { u"xml"_qs, u"rawxml"_qs, u"xml-link"_qs, u"rawxml-link"_qs });
    v.require("value");
    if (!v.ok())
        return ArmResponse::validation(v.details());
    const QString format = p.value(u"format"_qs).toString(u"xml"_qs);
    if (format.endsWith(u"-link"_qs))
        return ArmResponse::validation(u"format"_qs,
                                       u"Policies by link ('%1') are not supported by "
                                       "portico-local; send the document itself."_qs.arg(format));
    const QString value = p.value(u"value"_qs).toString();
    QSet<QString> namedValues;
    for (const StoredResource &nv : w.store.children(w.serviceId, u"namedValues"_qs))
        namedValues.insert(nv.properties().value(u"displayName"_qs).toString());
    auto validated = PolicyDocument::validate(value, format, namedValues, scope);
    if (!validated)
        return ArmResponse::fromError(validated.error());
    w.resource.privateData = format == u"rawxml"_qs ? QJsonObject { { u"raw"_qs, value } }
                                                    : QJsonObject();
    w.setProperties(QJsonObject { { u"value"_qs, *validated } });
    return std::nullopt;
}

QJsonObject presentPolicy(const StoredResource &r, const ArmRequest *request)
{
    if (!request || request->queryValue("format") != u"rawxml"_qs)
        return r.body;
    QJsonObject body = r.body;
    QJsonObject p = r.properties();
    // A document sent as rawxml comes back as it was sent; one sent as xml (ARM templates, Bicep,
    // the portal) in its unescaped form (§7), so that a client that sends it back as rawxml (the
    // console's editor) stores the same document rather than &amp;quot; for &quot;.
    const QString raw = r.privateData.value(u"raw"_qs).toString();
    p.insert(u"value"_qs, raw.isEmpty() ? core::Policy::unescapeExpressions(p.value(u"value"_qs).toString())
                                        : raw);
    p.insert(u"format"_qs, u"rawxml"_qs);
    body.insert(u"properties"_qs, p);
    return body;
}

} // namespace

void addApiCollections(Collections &out, ManagementStore &store, const LocalContext &context,
                       ArmRouter &router)
{
    const QString &svc = ArmRouter::servicePattern();
    const size_t first = out.size();
    CollectionSpec apis;
    apis.parentPattern = svc;
    apis.segment = u"apis"_qs;
    apis.idParameter = u"apiId"_qs;
    apis.type = u"Microsoft.ApiManagement/service/apis"_qs;
    apis.entity = u"Api"_qs;
    apis.filterFields = { { u"description"_qs, jsonField("description") },
                          { u"serviceUrl"_qs, jsonField("serviceUrl") },
                          { u"path"_qs, jsonField("path") },
                          { u"isCurrent"_qs, jsonField("isCurrent") } };
    apis.prepare = prepareApi;
    apis.deleteIsLongRunning = true;
    out.push_back(std::make_unique<ResourceCollection>(store, context, apis));

    CollectionSpec operations;
    operations.parentPattern = svc + u"/apis/{apiId}"_qs;
    operations.segment = u"operations"_qs;
    operations.idParameter = u"operationId"_qs;
    operations.type = u"Microsoft.ApiManagement/service/apis/operations"_qs;
    operations.entity = u"Operation"_qs;
    operations.parentEntity = u"Api"_qs;
    operations.nameMaxLength = 80;
    operations.filterFields = { { u"method"_qs, jsonField("method") },
                                { u"description"_qs, jsonField("description") },
                                { u"urlTemplate"_qs, jsonField("urlTemplate") } };
    operations.prepare = prepareOperation;
    out.push_back(std::make_unique<ResourceCollection>(store, context, operations));

    struct PolicyScope
    {
        QString parent;
        QString type;
        QString parentEntity;
        core::PolicyScope::Kind kind;
    };
    using Kind = core::PolicyScope::Kind;
    const PolicyScope scopes[] = {
        { svc, u"Microsoft.ApiManagement/service/policies"_qs, QString(), Kind::Global },
        { svc + u"/products/{productId}"_qs, u"Microsoft.ApiManagement/service/products/policies"_qs,
          u"Product"_qs, Kind::Product },
        { svc + u"/apis/{apiId}"_qs, u"Microsoft.ApiManagement/service/apis/policies"_qs, u"Api"_qs,
          Kind::Api },
        { svc + u"/apis/{apiId}/operations/{operationId}"_qs,
          u"Microsoft.ApiManagement/service/apis/operations/policies"_qs, u"Operation"_qs,
          Kind::Operation },
    };
    for (const PolicyScope &scope : scopes) {
        CollectionSpec policies;
        policies.parentPattern = scope.parent;
        policies.segment = u"policies"_qs;
        policies.idParameter = u"policyId"_qs;
        policies.type = scope.type;
        policies.entity = u"Policy"_qs;
        policies.parentEntity = scope.parentEntity;
        policies.patch = false;
        policies.prepare = [kind = scope.kind](CollectionWrite &w) { return preparePolicy(w, kind); };
        policies.present = presentPolicy;
        out.push_back(std::make_unique<ResourceCollection>(store, context, policies));
    }
    for (size_t i = first; i < out.size(); ++i)
        out[i]->registerRoutes(router);
}

} // namespace portico::local
