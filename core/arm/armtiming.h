// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

namespace portico::core {

// Time limits, retry and polling policy of an ArmClient. Every delay the client waits for
// (Retry-After, backoff, poll interval) is multiplied by timeScale, so tests replay real
// Retry-After values quickly; timeouts and deadlines are not scaled.
struct ArmTiming
{
    int transferTimeoutMs = 30'000;      // no progress for this long: the attempt fails
    int deadlineMs = 120'000;            // the answer to one call must begin within this,
                                         // retries included; then it may take as long as
                                         // it keeps coming
    int longRunningDeadlineMs = 3'600'000; // a long-running operation including polling
    // How long the status polls of a long-running operation may keep failing in a row (network
    // error, timeout, 5xx) before the job stops watching: the status cannot be reached, so
    // waiting out the hour above only keeps the user looking at "Creating…". Counted from the
    // start of the first failed poll; an answered poll (also a 429, or a 5xx with Retry-After)
    // ends the run. Five minutes ride out a Wi-Fi roam, a VPN reconnect or an ARM front end
    // restarting, yet an offline user hears it within minutes. How many polls that is depends on
    // how they fail: about ten at the 30 s backoff cap when each fails at once (connection
    // refused), far fewer when answers are lost and each poll first waits transferTimeoutMs.
    int maxFailingPollsMs = 300'000;
    int maxAttempts = 4;                 // per request, on 429 / 503
    int baseBackoffMs = 1'000;           // doubles per attempt, with jitter, when no Retry-After
    int maxBackoffMs = 30'000;
    int defaultPollIntervalMs = 5'000;   // LRO poll when the server sends no Retry-After
    int maxRedirects = 5;
    qint64 maxBodyBytes = qint64(32) * 1024 * 1024;
    double timeScale = 1.0;

    qint64 scaled(qint64 ms) const { return qint64(double(ms) * timeScale); }
};

} // namespace portico::core
