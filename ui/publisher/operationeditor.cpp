// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/operationeditor.h"

#include "core/model/urltemplate.h"
#include "ui/common/fieldbinding.h"
#include "ui/common/fieldmessages.h"
#include "ui/common/recordtablemodel.h"
#include "ui/common/stageddocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QTabWidget>
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
    : StagedEditor(u"operation"_qs, parent)
{
    StagedDocument *doc = document();
    auto *form = new QFormLayout;
    m_method = new QComboBox(this);
    m_method->setObjectName(u"methodComboBox"_qs);
    m_method->setEditable(true);
    m_method->addItems({ u"GET"_qs, u"POST"_qs, u"PUT"_qs, u"PATCH"_qs, u"DELETE"_qs, u"HEAD"_qs,
                         u"OPTIONS"_qs, u"TRACE"_qs });
    addFieldRow(form, tr("Ver&b:"), m_method, { kMethod }, u"methodMessageLabel"_qs);

    m_template = addLineEdit(this, u"urlTemplateLineEdit"_qs, 1000);
    m_template->setPlaceholderText(u"/customers/{cid}/orders?date={date}"_qs);
    addFieldRow(form, tr("URL te&mplate:"), m_template, { kTemplate },
                u"urlTemplateMessageLabel"_qs);
    m_displayName = addLineEdit(this, u"operationDisplayNameLineEdit"_qs, 300);
    addFieldRow(form, tr("&Display name:"), m_displayName, { kDisplayName },
                u"operationDisplayNameMessageLabel"_qs);
    m_id = addLineEdit(this, u"operationIdLineEdit"_qs, 80);
    addFieldRow(form, tr("Operation &id:"), m_id, { kName }, u"operationIdMessageLabel"_qs);
    m_description = addDescriptionEdit(this, u"operationDescriptionPlainTextEdit"_qs, 70);
    addFieldRow(form, tr("Descri&ption:"), m_description, { kDescription },
                u"operationDescriptionMessageLabel"_qs);

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
    m_templateParameters = new RecordTableModel(doc, kTemplateParameters, templateColumns, this);
    m_queryParameters = new RecordTableModel(doc, kQueryParameters, parameterColumns, this);
    m_headers = new RecordTableModel(doc, kHeaders, parameterColumns, this);
    m_representations = new RecordTableModel(
        doc, kRepresentations,
        { { u"contentType"_qs, tr("Content type"), Col::Kind::Text, true },
          { u"sample"_qs, tr("Sample"), Col::Kind::Text, true } },
        this);
    m_responses = new RecordTableModel(
        doc, kResponses,
        { { u"statusCode"_qs, tr("Status code"), Col::Kind::Int, true },
          { u"description"_qs, tr("Description"), Col::Kind::Text, true },
          { u"contentType"_qs, tr("Content type"), Col::Kind::Text, true },
          { u"sample"_qs, tr("Sample"), Col::Kind::Text, true } },
        this);

    m_autoDeclare = new QCheckBox(tr("Declare template parameters aut&omatically"), this);
    m_autoDeclare->setObjectName(u"autoDeclareCheckBox"_qs);
    m_autoDeclare->setChecked(true);
    m_declareMissing = new QPushButton(tr("Declare missin&g parameters"), this);
    m_declareMissing->setObjectName(u"declareMissingPushButton"_qs);

    QWidget *templatePage = tablePage(m_templateParameters, u"templateParameters"_qs, false, nullptr,
                                      &m_templateView);
    auto *templateButtons = templatePage->findChild<QHBoxLayout *>(u"templateParametersButtonsLayout"_qs);
    templateButtons->insertWidget(0, m_autoDeclare);
    templateButtons->insertWidget(1, m_declareMissing);

    const QVariantMap emptyParameter { { u"name"_qs, QString() },
                                       { u"type"_qs, u"string"_qs },
                                       { u"required"_qs, false } };
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"operationTabWidget"_qs);
    m_tabs->addTab(templatePage, tr("Temp&late parameters"));
    m_tabs->addTab(tablePage(m_queryParameters, u"queryParameters"_qs, true,
                             [emptyParameter] { return emptyParameter; }, nullptr),
                   tr("Quer&y parameters"));
    m_tabs->addTab(tablePage(m_headers, u"headers"_qs, true,
                             [emptyParameter] { return emptyParameter; }, nullptr),
                   tr("He&aders"));
    m_tabs->addTab(tablePage(m_representations, u"representations"_qs, true,
                             [] { return QVariantMap { { u"contentType"_qs, u"application/json"_qs } }; },
                             nullptr),
                   tr("Re&quest"));
    QWidget *responsesPage = tablePage(m_responses, u"responses"_qs, true,
                                       [this] { return newResponse(); }, nullptr);
    // Problems with a response are marked on its row and said right below the table.
    static_cast<QVBoxLayout *>(responsesPage->layout())
        ->insertWidget(1, messages()->addField({ kResponses }, u"responsesMessageLabel"_qs, responsesPage));
    m_responsesTab = m_tabs->addTab(responsesPage, tr("Respo&nses"));

    bodyLayout()->addLayout(form);
    bodyLayout()->addWidget(m_tabs, 1);
    finishLayout();

    fieldbinding::bind(doc, kMethod, m_method);
    fieldbinding::bind(doc, kTemplate, m_template);
    bindNameAndId(m_displayName, m_id);
    fieldbinding::bind(doc, kDescription, m_description);
    connect(m_template, &QLineEdit::textEdited, this, &OperationEditor::onTemplateEdited);
    connect(m_autoDeclare, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            declareMissing();
    });
    connect(m_declareMissing, &QPushButton::clicked, this, &OperationEditor::declareMissing);
    connect(doc, &StagedDocument::valueChanged, this, [this](const QString &field) {
        if (field == kTemplate || field == kTemplateParameters)
            refreshTemplateProblems();
        else if (field == kResponses)
            refreshResponseProblems();
        else
            messages()->setMessage(field, {});
    });
    connect(doc, &StagedDocument::loaded, this, [this] {
        refreshTemplateProblems();
        refreshResponseProblems();
    });
    loadNew();
}

