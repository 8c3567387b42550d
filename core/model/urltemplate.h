// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace portico::core {

// One problem in an APIM operation urlTemplate. `position` is the 0-based character offset in
// the template text: for parameter problems the offset of the '{' that opens the parameter (or of
// the '*' of a `/*` wildcard); -1 for UnusedParameter, which has no place in the text.
// `parameter` names the parameter involved, empty when none is.
struct UrlTemplateProblem
{
    enum class Code {
        Empty,                  // the template is empty (APIM needs 1–1000 characters)
        TooLong,                // more than 1000 characters
        UnbalancedBrace,        // '{' without '}', '}' without '{', or a '{' inside a parameter
        EmptyName,              // "{}" or "{*}"
        InvalidName,            // a name with characters other than letters, digits, '_', '-', '.', '~'
        DuplicateParameter,     // the same name used twice (names are case-sensitive)
        WildcardNotLast,        // {*rest} or /* not the last path segment, or a wildcard in the query
        MultipleParameters,     // two parameters in one path segment ("{a}-{b}") cannot be matched
        EmptySegment,           // "//" inside the path
        InvalidCharacter,       // whitespace, '#' or a control character outside a parameter
        InvalidQuery,           // a query item without a name, or a value mixing text and {param}
        UndeclaredParameter,    // used in the template, missing from templateParameters (§5)
        UnusedParameter,        // declared in templateParameters, not used in the template (§5)
    };

    Code code = Code::Empty;
    qsizetype position = -1;
    QString parameter;

    // Stable machine-readable name of `code`, e.g. "UnbalancedBrace"; used as ErrorDetail::code.
    [[nodiscard]] static QString codeName(Code code);
    // Technical English text for logs and ErrorDetail::message; the UI words it from code itself.
    [[nodiscard]] QString message() const;

    friend bool operator==(const UrlTemplateProblem &, const UrlTemplateProblem &) = default;
};

// A parsed APIM operation URL template (apim-protocol.md §3.3, §5), e.g.
//   /customers/{cid}/orders/{oid}/?date={date}
//   /workspaces/{workspace}/services/{service}/execute?api-version={apiversion}&details={details}
//   /files/{*rest}        /*
// The template is relative to the API path. The leading '/' is optional on input; expand()
// always emits it. A trailing '/' is kept as a final empty literal segment. A path segment is a
// literal, one parameter with optional literal text around it ("{id}.json"), or a wildcard.
// The query part is a list of name=value items whose value is a literal ("api-version=2.0") or
// exactly one parameter ("details={details}"); query-template parameters are required, like
// path parameters. Parameter names are case-sensitive.
class UrlTemplate
{
public:
    struct Segment
    {
        enum class Kind { Literal, Parameter, Wildcard };
        Kind kind = Kind::Literal;
        QString literal;   // Literal: the text as written (empty for the trailing-slash segment)
        QString name;      // Parameter/Wildcard: the name; "*" for the anonymous `/*` wildcard
        QString prefix;    // Parameter: literal text before the '{' within the segment
        QString suffix;    // Parameter: literal text after the '}' within the segment
        qsizetype position = 0; // offset of the segment's first character in text()

        friend bool operator==(const Segment &, const Segment &) = default;
    };

    struct QueryItem
    {
        enum class Kind { Literal, Parameter };
        Kind kind = Kind::Literal;
        QString name;      // the query key as written
        QString value;     // Literal: the value as written; empty when hasValue is false
        QString parameter; // Parameter: the template parameter that supplies the value
        bool hasValue = true; // false for a bare "?flag" item
        qsizetype position = 0; // offset of the item's first character in text()

        friend bool operator==(const QueryItem &, const QueryItem &) = default;
    };

    UrlTemplate() = default;

    // Parses `text`. Fails with Error::Kind::InvalidInput, code = the first problem's code name,
    // target "urlTemplate" and one ErrorDetail per problem (code, message, target = parameter).
    [[nodiscard]] static Result<UrlTemplate> parse(const QString &text);
    // As parse(), and also applies §5: every parameter used must be declared in
    // `declaredParameters` (the operation's templateParameters names) and every declared name
    // must be used. The anonymous `/*` wildcard needs no declaration but may be declared as "*".
    [[nodiscard]] static Result<UrlTemplate> parse(const QString &text,
                                                   const QStringList &declaredParameters);
    // All problems found, in text order, for editors that highlight positions. Structural
    // problems (braces, length) stop the analysis; the others are all reported. Pass
    // std::nullopt to skip the declaration check.
    [[nodiscard]] static QList<UrlTemplateProblem>
    problems(const QString &text, const std::optional<QStringList> &declaredParameters = {});

    const QString &text() const { return m_text; }
    const QList<Segment> &segments() const { return m_segments; }
    const QList<QueryItem> &queryItems() const { return m_queryItems; }
    // Names of all named parameters (path, wildcard, query) in order of appearance. The
    // anonymous `/*` wildcard is not listed.
    const QStringList &parameterNames() const { return m_parameterNames; }
    bool hasWildcard() const;
    bool hasTrailingSlash() const;

    // Builds the concrete relative URL ("/a/b?x=1"). Path values are percent-encoded per
    // segment (a '/' in a value becomes %2F), wildcard values per '/'-separated piece (slashes
    // kept), query values per RFC 3986 (everything but unreserved characters is encoded).
    // Literal text from the template is copied as written. Fails with InvalidInput, code
    // "MissingValue" and target = the parameter when a named parameter has no value, or a path
    // parameter's value is empty (it would change the route); with code "DotSegment" when a
    // value makes a path segment (or a wildcard piece) "." or "..", which normalization removes
    // (RFC 3986 5.2.4; QUrl decodes %2E, so it cannot be escaped). The `/*` wildcard takes its
    // optional value from key "*".
    [[nodiscard]] Result<QString> expand(const QHash<QString, QString> &values) const;

    friend bool operator==(const UrlTemplate &a, const UrlTemplate &b) { return a.m_text == b.m_text; }

private:
    QString m_text;
    QList<Segment> m_segments;
    QList<QueryItem> m_queryItems;
    QStringList m_parameterNames;
};

} // namespace portico::core
