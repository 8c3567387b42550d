// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/ml/mlerror.h"

#include <QJsonArray>
#include <QJsonObject>

namespace portico::local {

namespace {

MlError make(int status, const QString &code, const QString &message, const QString &detailCode,
             const QString &detailMessage, const QString &target = {})
{
    return MlError { status, code, message, detailCode, detailMessage, target };
}

MlError badArgument(const QString &detailCode, const QString &detailMessage,
                    const QString &target = {})
{
    return make(400, u"BadArgument"_qs, u"Invalid argument provided."_qs, detailCode, detailMessage,
                target);
}

MlError badUserArgument(const QString &detailCode, const QString &detailMessage,
                        const QString &target = {})
{
    return make(400, u"BadUserArgument"_qs, u"Invalid user argument provided."_qs, detailCode,
                detailMessage, target);
}

MlError notFound(const QString &detailCode, const QString &detailMessage)
{
    return make(404, u"NotFound"_qs, u"Resource not found."_qs, detailCode, detailMessage);
}

} // namespace

QJsonDocument MlError::toJson() const
{
    QJsonObject detail { { u"code"_qs, detailCode }, { u"message"_qs, detailMessage } };
    if (!detailTarget.isEmpty())
        detail.insert(u"target"_qs, detailTarget);
    return QJsonDocument(QJsonObject {
        { u"error"_qs,
          QJsonObject { { u"code"_qs, code },
                        { u"message"_qs, message },
                        { u"details"_qs, QJsonArray { detail } } } } });
}

MlError MlError::unauthorized()
{
    return make(401, u"Unauthorized"_qs, u"Request is unauthorized to access resource."_qs,
                u"ScoreRequestUnauthorized"_qs, u"Invalid credentials provided."_qs);
}

MlError MlError::workspaceNotFound()
{
    return notFound(u"WorkspaceNotFound"_qs,
                    u"Workspace not found. Verify the workspace Id is correct and try again."_qs);
}

MlError MlError::webServiceNotFound()
{
    return notFound(u"WebServiceNotFound"_qs,
                    u"Web service not found. Verify the web service Id is correct and try again."_qs);
}

MlError MlError::badVersionCall(const QString &version)
{
    return badArgument(u"BadVersionCall"_qs,
                       u"Invalid version parameter was passed during the API call: %1. Check the API "
                       "help page for passing the correct version and try again."_qs.arg(version),
                       u"api-version"_qs);
}

MlError MlError::invalidQueryParameter(const QString &name, const QString &why)
{
    return badArgument(u"InvalidQueryParameter"_qs,
                       u"Invalid query parameter '%1'. %2"_qs.arg(name, why), name);
}

MlError MlError::requestBodyInvalid()
{
    return badArgument(u"RequestBodyInvalid"_qs,
                       u"No request body provided or error in deserializing the request body."_qs);
}

MlError MlError::missingRequestInput()
{
    return badArgument(u"MissingRequestInput"_qs,
                       u"The web service expects an input, but no input was provided. Ensure valid "
                       "inputs are provided based on the published input ports in the model and try "
                       "again."_qs);
}

MlError MlError::invalidInputNames(const QString &names)
{
    return badArgument(u"InvalidInputNames"_qs,
                       u"Invalid service input name(s) specified in the request: %1. Please map the "
                       "input data to the correct service inputs and try again."_qs.arg(names));
}

MlError MlError::inputMismatch(const QString &target)
{
    return badUserArgument(u"InputMismatchError"_qs,
                           u"Input data does not match input port schema."_qs, target);
}

MlError MlError::inputParseError(const QString &details)
{
    return badUserArgument(u"InputParseError"_qs,
                           u"Parsing of input vector failed.  Verify the input vector has the correct "
                           "number of columns and data types.  Additional details: %1."_qs.arg(details));
}

MlError MlError::tooManyRows(qsizetype rows, qsizetype limit)
{
    // No documented detail for a row limit; the top level is the documented 413 class.
    return make(413, u"MemoryQuotaViolation"_qs,
                u"The model had exceeded the memory quota assigned to it."_qs, u"TooManyRows"_qs,
                u"The request has %1 rows; a request-response call accepts at most %2. Submit a "
                "batch execution job for larger inputs."_qs.arg(rows).arg(limit));
}

MlError MlError::badParameterValue(const QString &name, const QString &why)
{
    return badArgument(u"BadParameterValue"_qs,
                       u"The parameter value supplied does not satisfy the parameter rule on the "
                       "parameter: %1"_qs.arg(why),
                       name);
}

MlError MlError::unexpectedParameter(const QString &name)
{
    return badArgument(u"UnexpectedParameter"_qs,
                       u"Unexpected parameters provided. Verify all parameter names are spelled "
                       "correctly, only expected parameters are passed, and try again."_qs,
                       name);
}

MlError MlError::missingJobId()
{
    return badArgument(u"MissingJobId"_qs,
                       u"No job Id provided. A job Id is returned when a job was submitted for the "
                       "first time. Verify the job Id is correct and try again."_qs);
}

MlError MlError::jobNotFound(const QString &id)
{
    // Undocumented: AzureML's answer for an unknown job id was not found in any source.
    return notFound(u"JobNotFound"_qs,
                    u"Job '%1' not found. Verify the job Id is correct and try again."_qs.arg(id));
}

MlError MlError::cannotStartJob(const QString &state)
{
    return make(400, u"InvalidOperation"_qs, u"The request is invalid in the current context."_qs,
                u"CannotStartJob"_qs,
                u"The job cannot be started because it is in %1 state."_qs.arg(state));
}

MlError MlError::duplicateInputInBatchCall()
{
    return badArgument(u"DuplicateInputInBatchCall"_qs,
                       u"The batch request is invalid. Cannot specify both single and multiple input "
                       "at the same time. Remove one of these items from the request and try "
                       "again."_qs);
}

MlError MlError::batchJobInputsNotSpecified(const QString &inputs)
{
    return badArgument(u"BatchJobInputsNotSpecified"_qs,
                       u"The following required input(s) were not specified with the request: %1. "
                       "Please ensure all input data is specified and try again."_qs.arg(inputs));
}

MlError MlError::invalidBlobConnectionString(const QString &why)
{
    return badArgument(u"InvalidBlobConnectionString"_qs,
                       u"The connection string specified for one of the input/output blobs in "
                       "invalid: %1. Please correct this and try again."_qs.arg(why));
}

MlError MlError::missingInputBlobInformation()
{
    return badArgument(u"MissingInputBlobInformation"_qs,
                       u"Missing Azure storage blob information. Provide a valid connection string "
                       "and relative path or URI and try again."_qs);
}

MlError MlError::inputBlobRelativeLocationInvalid()
{
    return badArgument(u"InputBlobRelativeLocationInvalid"_qs,
                       u"No Azure storage blob name provided. Provide a valid blob name and try "
                       "again."_qs);
}

MlError MlError::invalidOutputOverrideName(const QString &name)
{
    return badArgument(u"InvalidOutputOverrideName"_qs,
                       u"Invalid output override name: %1. The service does not have an output node "
                       "with this name. Please pass in a correct output node name to override (case "
                       "sensitivity applies)."_qs.arg(name));
}

MlError MlError::invalidBlobExtension(const QString &blob, const QString &extensions)
{
    return badArgument(u"InvalidBlobExtension"_qs,
                       u"The blob reference: %1 has an invalid or missing file extension. Supported "
                       "file extensions for this output type are: \"%2\"."_qs.arg(blob, extensions));
}

MlError MlError::outputIsTheInput(const QString &blob)
{
    // Not a documented detail code: the job would read the blob it is overwriting.
    return badArgument(u"OutputIsTheInput"_qs,
                       u"The output blob %1 is the input blob. Write the output to another blob "
                       "and try again."_qs.arg(blob));
}

MlError MlError::blobNotFound(const QString &blob, const QString &azureMessage)
{
    return badArgument(u"BlobNotFound"_qs,
                       u"Unable to access the provided Azure blob - %1.  Azure error message: %2."_qs
                           .arg(blob, azureMessage));
}

MlError MlError::tooManyJobs(int limit)
{
    return make(503, u"ServiceUnavailable"_qs, u"Service is temporarily unavailable."_qs,
                u"NoMoreResources"_qs,
                u"No resources available for request. At most %1 jobs may wait or run at once."_qs
                    .arg(limit));
}

MlError MlError::methodNotAllowed(const QString &method)
{
    return badArgument(u"UnexpectedParameter"_qs,
                       u"The method %1 is not supported on this resource."_qs.arg(method));
}

} // namespace portico::local
