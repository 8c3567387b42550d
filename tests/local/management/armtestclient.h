// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace portico::test {

// A small synchronous ARM client for tests: one QNetworkAccessManager, the bearer token, and
// helpers for the paths of portico-local's default subscription and resource group.
class ArmTestClient final
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QJsonObject json;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray header(const char *lowerCaseName) const
        {
            return headers.value(QByteArray(lowerCaseName));
        }
        QString errorCode() const;
        QString errorMessage() const;
        QString firstDetailTarget() const;
        QString firstDetailMessage() const;
        QStringList names() const; // the names in a list reply's value
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    ArmTestClient(const QUrl &base, const QString &token);

    static const QString &subscriptionId();
    static QString resourceGroupPath(const QString &group = QStringLiteral("portico-local"));
    static QString servicePath(const QString &service,
                               const QString &group = QStringLiteral("portico-local"));
    // Appends ?api-version=2024-05-01 (or &api-version=...).
    static QString versioned(const QString &pathAndQuery);

    // `path` may already carry a query; api-version is added unless `addVersion` is false.
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const Headers &headers = {}, bool addVersion = true);
    Reply sendUrl(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                  const Headers &headers = {});
    Reply get(const QString &path) { return send("GET", path); }
    Reply put(const QString &path, const QJsonObject &body, const Headers &headers = {});
    Reply patch(const QString &path, const QJsonObject &body, const Headers &headers = {
                    { "If-Match", "*" } });
    Reply remove(const QString &path, const Headers &headers = { { "If-Match", "*" } });
    Reply post(const QString &path, const QJsonObject &body = {});

    // Request bodies used across the tests.
    static QJsonObject apiBody(const QString &displayName, const QString &path);
    static QJsonObject operationBody(const QString &displayName, const QString &method,
                                     const QString &urlTemplate, const QStringList &parameters);

    // Creates a service and polls Azure-AsyncOperation until it succeeds.
    bool createService(const QString &name, QString *failure = nullptr);

    void setToken(const QString &token) { m_token = token; }
    QUrl base() const { return m_base; }

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
};

} // namespace portico::test
