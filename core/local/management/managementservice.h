// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/management/armrouter.h"
#include "core/local/server/httpservice.h"

#include <memory>
#include <vector>

namespace portico::local {

struct LocalContext;
class ManagementStore;
class ResourceCollection;
class ServiceRoutes;

// The ARM-compatible management plane for Microsoft.ApiManagement (api-version 2024-05-01),
// backed by the ManagementStore, with the Microsoft.Resources calls a console makes around it
// (the local subscription, its locations and resource groups, in that provider's
// api-versions). Every request is checked in this order: bearer token (401
// AuthenticationFailed / InvalidAuthenticationToken), api-version (400
// MissingApiVersionParameter / InvalidApiVersionParameter), body size (413 above 4 MiB), route
// (404/405), then the existence of the subscription, resource group and service in the path.
//
// Other components add routes through router() (see ArmRouter::addServiceRoute) before or
// after start; they are matched like the built-in ones.
class ManagementService final : public HttpService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagementService)

public:
    static constexpr qsizetype MaxBodyBytes = 4 * 1024 * 1024;
    static const QString &localSubscriptionId();
    static const QString &defaultResourceGroup();
    static const QString &apiVersion();

    ManagementService(const LocalContext &context, ManagementStore &store,
                      QObject *parent = nullptr);
    ~ManagementService() override;

    // Creates the default resource group if needed and resumes unfinished long-running
    // operations. The store must be open.
    [[nodiscard]] core::Result<void> open();

    ArmRouter &router() { return m_router; }

protected:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder) override;

private:
    ArmResponse dispatch(const QHttpServerRequest &request);
    std::optional<ArmResponse> checkParents(const ArmRequest &request) const;
    void addResourceGroupRoutes();

    const LocalContext &m_context;
    ManagementStore &m_store;
    ArmRouter m_router;
    std::unique_ptr<ServiceRoutes> m_services;
    std::vector<std::unique_ptr<ResourceCollection>> m_collections;
};

} // namespace portico::local
