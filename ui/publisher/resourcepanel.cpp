// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/resourcepanel.h"

#include "ui/common/bannerwidget.h"
#include "ui/common/decisions.h"
#include "ui/common/fieldbinding.h"
#include "ui/common/fieldmessages.h"
#include "ui/common/forbiddentext.h"
#include "ui/common/maskedkeyfield.h"
#include "ui/common/stageddocument.h"
#include "ui/common/undorouting.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace portico::ui {

namespace {

QString displayValue(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QCoreApplication::translate("portico::ui::ResourcePanel", "Yes")
                              : QCoreApplication::translate("portico::ui::ResourcePanel", "No");
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(u", "_qs);
    return value.toString();
}

} // namespace

ResourcePanel::ResourcePanel(const QString &prefix, const QString &title, QList<FieldSpec> fields,
                             QStringList columns, QWidget *parent)
    : QWidget(parent)
    , m_prefix(prefix)
    , m_title(title)
    , m_fields(std::move(fields))
    , m_columns(std::move(columns))
    , m_doc(new StagedDocument(this))
    , m_messages(new FieldMessages(this))
{
    setObjectName(prefix + u"Panel"_qs);

    m_model = new QStandardItemModel(this);
    QStringList headers;
    for (const QString &column : std::as_const(m_columns)) {
        for (const FieldSpec &spec : std::as_const(m_fields)) {
            if (spec.key == column)
                headers << QString(spec.label).remove(u'&').remove(u':');
        }
    }
    m_model->setHorizontalHeaderLabels(headers);
    m_table = new QTableView(this);
    m_table->setObjectName(prefix + u"TableView"_qs);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setTabKeyNavigation(false);

    m_newButton = new QPushButton(tr("&New"), this);
    m_newButton->setObjectName(prefix + u"NewPushButton"_qs);
    m_delete = new QPushButton(tr("De&lete"), this);
    m_delete->setObjectName(prefix + u"DeletePushButton"_qs);
    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setObjectName(prefix + u"RefreshPushButton"_qs);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(title, left);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    leftLayout->addWidget(heading);
    leftLayout->addWidget(m_table, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_newButton);
    listButtons->addWidget(m_delete);
    listButtons->addStretch(1);
    listButtons->addWidget(m_refresh);
    leftLayout->addLayout(listButtons);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *formHeader = new QHBoxLayout;
    m_formTitle = new QLabel(right);
    m_formTitle->setObjectName(prefix + u"FormTitleLabel"_qs);
    m_formTitle->setFont(bold);
    m_dirty = new QLabel(right);
    m_dirty->setObjectName(prefix + u"DirtyLabel"_qs);
    formHeader->addWidget(m_formTitle, 1);
    formHeader->addWidget(m_dirty);
    rightLayout->addLayout(formHeader);
    m_banner = new BannerWidget(right);
    m_banner->setObjectName(prefix + u"BannerWidget"_qs);
    // &Refresh has R: Retry takes the letter that "Delete an&yway" has in the conflict banner,
    // which the error banner never shows with.
    m_banner->setRetryText(tr("Retr&y"));
    rightLayout->addWidget(m_banner);
    m_conflict = new BannerWidget(right);
    m_conflict->setObjectName(prefix + u"ConflictBannerWidget"_qs);
    // No letter of "Reload" is free on every page (&Refresh, De&lete, &Owner, St&ate,
    // &Display name...): the choice is named for what it keeps, as in the editors.
    QPushButton *reload = m_conflict->addButton(tr("&Keep server version"), prefix + u"ReloadPushButton"_qs);
    m_overwrite = m_conflict->addButton(tr("Over&write"), prefix + u"OverwritePushButton"_qs);
    m_deleteAnyway = m_conflict->addButton(tr("Delete an&yway"), prefix + u"DeleteAnywayPushButton"_qs);
    rightLayout->addWidget(m_conflict);
    buildForm(rightLayout);
    m_extraLayout = new QVBoxLayout;
    rightLayout->addLayout(m_extraLayout);
    rightLayout->addStretch(1);
    m_save = new QPushButton(tr("&Save"), right);
    m_save->setObjectName(prefix + u"SavePushButton"_qs);
    m_revert = new QPushButton(tr("Rever&t"), right);
    m_revert->setObjectName(prefix + u"RevertPushButton"_qs);
    auto *formButtons = new QHBoxLayout;
    formButtons->addStretch(1);
    formButtons->addWidget(m_revert);
    formButtons->addWidget(m_save);
    rightLayout->addLayout(formButtons);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(prefix + u"Splitter"_qs);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    QAction *undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QAction *redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    addAction(redo);

    connect(m_newButton, &QPushButton::clicked, this, [this] { showRecord({}); });
    connect(m_delete, &QPushButton::clicked, this, &ResourcePanel::confirmDelete);
    connect(m_refresh, &QPushButton::clicked, this, &ResourcePanel::refreshRequested);
    connect(m_banner, &BannerWidget::retryRequested, this, [this] {
        if (const std::function<void()> retry = m_retry)
            retry();
    });
    connect(m_save, &QPushButton::clicked, this, &ResourcePanel::save);
    connect(reload, &QPushButton::clicked, this, [this] {
        m_reloading = true;
        setBusy(true);
        Q_EMIT reloadRequested();
    });
    connect(m_deleteAnyway, &QPushButton::clicked, this, [this] {
        if (m_busy || m_conflictName.isEmpty())
            return;
        m_banner->clear();
        Q_EMIT deleteAnywayRequested(m_conflictName);
    });
    connect(m_overwrite, &QPushButton::clicked, this, [this] {
        if (m_busy || !validate())
            return;
        m_banner->clear();
        setBusy(true);
        Q_EMIT overwriteRequested(m_doc->values());
    });
    connect(m_revert, &QPushButton::clicked, m_doc, &StagedDocument::revert);
    connect(m_doc, &StagedDocument::dirtyChanged, this, &ResourcePanel::updateState);
    connect(m_doc, &StagedDocument::valueChanged, this, [this](const QString &field) {
        m_messages->setMessage(field, {});
        syncMultiChoice(field);
    });
    // A row the user selects (click, arrow keys) is shown in the form; the focus alone (Qt makes
    // the first row current, unselected, when the table gets it) changes nothing.
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        const QString name = m_model->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
        if (name == currentName() && !m_new)
            return;
        // While a save runs the form is disabled and stays on the item being saved.
        if (m_busy) {
            showFormRow();
            return;
        }
        showRecord(name);
    });
    startNew();
}

