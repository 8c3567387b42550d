// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/operationeditor.h"

#include "core/model/urltemplate.h"
#include "ui/common/bannerwidget.h"
#include "ui/common/fieldbinding.h"
#include "ui/common/fieldmessages.h"
#include "ui/common/recordtablemodel.h"
#include "ui/common/stageddocument.h"
#include "ui/common/undorouting.h"
#include "ui/publisher/editorfields.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace portico::ui {

namespace {

const QString kName = u"name"_qs;
const QString kMethod = u"method"_qs;
const QString kTemplate = u"urlTemplate"_qs;
const QString kDisplayName = u"displayName"_qs;
const QString kDescription = u"description"_qs;
const QString kTemplateParameters = u"templateParameters"_qs;
const QString kQueryParameters = u"queryParameters"_qs;
const QString kHeaders = u"headers"_qs;
const QString kRepresentations = u"representations"_qs;
const QString kResponses = u"responses"_qs;

QWidget *withMessage(QWidget *field, QLabel *message, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(message);
    return box;
}

QVariantMap newParameter(const QString &name)
{
    return { { u"name"_qs, name },
             { u"type"_qs, u"string"_qs },
             { u"required"_qs, true },
             { u"values"_qs, QStringList() },
             { u"description"_qs, QString() } };
}

// A row the editor added by itself and the user has not touched: safe to drop when unused.
bool isUntouchedAutoRow(const QVariantMap &row)
{
    return row.value(u"type"_qs).toString() == u"string" && row.value(u"description"_qs).toString().isEmpty()
        && row.value(u"values"_qs).toStringList().isEmpty() && row.value(u"required"_qs).toBool();
}

QStringList declaredNames(const QVariantList &rows)
{
    QStringList names;
    for (const QVariant &row : rows)
        names.append(row.toMap().value(u"name"_qs).toString());
    return names;
}

} // namespace

