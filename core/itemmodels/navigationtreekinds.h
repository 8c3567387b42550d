// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// What each kind of NavigationTreeModel node is: which folders a service has and what they
// list, which kinds have children, how an item's display name is chosen and which secret
// fields never enter the model. Internal to core/itemmodels.

#include "core/itemmodels/navigationtreemodel.h"

#include <QJsonObject>
#include <QLatin1StringView>

#include <span>

namespace portico::core::navigationtree {

using Kind = NavigationTreeModel::Kind;

struct FolderSpec
{
    Kind folder;
    Kind item;
    QLatin1StringView display;    // English, for tools and tests; the UI labels folders by kind
    QLatin1StringView collection; // the collection below the service id
};

// The folders of a service, in display order.
std::span<const FolderSpec> folders();
const FolderSpec *folderSpec(Kind folder);
bool isExpandable(Kind kind);
// The kind of the children a node of `parent` kind lists.
Kind childKind(Kind parent);
QString displayNameOf(Kind kind, const QJsonObject &item);
// List calls do not return subscription keys or secret named values; should a server send them
// anyway, they never become part of the model.
QJsonObject withoutSecrets(Kind kind, QJsonObject item);
// ARM ids are case-insensitive; a listed item without an id (never seen) is keyed by name.
QString keyOf(const QJsonObject &item);

} // namespace portico::core::navigationtree
