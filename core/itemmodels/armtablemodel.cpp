// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/itemmodels/armtablemodel.h"

#include "core/arm/armclient.h"
#include "core/arm/armlistjob.h"

namespace portico::core {

ArmTableModel::ArmTableModel(QString collection, QObject *parent)
    : QAbstractTableModel(parent)
    , m_collection(std::move(collection))
{
}

ArmTableModel::~ArmTableModel()
{
    dropJob();
}

void ArmTableModel::dropJob()
{
    if (ArmListJob *job = m_job.data()) {
        job->disconnect(this); // neither finished() nor destroyed() reaches us any more
        delete job;            // aborts the request
    }
    m_job = nullptr;
}

void ArmTableModel::setService(ArmClient *client, const QString &serviceId)
{
    dropJob();
    m_client = client;
    m_serviceId = serviceId;
    clearRows();
    setState(LoadState::NotLoaded);
}

void ArmTableModel::refresh()
{
    dropJob(); // the newer load wins
    if (!m_client || m_serviceId.isEmpty()) {
        setState(LoadState::Failed,
                 Error::make(Error::Kind::Unavailable, u"No service is selected."_qs));
        Q_EMIT loaded();
        return;
    }
    ArmListJob *job = m_client->list(ArmRequest::get(m_serviceId + u'/' + m_collection));
    m_job = job;
    connect(job, &ArmListJob::finished, this, &ArmTableModel::onListFinished);
    // The job is a child of the ArmClient: if the client goes away first, the load still ends.
    connect(job, &QObject::destroyed, this, [this] {
        m_job = nullptr;
        setState(LoadState::Failed,
                 Error::make(Error::Kind::Unavailable, u"The connection was closed."_qs));
        Q_EMIT loaded();
    });
    setState(LoadState::Loading);
}

void ArmTableModel::onListFinished()
{
    auto *job = qobject_cast<ArmListJob *>(sender());
    if (!job || job != m_job)
        return;
    job->disconnect(this); // its destroyed() after deleteLater() is no loss
    m_job = nullptr;
    if (!job->result().ok()) {
        setState(LoadState::Failed, job->result().error());
    } else if (Result<void> applied = apply(job->result().value()); !applied) {
        setState(LoadState::Failed, applied.error());
    } else {
        setState(LoadState::Loaded);
    }
    Q_EMIT loaded();
}

void ArmTableModel::setState(LoadState state, Error error)
{
    m_error = std::move(error);
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

int ArmTableModel::rowOf(const QString &armId) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (armIdAt(row).compare(armId, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

bool ArmTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_state == LoadState::NotLoaded && m_client
        && !m_serviceId.isEmpty();
}

void ArmTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        refresh();
}

QHash<int, QByteArray> ArmTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ArmIdRole, "armId");
    names.insert(NameRole, "name");
    names.insert(ValueRole, "value");
    return names;
}

} // namespace portico::core
