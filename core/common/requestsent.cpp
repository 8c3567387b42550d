// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/common/requestsent.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace portico::core {

void RequestSentFlag::watch(QNetworkReply *reply, QObject *context)
{
    m_sent = false;
    QObject::connect(reply, &QNetworkReply::requestSent, context, [this] { m_sent = true; });
}

void RequestSentFlag::announceEmptyBody(QNetworkRequest &request)
{
    if (!request.hasRawHeader("Content-Length"))
        request.setRawHeader("Content-Length", "0");
}

} // namespace portico::core
