// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/batch/batchjob.h"

#include "core/batch/batchjobrunner.h"
#include "core/batch/batchresultsmodel.h"
#include "core/batch/besclient.h"
#include "core/batch/resultsfilewriter.h"
#include "core/secrets/secretstore.h"
#include "core/storage/blobclient.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcBatch)

namespace portico::core {

namespace {

// Where a step failed, in front of the underlying message; kind, status and code are kept.
Error during(Error error, const QString &what)
{
    error.message = what + u": "_qs + error.message;
    return error;
}

// Portico stopped after the submit request left and before the answer was recorded.
Error submitUnanswered()
{
    Error error = Error::make(Error::Kind::Conflict,
                              u"Portico stopped after the job was submitted and before the service's answer (the job "
                              "id) was recorded: the service may hold a job that was never started and cannot be "
                              "listed. It was not submitted again."_qs,
                              u"SubmitUnanswered"_qs);
    error.target = u"serverJobId"_qs;
    return error;
}

// Also a keychain that is not there yet.
bool isTransient(const Error &error)
{
    return error.isTransient() || error.kind == Error::Kind::Unavailable;
}

} // namespace

BatchJob::BatchJob(BatchJobRunner *runner, BatchJobRecord record, QObject *parent)
    : QObject(parent)
    , m_runner(runner)
    , m_record(std::move(record))
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &BatchJob::poll);
}

BatchJob::~BatchJob()
{
    stopActivity();
}

void BatchJob::run()
{
    if (m_running)
        return;
    m_running = true;
    m_result.reset();
    ++m_runs;
    m_cancelling = false;
    // A job that failed on our side while the server ran it (network, disk) is watched again;
    // one the server failed stays failed.
    if (m_record.outcome == BatchJobRecord::Outcome::Failed && !m_record.serverJobId.isEmpty()
        && m_record.step >= Step::Run && m_record.serverStatus != u"Failed"_qs) {
        m_record.outcome = BatchJobRecord::Outcome::Active;
        m_record.errorMessage.clear();
        m_record.error = {};
        save();
    }
    if (m_record.outcome == BatchJobRecord::Outcome::Failed) {
        // The same facts as when it failed (older lists kept only the text).
        Error error = m_record.error;
        if (error.kind == Error::Kind::None)
            error = Error::make(Error::Kind::Http, m_record.errorMessage.isEmpty() ? u"The batch job failed."_qs
                                                                                    : m_record.errorMessage);
        error.message = m_record.errorMessage.isEmpty() ? error.message : m_record.errorMessage;
        fail(error);
        return;
    }
    if (m_record.outcome == BatchJobRecord::Outcome::Cancelled) {
        finish(Error::make(Error::Kind::Cancelled, u"The batch job was cancelled."_qs),
               BatchJobRecord::Outcome::Cancelled);
        return;
    }
    // Sending the submit again could leave a second job on the service: the user decides
    // (retry() submits again).
    if (m_record.submitMayHaveReachedService()) {
        fail(submitUnanswered());
        return;
    }
    // Results that were downloaded but are gone from disk come down again.
    if (m_record.step >= Step::Index && !m_record.serverJobId.isEmpty()
        && !QFile::exists(m_record.resultsFile)) {
        m_record.step = Step::Run;
        save();
    }
    const Step step = m_record.step;
    readSecrets(step <= Step::Start, step < Step::Index);
}

void BatchJob::retry()
{
    if (m_running || !m_record.canRetry())
        return;
    if (m_record.step == Step::Upload) {
        // The user asks for the input file as it is now (it may have changed since the start).
        const QFileInfo input(m_record.inputFile);
        m_record.inputSize = input.exists() ? input.size() : -1;
        m_record.inputModified = input.exists() ? input.lastModified().toUTC() : QDateTime();
    }
    // At the Submit step: the user asks for the job to be submitted again, also when an earlier
    // submit may have reached the service.
    m_record.submitSent = false;
    m_record.outcome = BatchJobRecord::Outcome::Active;
    m_record.errorMessage.clear();
    m_record.error = {};
    save();
    run();
}

