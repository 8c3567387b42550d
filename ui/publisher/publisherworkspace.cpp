// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/publisherworkspace.h"

#include "core/arm/armrequest.h"
#include "core/arm/armresponse.h"
#include "core/model/operation.h"
#include "ui/common/decisions.h"
#include "ui/common/forbiddentext.h"
#include "ui/common/maskedkeyfield.h"
#include "ui/common/stageddocument.h"
#include "ui/publisher/apieditor.h"
#include "ui/publisher/editorfields.h"
#include "ui/publisher/operationeditor.h"
#include "ui/publisher/panelrecords.h"
#include "ui/publisher/panelspec.h"
#include "ui/publisher/policyeditor.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/resourcepanel.h"
#include "ui/publisher/usagedashboard.h"

#include <QAction>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <functional>
#include <memory>
#include <utility>

namespace portico::ui {

PublisherWorkspace::PublisherWorkspace(PublisherController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(u"publisherWorkspace"_qs);
    m_scopeLabel = new QLabel(this);
    m_scopeLabel->setObjectName(u"publisherScopeLabel"_qs);
    m_policyButton = new QPushButton(this);
    m_policyButton->setObjectName(u"publisherPolicyButton"_qs);
    connect(m_policyButton, &QPushButton::clicked, this, &PublisherWorkspace::togglePolicy);
    auto *policyAction = new QAction(this);
    policyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    policyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(policyAction, &QAction::triggered, this, [this] {
        if (m_policyButton->isVisible() && m_policyButton->isEnabled())
            togglePolicy();
    });
    addAction(policyAction);
    m_usageButton = new QPushButton(tr("&Usage"), this);
    m_usageButton->setObjectName(u"publisherUsageButton"_qs);
    m_usageButton->setToolTip(tr("Calls, outcomes, response times and data of this service (Ctrl+Shift+U)"));
    connect(m_usageButton, &QPushButton::clicked, this, [this] { showPage(Page::Usage); });
    auto *usageAction = new QAction(this);
    usageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    usageAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(usageAction, &QAction::triggered, this, [this] {
        if (m_usageButton->isVisible())
            showPage(Page::Usage);
    });
    addAction(usageAction);
    auto *scopeBar = new QHBoxLayout;
    scopeBar->addWidget(m_scopeLabel, 1);
    scopeBar->addWidget(m_usageButton);
    scopeBar->addWidget(m_policyButton);
    m_stack = new QStackedWidget(this);
    m_overview = new QLabel(tr("Select a service, an API, an operation or a folder in the navigation tree "
                               "(F6 moves between the tree and this panel)."),
                            this);
    m_overview->setObjectName(u"publisherOverviewLabel"_qs);
    m_overview->setWordWrap(true);
    m_overview->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_overview);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(scopeBar);
    layout->addWidget(m_stack);
    connect(controller, &PublisherController::resourcesChanged, this, &PublisherWorkspace::resourcesChanged);
    // Nothing of the old service stays on show: its editor and list forms are left (kept while
    // they have unsaved edits, for when the user is back on that service).
    connect(controller, &PublisherController::serviceChanged, this, [this] {
        showPage(Page::Overview);
        leavePanels();
    });
    updateScopeBar();
}

PublisherWorkspace::~PublisherWorkspace()
{
    // The forms go with the stack after m_panelStates is gone: they must not reach it then.
    for (auto it = m_panelStates.cbegin(); it != m_panelStates.cend(); ++it)
        disconnect(it.key(), &QObject::destroyed, this, nullptr);
}

QWidget *PublisherWorkspace::currentEditor() const
{
    return m_stack->currentWidget();
}

QString PublisherWorkspace::collectionPath(Page page)
{
    switch (page) {
    case Page::Products: return u"/products"_qs;
    case Page::Subscriptions: return u"/subscriptions"_qs;
    case Page::Users: return u"/users"_qs;
    case Page::Groups: return u"/groups"_qs;
    case Page::NamedValues: return u"/namedValues"_qs;
    case Page::Backends: return u"/backends"_qs;
    default: return {};
    }
}

