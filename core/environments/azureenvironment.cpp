// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/environments/azureenvironment.h"

#include "core/arm/armclient.h"
#include "core/arm/armlistjob.h"

#include <QRegularExpression>

namespace portico::core {

namespace {

Error invalid(const QString &target, const QString &message)
{
    Error error = Error::make(Error::Kind::InvalidInput, message);
    error.target = target;
    return error;
}

Error closed()
{
    return Error::make(Error::Kind::Unavailable, u"The client was closed."_qs);
}

} // namespace

AzureEnvironment::AzureEnvironment(ArmClient *client, QObject *jobParent)
    : m_client(client)
    , m_jobParent(jobParent)
{
}

Result<void> AzureEnvironment::checkSubscriptionId(const QString &subscriptionId)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$"_qs);
    if (!pattern.match(subscriptionId).hasMatch())
        return invalid(u"subscriptionId"_qs,
                       u"'%1' is not a subscription id."_qs.arg(subscriptionId.left(80)));
    return {};
}

Result<void> AzureEnvironment::checkResourceGroupName(const QString &name)
{
    // apim-protocol.md §1: 1-90 characters, ^[-\w\._\(\)]+$; ARM also refuses a trailing '.'.
    static const QRegularExpression pattern(u"^[-\\w\\._\\(\\)]{1,90}$"_qs,
                                            QRegularExpression::UseUnicodePropertiesOption);
    if (!pattern.match(name).hasMatch() || name.endsWith(u'.'))
        return invalid(u"resourceGroupName"_qs,
                       u"'%1' is not a resource group name: use 1 to 90 letters, digits, '-', "
                       "'_', '.', '(' or ')', not ending in '.'."_qs.arg(name.left(100)));
    return {};
}

AzureList<AzureSubscription> *AzureEnvironment::listSubscriptions() const
{
    if (!m_client)
        return new AzureList<AzureSubscription>(closed(), m_jobParent);
    ArmRequest request = ArmRequest::get(u"/subscriptions"_qs);
    request.withQuery(u"api-version"_qs, subscriptionsApiVersion);
    return new AzureList<AzureSubscription>(m_client->list(request), &AzureSubscription::fromJson,
                                            m_jobParent);
}

AzureList<ResourceGroup> *AzureEnvironment::listResourceGroups(const QString &subscriptionId) const
{
    if (!m_client)
        return new AzureList<ResourceGroup>(closed(), m_jobParent);
    if (auto bad = checkSubscriptionId(subscriptionId); !bad)
        return new AzureList<ResourceGroup>(bad.error(), m_jobParent);
    ArmRequest request = ArmRequest::get(u"/subscriptions/%1/resourcegroups"_qs.arg(subscriptionId));
    request.withQuery(u"api-version"_qs, resourceGroupsApiVersion);
    return new AzureList<ResourceGroup>(m_client->list(request), &ResourceGroup::fromJson,
                                        m_jobParent);
}

AzureList<ServiceInstance> *AzureEnvironment::listServices(const QString &subscriptionId,
                                                           const QString &resourceGroup) const
{
    if (!m_client)
        return new AzureList<ServiceInstance>(closed(), m_jobParent);
    if (auto bad = checkSubscriptionId(subscriptionId); !bad)
        return new AzureList<ServiceInstance>(bad.error(), m_jobParent);
    QString path = u"/subscriptions/"_qs + subscriptionId;
    if (!resourceGroup.isEmpty()) {
        if (auto bad = checkResourceGroupName(resourceGroup); !bad)
            return new AzureList<ServiceInstance>(bad.error(), m_jobParent);
        path += u"/resourceGroups/"_qs + resourceGroup;
    }
    path += u"/providers/Microsoft.ApiManagement/service"_qs;
    return new AzureList<ServiceInstance>(m_client->list(ArmRequest::get(path)),
                                          &ServiceInstance::fromJson, m_jobParent);
}

} // namespace portico::core
