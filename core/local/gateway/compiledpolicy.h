// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/policyscope.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>

namespace portico::local {

// One policy element with its attributes, child elements and text.
struct PolicyNode
{
    QString name;
    QList<QPair<QString, QString>> attributes;
    QList<PolicyNode> children;
    QString text;
    int line = 0;
    // Among the section elements of the same name in its document: 0 for the first. Limits of
    // one kind at one scope count separately by it (rate-limit-by-key, quota-by-key).
    int ordinal = 0;
    // "global:<service>", "product:<service>/<id>", "api:<service>/<id>",
    // "operation:<service>/<api>/<op>"; set when composed
    QString scope;

    QString attribute(const QString &name, const QString &fallback = {}) const;
    bool hasAttribute(const QString &name) const;
    const PolicyNode *child(const QString &name) const;
};

enum class PolicySection { Inbound = 0, Backend = 1, Outbound = 2, OnError = 3 };

// A `<policies>` document compiled for the gateway: parsed, checked and composed with the
// scopes above it. Parsing validates what the local gateway implements: known sections,
// elements allowed in their section, required attributes, numeric values and supported
// expressions. Errors name the element and its line. (The management store's PolicyDocument
// checks a document before it is stored; this is what the gateway runs.)
class CompiledPolicy
{
public:
    // Pending: the document still holds {{named value}} references (as the management plane
    // stores it); an attribute holding one is checked like an expression, after substitution.
    // Substituted: what the gateway compiles; a reference left unresolved is plain text.
    enum class NamedValues { Substituted, Pending };

    [[nodiscard]] static core::Result<CompiledPolicy> parse(const QString &xml,
                                                           NamedValues namedValues = NamedValues::Substituted);
    // A scope without a policy behaves like `<base/>` in every section.
    static CompiledPolicy inheritAll();
    // A scope whose stored policy cannot be compiled: requests that would run it are refused
    // (never run without it). `problem` says which scope and why.
    static CompiledPolicy broken(const QString &problem);
    // Empty unless this document, or a scope it was composed over, is broken().
    const QString &problem() const { return m_problem; }

    // Empty when Azure API Management accepts every element of this (parsed, not composed)
    // document in a policy of `scope` (core::PolicyScope::allows()); otherwise APIM's words for
    // the first one it refuses, with its line and what to use there instead. Checked when a
    // policy is saved, after everything parse() checks.
    QString scopeProblem(core::PolicyScope::Kind scope) const;

    const QList<PolicyNode> &section(PolicySection s) const { return m_sections[size_t(s)]; }
    QList<PolicyNode> &section(PolicySection s) { return m_sections[size_t(s)]; }

    // Replaces every <base/> in this (child) document's sections with the parent's section,
    // tags the child's own elements with `scope`, and returns the composed document.
    CompiledPolicy composedOver(const CompiledPolicy &parent, const QString &scope) const;

private:
    std::array<QList<PolicyNode>, 4> m_sections;
    QString m_problem;
};

// Replaces {{name}} with named values (secret ones included), XML-escaped so that a value
// cannot change the document's structure. Unknown names stay as they are.
QString substituteNamedValues(const QString &xml, const QHash<QString, QString> &values);

} // namespace portico::local
