// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/publisher/stagededitor.h"

#include <functional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTabWidget;

namespace portico::ui {

class RecordTableModel;

// Edits one API operation (apim-protocol.md §3.3): verb, URL template, display name,
// description, template parameters, query parameters, headers, request representations and
// responses. The URL template is parsed as the user types (core::UrlTemplate): parameters
// appear in the template-parameter table, and problems, including parameters used but not
// declared or declared but not used, are shown next to the field before anything is sent.
//
// Field keys: name (operation id), method, urlTemplate, displayName, description,
// templateParameters, queryParameters, headers (lists of {name, type, required, values,
// description, defaultValue}), representations (list of {contentType, sample}), responses
// (list of {statusCode, description, contentType, sample}).
class OperationEditor final : public StagedEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationEditor)

public:
    explicit OperationEditor(QWidget *parent = nullptr);
    ~OperationEditor() override;

    void loadNew();
    void load(const QVariantMap &fields);

    // Parameters used in the template and not declared, as the live parser sees them now.
    QStringList undeclaredParameters() const;
    // Our own checks (template and fields); shows messages and returns false on any problem.
    bool validate() override;

protected:
    QString titleFor(const QVariantMap &fields) const override;
    editorfields::SaveFailureTexts saveFailureTexts() const override;
    LoadFailureTexts loadFailureTexts() const override;
    void syncFromDocument() override;

private:
    void onTemplateEdited(const QString &text);
    void declareMissing();
    void refreshTemplateProblems();
    // Marks responses whose status code is no number, not one (100–599) or is described in an
    // earlier row too, at their row and below the table; false when there is any.
    bool refreshResponseProblems();
    // The response Add fills in: the first common status code no row has yet.
    QVariantMap newResponse() const;
    QWidget *tablePage(RecordTableModel *model, const QString &prefix, bool canAdd,
                       const std::function<QVariantMap()> &newRecord, QTableView **view);

    QComboBox *m_method = nullptr;
    QLineEdit *m_template = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_id = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QCheckBox *m_autoDeclare = nullptr;
    QPushButton *m_declareMissing = nullptr;
    QTabWidget *m_tabs = nullptr;
    RecordTableModel *m_templateParameters = nullptr;
    RecordTableModel *m_queryParameters = nullptr;
    RecordTableModel *m_headers = nullptr;
    RecordTableModel *m_representations = nullptr;
    RecordTableModel *m_responses = nullptr;
    QTableView *m_templateView = nullptr;
    int m_responsesTab = -1;
    QStringList m_undeclared;
};

} // namespace portico::ui
