// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/batch/batchjobrecord.h"

#include <QJsonArray>
#include <QStringList>

namespace portico::core {

namespace {

const QStringList &stepNames()
{
    static const QStringList names { u"upload"_qs, u"submit"_qs, u"start"_qs, u"run"_qs,
                                     u"download"_qs, u"index"_qs, u"done"_qs };
    return names;
}

const QStringList &outcomeNames()
{
    static const QStringList names { u"active"_qs, u"succeeded"_qs, u"failed"_qs, u"cancelled"_qs };
    return names;
}

const QStringList &kindNames()
{
    // In the order of Error::Kind.
    static const QStringList names { u"none"_qs,     u"invalidInput"_qs, u"network"_qs,  u"tls"_qs,
                                     u"timeout"_qs,  u"cancelled"_qs,    u"http"_qs,     u"conflict"_qs,
                                     u"notFound"_qs, u"unauthorized"_qs, u"protocol"_qs, u"storage"_qs,
                                     u"unavailable"_qs, u"refused"_qs };
    return names;
}

QJsonObject errorToJson(const Error &error)
{
    QJsonArray details;
    for (const ErrorDetail &detail : error.details)
        details.append(QJsonObject { { u"code"_qs, detail.code }, { u"message"_qs, detail.message },
                                     { u"target"_qs, detail.target } });
    return { { u"kind"_qs, kindNames().value(int(error.kind)) },
             { u"httpStatus"_qs, error.httpStatus },
             { u"code"_qs, error.code },
             { u"target"_qs, error.target },
             { u"details"_qs, details } };
}

Error errorFromJson(const QJsonObject &json, const QString &message)
{
    Error error;
    const qsizetype kind = kindNames().indexOf(json.value(u"kind"_qs).toString());
    error.kind = kind > 0 ? Error::Kind(kind) : Error::Kind::None;
    error.httpStatus = json.value(u"httpStatus"_qs).toInt();
    error.code = json.value(u"code"_qs).toString();
    error.target = json.value(u"target"_qs).toString();
    error.message = message;
    for (const QJsonValue &value : json.value(u"details"_qs).toArray()) {
        const QJsonObject detail = value.toObject();
        error.details.append(ErrorDetail { detail.value(u"code"_qs).toString(), detail.value(u"message"_qs).toString(),
                               detail.value(u"target"_qs).toString() });
    }
    return error;
}

QString timeOf(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QString BatchJobRecord::stepName(Step step)
{
    return stepNames().at(int(step));
}

QString BatchJobRecord::outcomeName(Outcome outcome)
{
    return outcomeNames().at(int(outcome));
}

bool BatchJobRecord::mayRunOnService() const
{
    static const QStringList final { u"Finished"_qs, u"Failed"_qs, u"Cancelled"_qs };
    return (outcome == Outcome::Active || outcome == Outcome::Failed) && !serverJobId.isEmpty()
        && step >= Step::Start && step <= Step::Run && !final.contains(serverStatus);
}

bool BatchJobRecord::canRetry() const
{
    return outcome == Outcome::Failed && serverStatus != u"Failed"_qs;
}

QJsonObject BatchJobRecord::toJson() const
{
    QJsonObject json { { u"id"_qs, id },
                       { u"name"_qs, name },
                       { u"endpoint"_qs, endpoint.toJson() },
                       { u"storageSecretKey"_qs, storageSecretKey },
                       { u"inputFile"_qs, inputFile },
                       { u"inputSize"_qs, double(inputSize) },
                       { u"inputModified"_qs, timeOf(inputModified) },
                       { u"container"_qs, container },
                       { u"inputBlob"_qs, inputBlob },
                       { u"outputBlob"_qs, outputBlob },
                       { u"serverJobId"_qs, serverJobId },
                       { u"submitSent"_qs, submitSent },
                       { u"serverStatus"_qs, serverStatus },
                       { u"resultsFile"_qs, resultsFile },
                       { u"errorMessage"_qs, errorMessage },
                       { u"createdAt"_qs, timeOf(createdAt) },
                       { u"updatedAt"_qs, timeOf(updatedAt) },
                       { u"step"_qs, stepName(step) },
                       { u"outcome"_qs, outcomeName(outcome) } };
    if (error.kind != Error::Kind::None)
        json.insert(u"error"_qs, errorToJson(error));
    return json;
}

Result<BatchJobRecord> BatchJobRecord::fromJson(const QJsonObject &json)
{
    BatchJobRecord record;
    record.id = json.value(u"id"_qs).toString();
    if (record.id.isEmpty())
        return Error::make(Error::Kind::Protocol, u"A stored batch job has no id."_qs);
    auto endpoint = BesEndpoint::fromJson(json.value(u"endpoint"_qs).toObject());
    if (!endpoint)
        return Error::make(Error::Kind::Protocol,
                           u"Stored batch job %1: %2"_qs.arg(record.id, endpoint.error().message));
    record.endpoint = endpoint.value();
    record.name = json.value(u"name"_qs).toString();
    record.storageSecretKey = json.value(u"storageSecretKey"_qs).toString();
    record.inputFile = json.value(u"inputFile"_qs).toString();
    record.inputSize = json.value(u"inputSize"_qs).toInteger(-1);
    record.inputModified = QDateTime::fromString(json.value(u"inputModified"_qs).toString(), Qt::ISODateWithMs);
    record.container = json.value(u"container"_qs).toString();
    record.inputBlob = json.value(u"inputBlob"_qs).toString();
    record.outputBlob = json.value(u"outputBlob"_qs).toString();
    record.serverJobId = json.value(u"serverJobId"_qs).toString();
    record.serverStatus = json.value(u"serverStatus"_qs).toString();
    record.resultsFile = json.value(u"resultsFile"_qs).toString();
    record.errorMessage = json.value(u"errorMessage"_qs).toString();
    if (json.value(u"error"_qs).isObject())
        record.error = errorFromJson(json.value(u"error"_qs).toObject(), record.errorMessage);
    record.createdAt = QDateTime::fromString(json.value(u"createdAt"_qs).toString(), Qt::ISODateWithMs);
    record.updatedAt = QDateTime::fromString(json.value(u"updatedAt"_qs).toString(), Qt::ISODateWithMs);
    const qsizetype step = stepNames().indexOf(json.value(u"step"_qs).toString());
    const qsizetype outcome = outcomeNames().indexOf(json.value(u"outcome"_qs).toString());
    if (step < 0 || outcome < 0)
        return Error::make(Error::Kind::Protocol, u"Stored batch job %1 has an unknown state."_qs.arg(record.id));
    record.step = Step(step);
    record.outcome = Outcome(outcome);
    record.submitSent = json.value(u"submitSent"_qs).toBool(record.step == Step::Submit);
    return record;
}

} // namespace portico::core
