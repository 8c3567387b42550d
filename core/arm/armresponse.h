// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrl>

namespace portico::core {

// A successful (2xx) ARM reply, body fully read (bounded by the client's body cap).
struct ArmResponse
{
    int status = 0;
    QUrl url;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    // Case-insensitive header lookup; empty when absent.
    QByteArray header(QByteArrayView name) const;
    // The ETag header (quotes kept: it is opaque and sent back verbatim in If-Match).
    QByteArray etag() const { return header("ETag"); }
    // The body as a JSON object, or a Protocol error saying where it broke.
    Result<QJsonObject> json() const;
};

} // namespace portico::core
