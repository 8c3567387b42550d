// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

#include <chrono>

class QLineEdit;
class QToolButton;

namespace portico::ui {

// Shows a key or secret masked, with Reveal and Copy. The value lives only in this widget's
// memory (never in settings or logs); clear() drops it. Editable mode lets a user type a key
// (e.g. an ML service's API key) without showing it.
//
// Copy puts the key on the clipboard marked as a secret (the "x-kde-passwordManagerHint: secret"
// format that KDE's Klipper, GNOME clipboard extensions and KeePassXC honour: not kept in the
// clipboard history, so not written to disk) and clears it again after clipboardClearDelay(),
// or when Portico quits, if the clipboard still holds exactly that key; something the user
// copied meanwhile is left alone. The Copy button's tooltip says so. Copying (or cutting) a
// selection of the revealed key from the line edit, by keyboard or its context menu, takes the
// same path; a masked key is never copied from the line edit.
class MaskedKeyField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaskedKeyField)

public:
    static constexpr std::chrono::milliseconds defaultClipboardClearDelay { 45'000 };

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

    // How long a copied key stays on the clipboard (tests shorten it).
    void setClipboardClearDelay(std::chrono::milliseconds delay);
    std::chrono::milliseconds clipboardClearDelay() const { return m_clearDelay; }

Q_SIGNALS:
    void secretEdited(const QString &secret);
    void copied();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void copyToClipboard();
    void copySelection(bool cut);
    void updateCopyToolTip();

    QLineEdit *m_edit = nullptr;
    QToolButton *m_reveal = nullptr;
    QToolButton *m_copy = nullptr;
    std::chrono::milliseconds m_clearDelay = defaultClipboardClearDelay;
};

} // namespace portico::ui
