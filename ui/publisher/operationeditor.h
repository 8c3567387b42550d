// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QVariantMap>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTabWidget;

namespace portico::ui {

class BannerWidget;
class FieldMessages;
class RecordTableModel;
class StagedDocument;

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
class OperationEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationEditor)

public:
    explicit OperationEditor(QWidget *parent = nullptr);
    ~OperationEditor() override;

    void loadNew();
    void load(const QVariantMap &fields);

    StagedDocument *document() const { return m_doc; }
    bool isNew() const { return m_new; }
    QVariantMap values() const;
    // Parameters used in the template and not declared, as the live parser sees them now.
    QStringList undeclaredParameters() const;
    // Our own checks (template and fields); shows messages and returns false on any problem.
    bool validate();

    void saveSucceeded(const QVariantMap &saved);
    void saveFailed(const core::Error &error);
    void setBusy(bool busy);

Q_SIGNALS:
    void saveRequested(const QVariantMap &values, bool isNew);

private:
    void save();
    void onTemplateEdited(const QString &text);
    void declareMissing();
    void refreshTemplateProblems();
    void updateState();
    QWidget *tablePage(RecordTableModel *model, const QString &prefix, bool canAdd,
                       const QVariantMap &newRecord, QTableView **view);

    StagedDocument *m_doc = nullptr;
    FieldMessages *m_messages = nullptr;
    BannerWidget *m_banner = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_dirty = nullptr;
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
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QStringList m_undeclared;
    bool m_new = false;
    bool m_busy = false;
    bool m_idTouched = false;
};

} // namespace portico::ui
