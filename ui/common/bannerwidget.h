// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace portico::ui {

// An inline message strip shown near the thing that failed: the message, an optional Retry and
// a close button. Recoverable problems use this, never a modal box. Hidden until show*() is
// called; hides itself when Retry or close is clicked.
class BannerWidget final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BannerWidget)

public:
    enum class Kind { Information, Warning, Error };
    Q_ENUM(Kind)

    explicit BannerWidget(QWidget *parent = nullptr);
    ~BannerWidget() override;

    // Shows `text` (plain text). With `retryable`, a Retry button emits retryRequested().
    void showMessage(Kind kind, const QString &text, bool retryable = false);
    void clear();
    // The Retry button's text, for banners whose retry is another action ("Sign in again").
    void setRetryText(const QString &text);
    // A further action button, before Retry, shown with every message of this banner; clicking
    // it hides the banner (connect to its clicked() for the action). For a banner that offers a
    // choice, e.g. "Keep server version" / "Overwrite".
    QPushButton *addButton(const QString &text, const QString &objectName);
    // Without Dismiss, for a state that lasts as long as its cause (no keychain): the owner
    // hides the banner when the cause is gone.
    void setDismissible(bool dismissible);

    Kind kind() const { return m_kind; }
    QString text() const;

Q_SIGNALS:
    void retryRequested();
    void dismissed();

private:
    Kind m_kind = Kind::Information;
    QLabel *m_label = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace portico::ui
