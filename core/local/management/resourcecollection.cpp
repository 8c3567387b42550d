// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/management/resourcecollection.h"

#include "core/local/management/armresources.h"
#include "core/local/store/odatafilter.h"

#include "core/local/management/managementservice.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

namespace portico::local {

void CollectionWrite::setProperties(const QJsonObject &properties)
{
    resource.body.insert(u"properties"_qs, properties);
}

QJsonValue CollectionWrite::keep(const char *name, const QJsonValue &fallback) const
{
    if (existing) {
        const QJsonValue stored = existing->properties().value(QLatin1StringView(name));
        if (!stored.isUndefined())
            return stored;
    }
    return fallback;
}

ResourceCollection::ResourceCollection(ManagementStore &store, const LocalContext &context,
                                       CollectionSpec spec)
    : m_store(store)
    , m_context(context)
    , m_spec(std::move(spec))
{
    m_spec.filterFields.insert(u"name"_qs, u"name"_qs);
    m_spec.filterFields.insert(u"displayName"_qs, u"display_name"_qs);
}

QString ResourceCollection::itemPattern() const
{
    return m_spec.parentPattern + u'/' + m_spec.segment + u"/{"_qs + m_spec.idParameter + u'}';
}

void ResourceCollection::registerRoutes(ArmRouter &router)
{
    const QString collection = m_spec.parentPattern + u'/' + m_spec.segment;
    const QString item = itemPattern();
    router.add("GET", collection, [this](const ArmRequest &r) { return list(r); });
    router.add("GET", item, [this](const ArmRequest &r) { return get(r, false); });
    router.add("HEAD", item, [this](const ArmRequest &r) { return get(r, true); });
    router.add("PUT", item, [this](const ArmRequest &r) { return put(r, false); });
    if (m_spec.patch)
        router.add("PATCH", item, [this](const ArmRequest &r) { return put(r, true); });
    router.add("DELETE", item, [this](const ArmRequest &r) { return remove(r); });
}

QJsonObject ResourceCollection::present(const StoredResource &resource,
                                        const ArmRequest *request) const
{
    return m_spec.present ? m_spec.present(resource, request) : resource.body;
}

std::optional<ArmResponse> ResourceCollection::findParent(const ArmRequest &request,
                                                          StoredResource *parent) const
{
    QStringList segments = request.resourceId().split(u'/', Qt::SkipEmptyParts);
    const int parentDepth = int(m_spec.parentPattern.split(u'/', Qt::SkipEmptyParts).size());
    const QString parentId = u'/' + segments.mid(0, parentDepth).join(u'/');
    auto found = m_store.get(parentId);
    if (!found)
        return ArmResponse::notFound(m_spec.parentEntity.isEmpty() ? u"Service"_qs
                                                                   : m_spec.parentEntity);
    *parent = *found;
    return std::nullopt;
}

ArmResponse ResourceCollection::get(const ArmRequest &request, bool head) const
{
    StoredResource parent;
    if (auto missing = findParent(request, &parent))
        return *missing;
    const auto resource = m_store.get(request.resourceId());
    if (request.query.hasQueryItem(u"asyncId"_qs)) { // polling the Location of an async DELETE
        const auto op = m_store.operation(request.queryValue("asyncId"));
        if (op && op->resourceId.compare(request.resourceId(), Qt::CaseInsensitive) == 0 && !resource)
            return ArmResponse::empty(op->status == u"InProgress"_qs ? 202 : 204);
    }
    if (!resource || resource->kind != m_spec.segment)
        return head ? ArmResponse::empty(404) : ArmResponse::notFound(m_spec.entity);
    if (head)
        return ArmResponse::empty(200, ArmResources::etag(*resource));
    return ArmResponse::json(200, present(*resource, &request), ArmResources::etag(*resource));
}

ArmResponse ResourceCollection::list(const ArmRequest &request) const
{
    StoredResource parent;
    if (auto missing = findParent(request, &parent))
        return *missing;
    int top = 0, skip = 0;
    if (auto bad = ArmResources::paging(request, &top, &skip))
        return *bad;
    auto filter = ODataFilter::toSql(request.queryValue("$filter"), m_spec.filterFields);
    if (!filter)
        return ArmResponse::validation(u"$filter"_qs, filter.error().message);
    auto page = m_store.list(parent.id(), m_spec.segment, top, skip, filter->where, filter->binds,
                             bool(m_spec.present));
    if (!page)
        return ArmResponse::fromError(page.error());
    if (!m_spec.present) { // served as stored: splice the stored JSON, no parse/serialise
        QList<QByteArray> raw;
        raw.reserve(page->items.size());
        for (const StoredResource &resource : page->items)
            raw.append(resource.storedBody);
        return ArmResources::rawListResponse(request, raw, page->total, top, skip);
    }
    QJsonArray items;
    for (const StoredResource &resource : page->items)
        items.append(present(resource));
    return ArmResources::listResponse(request, items, page->total, top, skip);
}

ArmResponse ResourceCollection::put(const ArmRequest &request, bool patch)
{
    StoredResource parent;
    if (auto missing = findParent(request, &parent))
        return *missing;
    const QString name = request.param(m_spec.idParameter.toLatin1().constData());
    static const QRegularExpression restricted(u"^[^*#&+:<>?]+$"_qs);
    if (name.isEmpty() || name.size() > m_spec.nameMaxLength
        || (m_spec.restrictedNameCharacters && !restricted.match(name).hasMatch()))
        return ArmResponse::validation(
            m_spec.idParameter,
            u"'%1' is not a valid %2 name: it must be 1 to %3 characters long%4."_qs.arg(name)
                .arg(m_spec.entity)
                .arg(m_spec.nameMaxLength)
                .arg(m_spec.restrictedNameCharacters ? u" and cannot contain * # & + : < > ?"_qs
                                                     : QString()));
    QJsonObject body;
    if (auto bad = ArmResources::parseBody(request, &body))
        return *bad;
    const QJsonValue properties = body.value(u"properties"_qs);
    if (!properties.isUndefined() && !properties.isNull() && !properties.isObject())
        return ArmResponse::validation(u"properties"_qs, u"'properties' must be an object."_qs);

    CollectionWrite w { request, m_store, m_context, ArmRouter::serviceIdOf(request), parent,
                        QString(), name, m_store.get(request.resourceId()),
                        properties.toObject(), patch, StoredResource() };
    if (w.existing && w.existing->kind != m_spec.segment)
        w.existing.reset();
    if (auto failed = ArmResources::checkPreconditions(request, w.existing, patch))
        return *failed;
    if (patch && !w.existing)
        return ArmResponse::notFound(m_spec.entity);
    if (!w.existing && request.header("if-match").trimmed() != "*"
        && !request.header("if-match").trimmed().isEmpty())
        return ArmResponse::error(412, u"PreconditionFailed"_qs,
                                  u"The entity does not exist, so it cannot match If-Match."_qs);

    w.id = w.existing ? w.existing->id() : parent.id() + u'/' + m_spec.segment + u'/' + name;
    w.resource.kind = m_spec.segment;
    w.resource.name = w.existing ? w.existing->name : name;
    w.resource.privateData = w.existing ? w.existing->privateData : QJsonObject();
    w.resource.body = QJsonObject { { u"id"_qs, w.id },
                                    { u"type"_qs, m_spec.type },
                                    { u"name"_qs, w.resource.name },
                                    { u"properties"_qs,
                                      patch ? w.existing->properties() : QJsonObject() } };
    if (m_spec.prepare)
        if (auto refused = m_spec.prepare(w))
            return *refused;
    if (w.resource.displayName.isEmpty())
        w.resource.displayName = w.properties().value(u"displayName"_qs).toString();

    if (auto begun = m_store.begin(); !begun)
        return ArmResponse::fromError(begun.error());
    if (auto written = m_store.put(w.resource, parent.id()); !written)
        return ArmResources::storageFailure(m_store, written.error());
    if (m_spec.afterWrite)
        if (auto refused = m_spec.afterWrite(w)) {
            m_store.rollback();
            return *refused;
        }
    const int status = w.existing ? 200 : 201;
    return ArmResources::commit(
        m_store,
        ArmResponse::json(status, present(w.resource, &request), ArmResources::etag(w.resource)));
}

ArmResponse ResourceCollection::remove(const ArmRequest &request)
{
    StoredResource parent;
    if (auto missing = findParent(request, &parent))
        return *missing;
    auto existing = m_store.get(request.resourceId());
    if (existing && existing->kind != m_spec.segment)
        existing.reset();
    if (auto failed = ArmResources::checkPreconditions(request, existing, true))
        return *failed;
    if (!existing)
        return ArmResponse::empty(204);
    if (auto begun = m_store.begin(); !begun)
        return ArmResponse::fromError(begun.error());
    if (m_spec.beforeDelete)
        if (auto refused = m_spec.beforeDelete(request, *existing)) {
            m_store.rollback();
            return *refused;
        }
    if (auto removed = m_store.remove(existing->id()); !removed)
        return ArmResources::storageFailure(m_store, removed.error());
    if (!m_spec.deleteIsLongRunning)
        return ArmResources::commit(m_store, ArmResponse::empty(200));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString asyncId = QUuid::createUuid().toString(QUuid::Id128);
    if (auto r = m_store.putOperation({ asyncId, existing->id(), u"delete"_qs, u"Succeeded"_qs, now,
                                        now, now, now });
        !r)
        return ArmResources::storageFailure(m_store, r.error());
    const QString version = u"api-version="_qs + ManagementService::apiVersion();
    const QString location = ArmResources::absoluteUrl(
        request, existing->id() + u'?' + version + u"&asyncId="_qs + asyncId + u"&asyncCode=204"_qs);
    const QString async = ArmResources::absoluteUrl(
        request, ArmRouter::serviceIdOf(request) + u"/tenant/operationResults/"_qs + asyncId
            + u'?' + version);
    return ArmResources::commit(
        m_store, ArmResponse::empty(202, { { QByteArrayLiteral("Location"), location.toUtf8() },
                                           { QByteArrayLiteral("Azure-AsyncOperation"),
                                             async.toUtf8() } }));
}

} // namespace portico::local
