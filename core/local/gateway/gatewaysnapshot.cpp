// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/gatewaysnapshot.h"

#include "core/common/constanttime.h"
#include "core/model/api.h"

#include <QCryptographicHash>

#include <algorithm>

namespace portico::local {

namespace {

QByteArray keyDigest(QByteArrayView key)
{
    return QCryptographicHash::hash(key, QCryptographicHash::Sha256);
}

// A service's named values, and which of them are secret.
struct NamedValues
{
    QHash<QString, QString> values;
    QList<std::pair<QString, QString>> secrets; // name, value
};

CompiledPolicy compile(const QString &xml, const NamedValues &named, const QString &what,
                       QStringList *problems)
{
    if (xml.trimmed().isEmpty())
        return CompiledPolicy::inheritAll();
    auto parsed = CompiledPolicy::parse(substituteNamedValues(xml, named.values));
    if (!parsed) {
        // The message may quote a substituted value: callers and the log see a secret one by
        // its reference only.
        QString message = parsed.error().message;
        for (const auto &[name, value] : named.secrets) {
            if (!value.isEmpty())
                message.replace(value, u"{{"_qs + name + u"}}"_qs);
        }
        // Never run the scope without its policy (that would drop its limits and filters).
        const QString problem = u"The %1 cannot be compiled: %2"_qs.arg(what, message);
        if (problems)
            problems->append(problem);
        return CompiledPolicy::broken(problem);
    }
    return *parsed;
}

QString scoped(const QString &service, const QString &id)
{
    return service + u'\n' + id;
}

bool lessSpecific(const QList<int> &a, const QList<int> &b)
{
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
}

} // namespace

std::shared_ptr<const GatewaySnapshot> GatewaySnapshot::build(const GatewayConfig &config,
                                                              QStringList *problems)
{
    auto s = std::make_shared<GatewaySnapshot>();
    QHash<QString, NamedValues> namedByService;
    for (const auto &nv : config.namedValues) {
        NamedValues &named = namedByService[nv.service];
        named.values.insert(nv.name, nv.value);
        if (nv.secret)
            named.secrets.append({ nv.name, nv.value });
    }

    for (auto it = config.globalPolicyXml.begin(); it != config.globalPolicyXml.end(); ++it) {
        if (it.value().trimmed().isEmpty())
            continue;
        const CompiledPolicy global = compile(it.value(), namedByService.value(it.key()),
                                              u"global policy of %1"_qs.arg(it.key()), problems);
        // The global scope has no parent: its <base/> means nothing.
        s->m_globalPolicies.insert(it.key(), global.composedOver(CompiledPolicy(), u"global:"_qs + it.key()));
    }

    for (const auto &p : config.products) {
        s->m_products.insert(scoped(p.service, p.id), p);
        s->m_productPolicies.insert(scoped(p.service, p.id),
                                    compile(p.policyXml, namedByService.value(p.service),
                                            u"product '%1' policy"_qs.arg(p.id), problems));
    }
    for (const auto &u : config.users)
        s->m_users.insert(scoped(u.service, u.id), u);
    for (const auto &b : config.backends)
        s->m_backends.insert(scoped(b.service, b.id), b);

    QHash<QString, qsizetype> serviceIndex;
    for (const auto &apiConfig : config.apis) {
        const NamedValues named = namedByService.value(apiConfig.service);
        Api api;
        api.config = apiConfig;
        api.serviceUrl = QUrl(apiConfig.serviceUrl);
        for (const QString &seg : apiConfig.path.split(u'/', Qt::SkipEmptyParts))
            api.pathSegments.append(seg.toLower());
        api.policy = compile(apiConfig.policyXml, named, u"API '%1' policy"_qs.arg(apiConfig.id), problems);
        for (const auto &p : config.products) {
            if (p.service != apiConfig.service || !p.apiIds.contains(apiConfig.id))
                continue;
            // A key of any product that contains the API opens it: unpublishing a product only
            // hides it from the developer portal and does not invalidate its keys.
            api.productIds.append(p.id);
            if (p.published && !p.subscriptionRequired && api.openProductId.isEmpty())
                api.openProductId = p.id;
        }
        for (const auto &opConfig : apiConfig.operations) {
            auto templ = core::UrlTemplate::parse(opConfig.urlTemplate);
            if (!templ) {
                if (problems)
                    problems->append(u"operation '%1/%2': "_qs.arg(apiConfig.id, opConfig.id) + templ.error().message);
                continue;
            }
            Operation op;
            op.config = opConfig;
            op.urlTemplate = *templ;
            op.specificity = TemplateMatcher::specificity(op.urlTemplate);
            for (const auto &param : opConfig.templateParameters) {
                if (!param.values.isEmpty())
                    op.allowedValues.insert(param.name, param.values);
            }
            op.policy = compile(opConfig.policyXml, named,
                                u"operation '%1/%2' policy"_qs.arg(apiConfig.id, opConfig.id), problems);
            api.operations.append(op);
        }
        // Most specific first, so that the first match wins.
        std::stable_sort(api.operations.begin(), api.operations.end(),
                         [](const Operation &a, const Operation &b) { return lessSpecific(b.specificity, a.specificity); });
        const QString serviceKey = apiConfig.service.toLower();
        auto at = serviceIndex.constFind(serviceKey);
        if (at == serviceIndex.constEnd()) {
            at = serviceIndex.insert(serviceKey, s->m_services.size());
            s->m_services.append(Service { apiConfig.service, {} });
        }
        s->m_services[*at].apis.append(api);
    }
    for (Service &service : s->m_services) {
        // Longest API path first.
        std::stable_sort(service.apis.begin(), service.apis.end(), [](const Api &a, const Api &b) {
            return a.pathSegments.size() > b.pathSegments.size();
        });
        QStringList keyNames { core::SubscriptionKeyParameterNames::defaultQuery.toString() };
        for (const Api &api : std::as_const(service.apis)) {
            if (!api.config.subscriptionKeyQuery.isEmpty()
                && !keyNames.contains(api.config.subscriptionKeyQuery, Qt::CaseInsensitive))
                keyNames.append(api.config.subscriptionKeyQuery);
        }
        for (Api &api : service.apis)
            api.keyQueryNames = keyNames;
    }
    std::stable_partition(s->m_services.begin(), s->m_services.end(),
                          [](const Service &service) { return !service.name.isEmpty(); });

    for (const auto &subConfig : config.subscriptions) {
        Subscription sub;
        sub.config = subConfig;
        const QString scope = subConfig.scope;
        const qsizetype productAt = scope.indexOf(u"/products/", 0, Qt::CaseInsensitive);
        const qsizetype apiAt = scope.indexOf(u"/apis/", 0, Qt::CaseInsensitive);
        if (productAt >= 0) {
            sub.scopeKind = ScopeKind::Product;
            sub.scopeId = scope.mid(productAt + 10).section(u'/', 0, 0);
        } else if (apiAt >= 0) {
            sub.scopeKind = ScopeKind::Api;
            sub.scopeId = scope.mid(apiAt + 6).section(u'/', 0, 0);
        } else if (scope.endsWith(u"/apis", Qt::CaseInsensitive) || scope.endsWith(u"/apis/", Qt::CaseInsensitive)) {
            sub.scopeKind = ScopeKind::AllApis;
        } else {
            sub.scopeKind = ScopeKind::Service;
        }
        const int index = int(s->m_subscriptions.size());
        s->m_subscriptions.append(sub);
        for (const QString &key : { subConfig.primaryKey, subConfig.secondaryKey }) {
            if (key.isEmpty())
                continue;
            const QByteArray utf8 = key.toUtf8();
            s->m_keyIndex[keyDigest(utf8)].append(index);
            s->m_knownKeys.insert(utf8);
        }
    }
    return s;
}

const GatewaySnapshot::Api *GatewaySnapshot::findApi(const QStringList &segments, qsizetype &consumed) const
{
    for (const Service &service : m_services) {
        qsizetype offset = 0;
        if (!service.name.isEmpty()) {
            if (segments.isEmpty() || segments.first().compare(service.name, Qt::CaseInsensitive) != 0)
                continue;
            offset = 1;
        }
        for (const Api &api : service.apis) {
            const qsizetype n = api.pathSegments.size();
            if (offset + n > segments.size())
                continue;
            bool match = true;
            for (qsizetype i = 0; i < n && match; ++i)
                match = segments[offset + i].compare(api.pathSegments[i], Qt::CaseInsensitive) == 0;
            if (match) {
                consumed = offset + n;
                return &api;
            }
        }
        // The service's segment was there: no other service's API may answer for it.
        if (offset > 0)
            return nullptr;
    }
    return nullptr;
}

const GatewaySnapshot::Operation *GatewaySnapshot::findOperation(const Api &api, QByteArrayView method,
                                                                 const RequestPath &path,
                                                                 TemplateMatch &match) const
{
    for (const Operation &op : api.operations) {
        if (op.config.method.compare(QLatin1StringView(method), Qt::CaseInsensitive) != 0)
            continue;
        if (TemplateMatcher::match(op.urlTemplate, path, op.allowedValues, match))
            return &op;
    }
    return nullptr;
}

const GatewaySnapshot::Subscription *GatewaySnapshot::findSubscription(QByteArrayView key,
                                                                       const QString &service) const
{
    if (key.isEmpty())
        return nullptr;
    const auto it = m_keyIndex.constFind(keyDigest(key));
    if (it == m_keyIndex.constEnd())
        return nullptr;
    for (int index : *it) {
        const Subscription &sub = m_subscriptions[index];
        if (sub.config.service != service)
            continue;
        const bool primary = core::constantTimeEquals(key, sub.config.primaryKey.toUtf8());
        const bool secondary = core::constantTimeEquals(key, sub.config.secondaryKey.toUtf8());
        if (primary || secondary)
            return &sub;
    }
    return nullptr;
}

const GatewayConfig::Product *GatewaySnapshot::product(const QString &service, const QString &id) const
{
    const auto it = m_products.constFind(scoped(service, id));
    return it == m_products.constEnd() ? nullptr : &*it;
}

const GatewayConfig::User *GatewaySnapshot::user(const QString &service, const QString &id) const
{
    const auto it = m_users.constFind(scoped(service, id));
    return it == m_users.constEnd() ? nullptr : &*it;
}

const GatewayConfig::Backend *GatewaySnapshot::backend(const QString &service, const QString &id) const
{
    const auto it = m_backends.constFind(scoped(service, id));
    return it == m_backends.constEnd() ? nullptr : &*it;
}

std::shared_ptr<const CompiledPolicy> GatewaySnapshot::effectivePolicy(const Api &api,
                                                                       const Operation *operation,
                                                                       const QString &productId) const
{
    const QString cacheKey = api.config.service + u'\n' + productId + u'\n' + api.config.id + u'\n'
        + (operation ? operation->config.id : QString());
    {
        std::lock_guard lock(m_cacheMutex);
        const auto it = m_policyCache.constFind(cacheKey);
        if (it != m_policyCache.constEnd())
            return *it;
    }
    CompiledPolicy composed = m_globalPolicies.value(api.config.service);
    if (!productId.isEmpty()) {
        const auto it = m_productPolicies.constFind(scoped(api.config.service, productId));
        if (it != m_productPolicies.constEnd())
            composed = it->composedOver(composed, u"product:"_qs + api.config.service + u'/' + productId);
    }
    // Scopes name the service: rate-limit and quota counters are keyed by scope and
    // subscription id, and every service has its own "master" (and its own ids in general).
    composed = api.policy.composedOver(composed, u"api:"_qs + api.config.service + u'/' + api.config.id);
    if (operation)
        composed = operation->policy.composedOver(composed, u"operation:"_qs + api.config.service + u'/'
                                                              + api.config.id + u'/' + operation->config.id);
    auto shared = std::make_shared<const CompiledPolicy>(std::move(composed));
    std::lock_guard lock(m_cacheMutex);
    m_policyCache.insert(cacheKey, shared);
    return shared;
}

} // namespace portico::local
