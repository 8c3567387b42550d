// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/shell/navigationlabels.h"

#include "core/itemmodels/navigationtreemodel.h"

namespace portico::ui {

using Model = core::NavigationTreeModel;

NavigationLabels::NavigationLabels(QObject *parent)
    : QIdentityProxyModel(parent)
{
}

NavigationLabels::~NavigationLabels() = default;

QVariant NavigationLabels::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QIdentityProxyModel::data(index, role);
    const auto kind = QIdentityProxyModel::data(index, Model::KindRole).value<Model::Kind>();
    QString label;
    switch (kind) {
    case Model::Kind::ApisFolder: label = tr("APIs"); break;
    case Model::Kind::ProductsFolder: label = tr("Products"); break;
    case Model::Kind::SubscriptionsFolder: label = tr("Subscriptions"); break;
    case Model::Kind::UsersFolder: label = tr("Users"); break;
    case Model::Kind::GroupsFolder: label = tr("Groups"); break;
    case Model::Kind::NamedValuesFolder: label = tr("Named values"); break;
    case Model::Kind::BackendsFolder: label = tr("Backends"); break;
    case Model::Kind::PoliciesFolder: label = tr("Policies"); break;
    default: label = QIdentityProxyModel::data(index, Qt::DisplayRole).toString(); break;
    }
    const auto state = QIdentityProxyModel::data(index, Model::LoadStateRole).value<Model::LoadState>();
    if (state == Model::LoadState::Failed) {
        const QString message = QIdentityProxyModel::data(index, Model::ErrorMessageRole).toString();
        return role == Qt::DisplayRole ? tr("%1 (could not load)").arg(label)
                                       : tr("Could not load: %1. Press F5 to try again.").arg(message);
    }
    if (state == Model::LoadState::Loading && role == Qt::DisplayRole)
        return tr("%1 (loading…)").arg(label);
    return role == Qt::DisplayRole ? QVariant(label) : QIdentityProxyModel::data(index, role);
}

} // namespace portico::ui
