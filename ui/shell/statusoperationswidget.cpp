// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/shell/statusoperationswidget.h"

#include "ui/common/operationtracker.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace portico::ui {

StatusOperationsWidget::StatusOperationsWidget(OperationTracker *tracker, QWidget *parent)
    : QWidget(parent)
    , m_tracker(tracker)
{
    setObjectName(u"statusOperationsWidget"_qs);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(u"operationsProgressBar"_qs);
    m_bar->setRange(0, 0);
    m_bar->setMaximumWidth(120);
    m_bar->setTextVisible(false);
    m_label = new QLabel(this);
    m_label->setObjectName(u"operationsLabel"_qs);
    m_label->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_label);
    connect(tracker, &OperationTracker::changed, this, &StatusOperationsWidget::refresh);
    connect(tracker, &OperationTracker::finished, this,
            [this](int, bool, const QString &outcome) {
                m_lastOutcome = outcome;
                refresh();
            });
    refresh();
}

StatusOperationsWidget::~StatusOperationsWidget() = default;

QString StatusOperationsWidget::text() const
{
    return m_label->text();
}

void StatusOperationsWidget::refresh()
{
    const QStringList running = m_tracker->descriptions();
    m_bar->setVisible(!running.isEmpty());
    if (running.isEmpty()) {
        m_label->setText(m_lastOutcome);
        m_label->setToolTip({});
        return;
    }
    m_label->setText(running.size() == 1
                         ? running.first()
                         : tr("Operations in progress: %n; latest: %1", nullptr,
                              int(running.size()))
                               .arg(running.last()));
    m_label->setToolTip(running.join(u'\n'));
}

} // namespace portico::ui
