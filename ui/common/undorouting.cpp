// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/common/undorouting.h"

#include <QEvent>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTextEdit>
#include <QUndoStack>

namespace portico::ui::undorouting {

namespace {

class Router final : public QObject
{
public:
    Router(QUndoStack *stack, QObject *parent)
        : QObject(parent)
        , m_stack(stack)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (!m_stack || (event->type() != QEvent::ShortcutOverride
                         && event->type() != QEvent::KeyPress)) {
            return QObject::eventFilter(watched, event);
        }
        auto *key = static_cast<QKeyEvent *>(event);
        const bool undo = key->matches(QKeySequence::Undo);
        const bool redo = key->matches(QKeySequence::Redo);
        if (!undo && !redo)
            return QObject::eventFilter(watched, event);
        if (event->type() == QEvent::ShortcutOverride) {
            event->accept(); // keep window shortcuts from taking the key
            return true;
        }
        if (undo)
            m_stack->undo();
        else
            m_stack->redo();
        return true;
    }

private:
    QPointer<QUndoStack> m_stack;
};

} // namespace

void install(QUndoStack *stack, QWidget *widget)
{
    if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
        plain->setUndoRedoEnabled(false);
    else if (auto *rich = qobject_cast<QTextEdit *>(widget))
        rich->setUndoRedoEnabled(false);
    widget->installEventFilter(new Router(stack, widget));
}

} // namespace portico::ui::undorouting
