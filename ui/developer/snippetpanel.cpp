// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/snippetpanel.h"

#include "core/tryit/secretredaction.h"
#include "core/tryit/snippetgenerator.h"

#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

#include <utility>

namespace portico::ui {

using Language = core::SnippetGenerator::Language;

SnippetPanel::SnippetPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"snippetPanel"_qs);
    m_language = new QComboBox(this);
    m_language->setObjectName(u"snippetLanguageComboBox"_qs);
    m_language->addItem(tr("curl"), int(Language::Curl));
    m_language->addItem(tr("Python (requests)"), int(Language::PythonRequests));
    m_language->addItem(tr("C# (HttpClient)"), int(Language::CSharpHttpClient));
    m_language->addItem(tr("JavaScript (fetch)"), int(Language::JavaScriptFetch));
    m_language->addItem(tr(".http file"), int(Language::HttpFile));
    connect(m_language, &QComboBox::currentIndexChanged, this, &SnippetPanel::regenerate);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(u"snippetPlainTextEdit"_qs);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->document()->setUndoRedoEnabled(false); // read-only; regenerating must not pile up

    m_note = new QLabel(this);
    m_note->setObjectName(u"snippetNoteLabel"_qs);
    m_note->setWordWrap(true);

    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(u"snippetCopyPushButton"_qs);
    connect(m_copy, &QPushButton::clicked, this, &SnippetPanel::copyToClipboard);

    auto *top = new QHBoxLayout;
    top->addWidget(m_language);
    top->addStretch();
    top->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_note);
    regenerate();
}

SnippetPanel::~SnippetPanel() = default;

void SnippetPanel::setRequest(const core::TryItRequest &request, const QString &refusingApi)
{
    m_request = request;
    m_refusingApi = refusingApi;
    // The panel never holds the key. A stand-in makes the generator emit the key header, which
    // it writes as an environment-variable placeholder (never the value) in every language.
    // The stand-in is the mask itself: the generator scrubs the key's value from the body, and
    // scrubbing the mask leaves the user's text as it was.
    m_request.subscriptionKey = request.subscriptionName.isEmpty() ? QString() : core::secretMask.toString();
    m_hasRequest = true;
    regenerate();
}

QString SnippetPanel::snippet() const
{
    return m_text->toPlainText();
}

void SnippetPanel::copyToClipboard()
{
    Q_EMIT aboutToCopy();
    if (!m_text->toPlainText().isEmpty())
        QGuiApplication::clipboard()->setText(m_text->toPlainText());
}

void SnippetPanel::showText(const QString &text)
{
    if (text == m_shown)
        return;
    const QString old = std::exchange(m_shown, text);
    // The middle that changed is replaced in place; the lines around it keep their layout and the
    // view its scroll position. Positions match characters one to one, except that the document
    // makes "\r\n" one line break: then the whole text is set.
    if (old.isEmpty() || text.isEmpty() || old.contains(u'\r') || text.contains(u'\r')) {
        m_text->setPlainText(text);
        return;
    }
    const qsizetype common = qMin(old.size(), text.size());
    qsizetype prefix = 0;
    while (prefix < common && old.at(prefix) == text.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < common - prefix && old.at(old.size() - 1 - suffix) == text.at(text.size() - 1 - suffix))
        ++suffix;
    // Whole characters: a surrogate pair is replaced as one ("😀" -> "😁" differ in the low half).
    if (prefix > 0 && old.at(prefix - 1).isHighSurrogate())
        --prefix;
    if (suffix > 0 && old.at(old.size() - suffix).isLowSurrogate())
        --suffix;
    QTextCursor cursor(m_text->document());
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(old.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(prefix, text.size() - prefix - suffix));
    if (m_text->document()->characterCount() - 1 != text.size())
        m_text->setPlainText(text); // some character did not map one to one after all
}

QString SnippetPanel::problemText(const core::Error &error)
{
    const QString &code = error.code;
    if (code == u"MissingValue"_qs && !error.target.isEmpty())
        return tr("No code yet: enter a value for the parameter %1.").arg(error.target);
    if (code == u"DotSegment"_qs && !error.target.isEmpty())
        return tr("No code yet: the value of the parameter %1 cannot be sent: as a path segment, “.” and “..” are "
                  "removed from the URL on the way, and the request would reach another path than this "
                  "operation's.")
            .arg(error.target);
    if (code == u"InvalidHeader"_qs && !error.target.isEmpty())
        return tr("No code yet: the header “%1” cannot be sent: a header name has no colon and a value is one "
                  "line.")
            .arg(error.target);
    if (code == u"InvalidGatewayUrl"_qs)
        return tr("No code yet: the gateway URL of this service is not an http or https URL.");
    if (code == u"InvalidMethod"_qs)
        return tr("No code yet: the HTTP method of this operation is not valid.");
    if (error.target == u"urlTemplate"_qs)
        return tr("No code yet: the URL template of this operation is not valid. Correct it in the "
                  "operation's editor.");
    if (code == u"InvalidUrl"_qs)
        return tr("No code yet: the resulting URL is not valid. Check the parameter values.");
    return tr("No code yet: the request cannot be built from these values.");
}

void SnippetPanel::regenerate()
{
    m_copy->setEnabled(false);
    if (!m_hasRequest) {
        showText({});
        m_note->setText(tr("Choose an operation and Try It to get code for its request."));
        return;
    }
    const auto language = Language(m_language->currentData().toInt());
    const auto code = core::SnippetGenerator::generate(language, m_request);
    if (!code) {
        showText({});
        m_note->setText(problemText(code.error()));
        return;
    }
    showText(code.value());
    m_copy->setEnabled(true);
    if (m_request.subscriptionName.isEmpty()) {
        m_note->clear();
        return;
    }
    const QString variable
        = core::SnippetGenerator::environmentVariableFor(m_request.keyHeaderName);
    m_note->setText(m_refusingApi.isEmpty()
            ? tr("The key of “%1” is read from the environment variable %2; it is not in the "
                 "code.")
                  .arg(m_request.subscriptionName, variable)
            : tr("The key of “%1” is read from the environment variable %2; it is not in the "
                 "code. This subscription cannot call %3: the gateway refuses its key for this "
                 "API.")
                  .arg(m_request.subscriptionName, variable, m_refusingApi));
}

} // namespace portico::ui
