// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace portico::ui {

class StagedDocument;

// Two-way bindings between editor widgets and one field of a StagedDocument. A user edit stages
// the value (and so becomes undoable); an undo, redo, revert or load updates the widget without
// moving the caret more than needed. Bindings live as long as the widget.
namespace fieldbinding {

void bind(StagedDocument *doc, const QString &field, QLineEdit *edit);
void bind(StagedDocument *doc, const QString &field, QPlainTextEdit *edit);
void bind(StagedDocument *doc, const QString &field, QCheckBox *box);
// Binds the item data of the current entry (the item text when an entry has no data).
void bind(StagedDocument *doc, const QString &field, QComboBox *combo);
// A missing or null value shows as the minimum, the spin box's special value ("Unlimited").
void bind(StagedDocument *doc, const QString &field, QSpinBox *spin);

// Makes the entry whose item data is `value` current (also for a caller that refills the
// entries). Ids (a subscription's scope, its owner) are case-insensitive in ARM: an exact match
// first, then one that differs in case only, then the item text. A value that no entry has shows
// no entry (an editable combo box shows it as text) rather than leaving a previous value on show.
void selectComboValue(QComboBox *combo, const QVariant &value);

} // namespace fieldbinding

} // namespace portico::ui
