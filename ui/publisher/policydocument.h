// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QPair>
#include <QString>

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

// Where a snippet goes: at `cursor` when it lies inside a section element, otherwise right
// after the inbound section's <base /> (or its opening tag). Returns the insert position.
int snippetInsertPosition(const QString &xml, int cursor);

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
