// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/arm/armclient.h"

#include "core/arm/armexchange.h"
#include "core/arm/armjob.h"
#include "core/arm/armlistjob.h"
#include "core/arm/armlongrunning.h"
#include "core/auth/accesstokenprovider.h"

#include <QNetworkAccessManager>
#include <QUrlQuery>

namespace portico::core {

ArmClient::ArmClient(QNetworkAccessManager *network, QUrl baseUrl, AccessTokenProvider *tokens,
                     QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(std::move(baseUrl))
    , m_tokens(tokens)
    , m_userAgent(QByteArrayLiteral("Portico/" PORTICO_VERSION_STRING))
{
}

ArmClient::~ArmClient() = default;

bool ArmClient::isSameOrigin(const QUrl &url) const
{
    return url.scheme().compare(m_baseUrl.scheme(), Qt::CaseInsensitive) == 0
        && url.host().compare(m_baseUrl.host(), Qt::CaseInsensitive) == 0
        && url.port(url.scheme() == u"https"_qs ? 443 : 80)
        == m_baseUrl.port(m_baseUrl.scheme() == u"https"_qs ? 443 : 80);
}

QUrl ArmClient::resolve(const ArmRequest &request, QString *error) const
{
    QUrl url;
    if (request.absoluteUrl.isValid()) {
        url = request.absoluteUrl;
        if (!isSameOrigin(url)) {
            if (error)
                *error = u"Refusing to send credentials to %1, which is not %2."_qs.arg(
                    url.host(), m_baseUrl.host());
            return {};
        }
    } else {
        url = m_baseUrl;
        QString basePath = url.path();
        if (basePath.endsWith(u'/'))
            basePath.chop(1);
        QString path = request.path;
        if (!path.startsWith(u'/'))
            path.prepend(u'/');
        url.setPath(basePath + path);
    }
    QUrlQuery query(url);
    if (request.query.isEmpty() && query.hasQueryItem(u"api-version"_qs))
        return url; // nextLink and polling URLs are used exactly as the server sent them
    for (const auto &[name, value] : request.query) {
        // '+' and '&' in values must not read as space or separator on the server
        query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(name, "$")),
                           QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    if (!query.hasQueryItem(u"api-version"_qs))
        query.addQueryItem(u"api-version"_qs, apiVersion);
    url.setQuery(query);
    return url;
}

ArmExchange *ArmClient::exchange(const ArmRequest &request, int deadlineMs, QObject *parent)
{
    return new ArmExchange(this, request, deadlineMs, parent);
}

ArmJob *ArmClient::send(const ArmRequest &request)
{
    if (request.longRunning || request.absoluteUrl.isValid()
        || !isLongRunningCall(request.method, request.path))
        return new ArmJob(this, request, this);
    ArmRequest marked = request;
    marked.longRunning = true;
    return new ArmJob(this, marked, this);
}

ArmJob *ArmClient::watchAgain(const ArmWatch &watch)
{
    return new ArmJob(this, watch, this);
}

ArmListJob *ArmClient::list(const ArmRequest &request, int maxItems)
{
    return new ArmListJob(this, request, maxItems, this);
}

} // namespace portico::core
