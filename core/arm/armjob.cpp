// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/arm/armjob.h"

#include "core/arm/armclient.h"
#include "core/arm/armexchange.h"
#include "core/arm/armparsing.h"

#include <QDateTime>

namespace portico::core {

namespace {

QUrl absolute(const QByteArray &header)
{
    if (header.isEmpty())
        return {};
    const QUrl url(QString::fromUtf8(header), QUrl::StrictMode);
    return url.isValid() && !url.isRelative() ? url : QUrl();
}

// A status poll may fail for a while without the operation failing: Azure keeps creating.
bool isTransientPollFailure(const Error &error)
{
    return error.isTransient() || (error.kind == Error::Kind::Http && error.httpStatus == 429);
}

// The URL answered that there is nothing there (any more): 404 Not Found or 410 Gone. Any other
// error of a status URL (401, 403, 400) is its own, and is what the user hears.
bool isGone(const Error &error)
{
    return error.httpStatus == 404 || error.httpStatus == 410;
}

// The resource itself ended in a terminal state other than Succeeded, and no operation said
// why. No server code: target "provisioningState" tells the UI that it has to say this itself.
Error provisioningFailure(const QString &state)
{
    Error error = Error::make(Error::Kind::Http, u"Provisioning ended in state %1."_qs.arg(state));
    error.target = u"provisioningState"_qs;
    return error;
}

ArmRequest getOf(const QUrl &url)
{
    ArmRequest request;
    request.absoluteUrl = url;
    return request;
}

} // namespace

ArmJob::ArmJob(ArmClient *client, ArmRequest request, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_request(std::move(request))
{
    setUpPolling();
    start(Phase::Initial, m_request, m_client->timing().deadlineMs);
}

ArmJob::ArmJob(ArmClient *client, const ArmWatch &watch, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_request(watch.request)
{
    m_request.longRunning = true;
    setUpPolling();
    if (!watch.isValid()) {
        finish(Error::make(Error::Kind::InvalidInput, u"There is no operation to watch."_qs));
        return;
    }
    m_watching = true;
    m_locationUrl = watch.locationUrl;
    const bool canUseResource = followsResource(m_request.method);
    switch (watch.via) {
    case ArmWatch::Via::AsyncOperation:
        m_mayFallBackToResource = canUseResource;
        poll(Phase::PollAsyncOperation, watch.statusUrl);
        break;
    case ArmWatch::Via::Location:
        m_mayFallBackToResource = canUseResource;
        poll(Phase::PollLocation, watch.statusUrl);
        break;
    case ArmWatch::Via::Resource:
        poll(Phase::PollResource, watch.statusUrl.isValid() || !m_client
                                      ? watch.statusUrl
                                      : m_client->resolve(m_request));
        break;
    }
}

ArmWatch ArmJob::watch() const
{
    ArmWatch watch;
    if (!stoppedWatching())
        return watch;
    if (m_pollPhase == Phase::Initial)
        return watch; // accepted, but it stopped before its first poll: there is nothing to follow
    watch.request = m_request;
    watch.locationUrl = m_locationUrl;
    if (m_pollPhase == Phase::FinalGet) { // the operation succeeded; what is left is reading its result
        if (m_request.method == "POST") {
            watch.via = ArmWatch::Via::Location;
            watch.statusUrl = m_locationUrl;
        } else {
            watch.via = ArmWatch::Via::Resource;
        }
        return watch;
    }
    watch.via = m_pollPhase == Phase::PollAsyncOperation ? ArmWatch::Via::AsyncOperation
        : m_pollPhase == Phase::PollLocation             ? ArmWatch::Via::Location
                                                         : ArmWatch::Via::Resource;
    watch.statusUrl = m_pollUrl;
    return watch;
}

void ArmJob::poll(Phase phase, QUrl url)
{
    m_pollPhase = phase;
    m_pollUrl = std::move(url);
    const int deadlineMs = m_client ? m_client->timing().deadlineMs : 0;
    start(phase, getOf(m_pollUrl), qMin(remainingMs(), deadlineMs));
}

void ArmJob::setUpPolling()
{
    m_elapsed.start();
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        if (m_pollPhase == Phase::FinalGet)
            finalGet();
        else
            poll(m_pollPhase, m_pollUrl);
    });
}

ArmJob::~ArmJob()
{
    delete m_exchange; // aborts its reply
}

int ArmJob::remainingMs() const
{
    if (!m_request.longRunning || !m_client)
        return m_client ? m_client->timing().deadlineMs : 0;
    return int(qMax<qint64>(0, m_client->timing().longRunningDeadlineMs - m_elapsed.elapsed()));
}

void ArmJob::cancel()
{
    if (m_result)
        return;
    delete std::exchange(m_exchange, nullptr);
    m_pollTimer.stop();
    finish(Error::make(Error::Kind::Cancelled, u"Cancelled."_qs));
}

void ArmJob::start(Phase phase, const ArmRequest &request, int deadlineMs)
{
    if (m_result)
        return;
    if (!m_client) {
        finish(Error::make(Error::Kind::Unavailable, u"The client was closed."_qs));
        return;
    }
    if (deadlineMs <= 0) {
        finish(Error::make(Error::Kind::Timeout,
                           u"The long-running operation did not finish in time."_qs));
        return;
    }
    m_phase = phase;
    m_pollStartedMs = m_elapsed.elapsed();
    delete m_exchange;
    m_exchange = m_client->exchange(request, deadlineMs, this);
    connect(m_exchange, &ArmExchange::retrying, this, &ArmJob::retrying);
    connect(m_exchange, &ArmExchange::finished, this, &ArmJob::onExchangeFinished);
}

void ArmJob::onExchangeFinished()
{
    ArmExchange *exchange = std::exchange(m_exchange, nullptr);
    exchange->deleteLater();
    if (exchange->retryAfterMs() >= 0)
        m_retryAfterMs = exchange->retryAfterMs();
    const Result<ArmResponse> &result = exchange->result();
    if (!result.ok() && m_watching && isTransientPollFailure(result.error())) {
        retryPoll(result.error(), exchange->retryAfterMs());
        return;
    }
    if (!result.ok() && m_mayFallBackToResource && isGone(result.error())
        && (m_phase == Phase::PollAsyncOperation || m_phase == Phase::PollLocation)) {
        // The status URL no longer answers; the resource itself says how the operation went.
        m_mayFallBackToResource = false;
        m_failedPolls = 0;
        m_failingSinceMs = -1;
        poll(Phase::PollResource, m_client->resolve(m_request));
        return;
    }
    if (!result.ok() && m_phase == Phase::PollResource
        && result.error().kind == Error::Kind::NotFound) {
        if (m_resourceSeen) {
            m_watching = false; // the server's last word: the resource does not exist any more
            m_resourceGone = true;
            finish(result);
        } else {
            // ARM may not know a resource it has just accepted yet (replication): until this
            // watch has seen it, a 404 is a failed poll like a 5xx (see retryPoll()).
            retryPoll(result.error(), -1);
        }
        return;
    }
    if (!result.ok() || !m_request.longRunning) {
        finish(result);
        return;
    }
    m_failedPolls = 0;
    m_failingSinceMs = -1;
    switch (m_phase) {
    case Phase::Initial:
        afterInitial(result.value());
        break;
    case Phase::PollAsyncOperation:
    case Phase::PollLocation:
    case Phase::PollResource:
        afterPoll(result.value());
        break;
    case Phase::FinalGet:
        finish(result);
        break;
    }
}

void ArmJob::afterInitial(const ArmResponse &response)
{
    m_initial = response;
    m_locationUrl = absolute(response.header("Location"));
    const QUrl asyncOperation = absolute(response.header("Azure-AsyncOperation"));
    if (asyncOperation.isValid()) {
        schedulePoll(Phase::PollAsyncOperation, asyncOperation, response);
        return;
    }
    if (m_locationUrl.isValid() && response.status == 202) {
        schedulePoll(Phase::PollLocation, m_locationUrl, response);
        return;
    }
    if (m_request.method != "DELETE" && !response.body.isEmpty()) {
        const auto body = response.json();
        if (body.ok()) {
            const auto state = provisioningState(body.value());
            if (state && operationStateFromString(*state) == OperationState::InProgress) {
                Q_EMIT progress(*state, -1);
                schedulePoll(Phase::PollResource, response.url, response);
                return;
            }
            if (state && operationStateFromString(*state) == OperationState::Failed) {
                finish(provisioningFailure(*state));
                return;
            }
        }
    }
    finish(response);
}

void ArmJob::afterPoll(const ArmResponse &response)
{
    ++m_polls;
    if (m_phase == Phase::PollAsyncOperation) {
        const auto status = parseOperationStatus(response.body);
        if (!status) {
            finish(status.error());
            return;
        }
        Q_EMIT progress(status->status, status->percentComplete);
        switch (status->state) {
        case OperationState::InProgress:
            schedulePoll(Phase::PollAsyncOperation, m_pollUrl, response);
            return;
        case OperationState::Failed:
        case OperationState::Canceled:
            m_watching = false; // the server's last word
            finish(status->error);
            return;
        case OperationState::Succeeded:
            finalGet();
            return;
        }
    }
    if (m_phase == Phase::PollLocation) {
        if (response.status == 202) {
            Q_EMIT progress(u"InProgress"_qs, -1);
            schedulePoll(Phase::PollLocation, m_pollUrl, response);
            return;
        }
        Q_EMIT progress(u"Succeeded"_qs, 100);
        if (followsResource(m_request.method)
            && (response.status == 204 || response.body.isEmpty())) {
            finalGet();
            return;
        }
        finish(response);
        return;
    }
    // PollResource
    m_resourceSeen = true;
    const auto body = response.json();
    if (!body) {
        finish(body.error());
        return;
    }
    const std::optional<QString> state = provisioningState(body.value());
    const OperationState operationState =
        state ? operationStateFromString(*state) : OperationState::Succeeded;
    Q_EMIT progress(state.value_or(u"Succeeded"_qs), -1);
    if (operationState == OperationState::InProgress) {
        schedulePoll(Phase::PollResource, m_pollUrl, response);
    } else if (operationState == OperationState::Succeeded) {
        finish(response);
    } else {
        m_watching = false; // the server's last word
        finish(provisioningFailure(*state));
    }
}

void ArmJob::retryPoll(const Error &error, qint64 retryAfterMs)
{
    ++m_failedPolls;
    const ArmTiming &timing = m_client->timing();
    // Retry-After may only lengthen the backoff: a "0" or a date gone by would poll the busy
    // server without pause until longRunningDeadlineMs.
    const qint64 delay = timing.scaled(qMax(retryAfterMs, retryBackoffMs(timing, m_failedPolls)));
    if (delay >= remainingMs()) {
        finish(error);
        return;
    }
    // A 429, or a 5xx with Retry-After, is an answer: the status can be reached, the server
    // only asks to wait.
    const bool notFound = error.kind == Error::Kind::NotFound;
    if (!notFound && (!error.isTransient() || (error.kind == Error::Kind::Http && retryAfterMs >= 0))) {
        m_failingSinceMs = -1;
    } else {
        if (m_failingSinceMs < 0)
            m_failingSinceMs = m_pollStartedMs;
        if (m_elapsed.elapsed() - m_failingSinceMs + delay >= timing.maxFailingPollsMs) {
            if (notFound) {
                // 404s for maxFailingPollsMs, the last of them now: no replica is that far
                // behind, the resource does not exist.
                m_watching = false;
                m_resourceGone = true;
            } else {
                m_pollsKeptFailing = true;
            }
            finish(error);
            return;
        }
    }
    Q_EMIT retrying(m_failedPolls, delay);
    m_pollTimer.start(int(delay)); // the same poll (m_pollPhase, m_pollUrl) again
}

void ArmJob::schedulePoll(Phase phase, QUrl url, const ArmResponse &last)
{
    m_watching = true;
    const ArmTiming &timing = m_client->timing();
    const auto retryAfter = parseRetryAfter(last.header("Retry-After"), QDateTime::currentDateTimeUtc());
    // Retry-After may not go below the first backoff step: a "0" or a date gone by would poll
    // without pause until longRunningDeadlineMs.
    const qint64 delay = timing.scaled(
        retryAfter ? qMax(*retryAfter, qint64(timing.baseBackoffMs)) : qint64(timing.defaultPollIntervalMs));
    if (delay >= remainingMs()) {
        finish(Error::make(Error::Kind::Timeout,
                           u"The long-running operation did not finish in time."_qs));
        return;
    }
    m_pollPhase = phase;
    m_pollUrl = std::move(url);
    Q_EMIT pollScheduled(delay);
    m_pollTimer.start(int(delay));
}

void ArmJob::finalGet()
{
    if (m_request.method == "DELETE") {
        finish(m_initial.value_or(ArmResponse {}));
        return;
    }
    QUrl target;
    if (m_request.method == "POST")
        target = m_locationUrl;
    else
        target = m_client->resolve(m_request);
    if (!target.isValid()) {
        finish(m_initial.value_or(ArmResponse {}));
        return;
    }
    poll(Phase::FinalGet, target);
}

void ArmJob::finish(Result<ArmResponse> result)
{
    if (m_result)
        return;
    m_result = std::move(result);
    m_pollTimer.stop();
    QTimer::singleShot(0, this, [this] {
        Q_EMIT finished();
        deleteLater();
    });
}

} // namespace portico::core
