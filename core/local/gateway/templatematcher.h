// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/urltemplate.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace portico::local {

// One query item: its decoded name and value (a bare "?flag" has a null value) and where its
// encoded bytes ("name=value" as sent) lie in the query it was parsed from. rawBegin < 0 marks
// an item that has no encoded form yet (one a policy made); it is encoded from name and value.
struct RequestQueryItem
{
    QString name;
    QString value;
    qsizetype rawBegin = -1;
    qsizetype rawSize = 0;
};

// One request path (split into percent-decoded segments, empty segments dropped) and its
// query items in request order (empty items dropped).
struct RequestPath
{
    QStringList segments;
    QList<RequestQueryItem> query;

    static RequestPath fromEncoded(QByteArrayView path, QByteArrayView query);
};

struct TemplateMatch
{
    QHash<QString, QString> parameters; // path, wildcard and query parameters by name
};

// A matched parameter as the client encoded it, and where it came from.
struct EncodedParameter
{
    QByteArray raw;
    bool fromQuery = false;
};

// Matches requests against operation URL templates parsed by core::UrlTemplate (the same
// parser the management plane validates with). Literals compare case-insensitively; a
// parameter takes a whole segment (minus its literal prefix/suffix) and must be non-empty;
// a wildcard takes the rest of the path; query items must be present. `allowedValues` limits a
// parameter to its declared `values`; an empty list means anything.
class TemplateMatcher
{
public:
    [[nodiscard]] static bool match(const core::UrlTemplate &templ, const RequestPath &request,
                                    const QHash<QString, QStringList> &allowedValues,
                                    TemplateMatch &match);

    // "Most specific match wins": compared lexicographically, larger is more specific. Per path
    // segment: literal 4, parameter with literal prefix/suffix 3, parameter 2, wildcard 1; then
    // a terminator so that a template without a wildcard tail outranks one with it; then the
    // number of query items.
    static QList<int> specificity(const core::UrlTemplate &templ);

    // The parameters of a successful match() as the client encoded them: path parameters and
    // wildcards from `rawPath` (the encoded path the matched segments came from), query
    // parameters from `rawQuery` (the encoded query `query` was parsed from). Only rewrite-uri
    // needs them, so match() does not collect them on every request. A parameter whose encoded
    // form cannot be told apart is left out.
    static QHash<QString, EncodedParameter> encodedParameters(const core::UrlTemplate &templ,
                                                              QByteArrayView rawPath,
                                                              QByteArrayView rawQuery,
                                                              const QList<RequestQueryItem> &query,
                                                              const TemplateMatch &match);

    // Fills a rewrite-uri template (`/v2/{id}?x={q}`) from matched parameters. Unlike
    // core::UrlTemplate::expand(), unknown parameters become empty rather than an error,
    // because rewrite-uri may name parameters the request did not bind. A parameter found in
    // `encoded` is inserted as the client encoded it, escaping only what would change the
    // URL's structure where it lands (`/`, `?`, `#` in a path; `&`, `#` in a query, and `+`
    // that came from a path); the others are percent-encoded from their decoded value.
    static QString expandRewrite(const QString &templ, const QHash<QString, QString> &parameters,
                                 const QHash<QString, EncodedParameter> &encoded = {});
};

} // namespace portico::local