QString PublisherWorkspace::at(const ResourcePanel *panel, const QString &relative) const
{
    const auto state = m_panelStates.constFind(panel);
    return state == m_panelStates.cend() ? QString() : state->service + relative;
}

bool PublisherWorkspace::inItsEnvironment(const ResourcePanel *panel) const
{
    const auto state = m_panelStates.constFind(panel);
    return m_controller && state != m_panelStates.cend() && state->environment == m_controller->environmentId();
}

core::Error PublisherWorkspace::environmentGone()
{
    return PublisherController::environmentGone();
}

QString PublisherWorkspace::panelKey(const QString &environment, const QString &service, Page page)
{
    return environment + u'|' + service + u'|' + QString::number(int(page));
}

QString PublisherWorkspace::keyOf(const Location &location) const
{
    // The environment too: a draft comes back only where its save goes to its service.
    const QString environment = m_controller ? m_controller->environmentId() : QString();
    const QString service = m_controller ? m_controller->serviceId() : QString();
    return environment + u'|' + service + u'|' + QString::number(int(location.page)) + u'|' + location.apiId + u'|' + location.name;
}

bool PublisherWorkspace::isDirty(const QWidget *editor)
{
    if (const auto *api = qobject_cast<const ApiEditor *>(editor))
        return api->document()->isDirty();
    if (const auto *operation = qobject_cast<const OperationEditor *>(editor))
        return operation->document()->isDirty();
    if (const auto *policy = qobject_cast<const PolicyEditor *>(editor))
        return policy->isDirty();
    return false;
}

int PublisherWorkspace::keptEditorCount() const
{
    int n = 0;
    for (const QPointer<QWidget> &editor : m_kept)
        n += editor && isDirty(editor) ? 1 : 0; // one saved since it was left has none
    return n;
}

int PublisherWorkspace::unsavedEditorCount() const
{
    int n = keptEditorCount() + (isDirty(m_editor) ? 1 : 0);
    for (const ResourcePanel *panel : m_panels)
        n += panel->document()->isDirty() ? 1 : 0;
    for (const QPointer<ResourcePanel> &panel : m_keptPanels)
        n += panel && panel->document()->isDirty() ? 1 : 0;
    return n;
}

void PublisherWorkspace::leaveEditor()
{
    if (!m_editor)
        return;
    if (isDirty(m_editor)) {
        m_kept.insert(m_editorKey, m_editor); // stays in the stack, out of sight
    } else {
        m_stack->removeWidget(m_editor);
        m_editor->deleteLater();
    }
    m_editor = nullptr;
}

void PublisherWorkspace::leavePanels()
{
    const QString environment = m_controller ? m_controller->environmentId() : QString();
    const QString service = m_controller ? m_controller->serviceId() : QString();
    for (auto it = m_panels.begin(); it != m_panels.end();) {
        ResourcePanel *panel = it.value();
        const PanelState state = m_panelStates.value(panel);
        if (state.service == service && state.environment == environment) {
            ++it;
            continue;
        }
        // A save or delete under way ends on the form it was made from, which the user finds
        // as it ended when back on its service.
        if (panel->document()->isDirty() || panel->isBusy() || m_panelStates.value(panel).deletes > 0) {
            m_keptPanels.insert(panelKey(state.environment, state.service, it.key()), panel); // stays in the stack, out of sight
        } else {
            m_stack->removeWidget(panel);
            panel->deleteLater(); // its state goes when it does (see makePanel())
        }
        it = m_panels.erase(it);
    }
}

QString PublisherWorkspace::policyScope() const
{
    if (!m_controller || m_controller->serviceId().isEmpty())
        return {};
    switch (m_location.page) {
    case Page::Overview: return u""_qs;
    case Page::Policy: return m_location.name;
    case Page::Api:
        return m_location.name.isEmpty() ? QString() : u"/apis/"_qs + m_location.name;
    case Page::Operation:
        return m_location.name.isEmpty() ? QString()
                                         : u"/apis/"_qs + m_location.apiId + u"/operations/"_qs + m_location.name;
    case Page::Products: {
        const ResourcePanel *products = m_panels.value(Page::Products);
        const QString product = products && !products->isNew() ? products->currentName() : QString();
        return product.isEmpty() ? QString() : u"/products/"_qs + product;
    }
    default: return {};
    }
}

