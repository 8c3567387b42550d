// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/panelrecords.h"

namespace portico::ui::panelrecords {

using Page = PublisherWorkspace::Page;

namespace {

const QString kLimit = u"subscriptionsLimit"_qs;
// How a record holds "no limit": the spin box's special value, one step below a limit of 0.
constexpr int kUnlimited = -1;

bool isUnlimited(const QVariant &limit)
{
    return !limit.isValid() || limit.isNull() || limit.toInt() < 0;
}

} // namespace

QString serviceRelative(const QString &id, const QString &serviceId)
{
    if (serviceId.isEmpty() || !id.startsWith(serviceId, Qt::CaseInsensitive))
        return id;
    const QString rest = id.mid(serviceId.size());
    if (rest.isEmpty())
        return u"/"_qs;
    return rest.startsWith(u'/') ? rest : id; // ".../service/ab" is not below ".../service/a"
}

QVariantMap fromResource(Page page, const QJsonObject &resource, const QString &serviceId)
{
    QVariantMap record = resource.value(u"properties"_qs).toObject().toVariantMap();
    record.insert(u"name"_qs, resource.value(u"name"_qs).toString());
    if (page == Page::Subscriptions) {
        for (const QString &key : { u"scope"_qs, u"ownerId"_qs })
            record.insert(key, serviceRelative(record.value(key).toString(), serviceId));
    } else if (page == Page::Products) {
        if (isUnlimited(record.value(kLimit)))
            record.insert(kLimit, kUnlimited);
        if (!record.contains(u"subscriptionRequired"_qs))
            record.insert(u"subscriptionRequired"_qs, true);
    }
    return record;
}

bool unchangedSince(Page page, const QVariantMap &server, const QVariantMap &base,
                    const QVariantMap &values)
{
    QStringList keys = base.keys() + values.keys();
    keys.removeDuplicates();
    for (const QString &key : std::as_const(keys)) {
        if (page == Page::Products && (key == u"apis"_qs || key == u"groups"_qs))
            continue;
        if (server.value(key) != base.value(key))
            return false;
    }
    return true;
}

namespace {

Choices without(const Choices &all, const QString &value)
{
    Choices kept;
    for (const auto &choice : all)
        if (choice.first != value)
            kept.append(choice);
    return kept;
}

} // namespace

Choices subscriptionOwnerChoices(const Choices &all, const QVariantMap &saved, bool isNew)
{
    return isNew || saved.value(u"ownerId"_qs).toString().isEmpty() ? all : without(all, QString());
}

Choices subscriptionScopeChoices(const Choices &all, const QVariantMap &saved, bool isNew)
{
    return !isNew && saved.value(u"scope"_qs).toString() == u"/"_qs ? all : without(all, u"/"_qs);
}

QJsonObject toProperties(Page page, const QVariantMap &values, bool isNew)
{
    QJsonObject properties = QJsonObject::fromVariantMap(values);
    properties.remove(u"name"_qs);
    if (page == Page::NamedValues && properties.value(u"value"_qs).toString().isEmpty())
        properties.remove(u"value"_qs); // a secret's value is not read back: unchanged unless typed
    if (page == Page::Subscriptions && properties.value(u"ownerId"_qs).toString().isEmpty())
        properties.remove(u"ownerId"_qs);
    if (page == Page::Products) {
        properties.remove(u"apis"_qs);
        properties.remove(u"groups"_qs);
        // "Unlimited" is no limit at all (§3.4: null means unlimited); 0 is a limit of 0.
        if (isUnlimited(values.value(kLimit))) {
            if (isNew)
                properties.remove(kLimit);
            else
                properties.insert(kLimit, QJsonValue::Null);
        }
    }
    return properties;
}

} // namespace portico::ui::panelrecords
