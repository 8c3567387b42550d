// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/common/requestsent.h"

#include <QNetworkReply>

namespace portico::core {

void RequestSentFlag::watch(QNetworkReply *reply, QObject *context)
{
    m_sent = false;
    QObject::connect(reply, &QNetworkReply::requestSent, context, [this] { m_sent = true; });
}

} // namespace portico::core