OperationEditor::OperationEditor(QWidget *parent)
    : QWidget(parent)
    , m_doc(new StagedDocument(this))
    , m_messages(new FieldMessages(this))
{
    setObjectName(u"operationEditor"_qs);
    m_title = new QLabel(this);
    m_title->setObjectName(u"operationTitleLabel"_qs);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_dirty = new QLabel(this);
    m_dirty->setObjectName(u"operationDirtyLabel"_qs);
    m_banner = new BannerWidget(this);
    m_banner->setObjectName(u"operationBannerWidget"_qs);

    auto *form = new QFormLayout;
    m_method = new QComboBox(this);
    m_method->setObjectName(u"methodComboBox"_qs);
    m_method->setEditable(true);
    m_method->addItems({ u"GET"_qs, u"POST"_qs, u"PUT"_qs, u"PATCH"_qs, u"DELETE"_qs, u"HEAD"_qs,
                         u"OPTIONS"_qs, u"TRACE"_qs });
    form->addRow(tr("&Verb:"),
                 withMessage(m_method,
                             m_messages->addField({ kMethod }, u"methodMessageLabel"_qs, this),
                             this));

    m_template = new QLineEdit(this);
    m_template->setObjectName(u"urlTemplateLineEdit"_qs);
    m_template->setMaxLength(1000);
    m_template->setPlaceholderText(u"/customers/{cid}/orders?date={date}"_qs);
    undorouting::install(m_doc->undoStack(), m_template);
    form->addRow(tr("&URL template:"),
                 withMessage(m_template,
                             m_messages->addField({ kTemplate }, u"urlTemplateMessageLabel"_qs,
                                                  this),
                             this));

    m_displayName = new QLineEdit(this);
    m_displayName->setObjectName(u"operationDisplayNameLineEdit"_qs);
    m_displayName->setMaxLength(300);
    undorouting::install(m_doc->undoStack(), m_displayName);
    form->addRow(tr("&Display name:"),
                 withMessage(m_displayName,
                             m_messages->addField({ kDisplayName },
                                                  u"operationDisplayNameMessageLabel"_qs, this),
                             this));
    m_id = new QLineEdit(this);
    m_id->setObjectName(u"operationIdLineEdit"_qs);
    m_id->setMaxLength(80);
    undorouting::install(m_doc->undoStack(), m_id);
    form->addRow(tr("Operation &id:"),
                 withMessage(m_id,
                             m_messages->addField({ kName }, u"operationIdMessageLabel"_qs, this),
                             this));
    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(u"operationDescriptionPlainTextEdit"_qs);
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(70);
    undorouting::install(m_doc->undoStack(), m_description);
    form->addRow(tr("D&escription:"),
                 withMessage(m_description,
                             m_messages->addField({ kDescription },
                                                  u"operationDescriptionMessageLabel"_qs, this),
                             this));

    using Col = RecordTableModel::Column;
    const QList<Col> parameterColumns {
        { u"name"_qs, tr("Name"), Col::Kind::Text, true },
        { u"type"_qs, tr("Type"), Col::Kind::Text, true },
        { u"required"_qs, tr("Required"), Col::Kind::Bool, true },
        { u"values"_qs, tr("Allowed values"), Col::Kind::List, true },
        { u"defaultValue"_qs, tr("Default"), Col::Kind::Text, true },
        { u"description"_qs, tr("Description"), Col::Kind::Text, true },
    };
    QList<Col> templateColumns = parameterColumns;
    templateColumns[0].editable = false; // names come from the template
    templateColumns.removeAt(4);
    m_templateParameters = new RecordTableModel(m_doc, kTemplateParameters, templateColumns, this);
    m_queryParameters = new RecordTableModel(m_doc, kQueryParameters, parameterColumns, this);
    m_headers = new RecordTableModel(m_doc, kHeaders, parameterColumns, this);
    m_representations = new RecordTableModel(
        m_doc, kRepresentations,
        { { u"contentType"_qs, tr("Content type"), Col::Kind::Text, true },
          { u"sample"_qs, tr("Sample"), Col::Kind::Text, true } },
        this);
    m_responses = new RecordTableModel(
        m_doc, kResponses,
        { { u"statusCode"_qs, tr("Status code"), Col::Kind::Int, true },
          { u"description"_qs, tr("Description"), Col::Kind::Text, true },
          { u"contentType"_qs, tr("Content type"), Col::Kind::Text, true },
          { u"sample"_qs, tr("Sample"), Col::Kind::Text, true } },
        this);

    m_autoDeclare = new QCheckBox(tr("Declare template parameters &automatically"), this);
    m_autoDeclare->setObjectName(u"autoDeclareCheckBox"_qs);
    m_autoDeclare->setChecked(true);
    m_declareMissing = new QPushButton(tr("Declare &missing parameters"), this);
    m_declareMissing->setObjectName(u"declareMissingPushButton"_qs);

    QWidget *templatePage = tablePage(m_templateParameters, u"templateParameters"_qs, false, {},
                                      &m_templateView);
    auto *templateButtons = templatePage->findChild<QHBoxLayout *>(u"templateParametersButtonsLayout"_qs);
    templateButtons->insertWidget(0, m_autoDeclare);
    templateButtons->insertWidget(1, m_declareMissing);

    const QVariantMap emptyParameter { { u"name"_qs, QString() },
                                       { u"type"_qs, u"string"_qs },
                                       { u"required"_qs, false } };
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"operationTabWidget"_qs);
    m_tabs->addTab(templatePage, tr("&Template parameters"));
    m_tabs->addTab(tablePage(m_queryParameters, u"queryParameters"_qs, true, emptyParameter, nullptr),
                   tr("&Query parameters"));
    m_tabs->addTab(tablePage(m_headers, u"headers"_qs, true, emptyParameter, nullptr),
                   tr("&Headers"));
    m_tabs->addTab(tablePage(m_representations, u"representations"_qs, true,
                             { { u"contentType"_qs, u"application/json"_qs } }, nullptr),
                   tr("Re&quest"));
    m_tabs->addTab(tablePage(m_responses, u"responses"_qs, true,
                             { { u"statusCode"_qs, 200 }, { u"description"_qs, u"OK"_qs } },
                             nullptr),
                   tr("Res&ponses"));

    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(u"operationSavePushButton"_qs);
    m_revert = new QPushButton(tr("Re&vert"), this);
    m_revert->setObjectName(u"operationRevertPushButton"_qs);
    QAction *undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(u"operationUndoAction"_qs);
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QAction *redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(u"operationRedoAction"_qs);
    redo->setShortcut(QKeySequence::Redo);
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    addAction(redo);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_dirty);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto *outer = new QVBoxLayout(this);
    outer->addLayout(header);
    outer->addWidget(m_banner);
    outer->addLayout(form);
    outer->addWidget(m_tabs, 1);
    outer->addLayout(buttons);

    fieldbinding::bind(m_doc, kMethod, m_method);
    fieldbinding::bind(m_doc, kTemplate, m_template);
    fieldbinding::bind(m_doc, kDisplayName, m_displayName);
    fieldbinding::bind(m_doc, kName, m_id);
    fieldbinding::bind(m_doc, kDescription, m_description);
    connect(m_template, &QLineEdit::textEdited, this, &OperationEditor::onTemplateEdited);
    connect(m_id, &QLineEdit::textEdited, this, [this] { m_idTouched = true; });
    connect(m_displayName, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_new && !m_idTouched)
            m_doc->setValue(kName, editorfields::idFromDisplayName(text));
    });
    connect(m_autoDeclare, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            declareMissing();
    });
    connect(m_declareMissing, &QPushButton::clicked, this, &OperationEditor::declareMissing);
    connect(m_doc, &StagedDocument::valueChanged, this, [this](const QString &field) {
        if (field == kTemplate || field == kTemplateParameters)
            refreshTemplateProblems();
        else
            m_messages->setMessage(field, {});
    });
    connect(m_doc, &StagedDocument::loaded, this, &OperationEditor::refreshTemplateProblems);
    connect(m_save, &QPushButton::clicked, this, &OperationEditor::save);
    connect(m_revert, &QPushButton::clicked, m_doc, &StagedDocument::revert);
    connect(m_doc, &StagedDocument::dirtyChanged, this, &OperationEditor::updateState);
    loadNew();
}

