// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/ml/mlservice.h"

#include "core/common/constanttime.h"
#include "core/local/ml/besjobqueue.h"
#include "core/local/ml/besjobrequest.h"
#include "core/local/ml/besjobstore.h"
#include "core/local/ml/featurehashingexperiment.h"
#include "core/local/ml/mlerror.h"
#include "core/local/ml/swaggerdocument.h"
#include "core/local/server/localserver.h"

#include <QDir>
#include <QJsonDocument>
#include <QUuid>
#include <QMetaEnum>
#include <QUrlQuery>

namespace portico::local {

namespace {

using Experiment = FeatureHashingExperiment;

void writeError(QHttpServerResponder &responder, const MlError &error)
{
    HttpService::writeJson(responder, error.status, error.toJson());
}

QString methodName(QHttpServerRequest::Method method)
{
    return QString::fromLatin1(
               QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method)))
        .toUpper();
}

bool isTrue(const QString &value)
{
    return value.compare(u"true"_qs, Qt::CaseInsensitive) == 0;
}

} // namespace

MlService::MlService(const LocalContext &context, QObject *parent)
    : HttpService(parent)
    , m_context(context)
{
}

MlService::~MlService()
{
    m_queue.reset(); // stops the workers before the store goes
}

core::Result<void> MlService::open()
{
    m_store = std::make_unique<BesJobStore>();
    if (auto opened = m_store->open(QDir(m_context.dataDir).filePath(u"ml.db"_qs)); !opened)
        return opened;
    m_queue = std::make_unique<BesJobQueue>(*m_store, workerCount);
    // Jobs that were running when portico-local stopped start over; one that keeps being
    // interrupted fails with a reason instead of looping forever.
    auto running = m_store->idsWithStatus(u"Running"_qs);
    if (!running)
        return running.error();
    for (const QString &id : running.value()) {
        auto job = m_store->find(id);
        if (job && job.value() && job.value()->attempts >= maxAttempts) {
            (void)m_store->markEnded(
                id, u"Failed"_qs, {},
                u"The job was interrupted %1 times because portico-local stopped while it ran; "
                "submit it again."_qs.arg(job.value()->attempts));
            continue;
        }
        m_queue->enqueue(id);
    }
    return {};
}

bool MlService::authorized(const QHttpServerRequest &request) const
{
    // The scheme is matched case-insensitively: the Python client sends "bearer".
    const QByteArray authorization = request.value("Authorization").trimmed();
    if (authorization.size() < 7 || authorization.left(7).toLower() != "bearer ")
        return false;
    return core::constantTimeEquals(authorization.mid(7).trimmed(), m_context.mlKey.toUtf8());
}

void MlService::handle(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    if (!authorized(request)) {
        writeError(responder, MlError::unauthorized());
        return;
    }

    // /workspaces/{ws}/services/{svc}/<rest>
    const QStringList segments = request.url().path().split(u'/', Qt::SkipEmptyParts);
    if (segments.size() < 4 || segments.at(0) != u"workspaces"_qs || segments.at(2) != u"services"_qs) {
        writeError(responder, MlError::webServiceNotFound());
        return;
    }
    if (segments.at(1) != Experiment::workspace) {
        writeError(responder, MlError::workspaceNotFound());
        return;
    }
    if (segments.at(3) != Experiment::service) {
        writeError(responder, MlError::webServiceNotFound());
        return;
    }
    const QStringList rest = segments.mid(4);
    const QUrlQuery query(request.url());
    const auto method = request.method();

    if (rest == QStringList { u"swagger.json"_qs } && method == QHttpServerRequest::Method::Get) {
        const QString host = request.value("Host").isEmpty() ? m_context.mlUrl.authority()
                                                             : QString::fromLatin1(request.value("Host"));
        writeJson(responder, 200,
                  QJsonDocument(featureHashingSwagger(host, segments.at(1), segments.at(3))));
        return;
    }

    const bool knownRoute = rest == QStringList { u"execute"_qs }
        || (!rest.isEmpty() && rest.first() == u"jobs"_qs && rest.size() <= 3);
    if (!knownRoute) {
        writeError(responder, MlError::webServiceNotFound());
        return;
    }

    if (!query.hasQueryItem(u"api-version"_qs)
        || query.queryItemValue(u"api-version"_qs) != u"2.0"_qs) {
        writeError(responder, MlError::badVersionCall(query.queryItemValue(u"api-version"_qs)));
        return;
    }

    if (rest.first() == u"execute"_qs) {
        if (method != QHttpServerRequest::Method::Post) {
            writeError(responder, MlError::methodNotAllowed(methodName(method)));
            return;
        }
        const QString format = query.queryItemValue(u"format"_qs);
        if (!format.isEmpty() && format != u"swagger"_qs) {
            writeError(responder, MlError::invalidQueryParameter(
                                      u"format"_qs, u"The only supported format is 'swagger'."_qs));
            return;
        }
        const auto result = Experiment::execute(request.body(), isTrue(query.queryItemValue(u"details"_qs)),
                                                format == u"swagger"_qs);
        if (const auto *error = std::get_if<MlError>(&result)) {
            writeError(responder, *error);
            return;
        }
        writeJson(responder, 200, QJsonDocument(std::get<QJsonObject>(result)));
        return;
    }

    handleJobs(request, rest.mid(1), responder);
}

