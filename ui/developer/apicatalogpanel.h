// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/developer/apicatalogmodel.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTextBrowser;
class QTreeView;

namespace portico::ui {

// The developer catalog: APIs and their operations with search (name, route, description)
// and a method filter, and the documentation of the selected operation: URL template,
// parameters, request representations and responses with their samples. Try It hands the
// selected operation to the composer.
class ApiCatalogPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiCatalogPanel)

public:
    explicit ApiCatalogPanel(QWidget *parent = nullptr);
    ~ApiCatalogPanel() override;

    void setCatalog(QList<CatalogApi> catalog);
    ApiCatalogModel *model() const { return m_model; }
    // Selects an operation by API and operation (id or display name).
    bool select(const QString &api, const QString &operation = {});
    const CatalogApi *currentApi() const;
    const core::Operation *currentOperation() const;

    // The documentation page, as HTML; public for the docs view and its tests.
    static QString documentationHtml(const core::Api &api, const core::Operation &operation);

Q_SIGNALS:
    void tryItRequested(const portico::ui::CatalogApi &api, const core::Operation &operation);

private:
    void showCurrent();

    ApiCatalogModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_method = nullptr;
    QTreeView *m_view = nullptr;
    QTextBrowser *m_doc = nullptr;
    QPushButton *m_tryIt = nullptr;
};

} // namespace portico::ui
