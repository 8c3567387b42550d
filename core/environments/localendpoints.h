// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace portico::core {

// What portico-local announces in its ready line (one JSON object on stdout):
// {"management","gateway","gatewayHttps","ml","dataDir","token","mlKey","gatewayCertificateSha256"}.
// token and mlKey are secrets: kept in memory and the SecretStore only, never logged.
struct LocalEndpoints
{
    QUrl management;
    QUrl gateway;
    QUrl gatewayHttps;
    QUrl ml;
    QString dataDir;
    QString token;
    QString mlKey;
    QString gatewayCertificateSha256; // hex; the fingerprint Try It pins for the HTTPS gateway

    // Parses one ready line; every URL must be an absolute http(s) URL.
    [[nodiscard]] static Result<LocalEndpoints> fromReadyLine(const QByteArray &line);
};

} // namespace portico::core
