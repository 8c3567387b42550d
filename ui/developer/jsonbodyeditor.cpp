// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/jsonbodyeditor.h"

#include "ui/developer/bodytextindexer.h"
#include "ui/developer/jsonparse.h"
#include "ui/developer/jsonsyntaxhighlighter.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace portico::ui {

JsonBodyEditor::JsonBodyEditor(QWidget *parent)
    : QWidget(parent)
{
    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName(u"bodyPlainTextEdit"_qs);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setTabChangesFocus(true);
    m_edit->setPlaceholderText(tr("Request body"));
    m_highlighter = new JsonSyntaxHighlighter(m_edit->document());

    m_status = new QLabel(this);
    m_status->setObjectName(u"bodyValidationLabel"_qs);
    m_status->setWordWrap(true);
    m_format = new QPushButton(tr("Format"), this);
    m_format->setObjectName(u"formatBodyPushButton"_qs);
    m_format->setToolTip(tr("Re-indent the JSON body"));
    connect(m_format, &QPushButton::clicked, this, &JsonBodyEditor::format);

    m_delay = new QTimer(this);
    m_delay->setSingleShot(true);
    m_delay->setInterval(300);
    connect(m_delay, &QTimer::timeout, this, &JsonBodyEditor::validate);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        m_delay->start();
        Q_EMIT textChanged();
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_format);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addLayout(bar);
    showValidity();
}

JsonBodyEditor::~JsonBodyEditor() = default;

QString JsonBodyEditor::text() const
{
    return m_edit->toPlainText();
}

void JsonBodyEditor::setText(const QString &text)
{
    m_edit->setPlainText(text);
    validate();
}

void JsonBodyEditor::setJsonMode(bool json)
{
    m_json = json;
    m_highlighter->setDocument(json ? m_edit->document() : nullptr);
    m_format->setEnabled(json);
    validate();
}

bool JsonBodyEditor::validate()
{
    m_delay->stop();
    const bool wasValid = m_valid;
    const QString text = m_edit->toPlainText();
    m_valid = true;
    m_errorLine = m_errorColumn = 0;
    m_errorText.clear();
    if (m_json && !text.trimmed().isEmpty()) {
        const QByteArray utf8 = text.toUtf8();
        // Any JSON value is a valid body ("hello", 42, true), not only an object or array.
        const JsonParse parsed = parseJson(utf8);
        if (!parsed.ok()) {
            m_valid = false;
            m_errorText = parsed.error;
            // The offset is in UTF-8 bytes; count lines and characters up to it.
            const QString before = QString::fromUtf8(utf8.left(parsed.errorOffset));
            m_errorLine = int(before.count(u'\n')) + 1;
            m_errorColumn = int(before.size() - (before.lastIndexOf(u'\n') + 1)) + 1;
        }
    }
    showValidity();
    if (wasValid != m_valid)
        Q_EMIT validityChanged(m_valid);
    return m_valid;
}

void JsonBodyEditor::showValidity()
{
    QList<QTextEdit::ExtraSelection> marks;
    if (m_valid) {
        const bool empty = m_edit->toPlainText().trimmed().isEmpty();
        m_status->setText(!m_json ? QString() : empty ? tr("No body") : tr("Valid JSON"));
        m_status->setStyleSheet(u"color: #2e7d32;"_qs);
    } else {
        m_status->setText(tr("Invalid JSON at line %1, column %2: %3")
                                  .arg(m_errorLine)
                                  .arg(m_errorColumn)
                                  .arg(m_errorText));
        m_status->setStyleSheet(u"color: #c62828;"_qs);
        const QTextBlock block = m_edit->document()->findBlockByNumber(m_errorLine - 1);
        if (block.isValid()) {
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(block);
            mark.cursor.setPosition(block.position() + qMin(m_errorColumn - 1, block.length() - 1));
            mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
            if (!mark.cursor.hasSelection())
                mark.cursor.movePosition(QTextCursor::PreviousCharacter, QTextCursor::KeepAnchor);
            mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            mark.format.setUnderlineColor(QColor(0xc6, 0x28, 0x28));
            mark.format.setBackground(QColor(0xff, 0xcd, 0xd2));
            marks.append(mark);
        }
    }
    m_edit->setExtraSelections(marks);
}

void JsonBodyEditor::format()
{
    if (!m_json || !validate() || m_edit->toPlainText().trimmed().isEmpty())
        return;
    // Re-indent without a DOM: keeps the user's key order and number spelling.
    BodyTextIndexer indexer(BodyTextIndexer::Mode::Pretty, std::numeric_limits<int>::max());
    indexer.feed(m_edit->toPlainText().toUtf8());
    indexer.finish();
    const QString formatted = QString::fromUtf8(indexer.take().text);
    // Through a cursor edit, so Format can be undone with Ctrl+Z.
    QTextCursor cursor(m_edit->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(formatted);
    validate();
}

} // namespace portico::ui
