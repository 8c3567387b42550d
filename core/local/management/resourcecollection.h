// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/management/armrouter.h"
#include "core/local/store/managementstore.h"

#include <functional>
#include <optional>

namespace portico::local {

struct LocalContext;

// One PUT or PATCH in progress: what the request asked for and the resource being built.
struct CollectionWrite
{
    const ArmRequest &request;
    ManagementStore &store;
    const LocalContext &context;
    QString serviceId;
    StoredResource parent;
    QString id;
    QString name;
    std::optional<StoredResource> existing;
    QJsonObject input; // body.properties as sent
    bool patch = false;
    StoredResource resource; // body.properties starts as {} (PUT) or the stored ones (PATCH)

    QJsonObject properties() const { return resource.properties(); }
    void setProperties(const QJsonObject &properties);
    // A stored read-only property (createdDate, ...) carried over on update, or `fallback`.
    QJsonValue keep(const char *name, const QJsonValue &fallback) const;
};

// The CRUD pattern most APIM child resources share (apim-protocol.md §2 intro): paged list with
// $filter/$top/$skip, HEAD and GET with ETag, PUT 201/200 (If-Match optional), PATCH 200
// (If-Match required), DELETE 200/204 (If-Match required). Resource-specific rules plug in
// through the hooks; each hook may answer an error instead.
struct CollectionSpec
{
    QString parentPattern; // route pattern of the parent resource
    QString segment;       // "apis"; also the store kind
    QString idParameter;   // "apiId"
    QString type;          // "Microsoft.ApiManagement/service/apis"
    QString entity;        // "Api" → "Api not found."
    QString parentEntity;  // for a missing non-service parent ("Api")
    int nameMaxLength = 256;
    bool restrictedNameCharacters = true; // ^[^*#&+:<>?]+$
    QHash<QString, QString> filterFields; // OData field → SQL; name/displayName always
    bool patch = true;
    // DELETE is long-running in the spec (APIs, users: 202/204 only). The delete still happens
    // at once, but the answer is 202 with APIM's Location (the resource URL plus asyncId and
    // asyncCode=204) and Azure-AsyncOperation ({svc}/tenant/operationResults/{id}) headers,
    // both of which then report completion.
    bool deleteIsLongRunning = false;

    // Validates input into w.resource (properties, displayName, uniqueKey, privateData).
    std::function<std::optional<ArmResponse>(CollectionWrite &w)> prepare;
    // Side effects inside the write's transaction, after the resource row is written.
    std::function<std::optional<ArmResponse>(CollectionWrite &w)> afterWrite;
    // Checks and side effects inside the delete's transaction, before the subtree is removed.
    std::function<std::optional<ArmResponse>(const ArmRequest &request, const StoredResource &r)>
        beforeDelete;
    // The served envelope; the stored body when unset. `request` is null in lists.
    std::function<QJsonObject(const StoredResource &r, const ArmRequest *request)> present;
};

class ResourceCollection final
{
public:
    ResourceCollection(ManagementStore &store, const LocalContext &context, CollectionSpec spec);

    void registerRoutes(ArmRouter &router);
    QString itemPattern() const;
    QJsonObject present(const StoredResource &resource, const ArmRequest *request = nullptr) const;
    const CollectionSpec &spec() const { return m_spec; }

    // Also used by link and action routes.
    ArmResponse get(const ArmRequest &request, bool head) const;
    ArmResponse list(const ArmRequest &request) const;
    ArmResponse put(const ArmRequest &request, bool patch);
    ArmResponse remove(const ArmRequest &request);

private:
    std::optional<ArmResponse> findParent(const ArmRequest &request, StoredResource *parent) const;

    ManagementStore &m_store;
    const LocalContext &m_context;
    CollectionSpec m_spec;
};

} // namespace portico::local