ResourcePanel::~ResourcePanel() = default;

void ResourcePanel::buildForm(QVBoxLayout *outer)
{
    m_form = new QWidget(this);
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    for (const FieldSpec &spec : std::as_const(m_fields)) {
        QWidget *editor = nullptr;
        switch (spec.kind) {
        case FieldSpec::Kind::Text: {
            auto *edit = new QLineEdit(m_form);
            if (spec.maxLength > 0)
                edit->setMaxLength(spec.maxLength);
            fieldbinding::bind(m_doc, spec.key, edit);
            undorouting::install(m_doc->undoStack(), edit);
            editor = edit;
            break;
        }
        case FieldSpec::Kind::Secret: {
            auto *field = new MaskedKeyField(spec.objectName.chopped(8), m_form);
            field->setEditable(true);
            QLineEdit *edit = field->lineEdit();
            if (spec.maxLength > 0)
                edit->setMaxLength(spec.maxLength);
            fieldbinding::bind(m_doc, spec.key, edit);
            editor = field;
            m_editors.insert(spec.key, edit);
            break;
        }
        case FieldSpec::Kind::MultiLineText: {
            auto *edit = new QPlainTextEdit(m_form);
            edit->setTabChangesFocus(true);
            edit->setMaximumHeight(80);
            fieldbinding::bind(m_doc, spec.key, edit);
            undorouting::install(m_doc->undoStack(), edit);
            editor = edit;
            break;
        }
        case FieldSpec::Kind::Bool: {
            auto *box = new QCheckBox(spec.label, m_form);
            fieldbinding::bind(m_doc, spec.key, box);
            editor = box;
            break;
        }
        case FieldSpec::Kind::Int: {
            // A count that may have no limit: "Unlimited" is its own step below 0 (-1 in the
            // record, no value on the wire), so that it never looks like a limit of 0.
            auto *spin = new QSpinBox(m_form);
            spin->setRange(-1, 1'000'000);
            spin->setSpecialValueText(tr("Unlimited"));
            spin->setToolTip(tr("“Unlimited” means no limit; 0 is a limit of zero."));
            fieldbinding::bind(m_doc, spec.key, spin);
            editor = spin;
            break;
        }
        case FieldSpec::Kind::Choice: {
            auto *combo = new QComboBox(m_form);
            for (const auto &[value, label] : spec.choices)
                combo->addItem(label, value);
            fieldbinding::bind(m_doc, spec.key, combo);
            editor = combo;
            break;
        }
        case FieldSpec::Kind::MultiChoice: {
            auto *list = new QListWidget(m_form);
            list->setMaximumHeight(100);
            for (const auto &[value, label] : spec.choices) {
                auto *item = new QListWidgetItem(label, list);
                item->setData(Qt::UserRole, value);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Unchecked);
            }
            connect(list, &QListWidget::itemChanged, this, [this, list, key = spec.key] {
                QStringList values;
                for (int i = 0; i < list->count(); ++i) {
                    if (list->item(i)->checkState() == Qt::Checked)
                        values << list->item(i)->data(Qt::UserRole).toString();
                }
                m_doc->setValue(key, values);
            });
            editor = list;
            break;
        }
        }
        editor->setObjectName(spec.objectName);
        if (!m_editors.contains(spec.key))
            m_editors.insert(spec.key, editor);
        QLabel *message = m_messages->addField(QStringList { spec.key } + spec.targets,
                                               spec.key + u"MessageLabel"_qs, m_form);
        message->setObjectName(m_prefix + u"_"_qs + spec.key + u"MessageLabel"_qs);
        auto *box = new QWidget(m_form);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        boxLayout->setSpacing(2);
        boxLayout->addWidget(editor);
        auto *note = new QLabel(box);
        note->setObjectName(m_prefix + u"_"_qs + spec.key + u"NoteLabel"_qs);
        note->setWordWrap(true);
        note->hide();
        m_notes.insert(spec.key, note);
        boxLayout->addWidget(note);
        boxLayout->addWidget(message);
        // The label's accelerator (Alt+letter) goes to the field itself: the box around it and
        // its message takes no focus.
        QWidget *focusTarget = m_editors.value(spec.key);
        if (spec.kind == FieldSpec::Kind::Bool) {
            form->addRow(QString(), box); // the check box says what it is
        } else {
            auto *label = new QLabel(spec.label, m_form);
            label->setBuddy(focusTarget);
            form->addRow(label, box);
        }
    }
    outer->addWidget(m_form);
}

