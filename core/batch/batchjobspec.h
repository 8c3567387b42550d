// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/batch/besendpoint.h"

#include <QString>

namespace portico::core {

// What the user asks for when starting a batch job: which service, which storage account (its
// connection string is a secret: only its SecretStore key is given here), which container the
// input and output blobs go to, and the local input CSV.
struct BatchJobSpec
{
    QString name; // default: the input file's name
    BesEndpoint endpoint;
    QString storageSecretKey;
    QString container = u"portico-batch"_qs;
    QString inputFile;
};

// How a running job is watched: status polls start at initialIntervalMs and back off by
// `factor` up to maxIntervalMs; a Retry-After from the server wins. Transient failures
// (network, timeout, 429, 5xx) are retried up to maxTransientFailures times in a row.
struct BatchPolling
{
    int initialIntervalMs = 1000;
    int maxIntervalMs = 30000;
    double factor = 1.5;
    int maxTransientFailures = 5;
};

// How long one BES call (submit, start, status, cancel) waits: it fails with a timeout after
// transferTimeoutMs without any data, or when no complete answer came within deadlineMs.
struct BesCallTimeouts
{
    int transferTimeoutMs = 30000;
    int deadlineMs = 120000;
};

} // namespace portico::core
