// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/common/replydeadline.h"

#include <QNetworkReply>

namespace portico::core {

ReplyDeadline::ReplyDeadline()
    : ReplyDeadline(std::function<void()>())
{
}

ReplyDeadline::ReplyDeadline(std::function<void()> onPassed)
    : m_onPassed(std::move(onPassed))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
        m_passed = true;
        if (m_reply)
            m_reply->abort();
        if (m_onPassed)
            m_onPassed();
    });
}

void ReplyDeadline::start(QNetworkReply *reply, int deadlineMs)
{
    forgetReply();
    m_reply = reply;
    m_passed = false;
    m_timer.start(deadlineMs);
}

void ReplyDeadline::setReply(QNetworkReply *reply)
{
    forgetReply();
    m_reply = reply;
}

void ReplyDeadline::startIdle(QNetworkReply *reply, int idleMs)
{
    start(reply, idleMs);
    if (!reply)
        return;
    const auto progressed = [this] { restart(); };
    QObject::connect(reply, &QNetworkReply::requestSent, &m_timer, progressed);
    QObject::connect(reply, &QNetworkReply::uploadProgress, &m_timer, progressed);
    QObject::connect(reply, &QNetworkReply::downloadProgress, &m_timer, progressed);
    QObject::connect(reply, &QNetworkReply::metaDataChanged, &m_timer, progressed);
    QObject::connect(reply, &QNetworkReply::readyRead, &m_timer, progressed);
    QObject::connect(reply, &QNetworkReply::redirected, &m_timer, progressed);
    QObject::connect(reply, &QNetworkReply::encrypted, &m_timer, progressed);
}

void ReplyDeadline::restart()
{
    if (m_timer.isActive())
        m_timer.start();
}

void ReplyDeadline::forgetReply()
{
    // The progress of a reply this deadline no longer watches restarts nothing.
    if (m_reply)
        QObject::disconnect(m_reply, nullptr, &m_timer, nullptr);
    m_reply = nullptr;
}

} // namespace portico::core