OperationEditor::~OperationEditor() = default;

QWidget *OperationEditor::tablePage(RecordTableModel *model, const QString &prefix, bool canAdd,
                                    const std::function<QVariantMap()> &newRecord,
                                    QTableView **viewOut)
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
            model->appendRecord(newRecord());
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

QVariantMap OperationEditor::newResponse() const
{
    // Reason phrases as HTTP has them: they are the response's description on the wire.
    static const QList<std::pair<int, QString>> common {
        { 200, u"OK"_qs },           { 201, u"Created"_qs },
        { 202, u"Accepted"_qs },     { 204, u"No Content"_qs },
        { 400, u"Bad Request"_qs },  { 401, u"Unauthorized"_qs },
        { 403, u"Forbidden"_qs },    { 404, u"Not Found"_qs },
        { 409, u"Conflict"_qs },     { 429, u"Too Many Requests"_qs },
        { 500, u"Internal Server Error"_qs }, { 503, u"Service Unavailable"_qs },
    };
    QSet<int> used;
    for (const QVariant &row : document()->value(kResponses).toList()) {
        bool isNumber = false;
        const int code = row.toMap().value(u"statusCode"_qs).toInt(&isNumber);
        if (isNumber)
            used.insert(code);
    }
    for (const auto &[code, reason] : common) {
        if (!used.contains(code))
            return { { u"statusCode"_qs, code }, { u"description"_qs, reason } };
    }
    int code = 200; // all common ones are described: the first free code from 200 on
    while (used.contains(code) && code < 599)
        ++code;
    return { { u"statusCode"_qs, code }, { u"description"_qs, QString() } };
}

void OperationEditor::loadNew()
{
    loadFields({ { kName, QString() },
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
                                                { u"description"_qs, u"OK"_qs } } } } },
               true);
}

void OperationEditor::load(const QVariantMap &fields)
{
    loadFields(fields, false);
}

QString OperationEditor::titleFor(const QVariantMap &fields) const
{
    return isNew() ? tr("New operation")
                   : tr("Operation: %1").arg(fields.value(kDisplayName).toString());
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
    QVariantList rows = document()->value(kTemplateParameters).toList();
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
        document()->setValue(kTemplateParameters, next);
}