void BatchJob::readSecrets(bool needStorage, bool needCredential)
{
    SecretStore *secrets = m_runner ? m_runner->secrets() : nullptr;
    if ((needStorage || needCredential) && !secrets) {
        fail(Error::make(Error::Kind::Unavailable, u"No secret store is available."_qs));
        return;
    }
    m_secretError.reset();
    m_secretsPending = 0;
    const auto read = [this, secrets](const QString &key, QString *target, const QString &what,
                                      const QString &errorTarget) {
        ++m_secretsPending;
        SecretJob *job = secrets->read(key);
        connect(job, &SecretJob::finished, this, [this, job, target, what, errorTarget] {
            if (job->result().ok()) {
                *target = job->result().value();
            } else if (!m_secretError) {
                Error error = job->result().error();
                error.message = error.kind == Error::Kind::NotFound
                    ? u"No %1 is stored in the keychain (%2)."_qs.arg(what, job->key())
                    : u"Cannot read the %1 from the keychain: %2"_qs.arg(what, error.message);
                error.target = errorTarget;
                m_secretError = error;
            }
            if (--m_secretsPending == 0)
                afterSecrets();
        });
    };
    if (needStorage)
        read(m_record.storageSecretKey, &m_storageConnectionString, u"storage connection string"_qs,
             u"storageConnectionString"_qs);
    if (needCredential)
        read(m_record.endpoint.credentialKey, &m_credential,
             m_record.endpoint.target == BesEndpoint::Target::Gateway ? u"subscription key"_qs
                                                                       : u"ML API key"_qs,
             u"credential"_qs);
    if (m_secretsPending == 0)
        QTimer::singleShot(0, this, &BatchJob::afterSecrets);
}

void BatchJob::afterSecrets()
{
    if (isFinished() || (m_cancelling && !m_cancelOnServerAfterSecrets))
        return;
    if (m_secretError && !m_cancelOnServerAfterSecrets) {
        fail(*m_secretError);
        return;
    }
    QNetworkAccessManager *network = m_runner ? m_runner->network() : nullptr;
    if (!network) {
        fail(Error::make(Error::Kind::Unavailable, u"The batch runner was closed."_qs));
        return;
    }
    if (!m_credential.isEmpty()) {
        delete m_bes;
        m_bes = new BesClient(network, m_record.endpoint, m_credential, this);
        const BesCallTimeouts timeouts = m_runner ? m_runner->callTimeouts() : BesCallTimeouts {};
        m_bes->setTransferTimeout(timeouts.transferTimeoutMs);
        m_bes->setDeadline(timeouts.deadlineMs);
    }
    if (m_cancelOnServerAfterSecrets) {
        m_cancelOnServerAfterSecrets = false;
        if (m_bes && !m_credential.isEmpty()) {
            cancelOnServer();
            return;
        }
        const Error why = m_secretError
            ? *m_secretError
            : Error::make(Error::Kind::NotFound, u"The keychain returned no credential."_qs);
        m_serverCancelError = during(why, u"The server job could not be cancelled"_qs);
        finish(*m_serverCancelError, BatchJobRecord::Outcome::Cancelled);
        return;
    }
    if (!m_storageConnectionString.isEmpty()) {
        auto account = StorageAccount::fromConnectionString(m_storageConnectionString);
        if (!account) {
            Error error = account.error();
            error.kind = Error::Kind::InvalidInput;
            error.target = u"storageConnectionString"_qs;
            fail(during(error, u"The storage connection string is not valid"_qs));
            return;
        }
        delete m_blobs;
        m_blobs = new BlobClient(account.value(), network, this);
    }
    // Resuming: a download restarts from a fresh status (and SAS), an index from the file.
    Step first = m_record.step;
    if (first == Step::Download)
        first = Step::Run;
    else if (first == Step::Done)
        first = Step::Index;
    if (first != m_record.step) {
        m_record.step = first;
        save();
    }
    Q_EMIT stepChanged(first);
    switch (first) {
    case Step::Upload:
        upload();
        break;
    case Step::Submit:
        submit();
        break;
    case Step::Start:
        startOnServer();
        break;
    case Step::Run:
    case Step::Download:
        m_runClock.start();
        Q_EMIT progress(0, -1);
        poll();
        break;
    case Step::Index:
    case Step::Done:
        index();
        break;
    }
}

