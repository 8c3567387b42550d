// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/gatewayservice.h"

#include "core/local/server/localserver.h"

#include <QJsonDocument>

namespace portico::local {

GatewayService::GatewayService(const LocalContext &context, QObject *parent)
    : HttpService(parent)
    , m_context(context)
{
}

GatewayService::~GatewayService() = default;

void GatewayService::handle(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    writeJson(responder, 404,
              QJsonDocument(QJsonObject { { u"statusCode"_qs, 404 },
                                          { u"message"_qs, u"Resource not found"_qs } }));
}

} // namespace portico::local
