// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/backend.h"

#include "core/model/jsonfields.h"

namespace portico::core {

using namespace jsonfields;

namespace {

QJsonObject listMap(const QMap<QString, QStringList> &map)
{
    QJsonObject out;
    for (auto it = map.begin(); it != map.end(); ++it)
        out.insert(it.key(), toArray(it.value()));
    return out;
}

} // namespace

Result<Backend> Backend::fromJson(const QJsonObject &json, const QString &path)
{
    Reader top(json, path);
    const Envelope envelope = readEnvelope(top);
    Reader p(top.object(u"properties"_qs, Reader::Need::Required), top.fieldPath(u"properties"_qs));
    Backend b;
    b.id = envelope.id;
    b.name = envelope.name;
    b.url = p.string(u"url"_qs, Reader::Need::Required);
    b.protocol = p.string(u"protocol"_qs, Reader::Need::Required);
    b.title = p.string(u"title"_qs);
    b.description = p.string(u"description"_qs);
    b.resourceId = p.string(u"resourceId"_qs);
    b.type = p.string(u"type"_qs);

    Reader c(p.object(u"credentials"_qs), p.fieldPath(u"credentials"_qs));
    b.credentials.certificateIds = c.stringList(u"certificateIds"_qs);
    b.credentials.certificate = c.stringList(u"certificate"_qs);
    b.credentials.query = c.stringListMap(u"query"_qs);
    b.credentials.header = c.stringListMap(u"header"_qs);
    Reader auth(c.object(u"authorization"_qs), c.fieldPath(u"authorization"_qs));
    b.credentials.authorizationScheme = auth.string(u"scheme"_qs);
    b.credentials.authorizationParameter = auth.string(u"parameter"_qs);
    c.absorb(auth);
    p.absorb(c);

    const QJsonObject proxyJson = p.object(u"proxy"_qs);
    Reader proxy(proxyJson, p.fieldPath(u"proxy"_qs));
    if (!proxyJson.isEmpty()) {
        b.proxy.url = proxy.string(u"url"_qs, Reader::Need::Required);
        b.proxy.username = proxy.string(u"username"_qs);
        b.proxy.password = proxy.string(u"password"_qs);
    }
    p.absorb(proxy);

    Reader tls(p.object(u"tls"_qs), p.fieldPath(u"tls"_qs));
    b.tls.validateCertificateChain = tls.boolean(u"validateCertificateChain"_qs);
    b.tls.validateCertificateName = tls.boolean(u"validateCertificateName"_qs);
    p.absorb(tls);

    b.otherProperties = p.unread();
    top.absorb(p);
    if (!top.ok())
        return top.error();
    return b;
}

QJsonObject Backend::toJson(JsonShape shape) const
{
    QJsonObject p;
    p.insert(u"url"_qs, url);
    p.insert(u"protocol"_qs, protocol);
    putString(p, u"title"_qs, title);
    putString(p, u"description"_qs, description);
    putString(p, u"resourceId"_qs, resourceId);
    putString(p, u"type"_qs, type);

    QJsonObject c;
    putStringList(c, u"certificateIds"_qs, credentials.certificateIds);
    putStringList(c, u"certificate"_qs, credentials.certificate);
    putObject(c, u"query"_qs, listMap(credentials.query));
    putObject(c, u"header"_qs, listMap(credentials.header));
    QJsonObject auth;
    putString(auth, u"scheme"_qs, credentials.authorizationScheme);
    putString(auth, u"parameter"_qs, credentials.authorizationParameter);
    putObject(c, u"authorization"_qs, auth);
    putObject(p, u"credentials"_qs, c);

    if (!proxy.url.isEmpty()) {
        QJsonObject o { { u"url"_qs, proxy.url } };
        putString(o, u"username"_qs, proxy.username);
        putString(o, u"password"_qs, proxy.password);
        p.insert(u"proxy"_qs, o);
    }
    QJsonObject t;
    putBool(t, u"validateCertificateChain"_qs, tls.validateCertificateChain);
    putBool(t, u"validateCertificateName"_qs, tls.validateCertificateName);
    putObject(p, u"tls"_qs, t);
    mergeUnknown(p, otherProperties);
    return wrapEnvelope(shape == JsonShape::Response, { id, name }, resourceType, p);
}

} // namespace portico::core