void ResourcePanel::setRecords(const QVariantList &records)
{
    m_records = records;
    const QString current = currentName();
    m_model->removeRows(0, m_model->rowCount());
    for (const QVariant &record : records)
        m_model->appendRow(rowFor(record.toMap()));
    // The list arrived: that ends a "could not load" error, not a save's problem said meanwhile.
    if (m_banner->text() == std::exchange(m_loadError, QString()))
        m_banner->clear();
    const bool listed = std::any_of(records.cbegin(), records.cend(), [&current](const QVariant &r) {
        return r.toMap().value(u"name"_qs).toString() == current;
    });
    if (m_reloading) {
        // The server's version replaces the user's edits (gone from the server: a new item).
        m_reloading = false;
        setBusy(false);
        if (listed)
            selectRecord(current);
        else
            startNew();
        return;
    }
    if (current.isEmpty() || m_new) {
        showFormRow();
        return;
    }
    if (m_doc->isDirty())
        showFormRow(); // the user's edits stay
    else if (listed)
        selectRecord(current);
    else
        startNew(); // deleted (here or elsewhere): nothing of it stays on show
}

QString ResourcePanel::cellText(const QString &column, const QVariant &value) const
{
    for (const FieldSpec &spec : m_fields) {
        if (spec.key != column || spec.kind != FieldSpec::Kind::Choice)
            continue;
        for (const auto &[choice, label] : spec.choices) {
            if (choice == value.toString())
                return label;
        }
    }
    return displayValue(value); // not (yet) among the choices: as the server has it
}

