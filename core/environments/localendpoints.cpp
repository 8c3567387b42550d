// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/environments/localendpoints.h"

#include "core/arm/armparsing.h"

namespace portico::core {

Result<LocalEndpoints> LocalEndpoints::fromReadyLine(const QByteArray &line)
{
    auto object = parseJsonObject(line.trimmed());
    if (!object)
        return object.error();
    LocalEndpoints endpoints;
    const auto url = [&](const char16_t *key, QUrl *out) -> bool {
        const QUrl value(object->value(QStringView(key)).toString(), QUrl::StrictMode);
        if (!value.isValid() || (value.scheme() != u"http"_qs && value.scheme() != u"https"_qs)
            || value.host().isEmpty())
            return false;
        *out = value;
        return true;
    };
    if (!url(u"management", &endpoints.management) || !url(u"gateway", &endpoints.gateway)
        || !url(u"ml", &endpoints.ml))
        return Error::make(Error::Kind::Protocol, u"The ready line lacks the management, gateway or ml URL."_qs);
    url(u"gatewayHttps", &endpoints.gatewayHttps);
    endpoints.dataDir = object->value(u"dataDir"_qs).toString();
    endpoints.token = object->value(u"token"_qs).toString();
    endpoints.mlKey = object->value(u"mlKey"_qs).toString();
    endpoints.gatewayCertificateSha256 = object->value(u"gatewayCertificateSha256"_qs).toString();
    return endpoints;
}

} // namespace portico::core
