// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/management/resourcecollection.h"

namespace portico::local {

// Link resources between two collections of a service (product↔API, product↔group,
// group↔user; apim-protocol.md §2.4, §2.7): list, HEAD (204 when linked), PUT without a body
// (201 added / 200 already there, answering the target's contract) and DELETE (200/204), none
// of which take If-Match. Also the reverse list (e.g. GET {svc}/apis/{apiId}/products).
class LinkRoutes final
{
public:
    struct Spec
    {
        QString kind;                      // store link kind, e.g. "productApis"
        const ResourceCollection *source;  // e.g. products
        const ResourceCollection *target;  // e.g. apis
        QString segment;                   // "apis": {source item}/apis/{targetId}
        QString targetIdParameter;         // "apiId"
        QString reverseSegment;            // "products": {target item}/products (empty: none)
        QString headNotFoundMessage;       // the 404 text of HEAD when not linked
        // Refuses a change (e.g. to a system group's membership); null to allow all.
        std::function<std::optional<ArmResponse>(const StoredResource &source)> guard;
    };

    LinkRoutes(ManagementStore &store, Spec spec);
    // The routes keep their own copy of this object; it need not outlive them.
    void registerRoutes(ArmRouter &router) const;

    // A paged list response over resources given by id (in-memory $top/$skip).
    static ArmResponse pagedList(const ArmRequest &request, const ResourceCollection &collection,
                                 const QList<StoredResource> &items);

private:
    struct Ends
    {
        StoredResource source;
        std::optional<StoredResource> target;
    };
    std::optional<ArmResponse> resolve(const ArmRequest &request, Ends *ends, bool needTarget) const;

    ManagementStore &m_store;
    Spec m_spec;
};

} // namespace portico::local
