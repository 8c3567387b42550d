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
    QStringList scopes { QStringLiteral("https://management.azure.com/user_impersonation"),
                         QStringLiteral("offline_access") };
    // Multiplies the server's polling interval; tests replay recorded intervals quickly.
    double timeScale = 1.0;

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
