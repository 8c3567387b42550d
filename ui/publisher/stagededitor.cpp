// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/stagededitor.h"

#include "ui/common/bannerwidget.h"
#include "ui/common/fieldbinding.h"
#include "ui/common/fieldmessages.h"
#include "ui/common/forbiddentext.h"
#include "ui/common/stageddocument.h"
#include "ui/common/undorouting.h"

#include <QAction>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QUndoStack>
#include <QVBoxLayout>

namespace portico::ui {

namespace {

const QString kName = u"name"_qs;
const QString kDisplayName = u"displayName"_qs;

void setLayoutEnabled(QLayout *layout, bool enabled)
{
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem *item = layout->itemAt(i);
        if (QWidget *widget = item->widget())
            widget->setEnabled(enabled);
        else if (QLayout *inner = item->layout())
            setLayoutEnabled(inner, enabled);
    }
}

} // namespace

StagedEditor::StagedEditor(const QString &prefix, QWidget *parent)
    : QWidget(parent)
    , m_prefix(prefix)
    , m_doc(new StagedDocument(this))
    , m_messages(new FieldMessages(this))
{
    setObjectName(prefix + u"Editor"_qs);

    m_title = new QLabel(this);
    m_title->setObjectName(prefix + u"TitleLabel"_qs);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_dirty = new QLabel(this);
    m_dirty->setObjectName(prefix + u"DirtyLabel"_qs);
    m_banner = new BannerWidget(this);
    m_banner->setObjectName(prefix + u"BannerWidget"_qs);
    m_conflict = new BannerWidget(this);
    m_conflict->setObjectName(prefix + u"ConflictBannerWidget"_qs);
    QPushButton *reload = m_conflict->addButton(tr("&Keep server version"), prefix + u"ReloadPushButton"_qs);
    QPushButton *overwrite = m_conflict->addButton(tr("Ove&rwrite"), prefix + u"OverwritePushButton"_qs);
    connect(reload, &QPushButton::clicked, this, [this] {
        setBusy(true);
        Q_EMIT reloadRequested();
    });
    connect(overwrite, &QPushButton::clicked, this, [this] {
        if (validate())
            send(m_doc->values(), true);
    });

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_dirty);
    m_body = new QVBoxLayout;
    auto *outer = new QVBoxLayout(this);
    outer->addLayout(header);
    outer->addWidget(m_banner);
    outer->addWidget(m_conflict);
    outer->addLayout(m_body, 1);

    connect(m_banner, &BannerWidget::retryRequested, this, [this] {
        if (!m_loaded)
            Q_EMIT loadRetryRequested();
        else if (m_save && m_save->isEnabled())
            save(); // after saveFailed(): the same edits again
    });
}

StagedEditor::~StagedEditor() = default;

void StagedEditor::finishLayout()
{
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(m_prefix + u"SavePushButton"_qs);
    m_revert = new QPushButton(tr("Rever&t"), this);
    m_revert->setObjectName(m_prefix + u"RevertPushButton"_qs);
    QAction *undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(m_prefix + u"UndoAction"_qs);
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QAction *redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(m_prefix + u"RedoAction"_qs);
    redo->setShortcut(QKeySequence::Redo);
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    addAction(redo);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    static_cast<QVBoxLayout *>(layout())->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &StagedEditor::save);
    connect(m_revert, &QPushButton::clicked, m_doc, &StagedDocument::revert);
    connect(m_doc, &StagedDocument::dirtyChanged, this, &StagedEditor::updateState);
}

QLineEdit *StagedEditor::addLineEdit(QWidget *parent, const QString &objectName, int maxLength)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setMaxLength(maxLength);
    undorouting::install(m_doc->undoStack(), edit);
    return edit;
}

QPlainTextEdit *StagedEditor::addDescriptionEdit(QWidget *parent, const QString &objectName,
                                                 int maxHeight)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setTabChangesFocus(true);
    edit->setMaximumHeight(maxHeight);
    undorouting::install(m_doc->undoStack(), edit);
    return edit;
}

void StagedEditor::addFieldRow(QFormLayout *form, const QString &label, QWidget *field,
                               const QStringList &targets, const QString &messageObjectName)
{
    QWidget *parent = field->parentWidget();
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(m_messages->addField(targets, messageObjectName, parent));
    // The label's buddy is the box: Alt+letter hands the focus through it to the field, or to
    // the first widget of a group that takes the focus (the schemes' check boxes), which is
    // focused, not toggled. With a focus proxy the box itself stays out of the tab order.
    QWidget *focusTarget = field;
    if (field->focusPolicy() == Qt::NoFocus) {
        for (QWidget *child : field->findChildren<QWidget *>()) {
            if (child->focusPolicy() & Qt::TabFocus) {
                focusTarget = child;
                break;
            }
        }
    }
    box->setFocusPolicy(focusTarget->focusPolicy());
    box->setFocusProxy(focusTarget);
    form->addRow(label, box);
}

void StagedEditor::bindNameAndId(QLineEdit *displayName, QLineEdit *id)
{
    m_id = id;
    fieldbinding::bind(m_doc, kDisplayName, displayName);
    fieldbinding::bind(m_doc, kName, id);
    connect(id, &QLineEdit::textEdited, this, [this] { m_idTouched = true; });
    connect(displayName, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_new && !m_idTouched)
            m_doc->setValue(kName, editorfields::idFromDisplayName(text));
    });
}

QVariantMap StagedEditor::values() const
{
    return m_doc->values();
}

