// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/developer/responsedata.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace portico::ui {

// Reads what a gateway said about limits (Retry-After, remaining-calls headers, the APIM
// 401/403/429 bodies) and puts it in plain words. Pure: the viewer shows the result and
// counts the wait down.
struct RateLimitNotice
{
    Q_DECLARE_TR_FUNCTIONS(RateLimitNotice)

public:
    enum class Kind { None, RateLimited, QuotaExceeded, MissingKey, InvalidKey, Forbidden };

    Kind kind = Kind::None;
    std::optional<qint64> waitSeconds;  // from Retry-After or the body text
    std::optional<qint64> remainingCalls;
    std::optional<qint64> callLimit;
    QString gatewayMessage;             // the server's own words, verbatim

    static RateLimitNotice fromResponse(const ResponseData &response,
                                        const QDateTime &now = QDateTime::currentDateTimeUtc());

    // "Rate limit exceeded" etc.; empty for Kind::None.
    QString headline() const;
    // The full explanation, with the remaining wait in words measured from `elapsedSeconds`
    // after the response arrived.
    QString explanation(qint64 elapsedSeconds = 0) const;
    // "4 calls left of 5"; empty when the gateway did not say.
    QString remainingText() const;

    // "1 minute and 5 seconds", "5 days, 3 hours and 23 minutes".
    static QString durationInWords(qint64 seconds);
    // Retry-After: delta-seconds or an HTTP date.
    static std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);
    // "d.hh:mm:ss" or "hh:mm:ss" as APIM writes quota periods.
    static std::optional<qint64> parseTimeSpan(QStringView text);
};

} // namespace portico::ui
