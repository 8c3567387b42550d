// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/representationcontract.h"

#include "core/model/jsonfields.h"

namespace portico::core {

using namespace jsonfields;

Result<RepresentationContract> RepresentationContract::fromJson(const QJsonObject &json,
                                                                const QString &path)
{
    Reader r(json, path);
    RepresentationContract c;
    c.contentType = r.string(u"contentType"_qs, Reader::Need::Required);
    c.schemaId = r.string(u"schemaId"_qs);
    c.typeName = r.string(u"typeName"_qs);
    c.formParameters = r.list<ParameterContract>(u"formParameters"_qs);
    c.examples = r.object(u"examples"_qs);
    c.sample = r.string(u"sample"_qs);
    if (!r.ok())
        return r.error();
    return c;
}

QJsonObject RepresentationContract::toJson() const
{
    QJsonObject o;
    o.insert(u"contentType"_qs, contentType);
    putString(o, u"schemaId"_qs, schemaId);
    putString(o, u"typeName"_qs, typeName);
    if (!formParameters.isEmpty())
        o.insert(u"formParameters"_qs, toArray(formParameters));
    putObject(o, u"examples"_qs, examples);
    putString(o, u"sample"_qs, sample);
    return o;
}

} // namespace portico::core
