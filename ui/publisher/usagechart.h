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

// Calls over time, one line per outcome (successful, blocked, failed, other), one point per
// step in local time (usagetimeline::localSteps(): every step, the empty ones as zero, so a
// quiet hour reads as a dip rather than a gap). The axis is labelled in local time too.
class UsageChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageChart)

public:
    explicit UsageChart(QWidget *parent = nullptr);
    ~UsageChart() override;

    // `steps` in time order, each timestamped with its start; `stepSeconds` picks the labels.
    void setSteps(const QList<core::ReportRecord> &steps, qint64 stepSeconds);

    // The drawn points of an outcome's line (for tests and accessibility).
    enum class Outcome { Success, Blocked, Failed, Other };
    QList<QPointF> points(Outcome outcome) const;

private:
    QLineSeries *m_series[4] = {};
    QDateTimeAxis *m_time = nullptr;
    QValueAxis *m_calls = nullptr;
};

} // namespace portico::ui
