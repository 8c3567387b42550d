// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/arm/armlongrunning.h"

#include <QStringList>

namespace portico::core {

bool isLongRunningCall(const QByteArray &method, const QString &path)
{
    // {svc} = …/providers/Microsoft.ApiManagement/service/{serviceName}; what follows it decides.
    static const QString provider = u"/providers/Microsoft.ApiManagement/service/"_qs;
    const qsizetype at = path.indexOf(provider, 0, Qt::CaseInsensitive);
    if (at < 0)
        return false;
    QStringList below = path.mid(at + provider.size()).split(u'/', Qt::SkipEmptyParts);
    if (below.isEmpty())
        return false;
    below.removeFirst(); // the service name
    const auto is = [&below](qsizetype i, QStringView name) {
        return below.size() > i && below.at(i).compare(name, Qt::CaseInsensitive) == 0;
    };
    switch (below.size()) {
    case 0: // the service itself
        return method == "PUT" || method == "PATCH" || method == "DELETE";
    case 1:
        return method == "POST"
            && (is(0, u"backup") || is(0, u"restore") || is(0, u"migrateToStv2")
                || is(0, u"applynetworkconfigurationupdates"));
    case 2:
        if (is(0, u"apis"))
            return method == "PUT" || method == "DELETE";
        if (is(0, u"namedValues"))
            return method == "PUT" || method == "PATCH";
        if (is(0, u"users"))
            return method == "DELETE";
        return false;
    case 3:
        return method == "POST" && is(0, u"namedValues") && is(2, u"refreshSecret");
    default:
        return false;
    }
}

} // namespace portico::core
