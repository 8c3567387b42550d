// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/ml/mlservice.h"

#include "core/common/constanttime.h"
#include "core/local/server/localserver.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace portico::local {

namespace {

QJsonDocument mlError(const QString &code, const QString &message, const QString &detailCode,
                      const QString &detailMessage)
{
    return QJsonDocument(QJsonObject {
        { u"error"_qs,
          QJsonObject { { u"code"_qs, code },
                        { u"message"_qs, message },
                        { u"details"_qs,
                          QJsonArray { QJsonObject { { u"code"_qs, detailCode },
                                                     { u"message"_qs, detailMessage } } } } } } });
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

void MlService::handle(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QByteArray authorization = request.value("Authorization");
    if (!authorization.toLower().startsWith("bearer ")
        || !core::constantTimeEquals(authorization.mid(7), m_context.mlKey.toUtf8())) {
        writeJson(responder, 401,
                  mlError(u"Unauthorized"_qs, u"Request is unauthorized to access resource."_qs,
                          u"ScoreRequestUnauthorized"_qs, u"Invalid credentials provided."_qs));
        return;
    }
    writeJson(responder, 404,
              mlError(u"NotFound"_qs, u"Resource not found."_qs, u"WebServiceNotFound"_qs,
                      u"Web service not found."_qs));
}

} // namespace portico::local
