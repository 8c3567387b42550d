// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace portico::core {

// The overall deadline of one network reply, for the jobs that own a reply. When it passes, the
// reply is aborted, so the owner still gets the reply's finished() (with
// OperationCanceledError) and asks passed() to tell a timeout from a cancel. A reply deleted in
// the meantime is not touched. Lives in the owner's thread; stop() or destruction disarms it.
class ReplyDeadline final
{
    Q_DISABLE_COPY_MOVE(ReplyDeadline)

public:
    ReplyDeadline();

    void start(QNetworkReply *reply, int deadlineMs);
    // While armed, starts the same time again from now: a deadline restarted on every sign of
    // progress is an exact idle timeout ("no answer within N s"). Does nothing once passed.
    void restart();
    void stop() { m_timer.stop(); }
    bool passed() const { return m_passed; }

private:
    QTimer m_timer;
    QPointer<QNetworkReply> m_reply;
    bool m_passed = false;
};

} // namespace portico::core
