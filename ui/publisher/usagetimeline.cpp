// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/usagetimeline.h"

#include <QMap>

#include <algorithm>

namespace portico::ui::usagetimeline {

namespace {

constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 86400;

} // namespace

QString reportInterval(qint64 stepSeconds, const QDateTime &from, const QDateTime &to)
{
    if (stepSeconds < kHour)
        return u"PT15M"_qs;
    // Whole-hour offsets (most zones) let hours be summed; India's +05:30 or Nepal's +05:45
    // need quarter hours. Every zone's offset is a multiple of 15 minutes.
    const bool wholeHours = from.toLocalTime().offsetFromUtc() % kHour == 0
        && to.toLocalTime().offsetFromUtc() % kHour == 0;
    return wholeHours ? u"PT1H"_qs : u"PT15M"_qs;
}

QDateTime stepStart(const QDateTime &when, qint64 stepSeconds)
{
    const QDateTime local = when.toLocalTime();
    if (stepSeconds >= kDay)
        return local.date().startOfDay();
    if (stepSeconds >= kHour) {
        const int hours = int(stepSeconds / kHour);
        const QTime time(local.time().hour() / hours * hours, 0);
        return QDateTime(local.date(), time);
    }
    // Quarter hours and the like: multiples since the epoch, which also fall on local quarters.
    const qint64 ms = stepSeconds * 1000;
    return QDateTime::fromMSecsSinceEpoch(local.toMSecsSinceEpoch() / ms * ms);
}

QDateTime nextStep(const QDateTime &start, qint64 stepSeconds)
{
    if (stepSeconds >= kDay)
        return start.date().addDays(stepSeconds / kDay).startOfDay();
    if (stepSeconds >= kHour) {
        const int hours = int(stepSeconds / kHour);
        const int next = start.time().hour() + hours;
        // Local clock hours, not elapsed time: across a daylight-saving change the block still
        // ends at the next 06:00, 12:00…
        QDateTime after = next >= 24 ? start.date().addDays(1).startOfDay()
                                     : QDateTime(start.date(), QTime(next, 0));
        if (after <= start) // a clock hour that does not exist was moved forward past `start`
            after = start.addSecs(stepSeconds);
        return after;
    }
    return start.addSecs(stepSeconds);
}

void accumulate(core::ReportRecord &sum, const core::ReportRecord &more)
{
    const double before = double(sum.callCountTotal);
    const double added = double(more.callCountTotal);
    if (added > 0) {
        const bool first = sum.callCountTotal == 0;
        sum.apiTimeMin = first ? more.apiTimeMin : std::min(sum.apiTimeMin, more.apiTimeMin);
        sum.apiTimeMax = first ? more.apiTimeMax : std::max(sum.apiTimeMax, more.apiTimeMax);
        sum.serviceTimeMin = first ? more.serviceTimeMin : std::min(sum.serviceTimeMin, more.serviceTimeMin);
        sum.serviceTimeMax = first ? more.serviceTimeMax : std::max(sum.serviceTimeMax, more.serviceTimeMax);
    }
    if (before + added > 0) {
        sum.apiTimeAvg = (sum.apiTimeAvg * before + more.apiTimeAvg * added) / (before + added);
        sum.serviceTimeAvg = (sum.serviceTimeAvg * before + more.serviceTimeAvg * added) / (before + added);
    }
    sum.callCountSuccess += more.callCountSuccess;
    sum.callCountBlocked += more.callCountBlocked;
    sum.callCountFailed += more.callCountFailed;
    sum.callCountOther += more.callCountOther;
    sum.callCountTotal += more.callCountTotal;
    sum.bandwidth += more.bandwidth;
}

QList<core::ReportRecord> localSteps(const QList<core::ReportRecord> &report, const QDateTime &from,
                                     const QDateTime &to, qint64 stepSeconds)
{
    QList<core::ReportRecord> steps;
    QMap<qint64, qsizetype> indexOf; // step start (ms) → index
    const QDateTime last = stepStart(to, stepSeconds);
    for (QDateTime t = stepStart(from, stepSeconds); t <= last; t = nextStep(t, stepSeconds)) {
        core::ReportRecord step;
        step.timestamp = t;
        indexOf.insert(t.toMSecsSinceEpoch(), steps.size());
        steps.append(step);
    }
    for (const core::ReportRecord &interval : report) {
        // The step whose start is the last one at or before the interval's start.
        auto it = indexOf.upperBound(interval.timestamp.toMSecsSinceEpoch());
        if (it == indexOf.begin())
            continue; // before the first step
        --it;
        accumulate(steps[*it], interval);
    }
    return steps;
}

} // namespace portico::ui::usagetimeline
