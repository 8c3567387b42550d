// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/jsonsyntaxhighlighter.h"

namespace portico::ui {

JsonSyntaxHighlighter::JsonSyntaxHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_key.setForeground(QColor(0x04, 0x51, 0xa5));
    m_string.setForeground(QColor(0xa3, 0x15, 0x15));
    m_number.setForeground(QColor(0x09, 0x86, 0x58));
    m_literal.setForeground(QColor(0x00, 0x00, 0xff));
}

JsonSyntaxHighlighter::~JsonSyntaxHighlighter() = default;

void JsonSyntaxHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'"') {
            qsizetype j = i + 1;
            while (j < n && text.at(j) != u'"')
                j += text.at(j) == u'\\' ? 2 : 1;
            j = qMin(j + 1, n);
            qsizetype k = j;
            while (k < n && text.at(k).isSpace())
                ++k;
            setFormat(int(i), int(j - i), k < n && text.at(k) == u':' ? m_key : m_string);
            i = j;
        } else if (c.isDigit() || c == u'-') {
            qsizetype j = i + 1;
            while (j < n && (text.at(j).isDigit() || QStringView(u".eE+-").contains(text.at(j))))
                ++j;
            setFormat(int(i), int(j - i), m_number);
            i = j;
        } else if (c.isLetter()) {
            qsizetype j = i + 1;
            while (j < n && text.at(j).isLetter())
                ++j;
            setFormat(int(i), int(j - i), m_literal);
            i = j;
        } else {
            ++i;
        }
    }
}

} // namespace portico::ui
