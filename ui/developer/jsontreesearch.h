// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include <atomic>

namespace portico::ui {

// The text of a scalar as the tree shows it and the search matches it: numbers as written in
// the response (parseJson() keeps the source text of those a double would change; others read
// in the shortest form that gives the same double, integers exactly), not the 17-digit
// expansion ("0.3", not "0.29999999999999999"). Empty for objects and arrays.
QString jsonScalarText(const QJsonValue &value);

// Finds values whose key or scalar text contains `needle` (case-insensitive), in document
// order, as JsonTreeModel paths. Pure; meant for a worker thread. Stops after `limit` matches
// or when `cancelled` becomes true.
QList<QList<qint64>> searchJson(const QJsonValue &root, const QString &needle, qsizetype limit,
                                const std::atomic<bool> *cancelled = nullptr);

} // namespace portico::ui
