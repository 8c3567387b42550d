// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QList>
#include <QPair>
#include <QVariantMap>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QStandardItem;
class QStandardItemModel;
class QTableView;
class QVBoxLayout;

namespace portico::ui {

class BannerWidget;
class FieldMessages;
class StagedDocument;

// A list of one kind of service resource (products, users, groups, named values, backends,
// subscriptions) with a form editor for the selected or new item. The fields are described by
// FieldSpecs; edits are staged with undo, Save/Revert and a dirty marker, and the owner does
// the server work through the signals, reporting back with saveSucceeded()/saveFailed()/
// idTaken()/saveConflicted() and deleteFailed()/deleteConflicted().
// Records are QVariantMaps keyed like the FieldSpecs, with "name" as the resource id.
class ResourcePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResourcePanel)

public:
    struct FieldSpec
    {
        // Int is a count that may be unlimited: -1 (or no value) is "Unlimited", 0 is 0.
        enum class Kind { Text, MultiLineText, Bool, Int, Choice, MultiChoice, Secret };
        QString key;
        QString label;
        Kind kind = Kind::Text;
        QString objectName; // e.g. "productDisplayNameLineEdit"
        bool required = false;
        int maxLength = 0;
        bool createOnly = false; // editable only for a new item (ids)
        // An id's rules, checked at the field before anything is sent: at most idMaxLength
        // characters (0: no limit) and none of idForbidden. `targets` are the other names a
        // server error gives this field ("productId", "sid").
        int idMaxLength = 0;
        QString idForbidden;
        QStringList targets;
        QList<QPair<QString, QString>> choices; // {value, label}
        QVariant defaultValue;
    };

    // `prefix` names the children ("products" -> productsTableView, productsNewPushButton...);
    // `columns` are the FieldSpec keys shown in the table (a Choice as its choice's label).
    ResourcePanel(const QString &prefix, const QString &title, QList<FieldSpec> fields,
                  QStringList columns, QWidget *parent = nullptr);
    ~ResourcePanel() override;

    void setRecords(const QVariantList &records);
    QVariantList records() const { return m_records; }
    void setChoices(const QString &key, const QList<QPair<QString, QString>> &choices);
    // The choices a Choice field's editor offers for the item on show: some of setChoices()'
    // (by whose labels the list keeps showing every item). The next setChoices() offers all.
    void offerChoices(const QString &key, const QList<QPair<QString, QString>> &choices);
    // A note below a field (e.g. why a choice is not offered); hidden when `text` is empty.
    // Its objectName is prefix + "_" + key + "NoteLabel".
    void setFieldNote(const QString &key, const QString &text);
    // Below the form, e.g. the subscription keys box.
    void addExtraWidget(QWidget *widget);
    void setLoadError(const QString &text);
    // A problem with something besides the form (e.g. a subscription's keys), in the panel's
    // banner; with `retry`, the banner's Retry calls it.
    void showError(const QString &text, std::function<void()> retry = {});

    void selectRecord(const QString &name);
    // What the user asked to see: `name`'s record (a new item when empty) replaces the form at
    // once when the form has no unsaved edits, else only once the user agrees to discard them
    // (Cancel keeps the edits, and the list stays on the item they belong to).
    void showRecord(const QString &name);
    void startNew();
    bool isNew() const { return m_new; }
    QString currentName() const;
    StagedDocument *document() const { return m_doc; }
    FieldMessages *messages() const { return m_messages; }

    void saveSucceeded(const QVariantMap &saved);
    // The item itself was saved (or created) as `saved`, but the `unsaved` fields were not (a
    // link that failed): the item is listed and no longer new, those fields keep the user's
    // values and stay modified, and `problem` is shown with Retry (which saves again).
    void savePartlySucceeded(const QVariantMap &saved, const QStringList &unsaved,
                             const QString &problem);
    void saveFailed(const core::Error &error);
    // The item was changed on the server since the form was loaded, so nothing was saved: a
    // banner (prefix + "ConflictBannerWidget") offers Keep server version (prefix +
    // "ReloadPushButton", reloadRequested(): the owner reads
    // the list again, and the server's version replaces the user's edits) and Overwrite
    // (overwriteRequested(): the user's values over the server's); the form keeps the user's
    // text until they choose.
    void saveConflicted();
    // A new item was not created because its id is taken: said at the id field; the form keeps
    // what the user typed.
    void idTaken(const QString &name);
    // `name` was deleted: its row leaves the list, and a form that shows it becomes a new item
    // (as on Keep server version when it is gone), so nothing of it stays on show.
    void deleteSucceeded(const QString &name);
    // `name` is the item that was to be deleted (the current one when empty).
    void deleteFailed(const core::Error &error, const QString &name = {});
    // `name` was changed on the server since the form was loaded, so it was not deleted: the
    // conflict banner (as saveConflicted()'s) offers Keep server version (reloadRequested())
    // and Delete anyway (deleteAnywayRequested(name): delete whatever the server has now).
    void deleteConflicted(const QString &name);
    void setBusy(bool busy);
    // A save or delete of this form is under way.
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void saveRequested(const QVariantMap &values, bool isNew);
    void reloadRequested();
    void overwriteRequested(const QVariantMap &values);
    void deleteRequested(const QString &name);
    void deleteAnywayRequested(const QString &name);
    void refreshRequested();
    void currentChanged(const QString &name);

private:
    void buildForm(QVBoxLayout *layout);
    void load(const QVariantMap &record, bool isNew);
    // Selects (and makes current) the row of what the form shows; none for a new item.
    void showFormRow();
    // What the table shows for `value` in `column`: a choice's label, Yes/No, the text.
    QString cellText(const QString &column, const QVariant &value) const;
    QList<QStandardItem *> rowFor(const QVariantMap &record) const;
    // Lists `record` (replacing the one with its name) and selects it.
    void upsertRecord(const QVariantMap &record);
    bool validate();
    void save();
    void confirmDelete();
    // What the conflict banner is about: a save (Keep server version / Overwrite) or a delete of
    // m_conflictName (Keep server version / Delete anyway).
    enum class Conflict { Save, Delete };
    void showConflict(Conflict conflict, const QString &text);
    void syncMultiChoice(const QString &key);
    void updateState();

    QString m_prefix;
    QString m_title;
    QList<FieldSpec> m_fields;
    QStringList m_columns;
    QVariantList m_records;
    StagedDocument *m_doc = nullptr;
    FieldMessages *m_messages = nullptr;
    BannerWidget *m_banner = nullptr;
    BannerWidget *m_conflict = nullptr;
    QPushButton *m_overwrite = nullptr;     // on m_conflict, for a save
    QPushButton *m_deleteAnyway = nullptr;  // on m_conflict, for a delete
    QString m_conflictName;                 // what Delete anyway deletes
    QStandardItemModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_formTitle = nullptr;
    QLabel *m_dirty = nullptr;
    QWidget *m_form = nullptr;
    QVBoxLayout *m_extraLayout = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_notes;
    std::function<void()> m_retry; // what the banner's Retry does
    bool m_new = false;
    bool m_busy = false;
    bool m_asking = false; // whether to discard the form's edits
    bool m_reloading = false; // after Reload, until the list is read again
    QString m_loadError; // the banner's text when the list could not be read
};

} // namespace portico::ui
