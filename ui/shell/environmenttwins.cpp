// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/shell/environmenttwins.h"

#include "ui/shell/addenvironmentdialog.h"

#include <algorithm>

namespace portico::ui {

QList<TwinGroup> groupTwins(const QList<core::Environment> &environments, const QString &lastUsedId)
{
    QList<TwinGroup> groups;
    QList<qsizetype> firsts; // the first of each group
    for (qsizetype i = 0; i < environments.size(); ++i) {
        const core::Environment &environment = environments.at(i);
        qsizetype group = 0;
        for (; group < firsts.size(); ++group) {
            const core::Environment &first = environments.at(firsts.at(group));
            if (first.id == environment.id || AddEnvironmentDialog::sameSubscription(first, environment))
                break;
        }
        if (group == firsts.size()) {
            firsts << i;
            groups.append(TwinGroup { i, {} });
        } else {
            groups[group].twins << i;
        }
    }
    for (TwinGroup &group : groups) {
        for (qsizetype &twin : group.twins) {
            if (!lastUsedId.isEmpty() && environments.at(twin).id == lastUsedId
                && environments.at(group.kept).id != lastUsedId)
                std::swap(twin, group.kept);
        }
        std::sort(group.twins.begin(), group.twins.end());
    }
    return groups;
}

} // namespace portico::ui
