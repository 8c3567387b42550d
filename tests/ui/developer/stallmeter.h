// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <ctime>

namespace portico::test {

// Watches the UI thread with a 5 ms precise timer. Between two ticks it records
// - the wall-clock lateness: how long the event loop did not run the timer, whatever the
//   reason (our work, or the machine being busy with other processes);
// - the UI thread's own CPU time over the same span: the length of the longest task the
//   UI thread ran, which does not grow when other processes take the CPU.
class StallMeter final : public QObject
{
public:
    explicit StallMeter(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }

    void start()
    {
        m_worstWall = m_worstCpu = 0;
        m_clock.start();
        m_lastWall = 0;
        m_lastCpu = threadCpuNs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double worstLatenessMs() const { return double(m_worstWall) / 1e6; }
    double worstTaskMs() const { return double(m_worstCpu) / 1e6; }

private:
    static qint64 threadCpuNs()
    {
        timespec ts {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    }

    void tick()
    {
        const qint64 wall = m_clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        m_worstWall = qMax(m_worstWall, wall - m_lastWall - 5'000'000);
        m_worstCpu = qMax(m_worstCpu, cpu - m_lastCpu);
        m_lastWall = wall;
        m_lastCpu = cpu;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastWall = 0;
    qint64 m_lastCpu = 0;
    qint64 m_worstWall = 0;
    qint64 m_worstCpu = 0;
};

} // namespace portico::test
