// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/operation.h"

#include "core/model/jsonfields.h"

namespace portico::core {

using namespace jsonfields;

QStringList Operation::templateParameterNames() const
{
    QStringList names;
    for (const ParameterContract &parameter : templateParameters)
        names.append(parameter.name);
    return names;
}

Result<UrlTemplate> Operation::parsedUrlTemplate() const
{
    return UrlTemplate::parse(urlTemplate, templateParameterNames());
}

Result<Operation> Operation::fromJson(const QJsonObject &json, const QString &path)
{
    Reader top(json, path);
    const Envelope envelope = readEnvelope(top);
    Reader p(top.object(u"properties"_qs, Reader::Need::Required), top.fieldPath(u"properties"_qs));
    Operation op;
    op.id = envelope.id;
    op.name = envelope.name;
    op.displayName = p.string(u"displayName"_qs, Reader::Need::Required);
    op.method = p.string(u"method"_qs, Reader::Need::Required);
    op.urlTemplate = p.string(u"urlTemplate"_qs, Reader::Need::Required);
    op.description = p.string(u"description"_qs);
    op.templateParameters = p.list<ParameterContract>(u"templateParameters"_qs);
    Reader request(p.object(u"request"_qs), p.fieldPath(u"request"_qs));
    op.request.description = request.string(u"description"_qs);
    op.request.queryParameters = request.list<ParameterContract>(u"queryParameters"_qs);
    op.request.headers = request.list<ParameterContract>(u"headers"_qs);
    op.request.representations = request.list<RepresentationContract>(u"representations"_qs);
    p.absorb(request);
    op.responses = p.list<ResponseContract>(u"responses"_qs);
    op.policies = p.string(u"policies"_qs);
    op.otherProperties = p.unread();
    top.absorb(p);
    if (!top.ok())
        return top.error();
    return op;
}

QJsonObject Operation::toJson(JsonShape shape) const
{
    QJsonObject p;
    p.insert(u"displayName"_qs, displayName);
    p.insert(u"method"_qs, method);
    p.insert(u"urlTemplate"_qs, urlTemplate);
    putString(p, u"description"_qs, description);
    p.insert(u"templateParameters"_qs, toArray(templateParameters));
    QJsonObject r;
    putString(r, u"description"_qs, request.description);
    r.insert(u"queryParameters"_qs, toArray(request.queryParameters));
    r.insert(u"headers"_qs, toArray(request.headers));
    r.insert(u"representations"_qs, toArray(request.representations));
    p.insert(u"request"_qs, r);
    p.insert(u"responses"_qs, toArray(responses));
    putString(p, u"policies"_qs, policies);
    mergeUnknown(p, otherProperties);
    return wrapEnvelope(shape == JsonShape::Response, { id, name }, resourceType, p);
}

} // namespace portico::core
