// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/apicatalogmodel.h"

namespace portico::ui {

ApiCatalogModel::ApiCatalogModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

ApiCatalogModel::~ApiCatalogModel() = default;

void ApiCatalogModel::setCatalog(QList<CatalogApi> catalog)
{
    beginResetModel();
    m_catalog = std::move(catalog);
    std::sort(m_catalog.begin(), m_catalog.end(), [](const CatalogApi &a, const CatalogApi &b) {
        return a.api.displayName.compare(b.api.displayName, Qt::CaseInsensitive) < 0;
    });
    endResetModel();
}

const CatalogApi *ApiCatalogModel::apiAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    const qsizetype row = index.internalId() == 0 ? index.row() : qsizetype(index.internalId() - 1);
    return row < m_catalog.size() ? &m_catalog.at(row) : nullptr;
}

const core::Operation *ApiCatalogModel::operationAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == 0)
        return nullptr;
    const CatalogApi *api = apiAt(index);
    return api && index.row() < api->operations.size() ? &api->operations.at(index.row()) : nullptr;
}

QModelIndex ApiCatalogModel::indexOf(const QString &apiName, const QString &operationName) const
{
    for (int a = 0; a < m_catalog.size(); ++a) {
        if (m_catalog.at(a).api.name != apiName && m_catalog.at(a).api.displayName != apiName)
            continue;
        const QModelIndex apiIndex = index(a, 0);
        if (operationName.isEmpty())
            return apiIndex;
        const auto &operations = m_catalog.at(a).operations;
        for (int o = 0; o < operations.size(); ++o) {
            if (operations.at(o).name == operationName
                || operations.at(o).displayName == operationName)
                return index(o, 0, apiIndex);
        }
    }
    return {};
}

QModelIndex ApiCatalogModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= int(Column::Count))
        return {};
    if (!parent.isValid())
        return row < m_catalog.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0)
        return {};
    if (row >= m_catalog.at(parent.row()).operations.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ApiCatalogModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int ApiCatalogModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_catalog.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_catalog.at(parent.row()).operations.size());
}

int ApiCatalogModel::columnCount(const QModelIndex &) const
{
    return int(Column::Count);
}

QVariant ApiCatalogModel::data(const QModelIndex &index, int role) const
{
    const CatalogApi *api = apiAt(index);
    if (!api)
        return {};
    const core::Operation *operation = operationAt(index);
    if (role == IsOperationRole)
        return operation != nullptr;
    if (role == MethodRole)
        return operation ? operation->method.toUpper() : QString();
    if (role == SearchTextRole) {
        if (!operation)
            return QStringList { api->api.displayName, api->api.name, api->api.path,
                                 api->api.description }
                    .join(u'\n');
        return QStringList { operation->displayName, operation->name, operation->method,
                             operation->urlTemplate, operation->description }
                .join(u'\n');
    }
    if (role == Qt::ToolTipRole)
        return operation ? operation->description : api->api.description;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Column::Name:
        return operation ? operation->displayName : api->api.displayName;
    case Column::Route:
        if (operation)
            return QString(operation->method.toUpper() + u' ' + operation->urlTemplate);
        return QString(u'/' + api->api.path);
    default:
        return {};
    }
}

QVariant ApiCatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Name: return tr("Name");
    case Column::Route: return tr("Route");
    default: return {};
    }
}

} // namespace portico::ui
