// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace portico::ui {

// XML syntax highlighting for plain-text editors: element names, attribute names and values,
// comments, CDATA, entities, and APIM policy expressions (@(...) and @{...}). Multi-line
// comments and CDATA sections carry their state across blocks.
class XmlHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(XmlHighlighter)

public:
    explicit XmlHighlighter(QTextDocument *document);
    ~XmlHighlighter() override;

    enum class Token { Element, AttributeName, AttributeValue, Comment, CData, Entity, Expression };
    // The format a token gets; tests and themes read it.
    QTextCharFormat format(Token token) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    enum State { Normal = 0, InComment = 1, InCData = 2 };

    QTextCharFormat m_element;
    QTextCharFormat m_attributeName;
    QTextCharFormat m_attributeValue;
    QTextCharFormat m_comment;
    QTextCharFormat m_cdata;
    QTextCharFormat m_entity;
    QTextCharFormat m_expression;
};

} // namespace portico::ui
