// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/management/armmessage.h"

#include <QList>

#include <functional>
#include <optional>

namespace portico::local {

using ArmHandler = std::function<ArmResponse(const ArmRequest &request)>;

// Routes management-plane requests by method and ARM path pattern. Patterns are paths whose
// segments are literals (matched case-insensitively, as ARM does) or {parameters} (one
// segment each, captured percent-decoded). When several patterns match, the one with the
// most literal segments wins.
//
// Before a handler runs, ManagementService has checked the bearer token, api-version
// (2024-05-01 under providers/Microsoft.ApiManagement) and the 4 MiB body cap, and that the
// subscription, resource group and service named by {subscriptionId}, {resourceGroupName} and
// {serviceName} exist (404 ResourceGroupNotFound / ResourceNotFound otherwise). Handlers run
// on the main thread and may use the ManagementStore directly.
//
// Extension hook for other components (e.g. the gateway's usage reports):
//   router.addServiceRoute("GET", u"reports/byApi"_qs, handler);
// registers GET {svc}/reports/byApi, where {svc} is
// /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/
// Microsoft.ApiManagement/service/{serviceName}; request.resourceId() up to the service is
// then the service id (see serviceIdOf()).
class ArmRouter final
{
public:
    static const QString &servicePattern();

    void add(const QByteArray &method, const QString &pattern, ArmHandler handler);
    void addServiceRoute(const QByteArray &method, const QString &relativePattern,
                         ArmHandler handler);

    struct Match
    {
        ArmHandler handler;
        QHash<QString, QString> params;
    };
    // nullopt: no route; `pathKnown` then says whether another method would have matched.
    std::optional<Match> match(const QByteArray &method, const QString &path,
                               bool *pathKnown = nullptr) const;

    // The service id for a request routed under {svc}.
    static QString serviceIdOf(const ArmRequest &request);

private:
    struct Route
    {
        QByteArray method;
        QStringList segments;
        int literals = 0;
        ArmHandler handler;
    };
    QList<Route> m_routes;
};

} // namespace portico::local
