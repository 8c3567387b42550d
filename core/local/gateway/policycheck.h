// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/policyscope.h"

#include <QList>
#include <QString>

namespace portico::local {

// Checks a policy document as the management plane stores it (XML-escaped, {{named value}}
// references not yet substituted) with the rules the gateway compiles it with: elements per
// section, required and integer attributes, the rate-limit renewal-period cap, supported
// expressions; and then that Azure API Management accepts each element in a policy of `scope`
// (core::PolicyScope::allows()), so that a policy that works locally also works on Azure.
// Returns an empty string when the gateway can run it, otherwise a message naming the element,
// the attribute and the line. A header of its own so that the management store (whose
// PolicyDocument checks the document's structure) needs nothing of CompiledPolicy.
[[nodiscard]] QString gatewayPolicyProblem(const QString &xml, core::PolicyScope::Kind scope);

// A {{name}} in a policy document, found the way substituteNamedValues() (compiledpolicy.h)
// looks names up when the gateway compiles the document.
struct NamedValueReference
{
    QString name;
    int line = 1; // 1-based line of the opening braces
};
// Every {{name}} reference of `xml`, in document order, each name once. Text between the braces
// that cannot be a named value's display name (letters, digits, '-', '.', '_') is no reference.
[[nodiscard]] QList<NamedValueReference> namedValueReferences(const QString &xml);

} // namespace portico::local
