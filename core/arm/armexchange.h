// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/armrequest.h"
#include "core/arm/armresponse.h"
#include "core/arm/armtiming.h"
#include "core/common/replydeadline.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

class QNetworkReply;

namespace portico::core {

class ArmClient;

// One request/response with ArmClient's policy: gets a token (refreshing once on 401), sends,
// reads the body up to the cap, retries 429 and 503 after Retry-After (or exponential backoff
// with jitter) while attempts and the deadline allow, and maps non-2xx replies to an Error.
// finished() is emitted exactly once, from the event loop; deleting the exchange aborts it.
//
// Two ReplyDeadlines bound the wait. The answer (its status and headers) must begin within
// deadlineMs of the start, token, retries and waits included ("No answer within N s."); once
// it has begun, the body is read for as long as it keeps coming, so a long list page that
// streams slowly is not cut off. Each attempt fails after transferTimeoutMs without any
// progress ("No data for N s."), before or after the answer began.
// The wait before attempt `attempt` + 1 (from 1) when the server gave no Retry-After: the
// timing's base backoff doubled per attempt, capped at its maximum, half of it random (so that
// clients that failed together do not come back together). Not yet scaled.
[[nodiscard]] qint64 retryBackoffMs(const ArmTiming &timing, int attempt);

class ArmExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArmExchange)

public:
    ArmExchange(ArmClient *client, ArmRequest request, int deadlineMs, QObject *parent);
    ~ArmExchange() override;

    // Valid after finished().
    [[nodiscard]] const Result<ArmResponse> &result() const { return *m_result; }
    // The last Retry-After the server asked for (ms, unscaled), or -1.
    qint64 retryAfterMs() const { return m_retryAfterMs; }
    int attempts() const { return m_attempt; }
    bool isFinished() const { return m_result.has_value(); }

    void cancel();

Q_SIGNALS:
    void finished();
    // A 429/503 will be retried after delayMs (scaled); for status bars ("throttled, retrying").
    void retrying(int attempt, qint64 delayMs);

private:
    void requestToken(bool forceRefresh);
    void sendWithToken(const QString &token);
    void onReplyFinished();
    void finish(Result<ArmResponse> result);
    void dropReply();
    // Before the token is asked for again or a retry: the deadline runs on for what is left.
    void waitWithoutReply();
    void onDeadlinePassed();
    Error deadlineError() const;

    QPointer<ArmClient> m_client;
    ArmRequest m_request;
    ArmTiming m_timing;
    QUrl m_url;
    QNetworkReply *m_reply = nullptr;
    QByteArray m_buffer;
    // Until the answer begins: token, attempts and retry waits.
    ReplyDeadline m_deadline { [this] { onDeadlinePassed(); } };
    ReplyDeadline m_idle; // per attempt: no progress for transferTimeoutMs
    QTimer m_retryTimer;
    QElapsedTimer m_elapsed;
    int m_deadlineMs;
    int m_attempt = 0;
    bool m_refreshedToken = false;
    bool m_bodyTooLarge = false;
    qint64 m_retryAfterMs = -1;
    std::optional<Result<ArmResponse>> m_result;
};

} // namespace portico::core
