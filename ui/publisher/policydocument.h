// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace portico::ui {

// Client-side reading of APIM policy documents (apim-protocol.md §7) for the policy editor:
// well-formedness with line and column, snippet placement, and the effective policy with every
// inherited <base/> expanded. Pure functions; the server stays the judge of what is valid.
namespace policydocument {

struct Problem
{
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based; 0 when unknown
    QString message;
};

// Empty list when `xml` is a well-formed <policies> document as the server reads it with format
// rawxml (§3.8: <, > and & inside @(...) and @{...} expressions are escaped first, exactly as
// core::Policy::escapeExpressions() does). Problems carry the line and column in `xml` and a
// translated explanation, never the XML parser's own text alone.
QList<Problem> check(const QString &xml);

// A change to the text: replace `removed` characters at `position` with `text`; `cursor` is
// where the inserted element ends in the changed text.
struct Edit
{
    int position = 0;
    int removed = 0;
    QString text;
    int cursor = 0;
};

// Where and how `snippet` (one policy element, lines separated by \n, nested lines indented by
// four spaces a level) goes into the well-formed document `xml`: at `cursor` when that lies
// between the elements of a section named in `sections`; after the whole element when it lies
// inside one of that section's elements (in a tag, an attribute value, a child or a comment);
// otherwise into <inbound>, after its <base /> or at its start. An empty <inbound/> is opened
// and a missing one is added before <backend>, <outbound> and <on-error>. The snippet is
// indented like the elements around it (one level below the section when it has none), its
// nesting in the document's indentation step; on a
// document written on one line it stays on that line. The result passes check() as `xml` does.
// A document that is not well-formed gets the snippet at `cursor`, or after the tag `cursor` is
// in.
Edit snippetEdit(const QString &xml, int cursor, const QString &snippet,
                 const QStringList &sections);

// One scope's document, outermost (global) first: {scope label, xml}.
using Chain = QList<QPair<QString, QString>>;

// The policy that runs at the innermost scope: each <base /> replaced by the parent scope's
// effective content of the same section, each inlined part preceded by a comment naming its
// scope. Expressions read as in the editor (rawxml: raw <, > and & and quotes, §3.8). On
// malformed input, `error` names the scope and the problem and the result is empty.
QString effective(const Chain &chain, QString *error = nullptr);

// A line/column pair found in a server error message ("line 3", "(3,14)", "position 14").
Problem locate(const QString &message);

} // namespace policydocument

} // namespace portico::ui
