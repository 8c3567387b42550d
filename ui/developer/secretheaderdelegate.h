// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/developer/reentryhintdelegate.h"

#include <QStringList>

namespace portico::ui {

// The value column of the Try It composer's header table. A row whose name is a secret header
// (core::isSecretHeader(): Authorization, *-Key, token...; plus the API's own key header) is
// painted as the mask the request preview shows ("Bearer ••••••••") and edited in a
// password-mode line edit, until the user chooses to see secrets. Only the presentation
// changes: the item keeps the real value, and that is what is sent. Empty values show the
// re-entry hint, as ReentryHintDelegate does.
class SecretHeaderDelegate final : public ReentryHintDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretHeaderDelegate)

public:
    explicit SecretHeaderDelegate(QObject *parent = nullptr);
    ~SecretHeaderDelegate() override;

    void setExtraSecretNames(const QStringList &names);
    void setRevealed(bool revealed);
    bool isRevealed() const { return m_revealed; }

    // Whether the row of `index` is a secret header, by the name in its first column.
    bool isSecretRow(const QModelIndex &index) const;
    // What the cell shows: its value, or the masked value of a secret row while hidden.
    QString shownText(const QModelIndex &index) const;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    QStringList m_extraNames;
    bool m_revealed = false;
};

} // namespace portico::ui
