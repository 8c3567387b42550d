// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/usagechart.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QHash>
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

void UsageChart::setBuckets(const QList<core::ReportRecord> &buckets, const QDateTime &from, const QDateTime &to,
                            qint64 intervalSeconds)
{
    const qint64 step = std::max<qint64>(intervalSeconds, 60) * 1000;
    // The report's buckets start at multiples of the interval since the epoch.
    const qint64 first = from.toMSecsSinceEpoch() / step * step;
    const qint64 last = to.toMSecsSinceEpoch() / step * step;
    QHash<qint64, core::ReportRecord> byStart;
    for (const core::ReportRecord &bucket : buckets)
        byStart.insert(bucket.timestamp.toMSecsSinceEpoch(), bucket);
    QList<QPointF> lines[4];
    qint64 highest = 0;
    for (qint64 t = first; t <= last; t += step) {
        const core::ReportRecord bucket = byStart.value(t);
        const qint64 counts[4] = { bucket.callCountSuccess, bucket.callCountBlocked, bucket.callCountFailed,
                                   bucket.callCountOther };
        for (int i = 0; i < 4; ++i) {
            lines[i].append(QPointF(double(t), double(counts[i])));
            highest = std::max(highest, counts[i]);
        }
    }
    for (int i = 0; i < 4; ++i)
        m_series[i]->replace(lines[i]);
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(std::max(last, first + step)));
    m_time->setFormat(intervalSeconds >= 86400 ? u"dd MMM"_qs : intervalSeconds >= 3600 ? u"ddd HH:mm"_qs : u"HH:mm"_qs);
    m_calls->setRange(0, double(std::max<qint64>(highest, 4)));
    m_calls->applyNiceNumbers();
}

QList<QPointF> UsageChart::points(Outcome outcome) const
{
    return m_series[int(outcome)]->points();
}

} // namespace portico::ui
