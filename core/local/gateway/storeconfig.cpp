// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/storeconfig.h"

#include "core/local/store/serviceconfig.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace portico::local {

namespace {

QString lastSegment(const QString &id)
{
    QString trimmed = id;
    while (trimmed.endsWith(u'/'))
        trimmed.chop(1);
    return trimmed.section(u'/', -1);
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toString());
    return out;
}

// A subscription scope relative to its service: "/", "/apis", "/apis/{id}" or "/products/{id}".
QString relativeScope(const QString &scope, const QString &serviceId)
{
    if (scope.startsWith(serviceId, Qt::CaseInsensitive))
        return scope.mid(serviceId.size()).isEmpty() ? u"/"_qs : scope.mid(serviceId.size());
    return scope.isEmpty() ? u"/"_qs : scope;
}

} // namespace

GatewayConfig gatewayConfigFrom(const QList<ServiceConfig> &services)
{
    GatewayConfig config;
    for (const ServiceConfig &svc : services) {
        const QString service = svc.serviceName;
        config.globalPolicyXml.insert(service, svc.globalPolicyXml);
        for (const auto &a : svc.apis) {
            GatewayConfig::Api api;
            api.service = service;
            api.id = a.name;
            const QJsonObject &p = a.properties;
            api.displayName = p.value(u"displayName"_qs).toString(a.name);
            api.path = p.value(u"path"_qs).toString();
            api.serviceUrl = p.value(u"serviceUrl"_qs).toString();
            const QStringList protocols = strings(p.value(u"protocols"_qs));
            if (!protocols.isEmpty())
                api.protocols = protocols;
            api.subscriptionRequired = p.value(u"subscriptionRequired"_qs).toBool(true);
            const QJsonObject keys = p.value(u"subscriptionKeyParameterNames"_qs).toObject();
            if (!keys.value(u"header"_qs).toString().isEmpty())
                api.subscriptionKeyHeader = keys.value(u"header"_qs).toString();
            if (!keys.value(u"query"_qs).toString().isEmpty())
                api.subscriptionKeyQuery = keys.value(u"query"_qs).toString();
            api.policyXml = a.policyXml;
            for (const auto &o : a.operations) {
                GatewayConfig::Operation op;
                op.id = o.name;
                const QJsonObject &q = o.properties;
                op.displayName = q.value(u"displayName"_qs).toString(o.name);
                op.method = q.value(u"method"_qs).toString();
                op.urlTemplate = q.value(u"urlTemplate"_qs).toString();
                for (const QJsonValue &param : q.value(u"templateParameters"_qs).toArray()) {
                    const QJsonObject t = param.toObject();
                    op.templateParameters.append({ t.value(u"name"_qs).toString(), strings(t.value(u"values"_qs)) });
                }
                for (const QJsonValue &response : q.value(u"responses"_qs).toArray()) {
                    const QJsonObject r = response.toObject();
                    const int status = r.value(u"statusCode"_qs).toInt();
                    for (const QJsonValue &rep : r.value(u"representations"_qs).toArray()) {
                        const QJsonObject repr = rep.toObject();
                        // examples: {"name": {"value": …}}; the first one is the mock body.
                        const QJsonObject examples = repr.value(u"examples"_qs).toObject();
                        QByteArray body;
                        if (!examples.isEmpty()) {
                            const QJsonValue value = examples.begin().value().toObject().value(u"value"_qs);
                            body = value.isString() ? value.toString().toUtf8()
                                                    : QJsonDocument::fromVariant(value.toVariant()).toJson(QJsonDocument::Compact);
                        }
                        op.responses.append({ status, repr.value(u"contentType"_qs).toString(), body });
                    }
                    if (r.value(u"representations"_qs).toArray().isEmpty())
                        op.responses.append({ status, QString(), QByteArray() });
                }
                op.policyXml = o.policyXml;
                api.operations.append(op);
            }
            config.apis.append(api);
        }
        for (const auto &pr : svc.products) {
            GatewayConfig::Product product;
            product.service = service;
            product.id = pr.name;
            product.displayName = pr.properties.value(u"displayName"_qs).toString(pr.name);
            product.published = pr.properties.value(u"state"_qs).toString() == u"published";
            product.subscriptionRequired = pr.properties.value(u"subscriptionRequired"_qs).toBool(true);
            for (const QString &apiId : pr.apiIds)
                product.apiIds.append(lastSegment(apiId));
            product.policyXml = pr.policyXml;
            config.products.append(product);
        }
        for (const auto &s : svc.subscriptions) {
            GatewayConfig::Subscription sub;
            sub.service = service;
            sub.id = s.name;
            sub.displayName = s.properties.value(u"displayName"_qs).toString(s.name);
            sub.scope = relativeScope(s.scope, svc.serviceId);
            sub.state = s.state;
            sub.primaryKey = s.primaryKey;
            sub.secondaryKey = s.secondaryKey;
            sub.ownerId = s.ownerId.isEmpty() ? QString() : lastSegment(s.ownerId);
            sub.createdDate = QDateTime::fromString(s.properties.value(u"createdDate"_qs).toString(), Qt::ISODateWithMs);
            config.subscriptions.append(sub);
        }
        for (const auto &u : svc.users) {
            const QString first = u.properties.value(u"firstName"_qs).toString();
            const QString last = u.properties.value(u"lastName"_qs).toString();
            const QString display = QString(first + u' ' + last).trimmed();
            config.users.append({ service, u.name, display.isEmpty() ? u.name : display, u.state.isEmpty() ? u"active"_qs : u.state });
        }
        for (const auto &nv : svc.namedValues)
            config.namedValues.append({ service, nv.displayName, nv.value, nv.secret });
        for (const auto &b : svc.backends)
            config.backends.append({ service, b.name, b.properties.value(u"url"_qs).toString() });
    }
    return config;
}

} // namespace portico::local
