// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/armrequest.h"
#include "core/arm/armresponse.h"
#include "core/common/result.h"

#include <QHash>
#include <QJsonObject>
#include <QVariantMap>

#include <functional>
#include <memory>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
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
//
// A bar above the page leads to the service's usage dashboard (Usage, Ctrl+Shift+U) and to the
// policy of what is shown (Edit policy, Ctrl+Shift+P): the
// service's global policy from its overview, an API's, an operation's or the selected
// product's; on the policy page the same button leads back. An editor with unsaved edits is
// kept when the user moves elsewhere and comes back with its edits when its item is shown
// again; only an unchanged editor is discarded. When the controller switches to another service
// (a new one finished provisioning), the page shows the overview. Every editor and list form
// stays with the service it was opened on: its loads, saves and deletes go there, and one with
// unsaved edits is kept under that service and comes back when the user is there again.
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
        Usage,        // the service's usage dashboard
    };
    Q_ENUM(Page)

    explicit PublisherWorkspace(PublisherController *controller, QWidget *parent = nullptr);
    ~PublisherWorkspace() override;

    // Shows the editor for a selection; `name` selects a record in the list pages.
    void showPage(Page page, const QString &name = {}, const QString &apiId = {});
    Page currentPage() const { return m_location.page; }
    QWidget *currentEditor() const;
    // The current service's list form for `page` (null until that page was shown).
    ResourcePanel *panel(Page page) const { return m_panels.value(page); }
    // The policy scope of the page on show ("" = global), or a null string where none applies.
    QString policyScope() const;
    // How many editors with unsaved edits are kept besides the one on show.
    int keptEditorCount() const;
    // Every editor and list form with unsaved edits, the one on show included (asked before quitting).
    int unsavedEditorCount() const;

Q_SIGNALS:
    // Something was created, changed or deleted: the owner refreshes the navigation tree.
    void resourcesChanged();

