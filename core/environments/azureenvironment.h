// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/environments/azurelistjob.h"
#include "core/environments/azuresubscription.h"
#include "core/environments/resourcegroup.h"
#include "core/model/serviceinstance.h"

#include <QPointer>

namespace portico::core {

class ArmClient;

// What a signed-in account can reach through Azure Resource Manager: its subscriptions, their
// resource groups and the API Management services in a subscription or a group. Used to pick
// where an Azure environment points; it also works against portico-local, which answers the
// same calls for its one local subscription.
//
//   GET /subscriptions?api-version=2022-12-01
//   GET /subscriptions/{id}/resourcegroups?api-version=2021-04-01
//   GET /subscriptions/{id}[/resourceGroups/{rg}]/providers/Microsoft.ApiManagement/service
//       (api-version 2024-05-01, §2.1)
//
// Every list follows nextLink to the last page. Ids are checked before anything is sent: a
// subscription id must be one path segment, a resource group name 1-90 of [-\w._()] not ending
// in '.'; a refused id finishes the job with InvalidInput (target "subscriptionId" or
// "resourceGroupName"). Jobs are children of `jobParent` (or of nothing: they delete
// themselves after finished()).
class AzureEnvironment final
{
public:
    static constexpr QLatin1StringView subscriptionsApiVersion { "2022-12-01" };
    static constexpr QLatin1StringView resourceGroupsApiVersion { "2021-04-01" };

    explicit AzureEnvironment(ArmClient *client, QObject *jobParent = nullptr);

    [[nodiscard]] AzureList<AzureSubscription> *listSubscriptions() const;
    [[nodiscard]] AzureList<ResourceGroup> *listResourceGroups(const QString &subscriptionId) const;
    // All services of the subscription, or of one of its resource groups.
    [[nodiscard]] AzureList<ServiceInstance> *listServices(const QString &subscriptionId,
                                                           const QString &resourceGroup = {}) const;

    [[nodiscard]] static Result<void> checkSubscriptionId(const QString &subscriptionId);
    [[nodiscard]] static Result<void> checkResourceGroupName(const QString &name);

private:
    QPointer<ArmClient> m_client;
    QPointer<QObject> m_jobParent;
};

} // namespace portico::core
