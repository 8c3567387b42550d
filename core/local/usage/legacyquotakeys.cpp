// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/usage/legacyquotakeys.h"

#include <algorithm>
#include <utility>

namespace portico::local {

namespace {

bool same(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0; // ARM ids compare case-insensitively
}

QStringList serviceNames(const GatewayConfig &config)
{
    QStringList names;
    const auto add = [&](const QString &name) {
        if (!names.contains(name))
            names.append(name);
    };
    for (const auto &api : config.apis)
        add(api.service);
    for (const auto &product : config.products)
        add(product.service);
    for (const auto &sub : config.subscriptions)
        add(sub.service);
    for (auto it = config.globalPolicyXml.begin(); it != config.globalPolicyXml.end(); ++it)
        add(it.key());
    return names;
}

} // namespace

std::optional<QStringList> currentQuotaCounterKeys(const QString &storedKey,
                                                   const GatewayConfig &config)
{
    const qsizetype typeEnd = storedKey.indexOf(u'|');
    const QString type = storedKey.left(typeEnd);
    if (typeEnd < 0 || (type != u"quota" && type != u"quotakey"))
        return std::nullopt;
    const qsizetype scopeEnd = storedKey.indexOf(u'|', typeEnd + 1);
    if (scopeEnd < 0)
        return std::nullopt;
    const QString scope = storedKey.mid(typeEnd + 1, scopeEnd - typeEnd - 1);
    const QString rest = storedKey.mid(scopeEnd + 1);
    const qsizetype colon = scope.indexOf(u':');
    const QString kind = colon < 0 ? scope : scope.left(colon);
    const QStringList ids = colon < 0 ? QStringList() : scope.mid(colon + 1).split(u'/');
    bool old = false;
    if (kind == u"global")
        old = colon < 0;
    else if (kind == u"product" || kind == u"api")
        old = colon >= 0 && ids.size() == 1;
    else if (kind == u"operation")
        old = colon >= 0 && ids.size() == 2;
    if (!old)
        return std::nullopt;

    QList<std::pair<QString, QString>> scopes; // service, scope as the gateway names it now
    if (kind == u"global") {
        for (const QString &service : serviceNames(config))
            scopes.append({ service, u"global:"_qs + service });
    } else if (kind == u"product") {
        for (const auto &product : config.products) {
            if (same(product.id, ids[0]))
                scopes.append({ product.service, u"product:"_qs + product.service + u'/' + product.id });
        }
    } else {
        for (const auto &api : config.apis) {
            if (!same(api.id, ids[0]))
                continue;
            if (kind == u"api") {
                scopes.append({ api.service, u"api:"_qs + api.service + u'/' + api.id });
                continue;
            }
            for (const auto &operation : api.operations) {
                if (same(operation.id, ids[1]))
                    scopes.append({ api.service, u"operation:"_qs + api.service + u'/' + api.id + u'/'
                                                     + operation.id });
            }
        }
    }

    QStringList keys;
    for (const auto &[service, current] : std::as_const(scopes)) {
        QString tail = rest;
        if (type == u"quota") {
            // Per subscription: only a service that has it counted under this key.
            const auto sub = std::find_if(config.subscriptions.cbegin(), config.subscriptions.cend(),
                                          [&](const GatewayConfig::Subscription &s) {
                                              return s.service == service && same(s.id, rest);
                                          });
            if (sub == config.subscriptions.cend())
                continue;
            tail = sub->id;
        }
        const QString key = type + u'|' + current + u'|' + tail;
        if (!keys.contains(key))
            keys.append(key);
    }
    return keys;
}

} // namespace portico::local
