// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QHash>
#include <QString>
#include <QVariantList>

namespace portico::local {

// The part of OData $filter that APIM list calls take, translated into an SQL condition over
// the store's columns:
//   field eq|ne|gt|ge|lt|le 'text'   (also true/false/numbers), case-insensitive for text
//   contains(field,'x')  startswith(field,'x')  endswith(field,'x')  substringof('x',field)
//   combined with and / or / not and parentheses.
// Only the fields a collection allows may appear; anything else is an error that says what.
class ODataFilter final
{
public:
    struct Sql
    {
        QString where;
        QVariantList binds;
    };
    // `fields` maps each filterable OData field name to its SQL expression.
    [[nodiscard]] static core::Result<Sql> toSql(const QString &filter,
                                                 const QHash<QString, QString> &fields);
};

} // namespace portico::local
