// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/batchjoberrortext.h"

#include <QStringList>

namespace portico::ui {

namespace {

using Kind = core::Error::Kind;
using Step = core::BatchJobRecord::Step;

// Which party the failure is about: it decides the words for the same kind of error.
enum class Party { BatchService, Storage, Keychain, LocalFile, Other };

bool isSecret(const core::Error &error)
{
    return error.target == u"credential"_qs || error.target == u"storageConnectionString"_qs;
}

Party partyOf(const core::BatchJobRecord &record, const core::Error &error)
{
    if (isSecret(error) && (error.kind == Kind::NotFound || error.kind == Kind::Unavailable))
        return Party::Keychain;
    if (error.kind == Kind::Storage)
        return Party::LocalFile;
    switch (record.step) {
    case Step::Upload:
    case Step::Download:
        return Party::Storage;
    case Step::Submit:
    case Step::Start:
    case Step::Run:
        return Party::BatchService;
    case Step::Index:
    case Step::Done:
        return Party::LocalFile;
    }
    return Party::Other;
}

QString hostOf(const QUrl &url)
{
    return url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
}

// A job interrupted before it reached the service that did not carry on by itself.
bool isInterruptedInput(const core::Error &error)
{
    return error.target == u"inputFile"_qs && error.code.startsWith(u"InputFile"_qs);
}

// Portico stopped after the submit left and before its answer was recorded: not sent again.
bool isUnansweredSubmit(const core::Error &error)
{
    return error.code == u"SubmitUnanswered"_qs;
}

// The submit left, and no answer came (in time, or the connection closed first, or what came was
// not an answer): the service may have taken the job anyway. Not a submit the service refused (an
// HTTP status) or one that never left (core then does not keep it as sent).
bool isSubmitWithoutAnswer(const core::BatchJobRecord &record, const core::Error &error)
{
    return (error.kind == Kind::Timeout || error.kind == Kind::Network) && error.httpStatus == 0
        && record.submitMayHaveReachedService();
}

// The connection closed (or the server stopped taking requests on it) before an answer.
bool isConnectionClosed(const core::Error &error)
{
    return error.code == u"ConnectionClosed"_qs;
}

QString headline(const core::BatchJobRecord &record, const core::Error &error)
{
    if (isInterruptedInput(error))
        return BatchJobErrorText::tr("The job was interrupted before it reached the service.");
    if (isUnansweredSubmit(error))
        return BatchJobErrorText::tr("Portico closed while the job was being submitted.");
    if (error.target == u"jobList"_qs)
        return BatchJobErrorText::tr("The job was not submitted.");
    if (isSubmitWithoutAnswer(record, error)) {
        const QString host = hostOf(record.endpoint.baseUrl);
        if (error.kind == Kind::Timeout)
            return BatchJobErrorText::tr("The batch service at %1 did not answer the submit in time.").arg(host);
        if (isConnectionClosed(error))
            return BatchJobErrorText::tr("The connection to the batch service at %1 closed before the service "
                                         "answered the submit.")
                .arg(host);
        return BatchJobErrorText::tr("The batch service at %1 did not answer the submit.").arg(host);
    }
    switch (record.step) {
    case Step::Upload: return BatchJobErrorText::tr("The input could not be uploaded.");
    case Step::Submit: return BatchJobErrorText::tr("The batch service did not accept the job.");
    case Step::Start: return BatchJobErrorText::tr("The batch service did not start the job.");
    case Step::Run:
        if (error.code == u"BatchJobFailed"_qs)
            return BatchJobErrorText::tr("The batch service reports that the job failed.");
        return BatchJobErrorText::tr("The job's status could not be read from the batch service.");
    case Step::Download: return BatchJobErrorText::tr("The results could not be downloaded.");
    case Step::Index: return BatchJobErrorText::tr("The downloaded results could not be read.");
    case Step::Done: break;
    }
    return BatchJobErrorText::tr("The batch job failed.");
}

QString httpReason(const core::Error &error)
{
    if (error.httpStatus >= 500)
        return error.code.isEmpty()
            ? BatchJobErrorText::tr("The service failed with an internal error (HTTP %1).").arg(error.httpStatus)
            : BatchJobErrorText::tr("The service failed with an internal error (HTTP %1, %2).")
                  .arg(error.httpStatus)
                  .arg(error.code);
    if (error.httpStatus > 0)
        return error.code.isEmpty()
            ? BatchJobErrorText::tr("The service refused the request (HTTP %1).").arg(error.httpStatus)
            : BatchJobErrorText::tr("The service refused the request (HTTP %1, %2).").arg(error.httpStatus).arg(error.code);
    return BatchJobErrorText::tr("The service refused the request.");
}

QString jobReason(const core::BatchJobRecord &record, const core::Error &error)
{
    if (isInterruptedInput(error)) {
        if (error.code == u"InputFileMissing"_qs)
            return BatchJobErrorText::tr("Its input file %1 is no longer there. Put it back and Retry, or remove "
                                         "the job.")
                .arg(record.inputFile);
        if (error.code == u"InputFileChanged"_qs)
            return BatchJobErrorText::tr("Its input file %1 changed since the job was started, so it was not sent "
                                         "again. Retry sends the file as it is now.")
                .arg(record.inputFile);
        return BatchJobErrorText::tr("Portico cannot tell whether its input file %1 changed since the job was "
                                     "started, so it was not sent again. Retry sends the file as it is now.")
            .arg(record.inputFile);
    }
    if (isUnansweredSubmit(error))
        return BatchJobErrorText::tr("The service may hold a job that was never started and that cannot be listed, "
                                     "so Portico did not submit it again. Submit again sends it once more; Remove "
                                     "drops it from this list.");
    if (error.target == u"jobList"_qs)
        return BatchJobErrorText::tr("The job list could not be written (is the disk full?).");
    if (isSubmitWithoutAnswer(record, error))
        return BatchJobErrorText::tr("It may have received the job all the same and hold it without starting "
                                     "it; the service cannot list its jobs, so Portico cannot check. Submit "
                                     "again sends the job once more, which can leave a second job there; Remove "
                                     "drops it from this list.");
    const Party party = partyOf(record, error);
    const bool gateway = record.endpoint.target == core::BesEndpoint::Target::Gateway;
    const QString host = hostOf(record.endpoint.baseUrl);
    if (party == Party::Keychain) {
        if (error.kind == Kind::Unavailable)
            return BatchJobErrorText::tr("The keychain could not be read.");
        if (error.target == u"storageConnectionString"_qs)
            return BatchJobErrorText::tr("No storage connection string for this job is stored in the keychain.");
        return gateway ? BatchJobErrorText::tr("No subscription key for this job is stored in the keychain.")
                       : BatchJobErrorText::tr("No ML API key for this job is stored in the keychain.");
    }
    if (error.kind == Kind::InvalidInput && error.target == u"storageConnectionString"_qs)
        return BatchJobErrorText::tr("The storage connection string in the keychain is not valid.");
    if (party == Party::LocalFile) {
        switch (record.step) {
        case Step::Upload:
            return BatchJobErrorText::tr("The input file %1 cannot be read.").arg(record.inputFile);
        case Step::Download:
            return BatchJobErrorText::tr("The results file %1 cannot be written (is the disk full?).")
                .arg(record.resultsFile);
        default:
            return BatchJobErrorText::tr("The results file %1 cannot be read.").arg(record.resultsFile);
        }
    }
    const bool storage = party == Party::Storage;
    switch (error.kind) {
    case Kind::Network:
        return storage ? BatchJobErrorText::tr("The storage service cannot be reached.")
                       : BatchJobErrorText::tr("The batch service at %1 cannot be reached.").arg(host);
    case Kind::Timeout:
        return storage ? BatchJobErrorText::tr("The storage service did not answer in time.")
                       : BatchJobErrorText::tr("The batch service at %1 did not answer in time.").arg(host);
    case Kind::Tls:
        return storage ? BatchJobErrorText::tr("The secure connection to the storage service failed.")
                       : BatchJobErrorText::tr("The secure connection to the batch service at %1 failed.").arg(host);
    case Kind::Unauthorized:
        if (storage)
            return BatchJobErrorText::tr("The storage account refused the request (HTTP %1): check the account "
                                         "key in its connection string.")
                .arg(error.httpStatus);
        return gateway ? BatchJobErrorText::tr("The gateway refused the subscription key (HTTP %1).").arg(error.httpStatus)
                       : BatchJobErrorText::tr("The ML service refused the API key (HTTP %1).").arg(error.httpStatus);
    case Kind::NotFound:
        return storage ? BatchJobErrorText::tr("The storage service does not have the container or blob (HTTP 404).")
                       : BatchJobErrorText::tr("The batch service does not know this job or web service (HTTP 404).");
    case Kind::Unavailable:
        return BatchJobErrorText::tr("The service is busy (HTTP %1); try again later.").arg(error.httpStatus);
    case Kind::Protocol:
        return storage ? BatchJobErrorText::tr("The storage service's reply could not be read.")
                       : BatchJobErrorText::tr("The batch service's reply could not be read.");
    case Kind::Http:
        if (error.code == u"BatchJobFailed"_qs)
            return {};
        return httpReason(error);
    case Kind::Conflict:
        return BatchJobErrorText::tr("The service reports a conflict (HTTP %1).").arg(error.httpStatus);
    case Kind::Cancelled:
        return BatchJobErrorText::tr("It was cancelled.");
    case Kind::InvalidInput:
    case Kind::Storage:
    case Kind::Refused:
    case Kind::Forbidden: // a 403 reads as before Kind::Forbidden existed
    case Kind::None:
        break;
    }
    return BatchJobErrorText::tr("Portico could not continue the job.");
}

} // namespace

QString BatchJobErrorText::describe(const core::BatchJobRecord &record, const core::Error &error)
{
    const QString why = jobReason(record, error);
    return why.isEmpty() ? headline(record, error) : headline(record, error) + u' ' + why;
}

QString BatchJobErrorText::shortText(const core::BatchJobRecord &record, const core::Error &error)
{
    if (error.code == u"BatchJobFailed"_qs)
        return tr("Failed on the service");
    if (partyOf(record, error) == Party::Keychain)
        return tr("Failed: key not in the keychain");
    if (isInterruptedInput(error))
        return error.code == u"InputFileMissing"_qs       ? tr("Interrupted: input file gone")
            : error.code == u"InputFileChanged"_qs ? tr("Interrupted: input file changed")
                                                   : tr("Interrupted: input file not checked");
    if (isUnansweredSubmit(error))
        return tr("Interrupted while submitting");
    if (isSubmitWithoutAnswer(record, error) && error.kind == Kind::Network)
        return isConnectionClosed(error) ? tr("Failed: connection closed before the answer")
                                         : tr("Failed: no answer to the submit");
    switch (error.kind) {
    case Kind::Network: return tr("Failed: cannot reach the service");
    case Kind::Timeout: return tr("Failed: no answer in time");
    case Kind::Unauthorized: return tr("Failed: access refused");
    case Kind::Storage: return tr("Failed: file problem");
    default: break;
    }
    return tr("Failed");
}

QString BatchJobErrorText::serviceSays(const core::Error &error)
{
    QStringList words;
    for (const core::ErrorDetail &detail : error.details) {
        if (detail.message.isEmpty())
            continue;
        words.append(detail.code.isEmpty() || detail.message.startsWith(detail.code)
                         ? detail.message
                         : detail.code + u": "_qs + detail.message);
    }
    if (words.isEmpty())
        return {};
    return tr("The service says: “%1”").arg(words.join(u' '));
}

QString BatchJobErrorText::technical(const core::Error &error)
{
    return error.toString();
}

QString BatchJobErrorText::reason(const core::Error &error)
{
    switch (error.kind) {
    case Kind::Network: return tr("The service cannot be reached.");
    case Kind::Timeout: return tr("The service did not answer in time.");
    case Kind::Tls: return tr("The secure connection failed.");
    case Kind::Unauthorized: return tr("Access was refused (HTTP %1).").arg(error.httpStatus);
    case Kind::NotFound:
        return error.httpStatus == 0 ? tr("It was not found.") : tr("It was not found (HTTP %1).").arg(error.httpStatus);
    case Kind::Unavailable:
        return error.httpStatus == 0 ? tr("The keychain is not available.")
                                     : tr("The service is busy (HTTP %1); try again later.").arg(error.httpStatus);
    case Kind::Http:
    case Kind::Conflict: return httpReason(error);
    case Kind::Protocol: return tr("The reply could not be read.");
    case Kind::Storage: return tr("A file could not be read or written.");
    case Kind::Cancelled: return tr("It was cancelled.");
    case Kind::InvalidInput: return tr("The input is not valid.");
    case Kind::Refused:
    case Kind::Forbidden: return tr("This is not allowed.");
    case Kind::None: break;
    }
    return tr("Something went wrong.");
}

QString BatchJobErrorText::submitRefused(const core::Error &error, const QString &inputFile, const QString &container)
{
    if (error.kind == Kind::InvalidInput) {
        const QString &target = error.target;
        if (target == u"inputFile"_qs)
            return inputFile.isEmpty() ? tr("Choose the input CSV file.")
                                       : tr("The input file %1 does not exist or cannot be read.").arg(inputFile);
        if (target == u"container"_qs)
            return tr("“%1” is not a valid container name: use 3 to 63 lower-case letters, digits and single "
                      "hyphens.")
                .arg(container);
        if (target == u"storageSecretKey"_qs)
            return tr("Choose the storage account for the input and the results.");
        if (target == u"baseUrl"_qs)
            return tr("The batch service URL is not known or not valid: refresh the catalog, or check the ML "
                      "service URL.");
        if (target == u"workspace"_qs)
            return tr("Enter the workspace id.");
        if (target == u"service"_qs)
            return tr("Enter the web service id.");
        if (target == u"credentialKey"_qs)
            return tr("Choose the subscription, or set up the ML service's API key.");
    }
    if (error.kind == Kind::Storage)
        return tr("The job list could not be written.");
    return reason(error);
}

QString BatchJobErrorText::removalProblem(const QString &name, const core::Error &error)
{
    if (error.target == u"resultsFile"_qs)
        return tr("Removed “%1” from the list, but its results file could not be deleted.").arg(name);
    if (error.target == u"jobList"_qs)
        return tr("Removed “%1” from the list, but the job list could not be written: it may be back after a "
                  "restart.")
            .arg(name);
    return tr("Removed “%1” from the list, but the service did not cancel it. %2").arg(name, reason(error));
}

} // namespace portico::ui