void PublisherWorkspace::updateScopeBar()
{
    const QString scope = policyScope();
    const bool onPolicy = m_location.page == Page::Policy;
    m_policyButton->setText(onPolicy ? tr("&Back") : tr("Edit poli&cy"));
    m_policyButton->setToolTip(onPolicy ? tr("Back to what this policy belongs to (Ctrl+Shift+P)")
                                        : tr("Edit the policy of what is shown (Ctrl+Shift+P)"));
    m_policyButton->setVisible(onPolicy || !scope.isNull());
    m_usageButton->setVisible(m_controller && !m_controller->serviceId().isEmpty() && m_location.page != Page::Usage);
    // On the policy page its editor names the scope itself.
    m_scopeLabel->setText(onPolicy || scope.isNull() ? QString() : tr("Policy scope: %1").arg(scopeLabel(scope)));
}

QString PublisherWorkspace::scopeLabel(const QString &scope)
{
    // "", "/apis/{api}", "/apis/{api}/operations/{operation}", "/products/{product}"
    const QStringList parts = scope.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() == 2 && parts.at(0) == u"apis")
        return tr("API %1").arg(parts.at(1));
    if (parts.size() == 4 && parts.at(0) == u"apis" && parts.at(2) == u"operations")
        return tr("Operation %1 of API %2").arg(parts.at(3), parts.at(1));
    if (parts.size() == 2 && parts.at(0) == u"products")
        return tr("Product %1").arg(parts.at(1));
    return tr("Global (all APIs)");
}

void PublisherWorkspace::togglePolicy()
{
    if (m_location.page == Page::Policy) {
        const Location back = m_returnTo;
        showPage(back.page, back.name, back.apiId);
        return;
    }
    const QString scope = policyScope();
    if (scope.isNull())
        return;
    m_returnTo = m_location;
    showPage(Page::Policy, scope);
}

void PublisherWorkspace::showPage(Page page, const QString &name, const QString &apiId)
{
    leaveEditor();
    m_location = { page, name, apiId };
    const QString key = keyOf(m_location);
    if (const QPointer<QWidget> kept = m_kept.take(key); kept) {
        m_editor = kept; // the user's unsaved edits, as they were left
        m_editorKey = key;
        m_stack->setCurrentWidget(kept);
        updateScopeBar();
        return;
    }
    switch (page) {
    case Page::Overview:
        m_stack->setCurrentWidget(m_overview);
        updateScopeBar();
        return;
    case Page::Api: {
        auto *editor = new ApiEditor(this);
        m_controller->attachApiEditor(editor);
        if (name.isEmpty())
            editor->loadNew();
        else
            m_controller->openApi(editor, name);
        m_editor = editor;
        break;
    }
    case Page::Operation: {
        auto *editor = new OperationEditor(this);
        m_controller->attachOperationEditor(editor, apiId);
        if (name.isEmpty()) {
            editor->loadNew();
        } else {
            m_controller->openOperation(editor, apiId, name);
        }
        m_editor = editor;
        break;
    }
    case Page::Usage: {
        auto *dashboard = new UsageDashboard(m_controller, this);
        dashboard->refresh();
        m_editor = dashboard;
        break;
    }
    case Page::Policy: {
        auto *editor = new PolicyEditor(this);
        const QString label = scopeLabel(name);
        m_controller->attachPolicyEditor(editor, name, label);
        m_editor = editor;
        break;
    }
    default: {
        ResourcePanel *panel = m_panels.value(page);
        if (!panel) {
            // This service's form with unsaved edits, as the user left it, or a new one.
            panel = m_keptPanels.take(m_controller ? panelKey(m_controller->environmentId(), m_controller->serviceId(), page)
                                                   : QString());
            if (!panel)
                panel = makePanel(page);
            m_panels.insert(page, panel);
        }
        m_stack->setCurrentWidget(panel);
        m_panelStates[panel].pendingSelection = name; // selected once the list has loaded
        loadPanel(panel);
        updateScopeBar();
        return;
    }
    }
    m_editorKey = key;
    m_stack->addWidget(m_editor);
    m_stack->setCurrentWidget(m_editor);
    updateScopeBar();
}

