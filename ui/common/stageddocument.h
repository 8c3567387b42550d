// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>
#include <QVariant>
#include <QVariantMap>

class QUndoStack;

namespace portico::ui {

// Staged local edits of one resource: the values last confirmed by the server ("saved") and the
// values being edited. Every edit goes through the owned QUndoStack, so undo/redo covers local
// edits only; server changes are never undone here. The owner converts between a core model
// value and fields when loading and after a confirmed save. The document lives next to the data
// and outlives any widget that shows it.
class StagedDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StagedDocument)

public:
    explicit StagedDocument(QObject *parent = nullptr);
    ~StagedDocument() override;

    // Replaces saved and edited values; clears undo history. The document is clean afterwards.
    void load(const QVariantMap &saved);
    // The server confirmed `saved`: it becomes the new baseline. Edits made meanwhile survive.
    void markSaved(const QVariantMap &saved);

    QVariant value(const QString &field) const { return m_values.value(field); }
    const QVariantMap &values() const { return m_values; }
    const QVariantMap &savedValues() const { return m_saved; }

    // Stages an edit (undoable). Consecutive edits of the same field merge into one undo step.
    void setValue(const QString &field, const QVariant &value);
    // Returns every field to its saved value, as one undoable step.
    void revert();

    bool isDirty() const { return m_dirty; }
    bool isFieldDirty(const QString &field) const;
    QUndoStack *undoStack() const { return m_undo; }

    // Used by the undo commands; applies without recording.
    void applyValue(const QString &field, const QVariant &value);

Q_SIGNALS:
    void valueChanged(const QString &field, const QVariant &value);
    void dirtyChanged(bool dirty);
    void loaded();

private:
    void updateDirty();

    QVariantMap m_saved;
    QVariantMap m_values;
    QUndoStack *m_undo = nullptr;
    bool m_dirty = false;
};

} // namespace portico::ui
