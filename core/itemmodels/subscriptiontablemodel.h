// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/itemmodels/armtablemodel.h"
#include "core/model/subscription.h"

#include <QPointer>

namespace portico::core {

class ProductTableModel;

// A service's subscriptions, one row each (see ArmTableModel for loading, refresh and errors).
// Columns: display name; scope, relative to the service ("/products/starter", "/apis",
// "/apis/{id}"; ValueRole is the scope as sent); owner, the user id (empty for a standalone
// subscription; ValueRole is the ownerId as sent); state as the service spells it ("active",
// "submitted"...); created (QDateTime, UTC).
//
// With setProducts(), a product scope shows the product's display name instead ("Gold tier"
// rather than "/products/gold"), and follows that table's refreshes.
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

    // The products of the same service, to name product scopes; null to show scopes as ids.
    void setProducts(const ProductTableModel *products);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void sanitize(Subscription &subscription) const override;

private:
    QString relativeToService(const QString &id) const;
    QString scopeText(const QString &scope) const;
    void scopeNamesChanged();

    QPointer<const ProductTableModel> m_products;
};

} // namespace portico::core
