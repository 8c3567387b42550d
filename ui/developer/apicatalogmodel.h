// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/api.h"
#include "core/model/operation.h"

#include <QAbstractItemModel>

namespace portico::ui {

// An API with the operations it exposes, as the catalog shows it.
struct CatalogApi
{
    core::Api api;
    QList<core::Operation> operations;
};

// The developer catalog: APIs at the top level, their operations below. Two columns: the
// display name, and for operations the method and URL template (what users search for).
class ApiCatalogModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiCatalogModel)

public:
    enum class Column { Name, Route, Count };
    enum Role { MethodRole = Qt::UserRole + 1, IsOperationRole, SearchTextRole };

    explicit ApiCatalogModel(QObject *parent = nullptr);
    ~ApiCatalogModel() override;

    void setCatalog(QList<CatalogApi> catalog);
    const QList<CatalogApi> &catalog() const { return m_catalog; }

    // The API of an API or operation index, and the operation of an operation index.
    const CatalogApi *apiAt(const QModelIndex &index) const;
    const core::Operation *operationAt(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &apiName, const QString &operationName = {}) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // internalId: 0 for APIs, apiRow + 1 for operations of that API.
    QList<CatalogApi> m_catalog;
};

} // namespace portico::ui
