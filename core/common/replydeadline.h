// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPointer>
#include <QTimer>

#include <functional>

class QNetworkReply;

namespace portico::core {

// The one class that decides "no answer within N s" for a reply a job owns, on a precise timer
// (a coarse one may fire up to 5 % early, before the time the message names). When it passes,
// the reply is aborted, so the owner still gets the reply's finished() (with
// OperationCanceledError) and asks passed() to tell a timeout from a cancel. A reply deleted in
// the meantime is not touched. Lives in the owner's thread; stop() or destruction disarms it.
//
// Two uses: an overall deadline (start(), with setReply() when the next attempt of the same
// call takes over the time left) and an idle timeout (startIdle(): restarted on every sign of
// progress, so it passes after exactly N s of silence, never while a reply keeps streaming).
class ReplyDeadline final
{
    Q_DISABLE_COPY_MOVE(ReplyDeadline)

public:
    ReplyDeadline();
    // `onPassed` runs when the deadline passes, after the reply (if any) was aborted: for
    // owners that also wait without a reply in flight (for a token, before a retry).
    explicit ReplyDeadline(std::function<void()> onPassed);

    void start(QNetworkReply *reply, int deadlineMs);
    // The deadline that is running now applies to `reply` (may be null) instead; the time
    // keeps running.
    void setReply(QNetworkReply *reply);
    // start(), then restart() on every sign of progress of `reply`: the request going out,
    // upload or download progress, headers, data, a redirect, TLS established.
    void startIdle(QNetworkReply *reply, int idleMs);
    // While armed, starts the same time again from now: a deadline restarted on every sign of
    // progress is an exact idle timeout ("no answer within N s"). Does nothing once passed.
    void restart();
    void stop() { m_timer.stop(); }
    bool isActive() const { return m_timer.isActive(); }
    bool passed() const { return m_passed; }

private:
    void forgetReply();

    QTimer m_timer;
    QPointer<QNetworkReply> m_reply;
    std::function<void()> m_onPassed;
    bool m_passed = false;
};

} // namespace portico::core