private:
    struct Location
    {
        Page page = Page::Overview;
        QString name;
        QString apiId;
    };
    // The environment, the service and the page: a kept editor comes back only for the same item
    // of the same service in the same environment.
    QString keyOf(const Location &location) const;
    // "API x", "Operation o of API x", "Product p", "Global (all APIs)".
    static QString scopeLabel(const QString &scope);
    static bool isDirty(const QWidget *editor);
    // Takes the editor on show off the page: kept (dirty) or deleted.
    void leaveEditor();
    // After a service switch: the old service's list forms leave m_panels, kept (dirty, or with
    // a save or delete under way, by panelKey()) or deleted.
    void leavePanels();
    // A list form's key: its environment's id, its service and its page (the same service path
    // can be in two environments, portico-local's and an Azure one).
    static QString panelKey(const QString &environment, const QString &service, Page page);
    void updateScopeBar();
    void togglePolicy();
    // A list page's panel for the current service.
    ResourcePanel *makePanel(Page page);
    Page pageOf(const ResourcePanel *panel) const { return m_panelStates.value(panel).page; }
    // An absolute ARM path below the service `panel` was made for. PublisherController::call()
    // treats any path that starts with "/subscriptions" as absolute, which APIM's own
    // subscriptions collection would be mistaken for, so this page always passes absolute paths.
    // A null string for a form this page no longer has (its calls are not made then).
    QString at(const ResourcePanel *panel, const QString &relative) const;
    // Whether `panel` was made in the environment whose client the controller has now: its calls
    // go through that client, so a form of another environment (kept for its save or delete
    // under way) sends nothing more.
    bool inItsEnvironment(const ResourcePanel *panel) const;
    // The error a form's save or delete ends with when its environment is no longer the current one.
    static core::Error environmentGone();
    void loadPanel(ResourcePanel *panel);
    // Creates (isNew) or updates a list item, then its links (publisherworkspacesaves.cpp).
    // `overwrite` saves over whatever the server has now (the conflict banner's Overwrite).
    void savePanel(ResourcePanel *panel, const QVariantMap &values, bool isNew, bool overwrite = false);
    // PATCHes the item at `path` with If-Match the ETag of the server copy the user's edits
    // started from, so a change made on the server meanwhile is reported (the panel offers
    // Keep server version / Overwrite) instead of overwritten. The list carries no ETags:
    // without a kept copy that matches what the form was loaded with, the item is read first,
    // and a server copy that differs from it is a conflict at once.
    void updateResource(ResourcePanel *panel, const QString &path, const QVariantMap &values, bool overwrite,
                        std::function<void(const core::Result<QJsonObject> &)> saved);
    // The ETag to send as If-Match for a write to the item at `path` that the user started from
    // `base` (the form as loaded) to get `values`: the kept server copy's when it still has
    // `base` in those fields, else the item's as read now ("" when the server sends none). When
    // the server's copy differs, `then` gets a Conflict error with HTTP status 412, as for a
    // stale If-Match; when it cannot be read, why. `fresh` reads the item and takes its ETag
    // whatever it holds (Overwrite).
    void currentEtag(ResourcePanel *panel, const QString &path, const QVariantMap &base,
                     const QVariantMap &values, bool fresh,
                     std::function<void(const core::Result<QByteArray> &etag)> then);
    // Keeps a reply's item and ETag as the server copy of `path` (forgets it for anything else).
    void rememberServerCopy(const ResourcePanel *panel, const QString &path,
                            const core::Result<core::ArmResponse> &reply);
    // Deletes the item `name` of a page if it is still what the form shows (If-Match its ETag,
    // as currentEtag() finds it; a change on the server meanwhile is the panel's
    // deleteConflicted()), or, `anyway`, whatever the server has now (If-Match: *).
    void deleteFromPanel(ResourcePanel *panel, const QString &name, bool anyway = false);
    // DELETE `path` (absolute) if the server's item still has what the form showed (`shown`, as
    // loaded); with an empty `shown`, unconditionally. `withSubscriptions` adds
    // deleteSubscriptions=true (publisherworkspacesaves.cpp).
    void removeResource(ResourcePanel *panel, const QString &path, bool withSubscriptions,
                        const QVariantMap &shown);
    // A delete of `panel` ended (done, refused, failed or declined).
    void deleteEnded(const ResourcePanel *panel);
    // One link call of a save: `item` added to or removed from the item's `key` links.
    struct LinkStep
    {
        QString key; // "apis", "groups"
        QString item;
        bool add = true;
    };
    // The link calls of a save (a product's APIs and groups) below `path`, one after the other,
    // then the outcome in the panel. `saved` is the item as the server has it, its links as
    // made so far. The item itself is saved (created, when `created`) whatever a link does: a
    // failed link leaves it saved, with the links still to make as the user's edits.
    void runSteps(ResourcePanel *panel, const QString &path, const QVariantMap &saved,
                  std::shared_ptr<QList<LinkStep>> steps, bool created);
    // A subscriptions panel's keys of `sid`.
    // The scopes and owners the subscriptions form offers for the subscription it shows.
    void offerSubscriptionChoices(ResourcePanel *panel);
    void showKeys(ResourcePanel *panel, const QString &sid);
    void regenerateKey(ResourcePanel *panel, bool primary);
    void sendRegenerate(ResourcePanel *panel, const QString &sid, bool primary);
    static QString collectionPath(Page page);

    QPointer<PublisherController> m_controller;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_overview = nullptr;
    QPointer<QWidget> m_editor; // the API, operation or policy editor on show
    Location m_location;        // what is on show
    QString m_editorKey;        // keyOf() m_editor was made for
    Location m_returnTo;        // where the policy page's Back leads
    QHash<QString, QPointer<QWidget>> m_kept; // editors with unsaved edits, by keyOf()
    QLabel *m_scopeLabel = nullptr;
    QPushButton *m_policyButton = nullptr;
    QPushButton *m_usageButton = nullptr;
    QHash<Page, ResourcePanel *> m_panels;              // the current service's list forms
    QHash<QString, QPointer<ResourcePanel>> m_keptPanels; // other services' with unsaved edits, by panelKey()
    // What a list form belongs to: its page and the service it was made for (its list, saves
    // and deletes go there whichever service is current), the record to select once its list
    // has loaded, and a subscriptions form's key fields and whose keys they show. It goes when
    // the form is destroyed, not before: a reply to a call of a form that left still finds it.
    struct PanelState
    {
        Page page = Page::Overview;
        QString environment;
        QString service;
        QString pendingSelection;
        MaskedKeyField *primaryKey = nullptr;
        MaskedKeyField *secondaryKey = nullptr;
        QString keysOf;
        int deletes = 0; // under way
        // What the service has (the subscriptions form offers some, see offerSubscriptionChoices()).
        QList<QPair<QString, QString>> scopes;
        QList<QPair<QString, QString>> owners;
    };
    QHash<const ResourcePanel *, PanelState> m_panelStates;
    // The last server copy of a list item read or saved here, and its ETag, by absolute path.
    struct ServerCopy
    {
        QVariantMap record; // as panelrecords::fromResource() gives it
        QByteArray etag;
    };
    QHash<QString, ServerCopy> m_serverCopies;
};

} // namespace portico::ui
