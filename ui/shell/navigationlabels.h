// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QIdentityProxyModel>

namespace portico::ui {

// The navigation tree as the window shows it: folders labelled in the user's language (the
// core model names them in English for tools), and a branch that failed to load says so in its
// label and tooltip instead of looking empty.
class NavigationLabels final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigationLabels)

public:
    explicit NavigationLabels(QObject *parent = nullptr);
    ~NavigationLabels() override;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace portico::ui
