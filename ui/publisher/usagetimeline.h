// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/reportrecord.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace portico::ui {

// The usage chart's time steps in the user's local time. API Management's byTime report starts
// its intervals at UTC multiples, so a "day" there is a UTC day: a user at UTC+10 would find the
// calls of this morning under yesterday. The dashboard asks for hours (or quarter hours where
// the offset from UTC is not whole hours) and sums them here into hours, 6-hour blocks (00, 06,
// 12, 18) and days that begin at local midnight, the way the axis labels read them; a day has
// 23 or 25 hours across a daylight-saving change. Pure functions.
namespace usagetimeline {

// The report interval to ask for, for steps of `stepSeconds` between `from` and `to`.
QString reportInterval(qint64 stepSeconds, const QDateTime &from, const QDateTime &to);

// The local start of the step that holds `when`, and the start of the step after `start`.
QDateTime stepStart(const QDateTime &when, qint64 stepSeconds);
QDateTime nextStep(const QDateTime &start, qint64 stepSeconds);

// Every step from the one holding `from` to the one holding `to`, each the sum of the report's
// intervals that start in it (empty steps as zero), timestamped with its local start.
QList<core::ReportRecord> localSteps(const QList<core::ReportRecord> &report, const QDateTime &from,
                                     const QDateTime &to, qint64 stepSeconds);

// Adds `more` to `sum`: counts and bandwidth add up, averages are weighted by calls, and the
// fastest and slowest times are those of the records that had calls.
void accumulate(core::ReportRecord &sum, const core::ReportRecord &more);

} // namespace usagetimeline

} // namespace portico::ui
