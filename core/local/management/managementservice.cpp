// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/management/managementservice.h"

#include "core/common/constanttime.h"
#include "core/local/server/localserver.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace portico::local {

namespace {

QJsonDocument armError(const QString &code, const QString &message)
{
    return QJsonDocument(QJsonObject {
        { u"error"_qs, QJsonObject { { u"code"_qs, code }, { u"message"_qs, message } } } });
}

} // namespace

ManagementService::ManagementService(const LocalContext &context, QObject *parent)
    : HttpService(parent)
    , m_context(context)
{
}

ManagementService::~ManagementService() = default;

core::Result<void> ManagementService::open()
{
    return {};
}

void ManagementService::handle(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QByteArray authorization = request.value("Authorization");
    if (authorization.isEmpty()) {
        writeJson(responder, 401,
                  armError(u"AuthenticationFailed"_qs,
                           u"Authentication failed. The 'Authorization' header is missing."_qs));
        return;
    }
    if (!authorization.startsWith("Bearer ")
        || !core::constantTimeEquals(authorization.mid(7), m_context.token.toUtf8())) {
        writeJson(responder, 401,
                  armError(u"InvalidAuthenticationToken"_qs,
                           u"The access token is invalid."_qs));
        return;
    }
    if (!QUrlQuery(request.url()).hasQueryItem(u"api-version"_qs)) {
        writeJson(responder, 400,
                  armError(u"MissingApiVersionParameter"_qs,
                           u"The api-version query parameter (?api-version=) is required for all "
                           "requests."_qs));
        return;
    }
    writeJson(responder, 404,
              armError(u"ResourceNotFound"_qs,
                       u"The resource '%1' was not found."_qs.arg(request.url().path())));
}

} // namespace portico::local
