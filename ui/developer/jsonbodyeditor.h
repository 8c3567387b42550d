// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace portico::ui {

class JsonSyntaxHighlighter;

// The composer's body editor: JSON highlighting, validation while typing (after a short
// pause) with the error's line and column shown under the editor and the spot marked, and
// Format. The user's text is never rewritten except by Format. In non-JSON mode it is a
// plain editor and always valid.
class JsonBodyEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonBodyEditor)

public:
    explicit JsonBodyEditor(QWidget *parent = nullptr);
    ~JsonBodyEditor() override;

    QString text() const;
    void setText(const QString &text);
    void setJsonMode(bool json);
    bool isJsonMode() const { return m_json; }

    // Validates now (skipping the typing pause) and returns whether the body may be sent.
    bool validate();
    bool isValid() const { return m_valid; }
    int errorLine() const { return m_errorLine; }
    int errorColumn() const { return m_errorColumn; }
    QString errorText() const { return m_errorText; }

    QPlainTextEdit *editor() const { return m_edit; }

public Q_SLOTS:
    void format();

Q_SIGNALS:
    void validityChanged(bool valid);
    void textChanged();

private:
    void showValidity();

    QPlainTextEdit *m_edit = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_format = nullptr;
    QTimer *m_delay = nullptr;
    JsonSyntaxHighlighter *m_highlighter = nullptr;
    bool m_json = true;
    bool m_valid = true;
    int m_errorLine = 0;
    int m_errorColumn = 0;
    QString m_errorText;
};

} // namespace portico::ui
