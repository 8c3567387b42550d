// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/armrequest.h"

#include <QHash>
#include <QVariantMap>

#include <memory>
#include <QPointer>
#include <QWidget>

class QLabel;
class QStackedWidget;

namespace portico::ui {

class ApiEditor;
class MaskedKeyField;
class OperationEditor;
class PolicyEditor;
class PublisherController;
class ResourcePanel;

// The Publisher mode page: the editor for whatever is selected in the navigation tree, in the
// central area. APIs, operations and policies get their own editors; products, subscriptions
// (with their keys masked, revealed, copied or regenerated after a confirmation), users,
// groups, named values and backends get a list with a form. All server work goes through
// PublisherController.
class PublisherWorkspace final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublisherWorkspace)

public:
    enum class Page {
        Overview,
        Api,          // `name` = apiId; empty = a new API
        Operation,    // `apiId` + `name` = operationId; empty name = a new operation
        Policy,       // `name` = scope below the service: "" (global), "/apis/x", "/products/y", …
        Products,
        Subscriptions,
        Users,
        Groups,
        NamedValues,
        Backends,
    };
    Q_ENUM(Page)

    explicit PublisherWorkspace(PublisherController *controller, QWidget *parent = nullptr);
    ~PublisherWorkspace() override;

    // Shows the editor for a selection; `name` selects a record in the list pages.
    void showPage(Page page, const QString &name = {}, const QString &apiId = {});
    Page currentPage() const { return m_page; }
    QWidget *currentEditor() const;
    ResourcePanel *panel(Page page) const { return m_panels.value(page); }

Q_SIGNALS:
    // Something was created, changed or deleted: the owner refreshes the navigation tree.
    void resourcesChanged();

private:
    ResourcePanel *makePanel(Page page);
    void loadPanel(Page page);
    void savePanel(Page page, const QVariantMap &values, bool isNew);
    void deleteFromPanel(Page page, const QString &name);
    // The link calls of a save (a product's APIs and groups), one after the other, then the
    // outcome in the panel.
    void runSteps(Page page, const QVariantMap &saved, std::shared_ptr<QList<core::ArmRequest>> steps);
    void showKeys(const QString &sid);
    void regenerateKey(bool primary);
    QString collectionPath(Page page) const;
    // An absolute ARM path below the current service. PublisherController::call() treats any
    // path that starts with "/subscriptions" as absolute, which APIM's own subscriptions
    // collection would be mistaken for, so this page always passes absolute paths.
    QString at(const QString &relative) const;

    QPointer<PublisherController> m_controller;
    Page m_page = Page::Overview;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_overview = nullptr;
    QPointer<QWidget> m_editor; // the API, operation or policy editor on show
    QHash<Page, ResourcePanel *> m_panels;
    QHash<Page, QString> m_pendingSelection;
    MaskedKeyField *m_primaryKey = nullptr;
    MaskedKeyField *m_secondaryKey = nullptr;
    QString m_keysOf;
};

} // namespace portico::ui
