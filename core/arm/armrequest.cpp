// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/arm/armrequest.h"

#include "core/arm/armparsing.h"
#include "core/arm/armresponse.h"

#include <QJsonDocument>

namespace portico::core {

namespace {

ArmRequest make(QByteArray method, QString path)
{
    ArmRequest request;
    request.method = std::move(method);
    request.path = std::move(path);
    return request;
}

} // namespace

ArmRequest ArmRequest::get(QString path)
{
    return make("GET", std::move(path));
}

ArmRequest ArmRequest::head(QString path)
{
    return make("HEAD", std::move(path));
}

ArmRequest ArmRequest::put(QString path, const QJsonObject &body, QByteArray ifMatch)
{
    ArmRequest request = make("PUT", std::move(path));
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.ifMatch = std::move(ifMatch);
    return request;
}

ArmRequest ArmRequest::patch(QString path, const QJsonObject &body, QByteArray ifMatch)
{
    ArmRequest request = make("PATCH", std::move(path));
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.ifMatch = std::move(ifMatch);
    return request;
}

ArmRequest ArmRequest::post(QString path, const QJsonObject &body)
{
    ArmRequest request = make("POST", std::move(path));
    request.body = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

ArmRequest ArmRequest::remove(QString path, QByteArray ifMatch)
{
    ArmRequest request = make("DELETE", std::move(path));
    request.ifMatch = std::move(ifMatch);
    return request;
}

QByteArray ArmResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Result<QJsonObject> ArmResponse::json() const
{
    return parseJsonObject(body);
}

} // namespace portico::core