OperationEditor::~OperationEditor() = default;

QWidget *OperationEditor::tablePage(RecordTableModel *model, const QString &prefix, bool canAdd,
                                    const QVariantMap &newRecord, QTableView **viewOut)
{
    auto *page = new QWidget(this);
    auto *view = new QTableView(page);
    view->setObjectName(prefix + u"TableView"_qs);
    view->setModel(model);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->hide();
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setTabKeyNavigation(false);
    auto *buttons = new QHBoxLayout;
    buttons->setObjectName(prefix + u"ButtonsLayout"_qs);
    buttons->addStretch(1);
    if (canAdd) {
        auto *add = new QPushButton(tr("Add"), page);
        add->setObjectName(prefix + u"AddPushButton"_qs);
        connect(add, &QPushButton::clicked, this, [model, view, newRecord] {
            model->appendRecord(newRecord);
            const QModelIndex index = model->index(model->rowCount() - 1, 0);
            view->setCurrentIndex(index);
            view->edit(index);
        });
        buttons->addWidget(add);
    }
    auto *remove = new QPushButton(tr("Remove"), page);
    remove->setObjectName(prefix + u"RemovePushButton"_qs);
    connect(remove, &QPushButton::clicked, this, [model, view] {
        if (view->currentIndex().isValid())
            model->removeRecord(view->currentIndex().row());
    });
    buttons->addWidget(remove);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view, 1);
    layout->addLayout(buttons);
    if (viewOut)
        *viewOut = view;
    return page;
}

void OperationEditor::loadNew()
{
    m_new = true;
    m_idTouched = false;
    m_title->setText(tr("New operation"));
    m_id->setReadOnly(false);
    m_messages->clear();
    m_banner->clear();
    m_doc->load({ { kName, QString() },
                  { kMethod, u"GET"_qs },
                  { kTemplate, QString() },
                  { kDisplayName, QString() },
                  { kDescription, QString() },
                  { kTemplateParameters, QVariantList() },
                  { kQueryParameters, QVariantList() },
                  { kHeaders, QVariantList() },
                  { kRepresentations, QVariantList() },
                  { kResponses,
                    QVariantList { QVariantMap { { u"statusCode"_qs, 200 },
                                                 { u"description"_qs, u"OK"_qs } } } } });
    updateState();
}

