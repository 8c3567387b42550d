// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/policyeditor.h"

#include "ui/common/bannerwidget.h"
#include "ui/common/fieldbinding.h"
#include "ui/common/forbiddentext.h"
#include "ui/common/stageddocument.h"
#include "ui/common/undorouting.h"
#include "ui/common/xmlhighlighter.h"

#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBlock>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace portico::ui {

namespace {
const QString kValue = u"value"_qs;
}

PolicyEditor::PolicyEditor(QWidget *parent)
    : QWidget(parent)
    , m_doc(new StagedDocument(this))
{
    setObjectName(u"policyEditor"_qs);

    m_scopeLabel = new QLabel(this);
    m_scopeLabel->setObjectName(u"policyScopeLabel"_qs);
    m_dirtyLabel = new QLabel(this);
    m_dirtyLabel->setObjectName(u"policyDirtyLabel"_qs);

    m_banner = new BannerWidget(this);
    m_banner->setObjectName(u"policyBannerWidget"_qs);
    m_conflict = new BannerWidget(this);
    m_conflict->setObjectName(u"policyConflictBannerWidget"_qs);
    QPushButton *reload = m_conflict->addButton(tr("&Keep server version"), u"policyReloadPushButton"_qs);
    QPushButton *overwrite = m_conflict->addButton(tr("Ove&rwrite"), u"policyOverwritePushButton"_qs);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName(u"policyPlainTextEdit"_qs);
    m_edit->setFont(mono);
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setTabChangesFocus(true);
    m_edit->setAccessibleName(tr("Policy XML"));
    m_highlighter = new XmlHighlighter(m_edit->document());

    m_effective = new QPlainTextEdit(this);
    m_effective->setObjectName(u"effectivePolicyPlainTextEdit"_qs);
    m_effective->setFont(mono);
    m_effective->setReadOnly(true);
    m_effective->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_effective->setAccessibleName(tr("Effective policy"));
    m_effectiveHighlighter = new XmlHighlighter(m_effective->document());

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"policyTabWidget"_qs);
    m_tabs->addTab(m_edit, tr("&Policy"));
    m_tabs->addTab(m_effective, tr("Effective po&licy"));

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(u"policyProblemLabel"_qs);
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setWordWrap(true);
    QPalette pal = m_problemLabel->palette();
    pal.setColor(QPalette::WindowText, QColor(0xb0, 0x10, 0x10));
    m_problemLabel->setPalette(pal);
    m_problemLabel->hide();

    m_snippets = new QToolButton(this);
    m_snippets->setObjectName(u"insertSnippetToolButton"_qs);
    m_snippets->setText(tr("&Insert snippet"));
    m_snippets->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_snippets);
    menu->setObjectName(u"snippetMenu"_qs);
    const QList<QPair<Snippet, QPair<QString, QString>>> snippets {
        { Snippet::RateLimit, { tr("Rate limit"), u"rateLimitSnippetAction"_qs } },
        { Snippet::Quota, { tr("Quota"), u"quotaSnippetAction"_qs } },
        { Snippet::SetHeader, { tr("Set header"), u"setHeaderSnippetAction"_qs } },
        { Snippet::Cors, { tr("CORS"), u"corsSnippetAction"_qs } },
        { Snippet::IpFilter, { tr("IP filter"), u"ipFilterSnippetAction"_qs } },
        { Snippet::MockResponse, { tr("Mock response"), u"mockResponseSnippetAction"_qs } },
    };
    for (const auto &[snippet, names] : snippets) {
        QAction *action = menu->addAction(names.first);
        action->setObjectName(names.second);
        connect(action, &QAction::triggered, this, [this, s = snippet] { insertSnippet(s); });
        m_snippetActions.insert(snippet, action);
    }
    // Disabled snippets say why.
    menu->setToolTipsVisible(true);
    m_snippets->setMenu(menu);

    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(u"policySavePushButton"_qs);
    m_revert = new QPushButton(tr("Rever&t"), this);
    m_revert->setObjectName(u"policyRevertPushButton"_qs);

    m_undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setObjectName(u"policyUndoAction"_qs);
    m_redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setObjectName(u"policyRedoAction"_qs);

    auto *header = new QHBoxLayout;
    header->addWidget(m_scopeLabel, 1);
    header->addWidget(m_dirtyLabel);
    header->addWidget(m_snippets);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_conflict);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problemLabel);
    layout->addLayout(buttons);

    fieldbinding::bind(m_doc, kValue, m_edit);
    undorouting::install(m_doc->undoStack(), m_edit);

    connect(m_banner, &BannerWidget::retryRequested, this, [this] {
        if (!m_loaded)
            Q_EMIT loadRetryRequested();
        else
            save(m_savingOverwrite); // after saveFailed(): the user's text, sent the same way
    });
    connect(reload, &QPushButton::clicked, this, [this] {
        setBusy(true);
        Q_EMIT reloadRequested();
    });
    connect(overwrite, &QPushButton::clicked, this, [this] { save(true); });
    connect(m_save, &QPushButton::clicked, this, [this] { save(false); });
    connect(m_revert, &QPushButton::clicked, m_doc, &StagedDocument::revert);
    connect(m_doc, &StagedDocument::dirtyChanged, this, &PolicyEditor::updateState);
    connect(m_doc, &StagedDocument::valueChanged, this, [this] {
        clearProblem();
        if (m_tabs->currentWidget() == m_effective)
            refreshEffective();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_effective)
            refreshEffective();
    });
    updateState();
}

