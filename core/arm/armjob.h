// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/armrequest.h"
#include "core/arm/armresponse.h"
#include "core/arm/armwatch.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace portico::core {

class ArmClient;
class ArmExchange;

// One ARM call, as the UI sees it. For a long-running request (ArmRequest::longRunning) the job
// follows the ARM rules of apim-protocol.md §4.4:
//   1. Azure-AsyncOperation when present: GET it until status is Succeeded, Failed or Canceled;
//   2. otherwise Location: GET it while it answers 202;
//   3. otherwise, a 200/201 whose properties.provisioningState is not terminal: GET the resource
//      until it is. A resource that ends Failed or Canceled this way ends the job with an Error
//      without code and with target "provisioningState" (the server did not say why).
// Each poll waits Retry-After when the server sends one (at least baseBackoffMs), else the
// default poll interval. A poll that fails on the way (network error, timeout, 429, 5xx: the
// operation goes on in Azure) is sent again after a backoff, or Retry-After when that is longer,
// until longRunningDeadlineMs, or until polls have kept failing for maxFailingPollsMs in a row
// (pollsKeptFailing()). After success a PUT/PATCH re-reads the resource (final-state-via
// location = the entity URL), so result() is the final resource; a DELETE ends with the last
// reply. A job that stopped watching says what it was following (watch()), and
// ArmClient::watchAgain() follows it on.
//
// finished() is emitted exactly once (success, error, timeout or cancel), from the event loop.
// The job deletes itself after finished(); deleting it earlier aborts everything in flight.
class ArmJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArmJob)

public:
    ArmJob(ArmClient *client, ArmRequest request, QObject *parent = nullptr);
    // Follows on from `watch` (see ArmClient::watchAgain()).
    ArmJob(ArmClient *client, const ArmWatch &watch, QObject *parent = nullptr);
    ~ArmJob() override;

    const ArmRequest &request() const { return m_request; }
    // Valid once finished() was emitted.
    [[nodiscard]] const Result<ArmResponse> &result() const { return *m_result; }
    // The last Retry-After the server sent (ms, as sent), or -1; for "try again in N s" messages.
    qint64 retryAfterMs() const { return m_retryAfterMs; }
    // How many status polls a long-running call needed.
    int pollCount() const { return m_polls; }
    // The job ended with an error after the server had accepted the long-running request and
    // before it said how the operation ended (the deadline passed, polls kept failing, or it
    // was cancelled): the operation may still be running or have succeeded. Valid after
    // finished().
    bool stoppedWatching() const { return m_watching && m_result && !m_result->ok(); }
    // It stopped watching because the status polls kept failing (network error, timeout, 5xx)
    // for ArmTiming::maxFailingPollsMs in a row; result() is the last poll's error. Valid after
    // finished().
    bool pollsKeptFailing() const { return m_pollsKeptFailing; }
    // It followed the resource and the server answered 404, either after this job had seen the
    // resource or for maxFailingPollsMs in a row (ARM may answer 404 for a resource it has just
    // accepted): the resource does not exist (any more), so there is nothing left to watch.
    // Valid after finished().
    bool resourceGone() const { return m_resourceGone; }
    // What it was following when it stopped watching, for ArmClient::watchAgain(); invalid when
    // it did not stop watching. Valid after finished().
    [[nodiscard]] ArmWatch watch() const;

    void cancel();

Q_SIGNALS:
    void finished();
    // Long-running progress: the server's status text ("InProgress", "Activating") and
    // percentComplete (-1 when not reported).
    void progress(const QString &status, int percentComplete);
    // A 429/503 is being retried after delayMs, or a failed status poll is sent again.
    void retrying(int attempt, qint64 delayMs);
    // The next status poll of a long-running call is sent after delayMs (scaled).
    void pollScheduled(qint64 delayMs);

private:
    enum class Phase { Initial, PollAsyncOperation, PollLocation, PollResource, FinalGet };

    void setUpPolling();
    void start(Phase phase, const ArmRequest &request, int deadlineMs);
    void poll(Phase phase, QUrl url);
    void onExchangeFinished();
    void afterInitial(const ArmResponse &response);
    void afterPoll(const ArmResponse &response);
    void schedulePoll(Phase phase, QUrl url, const ArmResponse &last);
    void retryPoll(const Error &error, qint64 retryAfterMs);
    void finalGet();
    void finish(Result<ArmResponse> result);
    int remainingMs() const;

    QPointer<ArmClient> m_client;
    ArmRequest m_request;
    Phase m_phase = Phase::Initial;
    ArmExchange *m_exchange = nullptr;
    QTimer m_pollTimer;
    QElapsedTimer m_elapsed;
    QUrl m_pollUrl;
    Phase m_pollPhase = Phase::Initial; // until the first poll is scheduled
    std::optional<ArmResponse> m_initial;
    QUrl m_locationUrl;
    qint64 m_retryAfterMs = -1;
    int m_polls = 0;
    int m_failedPolls = 0; // in a row
    qint64 m_pollStartedMs = 0;    // on m_elapsed, when the exchange in flight was started
    qint64 m_failingSinceMs = -1;  // on m_elapsed: the start of the first failed poll in a row
    bool m_pollsKeptFailing = false;
    bool m_resourceGone = false;
    // A poll of the resource answered 200 in this job: a 404 after that means it is gone.
    bool m_resourceSeen = false;
    // Watching again: a status URL that answers 404/410 gives way to the resource, once.
    bool m_mayFallBackToResource = false;
    bool m_watching = false; // accepted and polling, with no final word from the server yet
    std::optional<Result<ArmResponse>> m_result;
};

} // namespace portico::core
