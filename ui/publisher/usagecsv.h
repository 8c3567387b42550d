// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <Qt>

class QAbstractItemModel;

namespace portico::ui::usagecsv {

// The value a cell or header exports when it differs from what is shown: plain numbers for
// "0.7 ms" or "1.98 KiB", an ISO 8601 UTC time for a local one, "Response time (ms)" for a
// header whose cells lose their unit.
constexpr int ExportRole = Qt::UserRole + 3;

// The model's rows as shown (a proxy's order and filter), as CSV (RFC 4180: comma separated,
// fields with a comma, quote or line break quoted, CRLF line ends) in UTF-8, headers first.
QByteArray toCsv(const QAbstractItemModel &model);

} // namespace portico::ui::usagecsv
