// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace portico::core {

// Why a response body is incomplete: the status and headers arrived, the body did not end.
// Facts only, as the sender saw them; the UI puts them into words (translated), the same
// words when the send is shown live and when it is re-opened from the history.
struct IncompleteBody
{
    enum class Cause {
        Stalled = 1, // no data arrived for `idleSeconds` (the transfer timeout)
        BrokeOff = 2, // the connection failed: `networkErrorCode`, `networkError`
    };

    Cause cause = Cause::BrokeOff;
    int idleSeconds = 0; // Stalled only
    qint64 bytesReceived = 0; // of the body, as decoded
    int networkErrorCode = 0; // QNetworkReply::NetworkError
    QString networkError; // Qt's text for that error: technical detail, in Qt's language

    friend bool operator==(const IncompleteBody &, const IncompleteBody &) = default;
};

} // namespace portico::core
