// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/local/management/armtestclient.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

namespace portico::test {

QString ArmTestClient::Reply::errorCode() const
{
    return json.value(u"error"_qs).toObject().value(u"code"_qs).toString();
}

QString ArmTestClient::Reply::errorMessage() const
{
    return json.value(u"error"_qs).toObject().value(u"message"_qs).toString();
}

QString ArmTestClient::Reply::firstDetailTarget() const
{
    return json.value(u"error"_qs).toObject().value(u"details"_qs).toArray().first().toObject()
        .value(u"target"_qs).toString();
}

QString ArmTestClient::Reply::firstDetailMessage() const
{
    return json.value(u"error"_qs).toObject().value(u"details"_qs).toArray().first().toObject()
        .value(u"message"_qs).toString();
}

QStringList ArmTestClient::Reply::names() const
{
    QStringList result;
    for (const QJsonValue &item : json.value(u"value"_qs).toArray())
        result.append(item[u"name"_qs].toString());
    return result;
}

QJsonObject ArmTestClient::apiBody(const QString &displayName, const QString &path)
{
    return QJsonObject { { u"properties"_qs,
                           QJsonObject { { u"displayName"_qs, displayName },
                                         { u"path"_qs, path },
                                         { u"serviceUrl"_qs, u"http://127.0.0.1:9/backend"_qs },
                                         { u"protocols"_qs, QJsonArray { u"https"_qs } } } } };
}

QJsonObject ArmTestClient::operationBody(const QString &displayName, const QString &method,
                                         const QString &urlTemplate, const QStringList &parameters)
{
    QJsonArray templateParameters;
    for (const QString &name : parameters)
        templateParameters.append(QJsonObject { { u"name"_qs, name },
                                                { u"type"_qs, u"string"_qs },
                                                { u"required"_qs, true } });
    return QJsonObject { { u"properties"_qs,
                           QJsonObject { { u"displayName"_qs, displayName },
                                         { u"method"_qs, method },
                                         { u"urlTemplate"_qs, urlTemplate },
                                         { u"templateParameters"_qs, templateParameters } } } };
}

ArmTestClient::ArmTestClient(const QUrl &base, const QString &token)
    : m_base(base)
    , m_token(token)
{
}

const QString &ArmTestClient::subscriptionId()
{
    static const QString s_id = u"00000000-0000-0000-0000-000000000000"_qs;
    return s_id;
}

QString ArmTestClient::resourceGroupPath(const QString &group)
{
    return u"/subscriptions/%1/resourceGroups/%2"_qs.arg(subscriptionId(), group);
}

QString ArmTestClient::servicePath(const QString &service, const QString &group)
{
    return resourceGroupPath(group) + u"/providers/Microsoft.ApiManagement/service/"_qs + service;
}

QString ArmTestClient::versioned(const QString &pathAndQuery)
{
    return pathAndQuery + (pathAndQuery.contains(u'?') ? u'&' : u'?') + u"api-version=2024-05-01"_qs;
}

ArmTestClient::Reply ArmTestClient::sendUrl(const QByteArray &method, const QUrl &url,
                                            const QByteArray &body, const Headers &headers)
{
    QNetworkRequest request(url);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    Reply result;
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(30000)) {
        reply->abort();
        reply->deleteLater();
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return result;
}

ArmTestClient::Reply ArmTestClient::send(const QByteArray &method, const QString &path,
                                         const QByteArray &body, const Headers &headers,
                                         bool addVersion)
{
    QUrl url = m_base;
    const QString full = addVersion ? versioned(path) : path;
    const qsizetype q = full.indexOf(u'?');
    url.setPath(q < 0 ? full : full.left(q));
    if (q >= 0)
        url.setQuery(full.mid(q + 1));
    return sendUrl(method, url, body, headers);
}

ArmTestClient::Reply ArmTestClient::put(const QString &path, const QJsonObject &body,
                                        const Headers &headers)
{
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

ArmTestClient::Reply ArmTestClient::patch(const QString &path, const QJsonObject &body,
                                          const Headers &headers)
{
    return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

ArmTestClient::Reply ArmTestClient::remove(const QString &path, const Headers &headers)
{
    return send("DELETE", path, {}, headers);
}

ArmTestClient::Reply ArmTestClient::post(const QString &path, const QJsonObject &body)
{
    return send("POST", path,
                body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
}

bool ArmTestClient::createService(const QString &name, QString *failure)
{
    const Reply created = put(servicePath(name),
                              QJsonObject { { u"location"_qs, u"local"_qs },
                                            { u"sku"_qs, QJsonObject { { u"name"_qs, u"Developer"_qs },
                                                                       { u"capacity"_qs, 1 } } },
                                            { u"properties"_qs,
                                              QJsonObject { { u"publisherEmail"_qs,
                                                              u"admin@example.com"_qs },
                                                            { u"publisherName"_qs,
                                                              u"Example"_qs } } } });
    if (created.status != 201) {
        if (failure)
            *failure = u"PUT service: %1 %2"_qs.arg(created.status).arg(QString::fromUtf8(created.body));
        return false;
    }
    const QUrl poll(QString::fromUtf8(created.header("azure-asyncoperation")));
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        const Reply status = sendUrl("GET", poll);
        const QString state = status.json.value(u"status"_qs).toString();
        if (state == u"Succeeded"_qs)
            return true;
        if (state != u"InProgress"_qs) {
            if (failure)
                *failure = u"poll: %1 %2"_qs.arg(status.status).arg(QString::fromUtf8(status.body));
            return false;
        }
        QTest::qWait(50);
    }
    if (failure)
        *failure = u"service did not become Succeeded"_qs;
    return false;
}

} // namespace portico::test
