// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// One HTTP call to portico-local's sample ML service, as the ML tests make it: a JSON request
// to a path (and query) below the service's base URL, its reply waited for and taken.

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>

namespace portico::test {

struct MlReply
{
    int status = 0; // 0: no reply within the wait
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// An empty authorization sends no Authorization header.
inline QNetworkRequest mlRequest(const QUrl &mlUrl, const QString &pathAndQuery, const QByteArray &authorization)
{
    QNetworkRequest request(QUrl(mlUrl.toString() + pathAndQuery));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    return request;
}

// Waits up to 20 s for reply to finish, then takes its status and body.
inline MlReply takeMlReply(QNetworkReply *reply)
{
    QSignalSpy finished(reply, &QNetworkReply::finished);
    MlReply result;
    if (!finished.wait(20000))
        return result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    reply->deleteLater();
    return result;
}

} // namespace portico::test
