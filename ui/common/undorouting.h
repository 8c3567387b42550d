// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

class QUndoStack;
class QWidget;

namespace portico::ui {

// Text widgets keep their own undo history, which would bypass the document's QUndoStack.
// install() routes the Undo and Redo keys of `widget` (and disables its private history where
// Qt allows) to `stack`, so Ctrl+Z means the same thing in every field of an editor.
namespace undorouting {

void install(QUndoStack *stack, QWidget *widget);

} // namespace undorouting

} // namespace portico::ui
