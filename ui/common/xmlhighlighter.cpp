// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/common/xmlhighlighter.h"

#include <QRegularExpression>

namespace portico::ui {

XmlHighlighter::XmlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_element.setForeground(QColor(0x1a, 0x4f, 0xa0));
    m_element.setFontWeight(QFont::DemiBold);
    m_attributeName.setForeground(QColor(0x8a, 0x3f, 0x9e));
    m_attributeValue.setForeground(QColor(0x0a, 0x7a, 0x3c));
    m_comment.setForeground(QColor(0x70, 0x70, 0x70));
    m_comment.setFontItalic(true);
    m_cdata.setForeground(QColor(0x80, 0x50, 0x10));
    m_entity.setForeground(QColor(0xa0, 0x30, 0x30));
    m_expression.setForeground(QColor(0xb0, 0x5a, 0x00));
    m_expression.setBackground(QColor(0xff, 0xf6, 0xe5));
}

XmlHighlighter::~XmlHighlighter() = default;

QTextCharFormat XmlHighlighter::format(Token token) const
{
    switch (token) {
    case Token::Element:
        return m_element;
    case Token::AttributeName:
        return m_attributeName;
    case Token::AttributeValue:
        return m_attributeValue;
    case Token::Comment:
        return m_comment;
    case Token::CData:
        return m_cdata;
    case Token::Entity:
        return m_entity;
    case Token::Expression:
        return m_expression;
    }
    return {};
}

void XmlHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression tagRe(uR"(</?\s*([A-Za-z_][\w.:-]*)|/?>)"_qs);
    static const QRegularExpression attrRe(uR"(([A-Za-z_][\w.:-]*)\s*=\s*("[^"]*"|'[^']*'))"_qs);
    static const QRegularExpression entityRe(uR"(&[#\w]+;)"_qs);
    static const QRegularExpression exprRe(uR"(@\((?:[^()]|\([^()]*\))*\)|@\{[^}]*\}?)"_qs);

    qsizetype pos = 0;
    setCurrentBlockState(Normal);
    const int previous = previousBlockState();

    // Continue a comment or CDATA section from the previous block.
    if (previous == InComment || previous == InCData) {
        const QString end = previous == InComment ? u"-->"_qs : u"]]>"_qs;
        const qsizetype close = text.indexOf(end);
        const QTextCharFormat &fmt = previous == InComment ? m_comment : m_cdata;
        if (close < 0) {
            setFormat(0, int(text.size()), fmt);
            setCurrentBlockState(previous);
            return;
        }
        setFormat(0, int(close + end.size()), fmt);
        pos = close + end.size();
    }

    // Tags and attributes first; comments/CDATA override them afterwards.
    auto tags = tagRe.globalMatch(text, pos);
    while (tags.hasNext()) {
        const auto m = tags.next();
        if (m.capturedLength(1) > 0)
            setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_element);
        else
            setFormat(int(m.capturedStart()), int(m.capturedLength()), m_element);
    }
    auto attrs = attrRe.globalMatch(text, pos);
    while (attrs.hasNext()) {
        const auto m = attrs.next();
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_attributeName);
        setFormat(int(m.capturedStart(2)), int(m.capturedLength(2)), m_attributeValue);
    }
    auto entities = entityRe.globalMatch(text, pos);
    while (entities.hasNext()) {
        const auto m = entities.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_entity);
    }
    auto exprs = exprRe.globalMatch(text, pos);
    while (exprs.hasNext()) {
        const auto m = exprs.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_expression);
    }

    // Comments and CDATA, possibly opening here and continuing in the next block.
    while (pos < text.size()) {
        const qsizetype comment = text.indexOf(u"<!--"_qs, pos);
        const qsizetype cdata = text.indexOf(u"<![CDATA["_qs, pos);
        qsizetype start = -1;
        bool isComment = false;
        if (comment >= 0 && (cdata < 0 || comment < cdata)) {
            start = comment;
            isComment = true;
        } else if (cdata >= 0) {
            start = cdata;
        }
        if (start < 0)
            break;
        const QString end = isComment ? u"-->"_qs : u"]]>"_qs;
        const qsizetype close = text.indexOf(end, start + 4);
        const QTextCharFormat &fmt = isComment ? m_comment : m_cdata;
        if (close < 0) {
            setFormat(int(start), int(text.size() - start), fmt);
            setCurrentBlockState(isComment ? InComment : InCData);
            return;
        }
        setFormat(int(start), int(close + end.size() - start), fmt);
        pos = close + end.size();
    }
}

} // namespace portico::ui
