// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/panelspec.h"

namespace portico::ui {

namespace {

using Field = ResourcePanel::FieldSpec;
using FieldKind = ResourcePanel::FieldSpec::Kind;

Field field(QString key, QString label, FieldKind kind, QString objectName, bool required = false,
            bool createOnly = false)
{
    Field f;
    f.key = std::move(key);
    f.label = std::move(label);
    f.kind = kind;
    f.objectName = std::move(objectName);
    f.required = required;
    f.createOnly = createOnly;
    return f;
}

// A field that picks one of `choices` ({value, label}), `defaultValue` for a new item.
Field choiceField(QString key, QString label, QString objectName,
                  QList<QPair<QString, QString>> choices, QString defaultValue)
{
    Field f = field(std::move(key), std::move(label), FieldKind::Choice, std::move(objectName));
    f.choices = std::move(choices);
    f.defaultValue = std::move(defaultValue);
    return f;
}

// The rules of a page's id (apim-protocol.md §5): at most `maxLength` characters, none of
// `forbidden`. No id may contain "/" or "?", which would change the request's URL, nor "%",
// which the service, or a proxy on the way, may read as the start of an escape ("a%2Fb" as
// "a/b"); subscription and named value ids may not contain any of * # & + : < > ? either.
// `target` is the name the service gives the id in an error.
struct IdRules
{
    int maxLength = 0;
    QString forbidden;
    QString target;
};

IdRules idRules(PublisherWorkspace::Page page)
{
    using Page = PublisherWorkspace::Page;
    const QString path = u"/?%"_qs;
    const QString restricted = u"*#&+:<>?/%"_qs;
    switch (page) {
    case Page::Products: return { 256, path, u"productId"_qs };
    case Page::Subscriptions: return { 256, restricted, u"sid"_qs };
    case Page::Users: return { 80, path, u"userId"_qs };
    case Page::Groups: return { 256, path, u"groupId"_qs };
    case Page::NamedValues: return { 256, restricted, u"namedValueId"_qs };
    case Page::Backends: return { 80, path, u"backendId"_qs };
    default: return {};
    }
}

} // namespace

PanelSpec PanelSpec::forPage(PublisherWorkspace::Page page)
{
    using Page = PublisherWorkspace::Page;
    PanelSpec spec;
    switch (page) {
    case Page::Products: {
        spec.prefix = u"products"_qs;
        spec.title = tr("Products");
        const Field state = choiceField(u"state"_qs, tr("St&ate:"), u"productStateComboBox"_qs,
                                        { { u"notPublished"_qs, tr("Not published") },
                                          { u"published"_qs, tr("Published") } },
                                        u"notPublished"_qs);
        // "Unlimited" (below 0) is no limit: none is sent on create, null on update (§3.4);
        // 0 is a limit of 0.
        Field limit = field(u"subscriptionsLimit"_qs, tr("Subscriptions li&mit:"), FieldKind::Int,
                            u"productSubscriptionsLimitSpinBox"_qs);
        // APIM treats a product created without subscriptionRequired as protected (§3.4).
        Field subscriptionRequired = field(u"subscriptionRequired"_qs, tr("Su&bscription required"),
                                           FieldKind::Bool, u"productSubscriptionRequiredCheckBox"_qs);
        subscriptionRequired.defaultValue = true;
        spec.fields = { field(u"name"_qs, tr("&Id:"), FieldKind::Text, u"productIdLineEdit"_qs, true, true),
                        field(u"displayName"_qs, tr("&Display name:"), FieldKind::Text, u"productDisplayNameLineEdit"_qs, true),
                        field(u"description"_qs, tr("Descripti&on:"), FieldKind::MultiLineText, u"productDescriptionTextEdit"_qs),
                        state,
                        subscriptionRequired,
                        field(u"approvalRequired"_qs, tr("Approval re&quired"), FieldKind::Bool,
                              u"productApprovalRequiredCheckBox"_qs),
                        limit,
                        field(u"apis"_qs, tr("A&PIs:"), FieldKind::MultiChoice, u"productApisListWidget"_qs),
                        field(u"groups"_qs, tr("&Groups (who can see it):"), FieldKind::MultiChoice,
                              u"productGroupsListWidget"_qs) };
        spec.columns = { u"displayName"_qs, u"state"_qs, u"subscriptionRequired"_qs };
        break;
    }
    case Page::Subscriptions: {
        spec.prefix = u"subscriptions"_qs;
        spec.title = tr("Subscriptions");
        const Field state = choiceField(
            u"state"_qs, tr("St&ate:"), u"subscriptionStateComboBox"_qs,
            { { u"active"_qs, tr("Active") }, { u"suspended"_qs, tr("Suspended") },
              { u"submitted"_qs, tr("Submitted") }, { u"rejected"_qs, tr("Rejected") },
              { u"cancelled"_qs, tr("Cancelled") }, { u"expired"_qs, tr("Expired") } },
            u"active"_qs);
        spec.fields = { field(u"name"_qs, tr("&Id:"), FieldKind::Text, u"subscriptionIdLineEdit"_qs, true, true),
                        field(u"displayName"_qs, tr("&Display name:"), FieldKind::Text, u"subscriptionDisplayNameLineEdit"_qs, true),
                        field(u"scope"_qs, tr("S&cope:"), FieldKind::Choice, u"subscriptionScopeComboBox"_qs, true),
                        choiceField(u"ownerId"_qs, tr("&Owner:"), u"subscriptionOwnerComboBox"_qs, {}, QString()),
                        state };
        spec.columns = { u"displayName"_qs, u"scope"_qs, u"state"_qs };
        break;
    }
    case Page::Users: {
        spec.prefix = u"users"_qs;
        spec.title = tr("Users");
        const Field state = choiceField(
            u"state"_qs, tr("St&ate:"), u"userStateComboBox"_qs,
            { { u"active"_qs, tr("Active") }, { u"blocked"_qs, tr("Blocked") } }, u"active"_qs);
        spec.fields = { field(u"name"_qs, tr("&Id:"), FieldKind::Text, u"userIdLineEdit"_qs, true, true),
                        field(u"firstName"_qs, tr("&Given name:"), FieldKind::Text, u"userFirstNameLineEdit"_qs, true),
                        field(u"lastName"_qs, tr("Last na&me:"), FieldKind::Text, u"userLastNameLineEdit"_qs, true),
                        field(u"email"_qs, tr("E-mail a&ddress:"), FieldKind::Text, u"userEmailLineEdit"_qs, true),
                        state };
        spec.columns = { u"firstName"_qs, u"lastName"_qs, u"email"_qs, u"state"_qs };
        break;
    }
    case Page::Groups:
        spec.prefix = u"groups"_qs;
        spec.title = tr("Groups");
        spec.fields = { field(u"name"_qs, tr("&Id:"), FieldKind::Text, u"groupIdLineEdit"_qs, true, true),
                        field(u"displayName"_qs, tr("&Display name:"), FieldKind::Text, u"groupDisplayNameLineEdit"_qs, true),
                        field(u"description"_qs, tr("Descripti&on:"), FieldKind::MultiLineText, u"groupDescriptionTextEdit"_qs) };
        spec.columns = { u"displayName"_qs, u"description"_qs };
        break;
    case Page::NamedValues:
        spec.prefix = u"namedValues"_qs;
        spec.title = tr("Named values");
        spec.fields = { field(u"name"_qs, tr("&Id:"), FieldKind::Text, u"namedValueIdLineEdit"_qs, true, true),
                        field(u"displayName"_qs, tr("Na&me:"), FieldKind::Text, u"namedValueDisplayNameLineEdit"_qs, true),
                        field(u"value"_qs, tr("V&alue:"), FieldKind::Secret, u"namedValueValue"_qs),
                        field(u"secret"_qs, tr("Se&cret (never shown again after saving)"), FieldKind::Bool,
                              u"namedValueSecretCheckBox"_qs) };
        spec.columns = { u"displayName"_qs, u"secret"_qs };
        break;
    case Page::Backends: {
        spec.prefix = u"backends"_qs;
        spec.title = tr("Backends");
        const Field protocol = choiceField(
            u"protocol"_qs, tr("&Protocol:"), u"backendProtocolComboBox"_qs,
            { { u"http"_qs, tr("HTTP") }, { u"soap"_qs, tr("SOAP") } }, u"http"_qs);
        spec.fields = { field(u"name"_qs, tr("&Id:"), FieldKind::Text, u"backendIdLineEdit"_qs, true, true),
                        field(u"url"_qs, tr("Runti&me URL:"), FieldKind::Text, u"backendUrlLineEdit"_qs, true),
                        protocol,
                        field(u"description"_qs, tr("Descripti&on:"), FieldKind::MultiLineText, u"backendDescriptionTextEdit"_qs) };
        spec.columns = { u"url"_qs, u"protocol"_qs };
        break;
    }
    default:
        break;
    }
    const IdRules rules = idRules(page);
    for (Field &f : spec.fields) {
        if (f.key != u"name"_qs)
            continue;
        f.idMaxLength = rules.maxLength;
        f.idForbidden = rules.forbidden;
        f.targets = QStringList { rules.target };
    }
    return spec;
}

} // namespace portico::ui