void StagedEditor::loadFields(const QVariantMap &fields, bool isNew)
{
    m_new = isNew;
    m_loaded = true;
    setBodyEnabled(true);
    if (isNew)
        m_idTouched = false;
    m_title->setText(titleFor(fields));
    m_id->setReadOnly(!isNew);
    m_messages->clear();
    m_banner->clear();
    m_conflict->clear();
    m_busy = false;
    m_doc->load(fields);
    syncFromDocument();
    updateState();
}

bool StagedEditor::validateNameAndId(const QVariantMap &values)
{
    bool ok = true;
    if (values.value(kDisplayName).toString().trimmed().isEmpty()) {
        m_messages->setMessage(kDisplayName, tr("Enter a display name."));
        ok = false;
    }
    static const QRegularExpression forbidden(uR"([*#&+:<>?/%\s])"_qs);
    const QString id = values.value(kName).toString();
    if (m_new && (id.isEmpty() || id.contains(forbidden))) {
        m_messages->setMessage(kName, tr("Enter an id without spaces or any of * # & + : < > ? / %"));
        ok = false;
    }
    return ok;
}

void StagedEditor::loadFailed(const core::Error &error, const QString &id)
{
    m_busy = false;
    m_new = false;
    m_loaded = false;
    const LoadFailureTexts texts = loadFailureTexts();
    m_title->setText(texts.title);
    m_id->setReadOnly(true);
    m_messages->clear();
    m_conflict->clear();
    // Nothing of what was shown before (a new item's defaults) stays: empty values of the same
    // kinds, so the bindings and tables stay valid.
    QVariantMap empty;
    const QVariantMap current = m_doc->values();
    for (auto it = current.cbegin(); it != current.cend(); ++it)
        empty.insert(it.key(), QVariant(it.value().metaType()));
    m_doc->load(empty);
    syncFromDocument();
    setBodyEnabled(false);
    QStringList lines { error.message };
    for (const core::ErrorDetail &detail : error.details)
        lines.append(detail.message);
    m_banner->showMessage(BannerWidget::Kind::Error,
                          error.kind == core::Error::Kind::Forbidden
                              ? ForbiddenText::withAdvice(texts.forbidden.arg(id, lines.join(u'\n')))
                              : texts.message.arg(lines.join(u'\n')),
                          true);
    updateState();
}

void StagedEditor::setBodyEnabled(bool enabled)
{
    setLayoutEnabled(m_body, enabled);
}

void StagedEditor::save()
{
    if (m_busy || !m_loaded)
        return;
    m_banner->clear();
    if (!validate())
        return;
    send(m_doc->values(), false);
}

void StagedEditor::send(const QVariantMap &values, bool overwrite)
{
    m_banner->clear();
    m_conflict->clear();
    setBusy(true);
    m_sending = values;
    if (overwrite)
        Q_EMIT overwriteRequested(values);
    else
        Q_EMIT saveRequested(values, m_new);
}

void StagedEditor::saveSucceeded(const QVariantMap &saved)
{
    setBusy(false);
    m_messages->clear();
    m_banner->clear();
    m_conflict->clear();
    m_new = false;
    m_id->setReadOnly(true);
    m_title->setText(titleFor(saved));
    // The server answers in its own form (rows with every key, defaults filled in). Fields the
    // user left alone while the save ran take that form; edits made meanwhile stay modified.
    for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
        if (m_doc->value(it.key()) == m_sending.value(it.key()))
            m_doc->applyValue(it.key(), it.value());
    }
    m_doc->markSaved(saved);
    syncFromDocument();
    updateState();
}

void StagedEditor::savePartlySucceeded(const QVariantMap &saved, const QStringList &unsaved,
                                       const QString &problem)
{
    QVariantMap kept;
    for (const QString &field : unsaved)
        kept.insert(field, m_doc->value(field));
    saveSucceeded(saved);
    for (auto it = kept.cbegin(); it != kept.cend(); ++it)
        m_doc->applyValue(it.key(), it.value());
    syncFromDocument();
    updateState();
    m_banner->showMessage(BannerWidget::Kind::Error, problem, true);
}

void StagedEditor::saveFailed(const core::Error &error)
{
    setBusy(false);
    m_messages->clear();
    const QStringList unclaimed = m_messages->showServerError(error);
    m_banner->showMessage(BannerWidget::Kind::Error,
                          editorfields::describeSaveFailure(error, unclaimed, saveFailureTexts(),
                                                            m_sending.value(kName, m_doc->value(kName)).toString(),
                                                            m_new),
                          true);
    updateState();
}

void StagedEditor::idAlreadyExists()
{
    setBusy(false);
    m_messages->clear();
    const editorfields::SaveFailureTexts texts = saveFailureTexts();
    m_messages->setMessage(kName, texts.idTaken.arg(m_sending.value(kName).toString()));
    m_banner->showMessage(BannerWidget::Kind::Error, texts.seeFields);
    updateState();
}

void StagedEditor::saveConflicted()
{
    setBusy(false);
    m_messages->clear();
    m_conflict->showMessage(BannerWidget::Kind::Warning, saveFailureTexts().changedOnServer);
    updateState();
}

void StagedEditor::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void StagedEditor::updateState()
{
    const bool dirty = m_doc->isDirty();
    m_dirty->setText(dirty ? tr("Modified") : QString());
    m_save->setEnabled((dirty || m_new) && !m_busy && m_loaded);
    m_revert->setEnabled(dirty && !m_busy && m_loaded);
}

} // namespace portico::ui
