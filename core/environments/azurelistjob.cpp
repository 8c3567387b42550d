// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/environments/azurelistjob.h"

#include "core/arm/armlistjob.h"

#include <QTimer>

namespace portico::core {

AzureListJob::AzureListJob(ArmListJob *inner, QObject *parent)
    : QObject(parent)
    , m_inner(inner)
{
    connect(inner, &ArmListJob::finished, this, [this, inner] {
        m_inner = nullptr; // it deletes itself
        m_pages = inner->pageCount();
        finishWith(inner->result());
    });
    // The inner job is a child of the ArmClient: if the client goes, so does the job, silently.
    connect(inner, &QObject::destroyed, this, [this] {
        finishWith(Error::make(Error::Kind::Unavailable, u"The client was closed."_qs));
    });
}

AzureListJob::AzureListJob(Error error, QObject *parent)
    : QObject(parent)
{
    QTimer::singleShot(0, this, [this, error] { finishWith(error); });
}

AzureListJob::~AzureListJob()
{
    m_finished = true;
    delete m_inner.data(); // aborts; a deleted ArmListJob never reports
}

void AzureListJob::cancel()
{
    if (m_finished)
        return;
    m_finished = true; // nothing else may finish it now
    delete m_inner.data();
    QTimer::singleShot(0, this, [this] {
        settle(Error::make(Error::Kind::Cancelled, u"Cancelled."_qs));
        Q_EMIT finished();
        deleteLater();
    });
}

void AzureListJob::finishWith(const Result<QList<QJsonObject>> &items)
{
    if (m_finished)
        return;
    m_finished = true;
    settle(items);
    Q_EMIT finished();
    deleteLater();
}

} // namespace portico::core