ResourcePanel *PublisherWorkspace::makePanel(Page page)
{
    const PanelSpec spec = PanelSpec::forPage(page);
    auto *panel = new ResourcePanel(spec.prefix, spec.title, spec.fields, spec.columns, this);
    PanelState &state = m_panelStates[panel];
    state.page = page;
    state.environment = m_controller ? m_controller->environmentId() : QString();
    state.service = m_controller ? m_controller->serviceId() : QString();
    // Until the form is gone, a reply to it still finds the service it belongs to.
    connect(panel, &QObject::destroyed, this, [this, panel] { m_panelStates.remove(panel); });
    m_stack->addWidget(panel);
    connect(panel, &ResourcePanel::currentChanged, this, [this, panel, page] {
        if (m_location.page == page && m_panels.value(page) == panel)
            updateScopeBar();
    });
    connect(panel, &ResourcePanel::saveRequested, this,
            [this, panel](const QVariantMap &values, bool isNew) { savePanel(panel, values, isNew); });
    connect(panel, &ResourcePanel::deleteRequested, this,
            [this, panel](const QString &name) { deleteFromPanel(panel, name); });
    connect(panel, &ResourcePanel::deleteAnywayRequested, this,
            [this, panel](const QString &name) { deleteFromPanel(panel, name, true); });
    connect(panel, &ResourcePanel::refreshRequested, this, [this, panel] { loadPanel(panel); });
    connect(panel, &ResourcePanel::reloadRequested, this, [this, panel] { loadPanel(panel); });
    connect(panel, &ResourcePanel::overwriteRequested, this,
            [this, panel](const QVariantMap &values) { savePanel(panel, values, false, true); });

    if (page == Page::Subscriptions) {
        auto *keys = new QGroupBox(tr("Keys"), panel);
        keys->setObjectName(u"subscriptionKeysGroupBox"_qs);
        state.primaryKey = new MaskedKeyField(u"primaryKey"_qs, keys);
        state.secondaryKey = new MaskedKeyField(u"secondaryKey"_qs, keys);
        auto *regeneratePrimary = new QPushButton(tr("Regenerate &primary…"), keys);
        regeneratePrimary->setObjectName(u"regeneratePrimaryKeyPushButton"_qs);
        auto *regenerateSecondary = new QPushButton(tr("Re&generate secondary…"), keys);
        regenerateSecondary->setObjectName(u"regenerateSecondaryKeyPushButton"_qs);
        connect(regeneratePrimary, &QPushButton::clicked, this, [this, panel] { regenerateKey(panel, true); });
        connect(regenerateSecondary, &QPushButton::clicked, this, [this, panel] { regenerateKey(panel, false); });
        auto *form = new QFormLayout(keys);
        auto row = [keys](MaskedKeyField *key, QPushButton *button) {
            auto *line = new QHBoxLayout;
            line->addWidget(key, 1);
            line->addWidget(button);
            return line;
        };
        form->addRow(tr("Primary key:"), row(state.primaryKey, regeneratePrimary));
        form->addRow(tr("Secondary key:"), row(state.secondaryKey, regenerateSecondary));
        panel->addExtraWidget(keys);
        connect(panel, &ResourcePanel::currentChanged, this, [this, panel](const QString &sid) {
            offerSubscriptionChoices(panel);
            showKeys(panel, sid);
        });
    }
    return panel;
}

