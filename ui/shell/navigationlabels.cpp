// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/shell/navigationlabels.h"

#include "core/itemmodels/navigationtreemodel.h"

#include <QApplication>
#include <QJsonObject>
#include <QStyle>

namespace portico::ui {

using Model = core::NavigationTreeModel;

NavigationLabels::NavigationLabels(QObject *parent)
    : QIdentityProxyModel(parent)
{
}

NavigationLabels::~NavigationLabels() = default;

NavigationLabels::ServiceState NavigationLabels::serviceState(const QModelIndex &index)
{
    if (index.data(Model::KindRole).value<Model::Kind>() != Model::Kind::Service)
        return ServiceState::Ready;
    const QString state = index.data(Model::ResourceRole)
                              .toJsonObject()
                              .value(u"properties"_qs)
                              .toObject()
                              .value(u"provisioningState"_qs)
                              .toString();
    if (state == u"Failed"_qs)
        return ServiceState::Failed;
    if (state == u"Created"_qs || state == u"Activating"_qs)
        return ServiceState::BeingCreated;
    return ServiceState::Ready;
}

QVariant NavigationLabels::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole || role == ServiceStateRole) {
        const ServiceState state = serviceState(index);
        if (role == ServiceStateRole)
            return QVariant::fromValue(state);
        if (state == ServiceState::Failed)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
        if (state == ServiceState::BeingCreated)
            return QApplication::style()->standardIcon(QStyle::SP_BrowserReload);
        return QIdentityProxyModel::data(index, role);
    }
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
    // A service that cannot be used says so; opening it shows what Azure keeps of it.
    QString serviceTip;
    switch (serviceState(index)) {
    case ServiceState::Failed:
        label = tr("%1 (failed)").arg(label);
        serviceTip = tr("Creating or updating this service failed, so it cannot be used. Create "
                        "it again with File → New service instance.");
        break;
    case ServiceState::BeingCreated:
        label = tr("%1 (being created…)").arg(label);
        serviceTip = tr("This service is still being created; it can be used when it is ready.");
        break;
    case ServiceState::Ready: break;
    }
    const auto state = QIdentityProxyModel::data(index, Model::LoadStateRole).value<Model::LoadState>();
    if (state == Model::LoadState::Failed) {
        const QString message = QIdentityProxyModel::data(index, Model::ErrorMessageRole).toString();
        return role == Qt::DisplayRole ? tr("%1 (could not load)").arg(label)
                                       : tr("Could not load: %1. Press F5 to try again.").arg(message);
    }
    if (state == Model::LoadState::Loading && role == Qt::DisplayRole)
        return tr("%1 (loading…)").arg(label);
    if (role == Qt::ToolTipRole && !serviceTip.isEmpty())
        return serviceTip;
    return role == Qt::DisplayRole ? QVariant(label) : QIdentityProxyModel::data(index, role);
}

} // namespace portico::ui
