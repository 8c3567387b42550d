// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/common/fieldbinding.h"

#include "ui/common/stageddocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

#include <memory>

namespace portico::ui::fieldbinding {

namespace {

// Set while a binding writes the document's value into its widget (a load, undo, redo or
// revert). A spin box signals that change too, with the value it can show (its minimum for a
// missing value, clamped to its range); staging that echo would mark a just-loaded item Modified.
struct Applying
{
    explicit Applying(bool *flag) : m_flag(flag), m_was(*flag) { *m_flag = true; }
    ~Applying() { *m_flag = m_was; }
    Q_DISABLE_COPY_MOVE(Applying)

private:
    bool *m_flag;
    bool m_was;
};

} // namespace

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

} // namespace

void selectComboValue(QComboBox *combo, const QVariant &value)
{
    int index = combo->findData(value);
    if (index < 0 && value.typeId() == QMetaType::QString)
        index = combo->findData(value, Qt::UserRole, Qt::MatchFixedString);
    if (index < 0)
        index = combo->findText(value.toString());
    if (index >= 0) {
        combo->setCurrentIndex(index);
    } else if (combo->isEditable()) {
        combo->setEditText(value.toString());
    } else {
        combo->setCurrentIndex(-1);
    }
}

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
    // A missing or null value shows as the spin box's minimum (its special value, e.g. "Unlimited").
    auto shown = [spin](const QVariant &value) {
        return value.isValid() && !value.isNull() ? value.toInt() : spin->minimum();
    };
    spin->setValue(shown(doc->value(field)));
    auto applying = std::make_shared<bool>(false);
    QObject::connect(spin, &QSpinBox::valueChanged, doc, [doc, field, applying, shown](int value) {
        if (!*applying && shown(doc->value(field)) != value)
            doc->setValue(field, value);
    });
    QObject::connect(doc, &StagedDocument::valueChanged, spin,
                     [spin, field, applying, shown](const QString &changed, const QVariant &value) {
                         if (changed != field || spin->value() == shown(value))
                             return;
                         const Applying guard(applying.get());
                         spin->setValue(shown(value));
                     });
}

} // namespace portico::ui::fieldbinding