void PublisherWorkspace::loadPanel(ResourcePanel *panel)
{
    if (!panel || !inItsEnvironment(panel))
        return;
    const Page page = pageOf(panel);
    m_controller->listResources(at(panel, collectionPath(page)), panel, [this, panel, page](const core::Result<QList<QJsonObject>> &r) {
        if (!r) {
            panel->setLoadError(r.error().kind == core::Error::Kind::Forbidden
                                    ? ForbiddenText::withAdvice(
                                          tr("Could not load this list: the signed-in account does "
                                             "not have permission to read “%1” in this service (%2).")
                                              .arg(PanelSpec::forPage(page).title, r.error().message))
                                    : tr("Could not load this list: %1").arg(r.error().message));
            return;
        }
        auto records = std::make_shared<QVariantList>();
        for (const QJsonObject &resource : r.value())
            records->append(panelrecords::fromResource(page, resource, m_panelStates.value(panel).service));
        auto show = [this, panel, records] {
            panel->setRecords(*records);
            const auto state = m_panelStates.find(panel);
            if (state == m_panelStates.end())
                return;
            if (const QString name = std::exchange(state->pendingSelection, QString()); !name.isEmpty())
                panel->showRecord(name);
        };
        if (page != Page::Products || records->isEmpty()) {
            show();
            return;
        }
        // A product's APIs and groups are links, listed per product (not through the client of
        // an environment the user picked meanwhile: the list is loaded again when it is shown).
        if (!inItsEnvironment(panel))
            return;
        auto pending = std::make_shared<int>(int(records->size()) * 2);
        for (qsizetype i = 0; i < records->size(); ++i) {
            const QString product = records->at(i).toMap().value(u"name"_qs).toString();
            for (const QString &link : { u"apis"_qs, u"groups"_qs }) {
                m_controller->listResources(at(panel, u"/products/"_qs + product + u'/' + link), panel,
                                            [records, pending, show, i, link](const core::Result<QList<QJsonObject>> &r) {
                                                QStringList names;
                                                for (const QJsonObject &item : r ? r.value() : QList<QJsonObject>())
                                                    names << item.value(u"name"_qs).toString();
                                                QVariantMap record = records->at(i).toMap();
                                                record.insert(link, names);
                                                (*records)[i] = record;
                                                if (--*pending == 0)
                                                    show();
                                            });
            }
        }
    });
    if (page == Page::Products) {
        for (const QString &link : { u"apis"_qs, u"groups"_qs }) {
            m_controller->listResources(at(panel, u'/' + link), panel, [panel, link](const core::Result<QList<QJsonObject>> &r) {
                QList<QPair<QString, QString>> choices;
                for (const QJsonObject &item : r ? r.value() : QList<QJsonObject>())
                    choices.append({ item.value(u"name"_qs).toString(),
                                     item.value(u"properties"_qs).toObject().value(u"displayName"_qs).toString() });
                panel->setChoices(link, choices);
            });
        }
    }
    if (page == Page::Subscriptions) {
        // Scopes (all APIs, each product, each API) and owners for the choices.
        m_controller->listResources(at(panel, u"/products"_qs), panel, [this, panel](const core::Result<QList<QJsonObject>> &products) {
            if (!inItsEnvironment(panel))
                return; // its APIs would be read from the environment picked meanwhile
            m_controller->listResources(at(panel, u"/apis"_qs), panel, [this, panel, products](const core::Result<QList<QJsonObject>> &apis) {
                // "/" is the service's built-in all-access subscription.
                QList<QPair<QString, QString>> scopes { { u"/apis"_qs, tr("All APIs") },
                                                        { u"/"_qs, tr("Whole service (all access)") } };
                for (const QJsonObject &p : products ? products.value() : QList<QJsonObject>())
                    scopes.append({ u"/products/"_qs + p.value(u"name"_qs).toString(),
                                    tr("Product: %1").arg(p.value(u"properties"_qs).toObject().value(u"displayName"_qs).toString()) });
                for (const QJsonObject &a : apis ? apis.value() : QList<QJsonObject>())
                    scopes.append({ u"/apis/"_qs + a.value(u"name"_qs).toString(),
                                    tr("API: %1").arg(a.value(u"properties"_qs).toObject().value(u"displayName"_qs).toString()) });
                panel->setChoices(u"scope"_qs, scopes);
                if (const auto state = m_panelStates.find(panel); state != m_panelStates.end())
                    state->scopes = scopes;
                offerSubscriptionChoices(panel);
            });
        });
        m_controller->listResources(at(panel, u"/users"_qs), panel, [this, panel](const core::Result<QList<QJsonObject>> &users) {
            QList<QPair<QString, QString>> owners { { QString(), tr("No owner") } };
            for (const QJsonObject &u : users ? users.value() : QList<QJsonObject>()) {
                const QJsonObject p = u.value(u"properties"_qs).toObject();
                owners.append({ u"/users/"_qs + u.value(u"name"_qs).toString(),
                                tr("%1 %2 <%3>").arg(p.value(u"firstName"_qs).toString(), p.value(u"lastName"_qs).toString(),
                                                     p.value(u"email"_qs).toString()) });
            }
            panel->setChoices(u"ownerId"_qs, owners);
            if (const auto state = m_panelStates.find(panel); state != m_panelStates.end())
                state->owners = owners;
            offerSubscriptionChoices(panel);
        });
    }
}

