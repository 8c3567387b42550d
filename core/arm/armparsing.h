// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Pure parsing of ARM wire shapes (apim-protocol.md §4). No I/O, no state: every function takes
// the bytes a server sent, including malformed or hostile ones, and never crashes or throws.

#include "core/common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QUrl>

#include <optional>

namespace portico::core {

// A JSON object body, or a Protocol error naming the offset where parsing broke (truncated
// JSON, invalid UTF-8, a top-level array or scalar).
[[nodiscard]] Result<QJsonObject> parseJsonObject(const QByteArray &body);

// The Error for a non-2xx reply. Understands the ARM envelope {"error":{code,message,target,
// details[],additionalInfo}}, APIM's flat {code,message,details}, the gateway's
// {statusCode,message} and OAuth's {"error":"…","error_description":"…"}. Anything else (HTML,
// plain text, binary) keeps the HTTP status and a sanitized excerpt in `technical`.
// 412 and 409 are Kind::Conflict, 401 Unauthorized (the sign-in), 403 Forbidden (signed in, but
// not allowed: ARM's AuthorizationFailed), 404 NotFound, 408/504 Timeout. This is the one place
// an ARM status becomes a kind.
[[nodiscard]] Error parseArmError(int httpStatus, const QByteArray &body);
[[nodiscard]] Error::Kind errorKindForStatus(int httpStatus);

// Retry-After as delay in milliseconds: delta-seconds or an HTTP-date relative to `now`.
// Negative or past values give 0; absurd values are capped at one day; garbage gives nullopt.
[[nodiscard]] std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);

// One page of a collection: {value[], count?, nextLink?}. An empty or missing nextLink means last
// page. Elements that are not objects make the page a Protocol error.
struct ArmPage
{
    QList<QJsonObject> items;
    QUrl nextLink;
    std::optional<qint64> count;
};
[[nodiscard]] Result<ArmPage> parsePage(const QByteArray &body);

// Long-running operation states (§4.3/§4.4). Unknown strings are "still running".
enum class OperationState { InProgress, Succeeded, Failed, Canceled };

// An Azure-AsyncOperation status body {status, percentComplete?, error?}.
struct OperationStatus
{
    OperationState state = OperationState::InProgress;
    QString status;            // as sent, e.g. "InProgress", "Running"
    int percentComplete = -1;  // -1 = not reported
    Error error;               // for Failed / Canceled
};
[[nodiscard]] Result<OperationStatus> parseOperationStatus(const QByteArray &body);

// properties.provisioningState of a resource body; nullopt when absent (= done, succeeded).
[[nodiscard]] std::optional<QString> provisioningState(const QJsonObject &resource);
[[nodiscard]] OperationState operationStateFromString(const QString &status);

} // namespace portico::core
