// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QJsonDocument>

#include <functional>

namespace portico::ui {

// The top level of a JSON text, read without parsing what lies below it: the keys of a
// top-level object (or the first items of a top-level array) with their scalar values, and an
// empty object or array standing for each nested container. The Tree view shows it while the
// whole document is still being parsed. `report` is called with the outline found so far after
// the first entry, and with the whole outline at the end; it is not called for text that is
// not a JSON object or array. At most maxEntries entries are read.
void scanJsonOutline(QByteArrayView text, const std::function<void(const QJsonDocument &outline)> &report,
                     qsizetype maxEntries = 1000);

} // namespace portico::ui
