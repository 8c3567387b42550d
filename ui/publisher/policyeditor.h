// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/policyscope.h"
#include "ui/publisher/policydocument.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QToolButton;

namespace portico::ui {

class BannerWidget;
class StagedDocument;
class XmlHighlighter;

// Edits the policy of one scope (global, product, API or operation) as XML with highlighting.
// Edits are staged in a StagedDocument (field "value") with undo/redo, Save and Revert; the
// owner sends saveRequested() to the server and reports back with saveSucceeded()/saveFailed().
// When the scope's policy could not be read, loadFailed() says so with Retry (loadRetryRequested())
// and the editor stays read-only, with nothing to save, until a load() succeeds: a default
// document must never stand in for a policy that exists but was not read (nor may the parents'
// policy stand in for the effective one: the effective tab says it cannot be shown).
// The text is the document as sent with format rawxml: policy expressions (@(...), @{...}) may
// hold raw <, > and &; the well-formedness check reads it the way the server does.
// A save the server refuses because the policy was changed there since it was loaded
// (saveConflicted()) shows a banner (policyConflictBannerWidget) whose Reload asks the owner for the
// server's version (reloadRequested()) and whose Overwrite sends the user's text over it
// (overwriteRequested()); the user's text stays until they choose.
// A save that failed otherwise (network, server error, no permission) shows a banner whose Retry
// sends the user's current text again the same way (a save, or an overwrite).
// Snippets that Azure API Management refuses at the editor's scope (setScope(), see
// core::PolicyScope::allows()) are offered disabled, their tooltip naming the scopes they need.
// Problems, ours or the server's, are marked at their line and column. The effective-policy tab
// shows the document with every inherited <base/> expanded from the parent scopes.
class PolicyEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyEditor)

public:
    enum class Snippet { RateLimit, Quota, SetHeader, Cors, IpFilter, MockResponse };
    Q_ENUM(Snippet)

    explicit PolicyEditor(QWidget *parent = nullptr);
    ~PolicyEditor() override;

    // `scopeLabel` is shown and used in the effective view ("API AzureML Demo API").
    void load(const QString &scopeLabel, const QString &xml);
    // The scope's policy could not be read (not "there is none": the owner loads the default
    // document for that).
    void loadFailed(const QString &scopeLabel, const core::Error &error);
    bool isLoaded() const { return m_loaded; }
    // Parent scopes, outermost first, for the effective view.
    void setInheritedPolicies(const policydocument::Chain &parents);
    // The owner's choice of the parent scopes the effective view assumes (which product), shown
    // with the effective view only; the editor takes ownership.
    void setEffectiveHeader(QWidget *header);

    // Where this policy applies; until set, every snippet is offered.
    void setScope(core::PolicyScope::Kind scope);

    QString text() const;
    StagedDocument *document() const { return m_doc; }
    bool isDirty() const;
    void insertSnippet(Snippet snippet);
    static QString snippetText(Snippet snippet);
    // The sections a snippet may go into, first the one it goes into by default.
    static QStringList snippetSections(Snippet snippet);

    // The marked problem, if any (1-based line/column; 0 when none).
    int problemLine() const { return m_problemLine; }
    int problemColumn() const { return m_problemColumn; }
    QString problemText() const;

    // Outcome of the owner's save; `storedXml` is the document as the server now holds it, in the
    // form the editor edits (rawxml: unescaped expressions).
    void saveSucceeded(const QString &storedXml);
    void saveFailed(const core::Error &error);
    // The policy was changed on the server since it was loaded: nothing was saved.
    void saveConflicted();
    void setBusy(bool busy);

Q_SIGNALS:
    void saveRequested(const QString &xml);
    // The conflict banner's choices.
    void reloadRequested();
    void overwriteRequested(const QString &xml);
    // Retry on the banner after loadFailed().
    void loadRetryRequested();

private:
    void save(bool overwrite);
    void markProblem(const policydocument::Problem &problem);
    void clearProblem();
    void refreshEffective();
    void updateState();
    void updateSnippets();
    bool snippetAllowed(Snippet snippet) const;

    StagedDocument *m_doc = nullptr;
    QString m_scope;
    QString m_savingText;
    bool m_savingOverwrite = false;
    std::optional<core::PolicyScope::Kind> m_scopeKind;
    policydocument::Chain m_parents;
    QLabel *m_scopeLabel = nullptr;
    QLabel *m_dirtyLabel = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_edit = nullptr;
    QPlainTextEdit *m_effective = nullptr;
    XmlHighlighter *m_highlighter = nullptr;
    XmlHighlighter *m_effectiveHighlighter = nullptr;
    QLabel *m_problemLabel = nullptr;
    BannerWidget *m_banner = nullptr;
    BannerWidget *m_conflict = nullptr;
    QToolButton *m_snippets = nullptr;
    QHash<Snippet, QAction *> m_snippetActions;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    int m_problemLine = 0;
    int m_problemColumn = 0;
    bool m_busy = false;
    bool m_loaded = false;
    bool m_readFailed = false; // after loadFailed(), until a load()
};

} // namespace portico::ui