PolicyEditor::~PolicyEditor() = default;

void PolicyEditor::load(const QString &scopeLabel, const QString &xml)
{
    m_scope = scopeLabel;
    m_scopeLabel->setText(scopeLabel);
    m_banner->clear();
    m_conflict->clear();
    m_busy = false;
    m_loaded = true;
    m_readFailed = false;
    m_doc->load({ { kValue, xml } });
    clearProblem();
    refreshEffective();
    updateState();
}

void PolicyEditor::loadFailed(const QString &scopeLabel, const core::Error &error)
{
    m_scope = scopeLabel;
    m_scopeLabel->setText(scopeLabel);
    m_loaded = false;
    m_readFailed = true;
    m_busy = false;
    m_conflict->clear();
    m_doc->load({ { kValue, QString() } });
    clearProblem();
    QStringList lines { error.message };
    for (const core::ErrorDetail &detail : error.details)
        lines.append(detail.message);
    m_banner->showMessage(BannerWidget::Kind::Error,
                          error.kind == core::Error::Kind::Forbidden
                              ? ForbiddenText::withAdvice(
                                    tr("The policy of %1 could not be loaded: the signed-in account "
                                       "does not have permission to read it (%2).")
                                        .arg(scopeLabel, lines.join(u'\n')))
                              : tr("The policy could not be loaded: %1").arg(lines.join(u'\n')),
                          true);
    refreshEffective();
    updateState();
}

void PolicyEditor::setInheritedPolicies(const policydocument::Chain &parents)
{
    m_parents = parents;
    refreshEffective();
}

void PolicyEditor::setEffectiveHeader(QWidget *header)
{
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->insertWidget(layout->indexOf(m_tabs) + 1, header);
    auto follow = [this, header] { header->setVisible(m_tabs->currentWidget() == m_effective); };
    follow();
    connect(m_tabs, &QTabWidget::currentChanged, header, follow);
}

QString PolicyEditor::text() const
{
    return m_doc->value(kValue).toString();
}

bool PolicyEditor::isDirty() const
{
    return m_doc->isDirty();
}

QString PolicyEditor::snippetText(Snippet snippet)
{
    switch (snippet) {
    case Snippet::RateLimit:
        return u"<rate-limit calls=\"5\" renewal-period=\"60\" />"_qs;
    case Snippet::Quota:
        return u"<quota calls=\"100\" renewal-period=\"604800\" />"_qs;
    case Snippet::SetHeader:
        return u"<set-header name=\"X-Example\" exists-action=\"override\">\n"
               "    <value>example</value>\n"
               "</set-header>"_qs;
    case Snippet::Cors:
        return u"<cors allow-credentials=\"false\">\n"
               "    <allowed-origins>\n        <origin>*</origin>\n    </allowed-origins>\n"
               "    <allowed-methods>\n        <method>GET</method>\n        <method>POST</method>\n"
               "    </allowed-methods>\n"
               "    <allowed-headers>\n        <header>*</header>\n    </allowed-headers>\n"
               "</cors>"_qs;
    case Snippet::IpFilter:
        return u"<ip-filter action=\"allow\">\n"
               "    <address-range from=\"127.0.0.1\" to=\"127.0.0.1\" />\n"
               "</ip-filter>"_qs;
    case Snippet::MockResponse:
        return u"<mock-response status-code=\"200\" content-type=\"application/json\" />"_qs;
    }
    return {};
}