void PublisherWorkspace::deleteFromPanel(ResourcePanel *panel, const QString &name, bool anyway)
{
    if (!m_panelStates.contains(panel))
        return;
    const Page page = pageOf(panel);
    const QString path = at(panel, collectionPath(page) + u'/' + name);
    // What the user was shown when they chose Delete (the form shows the item to delete).
    QVariantMap shown;
    if (!anyway && panel->currentName() == name)
        shown = panel->document()->savedValues();
    ++m_panelStates[panel].deletes; // until removeResource() or a refusal here ends it
    if (page != Page::Products && page != Page::Users) {
        removeResource(panel, path, false, shown);
        return;
    }
    // A product or user with subscriptions is deleted only together with them (§2.4, §2.6).
    m_controller->listResources(path + u"/subscriptions"_qs, panel, [this, panel, path, name, shown](const core::Result<QList<QJsonObject>> &r) {
        if (!r) {
            deleteEnded(panel);
            panel->deleteFailed(r.error(), name);
            return;
        }
        const int count = int(r.value().size());
        if (count == 0) {
            removeResource(panel, path, false, shown);
            return;
        }
        decisions::confirm(panel, tr("Delete subscriptions"),
                           tr("“%1” has subscriptions. Also delete its %n subscription(s)? Callers that use their keys are refused from now on.", nullptr, count)
                               .arg(name),
                           tr("Delete &all"), [this, panel, path, shown](bool accepted) {
                               if (accepted)
                                   removeResource(panel, path, true, shown);
                               else
                                   deleteEnded(panel);
                           });
    });
}

void PublisherWorkspace::deleteEnded(const ResourcePanel *panel)
{
    if (const auto state = m_panelStates.find(panel); state != m_panelStates.end() && state->deletes > 0)
        --state->deletes;
}

void PublisherWorkspace::offerSubscriptionChoices(ResourcePanel *panel)
{
    const auto state = m_panelStates.constFind(panel);
    if (state == m_panelStates.cend())
        return;
    const QVariantMap saved = panel->document()->savedValues();
    const bool isNew = panel->isNew();
    if (!state->scopes.isEmpty())
        panel->offerChoices(u"scope"_qs, panelrecords::subscriptionScopeChoices(state->scopes, saved, isNew));
    if (!state->owners.isEmpty())
        panel->offerChoices(u"ownerId"_qs, panelrecords::subscriptionOwnerChoices(state->owners, saved, isNew));
    const bool owned = !isNew && !saved.value(u"ownerId"_qs).toString().isEmpty();
    panel->setFieldNote(u"ownerId"_qs, owned ? tr("This subscription can be given to another user but not made "
                                                  "ownerless: the service keeps its owner when none is sent.")
                                             : QString());
}