Result<void> BatchJob::checkInputUnchanged() const
{
    const auto problem = [this](const QString &code, const QString &message) {
        Error error = Error::make(Error::Kind::Storage, message, code);
        error.target = u"inputFile"_qs;
        return error;
    };
    const QFileInfo input(m_record.inputFile);
    if (!input.exists())
        return problem(u"InputFileMissing"_qs,
                       u"The input file %1 is no longer there; the job did not reach the service."_qs.arg(
                           m_record.inputFile));
    if (m_record.inputSize < 0 || !m_record.inputModified.isValid())
        return problem(u"InputFileUnverified"_qs,
                       u"Whether the input file %1 changed since the job was started is not known."_qs.arg(
                           m_record.inputFile));
    const QDateTime modified = input.lastModified().toUTC();
    if (input.size() != m_record.inputSize
        || modified.toMSecsSinceEpoch() != m_record.inputModified.toMSecsSinceEpoch())
        return problem(u"InputFileChanged"_qs,
                       u"The input file %1 changed since the job was started (%2 bytes modified %3, now %4 bytes "
                       "modified %5); it was not sent again."_qs.arg(m_record.inputFile)
                           .arg(m_record.inputSize)
                           .arg(m_record.inputModified.toString(Qt::ISODateWithMs))
                           .arg(input.size())
                           .arg(modified.toString(Qt::ISODateWithMs)));
    return {};
}

void BatchJob::upload()
{
    setStep(Step::Upload);
    // Sent again after an interruption only as it was when the job was started.
    if (auto unchanged = checkInputUnchanged(); !unchanged) {
        fail(unchanged.error());
        return;
    }
    m_input = std::make_unique<QFile>(m_record.inputFile);
    if (!m_input->open(QIODevice::ReadOnly)) {
        Error error = Error::make(Error::Kind::Storage, u"Cannot read the input file %1: %2"_qs.arg(
                                                            m_record.inputFile, m_input->errorString()));
        error.target = u"inputFile"_qs;
        fail(error);
        return;
    }
    BlobRequestJob *container = m_blobs->createContainer(m_record.container);
    m_blobJob = container;
    connect(container, &BlobJob::finished, this, [this, container] {
        container->deleteLater();
        if (!container->result().ok()) {
            fail(during(container->result().error(),
                        u"Cannot create the container %1"_qs.arg(m_record.container)));
            return;
        }
        const qint64 total = m_input->size();
        BlobUploadJob::Options options;
        options.contentType = u"text/csv"_qs;
        BlobUploadJob *job = m_blobs->upload(m_record.container, m_record.inputBlob, m_input.get(), options);
        m_blobJob = job;
        connect(job, &BlobJob::progress, this, [this, total](qint64 done, qint64) {
            Q_EMIT progress(done, total);
        });
        connect(job, &BlobJob::finished, this, [this, job] {
            job->deleteLater();
            m_input.reset();
            if (!job->result().ok()) {
                fail(during(job->result().error(), u"Cannot upload the input file"_qs));
                return;
            }
            submit();
        });
    });
}

