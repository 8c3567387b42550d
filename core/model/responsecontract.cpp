// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/responsecontract.h"

#include "core/model/jsonfields.h"

namespace portico::core {

using namespace jsonfields;

Result<ResponseContract> ResponseContract::fromJson(const QJsonObject &json, const QString &path)
{
    Reader r(json, path);
    ResponseContract c;
    const auto status = r.integer(u"statusCode"_qs, Reader::Need::Required);
    if (status && (*status < 100 || *status > 599))
        r.fail(r.fieldPath(u"statusCode"_qs), u"must be an HTTP status code (100-599)"_qs);
    c.statusCode = static_cast<int>(status.value_or(0));
    c.description = r.string(u"description"_qs);
    c.representations = r.list<RepresentationContract>(u"representations"_qs);
    c.headers = r.list<ParameterContract>(u"headers"_qs);
    if (!r.ok())
        return r.error();
    return c;
}

QJsonObject ResponseContract::toJson() const
{
    QJsonObject o;
    o.insert(u"statusCode"_qs, statusCode);
    putString(o, u"description"_qs, description);
    o.insert(u"representations"_qs, toArray(representations));
    o.insert(u"headers"_qs, toArray(headers));
    return o;
}

} // namespace portico::core
