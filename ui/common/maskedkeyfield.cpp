// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/common/maskedkeyfield.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPointer>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>

namespace portico::ui {

namespace {

// The key Portico last put on the clipboard, and when to take it off again. One for all fields (a
// newer copy replaces the older one), owned by the clipboard, so that a key copied from a dialog
// that was closed meanwhile is still cleared.
class ClipboardEraser final : public QObject
{
public:
    static ClipboardEraser *instance()
    {
        static QPointer<ClipboardEraser> s_instance;
        if (!s_instance)
            s_instance = new ClipboardEraser(QGuiApplication::clipboard());
        return s_instance;
    }

    void put(const QString &key, std::chrono::milliseconds delay)
    {
        auto *mime = new QMimeData;
        mime->setText(key);
        // Clipboard managers keep no history entry of this (KDE, KeePassXC's convention).
        mime->setData(u"x-kde-passwordManagerHint"_qs, QByteArrayLiteral("secret"));
        clipboard()->setMimeData(mime);
        m_key = key;
        m_timer.start(delay);
    }

private:
    explicit ClipboardEraser(QClipboard *clipboard)
        : QObject(clipboard)
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &ClipboardEraser::erase);
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this, &ClipboardEraser::erase);
    }

    QClipboard *clipboard() const { return static_cast<QClipboard *>(parent()); }

    // Only the key itself: whatever the user copied since stays.
    void erase()
    {
        m_timer.stop();
        const QString key = std::exchange(m_key, QString());
        if (!key.isEmpty() && clipboard()->text() == key)
            clipboard()->clear();
    }

    QTimer m_timer;
    QString m_key;
};

int wholeSeconds(std::chrono::milliseconds delay)
{
    return int(qMax<qint64>(1, (delay.count() + 999) / 1000));
}

} // namespace

MaskedKeyField::MaskedKeyField(const QString &namePrefix, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(namePrefix + u"MaskedKeyField"_qs);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(namePrefix + u"LineEdit"_qs);
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setReadOnly(true);
    m_edit->setAttribute(Qt::WA_InputMethodEnabled, false);

    m_reveal = new QToolButton(this);
    m_reveal->setObjectName(namePrefix + u"RevealToolButton"_qs);
    m_reveal->setText(tr("Show"));
    m_reveal->setToolTip(tr("Show or hide the key"));
    m_reveal->setCheckable(true);

    m_copy = new QToolButton(this);
    m_copy->setObjectName(namePrefix + u"CopyToolButton"_qs);
    m_copy->setText(tr("Copy"));
    updateCopyToolTip();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_reveal);
    layout->addWidget(m_copy);
    setFocusProxy(m_edit);

    connect(m_reveal, &QToolButton::toggled, this, &MaskedKeyField::setRevealed);
    connect(m_copy, &QToolButton::clicked, this, &MaskedKeyField::copyToClipboard);
    connect(m_edit, &QLineEdit::textEdited, this, &MaskedKeyField::secretEdited);

    // A revealed key can be selected: the line edit's own Copy and Cut (keys and context menu)
    // would put it on the clipboard as plain text, kept in clipboard histories and never cleared.
    m_edit->installEventFilter(this);
    m_edit->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_edit, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = m_edit->createStandardContextMenu();
        menu->setObjectName(m_edit->objectName() + u"ContextMenu"_qs);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        // QLineEdit's own Copy and Cut: named "edit-copy"/"edit-cut" since Qt 6.5, before that
        // known by their (translated) text, the shortcut after a tab.
        const auto is = [](const QAction *action, const QString &name, const char *text) {
            return action->objectName() == name
                || action->text().section(u'\t', 0, 0) == QCoreApplication::translate("QLineEdit", text);
        };
        for (QAction *action : menu->actions()) {
            const bool cut = is(action, u"edit-cut"_qs, "Cu&t");
            if (!cut && !is(action, u"edit-copy"_qs, "&Copy"))
                continue;
            action->disconnect(m_edit);
            connect(action, &QAction::triggered, this, [this, cut] { copySelection(cut); });
        }
        menu->popup(m_edit->mapToGlobal(pos));
    });
}

MaskedKeyField::~MaskedKeyField() = default;

void MaskedKeyField::setClipboardClearDelay(std::chrono::milliseconds delay)
{
    m_clearDelay = delay;
    updateCopyToolTip();
}

void MaskedKeyField::updateCopyToolTip()
{
    const QString text = tr("Copy the key to the clipboard. Portico clears it from the clipboard "
                            "after %n second(s).",
                            nullptr, wholeSeconds(m_clearDelay));
    m_copy->setToolTip(text);
    m_copy->setStatusTip(text);
}

void MaskedKeyField::copyToClipboard()
{
    if (m_edit->text().isEmpty())
        return;
    ClipboardEraser::instance()->put(m_edit->text(), m_clearDelay);
    QToolTip::showText(m_copy->mapToGlobal(QPoint(0, m_copy->height())),
                       tr("Copied. The clipboard is cleared in %n second(s).", nullptr,
                          wholeSeconds(m_clearDelay)),
                       m_copy);
    Q_EMIT copied();
}

bool MaskedKeyField::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool cut = key->matches(QKeySequence::Cut);
        if (cut || key->matches(QKeySequence::Copy)) {
            copySelection(cut);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MaskedKeyField::copySelection(bool cut)
{
    if (!m_edit->hasSelectedText())
        return;
    // A masked key is never copied from the line edit (as QLineEdit itself does), but a cut
    // still removes the selection, as QLineEdit's own Cut does in password mode.
    const bool revealed = isRevealed();
    if (revealed)
        ClipboardEraser::instance()->put(m_edit->selectedText(), m_clearDelay);
    if (cut && !m_edit->isReadOnly())
        m_edit->del();
    if (!revealed)
        return;
    Q_EMIT copied();
}

void MaskedKeyField::setEditable(bool editable)
{
    m_edit->setReadOnly(!editable);
    m_copy->setVisible(!editable);
}

void MaskedKeyField::setSecret(const QString &secret)
{
    m_edit->setText(secret);
}

QString MaskedKeyField::secret() const
{
    return m_edit->text();
}

void MaskedKeyField::clear()
{
    m_edit->clear();
    setRevealed(false);
}

bool MaskedKeyField::isRevealed() const
{
    return m_edit->echoMode() == QLineEdit::Normal;
}

void MaskedKeyField::setRevealed(bool revealed)
{
    m_edit->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    m_reveal->setChecked(revealed);
    m_reveal->setText(revealed ? tr("Hide") : tr("Show"));
}

} // namespace portico::ui
