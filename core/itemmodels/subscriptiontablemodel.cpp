// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/itemmodels/subscriptiontablemodel.h"

#include "core/itemmodels/producttablemodel.h"

#include <QDateTime>

namespace portico::core {

SubscriptionTableModel::SubscriptionTableModel(QObject *parent)
    : ArmResourceTableModel<Subscription>(u"subscriptions"_qs, parent)
{
}

SubscriptionTableModel::~SubscriptionTableModel() = default;

void SubscriptionTableModel::setProducts(const ProductTableModel *products)
{
    if (m_products)
        m_products->disconnect(this);
    m_products = products;
    if (products) {
        connect(products, &QAbstractItemModel::modelReset, this, &SubscriptionTableModel::scopeNamesChanged);
        connect(products, &QAbstractItemModel::rowsInserted, this, &SubscriptionTableModel::scopeNamesChanged);
        connect(products, &QAbstractItemModel::rowsRemoved, this, &SubscriptionTableModel::scopeNamesChanged);
        connect(products, &QAbstractItemModel::dataChanged, this, &SubscriptionTableModel::scopeNamesChanged);
        connect(products, &QObject::destroyed, this, &SubscriptionTableModel::scopeNamesChanged);
    }
    scopeNamesChanged();
}

void SubscriptionTableModel::scopeNamesChanged()
{
    if (rowCount() > 0) {
        const int column = int(Column::Scope);
        Q_EMIT dataChanged(index(0, column), index(rowCount() - 1, column), { Qt::DisplayRole });
    }
}

QString SubscriptionTableModel::scopeText(const QString &scope) const
{
    const QString relative = relativeToService(scope);
    if (!m_products || !relative.startsWith(u"/products/"_qs, Qt::CaseInsensitive)
        || m_products->serviceId().compare(serviceId(), Qt::CaseInsensitive) != 0)
        return relative;
    const int row = m_products->rowOf(serviceId() + relative);
    if (row < 0)
        return relative;
    const Product &product = m_products->at(row);
    return product.displayName.isEmpty() ? product.name : product.displayName;
}

int SubscriptionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : columnTotal;
}

void SubscriptionTableModel::sanitize(Subscription &subscription) const
{
    subscription.primaryKey.clear();
    subscription.secondaryKey.clear();
    subscription.otherProperties.remove(u"primaryKey"_qs);
    subscription.otherProperties.remove(u"secondaryKey"_qs);
}

QString SubscriptionTableModel::relativeToService(const QString &id) const
{
    if (!serviceId().isEmpty() && id.startsWith(serviceId() + u'/', Qt::CaseInsensitive))
        return id.mid(serviceId().size());
    return id;
}

QVariant SubscriptionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Subscription &subscription = at(index.row());
    if (role == ArmIdRole)
        return subscription.id;
    if (role == NameRole)
        return subscription.name;
    switch (Column(index.column())) {
    case Column::DisplayName:
        if (role == Qt::DisplayRole || role == ValueRole)
            return subscription.displayName.isEmpty() ? subscription.name
                                                      : subscription.displayName;
        break;
    case Column::Scope:
        if (role == Qt::DisplayRole)
            return scopeText(subscription.scope);
        if (role == ValueRole || role == Qt::ToolTipRole)
            return subscription.scope;
        break;
    case Column::Owner:
        if (role == Qt::DisplayRole && !subscription.ownerId.isEmpty())
            return subscription.ownerId.section(u'/', -1);
        if (role == ValueRole || role == Qt::ToolTipRole)
            return subscription.ownerId;
        break;
    case Column::State:
        if (role == Qt::DisplayRole || role == ValueRole)
            return subscription.state;
        if (role == Qt::ToolTipRole && !subscription.stateComment.isEmpty())
            return subscription.stateComment;
        break;
    case Column::Created:
        if ((role == Qt::DisplayRole || role == ValueRole) && !subscription.createdDate.isEmpty()) {
            const QDateTime created = QDateTime::fromString(subscription.createdDate, Qt::ISODateWithMs);
            if (created.isValid())
                return created.toUTC();
            return role == Qt::DisplayRole ? QVariant(subscription.createdDate) : QVariant();
        }
        break;
    }
    return {};
}

QVariant SubscriptionTableModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= columnTotal)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const QStringList s_labels { u"Display name"_qs, u"Scope"_qs, u"Owner"_qs,
                                        u"State"_qs, u"Created"_qs };
    return s_labels.at(section);
}

} // namespace portico::core
