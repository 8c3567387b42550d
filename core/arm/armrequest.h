// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace portico::core {

// One ARM call as the caller describes it. ArmClient adds base URL, api-version, Authorization,
// User-Agent and the client request id in one place; callers never set those.
struct ArmRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    // Either a path below the client's base URL ("/subscriptions/…"), or an absolute URL
    // (nextLink, polling URLs), which must have the same origin as the base URL.
    QString path;
    QUrl absoluteUrl;
    QList<QPair<QString, QString>> query; // besides api-version
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    // ETag for If-Match; "*" for unconditional. Empty = no If-Match header.
    QByteArray ifMatch;
    QList<QPair<QByteArray, QByteArray>> headers;
    // Follow Azure-AsyncOperation / Location / provisioningState until the operation is done
    // and return the final resource (ArmClient marks the calls §4.4 names as long-running).
    bool longRunning = false;

    static ArmRequest get(QString path);
    static ArmRequest put(QString path, const QJsonObject &body, QByteArray ifMatch = {});
    static ArmRequest patch(QString path, const QJsonObject &body, QByteArray ifMatch = "*");
    static ArmRequest post(QString path, const QJsonObject &body = {});
    static ArmRequest remove(QString path, QByteArray ifMatch = "*");
    static ArmRequest head(QString path);

    ArmRequest &withQuery(const QString &name, const QString &value)
    {
        query.append({ name, value });
        return *this;
    }
    ArmRequest &asLongRunning(bool on = true)
    {
        longRunning = on;
        return *this;
    }
};

} // namespace portico::core