QStringList PolicyEditor::snippetSections(Snippet snippet)
{
    switch (snippet) {
    case Snippet::SetHeader:
        return { u"inbound"_qs, u"backend"_qs, u"outbound"_qs, u"on-error"_qs };
    case Snippet::MockResponse:
        return { u"inbound"_qs, u"outbound"_qs, u"on-error"_qs };
    case Snippet::RateLimit:
    case Snippet::Quota:
    case Snippet::Cors:
    case Snippet::IpFilter:
        break;
    }
    return { u"inbound"_qs };
}

namespace {

QString snippetElement(PolicyEditor::Snippet snippet)
{
    switch (snippet) {
    case PolicyEditor::Snippet::RateLimit:
        return u"rate-limit"_qs;
    case PolicyEditor::Snippet::Quota:
        return u"quota"_qs;
    default:
        return {};
    }
}

} // namespace

bool PolicyEditor::snippetAllowed(Snippet snippet) const
{
    const QString element = snippetElement(snippet);
    return !m_scopeKind || element.isEmpty() || core::PolicyScope::allows(*m_scopeKind, element);
}

void PolicyEditor::setScope(core::PolicyScope::Kind scope)
{
    m_scopeKind = scope;
    updateSnippets();
}

void PolicyEditor::updateSnippets()
{
    for (auto it = m_snippetActions.cbegin(); it != m_snippetActions.cend(); ++it) {
        const bool allowed = snippetAllowed(it.key());
        it.value()->setEnabled(allowed);
        QString why;
        if (!allowed && it.key() == Snippet::Quota)
            why = tr("Azure API Management accepts a quota only in a product's policy. For a quota "
                     "per subscription here, use <quota-by-key "
                     "counter-key=\"@(context.Subscription.Id)\" … />.");
        else if (!allowed)
            why = tr("Azure API Management accepts a rate limit in a product's, an API's or an "
                     "operation's policy, not in the global policy. For a limit per subscription "
                     "here, use <rate-limit-by-key counter-key=\"@(context.Subscription.Id)\" … />.");
        it.value()->setToolTip(why); // empty: the action's text
        it.value()->setStatusTip(why);
    }
}

void PolicyEditor::insertSnippet(Snippet snippet)
{
    if (!m_loaded || m_busy || !snippetAllowed(snippet))
        return; // read-only, or not allowed at this scope (the action's tooltip says why)
    const policydocument::Edit edit = policydocument::snippetEdit(
        m_edit->toPlainText(), m_edit->textCursor().position(), snippetText(snippet),
        snippetSections(snippet));
    QTextCursor cursor = m_edit->textCursor();
    cursor.setPosition(edit.position);
    cursor.setPosition(edit.position + edit.removed, QTextCursor::KeepAnchor);
    cursor.insertText(edit.text);
    cursor.setPosition(edit.cursor);
    m_edit->setTextCursor(cursor);
    m_edit->setFocus();
}

void PolicyEditor::save(bool overwrite)
{
    if (m_busy || !m_loaded)
        return;
    m_banner->clear();
    m_conflict->clear();
    const auto problems = policydocument::check(text());
    if (!problems.isEmpty()) {
        markProblem(problems.first());
        return;
    }
    m_savingText = text();
    m_savingOverwrite = overwrite;
    if (overwrite)
        Q_EMIT overwriteRequested(m_savingText);
    else
        Q_EMIT saveRequested(m_savingText);
}

void PolicyEditor::saveSucceeded(const QString &storedXml)
{
    setBusy(false);
    m_banner->clear();
    m_conflict->clear();
    clearProblem();
    // Show the server's form unless it is what was sent or the user typed meanwhile (then the
    // user's text stays, with its undo history).
    if (text() == m_savingText && storedXml != m_savingText)
        m_doc->load({ { kValue, storedXml } });
    else
        m_doc->markSaved({ { kValue, m_savingText } });
    refreshEffective();
    updateState();
}

