// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/parametercontract.h"

#include "core/model/jsonfields.h"

namespace portico::core {

using namespace jsonfields;

Result<ParameterContract> ParameterContract::fromJson(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    ParameterContract c;
    c.name = r.string(u"name"_qs, Reader::Need::Required);
    c.type = r.string(u"type"_qs, Reader::Need::Required);
    c.description = r.string(u"description"_qs);
    c.defaultValue = r.string(u"defaultValue"_qs);
    c.required = r.boolean(u"required"_qs).value_or(false);
    c.values = r.stringList(u"values"_qs);
    c.schemaId = r.string(u"schemaId"_qs);
    c.typeName = r.string(u"typeName"_qs);
    c.examples = r.object(u"examples"_qs);
    if (!r.ok())
        return r.error();
    return c;
}

QJsonObject ParameterContract::toJson() const
{
    QJsonObject o;
    o.insert(u"name"_qs, name);
    o.insert(u"type"_qs, type);
    putString(o, u"description"_qs, description);
    putString(o, u"defaultValue"_qs, defaultValue);
    o.insert(u"required"_qs, required);
    o.insert(u"values"_qs, toArray(values));
    putString(o, u"schemaId"_qs, schemaId);
    putString(o, u"typeName"_qs, typeName);
    putObject(o, u"examples"_qs, examples);
    return o;
}

} // namespace portico::core
