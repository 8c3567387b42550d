// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/itemmodels/armtablemodel.h"
#include "core/model/product.h"

namespace portico::core {

// A service's products, one row each (see ArmTableModel for loading, refresh and errors).
// Columns: display name; state ("published"/"notPublished", the service's default when the
// wire omits it); subscription required and approval required (Qt::CheckStateRole, the
// service's defaults applied); subscriptions limit (a number, or no DisplayRole and a null
// ValueRole when unlimited).
class ProductTableModel final : public ArmResourceTableModel<Product>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductTableModel)

public:
    enum class Column { Name, State, SubscriptionRequired, ApprovalRequired, SubscriptionsLimit };
    static constexpr int columnTotal = 5;

    explicit ProductTableModel(QObject *parent = nullptr);
    ~ProductTableModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

} // namespace portico::core
