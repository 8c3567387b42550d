// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/auth/entraconfig.h"
#include "core/common/result.h"

#include <QByteArray>
#include <QStringView>

class QNetworkAccessManager;
class QNetworkReply;

namespace portico::core {

// The one way DeviceCodeSignIn and EntraTokenProvider talk to Entra ID (apim-protocol.md §9): a
// form POST to `config.endpoint(name)` that accepts JSON, follows same-origin redirects only and
// gives up when nothing arrives for config.transferTimeoutMs(). Certificate problems are never
// ignored: they fail the request and are kept on the reply for entraTransportError().
[[nodiscard]] QNetworkReply *postEntraForm(QNetworkAccessManager *network, const EntraConfig &config,
                                           QStringView endpointName, const QByteArray &form);

// Why a finished reply of postEntraForm() brought no HTTP answer, for the user to act on:
// Kind::Timeout ("Entra ID did not answer within N s."), Kind::Tls (the secure connection failed,
// with the certificate problems), Kind::Network for everything else (refused, DNS, reset).
// A timeout has no code: only Entra ID's own `expired_token` answer means the code expired.
[[nodiscard]] Error entraTransportError(const QNetworkReply *reply, const EntraConfig &config);

} // namespace portico::core
