// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/azuremldefinition.h"

#include "ui/publisher/editorfields.h"

#include <QStringList>

namespace portico::ui {

namespace {

QVariantMap parameter(const QString &name, const QString &defaultValue, const QString &description)
{
    QVariantMap p { { u"name"_qs, name },
                    { u"type"_qs, u"string"_qs },
                    { u"required"_qs, true },
                    { u"values"_qs, defaultValue.isEmpty() ? QStringList() : QStringList { defaultValue } },
                    { u"description"_qs, description } };
    if (!defaultValue.isEmpty())
        p.insert(u"defaultValue"_qs, defaultValue);
    return p;
}

} // namespace

AzureMlDefinition AzureMlDefinition::localSample(const QString &mlBaseUrl)
{
    AzureMlDefinition d;
    d.baseUrl = mlBaseUrl;
    d.workspace = u"local"_qs;
    d.service = u"feature-hashing"_qs;
    return d;
}

QString AzureMlDefinition::apiId() const
{
    return editorfields::idFromDisplayName(apiName);
}

QString AzureMlDefinition::namedValueId() const
{
    return apiId() + u"-key"_qs;
}

QVariantMap AzureMlDefinition::apiFields() const
{
    QString url = baseUrl;
    while (url.endsWith(u'/'))
        url.chop(1);
    return { { u"name"_qs, apiId() },
             { u"displayName"_qs, apiName },
             { u"serviceUrl"_qs, url },
             { u"path"_qs, apiPath },
             { u"protocols"_qs, QStringList { u"https"_qs } },
             { u"products"_qs, productId.isEmpty() ? QStringList() : QStringList { productId } },
             { u"subscriptionRequired"_qs, true },
             { u"headerName"_qs, u"Ocp-Apim-Subscription-Key"_qs },
             { u"queryName"_qs, u"subscription-key"_qs },
             { u"description"_qs,
               u"Azure Machine Learning web service %1/%2 (RRS and BES)"_qs.arg(workspace, service) } };
}

QVariantList AzureMlDefinition::operations() const
{
    const QVariantMap ws = parameter(u"workspace"_qs, workspace, u"Workspace id"_qs);
    const QVariantMap svc = parameter(u"service"_qs, service, u"Web service id"_qs);
    const QVariantMap version = parameter(u"apiversion"_qs, u"2.0"_qs, u"API version"_qs);
    const QVariantMap details = parameter(u"details"_qs, u"true"_qs, u"Return column details"_qs);
    const QVariantMap job = parameter(u"jobid"_qs, {}, u"Batch job id"_qs);
    const QVariantList ok { QVariantMap { { u"statusCode"_qs, 200 }, { u"description"_qs, u"OK"_qs } } };
    const QVariantList json { QVariantMap { { u"contentType"_qs, u"application/json"_qs } } };

    auto op = [&](const QString &id, const QString &displayName, const QString &method,
                  const QString &urlTemplate, const QVariantList &params, const QString &description,
                  bool hasBody) {
        return QVariantMap { { u"name"_qs, id },
                             { u"displayName"_qs, displayName },
                             { u"method"_qs, method },
                             { u"urlTemplate"_qs, urlTemplate },
                             { u"description"_qs, description },
                             { u"templateParameters"_qs, params },
                             { u"queryParameters"_qs, QVariantList() },
                             { u"headers"_qs, QVariantList() },
                             { u"representations"_qs, hasBody ? json : QVariantList() },
                             { u"responses"_qs, ok } };
    };
    return {
        op(u"rrs-execute"_qs, u"RRS Execute"_qs, u"POST"_qs,
           u"/workspaces/{workspace}/services/{service}/execute?api-version={apiversion}&details={details}"_qs,
           { ws, svc, version, details }, u"Request-response scoring"_qs, true),
        op(u"bes-submit"_qs, u"BES Submit"_qs, u"POST"_qs,
           u"/workspaces/{workspace}/services/{service}/jobs?api-version={apiversion}"_qs,
           { ws, svc, version }, u"Submit a batch execution job"_qs, true),
        op(u"bes-start"_qs, u"BES Start"_qs, u"POST"_qs,
           u"/workspaces/{workspace}/services/{service}/jobs/{jobid}/start?api-version={apiversion}"_qs,
           { ws, svc, job, version }, u"Start a batch execution job"_qs, false),
        op(u"bes-status"_qs, u"BES Status"_qs, u"GET"_qs,
           u"/workspaces/{workspace}/services/{service}/jobs/{jobid}?api-version={apiversion}"_qs,
           { ws, svc, job, version }, u"Get the status of a batch execution job"_qs, false),
        op(u"bes-delete"_qs, u"BES Delete"_qs, u"DELETE"_qs,
           u"/workspaces/{workspace}/services/{service}/jobs/{jobid}?api-version={apiversion}"_qs,
           { ws, svc, job, version }, u"Delete a batch execution job"_qs, false),
    };
}

QString AzureMlDefinition::apiPolicy() const
{
    return u"<policies>\n"
           "  <inbound>\n"
           "    <base />\n"
           "    <set-header name=\"Authorization\" exists-action=\"override\">\n"
           "      <value>Bearer {{%1}}</value>\n"
           "    </set-header>\n"
           "  </inbound>\n"
           "  <backend>\n    <base />\n  </backend>\n"
           "  <outbound>\n    <base />\n  </outbound>\n"
           "  <on-error>\n    <base />\n  </on-error>\n"
           "</policies>"_qs.arg(namedValueId());
}

} // namespace portico::ui
