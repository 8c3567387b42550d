// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// ConsoleSession: what the console remembers of where the user worked (the environment and
// the service used last) and selects again at the next start.
#include "ui/shell/consolesession.h"

#include "core/itemmodels/navigationtreemodel.h"
#include "core/settings/settings.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigationlabels.h"

#include <QLoggingCategory>
#include <QScopedValueRollback>
#include <QTreeView>

#include <utility>

namespace portico::ui {

Q_DECLARE_LOGGING_CATEGORY(lcSession)

void ConsoleSession::rememberEnvironment(const QString &environmentId, const QString &serviceId)
{
    if (!m_settings)
        return;
    using namespace core::settingkeys;
    if (m_settings->value(lastEnvironmentId) == environmentId
        && m_settings->value(lastServiceId) == serviceId)
        return;
    // QSettings writes the file through a temporary file and a rename (Settings).
    if (!m_settings->setValue(lastEnvironmentId, environmentId).ok()
        || !m_settings->setValue(lastServiceId, serviceId).ok() || !m_settings->sync().ok())
        qCWarning(lcSession) << "could not remember the environment and service used last";
}

void ConsoleSession::reselectService(const QModelIndex &parent)
{
    using Nav = core::NavigationTreeModel;
    if (m_reopenServiceId.isEmpty() || !m_window || !m_navigation
        || parent.data(Nav::KindRole).value<Nav::Kind>() != Nav::Kind::Environment
        || parent.data(Nav::EnvironmentIdRole).toString() != m_reopenServiceEnvironmentId)
        return;
    // A failed load keeps the wish: the environment's Retry may list the service yet.
    if (parent.data(Nav::LoadStateRole).value<Nav::LoadState>() != Nav::LoadState::Loaded)
        return;
    const QString serviceId = std::exchange(m_reopenServiceId, QString());
    // Only while the console is on that environment (it is selected as soon as it is open).
    if (m_environmentId != m_reopenServiceEnvironmentId)
        return;
    const QModelIndex service = m_navigation->findArmId(serviceId);
    if (!service.isValid() || service.parent() != parent
        || service.data(Nav::KindRole).value<Nav::Kind>() != Nav::Kind::Service)
        return; // gone meanwhile: the environment's root stays selected
    QTreeView *tree = m_window->navigationView();
    const QModelIndex shown = m_navigationLabels->mapFromSource(service);
    const QScopedValueRollback selecting(m_selectingReopened, true);
    tree->setCurrentIndex(shown);
    tree->scrollTo(shown);
}

} // namespace portico::ui
