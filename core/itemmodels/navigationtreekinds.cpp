// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/itemmodels/navigationtreekinds.h"

namespace portico::core::navigationtree {

namespace {

constexpr FolderSpec s_folders[] = {
    { Kind::ApisFolder, Kind::Api, QLatin1StringView("APIs"), QLatin1StringView("apis") },
    { Kind::ProductsFolder, Kind::Product, QLatin1StringView("Products"),
      QLatin1StringView("products") },
    { Kind::SubscriptionsFolder, Kind::Subscription, QLatin1StringView("Subscriptions"),
      QLatin1StringView("subscriptions") },
    { Kind::UsersFolder, Kind::User, QLatin1StringView("Users"), QLatin1StringView("users") },
    { Kind::GroupsFolder, Kind::Group, QLatin1StringView("Groups"), QLatin1StringView("groups") },
    { Kind::NamedValuesFolder, Kind::NamedValue, QLatin1StringView("Named values"),
      QLatin1StringView("namedValues") },
    { Kind::BackendsFolder, Kind::Backend, QLatin1StringView("Backends"),
      QLatin1StringView("backends") },
    { Kind::PoliciesFolder, Kind::Policy, QLatin1StringView("Policies"),
      QLatin1StringView("policies") },
};

} // namespace

std::span<const FolderSpec> folders()
{
    return s_folders;
}

const FolderSpec *folderSpec(Kind folder)
{
    for (const FolderSpec &spec : s_folders) {
        if (spec.folder == folder)
            return &spec;
    }
    return nullptr;
}

bool isExpandable(Kind kind)
{
    return kind == Kind::Environment || kind == Kind::Service || kind == Kind::Api
        || folderSpec(kind);
}

Kind childKind(Kind parent)
{
    if (parent == Kind::Environment)
        return Kind::Service;
    if (parent == Kind::Api)
        return Kind::Operation;
    const FolderSpec *spec = folderSpec(parent);
    return spec ? spec->item : Kind::Service;
}

QString displayNameOf(Kind kind, const QJsonObject &item)
{
    const QJsonObject properties = item.value(u"properties"_qs).toObject();
    QString display;
    if (kind == Kind::User) {
        display = QString(properties.value(u"firstName"_qs).toString() + u' '
                          + properties.value(u"lastName"_qs).toString())
                      .trimmed();
        if (display.isEmpty())
            display = properties.value(u"email"_qs).toString();
    } else if (kind == Kind::Backend) {
        display = properties.value(u"title"_qs).toString();
    } else if (kind != Kind::Service && kind != Kind::Policy) {
        display = properties.value(u"displayName"_qs).toString();
    }
    return display.isEmpty() ? item.value(u"name"_qs).toString() : display;
}

QJsonObject withoutSecrets(Kind kind, QJsonObject item)
{
    if (kind != Kind::Subscription && kind != Kind::NamedValue)
        return item;
    QJsonObject properties = item.value(u"properties"_qs).toObject();
    if (kind == Kind::Subscription) {
        properties.remove(u"primaryKey"_qs);
        properties.remove(u"secondaryKey"_qs);
    } else if (properties.value(u"secret"_qs).toBool()) {
        properties.remove(u"value"_qs);
    }
    item.insert(u"properties"_qs, properties);
    return item;
}

QString keyOf(const QJsonObject &item)
{
    const QString id = item.value(u"id"_qs).toString();
    return (id.isEmpty() ? item.value(u"name"_qs).toString() : id).toLower();
}

} // namespace portico::core::navigationtree
