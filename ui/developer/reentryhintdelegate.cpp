// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/reentryhintdelegate.h"

#include <QApplication>
#include <QLineEdit>
#include <QPainter>

namespace portico::ui {

ReentryHintDelegate::ReentryHintDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

ReentryHintDelegate::~ReentryHintDelegate() = default;

void ReentryHintDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const QString hint = index.data(HintRole).toString();
    if (hint.isEmpty() || !index.data(Qt::DisplayRole).toString().isEmpty())
        return;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    painter->save();
    QFont font = opt.font;
    font.setItalic(true);
    painter->setFont(font);
    painter->setPen(opt.palette.color(QPalette::PlaceholderText));
    painter->drawText(textRect.adjusted(2, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft,
                      opt.fontMetrics.elidedText(hint, Qt::ElideRight, textRect.width() - 4));
    painter->restore();
}

QWidget *ReentryHintDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                           const QModelIndex &index) const
{
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        line->setPlaceholderText(index.data(HintRole).toString());
    return editor;
}

} // namespace portico::ui
