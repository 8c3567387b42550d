// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/common/replydeadline.h"

#include <QNetworkReply>

namespace portico::core {

ReplyDeadline::ReplyDeadline()
{
    m_timer.setSingleShot(true);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
        m_passed = true;
        if (m_reply)
            m_reply->abort();
    });
}

void ReplyDeadline::start(QNetworkReply *reply, int deadlineMs)
{
    m_reply = reply;
    m_passed = false;
    m_timer.start(deadlineMs);
}

} // namespace portico::core
