// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/policycheck.h"

#include "core/local/gateway/compiledpolicy.h"

#include <QRegularExpression>

#include <algorithm>

namespace portico::local {

QString gatewayPolicyProblem(const QString &xml, core::PolicyScope::Kind scope)
{
    const auto parsed = CompiledPolicy::parse(xml, CompiledPolicy::NamedValues::Pending);
    return parsed ? parsed->scopeProblem(scope) : parsed.error().message;
}

QList<NamedValueReference> namedValueReferences(const QString &xml)
{
    static const QRegularExpression displayName(u"^[A-Za-z0-9-._]+$"_qs);
    QList<NamedValueReference> out;
    qsizetype i = 0;
    int line = 1;
    qsizetype counted = 0; // newlines are counted up to here
    while (i < xml.size()) {
        const qsizetype open = xml.indexOf(u"{{", i);
        if (open < 0)
            break;
        const qsizetype close = xml.indexOf(u"}}", open + 2);
        if (close < 0)
            break;
        line += int(QStringView(xml).mid(counted, open - counted).count(u'\n'));
        counted = open;
        const QString name = xml.mid(open + 2, close - open - 2).trimmed();
        const bool seen = std::any_of(out.cbegin(), out.cend(),
                                      [&](const NamedValueReference &r) { return r.name == name; });
        if (!seen && displayName.match(name).hasMatch())
            out.append({ name, line });
        i = close + 2;
    }
    return out;
}

} // namespace portico::local
