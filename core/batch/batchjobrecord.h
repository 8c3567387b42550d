// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/batch/besendpoint.h"
#include "core/common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace portico::core {

// What the runner remembers about one batch job across app restarts. Nothing here is secret:
// the ML/subscription key and the storage connection string are SecretStore keys, and the
// results' SAS token is asked for again from the job status when needed.
struct BatchJobRecord
{
    // The steps in the order they run.
    enum class Step { Upload, Submit, Start, Run, Download, Index, Done };
    enum class Outcome { Active, Succeeded, Failed, Cancelled };

    QString id;                 // local id (32 hex), also names the blobs and the results file
    QString name;               // what the user sees, by default the input file's name
    BesEndpoint endpoint;
    QString storageSecretKey;   // SecretStore key of the storage connection string
    QString inputFile;          // local CSV that is uploaded
    // The input file as it was when the job was started (or retried): a job interrupted before
    // its upload finished sends it again only while it is unchanged. -1 / invalid: not known
    // (a list written by an older version).
    qint64 inputSize = -1;
    QDateTime inputModified;
    QString container;
    QString inputBlob;          // <container>/<inputBlob> is the job's input1
    QString outputBlob;         // ... and its output1
    QString serverJobId;        // once submitted
    // The submit request was sent (written before it leaves) and its answer, the server job id,
    // is not recorded: after a quit or crash the service may hold a job that nobody will start,
    // watch or delete, and BES has no call that lists jobs to find it. A job resumed in this
    // state is not submitted again without the user's word (submitMayHaveReachedService()).
    // Lists written before this was kept: true for a job stored at the Submit step, whose
    // request was sent right after the step was stored.
    bool submitSent = false;
    QString serverStatus;       // the last StatusCode the server sent
    QString resultsFile;        // where the results are downloaded to
    QString errorMessage;       // why it failed: core's technical text (English)
    // Why it failed, as facts the UI puts into words: kind, HTTP status, the service's code
    // and detail codes/messages (a job the service failed: code "BatchJobFailed" and its BES
    // Details text as a detail), and a target naming what was wrong ("credential",
    // "storageConnectionString", "inputFile", ...). Kind None while nothing failed.
    Error error;
    QDateTime createdAt;
    QDateTime updatedAt;
    Step step = Step::Upload;
    Outcome outcome = Outcome::Active;

    bool isActive() const { return outcome == Outcome::Active; }
    // The service knows the job and the last status read from it was not a final one, so it
    // may still be running there (also when watching it failed here, e.g. because the service
    // could not be reached).
    bool mayRunOnService() const;
    // Sent its submit, but no job id came back (or it was not recorded).
    bool submitMayHaveReachedService() const
    {
        return step == Step::Submit && submitSent && serverJobId.isEmpty();
    }
    // Failed here (storage, network, disk, keychain), not by the service's own verdict: running
    // it again from the step that failed makes sense.
    bool canRetry() const;

    QJsonObject toJson() const;
    static Result<BatchJobRecord> fromJson(const QJsonObject &json);

    static QString stepName(Step step);
    static QString outcomeName(Outcome outcome);
};

} // namespace portico::core
