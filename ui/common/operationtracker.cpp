// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/common/operationtracker.h"

namespace portico::ui {

OperationTracker::OperationTracker(QObject *parent)
    : QObject(parent)
{
}

OperationTracker::~OperationTracker() = default;

int OperationTracker::begin(const QString &description)
{
    const int id = m_nextId++;
    m_running.insert(id, { description, {} });
    Q_EMIT changed();
    return id;
}

void OperationTracker::progress(int id, const QString &status)
{
    auto it = m_running.find(id);
    if (it == m_running.end() || it->status == status)
        return;
    it->status = status;
    Q_EMIT changed();
}

void OperationTracker::end(int id, bool succeeded, const QString &outcome)
{
    if (!m_running.remove(id))
        return;
    Q_EMIT changed();
    Q_EMIT finished(id, succeeded, outcome);
}

QStringList OperationTracker::descriptions() const
{
    QStringList out;
    for (const Entry &entry : m_running) {
        out.append(entry.status.isEmpty()
                       ? entry.description
                       : tr("%1: %2").arg(entry.description, entry.status));
    }
    return out;
}

} // namespace portico::ui
