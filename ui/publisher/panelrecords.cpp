// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/panelrecords.h"

namespace portico::ui::panelrecords {

using Page = PublisherWorkspace::Page;

namespace {

const QString kLimit = u"subscriptionsLimit"_qs;

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
        const QVariant limit = record.value(kLimit);
        if (!limit.isValid() || limit.isNull())
            record.insert(kLimit, 0);
        if (!record.contains(u"subscriptionRequired"_qs))
            record.insert(u"subscriptionRequired"_qs, true);
    }
    return record;
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
        // "Unlimited" is no limit at all, never a limit of 0 (which earlier versions stored).
        if (values.value(kLimit).toInt() == 0) {
            if (isNew)
                properties.remove(kLimit);
            else
                properties.insert(kLimit, QJsonValue::Null);
        }
    }
    return properties;
}

} // namespace portico::ui::panelrecords