void OperationEditor::load(const QVariantMap &fields)
{
    m_new = false;
    m_title->setText(tr("Operation: %1").arg(fields.value(kDisplayName).toString()));
    m_id->setReadOnly(true);
    m_messages->clear();
    m_banner->clear();
    m_doc->load(fields);
    updateState();
}

QVariantMap OperationEditor::values() const
{
    return m_doc->values();
}

QStringList OperationEditor::undeclaredParameters() const
{
    return m_undeclared;
}

void OperationEditor::onTemplateEdited(const QString &text)
{
    if (!m_autoDeclare->isChecked())
        return;
    const auto parsed = core::UrlTemplate::parse(text);
    if (!parsed.ok())
        return; // keep the table while the template is half typed
    const QStringList used = parsed->parameterNames();
    QVariantList rows = m_doc->value(kTemplateParameters).toList();
    QVariantList next;
    QStringList present;
    for (const QVariant &row : std::as_const(rows)) {
        const QVariantMap map = row.toMap();
        const QString name = map.value(u"name"_qs).toString();
        if (!used.contains(name) && isUntouchedAutoRow(map))
            continue; // e.g. "{job}" while typing "{jobid}"
        next.append(row);
        present.append(name);
    }
    for (const QString &name : used) {
        if (!present.contains(name))
            next.append(newParameter(name));
    }
    if (next != rows)
        m_doc->setValue(kTemplateParameters, next);
}

void OperationEditor::declareMissing()
{
    const auto parsed = core::UrlTemplate::parse(m_doc->value(kTemplate).toString());
    if (!parsed.ok())
        return;
    QVariantList rows = m_doc->value(kTemplateParameters).toList();
    const QStringList present = declaredNames(rows);
    bool changed = false;
    for (const QString &name : parsed->parameterNames()) {
        if (!present.contains(name)) {
            rows.append(newParameter(name));
            changed = true;
        }
    }
    if (changed)
        m_doc->setValue(kTemplateParameters, rows);
}

void OperationEditor::refreshTemplateProblems()
{
    const QString text = m_doc->value(kTemplate).toString();
    const QVariantList rows = m_doc->value(kTemplateParameters).toList();
    const QStringList declared = declaredNames(rows);
    m_undeclared.clear();
    QStringList lines;
    QHash<int, QString> rowProblems;
    if (!text.isEmpty()) {
        const auto problems = core::UrlTemplate::problems(text, declared);
        for (const core::UrlTemplateProblem &p : problems) {
            using Code = core::UrlTemplateProblem::Code;
            const QString at = tr("character %1").arg(p.position + 1);
            switch (p.code) {
            case Code::Empty:
                break;
            case Code::TooLong:
                lines << tr("The URL template can be at most 1000 characters long.");
                break;
            case Code::UnbalancedBrace:
                lines << tr("Unbalanced brace at %1: every { needs a matching }.").arg(at);
                break;
            case Code::EmptyName:
                lines << tr("Empty parameter name at %1.").arg(at);
                break;
            case Code::InvalidName:
                lines << tr("“%1” at %2 is not a valid parameter name (letters, digits, _ - . ~).")
                             .arg(p.parameter, at);
                break;
            case Code::DuplicateParameter:
                lines << tr("“%1” is used more than once.").arg(p.parameter);
                break;
            case Code::WildcardNotLast:
                lines << tr("A wildcard must be the last path segment (%1).").arg(at);
                break;
            case Code::MultipleParameters:
                lines << tr("Only one parameter per path segment is possible (%1).").arg(at);
                break;
            case Code::EmptySegment:
                lines << tr("Empty path segment (//) at %1.").arg(at);
                break;
            case Code::InvalidCharacter:
                lines << tr("Invalid character at %1 (spaces, # and control characters are not "
                            "allowed).")
                             .arg(at);
                break;
            case Code::InvalidQuery:
                lines << tr("Invalid query item at %1: use name=value or name={parameter}.")
                             .arg(at);
                break;
            case Code::UndeclaredParameter:
                m_undeclared << p.parameter;
                lines << tr("“%1” is used in the URL template but not declared as a template "
                            "parameter.")
                             .arg(p.parameter);
                break;
            case Code::UnusedParameter:
                rowProblems.insert(int(declared.indexOf(p.parameter)),
                                   tr("Not used in the URL template."));
                lines << tr("“%1” is declared but not used in the URL template.").arg(p.parameter);
                break;
            }
        }
    }
    m_messages->setMessage(kTemplate, lines.join(u'\n'));
    m_templateParameters->setRowProblems(rowProblems);
    m_declareMissing->setEnabled(!m_undeclared.isEmpty());
}

