// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace portico::core {

// Where a policy applies (§2.8): the whole service, one product, one API or one operation.
// The scope is not a body field; it is the policy's place in the resource tree.
struct PolicyScope
{
    enum class Kind { Global, Product, Api, Operation };

    Kind kind = Kind::Global;
    QString productId;   // Product
    QString apiId;       // Api, Operation
    QString operationId; // Operation

    static PolicyScope global() { return {}; }
    static PolicyScope product(const QString &productId);
    static PolicyScope api(const QString &apiId);
    static PolicyScope operation(const QString &apiId, const QString &operationId);

    // The scope of a policy resource id, full ("/subscriptions/…/service/s/apis/a/policies/policy")
    // or relative to the service ("/apis/a/policies/policy"). Collection names are matched
    // case-insensitively, as ARM does; anything unrecognised before "/policies/" is Global.
    static PolicyScope fromResourceId(const QString &id);
    // The policy resource path relative to the service, e.g. "/apis/echo/policies/policy".
    QString resourcePath() const;
    // The ARM resource type string, e.g. "Microsoft.ApiManagement/service/apis/policies".
    QString resourceType() const;

    // Whether Azure API Management accepts the policy element `element` in a policy of `kind`
    // (the "Policy scopes" of each policy's reference page on learn.microsoft.com): `quota` only
    // in a product's policy, `rate-limit` in a product's, an API's or an operation's but not the
    // global one; everything else (rate-limit-by-key and quota-by-key included) at every scope.
    // Elsewhere APIM refuses the document: "Policy is not allowed in the specified scope".
    static bool allows(Kind kind, QStringView element);

    friend bool operator==(const PolicyScope &, const PolicyScope &) = default;
};

} // namespace portico::core
