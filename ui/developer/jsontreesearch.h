// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include <atomic>

namespace portico::ui {

// Finds values whose key or scalar text contains `needle` (case-insensitive), in document
// order, as JsonTreeModel paths. Pure; meant for a worker thread. Stops after `limit` matches
// or when `cancelled` becomes true.
QList<QList<qint64>> searchJson(const QJsonValue &root, const QString &needle, qsizetype limit,
                                const std::atomic<bool> *cancelled = nullptr);

} // namespace portico::ui
