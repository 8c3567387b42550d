// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/common/stageddocument.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QUndoCommand>
#include <QUndoStack>

namespace portico::ui {

namespace {

constexpr int kSetFieldId = 0x5e7f;

class SetFieldCommand final : public QUndoCommand
{
public:
    SetFieldCommand(StagedDocument *doc, QString field, QVariant before, QVariant after)
        : m_doc(doc)
        , m_field(std::move(field))
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
        setText(QCoreApplication::translate("portico::ui::StagedDocument", "Edit %1")
                    .arg(m_field));
        m_age.start();
    }

    int id() const override { return kSetFieldId; }
    void undo() override { m_doc->applyValue(m_field, m_before); }
    void redo() override { m_doc->applyValue(m_field, m_after); }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const SetFieldCommand *>(other);
        // Typing in one field is one step; a pause or another field starts a new one.
        if (next->m_field != m_field || m_age.elapsed() > 1500)
            return false;
        m_after = next->m_after;
        m_age.restart();
        return true;
    }

private:
    StagedDocument *m_doc;
    QString m_field;
    QVariant m_before;
    QVariant m_after;
    QElapsedTimer m_age;
};

class RevertCommand final : public QUndoCommand
{
public:
    RevertCommand(StagedDocument *doc, QVariantMap before, QVariantMap after)
        : m_doc(doc)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
        setText(QCoreApplication::translate("portico::ui::StagedDocument", "Revert"));
    }
    void undo() override { apply(m_before); }
    void redo() override { apply(m_after); }

private:
    void apply(const QVariantMap &values)
    {
        QStringList fields = values.keys();
        for (const QString &f : m_doc->values().keys()) {
            if (!fields.contains(f))
                fields.append(f);
        }
        for (const QString &f : fields)
            m_doc->applyValue(f, values.value(f));
    }

    StagedDocument *m_doc;
    QVariantMap m_before;
    QVariantMap m_after;
};

bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.isValid() != b.isValid()) {
        // An absent field and an empty string/list are the same to a user.
        const QVariant &present = a.isValid() ? a : b;
        if (present.typeId() == QMetaType::QString)
            return present.toString().isEmpty();
        if (present.typeId() == QMetaType::QStringList)
            return present.toStringList().isEmpty();
        return false;
    }
    return a == b;
}

} // namespace

StagedDocument::StagedDocument(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
{
}

StagedDocument::~StagedDocument() = default;

void StagedDocument::load(const QVariantMap &saved)
{
    m_undo->clear();
    m_saved = saved;
    const QVariantMap old = m_values;
    m_values = saved;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        Q_EMIT valueChanged(it.key(), it.value());
    for (auto it = old.cbegin(); it != old.cend(); ++it) {
        if (!m_values.contains(it.key()))
            Q_EMIT valueChanged(it.key(), QVariant());
    }
    updateDirty();
    Q_EMIT loaded();
}

void StagedDocument::markSaved(const QVariantMap &saved)
{
    m_saved = saved;
    for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
        if (!m_values.contains(it.key()))
            applyValue(it.key(), it.value());
    }
    m_undo->setClean();
    updateDirty();
}

void StagedDocument::setValue(const QString &field, const QVariant &value)
{
    const QVariant before = m_values.value(field);
    if (sameValue(before, value))
        return;
    m_undo->push(new SetFieldCommand(this, field, before, value));
}

void StagedDocument::revert()
{
    if (!m_dirty)
        return;
    m_undo->push(new RevertCommand(this, m_values, m_saved));
}

bool StagedDocument::isFieldDirty(const QString &field) const
{
    return !sameValue(m_values.value(field), m_saved.value(field));
}

void StagedDocument::applyValue(const QString &field, const QVariant &value)
{
    const QVariant before = m_values.value(field);
    if (value.isValid())
        m_values.insert(field, value);
    else
        m_values.remove(field);
    if (!sameValue(before, value) || before.typeId() != value.typeId())
        Q_EMIT valueChanged(field, value);
    updateDirty();
}

void StagedDocument::updateDirty()
{
    bool dirty = false;
    QStringList fields = m_values.keys();
    fields += m_saved.keys();
    for (const QString &f : std::as_const(fields)) {
        if (isFieldDirty(f)) {
            dirty = true;
            break;
        }
    }
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    Q_EMIT dirtyChanged(dirty);
}

} // namespace portico::ui
