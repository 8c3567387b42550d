// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/common/fieldmessages.h"

#include <QLabel>

namespace portico::ui {

namespace {

QString normalise(QString target)
{
    target = target.trimmed().toLower();
    if (target.startsWith(u"properties."_qs))
        target = target.mid(11);
    return target;
}

} // namespace

FieldMessages::FieldMessages(QObject *parent)
    : QObject(parent)
{
}

FieldMessages::~FieldMessages() = default;

QLabel *FieldMessages::addField(const QStringList &targets, const QString &objectName,
                                QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, QColor(0xb0, 0x10, 0x10));
    label->setPalette(pal);
    label->hide();
    for (const QString &target : targets)
        m_labels.insert(normalise(target), label);
    m_all.append(label);
    return label;
}

QLabel *FieldMessages::labelFor(const QString &target) const
{
    return m_labels.value(normalise(target));
}

void FieldMessages::setMessage(const QString &target, const QString &text)
{
    QLabel *label = labelFor(target);
    if (!label)
        return;
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QString FieldMessages::message(const QString &target) const
{
    QLabel *label = labelFor(target);
    return label ? label->text() : QString();
}

void FieldMessages::clear()
{
    for (QLabel *label : std::as_const(m_all)) {
        label->clear();
        label->hide();
    }
}

bool FieldMessages::hasMessages() const
{
    for (QLabel *label : m_all) {
        if (!label->text().isEmpty())
            return true;
    }
    return false;
}

QStringList FieldMessages::showServerError(const core::Error &error)
{
    QStringList unclaimed;
    auto place = [&](const QString &target, const QString &text) {
        if (QLabel *label = labelFor(target); label && !target.isEmpty()) {
            const QString existing = label->text();
            label->setText(existing.isEmpty() ? text : existing + u'\n' + text);
            label->show();
        } else {
            unclaimed.append(text);
        }
    };
    if (error.details.isEmpty()) {
        place(error.target, error.message);
    } else {
        for (const core::ErrorDetail &detail : error.details)
            place(detail.target.isEmpty() ? error.target : detail.target, detail.message);
    }
    return unclaimed;
}

} // namespace portico::ui
