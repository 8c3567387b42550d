// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/batch/besendpoint.h"

namespace portico::core {

namespace {

QString segment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

QUrl BesEndpoint::url(const QString &suffix) const
{
    QString path = baseUrl.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    path += u"/workspaces/"_qs + segment(workspace) + u"/services/"_qs + segment(service) + u"/jobs"_qs
        + suffix;
    QUrl result = baseUrl;
    result.setPath(path, QUrl::StrictMode);
    result.setQuery(u"api-version="_qs + segment(apiVersion), QUrl::StrictMode);
    return result;
}

QUrl BesEndpoint::jobsUrl() const
{
    return url({});
}

QUrl BesEndpoint::jobUrl(const QString &jobId) const
{
    return url(u'/' + segment(jobId));
}

QUrl BesEndpoint::startUrl(const QString &jobId) const
{
    return url(u'/' + segment(jobId) + u"/start"_qs);
}

QPair<QByteArray, QByteArray> BesEndpoint::authorizationHeader(const QString &credential) const
{
    if (target == Target::Gateway)
        return { QByteArrayLiteral("Ocp-Apim-Subscription-Key"), credential.toUtf8() };
    return { QByteArrayLiteral("Authorization"), "Bearer " + credential.toUtf8() };
}

Result<void> BesEndpoint::validate() const
{
    const auto invalid = [](const QString &target, const QString &message) {
        Error error = Error::make(Error::Kind::InvalidInput, message);
        error.target = target;
        return error;
    };
    if (!baseUrl.isValid() || baseUrl.host().isEmpty()
        || (baseUrl.scheme() != u"https"_qs && baseUrl.scheme() != u"http"_qs))
        return invalid(u"baseUrl"_qs, u"The batch service URL must be an http or https URL."_qs);
    if (baseUrl.hasQuery() || baseUrl.hasFragment())
        return invalid(u"baseUrl"_qs, u"The batch service URL must not have a query or fragment."_qs);
    if (workspace.trimmed().isEmpty())
        return invalid(u"workspace"_qs, u"The workspace id is missing."_qs);
    if (service.trimmed().isEmpty())
        return invalid(u"service"_qs, u"The web service id is missing."_qs);
    if (apiVersion.trimmed().isEmpty())
        return invalid(u"apiVersion"_qs, u"The API version is missing."_qs);
    if (credentialKey.isEmpty())
        return invalid(u"credentialKey"_qs,
                       target == Target::Gateway ? u"No subscription key is chosen."_qs
                                                 : u"No ML API key is chosen."_qs);
    return {};
}

QJsonObject BesEndpoint::toJson() const
{
    QJsonObject json { { u"target"_qs, target == Target::Gateway ? u"gateway"_qs : u"direct"_qs },
                       { u"baseUrl"_qs, baseUrl.toString() },
                       { u"workspace"_qs, workspace },
                       { u"service"_qs, service },
                       { u"apiVersion"_qs, apiVersion },
                       { u"credentialKey"_qs, credentialKey } };
    if (!pinnedCertificateSha256.isEmpty())
        json.insert(u"pinnedCertificateSha256"_qs, pinnedCertificateSha256);
    return json;
}

Result<BesEndpoint> BesEndpoint::fromJson(const QJsonObject &json)
{
    BesEndpoint endpoint;
    const QString target = json.value(u"target"_qs).toString();
    if (target == u"gateway"_qs)
        endpoint.target = Target::Gateway;
    else if (target != u"direct"_qs)
        return Error::make(Error::Kind::Protocol, u"Unknown batch endpoint target \"%1\"."_qs.arg(target));
    endpoint.baseUrl = QUrl(json.value(u"baseUrl"_qs).toString(), QUrl::StrictMode);
    endpoint.workspace = json.value(u"workspace"_qs).toString();
    endpoint.service = json.value(u"service"_qs).toString();
    endpoint.apiVersion = json.value(u"apiVersion"_qs).toString(u"2.0"_qs);
    endpoint.credentialKey = json.value(u"credentialKey"_qs).toString();
    endpoint.pinnedCertificateSha256 = json.value(u"pinnedCertificateSha256"_qs).toString().toLower();
    if (auto valid = endpoint.validate(); !valid)
        return valid.error();
    return endpoint;
}

} // namespace portico::core
