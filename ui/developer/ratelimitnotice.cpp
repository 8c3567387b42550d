// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/ratelimitnotice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

namespace portico::ui {

namespace {

std::optional<qint64> headerNumber(const ResponseData &response,
                                   std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        const QByteArray value = response.header(name).trimmed();
        if (value.isEmpty())
            continue;
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (ok && number >= 0)
            return number;
    }
    return std::nullopt;
}

QString messageFromBody(const ResponseData &response)
{
    if (response.body.size() > 64 * 1024)
        return {};
    const QJsonObject object = QJsonDocument::fromJson(response.body).object();
    QString message = object.value(u"message"_qs).toString();
    if (message.isEmpty())
        message = object.value(u"error"_qs).toObject().value(u"message"_qs).toString();
    return message;
}

} // namespace

std::optional<qint64> RateLimitNotice::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? std::optional<qint64>(seconds) : std::nullopt;
    const QDateTime date = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::RFC2822Date);
    if (!date.isValid())
        return std::nullopt;
    return qMax<qint64>(0, now.secsTo(date));
}

std::optional<qint64> RateLimitNotice::parseTimeSpan(QStringView text)
{
    static const QRegularExpression span(u"^(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2}):(\\d{2})"_qs);
    const auto match = span.match(text.toString());
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toLongLong() * 86400 + match.captured(2).toLongLong() * 3600
            + match.captured(3).toLongLong() * 60 + match.captured(4).toLongLong();
}

RateLimitNotice RateLimitNotice::fromResponse(const ResponseData &response, const QDateTime &now)
{
    RateLimitNotice notice;
    notice.remainingCalls = headerNumber(response, { "x-ratelimit-remaining", "ratelimit-remaining",
                                                     "remaining-calls", "x-rate-limit-remaining",
                                                     "x-ratelimit-remaining-requests" });
    notice.callLimit = headerNumber(response, { "x-ratelimit-limit", "ratelimit-limit",
                                                "x-rate-limit-limit",
                                                "x-ratelimit-limit-requests" });
    const int status = response.status;
    if (status != 429 && status != 403 && status != 401)
        return notice;

    notice.gatewayMessage = messageFromBody(response);
    notice.waitSeconds = parseRetryAfter(response.header("Retry-After"), now);
    const QString message = notice.gatewayMessage;
    if (status == 429) {
        notice.kind = Kind::RateLimited;
        static const QRegularExpression tryAgain(u"Try again in (\\d+) second"_qs);
        const auto match = tryAgain.match(message);
        if (!notice.waitSeconds && match.hasMatch())
            notice.waitSeconds = match.captured(1).toLongLong();
    } else if (status == 403) {
        static const QRegularExpression replenished(u"replenished in ([0-9.:]+)"_qs);
        const auto match = replenished.match(message);
        if (message.contains(u"quota"_qs, Qt::CaseInsensitive) || match.hasMatch()) {
            notice.kind = Kind::QuotaExceeded;
            if (!notice.waitSeconds && match.hasMatch())
                notice.waitSeconds = parseTimeSpan(match.capturedView(1));
        } else {
            notice.kind = Kind::Forbidden;
        }
    } else {
        notice.kind = message.contains(u"missing subscription key"_qs, Qt::CaseInsensitive)
                ? Kind::MissingKey
                : message.contains(u"subscription key"_qs, Qt::CaseInsensitive) ? Kind::InvalidKey
                                                                                 : Kind::Forbidden;
    }
    return notice;
}

QString RateLimitNotice::durationInWords(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    const int days = int(seconds / 86400);
    const int hours = int(seconds % 86400 / 3600);
    const int minutes = int(seconds % 3600 / 60);
    const int secs = int(seconds % 60);
    if (days > 0) {
        return tr("%1, %2 and %3")
                .arg(tr("%n day(s)", nullptr, days), tr("%n hour(s)", nullptr, hours),
                     tr("%n minute(s)", nullptr, minutes));
    }
    if (hours > 0)
        return tr("%1 and %2").arg(tr("%n hour(s)", nullptr, hours),
                                   tr("%n minute(s)", nullptr, minutes));
    if (minutes > 0) {
        if (secs == 0)
            return tr("%n minute(s)", nullptr, minutes);
        return tr("%1 and %2").arg(tr("%n minute(s)", nullptr, minutes),
                                   tr("%n second(s)", nullptr, secs));
    }
    return tr("%n second(s)", nullptr, secs);
}

QString RateLimitNotice::headline() const
{
    switch (kind) {
    case Kind::RateLimited: return tr("Rate limit exceeded");
    case Kind::QuotaExceeded: return tr("Call quota used up");
    case Kind::MissingKey: return tr("No subscription key");
    case Kind::InvalidKey: return tr("Subscription key refused");
    case Kind::Forbidden: return tr("Access denied");
    case Kind::None: break;
    }
    return {};
}

QString RateLimitNotice::explanation(qint64 elapsedSeconds) const
{
    QString text;
    const std::optional<qint64> left = waitSeconds
            ? std::optional<qint64>(qMax<qint64>(0, *waitSeconds - elapsedSeconds))
            : std::nullopt;
    switch (kind) {
    case Kind::RateLimited:
        if (left && *left > 0)
            text = tr("The gateway refused this call because your subscription sent more calls "
                      "in the current time window than its product allows. Wait %1 before "
                      "sending again.")
                           .arg(durationInWords(*left));
        else if (left)
            text = tr("The gateway refused this call because your subscription sent more calls "
                      "in the current time window than its product allows. You can send again "
                      "now.");
        else
            text = tr("The gateway refused this call because your subscription sent more calls "
                      "in the current time window than its product allows. Wait a moment before "
                      "sending again.");
        break;
    case Kind::QuotaExceeded:
        if (left)
            text = tr("Your subscription has used every call its product allows in the current "
                      "quota period. The quota is replenished in %1.")
                           .arg(durationInWords(*left));
        else
            text = tr("Your subscription has used every call its product allows in the current "
                      "quota period.");
        break;
    case Kind::MissingKey:
        text = tr("The gateway needs a subscription key for this API. Choose a subscription in "
                  "the composer's key selector and send again.");
        break;
    case Kind::InvalidKey:
        text = tr("The gateway did not accept the subscription key: it is wrong, was "
                  "regenerated, or the subscription is not active.");
        break;
    case Kind::Forbidden:
        text = tr("The gateway or the service refused this call.");
        break;
    case Kind::None:
        return {};
    }
    if (!gatewayMessage.isEmpty())
        text = tr("%1 The gateway said: \"%2\"").arg(text, gatewayMessage);
    return text;
}

QString RateLimitNotice::remainingText() const
{
    if (!remainingCalls)
        return {};
    if (callLimit)
        return tr("%1 of %2 calls left").arg(*remainingCalls).arg(*callLimit);
    return tr("%n call(s) left", nullptr, int(*remainingCalls));
}

} // namespace portico::ui
