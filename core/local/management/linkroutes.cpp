// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/management/linkroutes.h"

#include "core/local/management/armresources.h"

#include <QJsonArray>

namespace portico::local {

LinkRoutes::LinkRoutes(ManagementStore &store, Spec spec)
    : m_store(store)
    , m_spec(std::move(spec))
{
}

ArmResponse LinkRoutes::pagedList(const ArmRequest &request, const ResourceCollection &collection,
                                  const QList<StoredResource> &items)
{
    int top = 0, skip = 0;
    if (auto bad = ArmResources::paging(request, &top, &skip))
        return *bad;
    QJsonArray page;
    for (qsizetype i = skip; i < items.size() && page.size() < top; ++i)
        page.append(collection.present(items.at(i)));
    return ArmResources::listResponse(request, page, items.size(), top, skip);
}

std::optional<ArmResponse> LinkRoutes::resolve(const ArmRequest &request, Ends *ends,
                                               bool needTarget) const
{
    QStringList segments = request.resourceId().split(u'/', Qt::SkipEmptyParts);
    const qsizetype sourceDepth = m_spec.source->itemPattern().split(u'/', Qt::SkipEmptyParts).size();
    const auto source = m_store.get(u'/' + segments.mid(0, sourceDepth).join(u'/'));
    if (!source || source->kind != m_spec.source->spec().segment)
        return ArmResponse::notFound(m_spec.source->spec().entity);
    ends->source = *source;
    if (!needTarget)
        return std::nullopt;
    const QString targetId = ArmRouter::serviceIdOf(request) + u'/' + m_spec.target->spec().segment
        + u'/' + request.param(m_spec.targetIdParameter.toLatin1().constData());
    ends->target = m_store.get(targetId);
    if (ends->target && ends->target->kind != m_spec.target->spec().segment)
        ends->target.reset();
    return std::nullopt;
}

void LinkRoutes::registerRoutes(ArmRouter &router) const
{
    // The handlers outlive this object: they share a copy of it.
    const auto self = std::make_shared<const LinkRoutes>(*this);
    const QString collection = self->m_spec.source->itemPattern() + u'/' + self->m_spec.segment;
    const QString item = collection + u"/{"_qs + self->m_spec.targetIdParameter + u'}';

    router.add("GET", collection, [self](const ArmRequest &request) {
        Ends ends;
        if (auto missing = self->resolve(request, &ends, false))
            return *missing;
        QList<StoredResource> items;
        for (const QString &key : self->m_store.linkTargets(self->m_spec.kind, ends.source.key))
            if (auto target = self->m_store.get(key))
                items.append(*target);
        return pagedList(request, *self->m_spec.target, items);
    });
    router.add("HEAD", item, [self](const ArmRequest &request) {
        Ends ends;
        if (auto missing = self->resolve(request, &ends, true))
            return *missing;
        if (ends.target && self->m_store.hasLink(self->m_spec.kind, ends.source.key, ends.target->key))
            return ArmResponse::empty(204);
        return ArmResponse::error(404, u"ResourceNotFound"_qs, self->m_spec.headNotFoundMessage);
    });
    router.add("PUT", item, [self](const ArmRequest &request) {
        Ends ends;
        if (auto missing = self->resolve(request, &ends, true))
            return *missing;
        if (!ends.target)
            return ArmResponse::notFound(self->m_spec.target->spec().entity);
        if (self->m_spec.guard)
            if (auto refused = self->m_spec.guard(ends.source))
                return *refused;
        const bool linked = self->m_store.hasLink(self->m_spec.kind, ends.source.key, ends.target->key);
        const ArmResponse reply =
            ArmResponse::json(linked ? 200 : 201, self->m_spec.target->present(*ends.target));
        if (linked)
            return reply;
        if (auto begun = self->m_store.begin(); !begun)
            return ArmResponse::fromError(begun.error());
        if (auto r = self->m_store.link(self->m_spec.kind, ends.source.key, ends.target->key); !r)
            return ArmResources::storageFailure(self->m_store, r.error());
        return ArmResources::commit(self->m_store, reply);
    });
    router.add("DELETE", item, [self](const ArmRequest &request) {
        Ends ends;
        if (auto missing = self->resolve(request, &ends, true))
            return *missing;
        if (!ends.target || !self->m_store.hasLink(self->m_spec.kind, ends.source.key, ends.target->key))
            return ArmResponse::empty(204);
        if (self->m_spec.guard)
            if (auto refused = self->m_spec.guard(ends.source))
                return *refused;
        if (auto begun = self->m_store.begin(); !begun)
            return ArmResponse::fromError(begun.error());
        if (auto r = self->m_store.unlink(self->m_spec.kind, ends.source.key, ends.target->key); !r)
            return ArmResources::storageFailure(self->m_store, r.error());
        return ArmResources::commit(self->m_store, ArmResponse::empty(200));
    });
    if (self->m_spec.reverseSegment.isEmpty())
        return;
    router.add("GET", self->m_spec.target->itemPattern() + u'/' + self->m_spec.reverseSegment,
               [self](const ArmRequest &request) {
                   const QString targetId = request.resourceId().section(u'/', 0, -2);
                   const auto target = self->m_store.get(targetId);
                   if (!target || target->kind != self->m_spec.target->spec().segment)
                       return ArmResponse::notFound(self->m_spec.target->spec().entity);
                   QList<StoredResource> items;
                   for (const QString &key : self->m_store.linkSources(self->m_spec.kind, target->key))
                       if (auto source = self->m_store.get(key))
                           items.append(*source);
                   return pagedList(request, *self->m_spec.source, items);
               });
}

} // namespace portico::local