void MlService::handleJobs(const QHttpServerRequest &request, const QStringList &rest,
                           QHttpServerResponder &responder)
{
    const auto method = request.method();
    if (rest.isEmpty()) {
        if (method == QHttpServerRequest::Method::Post)
            submitJob(request, responder);
        else if (method == QHttpServerRequest::Method::Get || method == QHttpServerRequest::Method::Delete)
            writeError(responder, MlError::missingJobId());
        else
            writeError(responder, MlError::methodNotAllowed(methodName(method)));
        return;
    }
    const QString id = rest.first();
    if (rest.size() == 2) {
        if (rest.at(1) != u"start"_qs)
            writeError(responder, MlError::webServiceNotFound());
        else if (method != QHttpServerRequest::Method::Post)
            writeError(responder, MlError::methodNotAllowed(methodName(method)));
        else
            startJob(id, responder);
        return;
    }
    if (method == QHttpServerRequest::Method::Get)
        jobStatus(id, responder);
    else if (method == QHttpServerRequest::Method::Delete)
        deleteJob(id, responder);
    else
        writeError(responder, MlError::methodNotAllowed(methodName(method)));
}

void MlService::submitJob(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    const auto parsed = BesJobRequest::parse(request.body(), id);
    if (const auto *error = std::get_if<MlError>(&parsed)) {
        writeError(responder, *error);
        return;
    }
    BesJobRecord job;
    job.id = id;
    job.status = u"NotStarted"_qs;
    job.request = request.body();
    job.createdAt = QDateTime::currentDateTimeUtc();
    if (auto stored = m_store->insert(job); !stored) {
        writeError(responder, MlError { 500, u"InternalError"_qs, u"Execution encountered an internal error."_qs,
                                        u"UnknownError"_qs, stored.error().message, {} });
        return;
    }
    // The body is the job id as a bare JSON string.
    const QByteArray body = '"' + id.toLatin1() + '"';
    responder.writeStatusLine(QHttpServerResponder::StatusCode::Ok);
    responder.writeHeader("Content-Type", "application/json; charset=utf-8");
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    responder.writeBody(body);
}

void MlService::startJob(const QString &id, QHttpServerResponder &responder)
{
    auto job = m_store->find(id);
    if (!job || !job.value()) {
        writeError(responder, MlError::jobNotFound(id));
        return;
    }
    if (job.value()->status != u"NotStarted"_qs) {
        writeError(responder, MlError::cannotStartJob(job.value()->status));
        return;
    }
    if (auto marked = m_store->markRunning(id); !marked) {
        writeError(responder, MlError { 500, u"InternalError"_qs, u"Execution encountered an internal error."_qs,
                                        u"UnknownError"_qs, marked.error().message, {} });
        return;
    }
    m_queue->enqueue(id);
    writeEmpty(responder);
}

void MlService::jobStatus(const QString &id, QHttpServerResponder &responder)
{
    auto found = m_store->find(id);
    if (!found || !found.value()) {
        writeError(responder, MlError::jobNotFound(id));
        return;
    }
    const BesJobRecord &job = *found.value();
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
    };
    const QJsonValue results = job.status == u"Finished"_qs && !job.results.isEmpty()
        ? QJsonValue(QJsonDocument::fromJson(job.results).object())
        : QJsonValue(QJsonValue::Null);
    writeJson(responder, 200,
              QJsonDocument(QJsonObject {
                  { u"StatusCode"_qs, job.status },
                  { u"Results"_qs, results },
                  { u"Details"_qs, job.details.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(job.details) },
                  { u"CreatedAt"_qs, time(job.createdAt) },
                  { u"StartTime"_qs, time(job.startedAt) },
                  { u"EndTime"_qs, time(job.endedAt) } }));
}

void MlService::deleteJob(const QString &id, QHttpServerResponder &responder)
{
    auto job = m_store->find(id);
    if (!job || !job.value()) {
        writeError(responder, MlError::jobNotFound(id));
        return;
    }
    const QString status = job.value()->status;
    if (status == u"NotStarted"_qs || status == u"Running"_qs) {
        (void)m_store->markEnded(id, u"Cancelled"_qs, {}, {});
        m_queue->cancel(id);
    }
    writeEmpty(responder);
}

void MlService::writeEmpty(QHttpServerResponder &responder)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode::Ok);
    responder.writeHeader("Content-Length", "0");
    responder.writeBody(QByteArray());
}

} // namespace portico::local