QByteArray BatchJob::submitBody() const
{
    const auto blob = [this](const QString &name) {
        return QJsonObject { { u"ConnectionString"_qs, m_storageConnectionString },
                             { u"RelativeLocation"_qs, QString(m_record.container + u'/' + name) } };
    };
    return QJsonDocument(QJsonObject { { u"Inputs"_qs, QJsonObject { { u"input1"_qs, blob(m_record.inputBlob) } } },
                                       { u"Outputs"_qs, QJsonObject { { u"output1"_qs, blob(m_record.outputBlob) } } },
                                       { u"GlobalParameters"_qs, QJsonObject {} } })
        .toJson(QJsonDocument::Compact);
}

void BatchJob::submit()
{
    // Stored before the request leaves (BatchJobRecord::submitSent): not sent when the list
    // cannot be written.
    const bool stepChanges = m_record.step != Step::Submit;
    m_record.step = Step::Submit;
    m_record.submitSent = true;
    if (auto stored = store(); !stored) {
        m_record.submitSent = false;
        Error error = during(stored.error(), u"The job was not submitted"_qs);
        error.target = u"jobList"_qs;
        fail(error);
        return;
    }
    if (stepChanges)
        Q_EMIT stepChanged(Step::Submit);
    BesCall *call = m_bes->submit(submitBody(), this);
    m_call = call;
    connect(call, &BesCall::finished, this, [this, call] {
        call->deleteLater();
        if (!call->result().ok()) {
            // A service that answered holds no job, nor does one the request never reached
            // (connection refused, host not found); without an answer after the request left
            // (timeout, connection closed) it may.
            const Error &error = call->result().error();
            if (error.httpStatus > 0 || !call->mayHaveReachedService())
                m_record.submitSent = false;
            fail(during(error, error.httpStatus > 0       ? u"The batch service refused the job"_qs
                                   : m_record.submitSent ? u"The submit got no answer"_qs
                                                         : u"The job was not submitted"_qs));
            return;
        }
        auto id = BesJobStatus::parseSubmittedJobId(call->result().value().body);
        if (!id) {
            fail(id.error());
            return;
        }
        m_record.serverJobId = id.value();
        m_record.submitSent = false;
        setStep(Step::Start);
        startOnServer();
    });
}

void BatchJob::startOnServer()
{
    setStep(Step::Start);
    BesCall *call = m_bes->start(m_record.serverJobId, this);
    m_call = call;
    connect(call, &BesCall::finished, this, [this, call] {
        call->deleteLater();
        if (!call->result().ok()) {
            const Error &error = call->result().error();
            // Resumed after a start that did reach the server: the status tells.
            if (error.httpStatus != 400) {
                fail(during(error, u"The batch service did not start the job"_qs));
                return;
            }
            m_startError = during(error, u"The batch service did not start the job"_qs);
        }
        m_pollIntervalMs = 0;
        m_transientFailures = 0;
        m_runClock.start();
        setStep(Step::Run);
        Q_EMIT progress(0, -1);
        poll();
    });
}

void BatchJob::poll()
{
    if (isFinished() || m_cancelling)
        return;
    BesCall *call = m_bes->status(m_record.serverJobId, this);
    m_call = call;
    connect(call, &BesCall::finished, this, [this, call] {
        call->deleteLater();
        onStatus(call);
    });
}

void BatchJob::schedulePoll(qint64 retryAfterMs)
{
    const BatchPolling polling = m_runner ? m_runner->polling() : BatchPolling {};
    m_pollIntervalMs = m_pollIntervalMs == 0
        ? polling.initialIntervalMs
        : qMin(polling.maxIntervalMs, int(m_pollIntervalMs * polling.factor));
    const qint64 delay = retryAfterMs >= 0 ? retryAfterMs : m_pollIntervalMs;
    m_pollTimer.start(int(qMin<qint64>(delay, 24 * 3600 * 1000)));
}

