// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QIdentityProxyModel>

namespace portico::ui {

// The navigation tree as the window shows it: folders labelled in the user's language (the
// core model names them in English for tools), and a branch that failed to load says so in its
// label and tooltip instead of looking empty. A service whose create failed, or is still
// running, is marked as such (ServiceStateRole, label, tooltip and icon).
class NavigationLabels final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigationLabels)

public:
    // A service node's provisioning state, as the user needs it: one that failed or is still
    // being created is marked in its label, tooltip and icon, and is not opened by itself.
    enum class ServiceState { Ready, BeingCreated, Failed };
    Q_ENUM(ServiceState)
    enum Role { ServiceStateRole = Qt::UserRole + 100 }; // ServiceState; Ready for other nodes

    explicit NavigationLabels(QObject *parent = nullptr);
    ~NavigationLabels() override;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    static ServiceState serviceState(const QModelIndex &index);
};

} // namespace portico::ui
