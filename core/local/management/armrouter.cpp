// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/management/armrouter.h"

namespace portico::local {

namespace {

QStringList splitPath(const QString &path)
{
    return path.split(u'/', Qt::SkipEmptyParts);
}

bool isParameter(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

} // namespace

const QString &ArmRouter::servicePattern()
{
    static const QString s_pattern =
        u"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
        "Microsoft.ApiManagement/service/{serviceName}"_qs;
    return s_pattern;
}

void ArmRouter::add(const QByteArray &method, const QString &pattern, ArmHandler handler)
{
    Route route { method.toUpper(), splitPath(pattern), 0, std::move(handler) };
    for (const QString &segment : std::as_const(route.segments))
        if (!isParameter(segment))
            ++route.literals;
    m_routes.append(std::move(route));
}

void ArmRouter::addServiceRoute(const QByteArray &method, const QString &relativePattern,
                                ArmHandler handler)
{
    QString relative = relativePattern;
    while (relative.startsWith(u'/'))
        relative.remove(0, 1);
    add(method, servicePattern() + u'/' + relative, std::move(handler));
}

std::optional<ArmRouter::Match> ArmRouter::match(const QByteArray &method, const QString &path,
                                                 bool *pathKnown) const
{
    const QStringList segments = splitPath(path);
    const Route *best = nullptr;
    QHash<QString, QString> bestParams;
    bool known = false;
    for (const Route &route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        QHash<QString, QString> params;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            const QString &want = route.segments.at(i);
            if (isParameter(want))
                params.insert(want.mid(1, want.size() - 2), segments.at(i));
            else
                matches = want.compare(segments.at(i), Qt::CaseInsensitive) == 0;
        }
        if (!matches)
            continue;
        known = true;
        if (route.method != method)
            continue;
        if (!best || route.literals > best->literals) {
            best = &route;
            bestParams = std::move(params);
        }
    }
    if (pathKnown)
        *pathKnown = known;
    if (!best)
        return std::nullopt;
    return Match { best->handler, bestParams };
}

QString ArmRouter::serviceIdOf(const ArmRequest &request)
{
    const QStringList segments = splitPath(request.path);
    return u'/' + segments.mid(0, 8).join(u'/');
}

} // namespace portico::local
