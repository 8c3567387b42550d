// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace portico::core {

// Where and as whom Portico signs in to Entra ID (apim-protocol.md §9). The client id is
// configurable: ship your own registered public client; the Azure CLI id is a development
// fallback only (§9.3).
struct EntraConfig
{
    static constexpr QLatin1StringView azureCliClientId { "04b07795-8ddb-461a-bbee-02f9e1bf7b46" };

    QUrl authority = QUrl(QStringLiteral("https://login.microsoftonline.com"));
    QString tenant = QStringLiteral("organizations");
    QString clientId;
    // What every token request asks for: the ARM scope of the environment's management URL
    // (setManagementUrl; the public cloud's until then) and offline_access for a refresh token.
    QStringList scopes { armScope(QUrl(QStringLiteral("https://management.azure.com"))),
                         QStringLiteral("offline_access") };
    // Multiplies the server's polling interval and the transfer timeout; tests replay recorded
    // intervals quickly and find a silent server out soon.
    double timeScale = 1.0;

    // How long a request to Entra ID may go without receiving anything: 30 s, scaled (1 s at least).
    int transferTimeoutMs() const { return qMax(1000, int(30'000 * timeScale)); }

    // Asks for tokens that the ARM at `managementUrl` accepts (a sovereign cloud's tokens carry
    // its own audience: management.usgovcloudapi.net, management.chinacloudapi.cn, ...).
    void setManagementUrl(const QUrl &managementUrl)
    {
        scopes = QStringList { armScope(managementUrl), QStringLiteral("offline_access") };
    }

    // The audience of ARM at `managementUrl`: its scheme, host and (non-default) port, with the
    // trailing slash that ARM's app id URI has, e.g. "https://management.usgovcloudapi.net/" —
    // the value `az account get-access-token --resource` takes (the `resourceManager` endpoint
    // of `az cloud show`). Any path of the URL is not part of it.
    static QString armResource(const QUrl &managementUrl)
    {
        QUrl origin;
        origin.setScheme(managementUrl.scheme().toLower());
        origin.setHost(managementUrl.host().toLower());
        origin.setPort(managementUrl.port());
        if (managementUrl.port() == (origin.scheme() == u"http" ? 80 : 443))
            origin.setPort(-1);
        return origin.toString() + u'/';
    }
    // The v2.0 scope for that audience, "<resource>.default": e.g.
    // "https://management.azure.com/.default", "https://management.chinacloudapi.cn/.default".
    static QString armScope(const QUrl &managementUrl) { return armResource(managementUrl) + u".default"; }

    QUrl endpoint(QStringView name) const
    {
        QUrl url = authority;
        QString path = url.path();
        if (path.endsWith(u'/'))
            path.chop(1);
        url.setPath(path + u'/' + tenant + u"/oauth2/v2.0/" + name);
        return url;
    }
};

} // namespace portico::core
