// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace portico::ui {

// Shows a key or secret masked, with Reveal and Copy. The value lives only in this widget's
// memory (never in settings or logs); clear() drops it. Editable mode lets a user type a key
// (e.g. an ML service's API key) without showing it.
class MaskedKeyField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaskedKeyField)

public:
    // `namePrefix` names the children: "<prefix>LineEdit", "<prefix>RevealToolButton",
    // "<prefix>CopyToolButton".
    explicit MaskedKeyField(const QString &namePrefix, QWidget *parent = nullptr);
    ~MaskedKeyField() override;

    void setEditable(bool editable);
    void setSecret(const QString &secret);
    QString secret() const;
    void clear();
    bool isRevealed() const;
    void setRevealed(bool revealed);
    QLineEdit *lineEdit() const { return m_edit; }

Q_SIGNALS:
    void secretEdited(const QString &secret);
    void copied();

private:
    QLineEdit *m_edit = nullptr;
    QToolButton *m_reveal = nullptr;
    QToolButton *m_copy = nullptr;
};

} // namespace portico::ui