void PublisherWorkspace::showKeys(ResourcePanel *panel, const QString &sid)
{
    const auto found = m_panelStates.find(panel);
    if (found == m_panelStates.end())
        return;
    PanelState &state = *found;
    state.keysOf = sid;
    state.primaryKey->clear();
    state.secondaryKey->clear();
    state.primaryKey->setRevealed(false);
    state.secondaryKey->setRevealed(false);
    if (sid.isEmpty() || !inItsEnvironment(panel))
        return;
    m_controller->listSecrets(state.service, sid, state.primaryKey, [this, panel, sid](const core::Result<QJsonObject> &r) {
        const auto found = m_panelStates.constFind(panel);
        if (found == m_panelStates.cend() || sid != found->keysOf)
            return;
        const PanelState &state = *found;
        if (!r.ok()) {
            const QString text = r.error().kind == core::Error::Kind::Forbidden
                ? ForbiddenText::withAdvice(
                      tr("The keys of “%1” could not be read: the signed-in account does not have "
                         "permission to list them (%2).")
                          .arg(sid, r.error().message))
                : tr("The keys could not be read: %1").arg(r.error().message);
            panel->showError(text, [this, panel, sid] { showKeys(panel, sid); });
            return;
        }
        state.primaryKey->setSecret(r.value().value(u"primaryKey"_qs).toString());
        state.secondaryKey->setSecret(r.value().value(u"secondaryKey"_qs).toString());
    });
}

void PublisherWorkspace::regenerateKey(ResourcePanel *panel, bool primary)
{
    const QString sid = m_panelStates.value(panel).keysOf;
    if (sid.isEmpty() || !m_controller || !m_panelStates.contains(panel))
        return;
    auto *confirm = new QMessageBox(QMessageBox::Warning, tr("Regenerate key"),
                                    primary ? tr("Regenerate the primary key of “%1”? Callers that use the current key are refused from now on.").arg(sid)
                                            : tr("Regenerate the secondary key of “%1”? Callers that use the current key are refused from now on.").arg(sid),
                                    QMessageBox::Cancel, this);
    confirm->setObjectName(u"regenerateKeyMessageBox"_qs);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *regenerate = confirm->addButton(tr("&Regenerate"), QMessageBox::DestructiveRole);
    regenerate->setObjectName(u"regenerateKeyConfirmPushButton"_qs);
    confirm->setDefaultButton(QMessageBox::Cancel);
    connect(regenerate, &QPushButton::clicked, panel, [this, panel, sid, primary] { sendRegenerate(panel, sid, primary); });
    confirm->open();
}

void PublisherWorkspace::sendRegenerate(ResourcePanel *panel, const QString &sid, bool primary)
{
    if (!inItsEnvironment(panel))
        return;
    m_controller->call(core::ArmRequest::post(at(panel, u"/subscriptions/"_qs + sid
                                                 + (primary ? u"/regeneratePrimaryKey"_qs : u"/regenerateSecondaryKey"_qs))),
                       panel, [this, panel, sid, primary](const core::Result<QJsonObject> &r) {
                           if (sid != m_panelStates.value(panel).keysOf)
                               return;
                           if (r.ok()) {
                               showKeys(panel, sid);
                               return;
                           }
                           // The key on show is still the valid one: it stays.
                           const bool forbidden = r.error().kind == core::Error::Kind::Forbidden;
                           const QString text = forbidden
                               ? ForbiddenText::withAdvice(
                                     (primary ? tr("The primary key of “%1” was not regenerated: the signed-in account does "
                                                   "not have permission to regenerate it (%2).")
                                              : tr("The secondary key of “%1” was not regenerated: the signed-in account "
                                                   "does not have permission to regenerate it (%2)."))
                                         .arg(sid, r.error().message))
                               : (primary ? tr("The primary key was not regenerated: %1")
                                          : tr("The secondary key was not regenerated: %1"))
                                     .arg(r.error().message);
                           panel->showError(text, [this, panel, sid, primary] { sendRegenerate(panel, sid, primary); });
                       });
}

} // namespace portico::ui
