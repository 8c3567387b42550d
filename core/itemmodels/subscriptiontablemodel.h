// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/itemmodels/armtablemodel.h"
#include "core/model/subscription.h"

namespace portico::core {

// A service's subscriptions, one row each (see ArmTableModel for loading, refresh and errors).
// Columns: display name; scope, relative to the service ("/products/starter", "/apis",
// "/apis/{id}"; ValueRole is the scope as sent); owner, the user id (empty for a standalone
// subscription; ValueRole is the ownerId as sent); state as the service spells it ("active",
// "submitted"...); created (QDateTime, UTC).
//
// Keys are never in this model: the list call does not return them, and should a server send
// them anyway they are dropped before a row is stored. Keys come from listSecrets, on demand.
class SubscriptionTableModel final : public ArmResourceTableModel<Subscription>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionTableModel)

public:
    enum class Column { DisplayName, Scope, Owner, State, Created };
    static constexpr int columnTotal = 5;

    explicit SubscriptionTableModel(QObject *parent = nullptr);
    ~SubscriptionTableModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void sanitize(Subscription &subscription) const override;

private:
    QString relativeToService(const QString &id) const;
};

} // namespace portico::core
