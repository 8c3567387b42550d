// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/product.h"

#include "core/model/jsonfields.h"

namespace portico::core {

using namespace jsonfields;

Result<Product> Product::fromJson(const QJsonObject &json, const QString &path)
{
    Reader top(json, path);
    const Envelope envelope = readEnvelope(top);
    Reader p(top.object(u"properties"_qs, Reader::Need::Required), top.fieldPath(u"properties"_qs));
    Product product;
    product.id = envelope.id;
    product.name = envelope.name;
    product.displayName = p.string(u"displayName"_qs, Reader::Need::Required);
    product.description = p.string(u"description"_qs);
    product.terms = p.string(u"terms"_qs);
    product.subscriptionRequired = p.boolean(u"subscriptionRequired"_qs);
    product.approvalRequired = p.boolean(u"approvalRequired"_qs);
    product.subscriptionsLimit = p.integer(u"subscriptionsLimit"_qs);
    product.state = p.string(u"state"_qs);
    if (!product.state.isEmpty() && product.state != statePublished
        && product.state != stateNotPublished)
        p.fail(p.fieldPath(u"state"_qs), u"must be \"notPublished\" or \"published\""_qs);
    product.otherProperties = p.unread();
    top.absorb(p);
    if (!top.ok())
        return top.error();
    return product;
}

QJsonObject Product::toJson(JsonShape shape) const
{
    QJsonObject p;
    p.insert(u"displayName"_qs, displayName);
    putString(p, u"description"_qs, description);
    putString(p, u"terms"_qs, terms);
    putBool(p, u"subscriptionRequired"_qs, subscriptionRequired);
    putBool(p, u"approvalRequired"_qs, approvalRequired);
    putInt(p, u"subscriptionsLimit"_qs, subscriptionsLimit);
    putString(p, u"state"_qs, state);
    mergeUnknown(p, otherProperties);
    return wrapEnvelope(shape == JsonShape::Response, { id, name }, resourceType, p);
}

} // namespace portico::core
