// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/publisher/publisherworkspace.h"
#include "ui/publisher/resourcepanel.h"

#include <QCoreApplication>
#include <QStringList>

namespace portico::ui {

// What one resource page of the publisher workspace edits (products, subscriptions, users,
// groups, named values, backends): the ResourcePanel's name prefix and title, its fields and
// the keys shown as table columns. Pages that are not resource lists get an empty spec.
struct PanelSpec
{
    Q_DECLARE_TR_FUNCTIONS(portico::ui::PanelSpec)

public:
    QString prefix;
    QString title;
    QList<ResourcePanel::FieldSpec> fields;
    QStringList columns;

    static PanelSpec forPage(PublisherWorkspace::Page page);
};

} // namespace portico::ui
