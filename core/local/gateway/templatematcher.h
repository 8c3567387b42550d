// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/urltemplate.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace portico::local {

// One request path (split into percent-decoded segments, empty segments dropped) and its
// decoded query pairs in request order. A bare "?flag" has a null value.
struct RequestPath
{
    QStringList segments;
    QList<QPair<QString, QString>> query;

    static RequestPath fromEncoded(QByteArrayView path, QByteArrayView query);
};

struct TemplateMatch
{
    QHash<QString, QString> parameters; // path, wildcard and query parameters by name
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

    // Fills a rewrite-uri template (`/v2/{id}?x={q}`) from matched parameters. Unlike
    // core::UrlTemplate::expand(), unknown parameters become empty rather than an error,
    // because rewrite-uri may name parameters the request did not bind.
    static QString expandRewrite(const QString &templ, const QHash<QString, QString> &parameters);
};

} // namespace portico::local
