// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/usagefilterbox.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

#include <algorithm>

namespace portico::ui {

namespace {

// The report filter's field and the id's path form, as the report rows carry it.
QString clauseFor(UsageFilterBox::Kind kind, const QString &id)
{
    QString id2 = id;
    id2.replace(u"'"_qs, u"''"_qs); // OData quoting
    switch (kind) {
    case UsageFilterBox::Kind::Api: return u"apiId eq '/apis/"_qs + id2 + u'\'';
    case UsageFilterBox::Kind::Product: return u"productId eq '/products/"_qs + id2 + u'\'';
    case UsageFilterBox::Kind::Subscription: return u"subscriptionId eq '/subscriptions/"_qs + id2 + u'\'';
    }
    return {};
}

} // namespace

UsageFilterBox::UsageFilterBox(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"usageFilterBox"_qs);
    m_combo = new QComboBox(this);
    m_combo->setObjectName(u"usageFilterComboBox"_qs);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(18);
    auto *label = new QLabel(tr("&Calls of:"), this);
    label->setBuddy(m_combo);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    rebuild();
    connect(m_combo, &QComboBox::activated, this, &UsageFilterBox::changed);
}

UsageFilterBox::~UsageFilterBox() = default;

void UsageFilterBox::setChoices(Kind kind, const Choices &choices)
{
    Choices sorted = choices;
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.second, b.second) < 0;
    });
    if (m_choices[int(kind)] == sorted)
        return;
    m_choices[int(kind)] = sorted;
    rebuild();
}

void UsageFilterBox::rebuild()
{
    const QString current = clause();
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    m_combo->addItem(tr("Everything"), QString());
    const QString formats[3] = { tr("API %1"), tr("Product %1"), tr("Subscription %1") };
    for (int kind = 0; kind < 3; ++kind) {
        if (m_choices[kind].isEmpty())
            continue;
        m_combo->insertSeparator(m_combo->count());
        for (const auto &[id, name] : std::as_const(m_choices[kind]))
            m_combo->addItem(formats[kind].arg(name.isEmpty() ? id : name), clauseFor(Kind(kind), id));
    }
    // The choice made before, while it still exists; otherwise everything (and say so).
    const int kept = m_combo->findData(current);
    m_combo->setCurrentIndex(kept >= 0 ? kept : 0);
    // Queued: the owner refills the choices from a reply, and reads again on changed().
    if (kept < 0 && !current.isEmpty())
        QMetaObject::invokeMethod(this, &UsageFilterBox::changed, Qt::QueuedConnection);
}

bool UsageFilterBox::select(Kind kind, const QString &id)
{
    const int index = m_combo->findData(id.isEmpty() ? QString() : clauseFor(kind, id));
    if (index < 0)
        return false;
    if (index != m_combo->currentIndex()) {
        m_combo->setCurrentIndex(index);
        Q_EMIT changed();
    }
    return true;
}

void UsageFilterBox::selectAll()
{
    if (m_combo->currentIndex() != 0) {
        m_combo->setCurrentIndex(0);
        Q_EMIT changed();
    }
}

bool UsageFilterBox::isFiltered() const
{
    return !clause().isEmpty();
}

QString UsageFilterBox::clause() const
{
    return m_combo->currentData().toString();
}

} // namespace portico::ui