void BatchJob::onStatus(BesCall *call)
{
    if (isFinished() || m_cancelling)
        return;
    const BatchPolling polling = m_runner ? m_runner->polling() : BatchPolling {};
    if (!call->result().ok()) {
        const Error &error = call->result().error();
        if (isTransient(error) && ++m_transientFailures <= polling.maxTransientFailures) {
            qCDebug(lcBatch) << "status poll failed, retrying" << error.message;
            schedulePoll(call->retryAfterMs());
            return;
        }
        fail(during(error, u"Cannot read the job status"_qs));
        return;
    }
    m_transientFailures = 0;
    auto status = BesJobStatus::parse(call->result().value().body);
    if (!status) {
        fail(status.error());
        return;
    }
    setServerStatus(status->statusText);
    Q_EMIT statusRead();
    if (isFinished() || m_cancelling) // a statusChanged or statusRead slot cancelled the job
        return;
    switch (status->state) {
    case BesJobStatus::State::NotStarted:
        if (m_startError) {
            fail(*m_startError);
            return;
        }
        [[fallthrough]];
    case BesJobStatus::State::Running:
        Q_EMIT progress(m_runClock.isValid() ? m_runClock.elapsed() : 0, -1);
        schedulePoll(call->retryAfterMs());
        return;
    case BesJobStatus::State::Failed: {
        Error error = Error::make(Error::Kind::Http,
                                  status->details.isEmpty()
                                      ? u"The batch job failed on the server."_qs
                                      : u"The batch job failed on the server: %1"_qs.arg(status->details),
                                  u"BatchJobFailed"_qs);
        // The service's own words, kept apart so that the UI can show them as such.
        if (!status->details.isEmpty())
            error.details.append(ErrorDetail { {}, status->details, u"Details"_qs });
        fail(error);
        return;
    }
    case BesJobStatus::State::Cancelled:
        finish(Error::make(Error::Kind::Cancelled, u"The batch job was cancelled on the server."_qs),
               BatchJobRecord::Outcome::Cancelled);
        return;
    case BesJobStatus::State::Finished:
        break;
    }
    const auto output = status->outputs.contains(u"output1"_qs) ? std::optional(status->outputs.value(u"output1"_qs))
        : status->outputs.isEmpty()                             ? std::nullopt
                                                                : std::optional(status->outputs.first());
    if (!output) {
        fail(Error::make(Error::Kind::Protocol, u"The batch job finished without any results."_qs));
        return;
    }
    download(*output);
}

void BatchJob::download(const BesOutput &output)
{
    setStep(Step::Download);
    auto url = output.downloadUrl();
    if (!url) {
        fail(url.error());
        return;
    }
    // Written to a temporary file: the results file is replaced only by a complete download,
    // and a full disk fails the job with the file and the reason.
    m_output = std::make_unique<ResultsFileWriter>(m_record.resultsFile);
    if (auto created = m_output->create(); !created) {
        m_output.reset();
        fail(created.error());
        return;
    }
    BlobDownloadJob *job = BlobClient::downloadUrl(m_runner->network(), url.value(), m_output.get(), this);
    m_blobJob = job;
    connect(job, &BlobJob::progress, this, &BatchJob::progress);
    connect(job, &BlobJob::finished, this, [this, job] {
        job->deleteLater();
        const std::unique_ptr<ResultsFileWriter> output = std::move(m_output);
        // A write that failed is the reason, whatever the transfer says after it.
        if (output->writeError()) {
            output->discard();
            fail(*output->writeError());
            return;
        }
        if (!job->result().ok()) {
            output->discard();
            fail(during(job->result().error(), u"Cannot download the results"_qs));
            return;
        }
        if (auto committed = output->commit(); !committed) {
            fail(committed.error());
            return;
        }
        setStep(Step::Index);
        index();
    });
}

