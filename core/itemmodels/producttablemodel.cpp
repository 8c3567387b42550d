// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/itemmodels/producttablemodel.h"

namespace portico::core {

namespace {

QVariant checkState(bool on)
{
    return int(on ? Qt::Checked : Qt::Unchecked);
}

} // namespace

ProductTableModel::ProductTableModel(QObject *parent)
    : ArmResourceTableModel<Product>(u"products"_qs, parent)
{
}

ProductTableModel::~ProductTableModel() = default;

int ProductTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : columnTotal;
}

QVariant ProductTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Product &product = at(index.row());
    if (role == ArmIdRole)
        return product.id;
    if (role == NameRole)
        return product.name;
    const QString state = product.state.isEmpty() ? QString(Product::stateNotPublished)
                                                  : product.state;
    switch (Column(index.column())) {
    case Column::Name:
        if (role == Qt::DisplayRole || role == ValueRole)
            return product.displayName.isEmpty() ? product.name : product.displayName;
        if (role == Qt::ToolTipRole && !product.description.isEmpty())
            return product.description;
        break;
    case Column::State:
        if (role == Qt::DisplayRole || role == ValueRole)
            return state;
        break;
    case Column::SubscriptionRequired:
        if (role == Qt::CheckStateRole)
            return checkState(product.effectiveSubscriptionRequired());
        if (role == ValueRole)
            return product.effectiveSubscriptionRequired();
        break;
    case Column::ApprovalRequired:
        if (role == Qt::CheckStateRole)
            return checkState(product.approvalRequired.value_or(false));
        if (role == ValueRole)
            return product.approvalRequired.value_or(false);
        break;
    case Column::SubscriptionsLimit:
        if ((role == Qt::DisplayRole || role == ValueRole) && product.subscriptionsLimit)
            return *product.subscriptionsLimit;
        break;
    }
    return {};
}

QVariant ProductTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= columnTotal)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const QStringList s_labels { u"Name"_qs, u"State"_qs, u"Subscription required"_qs,
                                        u"Approval required"_qs, u"Subscriptions limit"_qs };
    return s_labels.at(section);
}

} // namespace portico::core
