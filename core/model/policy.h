// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/jsonshape.h"
#include "core/model/policyscope.h"

#include <QJsonObject>

#include <optional>

namespace portico::core {

// A policy document (PolicyContract, §3.8) at a scope. fromJson() derives `scope` from the id
// when there is one; for a body without id the caller sets it. `format` stays unset when the
// wire omits it (the service then assumes xml); effectiveFormat() applies that default.
struct Policy
{
    enum class Format { Xml, XmlLink, RawXml, RawXmlLink };

    QString id;   // RO
    QString name; // RO, always "policy" on the real service
    PolicyScope scope;
    QString value; // REQ: the XML (or a URL for the *-link formats)
    std::optional<Format> format;
    QJsonObject otherProperties;

    Format effectiveFormat() const { return format.value_or(Format::Xml); }
    // "xml", "xml-link", "rawxml", "rawxml-link"
    static QString formatName(Format format);
    static std::optional<Format> formatFromName(const QString &name);

    // Format "rawxml" → "xml", as the service reads a document sent as rawxml (§3.8): every <, >
    // and & inside a @(...) or @{...} policy expression becomes &lt;, &gt; or &amp;, and inside
    // an attribute value also the character that delimits it (" → &quot;, ' → &apos;), so that
    // the documented counter-key="@(context.Request.Headers.GetValueOrDefault("X-Client", ""))"
    // reads as one attribute. An expression ends at its matching bracket, not counting brackets
    // in C# string or character literals and comments. Comments, CDATA sections and everything
    // outside expressions stay as they are (no line breaks are added). With `sourceIndex`,
    // entry i of it is the index in `raw` of the character that gave character i of the result,
    // so that a problem found in the escaped form can be shown where the user typed it.
    static QString escapeExpressions(const QString &raw, QList<qsizetype> *sourceIndex = nullptr);
    // The inverse, "xml" → "rawxml" (what GET ?format=rawxml serves, §7): every XML reference
    // inside an expression (&lt; &gt; &amp; &quot; &apos; &#N;) becomes the character it stands
    // for; nothing outside expressions changes. escapeExpressions() of the result reads as the
    // same document.
    static QString unescapeExpressions(const QString &xml);

    [[nodiscard]] static Result<Policy> fromJson(const QJsonObject &json, const QString &path = {});
    QJsonObject toJson(JsonShape shape = JsonShape::Response) const;

    friend bool operator==(const Policy &, const Policy &) = default;
};

} // namespace portico::core
