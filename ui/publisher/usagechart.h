// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/reportrecord.h"

#include <QChartView>
#include <QDateTime>
#include <QList>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace portico::ui {

// Calls over time, one line per outcome (successful, blocked, failed, other), from a byTime
// report. The report lists only intervals that had calls; the chart draws every interval from
// `from` to `to`, the empty ones as zero, so a quiet hour reads as a dip rather than a gap.
class UsageChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageChart)

public:
    explicit UsageChart(QWidget *parent = nullptr);
    ~UsageChart() override;

    void setBuckets(const QList<core::ReportRecord> &buckets, const QDateTime &from, const QDateTime &to,
                    qint64 intervalSeconds);

    // The drawn points of an outcome's line (for tests and accessibility).
    enum class Outcome { Success, Blocked, Failed, Other };
    QList<QPointF> points(Outcome outcome) const;

private:
    QLineSeries *m_series[4] = {};
    QDateTimeAxis *m_time = nullptr;
    QValueAxis *m_calls = nullptr;
};

} // namespace portico::ui