void BatchJob::index()
{
    setStep(Step::Index);
    delete m_model;
    m_model = new BatchResultsModel(this);
    connect(m_model, &BatchResultsModel::indexingProgress, this, &BatchJob::progress);
    connect(m_model, &BatchResultsModel::indexingFailed, this, [this](const Error &error) {
        fail(error);
    });
    connect(m_model, &BatchResultsModel::indexed, this, [this] {
        setStep(Step::Done);
        finish({}, BatchJobRecord::Outcome::Succeeded);
    });
    if (auto opened = m_model->open(m_record.resultsFile); !opened)
        fail(opened.error());
}

void BatchJob::cancel()
{
    if (!m_running || isFinished() || m_cancelling)
        return;
    m_cancelling = true;
    stopActivity();
    const bool serverKnowsJob = !m_record.serverJobId.isEmpty() && m_record.step >= Step::Start
        && m_record.step <= Step::Run;
    if (serverKnowsJob && m_bes) {
        cancelOnServer();
    } else if (serverKnowsJob && m_secretsPending > 0) {
        // Resumed moments ago: the credential is still being read from the keychain. The
        // server job is deleted as soon as it arrives (afterSecrets()).
        m_cancelOnServerAfterSecrets = true;
    } else {
        QTimer::singleShot(0, this, [this] {
            finish(Error::make(Error::Kind::Cancelled, u"Cancelled."_qs), BatchJobRecord::Outcome::Cancelled);
        });
    }
    Q_EMIT cancelling();
}

void BatchJob::cancelOnServer()
{
    BesCall *call = m_bes->remove(m_record.serverJobId, this);
    m_call = call;
    connect(call, &BesCall::finished, this, [this, call] {
        call->deleteLater();
        if (!call->result().ok() && call->result().error().kind != Error::Kind::NotFound) {
            Error error = during(call->result().error(),
                                 u"Stopped here, but the server job could not be cancelled"_qs);
            m_serverCancelError = error;
            finish(error, BatchJobRecord::Outcome::Cancelled);
            return;
        }
        // Report the server's final word.
        BesCall *status = m_bes->status(m_record.serverJobId, this);
        m_call = status;
        connect(status, &BesCall::finished, this, [this, status] {
            status->deleteLater();
            if (status->result().ok()) {
                if (auto parsed = BesJobStatus::parse(status->result().value().body))
                    setServerStatus(parsed->statusText);
            }
            finish(Error::make(Error::Kind::Cancelled, u"Cancelled."_qs), BatchJobRecord::Outcome::Cancelled);
        });
    });
}

void BatchJob::remove()
{
    if (m_removal || m_removeAfterCancel)
        return;
    m_removeAfterCancel = true;
    if (m_running && !isFinished()) {
        cancel();
        return;
    }
    // A job that may still run on the server although nobody watches it (e.g. after a
    // restart): cancel it there first, with the credential from the keychain.
    if (!m_record.mayRunOnService()) {
        m_removeScheduled = true;
        QTimer::singleShot(0, this, &BatchJob::dropLocally);
        return;
    }
    m_running = true;
    m_result.reset();
    ++m_runs;
    m_cancelOnServerAfterSecrets = true;
    readSecrets(false, true);
}

void BatchJob::removeHereOnly()
{
    if (m_removal)
        return;
    m_removeAfterCancel = true;
    m_cancelOnServerAfterSecrets = false;
    if (isFinished()) {
        // Also when a remove() is between finished() and dropping the entry: once only.
        if (!m_removeScheduled)
            QTimer::singleShot(0, this, &BatchJob::dropLocally);
        m_removeScheduled = true;
        return;
    }
    const bool wasRunning = m_running;
    stopActivity();
    // Finished without a saved outcome: the entry goes; secrets still being read find the job
    // finished and do nothing.
    m_result = Result<void>(Error::make(Error::Kind::Cancelled, u"Removed here only; the service was not contacted."_qs));
    m_running = false;
    m_cancelling = false;
    m_credential.clear();
    m_storageConnectionString.clear();
    m_removeScheduled = true;
    QTimer::singleShot(0, this, [this, wasRunning] {
        if (wasRunning)
            Q_EMIT finished();
        dropLocally();
    });
}

