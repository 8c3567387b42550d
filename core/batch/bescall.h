// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/replydeadline.h"
#include "core/common/requestsent.h"
#include "core/common/result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <optional>

class QNetworkReply;

namespace portico::core {

// One BES HTTP call (submit, start, status or delete), made by BesClient. It owns its reply,
// caps the body, ends at an overall deadline, and emits finished() exactly once, from the event
// loop. A non-2xx answer becomes an Error from the server's envelope ({"error":{code,message,
// details}} from the ML service, {statusCode,message} from the gateway): 401/403 Unauthorized,
// 404 NotFound, 429/503 keep the Retry-After in retryAfterMs(). Deleting a running call aborts it.
class BesCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BesCall)

public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
    };

    // Takes ownership of `reply`.
    BesCall(QNetworkReply *reply, int deadlineMs, qint64 maxBodyBytes, QObject *parent);
    ~BesCall() override;

    bool isFinished() const { return m_result.has_value(); }
    [[nodiscard]] const Result<Reply> &result() const { return *m_result; }
    // The server's Retry-After (ms) on this reply, or -1.
    qint64 retryAfterMs() const { return m_retryAfterMs; }
    // Whether the request may have reached the service. False once the call failed without an
    // answer before Qt said the request was sent (connection refused, host not found, TLS
    // handshake failed, a proxy refused, a connect that timed out or was cancelled, a connection
    // closed before the request was written): the service cannot have acted on it. A connection
    // that closed or a timeout after the request was sent leaves it true, as does any answer.
    // Qt says "sent" from its HTTP/1 path only: BesClient sends the submit, the one call whose
    // answer this decides, over HTTP/1.1.
    // A failure without an answer whose connection closed has the error code "ConnectionClosed".
    bool mayHaveReachedService() const { return m_mayHaveReachedService; }
    // Ends the call now with Cancelled (no-op once finished).
    void abort();

Q_SIGNALS:
    void finished();

private:
    void onReadyRead();
    void onFinished();
    void finish(Result<Reply> result);
    void stop();

    QPointer<QNetworkReply> m_reply;
    ReplyDeadline m_deadline;
    QByteArray m_body;
    qint64 m_maxBodyBytes;
    qint64 m_retryAfterMs = -1;
    RequestSentFlag m_requestSent;
    bool m_mayHaveReachedService = true;
    std::optional<Result<Reply>> m_result;
};

} // namespace portico::core
