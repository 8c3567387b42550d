// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/arm/apimjob.h"

#include "core/arm/armjob.h"
#include "core/arm/armlistjob.h"

#include <QTimer>

namespace portico::core {

ApimJob::ApimJob(QObject *parent)
    : QObject(parent)
{ }

ApimJob::~ApimJob()
{
    if (m_inner) {
        disconnect(m_inner, nullptr, this, nullptr);
        delete m_inner.data(); // aborts its reply
    }
}

void ApimJob::watch(QObject *inner)
{
    m_inner = inner;
    // The ArmClient owns the inner job; when it goes away first, the call cannot finish.
    connect(inner, &QObject::destroyed, this, [this] {
        if (m_finishing)
            return;
        settleError(Error::make(Error::Kind::Unavailable, u"The client was closed."_qs));
        finishNow();
    });
}

void ApimJob::follow(ArmJob *job)
{
    watch(job);
    connect(job, &ArmJob::finished, this, [this, job] {
        if (m_finishing)
            return;
        const Result<ArmResponse> &result = job->result();
        if (result) {
            m_httpStatus = result->status;
            m_etag = result->etag();
            settleResponse(*result);
        } else {
            settleError(result.error());
        }
        finishNow();
    });
}

void ApimJob::follow(ArmListJob *job)
{
    watch(job);
    connect(job, &ArmListJob::finished, this, [this, job] {
        if (m_finishing)
            return;
        const Result<QList<QJsonObject>> &result = job->result();
        if (result)
            settleItems(*result);
        else
            settleError(result.error());
        finishNow();
    });
}

void ApimJob::failLater(Error error)
{
    if (m_finishing)
        return;
    m_finishing = true;
    settleError(error);
    QTimer::singleShot(0, this, [this] {
        Q_EMIT finished();
        deleteLater();
    });
}

void ApimJob::cancel()
{
    if (m_finishing)
        return;
    if (m_inner) {
        disconnect(m_inner, nullptr, this, nullptr);
        delete m_inner.data();
    }
    failLater(Error::make(Error::Kind::Cancelled, u"Cancelled."_qs));
}

void ApimJob::finishNow()
{
    // Called from the inner job's finished() or destroyed(), i.e. from the event loop.
    m_finishing = true;
    m_inner.clear();
    Q_EMIT finished();
    deleteLater();
}

Result<void> checkResourceId(const QString &id, const QString &what)
{
    QString problem;
    if (id.trimmed().isEmpty())
        problem = u"The %1 name is empty."_qs.arg(what);
    else if (id.size() > 256)
        problem = u"The %1 name is longer than 256 characters."_qs.arg(what);
    for (const QChar c : id) {
        if (!problem.isEmpty())
            break;
        if (c == u'/' || c == u'?' || c == u'#' || c.category() == QChar::Other_Control)
            problem
                = u"The %1 name \"%2\" contains '%3', which cannot be part of a resource name."_qs
                      .arg(what, id,
                          c.category() == QChar::Other_Control
                              ? u"\\x%1"_qs.arg(uint(c.unicode()), 2, 16, QChar(u'0'))
                              : QString(c));
    }
    if (problem.isEmpty())
        return {};
    Error error = Error::make(Error::Kind::InvalidInput, problem, u"InvalidResourceName"_qs);
    error.target = what;
    return error;
}

} // namespace portico::core
