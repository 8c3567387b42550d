// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/ml/mlservice.h"

#include "core/common/constanttime.h"
#include "core/local/ml/featurehashingexperiment.h"
#include "core/local/ml/mlerror.h"
#include "core/local/ml/swaggerdocument.h"
#include "core/local/server/localserver.h"

#include <QJsonDocument>
#include <QMetaEnum>
#include <QUrlQuery>

namespace portico::local {

namespace {

using Experiment = FeatureHashingExperiment;

void writeError(QHttpServerResponder &responder, const MlError &error)
{
    HttpService::writeJson(responder, error.status, error.toJson());
}

QString methodName(QHttpServerRequest::Method method)
{
    return QString::fromLatin1(
               QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method)))
        .toUpper();
}

bool isTrue(const QString &value)
{
    return value.compare(u"true"_qs, Qt::CaseInsensitive) == 0;
}

} // namespace

MlService::MlService(const LocalContext &context, QObject *parent)
    : HttpService(parent)
    , m_context(context)
{
}

MlService::~MlService() = default;

core::Result<void> MlService::open()
{
    return {};
}

bool MlService::authorized(const QHttpServerRequest &request) const
{
    // The scheme is matched case-insensitively: the Python client sends "bearer".
    const QByteArray authorization = request.value("Authorization").trimmed();
    if (authorization.size() < 7 || authorization.left(7).toLower() != "bearer ")
        return false;
    return core::constantTimeEquals(authorization.mid(7).trimmed(), m_context.mlKey.toUtf8());
}

void MlService::handle(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    if (!authorized(request)) {
        writeError(responder, MlError::unauthorized());
        return;
    }

    // /workspaces/{ws}/services/{svc}/<rest>
    const QStringList segments = request.url().path().split(u'/', Qt::SkipEmptyParts);
    if (segments.size() < 4 || segments.at(0) != u"workspaces"_qs || segments.at(2) != u"services"_qs) {
        writeError(responder, MlError::webServiceNotFound());
        return;
    }
    if (segments.at(1) != Experiment::workspace) {
        writeError(responder, MlError::workspaceNotFound());
        return;
    }
    if (segments.at(3) != Experiment::service) {
        writeError(responder, MlError::webServiceNotFound());
        return;
    }
    const QStringList rest = segments.mid(4);
    const QUrlQuery query(request.url());
    const auto method = request.method();

    if (rest == QStringList { u"swagger.json"_qs } && method == QHttpServerRequest::Method::Get) {
        const QString host = request.value("Host").isEmpty() ? m_context.mlUrl.authority()
                                                             : QString::fromLatin1(request.value("Host"));
        writeJson(responder, 200,
                  QJsonDocument(featureHashingSwagger(host, segments.at(1), segments.at(3))));
        return;
    }

    const bool knownRoute = rest == QStringList { u"execute"_qs }
        || (!rest.isEmpty() && rest.first() == u"jobs"_qs && rest.size() <= 3);
    if (!knownRoute) {
        writeError(responder, MlError::webServiceNotFound());
        return;
    }

    if (!query.hasQueryItem(u"api-version"_qs)
        || query.queryItemValue(u"api-version"_qs) != u"2.0"_qs) {
        writeError(responder, MlError::badVersionCall(query.queryItemValue(u"api-version"_qs)));
        return;
    }

    if (rest.first() == u"execute"_qs) {
        if (method != QHttpServerRequest::Method::Post) {
            writeError(responder, MlError::methodNotAllowed(methodName(method)));
            return;
        }
        const QString format = query.queryItemValue(u"format"_qs);
        if (!format.isEmpty() && format != u"swagger"_qs) {
            writeError(responder, MlError::invalidQueryParameter(
                                      u"format"_qs, u"The only supported format is 'swagger'."_qs));
            return;
        }
        const auto result = Experiment::execute(request.body(), isTrue(query.queryItemValue(u"details"_qs)),
                                                format == u"swagger"_qs);
        if (const auto *error = std::get_if<MlError>(&result)) {
            writeError(responder, *error);
            return;
        }
        writeJson(responder, 200, QJsonDocument(std::get<QJsonObject>(result)));
        return;
    }

    handleJobs(request, rest.mid(1), responder);
}

void MlService::handleJobs(const QHttpServerRequest &request, const QStringList &rest,
                           QHttpServerResponder &responder)
{
    Q_UNUSED(request);
    Q_UNUSED(rest);
    writeError(responder, MlError::webServiceNotFound());
}

} // namespace portico::local