void OperationEditor::declareMissing()
{
    const auto parsed = core::UrlTemplate::parse(document()->value(kTemplate).toString());
    if (!parsed.ok())
        return;
    QVariantList rows = document()->value(kTemplateParameters).toList();
    const QStringList present = declaredNames(rows);
    bool changed = false;
    for (const QString &name : parsed->parameterNames()) {
        if (!present.contains(name)) {
            rows.append(newParameter(name));
            changed = true;
        }
    }
    if (changed)
        document()->setValue(kTemplateParameters, rows);
}

void OperationEditor::refreshTemplateProblems()
{
    const QString text = document()->value(kTemplate).toString();
    const QVariantList rows = document()->value(kTemplateParameters).toList();
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
    messages()->setMessage(kTemplate, lines.join(u'\n'));
    m_templateParameters->setRowProblems(rowProblems);
    m_declareMissing->setEnabled(!m_undeclared.isEmpty());
}

bool OperationEditor::validate()
{
    messages()->clear();
    bool ok = true;
    const QVariantMap v = document()->values();
    const QString text = v.value(kTemplate).toString();
    if (text.isEmpty()) {
        messages()->setMessage(kTemplate, tr("Enter a URL template, e.g. /items/{id}."));
        ok = false;
    } else {
        refreshTemplateProblems();
        if (!messages()->message(kTemplate).isEmpty())
            ok = false;
    }
    if (!validateNameAndId(v))
        ok = false;
    const QString method = v.value(kMethod).toString().trimmed();
    if (method.isEmpty() || method.contains(u' ')) {
        messages()->setMessage(kMethod, tr("Enter an HTTP verb such as GET or POST."));
        ok = false;
    }
    if (!refreshResponseProblems()) {
        if (ok) // the only problems are on the Responses tab: show them
            m_tabs->setCurrentIndex(m_responsesTab);
        ok = false;
    }
    return ok;
}

bool OperationEditor::refreshResponseProblems()
{
    const QVariantList rows = document()->value(kResponses).toList();
    QHash<int, QString> rowProblems;
    QHash<int, int> firstRowWith; // status code → the first row that has it
    QStringList lines;
    for (int row = 0; row < rows.size(); ++row) {
        const QVariant typed = rows.at(row).toMap().value(u"statusCode"_qs);
        bool isNumber = false;
        const int code = typed.toInt(&isNumber);
        QString problem;
        if (!isNumber) // the table keeps text that is no number as typed
            problem = tr("“%1” is not a status code: use a number from 100 to 599.")
                          .arg(typed.toString());
        else if (code < 100 || code > 599)
            problem = tr("%1 is not an HTTP status code: use a code from 100 to 599.").arg(code);
        else if (const auto first = firstRowWith.constFind(code); first != firstRowWith.cend())
            problem = tr("Status code %1 is already described in row %2: describe each status code "
                         "once.")
                          .arg(code)
                          .arg(*first + 1);
        else
            firstRowWith.insert(code, row);
        if (problem.isEmpty())
            continue;
        rowProblems.insert(row, problem);
        lines << tr("Row %1: %2").arg(row + 1).arg(problem);
    }
    m_responses->setRowProblems(rowProblems);
    messages()->setMessage(kResponses, lines.join(u'\n'));
    return rowProblems.isEmpty();
}

StagedEditor::LoadFailureTexts OperationEditor::loadFailureTexts() const
{
    return { tr("Operation (not loaded)"), tr("The operation could not be loaded: %1"),
             tr("The operation “%1” could not be loaded: the signed-in account does not have "
                "permission to read it (%2).") };
}

editorfields::SaveFailureTexts OperationEditor::saveFailureTexts() const
{
    return { tr("The operation was not saved because the server could not be reached (%1). "
                "Your changes are kept; try again."),
             tr("The operation was not saved: the sign-in was refused or has expired (%1)."),
             tr("The operation was not saved; see the marked fields."),
             tr("The operation was not saved: %1"),
             tr("An operation with the id “%1” already exists in this API."),
             tr("This operation was changed on the server since you opened it, so your changes "
                "were not saved; they are still here. Keep server version drops your changes and "
                "shows the server's version; Overwrite saves yours over it."),
             tr("The operation “%1” was not saved: the signed-in account does not have permission "
                "to change it (%2)."),
             tr("The operation “%1” was not created: the signed-in account does not have "
                "permission to create operations in this API (%2).") };
}

void OperationEditor::syncFromDocument()
{
    refreshTemplateProblems();
}

} // namespace portico::ui
