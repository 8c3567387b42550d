// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "ui/publisher/editorfields.h"

#include <QVariantMap>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace portico::ui {

class BannerWidget;
class FieldMessages;
class StagedDocument;

// What ApiEditor and OperationEditor share: a title with a "Modified" marker, an error banner,
// Save/Revert buttons with undo/redo actions over one StagedDocument, messages next to the
// fields they name, an id that follows the display name of a new item until the user edits it,
// and the save flow: validate(), then saveRequested(); the owner answers with saveSucceeded(),
// saveFailed(), idAlreadyExists() (a new item's id is taken) or saveConflicted() (the item was
// changed on the server since it was loaded), and until then a second Save does nothing. A
// conflict shows a banner (prefix + "ConflictBannerWidget") whose Keep server version asks the
// owner to load the server's version (reloadRequested()) and whose Overwrite sends the user's values over it
// (overwriteRequested()); the user's text stays until they choose. Opening an existing item that
// cannot be read ends in loadFailed(): the banner says so in the editor's words with Retry
// (loadRetryRequested()), and the form stays empty, not new and read-only, with Save off, until
// a load succeeds; it never turns into a form for a new item.
//
// The frame's widgets are named with the prefix given to the constructor ("api" gives
// apiTitleLabel, apiDirtyLabel, apiBannerWidget, apiSavePushButton, apiRevertPushButton,
// apiUndoAction, apiRedoAction; the editor itself is apiEditor). The field keys "name" (the
// id) and "displayName" are common to both editors.
class StagedEditor : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StagedEditor)

public:
    ~StagedEditor() override;

    StagedDocument *document() const { return m_doc; }
    FieldMessages *messages() const { return m_messages; }
    bool isNew() const { return m_new; }
    QVariantMap values() const;
    // Our own checks; shows messages next to fields and returns false on any problem.
    virtual bool validate() = 0;

    // `saved` is the server's form of what was sent: fields the user did not edit while the save
    // ran take it, so the editor is clean unless the user typed meanwhile.
    void saveSucceeded(const QVariantMap &saved);
    // The item itself was saved as `saved`, but the `unsaved` fields were not (e.g. a link that
    // failed): those keep the user's values and stay modified, and `problem` is shown with Retry.
    void savePartlySucceeded(const QVariantMap &saved, const QStringList &unsaved,
                             const QString &problem);
    void saveFailed(const core::Error &error);
    void idAlreadyExists();
    void saveConflicted();
    void setBusy(bool busy);
    // The item `id` being opened could not be read (its server copy is unknown).
    void loadFailed(const core::Error &error, const QString &id = {});
    // False after loadFailed() until the next successful load.
    bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    void saveRequested(const QVariantMap &values, bool isNew);
    void reloadRequested();
    void overwriteRequested(const QVariantMap &values);
    // Retry on the banner after loadFailed().
    void loadRetryRequested();

protected:
    StagedEditor(const QString &prefix, QWidget *parent);

    // The editor's own part goes here, between the banner and the buttons.
    QVBoxLayout *bodyLayout() const { return m_body; }
    // Called once the body's widgets exist (so Save and Revert come last in the tab order):
    // adds the buttons and the undo/redo actions.
    void finishLayout();

    // A line edit whose undo goes to the document's stack.
    QLineEdit *addLineEdit(QWidget *parent, const QString &objectName, int maxLength);
    QPlainTextEdit *addDescriptionEdit(QWidget *parent, const QString &objectName, int maxHeight);
    // A form row with `field` and, under it, the message label for the field keys `targets`.
    void addFieldRow(QFormLayout *form, const QString &label, QWidget *field,
                     const QStringList &targets, const QString &messageObjectName);
    // Binds the display name and id edits to "displayName" and "name"; a new item's id follows
    // the display name until the user edits the id, which is read-only once saved.
    void bindNameAndId(QLineEdit *displayName, QLineEdit *id);

    // Replaces the document with `fields` (a new item when `isNew`), clearing all messages.
    void loadFields(const QVariantMap &fields, bool isNew);
    // Checks the display name and, for a new item, the id; returns false on any problem.
    bool validateNameAndId(const QVariantMap &values);

    // The editor's title for `fields` ("New API", "API: %1"...), in its own words.
    virtual QString titleFor(const QVariantMap &fields) const = 0;
    virtual editorfields::SaveFailureTexts saveFailureTexts() const = 0;
    // After loadFailed(): the title, and the banner text with the error's message as %1;
    // `forbidden` for Kind::Forbidden (403), with the item's id as %1 and the message as %2: what
    // failed only, ForbiddenText adds the advice.
    struct LoadFailureTexts
    {
        QString title;
        QString message;
        QString forbidden;
    };
    virtual LoadFailureTexts loadFailureTexts() const = 0;
    // Brings widgets the bindings do not cover up to date after a load or a save.
    virtual void syncFromDocument() {}

    BannerWidget *banner() const { return m_banner; }

private:
    void save();
    void send(const QVariantMap &values, bool overwrite);
    void updateState();
    void setBodyEnabled(bool enabled);

    QString m_prefix;
    StagedDocument *m_doc = nullptr;
    FieldMessages *m_messages = nullptr;
    BannerWidget *m_banner = nullptr;
    BannerWidget *m_conflict = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_dirty = nullptr;
    QVBoxLayout *m_body = nullptr;
    QLineEdit *m_id = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    bool m_new = false;
    bool m_busy = false;
    bool m_idTouched = false;
    QVariantMap m_sending; // the values of the save in flight
    bool m_loaded = true;
};

} // namespace portico::ui