void BatchJob::dropLocally()
{
    // A server job that could not be cancelled is worth telling; a plain cancel, or how the job
    // had failed before, is not.
    Result<void> result;
    if (m_serverCancelError)
        result = *m_serverCancelError;
    delete m_model; // closes the file first (Windows cannot delete an open file)
    m_model = nullptr;
    if (QFile::exists(m_record.resultsFile) && !QFile::remove(m_record.resultsFile) && result.ok()) {
        Error error = Error::make(Error::Kind::Storage, u"Cannot delete the results file %1."_qs.arg(m_record.resultsFile));
        error.target = u"resultsFile"_qs;
        result = error;
    }
    // The entry goes from the stored list too, so that the job stays removed after a restart;
    // a list that cannot be written is said (the job would come back).
    if (m_runner) {
        if (auto forgotten = m_runner->forget(m_record.id); !forgotten && result.ok()) { // deletes this job later
            Error error = forgotten.error();
            error.target = u"jobList"_qs;
            result = error;
        }
    }
    m_removal = result;
    Q_EMIT removed();
}

void BatchJob::setStep(Step step)
{
    if (m_record.step == step)
        return;
    m_record.step = step;
    save();
    Q_EMIT stepChanged(step);
}

void BatchJob::setServerStatus(const QString &status)
{
    if (m_record.serverStatus == status)
        return;
    m_record.serverStatus = status;
    save();
    Q_EMIT statusChanged(status);
}

void BatchJob::save()
{
    (void)store();
}

Result<void> BatchJob::store()
{
    m_record.updatedAt = QDateTime::currentDateTimeUtc();
    if (!m_runner)
        return Error::make(Error::Kind::Unavailable, u"The batch runner was closed."_qs);
    return m_runner->save(m_record);
}

void BatchJob::stopActivity()
{
    m_pollTimer.stop();
    // Later deletion: this may run inside a handler of the very call or transfer (e.g. cancel()
    // from a statusChanged slot).
    if (m_call) {
        m_call->disconnect(this);
        m_call->abort();
        m_call->deleteLater();
        m_call = nullptr;
    }
    if (m_blobJob) {
        m_blobJob->disconnect(this);
        m_blobJob->abort();
        m_blobJob->deleteLater();
        m_blobJob = nullptr;
    }
    if (m_output) {
        m_output->discard();
        m_output.reset();
    }
    m_input.reset();
    if (m_model && !m_model->isIndexed()) { // an index step that is being abandoned
        m_model->disconnect(this);
        m_model->deleteLater();
        m_model = nullptr;
    }
}

void BatchJob::fail(Error error)
{
    qCInfo(lcBatch) << "batch job" << m_record.id << "failed:" << error.message;
    m_record.errorMessage = error.message;
    m_record.error = error;
    m_record.error.technical.clear(); // stored: facts only
    finish(std::move(error), BatchJobRecord::Outcome::Failed);
}

void BatchJob::finish(Result<void> result, BatchJobRecord::Outcome outcome)
{
    if (m_result)
        return;
    stopActivity();
    m_result = std::move(result);
    m_running = false;
    m_cancelling = false;
    m_cancelOnServerAfterSecrets = false;
    m_record.outcome = outcome;
    if (outcome == BatchJobRecord::Outcome::Succeeded) {
        m_record.errorMessage.clear();
        m_record.error = {};
    }
    save();
    // Secrets are not kept once the job no longer needs them.
    m_credential.clear();
    m_storageConnectionString.clear();
    // A run that was started again (Retry) before this got through the event loop is not
    // reported as finished: the new run reports itself.
    QTimer::singleShot(0, this, [this, run = m_runs] {
        if (run != m_runs)
            return;
        Q_EMIT finished();
        if (m_removeAfterCancel && !std::exchange(m_removeScheduled, true))
            dropLocally();
    });
}

} // namespace portico::core
