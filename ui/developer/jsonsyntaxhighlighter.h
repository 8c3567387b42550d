// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace portico::ui {

// JSON colouring for editable documents (the body editor): keys, strings, numbers, literals.
// Line-local on purpose: JSON strings cannot span lines, so no block state is needed.
class JsonSyntaxHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonSyntaxHighlighter)

public:
    explicit JsonSyntaxHighlighter(QTextDocument *document);
    ~JsonSyntaxHighlighter() override;

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
};

} // namespace portico::ui
