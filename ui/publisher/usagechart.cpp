// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/usagechart.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace portico::ui {

UsageChart::UsageChart(QWidget *parent)
    : QChartView(parent)
{
    setObjectName(u"usageChartView"_qs);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    auto *chart = new QChart;
    chart->setTitle(tr("Calls over time"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_time = new QDateTimeAxis(chart);
    m_time->setTitleText(tr("Time"));
    m_calls = new QValueAxis(chart);
    m_calls->setTitleText(tr("Calls"));
    m_calls->setLabelFormat(u"%d"_qs);
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_calls, Qt::AlignLeft);
    const QString names[4] = { tr("Successful"), tr("Blocked"), tr("Failed"), tr("Other") };
    for (int i = 0; i < 4; ++i) {
        m_series[i] = new QLineSeries(chart);
        m_series[i]->setName(names[i]);
        chart->addSeries(m_series[i]);
        m_series[i]->attachAxis(m_time);
        m_series[i]->attachAxis(m_calls);
    }
    setChart(chart);
}

UsageChart::~UsageChart() = default;

void UsageChart::setSteps(const QList<core::ReportRecord> &steps, qint64 stepSeconds)
{
    QList<QPointF> lines[4];
    qint64 highest = 0;
    for (const core::ReportRecord &step : steps) {
        const qint64 counts[4] = { step.callCountSuccess, step.callCountBlocked, step.callCountFailed,
                                   step.callCountOther };
        const double t = double(step.timestamp.toMSecsSinceEpoch());
        for (int i = 0; i < 4; ++i) {
            lines[i].append(QPointF(t, double(counts[i])));
            highest = std::max(highest, counts[i]);
        }
    }
    for (int i = 0; i < 4; ++i)
        m_series[i]->replace(lines[i]);
    if (!steps.isEmpty()) {
        const QDateTime first = steps.first().timestamp.toLocalTime();
        const QDateTime last = steps.last().timestamp.toLocalTime();
        m_time->setRange(first, steps.size() > 1 ? last : first.addSecs(std::max<qint64>(stepSeconds, 60)));
    }
    m_time->setFormat(stepSeconds >= 86400 ? u"dd MMM"_qs : stepSeconds >= 3600 ? u"ddd HH:mm"_qs : u"HH:mm"_qs);
    m_calls->setRange(0, double(std::max<qint64>(highest, 4)));
    m_calls->applyNiceNumbers();
}

QList<QPointF> UsageChart::points(Outcome outcome) const
{
    return m_series[int(outcome)]->points();
}

} // namespace portico::ui
