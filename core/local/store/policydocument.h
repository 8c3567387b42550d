// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/policyscope.h"

#include <QSet>
#include <QString>

namespace portico::local {

// Checks a policy document before the management plane stores it, so that the gateway only ever
// sees documents it can run: well-formed XML, <policies> at the root, the four sections directly
// below it, and nothing but the elements the portico-local gateway implements (apim-protocol.md
// §7 plus forward-request, base and their child elements), each under a parent it belongs to,
// and then everything else the gateway checks when it compiles the document (policycheck.h).
class PolicyDocument final
{
public:
    // `format` is "xml" (expressions XML-escaped) or "rawxml" (expressions may hold raw <, >
    // and &). `namedValues` are the display names of the service's named values: a {{name}}
    // the gateway could not substitute is refused here rather than failing every call. `scope`
    // is where the document is stored: an element Azure refuses there is refused here too.
    // Returns the document in its XML-escaped form, or an Error whose details name the
    // offending element (or named value) and its line (code ValidationError, target "value").
    [[nodiscard]] static core::Result<QString> validate(const QString &value, const QString &format,
                                                        const QSet<QString> &namedValues,
                                                        core::PolicyScope::Kind scope);

    // Element name → the parent elements it may appear in ("" = the document root).
    static const QHash<QString, QSet<QString>> &supportedElements();
};

} // namespace portico::local