QList<QStandardItem *> ResourcePanel::rowFor(const QVariantMap &record) const
{
    QList<QStandardItem *> row;
    for (const QString &column : std::as_const(m_columns)) {
        auto *item = new QStandardItem(cellText(column, record.value(column)));
        item->setData(record.value(u"name"_qs), Qt::UserRole);
        row << item;
    }
    return row;
}

void ResourcePanel::upsertRecord(const QVariantMap &record)
{
    const QString name = record.value(u"name"_qs).toString();
    qsizetype row = 0;
    while (row < m_records.size() && m_records.at(row).toMap().value(u"name"_qs).toString() != name)
        ++row;
    if (row < m_records.size()) {
        m_records[row] = record;
        m_model->removeRow(int(row));
        m_model->insertRow(int(row), rowFor(record));
    } else {
        m_records.append(record);
        m_model->appendRow(rowFor(record));
    }
    const QSignalBlocker blocker(m_table->selectionModel());
    m_table->selectRow(int(row));
}

void ResourcePanel::setChoices(const QString &key, const QList<QPair<QString, QString>> &choices)
{
    for (FieldSpec &spec : m_fields) {
        if (spec.key != key)
            continue;
        spec.choices = choices;
        if (const int column = int(m_columns.indexOf(key)); column >= 0) {
            for (int row = 0; row < m_model->rowCount() && row < m_records.size(); ++row)
                m_model->item(row, column)->setText(cellText(key, m_records.at(row).toMap().value(key)));
        }
        QWidget *editor = m_editors.value(key);
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            const QSignalBlocker blocker(combo);
            combo->clear();
            for (const auto &[value, label] : choices)
                combo->addItem(label, value);
            fieldbinding::selectComboValue(combo, m_doc->value(key));
        } else if (auto *list = qobject_cast<QListWidget *>(editor)) {
            const QSignalBlocker blocker(list);
            list->clear();
            for (const auto &[value, label] : choices) {
                auto *item = new QListWidgetItem(label, list);
                item->setData(Qt::UserRole, value);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Unchecked);
            }
            syncMultiChoice(key);
        }
    }
}

void ResourcePanel::offerChoices(const QString &key, const QList<QPair<QString, QString>> &choices)
{
    auto *combo = qobject_cast<QComboBox *>(m_editors.value(key));
    if (!combo)
        return;
    const QSignalBlocker blocker(combo);
    combo->clear();
    for (const auto &[value, label] : choices)
        combo->addItem(label, value);
    fieldbinding::selectComboValue(combo, m_doc->value(key));
}

void ResourcePanel::setFieldNote(const QString &key, const QString &text)
{
    if (QLabel *note = m_notes.value(key)) {
        note->setText(text);
        note->setVisible(!text.isEmpty());
    }
}

void ResourcePanel::addExtraWidget(QWidget *widget)
{
    m_extraLayout->addWidget(widget);
}

void ResourcePanel::setLoadError(const QString &text)
{
    m_reloading = false; // a Reload that could not read the list: the form stays as it was
    setBusy(false);
    showError(text, [this] { Q_EMIT refreshRequested(); });
    m_loadError = m_banner->text();
}

