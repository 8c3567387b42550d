// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QUrl>

namespace portico::core {

// One output blob of a finished BES job: BaseLocation + RelativeLocation + SasBlobToken is a
// read-only download URL (azureml-protocol.md §1.5). The token is a credential: keep it in
// memory, never persist it.
struct BesOutput
{
    QString baseLocation;
    QString relativeLocation;
    QString sasBlobToken;

    // The pre-signed URL, or a Protocol error when the parts do not make an http(s) URL.
    Result<QUrl> downloadUrl() const;
};

// A BES job status reply (GET .../jobs/{id}).
struct BesJobStatus
{
    enum class State { NotStarted, Running, Failed, Cancelled, Finished };

    State state = State::NotStarted;
    QString statusText; // as the server sent it, e.g. "Running" (numbers become names)
    QString details;    // why a job failed; empty otherwise
    QMap<QString, BesOutput> outputs;

    bool isTerminal() const
    {
        return state == State::Failed || state == State::Cancelled || state == State::Finished;
    }

    // Pure parsing, never crashes on hostile bodies: StatusCode as a string or 0..4, the
    // "Status Code" typo of the old docs, Results (or the legacy singular Result).
    static Result<BesJobStatus> parse(const QByteArray &body);
    // The submit reply: the job id as a bare JSON string, e.g. "539d0bc2fde945b6ac986b851d0000f0".
    static Result<QString> parseSubmittedJobId(const QByteArray &body);
};

} // namespace portico::core