void PolicyEditor::saveFailed(const core::Error &error)
{
    setBusy(false);
    if (error.kind == core::Error::Kind::Forbidden) {
        m_banner->showMessage(BannerWidget::Kind::Error,
                              ForbiddenText::withAdvice(
                                  tr("The policy of %1 was not saved: the signed-in account does "
                                     "not have permission to change it (%2).")
                                      .arg(m_scope, error.message)),
                              true);
        updateState();
        return;
    }
    QString first = error.message;
    policydocument::Problem located;
    for (const core::ErrorDetail &detail : error.details) {
        located = policydocument::locate(detail.message);
        if (located.line > 0)
            break;
    }
    if (located.line == 0)
        located = policydocument::locate(error.message);
    if (located.line > 0) {
        markProblem(located);
    } else {
        QStringList lines { error.message };
        for (const core::ErrorDetail &detail : error.details)
            lines.append(detail.message);
        m_banner->showMessage(BannerWidget::Kind::Error,
                              tr("The policy was not saved: %1").arg(lines.join(u'\n')), true);
    }
    updateState();
}

void PolicyEditor::saveConflicted()
{
    setBusy(false);
    m_conflict->showMessage(BannerWidget::Kind::Warning,
                            tr("The policy of %1 was changed on the server since you opened it, so "
                               "your changes were not saved; they are still here. Keep server version "
                               "drops your changes and shows the server's version; Overwrite saves "
                               "yours over it.")
                                .arg(m_scope));
}

void PolicyEditor::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

QString PolicyEditor::problemText() const
{
    return m_problemLabel->text();
}

void PolicyEditor::markProblem(const policydocument::Problem &problem)
{
    m_problemLine = problem.line;
    m_problemColumn = problem.column;
    if (problem.line > 0 && problem.column > 0) {
        m_problemLabel->setText(tr("Line %1, column %2: %3")
                                    .arg(problem.line)
                                    .arg(problem.column)
                                    .arg(problem.message));
    } else if (problem.line > 0) {
        // The server's messages often name only the line.
        m_problemLabel->setText(tr("Line %1: %2").arg(problem.line).arg(problem.message));
    } else {
        m_problemLabel->setText(problem.message);
    }
    m_problemLabel->show();

    QList<QTextEdit::ExtraSelection> selections;
    const QTextBlock block = m_edit->document()->findBlockByNumber(std::max(0, problem.line - 1));
    if (block.isValid() && problem.line > 0) {
        QTextEdit::ExtraSelection line;
        line.format.setBackground(QColor(0xfb, 0xe3, 0xe3));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(block);
        selections.append(line);
        QTextEdit::ExtraSelection at;
        at.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        at.format.setUnderlineColor(Qt::red);
        at.cursor = QTextCursor(block);
        const int column = std::clamp(problem.column - 1, 0, std::max(0, block.length() - 2));
        at.cursor.setPosition(block.position() + column);
        at.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        selections.append(at);
        QTextCursor caret(block);
        caret.setPosition(block.position() + column);
        m_edit->setTextCursor(caret);
    }
    m_edit->setExtraSelections(selections);
    m_tabs->setCurrentWidget(m_edit);
}

void PolicyEditor::clearProblem()
{
    if (m_problemLine == 0 && m_problemLabel->isHidden())
        return;
    m_problemLine = 0;
    m_problemColumn = 0;
    m_problemLabel->clear();
    m_problemLabel->hide();
    m_edit->setExtraSelections({});
}

void PolicyEditor::refreshEffective()
{
    if (!m_loaded) {
        // Without this scope's own policy the parents' would pass for the effective one.
        m_effective->setPlainText(m_readFailed ? tr("The effective policy cannot be shown because the "
                                                    "policy of %1 could not be read.")
                                                     .arg(m_scope)
                                               : QString());
        return;
    }
    policydocument::Chain chain = m_parents;
    chain.append({ m_scope, text() });
    QString error;
    const QString effective = policydocument::effective(chain, &error);
    m_effective->setPlainText(error.isEmpty() ? effective
                                              : tr("The effective policy cannot be shown: %1")
                                                    .arg(error));
}

void PolicyEditor::updateState()
{
    const bool dirty = m_doc->isDirty();
    m_dirtyLabel->setText(dirty ? tr("Modified") : QString());
    m_save->setEnabled(dirty && !m_busy && m_loaded);
    m_revert->setEnabled(dirty && !m_busy && m_loaded);
    m_snippets->setEnabled(!m_busy && m_loaded);
    m_edit->setReadOnly(m_busy || !m_loaded);
}

} // namespace portico::ui
