// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/common/fieldbinding.h"

#include "ui/common/stageddocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace portico::ui::fieldbinding {

void bind(StagedDocument *doc, const QString &field, QLineEdit *edit)
{
    edit->setText(doc->value(field).toString());
    QObject::connect(edit, &QLineEdit::textEdited, doc,
                     [doc, field](const QString &text) { doc->setValue(field, text); });
    QObject::connect(doc, &StagedDocument::valueChanged, edit,
                     [edit, field](const QString &changed, const QVariant &value) {
                         if (changed != field || edit->text() == value.toString())
                             return;
                         const int caret = edit->cursorPosition();
                         edit->setText(value.toString());
                         edit->setCursorPosition(std::min(caret, int(edit->text().size())));
                     });
}

void bind(StagedDocument *doc, const QString &field, QPlainTextEdit *edit)
{
    edit->setPlainText(doc->value(field).toString());
    QObject::connect(edit, &QPlainTextEdit::textChanged, doc, [doc, field, edit] {
        if (doc->value(field).toString() != edit->toPlainText())
            doc->setValue(field, edit->toPlainText());
    });
    QObject::connect(doc, &StagedDocument::valueChanged, edit,
                     [edit, field](const QString &changed, const QVariant &value) {
                         if (changed != field || edit->toPlainText() == value.toString())
                             return;
                         QTextCursor cursor = edit->textCursor();
                         const int caret = cursor.position();
                         edit->setPlainText(value.toString());
                         cursor = edit->textCursor();
                         cursor.setPosition(std::min(caret, int(value.toString().size())));
                         edit->setTextCursor(cursor);
                     });
}

void bind(StagedDocument *doc, const QString &field, QCheckBox *box)
{
    box->setChecked(doc->value(field).toBool());
    QObject::connect(box, &QCheckBox::clicked, doc,
                     [doc, field](bool checked) { doc->setValue(field, checked); });
    QObject::connect(doc, &StagedDocument::valueChanged, box,
                     [box, field](const QString &changed, const QVariant &value) {
                         if (changed == field)
                             box->setChecked(value.toBool());
                     });
}

namespace {

QVariant comboValue(const QComboBox *combo)
{
    const QVariant data = combo->currentData();
    return data.isValid() ? data : QVariant(combo->currentText());
}

void selectComboValue(QComboBox *combo, const QVariant &value)
{
    int index = combo->findData(value);
    if (index < 0)
        index = combo->findText(value.toString());
    if (index >= 0) {
        combo->setCurrentIndex(index);
    } else if (combo->isEditable()) {
        combo->setEditText(value.toString());
    }
}

} // namespace

void bind(StagedDocument *doc, const QString &field, QComboBox *combo)
{
    selectComboValue(combo, doc->value(field));
    QObject::connect(combo, &QComboBox::activated, doc,
                     [doc, field, combo] { doc->setValue(field, comboValue(combo)); });
    if (combo->isEditable()) {
        QObject::connect(combo, &QComboBox::editTextChanged, doc,
                         [doc, field](const QString &text) { doc->setValue(field, text); });
    }
    QObject::connect(doc, &StagedDocument::valueChanged, combo,
                     [combo, field](const QString &changed, const QVariant &value) {
                         if (changed == field && comboValue(combo) != value)
                             selectComboValue(combo, value);
                     });
}

void bind(StagedDocument *doc, const QString &field, QSpinBox *spin)
{
    spin->setValue(doc->value(field).toInt());
    QObject::connect(spin, &QSpinBox::valueChanged, doc, [doc, field](int value) {
        if (doc->value(field).toInt() != value || !doc->value(field).isValid())
            doc->setValue(field, value);
    });
    QObject::connect(doc, &StagedDocument::valueChanged, spin,
                     [spin, field](const QString &changed, const QVariant &value) {
                         if (changed == field && spin->value() != value.toInt())
                             spin->setValue(value.toInt());
                     });
}

} // namespace portico::ui::fieldbinding