bool OperationEditor::validate()
{
    m_messages->clear();
    bool ok = true;
    const QVariantMap v = m_doc->values();
    const QString text = v.value(kTemplate).toString();
    if (text.isEmpty()) {
        m_messages->setMessage(kTemplate, tr("Enter a URL template, e.g. /items/{id}."));
        ok = false;
    } else {
        refreshTemplateProblems();
        if (!m_messages->message(kTemplate).isEmpty())
            ok = false;
    }
    if (v.value(kDisplayName).toString().trimmed().isEmpty()) {
        m_messages->setMessage(kDisplayName, tr("Enter a display name."));
        ok = false;
    }
    const QString method = v.value(kMethod).toString().trimmed();
    if (method.isEmpty() || method.contains(u' ')) {
        m_messages->setMessage(kMethod, tr("Enter an HTTP verb such as GET or POST."));
        ok = false;
    }
    if (m_new && (v.value(kName).toString().isEmpty()
                  || v.value(kName).toString().contains(QRegularExpression(uR"([*#&+:<>?/\s])"_qs)))) {
        m_messages->setMessage(kName, tr("Enter an id without spaces or any of * # & + : < > ? /"));
        ok = false;
    }
    for (const QVariant &row : v.value(kResponses).toList()) {
        const int code = row.toMap().value(u"statusCode"_qs).toInt();
        if (code < 100 || code > 599) {
            m_banner->showMessage(BannerWidget::Kind::Error,
                                  tr("Response status codes must be between 100 and 599."));
            ok = false;
            break;
        }
    }
    return ok;
}

void OperationEditor::save()
{
    if (m_busy)
        return;
    m_banner->clear();
    if (!validate())
        return;
    setBusy(true);
    Q_EMIT saveRequested(m_doc->values(), m_new);
}

void OperationEditor::saveSucceeded(const QVariantMap &saved)
{
    setBusy(false);
    m_messages->clear();
    m_banner->clear();
    m_new = false;
    m_id->setReadOnly(true);
    m_title->setText(tr("Operation: %1").arg(saved.value(kDisplayName).toString()));
    m_doc->markSaved(saved);
    refreshTemplateProblems();
    updateState();
}

void OperationEditor::saveFailed(const core::Error &error)
{
    setBusy(false);
    m_messages->clear();
    const QStringList unclaimed = m_messages->showServerError(error);
    const QString text = editorfields::describeSaveFailure(
        error, unclaimed,
        { tr("The operation was not saved because the server could not be reached (%1). "
             "Your changes are kept; try again."),
          tr("The operation was not saved: the sign-in was refused or has expired (%1)."),
          tr("The operation was not saved; see the marked fields."),
          tr("The operation was not saved: %1") });
    m_banner->showMessage(BannerWidget::Kind::Error, text, true);
    updateState();
}

void OperationEditor::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void OperationEditor::updateState()
{
    const bool dirty = m_doc->isDirty();
    m_dirty->setText(dirty ? tr("Modified") : QString());
    m_save->setEnabled((dirty || m_new) && !m_busy);
    m_revert->setEnabled(dirty && !m_busy);
}

} // namespace portico::ui
