// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Keyboard accelerators (the & in a label or button) as a user meets them: every letter has one
// owner in the window, or Alt+letter only moves the focus between the owners (Qt's ambiguous
// shortcut) instead of pressing the button; and a label with an accelerator has a buddy that
// can take the focus, or Alt+letter does nothing. Header-only: it needs QtWidgets, which the
// support library does not link; tests that include it link portico_ui.

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QStringList>
#include <QTabBar>
#include <QWidget>

namespace portico::test {

// The accelerator letter of a text ("Re&fresh" -> 'F'), or a null QChar; "&&" is a literal &.
inline QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return {};
}

namespace detail {

inline QString describe(const QWidget *widget, const QString &text)
{
    const QString name = widget->objectName().isEmpty() ? QString::fromLatin1(widget->metaObject()->className())
                                                        : widget->objectName();
    return u"“"_qs + text + u"” ("_qs + name + u')';
}

// The widgets under `root` that are shown (visible up to root's window), root first.
inline QList<QWidget *> shownWidgets(const QWidget *root)
{
    const QWidget *window = root->window();
    QList<QWidget *> shown;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(const_cast<QWidget *>(root));
    for (QWidget *widget : std::as_const(widgets)) {
        if (widget->isVisibleTo(window) && widget->window() == window)
            shown.append(widget);
    }
    return shown;
}

} // namespace detail

// The shown labels under `root` whose & leads nowhere: no buddy, or one that takes no focus
// (Alt+letter then does nothing). Empty when all is well.
inline QStringList labelsWithoutFocusableBuddy(const QWidget *root)
{
    QStringList problems;
    for (QWidget *widget : detail::shownWidgets(root)) {
        auto *label = qobject_cast<QLabel *>(widget);
        if (!label || mnemonicOf(label->text()).isNull())
            continue;
        const QWidget *buddy = label->buddy();
        if (!buddy)
            problems.append(u"label "_qs + detail::describe(label, label->text()) + u" has no buddy"_qs);
        else if (buddy->focusPolicy() == Qt::NoFocus)
            problems.append(u"label "_qs + detail::describe(label, label->text()) + u" has a buddy that takes no focus: "_qs
                            + detail::describe(buddy, QString::fromLatin1(buddy->metaObject()->className())));
    }
    return problems;
}

// The letters that more than one shown widget under `root` owns: labels with a buddy, buttons,
// check boxes, radio buttons, group box titles and tab bar tabs (disabled ones count: they are
// enabled later). `reserved` maps letters that the window around `root` already owns to their
// owner. Empty when all is well.
inline QStringList mnemonicCollisions(const QWidget *root, const QMap<QChar, QString> &reserved = {})
{
    QMap<QChar, QStringList> owners;
    for (auto it = reserved.cbegin(); it != reserved.cend(); ++it)
        owners[it.key().toUpper()].append(it.value());
    for (QWidget *widget : detail::shownWidgets(root)) {
        auto own = [&](const QString &text, const QString &what) {
            if (const QChar letter = mnemonicOf(text); !letter.isNull())
                owners[letter].append(what + detail::describe(widget, text));
        };
        if (auto *label = qobject_cast<QLabel *>(widget)) {
            if (label->buddy())
                own(label->text(), u"label "_qs);
        } else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            own(button->text(), QString());
        } else if (auto *group = qobject_cast<QGroupBox *>(widget)) {
            own(group->title(), u"group "_qs);
        } else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (tabs->isTabVisible(i))
                    own(tabs->tabText(i), u"tab "_qs);
            }
        }
    }
    QStringList problems;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (it.value().size() > 1)
            problems.append(u"Alt+"_qs + it.key() + u" is owned by "_qs + it.value().join(u" and "_qs));
    }
    return problems;
}

// Both of the above.
inline QStringList mnemonicProblems(const QWidget *root, const QMap<QChar, QString> &reserved = {})
{
    return labelsWithoutFocusableBuddy(root) + mnemonicCollisions(root, reserved);
}

// The letters of the menu bar's titles, each with its menu: Alt+letter opens that menu wherever
// the focus is in the window, so nothing else in the window may own it (pass it to
// mnemonicCollisions() as `reserved`).
inline QMap<QChar, QString> menuBarLetters(const QMenuBar *bar)
{
    QMap<QChar, QString> letters;
    for (const QAction *action : bar->actions()) {
        if (const QChar letter = mnemonicOf(action->text()); !letter.isNull() && action->isVisible())
            letters.insert(letter, u"menu “"_qs + action->text() + u'”');
    }
    return letters;
}

// The letters that more than one title of the menu bar owns, and within each menu (and
// submenu) the letters that more than one item owns: in an open menu the letter alone then only
// moves between those items instead of choosing one. Empty when all is well.
inline QStringList menuCollisions(const QMenuBar *bar)
{
    QStringList problems;
    const auto check = [&problems](const QList<QAction *> &actions, const QString &where) {
        QMap<QChar, QStringList> owners;
        for (const QAction *action : actions) {
            if (action->isSeparator() || !action->isVisible())
                continue;
            if (const QChar letter = mnemonicOf(action->text()); !letter.isNull())
                owners[letter].append(u"“"_qs + action->text() + u'”');
        }
        for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
            if (it.value().size() > 1)
                problems.append(where + u": "_qs + it.key() + u" is owned by "_qs + it.value().join(u" and "_qs));
        }
    };
    check(bar->actions(), u"menu bar"_qs);
    QList<const QMenu *> menus;
    for (const QAction *action : bar->actions()) {
        if (action->menu())
            menus.append(action->menu());
    }
    while (!menus.isEmpty()) {
        const QMenu *menu = menus.takeFirst();
        check(menu->actions(), u"menu “"_qs + menu->title() + u'”');
        for (const QAction *action : menu->actions()) {
            if (action->menu())
                menus.append(action->menu());
        }
    }
    return problems;
}

} // namespace portico::test
