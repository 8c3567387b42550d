// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/common/replydeadline.h"

#include <QNetworkReply>

namespace portico::core {

ReplyDeadline::ReplyDeadline()
{
    m_timer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early, before the time the message names.
    m_timer.setTimerType(Qt::PreciseTimer);
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

void ReplyDeadline::restart()
{
    if (m_timer.isActive())
        m_timer.start();
}

} // namespace portico::core
