// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/arm/apimclient.h"

#include "core/arm/armclient.h"
#include "core/arm/armjob.h"
#include "core/arm/armlistjob.h"

namespace portico::core {

namespace {

Error closed()
{
    return Error::make(Error::Kind::Unavailable, u"The client was closed."_qs);
}

std::optional<Error> problemWith(const QString &id, const QString &what)
{
    if (Result<void> checked = checkResourceId(id, what); !checked)
        return checked.error();
    return std::nullopt;
}

template <typename T>
Result<T> withScope(Result<T> policy, const PolicyScope &scope)
{
    if (policy && policy->id.isEmpty())
        policy.value().scope = scope;
    return policy;
}

} // namespace

ApimClient::ApimClient(ArmClient *client, QString serviceId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_serviceId(std::move(serviceId))
{
    while (m_serviceId.endsWith(u'/'))
        m_serviceId.chop(1);
}

ApimClient::~ApimClient() = default;

QString ApimClient::serviceIdFor(
    const QString &subscriptionId, const QString &resourceGroup, const QString &serviceName)
{
    return u"/subscriptions/%1/resourceGroups/%2/providers/Microsoft.ApiManagement/service/%3"_qs
        .arg(subscriptionId, resourceGroup, serviceName);
}

QString ApimClient::serviceName() const
{
    return m_serviceId.section(u'/', -1);
}

template <typename T>
ApimCall<T> *ApimClient::refuse(const Error &error)
{
    return new ApimCall<T>(error, this);
}

ApimCall<ServiceInstance> *ApimClient::getService()
{
    if (!m_client)
        return refuse<ServiceInstance>(closed());
    return new ApimCall<ServiceInstance>(
        m_client->send(ArmRequest::get(m_serviceId)), &apimparse::one<ServiceInstance>, this);
}

ApimCall<ServiceInstance> *ApimClient::createOrUpdateService(
    const ServiceInstance &service, const QByteArray &ifMatch)
{
    if (!m_client)
        return refuse<ServiceInstance>(closed());
    if (Result<void> checked = checkResourceId(serviceName(), u"service"_qs); !checked)
        return refuse<ServiceInstance>(checked.error());
    ArmRequest request = ArmRequest::put(m_serviceId, service.toJson(JsonShape::Request), ifMatch);
    request.asLongRunning();
    return new ApimCall<ServiceInstance>(
        m_client->send(request), &apimparse::one<ServiceInstance>, this);
}

ApimCall<void> *ApimClient::deleteService()
{
    if (!m_client)
        return refuse<void>(closed());
    ArmRequest request = ArmRequest::remove(m_serviceId, {});
    request.asLongRunning();
    return new ApimCall<void>(m_client->send(request), &apimparse::none, this);
}

ApimCall<QList<ServiceInstance>> *ApimClient::listServices()
{
    if (!m_client)
        return refuse<QList<ServiceInstance>>(closed());
    const QString collection = m_serviceId.section(u'/', 0, -2);
    return new ApimCall<QList<ServiceInstance>>(
        m_client->list(ArmRequest::get(collection)), &apimparse::many<ServiceInstance>, this);
}

ApimCollection<Api> ApimClient::apis()
{
    return { m_client, this, m_serviceId + u"/apis"_qs, { u"API"_qs, true, true } };
}

ApimCollection<Operation> ApimClient::operations(const QString &apiId)
{
    return { m_client, this, m_serviceId + u"/apis/"_qs + apiId + u"/operations"_qs,
        { u"operation"_qs, false, false, problemWith(apiId, u"API"_qs) } };
}

ApimCollection<Product> ApimClient::products()
{
    return { m_client, this, m_serviceId + u"/products"_qs, { u"product"_qs, false, false } };
}

ApimCollection<Subscription> ApimClient::subscriptions()
{
    return { m_client, this, m_serviceId + u"/subscriptions"_qs,
        { u"subscription"_qs, false, false } };
}

ApimCollection<User> ApimClient::users()
{
    return { m_client, this, m_serviceId + u"/users"_qs, { u"user"_qs, false, true } };
}

ApimCollection<Group> ApimClient::groups()
{
    return { m_client, this, m_serviceId + u"/groups"_qs, { u"group"_qs, false, false } };
}

ApimCollection<NamedValue> ApimClient::namedValues()
{
    return { m_client, this, m_serviceId + u"/namedValues"_qs, { u"named value"_qs, true, false } };
}

ApimCollection<Backend> ApimClient::backends()
{
    return { m_client, this, m_serviceId + u"/backends"_qs, { u"backend"_qs, false, false } };
}

ApimLinks<Api> ApimClient::productApis(const QString &productId)
{
    return { m_client, this, m_serviceId + u"/products/"_qs + productId + u"/apis"_qs,
        { u"API"_qs, false, false, problemWith(productId, u"product"_qs) } };
}

ApimLinks<Group> ApimClient::productGroups(const QString &productId)
{
    return { m_client, this, m_serviceId + u"/products/"_qs + productId + u"/groups"_qs,
        { u"group"_qs, false, false, problemWith(productId, u"product"_qs) } };
}

ApimLinks<User> ApimClient::groupUsers(const QString &groupId)
{
    return { m_client, this, m_serviceId + u"/groups/"_qs + groupId + u"/users"_qs,
        { u"user"_qs, false, false, problemWith(groupId, u"group"_qs) } };
}

ApimCall<SubscriptionKeys> *ApimClient::listSubscriptionSecrets(const QString &sid)
{
    if (!m_client)
        return refuse<SubscriptionKeys>(closed());
    if (Result<void> checked = checkResourceId(sid, u"subscription"_qs); !checked)
        return refuse<SubscriptionKeys>(checked.error());
    return new ApimCall<SubscriptionKeys>(m_client->send(ArmRequest::post(m_serviceId
                                              + u"/subscriptions/"_qs + sid + u"/listSecrets"_qs)),
        &apimparse::one<SubscriptionKeys>, this);
}

ApimCall<void> *ApimClient::postNoContent(const QString &path, const QString &sid)
{
    if (!m_client)
        return refuse<void>(closed());
    if (Result<void> checked = checkResourceId(sid, u"subscription"_qs); !checked)
        return refuse<void>(checked.error());
    return new ApimCall<void>(m_client->send(ArmRequest::post(path)), &apimparse::none, this);
}

ApimCall<void> *ApimClient::regeneratePrimaryKey(const QString &sid)
{
    return postNoContent(
        m_serviceId + u"/subscriptions/"_qs + sid + u"/regeneratePrimaryKey"_qs, sid);
}

ApimCall<void> *ApimClient::regenerateSecondaryKey(const QString &sid)
{
    return postNoContent(
        m_serviceId + u"/subscriptions/"_qs + sid + u"/regenerateSecondaryKey"_qs, sid);
}

ApimCall<NamedValueSecret> *ApimClient::listNamedValue(const QString &namedValueId)
{
    if (!m_client)
        return refuse<NamedValueSecret>(closed());
    if (Result<void> checked = checkResourceId(namedValueId, u"named value"_qs); !checked)
        return refuse<NamedValueSecret>(checked.error());
    return new ApimCall<NamedValueSecret>(
        m_client->send(
            ArmRequest::post(m_serviceId + u"/namedValues/"_qs + namedValueId + u"/listValue"_qs)),
        &apimparse::one<NamedValueSecret>, this);
}

Result<QString> ApimClient::policyPath(const PolicyScope &scope) const
{
    const auto check
        = [](const QString &id, const QString &what) { return checkResourceId(id, what); };
    switch (scope.kind) {
    case PolicyScope::Kind::Global:
        break;
    case PolicyScope::Kind::Product:
        if (Result<void> r = check(scope.productId, u"product"_qs); !r)
            return r.error();
        break;
    case PolicyScope::Kind::Operation:
        if (Result<void> r = check(scope.operationId, u"operation"_qs); !r)
            return r.error();
        [[fallthrough]];
    case PolicyScope::Kind::Api:
        if (Result<void> r = check(scope.apiId, u"API"_qs); !r)
            return r.error();
        break;
    }
    return QString(m_serviceId + scope.resourcePath());
}

ApimCall<Policy> *ApimClient::getPolicy(const PolicyScope &scope, const QString &format)
{
    if (!m_client)
        return refuse<Policy>(closed());
    const Result<QString> path = policyPath(scope);
    if (!path)
        return refuse<Policy>(path.error());
    ArmRequest request = ArmRequest::get(*path);
    if (!format.isEmpty())
        request.withQuery(u"format"_qs, format);
    return new ApimCall<Policy>(
        m_client->send(request),
        [scope](const ArmResponse &r) { return withScope(apimparse::one<Policy>(r), scope); },
        this);
}

ApimCall<Policy> *ApimClient::createOrUpdatePolicy(const Policy &policy, const QByteArray &ifMatch)
{
    if (!m_client)
        return refuse<Policy>(closed());
    const Result<QString> path = policyPath(policy.scope);
    if (!path)
        return refuse<Policy>(path.error());
    const PolicyScope scope = policy.scope;
    return new ApimCall<Policy>(
        m_client->send(ArmRequest::put(*path, policy.toJson(JsonShape::Request), ifMatch)),
        [scope](const ArmResponse &r) { return withScope(apimparse::one<Policy>(r), scope); },
        this);
}

ApimCall<void> *ApimClient::deletePolicy(const PolicyScope &scope, const QByteArray &ifMatch)
{
    if (!m_client)
        return refuse<void>(closed());
    const Result<QString> path = policyPath(scope);
    if (!path)
        return refuse<void>(path.error());
    return new ApimCall<void>(
        m_client->send(ArmRequest::remove(*path, ifMatch.isEmpty() ? "*" : ifMatch)),
        &apimparse::none, this);
}

} // namespace portico::core
