// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/publisher/publisherworkspace.h"

#include <QJsonObject>
#include <QString>
#include <QVariantMap>

namespace portico::ui {

// Between ARM resources and the records a ResourcePanel edits (see PanelSpec for the fields).
namespace panelrecords {

// A list item as the panels keep it: the resource's properties plus its ARM name ("name"), in
// the form the fields use whatever form the server answers in:
// - a subscription's scope and owner relative to the service ("/products/x", "/users/y", "/apis"
//   and "/" for the whole service), like the choices; no owner is "";
// - a product's missing or null subscriptionsLimit is -1 ("Unlimited", distinct from a limit
//   of 0, which stays 0), a missing subscriptionRequired is true (APIM's default, §3.4).
QVariantMap fromResource(
    PublisherWorkspace::Page page, const QJsonObject &resource, const QString &serviceId);

// The `properties` of the PUT (`isNew`) or PATCH that saves `values` of a record. Links (a
// product's APIs and groups) are separate calls and not included. A product's "Unlimited" limit
// (-1 or no value) is left out of a create and sent as null in an update; 0 is sent as 0.
QJsonObject toProperties(PublisherWorkspace::Page page, const QVariantMap &values, bool isNew);

// Whether the server's copy of an item (`server`, as fromResource() gives it) still has what the
// user started editing from (`base`) in every field the form was loaded with or a save of
// `values` sends. Links (a product's APIs and groups) are read separately and not compared.
bool unchangedSince(PublisherWorkspace::Page page, const QVariantMap &server,
                    const QVariantMap &base, const QVariantMap &values);

// The choices a subscription's form offers, out of `all` (what the service has), for the
// subscription the form shows (`saved`, as loaded; `isNew` for a new one):
// - owners: "No owner" (the value "") only for a new or ownerless subscription. An update sends
//   no ownerId for "" (the service keeps the owner), and §3.5 names no way to remove an owner.
// - scopes: the whole service ("/") only for a subscription that has it (the built-in
//   all-access one). A new one gets `/products/{productId}`, `/apis` or `/apis/{apiId}` (§3.5).
using Choices = QList<QPair<QString, QString>>;
Choices subscriptionOwnerChoices(const Choices &all, const QVariantMap &saved, bool isNew);
Choices subscriptionScopeChoices(const Choices &all, const QVariantMap &saved, bool isNew);

// "{serviceId}/products/x" → "/products/x", matched case-insensitively; any other value as it is.
QString serviceRelative(const QString &id, const QString &serviceId);

} // namespace panelrecords

} // namespace portico::ui
