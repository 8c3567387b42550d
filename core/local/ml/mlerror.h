// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonDocument>
#include <QString>

namespace portico::local {

// One AzureML web-service error: the HTTP status, the top-level class (code and message) and
// one detail, serialized as {"error":{"code","message","details":[{"code","message"[,"target"]}]}}.
// The factories quote the messages of the documented codes verbatim (web-service-error-codes.md);
// the few detail codes without a documented counterpart are marked where they are made.
struct MlError
{
    int status = 400;
    QString code;
    QString message;
    QString detailCode;
    QString detailMessage;
    QString detailTarget;

    QJsonDocument toJson() const;
    // "code: message" of the detail, for a BES job's Details.
    QString detailText() const { return detailCode + u": "_qs + detailMessage; }

    static MlError unauthorized();
    static MlError workspaceNotFound();
    static MlError webServiceNotFound();
    static MlError badVersionCall(const QString &version);
    static MlError invalidQueryParameter(const QString &name, const QString &why);
    static MlError requestBodyInvalid();
    static MlError missingRequestInput();
    static MlError invalidInputNames(const QString &names);
    static MlError inputMismatch(const QString &target);
    static MlError inputParseError(const QString &details);
    static MlError tooManyRows(qsizetype rows, qsizetype limit);
    static MlError badParameterValue(const QString &name, const QString &why);
    static MlError unexpectedParameter(const QString &name);
    static MlError missingJobId();
    static MlError jobNotFound(const QString &id);
    static MlError cannotStartJob(const QString &state);
    static MlError duplicateInputInBatchCall();
    static MlError batchJobInputsNotSpecified(const QString &inputs);
    static MlError invalidBlobConnectionString(const QString &why);
    static MlError missingInputBlobInformation();
    static MlError inputBlobRelativeLocationInvalid();
    static MlError invalidOutputOverrideName(const QString &name);
    static MlError invalidBlobExtension(const QString &blob, const QString &extensions);
    static MlError outputIsTheInput(const QString &blob);
    static MlError blobNotFound(const QString &blob, const QString &azureMessage);
    static MlError tooManyJobs(int limit);
    static MlError methodNotAllowed(const QString &method);
};

} // namespace portico::local
