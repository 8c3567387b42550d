// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStyledItemDelegate>

namespace portico::ui {

// Shows a hint in place of an empty cell, as a line edit shows its placeholder: the Try It
// composer marks the header values that history did not keep (secrets) so that the user sees
// at the row that they must be entered again. The hint is the item's HintRole; the editor
// shows it as its placeholder too.
class ReentryHintDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReentryHintDelegate)

public:
    static constexpr int HintRole = Qt::UserRole + 40;

    explicit ReentryHintDelegate(QObject *parent = nullptr);
    ~ReentryHintDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
};

} // namespace portico::ui