void ResourcePanel::showError(const QString &text, std::function<void()> retry)
{
    m_retry = std::move(retry);
    m_banner->showMessage(BannerWidget::Kind::Error, text, bool(m_retry));
}

void ResourcePanel::selectRecord(const QString &name)
{
    for (int row = 0; row < m_records.size(); ++row) {
        const QVariantMap record = m_records.at(row).toMap();
        if (record.value(u"name"_qs).toString() != name)
            continue;
        load(record, false);
        const QSignalBlocker blocker(m_table->selectionModel());
        m_table->selectRow(row);
        return;
    }
}

void ResourcePanel::startNew()
{
    QVariantMap record;
    for (const FieldSpec &spec : std::as_const(m_fields)) {
        if (spec.defaultValue.isValid())
            record.insert(spec.key, spec.defaultValue);
        else if (spec.kind == FieldSpec::Kind::Bool)
            record.insert(spec.key, false);
        else if (spec.kind == FieldSpec::Kind::MultiChoice)
            record.insert(spec.key, QStringList());
        else if (spec.kind == FieldSpec::Kind::Choice && !spec.choices.isEmpty())
            record.insert(spec.key, spec.choices.first().first);
        else if (spec.kind == FieldSpec::Kind::Int)
            record.insert(spec.key, -1); // "Unlimited"
        else
            record.insert(spec.key, QString());
    }
    load(record, true);
    showFormRow();
}

void ResourcePanel::showRecord(const QString &name)
{
    auto replace = [this, name] {
        if (name.isEmpty())
            startNew();
        else
            selectRecord(name);
    };
    if (!m_doc->isDirty()) {
        replace();
        return;
    }
    showFormRow(); // the list stays on what the form shows until the user decides
    if (!m_new && name == currentName())
        return; // on show already, with the user's edits
    if (m_asking)
        return;
    m_asking = true;
    const QString text = m_new ? tr("The new item is not saved. Discard it?")
                               : tr("Your changes to “%1” are not saved. Discard them?").arg(currentName());
    decisions::confirm(this, tr("Unsaved changes"), text, tr("&Discard changes"),
                       [this, replace](bool discard) {
                           m_asking = false;
                           if (discard && !m_busy)
                               replace();
                       });
}

