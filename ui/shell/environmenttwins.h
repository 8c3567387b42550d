// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/environment.h"

#include <QList>
#include <QString>

namespace portico::ui {

// Environments (positions in a list) that show one subscription: the one to keep and its twins.
struct TwinGroup
{
    qsizetype kept = 0;
    QList<qsizetype> twins;
};

// Groups `environments` by subscription (AddEnvironmentDialog::sameSubscription, or the same id),
// one group per subscription in the order each first appears. The one kept is the one whose id is
// `lastUsedId` (the most recently used), else the first; the others are its twins, in list order.
QList<TwinGroup> groupTwins(const QList<core::Environment> &environments, const QString &lastUsedId);

} // namespace portico::ui