void ResourcePanel::showFormRow()
{
    QItemSelectionModel *selection = m_table->selectionModel();
    const QSignalBlocker blocker(selection);
    const QString name = currentName();
    int row = -1;
    for (int i = 0; !name.isEmpty() && i < m_model->rowCount(); ++i) {
        if (m_model->item(i, 0)->data(Qt::UserRole).toString() == name)
            row = i;
    }
    if (row < 0)
        selection->clear(); // a new item: no row, and none current
    else
        selection->setCurrentIndex(m_model->index(row, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->viewport()->update();
}

QString ResourcePanel::currentName() const
{
    return m_new ? QString() : m_doc->savedValues().value(u"name"_qs).toString();
}

void ResourcePanel::load(const QVariantMap &record, bool isNew)
{
    m_new = isNew;
    m_messages->clear();
    m_banner->clear();
    m_conflict->clear();
    m_doc->load(record);
    for (const FieldSpec &spec : std::as_const(m_fields)) {
        QWidget *editor = m_editors.value(spec.key);
        if (auto *edit = qobject_cast<QLineEdit *>(editor))
            edit->setReadOnly(spec.createOnly && !isNew);
        if (spec.kind == FieldSpec::Kind::MultiChoice)
            syncMultiChoice(spec.key);
    }
    m_formTitle->setText(isNew ? tr("New item") : record.value(u"displayName"_qs).toString().isEmpty()
                                                      ? record.value(u"name"_qs).toString()
                                                      : record.value(u"displayName"_qs).toString());
    updateState();
    Q_EMIT currentChanged(isNew ? QString() : record.value(u"name"_qs).toString());
}

void ResourcePanel::syncMultiChoice(const QString &key)
{
    auto *list = qobject_cast<QListWidget *>(m_editors.value(key));
    if (!list)
        return;
    const QStringList values = m_doc->value(key).toStringList();
    const QSignalBlocker blocker(list);
    for (int i = 0; i < list->count(); ++i) {
        list->item(i)->setCheckState(values.contains(list->item(i)->data(Qt::UserRole).toString())
                                         ? Qt::Checked
                                         : Qt::Unchecked);
    }
}

bool ResourcePanel::validate()
{
    m_messages->clear();
    bool ok = true;
    for (const FieldSpec &spec : std::as_const(m_fields)) {
        if (!spec.required || (spec.createOnly && !m_new))
            continue;
        const QVariant value = m_doc->value(spec.key);
        if (value.toString().trimmed().isEmpty() && value.typeId() != QMetaType::Bool
            && value.typeId() != QMetaType::Int) {
            m_messages->setMessage(spec.key, tr("This field is required."));
            ok = false;
            continue;
        }
        if (!spec.createOnly || !m_new)
            continue;
        const QString text = value.toString();
        if (spec.idMaxLength > 0 && text.size() > spec.idMaxLength) {
            m_messages->setMessage(spec.key, tr("The id can be at most %n character(s) long.", nullptr,
                                                spec.idMaxLength));
            ok = false;
            continue;
        }
        for (const QChar c : spec.idForbidden) {
            if (!text.contains(c))
                continue;
            QStringList all;
            for (const QChar each : spec.idForbidden)
                all << QString(each);
            m_messages->setMessage(spec.key, tr("The id cannot contain “%1”. Not allowed: %2")
                                                 .arg(QString(c), all.join(u' ')));
            ok = false;
            break;
        }
    }
    return ok;
}

void ResourcePanel::save()
{
    if (m_busy)
        return;
    m_banner->clear();
    m_conflict->clear();
    if (!validate())
        return;
    const QVariantMap values = m_doc->values();
    const bool isNew = m_new;
    setBusy(true);
    Q_EMIT saveRequested(values, isNew);
}

void ResourcePanel::confirmDelete()
{
    const QString name = currentName();
    if (name.isEmpty())
        return;
    decisions::confirm(this, tr("Delete"), tr("Delete “%1”? This cannot be undone.").arg(name),
                       tr("&Delete"), [this, name](bool accepted) {
                           if (!accepted)
                               return;
                           m_conflict->clear();
                           Q_EMIT deleteRequested(name);
                       });
}

void ResourcePanel::saveSucceeded(const QVariantMap &saved)
{
    setBusy(false);
    m_messages->clear();
    m_banner->clear();
    m_conflict->clear();
    const bool wasNew = m_new;
    m_new = false;
    m_doc->markSaved(saved);
    if (wasNew)
        load(saved, false);
    updateState();
}

void ResourcePanel::savePartlySucceeded(const QVariantMap &saved, const QStringList &unsaved,
                                        const QString &problem)
{
    QVariantMap kept;
    for (const QString &field : unsaved)
        kept.insert(field, m_doc->value(field));
    setBusy(false);
    upsertRecord(saved);
    if (m_new)
        load(saved, false); // created: from now on it is saved over, never created again
    else
        m_doc->markSaved(saved);
    for (auto it = kept.cbegin(); it != kept.cend(); ++it)
        m_doc->applyValue(it.key(), it.value());
    m_messages->clear();
    m_conflict->clear();
    showError(problem, [this] { save(); });
    updateState();
}

void ResourcePanel::saveFailed(const core::Error &error)
{
    setBusy(false);
    m_messages->clear();
    const QStringList unclaimed = m_messages->showServerError(error);
    QString text;
    const QString name = m_doc->value(u"name"_qs).toString();
    if (error.kind == core::Error::Kind::Network || error.kind == core::Error::Kind::Timeout)
        text = tr("Not saved: the server could not be reached (%1). Your changes are kept.")
                   .arg(error.message);
    else if (error.kind == core::Error::Kind::Forbidden && m_new)
        text = ForbiddenText::withAdvice(
            tr("“%1” was not created: the signed-in account does not have permission to create "
               "it in this service (%2).")
                .arg(name, error.message));
    else if (error.kind == core::Error::Kind::Forbidden)
        text = ForbiddenText::withAdvice(
            tr("“%1” was not saved: the signed-in account does not have permission to change "
               "it (%2).")
                .arg(name, error.message));
    else
        text = unclaimed.isEmpty() ? tr("Not saved; see the marked fields.")
                                   : tr("Not saved: %1").arg(unclaimed.join(u'\n'));
    m_banner->showMessage(BannerWidget::Kind::Error, text);
    updateState();
}

void ResourcePanel::saveConflicted()
{
    m_messages->clear();
    showConflict(Conflict::Save,
                 tr("“%1” was changed on the server since you opened it, so your changes were not "
                    "saved; they are still here. Keep server version drops your changes and shows "
                    "the server's version; Overwrite saves yours over it.")
                     .arg(currentName()));
}

void ResourcePanel::deleteConflicted(const QString &name)
{
    m_conflictName = name;
    showConflict(Conflict::Delete,
                 tr("“%1” was changed on the server since you opened it, so it was not deleted. "
                    "Keep server version shows it as it is now; Delete anyway deletes it as it is "
                    "now.")
                     .arg(name));
}

void ResourcePanel::showConflict(Conflict conflict, const QString &text)
{
    setBusy(false);
    if (conflict == Conflict::Save)
        m_conflictName.clear();
    m_overwrite->setVisible(conflict == Conflict::Save);
    m_deleteAnyway->setVisible(conflict == Conflict::Delete);
    m_banner->clear();
    m_conflict->showMessage(BannerWidget::Kind::Warning, text);
    updateState();
}

void ResourcePanel::idTaken(const QString &name)
{
    setBusy(false);
    m_messages->clear();
    m_messages->setMessage(u"name"_qs, tr("“%1” is taken: another item already has this id. Choose another id.").arg(name));
    m_banner->showMessage(BannerWidget::Kind::Error, tr("Not created; see the marked fields."));
    updateState();
}

void ResourcePanel::deleteSucceeded(const QString &name)
{
    // First, so that the row's removal makes no other row current (and shown).
    if (!m_new && currentName() == name)
        startNew();
    for (int row = int(m_records.size()) - 1; row >= 0; --row) {
        if (m_records.at(row).toMap().value(u"name"_qs).toString() != name)
            continue;
        m_records.removeAt(row);
        m_model->removeRow(row);
    }
}

void ResourcePanel::deleteFailed(const core::Error &error, const QString &name)
{
    setBusy(false);
    QString text;
    if (error.kind == core::Error::Kind::Network || error.kind == core::Error::Kind::Timeout)
        text = tr("Not deleted: the server could not be reached (%1).").arg(error.message);
    else if (error.kind == core::Error::Kind::Forbidden)
        text = ForbiddenText::withAdvice(
            tr("“%1” was not deleted: the signed-in account does not have permission to delete "
               "it (%2).")
                .arg(name.isEmpty() ? currentName() : name, error.message));
    else
        text = tr("Not deleted: %1").arg(error.message);
    m_banner->showMessage(BannerWidget::Kind::Error, text);
    updateState();
}

void ResourcePanel::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void ResourcePanel::updateState()
{
    const bool dirty = m_doc->isDirty();
    m_dirty->setText(dirty ? tr("Modified") : QString());
    m_save->setEnabled((dirty || m_new) && !m_busy);
    m_revert->setEnabled(dirty && !m_busy);
    m_delete->setEnabled(!m_new && !m_busy);
}

} // namespace portico::ui
